//! § headings and the lines that begin a new document inside a case file.
//!
//! A § (paragraf) is one item of business in the minutes; its heading holds
//! the number, often a case number, and the title. The section headings
//! inside a § (Beslut, Yrkanden, Beslutsgång …) are word tables
//! ([`SECTION_HEADINGS`] on a line of their own, [`INLINE_HEADINGS`] before
//! their text); the case numbers are the family [`super::case_numbers`].

use super::{Rule, Words, finds, groups, rejects};
use crate::segment::SectionKind;

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

/// A case number in parentheses at the end of a title: "… (KS 24/76)",
/// "… (Dnr KS 2024/12)"; `case` is the number without its label.
pub static TRAILING_CASE: Rule = Rule::new(
    "trailing_case",
    r"\s*\((?:Dnr\s*)?(?P<case>[A-ZÅÄÖ]{1,8}\s?\d{2,4}[/-]\d{1,6}|\d{1,6}/\d{2,4})\)\s*\.?\s*$",
    &[
        groups("Yttrande över remiss (KS 24/76)", &[("case", "KS 24/76")]),
        groups("Budget 2025 (Dnr KS 2024/12).", &[("case", "KS 2024/12")]),
        groups("Detaljplan (Dnr 1193/22)", &[("case", "1193/22")]),
        rejects("Budget (se bilaga)"),
    ],
);

/// Words a title line with a § and a case number at its end never opens
/// with: "Protokoll 2022-10-24 § 210, 4610/22", "Bilaga 3 … § 210,
/// 4610/22", "Handling 2022 nr 253 … § 12, 123/22" name another document
/// and the § in it; they are not a [`TRAILING_PARA_HEADING`].
pub static NOT_TRAILING_TITLES: &[&str] = &["Protokoll", "Bilaga", "Handling"];

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

/// Lines where a document attached inside a § begins: "Bilaga 1" (alone
/// or before its title), a table of contents ("Innehåll 1 Inledning …"; a
/// line of one is [`CONTENTS_LINE`]). A § goes on past them (its list of
/// recipients may follow), but no section does: a decision, a note or a
/// list of recipients never runs into an attachment.
pub static ATTACHMENT_LINE: Rule = Rule::new(
    "attachment_line",
    r"^[ \t]*(?:Bilaga[ \t]+\d+(?:[ \t]|$)|Innehåll(?:sförteckning)?[ \t]*(?:$|\d))",
    &[
        finds("Bilaga 1", "Bilaga 1"),
        finds("Bilaga 2 Beräkning av riktvärde", "Bilaga 2 "),
        finds("Innehåll 1      Inledning ....... 3", "Innehåll 1"),
        finds("Innehållsförteckning", "Innehållsförteckning"),
        rejects("Kommunfullmäktige godkänner bilaga 1 till tjänsteutlåtandet."),
        rejects("Bilagan redovisar kostnaderna."),
        rejects("Innehållet i avtalet godkänns."),
    ],
);

/// A line that is only a date ("2023-07-14", "14 juli 2023") at the left
/// margin: a letter's or a statement's date line, where an embedded
/// document begins (a page header's date, set off to the right in a
/// column layout, is not). Like an [`ATTACHMENT_LINE`], no section runs
/// past it.
pub static DATE_ONLY_LINE: Rule = Rule::new(
    "date_only_line",
    r"^[ \t]{0,3}(?&date)[ \t]*$",
    &[
        finds("2023-07-14", "2023-07-14"),
        finds("  14 juli 2023", "  14 juli 2023"),
        rejects("Protokoll 2025-06-12"),
        rejects("2023-07-14 § 45"),
        rejects("                                           2024-02-01"),
    ],
);

/// A page header's date set off to the right on a heading's line, where a
/// column layout put the two side by side ("Beslutet expedieras till:
/// <many spaces> 2024-02-01"): the heading is what stands before it.
pub static RIGHT_COLUMN_DATE: Rule = Rule::new(
    "right_column_date",
    r"[ \t]{5,}[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]*$",
    &[
        finds(
            "Beslutet expedieras till:                            2024-02-01",
            "                            2024-02-01",
        ),
        rejects("Beslut 2024-02-01"),
    ],
);

