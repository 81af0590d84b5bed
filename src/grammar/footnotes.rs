//! FAMILY DOC

use super::Rule;

pub static SUPERSCRIPT_LINE: Rule = Rule::new(
    "superscript_line",
    r"^[ \t]*(?P<m>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(?P<t>\S.*?)\s*$",
    &[],
);

pub static BARE_LINE: Rule = Rule::new("bare_line", r"^[ \t]*(?P<m>[1-9]\d?)[ \t]+(?P<t>\S.*?)\s*$", &[]);

pub static POPULATION: Rule = Rule::new(
    "population",
    r"(?i)(?:(?P<n1>\d{1,3}(?: \d{3})+|\d{3,})\s+(?:invånare|kommuninvånare|folkbokförda)(?-u:\b)|(?:invånare|invånarantal|folkmängd)\s*:?\s*(?P<n2>\d{1,3}(?: \d{3})+|\d{3,}))",
    &[],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&SUPERSCRIPT_LINE, &BARE_LINE, &POPULATION];
