//! The output contract: the serialized result of one input (schema `protokoll/1`).
//!
//! These types are what `protokoll extract` writes, one per input file. Field
//! names and vocabularies follow `SPEC.md` (shipped as the contract of the
//! tool); everything we add beyond it is documented on the field. Every record
//! carries a [`Span`] into the document's *source text* so each figure can be
//! traced back by hand (`protokoll text FILE`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Schema identifier written into every result.
pub const SCHEMA: &str = "protokoll/1";

/// One result per input file, also when the input failed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct ExtractResult {
    pub schema: String,
    pub source: Source,
    pub status: Status,
    pub error: Option<ErrorInfo>,
    pub warnings: Vec<String>,
    pub document: Option<Document>,
    pub paragraphs: Vec<Paragraph>,
    pub decisions: Vec<Decision>,
    pub amounts: Vec<Amount>,
    pub footnotes: Vec<Footnote>,
    pub motions: Vec<Motion>,
    pub votes: Vec<Vote>,
    pub reservations: Vec<Reservation>,
    pub notes: Vec<Note>,
    pub recipients: Vec<Recipient>,
}

impl ExtractResult {
    /// An empty result for `source`, with every record array present.
    pub fn new(source: Source) -> Self {
        ExtractResult {
            schema: SCHEMA.to_string(),
            source,
            status: Status::Ok,
            error: None,
            warnings: Vec::new(),
            document: None,
            paragraphs: Vec::new(),
            decisions: Vec::new(),
            amounts: Vec::new(),
            footnotes: Vec::new(),
            motions: Vec::new(),
            votes: Vec::new(),
            reservations: Vec::new(),
            notes: Vec::new(),
            recipients: Vec::new(),
        }
    }

    /// A failed result: no records, `error` set.
    pub fn failed(source: Source, kind: ErrorKind, message: String) -> Self {
        let mut r = ExtractResult::new(source);
        r.status = Status::Failed;
        r.error = Some(ErrorInfo { kind, message });
        r
    }

    /// Number of records of every kind, in the order of the arrays.
    pub fn record_counts(&self) -> [(&'static str, usize); 10] {
        [
            ("paragraphs", self.paragraphs.len()),
            ("decisions", self.decisions.len()),
            ("amounts", self.amounts.len()),
            ("footnotes", self.footnotes.len()),
            ("motions", self.motions.len()),
            ("votes", self.votes.len()),
            ("reservations", self.reservations.len()),
            ("notes", self.notes.len()),
            ("recipients", self.recipients.len()),
            ("documents", usize::from(self.document.is_some())),
        ]
    }
}

/// The record arrays of a result, in the contract's order.
pub const RECORD_KINDS: &[&str] = &[
    "paragraphs",
    "decisions",
    "amounts",
    "footnotes",
    "motions",
    "votes",
    "reservations",
    "notes",
    "recipients",
];

/// Where a result came from.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Source {
    /// The input's key: its path from `--root` (default: the current
    /// directory) with `/` separators, `.` and `..` resolved; an absolute
    /// path for a file outside the root; `-` for standard input. The same
    /// file has the same key in every output and incremental run.
    pub path: String,
    pub format: Format,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    pub bytes: u64,
    /// Page count for PDFs; `null` for text.
    pub pages: Option<u32>,
    /// Added: the encoding the text was decoded from (`utf-8`, `utf-16le`,
    /// `utf-16be`, `windows-1252`); `null` for PDFs and unreadable files.
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Pdf,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Partial,
    Failed,
}

/// Why an input failed (`error` of a failed result).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Io,
    Encoding,
    Pdf,
    Encrypted,
    NoText,
    TooLarge,
    Timeout,
    Internal,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Encoding => "encoding",
            ErrorKind::Pdf => "pdf",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::NoText => "no_text",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Internal => "internal",
        }
    }
}

/// Byte offsets (end exclusive) into the source text, the 1-based line of
/// `start`, and the 1-based page for PDFs.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub page: Option<u32>,
}

/// A person or a party group acting in the minutes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash)]
pub struct Person {
    /// The name as written, without titles; `null` when only a party or a
    /// group acts ("Representanterna från SD …").
    pub name: Option<String>,
    /// Party abbreviation in upper case (`S`, `M`, …, local parties as
    /// written, `-` for politically unaffiliated); `null` when not stated.
    pub party: Option<String>,
}

