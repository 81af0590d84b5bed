//! What can be known of a rule from its pattern alone, to run it faster:
//! the words every match contains (a [`Prefilter`]), the characters a match
//! of a rule anchored at the start can begin with ([`FirstChars`]) and the
//! texts a match of a rule anchored at the end ends with ([`Ends`]), and
//! how many words a match can span around a word it contains (the window of
//! a [`Windowed`] matcher).
//!
//! Both are read from the pattern's syntax tree (`regex-syntax`'s HIR), so
//! they follow the rule when it changes: nobody writes "every match has a
//! 'nej' with at most six words before it" beside a pattern and forgets to
//! change it with the pattern.

use std::ops::Range;

use memchr::memmem::Finder;
use regex::{Captures, Regex};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

use super::Rule;

/// The pattern's syntax tree.
fn hir(rule: &Rule) -> Hir {
    regex_syntax::parse(&rule.pattern()).unwrap_or_else(|e| panic!("grammar rule `{}`: {e}", rule.name))
}

/// The one character a class stands for when it is a letter in its case
/// variants (`[Nn]` of a `(?i)` pattern, `[Kk\u{212A}]`), as lower case.
fn single_letter(class: &Class) -> Option<char> {
    let Class::Unicode(u) = class else {
        let Class::Bytes(b) = class else { return None };
        let r = b.ranges();
        return (r.iter().all(|r| r.start() == r.end()) && !r.is_empty())
            .then(|| fold(r[0].start() as char))
            .filter(|c| r.iter().all(|x| fold(x.start() as char) == *c));
    };
    let mut letter = None;
    for r in u.ranges() {
        if (r.end() as u32) - (r.start() as u32) > 2 {
            return None;
        }
        for c in r.start()..=r.end() {
            let f = fold(c);
            if *letter.get_or_insert(f) != f {
                return None;
            }
        }
    }
    letter
}

/// `c` folded as a case-insensitive match folds it (ſ and S to s, K to k).
fn fold(c: char) -> char {
    let mut up = c.to_uppercase();
    let u = if up.len() == 1 { up.next().unwrap_or(c) } else { c };
    let mut low = u.to_lowercase();
    if low.len() == 1 { low.next().unwrap_or(c) } else { c }
}

/// The texts (lower case) that every match of `h` contains: the maximal
/// runs of fixed letters of its mandatory parts.
fn required(h: &Hir) -> Vec<String> {
    gather(h, false).into_iter().flatten().collect()
}

/// What every match of `h` contains, as requirements: each a set of texts
/// (lower case) of which a match holds one. A fixed text is a set of one;
/// an alternation whose branches share no text is a set of one text of each
/// branch ("sign" | "utdrags" | "justerare").
fn requirements(h: &Hir) -> Vec<Vec<String>> {
    gather(h, true)
}

/// The requirements of `h`: its fixed texts, and with `choices` those of
/// its alternations without a common text.
fn gather(h: &Hir, choices: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut run = String::new();
    collect(h, &mut run, &mut out, choices);
    flush(&mut run, &mut out);
    out
}

/// The texts that every match of `h` contains as written, in their case:
/// the runs of its mandatory literals (a case-insensitive letter ends one).
fn required_exact(h: &Hir) -> Vec<String> {
    fn walk(h: &Hir, run: &mut String, out: &mut Vec<String>) {
        match h.kind() {
            HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
                Ok(s) => run.push_str(s),
                Err(_) => flush_exact(run, out),
            },
            HirKind::Concat(parts) => parts.iter().for_each(|p| walk(p, run, out)),
            HirKind::Capture(c) => walk(&c.sub, run, out),
            HirKind::Look(_) | HirKind::Empty => {}
            HirKind::Repetition(r) => {
                flush_exact(run, out);
                if r.min >= 1 {
                    let mut inner = String::new();
                    walk(&r.sub, &mut inner, out);
                    flush_exact(&mut inner, out);
                }
            }
            HirKind::Class(_) | HirKind::Alternation(_) => flush_exact(run, out),
        }
    }
    let mut out = Vec::new();
    let mut run = String::new();
    walk(h, &mut run, &mut out);
    flush_exact(&mut run, &mut out);
    out
}

fn flush_exact(run: &mut String, out: &mut Vec<String>) {
    if !run.is_empty() {
        out.push(std::mem::take(run));
    }
}

fn flush(run: &mut String, out: &mut Vec<Vec<String>>) {
    if !run.is_empty() {
        out.push(vec![std::mem::take(run)]);
    }
}

