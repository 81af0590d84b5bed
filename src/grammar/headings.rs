//! FAMILY DOC

use super::Rule;

/// A § heading at the start of a line: "§70", "§ 218 KFKS 2019/266",
/// "§ 902 Ärendenummer SLK-2025-01057", "§ 12 Val av justerare": the
/// pattern reaches the white space before the title, which is the rest of
/// the line (so a long title need not go through the capturing engine).
pub static PARA_HEADING_START: Rule = Rule::new(
    "para_heading_start",
    r"^\s*(?:#+\s*)?(?:\*\*)?§\s*(\d{1,4}[a-z]?)(?:\*\*)?(?:\s+|$)",
    &[],
);

/// A § at the end of a title line with its case number, as in Göteborg's
/// protocol extracts inside case files: "Förvärv av fastigheten … § 210, 4610/22".
pub static TRAILING_PARA_HEADING: Rule = Rule::new(
    "trailing_para_heading",
    r"^\s*(\S[^§]{2,200}?)\s+§\s*(\d{1,4}),\s*(\d{1,6}/\d{2,4})\s*$",
    &[],
);

pub static DATE_IN_LINE: Rule = Rule::new("date_in_line", r"\d{4}-\d{2}-\d{2}", &[]);

/// A case-number label ("Dnr", "Diarienummer", "Ärendenummer").
pub static CASE_LABEL: Rule = Rule::new(
    "case_label",
    r"(?i)^(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|ärende\s+nr|ärende)\.?\s*:?\s*",
    &[],
);

/// A case number (diarienummer) at the start of a string.
pub static CASE_NUMBER: Rule = Rule::new(
    "case_number",
    r"^(?:(?P<a>[A-ZÅÄÖ]{2,8}-\d{4}-\d{2,6}(?::-?\d+)?)|(?P<b>[A-ZÅÄÖ]{1,8}\s?\d{2,4}[/-]\d{1,6})|(?P<c>\d{1,6})/(?P<cy>\d{2,8})(?P<cf>(?:\.\d+)*\.?))(?:$|[\s,.;)])",
    &[],
);

/// A case number in parentheses at the end of a title: "… (KS 24/76)".
pub static TRAILING_CASE: Rule = Rule::new(
    "trailing_case",
    r"\s*\(((?:Dnr\s*)?[A-ZÅÄÖ]{1,8}\s?\d{2,4}[/-]\d{1,6}|\d{1,6}/\d{2,4})\)\s*\.?\s*$",
    &[],
);

/// Lines where another document of a case file begins: a memo's header
/// ("Tjänsteutlåtande   Handläggare …", not "Tjänsteutlåtande avseende …"
/// in a list of documents), a protocol extract's header ("Utdrag ur
/// protokoll", "Protokollsutdrag Sammanträdesdatum: …"), the signature block
/// that ends a protocol.
pub static BOUNDARY_LINE: Rule = Rule::new(
    "boundary_line",
    r"^\s*(?:(?:Tjänsteutlåtande|Tjänsteskrivelse)(?:\s*$|\s{2,}|\s+(?:Handläggare|Datum|Dnr|Diarienummer|Utfärdat))|Utdrag ur [Pp]rotokoll(?-u:\b)|(?:Protokollsutdrag|Protokoll)\s*(?:\(?nr\.?\s*\d+\)?\s*)?,?\s*Sammanträdesdatum|Dag för justering(?-u:\b)|Dag som ovan(?-u:\b)|Vid protokollet(?-u:\b))",
    &[],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &PARA_HEADING_START,
    &TRAILING_PARA_HEADING,
    &DATE_IN_LINE,
    &CASE_LABEL,
    &CASE_NUMBER,
    &TRAILING_CASE,
    &BOUNDARY_LINE,
];
