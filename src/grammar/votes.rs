//! Votes (omröstning, votering): result statements, roll calls, and what
//! yes and no mean.

use super::{Rule, Words, alternation, groups, rejects};
use crate::model::VoteOption;

/// A count in a vote: digits or a Swedish count word ("23", "sju").
pub static COUNT: Rule = Rule::new(
    "count",
    r"(?:\d{1,3}|[a-zåäö]+)",
    &[super::finds("med sju röster", "med")],
);

/// Swedish count words below twenty and their numbers, "ett" (the neuter
/// form) beside "en"; those of one to nine also follow a ten ("tjugoett",
/// "trettiosju").
pub static COUNT_UNITS: Words<u32> = &[
    ("noll", 0),
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("tretton", 13),
    ("fjorton", 14),
    ("femton", 15),
    ("sexton", 16),
    ("sjutton", 17),
    ("arton", 18),
    ("nitton", 19),
];

/// The tens, which take a unit after them ("tjugotre").
pub static COUNT_TENS: super::Words<u32> = &[
    ("tjugo", 20),
    ("trettio", 30),
    ("fyrtio", 40),
    ("femtio", 50),
    ("sextio", 60),
    ("sjuttio", 70),
    ("åttio", 80),
    ("nittio", 90),
];

/// "Med 23 Ja-röster, 30 Nej-röster och 8 frånvarande ledamöter".
pub static RESULT_NAMED_COUNTS: Rule = Rule::windowed(
    "vote_result_named_counts",
    r"(?i)(?:^|[^\p{L}\p{N}])(?:med\s+)?(?P<y>(?&count))\s+ja-?röster\s*(?:,|mot|och)?\s*(?P<n>(?&count))\s+nej-?röster(?:\s*(?:,|och)\s*(?P<a>(?&count))\s+(?:ledamöter\s+som\s+)?(?:avst\w*|nedlagda\s+röster|blanka))?(?:\s*(?:,|och)\s*(?P<f>(?&count))\s+frånvarande)?",
    &[
        groups(
            "Med 23 Ja-röster, 30 Nej-röster och 8 frånvarande ledamöter beslutar",
            &[("y", "23"), ("n", "30"), ("a", ""), ("f", "8")],
        ),
        groups(
            "med 23 ja-röster mot 30 nej-röster, 2 ledamöter som avstår",
            &[("y", "23"), ("n", "30"), ("a", "2")],
        ),
        rejects("23 röster för förslaget"),
    ],
);

/// "43 Ja mot 38 Nej (7 avstår)", "… Nej. 4 ledamöter avstår", "8 ja, 4 nej
/// och 1 avstår".
pub static RESULT_JA_MOT_NEJ: Rule = Rule::windowed(
    "vote_result_ja_mot_nej",
    r"(?i)(?:^|[^\p{L}\p{N}])(?P<y>(?&count))\s+ja\s*(?:mot\s+|,\s*)(?P<n>(?&count))\s+nej(?:\s*\(\s*(?P<a>(?&count))\s+avst\w*\s*\)|(?:[.,]?\s*|\s+och\s+)(?P<a2>(?&count))\s+(?:ledamöter\s+|ledamot\s+)?avst\w*)?",
    &[
        groups(
            "Omröstningen utfaller med 43 Ja mot 38 Nej (7 avstår).",
            &[("y", "43"), ("n", "38"), ("a", "7")],
        ),
        groups(
            "37 ja mot 37 nej. 4 ledamöter avstår",
            &[("y", "37"), ("n", "37"), ("a2", "4")],
        ),
        groups(
            "Omröstningsresultat: 8 ja, 4 nej och 1 avstår.",
            &[("y", "8"), ("n", "4"), ("a2", "1")],
        ),
        groups(
            "med 8 ja, 5 nej, 1 ledamot avstår",
            &[("y", "8"), ("n", "5"), ("a2", "1")],
        ),
        rejects("ja mot nej"),
        rejects("2 ja, nej"),
    ],
);

