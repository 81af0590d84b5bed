//! FAMILY DOC

use super::Rule;

pub static PERSON_REF: Rule = Rule::new(
    "person_ref",
    r"(?P<name>(?&person_name))\s*(?:\([^()]{1,5}\)\s*)?(?:m\.?\s?fl\.?\s+|med\s+fleras\s+)?(?:yrkande|förslag|tilläggsförslag|tilläggsyrkande|ändringsyrkande|ändringsförslag|återremissyrkande)|(?:yrkandet|yrkande|förslaget|tilläggsyrkandet|tilläggsförslaget)\s+från\s+(?P<name2>(?&person_name))",
    &[],
);

pub static GROUP_REF: Rule = Rule::new(
    "group_ref",
    r"(?i:(?P<kind>tilläggsyrkande(?:t|na)?|återremissyrkande(?:t)?|yrkande(?:t|na)?|förslag(?:et)?|tilläggsförslag(?:et)?))\s+från\s+(?P<parties>(?&party_list))",
    &[],
);

pub static BODY_REF: Rule = Rule::new(
    "body_ref",
    r"(?i)(?:^|[^\p{L}-])(?P<body>[\p{L}-]*(?:styrelsens|fullmäktiges|nämndens|utskottets|förvaltningens|kontorets|beredningens|ordförandens|direktionens))\s+förslag",
    &[],
);

pub static GENERIC_AMENDMENT: Rule = Rule::new(
    "generic_amendment",
    r"(?i)(?-u:\b)tilläggs(?:förslaget|yrkandet)(?-u:\b)",
    &[],
);

pub static REFER: Rule = Rule::new("refer", r"(?i)återremi(?:ss|ttera)", &[]);

pub static TABLE: Rule = Rule::new("table", r"(?i)bordl(?:ägg|äggning|ades|ägga)", &[]);

pub static VERB: Rule = Rule::new(
    "motions_verb",
    r"(?-u:\b)(?:yrkar|yrkade|yrkat|föreslår|föreslog|instämmer|instämde)(?-u:\b)",
    &[],
);

pub static ASSENT: Rule = Rule::new(
    "assent",
    r"^\s*,?\s*med\s+instämmande\s+(?:av|från)\s+(?P<list>[^:]+?),\s*(?:att(?-u:\b)|bifall|avslag|på\s)",
    &[],
);

pub static ON_PROPOSAL_OF: Rule = Rule::new(
    "on_proposal_of",
    r"(?m)^[ \t]*På\s+förslag\s+av\s+(?P<who>[^:\n]+(?:\n[^:\n]+)?):[ \t]*$",
    &[],
);

pub static ACCORDING_TO: Rule = Rule::new(
    "according_to",
    r"(?m)^[ \t]*Enligt\s+(?P<what>[^:\n]+(?:\n[^:\n]+)?):[ \t]*$",
    &[],
);

/// "att kommunstyrelsen avslår förslaget", "kommunfullmäktige att avslå förslaget".
pub static CLASS_ATT_REJECT: Rule = Rule::new(
    "class_att_reject",
    r"(?i)(?:^|\s)att\s+(?:[\p{L}-]+\s+){0,4}?avslå|^(?:på\s+)?att(?-u:\b).{0,80}?(?-u:\b)avslå",
    &[],
);

pub static ASK_FIND: Rule = Rule::new(
    "ask_find",
    r"(?is)frågar\s+(?:först\s+|sedan\s+|därefter\s+|slutligen\s+|också\s+)?om\s+(?P<x>.+?)\s+kan\s+(?:antas|godkännas|bifallas|beviljas|besluta\s+i\s+enlighet\s+med\s+(?P<y>.+?)|[\p{L}]+)\s*,?\s+och\s+finner\s+(?:att\s+)?(?P<res>.+?)(?:\.\s|\.$|$)",
    &[],
);

pub static PROPOSITIONS: Rule = Rule::new(
    "propositions",
    r"(?is)ställer\s+(?:först\s+|härefter\s+|sedan\s+|därefter\s+)?propositioner?\s+(?:på|mellan)\s+(?P<a>.+?)\s+och\s+finner\s+att\s+(?P<res>.+?)(?:\.\s|\.$|$)",
    &[],
);

pub static AGAINST: Rule = Rule::new(
    "against",
    r"(?is)ställer\s+(?:först\s+|sedan\s+|därefter\s+)?(?P<a>.+?)\s+mot\s+(?P<b>.+?)\.\s+(?:\S+\s+){0,3}?finner\s+att\s+(?P<res>.+?)(?:\.\s|\.$|$)",
    &[],
);

pub static IN_ACCORDANCE: Rule = Rule::new(
    "in_accordance",
    r"(?is)(?-u:\b)beslut(?:ade|ar|at)\s+i\s+enlighet\s+med\s+(?P<x>.+?)(?:\.\s|\.$|,|$)",
    &[],
);

pub static REJECTED_WORDS: Rule = Rule::new(
    "rejected_words",
    r"(?i)(?-u:\b)(?:avslås|avslagits|avslogs|avslagit|inte\s+(?:antas|bifalls|bifallits)|faller)(?-u:\b)",
    &[],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &PERSON_REF,
    &GROUP_REF,
    &BODY_REF,
    &GENERIC_AMENDMENT,
    &REFER,
    &TABLE,
    &VERB,
    &ASSENT,
    &ON_PROPOSAL_OF,
    &ACCORDING_TO,
    &CLASS_ATT_REJECT,
    &ASK_FIND,
    &PROPOSITIONS,
    &AGAINST,
    &IN_ACCORDANCE,
    &REJECTED_WORDS,
];
