//! Budget documents: a whole result as an Excel workbook (feature `xlsx`).
//!
//! A summary sheet (members × years, with totals) and one sheet per budget
//! year (members × cost lines). Amounts are numbers with a currency format,
//! not text, so the workbook can be worked with; every total is a formula
//! (`=SUM(…)`) whose cached result is andel's own figure, so a program that
//! does not recalculate shows the same number, and one that does gets the
//! same number again because the tables add up exactly.
//!
//! An .xlsx cell holds a binary floating-point number. Each amount is
//! converted only here, at the very end, and only when the number converts
//! back to exactly the same decimal (every whole number of kronor below
//! 2⁵³ does); otherwise the export is refused rather than silently changed.

use crate::error::{Error, Result};
use crate::plan::{MemberYear, PlanResult, YearResult};
use crate::text::{Labels, Lang, currency_symbol, figure};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook, Worksheet, XlsxError};

/// The first row of the tables (0-based): title, subtitle, blank, header.
const HEADER: u32 = 3;

fn xlsx_error(e: XlsxError) -> Error {
    Error::Internal {
        message: format!("could not write the workbook: {e}"),
    }
}

/// The amount as a spreadsheet number, when it is exactly that number.
fn number(d: Decimal) -> Result<f64> {
    let text = d.normalize().to_string();
    let value: f64 = text
        .parse()
        .map_err(|_| Error::overflow("an amount for a spreadsheet"))?;
    // Rust prints the shortest text that reads back as the same f64; the
    // amount is exact in the workbook if that text is the same decimal.
    match format!("{value}").parse::<Decimal>() {
        Ok(back) if back == d => Ok(value),
        _ => Err(Error::overflow(
            "an amount that a spreadsheet number cannot hold exactly",
        )),
    }
}

/// Column letters: 0 → A, 25 → Z, 26 → AA.
fn column(mut c: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn cell(row: u32, col: u16) -> String {
    format!("{}{}", column(col), row + 1)
}

struct Formats {
    title: Format,
    header: Format,
    money: Format,
    money_total: Format,
    label_total: Format,
    count: Format,
    percent: Format,
}

impl Formats {
    fn new(result: &PlanResult) -> Formats {
        let decimals = result.unit.normalize().scale() as usize;
        let symbol = match result.currency.as_str() {
            "SEK" => "kr".to_string(),
            other => other.replace('"', ""),
        };
        let money = if decimals == 0 {
            format!("#,##0 \"{symbol}\"")
        } else {
            format!("#,##0.{} \"{symbol}\"", "0".repeat(decimals))
        };
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            money: Format::new().set_num_format(&money),
            money_total: Format::new()
                .set_num_format(&money)
                .set_bold()
                .set_border_top(rust_xlsxwriter::FormatBorder::Thin),
            label_total: Format::new()
                .set_bold()
                .set_border_top(rust_xlsxwriter::FormatBorder::Thin),
            count: Format::new().set_num_format("#,##0"),
            percent: Format::new().set_num_format("0.0000"),
        }
    }
}

fn money(ws: &mut Worksheet, row: u32, col: u16, d: Decimal, f: &Format) -> Result<()> {
    ws.write_number_with_format(row, col, number(d)?, f)
        .map_err(xlsx_error)?;
    Ok(())
}

/// `=SUM(range)` with andel's figure as its cached result.
fn sum(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    range: &str,
    value: Decimal,
    f: &Format,
) -> Result<()> {
    let formula = Formula::new(format!("=SUM({range})")).set_result(value.normalize().to_string());
    ws.write_formula_with_format(row, col, formula, f)
        .map_err(xlsx_error)?;
    Ok(())
}

fn text(ws: &mut Worksheet, row: u32, col: u16, t: &str, f: Option<&Format>) -> Result<()> {
    match f {
        Some(f) => ws.write_string_with_format(row, col, t, f),
        None => ws.write_string(row, col, t),
    }
    .map_err(xlsx_error)?;
    Ok(())
}

fn name_width(names: impl Iterator<Item = usize>) -> f64 {
    names.max().unwrap_or(10).clamp(10, 60) as f64 + 2.0
}

/// A header or total label: the language's word, capitalised.
fn label(word: &str) -> String {
    Labels::capitalized(word)
}

