//! The vocabulary of single municipalities, kept apart from the general
//! rules of Swedish minutes: a word here is true of one town's minutes and
//! would be a false match in another's. The general rules reference these
//! lists by name, so a new town's words are added here, with examples, and
//! no general pattern changes.

use super::{Rule, finds, rejects};

/// The parts of a city a nämnd is named for, as in Göteborg's
/// "Socialnämnden Nordost", "Socialnämnden Hisingen" (its four
/// socialnämnder by direction) and the directions other cities use.
pub static CITY_PART: Rule = Rule::new(
    "city_part",
    r"(?:Centrum|Nordost|Nordväst|Sydost|Sydväst|Hisingen|Norr|Söder|Öster|Väster|Mitt|Syd|Nord)",
    &[
        finds("Socialnämnden Nordost", "Nordost"),
        finds("nämnden Hisingen", "Hisingen"),
        rejects("nämnden i staden"),
    ],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&CITY_PART];
