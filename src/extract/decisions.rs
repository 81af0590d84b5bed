//! Decisions and proposals of bodies, current and earlier.
//!
//! Current decisions come from a § 's "Beslut" section, read as blocks that
//! each open with a lead: "Kommunstyrelsen beslutar: 1. … 2. …", "X
//! föreslår kommunstyrelsen besluta …", "Kommunstyrelsens arbetsutskott
//! föreslår: / Kommunstyrelsen beslutar: …", "… beslutar för egen del att
//! …", "Enligt yrkande från S, V och MP: …", "På förslag av X (S): …", or a
//! plain sentence ("Kommunstyrelsen avslår förslaget …", "Ärendet
//! bordläggs …"). Consecutive sentences of the same body form one decision
//! with several items. Proposals also come from an administration's memo
//! ("Arbetsmarknads- och socialförvaltningens förslag till … för beslut i
//! kommunstyrelsen", "Förslag till beslut I Fastighetsnämnden:") and from
//! "Kommunstyrelsen tillstyrker … och föreslår att kommunfullmäktige
//! beslutar:".
//!
//! Earlier decisions come from "Ärendets (tidigare) behandling" ("Beslut i
//! socialnämnden den 25 april 2019 §64", "Kommunstyrelsen har behandlat
//! ärendet den 29 maj 2024, § 144.", "Bordlagt den 14 januari 2026, § 10,
//! den 18 februari 2026, § 123 …", "Återremitterat från kommunfullmäktige
//! den … § 23") and from the matter's description ("Tekniska nämnden
//! beslutade den 18 september 2023, § 101 att föreslå kommunfullmäktige att
//! anta …"). The same earlier decision mentioned twice is one record. A
//! body's "förslag till beslut" shown in the minutes ("Kommunstyrelsens
//! förslag till kommunfullmäktige: …") makes its earlier treatment a
//! proposal to that body.
//!
//! The outcome is the first of: anta/godkänna/bifalla/fastställa/bevilja/
//! förlänga/tillstyrka (approve), avslå (reject), bordlägga (table),
//! återremittera (refer back), lägga till handlingarna/notera (note).

use std::ops::Range;
use std::sync::LazyLock;

use super::Doc;
use super::place::Found;
use crate::classify::Classification;
use crate::grammar::decisions::{
    ADMIN_LEAD, BODY_ANY_CASE as BODY, DATE_REF, INLINE_ITEM, INVERTED, ITEM_NUMBER, LEAD_ACCORDING, LEAD_DECIDES,
    LEAD_PROPOSES, PROPOSAL_TO_LINE, PROPOSED_TO_IN_REST, PROPOSER_LEAD, PROPOSES_IN_REST, RECOMMENDS, REFERRED_FROM,
    SENTENCE_LEAD, SUBHEAD, TABLED_LIST, TREATED, TREATED_BY, TREATED_DATE_FIRST,
};
use crate::grammar::verbs::{
    ASSEMBLY_WORD, DATED_FIRST_VERBS, DECISION_VERBS, EARLIER_VERBS, EarlierVerb, FOR_OWN_PART, LEAD_OUTCOMES,
    NÄMND_WORD, OUTCOME_WORDS, PASSIVE_VERBS, PROPOSING_BODY_WORDS, SHORT_BODIES, STATEMENT, lookup,
};
use crate::grammar::{Prefilter, Rule, Windowed, Words};
use crate::model::{Decision, DecisionType, DocumentKind, Outcome, Span};
use crate::segment::SectionKind;
use crate::swedish::{body_base_form, is_body_name, parse_date};

static OUTCOME: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(OUTCOME_WORDS.iter().map(|(w, _)| *w)).expect("outcome words"));

/// The first outcome word in `text`: anta/godkänna/bifalla/fastställa/
/// bevilja/förlänga/tillstyrka (approve), avslå/avstyrka (reject), bordlägga
/// (table), återremittera (refer back), lägga till handlingarna/notera (note).
pub fn outcome_of(text: &str) -> Option<Outcome> {
    let lower = text.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric();
    OUTCOME.find_overlapping_iter(&lower).find_map(|m| {
        let (_, (outcome, whole)) = OUTCOME_WORDS[m.pattern().as_usize()];
        let starts_word = !lower[..m.start()].chars().next_back().is_some_and(is_word);
        let ends_word = !lower[m.end()..].chars().next().is_some_and(is_word);
        (starts_word && (ends_word || !whole)).then_some(outcome)
    })
}

