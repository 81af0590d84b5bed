//! Motions (yrkanden) and members' proposals, with their result.
//!
//! A yrkande is a member's motion in the meeting: "X (C) och Y (S) yrkar
//! bifall till …", "X yrkade, med instämmande av A (S) och B (V), att …",
//! "Ledamöternas förslag till beslut: X (L) föreslår i tillägg …", or the
//! decision's own "På förslag av X (S): …". The first person is the mover,
//! the others supporters. "i första hand … i andra hand …" is two motions.
//!
//! The result comes from what the minutes say happened to the thing a
//! motion supports — the mover's own yrkande, "kommunstyrelsens förslag",
//! "yrkande från V, S och MP", "Elin Anderssons (L) tilläggsförslag", a
//! referral or tabling — in the Propositionsordning / Beslutsgång ("frågar
//! om X kan antas och finner att så sker", "ställer propositioner på
//! yrkandena och finner att yrkandet från Y bifallits", "beslutade i enlighet
//! med Mats Gerdaus yrkande"), in the votes (the majority side wins), and in
//! the decision itself ("Enligt yrkande från S, V och MP:"). Later
//! statements override earlier ones; the decision has the last word.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use super::Doc;
use super::persons::{genitive_candidates, parse_subject, party_list};
use super::place::Found;
use crate::grammar::fragments::LIST_CONJUNCTIONS;
use crate::grammar::motions::{
    ACCORDING_TO, AGAINST, AGREED_ON_PROPOSAL, ALL_MOTIONS, AMENDMENT, APPROVAL, APPROVAL_OPENINGS, APPROVE_OR_REJECT,
    ASK_FIND, ASSENT, BODY_REF, CHAIR_TITLE, CHAIRS_MOTION, CHANGE_WORDS, CLASS_ATT_REJECT, DECIDED_TODAY, EACH_OTHER,
    EACH_SIDE, ENACT_PROPOSAL, FIRST_HAND, GENERIC_AMENDMENT, GROUP_REF, IN_ACCORDANCE, LATER_HANDS, MOTION_DECIDED,
    MOTION_VERBS, MotionVerb, OFFICIALS_PROPOSAL, ON_PROPOSAL_OF, PERSON_REF, PROPOSITIONS, REFER, REJECTED_WORDS,
    REJECTION, REJECTION_OPENINGS, REJECTION_STEM, SURNAME_REF, TABLE, THE_MOTION, THE_MOTION_REJECTED, TWO_SIDES,
    VERB, WITH_CHANGE,
};
use crate::grammar::verbs::lookup;
use crate::model::{Motion, MotionClass, MotionResult, Person, Span, Vote};
use crate::segment::{Section, SectionKind};
use crate::swedish::body_base_form;

/// Something a motion supports or a statement decides on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A member's own yrkande, by name (lower case, as written).
    Person(String),
    /// A body's or officer's proposal: "kommunstyrelsens förslag" → "kommunstyrelsen".
    Body(String),
    /// A written yrkande of party groups: parties (sorted), and whether it is a tilläggsyrkande.
    Group(Vec<String>, bool),
    /// Referral or tabling of the matter.
    Class(MotionClass),
    /// "tilläggsförslaget": the amendment(s) of the paragraph.
    Amendment,
    /// "motionen": the written motion the § treats.
    TheMotion,
    /// The officials' proposal ("förvaltningens förslag", "tjänsteutlåtandet").
    Officials,
    /// The chair's own motion ("det egna yrkandet").
    Chair,
    /// A member by surname only ("förslaget från Johansson och Ferm"), lower case.
    Surname(String),
}

