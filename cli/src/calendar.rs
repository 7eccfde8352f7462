//! `andel calendar FILE`: the members' budget calendar, as a list, JSON or
//! an iCalendar file.

use crate::args::{CalendarArgs, CalendarFormat};
use crate::failure::Failure;
use crate::plan::Source;
use andel::text::Lang;
use std::fmt::Write;

/// `andel calendar FILE [--format table|json|ics]`.
pub fn run(args: &CalendarArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let computed = source.compute()?;
    let l = computed.lang(lang).labels();
    let calendar = computed.calendar().map_err(|e| source.failure(e))?;
    match args.format {
        CalendarFormat::Ics => Ok(calendar.to_ics()),
        CalendarFormat::Json => Ok(calendar.to_json() + "\n"),
        CalendarFormat::Table => {
            if calendar.entries.is_empty() {
                return Ok(format!("{}: {}\n", calendar.name, l.no_milestones));
            }
            // Free text reads best left-aligned, one milestone a line.
            let mut out = format!("{}: {}\n\n", calendar.name, l.budget_calendar);
            for e in &calendar.entries {
                let _ = write!(
                    out,
                    "{}  {} {}  {}: {}",
                    e.date, l.budget_year, e.budget_year, e.name, e.due
                );
                if let Some(who) = &e.who {
                    let _ = write!(out, " ({}: {who})", l.for_whom);
                }
                out.push('\n');
            }
            Ok(out)
        }
    }
}
