//! Decision verbs: what a verb in the minutes says a body did with a
//! matter — decided or proposed, approved, rejected, tabled (bordlagt),
//! referred back (återremitterat) or noted — in one table per use, each
//! verb once with its meaning. The patterns that need the verbs take their
//! alternation from these tables ([`phrases`]), so a verb is added in one
//! place and every pattern that reads it follows.

use super::{Rule, Words, finds, rejects};
use crate::model::{DecisionType, Outcome};

/// The words of a table as an alternation of phrases, in table order, a
/// space in a phrase standing for any white space.
pub fn phrases<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let alternatives: Vec<String> = words
        .into_iter()
        .map(|w| w.split(' ').map(regex::escape).collect::<Vec<_>>().join(r"\s+"))
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

/// The entry of a phrase as a pattern of [`phrases`] matched it (white
/// space runs read as one space).
pub fn lookup<T>(words: Words<T>, matched: &str) -> Option<&'static T> {
    let matched = matched.split_whitespace().collect::<Vec<_>>().join(" ");
    words.iter().find(|(w, _)| *w == matched).map(|(_, v)| v)
}

/// The verbs a body's decision or proposal starts with, in the present
/// and the past tense: "Kommunstyrelsen beslutar att …", "Nämnden
/// föreslog kommunfullmäktige att …", "Kommunstyrelsen ger
/// stadsledningskontoret i uppdrag att …". Each is a decision or a
/// proposal (föreslå, tillstyrka). The same list says who a document's
/// decisions are by ([`super::document::SUBJECT`]).
pub static DECISION_VERBS: Words<DecisionType> = &[
    ("beslutar", DecisionType::Decision),
    ("beslutade", DecisionType::Decision),
    ("föreslår", DecisionType::Proposal),
    ("föreslog", DecisionType::Proposal),
    ("avslår", DecisionType::Decision),
    ("avslog", DecisionType::Decision),
    ("godkänner", DecisionType::Decision),
    ("godkände", DecisionType::Decision),
    ("antar", DecisionType::Decision),
    ("antog", DecisionType::Decision),
    ("tillstyrker", DecisionType::Proposal),
    ("avstyrker", DecisionType::Decision),
    ("bifaller", DecisionType::Decision),
    ("beviljar", DecisionType::Decision),
    ("fastställer", DecisionType::Decision),
    ("noterar", DecisionType::Decision),
    ("lägger", DecisionType::Decision),
    ("återremitterar", DecisionType::Decision),
    ("bordlägger", DecisionType::Decision),
    ("uppdrar", DecisionType::Decision),
    ("ger", DecisionType::Decision),
    ("överlämnar", DecisionType::Decision),
    ("avger", DecisionType::Decision),
    ("yttrar", DecisionType::Decision),
    ("ställer sig", DecisionType::Decision),
];

/// A verb of [`DECISION_VERBS`].
pub static DECISION_VERB: Rule = Rule::built(
    "decision_verb",
    || phrases(DECISION_VERBS.iter().map(|(w, _)| *w)),
    &[
        finds("Kommunstyrelsen beslutar att", "beslutar"),
        finds("ställer  sig bakom", "ställer  sig"),
        rejects("Beslut"),
    ],
);

/// Outcome words: a stem, its outcome, and whether the word must end there
/// ("anta", not "antal"), matched on the lower-cased text at a word start:
/// anta/godkänna/bifalla/fastställa/bevilja/förlänga/tillstyrka (approve),
/// avslå/avstyrka (reject), bordlägga (table), återremittera (refer back),
/// lägga till handlingarna/notera/ta del av (note).
pub static OUTCOME_WORDS: Words<(Outcome, bool)> = &[
    ("anta", (Outcome::Approve, true)),
    ("antar", (Outcome::Approve, true)),
    ("antas", (Outcome::Approve, true)),
    ("antogs", (Outcome::Approve, true)),
    ("antagits", (Outcome::Approve, true)),
    ("antaget", (Outcome::Approve, true)),
    ("godkänn", (Outcome::Approve, false)),
    ("godkände", (Outcome::Approve, false)),
    ("bifall", (Outcome::Approve, false)),
    ("fastställ", (Outcome::Approve, false)),
    ("bevilja", (Outcome::Approve, true)),
    ("beviljas", (Outcome::Approve, true)),
    ("beviljar", (Outcome::Approve, true)),
    ("beviljade", (Outcome::Approve, true)),
    ("förläng", (Outcome::Approve, false)),
    ("tillstyrk", (Outcome::Approve, false)),
    ("ställer sig bakom", (Outcome::Approve, false)),
    ("avslå", (Outcome::Reject, false)),
    ("avslog", (Outcome::Reject, false)),
    ("avslag", (Outcome::Reject, false)),
    ("avstyrk", (Outcome::Reject, false)),
    ("bordl", (Outcome::Table, false)),
    ("återremitt", (Outcome::ReferBack, false)),
    ("återremiss", (Outcome::ReferBack, false)),
    ("till handlingarna", (Outcome::Note, false)),
    ("noter", (Outcome::Note, false)),
    ("tar del av", (Outcome::Note, false)),
    ("tagit del av", (Outcome::Note, false)),
];