/// "Ja: 7, Nej: 6, Avstår: 1".
pub static RESULT_COLONS: Rule = Rule::windowed(
    "vote_result_colons",
    r"(?i)(?-u:\b)ja\s*:\s*(?P<y>(?&count))\s*[,;]?\s*nej\s*:\s*(?P<n>(?&count))(?:\s*[,;]?\s*avst\w*\s*:\s*(?P<a>(?&count)))?",
    &[
        groups("Ja: 7, Nej: 6, Avstår: 1", &[("y", "7"), ("n", "6"), ("a", "1")]),
        groups("ja:22;nej:23", &[("y", "22"), ("n", "23"), ("a", "")]),
        rejects("Ja, nej."),
    ],
);

/// "beslutade med sju röster mot sex" (no sides: who voted for what is not said).
pub static RESULT_WITH_VOTES: Rule = Rule::windowed(
    "vote_result_with_votes",
    r"(?i)(?:^|[^\p{L}\p{N}])med\s+(?P<y>(?&count))\s+röster\s+mot\s+(?P<n>(?&count))",
    &[
        groups(
            "Nämnden beslutade med sju röster mot sex att",
            &[("y", "sju"), ("n", "sex")],
        ),
        rejects("med röster mot"),
    ],
);

/// The result forms, in the order they are tried, and whether yes and no
/// are sides with a meaning (a voteringsproposition may state it).
pub static RESULTS: &[(&Rule, bool)] = &[
    (&RESULT_NAMED_COUNTS, true),
    (&RESULT_JA_MOT_NEJ, true),
    (&RESULT_COLONS, true),
    (&RESULT_WITH_VOTES, false),
];

/// A roll call's count, "(7)": a text without one has no roll call.
pub static PARENTHESIZED_COUNT: Rule = Rule::new(
    "parenthesized_count",
    r"\(\s*\d{1,3}\s*\)",
    &[super::finds("röstar Ja ( 7 )", "( 7 )"), rejects("(S)")],
);

/// The options a roll call's voters vote for ("röstar Ja", "röstar nej"),
/// matched in any case.
pub static ROLL_CALL_OPTIONS: Words<VoteOption> = &[("ja", VoteOption::Yes), ("nej", VoteOption::No)];

/// A roll call's result line: "… röstar Ja (7)" (`opt`, of
/// [`ROLL_CALL_OPTIONS`]), "avstår (1)", "frånvarande (2)".
pub static ROLL_CALL: Rule = Rule::built(
    "roll_call",
    || {
        format!(
            r"(?i)(?-u:\b)(?:röstar|röstade)\s+(?P<opt>{options})\s*\(\s*(?P<n>\d{{1,3}})\s*\)|(?-u:\b)(?P<abst>avstår|avstod)(?:\s+från\s+att\s+rösta)?\s*\(\s*(?P<na>\d{{1,3}})\s*\)|(?-u:\b)(?:är\s+|var\s+)?(?P<abs>frånvarande)\s*\(\s*(?P<nf>\d{{1,3}})\s*\)",
            options = alternation(ROLL_CALL_OPTIONS.iter().map(|(w, _)| *w)),
        )
    },
    &[
        groups("A (S), B (V) röstar Ja (7).", &[("opt", "Ja"), ("n", "7")]),
        groups("C (M) röstade NEJ ( 6 )", &[("opt", "NEJ"), ("n", "6")]),
        groups("C (M) avstår från att rösta (1)", &[("abst", "avstår"), ("na", "1")]),
        groups("D (L) är frånvarande (2)", &[("abs", "frånvarande"), ("nf", "2")]),
        rejects("röstar ja"),
    ],
);