/// Adds to `run` what `h` always matches as fixed text, and ends the run
/// (pushing it to `out`) where `h` matches something variable; the runs of
/// `h`'s mandatory sub-patterns go to `out` too, and with `choices` the
/// sets of an alternation's branches ([`one_of`]).
fn collect(h: &Hir, run: &mut String, out: &mut Vec<Vec<String>>, choices: bool) {
    match h.kind() {
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) => run.extend(s.chars().map(fold)),
            Err(_) => flush(run, out),
        },
        HirKind::Class(c) => match single_letter(c) {
            Some(ch) => run.push(ch),
            None => flush(run, out),
        },
        HirKind::Concat(parts) => parts.iter().for_each(|p| collect(p, run, out, choices)),
        HirKind::Capture(c) => collect(&c.sub, run, out, choices),
        HirKind::Look(_) | HirKind::Empty => {}
        HirKind::Repetition(r) => {
            flush(run, out);
            if r.min >= 1 {
                let mut inner = String::new();
                collect(&r.sub, &mut inner, out, choices);
                flush(&mut inner, out);
            }
        }
        HirKind::Alternation(branches) => {
            flush(run, out);
            if let Some(common) = common_text(branches) {
                out.push(vec![common]);
            } else if choices && let Some(set) = one_of(branches) {
                out.push(set);
            }
        }
    }
}

/// One requirement of each branch of an alternation, joined: a match holds
/// a text of the set. Of each branch the requirement of fewest texts (a
/// fixed text before a set), and of those the one whose shortest text is
/// longest; `None` when a branch has none. A
/// text that holds another of the set is left out (the other is found in it).
fn one_of(branches: &[Hir]) -> Option<Vec<String>> {
    let mut texts: Vec<String> = Vec::new();
    for branch in branches {
        let shortest = |set: &Vec<String>| set.iter().map(|t| t.chars().count()).min().unwrap_or(0);
        let best = requirements(branch)
            .into_iter()
            .max_by_key(|set| (std::cmp::Reverse(set.len()), shortest(set)))?;
        texts.extend(best);
    }
    texts.sort();
    texts.dedup();
    let all = texts.clone();
    texts.retain(|t| !all.iter().any(|o| o != t && t.contains(o.as_str())));
    Some(texts)
}

/// The longest text (of three characters or more) that every branch of an
/// alternation must contain: "anteckn" of "antecknar|(?:lät|får)\s+anteckna".
fn common_text(branches: &[Hir]) -> Option<String> {
    let sets: Vec<Vec<String>> = branches.iter().map(required).collect();
    let (first, others) = sets.split_first()?;
    let mut best: Option<String> = None;
    for word in first {
        let chars: Vec<char> = word.chars().collect();
        for i in 0..chars.len() {
            for j in (i + 3..=chars.len()).rev() {
                if best.as_ref().is_some_and(|b| b.chars().count() >= j - i) {
                    break;
                }
                let piece: String = chars[i..j].iter().collect();
                if others.iter().all(|set| set.iter().any(|w| w.contains(&piece))) {
                    best = Some(piece);
                    break;
                }
            }
        }
    }
    best
}

/// Whether a class matches white space, and whether it matches only that.
fn class_space(class: &Class) -> (bool, bool) {
    // the white space characters, few and known: a range holds one when
    // one of them lies in it (walking a range of \p{L} char by char was
    // most of the grammar's start-up time)
    const SPACES: &[char] = &[
        '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}',
        '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}',
        '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}',
    ];
    let holds_space = |lo: char, hi: char| SPACES.iter().any(|&c| lo <= c && c <= hi);
    let only_space =
        |lo: char, hi: char| SPACES.iter().filter(|&&c| lo <= c && c <= hi).count() == (hi as usize - lo as usize + 1);
    let ranges: Vec<(char, char)> = match class {
        Class::Unicode(u) => u.ranges().iter().map(|r| (r.start(), r.end())).collect(),
        Class::Bytes(b) => b
            .ranges()
            .iter()
            .map(|r| (r.start() as char, r.end() as char))
            .collect(),
    };
    let any = ranges.iter().any(|&(lo, hi)| holds_space(lo, hi));
    let only = ranges.iter().all(|&(lo, hi)| only_space(lo, hi));
    (any, only)
}

