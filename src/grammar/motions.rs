//! Motions (yrkanden, members' motions in the meeting) and what the minutes
//! say became of them, read by [`crate::extract::motions`]: what a motion
//! refers to (a person's yrkande, a party group's, a body's förslag, återremiss
//! — referral back — or bordläggning — tabling), the motion verbs, and the
//! chair's propositionsordning (the order in which questions are put) with
//! its "… och finner att …" (and finds that …) results; and the words a
//! motion's class and its sides are read from ("bifall", "avslag",
//! "tillägg", "i andra hand").

use super::{Rule, Words, alternation, finds, groups, rejects};

/// A person's motion: "Mats Gerdaus (S) yrkande", "Anna Bergs m.fl.
/// tilläggsförslag" (`name`), or "yrkandet från Anna Berg" (`name2`).
pub static PERSON_REF: Rule = Rule::new(
    "person_ref",
    r"(?P<name>(?&person_name))\s*(?:\([^()]{1,5}\)\s*)?(?:m\.?\s?fl\.?\s+|med\s+fleras\s+)?(?:yrkande|förslag|tilläggsförslag|tilläggsyrkande|ändringsyrkande|ändringsförslag|återremissyrkande)|(?:yrkandet|yrkande|förslaget|tilläggsyrkandet|tilläggsförslaget)\s+från\s+(?P<name2>(?&person_name))",
    &[
        groups(
            "bifall till Mats Gerdaus yrkande",
            &[("name", "Mats Gerdaus"), ("name2", "")],
        ),
        groups(
            "bifall till Elin Anderssons (L) m.fl. tilläggsförslag",
            &[("name", "Elin Anderssons")],
        ),
        groups(
            "yrkandet från Anna Berg (S) bifalls",
            &[("name", ""), ("name2", "Anna Berg")],
        ),
        rejects("bifall till kommunstyrelsens förslag"),
    ],
);

/// Members' motion named by surnames only: "förslaget från Johansson,
/// Bruncevic och Ferm", "yrkandet från Ytterbrink (MP)"; `names` is the
/// list (a word that is a party's name is no surname).
pub static SURNAME_REF: Rule = Rule::new(
    "surname_ref",
    r"(?:yrkandet|yrkande|förslaget)\s+från\s+(?P<names>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s*\([^()]{1,5}\))?(?:\s*(?:,|och|samt)\s*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s*\([^()]{1,5}\))?)*)",
    &[
        groups(
            "finner att förslaget från Johansson, Bruncevic och Ferm bifallits",
            &[("names", "Johansson, Bruncevic och Ferm")],
        ),
        groups(
            "yrkandet från Ytterbrink (MP) bifallits",
            &[("names", "Ytterbrink (MP)")],
        ),
        groups(
            "yrkandet från Johansson (S) och Ferm (SD)",
            &[("names", "Johansson (S) och Ferm (SD)")],
        ),
        rejects("yrkandet från MP"),
    ],
);

/// A party group's motion: "yrkandet från V, S och MP"; `kind` is the word
/// (a "tilläggs…" is an amendment), `parties` the list.
pub static GROUP_REF: Rule = Rule::new(
    "group_ref",
    r"(?i:(?P<kind>tilläggsyrkande(?:t|na)?|återremissyrkande(?:t)?|yrkande(?:t|na)?|förslag(?:et)?|tilläggsförslag(?:et)?))\s+(?:från\s+)?(?P<parties>(?&party_list))",
    &[
        groups(
            "bifall till yrkandet från V, S och MP",
            &[("kind", "yrkandet"), ("parties", "V, S och MP")],
        ),
        groups(
            "Tilläggsyrkandet från Moderaterna samt KD bifalls",
            &[("kind", "Tilläggsyrkandet"), ("parties", "Moderaterna samt KD")],
        ),
        groups(
            "bifall till yrkande M, L, KD och D",
            &[("kind", "yrkande"), ("parties", "M, L, KD och D")],
        ),
        rejects("yrkandet från ordföranden"),
    ],
);

