//! Decisions and proposals (beslut, förslag till beslut): the leads that
//! open a decision block in a § ("Kommunstyrelsen beslutar:"), a memo's
//! proposal lines, and mentions of a body's earlier decisions in "Ärendets
//! behandling" (the matter's earlier treatment), read by
//! [`crate::extract::decisions`]. A lead line is matched trimmed, whole.

use super::{Rule, finds, groups, rejects};

/// A proposal lead alone on its line: "Kommunstyrelsens arbetsutskott
/// föreslår kommunstyrelsen besluta:"; `by` proposes, `to` (if named) decides.
pub static LEAD_PROPOSES: Rule = Rule::new(
    "lead_proposes",
    r"^(?P<by>(?&body))\s+föreslår(?:\s+(?:att\s+)?(?P<to>(?i:(?&body)))\s+(?:besluta|beslutar|att\s+besluta|fatta\s+följande\s+beslut))?\s*:?\s*$",
    &[
        groups(
            "Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta:",
            &[("by", "Kommunstyrelsens arbetsutskott"), ("to", "kommunstyrelsen")],
        ),
        groups("Socialutskottet föreslår:", &[("by", "Socialutskottet"), ("to", "")]),
        rejects("Kommunstyrelsen föreslår att kommunfullmäktige antar planen."),
    ],
);

/// A decision lead alone on its line: "Kommunstyrelsen beslutar för egen
/// del:"; `by` decides, `own` is there when it decides for its own part.
pub static LEAD_DECIDES: Rule = Rule::new(
    "lead_decides",
    r"^(?P<by>(?&body))\s+beslutar(?P<own>\s+för\s+egen\s+del)?\s*:\s*$",
    &[
        groups(
            "Kommunstyrelsen beslutar för egen del:",
            &[("by", "Kommunstyrelsen"), ("own", " för egen del")],
        ),
        groups(
            "Kommunfullmäktige beslutar:",
            &[("by", "Kommunfullmäktige"), ("own", "")],
        ),
        rejects("Kommunfullmäktige beslutar att anta planen."),
    ],
);

/// A decision lead that names the motion it follows: "Enligt yrkande från
/// S, V och MP:", "På förslag av Anna Berg (S):"; `what` is that motion.
pub static LEAD_ACCORDING: Rule = Rule::new(
    "lead_according",
    r"^(?:Enligt|På\s+förslag\s+av)\s+(?P<what>.+):\s*$",
    &[
        groups(
            "Enligt yrkande från S, V och MP:",
            &[("what", "yrkande från S, V och MP")],
        ),
        groups("På förslag av Anna Berg (S):", &[("what", "Anna Berg (S)")]),
        rejects("Enligt planen ska arbetet starta i maj."),
    ],
);

/// A decision sentence that opens with its body and verb: "Kommunstyrelsen
/// avslår motionen."; `by` acts, `verb` says how, `rest` is what follows.
pub static SENTENCE_LEAD: Rule = Rule::new(
    "sentence_lead",
    r"^(?P<by>(?&body))\s+(?P<verb>(?&decision_verb))(?-u:\b)(?P<rest>.*)",
    &[
        groups(
            "Kommunstyrelsen avslår motionen.",
            &[("by", "Kommunstyrelsen"), ("verb", "avslår"), ("rest", " motionen.")],
        ),
        groups(
            "Tekniska nämnden ställer sig bakom förvaltningens yttrande.",
            &[("by", "Tekniska nämnden"), ("verb", "ställer sig")],
        ),
        rejects("Kommunstyrelsens förslag godkänns."),
    ],
);

/// The body a proposal sentence proposes to, at the start of its rest:
/// "(föreslår) att kommunfullmäktige beslutar …", "(föreslår)
/// kommunfullmäktige att anta …"; `to` is that body.
pub static PROPOSED_TO_IN_REST: Rule = Rule::new(
    "proposed_to_in_rest",
    r"^\s*(?:att\s+)?(?P<to>(?i:(?&body)))\s+(?:besluta|beslutar|att\s+besluta|fatta|att\s+\p{L}+)",
    &[
        groups(
            " att kommunfullmäktige beslutar att anta planen",
            &[("to", "kommunfullmäktige")],
        ),
        groups(" kommunfullmäktige att anta planen", &[("to", "kommunfullmäktige")]),
        rejects(" att planen antas"),
    ],
);