/// The title of a regulating document inside a case bundle (in the
/// indefinite form a title has: "Avtalet löper ut" is a sentence) — bylaws,
/// regulations, owner directives, statutes, agreements ("Bolagsordning för
/// Göteborgs Hamn AB", "Reglemente för socialnämnden", "Ägardirektiv",
/// "Förslag till reviderad bolagsordning", a chapter "Kapitel 2 – Nämndens
/// uppdrag"): the "§ 1 Firma", "§ 2 Säte" … after it are its articles, not
/// meeting §§.
pub static REGULATION_TITLE: Rule = Rule::new(
    "regulation_title",
    r"(?i)^[ \t]*(?:förslag\s+till\s+)?(?:reviderad\s+|reviderat\s+|reviderade\s+|ny\s+|nytt\s+|gemensamt?\s+)?(?:bolagsordning|reglemente|ägardirektiv|stadgar|förbundsordning|arbetsordning|aktieägaravtal|samverkansavtal|konsortialavtal|avtal|överenskommelse)(?:[ \t]|:|$)|(?i)^[ \t]*kapitel[ \t]+\d+[ \t]+[–-]",
    &[
        finds("Bolagsordning för Göteborgs Hamn AB", "Bolagsordning "),
        finds(
            "Förslag till reviderad bolagsordning",
            "Förslag till reviderad bolagsordning",
        ),
        finds("Reglemente för socialnämnden", "Reglemente "),
        finds("Ägardirektiv", "Ägardirektiv"),
        finds("Kapitel 2 – Stadsmiljönämndens uppdrag", "Kapitel 2 –"),
        rejects("Kommunfullmäktige antar bolagsordningen."),
        rejects("Avtalet löper ut 2026."),
    ],
);

/// A page header glued before the next page's first line ("Utdrag ur
/// protokoll Sammanträdesdatum: 2024-10-22 Propositionsordning Ordföranden
/// ställer …"): a heading may follow it on the same line.
pub static GLUED_HEADER_PREFIX: Rule = Rule::new(
    "glued_header_prefix",
    r"^[ \t]*(?:Utdrag\s+ur\s+protokoll\s+)?Sammanträdesdatum\s*:?\s*\d{4}-\d{2}-\d{2}[ \t]+",
    &[
        finds(
            "Utdrag ur protokoll Sammanträdesdatum: 2024-10-22 Propositionsordning Ordföranden",
            "Utdrag ur protokoll Sammanträdesdatum: 2024-10-22 ",
        ),
        rejects("Sammanträdesdatum: 2024-10-22"),
        rejects("Protokoll Sammanträdesdatum: 2024-10-22 Beslut"),
    ],
);

/// A line of a table of contents: dot leaders before a page number at the
/// line's end ("2.1 Metod ........ 3", "Bakgrund … … … 5"); where it stands,
/// an attachment has begun ([`ATTACHMENT_LINE`]). Unanchored at the start,
/// so the regex engine looks for the leaders themselves.
pub static CONTENTS_LINE: Rule = Rule::new(
    "contents_line",
    r"(?:\.{5,}|…{3,}|(?:\. ){4,}|(?:… ){3,})[ \t]*[0-9]+[ \t]*$",
    &[
        finds(
            "2.1 Metod ............................ 3",
            "............................ 3",
        ),
        finds("Bakgrund … … … 5", "… … … 5"),
        finds("Inledning . . . . . 12", ". . . . . 12"),
        rejects("Beslutet gäller från 1 januari 2025..."),
        rejects("Kostnaden är 5 000 kr."),
    ],
);

