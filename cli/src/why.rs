//! `andel why [FILE]`: why each member's contribution changed from the
//! previous year, cause by cause, in words.

use crate::args::{WhyArgs, WhyFormat};
use crate::failure::Failure;
use crate::plan::{language, source_or_reference};
use andel::text::Lang;

/// `andel why [FILE] [--member M] [--year Y] [--format text|json]`.
pub fn run(args: &WhyArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = source_or_reference(args.file.as_deref())?;
    let (plan, result) = source.compute()?;
    let lang = language(lang, &result.currency);
    // A member named by id or by display name, as `explain` takes it.
    let member = args
        .member
        .as_deref()
        .map(|m| andel::plan::find_member(&plan, m).map(|found| found.id.clone()))
        .transpose()?;
    let all = match (&member, args.year) {
        (Some(m), Some(y)) => vec![plan.why_changed(&result, m, y)?],
        _ => {
            let mut all = plan.changes(&result)?;
            all.retain(|c| {
                member.as_ref().is_none_or(|m| &c.member == m)
                    && args.year.is_none_or(|y| c.year == y)
            });
            if all.is_empty() {
                if let Some(m) = &member {
                    // Name the real problem: an unknown member or a year
                    // without a previous one.
                    plan.why_changed(&result, m, args.year.unwrap_or(plan.first_year + 1))?;
                }
            }
            all
        }
    };
    match args.format {
        WhyFormat::Json => serde_json::to_string_pretty(&all)
            .map(|t| t + "\n")
            .map_err(|e| Failure::Internal(e.to_string())),
        WhyFormat::Text => Ok(all
            .iter()
            .map(|c| c.to_text(lang))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}