/// Every decision and proposal in the document, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Decision>> {
    let document = doc.class;
    let mut out = Vec::new();
    for s in doc.seg.sections_of(SectionKind::Decision) {
        let body = context_body(doc, s.heading.start, document);
        out.extend(blocks(doc, s.body.clone(), body));
    }
    out.extend(memo_proposals(doc, document));
    let mut earlier = earlier_decisions(doc, document);
    if matches!(document.kind, DocumentKind::Protocol | DocumentKind::ProtocolExtract) {
        annotate_from_proposals(doc, &mut earlier);
    }
    out.extend(earlier);
    out.sort_by_key(|d| (d.record.earlier, d.range.start));
    out
}

/// The body acting at `pos`: in a case file, the body named just above the
/// § or document part; otherwise the document's body.
fn context_body(doc: &Doc<'_>, pos: usize, document: &Classification) -> Option<String> {
    if document.kind == DocumentKind::CaseFile {
        let anchor = doc
            .seg
            .paragraph_index_at(pos)
            .map(|i| doc.seg.paragraphs[i].heading.start)
            .or_else(|| doc.seg.boundaries.iter().copied().rfind(|&b| b <= pos));
        if let Some(a) = anchor
            && let Some(b) = body_line_before(doc, a)
        {
            return Some(b);
        }
    }
    document.body.clone()
}

/// A body's name alone on one of the few lines before `pos`.
fn body_line_before(doc: &Doc<'_>, pos: usize) -> Option<String> {
    let text = doc.text();
    let i = doc.seg.lines.partition_point(|l| l.start < pos);
    doc.seg.lines[..i]
        .iter()
        .rev()
        .map(|l| text[l.clone()].trim())
        .filter(|l| !l.is_empty())
        .take(4)
        .find(|l| is_body_name(l))
        .map(body_base_form)
}

struct Block {
    body: Option<String>,
    kind: DecisionType,
    proposed_to: Option<String>,
    for_own_part: bool,
    lead_outcome: Option<Outcome>,
    range: Range<usize>,
    items: Vec<Range<usize>>,
}

impl Block {
    fn new(body: Option<String>, kind: DecisionType, start: usize) -> Self {
        Block {
            body,
            kind,
            proposed_to: None,
            for_own_part: false,
            lead_outcome: None,
            range: start..start,
            items: Vec::new(),
        }
    }
}

/// Decision blocks of one section body.
fn blocks(doc: &Doc<'_>, region: Range<usize>, default_body: Option<String>) -> Vec<Found<Decision>> {
    let text = doc.text();
    let mut reader = BlockReader::new(default_body);
    let mut pos = region.start;
    for raw in text[region.clone()].split_inclusive('\n') {
        let line_range = pos..pos + raw.trim_end().len();
        pos += raw.len();
        let line = text[line_range.clone()].trim();
        if line.is_empty() {
            reader.prev_ended = true;
            reader.after_blank = true;
            continue;
        }
        let lead = line_range.start + (text[line_range.clone()].len() - text[line_range.clone()].trim_start().len());
        reader.line(text, line, lead..line_range.end);
    }
    reader
        .blocks
        .into_iter()
        .filter(|b| !b.items.is_empty() || b.lead_outcome.is_some())
        .map(|b| to_decision(doc, b, false))
        .collect()
}

/// [`ADMIN_LEAD`] run in windows around its words (the rule at every line
/// start of a long case file was the cost of memo leads).
static ADMIN_LEAD_MATCHES: LazyLock<Windowed> = LazyLock::new(|| Windowed::of(&ADMIN_LEAD));

/// [`RECOMMENDS`]'s prefilter and anchor.
static RECOMMENDS_WORDS: LazyLock<(Prefilter, String)> = LazyLock::new(|| {
    let anchor = Prefilter::anchor(&RECOMMENDS).expect("a recommendation lead has fixed text");
    (Prefilter::of(&RECOMMENDS), anchor)
});

/// [`LEAD_PROPOSES`]'s prefilter: a line without its words is not a lead.
static LEAD_PROPOSES_WORDS: LazyLock<Prefilter> = LazyLock::new(|| Prefilter::of(&LEAD_PROPOSES));