/// The number or bullet that opens a decision item: "1. ", "b) ", "– ".
pub static ITEM_NUMBER: Rule = Rule::new(
    "item_number",
    r"^\s*(?:\d{1,2}[.)]|[a-z]\)|[-•–*·])\s+",
    &[
        finds("1. Planen antas.", "1. "),
        finds("b) Nämnden får i uppdrag att återkomma.", "b) "),
        finds("– Kommunstyrelsen godkänner avtalet.", "– "),
        rejects("2024. Planen antas."),
    ],
);

/// The next numbered item inside a line: "1. Planen antas. 2. Nämnden …";
/// `n` is its number.
pub static INLINE_ITEM: Rule = Rule::new(
    "inline_item",
    r"\s(?P<n>\d{1,2})\.\s+\p{Lu}",
    &[
        groups("1. Planen antas. 2. Nämnden får i uppdrag", &[("n", "2")]),
        rejects("enligt 3 kap. 5 § kommunallagen"),
    ],
);

/// A memo's proposal lead: "Arbetsmarknads- och socialförvaltningens
/// förslag till arbetsmarknads- och socialnämnden för beslut i
/// kommunstyrelsen" (possibly over several lines).
pub static ADMIN_LEAD: Rule = Rule::windowed(
    "admin_lead",
    r"(?m)^[ \t]*(?P<by>(?&body))\s+förslag\s+till\s+(?P<to>(?i:(?&body)))(?:\s+för\s+beslut\s+i\s+(?P<final>(?i:(?&body))))?[ \t]*:?[ \t]*$",
    &[
        groups(
            "Arbetsmarknads- och socialförvaltningens förslag till arbetsmarknads- och socialnämnden för beslut i kommunstyrelsen",
            &[
                ("by", "Arbetsmarknads- och socialförvaltningens"),
                ("to", "arbetsmarknads- och socialnämnden"),
                ("final", "kommunstyrelsen"),
            ],
        ),
        groups(
            "Kommunstyrelsens förslag till kommunfullmäktige:",
            &[("by", "Kommunstyrelsens"), ("to", "kommunfullmäktige"), ("final", "")],
        ),
        rejects("Stadsledningskontorets förslag till beslut antas."),
    ],
);

/// "… Förslag till beslut I Fastighetsnämnden:" at the end of a line; `to`
/// is the body asked to decide, when named.
pub static PROPOSAL_TO_LINE: Rule = Rule::new(
    "proposal_to_line",
    r"(?m)Förslag till beslut(?:\s+[Ii]\s+(?P<to>(?i:(?&body)))[ \t]*:?|[^\n:]*:)[ \t]*$",
    &[
        groups(
            "Förslag till beslut I Fastighetsnämnden:",
            &[("to", "Fastighetsnämnden")],
        ),
        groups("Förslag till beslut:\nNämnden godkänner", &[("to", "")]),
        rejects("Förslag till beslut finns i bilaga 2."),
    ],
);

/// "Kommunstyrelsen tillstyrker … och föreslår att kommunfullmäktige
/// beslutar:" ending its line; `by` proposes to `to`.
pub static RECOMMENDS: Rule = Rule::new(
    "recommends",
    r"(?m)(?P<by>(?&body))\s+(?:tillstyrker(?-u:\b)[^\n]*?(?-u:\b)och\s+)?föreslår\s+(?:att\s+)?(?P<to>(?i:(?&body)))\s+(?:beslutar|besluta)\s*:[ \t]*$",
    &[
        groups(
            "Kommunstyrelsen tillstyrker nämndens förslag och föreslår att kommunfullmäktige beslutar:",
            &[("by", "Kommunstyrelsen"), ("to", "kommunfullmäktige")],
        ),
        groups(
            "Kommunstyrelsen föreslår kommunfullmäktige besluta:",
            &[("by", "Kommunstyrelsen"), ("to", "kommunfullmäktige")],
        ),
        rejects("Kommunstyrelsen föreslår att kommunfullmäktige beslutar att anta planen."),
    ],
);