/// What a decision led by "Enligt …:" or "På förslag av …:" states by its
/// lead alone: "Enligt förslag om återremiss:" (words found anywhere in
/// the lower-cased lead).
pub static LEAD_OUTCOMES: Words<Outcome> = &[("återremiss", Outcome::ReferBack), ("bordläggning", Outcome::Table)];

/// What follows a decision verb when a body decides for its own part:
/// "Kommunstyrelsen beslutar för egen del att …".
pub static FOR_OWN_PART: &str = "för egen del";

/// What an earlier treatment verb says.
#[derive(Debug, Clone, Copy)]
pub struct EarlierVerb {
    /// Proposal ("föreslog") or decision ("beslutade").
    pub kind: DecisionType,
    /// The outcome the verb itself states (tabling, referral), if any.
    pub outcome: Option<Outcome>,
    /// "behandlade ärendet": a treatment whose kind depends on the body (a
    /// nämnd treating a matter others decide proposes).
    pub treated: bool,
    /// Whether the verb stands after its subject: "Kommunstyrelsen
    /// beslutade den 3 maj 2023 § 45".
    pub after_subject: bool,
    /// Whether the verb stands before its subject: "… beslutade styrelsen
    /// den 22 februari 2022 § 67".
    pub before_subject: bool,
}

/// Where a verb stands: after its subject, before it, or either.
#[derive(Clone, Copy)]
enum Order {
    After,
    Before,
    Either,
}

const fn verb(kind: DecisionType, outcome: Option<Outcome>, treated: bool, order: Order) -> EarlierVerb {
    EarlierVerb {
        kind,
        outcome,
        treated,
        after_subject: !matches!(order, Order::Before),
        before_subject: !matches!(order, Order::After),
    }
}

/// How the minutes report a body's earlier treatment of the matter:
/// "Kommunstyrelsen har behandlat ärendet den 3 maj 2023 § 45",
/// "Byggnadsnämnden beslutade den 2023-05-03 § 12 att …".
pub static EARLIER_VERBS: Words<EarlierVerb> = &[
    (
        "har behandlat ärendet",
        verb(DecisionType::Decision, None, true, Order::After),
    ),
    (
        "behandlade ärendet",
        verb(DecisionType::Decision, None, true, Order::After),
    ),
    (
        "bordlade ärendet",
        verb(DecisionType::Decision, Some(Outcome::Table), false, Order::After),
    ),
    (
        "har bordlagt ärendet",
        verb(DecisionType::Decision, Some(Outcome::Table), false, Order::After),
    ),
    (
        "återremitterade ärendet",
        verb(DecisionType::Decision, Some(Outcome::ReferBack), false, Order::After),
    ),
    (
        "har återremitterat ärendet",
        verb(DecisionType::Decision, Some(Outcome::ReferBack), false, Order::After),
    ),
    ("beslutade", verb(DecisionType::Decision, None, false, Order::Either)),
    ("har beslutat", verb(DecisionType::Decision, None, false, Order::After)),
    ("föreslog", verb(DecisionType::Proposal, None, false, Order::Either)),
    (
        "har föreslagit",
        verb(DecisionType::Proposal, None, false, Order::After),
    ),
    (
        "bordlade",
        verb(DecisionType::Decision, Some(Outcome::Table), false, Order::Before),
    ),
    (
        "återremitterade",
        verb(DecisionType::Decision, Some(Outcome::ReferBack), false, Order::Before),
    ),
];

