//! The pieces the other rules are built from: names of people, parties,
//! bodies, dates and numbers. Other rules reference them by name
//! (`(?&body)`, `(?&date)`), so each is written once.

use super::{Rule, Words, alternation, finds, groups, rejects};

/// Swedish month names and their abbreviations, each full name before its
/// abbreviations (so that "mars" is not read as "mar").
pub static MONTHS: Words<u32> = &[
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("maj", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augusti", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// A month name or abbreviation of [`MONTHS`].
pub static MONTH: Rule = Rule::built(
    "month",
    || alternation(MONTHS.iter().map(|(m, _)| *m)),
    &[finds("den 3 mars 2024", "mars"), finds("15 sept. 2023", "sept")],
);

/// A date as written in Swedish minutes: ISO "2022-06-30" or "31 december 2023".
pub static DATE: Rule = Rule::new(
    "date",
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?i:(?&month))\.?\s+\d{4})",
    &[
        finds("beslutade den 2022-06-30 att", "2022-06-30"),
        finds("den 31 December 2023 § 4", "31 December 2023"),
        finds("den 3 sept. 2019", "3 sept. 2019"),
        rejects("den 31 decembris"),
    ],
);

/// The name of a body: a nämnd, styrelse, fullmäktige, utskott,
/// förvaltning, kontor … possibly genitive ("Socialförvaltningens") and with
/// a coordinated first part ("Arbetsmarknads- och socialförvaltningen") or an
/// adjective ("Tekniska nämnden"); a nämnd may carry the name of its part of
/// the city ([`super::local::CITY_PART`]).
///
/// Its words are letters of the Latin script (`\p{Latin}`, which has å, ä,
/// ö, é, ü …) rather than of any script (`\p{L}`): Swedish body names are
/// written in it, and the pattern, used in some twenty others, compiles
/// about four times faster so (start-up time of every run).
pub static BODY: Rule = Rule::new(
    "body",
    r"(?:(?:[\p{Lu}&&\p{Latin}]\p{Latin}*-\s+(?:och|&)\s+\p{Latin}*|[\p{Lu}&&\p{Latin}]\p{Latin}*a\s+\p{Latin}*|[\p{Lu}&&\p{Latin}]\p{Latin}*)(?:(?:styrelsens|nämndens|fullmäktiges)\s+(?:\p{Latin}*utskott(?:ets?)?)|styrelsens?|styrelses|fullmäktiges?|nämndens?(?:\s+(?&city_part))?|nämnds|utskottets?|förvaltningens?|kontorets?|beredningens?|direktionens?|revisionens?)|[\p{Lu}&&\p{Latin}]\p{Latin}*a\s+(?:nämndens?|utskottets?|förvaltningens?|beredningens?)|[\p{Lu}&&\p{Latin}]\p{Latin}*s\s+stadsdelsnämnds?)",
    &[
        finds("Kommunstyrelsen beslutar", "Kommunstyrelsen"),
        finds(
            "Kommunstyrelsens arbetsutskott föreslår",
            "Kommunstyrelsens arbetsutskott",
        ),
        finds(
            "Arbetsmarknads- och socialförvaltningen föreslår",
            "Arbetsmarknads- och socialförvaltningen",
        ),
        finds("Tekniska nämnden beslutar", "Tekniska nämnden"),
        finds("Socialnämnden Nordost beslutar", "Socialnämnden Nordost"),
        finds("Stadsledningskontoret", "Stadsledningskontoret"),
        rejects("Reservation mot beslutet"),
    ],
);

/// Parties' names (lower case, without a genitive s) and their
/// abbreviations.
pub static PARTY_NAMES: Words<&str> = &[
    ("socialdemokraterna", "S"),
    ("socialdemokrat", "S"),
    ("socialdemokraterne", "S"),
    ("moderaterna", "M"),
    ("moderata samlingsparti", "M"),
    ("moderata samlingspartiet", "M"),
    ("centerpartiet", "C"),
    ("centern", "C"),
    ("vänsterpartiet", "V"),
    ("kristdemokraterna", "KD"),
    ("liberalerna", "L"),
    ("folkpartiet", "L"),
    ("miljöpartiet", "MP"),
    ("miljöpartiet de gröna", "MP"),
    ("sverigedemokraterna", "SD"),
];

/// One name token: "Marie", "Dan-Ove", "Linder-Lood", an initial "A" or "A.".
pub static NAME_TOKEN: Rule = Rule::new(
    "name_token",
    r"\p{Lu}(?:[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)*|\.)?",
    &[
        finds("Dan-Ove", "Dan-Ove"),
        finds("A. Berg", "A."),
        finds("Åsa-Lill Berg", "Åsa-Lill"),
    ],
);