/// A body's or officer's proposal: "kommunstyrelsens förslag",
/// "Ordförandens förslag"; `body` is the genitive name.
pub static BODY_REF: Rule = Rule::new(
    "body_ref",
    r"(?i)(?:^|[^\p{L}-])(?P<body>[\p{L}-]*(?:styrelsens|fullmäktiges|nämndens|utskottets|förvaltningens|kontorets|beredningens|ordförandens|direktionens))\s+förslag",
    &[
        groups("bifall till kommunstyrelsens förslag", &[("body", "kommunstyrelsens")]),
        groups("Ordförandens förslag till beslut", &[("body", "Ordförandens")]),
        rejects("bifall till Anna Bergs förslag"),
    ],
);

/// The officials' proposal, however it is named: "förvaltningens förslag",
/// "stadsledningskontorets förslag", "förvaltningens tjänsteutlåtande",
/// "tjänsteutlåtandet", "tjänsteutlåtandets förslag till beslut",
/// "tjänsteskrivelsen". A § has one, so all these are one target.
pub static OFFICIALS_PROPOSAL: Rule = Rule::new(
    "officials_proposal",
    r"(?i)(?:^|[^\p{L}-])(?:[\p{L}-]*(?:förvaltningens|förvaltnings|kontorets)\s+(?:förslag|beslutsförslag|tjänsteutlåtande|tjänsteskrivelse)|tjänsteutlåtande(?:t|ts)?(?-u:\b)|tjänsteskrivelse(?:n|ns)?(?-u:\b))",
    &[
        finds("bifall till förvaltningens förslag.", " förvaltningens förslag"),
        finds(
            "bifall till stadsmiljöförvaltningens tjänsteutlåtande",
            " stadsmiljöförvaltningens tjänsteutlåtande",
        ),
        finds(
            "att bifalla tjänsteutlåtandets förslag till beslut",
            " tjänsteutlåtandets",
        ),
        finds(
            "bifall till stadsledningskontorets förslag",
            " stadsledningskontorets förslag",
        ),
        rejects("bifall till kommunstyrelsens förslag"),
    ],
);

/// A motion's subject that opens with the chair's title: "Ordföranden
/// Jonas Berg (S) yrkar …", "Tjänstgörande ordförande Eva Al (M) yrkar …";
/// such a motion is also the chair's own ([`CHAIRS_MOTION`]).
pub static CHAIR_TITLE: Rule = Rule::new(
    "chair_title",
    r"^\s*(?:Ordförande(?:n)?|Tjänstgörande\s+ordförande(?:n)?)(?-u:\b)",
    &[
        finds("Ordföranden Jonas Berg (S) ", "Ordföranden"),
        finds("Tjänstgörande ordförande Eva Al (M) ", "Tjänstgörande ordförande"),
        rejects("Anna Berg (S), ordförande, "),
    ],
);

/// The chair's own motion as the chair's statements name it: "finner att
/// det egna yrkandet bifallits", "sitt eget yrkande", "ordförandens yrkande".
pub static CHAIRS_MOTION: Rule = Rule::new(
    "chairs_motion",
    r"(?i)(?-u:\b)(?:det\s+egna\s+yrkandet|sitt\s+eget\s+yrkande|ordförandens\s+(?:eget\s+)?yrkande)",
    &[
        finds("finner att det egna yrkandet bifallits", "det egna yrkandet"),
        finds("sitt eget yrkande om att bifalla", "sitt eget yrkande"),
        rejects("finner att yrkandet bifallits"),
    ],
);

/// The amendment of the § without its mover: "tilläggsförslaget",
/// "tilläggsyrkandet".
pub static GENERIC_AMENDMENT: Rule = Rule::new(
    "generic_amendment",
    r"(?i)(?-u:\b)tilläggs(?:förslaget|yrkandet)(?-u:\b)",
    &[
        finds("bifall till tilläggsförslaget", "tilläggsförslaget"),
        finds("Tilläggsyrkandet bifalls.", "Tilläggsyrkandet"),
        rejects("bifall till tilläggsförslagen"),
    ],
);

