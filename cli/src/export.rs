//! `andel export FILE --output FILE.xlsx`: the whole result as a budget
//! document, an Excel workbook.

use crate::args::ExportArgs;
use crate::failure::Failure;
use crate::plan::Source;
use andel::text::Lang;

/// `andel export [FILE] --output OUT.xlsx`.
pub fn run(args: &ExportArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = match &args.file {
        Some(path) => Source::read(path)?,
        None => Source::reference(),
    };
    let computed = source.compute()?;
    let result = computed.result();
    let lang = computed.lang(lang);
    let bytes = result.to_xlsx_in(lang)?;
    std::fs::write(&args.output, bytes)
        .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", args.output.display())))?;
    let l = lang.labels();
    Ok(format!(
        "{}: {} {} {} {}\n",
        result.name,
        result.years.len(),
        l.budget_years,
        l.written_to,
        args.output.display()
    ))
}
