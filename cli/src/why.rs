//! `andel why [FILE]`: why each member's contribution changed from the
//! previous year, cause by cause, in words.

use crate::args::{WhyArgs, WhyFormat};
use crate::failure::Failure;
use crate::plan::source_or_reference;
use andel::text::Lang;

/// `andel why [FILE] [--member M] [--year Y] [--format text|json]`.
pub fn run(args: &WhyArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = source_or_reference(args.file.as_deref())?;
    let computed = source.compute()?;
    let lang = computed.lang(lang);
    let all = computed.why(args.member.as_deref(), args.year.map(i64::from))?;
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
