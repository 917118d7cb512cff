//! Calendar words: month and weekday names with their abbreviations.

/// The month (1..=12) a capitalized month name or abbreviation names ("March", "Sept.",
/// "Oct"). Lower-case words are not months ("may", "march").
pub fn month_number(word: &str) -> Option<u8> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let w = word.strip_suffix('.').unwrap_or(word);
    let mut buf = [0u8; 24];
    let lower = crate::extract::number::ascii_lower(w, &mut buf)?;
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = FULL.iter().position(|m| *m == lower) {
        return Some(i as u8 + 1);
    }
    const ABBR: [(&str, u8); 13] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
        ("febr", 2),
    ];
    ABBR.iter().find(|(a, _)| *a == lower).map(|(_, m)| *m)
}

/// 0 = Monday .. 6 = Sunday for a capitalized weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u8> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut buf = [0u8; 24];
    let w = crate::extract::number::ascii_lower(word.strip_suffix('.').unwrap_or(word), &mut buf)?;
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const ABBR: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    FULL.iter()
        .position(|d| *d == w)
        .or_else(|| ABBR.iter().position(|d| *d == w))
        .or(match w {
            "tues" => Some(1),
            "thur" | "thurs" => Some(3),
            _ => None,
        })
        .map(|i| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("February"), Some(2));
        assert_eq!(month_number("may"), None);
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(weekday_number("Tuesday"), Some(1));
        assert_eq!(weekday_number("Sun"), Some(6));
        assert_eq!(weekday_number("tuesday"), None);
    }
}
