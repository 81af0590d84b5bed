//! The document's §§ as records.
//!
//! Segmentation already found every § heading with its number, case numbers
//! and title; this turns them into output records with spans.

use super::Doc;
use super::place::Found;
use crate::model::{Paragraph, Span};

/// One record per § heading of the document itself.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Paragraph>> {
    doc.seg
        .paragraphs
        .iter()
        .map(|p| {
            let paragraph = Paragraph {
                number: p.number.clone(),
                case_numbers: p.case_numbers.clone(),
                title: p.title.clone(),
                span: Span::default(),
            };
            Found::new(p.range.clone(), paragraph)
        })
        .collect()
}
