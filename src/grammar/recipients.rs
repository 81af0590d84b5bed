//! FAMILY DOC

use super::Rule;

pub static STOP_LINE: Rule = Rule::new(
    "stop_line",
    r"(?i)^\s*(?:\*\*|---|dag för justering|vid protokollet|justerare|justerat|justerande|ordförande|sekreterare|paragrafen är justerad|underskrift|anslag|protokollet justera|\d{4}-\d{2}-\d{2}\s*$)",
    &[],
);

pub static LABEL_PREFIX: Rule = Rule::new(
    "label_prefix",
    r"^(?i:skrivelse|yttrande|protokollsutdrag|beslut|kopia|remissvar|svar|beslutet)\s+till\s+",
    &[],
);

pub static BULLET: Rule = Rule::new("bullet", r"^(?:[-•–*·]|\d{1,2}[.)])\s+", &[]);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&STOP_LINE, &LABEL_PREFIX, &BULLET];