/// The motion (a member's written motion) the § treats, by its definite
/// form: "bifall till motionen", "att bifalla motionen", "avslag på
/// motionen"; not "motionens" or "motionerna".
pub static THE_MOTION: Rule = Rule::new(
    "the_motion",
    r"(?i)(?-u:\b)motionen(?-u:\b)",
    &[
        finds("yrkar bifall till motionen.", "motionen"),
        finds("”Nej” för att bifalla motionen", "motionen"),
        rejects("motionens att-satser"),
        rejects("motionerna"),
    ],
);

/// The motion named to be rejected: "avslag på motionen", "att avstyrka
/// motionen", "att motionen ska avstyrkas", "förslag att avslå motionen": a
/// text with it opposes [`THE_MOTION`] (and never supports it).
pub static THE_MOTION_REJECTED: Rule = Rule::new(
    "the_motion_rejected",
    r"(?i)(?-u:\b)(?:avstyrk|avsl)\w*\s+(?:\p{L}+\s+){0,2}?motionen(?-u:\b)|(?-u:\b)motionen\s+(?:ska\s+|skall\s+|bör\s+)?(?:avstyrk|avsl)\w*",
    &[
        finds("avslag på motionen", "avslag på motionen"),
        finds(
            "bifall till förvaltningens förslag att avstyrka motionen",
            "avstyrka motionen",
        ),
        finds("att motionen ska avstyrkas", "motionen ska avstyrkas"),
        rejects("bifall till motionen och avslag på förvaltningens förslag"),
    ],
);

/// The meeting decided the matter then and there: "finner att
/// kommunfullmäktige beslutat avgöra ärendet vid dagens sammanträde",
/// "… att ärendet ska avgöras idag": a motion to refer it back (or to table
/// it) was rejected.
pub static DECIDED_TODAY: Rule = Rule::new(
    "decided_today",
    r"(?i)(?:avgöra\s+ärendet|ärendet\s+(?:ska\s+)?avgöras)\s+(?:vid\s+dagens\s+sammanträde|idag|i\s+dag|på\s+dagens\s+sammanträde)",
    &[
        finds(
            "finner att kommunfullmäktige beslutat avgöra ärendet vid dagens sammanträde",
            "avgöra ärendet vid dagens sammanträde",
        ),
        finds("beslutar att ärendet ska avgöras idag", "ärendet ska avgöras idag"),
        rejects("beslutar att återremittera ärendet"),
    ],
);

/// A decision that says what became of the motion: "Motionen avslås.",
/// "Kommunfullmäktige bifaller motionen", "motionen bifalls"; `verb` is the
/// outcome (an "avsl…" rejects).
pub static MOTION_DECIDED: Rule = Rule::new(
    "motion_decided",
    r"(?im)^[ \t]*(?:\d{1,2}\.\s*)?(?:(?:\p{Lu}[\p{L}\-]*\s+){1,3}?(?P<verb>avslår|bifaller)\s+motionen|(?:Den\s+av\s+[^.\n]{3,120}?\s+väckta\s+)?[Mm]otionen\s+(?P<verb2>avslås|bifalls|bifalles|avslages))(?-u:\b)",
    &[
        groups("Motionen avslås.", &[("verb", ""), ("verb2", "avslås")]),
        groups(
            "Kommunfullmäktige bifaller motionen.",
            &[("verb", "bifaller"), ("verb2", "")],
        ),
        groups("2. Kommunfullmäktige avslår motionen i övrigt.", &[("verb", "avslår")]),
        groups(
            "1. Den av Eva Al och Per Ek väckta motionen bifalles.",
            &[("verb", ""), ("verb2", "bifalles")],
        ),
        rejects("Motionen anses besvarad."),
        rejects("Nämnden föreslår att kommunfullmäktige avslår motionen."),
    ],
);

