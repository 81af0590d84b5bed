//! Extraction: from a normalized, segmented document to records.
//!
//! One module per record kind; each is a plain function over a [`Doc`], the
//! read-only view of one document (source text, normalized text, layout),
//! that returns what it found in normalized coordinates ([`place::Found`]).
//! One step, [`place::place`], then maps every record's range to a source
//! span, takes its `text` from the source (so that it matches its span
//! exactly) and finds its §.

pub mod amounts;
pub mod decisions;
pub mod document;
pub mod footnotes;
pub mod motions;
pub mod notes;
pub mod paragraphs;
pub mod persons;
pub mod place;
pub mod recipients;
pub mod reservations;
pub mod votes;

use std::ops::Range;
use std::time::Instant;

use crate::classify::Classification;
use crate::model::ExtractResult;
use crate::normalize::Normalized;
use crate::segment::Segmented;
use crate::source::SourceText;
use place::place;

/// The ranges of every group of every match, to compare two ways of
/// finding the matches of a pattern.
#[cfg(test)]
pub(crate) fn capture_spans<'t>(matches: impl Iterator<Item = regex::Captures<'t>>) -> Vec<Vec<Option<Range<usize>>>> {
    matches
        .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
        .collect()
}

/// One document as the extractors see it.
pub struct Doc<'a> {
    /// The source text, which spans index into.
    pub source: &'a SourceText,
    /// The normalized text, which the patterns run on.
    pub norm: &'a Normalized,
    /// The layout of the normalized text: lines, §§, sections.
    pub seg: &'a Segmented,
    /// What the document is: its kind and body.
    pub class: &'a Classification,
    /// When the file's time budget runs out.
    pub deadline: Option<Instant>,
}

pub use crate::budget::TimedOut;

impl Doc<'_> {
    /// Whether the time budget has run out (extractors check it in long loops).
    pub fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    fn check(&self) -> Result<(), TimedOut> {
        if self.expired() { Err(TimedOut) } else { Ok(()) }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// Number of the § that contains normalized position `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<String> {
        self.seg.paragraph_at(pos)
    }
}

/// How far a sentence reaches from the position it is looked for at, each
/// way, in bytes: text without full stops (a budget table, a list) is not
/// one sentence, and an unbounded reach made the sentences of N amounts on
/// one line N² bytes.
pub const SENTENCE_REACH: usize = 800;

/// Where the sentence containing `pos` starts: after the last full stop,
/// colon or blank line before it, and not before its section's text.
pub fn sentence_start(doc: &Doc<'_>, pos: usize) -> usize {
    let text = doc.text();
    let floor = doc.seg.section_at(pos).map_or(0, |s| s.body.start);
    let floor = floor.max(floor_char_boundary(text, pos.saturating_sub(SENTENCE_REACH)));
    let s = floor + last_sentence_boundary(&text[floor..pos]);
    s + (text[s..pos].len() - text[s..pos].trim_start().len())
}

/// Like [`sentence_start`], but a blank line inside a sentence (text
/// extracted from PDFs is often double-spaced) does not end it.
pub fn running_sentence_start(doc: &Doc<'_>, pos: usize) -> usize {
    let text = doc.text();
    let floor = doc.seg.section_at(pos).map_or(0, |s| s.body.start);
    let floor = floor.max(floor_char_boundary(text, pos.saturating_sub(SENTENCE_REACH)));
    let before = &text[floor..pos];
    let cut = before
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | ':') && !is_abbreviation(&before[..i + 1]))
        .map_or(0, |(i, _)| i + 1);
    let s = floor + cut;
    s + (text[s..pos].len() - text[s..pos].trim_start().len())
}

