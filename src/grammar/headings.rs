//! § headings and the lines that begin a new document inside a case file.
//!
//! A § (paragraf) is one item of business in the minutes; its heading holds
//! the number, often a case number, and the title. The section headings
//! inside a § (Beslut, Yrkanden, Beslutsgång …) are a word table in
//! `segment`; the case numbers are the family [`super::case_numbers`].

use super::{Rule, finds, groups, rejects};

/// A § heading at the start of a line: "§70", "§ 218 KFKS 2019/266", "KF § 9",
/// "§ 902 Ärendenummer SLK-2025-01057", "§ 12 Val av justerare": the
/// pattern reaches the white space before the title, which is the rest of
/// the line (so a long title need not go through the capturing engine).
pub static PARA_HEADING_START: Rule = Rule::new(
    "para_heading_start",
    r"^\s*(?:#+\s*)?(?:\*\*)?(?:(?&body_code)\s*)?§\s*(\d{1,4}[a-z]?)(?:\*\*)?(?:\s+|$)",
    &[
        groups("§70", &[("1", "70")]),
        groups("§ 218 KFKS 2019/266 Detaljplan", &[("1", "218")]),
        groups("## **§ 9** Val av justerare", &[("1", "9")]),
        groups("§ 12a Tillägg", &[("1", "12a")]),
        groups("KF § 9                KS KF/2023:349", &[("1", "9")]),
        groups("KSAU §12 Budget", &[("1", "12")]),
        rejects("Kommunstyrelsen § 5"),
        rejects("enligt § 5"),
    ],
);

/// The code of the body whose § it is, before the § of a heading: "KF § 9",
/// "KS § 12", "KSAU § 3", "BUN § 40" (two to five capitals).
pub static BODY_CODE: Rule = Rule::new(
    "body_code",
    r"[A-ZÅÄÖ]{2,5}",
    &[finds("KF § 9", "KF"), finds("BUN § 40", "BUN"), rejects("Kf § 9")],
);

/// A § at the end of a title line with its case number, as in Göteborg's
/// protocol extracts inside case files: "Förvärv av fastigheten … § 210, 4610/22".
pub static TRAILING_PARA_HEADING: Rule = Rule::new(
    "trailing_para_heading",
    r"^\s*(\S[^§]{2,200}?)\s+§\s*(\d{1,4}),\s*(\d{1,6}/\d{2,4})\s*$",
    &[
        groups(
            "Förvärv av fastigheten Kärra 1:2 § 210, 4610/22",
            &[
                ("1", "Förvärv av fastigheten Kärra 1:2"),
                ("2", "210"),
                ("3", "4610/22"),
            ],
        ),
        rejects("Förvärv av fastigheten § 210"),
    ],
);

/// An ISO date anywhere in a line (a title with one is not a § heading).
pub static DATE_IN_LINE: Rule = Rule::new(
    "date_in_line",
    r"\d{4}-\d{2}-\d{2}",
    &[finds("Protokoll 2025-06-12", "2025-06-12"), rejects("den 12 juni 2025")],
);

/// A case number in parentheses at the end of a title: "… (KS 24/76)".
pub static TRAILING_CASE: Rule = Rule::new(
    "trailing_case",
    r"\s*\(((?:Dnr\s*)?[A-ZÅÄÖ]{1,8}\s?\d{2,4}[/-]\d{1,6}|\d{1,6}/\d{2,4})\)\s*\.?\s*$",
    &[
        groups("Yttrande över remiss (KS 24/76)", &[("1", "KS 24/76")]),
        groups("Budget 2025 (Dnr KS 2024/12).", &[("1", "Dnr KS 2024/12")]),
        rejects("Budget (se bilaga)"),
    ],
);

/// Lines where another document of a case file begins: a memo's header
/// ("Tjänsteutlåtande   Handläggare …", not "Tjänsteutlåtande avseende …"
/// in a list of documents), a protocol extract's header ("Utdrag ur
/// protokoll", "Protokollsutdrag Sammanträdesdatum: …"), the signature block
/// that ends a protocol.
pub static BOUNDARY_LINE: Rule = Rule::new(
    "boundary_line",
    r"^\s*(?:(?:Tjänsteutlåtande|Tjänsteskrivelse)(?:\s*$|\s{2,}|\s+(?:Handläggare|Datum|Dnr|Diarienummer|Utfärdat))|Utdrag ur [Pp]rotokoll(?-u:\b)|(?:Protokollsutdrag|Protokoll)\s*(?:\(?nr\.?\s*\d+\)?\s*)?,?\s*Sammanträdesdatum|Dag för justering(?-u:\b)|Dag som ovan(?-u:\b)|Vid protokollet(?-u:\b))",
    &[
        finds("Tjänsteutlåtande   Handläggare Anna Berg", "Tjänsteutlåtande   "),
        finds("Utdrag ur protokoll från kommunstyrelsen", "Utdrag ur protokoll"),
        finds(
            "Protokollsutdrag Sammanträdesdatum 2025-03-04",
            "Protokollsutdrag Sammanträdesdatum",
        ),
        rejects("Tjänsteutlåtande avseende budget"),
    ],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &BODY_CODE,
    &PARA_HEADING_START,
    &TRAILING_PARA_HEADING,
    &DATE_IN_LINE,
    &TRAILING_CASE,
    &BOUNDARY_LINE,
];
