//! Classification: what the document is — its kind and the body whose
//! meeting or proposal it records — read from the normalized text and its
//! layout before any record is extracted, because the extractors attribute
//! records by it (who decides in a protocol, a memo, a case bundle).
//!
//! - kind: a case file ("Handling 2022 nr 253", or a tjänsteutlåtande bundled
//!   with a protocol extract), a whole protocol (several §§ with attendance),
//!   a protocol extract (a § heading), a memo (tjänsteskrivelse,
//!   tjänsteutlåtande, an administration's "förslag till beslut"), else unknown.
//! - body: the page header's body name ("Kommunstyrelsen" above "Protokoll
//!   nr 22"), a body's name alone at the top, the subject of the first
//!   decision ("Socialutskottet föreslår …", "Kommunfullmäktige godkänner …"),
//!   or for a memo the administration whose proposal it is.

use crate::grammar::document::{
    ADMIN_PROPOSAL, ATTENDANCE_MARK, BODY_BEFORE_PROTOCOL, CASE_FILE_MARK, DECIDING_BODY, MEMO_HEADER, MEMO_MARK,
    PROTOCOL_MARK, RECIPIENT_LABELS, SUBJECT,
};
use crate::model::DocumentKind;
use crate::normalize::{FurnitureKind, Normalized};
use crate::segment::{SectionKind, Segmented};
use crate::swedish::{body_base_form, is_body_name};

/// What the document is, as the extractors see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The document's kind.
    pub kind: DocumentKind,
    /// The body whose meeting or proposal it records, if named.
    pub body: Option<String>,
}

/// The classification of a normalized, segmented document.
pub fn classify(norm: &Normalized, seg: &Segmented) -> Classification {
    let kind = kind(&norm.text, seg);
    Classification {
        kind,
        body: body(norm, seg, kind),
    }
}

fn kind(text: &str, seg: &Segmented) -> DocumentKind {
    let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    let paragraphs = seg.paragraphs.len();
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

fn body(norm: &Normalized, seg: &Segmented, kind: DocumentKind) -> Option<String> {
    let text = &norm.text;
    if let Some(f) = norm
        .furniture
        .iter()
        .find(|f| f.kind == FurnitureKind::BodyHeader || f.kind == FurnitureKind::Repeated && is_body_name(&f.text))
    {
        return Some(body_base_form(&f.text));
    }
    // "KOMMUNFULLMÄKTIGE   SAMMANTRÄDESPROTOKOLL" at the top, or as a page header
    let head_end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i);
    let headers = norm.furniture_text();
    for c in BODY_BEFORE_PROTOCOL
        .captures_iter(&text[..head_end])
        .chain(BODY_BEFORE_PROTOCOL.captures_iter(&headers))
    {
        let name = capitalized(&c["body"]);
        if is_body_name(&name) {
            return Some(body_base_form(&name));
        }
    }
    if kind == DocumentKind::Memo
        && let Some(c) = ADMIN_PROPOSAL.captures(text)
    {
        return Some(body_base_form(&c["body"]));
    }
    // a body's name alone on one of the first lines, not an addressee
    let mut after_label = false;
    for r in seg
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
    for s in seg.sections_of(SectionKind::Decision) {
        for line in text[s.body.clone()].lines() {
            if let Some(c) = SUBJECT.captures(line) {
                return Some(body_base_form(&c["body"]));
            }
        }
    }
    // the body the chair puts the question to ("finner att kommunstyrelsen
    // beslutat …", "Kommunstyrelsen beslutar först …")
    for s in seg.sections.iter() {
        if matches!(s.kind, SectionKind::PropositionOrder | SectionKind::DecisionProcess)
            && let Some(c) = DECIDING_BODY.captures(&text[s.body.clone()])
        {
            return Some(body_base_form(&c["body"]));
        }
    }
    None
}

/// A name written in capitals ("KOMMUNFULLMÄKTIGE") as a name is written
/// ("Kommunfullmäktige"); a name with lower-case letters stays.
fn capitalized(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let lower = name.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(chars).collect())
}