fn summary(ws: &mut Worksheet, result: &PlanResult, f: &Formats, lang: Lang) -> Result<()> {
    let l = lang.labels();
    ws.set_name(l.summary_sheet).map_err(xlsx_error)?;
    text(ws, 0, 0, &result.name, Some(&f.title))?;
    text(
        ws,
        1,
        0,
        &format!(
            "{} {} ({} {}), {}",
            label(l.contributions_in),
            currency_symbol(&result.currency, lang),
            l.unit,
            figure(result.unit, lang),
            l.computed_by
        ),
        None,
    )?;
    let years = result.years.len() as u16;
    text(ws, HEADER, 0, &label(l.member), Some(&f.header))?;
    for (i, y) in result.years.iter().enumerate() {
        text(
            ws,
            HEADER,
            1 + i as u16,
            &y.year.to_string(),
            Some(&f.header),
        )?;
    }
    text(ws, HEADER, 1 + years, &label(l.total), Some(&f.header))?;
    // In-kind work in its own column beside the cash, not as zeros.
    let in_kind = result.totals.iter().any(|t| !t.in_kind.is_zero());
    let c_kind = 2 + years;
    if in_kind {
        text(
            ws,
            HEADER,
            c_kind,
            &label(l.in_kind_plural),
            Some(&f.header),
        )?;
    }
    let first = HEADER + 1;
    for (m, t) in result.totals.iter().enumerate() {
        let row = first + m as u32;
        text(ws, row, 0, &t.name, None)?;
        for (i, y) in result.years.iter().enumerate() {
            money(ws, row, 1 + i as u16, y.members[m].contribution, &f.money)?;
        }
        let range = format!("{}:{}", cell(row, 1), cell(row, years));
        sum(ws, row, 1 + years, &range, t.contribution, &f.money)?;
        if in_kind {
            money(ws, row, c_kind, t.in_kind, &f.money)?;
        }
    }
    let last = first + result.totals.len() as u32 - 1;
    let total = last + 1;
    text(ws, total, 0, &label(l.total), Some(&f.label_total))?;
    for (i, y) in result.years.iter().enumerate() {
        let col = 1 + i as u16;
        let range = format!("{}:{}", cell(first, col), cell(last, col));
        sum(ws, total, col, &range, y.net, &f.money_total)?;
    }
    let range = format!("{}:{}", cell(first, 1 + years), cell(last, 1 + years));
    sum(ws, total, 1 + years, &range, result.total, &f.money_total)?;
    if in_kind {
        let range = format!("{}:{}", cell(first, c_kind), cell(last, c_kind));
        let all = crate::exact::sum(result.totals.iter().map(|t| t.in_kind), "in-kind values")?;
        sum(ws, total, c_kind, &range, all, &f.money_total)?;
        ws.set_column_width(c_kind, 16).map_err(xlsx_error)?;
    }
    ws.set_column_width(
        0,
        name_width(result.totals.iter().map(|t| t.name.chars().count())),
    )
    .map_err(xlsx_error)?;
    for c in 1..=1 + years {
        ws.set_column_width(c, 14).map_err(xlsx_error)?;
    }
    ws.set_freeze_panes(first, 1).map_err(xlsx_error)?;
    Ok(())
}

/// A year sheet's columns: member (0), population, share, one per cost
/// line, total, change and, when anyone works in kind, in kind.
struct YearColumns {
    pop: u16,
    share: u16,
    line: u16,
    lines: u16,
    total: u16,
    change: u16,
    kind: u16,
    in_kind: bool,
}

impl YearColumns {
    fn of(y: &YearResult) -> Result<YearColumns> {
        // A worksheet has 16 384 columns: member, population, share, one per
        // line, total, change and in kind. More lines are refused here, as `overflow`,
        // rather than wrapping a u16 (a panic in debug builds) or failing in the
        // writer (an internal error).
        let lines = u16::try_from(y.lines.len())
            .ok()
            .filter(|&n| n <= 16_384 - 6)
            .ok_or_else(|| {
                Error::overflow("a year's cost lines, for a worksheet's 16 384 columns")
            })?;
        let (pop, share, line) = (1u16, 2u16, 3u16);
        let total = line + lines;
        let change = total + 1;
        Ok(YearColumns {
            pop,
            share,
            line,
            lines,
            total,
            change,
            // In-kind work last, so the cash columns keep their places.
            kind: change + 1,
            in_kind: y.members.iter().any(|m| !m.in_kind.is_zero()),
        })
    }
}

