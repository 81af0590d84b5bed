//! The grammar of Swedish minutes as data: every phrasing the tool knows,
//! one table per rule family, each rule with its own examples.
//!
//! A [`Rule`] is a named regular expression with the texts it must find
//! (and what it must find in them) and the texts it must not match. Rules
//! reference each other by name, `(?&party)` — the subroutine syntax of
//! PCRE, which the `regex` crate itself rejects, so a reference can never be
//! mistaken for regex syntax — and a reference is replaced by the named
//! rule's pattern in a non-capturing group before the pattern is compiled.
//! This is how Microsoft Recognizers-Text builds its per-language patterns
//! from named fragments, and how Duckling pairs each rule with its examples.
//! Word lists with a value for each word (month names, count words, decision
//! verbs and their outcome) are plain typed tables ([`Words`]); a rule can
//! take its alternation from one, so the list is written once.
//!
//! Why Rust tables and not a data file (TOML/YAML read at start-up): the
//! tables are checked by the compiler (a misspelt family or field does not
//! build), cost nothing to load, sit next to the doc comment that explains
//! them, and a pattern is still compiled once, on first use, from the
//! expanded text. A data file would add a parser, a schema and a run-time
//! error path for no reader's gain: a rule here reads as its data.
//!
//! Every example of every rule runs in one generated test
//! (`grammar::tests::every_example_of_every_rule`), which names the rule and
//! the example that broke. Prefilters ([`Prefilter`], and for rules
//! anchored at a line's start or end [`FirstChars`] and [`Ends`]) and the
//! windows of windowed matchers ([`Windowed`]) are derived from the rule's
//! pattern (the words every match must contain, the characters it can begin
//! with, the texts it ends with, and how many words a match can span), not
//! written beside it; property tests hold every windowed matcher to the full
//! scan of its rule, and every prefilter to its rule's matches.
//!
//! The families: [`fragments`] (the pieces other rules are built from:
//! names, parties, bodies, dates, count words), [`headings`] (§ and
//! section headings), [`case_numbers`] (diarienummer in every format), [`furniture`] (page headers and footers),
//! [`document`] (what kind of document, its date and body), [`decisions`],
//! [`verbs`] (decision verbs and what they mean), [`motions`], [`votes`], [`notes`] (protocol notes and reservations),
//! [`recipients`], [`amounts`], [`footnotes`], [`municipalities`] (how a document names its own), and [`local`], the
//! vocabulary of single municipalities (city district names and the like),
//! kept apart from the general rules.

pub mod amounts;
pub mod case_numbers;
pub mod decisions;
pub mod document;
pub mod footnotes;
pub mod fragments;
pub mod furniture;
pub mod headings;
pub mod local;
pub mod motions;
pub mod municipalities;
pub mod notes;
pub mod recipients;
pub mod verbs;
pub mod votes;

mod derive;

use std::ops::Deref;
use std::sync::OnceLock;

use regex::Regex;

pub use derive::{Ends, FirstChars, Prefilter, Windowed};

/// What a rule must do with one example text.
#[derive(Debug, Clone, Copy)]
pub enum Example {
    /// The rule finds this match (its leftmost match is exactly `found`).
    Finds {
        /// The text the rule runs on.
        text: &'static str,
        /// What its leftmost match must be.
        found: &'static str,
    },
    /// The rule's leftmost match has these groups with these texts (a
    /// group by name, or by number: "1"; with an empty text it must not
    /// take part).
    Groups {
        /// The text the rule runs on.
        text: &'static str,
        /// Group names and the texts they must have.
        groups: &'static [(&'static str, &'static str)],
    },
    /// The rule does not match anywhere in this text.
    Rejects {
        /// The text the rule must not match.
        text: &'static str,
    },
}

/// The rule finds `found` (its leftmost match) in `text`.
pub const fn finds(text: &'static str, found: &'static str) -> Example {
    Example::Finds { text, found }
}

/// The rule's leftmost match in `text` has these groups.
pub const fn groups(text: &'static str, groups: &'static [(&'static str, &'static str)]) -> Example {
    Example::Groups { text, groups }
}

