//! Reservations: members dissenting from the decision.
//!
//! "X (M) och Y (SD) reserverar sig mot beslutet", "… till förmån för det
//! egna yrkandet", party groups ("Ledamöterna från SD reserverar sig …",
//! "Samtliga ledamöter från Sverigedemokraterna …"), and lines under a
//! "Reservation(er)" heading that name members without the verb
//! ("Anna Berg (M) till förmån för eget yrkande."). Persons named after the
//! verb ("till förmån för Martin Linder-Loods (SD) förslag") are not the
//! ones who reserve themselves.

use super::persons::parse_subject;
use super::{Doc, sentence_end, sentence_start};
use crate::grammar::notes::{IN_FAVOUR_OF, RESERVATION_VERB as VERB};
use crate::model::Reservation;
use crate::segment::SectionKind;

/// Every reservation, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Reservation> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut covered: Vec<usize> = Vec::new();
    for m in VERB.find_iter(text) {
        let start = sentence_start(doc, m.start());
        let by = parse_subject(&text[start..m.start()]);
        if by.is_empty() {
            continue;
        }
        let end = sentence_end(doc, m.end());
        let (span, rtext) = doc.span_and_text(start..end);
        covered.push(start);
        out.push(Reservation {
            paragraph: doc.paragraph_at(start),
            by,
            text: rtext,
            span,
        });
    }
    // lines under a Reservation heading without the verb
    for s in doc.seg.sections_of(SectionKind::Reservation) {
        if covered.iter().any(|p| s.body.contains(p)) {
            continue;
        }
        let mut pos = s.body.start;
        while pos < s.body.end {
            let end = sentence_end(doc, pos).min(s.body.end);
            let sentence = &text[pos..end];
            let lead = sentence.len() - sentence.trim_start().len();
            let subject_end = sentence
                .find(IN_FAVOUR_OF)
                .or_else(|| sentence.find(':'))
                .unwrap_or(sentence.len());
            let by = parse_subject(&sentence[lead..subject_end]);
            if !by.is_empty() && !covered.contains(&(pos + lead)) {
                let (span, rtext) = doc.span_and_text(pos + lead..end);
                out.push(Reservation {
                    paragraph: doc.paragraph_at(pos + lead),
                    by,
                    text: rtext,
                    span,
                });
            }
            if end <= pos {
                break;
            }
            pos = end;
        }
    }
    out.sort_by_key(|r| r.span.start);
    out
}