/// At most how many runs of white space a match of `h` holds (runs that
/// touch counted apart, so this bounds from above), or `None` when there is
/// no bound (`.+` over white space).
fn space_runs(h: &Hir) -> Option<usize> {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(l) => {
            let s = String::from_utf8_lossy(&l.0);
            let mut runs = 0;
            let mut in_space = false;
            for c in s.chars() {
                if c.is_whitespace() && !in_space {
                    runs += 1;
                }
                in_space = c.is_whitespace();
            }
            Some(runs)
        }
        HirKind::Class(c) => Some(usize::from(class_space(c).0)),
        HirKind::Capture(c) => space_runs(&c.sub),
        HirKind::Concat(parts) => parts.iter().map(space_runs).sum(),
        HirKind::Alternation(parts) => parts.iter().map(space_runs).try_fold(0, |m, r| r.map(|r| m.max(r))),
        HirKind::Repetition(r) => {
            if let HirKind::Class(c) = r.sub.kind()
                && class_space(c).1
            {
                return Some(1); // one run, however long
            }
            match (space_runs(&r.sub)?, r.max) {
                (0, _) => Some(0),
                (n, Some(max)) => Some(n * max as usize),
                (_, None) => None,
            }
        }
    }
}

/// The runs of white space a match of `h` holds before and after `anchor`,
/// at most, when `h` is a sequence with a part that always holds the
/// anchor: that part's runs count to both sides. `None` otherwise (the
/// caller takes the whole match's runs each way).
fn reach_around(h: &Hir, anchor: &str) -> Option<(usize, usize)> {
    let mut h = h;
    while let HirKind::Capture(c) = h.kind() {
        h = &c.sub;
    }
    let HirKind::Concat(parts) = h.kind() else { return None };
    // the parts' fixed texts run on from one part into the next, so the
    // anchor's part is the one where the text read so far first holds it
    let mut read = String::new();
    let mut run = String::new();
    let mut found = None;
    for (i, p) in parts.iter().enumerate() {
        let mut out = Vec::new();
        collect(p, &mut run, &mut out, false);
        for text in out.into_iter().flatten() {
            read.push_str(&text);
            read.push('\0'); // texts apart: none runs into the next
        }
        if read.contains(anchor) || run.contains(anchor) {
            // the anchor may have started in the parts just before, back
            // to the last one that ends a run of fixed text
            let ends_run = |q: &Hir| match q.kind() {
                HirKind::Repetition(_) | HirKind::Alternation(_) => true,
                HirKind::Class(c) => single_letter(c).is_none(),
                HirKind::Literal(l) => std::str::from_utf8(&l.0).is_err(),
                _ => false,
            };
            let from = parts[..i].iter().rposition(ends_run).map_or(0, |k| k + 1);
            found = Some((from, i));
            break;
        }
    }
    let (from, to) = found?;
    let before: usize = parts[..=to].iter().map(space_runs).sum::<Option<usize>>()?;
    let after: usize = parts[from..].iter().map(space_runs).sum::<Option<usize>>()?;
    Some((before, after))
}

/// Whether `h` has a look that `is` says yes to.
fn looks(h: &Hir, is: fn(&Look) -> bool) -> bool {
    match h.kind() {
        HirKind::Look(l) => is(l),
        HirKind::Capture(c) => looks(&c.sub, is),
        HirKind::Repetition(r) => looks(&r.sub, is),
        HirKind::Concat(p) | HirKind::Alternation(p) => p.iter().any(|h| looks(h, is)),
        _ => false,
    }
}

/// Whether `h` looks at the end of the text (`\z`, `$` without `(?m)`),
/// which a window that cuts the text would fake.
fn looks_at_end(h: &Hir) -> bool {
    looks(h, |l| matches!(l, Look::End | Look::EndCRLF))
}

/// Whether `h` looks at the end of a line (`(?m)$`): its window then ends
/// at a line's end, where the cut text and the whole text agree.
fn looks_at_line_end(h: &Hir) -> bool {
    looks(h, |l| matches!(l, Look::EndLF))
}

/// `word` as a pattern that ignores case as `(?i)` does.
fn word_ignoring_case(word: &str) -> Regex {
    Regex::new(&format!("(?i){}", regex::escape(word))).expect("a literal word is a valid pattern")
}

/// The words every match of a rule contains, looked for before the rule
/// runs, so that texts without them are not run through it at all. A
/// `(?i)` pattern has too many case variants for the regex engine to build
/// such a prefilter from its literals itself; a single `(?i)` word it can
/// (with SIMD), and with the same case folding.
///
/// A caller that runs several prefilters on one text folds it once
/// ([`Prefilter::fold_text`]) and looks for the words as plain substrings
/// ([`Prefilter::might_match_folded`]).
pub struct Prefilter {
    /// Each requirement: the words of which every match holds one.
    needs: Vec<Need>,
}

/// One requirement of a [`Prefilter`]: its words (lower case), each as a
/// `(?i)` pattern and as a substring finder.
struct Need {
    words: Vec<String>,
    patterns: Vec<Regex>,
    finders: Vec<Finder<'static>>,
}

