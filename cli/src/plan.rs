//! `andel plan`, `andel explain`, `andel check` and `andel schema`: budget
//! plans from a TOML or JSON file, or the bundled reference case.

use crate::args::{CheckArgs, ExplainArgs, PlanArgs, ReportFormat};
use crate::failure::Failure;
use andel::plan::{Format as PlanFormat, Plan, PlanResult, YearResult};
use andel::text::{Labels, Lang, currency_symbol, figure, money, signed};
use andel::{Computed, Decimal};
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
        let format = PlanFormat::of_path(path)?;
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
    pub(crate) fn compute(&self) -> Result<Computed, Failure> {
        Computed::read(&self.text, self.format).map_err(|e| self.failure(e))
    }

    pub(crate) fn failure(&self, error: andel::Error) -> Failure {
        Failure::InFile(self.name.clone(), error)
    }
}

/// The language of a table: the one asked for, else the plan's default
/// (Swedish for SEK).
pub(crate) fn language(chosen: Option<Lang>, currency: &str) -> Lang {
    chosen.unwrap_or_else(|| Lang::default_for(currency))
}

/// The bundled reference case, or the file given.
pub(crate) fn source_or_reference(file: Option<&Path>) -> Result<Source, Failure> {
    match file {
        Some(path) => Source::read(path),
        None => Ok(Source::reference()),
    }
}

/// `andel plan [FILE] [--year Y] [--format table|csv|json]`.
pub fn run(args: &PlanArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = source_or_reference(args.file.as_deref())?;
    let computed = source.compute()?;
    let result = computed.result();
    let lang = computed.lang(lang);
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
        (ReportFormat::Json, None) => Ok(result.to_json() + "\n"),
        (ReportFormat::Json, Some(y)) => Ok(serde_json::to_string_pretty(y)
            .map_err(|e| Failure::Internal(e.to_string()))?
            + "\n"),
        (ReportFormat::Csv, None) => Ok(result.to_csv()),
        (ReportFormat::Csv, Some(y)) => Ok(result.year_csv(y.year)),
        (ReportFormat::Table, None) => Ok(horizon_table(result, lang)),
        (ReportFormat::Table, Some(y)) => Ok(year_table(result, y, lang)),
    }
}

/// `andel explain [FILE] MEMBER YEAR`.
pub fn explain(args: &ExplainArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let (file, member, year) = match args.words.as_slice() {
        [member, year] => (None, member, year),
        [file, member, year] => (Some(Path::new(file)), member, year),
        _ => {
            return Err(Failure::Usage(
                "explain takes [FILE] MEMBER YEAR".to_string(),
            ));
        }
    };
    let year: i32 = year.parse().map_err(|_| {
        Failure::Usage(format!(
            "{year:?} is not a budget year: write explain [FILE] MEMBER YEAR, e.g. explain halmstad 2025"
        ))
    })?;
    let computed = source_or_reference(file)?.compute()?;
    Ok(computed.explain(member, year.into(), lang)?.to_string())
}