/// The lines around each occurrence of `literal` (`before` lines above,
/// `after` below), merged: where a costly pattern that needs the literal can
/// match, so it need not scan the whole text.
pub fn regions_around(text: &str, literal: &str, before: usize, after: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let finder = memchr::memmem::Finder::new(literal.as_bytes());
    for at in finder.find_iter(text.as_bytes()) {
        let mut start = at;
        for _ in 0..=before {
            start = text[..start].rfind('\n').map_or(0, |p| p);
            if start == 0 {
                break;
            }
        }
        let start = if start == 0 { 0 } else { start + 1 };
        let mut end = at;
        for _ in 0..=after {
            end = text[end..].find('\n').map_or(text.len(), |p| end + p + 1);
            if end >= text.len() {
                end = text.len();
                break;
            }
        }
        match out.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// The nearest char boundary at or after `pos`.
pub fn floor_char_boundary(text: &str, mut pos: usize) -> usize {
    while pos < text.len() && !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos.min(text.len())
}

/// Offset in `before` just after its last sentence boundary: a full stop,
/// colon, question or exclamation mark (not of an abbreviation) or a blank
/// line; 0 if none.
pub fn last_sentence_boundary(before: &str) -> usize {
    for (i, c) in before.char_indices().rev() {
        if matches!(c, '.' | '!' | '?' | ':') && !is_abbreviation(&before[..i + 1]) {
            return i + 1;
        }
        if c == '\n' && before[..i].ends_with('\n') {
            return i + 1;
        }
    }
    0
}

/// Where the sentence running at `pos` ends: after its full stop, at a
/// blank line, or at the end of its section, at most [`SENTENCE_REACH`]
/// bytes on.
pub fn sentence_end(doc: &Doc<'_>, pos: usize) -> usize {
    let text = doc.text();
    let section_end = doc.seg.section_at(pos).map_or(text.len(), |s| s.body.end);
    let ceiling = section_end.min(floor_char_boundary(text, pos.saturating_add(SENTENCE_REACH)));
    let rest = &text[pos..ceiling];
    let mut prev_newline = false;
    for (i, c) in rest.char_indices() {
        if c == '.' || c == '!' || c == '?' {
            let after = rest[i + 1..].chars().next();
            if after.is_none_or(char::is_whitespace) && !is_abbreviation(&rest[..i + 1]) {
                return pos + i + 1;
            }
        }
        if c == '\n' {
            if prev_newline {
                return pos + i;
            }
            prev_newline = true;
        } else if !c.is_whitespace() {
            prev_newline = false;
        }
    }
    ceiling
}

/// Whether `head` ends with an abbreviation's full stop ("m.fl.", "bl.a.";
/// [`ABBREVIATIONS`](crate::grammar::fragments::ABBREVIATIONS)).
pub fn is_abbreviation(head: &str) -> bool {
    let tail_start = head.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let lower = head[tail_start..].to_lowercase();
    crate::grammar::fragments::ABBREVIATIONS.iter().any(|a| {
        lower.ends_with(a)
            && lower[..lower.len() - a.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Run every extractor over a document and fill the result's records; stop
/// when the file's time budget runs out.
///
/// Each extractor reads only the document ([`Doc`]: its texts, layout and
/// classification); one step then links motions to the votes that decided
/// them ([`motions::results`]), and [`place`] gives every record its span.
pub fn extract_all(doc: &Doc<'_>, result: &mut ExtractResult) -> Result<(), TimedOut> {
    result.paragraphs = place(doc, paragraphs::extract(doc));
    result.footnotes = place(doc, footnotes::extract(doc));
    doc.check()?;
    result.amounts = place(doc, amounts::extract(doc));
    doc.check()?;
    result.recipients = place(doc, recipients::extract(doc));
    let document = document::extract(doc);
    doc.check()?;
    let votes = votes::extract(doc);
    result.decisions = place(doc, decisions::extract(doc));
    doc.check()?;
    let motions = motions::extract(doc);
    // the one link between record kinds: a motion's result from the votes
    result.motions = place(doc, motions::results(doc, motions, &votes));
    result.votes = place(doc, votes);
    doc.check()?;
    result.reservations = place(doc, reservations::extract(doc));
    result.notes = place(doc, notes::extract(doc));
    result.document = Some(document);
    doc.check()
}
