//! FAMILY DOC

use super::{Rule, finds};

pub static LEAD_PROPOSES: Rule = Rule::new(
    "lead_proposes",
    r"^(?P<by>(?&body))\s+föreslår(?:\s+(?:att\s+)?(?P<to>(?i:(?&body)))\s+(?:besluta|beslutar|att\s+besluta|fatta\s+följande\s+beslut))?\s*:?\s*$",
    &[],
);

pub static LEAD_DECIDES: Rule = Rule::new(
    "lead_decides",
    r"^(?P<by>(?&body))\s+beslutar(?P<own>\s+för\s+egen\s+del)?\s*:\s*$",
    &[],
);

pub static LEAD_ACCORDING: Rule = Rule::new(
    "lead_according",
    r"^(?:Enligt|På\s+förslag\s+av)\s+(?P<what>.+):\s*$",
    &[],
);

pub static SENTENCE_LEAD: Rule = Rule::new(
    "sentence_lead",
    r"^(?P<by>(?&body))\s+(?P<verb>(?&decision_verb))(?-u:\b)(?P<rest>.*)",
    &[],
);

pub static PROPOSED_TO_IN_REST: Rule = Rule::new(
    "proposed_to_in_rest",
    r"^\s*(?:att\s+)?(?P<to>(?i:(?&body)))\s+(?:besluta|beslutar|att\s+besluta|fatta|att\s+\p{L}+)",
    &[],
);

pub static ITEM_NUMBER: Rule = Rule::new("item_number", r"^\s*(?:\d{1,2}[.)]|[a-z]\)|[-•–*·])\s+", &[]);

pub static INLINE_ITEM: Rule = Rule::new("inline_item", r"\s(?P<n>\d{1,2})\.\s+\p{Lu}", &[]);

/// A memo's proposal lead: "Arbetsmarknads- och socialförvaltningens
/// förslag till arbetsmarknads- och socialnämnden för beslut i
/// kommunstyrelsen" (possibly over several lines).
pub static ADMIN_LEAD: Rule = Rule::new(
    "admin_lead",
    r"(?m)^[ \t]*(?P<by>(?&body))\s+förslag\s+till\s+(?P<to>(?i:(?&body)))(?:\s+för\s+beslut\s+i\s+(?P<final>(?i:(?&body))))?[ \t]*:?[ \t]*$",
    &[],
);

/// "… Förslag till beslut I Fastighetsnämnden:" at the end of a line.
pub static PROPOSAL_TO_LINE: Rule = Rule::new(
    "proposal_to_line",
    r"(?m)Förslag till beslut(?:\s+[Ii]\s+(?P<to>(?i:(?&body)))[ \t]*:?|[^\n:]*:)[ \t]*$",
    &[],
);

/// "Kommunstyrelsen tillstyrker … och föreslår att kommunfullmäktige beslutar:"
pub static RECOMMENDS: Rule = Rule::new(
    "recommends",
    r"(?m)(?P<by>(?&body))\s+(?:tillstyrker(?-u:\b)[^\n]*?(?-u:\b)och\s+)?föreslår\s+(?:att\s+)?(?P<to>(?i:(?&body)))\s+(?:beslutar|besluta)\s*:[ \t]*$",
    &[],
);

pub static SUBHEAD: Rule = Rule::new(
    "subhead",
    r"(?m)^[ \t]*Beslut\s+i\s+(?P<body>[\p{L} -]+?)\s+den\s+(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)",
    &[],
);

pub static TREATED: Rule = Rule::new(
    "treated",
    r"(?P<body>(?&body))\s+(?P<verb>(?&earlier_verb))\s+(?:den\s+)?(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)(?P<rest>[^.\n]*(?:\n[^.\n]+)?)",
    &[],
);

pub static TABLED_LIST: Rule = Rule::new(
    "tabled_list",
    r"(?i)(?-u:\b)bordlag(?:t|d|da|des)(?:\s+i\s+(?P<body>(?-i:(?&body))|\p{L}+))?\s+(?P<list>den\s+(?&date),?\s*§\s*\d+(?:\s*(?:,|och)\s*den\s+(?&date),?\s*§\s*\d+)*)",
    &[],
);

pub static DATE_REF: Rule = Rule::new("date_ref", r"den\s+(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)", &[]);

pub static REFERRED_FROM: Rule = Rule::new(
    "referred_from",
    r"(?i)(?:^|[^\p{L}])återremitter(?:at|ad|ades)\s+(?:från|av)\s+(?P<body>\p{L}+)\s+den\s+(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)",
    &[],
);

/// "… beslutade styrelsen den 22 februari 2022 § 67 att …": the subject
/// after the verb, perhaps a short form of a body named in the sentence.
pub static INVERTED: Rule = Rule::new(
    "inverted",
    r"(?-u:\b)(?P<verb>(?&inverted_verb))\s+(?P<body>(?&body)|(?&short_body))\s+(?:den\s+)?(?P<date>(?&date)),?\s*§\s*(?P<ref>\d+)(?P<rest>[^.\n]*)",
    &[],
);

pub static PROPOSES_IN_REST: Rule = Rule::new(
    "proposes_in_rest",
    r"(?i)(?-u:\b)(?:att\s+)?föresl(?:å|og|år)\s+(?P<to>(?&body))",
    &[],
);

/// A body's name in any case: "kommunstyrelsen" inside a sentence.
pub static BODY_ANY_CASE: Rule = Rule::new(
    "body_any_case",
    r"(?i)(?&body)",
    &[finds("föreslår att kommunfullmäktige beslutar", "kommunfullmäktige")],
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
    &TABLED_LIST,
    &DATE_REF,
    &REFERRED_FROM,
    &INVERTED,
    &PROPOSES_IN_REST,
];
