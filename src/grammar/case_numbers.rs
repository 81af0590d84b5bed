//! Case numbers (diarienummer, ärendenummer): the forms municipalities
//! write them in, one table entry each.
//!
//! A case number stands after a label ("Dnr", "Diarienummer",
//! "Ärendenummer", [`CASE_LABEL`]) or alone, on a § heading's line or the
//! line after it. Each format is a rule anchored at the start of the text
//! that follows the label, with the case number in the group `case`, and
//! ends where the number ends ([`CASE_END`]: end of text, white space or
//! punctuation), so that what follows — a title, a diarieplan code such
//! as "004" — is not taken with it. The formats are tried in table order;
//! the first that matches wins. To add a format: one rule, its examples,
//! and its line in [`FORMATS`].

use super::{Rule, finds, groups, rejects};

/// A case-number label: "Dnr", "Dnr.", "Diarienummer", "Ärendenummer",
/// "Ärende nr", with an optional colon.
pub static CASE_LABEL: Rule = Rule::new(
    "case_label",
    r"(?i)^(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|ärende\s+nr|ärende)\.?\s*:?\s*",
    &[
        finds("Dnr KS 2024-254", "Dnr "),
        finds("Diarienummer: 0496/22", "Diarienummer: "),
        finds("Ärende nr. 5", "Ärende nr. "),
        rejects("Budget 2025"),
    ],
);

/// Where a case number ends: the end of the text, white space or punctuation.
pub static CASE_END: Rule = Rule::new(
    "case_end",
    r"(?:$|[\s,.;)])",
    &[finds(", Budget", ","), finds(") och", ")")],
);

/// "SLK-2025-01057", "KSN-2023-02311": letters, year and number joined by
/// dashes, perhaps a ":2" part.
pub static LETTERS_DASH_YEAR_DASH_NUMBER: Rule = Rule::new(
    "case_letters_dash_year_dash_number",
    r"^(?P<case>[A-ZÅÄÖ]{2,8}-\d{4}-\d{2,6}(?::-?\d+)?)(?&case_end)",
    &[
        groups("SLK-2025-01057 Ombyggnad", &[("case", "SLK-2025-01057")]),
        groups("KSN-2023-02311", &[("case", "KSN-2023-02311")]),
        rejects("SLK-2025"),
    ],
);

/// "KS 2024-254", "KFKS 2019/266", "SBN 2024-00417", "KS 2024/0533",
/// "KS 24/76": letters, a year and a number after a slash or dash.
pub static LETTERS_YEAR_NUMBER: Rule = Rule::new(
    "case_letters_year_number",
    r"^(?P<case>[A-ZÅÄÖ]{1,8}\s?\d{2,4}[/-]\d{1,6})(?&case_end)",
    &[
        groups("KS 2024-254 Yttrande", &[("case", "KS 2024-254")]),
        groups("KFKS 2019/266", &[("case", "KFKS 2019/266")]),
        groups("SBN 2024-00417.", &[("case", "SBN 2024-00417")]),
        rejects("KS 2024"),
    ],
);

/// "0496/22", "1193/2022", "00265/20241.1.4." (a filing-plan code glued to
/// the year): number, slash, year; the year is read by [`CaseForm::NumberSlashYear`].
pub static NUMBER_SLASH_YEAR: Rule = Rule::new(
    "case_number_slash_year",
    r"^(?P<c>\d{1,6})/(?P<cy>\d{2,8})(?P<cf>(?:\.\d+)*\.?)(?&case_end)",
    &[
        groups("0496/22 Detaljplan", &[("c", "0496"), ("cy", "22")]),
        groups("00265/20241.1.4.", &[("c", "00265"), ("cy", "20241"), ("cf", ".1.4.")]),
        rejects("12/ab"),
    ],
);

/// "KS.2024.145", "BN.2023.12": letters, year and number joined by dots.
pub static LETTERS_DOT_YEAR_DOT_NUMBER: Rule = Rule::new(
    "case_letters_dot_year_dot_number",
    r"^(?P<case>[A-ZÅÄÖ]{1,8}\.\d{4}\.\d{1,6})(?&case_end)",
    &[
        groups("KS.2024.145 Delårsrapport", &[("case", "KS.2024.145")]),
        groups("BN.2023.12.", &[("case", "BN.2023.12")]),
        rejects("KS.24.145"),
    ],
);

/// "VON/2024/0215", "KS/2023/12": letters, year and number joined by slashes.
pub static LETTERS_SLASH_YEAR_SLASH_NUMBER: Rule = Rule::new(
    "case_letters_slash_year_slash_number",
    r"^(?P<case>[A-ZÅÄÖ]{1,8}/\d{4}/\d{1,6})(?&case_end)",
    &[
        groups("VON/2024/0215 Riktlinjer", &[("case", "VON/2024/0215")]),
        groups("KS/2023/12;", &[("case", "KS/2023/12")]),
        rejects("VON/2024"),
    ],
);

/// "Bun/2024:509", "KS/2023:12": letters (the first capital), slash, year,
/// colon, number; a diarieplan code after it ("Bun/2024:509 004") is not
/// part of the case number.
pub static LETTERS_SLASH_YEAR_COLON_NUMBER: Rule = Rule::new(
    "case_letters_slash_year_colon_number",
    r"^(?P<case>\p{Lu}[\p{Lu}\p{Ll}]{0,7}/\d{4}:\d{1,6})(?&case_end)",
    &[
        groups("Bun/2024:509 004", &[("case", "Bun/2024:509")]),
        groups("KS/2023:12, Budget", &[("case", "KS/2023:12")]),
        rejects("Bun/2024:"),
        rejects("bun/2024:509"),
    ],
);

