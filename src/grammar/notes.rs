//! Protokollsanteckningar (notes entered in the minutes) and reservationer
//! (a member's formal dissent from a decision): the verbs that start them
//! and the party group a note is made for, read by
//! [`crate::extract::notes`] and [`crate::extract::reservations`], which
//! take the persons before the verb as the authors.

use super::{Rule, finds, groups, rejects};

/// The verb of a protocol note: "antecknar", "lät anteckna", "lämnar
/// följande protokollsanteckning".
pub static NOTE_VERB: Rule = Rule::windowed(
    "note_verb",
    r"(?i)(?-u:\b)(?:antecknar|antecknade|(?:lät|låter|får|fick|vill)\s+anteckna|(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+|följande\s+)?protokollsanteckning)(?-u:\b)",
    &[
        finds("Viktor Ek (S) lät anteckna följande till protokollet:", "lät anteckna"),
        finds(
            "Anna Berg (V) lämnar följande protokollsanteckning:",
            "lämnar följande protokollsanteckning",
        ),
        finds("Representanterna från SD och M antecknar som yttrande", "antecknar"),
        rejects("Ledamöterna lämnar protokollsanteckningar som antecknades."),
    ],
);

/// The group a note is made for: "för Socialdemokraternas
/// kommunstyrelsegrupp", "på uppdrag av Vänsterpartiets fullmäktigegrupp"; `g`.
pub static ON_BEHALF: Rule = Rule::new(
    "on_behalf",
    r"(?-u:\b)(?:för|på uppdrag av)\s+(?P<g>\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?\s*[\p{L}-]*grupp(?:en)?)(?-u:\b)",
    &[
        groups(
            "Viktor Ek (S) lät anteckna följande till protokollet för Socialdemokraternas kommunstyrelsegrupp:",
            &[("g", "Socialdemokraternas kommunstyrelsegrupp")],
        ),
        groups(
            "Anna Al (V) antecknar på uppdrag av Vänsterpartiets fullmäktigegrupp:",
            &[("g", "Vänsterpartiets fullmäktigegrupp")],
        ),
        rejects("Per Ek (M) antecknar för Moderaterna att beslutet är fel."),
    ],
);

/// The verb of a reservation: "reserverar sig", "lämnar en skriftlig
/// reservation".
pub static RESERVATION_VERB: Rule = Rule::new(
    "reservation_verb",
    r"(?i)(?-u:\b)(?:reserverar|reserverade)\s+sig(?-u:\b)|(?-u:\b)(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+)?(?:skriftlig\s+)?reservation(?-u:\b)",
    &[
        finds("Per Ek (M) reserverar sig mot beslutet.", "reserverar sig"),
        finds(
            "Ledamöterna för SD lämnar en skriftlig reservation.",
            "lämnar en skriftlig reservation",
        ),
        rejects("Reservationen bifogas protokollet."),
    ],
);

/// Where a reservation's subject ends when the reservation is for
/// someone's proposal: "X (M) reserverar sig till förmån för eget yrkande".
pub static IN_FAVOUR_OF: &str = " till förmån";

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&NOTE_VERB, &ON_BEHALF, &RESERVATION_VERB];
