//! FAMILY DOC

use super::Rule;

pub static SIGNATURE_LINE: Rule = Rule::new(
    "signature_line",
    r"(?i)^(?:\s*(?:(?:ordförandes?|justerandes?|justerares|sekreterares?|protokollförarens?)\s+sign(?:atur|\.)?|utdrags\s*bestyrkande|justerare|signatur|sign\.?)\s*[:_.]*)+\s*$",
    &[],
);

pub static PAGE_NUMBER_LINE: Rule = Rule::new(
    "page_number_line",
    r"(?i)^\s*(?:(?:sida|sid\.?)\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})\s*$|^\s*-\s*\d{1,4}\s*-\s*$|^\s*(?:sida|sid\.?)\s*\d{1,4}\s*$",
    &[],
);

pub static PROTOCOL_HEADER_LINE: Rule = Rule::new(
    "protocol_header_line",
    r"(?i)^\s*protokoll\s*\(?\s*(?:nr|nummer)\.?\s*\d+\s*\)?\s*$",
    &[],
);

pub static MEETING_DATE_LINE: Rule = Rule::new(
    "meeting_date_line",
    r"(?i)^\s*sammanträdesdatum\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$",
    &[],
);

/// A page header on one line: "Göteborgs Stads grundskolenämnd   Protokoll
/// nr 1 Sammanträdesdatum: 2025-02-04". The body's name is in Latin letters
/// (`\p{Latin}`: eighty repetitions of `\p{L}` took 20 ms to compile).
pub static COMBINED_HEADER_LINE: Rule = Rule::new(
    "combined_header_line",
    r"(?i)^\s*(?:\p{Latin}[\p{Latin} ,.-]{0,80}?\s+)?protokoll\s*\(?\s*(?:nr|nummer)\.?\s*\w+\s*\)?\s*,?\s*sammanträdesdatum\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$",
    &[],
);

pub static FOOTER_LINE: Rule = Rule::new("footer_line", r"^\s*\S.{2,80}, protokoll(?:sutdrag)?\s*$", &[]);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &SIGNATURE_LINE,
    &PAGE_NUMBER_LINE,
    &PROTOCOL_HEADER_LINE,
    &MEETING_DATE_LINE,
    &COMBINED_HEADER_LINE,
    &FOOTER_LINE,
];
