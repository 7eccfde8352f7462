//! `andel export FILE --output FILE.xlsx`: the whole result as a budget
//! document, an Excel workbook.

use crate::args::ExportArgs;
use crate::failure::Failure;
use crate::plan::Source;

/// `andel export [FILE] --output OUT.xlsx`.
pub fn run(args: &ExportArgs) -> Result<String, Failure> {
    let source = match &args.file {
        Some(path) => Source::read(path)?,
        None => Source::reference(),
    };
    let (_, result) = source.compute()?;
    let bytes = result.to_xlsx()?;
    std::fs::write(&args.output, bytes)
        .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", args.output.display())))?;
    Ok(format!(
        "{}: {} budget years written to {}\n",
        result.name,
        result.years.len(),
        args.output.display()
    ))
}
