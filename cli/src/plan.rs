//! `andel plan`, `andel explain`, `andel check` and `andel schema`: budget
//! plans from a TOML or JSON file, or the bundled reference case.

use crate::args::{CheckArgs, ExplainArgs, Format, PlanArgs};
use crate::failure::Failure;
use andel::plan::{Format as PlanFormat, Plan, PlanResult, YearResult};
use std::fmt::Write;
use std::path::Path;

/// A plan file's text and format (JSON by the `.json` extension, else TOML).
pub(crate) struct Source {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) format: PlanFormat,
}

impl Source {
    pub(crate) fn read(path: &Path) -> Result<Source, Failure> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let format = if json {
            PlanFormat::Json
        } else {
            PlanFormat::Toml
        };
        Ok(Source {
            name: path.display().to_string(),
            text,
            format,
        })
    }

    pub(crate) fn reference() -> Source {
        Source {
            name: "examples/tillvaxtmotor.toml (bundled)".to_string(),
            text: andel::plan::REFERENCE_PLAN.to_string(),
            format: PlanFormat::Toml,
        }
    }

    /// Reads and computes the plan; errors name the file, line and column.
    pub(crate) fn compute(&self) -> Result<(Plan, PlanResult), Failure> {
        let plan = Plan::read(&self.text, self.format).map_err(|e| self.failure(e))?;
        let result = plan
            .compute()
            .map_err(|e| self.failure(Plan::locate(e, &self.text, self.format)))?;
        Ok((plan, result))
    }

    pub(crate) fn failure(&self, error: andel::Error) -> Failure {
        Failure::InFile(self.name.clone(), error)
    }
}

/// `andel plan [FILE] [--year Y] [--format table|csv|json]`.
pub fn run(args: &PlanArgs) -> Result<String, Failure> {
    let source = match &args.file {
        Some(path) => Source::read(path)?,
        None => Source::reference(),
    };
    let (_, result) = source.compute()?;
    let year = match args.year {
        Some(y) => Some(result.year(y).ok_or_else(|| {
            let first = result.years.first().map_or(y, |f| f.year);
            let last = result.years.last().map_or(y, |l| l.year);
            Failure::Andel(andel::Error::YearOutsideHorizon {
                year: y.into(),
                first,
                last,
            })
        })?),
        None => None,
    };
    match (args.format, year) {
        (Format::Json, None) => Ok(result.to_json() + "\n"),
        (Format::Json, Some(y)) => Ok(serde_json::to_string_pretty(y)
            .map_err(|e| Failure::Internal(e.to_string()))?
            + "\n"),
        (Format::Csv, None) => Ok(result.to_csv()),
        (Format::Csv, Some(y)) => Ok(result.year_csv(y.year)),
        (Format::Table, None) => Ok(horizon_table(&result)),
        (Format::Table, Some(y)) => Ok(year_table(&result, y)),
    }
}

/// `andel explain FILE MEMBER YEAR`.
pub fn explain(args: &ExplainArgs) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let (plan, result) = source.compute()?;
    let explanation = plan.explain_result(&result, &args.member, args.year)?;
    Ok(explanation.to_string())
}

/// `andel check FILE`: every problem, each with its place; exit status 2
/// when there is any.
pub fn check(args: &CheckArgs) -> Result<String, Failure> {
    let source = Source::read(&args.file)?;
    let problems = Plan::check(&source.text, source.format);
    if problems.is_empty() {
        let plan = Plan::read(&source.text, source.format).map_err(|e| source.failure(e))?;
        return Ok(format!(
            "{}: ok ({} members, {} cost lines, budget years {}–{})\n",
            source.name,
            plan.members.len(),
            plan.costs.len(),
            plan.first_year,
            plan.first_year + plan.years as i32 - 1
        ));
    }
    let mut out = String::new();
    for p in &problems {
        let _ = writeln!(out, "{}", place(&source.name, p));
    }
    Err(Failure::Problems(out, problems.len()))
}

/// `andel schema`: the JSON Schema of the plan format.
pub fn schema() -> Result<String, Failure> {
    Ok(Plan::json_schema() + "\n")
}

/// `FILE:LINE:COLUMN: error[code]: message`, the form editors jump to.
pub fn place(file: &str, error: &andel::Error) -> String {
    match error.location() {
        Some(at) => match (at.line, at.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}: error[{}]: {}", error.code(), error),
            _ => format!("{file}: error[{}]: {}", error.code(), error),
        },
        None => format!("{file}: error[{}]: {}", error.code(), error),
    }
}