impl Prefilter {
    /// The prefilter of a rule: every fixed text of its mandatory parts.
    pub fn of(rule: &Rule) -> Prefilter {
        Prefilter::from_needs(required(&hir(rule)).into_iter().map(|w| vec![w]).collect())
    }

    /// The prefilter of a rule with choices too: besides every fixed text,
    /// of an alternation whose branches share no text one text of each
    /// branch, of which a match holds one ("sign", "utdrags" or "justerare"
    /// of a signature line).
    pub fn with_choices(rule: &Rule) -> Prefilter {
        Prefilter::from_needs(requirements(&hir(rule)))
    }

    /// The prefilter of these requirements, the longest words first (the
    /// rarest, most often the first a text lacks).
    fn from_needs(mut needs: Vec<Vec<String>>) -> Prefilter {
        needs.sort();
        needs.dedup();
        needs.sort_by_key(|words| std::cmp::Reverse(words.iter().map(|w| w.chars().count()).min().unwrap_or(0)));
        Prefilter {
            needs: needs
                .into_iter()
                .map(|words| Need {
                    patterns: words.iter().map(|w| word_ignoring_case(w)).collect(),
                    finders: words.iter().map(|w| Finder::new(w.as_bytes()).into_owned()).collect(),
                    words,
                })
                .collect(),
        }
    }

    /// Whether the rule can match in `text`.
    pub fn might_match(&self, text: &str) -> bool {
        self.needs.iter().all(|n| n.patterns.iter().any(|w| w.is_match(text)))
    }

    /// The longest text every match of `rule` holds as the pattern writes
    /// it (in its case), to look for with a plain substring search; `None`
    /// when the pattern has none.
    pub fn anchor(rule: &Rule) -> Option<String> {
        required_exact(&hir(rule)).into_iter().max_by_key(|w| w.chars().count())
    }

    /// `text` folded as a `(?i)` pattern folds it, as the words are: in
    /// lower case, with a long s as s and the Kelvin sign as k.
    pub fn fold_text(text: &str) -> String {
        let lower = text.to_lowercase();
        if lower.chars().all(|c| c.is_ascii() || fold(c) == c) {
            lower
        } else {
            lower.chars().map(fold).collect()
        }
    }

    /// Whether the rule can match in a text that [`Prefilter::fold_text`]
    /// gave: the words as plain substrings.
    pub fn might_match_folded(&self, folded: &str) -> bool {
        self.needs
            .iter()
            .all(|n| n.finders.iter().any(|f| f.find(folded.as_bytes()).is_some()))
    }

    /// The requirements, lower case: each the words of which a match holds one.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.needs
            .iter()
            .map(|n| n.words.iter().map(String::as_str).collect())
            .collect()
    }
}

/// A class of the one character `c`.
fn class_of(c: char) -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new(c, c)])
}

/// The class of every character.
fn any_char() -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)])
}

/// The characters a match of `h` can start with, and whether it can be empty.
fn first(h: &Hir) -> (ClassUnicode, bool) {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => (ClassUnicode::empty(), true),
        HirKind::Literal(l) => match std::str::from_utf8(&l.0).ok().and_then(|s| s.chars().next()) {
            Some(c) => (class_of(c), false),
            None => (any_char(), false),
        },
        HirKind::Class(Class::Unicode(u)) => (u.clone(), false),
        HirKind::Class(Class::Bytes(b)) => {
            let ascii = b.ranges().iter().all(|r| r.end().is_ascii());
            let class = if ascii {
                ClassUnicode::new(
                    b.ranges()
                        .iter()
                        .map(|r| ClassUnicodeRange::new(char::from(r.start()), char::from(r.end()))),
                )
            } else {
                any_char()
            };
            (class, false)
        }
        HirKind::Capture(c) => first(&c.sub),
        HirKind::Repetition(r) => {
            let (class, empty) = first(&r.sub);
            (class, empty || r.min == 0)
        }
        HirKind::Concat(parts) => {
            let mut class = ClassUnicode::empty();
            for p in parts {
                let (c, empty) = first(p);
                class.union(&c);
                if !empty {
                    return (class, false);
                }
            }
            (class, true)
        }
        HirKind::Alternation(branches) => {
            let mut class = ClassUnicode::empty();
            let mut empty = false;
            for b in branches {
                let (c, e) = first(b);
                class.union(&c);
                empty |= e;
            }
            (class, empty)
        }
    }
}