/// Section headings on a line of their own, by key: the heading's letters
/// in lower case, without white space or punctuation, as [`crate::segment`]
/// reduces a line to look it up ("**Förslag till beslut:**", "B e s l u t",
/// "BESLUT" are "förslagtillbeslut" and "beslut"; a capital I after a
/// lower-case letter is read as l), and the kind of section each opens.
pub static SECTION_HEADINGS: Words<SectionKind> = &[
    ("beslut", SectionKind::Decision),
    ("beslutet", SectionKind::Decision),
    ("kommunstyrelsensbeslut", SectionKind::Decision),
    ("förslagtillbeslut", SectionKind::Proposal),
    ("förslagtillbeslutet", SectionKind::Proposal),
    ("beslutsförslag", SectionKind::Proposal),
    ("sammanfattning", SectionKind::Summary),
    ("sammanfattningavärendet", SectionKind::Summary),
    ("sammanfattningärendet", SectionKind::Summary),
    ("ärendet", SectionKind::Matter),
    ("ärende", SectionKind::Matter),
    ("beskrivningavärendet", SectionKind::Matter),
    ("ärendebeskrivning", SectionKind::Matter),
    ("bakgrund", SectionKind::Matter),
    ("beslutsunderlag", SectionKind::Basis),
    ("handlingar", SectionKind::Basis),
    ("handling", SectionKind::Basis),
    ("handlingariärendet", SectionKind::Basis),
    ("underlag", SectionKind::Basis),
    ("yrkanden", SectionKind::Motions),
    ("yrkande", SectionKind::Motions),
    ("ledamöternasförslagtillbeslut", SectionKind::Motions),
    ("ledamöternasyrkanden", SectionKind::Motions),
    ("förslagtillbeslutpåsammanträdet", SectionKind::Motions),
    ("yrkandenpåsammanträdet", SectionKind::Motions),
    ("överläggning", SectionKind::Motions),
    ("propositionsordning", SectionKind::PropositionOrder),
    ("beslutsgång", SectionKind::DecisionProcess),
    ("beslutsgångfortsättning", SectionKind::DecisionProcess),
    ("omröstning", SectionKind::Vote),
    ("omröstningar", SectionKind::Vote),
    ("omröstningsresultat", SectionKind::Vote),
    ("omröstningbegärs", SectionKind::Vote),
    ("votering", SectionKind::Vote),
    ("reservation", SectionKind::Reservation),
    ("reservationer", SectionKind::Reservation),
    ("protokollsanteckning", SectionKind::Note),
    ("protokollsanteckningar", SectionKind::Note),
    ("anteckning", SectionKind::Note),
    ("anteckningar", SectionKind::Note),
    ("jäv", SectionKind::Disqualification),
    ("särskiltyttrande", SectionKind::Statement),
    ("särskildayttranden", SectionKind::Statement),
    ("ärendetsbehandling", SectionKind::Treatment),
    ("ärendetstidigarebehandling", SectionKind::Treatment),
    ("tidigarebehandling", SectionKind::Treatment),
    ("tidigarebeslut", SectionKind::Treatment),
    ("ärendetsberedning", SectionKind::Treatment),
    ("ekonomiskakonsekvenser", SectionKind::Economy),
    ("ekonomiskbedömning", SectionKind::Economy),
    ("bedömning", SectionKind::Assessment),
    ("förvaltningensbedömning", SectionKind::Assessment),
    ("bilagor", SectionKind::Attachments),
    ("bilaga", SectionKind::Attachments),
    ("beslutetskaskickastill", SectionKind::Recipients),
    ("beslutetskickastill", SectionKind::Recipients),
    ("beslutetsändstill", SectionKind::Recipients),
    ("beslutetexpedierastill", SectionKind::Recipients),
    ("protokollsutdragskickastill", SectionKind::Recipients),
    ("protokollsutdragtill", SectionKind::Recipients),
    ("expedierastill", SectionKind::Recipients),
    ("expediering", SectionKind::Recipients),
    ("sändlista", SectionKind::Recipients),
    ("kopiatill", SectionKind::Recipients),
    ("justering", SectionKind::Adjustment),
    ("beslutandesammanträde", SectionKind::Other),
];