/// A particle inside a name: "von", "af", "de la".
pub static NAME_PARTICLE: Rule = Rule::new(
    "name_particle",
    r"(?:von|van|der|de|af|da|di|del|la|le|el|al|bin|ibn)",
    &[finds("Carl von Linné", "von"), finds("Eva af Klint", "af")],
);

/// A party abbreviation in parentheses: "(S)", "(NL)", "(-)"; at the end
/// of a subject the closing parenthesis may be lost in the text ("Martin
/// Lindberg (V lämnar …": the subject ends at the verb).
pub static PARTY_PAREN: Rule = Rule::new(
    "party_paren",
    r"\(\s*(?P<party>[A-ZÅÄÖ]{1,5}|-|[A-ZÅÄÖ][a-zåäö]{1,3})\s*(?:\)|$)",
    &[
        groups("Anna Berg (S) yrkar", &[("party", "S")]),
        groups("Emily Munter (V) och Martin Lindberg (V", &[("party", "V")]),
        groups("Per Ek ( KD )", &[("party", "KD")]),
        groups("Lena Al (-)", &[("party", "-")]),
        rejects("(7)"),
    ],
);

/// A person's name as a motion refers to it: two to four capitalized words
/// ("Mats Gerdau", "Anna-Lena Ek Berg", "Karin A. Holm").
pub static PERSON_NAME: Rule = Rule::new(
    "person_name",
    r"\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*(?:\s+(?:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*|\p{Lu}\.?(?-u:\b))){1,3}",
    &[
        finds("bifall till Mats Gerdaus yrkande", "Mats Gerdaus"),
        finds("Anna-Lena Ek Berg", "Anna-Lena Ek Berg"),
        rejects("kommunstyrelsens förslag"),
    ],
);

/// The conjunctions that join the last items of a list, read as commas:
/// "V, S och MP", "Moderaterna samt KD" (in the order they are replaced).
pub static LIST_CONJUNCTIONS: &[&str] = &["samt", "och"];

/// A list of parties, abbreviated or named, joined by commas and
/// [`LIST_CONJUNCTIONS`]: "V, S och MP", "Moderaterna samt KD".
pub static PARTY_LIST: Rule = Rule::built(
    "party_list",
    || {
        format!(
            r"(?:[A-ZÅÄÖ]{{1,4}}(?-u:\b)|\p{{Lu}}\p{{Ll}}+)(?:\s*(?:,|{conjunctions})\s*(?:[A-ZÅÄÖ]{{1,4}}(?-u:\b)|\p{{Lu}}\p{{Ll}}+))*",
            conjunctions = alternation(LIST_CONJUNCTIONS.iter().copied()),
        )
    },
    &[
        finds("V, S och MP", "V, S och MP"),
        finds("Moderaterna samt KD", "Moderaterna samt KD"),
    ],
);

/// A person with a party in parentheses: "Anna Berg (S)", "Carl von Platen (M)".
pub static PERSON_WITH_PARTY: Rule = Rule::new(
    "person_with_party",
    r"(?P<name>(?&name_token)(?:\s+(?:(?&name_particle)\s+)?(?&name_token)){1,4})\s*(?&party_paren)",
    &[
        groups(
            "Yrkanden: Anna Berg (S) yrkar bifall.",
            &[("name", "Anna Berg"), ("party", "S")],
        ),
        groups("Carl von Platen (M)", &[("name", "Carl von Platen"), ("party", "M")]),
        rejects("Kommunstyrelsen (KS)"),
    ],
);

/// A whole string that is a person's name, two to five words.
pub static NAME_ONLY: Rule = Rule::new(
    "name_only",
    r"^(?P<name>(?&name_token)(?:\s+(?:(?&name_particle)\s+)?(?&name_token)){1,4})$",
    &[
        groups("Eva af Klint", &[("name", "Eva af Klint")]),
        rejects("Eva"),
        rejects("Eva Berg yrkar"),
    ],
);

/// A party group named for its members: "representanterna från V, S och MP".
pub static GROUP: Rule = Rule::new(
    "group",
    r"(?i)(?:samtliga\s+)?(?:representanterna|representanter|ledamöterna|ledamöter|företrädarna|företrädare|gruppen|grupperna)\s+(?:från|för)\s+(?P<parties>.+)$",
    &[
        groups("Representanterna från V, S och MP", &[("parties", "V, S och MP")]),
        groups("samtliga ledamöter för Moderaterna", &[("parties", "Moderaterna")]),
        rejects("ledamöterna yrkar"),
    ],
);