/// An earlier decision's heading at a line start: "Beslut i socialnämnden
/// den 25 april 2019 §64"; `body`, `date` and § number `ref`.
pub static SUBHEAD: Rule = Rule::new(
    "subhead",
    r"(?m)^[ \t]*Beslut\s+i\s+(?P<body>[\p{L} -]+?)\s+den\s+(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)",
    &[
        groups(
            "Beslut i socialnämnden den 25 april 2019 §64",
            &[("body", "socialnämnden"), ("date", "25 april 2019"), ("ref", "64")],
        ),
        rejects("Beslutet i socialnämnden den 25 april 2019 § 64"),
    ],
);

/// A body's earlier treatment: "Kommunstyrelsen har behandlat ärendet den 29
/// maj 2024, § 144."; `body`, `verb`, `date`, `ref` (the §) and the `rest`
/// of the sentence.
pub static TREATED: Rule = Rule::new(
    "treated",
    r"(?P<body>(?&body))\s+(?P<verb>(?&earlier_verb))\s+(?:den\s+)?(?P<date>(?&date)|\d{1,2}\s+(?i:(?&month))),?\s*§\s*(?P<ref>\d+)(?P<rest>[^.\n]*(?:\n[^.\n]+)?)",
    &[
        // a date without its year: the decision, its date unknown
        groups(
            "Kommunstyrelsen beslutade 12 december, § 192 att ge uppdrag",
            &[("body", "Kommunstyrelsen"), ("date", "12 december"), ("ref", "192")],
        ),
        groups(
            "Kommunstyrelsen har behandlat ärendet den 29 maj 2024, § 144.",
            &[
                ("body", "Kommunstyrelsen"),
                ("verb", "har behandlat ärendet"),
                ("date", "29 maj 2024"),
                ("ref", "144"),
            ],
        ),
        groups(
            "Tekniska nämnden beslutade den 18 september 2023, § 101 att föreslå kommunfullmäktige att anta planen.",
            &[
                ("body", "Tekniska nämnden"),
                ("verb", "beslutade"),
                ("ref", "101"),
                ("rest", " att föreslå kommunfullmäktige att anta planen"),
            ],
        ),
        rejects("Kommunstyrelsen beslutade att anta planen."),
    ],
);

/// An earlier treatment with its date and § before the participle:
/// "Kommunstyrelsens arbetsutskott har den 7 juni 2023, § 106 behandlat
/// ärendet."; `body`, `date`, `ref`, `verb` and the `rest`.
pub static TREATED_DATE_FIRST: Rule = Rule::new(
    "treated_date_first",
    r"(?P<body>(?&body))\s+har\s+(?:den\s+)?(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+),?\s+(?P<verb>(?&dated_first_verb))(?P<rest>[^.\n]*)",
    &[
        groups(
            "Kommunstyrelsens arbetsutskott har den 7 juni 2023, § 106 behandlat ärendet.",
            &[
                ("body", "Kommunstyrelsens arbetsutskott"),
                ("date", "7 juni 2023"),
                ("ref", "106"),
                ("verb", "behandlat ärendet"),
            ],
        ),
        rejects("Kommunstyrelsen har den 7 juni 2023 behandlat ärendet."),
    ],
);