/// A municipality from the shipped list of Sweden's 290 municipalities.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Municipality {
    pub name: String,
    /// SCB municipality code, four digits.
    pub code: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A whole meeting protocol (several §§ with attendance).
    Protocol,
    /// A protokollsutdrag: one or a few §§ of a protocol.
    ProtocolExtract,
    /// A tjänsteskrivelse / tjänsteutlåtande / an administration's förslag till beslut.
    Memo,
    /// A handling that bundles several documents of one case.
    CaseFile,
    Unknown,
}

/// What the document as a whole is.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Document {
    pub kind: DocumentKind,
    pub municipality: Option<Municipality>,
    pub body: Option<String>,
    /// Meeting date (or the memo's own date), `YYYY-MM-DD`.
    pub date: Option<String>,
    pub title: Option<String>,
}

/// A § of the document itself.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Paragraph {
    pub number: String,
    pub case_numbers: Vec<String>,
    pub title: Option<String>,
    /// Covers the § from its heading to the end of its content.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DecisionType {
    Decision,
    Proposal,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approve,
    Reject,
    Table,
    ReferBack,
    Note,
}

/// A decision or proposal of a body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Decision {
    pub paragraph: Option<String>,
    pub body: Option<String>,
    #[serde(rename = "type")]
    pub kind: DecisionType,
    pub proposed_to: Option<String>,
    pub outcome: Option<Outcome>,
    pub for_own_part: bool,
    pub earlier: bool,
    pub reference: Option<String>,
    pub date: Option<String>,
    pub items: Vec<String>,
    pub text: String,
    pub span: Span,
}

/// The currency of an amount. Swedish minutes state sums in kronor, so
/// today the one value is `SEK`; an enum rather than a string keeps a
/// record small when a document holds hundreds of thousands of amounts.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
pub enum Currency {
    /// Swedish kronor (kr, kronor, tkr, mnkr, miljarder kronor, öre).
    #[default]
    SEK,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    About,
    AtMost,
    AtLeast,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Year,
    Month,
    Week,
    Day,
    Hour,
}

/// A mention of a sum of money.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Amount {
    pub paragraph: Option<String>,
    pub text: String,
    /// In kronor (öre as hundredths).
    pub value: f64,
    pub value_max: Option<f64>,
    pub currency: Currency,
    pub qualifier: Option<Qualifier>,
    pub per: Option<String>,
    pub period: Option<Period>,
    pub footnote: Option<String>,
    /// Added: the sentence the amount stands in, white space collapsed (for
    /// reading an amount in context without opening the source). It reaches
    /// at most 800 bytes each way from the amount; in a document whose
    /// amounts' sentences together outgrow twice its text (hundreds of
    /// amounts in one table or line), later ones reach 24 bytes each way.
    pub sentence: String,
    pub span: Span,
}

/// A population count stated in a footnote.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Population {
    pub count: u64,
    pub date: Option<String>,
}

/// A footnote of the document.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Footnote {
    pub paragraph: Option<String>,
    pub marker: String,
    pub text: String,
    pub population: Option<Population>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MotionClass {
    Approve,
    Reject,
    ReferBack,
    Table,
    Amend,
    Other,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MotionResult {
    Adopted,
    Rejected,
}

/// A yrkande (a member's motion in the meeting) or a member's förslag.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Motion {
    pub paragraph: Option<String>,
    pub mover: Person,
    pub supporters: Vec<Person>,
    pub classification: MotionClass,
    pub text: String,
    pub result: Option<MotionResult>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
pub struct VoteCounts {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub absent: Option<u32>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VoteOption {
    Yes,
    No,
    Abstain,
    Absent,
}

/// One member's vote in a roll-call.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct NamedVote {
    pub name: Option<String>,
    pub party: Option<String>,
    pub option: VoteOption,
}

/// An omröstning (a vote).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Vote {
    pub paragraph: Option<String>,
    pub counts: VoteCounts,
    pub yes_means: Option<String>,
    pub no_means: Option<String>,
    pub votes: Vec<NamedVote>,
    pub text: String,
    pub span: Span,
}

/// A reservation: members dissenting from the decision.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Reservation {
    pub paragraph: Option<String>,
    pub by: Vec<Person>,
    pub text: String,
    pub span: Span,
}

/// A protokollsanteckning: a statement entered into the minutes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Note {
    pub paragraph: Option<String>,
    pub by: Vec<Person>,
    pub on_behalf_of: Option<String>,
    pub text: String,
    pub span: Span,
}

/// An addressee of the decision ("Beslutet skickas till", "Expedieras till", …).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Recipient {
    pub paragraph: Option<String>,
    pub name: String,
    /// The addressee as written (`name` equals it; kept for the span check).
    pub text: String,
    pub span: Span,
}