/// A whole string that is one party: an abbreviation or a name.
pub static PARTY_TOKEN: Rule = Rule::new(
    "party_token",
    r"^(?:[A-ZÅÄÖ]{1,4}|\p{Lu}\p{Ll}+(?:\s+de\s+gröna)?)$",
    &[
        finds("MP", "MP"),
        finds("Miljöpartiet de gröna", "Miljöpartiet de gröna"),
        rejects("ABCDE"),
    ],
);

/// A whole string that is a date, ISO or with a month name (parsed by groups).
pub static DATE_RE: Rule = Rule::new(
    "date_re",
    r"^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4}))$",
    &[
        finds("2022-06-30", "2022-06-30"),
        finds("31 december 2023", "31 december 2023"),
        rejects("den 31 december 2023"),
    ],
);

/// A whole string that is a body's name.
pub static BODY_ONLY: Rule = Rule::new(
    "body_only",
    r"^(?:(?&body))$",
    &[
        finds("Kommunstyrelsen", "Kommunstyrelsen"),
        rejects("Kommunstyrelsen beslutar"),
    ],
);

/// Words that precede a name but are not part of it: titles and offices
/// ("Ordföranden", "Tjänstgörande ersättaren", "Kommunalrådet") and the
/// adverbs and conjunctions a sentence puts before its subject ("Därefter
/// yrkar …", "och Anna Berg (S)"). Lower case, without a full stop.
pub static TITLES: &[&str] = &[
    "ordföranden",
    "ordförande",
    "ordf",
    "vice",
    "förste",
    "andre",
    "tredje",
    "tjänstgörande",
    "ersättaren",
    "ersättare",
    "kommunalrådet",
    "kommunalråd",
    "oppositionsrådet",
    "oppositionsråd",
    "borgarrådet",
    "ledamoten",
    "ledamot",
    "revisorn",
    "sekreteraren",
    "även",
    "dessutom",
    "därefter",
    "sedan",
    "slutligen",
    "också",
    "då",
    "och",
    "samt",
];

/// The genitive endings of bodies' names and what the base form adds
/// once the genitive s is dropped: "kommunstyrelsens" → "kommunstyrelsen",
/// "kommunfullmäktiges" → "kommunfullmäktige", "byggnadsnämnds" →
/// "byggnadsnämnden", "utskotts" → "utskottet". Tried in order.
pub static GENITIVE_ENDINGS: Words<&str> = &[
    ("ens", ""),
    ("ets", ""),
    ("ges", ""),
    ("nämnds", "en"),
    ("styrelses", "en"),
    ("utskotts", "et"),
];

/// Abbreviations whose full stop ends no sentence ("m.fl.", "bl.a.",
/// "t.ex."), lower case, each at most seven characters: a sentence end
/// looks at the last eight characters before it, one more than the
/// abbreviation for the character before (which must not be a letter or
/// digit).
pub static ABBREVIATIONS: &[&str] = &[
    "m.fl.", "m fl.", "bl.a.", "t.ex.", "dvs.", "ca.", "resp.", "kap.", "nr.", "s.k.", "jfr.", "o.s.v.", "f.d.",
    "p.g.a.", "enl.", "fl.",
];

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &MONTH,
    &DATE,
    &BODY,
    &NAME_TOKEN,
    &NAME_PARTICLE,
    &PARTY_PAREN,
    &PERSON_NAME,
    &PARTY_LIST,
    &PERSON_WITH_PARTY,
    &NAME_ONLY,
    &GROUP,
    &PARTY_TOKEN,
    &DATE_RE,
    &BODY_ONLY,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::is_abbreviation;

    #[test]
    fn abbreviations_fit_the_window_a_sentence_end_looks_at() {
        for a in ABBREVIATIONS {
            assert!(a.chars().count() <= 7 && a.ends_with('.'), "{a:?}");
            assert_eq!(*a, a.to_lowercase(), "{a:?}");
        }
    }

    #[test]
    fn abbreviations_end_no_sentence_but_a_word_before_them_does() {
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(&format!("bidrag till föreningar {a}")), "{a:?}");
            assert!(is_abbreviation(&format!("(Bl.a. {}", a.to_uppercase())), "{a:?}");
            // glued to a word it is no abbreviation, unless it ends with another one
            let glued = format!("beslutet{a}");
            let ends_with_another = ABBREVIATIONS.iter().any(|b| b != a && a.ends_with(b));
            assert_eq!(is_abbreviation(&glued), ends_with_another, "{glued:?}");
        }
        assert!(!is_abbreviation("Beslutet fattades."));
    }

    #[test]
    fn list_conjunctions_join_a_party_list() {
        for c in LIST_CONJUNCTIONS {
            let list = format!("V, S {c} MP");
            assert_eq!(PARTY_LIST.find(&list).map(|m| m.as_str()), Some(list.as_str()));
        }
    }
}
