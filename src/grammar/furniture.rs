//! Page furniture: the signature lines, page numbers, page headers and
//! footers that a PDF repeats on its pages, recognized line by line (each
//! rule matches a whole line) by [`crate::normalize`] so they can be set
//! aside from the text. Justerare: the members who check and sign the minutes.
//! And the words that tell normalization's text repair to keep a hyphen at
//! a line end ([`SUSPENDED_HYPHEN_NEXT`]).

use super::{Rule, finds, rejects};

/// A line of signature labels only: "Ordförandes sign  Justerandes sign",
/// "Utdragsbestyrkande", "Justerare ____".
pub static SIGNATURE_LINE: Rule = Rule::new(
    "signature_line",
    r"(?i)^(?:\s*(?:(?:ordförandes?|justerandes?|justerares|sekreterares?|protokollförarens?)\s+sign(?:atur|\.)?|utdrags\s*bestyrkande|justerare|signatur|sign\.?)\s*[:_.]*)+\s*$",
    &[
        finds(
            "Ordförandes sign  Justerandes sign",
            "Ordförandes sign  Justerandes sign",
        ),
        finds("Utdragsbestyrkande", "Utdragsbestyrkande"),
        finds("Justerare ____", "Justerare ____"),
        rejects("Justerare: Anna Berg (S)"),
    ],
);

/// A page number line: "Sida 3 (12)", "3 av 12", "- 4 -", "Sid. 5".
pub static PAGE_NUMBER_LINE: Rule = Rule::new(
    "page_number_line",
    r"(?i)^\s*(?:(?:sida|sid\.?)\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})\s*$|^\s*-\s*\d{1,4}\s*-\s*$|^\s*(?:sida|sid\.?)\s*\d{1,4}\s*$",
    &[
        finds("Sida 3 (12)", "Sida 3 (12)"),
        finds("3 av 12", "3 av 12"),
        finds("- 4 -", "- 4 -"),
        rejects("Sida 3 i bilagan"),
    ],
);

/// A protocol's page header: "Protokoll nr 22", "PROTOKOLL (nr 3)".
pub static PROTOCOL_HEADER_LINE: Rule = Rule::new(
    "protocol_header_line",
    r"(?i)^\s*protokoll\s*\(?\s*(?:nr|nummer)\.?\s*\d+\s*\)?\s*$",
    &[
        finds("Protokoll nr 22", "Protokoll nr 22"),
        finds("PROTOKOLL (nr 3)", "PROTOKOLL (nr 3)"),
        rejects("Protokoll från sammanträdet"),
    ],
);

/// The meeting date as a page header line: "Sammanträdesdatum: 2025-11-26".
pub static MEETING_DATE_LINE: Rule = Rule::new(
    "meeting_date_line",
    r"(?i)^\s*sammanträdesdatum\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$",
    &[
        finds("Sammanträdesdatum: 2025-11-26", "Sammanträdesdatum: 2025-11-26"),
        finds("Sammanträdesdatum 4 februari 2025", "Sammanträdesdatum 4 februari 2025"),
        rejects("Sammanträdesdatum: 2025-11-26 kl. 13.00"),
    ],
);

/// A page header on one line: "Göteborgs Stads grundskolenämnd   Protokoll
/// nr 1 Sammanträdesdatum: 2025-02-04". The body's name is in Latin letters
/// (`\p{Latin}`: eighty repetitions of `\p{L}` took 20 ms to compile).
pub static COMBINED_HEADER_LINE: Rule = Rule::new(
    "combined_header_line",
    r"(?i)^\s*(?:\p{Latin}[\p{Latin} ,.-]{0,80}?\s+)?protokoll\s*\(?\s*(?:nr|nummer)\.?\s*\w+(?:\s*\)\s*,?\s*|\s*,\s*|\s+)sammanträdesdatum\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$",
    &[
        finds(
            "Göteborgs Stads grundskolenämnd   Protokoll nr 1 Sammanträdesdatum: 2025-02-04",
            "Göteborgs Stads grundskolenämnd   Protokoll nr 1 Sammanträdesdatum: 2025-02-04",
        ),
        finds(
            "Protokoll nr 5, sammanträdesdatum 2024-09-12",
            "Protokoll nr 5, sammanträdesdatum 2024-09-12",
        ),
        rejects("Protokollsutdrag Sammanträdesdatum: 2025-02-04"),
        // two lines joined at a hyphen: the number runs into the next word
        rejects("Protokoll nr 2fflfiSammanträdesdatum: 2024-01-02 "),
    ],
);

