//! What kind of document this is, and its body and date, read by
//! [`crate::extract::document`]: the marks of a case file (handling), a
//! memo (tjänsteskrivelse or tjänsteutlåtande, an administration's written
//! report to a body), a protokollsutdrag (an extract of one or a few §§ of
//! the minutes) and a whole protocol's attendance list, the subject of the
//! first decision, and the meeting's or memo's date.

use super::{Rule, finds, groups, rejects};

/// A case file's mark on a line of its own: "Handling 2022 nr 253".
pub static CASE_FILE_MARK: Rule = Rule::new(
    "case_file_mark",
    r"(?m)^\s*Handling\s+\d{4}\s+nr\s+\d+\s*$",
    &[
        finds(
            "Göteborgs Stad\nHandling 2022 nr 253\nFörvärv av fastighet",
            "Handling 2022 nr 253",
        ),
        rejects("Se handling 2022 nr 253 i ärendet."),
    ],
);

/// A memo's mark: a header word alone or before a field ("Tjänsteskrivelse",
/// "Tjänsteutlåtande   Utfärdat …"), or "… förvaltningens förslag till".
pub static MEMO_MARK: Rule = Rule::new(
    "memo_mark",
    r"(?m)^\s*(?:Tjänsteskrivelse|Tjänsteutlåtande|Förslag till beslut|Mottagare)(?:\s*$|\s{2,}|\s+(?:Handläggare|Datum|Dnr|Diarienummer|Utfärdat))|(?:förvaltningens|kontorets|förvaltningarnas)\s+förslag\s+till(?-u:\b)",
    &[
        finds("Tjänsteskrivelse\nDnr KS 2024/55", "Tjänsteskrivelse"),
        finds("Tjänsteutlåtande   Utfärdat 2024-05-02", "Tjänsteutlåtande   "),
        finds("Stadsledningskontorets förslag till beslut", "kontorets förslag till"),
        rejects("Tjänsteskrivelsen från stadsbyggnadskontoret"),
    ],
);

/// A memo's own header line, as opposed to "Tjänsteskrivelsen från …" in a list.
pub static MEMO_HEADER: Rule = Rule::new(
    "memo_header",
    r"(?m)^\s*(?:Tjänsteskrivelse|Tjänsteutlåtande)(?:\s*$|\s{2,}|\s+(?:Handläggare|Datum|Dnr|Diarienummer|Utfärdat))",
    &[
        finds("Tjänsteskrivelse\nDatum 2024-03-01", "Tjänsteskrivelse"),
        finds("Tjänsteutlåtande Dnr 0123/24", "Tjänsteutlåtande Dnr"),
        rejects("Tjänsteskrivelsen från socialförvaltningen"),
        rejects("Förslag till beslut"),
    ],
);

/// A protocol extract's mark at a line start: "Utdrag ur protokoll …", or
/// "Protokollsutdrag" alone on its line.
pub static PROTOCOL_MARK: Rule = Rule::new(
    "protocol_mark",
    r"(?mi)^\s*(?:utdrag ur protokoll(?-u:\b)|protokollsutdrag\s*$)",
    &[
        finds("Utdrag ur protokoll\nKommunstyrelsen", "Utdrag ur protokoll"),
        finds("PROTOKOLLSUTDRAG\nSocialnämnden", "PROTOKOLLSUTDRAG"),
        rejects("Protokollsutdrag skickas till: Kommunstyrelsen"),
        rejects("Utdrag ur protokollet bifogas."),
    ],
);

/// The heading of an attendance list at a line start: "Närvarande",
/// "Beslutande", "Tjänstgörande ersättare", "Justerare" ….
pub static ATTENDANCE_MARK: Rule = Rule::new(
    "attendance_mark",
    r"(?m)^\s*(?:Närvarande|Beslutande|Ledamöter|Tjänstgörande ersättare|Övriga närvarande|Övriga deltagande|Justerare|Utses att justera)(?-u:\b)",
    &[
        finds("Plats och tid\nNärvarande ledamöter\nAnna Berg (S)", "Närvarande"),
        finds("Tjänstgörande ersättare: Per Ek (S)", "Tjänstgörande ersättare"),
        rejects("Ledamöterna godkände dagordningen."),
    ],
);