/// The blocks of a section read line by line: lead lines open a block
/// ("Kommunstyrelsen föreslår kommunfullmäktige besluta:", "X beslutar:",
/// "Enligt …:"), a sentence that opens with a body and a decision verb
/// opens or continues that body's block, other lines are items or go on
/// the item before.
struct BlockReader {
    default_body: Option<String>,
    blocks: Vec<Block>,
    /// Whether the line before ended a sentence (or a lead).
    prev_ended: bool,
    /// Whether a blank line came before this one.
    after_blank: bool,
    /// Whether the last item is a numbered point ("1.", "a)", "–").
    in_numbered: bool,
}

impl BlockReader {
    fn new(default_body: Option<String>) -> Self {
        BlockReader {
            default_body,
            blocks: Vec::new(),
            prev_ended: true,
            after_blank: false,
            in_numbered: false,
        }
    }

    /// One line with content (`line` trimmed, at `range` in `text`).
    fn line(&mut self, text: &str, line: &str, range: Range<usize>) {
        let leads = self.lead_proposes(line, &range)
            || self.lead_decides(line, &range)
            || self.lead_according(line, &range)
            || self.lead_proposal_to(line, &range);
        if leads {
            self.prev_ended = true;
        } else if !self.sentence_lead(line, &range) {
            self.item(text, line, range);
        }
    }

    /// "Kommunstyrelsen föreslår kommunfullmäktige besluta:" — a proposal block.
    fn lead_proposes(&mut self, line: &str, range: &Range<usize>) -> bool {
        let Some(c) = LEAD_PROPOSES_WORDS
            .might_match(line)
            .then(|| LEAD_PROPOSES.captures(line))
            .flatten()
        else {
            return false;
        };
        let mut b = Block::new(Some(body_base_form(&c["by"])), DecisionType::Proposal, range.start);
        b.proposed_to = c.name("to").map(|m| body_base_form(m.as_str()));
        b.range.end = range.end;
        self.blocks.push(b);
        true
    }

    /// "Förslag till beslut i kommunfullmäktige" on a line of its own in a
    /// board's decision: what follows is the board's proposal to that
    /// assembly ([`PROPOSAL_TO_LINE`]).
    fn lead_proposal_to(&mut self, line: &str, range: &Range<usize>) -> bool {
        let Some(c) = PROPOSAL_TO_LINE.captures(line) else {
            return false;
        };
        let (Some(to), Some(by)) = (c.name("to"), self.default_body.clone()) else {
            return false;
        };
        let to = body_base_form(to.as_str());
        if c.get(0).is_none_or(|m| m.start() > 0) || to.to_lowercase() == by.to_lowercase() {
            return false;
        }
        let mut b = Block::new(Some(by), DecisionType::Proposal, range.start);
        b.proposed_to = Some(to);
        b.range.end = range.end;
        self.blocks.push(b);
        true
    }

    /// "Kommunfullmäktige beslutar:" — a decision block, or the body a
    /// proposal block just opened proposes to.
    fn lead_decides(&mut self, line: &str, range: &Range<usize>) -> bool {
        let Some(c) = line.ends_with(':').then(|| LEAD_DECIDES.captures(line)).flatten() else {
            return false;
        };
        let by = body_base_form(&c["by"]);
        let own = c.name("own").is_some();
        match self.blocks.last_mut() {
            Some(b) if b.kind == DecisionType::Proposal && b.items.is_empty() && b.proposed_to.is_none() => {
                b.proposed_to = Some(by);
                b.range.end = range.end;
            }
            _ => {
                let mut b = Block::new(Some(by), DecisionType::Decision, range.start);
                b.for_own_part = own;
                b.range.end = range.end;
                self.blocks.push(b);
            }
        }
        true
    }

    /// "Enligt yrkande från S, V och MP:", "På förslag av X (S):" — a
    /// decision block of the default body, perhaps with the outcome its
    /// lead states ([`LEAD_OUTCOMES`]).
    fn lead_according(&mut self, line: &str, range: &Range<usize>) -> bool {
        let Some(c) = LEAD_ACCORDING.captures(line) else {
            return false;
        };
        let mut b = Block::new(self.default_body.clone(), DecisionType::Decision, range.start);
        let what = c["what"].to_lowercase();
        b.lead_outcome = LEAD_OUTCOMES.iter().find(|(w, _)| what.contains(w)).map(|(_, o)| *o);
        b.range.end = range.end;
        self.blocks.push(b);
        true
    }