fn year_sheet(
    ws: &mut Worksheet,
    result: &PlanResult,
    y: &YearResult,
    f: &Formats,
    lang: Lang,
) -> Result<()> {
    ws.set_name(y.year.to_string()).map_err(xlsx_error)?;
    year_title(ws, result, y, f, lang)?;
    let c = YearColumns::of(y)?;
    year_header(ws, y, &c, f, lang.labels())?;
    let first = HEADER + 1;
    for (m, member) in y.members.iter().enumerate() {
        member_row(ws, first + m as u32, member, y, &c, f)?;
    }
    year_total(ws, y, &c, f, lang.labels(), first)?;
    year_widths(ws, y, &c)?;
    ws.set_freeze_panes(first, 1).map_err(xlsx_error)?;
    Ok(())
}

/// The title row and the gross − funding = net line under it.
fn year_title(
    ws: &mut Worksheet,
    result: &PlanResult,
    y: &YearResult,
    f: &Formats,
    lang: Lang,
) -> Result<()> {
    let l = lang.labels();
    text(
        ws,
        0,
        0,
        &format!("{}, {} {}", result.name, l.budget_year, y.year),
        Some(&f.title),
    )?;
    text(
        ws,
        1,
        0,
        &format!(
            "{} {} − {} {} = {} {} {}",
            label(l.gross),
            figure(y.gross, lang),
            l.funding,
            figure(y.funding, lang),
            l.net,
            figure(y.net, lang),
            currency_symbol(&result.currency, lang)
        ),
        None,
    )
}

fn year_header(
    ws: &mut Worksheet,
    y: &YearResult,
    c: &YearColumns,
    f: &Formats,
    l: &Labels,
) -> Result<()> {
    for (col, word) in [
        (0, l.member),
        (c.pop, l.population),
        (c.share, l.share_percent),
    ] {
        text(ws, HEADER, col, &label(word), Some(&f.header))?;
    }
    for (i, line) in y.lines.iter().enumerate() {
        text(ws, HEADER, c.line + i as u16, &line.name, Some(&f.header))?;
    }
    text(ws, HEADER, c.total, &label(l.contribution), Some(&f.header))?;
    text(ws, HEADER, c.change, &label(l.change), Some(&f.header))?;
    if c.in_kind {
        text(ws, HEADER, c.kind, &label(l.in_kind), Some(&f.header))?;
    }
    Ok(())
}

/// One member's row: population, share, an amount per line and the total
/// as a `SUM` of them (a plain amount when the year has no lines).
fn member_row(
    ws: &mut Worksheet,
    row: u32,
    member: &MemberYear,
    y: &YearResult,
    c: &YearColumns,
    f: &Formats,
) -> Result<()> {
    text(ws, row, 0, &member.name, None)?;
    if let Some(p) = member.population {
        ws.write_number_with_format(row, c.pop, number(p)?, &f.count)
            .map_err(xlsx_error)?;
    }
    ws.write_number_with_format(row, c.share, number(member.share_percent)?, &f.percent)
        .map_err(xlsx_error)?;
    for (i, l) in y.lines.iter().enumerate() {
        let amount = member
            .lines
            .iter()
            .find(|a| a.line == l.id)
            .map_or(Decimal::ZERO, |a| a.amount);
        money(ws, row, c.line + i as u16, amount, &f.money)?;
    }
    let range = format!("{}:{}", cell(row, c.line), cell(row, c.total - 1));
    if c.lines > 0 {
        sum(ws, row, c.total, &range, member.contribution, &f.money)?;
    } else {
        money(ws, row, c.total, member.contribution, &f.money)?;
    }
    if let Some(change) = member.change {
        money(ws, row, c.change, change, &f.money)?;
    }
    if c.in_kind {
        money(ws, row, c.kind, member.in_kind, &f.money)?;
    }
    Ok(())
}

