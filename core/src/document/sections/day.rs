//! A day of the year without a year (`"MM-DD"`), for dates that recur every
//! budget year: milestones and instalment due dates.

use crate::dates::Date;
use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A month and day, written `"MM-DD"` (`"03-31"`). 29 February is refused:
/// it is not in every year, and a due date must exist in each of them.
///
/// ```
/// let d: andel::cycle::MonthDay = "10-31".parse()?;
/// assert_eq!(d.in_year(2024)?.to_string(), "2024-10-31");
/// assert_eq!("06-31".parse::<andel::cycle::MonthDay>().unwrap_err().code(), "invalid_date");
/// # Ok::<(), andel::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    month: u8,
    day: u8,
}

impl MonthDay {
    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// This day in `year`.
    pub fn in_year(self, year: i32) -> Result<Date> {
        Date::new(year, self.month(), self.day())
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl FromStr for MonthDay {
    type Err = Error;

    fn from_str(text: &str) -> Result<MonthDay> {
        let refuse = |reason: &str| Error::InvalidDate {
            input: text.to_string(),
            reason: reason.to_string(),
        };
        let b = text.as_bytes();
        let shape_ok = b.len() == 5
            && b[2] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit());
        if !shape_ok {
            return Err(refuse("expected MM-DD"));
        }
        let month: u32 = text[0..2].parse().map_err(|_| refuse("expected MM-DD"))?;
        let day: u32 = text[3..5].parse().map_err(|_| refuse("expected MM-DD"))?;
        if month == 2 && day == 29 {
            return Err(refuse("29 February is not in every year"));
        }
        // 2001 is not a leap year, so this checks the day against every year.
        Date::new(2001, month, day).map_err(|_| refuse("no such day in the year"))?;
        Ok(MonthDay {
            month: month as u8,
            day: day as u8,
        })
    }
}

impl Serialize for MonthDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for MonthDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MonthDay".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A day of every year written MM-DD (29 February is refused).",
            "type": "string",
            "pattern": "^\\d{2}-\\d{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_that_are_not_in_every_year_are_refused() {
        for bad in [
            "02-29", "02-30", "04-31", "13-01", "00-10", "12-00", "3-31", "03/31", "",
        ] {
            let e = bad.parse::<MonthDay>().unwrap_err();
            assert_eq!(e.code(), "invalid_date", "{bad}");
        }
        for good in ["01-01", "02-28", "06-30", "12-31"] {
            assert_eq!(good.parse::<MonthDay>().unwrap().to_string(), good);
        }
    }
}