/// A referral back (återremiss): "återremiss", "återremittera(s)".
pub static REFER: Rule = Rule::new(
    "refer",
    r"(?i)återremi(?:ss|ttera)",
    &[
        finds("yrkar återremiss av ärendet", "återremiss"),
        finds("att ärendet ska återremitteras", "återremittera"),
        rejects("att ärendet ska bordläggas"),
    ],
);

/// A tabling (bordläggning): "bordlägga", "bordläggning", "bordlades".
pub static TABLE: Rule = Rule::new(
    "table",
    r"(?i)bordl(?:ägg|äggning|ades|ägga)",
    &[
        finds("yrkar bordläggning av ärendet", "bordlägg"),
        finds("Ärendet bordlades.", "bordlades"),
        rejects("yrkar återremiss av ärendet"),
    ],
);

/// What a motion verb does: makes a motion, or joins one made before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MotionVerb {
    /// "Anna Berg (S) yrkar bifall …": a motion of the subject's own.
    Moves,
    /// "Per Ek (M) instämmer i Anna Bergs yrkande": the subject supports a
    /// motion made before (or, when none is found, moves its own).
    Joins,
}

/// The motion verbs, present and past, and what each does.
pub static MOTION_VERBS: Words<MotionVerb> = &[
    ("yrkar", MotionVerb::Moves),
    ("yrkade", MotionVerb::Moves),
    ("yrkat", MotionVerb::Moves),
    ("föreslår", MotionVerb::Moves),
    ("föreslog", MotionVerb::Moves),
    // a common misspelling of "föreslår" in minutes
    ("förslår", MotionVerb::Moves),
    ("instämmer", MotionVerb::Joins),
    ("instämde", MotionVerb::Joins),
];

/// A motion verb of [`MOTION_VERBS`]: "yrkar", "föreslår", "instämmer".
pub static VERB: Rule = Rule::built(
    "motions_verb",
    || format!(r"(?-u:\b){}(?-u:\b)", alternation(MOTION_VERBS.iter().map(|(w, _)| *w))),
    &[
        finds("Anna Berg (S) yrkar bifall till förslaget.", "yrkar"),
        finds("Per Ek (M) instämmer i yrkandet.", "instämmer"),
        finds("Per Ek (M) instämde i yrkandet.", "instämde"),
        rejects("Yrkandet bifalls och förslaget föreslås."),
    ],
);

/// The word of approval, "bifall": a motion that has it in its first
/// clause, and no other class word, approves ("bifall till förslaget").
pub static APPROVAL: &str = "bifall";

/// The word of rejection, "avslag": a yrkande supports what it names before
/// it and opposes what it names after ("bifall till X och avslag på Y"); a
/// side of a vote that means it ("Nej för avslag") only says that the other
/// side's targets won or lost; a motion with it in its first clause rejects.
pub static REJECTION: &str = "avslag";

/// The stem of the rejecting verbs ("avslår", "avslås", "avslå"): a
/// [`MOTION_DECIDED`] verb with it rejects.
pub static REJECTION_STEM: &str = "avsl";

/// How a motion for approval opens (lower case): "bifall till
/// kommunstyrelsens förslag", "på bifall till …"; such a motion approves,
/// even if it names a referral later, unless it is in several hands
/// ([`FIRST_HAND`]).
pub static APPROVAL_OPENINGS: &[&str] = &["bifall", "på bifall"];

/// How a motion for rejection opens (lower case): "avslag på förslaget",
/// "på avslag …", "i andra hand avslag".
pub static REJECTION_OPENINGS: &[&str] = &["avslag", "på avslag", "i andra hand avslag"];

/// "i första hand …": a motion in several hands, whose first hand may be a
/// referral or a tabling even when it opens with "bifall".
pub static FIRST_HAND: &str = "i första hand";

/// The later hands of a motion in several hands, each a motion of its own:
/// "i första hand återremiss, i andra hand avslag", in the order they come.
pub static LATER_HANDS: &[&str] = &["i andra hand", "i tredje hand"];

