//! `andel calendar FILE`: the members' budget calendar, as a list, JSON or
//! an iCalendar file.

use crate::args::{CalendarArgs, CalendarFormat};
use crate::failure::Failure;
use crate::plan::Source;
use std::fmt::Write;

/// `andel calendar FILE [--format table|json|ics]`.
pub fn run(args: &CalendarArgs) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let (plan, result) = source.compute()?;
    let calendar = plan.calendar(&result).map_err(|e| source.failure(e))?;
    match args.format {
        CalendarFormat::Ics => Ok(calendar.to_ics()),
        CalendarFormat::Json => Ok(calendar.to_json() + "\n"),
        CalendarFormat::Table => {
            if calendar.entries.is_empty() {
                return Ok(format!(
                    "{}: the plan has no [[milestones]] (see docs/annual-cycle.md)\n",
                    calendar.name
                ));
            }
            // Free text reads best left-aligned, one milestone a line.
            let mut out = format!("{}: budget calendar\n\n", calendar.name);
            for e in &calendar.entries {
                let _ = write!(
                    out,
                    "{}  budget year {}  {}: {}",
                    e.date, e.budget_year, e.name, e.due
                );
                if let Some(who) = &e.who {
                    let _ = write!(out, " (for: {who})");
                }
                out.push('\n');
            }
            Ok(out)
        }
    }
}