/// Headings that may open a line with their text following on the same
/// line ("Sammanfattning Fastighetsnämnden föreslår …", as in text extracted
/// from some PDFs), as written, tried in order. The text must start with a
/// capital letter or a digit, except after a recipients heading
/// ("Beslutet skickas till: kommunstyrelsen").
pub static INLINE_HEADINGS: Words<SectionKind> = &[
    ("Beslutet ska skickas till", SectionKind::Recipients),
    ("Beslutet skickas till", SectionKind::Recipients),
    ("Protokollsutdrag skickas till", SectionKind::Recipients),
    ("Beslutet expedieras till", SectionKind::Recipients),
    ("Expedieras till", SectionKind::Recipients),
    ("Sammanfattning av ärendet", SectionKind::Summary),
    ("Sammanfattning", SectionKind::Summary),
    ("Beskrivning av ärendet", SectionKind::Matter),
    ("Ärendet", SectionKind::Matter),
    ("Beslutsunderlag", SectionKind::Basis),
    ("Handlingar", SectionKind::Basis),
    ("Handling", SectionKind::Basis),
    ("Förslag till beslut", SectionKind::Proposal),
    ("Beslut", SectionKind::Decision),
    ("Yrkanden", SectionKind::Motions),
    ("Propositionsordning", SectionKind::PropositionOrder),
    ("Beslutsgång", SectionKind::DecisionProcess),
    ("Reservationer", SectionKind::Reservation),
    ("Reservation", SectionKind::Reservation),
    ("Protokollsanteckningar", SectionKind::Note),
    ("Protokollsanteckning", SectionKind::Note),
    ("Jäv", SectionKind::Disqualification),
    ("Bilagor", SectionKind::Attachments),
    ("Ekonomiska konsekvenser", SectionKind::Economy),
];

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &BODY_CODE,
    &PARA_HEADING_START,
    &TRAILING_PARA_HEADING,
    &DATE_IN_LINE,
    &TRAILING_CASE,
    &BOUNDARY_LINE,
    &ATTACHMENT_LINE,
    &GLUED_HEADER_PREFIX,
    &REGULATION_TITLE,
    &RIGHT_COLUMN_DATE,
    &DATE_ONLY_LINE,
    &CONTENTS_LINE,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{heading_key_of, inline_heading, lookup_heading, segment};

    /// A line naming another document and a § in it matches the trailing
    /// heading rule but heads no §; a title line does.
    #[test]
    fn lines_naming_another_document_head_no_paragraph() {
        for word in NOT_TRAILING_TITLES {
            let line = format!("{word} om förvärv av fastigheten Kärra 1:2 § 210, 4610/22");
            assert!(TRAILING_PARA_HEADING.is_match(&line), "{line:?}");
            assert!(segment(&line).paragraphs.is_empty(), "{line:?}");
        }
        let s = segment("Förvärv av fastigheten Kärra 1:2 § 210, 4610/22");
        assert_eq!(s.paragraphs.len(), 1);
    }

    /// A key is looked up as the key of a line is made: one not in that
    /// form would never be found.
    #[test]
    fn every_section_heading_key_is_in_key_form() {
        for (key, _) in SECTION_HEADINGS {
            assert_eq!(heading_key_of(key).as_deref(), Some(*key), "{key:?}");
        }
    }

    /// Heading lines and the kind each opens: one or more for every kind
    /// of [`SECTION_HEADINGS`], and lines that head nothing.
    #[test]
    fn section_headings_open_their_kind() {
        let examples = [
            ("Beslut", Some(SectionKind::Decision)),
            ("**Kommunstyrelsens beslut:**", Some(SectionKind::Decision)),
            ("Förslag till beslut", Some(SectionKind::Proposal)),
            ("SAMMANFATTNING AV ÄRENDET", Some(SectionKind::Summary)),
            ("Beskrivning av ärendet", Some(SectionKind::Matter)),
            ("## Bakgrund", Some(SectionKind::Matter)),
            ("Handlingar i ärendet", Some(SectionKind::Basis)),
            ("Ledamöternas förslag till beslut", Some(SectionKind::Motions)),
            ("Propositionsordning", Some(SectionKind::PropositionOrder)),
            ("B e s l u t s g å n g", Some(SectionKind::DecisionProcess)),
            ("Omröstningsresultat", Some(SectionKind::Vote)),
            ("RESERVATIONER", Some(SectionKind::Reservation)),
            ("Protokol I santeckni ngar", Some(SectionKind::Note)),
            ("Jäv", Some(SectionKind::Disqualification)),
            ("Särskilt yttrande", Some(SectionKind::Statement)),
            ("Ärendets tidigare behandling", Some(SectionKind::Treatment)),
            ("Ekonomiska konsekvenser", Some(SectionKind::Economy)),
            ("Förvaltningens bedömning", Some(SectionKind::Assessment)),
            ("Bilagor:", Some(SectionKind::Attachments)),
            ("Beslutet skickas till", Some(SectionKind::Recipients)),
            ("Justering", Some(SectionKind::Adjustment)),
            ("Beslutande sammanträde", Some(SectionKind::Other)),
            ("Beslut i nämnden den 3 juni", None),
            ("Kommunstyrelsens arbetsutskott föreslår", None),
        ];
        for (line, kind) in examples {
            assert_eq!(lookup_heading(line), kind, "{line:?}");
        }
        for (_, kind) in SECTION_HEADINGS {
            assert!(
                examples.iter().any(|(_, k)| *k == Some(*kind)),
                "no example heading of {kind:?}"
            );
        }
    }

    /// An inline heading alone on its line is a heading of the same kind.
    #[test]
    fn every_inline_heading_is_a_section_heading() {
        for (phrase, kind) in INLINE_HEADINGS {
            assert_eq!(lookup_heading(phrase), Some(*kind), "{phrase:?}");
        }
    }

    /// Lines an inline heading opens (the kind, and the text after it), and
    /// lines it does not.
    #[test]
    fn inline_headings_open_their_kind() {
        let examples = [
            (
                "Sammanfattning Fastighetsnämnden föreslår …",
                Some((SectionKind::Summary, "Fastighetsnämnden föreslår …")),
            ),
            (
                "Beslutet skickas till: kommunstyrelsen",
                Some((SectionKind::Recipients, "kommunstyrelsen")),
            ),
            (
                "Yrkanden Anna Berg (S) yrkar bifall.",
                Some((SectionKind::Motions, "Anna Berg (S) yrkar bifall.")),
            ),
            ("Beslut i nämnden den 3 juni", None),
            ("Beslutet gäller från 1 januari", None),
            ("Sammanfattning", None),
        ];
        for (line, want) in examples {
            let got = inline_heading(line).map(|(kind, at)| (kind, &line[at..]));
            assert_eq!(got, want, "{line:?}");
        }
    }
}
