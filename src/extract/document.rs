//! The document record: kind, municipality, body, date and title.
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
    ADMIN_PROPOSAL, ATTENDANCE_MARK, CASE_FILE_MARK, DECIDING_BODY, MEETING_DATE, MEMO_DATE, MEMO_HEADER, MEMO_MARK,
    PROTOCOL_MARK, RECIPIENT_LABELS, SUBJECT,
};
use crate::kommuner::find_municipality;
use crate::model::{DateSource, Document, DocumentKind};
use crate::normalize::FurnitureKind;
use crate::segment::SectionKind;
use crate::swedish::{body_base_form, is_body_name, parse_date};

/// The document record.
pub fn extract(doc: &Doc<'_>) -> Document {
    let text = doc.text();
    let kind = kind(doc);
    let mut document = Document {
        kind,
        // a running page header may be the only place that names it
        municipality: find_municipality(text).or_else(|| {
            let headers: Vec<&str> = doc.norm.furniture.iter().map(|f| f.text.as_str()).collect();
            find_municipality(&headers.join("\n"))
        }),
        body: body(doc, kind),
        date: date(doc, kind),
        date_from: None,
        title: title(doc),
    };
    if document.date.is_some() {
        document.date_from = Some(DateSource::Text);
    }
    document
}

fn kind(doc: &Doc<'_>) -> DocumentKind {
    let text = doc.text();
    let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    let paragraphs = doc.seg.paragraphs.len();
    let memo = MEMO_MARK.is_match(text);
    if CASE_FILE_MARK.is_match(&text[..head_end])
        || (MEMO_HEADER.is_match(text) && PROTOCOL_MARK.is_match(text) && paragraphs > 0)
    {
        return DocumentKind::CaseFile;
    }
    if paragraphs >= 2 && ATTENDANCE_MARK.is_match(text) || paragraphs >= 6 {
        return DocumentKind::Protocol;
    }
    if paragraphs > 0 {
        return DocumentKind::ProtocolExtract;
    }
    if memo {
        return DocumentKind::Memo;
    }
    DocumentKind::Unknown
}

fn body(doc: &Doc<'_>, kind: DocumentKind) -> Option<String> {
    let text = doc.text();
    if let Some(f) = doc
        .norm
        .furniture
        .iter()
        .find(|f| f.kind == FurnitureKind::BodyHeader || f.kind == FurnitureKind::Repeated && is_body_name(&f.text))
    {
        return Some(body_base_form(&f.text));
    }
    if kind == DocumentKind::Memo
        && let Some(c) = ADMIN_PROPOSAL.captures(text)
    {
        return Some(body_base_form(&c["body"]));
    }
    // a body's name alone on one of the first lines, not an addressee
    let mut after_label = false;
    for r in doc
        .seg
        .lines
        .iter()
        .filter(|r| !text[(*r).clone()].trim().is_empty())
        .take(4)
    {
        let line = text[r.clone()].trim().trim_matches(['*', '#', ' ']);
        if is_body_name(line) && !after_label {
            return Some(body_base_form(line));
        }
        after_label = RECIPIENT_LABELS.contains(&line.trim_end_matches(':'));
    }
    // the subject of the first decision
    for s in doc.seg.sections_of(SectionKind::Decision) {
        for line in text[s.body.clone()].lines() {
            if let Some(c) = SUBJECT.captures(line) {
                return Some(body_base_form(&c["body"]));
            }
        }
    }
    // the body the chair puts the question to ("finner att kommunstyrelsen
    // beslutat …", "Kommunstyrelsen beslutar först …")
    for s in doc.seg.sections.iter() {
        if matches!(s.kind, SectionKind::PropositionOrder | SectionKind::DecisionProcess)
            && let Some(c) = DECIDING_BODY.captures(&text[s.body.clone()])
        {
            return Some(body_base_form(&c["body"]));
        }
    }
    None
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
