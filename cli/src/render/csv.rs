//! CSV for spreadsheets: a header row, then one row per part.
//!
//! Comma-separated with `.` as the decimal point (RFC 4180 quoting, names
//! neutralised against formula injection by `andel::csv_cell`). There
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
        // The name is text; the rest are numbers, written as they are (a
        // negative weight keeps its minus).
        let mut line = vec![andel::csv_cell(fields[0]).into_owned()];
        line.extend(fields[1..].iter().map(|f| f.to_string()));
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use andel::csv_cell as field;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("Båstad"), "Båstad");
        assert_eq!(field("Region Halland, east"), "\"Region Halland, east\"");
        assert_eq!(field("the \"big\" one"), "\"the \"\"big\"\" one\"");
        assert_eq!(field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    }
}