/// What a piece of text refers to.
pub fn targets(s: &str) -> Vec<Target> {
    let mut out = Vec::new();
    let mut push = |t: Target| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    for c in GROUP_REF.captures_iter(s) {
        let parties = party_list(&c["parties"]);
        if parties.is_empty() {
            continue;
        }
        let mut parties = parties;
        parties.sort();
        let amend = c["kind"].to_lowercase().starts_with(AMENDMENT);
        push(Target::Group(parties, amend));
    }
    // where a full name follows "yrkandet från" (no surname list there)
    let mut full_names: Vec<Range<usize>> = Vec::new();
    for c in PERSON_REF.captures_iter(s) {
        if let Some(n2) = c.name("name2") {
            full_names.push(n2.range());
        }
        if let Some(n) = c.name("name").or(c.name("name2")) {
            let name = n
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            push(Target::Person(name));
        }
    }
    let officials = OFFICIALS_PROPOSAL.is_match(s);
    if officials {
        push(Target::Officials);
    }
    for c in SURNAME_REF.captures_iter(s) {
        let names = c.name("names").expect("names");
        if full_names.iter().any(|r| r.contains(&names.start())) {
            continue; // "yrkandet från Anna Berg": a full name
        }
        for word in names.as_str().split(|ch: char| !ch.is_alphabetic() && ch != '-') {
            let is_name = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).all(char::is_lowercase)
                && !LIST_CONJUNCTIONS.contains(&word)
                && party_list(word).is_empty();
            if is_name {
                push(Target::Surname(word.to_lowercase()));
            }
        }
    }
    for c in BODY_REF.captures_iter(s) {
        let body = c.get(0).map_or("", |m| m.as_str());
        // "förvaltningens förslag" is the officials' proposal, not a body's
        if officials && OFFICIALS_PROPOSAL.is_match(body) {
            continue;
        }
        push(Target::Body(body_base_form(&c["body"]).to_lowercase()));
    }
    // the motion, unless named to be rejected ("avslag på motionen"): that
    // text does not say the motion wins
    if CHAIRS_MOTION.is_match(s) {
        push(Target::Chair);
    }
    if THE_MOTION.is_match(s) && !THE_MOTION_REJECTED.is_match(s) {
        push(Target::TheMotion);
    }
    if REFER.is_match(s) {
        push(Target::Class(MotionClass::ReferBack));
    }
    if TABLE.is_match(s) {
        push(Target::Class(MotionClass::Table));
    }
    if GENERIC_AMENDMENT.is_match(s)
        && !out
            .iter()
            .any(|t| matches!(t, Target::Person(_) | Target::Group(_, true)))
    {
        out.push(Target::Amendment);
    }
    out
}

/// A motion and what it supports, before results are known.
struct Draft {
    motion: Motion,
    /// Where the motion stands in the normalized text.
    range: Range<usize>,
    supports: Vec<Target>,
    opposes: Vec<Target>,
    pos: usize,
}

/// The motions of a document before their results are known, in document
/// order, each with what it supports and opposes: what [`extract`] finds,
/// and [`results`] completes.
pub struct Drafts(Vec<Draft>);

impl Drafts {
    /// How many motions were found.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Every motion in the document, in document order, without results.
pub fn extract(doc: &Doc<'_>) -> Drafts {
    let text = doc.text();
    let mut drafts: Vec<Draft> = Vec::new();
    for s in doc.seg.sections_of(SectionKind::Motions) {
        motions_in(doc, s.body.clone(), &mut drafts);
    }
    // "På förslag av X (S): Ärendet bordläggs …" in a decision
    for s in doc.seg.sections_of(SectionKind::Decision) {
        let body = &text[s.body.clone()];
        for c in ON_PROPOSAL_OF.captures_iter(body) {
            let who = parse_subject(&c["who"]);
            let Some(mover) = who.first().cloned() else { continue };
            let after = s.body.start + c.get(0).map_or(0, |m| m.end());
            // the proposal may start after a blank line ("På förslag av X (S):\n\nY upphävs.")
            let content_start = after + (text[after..s.body.end].len() - text[after..s.body.end].trim_start().len());
            let content_end = text[content_start..s.body.end]
                .find("\n\n")
                .map_or(s.body.end, |p| content_start + p);
            let mut d = draft(doc, content_start..content_end, mover, who[1..].to_vec(), content_start);
            d.supports.extend(targets(&text[content_start..content_end]));
            drafts.push(d);
        }
    }
    agreed_proposals(doc, &mut drafts);
    drafts.sort_by_key(|d| d.pos);
    Drafts(drafts)
}

/// "Efter förslag från X (V) enas kommunstyrelsen om …" in the course of
/// the decision or the decision itself: X's motion, an amendment the
/// meeting agreed on, so adopted as it stands (no later statement about X's
/// other motions changes it).
fn agreed_proposals(doc: &Doc<'_>, drafts: &mut Vec<Draft>) {
    let text = doc.text();
    let sections = doc.seg.sections.iter().filter(|s| {
        matches!(
            s.kind,
            SectionKind::DecisionProcess | SectionKind::PropositionOrder | SectionKind::Decision | SectionKind::Motions
        )
    });
    for s in sections {
        for c in AGREED_ON_PROPOSAL.captures_iter(&text[s.body.clone()]) {
            let who = parse_subject(&c["who"]);
            let (Some(mover), Some(what)) = (who.first().cloned(), c.name("what")) else {
                continue;
            };
            let range = s.body.start + what.start()..s.body.start + what.end();
            let pos = s.body.start + c.get(0).map_or(0, |m| m.start());
            let mut d = draft(doc, range, mover, who[1..].to_vec(), pos);
            d.motion.classification = MotionClass::Amend;
            d.motion.result = Some(MotionResult::Adopted);
            d.supports.clear();
            drafts.push(d);
        }
    }
}

/// The motions with their results: the link of the motions to what the
/// minutes say of them — the Beslutsgång and Propositionsordning, the
/// decision's own statements, and the votes (the side with the majority
/// wins), found by the vote extractor in normalized coordinates.
pub fn results(doc: &Doc<'_>, drafts: Drafts, votes: &[Found<Vote>]) -> Vec<Found<Motion>> {
    let mut drafts = drafts.0;
    resolve_results(doc, votes, &mut drafts);
    let decided = decided_paragraphs(doc, &drafts);
    adopt_lone_approvals(&decided, &mut drafts);
    adopt_consensus(&decided, &mut drafts);
    drafts.into_iter().map(|d| Found::new(d.range, d.motion)).collect()
}

/// The drafts of each § that has a decision saying something, by § index
/// (the motions the decision may have enacted without saying so).
fn decided_paragraphs(doc: &Doc<'_>, drafts: &[Draft]) -> BTreeMap<usize, Vec<usize>> {
    let decided: BTreeSet<usize> = doc
        .seg
        .sections_of(SectionKind::Decision)
        .filter(|s| !doc.text()[s.body.clone()].trim().is_empty())
        .filter_map(|s| s.paragraph)
        .collect();
    let mut per_paragraph: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if let Some(p) = doc.seg.paragraph_index_at(d.pos).filter(|p| decided.contains(p)) {
            per_paragraph.entry(p).or_default().push(i);
        }
    }
    per_paragraph
}

