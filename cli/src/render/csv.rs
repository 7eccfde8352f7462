//! CSV for spreadsheets: a header row, then one row per part.
//!
//! Comma-separated with `.` as the decimal point (RFC 4180 quoting). There
//! is no total row, so the file can be summed or filtered as plain data.
//! The quota is given exactly (`share`, `quota` as fractions) and as andel's
//! 28-significant-digit decimal.

use super::rows;
use andel::Allocation;
use andel::text::Lang;

const HEADER: &str = "name,weight,share,share_percent,quota,quota_decimal,amount,leftover_units\n";

/// The allocation as CSV with a header row.
pub fn csv(allocation: &Allocation) -> String {
    let mut out = String::from(HEADER);
    // The plain figures: CSV is for import, the same in every language.
    for (row, part) in rows(allocation, Lang::En).iter().zip(&allocation.parts) {
        let quota_decimal = part.quota_decimal.to_string();
        let fields = [
            row.name.as_str(),
            &row.weight,
            &row.share,
            &row.share_percent,
            &row.quota,
            &quota_decimal,
            &row.amount,
            &row.leftover_units,
        ];
        let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// A field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("Båstad"), "Båstad");
        assert_eq!(field("Region Halland, east"), "\"Region Halland, east\"");
        assert_eq!(field("the \"big\" one"), "\"the \"\"big\"\" one\"");
    }
}