/// "KS KF/2023:349": two body codes (the preparing and the deciding body),
/// slash, year, colon, number.
pub static TWO_CODES_SLASH_YEAR_COLON_NUMBER: Rule = Rule::new(
    "case_two_codes_slash_year_colon_number",
    r"^(?P<case>[A-ZÅÄÖ]{1,8}\s[A-ZÅÄÖ]{1,8}/\d{4}:\d{1,6})(?&case_end)",
    &[
        groups("KS KF/2023:349 Motion om", &[("case", "KS KF/2023:349")]),
        groups("BUN KS/2024:12", &[("case", "BUN KS/2024:12")]),
        rejects("KS KF 2023:349"),
    ],
);

/// "2023.101 KS": year, dot, number, and the body's code after a space.
pub static YEAR_DOT_NUMBER_CODE: Rule = Rule::new(
    "case_year_dot_number_code",
    r"^(?P<case>(?:19|20)\d{2}\.\d{1,6}\s[A-ZÅÄÖ]{2,8})(?&case_end)",
    &[
        groups("2023.101 KS", &[("case", "2023.101 KS")]),
        groups("2022.270 KS Budget", &[("case", "2022.270 KS")]),
        rejects("2023.101 Kommunstyrelsen"),
        rejects("3.101 KS"),
    ],
);

/// "VON-2022-00007-67": letters, year, number and a document's part
/// number, joined by dashes (tried before the form without the part).
pub static LETTERS_DASH_YEAR_DASH_NUMBER_DASH_PART: Rule = Rule::new(
    "case_letters_dash_year_dash_number_dash_part",
    r"^(?P<case>[A-ZÅÄÖ]{2,8}-\d{4}-\d{2,6}-\d{1,4})(?&case_end)",
    &[
        groups("VON-2022-00007-67 Avgifter", &[("case", "VON-2022-00007-67")]),
        groups("KS-2024-00123-4.", &[("case", "KS-2024-00123-4")]),
        rejects("VON-2022-00007-"),
    ],
);

/// A diarieplan (filing-plan) code after a case number, not part of it:
/// "Bun/2024:509 004", "KS 2024/12 1.1.4.".
pub static FILING_PLAN_CODE: Rule = Rule::new(
    "filing_plan_code",
    r"^\d{1,3}(?:\.\d{1,3})*\.?(?:\s+|$)",
    &[
        finds("004 Skolskjutsregler", "004 "),
        finds("1.1.4. Budget", "1.1.4. "),
        rejects("2024 års budget"),
        rejects("Budget"),
    ],
);

/// The start of a year that has a filing-plan code glued to it, as in
/// "00265/20241.1.4." (read as 00265/2024): a year of the twentieth or
/// twenty-first century, whose first four digits are the year
/// ([`CaseForm::NumberSlashYear`]).
pub static GLUED_YEAR: Rule = Rule::new(
    "case_glued_year",
    r"^(?:19|20)",
    &[
        finds("20241", "20"),
        finds("199812", "19"),
        rejects("00265"),
        rejects("12019"),
    ],
);

/// How a format's match becomes the case number.
#[derive(Debug, Clone, Copy)]
pub enum CaseForm {
    /// The group `case`, as written.
    AsWritten,
    /// Groups `c` (number), `cy` (year, perhaps with a filing-plan code
    /// glued to it) and `cf` (filing-plan code): "number/year".
    NumberSlashYear,
}

/// The case-number formats, in the order they are tried.
pub static FORMATS: &[(&Rule, CaseForm)] = &[
    (&LETTERS_DASH_YEAR_DASH_NUMBER_DASH_PART, CaseForm::AsWritten),
    (&LETTERS_DASH_YEAR_DASH_NUMBER, CaseForm::AsWritten),
    (&LETTERS_YEAR_NUMBER, CaseForm::AsWritten),
    (&NUMBER_SLASH_YEAR, CaseForm::NumberSlashYear),
    (&LETTERS_DOT_YEAR_DOT_NUMBER, CaseForm::AsWritten),
    (&LETTERS_SLASH_YEAR_SLASH_NUMBER, CaseForm::AsWritten),
    (&TWO_CODES_SLASH_YEAR_COLON_NUMBER, CaseForm::AsWritten),
    (&LETTERS_SLASH_YEAR_COLON_NUMBER, CaseForm::AsWritten),
    (&YEAR_DOT_NUMBER_CODE, CaseForm::AsWritten),
];

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &FILING_PLAN_CODE,
    &CASE_LABEL,
    &CASE_END,
    &LETTERS_DASH_YEAR_DASH_NUMBER,
    &LETTERS_YEAR_NUMBER,
    &NUMBER_SLASH_YEAR,
    &LETTERS_DOT_YEAR_DOT_NUMBER,
    &LETTERS_SLASH_YEAR_SLASH_NUMBER,
    &LETTERS_SLASH_YEAR_COLON_NUMBER,
    &TWO_CODES_SLASH_YEAR_COLON_NUMBER,
    &YEAR_DOT_NUMBER_CODE,
    &LETTERS_DASH_YEAR_DASH_NUMBER_DASH_PART,
    &GLUED_YEAR,
];
