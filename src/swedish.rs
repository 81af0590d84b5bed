//! Shared Swedish vocabulary: dates, bodies (nämnder, styrelser, …) and parties.
//!
//! Several extractors need the same small pieces of Swedish: "den 31 december
//! 2023" as a date, "Kommunstyrelsens arbetsutskott" as the name of a body,
//! "Socialdemokraterna" as the party `S`. They live here once.

use crate::grammar::fragments::{BODY_ONLY, DATE_RE, GENITIVE_ENDINGS, PARTY_NAMES};

/// The month number of a Swedish month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    crate::grammar::fragments::MONTHS
        .iter()
        .find(|(m, _)| *m == lower)
        .map(|(_, n)| *n)
}

/// Parse a date written as [`DATE`](crate::grammar::fragments::DATE) into `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    let c = DATE_RE.captures(s.trim())?;
    let (y, m, d) = if let Some(y) = c.get(1) {
        (
            y.as_str().parse::<u32>().ok()?,
            c[2].parse::<u32>().ok()?,
            c[3].parse::<u32>().ok()?,
        )
    } else {
        (c[6].parse().ok()?, month_number(&c[5])?, c[4].parse().ok()?)
    };
    valid_date(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid_date(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

/// Whether `s` is exactly a body's name.
pub fn is_body_name(s: &str) -> bool {
    BODY_ONLY.is_match(s.trim())
}

/// The base (non-genitive) form of a body's name, first letter upper case:
/// "kommunstyrelsens" → "Kommunstyrelsen", "Kommunfullmäktiges" →
/// "Kommunfullmäktige", "socialförvaltningens" → "Socialförvaltningen",
/// "Kommunstyrelsens arbetsutskott" stays.
pub fn body_base_form(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
    if let Some(last) = words.last_mut()
        && let Some((_, added)) = GENITIVE_ENDINGS.iter().find(|(ending, _)| last.ends_with(ending))
    {
        last.pop(); // the genitive s
        last.push_str(added);
    }
    let joined = words.join(" ");
    upper_first(&joined)
}

/// Upper-case the first letter.
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Party abbreviation for a full party name (or its genitive).
pub fn party_from_name(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('s');
    PARTY_NAMES.iter().find(|(n, _)| *n == lower).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("31 december 2023").as_deref(), Some("2023-12-31"));
        assert_eq!(parse_date("2022-06-30").as_deref(), Some("2022-06-30"));
        assert_eq!(parse_date("3 juni 2019").as_deref(), Some("2019-06-03"));
        assert_eq!(parse_date("31 februari 2023"), None);
    }

    #[test]
    fn bodies() {
        for b in [
            "Kommunstyrelsen",
            "Kommunstyrelsens arbetsutskott",
            "Arbetsmarknads- och socialförvaltningen",
            "Tekniska nämnden",
            "Kommunfullmäktige",
            "Socialutskottet",
            "Stadsledningskontoret",
            "Sociala hållbarhetsutskottet",
            "Barn- och utbildningsnämndens arbetsutskott",
            "Socialnämnden Nordost",
        ] {
            assert!(is_body_name(b), "{b}");
        }
        assert!(!is_body_name("Reservation"));
        assert_eq!(body_base_form("kommunstyrelsens"), "Kommunstyrelsen");
        assert_eq!(body_base_form("Kommunfullmäktiges"), "Kommunfullmäktige");
        assert_eq!(
            body_base_form("Arbetsmarknads- och socialförvaltningens"),
            "Arbetsmarknads- och socialförvaltningen"
        );
        assert_eq!(
            body_base_form("Kommunstyrelsens arbetsutskott"),
            "Kommunstyrelsens arbetsutskott"
        );
    }
}