/// A page footer naming the minutes: "Kommunstyrelsen 2025-11-26, protokoll".
pub static FOOTER_LINE: Rule = Rule::new(
    "footer_line",
    r"^\s*\S.{2,80}, protokoll(?:sutdrag)?\s*$",
    &[
        finds(
            "Kommunstyrelsen 2025-11-26, protokoll",
            "Kommunstyrelsen 2025-11-26, protokoll",
        ),
        finds(
            "Kommunfullmäktige, protokollsutdrag",
            "Kommunfullmäktige, protokollsutdrag",
        ),
        rejects("Justerat protokoll"),
    ],
);

/// A protocol extract's word: "Utdrag ur protokoll nr 5, sammanträdesdatum
/// 2024-09-12" heads an extract (another document of a case file, as
/// [`super::headings::BOUNDARY_LINE`] finds), and is no page header however
/// well [`COMBINED_HEADER_LINE`] matches it.
pub static EXTRACT_WORD: Rule = Rule::new(
    "extract_word",
    r"(?i)utdrag",
    &[
        finds("Utdrag ur protokoll nr 5, sammanträdesdatum 2024-09-12", "Utdrag"),
        finds("PROTOKOLLSUTDRAG", "UTDRAG"),
        rejects("Göteborgs Stads grundskolenämnd   Protokoll nr 1 Sammanträdesdatum: 2025-02-04"),
    ],
);

/// Words after a hyphen at a line end that make it a suspended hyphen,
/// which stays ("hälso- och sjukvård", "för- eller efterhandsgranskning"):
/// the words a shortened first part of a compound is followed by. Lower
/// case; [`crate::normalize`] re-joins a word hyphenated at a line end
/// ("kommun-\nstyrelsen") unless one of these follows.
pub static SUSPENDED_HYPHEN_NEXT: &[&str] = &[
    "och",
    "eller",
    "samt",
    "respektive",
    "resp",
    "liksom",
    "som",
    "men",
    "till",
    "än",
    "både",
    "såväl",
    "plus",
    "alternativt",
];

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &SIGNATURE_LINE,
    &PAGE_NUMBER_LINE,
    &PROTOCOL_HEADER_LINE,
    &MEETING_DATE_LINE,
    &COMBINED_HEADER_LINE,
    &FOOTER_LINE,
    &EXTRACT_WORD,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// A hyphen at a line end before each word stays, and the line break
    /// with it; before another word it joins the halves.
    #[test]
    fn a_suspended_hyphen_stays_before_each_word() {
        for word in SUSPENDED_HYPHEN_NEXT {
            let text = format!("hälso-\n{word} sjukvård");
            assert_eq!(normalize(&text).text, text, "{word:?}");
            let text = format!("hälso-\n{} sjukvård", word.to_uppercase());
            assert_eq!(normalize(&text).text, text, "{word:?} in capitals");
        }
        assert_eq!(normalize("hälso-\nvård och sjukvård").text, "hälsovård och sjukvård");
    }

    /// A protocol extract's header matches the one-line page header, but
    /// stays in the text; a page header does not.
    #[test]
    fn an_extract_header_is_no_page_header() {
        let extract = "Utdrag ur protokoll nr 5, sammanträdesdatum 2024-09-12";
        assert!(COMBINED_HEADER_LINE.is_match(extract));
        assert!(normalize(extract).furniture.is_empty());
        let header = "Göteborgs Stads grundskolenämnd   Protokoll nr 1 Sammanträdesdatum: 2025-02-04";
        assert_eq!(normalize(header).furniture.len(), 1);
    }
}