/// The subject of a decision sentence: "Kommunfullmäktige godkänner
/// årsredovisningen"; `body` is the document's body when nothing else names it.
pub static SUBJECT: Rule = Rule::new(
    "subject",
    r"^\s*(?P<body>(?&body))\s+(?&decision_verb)(?-u:\b)",
    &[
        groups(
            "Kommunfullmäktige godkänner årsredovisningen för 2023.",
            &[("body", "Kommunfullmäktige")],
        ),
        groups(
            "Socialutskottet föreslår nämnden att anta planen.",
            &[("body", "Socialutskottet")],
        ),
        rejects("Ärendet bordläggs till nästa sammanträde."),
    ],
);

/// An administration's proposal: "Socialförvaltningens förslag"; `body` is
/// the memo's author.
pub static ADMIN_PROPOSAL: Rule = Rule::new(
    "admin_proposal",
    r"(?P<body>\p{Lu}[\p{L}]*(?:-\s(?:och|&)\s[\p{L}]+)?(?:förvaltningens|kontorets))\s+förslag(?-u:\b)",
    &[
        groups(
            "Socialförvaltningens förslag till beslut",
            &[("body", "Socialförvaltningens")],
        ),
        groups(
            "Arbetsmarknads- och socialförvaltningens förslag",
            &[("body", "Arbetsmarknads- och socialförvaltningens")],
        ),
        rejects("enligt förvaltningens förslag"),
    ],
);

/// The meeting date: "Sammanträdesdatum: 2025-11-26", "Vid sammanträdet den
/// 17 juni 2019", "Sammanträdesdag 4 mars 2024"; `d` is the date.
pub static MEETING_DATE: Rule = Rule::new(
    "meeting_date",
    r"(?:(?i:sammanträdesdatum)\s*:?\s*|(?m:^|\.\s+)Vid\s+(?:\p{L}+\s+)?sammanträdet\s+(?:den\s+)?|(?m:^)\s*(?i:sammanträdesdag)\s*:?\s*)(?P<d>(?&date))",
    &[
        groups("Sammanträdesdatum: 2025-11-26", &[("d", "2025-11-26")]),
        groups(
            "Vid sammanträdet den 17 juni 2019 beslutade nämnden",
            &[("d", "17 juni 2019")],
        ),
        rejects("Ärendet behandlades vid sammanträdet den 17 juni 2019."),
        rejects("Nästa sammanträde den 17 juni 2019"),
    ],
);

/// A page header's "Protokoll" with the meeting date alone on a line under
/// it ("Kommunstyrelsen / Protokoll / 2023-06-19"); `d` is the date. Run on
/// the page furniture (where such headers end up) and the document's head.
pub static PROTOCOL_HEADER_DATE: Rule = Rule::new(
    "protocol_header_date",
    r"(?m)^[ \t]*(?i:sammanträdesprotokoll|protokoll)[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<d>(?&date))[ \t]*$",
    &[
        groups("Kommunstyrelsen\nProtokoll\n\n2023-06-19\n", &[("d", "2023-06-19")]),
        groups("SAMMANTRÄDESPROTOKOLL\n4 mars 2024", &[("d", "4 mars 2024")]),
        rejects("Protokoll\n\n2023-06-19 beslutade nämnden"),
        rejects("Protokollet justeras\n2023-06-19"),
    ],
);

