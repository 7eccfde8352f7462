//! `andel settle FILE --year Y`: each member's settlement of a year's
//! actual outcome.

use crate::args::{ReportFormat, SettleArgs};
use crate::failure::Failure;
use crate::plan::{Source, aligned, language};
use andel::cycle::{OutcomeFile, Settlement};
use andel::plan::{Plan, PlanResult};
use andel::text::{Lang, figure, money, signed};
use std::path::Path;

/// The settlement of `year`: from the outcome file when one is given, else
/// from the plan's own `[[outcome]]`.
pub fn settlement(
    source: &Source,
    plan: &Plan,
    result: &PlanResult,
    year: i32,
    outcome: Option<&Path>,
) -> Result<Settlement, Failure> {
    match outcome {
        Some(path) => {
            let file = Source::read(path)?;
            let outcomes =
                OutcomeFile::read(&file.text, file.format, plan).map_err(|e| file.failure(e))?;
            let o = outcomes.for_year(year).map_err(|e| file.failure(e))?;
            plan.settle_outcome(result, o)
                .map_err(|e| file.failure(Plan::locate(e, &file.text, file.format)))
        }
        None => plan
            .settle(result, year)
            .map_err(|e| source.failure(Plan::locate(e, &source.text, source.format))),
    }
}

/// `andel settle FILE --year Y [--outcome FILE] [--format …]`.
pub fn run(args: &SettleArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let (plan, result) = source.compute()?;
    let s = settlement(&source, &plan, &result, args.year, args.outcome.as_deref())?;
    let lang = language(lang, &result.currency);
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
