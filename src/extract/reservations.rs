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
use super::place::Found;
use super::{Doc, sentence_end, sentence_start};
use crate::grammar::notes::{IN_FAVOUR_OF, RESERVATION_VERB as VERB};
use crate::model::{Person, Reservation, Span};
use crate::segment::SectionKind;

/// Every reservation, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Reservation>> {
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
        covered.push(start);
        out.push(reservation(start..end, by));
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
                out.push(reservation(pos + lead..end, by));
            }
            if end <= pos {
                break;
            }
            pos = end;
        }
    }
    out.sort_by_key(|r| r.range.start);
    out
}

/// The reservation of `by` at normalized `range`.
fn reservation(range: std::ops::Range<usize>, by: Vec<Person>) -> Found<Reservation> {
    let reservation = Reservation {
        paragraph: None,
        by,
        text: String::new(),
        span: Span::default(),
    };
    Found::new(range, reservation)
}
