//! The document's §§ as records.
//!
//! Segmentation already found every § heading with its number, case numbers
//! and title; this turns them into output records with spans.

use super::Doc;
use crate::model::Paragraph;

/// One record per § heading of the document itself.
pub fn extract(doc: &Doc<'_>) -> Vec<Paragraph> {
    doc.seg
        .paragraphs
        .iter()
        .map(|p| Paragraph {
            number: p.number.clone(),
            case_numbers: p.case_numbers.clone(),
            title: p.title.clone(),
            span: doc.span(p.range.clone()),
        })
        .collect()
}
