//! Placing: from what the extractors found in the normalized text to
//! records that point into the source.
//!
//! Every extractor works in normalized coordinates only and returns
//! [`Found`] records: the record's fields, the normalized range it stands
//! at, and the ranges of the parts it lists (a decision's items). This one
//! step maps each range through the normalization's offset map to a source
//! [`Span`], takes the record's `text` from the source (so that it equals
//! its span exactly, as the contract wants), and finds the § it belongs to.
//! No extractor touches the offset map: a mistake in mapping is made, and
//! fixed, here once for every record kind.

use std::ops::Range;

use super::Doc;
use crate::model::{Amount, Decision, Footnote, Motion, Note, Paragraph, Recipient, Reservation, Span, Vote};

/// A record found at a range of the normalized text, before it has a span.
#[derive(Debug, Clone)]
pub struct Found<T> {
    /// Where the record stands in the normalized text.
    pub range: Range<usize>,
    /// Ranges (normalized) of the parts whose source text the record lists:
    /// a decision's items. Parts whose text is empty are left out. Boxed:
    /// most records have none, and a kind with a record on every line (an
    /// amount) pays one word for it.
    pub parts: Option<Box<Vec<Range<usize>>>>,
    /// The record; its span, text and § are filled in by [`place`].
    pub record: T,
}

impl<T> Found<T> {
    /// A record found at `range`, with no parts.
    pub fn new(range: Range<usize>, record: T) -> Found<T> {
        Found {
            range,
            parts: None,
            record,
        }
    }
}

/// Where a record stands in the source, as [`place`] found it.
#[derive(Debug, Clone)]
pub struct Placement {
    /// The § the record's start is in.
    pub paragraph: Option<String>,
    /// The record's span in the source text.
    pub span: Span,
    /// The source text of the span, white space collapsed.
    pub text: String,
    /// The source text of each part, in order (empty ones left out).
    pub parts: Vec<String>,
}

/// A record kind that takes a [`Placement`]: which of its fields the span,
/// the text, the § and the parts go to.
pub trait Placed {
    /// Whether the record has a `text` (a § has only its span: its text
    /// would be the whole §, collapsed for nothing). A record without one
    /// gets an empty `text` in its placement and is never left out.
    const HAS_TEXT: bool = true;

    /// Fill the record's position fields.
    fn place(&mut self, at: Placement);
}

/// The records of `found`, each given its span, text and §; a record whose
/// source text is empty (it points at nothing) is left out.
pub fn place<T: Placed>(doc: &Doc<'_>, found: Vec<Found<T>>) -> Vec<T> {
    found
        .into_iter()
        .filter_map(|f| {
            let (span, text) = if T::HAS_TEXT {
                span_and_text(doc, f.range.clone())
            } else {
                (span(doc, f.range.clone()), String::new())
            };
            if T::HAS_TEXT && text.is_empty() {
                return None;
            }
            let parts = f
                .parts
                .iter()
                .flat_map(|p| p.iter())
                .map(|r| span_and_text(doc, r.clone()).1)
                .filter(|t| !t.is_empty())
                .collect();
            let mut record = f.record;
            record.place(Placement {
                paragraph: doc.paragraph_at(f.range.start),
                span,
                text,
                parts,
            });
            Some(record)
        })
        .collect()
}

/// The span of a normalized range. A range that runs over a page header or
/// footer set aside by normalization ends before it, so page furniture is
/// never part of a record's text.
fn span(doc: &Doc<'_>, r: Range<usize>) -> Span {
    let src = doc.norm.source_range(r);
    let mut end = src.end;
    // furniture lines are in text order: the first one after the start
    let furniture = &doc.norm.furniture;
    let next = furniture.partition_point(|f| f.source.start <= src.start);
    if let Some(f) = furniture.get(next)
        && f.source.start < end
    {
        end = f.source.start;
    }
    doc.source.span(src.start, end)
}

/// A span and the record text for it.
fn span_and_text(doc: &Doc<'_>, r: Range<usize>) -> (Span, String) {
    let span = span(doc, r);
    let text = doc.source.span_text(&span);
    (span, text)
}

impl Placed for Paragraph {
    const HAS_TEXT: bool = false;

    fn place(&mut self, at: Placement) {
        self.span = at.span;
    }
}

impl Placed for Recipient {
    fn place(&mut self, at: Placement) {
        self.paragraph = at.paragraph;
        self.name.clone_from(&at.text);
        self.text = at.text;
        self.span = at.span;
    }
}

impl Placed for Decision {
    fn place(&mut self, at: Placement) {
        self.paragraph = at.paragraph;
        self.text = at.text;
        self.span = at.span;
        // an earlier decision's items are already text (its proposal's lines)
        self.items.extend(at.parts);
    }
}

/// The kinds whose position fields are their §, text and span.
macro_rules! placed_by_text {
    ($($kind:ty),*) => {$(
        impl Placed for $kind {
            fn place(&mut self, at: Placement) {
                self.paragraph = at.paragraph;
                self.text = at.text;
                self.span = at.span;
            }
        }
    )*};
}

placed_by_text!(Amount, Footnote, Motion, Vote, Reservation, Note);