    /// "Kommunstyrelsen avslår motionen." — an item of that body's block.
    fn sentence_lead(&mut self, line: &str, range: &Range<usize>) -> bool {
        let Some(c) = SENTENCE_LEAD.captures(line) else {
            return false;
        };
        let by = body_base_form(&c["by"]);
        let rest = &c["rest"];
        let own = rest.trim_start().starts_with(FOR_OWN_PART);
        let kind = *lookup(DECISION_VERBS, &c["verb"]).expect("a verb of the table");
        // the same body's block goes on: after its items, or after its
        // own lead line ("Nämnden beslutar:" then "Nämnden ger …")
        let same = self.blocks.last().is_some_and(|b| {
            b.body.as_deref() == Some(by.as_str())
                && b.kind == kind
                && b.for_own_part == own
                && (!b.items.is_empty() || b.lead_outcome.is_none())
        });
        if !same {
            let mut b = Block::new(Some(by), kind, range.start);
            b.for_own_part = own;
            if kind == DecisionType::Proposal {
                b.proposed_to = PROPOSED_TO_IN_REST.captures(rest).map(|c| body_base_form(&c["to"]));
            }
            self.blocks.push(b);
        }
        let b = self.blocks.last_mut().expect("a block");
        b.items.push(range.clone());
        b.range.end = range.end;
        self.prev_ended = line.ends_with(['.', ':']);
        self.after_blank = false;
        self.in_numbered = false;
        true
    }

    /// An item line, or the continuation of one: a numbered point runs on
    /// over its lines until the next point or a blank line; other items
    /// are sentences.
    fn item(&mut self, text: &str, line: &str, range: Range<usize>) {
        if self.blocks.is_empty() {
            self.blocks.push(Block::new(
                self.default_body.clone(),
                DecisionType::Decision,
                range.start,
            ));
        }
        let b = self.blocks.last_mut().expect("a block");
        let numbered = ITEM_NUMBER.is_match(&text[range.clone()]);
        if numbered || b.items.is_empty() || self.after_blank || (self.prev_ended && !self.in_numbered) {
            b.items.push(range.clone());
            self.in_numbered = numbered;
        } else if let Some(last) = b.items.last_mut() {
            last.end = range.end;
        }
        b.range.end = range.end;
        self.prev_ended = line.ends_with(['.', ':', ';']);
        self.after_blank = false;
    }
}

fn to_decision(doc: &Doc<'_>, b: Block, earlier: bool) -> Found<Decision> {
    let text = doc.text();
    let mut parts: Vec<Range<usize>> = Vec::new();
    for r in &b.items {
        for part in split_inline_items(text, r.clone()) {
            let skip = ITEM_NUMBER.find(&text[part.clone()]).map_or(0, |m| m.end());
            parts.push(part.start + skip..part.end);
        }
    }
    let outcome = b
        .lead_outcome
        .or_else(|| b.items.iter().find_map(|r| outcome_of(&text[r.clone()])));
    let decision = Decision {
        paragraph: None,
        body: b.body,
        kind: b.kind,
        proposed_to: b.proposed_to,
        outcome,
        for_own_part: b.for_own_part,
        earlier,
        reference: None,
        date: None,
        items: Vec::new(),
        text: String::new(),
        span: Span::default(),
    };
    Found {
        range: b.range,
        parts: Some(Box::new(parts)),
        record: decision,
    }
}

