//! Persons and parties as written in minutes.
//!
//! "Per Lodenius (C)", "tjänstgörande ersättaren Marie Brynolfsson (V)",
//! "Bernt\nA Runberg (S)" (a line break inside a name), "Hans Wessberg (-)"
//! (unaffiliated), "Mats Gerdau" (no party), and party groups acting as one:
//! "Representanterna från SD, M och KD", "Samtliga ledamöter från
//! Sverigedemokraterna", "Ledamöterna från M och D". Titles ("Ordföranden",
//! "Tjänstgörande ersättaren", "Kommunalrådet") are not part of a name.
//! Shared by the political-record extractors.

use std::ops::Range;

use crate::grammar::fragments::{GROUP, LIST_CONJUNCTIONS, NAME_ONLY, PARTY_TOKEN, PERSON_WITH_PARTY, TITLES};
use crate::model::Person;
use crate::swedish::party_from_name;

/// The party of a parenthesized abbreviation as output (`-` stays).
pub fn normalize_party(p: &str) -> String {
    if p == "-" { "-".to_string() } else { p.to_uppercase() }
}

/// Clean a captured name: drop titles in front, fold white space.
pub fn clean_name(raw: &str) -> Option<String> {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while let Some(first) = words.first() {
        if TITLES.contains(&first.trim_end_matches('.').to_lowercase().as_str()) {
            words.remove(0);
        } else {
            break;
        }
    }
    (words.len() >= 2).then(|| words.join(" "))
}

/// Every "Name (P)" in `text`, with its range.
pub fn persons_with_party(text: &str) -> Vec<(Person, Range<usize>)> {
    PERSON_WITH_PARTY
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let raw = c.name("name")?;
            let name = clean_name(raw.as_str())?;
            // the range starts at the kept name, not at a stripped title
            let offset = raw.as_str().find(name.split(' ').next()?).unwrap_or(0);
            Some((
                Person {
                    name: Some(name),
                    party: Some(normalize_party(&c["party"])),
                },
                raw.start() + offset..m.end(),
            ))
        })
        .collect()
}

/// Parties in a list such as "V, S och MP" or "Sverigedemokraterna".
pub fn party_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut s = s.to_string();
    for conjunction in LIST_CONJUNCTIONS {
        s = s.replace(&format!(" {conjunction} "), ", ");
    }
    for tok in s.split(',') {
        let t = tok.trim().trim_end_matches(['.', ':']);
        if t.is_empty() {
            continue;
        }
        if !PARTY_TOKEN.is_match(t) {
            return Vec::new();
        }
        if t.chars().all(|c| c.is_uppercase()) {
            out.push(t.to_string());
        } else if let Some(p) = party_from_name(t) {
            out.push(p.to_string());
        } else {
            return Vec::new();
        }
    }
    out
}

/// A party group acting as one: one person per party, without a name.
pub fn party_group(s: &str) -> Option<Vec<Person>> {
    let c = GROUP.captures(s.trim())?;
    let parties = party_list(c.name("parties")?.as_str());
    (!parties.is_empty()).then(|| {
        parties
            .into_iter()
            .map(|p| Person {
                name: None,
                party: Some(p),
            })
            .collect()
    })
}

/// The persons of a subject such as "A (S), B (V) och tjänstgörande
/// ersättaren C (M)", "Mats Gerdau" or a party group.
pub fn parse_subject(s: &str) -> Vec<Person> {
    let s = s.trim().trim_end_matches(',');
    let found = persons_with_party(s);
    if !found.is_empty() {
        let mut v: Vec<Person> = found.into_iter().map(|(p, _)| p).collect();
        v.dedup();
        return v;
    }
    if let Some(g) = party_group(s) {
        return g;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let joined = words.join(" ");
    if NAME_ONLY.is_match(&joined)
        && let Some(name) = clean_name(&joined)
    {
        return vec![Person {
            name: Some(name),
            party: None,
        }];
    }
    Vec::new()
}

/// A name in genitive as written ("Mats Gerdaus", "Elin Anderssons") to the
/// forms it may have in the nominative.
pub fn genitive_candidates(name: &str) -> Vec<String> {
    let n = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut v = vec![n.clone()];
    if let Some(stripped) = n.strip_suffix('s') {
        v.push(stripped.to_string());
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: Option<&str>, party: Option<&str>) -> Person {
        Person {
            name: name.map(str::to_string),
            party: party.map(str::to_string),
        }
    }

    #[test]
    fn subjects() {
        assert_eq!(
            parse_subject("Tjänstgörande ersättaren Marie Brynolfsson (V)"),
            vec![p(Some("Marie Brynolfsson"), Some("V"))]
        );
        assert_eq!(
            parse_subject("Fredrik Lesell (L), Jennie Rodin (MP) och Lennart\nJonsson (SD)"),
            vec![
                p(Some("Fredrik Lesell"), Some("L")),
                p(Some("Jennie Rodin"), Some("MP")),
                p(Some("Lennart Jonsson"), Some("SD"))
            ]
        );
        assert_eq!(
            parse_subject("Bernt\nA Runberg (S)"),
            vec![p(Some("Bernt A Runberg"), Some("S"))]
        );
        assert_eq!(
            parse_subject("Dan-Ove Marcelind (KD)"),
            vec![p(Some("Dan-Ove Marcelind"), Some("KD"))]
        );
        assert_eq!(
            parse_subject("Hans Wessberg (-)"),
            vec![p(Some("Hans Wessberg"), Some("-"))]
        );
        assert_eq!(
            parse_subject("Ordföranden Jonas Attenius (S)"),
            vec![p(Some("Jonas Attenius"), Some("S"))]
        );
        assert_eq!(parse_subject("Mats Gerdau"), vec![p(Some("Mats Gerdau"), None)]);
        assert_eq!(
            parse_subject("Representanterna från SD, M och KD"),
            vec![p(None, Some("SD")), p(None, Some("M")), p(None, Some("KD"))]
        );
        assert_eq!(
            parse_subject("Samtliga ledamöter från Sverigedemokraterna"),
            vec![p(None, Some("SD"))]
        );
        assert_eq!(
            parse_subject("Ledamöterna från M och D"),
            vec![p(None, Some("M")), p(None, Some("D"))]
        );
        assert!(parse_subject("Kommunstyrelsen").is_empty());
    }
}