/// A § whose only yrkande approves a proposal, and which has a decision,
/// decided as it asked: no other motion was put against it, so the
/// decision enacts it (its result is otherwise unsaid).
fn adopt_lone_approvals(decided: &BTreeMap<usize, Vec<usize>>, drafts: &mut [Draft]) {
    for idx in decided.values() {
        if let [i] = idx[..] {
            let d = &mut drafts[i];
            if d.motion.result.is_none() && d.motion.classification == MotionClass::Approve {
                d.motion.result = Some(MotionResult::Adopted);
            }
        }
    }
}

/// A § whose yrkanden all build on one proposal — each approves it or
/// another of them ("A yrkar bifall till kommunstyrelsens förslag", "B
/// yrkar bifall till A:s yrkande med förändringen att …", "A yrkar bifall
/// till B:s yrkande") — with none against anything, no result said and a
/// decision: nothing was put against anything, so the decision enacts them
/// all.
fn adopt_consensus(decided: &BTreeMap<usize, Vec<usize>>, drafts: &mut [Draft]) {
    for idx in decided.values() {
        if idx.len() < 2 {
            continue;
        }
        let movers: Vec<Target> = idx.iter().map(|&i| mover_target(&drafts[i].motion.mover)).collect();
        let mut proposals: Vec<&Target> = Vec::new();
        let agree = idx.iter().all(|&i| {
            let d = &drafts[i];
            let own = mover_target(&d.motion.mover);
            let others: Vec<&Target> = d
                .supports
                .iter()
                .filter(|t| **t != own && **t != Target::Amendment)
                .collect();
            d.motion.result.is_none()
                && matches!(d.motion.classification, MotionClass::Approve | MotionClass::Amend)
                && d.opposes.is_empty()
                && !others.is_empty()
                && others.iter().all(|t| {
                    if movers.iter().any(|m| matches_target(t, m)) {
                        return true;
                    }
                    if matches!(t, Target::Body(_) | Target::Officials) {
                        proposals.push(t);
                        return true;
                    }
                    false
                })
        });
        // one proposal they all build on
        let one = proposals
            .first()
            .is_some_and(|first| proposals.iter().all(|t| t == first));
        if agree && one {
            for &i in idx {
                drafts[i].motion.result = Some(MotionResult::Adopted);
            }
        }
    }
}

/// Where a motion starts in a section body: the sentence's subject (the
/// mover and the other persons) and the motion verb after it.
struct Start {
    subject: usize,
    verb: Range<usize>,
    persons: Vec<Person>,
}

