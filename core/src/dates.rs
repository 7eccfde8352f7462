//! Dates: days, years and the pro-rata fraction of a
//! year that a member belongs to the collaboration.
//!
//! A small proleptic Gregorian date is all the plans need, so andel keeps
//! its own rather than depending on a general date-time crate.

use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`.
///
/// ```
/// let d: andel::Date = "2024-02-29".parse()?;
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<andel::Date>().is_err());
/// # Ok::<(), andel::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date> {
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1..=9999).contains(&year);
        if !valid {
            return Err(Error::InvalidDate {
                input: format!("{year:04}-{month:02}-{day:02}"),
                reason: "no such date".to_string(),
            });
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before), for day arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// 1 January of `year`.
    pub fn first_of_year(year: i32) -> Result<Date> {
        Date::new(year, 1, 1)
    }

    /// 31 December of `year`.
    pub fn last_of_year(year: i32) -> Result<Date> {
        Date::new(year, 12, 31)
    }
}

/// Whether `year` has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The number of days in a year: 365 or 366.
pub fn days_in_year(year: i32) -> u32 {
    if is_leap_year(year) { 366 } else { 365 }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(text: &str) -> Result<Date> {
        let refuse = |reason: &str| Error::InvalidDate {
            input: text.to_string(),
            reason: reason.to_string(),
        };
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(refuse("expected YYYY-MM-DD"));
        }
        let num = |range: std::ops::Range<usize>| {
            text[range]
                .parse::<u32>()
                .map_err(|_| refuse("expected YYYY-MM-DD"))
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(year as i32, month, day).map_err(|_| refuse("no such date"))
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date written YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// How a partial year of membership is counted.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProRata {
    /// By days: days of membership in the year over the days of the year,
    /// counting both the join date and the leave date.
    #[default]
    Days,
    /// By whole months: a month counts when the member belongs to the
    /// collaboration on every day of it (joining on the 1st counts that
    /// month; leaving counts the month of leaving only when it is on the
    /// month's last day).
    Months,
}

/// The part of `year` a member belongs to the collaboration, as
/// `(counted, of)`: days of 365/366, or months of 12.
///
/// `joins` and `leaves` are the first and last day of membership; `None`
/// means before and after the plan.
pub fn membership_in_year(
    year: i32,
    joins: Option<Date>,
    leaves: Option<Date>,
    rule: ProRata,
) -> (u32, u32) {
    let first = Date {
        year,
        month: 1,
        day: 1,
    };
    let last = Date {
        year,
        month: 12,
        day: 31,
    };
    let from = joins.map_or(first, |d| d.max(first));
    let to = leaves.map_or(last, |d| d.min(last));
    if from > to {
        return (
            0,
            match rule {
                ProRata::Days => days_in_year(year),
                ProRata::Months => 12,
            },
        );
    }
    match rule {
        ProRata::Days => {
            let days = to.days_since_epoch() - from.days_since_epoch() + 1;
            (days as u32, days_in_year(year))
        }
        ProRata::Months => {
            let counted = (1..=12u32)
                .filter(|&m| {
                    let month_first = Date {
                        year,
                        month: m as u8,
                        day: 1,
                    };
                    let month_last = Date {
                        year,
                        month: m as u8,
                        day: days_in_month(year, m) as u8,
                    };
                    from <= month_first && to >= month_last
                })
                .count();
            (counted as u32, 12)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn epoch_days() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(
            d("2024-12-31").days_since_epoch() - d("2024-01-01").days_since_epoch(),
            365
        );
    }

    #[test]
    fn refuses_bad_dates() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-1",
            "20240101",
            "2024-04-31",
            "abcd-ef-gh",
        ] {
            assert_eq!(
                bad.parse::<Date>().unwrap_err().code(),
                "invalid_date",
                "{bad}"
            );
        }
    }

    #[test]
    fn pro_rata() {
        assert_eq!(
            membership_in_year(2025, None, None, ProRata::Days),
            (365, 365)
        );
        assert_eq!(
            membership_in_year(2024, Some(d("2024-07-01")), None, ProRata::Days),
            (184, 366)
        );
        assert_eq!(
            membership_in_year(2025, None, Some(d("2025-06-30")), ProRata::Days),
            (181, 365)
        );
        assert_eq!(
            membership_in_year(2026, None, Some(d("2025-06-30")), ProRata::Days),
            (0, 365)
        );
        assert_eq!(
            membership_in_year(2025, Some(d("2025-03-15")), None, ProRata::Months),
            (9, 12)
        );
        assert_eq!(
            membership_in_year(2025, None, Some(d("2025-06-30")), ProRata::Months),
            (6, 12)
        );
        assert_eq!(
            membership_in_year(2025, None, Some(d("2025-06-29")), ProRata::Months),
            (5, 12)
        );
    }
}