/// The total row under the members, as `SUM` formulas per column.
fn year_total(
    ws: &mut Worksheet,
    y: &YearResult,
    c: &YearColumns,
    f: &Formats,
    l: &Labels,
    first: u32,
) -> Result<()> {
    let last = first + y.members.len() as u32 - 1;
    let total = last + 1;
    text(ws, total, 0, &label(l.total), Some(&f.label_total))?;
    for (i, l) in y.lines.iter().enumerate() {
        let col = c.line + i as u16;
        let range = format!("{}:{}", cell(first, col), cell(last, col));
        sum(ws, total, col, &range, l.net, &f.money_total)?;
    }
    let range = format!("{}:{}", cell(first, c.total), cell(last, c.total));
    sum(ws, total, c.total, &range, y.net, &f.money_total)?;
    if c.in_kind {
        let range = format!("{}:{}", cell(first, c.kind), cell(last, c.kind));
        let all = crate::exact::sum(y.members.iter().map(|m| m.in_kind), "in-kind values")?;
        sum(ws, total, c.kind, &range, all, &f.money_total)?;
        ws.set_column_width(c.kind, 15).map_err(xlsx_error)?;
    }
    Ok(())
}

/// Readable column widths: names as wide as the longest, lines as their
/// headers (12 to 30 characters).
fn year_widths(ws: &mut Worksheet, y: &YearResult, c: &YearColumns) -> Result<()> {
    ws.set_column_width(
        0,
        name_width(y.members.iter().map(|m| m.name.chars().count())),
    )
    .map_err(xlsx_error)?;
    ws.set_column_width(c.pop, 12).map_err(xlsx_error)?;
    ws.set_column_width(c.share, 10).map_err(xlsx_error)?;
    for (i, l) in y.lines.iter().enumerate() {
        let width = l.name.chars().count().clamp(12, 30) as f64 + 2.0;
        ws.set_column_width(c.line + i as u16, width)
            .map_err(xlsx_error)?;
    }
    ws.set_column_width(c.total, 15).map_err(xlsx_error)?;
    ws.set_column_width(c.change, 13).map_err(xlsx_error)?;
    Ok(())
}

impl PlanResult {
    /// The result as an Excel workbook (.xlsx bytes): a summary sheet and
    /// one sheet per budget year, amounts as numbers in the currency's
    /// format, totals as `SUM` formulas, readable widths, frozen headers.
    ///
    /// Sheet names, headers and totals are in English; see
    /// [`to_xlsx_in`](PlanResult::to_xlsx_in) for Swedish.
    ///
    /// ```
    /// let bytes = andel::Plan::reference().compute()?.to_xlsx()?;
    /// assert!(bytes.starts_with(b"PK")); // a zip file, as .xlsx are
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        self.to_xlsx_in(Lang::En)
    }

    /// [`to_xlsx`](PlanResult::to_xlsx) with sheet names, headers, totals
    /// and titles in `lang` (`Sammanställning`, `Medlem`, `Totalt`, …).
    /// Amounts stay numbers whatever the language: only their cell format
    /// shows them, and the spreadsheet program writes the separators of
    /// its own locale. In-kind values, when the plan has any, have a column
    /// of their own (`Naturainsatser` / `In kind`).
    ///
    /// [`Lang::default_for`] gives the language a plan's currency calls for.
    ///
    /// ```
    /// use andel::text::Lang;
    /// let result = andel::Plan::reference().compute()?;
    /// let bytes = result.to_xlsx_in(Lang::default_for(&result.currency))?;
    /// assert!(bytes.starts_with(b"PK"));
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn to_xlsx_in(&self, lang: Lang) -> Result<Vec<u8>> {
        let formats = Formats::new(self);
        let mut workbook = Workbook::new();
        summary(workbook.add_worksheet(), self, &formats, lang)?;
        for y in &self.years {
            year_sheet(workbook.add_worksheet(), self, y, &formats, lang)?;
        }
        workbook.save_to_buffer().map_err(xlsx_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
        assert_eq!(cell(3, 1), "B4");
    }

    #[test]
    fn only_amounts_a_spreadsheet_holds_exactly_are_written() {
        assert_eq!(
            number(Decimal::new(56218000, 2)).unwrap().to_string(),
            "562180"
        );
        assert_eq!(number(Decimal::new(1, 1)).unwrap().to_string(), "0.1");
        // 2^53 + 1 has no exact binary double.
        assert!(number(Decimal::from(9_007_199_254_740_993i64)).is_err());
    }
}