/// Motions in one section.
fn motions_in(doc: &Doc<'_>, region: Range<usize>, drafts: &mut Vec<Draft>) {
    let body = &doc.text()[region.clone()];
    let starts = motion_starts(body);
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(body.len(), |n| n.subject).max(start.verb.end);
        let mut content_start = start.verb.end;
        let mut supporters: Vec<Person> = start.persons[1..].to_vec();
        if let Some(c) = ASSENT.captures(&body[content_start..end]) {
            supporters.extend(parse_subject(&c["list"]));
            content_start += c.name("list").map_or(0, |m| m.end()) + 1;
        }
        if lookup(MOTION_VERBS, &body[start.verb.clone()]) == Some(&MotionVerb::Joins)
            && joins_earlier(&body[content_start..end], &start.persons, drafts)
        {
            continue;
        }
        for part in hand_parts(body, content_start..end) {
            let r = trim_range(body, part);
            if r.is_empty() {
                continue;
            }
            let abs = region.start + r.start..region.start + r.end;
            let mover = start.persons[0].clone();
            let mut d = yrkande(doc, abs, mover, supporters.clone(), region.start + start.subject);
            if CHAIR_TITLE.is_match(&body[start.subject..start.verb.start]) {
                d.supports.push(Target::Chair);
            }
            drafts.push(d);
        }
    }
}

/// The motion starts of a section body: a verb whose sentence begins with persons.
fn motion_starts(body: &str) -> Vec<Start> {
    let mut starts: Vec<Start> = Vec::new();
    for m in VERB.find_iter(body) {
        let window = super::floor_char_boundary(body, m.start().saturating_sub(800));
        let mut subject_start = window + super::last_sentence_boundary(&body[window..m.start()]);
        // another motion verb earlier in the same sentence: this one starts
        // a new motion only on a new line that opens with a name or a title
        if let Some(prev) = starts.last()
            && prev.verb.end > subject_start
        {
            let after_prev = &body[prev.verb.end..m.start()];
            match after_prev.rfind('\n') {
                Some(nl) if body[prev.verb.end + nl + 1..].starts_with(|c: char| c.is_uppercase()) => {
                    subject_start = prev.verb.end + nl + 1;
                }
                _ => continue, // "… yrkar avslag … och yrkar att …": the same motion
            }
        }
        let subject = &body[subject_start..m.start()];
        let persons = parse_subject(subject);
        if persons.is_empty() || subject.chars().count() > 400 {
            continue;
        }
        starts.push(Start {
            subject: subject_start,
            verb: m.start()..m.end(),
            persons,
        });
    }
    starts
}

/// "X (M) instämmer i Y:s yrkande": the persons join Y's earlier motion as
/// supporters, if there is one.
fn joins_earlier(content: &str, persons: &[Person], drafts: &mut [Draft]) -> bool {
    let t = targets(content);
    let Some(d) = drafts
        .iter_mut()
        .rev()
        .find(|d| t.iter().any(|t| matches_person(t, &d.motion.mover)))
    else {
        return false;
    };
    d.motion.supporters.extend(persons.iter().cloned());
    true
}

/// "i första hand … i andra hand …" are separate motions: the parts of `content`.
fn hand_parts(body: &str, content: Range<usize>) -> Vec<Range<usize>> {
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut from = content.start;
    for marker in LATER_HANDS {
        if let Some(p) = body[from..content.end].find(marker) {
            parts.push(from..from + p);
            from += p;
        }
    }
    parts.push(from..content.end);
    parts
}

/// The target a mover's own motion stands for: their name, lower case.
fn mover_target(mover: &Person) -> Target {
    Target::Person(mover.name.clone().unwrap_or_default().to_lowercase())
}

/// A draft of the motion in normalized `range`, at `pos`, supporting the
/// mover's own motion (what else it supports or opposes is for the caller).
fn draft(doc: &Doc<'_>, range: Range<usize>, mover: Person, supporters: Vec<Person>, pos: usize) -> Draft {
    let supports = vec![mover_target(&mover)];
    Draft {
        motion: Motion {
            paragraph: None,
            mover,
            supporters,
            classification: classify(&doc.text()[range.clone()]),
            text: String::new(),
            result: None,
            span: Span::default(),
        },
        range,
        supports,
        opposes: Vec::new(),
        pos,
    }
}

