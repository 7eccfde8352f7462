//! `andel settle FILE --year Y`: each member's settlement of a year's
//! actual outcome.

use crate::args::{ReportFormat, SettleArgs};
use crate::failure::Failure;
use crate::plan::{Source, aligned};
use andel::cycle::{OutcomeSource, SettlingError};

use andel::text::{Lang, figure, money, signed};
use std::path::Path;

/// The outcome file, read, when one is given.
pub fn outcome_file(outcome: Option<&Path>) -> Result<Option<Source>, Failure> {
    outcome.map(Source::read).transpose()
}

/// Where the outcome comes from: the file (read by `outcome_file`), else
/// the plan's own `[[outcome]]`.
pub fn outcome_source(file: Option<&Source>) -> OutcomeSource<'_> {
    match file {
        Some(f) => OutcomeSource::Text {
            text: &f.text,
            format: Some(f.format),
        },
        None => OutcomeSource::Plan,
    }
}

/// A settling error, named after the file it is in.
pub fn settling_failure(source: &Source, file: Option<&Source>, e: SettlingError) -> Failure {
    match (e.in_outcome, file) {
        (true, Some(f)) => f.failure(e.error),
        _ => source.failure(e.error),
    }
}

/// `andel settle FILE --year Y [--outcome FILE] [--format …]`.
pub fn run(args: &SettleArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let computed = source.compute()?;
    let file = outcome_file(args.outcome.as_deref())?;
    let s = computed
        .settle(args.year.into(), outcome_source(file.as_ref()))
        .map_err(|e| settling_failure(&source, file.as_ref(), e))?;
    let plan = computed.plan();
    let lang = computed.lang(lang);
    let l = lang.labels();
    let fig = |d: andel::Decimal| figure(d, lang);
    match args.format {
        ReportFormat::Json => Ok(s.to_json() + "\n"),
        ReportFormat::Csv => Ok(s.to_csv()),
        ReportFormat::Table => {
            let mut out = format!(
                "{}: {} {} — {} {} {}, {} {} {}, {} {}\n\n",
                plan.name,
                l.settlement_of,
                s.year,
                l.planned,
                l.net,
                fig(s.planned),
                l.actual,
                l.net,
                fig(s.actual),
                l.difference,
                money_signed(s.difference, &s.currency, lang)
            );
            let rows: Vec<Vec<String>> = s
                .members
                .iter()
                .map(|m| {
                    vec![
                        m.name.clone(),
                        fig(m.planned),
                        fig(m.actual),
                        signed(m.settlement, lang),
                        if m.settlement.is_zero() {
                            String::new()
                        } else if m.settlement.is_sign_negative() {
                            l.refund.into()
                        } else {
                            l.extra_charge.into()
                        },
                    ]
                })
                .collect();
            let footer = vec![
                l.total.to_string(),
                fig(s.planned),
                fig(s.actual),
                signed(s.difference, lang),
                String::new(),
            ];
            out.push_str(&aligned(
                &[l.member, l.planned, l.actual, l.settlement, l.effect].map(String::from),
                &rows,
                Some(&footer),
            ));
            Ok(out)
        }
    }
}

/// A signed amount with its currency: `+1 500 kr`.
fn money_signed(d: andel::Decimal, currency: &str, lang: Lang) -> String {
    let plain = money(d.abs(), currency, lang);
    match signed(d, lang).chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{plain}"),
        _ => plain,
    }
}
