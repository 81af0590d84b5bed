//! FAMILY DOC

use super::Rule;

pub static CASE_FILE_MARK: Rule = Rule::new("case_file_mark", r"(?m)^\s*Handling\s+\d{4}\s+nr\s+\d+\s*$", &[]);

pub static MEMO_MARK: Rule = Rule::new(
    "memo_mark",
    r"(?m)^\s*(?:Tjänsteskrivelse|Tjänsteutlåtande|Förslag till beslut|Mottagare)(?:\s*$|\s{2,}|\s+(?:Handläggare|Datum|Dnr|Diarienummer|Utfärdat))|(?:förvaltningens|kontorets|förvaltningarnas)\s+förslag\s+till(?-u:\b)",
    &[],
);

/// A memo's own header line, as opposed to "Tjänsteskrivelsen från …" in a list.
pub static MEMO_HEADER: Rule = Rule::new(
    "memo_header",
    r"(?m)^\s*(?:Tjänsteskrivelse|Tjänsteutlåtande)(?:\s*$|\s{2,}|\s+(?:Handläggare|Datum|Dnr|Diarienummer|Utfärdat))",
    &[],
);

pub static PROTOCOL_MARK: Rule = Rule::new(
    "protocol_mark",
    r"(?mi)^\s*(?:utdrag ur protokoll(?-u:\b)|protokollsutdrag\s*$)",
    &[],
);

pub static ATTENDANCE_MARK: Rule = Rule::new(
    "attendance_mark",
    r"(?m)^\s*(?:Närvarande|Beslutande|Ledamöter|Tjänstgörande ersättare|Övriga närvarande|Övriga deltagande|Justerare|Utses att justera)(?-u:\b)",
    &[],
);

pub static SUBJECT: Rule = Rule::new("subject", r"^\s*(?P<body>(?&body))\s+(?&decision_verb)(?-u:\b)", &[]);

pub static ADMIN_PROPOSAL: Rule = Rule::new(
    "admin_proposal",
    r"(?P<body>\p{Lu}[\p{L}]*(?:-\s(?:och|&)\s[\p{L}]+)?(?:förvaltningens|kontorets))\s+förslag(?-u:\b)",
    &[],
);

pub static MEETING_DATE: Rule = Rule::new(
    "meeting_date",
    r"(?:(?i:sammanträdesdatum)\s*:?\s*|(?m:^|\.\s+)Vid\s+(?:\p{L}+\s+)?sammanträdet\s+(?:den\s+)?|(?m:^)\s*(?i:sammanträdesdag)\s*:?\s*)(?P<d>(?&date))",
    &[],
);

pub static MEMO_DATE: Rule = Rule::new(
    "memo_date",
    r"(?im)^\s*(?:datum|daterad)\s*:?\s*(?P<d>(?&date))\s*$",
    &[],
);

pub static DECIDING_BODY: Rule = Rule::new(
    "deciding_body",
    r"(?:finner\s+att|frågar\s+om|(?m:^))\s*(?P<body>(?i:(?&body)))\s+(?:har\s+)?(?:beslutat|beslutar|kan\s+besluta|antar|bifallit)",
    &[],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &CASE_FILE_MARK,
    &MEMO_MARK,
    &MEMO_HEADER,
    &PROTOCOL_MARK,
    &ATTENDANCE_MARK,
    &SUBJECT,
    &ADMIN_PROPOSAL,
    &MEETING_DATE,
    &MEMO_DATE,
    &DECIDING_BODY,
];