/// The participles of an earlier treatment whose date and § stand between
/// "har" and them: "Kommunstyrelsens arbetsutskott har den 7 juni 2023,
/// § 106 behandlat ärendet".
pub static DATED_FIRST_VERBS: Words<EarlierVerb> = &[
    (
        "behandlat ärendet",
        verb(DecisionType::Decision, None, true, Order::After),
    ),
    ("beslutat", verb(DecisionType::Decision, None, false, Order::After)),
    ("föreslagit", verb(DecisionType::Proposal, None, false, Order::After)),
];

/// The passive forms of an earlier treatment, with the body after them:
/// "Ärendet har behandlats av kommunstyrelsen 2024-01-24, § 5".
pub static PASSIVE_VERBS: Words<EarlierVerb> = &[
    ("behandlats", verb(DecisionType::Decision, None, true, Order::After)),
    ("behandlades", verb(DecisionType::Decision, None, true, Order::After)),
    ("beretts", verb(DecisionType::Decision, None, true, Order::After)),
    ("bereddes", verb(DecisionType::Decision, None, true, Order::After)),
];

/// A verb of [`DATED_FIRST_VERBS`].
pub static DATED_FIRST_VERB: Rule = Rule::built(
    "dated_first_verb",
    || phrases(DATED_FIRST_VERBS.iter().map(|(w, _)| *w)),
    &[finds("behandlat ärendet.", "behandlat ärendet"), rejects("behandlade")],
);

/// A verb of [`PASSIVE_VERBS`].
pub static PASSIVE_VERB: Rule = Rule::built(
    "passive_verb",
    || phrases(PASSIVE_VERBS.iter().map(|(w, _)| *w)),
    &[finds("har behandlats av", "behandlats"), rejects("behandlat")],
);

/// A verb of [`EARLIER_VERBS`] after its subject ("Kommunstyrelsen har
/// behandlat ärendet").
pub static EARLIER_VERB: Rule = Rule::built(
    "earlier_verb",
    || phrases(EARLIER_VERBS.iter().filter(|(_, v)| v.after_subject).map(|(w, _)| *w)),
    &[
        finds("har  behandlat\närendet den", "har  behandlat\närendet"),
        finds("beslutade den", "beslutade"),
        rejects("bordlade"),
    ],
);

/// A verb of [`EARLIER_VERBS`] before its subject ("beslutade styrelsen").
pub static INVERTED_VERB: Rule = Rule::built(
    "inverted_verb",
    || phrases(EARLIER_VERBS.iter().filter(|(_, v)| v.before_subject).map(|(w, _)| *w)),
    &[finds("bordlade nämnden", "bordlade"), rejects("har beslutat")],
);

/// The short names a sentence uses for a body it has named in full
/// ("… beslutade styrelsen …" after "Göteborg Energi AB:s styrelse"), and
/// the word the full name contains.
pub static SHORT_BODIES: Words<&str> = &[
    ("styrelsen", "styrelse"),
    ("nämnden", "nämnd"),
    ("fullmäktige", "fullmäktige"),
    ("utskottet", "utskott"),
];

/// A short name of [`SHORT_BODIES`].
pub static SHORT_BODY: Rule = Rule::built(
    "short_body",
    || phrases(SHORT_BODIES.iter().map(|(w, _)| *w)),
    &[finds("beslutade styrelsen den", "styrelsen")],
);

/// Words of a body's name that make its treatment of a matter a proposal
/// (an arbetsutskott prepares, it does not decide).
pub static PROPOSING_BODY_WORDS: &[&str] = &["utskott"];

/// The word of a nämnd's name: a nämnd that treated a matter others decide
/// proposed, unless it only gave its statement ([`STATEMENT`]).
pub static NÄMND_WORD: &str = "nämnd";

/// The word of an assembly's name (kommunfullmäktige, regionfullmäktige):
/// in an assembly's minutes, another body's treatment of the matter is its
/// proposal to the assembly (the board prepares what the assembly decides).
pub static ASSEMBLY_WORD: &str = "fullmäktige";

/// What follows a body's genitive when it only gave its statement:
/// "Byggnadsnämndens yttrande".
pub static STATEMENT: &str = "s yttrande";

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &DECISION_VERB,
    &EARLIER_VERB,
    &INVERTED_VERB,
    &DATED_FIRST_VERB,
    &PASSIVE_VERB,
    &SHORT_BODY,
];
