//! Shared Swedish vocabulary: dates, bodies (nämnder, styrelser, …) and parties.
//!
//! Several extractors need the same small pieces of Swedish: "den 31 december
//! 2023" as a date, "Kommunstyrelsens arbetsutskott" as the name of a body,
//! "Socialdemokraterna" as the party `S`. They live here once.

use std::sync::LazyLock;

use regex::Regex;

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("maj", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augusti", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month number of a Swedish month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|(_, n)| *n)
}

/// A date as written in Swedish minutes: ISO "2022-06-30" or "31 december 2023".
pub const DATE_PATTERN: &str = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?i:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+\d{4})";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4}))$").expect("date regex")
});

/// Parse a date written as [`DATE_PATTERN`] into `YYYY-MM-DD`.
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

/// The name of a body: a nämnd, styrelse, fullmäktige, utskott,
/// förvaltning, kontor … possibly genitive ("Socialförvaltningens") and with
/// a coordinated first part ("Arbetsmarknads- och socialförvaltningen") or an
/// adjective ("Tekniska nämnden").
///
/// Its words are letters of the Latin script (`\p{Latin}`, which has å, ä,
/// ö, é, ü …) rather than of any script (`\p{L}`): Swedish body names are
/// written in it, and the pattern, used in some twenty others, compiles
/// about four times faster so (start-up time of every run).
pub const BODY_PATTERN: &str = r"(?:(?:[\p{Lu}&&\p{Latin}]\p{Latin}*-\s+(?:och|&)\s+\p{Latin}*|[\p{Lu}&&\p{Latin}]\p{Latin}*a\s+\p{Latin}*|[\p{Lu}&&\p{Latin}]\p{Latin}*)(?:(?:styrelsens|nämndens|fullmäktiges)\s+(?:\p{Latin}*utskott(?:ets?)?)|styrelsens?|styrelses|fullmäktiges?|nämndens?(?:\s+(?:Centrum|Nordost|Nordväst|Sydost|Sydväst|Hisingen|Norr|Söder|Öster|Väster|Mitt|Syd|Nord))?|nämnds|utskottets?|förvaltningens?|kontorets?|beredningens?|direktionens?|revisionens?)|[\p{Lu}&&\p{Latin}]\p{Latin}*a\s+(?:nämndens?|utskottets?|förvaltningens?|beredningens?)|[\p{Lu}&&\p{Latin}]\p{Latin}*s\s+stadsdelsnämnds?)";

static BODY_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{BODY_PATTERN})$")).expect("body-only regex"));

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
    if let Some(last) = words.last_mut() {
        let base = if last.ends_with("ens") || last.ends_with("ets") || last.ends_with("ges") {
            last[..last.len() - 1].to_string()
        } else if last.ends_with("nämnds") || last.ends_with("styrelses") {
            last[..last.len() - 1].to_string() + "en"
        } else if last.ends_with("utskotts") {
            last[..last.len() - 1].to_string() + "et"
        } else {
            last.clone()
        };
        *last = base;
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
    Some(match lower {
        "socialdemokraterna" | "socialdemokrat" | "socialdemokraterne" => "S",
        "moderaterna" | "moderata samlingsparti" | "moderata samlingspartiet" => "M",
        "centerpartiet" | "centern" => "C",
        "vänsterpartiet" => "V",
        "kristdemokraterna" => "KD",
        "liberalerna" | "folkpartiet" => "L",
        "miljöpartiet" | "miljöpartiet de gröna" => "MP",
        "sverigedemokraterna" => "SD",
        _ => return None,
    })
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
