//! Calendar arithmetic for relative times, against a publication date (with jiff).

use crate::corpus::PartialDate;
use crate::extract::model::DurationUnit;
use jiff::civil::Date;
use jiff::Span;

fn full_date(p: PartialDate) -> Option<Date> {
    Date::new(i16::try_from(p.year).ok()?, p.month? as i8, p.day? as i8).ok()
}

fn from_date(d: Date) -> PartialDate {
    PartialDate::day(d.year() as i32, d.month() as u8, d.day() as u8)
}

/// The year `offset` years from the publication year.
pub fn shift_years(p: PartialDate, offset: i32) -> PartialDate {
    PartialDate::year(p.year + offset)
}

/// The month `offset` months from the publication month (needs a month).
pub fn relative_month(p: PartialDate, offset: i32) -> Option<PartialDate> {
    let m = i32::from(p.month?) - 1 + offset;
    let year = p.year + m.div_euclid(12);
    Some(PartialDate::month(year, (m.rem_euclid(12) + 1) as u8))
}

/// The day `offset` days from the publication day (needs a day).
pub fn relative_day(p: PartialDate, offset: i64) -> Option<PartialDate> {
    let d = full_date(p)?;
    d.checked_add(Span::new().days(offset)).ok().map(from_date)
}

/// The date of a weekday (0 = Monday): `dir` 0 or -1 gives the latest one on or before
/// publication ("on Tuesday", "last Tuesday" says the same in news), 1 the next one after.
pub fn weekday_date(p: PartialDate, weekday: u8, dir: i32) -> Option<PartialDate> {
    let d = full_date(p)?;
    let today = i64::from(d.weekday().to_monday_zero_offset());
    let target = i64::from(weekday);
    let offset = if dir > 0 {
        (target - today - 1).rem_euclid(7) + 1
    } else {
        -((today - target).rem_euclid(7))
    };
    relative_day(p, offset)
}

/// "three years ago", "two weeks ago": a point before publication, at the granularity the
/// publication date allows.
pub fn ago(p: PartialDate, value: f64, unit: DurationUnit) -> Option<PartialDate> {
    if value.fract() != 0.0 || !(0.0..=10_000.0).contains(&value) {
        return None;
    }
    let n = value as i64;
    match unit {
        DurationUnit::Year => Some(shift_years(p, -(n as i32))),
        DurationUnit::Decade => Some(shift_years(p, -(n as i32) * 10)),
        DurationUnit::Month => relative_month(p, -(n as i32)),
        DurationUnit::Week => relative_day(p, -7 * n),
        DurationUnit::Day => relative_day(p, -n),
        DurationUnit::Second | DurationUnit::Minute | DurationUnit::Hour => relative_day(p, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        let p = PartialDate::day(2022, 2, 17); // a Thursday
        assert_eq!(weekday_date(p, 1, 0), Some(PartialDate::day(2022, 2, 15)));
        assert_eq!(weekday_date(p, 3, 0), Some(PartialDate::day(2022, 2, 17)));
        assert_eq!(weekday_date(p, 4, 0), Some(PartialDate::day(2022, 2, 11)));
        assert_eq!(weekday_date(p, 3, 1), Some(PartialDate::day(2022, 2, 24)));
        assert_eq!(
            relative_month(PartialDate::month(2022, 1), -1),
            Some(PartialDate::month(2021, 12))
        );
        assert_eq!(
            relative_day(PartialDate::day(2022, 3, 1), -1),
            Some(PartialDate::day(2022, 2, 28))
        );
        assert_eq!(
            ago(p, 3.0, DurationUnit::Year),
            Some(PartialDate::year(2019))
        );
        assert_eq!(relative_day(PartialDate::year(2022), -1), None);
    }
}
