//! FAMILY DOC

use super::Rule;

pub static NOTE_VERB: Rule = Rule::windowed(
    "note_verb",
    r"(?i)(?-u:\b)(?:antecknar|antecknade|(?:lät|låter|får|fick|vill)\s+anteckna|(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+|följande\s+)?protokollsanteckning)(?-u:\b)",
    &[],
);

pub static ON_BEHALF: Rule = Rule::new(
    "on_behalf",
    r"(?-u:\b)(?:för|på uppdrag av)\s+(?P<g>\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?\s*[\p{L}-]*grupp(?:en)?)(?-u:\b)",
    &[],
);

pub static RESERVATION_VERB: Rule = Rule::new(
    "reservation_verb",
    r"(?i)(?-u:\b)(?:reserverar|reserverade)\s+sig(?-u:\b)|(?-u:\b)(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+)?(?:skriftlig\s+)?reservation(?-u:\b)",
    &[],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&NOTE_VERB, &ON_BEHALF, &RESERVATION_VERB];
