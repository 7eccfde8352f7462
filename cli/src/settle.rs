//! `andel settle FILE --year Y`: each member's settlement of a year's
//! actual outcome.

use crate::args::{Format, SettleArgs};
use crate::failure::Failure;
use crate::plan::{Source, aligned, signed};
use andel::cycle::{OutcomeFile, Settlement};
use andel::plan::{Plan, PlanResult};
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
pub fn run(args: &SettleArgs) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let (plan, result) = source.compute()?;
    let s = settlement(&source, &plan, &result, args.year, args.outcome.as_deref())?;
    match args.format {
        Format::Json => Ok(s.to_json() + "\n"),
        Format::Csv => Ok(s.to_csv()),
        Format::Table => {
            let mut out = format!(
                "{}: settlement of {} — planned net {}, actual net {}, difference {} {}\n\n",
                plan.name,
                s.year,
                s.planned,
                s.actual,
                signed(&s.difference.to_string()),
                s.currency
            );
            let rows: Vec<Vec<String>> = s
                .members
                .iter()
                .map(|m| {
                    vec![
                        m.name.clone(),
                        m.planned.to_string(),
                        m.actual.to_string(),
                        signed(&m.settlement.to_string()),
                        if m.settlement.is_sign_negative() && !m.settlement.is_zero() {
                            "refund".into()
                        } else if m.settlement.is_zero() {
                            String::new()
                        } else {
                            "extra charge".into()
                        },
                    ]
                })
                .collect();
            let footer = vec![
                "total".to_string(),
                s.planned.to_string(),
                s.actual.to_string(),
                signed(&s.difference.to_string()),
                String::new(),
            ];
            out.push_str(&aligned(
                &["member", "planned", "actual", "settlement", ""].map(String::from),
                &rows,
                Some(&footer),
            ));
            Ok(out)
        }
    }
}
