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
use super::{Doc, sentence_start};
use crate::model::Note;
use crate::segment::SectionKind;

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:antecknar|antecknade|(?:lät|låter|får|fick|vill)\s+anteckna|(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+|följande\s+)?protokollsanteckning)(?-u:\b)")
        .expect("note verb regex")
});
/// Every note verb contains it, once.
static VERB_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)anteckn").expect("note verb word regex"));
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:för|på uppdrag av)\s+(?P<g>\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?\s*[\p{L}-]*grupp(?:en)?)(?-u:\b)",
    )
    .expect("on behalf regex")
});

/// The matches of [`VERB`] in `text`, exactly as `VERB.find_iter` finds
/// them, without running the pattern over the whole text: the pattern runs
/// only on a small window around each "anteckn" (found with SIMD). Before
/// it, a match holds at most the rest of its word ("protokolls") and two
/// words with white space ("anmäler följande"); after it, the rest of its
/// word. A window's match is taken when it holds the "anteckn" of its
/// window; any earlier match would hold an earlier one.
fn verb_matches(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let mut pos = 0;
    VERB_WORD.find_iter(text).filter_map(move |word| {
        if word.start() < pos {
            return None;
        }
        let mut before = text[pos..word.start()].trim_end_matches(char::is_alphabetic);
        for _ in 0..2 {
            before = before
                .trim_end_matches(char::is_whitespace)
                .trim_end_matches(char::is_alphabetic);
        }
        let start = pos + before.len();
        let rest = text[word.end()..].trim_start_matches(char::is_alphabetic);
        let limit = text.len() - rest.len() + rest.chars().next().map_or(0, char::len_utf8);
        let m = VERB.find_at(&text[..limit], start)?;
        (m.start() <= word.start() && word.start() < m.end()).then(|| {
            pos = m.end();
            m
        })
    })
}

/// Every protocol note, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Note> {
    let text = doc.text();
    let statement_sections: Vec<_> = doc
        .seg
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Disqualification | SectionKind::Statement))
        .map(|s| s.body.clone())
        .collect();
    let mut starts: Vec<(usize, usize, Vec<crate::model::Person>)> = Vec::new();
    for m in verb_matches(text) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_the_whole_text_scan(text: &str) {
        let spans = |it: &mut dyn Iterator<Item = regex::Match<'_>>| it.map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(
            spans(&mut verb_matches(text)),
            spans(&mut VERB.find_iter(text)),
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