/// Members × years of contributions, with totals, then the shares.
fn horizon_table(result: &PlanResult) -> String {
    let mut out = format!(
        "{}: contributions in {} (unit {}, {})\n\n",
        result.name, result.currency, result.unit, result.method
    );
    let years: Vec<String> = result.years.iter().map(|y| y.year.to_string()).collect();
    let mut header = vec!["member".to_string()];
    header.extend(years.iter().cloned());
    header.push("total".to_string());
    let mut rows = Vec::new();
    for (m, total) in result.totals.iter().enumerate() {
        let mut row = vec![total.name.clone()];
        row.extend(
            result
                .years
                .iter()
                .map(|y| y.members[m].contribution.to_string()),
        );
        row.push(total.contribution.to_string());
        rows.push(row);
    }
    let mut footer = vec!["total".to_string()];
    footer.extend(result.years.iter().map(|y| y.net.to_string()));
    footer.push(result.total.to_string());
    out.push_str(&aligned(&header, &rows, Some(&footer)));

    out.push_str("\nShare of each year's net cost, %:\n\n");
    let mut header = vec!["member".to_string()];
    header.extend(years);
    let rows: Vec<Vec<String>> = result
        .totals
        .iter()
        .enumerate()
        .map(|(m, t)| {
            let mut row = vec![t.name.clone()];
            row.extend(
                result
                    .years
                    .iter()
                    .map(|y| y.members[m].share_percent.to_string()),
            );
            row
        })
        .collect();
    out.push_str(&aligned(&header, &rows, None));
    notes(&mut out, result);
    out
}

/// One year in detail: inputs, the breakdown by line, the change.
fn year_table(result: &PlanResult, y: &YearResult) -> String {
    let mut out = format!(
        "{}, budget year {}: gross {}, funding {}, net {} {}\n\n",
        result.name, y.year, y.gross, y.funding, y.net, result.currency
    );
    let mut header: Vec<String> = ["member", "population", "at"].map(String::from).to_vec();
    header.extend(y.lines.iter().map(|l| l.id.clone()));
    header.extend(["contribution", "share %", "change"].map(String::from));
    let rows: Vec<Vec<String>> = y
        .members
        .iter()
        .map(|m| {
            let mut row = vec![
                m.name.clone(),
                m.population.map(|p| p.to_string()).unwrap_or_default(),
                match (m.population_carried_from, m.population_date) {
                    (Some(from), _) => format!("{from}*"),
                    (None, Some(date)) if m.population.is_some() => date.to_string(),
                    _ => String::new(),
                },
            ];
            row.extend(y.lines.iter().map(|l| {
                m.lines
                    .iter()
                    .find(|a| a.line == l.id)
                    .map_or("-".to_string(), |a| a.amount.to_string())
            }));
            row.push(m.contribution.to_string());
            row.push(m.share_percent.to_string());
            row.push(match (m.change, m.change_percent) {
                (Some(c), Some(p)) => {
                    format!("{} ({} %)", signed(&c.to_string()), signed(&p.to_string()))
                }
                (Some(c), None) => signed(&c.to_string()),
                _ => String::new(),
            });
            row
        })
        .collect();
    let mut footer = vec!["total".to_string(), String::new(), String::new()];
    footer.extend(y.lines.iter().map(|l| l.net.to_string()));
    footer.push(y.net.to_string());
    footer.extend([String::new(), String::new()]);
    out.push_str(&aligned(&header, &rows, Some(&footer)));
    if y.members
        .iter()
        .any(|m| m.population_carried_from.is_some())
    {
        out.push_str("\n* the latest earlier figure, carried forward (the plan allows it)\n");
    }
    out
}

pub(crate) fn signed(text: &str) -> String {
    if text.starts_with('-') || text == "0" {
        text.to_string()
    } else {
        format!("+{text}")
    }
}

fn notes(out: &mut String, result: &PlanResult) {
    if !result.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &result.notes {
            let _ = writeln!(out, "- {n}");
        }
    }
}

/// An aligned text table: the first column left-aligned, the others right.
pub(crate) fn aligned(
    header: &[String],
    rows: &[Vec<String>],
    footer: Option<&Vec<String>>,
) -> String {
    let width = |t: &str| t.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows.iter().chain(footer) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - width(cell));
            if i == 0 {
                let _ = write!(s, "{cell}{pad}");
            } else {
                let _ = write!(s, "  {pad}{cell}");
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let rule = widths
        .iter()
        .map(|w| "-".repeat(*w))
        .collect::<Vec<_>>()
        .join("  ")
        + "\n";
    let mut out = line(header);
    out.push_str(&rule);
    for row in rows {
        out.push_str(&line(row));
    }
    if let Some(f) = footer {
        out.push_str(&rule);
        out.push_str(&line(f));
    }
    out
}