/// The stem of an amendment's words (lower case): "tilläggsyrkande",
/// "tilläggsförslaget", "i tillägg till kommunstyrelsens förslag"; a party
/// group's "tilläggsyrkandet från M" is an amendment, and a motion with the
/// stem in its first clause amends.
pub static AMENDMENT: &str = "tillägg";

/// Words of a change to the proposal (lower case), "med ändring av punkt
/// 2", "med förändringen att", "att punkt 2 ändras", "att löfte 7 läggs
/// till i listan" (found inside words, so "ändring" finds "förändringen"):
/// in a motion's first clause they make it an amendment, unless it rejects
/// ([`CLASS_ATT_REJECT`]).
pub static CHANGE_WORDS: &[&str] = &["ändring", "ändras", "läggs till", "läggas till", "lägga till"];

/// An approval with a change of what it approves: "bifall till Anna Bergs
/// yrkande med förändringen att …", "bifall till förslaget med tillägget
/// att …" amends.
pub static WITH_CHANGE: Rule = Rule::new(
    "with_change",
    r"(?-u:\b)med\s+(?:den\s+|de\s+)?(?:förändring|ändring|tillägg)(?:en|et|arna|ar)?(?-u:\b)",
    &[
        finds("bifall till Aron Ahls yrkande med förändringen att", "med förändringen"),
        finds("bifall till förslaget med tillägget att", "med tillägget"),
        rejects("bifall till förslaget med hänvisning till yttrandet"),
    ],
);

/// Supporters right after the verb: "(yrkade), med instämmande av Per Ek
/// (M) och Eva Al (L), att …"; `list` names them.
pub static ASSENT: Rule = Rule::new(
    "assent",
    r"^\s*,?\s*med\s+instämmande\s+(?:av|från)\s+(?P<list>[^:]+?),\s*(?:att(?-u:\b)|bifall|avslag|på\s)",
    &[
        groups(
            ", med instämmande av Per Ek (M) och Eva Al (L), att ärendet återremitteras",
            &[("list", "Per Ek (M) och Eva Al (L)")],
        ),
        rejects(" bifall, med instämmande av Per Ek (M), att"),
    ],
);

/// A decision lead naming its movers, on one or two lines: "På förslag av
/// Anna Berg (S):"; `who` are the movers.
pub static ON_PROPOSAL_OF: Rule = Rule::new(
    "on_proposal_of",
    r"(?m)^[ \t]*På\s+förslag\s+av\s+(?P<who>[^:\n]+(?:\n[^:\n]+)?):[ \t]*$",
    &[
        groups(
            "Beslut\nPå förslag av Anna Berg (S):\nÄrendet bordläggs.",
            &[("who", "Anna Berg (S)")],
        ),
        groups(
            "På förslag av Anna Berg (S) och\nPer Ek (V):",
            &[("who", "Anna Berg (S) och\nPer Ek (V)")],
        ),
        rejects("På förslag av ordföranden ajourneras mötet."),
    ],
);

/// A decision lead naming the motion it follows, on one or two lines:
/// "Enligt yrkande från S, V och MP:"; `what` is that motion.
pub static ACCORDING_TO: Rule = Rule::new(
    "according_to",
    r"(?m)^[ \t]*Enligt\s+(?P<what>[^:\n]+(?:\n[^:\n]+)?):[ \t]*$",
    &[
        groups(
            "Enligt yrkande från S, V och MP:\nKommunstyrelsen avslår motionen.",
            &[("what", "yrkande från S, V och MP")],
        ),
        rejects("Enligt förvaltningen är kostnaden låg."),
    ],
);

/// "att kommunstyrelsen avslår förslaget", "kommunfullmäktige att avslå förslaget".
pub static CLASS_ATT_REJECT: Rule = Rule::new(
    "class_att_reject",
    r"(?i)(?:^|\s)att\s+(?:[\p{L}-]+\s+){0,4}?avslå|^(?:på\s+)?att(?-u:\b).{0,80}?(?-u:\b)avslå",
    &[
        finds("att kommunstyrelsen avslår förslaget", "att kommunstyrelsen avslå"),
        finds("kommunfullmäktige att avslå motionen", " att avslå"),
        rejects("bifall till förslaget och avslag på motionen"),
    ],
);