/// "1. … 2. …" on one line: split into items.
fn split_inline_items(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[r.clone()];
    let mut cuts = vec![r.start];
    let mut expect = ITEM_NUMBER
        .find(s)
        .and_then(|m| s[..m.end()].trim().trim_end_matches(['.', ')']).parse::<u32>().ok())
        .map_or(0, |n| n + 1);
    if expect == 0 {
        return vec![r];
    }
    for c in INLINE_ITEM.captures_iter(s) {
        if c["n"].parse::<u32>().ok() == Some(expect) {
            cuts.push(r.start + c.get(0).map_or(0, |m| m.start()) + 1);
            expect += 1;
        }
    }
    cuts.push(r.end);
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Items after a lead: numbered or bulleted lines, or the first paragraph.
fn items_after(doc: &Doc<'_>, from: usize) -> (Vec<Range<usize>>, usize) {
    let text = doc.text();
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut pos = from;
    let mut blank_run = 0;
    let mut end = from;
    let limit = doc
        .seg
        .sections
        .iter()
        .map(|s| s.heading.start)
        .chain(doc.seg.boundaries.iter().copied())
        .chain(doc.seg.paragraphs.iter().map(|p| p.heading.start))
        .filter(|&p| p > from)
        .min()
        .unwrap_or(text.len());
    for raw in text[from..limit].split_inclusive('\n') {
        let r = pos..pos + raw.trim_end().len();
        pos += raw.len();
        let line = text[r.clone()].trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        let numbered = ITEM_NUMBER.is_match(line);
        if ADMIN_LEAD.is_match(line) || is_body_name(line) {
            break;
        }
        if items.is_empty() || numbered {
            if !items.is_empty() || numbered || blank_run <= 2 {
                items.push(r.clone());
                end = r.end;
                blank_run = 0;
                continue;
            }
            break;
        }
        if blank_run > 0 {
            break; // a new paragraph that is not an item
        }
        if let Some(last) = items.last_mut() {
            last.end = r.end;
            end = r.end;
        }
    }
    (items, end)
}

/// Proposals of a memo or case file: an administration's "förslag till …",
/// "Förslag till beslut I X:", "X tillstyrker … och föreslår att Y beslutar:".
fn memo_proposals(doc: &Doc<'_>, document: &Classification) -> Vec<Found<Decision>> {
    let text = doc.text();
    let mut out = Vec::new();
    let in_decision_section = |pos: usize| {
        doc.seg
            .section_at(pos)
            .is_some_and(|s| matches!(s.kind, SectionKind::Decision | SectionKind::Proposal))
            && document.kind != DocumentKind::Memo
    };
    let memo_like = matches!(
        document.kind,
        DocumentKind::Memo | DocumentKind::CaseFile | DocumentKind::Unknown
    );
    if memo_like {
        for c in ADMIN_LEAD_MATCHES.captures_iter(text) {
            let m = c.get(0).expect("match").range();
            let mut b = Block::new(Some(body_base_form(&c["by"])), DecisionType::Proposal, m.start);
            b.proposed_to = Some(body_base_form(&c["to"]));
            let (items, end) = items_after(doc, m.end);
            b.items = items;
            b.range = trimmed_start(text, m.start)..end.max(m.end);
            out.push(to_decision(doc, b, false));
        }
    }
    for c in PROPOSAL_TO_LINE.captures_iter(text) {
        let m = c.get(0).expect("match");
        if in_decision_section(m.start()) || !memo_like {
            continue;
        }
        let by = doc
            .seg
            .boundaries
            .iter()
            .copied()
            .rfind(|&b| b <= m.start())
            .and_then(|b| body_line_before(doc, b))
            .or_else(|| {
                (document.kind == DocumentKind::Memo)
                    .then(|| document.body.clone())
                    .flatten()
            });
        let mut b = Block::new(by, DecisionType::Proposal, m.start());
        b.proposed_to = c.name("to").map(|t| body_base_form(t.as_str()));
        let (items, end) = items_after(doc, m.end());
        b.items = items;
        b.range = m.start()..end.max(m.end());
        out.push(to_decision(doc, b, false));
    }
    // the lead is one line that proposes a decision and ends with a colon:
    // the rule runs on each line with its anchor that holds all its words
    let leads = super::regions_around(text, &RECOMMENDS_WORDS.1, 0, 0)
        .into_iter()
        .filter(|r| RECOMMENDS_WORDS.0.might_match(&text[r.clone()]));
    for region in leads {
        for c in RECOMMENDS.captures_iter(&text[region.clone()]) {
            let m = c.get(0).expect("match");
            let m = region.start + m.start()..region.start + m.end();
            if in_decision_section(m.start) {
                continue;
            }
            let mut b = Block::new(Some(body_base_form(&c["by"])), DecisionType::Proposal, m.start);
            b.proposed_to = Some(body_base_form(&c["to"]));
            let (items, end) = items_after(doc, m.end);
            b.items = items;
            b.range = m.start..end.max(m.end);
            out.push(to_decision(doc, b, false));
        }
    }
    out
}

/// A body named by a short form ("styrelsen", "nämnden") resolved from a
/// body named in the same sentence; a full name is taken as it is.
fn resolve_short_body(name: &str, sentence: &str) -> Option<String> {
    let Some(short) = lookup(SHORT_BODIES, name) else {
        return Some(body_base_form(name));
    };
    BODY.find_iter(sentence)
        .map(|m| body_base_form(m.as_str()))
        .find(|b| b.to_lowercase().contains(short))
}

fn trimmed_start(text: &str, pos: usize) -> usize {
    pos + (text[pos..].len() - text[pos..].trim_start().len())
}

/// An earlier decision record.
struct Earlier {
    body: Option<String>,
    kind: DecisionType,
    proposed_to: Option<String>,
    outcome: Option<Outcome>,
    date: Option<String>,
    reference: String,
    range: Range<usize>,
    items: Vec<String>,
}

/// Earlier decisions and proposals the minutes report: the Behandling
/// section's sub-headings, tablings and referrals, and every sentence
/// that says a body treated the matter on a date in a § (in the
/// Ärendet / Sammanfattning sections of a protocol too).
fn earlier_decisions(doc: &Doc<'_>, document: &Classification) -> Vec<Found<Decision>> {
    let text = doc.text();
    let mut found: Vec<Earlier> = Vec::new();
    let protocol = matches!(document.kind, DocumentKind::Protocol | DocumentKind::ProtocolExtract);
    for s in doc.seg.sections.iter() {
        let treatment = s.kind == SectionKind::Treatment;
        let matter = protocol && matches!(s.kind, SectionKind::Matter | SectionKind::Summary);
        if !treatment && !matter {
            continue;
        }
        let section = SectionText {
            body: &text[s.body.clone()],
            start: s.body.start,
        };
        if treatment {
            found.extend(subheads(&section));
            found.extend(tablings(&section, document));
            found.extend(referrals(&section));
        }
        found.extend(mentions(doc, &section));
    }
    merge_earlier(found)
        .into_iter()
        .map(|e| {
            let decision = Decision {
                paragraph: None,
                body: e.body,
                kind: e.kind,
                proposed_to: e.proposed_to,
                outcome: e.outcome,
                for_own_part: false,
                earlier: true,
                reference: Some(e.reference),
                date: e.date,
                items: e.items,
                text: String::new(),
                span: Span::default(),
            };
            Found::new(e.range, decision)
        })
        .collect()
}

/// One section's text and where it starts in the document.
struct SectionText<'t> {
    body: &'t str,
    start: usize,
}

