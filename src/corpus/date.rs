//! Partial calendar dates as news gives them: a year, a year and month, or a full date.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }
    pub fn month(year: i32, month: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when the text is none of these
    /// or names an impossible month or day.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let num = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let year = num(parts.first()?, 4)? as i32;
        match parts.len() {
            1 => Some(PartialDate::year(year)),
            2 => {
                let m = num(parts[1], 2)?;
                (1..=12)
                    .contains(&m)
                    .then(|| PartialDate::month(year, m as u8))
            }
            3 => {
                let m = num(parts[1], 2)?;
                let d = num(parts[2], 2)?;
                let date = jiff::civil::Date::new(year as i16, m as i8, d as i8).ok()?;
                Some(PartialDate::day(year, date.month() as u8, date.day() as u8))
            }
            _ => None,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_granularities() {
        assert_eq!(PartialDate::parse("2022"), Some(PartialDate::year(2022)));
        assert_eq!(
            PartialDate::parse("2022-02"),
            Some(PartialDate::month(2022, 2))
        );
        assert_eq!(
            PartialDate::parse("2022-02-17"),
            Some(PartialDate::day(2022, 2, 17))
        );
        assert_eq!(PartialDate::parse("2022-02-30"), None);
        assert_eq!(PartialDate::parse("2022-13"), None);
        assert_eq!(PartialDate::parse("22"), None);
        assert_eq!(PartialDate::parse("2022-2-1"), None);
        assert_eq!(PartialDate::day(2022, 2, 7).to_string(), "2022-02-07");
    }
}