/// Whether every match of `h` starts at the start of the text (`^`).
fn anchored_at_start(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Look(Look::Start) => true,
        HirKind::Capture(c) => anchored_at_start(&c.sub),
        HirKind::Concat(parts) => parts.first().is_some_and(anchored_at_start),
        HirKind::Alternation(branches) => branches.iter().all(anchored_at_start),
        _ => false,
    }
}

/// The characters the matches of rules anchored at the start of the text
/// (`^`) begin with, read from their patterns (white space of a leading
/// `\s*` among them): a text that begins with none of them is not run
/// through the rules at all. A test of its first character, cheap enough
/// for every line of a document.
pub struct FirstChars {
    ascii: [bool; 128],
    other: ClassUnicode,
}

impl FirstChars {
    /// The first characters of the matches of any of `rules`; a panic
    /// (at start-up, caught by the tests) when a rule is not anchored at
    /// the start or can match the empty text.
    pub fn of(rules: &[&Rule]) -> FirstChars {
        FirstChars::try_of(rules).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`FirstChars::of`], or why the rules have none.
    pub(crate) fn try_of(rules: &[&Rule]) -> Result<FirstChars, String> {
        let mut class = ClassUnicode::empty();
        for rule in rules {
            let h = hir(rule);
            let (c, empty) = first(&h);
            if !anchored_at_start(&h) || empty {
                return Err(format!(
                    "grammar rule `{}` is not anchored at the start, or matches the empty text",
                    rule.name
                ));
            }
            class.union(&c);
        }
        let mut ascii = [false; 128];
        for (b, slot) in (0u8..).zip(ascii.iter_mut()) {
            *slot = class_contains(&class, char::from(b));
        }
        Ok(FirstChars { ascii, other: class })
    }

    /// Whether a match of one of the rules can start `text` (none can
    /// start an empty text).
    pub fn might_match(&self, text: &str) -> bool {
        match text.chars().next() {
            Some(c) if c.is_ascii() => self.ascii[c as usize],
            Some(c) => class_contains(&self.other, c),
            None => false,
        }
    }
}

/// Whether `class` holds `c`.
fn class_contains(class: &ClassUnicode, c: char) -> bool {
    let ranges = class.ranges();
    let i = ranges.partition_point(|r| r.end() < c);
    ranges.get(i).is_some_and(|r| r.start() <= c)
}

/// Whether `h` is a run of white space that may be empty (`\s*`).
fn optional_space(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Repetition(r) => r.min == 0 && matches!(r.sub.kind(), HirKind::Class(c) if class_space(c).1),
        _ => false,
    }
}

/// The texts the matches of a rule anchored at the end of the text (its
/// pattern ends in `$`, perhaps after `\s*`) end with before that white
/// space, read from its pattern: a text that ends (white space aside) with
/// none of them is not run through the rule at all. Two tests of its end,
/// cheap enough for every line of a document.
pub struct Ends {
    texts: Vec<String>,
}