/// A yrkande in normalized `range`: it supports what it names before
/// "avslag" ([`REJECTION`]; and the amendments, if it is one) and opposes
/// what it names after.
fn yrkande(doc: &Doc<'_>, range: Range<usize>, mover: Person, supporters: Vec<Person>, pos: usize) -> Draft {
    let mut d = draft(doc, range.clone(), mover, supporters, pos);
    let ctext = &doc.text()[range];
    let lower = ctext.to_lowercase();
    let (pro, contra) = match lower.find(REJECTION) {
        Some(p) if !lower.starts_with(REJECTION) => (&ctext[..p], &ctext[p..]),
        Some(_) => ("", ctext),
        None => (ctext, ""),
    };
    if d.motion.classification == MotionClass::Amend {
        d.supports.push(Target::Amendment);
    }
    d.supports.extend(targets(pro));
    d.opposes
        .extend(targets(contra).into_iter().filter(|t| !matches!(t, Target::Class(_))));
    if THE_MOTION_REJECTED.is_match(ctext) {
        d.supports.retain(|t| *t != Target::TheMotion);
        d.opposes.push(Target::TheMotion);
    }
    d
}

fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let lead = t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
    let trail = t.len() - t.trim_end().len();
    (r.start + lead)..(r.end - trail).max(r.start + lead)
}

/// Classification of a motion from its text.
pub fn classify(text: &str) -> MotionClass {
    let lower = text.trim_start().to_lowercase();
    let first_clause: &str = lower.split(['.', ';']).next().unwrap_or("");
    let head: String = first_clause.chars().take(120).collect();
    let bifall_first = APPROVAL_OPENINGS.iter().any(|w| lower.starts_with(w)) || ENACT_PROPOSAL.is_match(&lower);
    if head.contains(FIRST_HAND) || !bifall_first {
        if REFER.is_match(&head) {
            return MotionClass::ReferBack;
        }
        if TABLE.is_match(&head) {
            return MotionClass::Table;
        }
    }
    if bifall_first {
        return if WITH_CHANGE.is_match(&head) {
            MotionClass::Amend
        } else {
            MotionClass::Approve
        };
    }
    if REJECTION_OPENINGS.iter().any(|w| lower.starts_with(w)) {
        return MotionClass::Reject;
    }
    if head.contains(AMENDMENT) {
        return MotionClass::Amend;
    }
    if CLASS_ATT_REJECT.is_match(&head) {
        return MotionClass::Reject;
    }
    if CHANGE_WORDS.iter().any(|w| head.contains(w)) {
        return MotionClass::Amend;
    }
    if head.contains(REJECTION) {
        return MotionClass::Reject;
    }
    if head.contains(APPROVAL) {
        return MotionClass::Approve;
    }
    MotionClass::Other
}

/// Two names that may differ by a genitive s ("Mats Gerdaus" / "Mats Gerdau").
fn same_person(a: &str, b: &str) -> bool {
    let (ca, cb) = (genitive_candidates(a), genitive_candidates(b));
    ca.iter().any(|x| cb.contains(x))
}

fn matches_person(t: &Target, p: &Person) -> bool {
    match (t, &p.name) {
        (Target::Person(n), Some(name)) => same_person(n, &name.to_lowercase()),
        _ => false,
    }
}

fn matches_target(fact: &Target, t: &Target) -> bool {
    match (fact, t) {
        (Target::Person(a), Target::Person(b)) => same_person(a, b),
        (Target::Surname(s), Target::Person(full)) => full
            .rsplit(' ')
            .next()
            .is_some_and(|last| genitive_candidates(last).iter().any(|c| c == s)),
        _ => fact == t,
    }
}

/// A statement about the outcome of something.
struct Fact {
    target: Target,
    adopted: bool,
}

fn outcome_of(res: &str) -> bool {
    !REJECTED_WORDS.is_match(res)
}

/// Facts of a § (or the whole document) in the order they apply.
fn facts(doc: &Doc<'_>, scope: &Scope<'_>, drafts: &[&Draft]) -> Vec<(usize, Fact)> {
    let text = doc.text();
    let mut found = Positioned::default();
    // the motions a statement that puts "every motion" can mean: those
    // since the previous such section (a case bundle's scope holds the
    // motions of several embedded minutes)
    let mut since = 0;
    for s in scope.sections.iter().copied() {
        if !matches!(
            s.kind,
            // (a text whose paragraphs were run together has the chair's
            // "Propositionsordning Ordföranden ställer …" inside the
            // yrkanden's section)
            SectionKind::PropositionOrder | SectionKind::DecisionProcess | SectionKind::Vote | SectionKind::Motions
        ) {
            continue;
        }
        let local: Vec<&Draft> = drafts
            .iter()
            .copied()
            .filter(|d| (since..s.body.end).contains(&d.pos))
            .collect();
        if s.kind != SectionKind::Motions {
            since = s.body.end;
        }
        let (body, at) = (&text[s.body.clone()], s.body.start);
        found.ask_find(body, at);
        found.propositions(body, at, &local);
        found.against(body, at, &local);
        found.in_accordance(body, at);
    }
    // votes: the majority side wins
    for &(pos, v) in &scope.votes {
        found.vote(pos, v);
    }
    found.0.sort_by_key(|(p, _)| *p);
    // the decision itself has the last word, wherever it stands
    let mut decided = Vec::new();
    for s in scope.sections.iter().filter(|s| s.kind == SectionKind::Decision) {
        decision_facts(&text[s.body.clone()], &mut decided);
    }
    found.0.extend(decided.into_iter().map(|f| (DECISION_FACT, f)));
    found.0
}