/// "Ja för bifall till X och Nej för bifall till Y", also with the options
/// quoted and "för att": "röstar ”Ja” för att bifalla X och ”Nej” för att
/// bifalla Y".
pub static MEANING_JA_FOR: Rule = Rule::new(
    "vote_meaning_ja_for",
    r#"(?is)(?-u:\b)Ja["”“']?\s+för\s+(?:att\s+)?(?P<yes>.+?)\s*[.,]?\s*(?:och\s+|samt\s+)?["”“']?Nej["”“']?\s+för\s+(?:att\s+)?(?P<no>.+?)\s*[.”"]"#,
    &[
        groups(
            "Ja för bifall till kommunstyrelsens förslag och Nej för bifall till Anna Bergs yrkande.",
            &[
                ("yes", "bifall till kommunstyrelsens förslag"),
                ("no", "bifall till Anna Bergs yrkande"),
            ],
        ),
        groups(
            "Ledamöterna röstar ”Ja” för att bifalla förvaltningens förslag och ”Nej” för att bifalla motionen.",
            &[("yes", "bifalla förvaltningens förslag"), ("no", "bifalla motionen")],
        ),
        groups(
            "”Ja för bifall till yrkande från S, V och MP samt Nej för bifall till yrkandet från SD”",
            &[
                ("yes", "bifall till yrkande från S, V och MP"),
                ("no", "bifall till yrkandet från SD"),
            ],
        ),
    ],
);

/// "Ja-röst för X. Nej-röst för Y."
pub static MEANING_JA_ROST_FOR: Rule = Rule::new(
    "vote_meaning_ja_rost_for",
    r"(?is)(?-u:\b)Ja-röst\s+för\s+(?P<yes>.+?)\.\s*Nej-röst\s+för\s+(?P<no>.+?)\.",
    &[groups(
        "Ja-röst för avslag. Nej-röst för återremiss.",
        &[("yes", "avslag"), ("no", "återremiss")],
    )],
);

/// "ja-röst innebär X, nej-röst innebär Y."
pub static MEANING_INNEBAR: Rule = Rule::new(
    "vote_meaning_innebar",
    r"(?is)(?-u:\b)ja-röst\s+innebär\s+(?P<yes>.+?)[,.]\s*(?:och\s+)?nej-röst\s+innebär\s+(?P<no>.+?)\.",
    &[groups(
        "ja-röst innebär bifall till förslaget, nej-röst innebär avslag.",
        &[("yes", "bifall till förslaget"), ("no", "avslag")],
    )],
);

/// "den som vill X röstar ja, den som vill Y röstar nej" (or "önskar").
pub static MEANING_DEN_SOM_VILL: Rule = Rule::new(
    "vote_meaning_den_som_vill",
    r"(?is)(?-u:\b)(?:den|de)\s+som\s+(?:vill|önskar)\s+(?P<yes>.+?)\s+röstar\s+ja[,.]?\s*(?:och\s+)?(?:den|de)\s+som\s+(?:vill|önskar)\s+(?P<no>.+?)\s+röstar\s+nej",
    &[
        groups(
            "Den som vill bifalla förslaget röstar ja, den som vill avslå det röstar nej.",
            &[("yes", "bifalla förslaget"), ("no", "avslå det")],
        ),
        groups(
            "Den som önskar besluta i enlighet med A:s yrkande röstar ja och den som önskar besluta i enlighet med B:s yrkande röstar nej.",
            &[
                ("yes", "besluta i enlighet med A:s yrkande"),
                ("no", "besluta i enlighet med B:s yrkande"),
            ],
        ),
    ],
);

/// The forms that say what yes and no mean, in the order they are tried.
pub static MEANINGS: &[&Rule] = &[
    &MEANING_JA_FOR,
    &MEANING_JA_ROST_FOR,
    &MEANING_INNEBAR,
    &MEANING_DEN_SOM_VILL,
];

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &COUNT,
    &RESULT_NAMED_COUNTS,
    &RESULT_JA_MOT_NEJ,
    &RESULT_COLONS,
    &RESULT_WITH_VOTES,
    &PARENTHESIZED_COUNT,
    &ROLL_CALL,
    &MEANING_JA_FOR,
    &MEANING_JA_ROST_FOR,
    &MEANING_INNEBAR,
    &MEANING_DEN_SOM_VILL,
];
