//! Protokollsanteckningar: statements entered into the minutes.
//!
//! "Viktor Ellström (S) lät anteckna följande till protokollet för
//! Socialdemokraternas kommunstyrelsegrupp: …", "Representanterna från SD, M
//! och KD antecknar som yttrande en skrivelse …", "X (C) antecknar …". A note
//! runs from its author to the next note or the end of its section, so a
//! quoted statement belongs to it. `on_behalf_of` is the group the note is
//! made for. Jäv and "särskilt yttrande" are not notes.

use std::sync::LazyLock;

use super::persons::parse_subject;
use super::place::Found;
use super::{Doc, sentence_start};
use crate::grammar::Windowed;
use crate::grammar::notes::{NOTE_VERB as VERB, ON_BEHALF};
use crate::model::{Note, Span};
use crate::segment::SectionKind;

/// [`VERB`] through its [`Windowed`] matcher.
static VERB_MATCHES: LazyLock<Windowed> = LazyLock::new(|| Windowed::of(&VERB));

/// Every protocol note, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Note>> {
    let text = doc.text();
    let statement_sections: Vec<_> = doc
        .seg
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Disqualification | SectionKind::Statement))
        .map(|s| s.body.clone())
        .collect();
    let mut starts: Vec<(usize, usize, Vec<crate::model::Person>)> = Vec::new();
    for m in VERB_MATCHES.captures_iter(text).filter_map(|c| c.get(0)) {
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
        let note = Note {
            paragraph: None,
            by: by.clone(),
            on_behalf_of,
            text: String::new(),
            span: Span::default(),
        };
        out.push(Found::new(*start..end, note));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::capture_spans;
    use proptest::prelude::*;

    fn same_as_the_whole_text_scan(text: &str) {
        assert_eq!(
            capture_spans(VERB_MATCHES.captures_iter(text)),
            capture_spans(VERB.captures_iter(text)),
            "{text:?}"
        );
    }

    #[test]
    fn windows_find_what_the_whole_text_scan_finds() {
        for t in [
            "X (S) antecknar. Y (M) lät anteckna följande. Z lämnade följande protokollsanteckning: a",
            "Anmäler en   \n protokollsanteckning, ANTECKNADE, lät\nanteckna, oantecknad, antecknarna",
            "vill anteckna vill anteckna, protokollsanteckningar, lämnar protokollsanteckning",
            "",
        ] {
            same_as_the_whole_text_scan(t);
        }
    }

    fn verbish_text() -> impl Strategy<Value = String> {
        let pieces = proptest::sample::select(vec![
            "anteckn",
            "a",
            "ar",
            "ade",
            "Anteckna",
            "lät",
            "låter",
            "får",
            "vill",
            "anmäler",
            "lämnade",
            "en",
            "följande",
            "protokolls",
            "protokollsanteckning",
            " ",
            "  ",
            "\n",
            ".",
            ",",
            "x",
            "ö",
            "\u{212a}",
        ]);
        proptest::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn windows_match_the_whole_text_scan(text in verbish_text()) {
            same_as_the_whole_text_scan(&text);
        }
    }
}