/// The chair asks and finds: "frågar om X kan antas och finner att så
/// sker"; `x` is asked (or `y`, "… kan besluta i enlighet med Y"), `res` found.
pub static ASK_FIND: Rule = Rule::new(
    "ask_find",
    r"(?is)frågar\s+(?:först\s+|sedan\s+|därefter\s+|slutligen\s+|också\s+)?om\s+(?P<x>.+?)\s+kan\s+(?:antas|godkännas|bifallas|beviljas|besluta\s+i\s+enlighet\s+med\s+(?P<y>.+?)|[\p{L}]+)\s*,?\s+och\s+finner\s+(?:att\s+)?(?P<res>.+?)(?:\.\s|\.$|$)",
    &[
        groups(
            "Ordföranden frågar om kommunstyrelsens förslag kan antas och finner att så sker.",
            &[("x", "kommunstyrelsens förslag"), ("y", ""), ("res", "så sker")],
        ),
        groups(
            "Ordföranden frågar därefter om kommunfullmäktige kan besluta i enlighet med Anna Bergs (S) yrkande och finner att så inte sker. Votering begärs.",
            &[
                ("x", "kommunfullmäktige"),
                ("y", "Anna Bergs (S) yrkande"),
                ("res", "så inte sker"),
            ],
        ),
        rejects("Ordföranden frågar om ledamöterna vill yttra sig."),
    ],
);

/// "ställer propositioner på yrkandena och finner att …"; `a` is what is
/// put, `res` what the chair finds.
pub static PROPOSITIONS: Rule = Rule::new(
    "propositions",
    r"(?is)ställer\s+(?:först\s+|härefter\s+|sedan\s+|därefter\s+)?proposition(?:er)?\s+(?:på\s+|mellan\s+)?(?P<a>.+?)\s+och\s+finner\s+att\s+(?P<res>.+?)(?:\.\s|\.$|$)",
    &[
        groups(
            "Ordföranden ställer propositioner på yrkandena och finner att kommunstyrelsen bifallit Anna Bergs (S) yrkande.",
            &[
                ("a", "yrkandena"),
                ("res", "kommunstyrelsen bifallit Anna Bergs (S) yrkande"),
            ],
        ),
        groups(
            "Ordföranden ställer därefter propositioner mellan bifall och avslag och finner att förslaget bifalls.",
            &[("a", "bifall och avslag"), ("res", "förslaget bifalls")],
        ),
        groups(
            "Ordförande ställer proposition på yrkandena och finner att nämnden beslutar att bifalla tjänsteutlåtandet.",
            &[
                ("a", "yrkandena"),
                ("res", "nämnden beslutar att bifalla tjänsteutlåtandet"),
            ],
        ),
        groups(
            "Ordföranden ställer härefter propositioner yrkandena och finner att det egna yrkandet bifallits.",
            &[("a", "yrkandena"), ("res", "det egna yrkandet bifallits")],
        ),
        rejects("Ordföranden ställer frågan om ajournering."),
    ],
);