/// Where [`facts`] puts the decision's own statements: after every other.
const DECISION_FACT: usize = usize::MAX;

/// Where the statements about the motion at `pos` end: at the next
/// section of motions after its own (in a case bundle, the next embedded
/// minutes' yrkanden), else at the end of the text.
fn statements_end(doc: &Doc<'_>, pos: usize) -> usize {
    let own_end = doc
        .seg
        .sections
        .iter()
        .find(|s| s.body.contains(&pos))
        .map_or(pos, |s| s.body.end);
    doc.seg
        .sections_of(SectionKind::Motions)
        .map(|s| s.heading.start)
        .find(|&start| start >= own_end)
        .unwrap_or(usize::MAX)
}

/// What the chair found: the targets `res` names, adopted unless it says
/// they were rejected ([`REJECTED_WORDS`]); or, when it names none but
/// rejects the motion ("finner att kommunstyrelsen
/// beslutat avstyrka motionen"), the motion, rejected.
fn found_targets(res: &str) -> (Vec<Target>, bool) {
    let named = targets(res);
    if named.is_empty() && THE_MOTION_REJECTED.is_match(res) {
        (vec![Target::TheMotion], false)
    } else if DECIDED_TODAY.is_match(res) {
        // decided today: referral and tabling were not
        (
            vec![Target::Class(MotionClass::ReferBack), Target::Class(MotionClass::Table)],
            false,
        )
    } else {
        (named, outcome_of(res))
    }
}

/// The normalized position of a match in a section body starting at `at`.
fn match_pos(at: usize, c: &regex::Captures<'_>) -> usize {
    at + c.get(0).map_or(0, |m| m.start())
}

/// Facts of the Propositionsordning, Beslutsgång and Omröstning sections and
/// of the votes, each at the normalized position of its statement.
#[derive(Default)]
struct Positioned(Vec<(usize, Fact)>);

impl Positioned {
    /// That each of `targets` was adopted (or not), by a statement at `pos`.
    fn add(&mut self, pos: usize, targets: impl IntoIterator<Item = Target>, adopted: bool) {
        self.0
            .extend(targets.into_iter().map(|target| (pos, Fact { target, adopted })));
    }

    /// "frågar om X kan antas och finner att så sker".
    fn ask_find(&mut self, body: &str, at: usize) {
        for c in ASK_FIND.captures_iter(body) {
            let asked = c.name("y").or(c.name("x")).map_or("", |m| m.as_str());
            self.add(match_pos(at, &c), targets(asked), outcome_of(&c["res"]));
        }
    }

    /// "ställer propositioner på yrkandena och finner att yrkandet från Y
    /// bifallits": the winners are adopted, their competitors rejected.
    fn propositions(&mut self, body: &str, at: usize, drafts: &[&Draft]) {
        for c in PROPOSITIONS.captures_iter(body) {
            let pos = match_pos(at, &c);
            let a = &c["a"];
            let res = &c["res"];
            let a_lower = a.to_lowercase();
            if APPROVE_OR_REJECT.is_match(&a_lower) {
                self.add(pos, targets(a), outcome_of(res));
                continue;
            }
            let (winners, adopted) = found_targets(res);
            if winners.is_empty() {
                continue;
            }
            self.add(pos, winners.iter().cloned(), adopted);
            if !adopted {
                // "… finner att kommunstyrelsen beslutat avstyrka motionen"
                if a_lower.trim() == ALL_MOTIONS || a_lower.starts_with(ALL_MOTIONS) {
                    self.losing_drafts(pos, &winners, false, drafts);
                }
                continue;
            }
            // the competitors lose
            let sides: Vec<&str> = if a_lower.contains(EACH_SIDE) {
                a.split(EACH_SIDE).skip(1).collect()
            } else {
                a.splitn(2, TWO_SIDES).collect()
            };
            for side in sides {
                let ts = targets(side);
                if !ts.is_empty() && !ts.iter().any(|t| winners.contains(t)) {
                    self.add(pos, ts, false);
                }
            }
            if a_lower.trim() == ALL_MOTIONS || a_lower.starts_with(ALL_MOTIONS) {
                self.losing_drafts(pos, &winners, true, drafts);
            }
        }
    }

