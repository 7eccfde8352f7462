//! The one writer of a CSV text cell, used by every CSV andel writes (the
//! plan's contributions, invoices, settlements, scenario diffs, and the
//! CLI's allocations).
//!
//! Two rules, in this order:
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