/// "ställer X mot Y. … finner att …": two proposals put against each other;
/// `a`, `b` and the result `res`.
pub static AGAINST: Rule = Rule::new(
    "against",
    r"(?is)ställer\s+(?:först\s+|sedan\s+|därefter\s+)?(?P<a>.+?)\s+mot\s+(?P<b>.+?)(?:\.\s+(?:\S+\s+){0,3}?|\s+och\s+)finner\s+(?:att\s+)?(?P<res>.+?)(?:\.\s|\.$|$)",
    &[
        groups(
            "Ordföranden ställer utskottets förslag mot Per Eks ändringsförslag och finner att nämnden bifaller utskottets förslag.",
            &[
                ("a", "utskottets förslag"),
                ("b", "Per Eks ändringsförslag"),
                ("res", "nämnden bifaller utskottets förslag"),
            ],
        ),
        groups(
            "Ordföranden ställer kommunstyrelsens förslag mot Anna Bergs (S) yrkande. Ordföranden finner att kommunstyrelsens förslag bifallits.",
            &[
                ("a", "kommunstyrelsens förslag"),
                ("b", "Anna Bergs (S) yrkande"),
                ("res", "kommunstyrelsens förslag bifallits"),
            ],
        ),
        groups(
            "Ordföranden ställer förslagen i proposition mot varandra och finner bifall till tjänsteutlåtandet.",
            &[
                ("a", "förslagen i proposition"),
                ("b", "varandra"),
                ("res", "bifall till tjänsteutlåtandet"),
            ],
        ),
        rejects("Ordföranden ställer förslaget under proposition och finner att det bifalls."),
    ],
);

/// A member's proposal the meeting agrees on without a vote: "Efter förslag
/// från Anna Berg (V) enas kommunstyrelsen om att punkt 2 förtydligas."
/// `who` proposed, `what` was agreed (the rest of the sentence); such a
/// motion is an amendment of the main proposal, and adopted.
pub static AGREED_ON_PROPOSAL: Rule = Rule::new(
    "agreed_on_proposal",
    r"(?s)(?-u:\b)Efter\s+förslag\s+(?:från|av)\s+(?P<who>[^.:;]{3,160}?)\s+enas\s+(?P<what>[^.]+?)(?:\.\s|\.$|$)",
    &[
        groups(
            "Efter förslag från Anna Berg (V) enas kommunstyrelsen vid dagens möte om att punkt 2 förtydligas.",
            &[
                ("who", "Anna Berg (V)"),
                ("what", "kommunstyrelsen vid dagens möte om att punkt 2 förtydligas"),
            ],
        ),
        groups(
            "Efter förslag av Per Ek (M) och Eva Al (L) enas nämnden om ett tillägg.",
            &[("who", "Per Ek (M) och Eva Al (L)"), ("what", "nämnden om ett tillägg")],
        ),
        rejects("Efter förslag från förvaltningen beslutar nämnden att anta planen."),
    ],
);

/// A motion that the body decide as a proposal says: "att
/// kommunfullmäktige ska besluta i enlighet med kommunstyrelsens förslag",
/// an approval of that proposal.
pub static ENACT_PROPOSAL: Rule = Rule::new(
    "enact_proposal",
    r"(?i)^(?:att\s+)?(?:\p{L}+\s+){0,3}?(?:ska\s+|skall\s+)?besluta[r]?\s+i\s+enlighet\s+med\s+[\p{L}\- ]+?s\s+förslag",
    &[
        finds(
            "att kommunfullmäktige ska besluta i enlighet med kommunstyrelsens förslag i ärendet.",
            "att kommunfullmäktige ska besluta i enlighet med kommunstyrelsens förslag",
        ),
        finds(
            "att nämnden beslutar i enlighet med förvaltningens förslag",
            "att nämnden beslutar i enlighet med förvaltningens förslag",
        ),
        rejects("att kommunfullmäktige ska besluta i enlighet med Moderaternas yrkande"),
        rejects("avslag på kommunstyrelsens förslag"),
    ],
);

/// Propositions that put approval against rejection of one thing, on the
/// lower-cased text of what is put: "ställer propositioner på bifall
/// respektive avslag på förslaget", "… på bifall och avslag"; the result
/// then says what became of that thing.
pub static APPROVE_OR_REJECT: Rule = Rule::new(
    "approve_or_reject",
    r"bifall respektive avslag|^bifall och avslag",
    &[
        finds("bifall respektive avslag på förslaget", "bifall respektive avslag"),
        finds("bifall och avslag på förslaget", "bifall och avslag"),
        rejects("kommunstyrelsens förslag och bifall och avslag"),
        rejects("bifall till förslaget och avslag på motionen"),
    ],
);

