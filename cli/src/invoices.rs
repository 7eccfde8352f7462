//! `andel invoices FILE --year Y`: a year's instalments, member by member.

use crate::args::{Format, InvoicesArgs};
use crate::failure::Failure;
use crate::plan::{Source, aligned, signed};
use crate::settle::settlement;
use andel::plan::Plan;

/// `andel invoices FILE --year Y [--settle [--outcome FILE]] [--format …]`.
pub fn run(args: &InvoicesArgs) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let (plan, result) = source.compute()?;
    let settled = match args.settle {
        true => Some(settlement(
            &source,
            &plan,
            &result,
            args.year - 1,
            args.outcome.as_deref(),
        )?),
        false => None,
    };
    let invoices = plan
        .invoices(&result, args.year, settled.as_ref())
        .map_err(|e| source.failure(Plan::locate(e, &source.text, source.format)))?;
    match args.format {
        Format::Json => Ok(invoices.to_json() + "\n"),
        Format::Csv => Ok(invoices.to_csv()),
        Format::Table => {
            let mut header = ["due", "#", "member", "amount"].map(String::from).to_vec();
            if settled.is_some() {
                header.extend(["settlement", "total"].map(String::from));
            }
            header.push("reference".into());
            let mut rows = Vec::new();
            for run in &invoices.runs {
                for i in &run.invoices {
                    let mut row = vec![
                        i.due.to_string(),
                        i.instalment.to_string(),
                        i.name.clone(),
                        i.amount.to_string(),
                    ];
                    if settled.is_some() {
                        row.push(signed(&i.settlement.to_string()));
                        row.push(i.total.to_string());
                    }
                    row.push(i.reference.clone());
                    rows.push(row);
                }
            }
            let mut out = format!(
                "{}: invoices for {} in {} instalment(s), net {} {}\n",
                plan.name,
                args.year,
                invoices.runs.len(),
                invoices.net,
                invoices.currency
            );
            if let Some(s) = &settled {
                out.push_str(&format!(
                    "The settlement of {} is on the first instalment.\n",
                    s.year
                ));
            }
            out.push('\n');
            out.push_str(&aligned(&header, &rows, None));
            out.push_str("\nEach instalment run:\n\n");
            let rows: Vec<Vec<String>> = invoices
                .runs
                .iter()
                .map(|r| {
                    vec![
                        r.instalment.to_string(),
                        r.due.to_string(),
                        r.total.to_string(),
                    ]
                })
                .collect();
            out.push_str(&aligned(
                &["#", "due", "total"].map(String::from),
                &rows,
                None,
            ));
            Ok(out)
        }
    }
}