/// A passive earlier treatment: "Ärendet har behandlats av kommunstyrelsen
/// 2024-01-24, § 5."; `verb`, `body` (any case), `date`, `ref`, `rest`.
pub static TREATED_BY: Rule = Rule::new(
    "treated_by",
    r"(?i:ärendet)\s+(?:har\s+)?(?P<verb>(?&passive_verb))\s+(?:av|i)\s+(?P<body>(?i:(?&body)))\s+(?:den\s+)?(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)(?P<rest>[^.\n]*)",
    &[
        groups(
            "Ärendet har behandlats av kommunstyrelsen 2024-01-24, § 5.",
            &[
                ("verb", "behandlats"),
                ("body", "kommunstyrelsen"),
                ("date", "2024-01-24"),
                ("ref", "5"),
            ],
        ),
        groups(
            "Ärendet bereddes i Tekniska nämnden den 3 maj 2023 § 44.",
            &[("verb", "bereddes"), ("body", "Tekniska nämnden"), ("ref", "44")],
        ),
        rejects("Ärendet har behandlats av kommunstyrelsen."),
    ],
);

/// A list of earlier tablings: "Bordlagt den 14 januari 2026, § 10, den 18
/// februari 2026, § 123"; `body` where tabled (if said), the dated §§ in `list`.
pub static TABLED_LIST: Rule = Rule::new(
    "tabled_list",
    r"(?i)(?-u:\b)bordla(?:g(?:t|d|da|des)|des)(?:\s+i\s+(?P<body>(?-i:(?&body))|\p{L}+))?\s+(?P<list>den\s+(?&date),?\s*§\s*\d+(?:\s*(?:,|och)\s*den\s+(?&date),?\s*§\s*\d+)*)",
    &[
        groups(
            "Ärendet bordlades den 3 maj 2023 § 45.",
            &[("list", "den 3 maj 2023 § 45")],
        ),
        groups(
            "Bordlagt den 14 januari 2026, § 10, den 18 februari 2026, § 123.",
            &[
                ("body", ""),
                ("list", "den 14 januari 2026, § 10, den 18 februari 2026, § 123"),
            ],
        ),
        groups(
            "Ärendet bordlagdes i kommunfullmäktige den 12 oktober 2023, § 23 och den 16 november 2023, § 41.",
            &[
                ("body", "kommunfullmäktige"),
                ("list", "den 12 oktober 2023, § 23 och den 16 november 2023, § 41"),
            ],
        ),
        rejects("Ärendet bordläggs till nästa sammanträde."),
    ],
);

/// One dated § of a list: "den 18 februari 2026, § 123"; `date` and `ref`.
pub static DATE_REF: Rule = Rule::new(
    "date_ref",
    r"den\s+(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)",
    &[
        groups(
            "och den 18 februari 2026, § 123",
            &[("date", "18 februari 2026"), ("ref", "123")],
        ),
        rejects("den 18 februari 2026"),
    ],
);

/// A referral back from a one-word body: "Återremitterat från
/// kommunfullmäktige den 23 januari 2025, § 23"; `body`, `date`, `ref`.
pub static REFERRED_FROM: Rule = Rule::new(
    "referred_from",
    r"(?i)(?:^|[^\p{L}])återremitter(?:at|ad|ades)\s+(?:från|av)\s+(?P<body>(?&body)|\p{L}+)\s+den\s+(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)",
    &[
        groups(
            "Ärendet återremitterades från tekniska nämnden den 3 maj 2023 § 12.",
            &[("body", "tekniska nämnden"), ("ref", "12")],
        ),
        groups(
            "Ärendet återremitterades från kommunfullmäktige den 23 januari 2025, § 23.",
            &[
                ("body", "kommunfullmäktige"),
                ("date", "23 januari 2025"),
                ("ref", "23"),
            ],
        ),
        groups(
            "Återremitterat av kommunstyrelsen den 3 mars 2024 § 7",
            &[("body", "kommunstyrelsen"), ("ref", "7")],
        ),
        rejects("Kommunstyrelsen återremitterade ärendet den 3 mars 2024, § 7."),
    ],
);