    /// Propositions on "yrkandena": each draft (but amendments) that shares
    /// no target with the winners loses its first target. When `adopted` is
    /// false the winners were rejected ("avstyrka motionen"): a draft that
    /// opposes them is on the winning side.
    fn losing_drafts(&mut self, pos: usize, winners: &[Target], adopted: bool, drafts: &[&Draft]) {
        for d in drafts {
            let side = if adopted { &d.supports } else { &d.opposes };
            let shares = side.iter().any(|t| winners.iter().any(|w| matches_target(w, t)));
            if !shares && d.motion.classification != MotionClass::Amend {
                self.add(pos, d.supports.iter().take(1).cloned(), false);
            }
        }
    }

    /// "X mot Y … finner att X bifallits": one side wins, the other loses;
    /// "ställer yrkandena mot varandra och finner att …" puts every motion.
    fn against(&mut self, body: &str, at: usize, drafts: &[&Draft]) {
        for c in AGAINST.captures_iter(body) {
            if c["b"].trim().to_lowercase().starts_with(EACH_OTHER) {
                let (winners, adopted) = found_targets(&c["res"]);
                if !winners.is_empty() {
                    let pos = match_pos(at, &c);
                    self.add(pos, winners.iter().cloned(), adopted);
                    self.losing_drafts(pos, &winners, adopted, drafts);
                }
                continue;
            }
            let (a, b) = (targets(&c["a"]), targets(&c["b"]));
            // what the result names was adopted, or — "finner att
            // kommunstyrelsen avslår Anna Bergs förslag" — rejected
            let (named, adopted) = found_targets(&c["res"]);
            let a_named = a.iter().any(|t| named.contains(t));
            let b_named = b.iter().any(|t| named.contains(t));
            if a_named != b_named {
                let pos = match_pos(at, &c);
                let (x, other) = if a_named { (a, b) } else { (b, a) };
                self.add(pos, x, adopted);
                self.add(pos, other, !adopted);
            }
        }
    }

    /// "beslutade i enlighet med Mats Gerdaus yrkande".
    fn in_accordance(&mut self, body: &str, at: usize) {
        for c in IN_ACCORDANCE.captures_iter(body) {
            self.add(match_pos(at, &c), targets(&c["x"]), true);
        }
    }

    /// A vote at `pos`: the majority side wins; a side meaning "avslag" only
    /// says that the other side's targets lose (or win).
    fn vote(&mut self, pos: usize, v: &Vote) {
        let (Some(y), Some(n)) = (v.counts.yes, v.counts.no) else {
            return;
        };
        if y == n {
            return;
        }
        let yes_t = v.yes_means.as_deref().map(targets).unwrap_or_default();
        let no_t = v.no_means.as_deref().map(targets).unwrap_or_default();
        let rejects = |m: &Option<String>| {
            m.as_deref()
                .is_some_and(|m| m.trim().to_lowercase().starts_with(REJECTION))
        };
        let (yes_reject, no_reject) = (rejects(&v.yes_means), rejects(&v.no_means));
        let (win, lose, win_rejects, lose_rejects) = if y > n {
            (yes_t, no_t, yes_reject, no_reject)
        } else {
            (no_t, yes_t, no_reject, yes_reject)
        };
        if win_rejects {
            self.add(pos, lose, false);
        } else if lose_rejects {
            self.add(pos, win, true);
        } else {
            self.add(pos, win, true);
            self.add(pos, lose, false);
        }
    }
}

/// The decision's own statements: "Enligt yrkande från S, V och MP:",
/// "På förslag av X (S):" — what they name is adopted.
fn decision_facts(body: &str, out: &mut Vec<Fact>) {
    for c in ACCORDING_TO.captures_iter(body) {
        out.extend(
            targets(&c["what"])
                .into_iter()
                .map(|target| Fact { target, adopted: true }),
        );
    }
    for c in MOTION_DECIDED.captures_iter(body) {
        let verb = c.name("verb").or(c.name("verb2")).map_or("", |m| m.as_str());
        out.push(Fact {
            target: Target::TheMotion,
            adopted: !verb.to_lowercase().starts_with(REJECTION_STEM),
        });
    }
    for c in ON_PROPOSAL_OF.captures_iter(body) {
        for p in parse_subject(&c["who"]) {
            if let Some(n) = p.name {
                out.push(Fact {
                    target: Target::Person(n.to_lowercase()),
                    adopted: true,
                });
            }
        }
    }
}

