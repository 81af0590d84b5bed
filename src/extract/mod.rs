//! Extraction: from a normalized, segmented document to records.
//!
//! One module per record kind; each is a plain function over a [`Doc`], the
//! read-only view of one document (source text, normalized text, layout).
//! Positions found in the normalized text become [`Span`]s into the source
//! text through [`Doc::span`], and record `text` is always taken from the
//! source so that it matches its span exactly.

pub mod amounts;
pub mod decisions;
pub mod document;
pub mod footnotes;
pub mod motions;
pub mod notes;
pub mod paragraphs;
pub mod persons;
pub mod recipients;
pub mod reservations;
pub mod votes;

use std::ops::Range;

use crate::model::{ExtractResult, Span};
use crate::normalize::Normalized;
use crate::segment::Segmented;
use crate::source::SourceText;

/// One document as the extractors see it.
pub struct Doc<'a> {
    pub source: &'a SourceText,
    pub norm: &'a Normalized,
    pub seg: &'a Segmented,
}

impl Doc<'_> {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// The span of a normalized range.
    pub fn span(&self, r: Range<usize>) -> Span {
        let src = self.norm.source_range(r);
        self.source.span(src.start, src.end)
    }

    /// A span and the record text for it.
    pub fn span_and_text(&self, r: Range<usize>) -> (Span, String) {
        let span = self.span(r);
        let text = self.source.span_text(&span);
        (span, text)
    }

    /// Number of the § that contains normalized position `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<String> {
        self.seg.paragraph_at(pos)
    }
}

/// Run every extractor over a document and fill the result's records.
pub fn extract_all(doc: &Doc<'_>, result: &mut ExtractResult) {
    result.paragraphs = paragraphs::extract(doc);
    result.footnotes = footnotes::extract(doc);
    let markers: Vec<&str> = result.footnotes.iter().map(|f| f.marker.as_str()).collect();
    result.amounts = amounts::extract(doc, &markers);
    result.recipients = recipients::extract(doc);
    result.decisions = decisions::extract(doc);
    result.motions = motions::extract(doc);
    result.votes = votes::extract(doc);
    result.reservations = reservations::extract(doc);
    result.notes = notes::extract(doc);
    result.document = Some(document::extract(doc, &result.paragraphs));
}