/// `andel check [FILE]`: every problem, each with its place; exit status 2
/// when there is any.
pub fn check(args: &CheckArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let source = source_or_reference(args.file.as_deref())?;
    let problems = Plan::check(&source.text, source.format);
    if problems.is_empty() {
        let plan = Plan::read(&source.text, source.format).map_err(|e| source.failure(e))?;
        let l = language(lang, &plan.currency).labels();
        return Ok(format!(
            "{}: ok ({} {}, {} {}, {} {}–{})\n",
            source.name,
            plan.members.len(),
            l.members,
            plan.costs.len(),
            l.cost_lines,
            l.budget_years,
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

/// Members × years of contributions, with totals (and the value in kind
/// beside the cash), then the shares, then what is contributed in kind.
fn horizon_table(result: &PlanResult, lang: Lang) -> String {
    let l = lang.labels();
    let fig = |d: Decimal| figure(d, lang);
    let symbol = currency_symbol(&result.currency, lang);
    let mut out = format!(
        "{}: {} {symbol} ({} {}, {} {})\n\n",
        result.name,
        l.contributions_in,
        l.unit,
        fig(result.unit),
        l.method,
        result.method
    );
    let in_kind = result.totals.iter().any(|t| !t.in_kind.is_zero());
    let years: Vec<String> = result.years.iter().map(|y| y.year.to_string()).collect();
    let mut header = vec![l.member.to_string()];
    header.extend(years.iter().cloned());
    header.push(l.total.to_string());
    if in_kind {
        header.push(l.in_kind.to_string());
    }
    let mut rows = Vec::new();
    for (m, total) in result.totals.iter().enumerate() {
        let mut row = vec![total.name.clone()];
        row.extend(result.years.iter().map(|y| fig(y.members[m].contribution)));
        row.push(fig(total.contribution));
        if in_kind {
            row.push(fig(total.in_kind));
        }
        rows.push(row);
    }
    let mut footer = vec![l.total.to_string()];
    footer.extend(result.years.iter().map(|y| fig(y.net)));
    footer.push(fig(result.total));
    if in_kind {
        footer.push(total_of(result.totals.iter().map(|t| t.in_kind), lang));
    }
    out.push_str(&aligned(&header, &rows, Some(&footer)));

    let _ = write!(out, "\n{}:\n\n", l.share_of_net_cost);
    let mut header = vec![l.member.to_string()];
    header.extend(years.iter().cloned());
    let rows: Vec<Vec<String>> = result
        .totals
        .iter()
        .enumerate()
        .map(|(m, t)| {
            let mut row = vec![t.name.clone()];
            row.extend(result.years.iter().map(|y| fig(y.members[m].share_percent)));
            row
        })
        .collect();
    out.push_str(&aligned(&header, &rows, None));
    if in_kind {
        in_kind_table(&mut out, result, lang, years);
    }
    notes(&mut out, result, lang);
    out
}

/// The members that contribute in kind × years, with totals.
fn in_kind_table(out: &mut String, result: &PlanResult, lang: Lang, years: Vec<String>) {
    let l = lang.labels();
    let fig = |d: Decimal| figure(d, lang);
    let _ = write!(
        out,
        "\n{} ({}), {}:\n\n",
        Labels::capitalized(l.in_kind_plural),
        l.in_kind_note,
        currency_symbol(&result.currency, lang)
    );
    let mut header = vec![l.member.to_string()];
    header.extend(years);
    header.push(l.total.to_string());
    let rows: Vec<Vec<String>> = result
        .totals
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.in_kind.is_zero())
        .map(|(m, t)| {
            let mut row = vec![t.name.clone()];
            row.extend(result.years.iter().map(|y| fig(y.members[m].in_kind)));
            row.push(fig(t.in_kind));
            row
        })
        .collect();
    out.push_str(&aligned(&header, &rows, None));
}

/// The sum of `amounts`, or a note that it is too large to show.
pub(crate) fn total_of(mut amounts: impl Iterator<Item = Decimal>, lang: Lang) -> String {
    amounts
        .try_fold(Decimal::ZERO, |acc, d| acc.checked_add(d))
        .map_or_else(|| lang.labels().too_large.to_string(), |d| figure(d, lang))
}

/// One year in detail: inputs, the breakdown by line, the value in kind,
/// the change.
fn year_table(result: &PlanResult, y: &YearResult, lang: Lang) -> String {
    let l = lang.labels();
    let fig = |d: Decimal| figure(d, lang);
    let mut out = format!(
        "{}, {} {}: {} {}, {} {}, {} {}\n\n",
        result.name,
        l.budget_year,
        y.year,
        l.gross,
        fig(y.gross),
        l.funding,
        fig(y.funding),
        l.net,
        money(y.net, &result.currency, lang)
    );
    let in_kind = y.members.iter().any(|m| !m.in_kind.is_zero());
    let mut header: Vec<String> = [l.member, l.population, l.at].map(String::from).to_vec();
    header.extend(y.lines.iter().map(|l| l.id.clone()));
    header.extend([l.contribution, l.share_percent].map(String::from));
    if in_kind {
        header.push(l.in_kind.to_string());
    }
    header.push(l.change.to_string());
    let rows: Vec<Vec<String>> = y
        .members
        .iter()
        .map(|m| {
            let mut row = vec![
                m.name.clone(),
                m.population.map(fig).unwrap_or_default(),
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
                    .map_or("-".to_string(), |a| fig(a.amount))
            }));
            row.push(fig(m.contribution));
            row.push(fig(m.share_percent));
            if in_kind {
                row.push(fig(m.in_kind));
            }
            row.push(match (m.change, m.change_percent) {
                (Some(c), Some(p)) => {
                    format!("{} ({} %)", signed(c, lang), signed(p, lang))
                }
                (Some(c), None) => signed(c, lang),
                _ => String::new(),
            });
            row
        })
        .collect();
    let mut footer = vec![l.total.to_string(), String::new(), String::new()];
    footer.extend(y.lines.iter().map(|l| fig(l.net)));
    footer.push(fig(y.net));
    footer.push(String::new());
    if in_kind {
        footer.push(total_of(y.members.iter().map(|m| m.in_kind), lang));
    }
    footer.push(String::new());
    out.push_str(&aligned(&header, &rows, Some(&footer)));
    if y.members
        .iter()
        .any(|m| m.population_carried_from.is_some())
    {
        let _ = writeln!(out, "\n* {}", l.carried_forward_note);
    }
    out
}

fn notes(out: &mut String, result: &PlanResult, lang: Lang) {
    let notes = result.notes_in(lang);
    if !notes.is_empty() {
        let _ = write!(out, "\n{}:\n", lang.labels().notes);
        for n in &notes {
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