/// The meeting date's label alone on a page-header line, its date on the
/// line below ("Sammanträdesdatum" over "2024-02-01" in a column layout);
/// when the label is furniture but the date is not (its line differed from
/// page to page), the date opens the text: `d` is a date alone on one of
/// the text's first lines.
pub static MEETING_DATE_LABEL: Rule = Rule::new(
    "meeting_date_label",
    r"(?im)^[ \t]*sammanträdesdatum[ \t]*:?[ \t]*$",
    &[
        finds("Sida 14 av 25\nSammanträdesdatum\nJusterande", "Sammanträdesdatum"),
        rejects("Sammanträdesdatum: 2024-02-01"),
    ],
);

/// A date alone on a line, however far indented: the line under a
/// [`MEETING_DATE_LABEL`].
pub static DATE_ALONE: Rule = Rule::new(
    "date_alone",
    r"(?m)^[ \t]*(?P<d>(?&date))[ \t]*$",
    &[
        groups(
            "                                           2024-02-01\n\nKF § 9",
            &[("d", "2024-02-01")],
        ),
        rejects("2024-02-01 § 9"),
    ],
);

/// A page header with the body's name before the protocol's
/// ("KOMMUNFULLMÄKTIGE      SAMMANTRÄDESPROTOKOLL", "Socialnämnden
/// Protokoll"); `body` is the name as written, perhaps in capitals.
pub static BODY_BEFORE_PROTOCOL: Rule = Rule::new(
    "body_before_protocol",
    r"(?m)^[ \t]*(?P<body>\p{L}[\p{L}&\- ]*?\p{L})[ \t]+(?i:sammanträdesprotokoll|protokollsutdrag|protokoll)[ \t]*$",
    &[
        groups(
            "KOMMUNFULLMÄKTIGE                   SAMMANTRÄDESPROTOKOLL\n   Sida 14 av 25",
            &[("body", "KOMMUNFULLMÄKTIGE")],
        ),
        groups("Socialnämnden Protokoll", &[("body", "Socialnämnden")]),
        rejects("Kommunstyrelsen justerar protokollet"),
    ],
);

/// A memo's own date on a line of its own: "Datum: 2024-03-12"; `d` is the date.
pub static MEMO_DATE: Rule = Rule::new(
    "memo_date",
    r"(?im)^\s*(?:datum|daterad)\s*:?\s*(?P<d>(?&date))\s*$",
    &[
        groups(
            "Tjänsteskrivelse\nDatum: 2024-03-12\nDnr KS 2024/55",
            &[("d", "2024-03-12")],
        ),
        rejects("Datum: 2024-03-12, reviderad 2024-04-01"),
    ],
);

/// The body the chair puts the question to: "finner att kommunstyrelsen
/// beslutat …", or a line opening "Kommunfullmäktige beslutar …"; `body`.
pub static DECIDING_BODY: Rule = Rule::new(
    "deciding_body",
    r"(?:finner\s+att|frågar\s+om|(?m:^))\s*(?P<body>(?i:(?&body)))\s+(?:har\s+)?(?:beslutat|beslutar|kan\s+besluta|antar|bifallit)",
    &[
        groups(
            "Ordföranden finner att kommunstyrelsen beslutat enligt förslaget.",
            &[("body", "kommunstyrelsen")],
        ),
        groups(
            "Kommunfullmäktige beslutar först om återremiss.",
            &[("body", "Kommunfullmäktige")],
        ),
        rejects("Ordföranden frågar om förslaget kan antas."),
    ],
);

/// Labels of a memo's addressee ("Mottagare: Kommunstyrelsen"): the body
/// named after one is the memo's recipient, not its author.
pub static RECIPIENT_LABELS: &[&str] = &["Mottagare", "Till", "Adressat"];

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &MEETING_DATE_LABEL,
    &DATE_ALONE,
    &CASE_FILE_MARK,
    &MEMO_MARK,
    &MEMO_HEADER,
    &PROTOCOL_MARK,
    &ATTENDANCE_MARK,
    &SUBJECT,
    &ADMIN_PROPOSAL,
    &MEETING_DATE,
    &PROTOCOL_HEADER_DATE,
    &BODY_BEFORE_PROTOCOL,
    &MEMO_DATE,
    &DECIDING_BODY,
];