/// The sections and votes of one § (or of the text outside every §), in
/// document order: what [`facts`] reads for that §'s motions.
#[derive(Default)]
struct Scope<'a> {
    sections: Vec<&'a Section>,
    /// Each vote with its normalized position.
    votes: Vec<(usize, &'a Vote)>,
}

/// The scopes of a document by § index, built in one pass over its
/// sections and votes (each § looking through all of them was quadratic).
fn scopes<'a>(doc: &'a Doc<'_>, votes: &'a [Found<Vote>]) -> HashMap<Option<usize>, Scope<'a>> {
    let mut scopes: HashMap<Option<usize>, Scope<'a>> = HashMap::new();
    for s in &doc.seg.sections {
        let para = doc.seg.paragraph_index_at(s.body.start);
        scopes.entry(para).or_default().sections.push(s);
    }
    for v in votes {
        let pos = v.range.start;
        let para = doc.seg.paragraph_index_at(pos);
        scopes.entry(para).or_default().votes.push((pos, &v.record));
    }
    scopes
}

fn resolve_results(doc: &Doc<'_>, votes: &[Found<Vote>], drafts: &mut [Draft]) {
    // the drafts of each § (those outside every § under None), each § once
    let mut by_paragraph: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        by_paragraph
            .entry(doc.seg.paragraph_index_at(d.pos))
            .or_default()
            .push(i);
    }
    let scopes = scopes(doc, votes);
    let nothing = Scope::default();
    for (para, idx) in by_paragraph {
        if doc.expired() {
            return; // the caller reports the timeout
        }
        let facts = {
            let refs: Vec<&Draft> = idx.iter().map(|&i| &drafts[i]).collect();
            facts(doc, scopes.get(&para).unwrap_or(&nothing), &refs)
        };
        for &i in &idx {
            let d = &mut drafts[i];
            let mut result = None;
            let end = statements_end(doc, d.pos);
            let about = facts
                .iter()
                .filter(|(p, _)| *p == DECISION_FACT || (*p >= d.pos && *p < end))
                .map(|(_, f)| f);
            for f in about {
                if d.supports.iter().any(|t| matches_target(&f.target, t)) {
                    result = Some(f.adopted);
                } else if d.opposes.iter().any(|t| matches_target(&f.target, t)) {
                    result = Some(!f.adopted);
                }
            }
            if d.motion.result.is_some() {
                continue; // settled where it was found (an agreed proposal)
            }
            d.motion.result = result.map(|a| {
                if a {
                    MotionResult::Adopted
                } else {
                    MotionResult::Rejected
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifications() {
        assert_eq!(classify("bifall till kommunstyrelsens förslag."), MotionClass::Approve);
        assert_eq!(classify("avslag på förslaget."), MotionClass::Reject);
        assert_eq!(
            classify("att kommunstyrelsen avslår förslaget med hänvisning till"),
            MotionClass::Reject
        );
        assert_eq!(
            classify("i första hand att ärendet ska återremitteras enligt yrkande"),
            MotionClass::ReferBack
        );
        assert_eq!(
            classify("att ärendet ska bordläggas till sammanträdet"),
            MotionClass::Table
        );
        assert_eq!(
            classify("i tillägg till kommunstyrelsens förslag, att ge"),
            MotionClass::Amend
        );
        assert_eq!(
            classify("bifall till Elin Anderssons (L) tilläggsförslag."),
            MotionClass::Approve
        );
        assert_eq!(
            classify("på att inhämta kommunalförbundets beslut."),
            MotionClass::Other
        );
    }

    #[test]
    fn target_parsing() {
        assert_eq!(
            targets("bifall till yrkande från V, S och MP den 21 november 2025"),
            vec![Target::Group(vec!["MP".into(), "S".into(), "V".into()], false)]
        );
        assert_eq!(
            targets("i enlighet med Mats Gerdaus yrkande"),
            vec![Target::Person("mats gerdaus".into())]
        );
        assert_eq!(
            targets("att yrkandet från Marie Brynolfsson bifallits"),
            vec![Target::Person("marie brynolfsson".into())]
        );
        assert_eq!(
            targets("kommunstyrelsens förslag till beslut"),
            vec![Target::Body("kommunstyrelsen".into())]
        );
        assert_eq!(
            targets("Elin Anderssons (L) tilläggsförslag"),
            vec![Target::Person("elin anderssons".into())]
        );
        assert_eq!(targets("om tilläggsförslaget kan antas"), vec![Target::Amendment]);
    }
}