/// What the sides put to the meeting are listed with: "ställer
/// propositioner på dels kommunstyrelsens förslag, dels Anna Bergs
/// yrkande" (a side after each), else [`TWO_SIDES`].
pub static EACH_SIDE: &str = "dels ";

/// "ställer propositioner på kommunstyrelsens förslag och Anna Bergs
/// yrkande": two sides, split at the first.
pub static TWO_SIDES: &str = " och ";

/// Propositions on every motion of the § (lower case): "ställer
/// propositioner på yrkandena": each motion that did not win lost.
pub static ALL_MOTIONS: &str = "yrkandena";

/// "ställer yrkandena (förslagen) mot varandra": every motion is put, the
/// word after "mot" (lower case).
pub static EACH_OTHER: &str = "varandra";

/// "beslutade i enlighet med Mats Gerdaus (S) yrkande"; `x` is what was adopted.
pub static IN_ACCORDANCE: Rule = Rule::new(
    "in_accordance",
    r"(?is)(?-u:\b)beslut(?:ade|ar|at)\s+i\s+enlighet\s+med\s+(?P<x>.+?)(?:\.\s|\.$|,|$)",
    &[
        groups(
            "Kommunstyrelsen beslutade i enlighet med Mats Gerdaus (S) yrkande.",
            &[("x", "Mats Gerdaus (S) yrkande")],
        ),
        groups(
            "Nämnden har beslutat i enlighet med förvaltningens förslag, med tillägg",
            &[("x", "förvaltningens förslag")],
        ),
        rejects("Beslutet fattades i enlighet med förslaget."),
    ],
);

/// A result that says no: "avslås", "avslogs", "inte bifalls", "faller".
pub static REJECTED_WORDS: Rule = Rule::new(
    "rejected_words",
    r"(?i)(?-u:\b)(?:avslås|avslagits|avslogs|avslagit|avslår|avslog|inte\s+(?:antas|bifalls|bifallits)|faller)(?-u:\b)",
    &[
        finds("finner att kommunstyrelsen avslår Anna Bergs förslag", "avslår"),
        finds("finner att förslaget avslås", "avslås"),
        finds("och finner att yrkandet inte bifalls", "inte bifalls"),
        finds("finner att tilläggsyrkandet faller", "faller"),
        rejects("finner att förslaget bifalls"),
    ],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &THE_MOTION,
    &DECIDED_TODAY,
    &WITH_CHANGE,
    &SURNAME_REF,
    &CHAIR_TITLE,
    &CHAIRS_MOTION,
    &OFFICIALS_PROPOSAL,
    &THE_MOTION_REJECTED,
    &MOTION_DECIDED,
    &AGREED_ON_PROPOSAL,
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
    &ENACT_PROPOSAL,
    &APPROVE_OR_REJECT,
    &IN_ACCORDANCE,
    &REJECTED_WORDS,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The extractor compares these words with lower-cased text.
    #[test]
    fn the_word_tables_are_lower_case() {
        let words = [
            APPROVAL,
            REJECTION,
            FIRST_HAND,
            AMENDMENT,
            EACH_SIDE,
            TWO_SIDES,
            ALL_MOTIONS,
        ]
        .into_iter()
        .chain(APPROVAL_OPENINGS.iter().copied())
        .chain(REJECTION_OPENINGS.iter().copied())
        .chain(LATER_HANDS.iter().copied())
        .chain(CHANGE_WORDS.iter().copied());
        for w in words {
            assert_eq!(w, w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn each_opening_ends_with_its_word() {
        assert!(APPROVAL_OPENINGS.iter().all(|w| w.ends_with(APPROVAL)));
        assert!(REJECTION_OPENINGS.iter().all(|w| w.ends_with(REJECTION)));
    }

    #[test]
    fn the_verb_rule_finds_every_motion_verb() {
        for (w, _) in MOTION_VERBS {
            let text = format!("Anna Berg (S) {w} bifall");
            assert_eq!(VERB.find(&text).map(|m| m.as_str()), Some(*w));
        }
    }
}
