//! Every CSV andel writes, with one writer of a text cell: the plan's
//! contributions ([`PlanResult::to_csv`], [`PlanResult::year_csv`]),
//! invoices ([`Invoices::to_csv`]), settlements ([`Settlement::to_csv`]),
//! scenario diffs ([`ScenarioDiff::to_csv`]) and, through [`csv_cell`],
//! the CLI's allocations.
//!
//! Every text cell goes through [`csv_cell`], by two rules, in this order:
//!
//! 1. **Formula injection** (the OWASP CSV-injection rule): a cell that
//!    starts with `=`, `+`, `-`, `@`, a tab or a carriage return is one a
//!    spreadsheet may run as a formula (`=HYPERLINK(…)`, `@SUM(…)`), so it
//!    gets a leading `'`, which spreadsheets show as text. Only text cells
//!    (ids, names, references) go through here; numbers are written as
//!    they are, so a negative amount stays `-50`.
//! 2. **Quoting** (RFC 4180): a cell with a comma, a double quote, a line
//!    feed or a carriage return is quoted, its quotes doubled, so no bare
//!    CR can split a row in a reader that ends rows at CR.

use crate::cycle::{Invoices, ScenarioDiff, Settlement};
use crate::plan::PlanResult;
use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell, neutralised and quoted for CSV (see the module docs).
///
/// ```
/// use andel::csv_cell;
/// assert_eq!(csv_cell("Båstad"), "Båstad");
/// assert_eq!(csv_cell("Region Halland, east"), "\"Region Halland, east\"");
/// assert_eq!(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
/// assert_eq!(csv_cell("-5 kommun"), "'-5 kommun");
/// assert_eq!(csv_cell("a\rb"), "\"a\rb\"");
/// ```
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let neutral: Cow<'_, str> = if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", neutral.replace('"', "\"\"")))
    } else {
        neutral
    }
}

impl PlanResult {
    /// The contributions as CSV: one row per member and year, with the
    /// columns year, member, name, population (the figure the year's key
    /// used; empty for a member without one), share, share_percent,
    /// contribution, then one column per cost line of the plan, then
    /// in_kind.
    pub fn to_csv(&self) -> String {
        self.csv(None)
    }

    /// The rows of [`to_csv`](PlanResult::to_csv) for one year only (with
    /// the same header and columns). Filtered here rather than by the lines
    /// of the text, since a quoted name may hold a line break.
    pub fn year_csv(&self, year: i32) -> String {
        self.csv(Some(year))
    }

    fn csv(&self, only: Option<i32>) -> String {
        let mut line_ids: Vec<&str> = Vec::new();
        for y in &self.years {
            for l in &y.lines {
                if !line_ids.contains(&l.id.as_str()) {
                    line_ids.push(&l.id);
                }
            }
        }
        let mut out = String::from("year,member,name,population,share,share_percent,contribution");
        for id in &line_ids {
            out.push(',');
            out.push_str(&csv_cell(id));
        }
        out.push_str(",in_kind\n");
        for y in self
            .years
            .iter()
            .filter(|y| only.is_none_or(|o| o == y.year))
        {
            for m in &y.members {
                let population = m.population.map(|p| p.to_string()).unwrap_or_default();
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}",
                    y.year,
                    csv_cell(&m.id),
                    csv_cell(&m.name),
                    population,
                    m.share,
                    m.share_percent,
                    m.contribution
                ));
                for id in &line_ids {
                    let amount = m
                        .lines
                        .iter()
                        .find(|l| l.line == *id)
                        .map(|l| l.amount.to_string());
                    out.push(',');
                    out.push_str(&amount.unwrap_or_default());
                }
                out.push_str(&format!(",{}\n", m.in_kind));
            }
        }
        out
    }
}

impl Invoices {
    /// The invoices as CSV: year, instalment, due, member, name, amount,
    /// settlement, total, reference.
    pub fn to_csv(&self) -> String {
        let mut out =
            String::from("year,instalment,due,member,name,amount,settlement,total,reference\n");
        for run in &self.runs {
            for i in &run.invoices {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{}\n",
                    self.year,
                    i.instalment,
                    i.due,
                    csv_cell(&i.member),
                    csv_cell(&i.name),
                    i.amount,
                    i.settlement,
                    i.total,
                    csv_cell(&i.reference)
                ));
            }
        }
        out
    }
}

impl ScenarioDiff {
    /// The comparison as CSV: year (or `total`), member, name, a, b,
    /// change, change_percent.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("year,member,name,a,b,change,change_percent\n");
        let rows = self
            .years
            .iter()
            .flat_map(|y| y.members.iter().map(move |m| (y.year.to_string(), m)))
            .chain(self.totals.iter().map(|m| ("total".to_string(), m)));
        for (year, m) in rows {
            out.push_str(&format!(
                "{year},{},{},{},{},{},{}\n",
                csv_cell(&m.id),
                csv_cell(&m.name),
                m.a,
                m.b,
                m.change,
                m.change_percent.map(|p| p.to_string()).unwrap_or_default()
            ));
        }
        out
    }
}

impl Settlement {
    /// The settlement as CSV: year, member, name, planned, actual,
    /// settlement.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("year,member,name,planned,actual,settlement\n");
        for m in &self.members {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                self.year,
                csv_cell(&m.id),
                csv_cell(&m.name),
                m.planned,
                m.actual,
                m.settlement
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn every_formula_start_is_neutralised() {
        for (text, cell) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("=a,b", "\"'=a,b\""),
        ] {
            assert_eq!(csv_cell(text), cell, "{text:?}");
        }
        // Only at the start, and plain text is left alone.
        for plain in ["a=b", "Halmstad", "", "1-2", "'quoted"] {
            assert_eq!(csv_cell(plain), plain);
        }
    }

    #[test]
    fn line_breaks_and_quotes_are_quoted() {
        assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
        assert_eq!(csv_cell("a\rb"), "\"a\rb\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