impl SectionText<'_> {
    /// A position in the section as a position in the document.
    fn at(&self, p: usize) -> usize {
        self.start + p
    }
}

/// "Beslut i Byggnadsnämnden den 3 maj 2023 § 45" sub-headings of a
/// Behandling section, each with the text up to the next.
fn subheads(s: &SectionText<'_>) -> Vec<Earlier> {
    let heads: Vec<_> = SUBHEAD.captures_iter(s.body).collect();
    let mut out = Vec::new();
    for (i, c) in heads.iter().enumerate() {
        let m = c.get(0).expect("match");
        let content_end = heads
            .get(i + 1)
            .map_or(s.body.len(), |n| n.get(0).map_or(s.body.len(), |x| x.start()));
        let content = &s.body[m.end()..content_end];
        let proposes = PROPOSES_IN_REST.captures(content);
        out.push(Earlier {
            body: Some(body_base_form(c["body"].trim())),
            kind: if proposes.is_some() {
                DecisionType::Proposal
            } else {
                DecisionType::Decision
            },
            proposed_to: proposes.map(|p| body_base_form(&p["to"])),
            outcome: outcome_of(content),
            date: parse_date(&c["date"]),
            reference: c["ref"].to_string(),
            range: s.at(trimmed_start(s.body, m.start()))..s.at(content_end),
            items: Vec::new(),
        });
    }
    out
}