/// The rule matches nowhere in `text`.
pub const fn rejects(text: &'static str) -> Example {
    Example::Rejects { text }
}

/// Where a rule's pattern comes from.
#[derive(Clone, Copy)]
enum Source {
    /// Written out, with `(?&name)` references.
    Pattern(&'static str),
    /// Made by a function, from a word table.
    Built(fn() -> String),
}

/// One named phrasing: a pattern, compiled once on first use, and the
/// examples it is tested against. A rule dereferences to its compiled
/// [`Regex`], so `RULE.is_match(text)` reads as it would on a regex.
pub struct Rule {
    /// The name other rules reference it by, and tests report.
    pub name: &'static str,
    source: Source,
    /// Texts the rule must find or must not match.
    pub examples: &'static [Example],
    /// Whether the rule runs through a [`Windowed`] matcher (the property
    /// test holds those to the full scan).
    pub windowed: bool,
    compiled: OnceLock<Regex>,
}

impl Rule {
    /// A rule from a pattern that may reference other rules as `(?&name)`.
    pub const fn new(name: &'static str, pattern: &'static str, examples: &'static [Example]) -> Rule {
        Rule {
            name,
            source: Source::Pattern(pattern),
            examples,
            windowed: false,
            compiled: OnceLock::new(),
        }
    }

    /// A rule that runs through a [`Windowed`] matcher: every match holds a
    /// fixed word and spans a bounded number of words.
    pub const fn windowed(name: &'static str, pattern: &'static str, examples: &'static [Example]) -> Rule {
        Rule {
            name,
            source: Source::Pattern(pattern),
            examples,
            windowed: true,
            compiled: OnceLock::new(),
        }
    }

    /// A rule whose pattern a function builds (from a word table).
    pub const fn built(name: &'static str, build: fn() -> String, examples: &'static [Example]) -> Rule {
        Rule {
            name,
            source: Source::Built(build),
            examples,
            windowed: false,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written (or built), references not yet replaced.
    pub fn written(&self) -> String {
        match self.source {
            Source::Pattern(p) => p.to_string(),
            Source::Built(f) => f(),
        }
    }

    /// The pattern with every reference replaced by the rule it names.
    pub fn pattern(&self) -> String {
        expand(&self.written(), 0).unwrap_or_else(|e| panic!("grammar rule `{}`: {e}", self.name))
    }

    /// The compiled pattern.
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.pattern()).unwrap_or_else(|e| panic!("grammar rule `{}` does not compile: {e}", self.name))
        })
    }
}

impl Deref for Rule {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

/// A table of words, each with what it means (a month's number, a verb's
/// outcome), in the order they are tried.
pub type Words<T> = &'static [(&'static str, T)];

/// The words of a table as an alternation, in table order, each escaped.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let words: Vec<String> = words.into_iter().map(regex::escape).collect();
    format!("(?:{})", words.join("|"))
}