/// "… beslutade styrelsen den 22 februari 2022 § 67 att …": the subject
/// after the verb, perhaps a short form of a body named in the sentence.
pub static INVERTED: Rule = Rule::new(
    "inverted",
    r"\b(?P<verb>(?&inverted_verb))\s+(?P<body>(?&body)|(?&short_body))\s+(?:den\s+)?(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)(?P<rest>[^.\n]*)",
    &[
        groups(
            "Därefter återremitterade nämnden den 3 maj 2023 § 7 ärendet.",
            &[("verb", "återremitterade"), ("body", "nämnden"), ("ref", "7")],
        ),
        groups(
            "I ärendet beslutade styrelsen den 22 februari 2022 § 67 att godkänna avtalet.",
            &[
                ("verb", "beslutade"),
                ("body", "styrelsen"),
                ("date", "22 februari 2022"),
                ("ref", "67"),
                ("rest", " att godkänna avtalet"),
            ],
        ),
        groups(
            "Därefter föreslog Kulturnämnden den 4 maj 2023, § 12 att",
            &[("verb", "föreslog"), ("body", "Kulturnämnden"), ("ref", "12")],
        ),
        rejects("Styrelsen beslutade den 22 februari 2022 att godkänna avtalet."),
    ],
);

/// A proposal in an earlier decision's text: "(beslutade) att föreslå
/// kommunfullmäktige att …"; `to` is the body proposed to.
pub static PROPOSES_IN_REST: Rule = Rule::new(
    "proposes_in_rest",
    r"(?i)(?-u:\b)(?:att\s+)?föresl(?:å|og|år)\s+(?P<to>(?&body))",
    &[
        groups(
            " att föreslå kommunfullmäktige att anta planen",
            &[("to", "kommunfullmäktige")],
        ),
        rejects("Planen föreslogs av kommunstyrelsen."),
    ],
);

/// A body's name in any case: "kommunstyrelsen" inside a sentence.
pub static BODY_ANY_CASE: Rule = Rule::new(
    "body_any_case",
    r"(?i)(?&body)",
    &[
        finds("föreslår att kommunfullmäktige beslutar", "kommunfullmäktige"),
        finds("Ärendet överlämnas till Tekniska nämnden.", "Tekniska nämnden"),
    ],
);

/// The line that presents whose proposal an assembly decides on, under
/// "Förslag till beslut": "Kommunstyrelsens förslag till kommunfullmäktige",
/// "Kommunfullmäktiges ordförandes förslag till kommunfullmäktige". The
/// proposer may be a person's role, not a body; a line that goes on
/// ("… daterat 3 juni 2024") is a document list entry, not the lead.
pub static PROPOSER_LEAD: Rule = Rule::new(
    "proposer_lead",
    r"(?m)^[ \t]*(?P<by>\p{Lu}[\p{L}\- ]*?s)\s+förslag\s+till\s+(?P<to>(?i:(?&body)))[ \t]*:?[ \t]*$",
    &[
        groups(
            "Kommunstyrelsens förslag till kommunfullmäktige",
            &[("by", "Kommunstyrelsens"), ("to", "kommunfullmäktige")],
        ),
        groups(
            "Kommunfullmäktiges ordförandes förslag till kommunfullmäktige",
            &[("by", "Kommunfullmäktiges ordförandes"), ("to", "kommunfullmäktige")],
        ),
        rejects("Ordförandens förslag till kommunfullmäktige daterat 3 juni 2024."),
        rejects("Ledamöternas förslag till beslut"),
    ],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &BODY_ANY_CASE,
    &LEAD_PROPOSES,
    &LEAD_DECIDES,
    &LEAD_ACCORDING,
    &SENTENCE_LEAD,
    &PROPOSED_TO_IN_REST,
    &ITEM_NUMBER,
    &INLINE_ITEM,
    &ADMIN_LEAD,
    &PROPOSAL_TO_LINE,
    &RECOMMENDS,
    &SUBHEAD,
    &TREATED,
    &TREATED_DATE_FIRST,
    &TREATED_BY,
    &TABLED_LIST,
    &DATE_REF,
    &REFERRED_FROM,
    &INVERTED,
    &PROPOSES_IN_REST,
    &PROPOSER_LEAD,
];
