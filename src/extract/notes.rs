//! Protokollsanteckningar: statements entered into the minutes.
//!
//! "Viktor Ellström (S) lät anteckna följande till protokollet för
//! Socialdemokraternas kommunstyrelsegrupp: …", "Representanterna från SD, M
//! och KD antecknar som yttrande en skrivelse …", "X (C) antecknar …". A note
//! runs from its author to the next note or the end of its section, so a
//! quoted statement belongs to it. `on_behalf_of` is the group the note is
//! made for. Jäv and "särskilt yttrande" are not notes.

use std::sync::LazyLock;

use regex::Regex;

use super::persons::parse_subject;
use super::{Doc, Required, sentence_start};
use crate::model::Note;
use crate::segment::SectionKind;

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:antecknar|antecknade|(?:lät|låter|får|fick|vill)\s+anteckna|(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+|följande\s+)?protokollsanteckning)(?-u:\b)")
        .expect("note verb regex")
});
/// Every note verb contains it.
static VERB_WORD: LazyLock<Required> = LazyLock::new(|| Required::new("anteckn"));
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:för|på uppdrag av)\s+(?P<g>\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?\s*[\p{L}-]*grupp(?:en)?)(?-u:\b)",
    )
    .expect("on behalf regex")
});

/// Every protocol note, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Note> {
    let text = doc.text();
    if !VERB_WORD.might_match(text) {
        return Vec::new();
    }
    let statement_sections: Vec<_> = doc
        .seg
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Disqualification | SectionKind::Statement))
        .map(|s| s.body.clone())
        .collect();
    let mut starts: Vec<(usize, usize, Vec<crate::model::Person>)> = Vec::new();
    for m in VERB.find_iter(text) {
        if statement_sections.iter().any(|r| r.contains(&m.start())) {
            continue;
        }
        let start = sentence_start(doc, m.start());
        let by = parse_subject(&text[start..m.start()]);
        if by.is_empty() {
            continue;
        }
        starts.push((start, m.end(), by));
    }
    let mut out = Vec::new();
    for (i, (start, verb_end, by)) in starts.iter().enumerate() {
        // the note runs to the next note, the end of its section, or a blank
        // line after a finished statement
        let mut end = starts.get(i + 1).map_or(text.len(), |n| n.0);
        if let Some(s) = doc.seg.section_at(*start) {
            end = end.min(s.body.end);
        } else if let Some(p) = text[*verb_end..end].find("\n\n") {
            end = verb_end + p;
        }
        if let Some(pi) = doc.seg.paragraph_index_at(*start) {
            end = end.min(doc.seg.paragraphs[pi].range.end);
        }
        let head = &text[*start..end];
        let first_sentence = head.split(['.', ':']).next().unwrap_or(head);
        let on_behalf_of = ON_BEHALF
            .captures(first_sentence)
            .map(|c| c["g"].split_whitespace().collect::<Vec<_>>().join(" "));
        let (span, ntext) = doc.span_and_text(*start..end);
        out.push(Note {
            paragraph: doc.paragraph_at(*start),
            by: by.clone(),
            on_behalf_of,
            text: ntext,
            span,
        });
    }
    out
}