impl Ends {
    /// The ends of a rule's matches; a panic (at start-up, caught by the
    /// tests) when the rule is not anchored at the end or its matches end
    /// in too many ways to list.
    pub fn of(rule: &Rule) -> Ends {
        Ends::try_of(rule).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Ends::of`], or why the rule has none.
    pub(crate) fn try_of(rule: &Rule) -> Result<Ends, String> {
        let h = hir(rule);
        let mut parts: Vec<Hir> = match h.kind() {
            HirKind::Concat(parts) => parts.clone(),
            _ => vec![h.clone()],
        };
        let mut anchored = false;
        while let Some(last) = parts.last() {
            if matches!(last.kind(), HirKind::Look(Look::End)) {
                anchored = true;
            } else if !optional_space(last) {
                break;
            }
            parts.pop();
        }
        if !anchored {
            return Err(format!("grammar rule `{}` is not anchored at the end", rule.name));
        }
        let seq = Extractor::new().kind(ExtractKind::Suffix).extract(&Hir::concat(parts));
        let literals = seq
            .literals()
            .ok_or_else(|| format!("grammar rule `{}` ends in too many ways", rule.name))?;
        let mut texts = Vec::new();
        for l in literals {
            let text = std::str::from_utf8(l.as_bytes()).unwrap_or_default().trim_end();
            if text.is_empty() {
                return Err(format!("grammar rule `{}` has a match without a fixed end", rule.name));
            }
            texts.push(text.to_string());
        }
        if texts.is_empty() {
            return Err(format!("grammar rule `{}` matches nothing", rule.name));
        }
        Ok(Ends { texts })
    }

    /// Whether a match of the rule can end `text` (white space aside).
    pub fn might_match(&self, text: &str) -> bool {
        let t = text.trim_end();
        self.texts.iter().any(|e| t.ends_with(e.as_str()))
    }

    /// The texts a match ends with.
    pub fn texts(&self) -> &[String] {
        &self.texts
    }
}

/// The matches of a rule that every match of which contains a word (the
/// anchor), found as the rule's own `captures_iter` would find them, but
/// without running it over the whole text: it runs on a small window
/// around each anchor. A window reaches `reach` words back and on from the
/// word the anchor starts in (a word: a run of white space and the run of
/// other characters before or after it), one character more for context.
///
/// The anchor is the longest fixed text every match holds, and `reach` the
/// most runs of white space a match can hold, both read from the pattern;
/// a rule without such a text or bound cannot be windowed (a panic at
/// start-up, caught by the tests). The pattern must not look at the end of
/// the text (`\z`, or `$` without `(?m)`): the window cuts the text
/// there; a line's end (`(?m)$`) it may, and its window then runs on to
/// the end of its last line.
///
/// Why the result is the same: every match holds an anchor and lies inside
/// that anchor's window (the bounds); windows that touch are merged into
/// one region, so a match lies inside one region, and the regions do not
/// touch. The full scan's matches inside a region are what a scan of the
/// region finds (the text before it is seen by the pattern's look-behind,
/// and the region ends where the text holds no part of a match).
pub struct Windowed {
    rule: &'static Rule,
    anchor: Regex,
    /// How many runs of white space a match holds before the anchor, at most.
    reach_back: usize,
    /// How many a match holds after it, at most.
    reach: usize,
    /// Whether the window runs on to the end of its last line (the rule
    /// looks at line ends).
    to_line_end: bool,
}

impl Windowed {
    /// The windowed matcher of a rule.
    pub fn of(rule: &'static Rule) -> Windowed {
        let h = hir(rule);
        let anchor = required(&h)
            .into_iter()
            .max_by_key(|w| w.chars().count())
            .unwrap_or_else(|| panic!("grammar rule `{}` has no fixed text to window on", rule.name));
        let reach = space_runs(&h)
            .unwrap_or_else(|| panic!("grammar rule `{}` has no bound on its words to window on", rule.name));
        assert!(
            !looks_at_end(&h),
            "grammar rule `{}` looks at the end of the text",
            rule.name
        );
        let (reach_back, reach) = reach_around(&h, &anchor).unwrap_or((reach, reach));
        // an anchor the pattern writes in one case is looked for in that
        // case: "förslag" of a memo lead, not every "Förslag till beslut"
        let exact = required_exact(&h).into_iter().find(|w| *w == anchor);
        Windowed {
            rule,
            anchor: exact.map_or_else(
                || word_ignoring_case(&anchor),
                |w| Regex::new(&regex::escape(&w)).expect("a literal word is a valid pattern"),
            ),
            reach_back,
            reach,
            to_line_end: looks_at_line_end(&h),
        }
    }

    /// The rule's matches in `text`, as `captures_iter` finds them.
    pub fn captures_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 't {
        let pattern = self.rule.regex();
        let mut regions = self.regions(text).into_iter();
        let mut current: Option<Range<usize>> = None;
        let mut pos = 0; // where the last match ended
        std::iter::from_fn(move || {
            loop {
                let region = match &current {
                    Some(r) => r.clone(),
                    None => {
                        let r = regions.next()?;
                        pos = pos.max(r.start);
                        current = Some(r.clone());
                        r
                    }
                };
                if pos <= region.end
                    && let Some(c) = pattern.captures_at(&text[..region.end], pos)
                {
                    let m = c.get(0).expect("a match has group 0");
                    pos = if m.is_empty() {
                        m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8)
                    } else {
                        m.end()
                    };
                    return Some(c);
                }
                current = None;
            }
        })
    }

    /// The windows of every anchor in `text`, those that touch merged into
    /// one region: each match lies in one region, and one search per region
    /// (not per anchor) finds them.
    fn regions(&self, text: &str) -> Vec<Range<usize>> {
        let not_space = |c: char| !c.is_whitespace();
        let mut out: Vec<Range<usize>> = Vec::new();
        for a in self.anchor.find_iter(text) {
            // no need to look back past the last region: it merges anyway
            let floor = out.last().map_or(0, |r| r.end.min(a.start()));
            let mut back = text[floor..a.start()].trim_end_matches(not_space);
            for _ in 0..self.reach_back {
                back = back.trim_end_matches(char::is_whitespace).trim_end_matches(not_space);
            }
            let start = floor + back.len();
            let mut on = text[a.start()..].trim_start_matches(not_space);
            for _ in 0..self.reach {
                on = on.trim_start_matches(char::is_whitespace).trim_start_matches(not_space);
            }
            let mut limit = text.len() - on.len() + on.chars().next().map_or(0, char::len_utf8);
            if self.to_line_end {
                // a `(?m)$` at the cut is true where the line ends there
                limit = memchr::memchr(b'\n', &text.as_bytes()[limit..]).map_or(text.len(), |p| limit + p);
            }
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(limit),
                _ => out.push(start..limit),
            }
        }
        out
    }
}

/// Every windowed rule, for the property test.
#[cfg(test)]
pub(crate) fn windowed_rules() -> Vec<&'static Rule> {
    super::families()
        .into_iter()
        .flat_map(|(_, rules)| rules.iter().copied())
        .filter(|r| r.windowed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans<'t>(m: impl Iterator<Item = Captures<'t>>) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        m.map(|c| c.iter().map(|g| g.map(|m| m.range())).collect()).collect()
    }

    #[test]
    fn the_white_space_list_is_every_white_space_character() {
        let all: Vec<char> = ('\0'..=char::MAX).filter(|c| c.is_whitespace()).collect();
        let listed: Vec<char> = ('\0'..=char::MAX)
            .filter(|&c| {
                class_space(&Class::Unicode(regex_syntax::hir::ClassUnicode::new([
                    regex_syntax::hir::ClassUnicodeRange::new(c, c),
                ])))
                .0
            })
            .collect();
        assert_eq!(all, listed);
    }

    #[test]
    fn reach_on_each_side_of_the_anchor() {
        static R: Rule = Rule::new(
            "t_sides",
            r"(?m)^[ \t]*(?P<by>\w+\s+\w+)\s+förslag\s+till\s+(?P<to>\w+)[ \t]*$",
            &[],
        );
        let h = hir(&R);
        assert_eq!(space_runs(&h), Some(6));
        assert_eq!(reach_around(&h, "förslag"), Some((3, 3)));
        // a capture before the anchor's part keeps its runs on the after side
        static C: Rule = Rule::new("t_straddle", r"a\s(b c)förslag\s+x", &[]);
        let h = hir(&C);
        assert_eq!(reach_around(&h, "b cförslag"), Some((2, 2)));
    }

    #[test]
    fn required_words_and_reach() {
        static R: Rule = Rule::new("t_required", r"(?i)(?-u:\b)ja\s*:\s*\d+\s*nej\b", &[]);
        assert_eq!(required(&hir(&R)), ["ja", ":", "nej"]);
        assert_eq!(space_runs(&hir(&R)), Some(3));
        static U: Rule = Rule::new("t_unbounded", r"(?s)ja.+nej", &[]);
        assert_eq!(space_runs(&hir(&U)), None);
        static A: Rule = Rule::new(
            "t_alternation",
            r"(?i)(?:antecknar|(?:lät|får)\s+anteckna|anmäler\s+protokollsanteckning)",
            &[],
        );
        assert_eq!(required(&hir(&A)), ["anteckn"]);
    }

    #[test]
    fn choices_first_characters_and_ends() {
        use crate::grammar::furniture::{FOOTER_LINE, PAGE_NUMBER_LINE, SIGNATURE_LINE};
        assert!(Prefilter::of(&SIGNATURE_LINE).words().is_empty());
        assert_eq!(
            Prefilter::with_choices(&SIGNATURE_LINE).words(),
            [["bestyrkande", "justerare", "sign"]]
        );
        static C: Rule = Rule::new("t_choices", r"(?i)protokoll\s+(?:nr|antal)\s+\d+", &[]);
        assert_eq!(
            Prefilter::with_choices(&C).words(),
            [vec!["protokoll"], vec!["antal", "nr"]]
        );
        let p = Prefilter::with_choices(&C);
        assert!(p.might_match_folded(&Prefilter::fold_text("PROTOKOLL NR 3")));
        assert!(!p.might_match_folded(&Prefilter::fold_text("Protokoll från mötet")));
        assert_eq!(Prefilter::fold_text("ſIGN \u{212A}S"), "sign ks");

        let first = FirstChars::of(&[&SIGNATURE_LINE, &PAGE_NUMBER_LINE]);
        for text in [
            "Justerandes sign",
            "ordförandes sign",
            "Sida 3",
            "3 (12)",
            "- 4 -",
            "ſign",
        ] {
            assert!(first.might_match(text), "{text:?}");
        }
        for text in ["Kommunstyrelsen", "Beslut", "", "§ 4"] {
            assert!(!first.might_match(text), "{text:?}");
        }
        assert!(FirstChars::try_of(&[&FOOTER_LINE]).is_ok());
        static U: Rule = Rule::new("t_unanchored", r"sign", &[]);
        assert!(FirstChars::try_of(&[&U]).is_err());

        let ends = Ends::of(&FOOTER_LINE);
        let mut texts = ends.texts().to_vec();
        texts.sort();
        assert_eq!(texts, [", protokoll", ", protokollsutdrag"]);
        assert!(ends.might_match("Kommunstyrelsen 2025-11-26, protokoll  "));
        assert!(!ends.might_match("Justerat protokoll"));
        assert!(Ends::try_of(&U).is_err());
    }

    /// What every match of `rule` in `text` passes: its prefilters, and its
    /// first characters and end where the rule has them; the failures.
    fn gates_failing(rule: &Rule, gates: &Gates, text: &str) -> Vec<&'static str> {
        let mut failing = Vec::new();
        if !rule.is_match(text) {
            return failing;
        }
        if !gates.words.might_match(text) {
            failing.push("prefilter");
        }
        if !gates.choices.might_match(text) {
            failing.push("prefilter with choices");
        }
        if !gates.choices.might_match_folded(&Prefilter::fold_text(text)) {
            failing.push("prefilter with choices, folded");
        }
        if gates.first.as_ref().is_some_and(|f| !f.might_match(text)) {
            failing.push("first characters");
        }
        if gates.ends.as_ref().is_some_and(|e| !e.might_match(text)) {
            failing.push("ends");
        }
        failing
    }

    /// The derived gates of one rule.
    struct Gates {
        words: Prefilter,
        choices: Prefilter,
        first: Option<FirstChars>,
        ends: Option<Ends>,
    }

    /// Every rule with its gates.
    static ALL_GATES: std::sync::LazyLock<Vec<(&'static Rule, Gates)>> = std::sync::LazyLock::new(|| {
        super::super::families()
            .into_iter()
            .flat_map(|(_, rules)| rules.iter().copied())
            .map(|rule| {
                let gates = Gates {
                    words: Prefilter::of(rule),
                    choices: Prefilter::with_choices(rule),
                    first: FirstChars::try_of(&[rule]).ok(),
                    ends: Ends::try_of(rule).ok(),
                };
                (rule, gates)
            })
            .collect()
    });

    /// The gates of every rule let through every example it finds.
    #[test]
    fn every_rule_passes_its_gates_on_its_examples() {
        for (rule, gates) in ALL_GATES.iter() {
            for example in rule.examples {
                let (super::super::Example::Finds { text, .. } | super::super::Example::Groups { text, .. }) = *example
                else {
                    continue;
                };
                let failing = gates_failing(rule, gates, text);
                assert!(failing.is_empty(), "rule {} on {text:?}: {failing:?}", rule.name);
            }
        }
    }

    /// The words of a rule's examples, and a few others, to build texts
    /// that come near its matches.
    fn vocabulary(rule: &Rule) -> Vec<String> {
        let mut words: Vec<String> = rule
            .examples
            .iter()
            .flat_map(|e| {
                let text = match *e {
                    super::super::Example::Finds { text, .. }
                    | super::super::Example::Groups { text, .. }
                    | super::super::Example::Rejects { text } => text,
                };
                text.split_whitespace().map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        words.extend([" ", "\n", ", ", ".", "och", "att", "(", ")", "x", "7"].map(String::from));
        words.sort();
        words.dedup();
        words
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Every windowed matcher finds what its rule's full scan finds.
        #[test]
        fn windowed_matchers_agree_with_the_full_scan(picks in proptest::collection::vec((0usize..1000, any::<bool>()), 0..40)) {
            for rule in windowed_rules() {
                let words = vocabulary(rule);
                let text: String = picks
                    .iter()
                    .map(|(i, space)| format!("{}{}", words[i % words.len()], if *space { " " } else { "" }))
                    .collect();
                let windowed = Windowed::of(rule);
                prop_assert_eq!(
                    spans(windowed.captures_iter(&text)),
                    spans(rule.captures_iter(&text)),
                    "rule {} on {:?}", rule.name, text
                );
            }
        }

        /// The gates of every rule let through every text it matches.
        #[test]
        fn gates_let_every_match_through(picks in proptest::collection::vec((0usize..1000, any::<bool>()), 0..24)) {
            for (rule, gates) in ALL_GATES.iter() {
                let words = vocabulary(rule);
                let text: String = picks
                    .iter()
                    .map(|(i, space)| format!("{}{}", words[i % words.len()], if *space { " " } else { "" }))
                    .collect();
                let failing = gates_failing(rule, gates, &text);
                prop_assert!(failing.is_empty(), "rule {} on {:?}: {:?}", rule.name, text, failing);
            }
        }
    }
}