/// "Ärendet bordlades den 3 maj 2023 § 45 och den 7 juni 2023 § 60": one
/// tabling for each date and §.
fn tablings(s: &SectionText<'_>, document: &Classification) -> Vec<Earlier> {
    let mut out = Vec::new();
    for c in TABLED_LIST.captures_iter(s.body) {
        let who = c
            .name("body")
            .map(|b| body_base_form(b.as_str()))
            .or_else(|| document.body.clone());
        let list = c.name("list").expect("list");
        for d in DATE_REF.captures_iter(list.as_str()) {
            let dm = d.get(0).expect("match");
            out.push(Earlier {
                body: who.clone(),
                kind: DecisionType::Decision,
                proposed_to: None,
                outcome: Some(Outcome::Table),
                date: parse_date(&d["date"]),
                reference: d["ref"].to_string(),
                range: s.at(list.start() + dm.start())..s.at(list.start() + dm.end()),
                items: Vec::new(),
            });
        }
    }
    out
}

/// "Ärendet återremitterades från kommunfullmäktige den … § …".
fn referrals(s: &SectionText<'_>) -> Vec<Earlier> {
    REFERRED_FROM
        .captures_iter(s.body)
        .map(|c| {
            let m = c.get(0).expect("match");
            Earlier {
                body: Some(body_base_form(&c["body"])),
                kind: DecisionType::Decision,
                proposed_to: None,
                outcome: Some(Outcome::ReferBack),
                date: parse_date(&c["date"]),
                reference: c["ref"].to_string(),
                range: s.at(m.start())..s.at(m.end()),
                items: Vec::new(),
            }
        })
        .collect()
}

/// Sentences that name a body, a treatment verb of [`EARLIER_VERBS`], a
/// date and a §, the body before the verb ("Kommunstyrelsen beslutade den
/// …") or after it ("… beslutade styrelsen den …"), in text order.
fn mentions(doc: &Doc<'_>, s: &SectionText<'_>) -> Vec<Earlier> {
    let body = s.body;
    let inverted = INVERTED.captures_iter(body).filter_map(|c| {
        let sentence_start = super::last_sentence_boundary(&body[..c.get(0)?.start()]);
        let who = resolve_short_body(&c["body"], &body[sentence_start..c.get(0)?.start()])?;
        Some((c, who, EARLIER_VERBS))
    });
    // each form with the table its verb is from
    let named = |rule: &'static Rule, verbs: Words<EarlierVerb>| {
        rule.captures_iter(body).map(move |c| {
            let who = body_base_form(&c["body"]);
            (c, who, verbs)
        })
    };
    let mut mentions: Vec<_> = named(&TREATED, EARLIER_VERBS)
        .chain(named(&TREATED_DATE_FIRST, DATED_FIRST_VERBS))
        .chain(named(&TREATED_BY, PASSIVE_VERBS))
        .chain(inverted)
        .collect();
    mentions.sort_by_key(|(c, _, _)| c.get(0).map_or(0, |m| m.start()));
    // an assembly's minutes (the body another body proposes to)
    let assembly = doc
        .class
        .body
        .as_deref()
        .filter(|b| b.to_lowercase().contains(ASSEMBLY_WORD));
    let mut out = Vec::new();
    for (c, who, verbs) in mentions {
        let m = c.get(0).expect("match");
        let verb = lookup(verbs, &c["verb"]).expect("a verb of the table");
        let rest = &c["rest"];
        let proposes = PROPOSES_IN_REST.captures(rest);
        let lower = who.to_lowercase();
        // in an assembly's minutes, another body's treatment is its
        // proposal, unless the § presents someone else's proposal ("Kommun-
        // fullmäktiges ordförandes förslag till kommunfullmäktige")
        let assembly = assembly
            .filter(|b| b.to_lowercase() != lower)
            .filter(|_| proposers_of(doc, s.at(m.start())).is_none_or(|p| p.contains(&lower)));
        // (a committee's proposal goes to its board, not to the assembly)
        let committee = PROPOSING_BODY_WORDS.iter().any(|w| lower.contains(w));
        let to_assembly = verb.treated && assembly.is_some() && !committee;
        let kind = if verb.kind == DecisionType::Proposal
            || proposes.is_some()
            || committee
            || nämnd_proposal(verb, &lower, body)
            || to_assembly
        {
            DecisionType::Proposal
        } else {
            DecisionType::Decision
        };
        let end = super::sentence_end(doc, s.at(m.end()));
        out.push(Earlier {
            body: Some(who),
            kind,
            proposed_to: proposes
                .map(|p| body_base_form(&p["to"]))
                .or_else(|| to_assembly.then(|| assembly.map(str::to_string)).flatten()),
            outcome: verb.outcome.or_else(|| outcome_of(rest)),
            date: parse_date(&c["date"]),
            reference: c["ref"].to_string(),
            range: s.at(m.start())..end.max(s.at(m.end())),
            items: Vec::new(),
        });
    }
    out
}