/// Every family's rules, for the tests and for references by name.
pub fn families() -> [(&'static str, &'static [&'static Rule]); 14] {
    [
        ("fragments", fragments::RULES),
        ("local", local::RULES),
        ("headings", headings::RULES),
        ("case_numbers", case_numbers::RULES),
        ("furniture", furniture::RULES),
        ("document", document::RULES),
        ("verbs", verbs::RULES),
        ("decisions", decisions::RULES),
        ("motions", motions::RULES),
        ("votes", votes::RULES),
        ("notes", notes::RULES),
        ("recipients", recipients::RULES),
        ("amounts", amounts::RULES),
        ("footnotes", footnotes::RULES),
    ]
}

/// The rule of this name.
fn find(name: &str) -> Option<&'static Rule> {
    families()
        .into_iter()
        .flat_map(|(_, rules)| rules.iter().copied())
        .find(|r| r.name == name)
}

/// `pattern` with each `(?&name)` replaced by `(?:…)` around the named
/// rule's own expanded pattern.
fn expand(pattern: &str, depth: usize) -> Result<String, String> {
    const OPEN: &str = "(?&";
    if depth > 16 {
        return Err("references nest deeper than 16 (a cycle?)".into());
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let end = after.find(')').ok_or("a reference `(?&` without its `)`")?;
        let name = &after[..end];
        let rule = find(name).ok_or_else(|| format!("no rule named `{name}`"))?;
        out.push_str("(?:");
        out.push_str(&expand(&rule.written(), depth + 1)?);
        out.push(')');
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// What is wrong with one example of a rule, if anything.
pub fn check_example(rule: &Rule, example: &Example) -> Result<(), String> {
    let re = rule.regex();
    match *example {
        Example::Finds { text, found } => match re.find(text) {
            Some(m) if m.as_str() == found => Ok(()),
            Some(m) => Err(format!("in {text:?} it finds {:?}, not {found:?}", m.as_str())),
            None => Err(format!("finds nothing in {text:?} (should find {found:?})")),
        },
        Example::Groups { text, groups } => {
            let c = re.captures(text).ok_or_else(|| format!("finds nothing in {text:?}"))?;
            for (group, want) in groups {
                let got = match group.parse::<usize>() {
                    Ok(i) => c.get(i),
                    Err(_) => c.name(group),
                }
                .map(|m| m.as_str());
                let ok = if want.is_empty() {
                    got.is_none()
                } else {
                    got == Some(*want)
                };
                if !ok {
                    return Err(format!("in {text:?} group `{group}` is {got:?}, not {want:?}"));
                }
            }
            Ok(())
        }
        Example::Rejects { text } => match re.find(text) {
            Some(m) => Err(format!("matches {:?} in {text:?}, which it must not", m.as_str())),
            None => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated test: every example of every rule of every family.
    #[test]
    fn every_example_of_every_rule() {
        let mut failures = Vec::new();
        let mut count = 0;
        for (family, rules) in families() {
            for rule in rules {
                for example in rule.examples {
                    count += 1;
                    if let Err(e) = check_example(rule, example) {
                        failures.push(format!("{family}::{}: {e}", rule.name));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {count} grammar examples fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn every_rule_compiles_has_a_unique_name_and_examples() {
        let mut names = std::collections::BTreeSet::new();
        for (family, rules) in families() {
            for rule in rules {
                assert!(names.insert(rule.name), "two rules are named `{}`", rule.name);
                let _ = rule.regex();
                assert!(
                    rule.examples.iter().any(|e| !matches!(e, Example::Rejects { .. })),
                    "{family}::{} has no example it must find",
                    rule.name
                );
            }
        }
    }

    /// A rule defined in a family's file but left out of its `RULES` list
    /// would go untested: count the definitions in each file.
    #[test]
    fn every_rule_is_listed_in_its_family() {
        let sources = [
            ("fragments", include_str!("fragments.rs")),
            ("local", include_str!("local.rs")),
            ("headings", include_str!("headings.rs")),
            ("case_numbers", include_str!("case_numbers.rs")),
            ("furniture", include_str!("furniture.rs")),
            ("document", include_str!("document.rs")),
            ("verbs", include_str!("verbs.rs")),
            ("decisions", include_str!("decisions.rs")),
            ("motions", include_str!("motions.rs")),
            ("votes", include_str!("votes.rs")),
            ("notes", include_str!("notes.rs")),
            ("recipients", include_str!("recipients.rs")),
            ("amounts", include_str!("amounts.rs")),
            ("footnotes", include_str!("footnotes.rs")),
        ];
        for ((family, rules), (name, source)) in families().into_iter().zip(sources) {
            assert_eq!(family, name);
            let defined = source.matches(": Rule = Rule::").count();
            assert_eq!(
                defined,
                rules.len(),
                "{family}: {defined} rules defined, {} listed in RULES",
                rules.len()
            );
        }
    }

    #[test]
    fn references_expand_in_a_group() {
        assert_eq!(
            expand("a(?&count)b", 0).unwrap(),
            format!("a(?:{})b", votes::COUNT.written())
        );
        assert!(expand("(?&no_such_rule)", 0).is_err());
    }
}
