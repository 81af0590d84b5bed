//! The document record: kind, municipality, body, date and title.
//!
//! Kind and body are read before any record ([`crate::classify`]: the
//! extractors attribute records by them); this adds the rest.
//!
//! - kind: a case file ("Handling 2022 nr 253", or a tjänsteutlåtande bundled
//!   with a protocol extract), a whole protocol (several §§ with attendance),
//!   a protocol extract (a § heading), a memo (tjänsteskrivelse,
//!   tjänsteutlåtande, an administration's "förslag till beslut"), else unknown.
//! - municipality: only when the text names it (see [`crate::kommuner`]).
//! - body: the page header's body name ("Kommunstyrelsen" above "Protokoll
//!   nr 22"), a body's name alone at the top, the subject of the first
//!   decision ("Socialutskottet föreslår …", "Kommunfullmäktige godkänner …"),
//!   or for a memo the administration whose proposal it is.
//! - date: the meeting date ("Sammanträdesdatum: 2025-11-26", "Vid
//!   sammanträdet den 17 juni 2019") or a memo's own "Datum:". Dates of other
//!   events (a future meeting the matter is tabled to, earlier treatment) are
//!   not the document's date.

use std::sync::LazyLock;

use regex::Regex;

use super::Doc;
use crate::grammar::document::{
    DATE_ALONE, MEETING_DATE, MEETING_DATE_LABEL, MEMO_DATE, MEMO_MARK, PROTOCOL_HEADER_DATE,
};
use crate::kommuner::find_municipality;
use crate::model::{DateSource, Document, DocumentKind};
use crate::normalize::FurnitureKind;
use crate::swedish::{is_body_name, parse_date};

/// The document record.
pub fn extract(doc: &Doc<'_>) -> Document {
    let text = doc.text();
    let kind = doc.class.kind;
    let mut document = Document {
        kind,
        // a running page header may be the only place that names it
        municipality: find_municipality(text).or_else(|| find_municipality(&doc.norm.furniture_text())),
        body: doc.class.body.clone(),
        date: date(doc, kind),
        date_from: None,
        title: title(doc),
    };
    if document.date.is_some() {
        document.date_from = Some(DateSource::Text);
    }
    document
}

fn date(doc: &Doc<'_>, kind: DocumentKind) -> Option<String> {
    if kind == DocumentKind::CaseFile {
        return None; // its parts carry their own dates
    }
    for f in &doc.norm.furniture {
        if matches!(f.kind, FurnitureKind::MeetingDate | FurnitureKind::ProtocolHeader)
            && let Some(c) = MEETING_DATE.captures(&f.text)
        {
            return parse_date(&c["d"]);
        }
    }
    let text = doc.text();
    if kind != DocumentKind::Memo {
        if let Some(c) = MEETING_DATE.captures(text) {
            return parse_date(&c["d"]);
        }
        // the page headers' lines together ("Sammanträdesdatum" over the
        // date; "Protokoll" over a date alone), or the top of the text
        let headers = doc.norm.furniture_text();
        let head_end = text.char_indices().nth(300).map_or(text.len(), |(i, _)| i);
        if let Some(c) = MEETING_DATE
            .captures(&headers)
            .or_else(|| PROTOCOL_HEADER_DATE.captures(&headers))
            .or_else(|| PROTOCOL_HEADER_DATE.captures(&text[..head_end]))
            // the label in the page header, its date at the top of the text
            .or_else(|| {
                MEETING_DATE_LABEL
                    .is_match(&headers)
                    .then(|| DATE_ALONE.captures(&text[..head_end]))
                    .flatten()
            })
        {
            return parse_date(&c["d"]);
        }
    } else {
        let head_end = text.char_indices().nth(1500).map_or(text.len(), |(i, _)| i);
        if let Some(c) = MEMO_DATE.captures(&text[..head_end]) {
            return parse_date(&c["d"]);
        }
    }
    None
}

/// The longest a title runs, in characters: a longer line is a paragraph
/// of text (or a line without breaks), not a title.
const MAX_TITLE_CHARS: usize = 300;

fn title(doc: &Doc<'_>) -> Option<String> {
    if let Some(t) = doc.seg.paragraphs.iter().find_map(|p| p.title.clone()) {
        return Some(t);
    }
    // the first long line that is not a label or a body's name, with the
    // lines that continue it
    let text = doc.text();
    let mut parts: Vec<&str> = Vec::new();
    let mut chars = 0;
    for r in &doc.seg.lines {
        let line = text[r.clone()].trim().trim_matches(['*', '#', ' ']);
        // counted up to the limit only: a line may be megabytes long
        let n = line.chars().take(MAX_TITLE_CHARS + 1).count();
        if parts.is_empty() {
            if !(25..=MAX_TITLE_CHARS).contains(&n)
                || is_body_name(line)
                || line.contains(':')
                || MEMO_MARK.is_match(line)
            {
                continue;
            }
        } else if line.is_empty() || parts.len() >= 4 || chars + n > MAX_TITLE_CHARS {
            break;
        }
        chars += n + 1;
        parts.push(line);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The first valid `YYYY-MM-DD` date in a path (`kf-2023-10-12-p23.txt` →
/// `2023-10-12`), for `--date-from-path`.
pub fn date_in_path(path: &str) -> Option<String> {
    static IN_PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)").expect("path date regex")
    });
    IN_PATH.captures_iter(path).find_map(|c| {
        let (y, m, d): (u32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        let days = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&d).then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

#[cfg(test)]
mod path_date_tests {
    use super::date_in_path;

    #[test]
    fn a_date_in_a_path_is_found_when_it_is_one() {
        assert_eq!(
            date_in_path("goteborg/kf-2023-10-12-p23__fulltext.txt").as_deref(),
            Some("2023-10-12")
        );
        assert_eq!(date_in_path("2024/ks-2024-02-29.txt").as_deref(), Some("2024-02-29"));
        assert_eq!(date_in_path("ks-2023-02-29.txt"), None, "not a leap year");
        assert_eq!(date_in_path("dnr-12024-01-05.txt"), None, "part of a longer number");
        assert_eq!(date_in_path("protokoll.txt"), None);
    }
}