/// Whose proposals the § at `pos` presents to the assembly (the
/// [`PROPOSER_LEAD`] lines, in lower case base form); `None` when it
/// presents none.
fn proposers_of(doc: &Doc<'_>, pos: usize) -> Option<Vec<String>> {
    let range = doc.seg.paragraphs.get(doc.seg.paragraph_index_at(pos)?)?.range.clone();
    let text = &doc.text()[range];
    let by: Vec<String> = PROPOSER_LEAD
        .captures_iter(text)
        .map(|c| body_base_form(&c["by"]).to_lowercase())
        .collect();
    (!by.is_empty()).then_some(by)
}

/// A nämnd's treatment of a matter decided by others is its proposal,
/// unless it only gave a statement (yttrande).
fn nämnd_proposal(verb: &EarlierVerb, body_lower: &str, section: &str) -> bool {
    verb.treated
        && body_lower.contains(NÄMND_WORD)
        && !section
            .to_lowercase()
            .contains(&format!("{}{STATEMENT}", body_lower.trim_end_matches('s')))
}

/// One record per earlier decision (body and §), the first found keeping
/// its place and taking what the others add.
fn merge_earlier(found: Vec<Earlier>) -> Vec<Earlier> {
    let mut merged: Vec<Earlier> = Vec::new();
    for e in found {
        let key = (e.body.as_deref().map(str::to_lowercase), e.reference.clone());
        if let Some(m) = merged
            .iter_mut()
            .find(|m| (m.body.as_deref().map(str::to_lowercase), m.reference.clone()) == key)
        {
            m.outcome = m.outcome.or(e.outcome);
            m.date = m.date.take().or(e.date);
            m.proposed_to = m.proposed_to.take().or(e.proposed_to);
            if e.kind == DecisionType::Proposal {
                m.kind = DecisionType::Proposal;
            }
            continue;
        }
        merged.push(e);
    }
    merged
}

/// "Kommunstyrelsens förslag till kommunfullmäktige: Kommunfullmäktige
/// godkänner …" under Förslag till beslut: the body's earlier treatment was
/// this proposal.
fn annotate_from_proposals(doc: &Doc<'_>, earlier: &mut [Found<Decision>]) {
    let text = doc.text();
    for s in doc.seg.sections_of(SectionKind::Proposal) {
        let body = &text[s.body.clone()];
        let Some(c) = ADMIN_LEAD.captures(body) else { continue };
        let by = body_base_form(&c["by"]).to_lowercase();
        let to = body_base_form(&c["to"]);
        let rest = &body[c.get(0).map_or(0, |m| m.end())..];
        let outcome = outcome_of(rest);
        let items: Vec<String> = rest
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| l.to_string())
            .collect();
        let para = doc.seg.paragraph_index_at(s.body.start);
        let target = earlier
            .iter_mut()
            .filter(|e| e.record.body.as_deref().map(str::to_lowercase).as_deref() == Some(by.as_str()))
            .filter(|e| doc.seg.paragraph_index_at(0) == para || doc.paragraph_at(e.range.start).is_some())
            .map(|e| &mut e.record)
            .max_by(|a, b| a.date.cmp(&b.date));
        if let Some(e) = target {
            e.kind = DecisionType::Proposal;
            e.proposed_to = Some(to);
            e.outcome = e.outcome.or(outcome);
            if e.items.is_empty() {
                e.items = items;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes() {
        assert_eq!(
            outcome_of("Anta Sveriges Kommuner och Regioners"),
            Some(Outcome::Approve)
        );
        assert_eq!(
            outcome_of("godkänner verksamhetsberättelsen och lägger den till handlingarna"),
            Some(Outcome::Approve)
        );
        assert_eq!(outcome_of("Ärendet bordläggs till sammanträdet"), Some(Outcome::Table));
        assert_eq!(outcome_of("avslår förslaget"), Some(Outcome::Reject));
        assert_eq!(outcome_of("återremitteras till nämnden"), Some(Outcome::ReferBack));
        assert_eq!(outcome_of("Informationen läggs till handlingarna"), Some(Outcome::Note));
        assert_eq!(outcome_of("Yttrandet översänds"), None);
    }
}
