//! `andel invoices FILE --year Y`: a year's instalments, member by member.

use crate::args::{InvoicesArgs, ReportFormat};
use crate::failure::Failure;
use crate::plan::{Source, aligned};
use crate::settle::{outcome_file, outcome_source, settling_failure};
use andel::text::{Labels, Lang, figure, money, signed};

/// `andel invoices FILE --year Y [--settle [--outcome FILE]] [--format …]`.
pub fn run(args: &InvoicesArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let computed = source.compute()?;
    let file = outcome_file(args.outcome.as_deref())?;
    let settle = args.settle.then(|| outcome_source(file.as_ref()));
    let (invoices, settled) = computed
        .invoices(args.year.into(), settle)
        .map_err(|e| settling_failure(&source, file.as_ref(), e))?;
    let plan = computed.plan();
    let lang = computed.lang(lang);
    let l = lang.labels();
    let fig = |d: andel::Decimal| figure(d, lang);
    match args.format {
        ReportFormat::Json => Ok(invoices.to_json() + "\n"),
        ReportFormat::Csv => Ok(invoices.to_csv()),
        ReportFormat::Table => {
            let mut header = [l.due, l.number, l.member, l.amount]
                .map(String::from)
                .to_vec();
            if settled.is_some() {
                header.extend([l.settlement, l.total].map(String::from));
            }
            header.push(l.reference.into());
            let mut rows = Vec::new();
            for run in &invoices.runs {
                for i in &run.invoices {
                    let mut row = vec![
                        i.due.to_string(),
                        i.instalment.to_string(),
                        i.name.clone(),
                        fig(i.amount),
                    ];
                    if settled.is_some() {
                        row.push(signed(i.settlement, lang));
                        row.push(fig(i.total));
                    }
                    row.push(i.reference.clone());
                    rows.push(row);
                }
            }
            let mut out = format!(
                "{}: {} {} ({} {}), {} {}\n",
                plan.name,
                l.invoices,
                args.year,
                invoices.runs.len(),
                l.instalments,
                l.net,
                money(invoices.net, &invoices.currency, lang)
            );
            if let Some(s) = &settled {
                out.push_str(&format!(
                    "{} {} {}.\n",
                    Labels::capitalized(l.settlement_of),
                    s.year,
                    l.settlement_on_first
                ));
            }
            out.push('\n');
            out.push_str(&aligned(&header, &rows, None));
            out.push_str(&format!("\n{}:\n\n", l.each_instalment_run));
            let rows: Vec<Vec<String>> = invoices
                .runs
                .iter()
                .map(|r| vec![r.instalment.to_string(), r.due.to_string(), fig(r.total)])
                .collect();
            out.push_str(&aligned(
                &[l.number, l.due, l.total].map(String::from),
                &rows,
                None,
            ));
            Ok(out)
        }
    }
}
