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
    /// Always `protokoll/1`: the version of this contract.
    pub schema: String,
    /// The input the result is of.
    pub source: Source,
    /// `ok`; `partial` (text was read but something was doubtful: see
    /// `warnings`); `failed` (nothing could be read: see `error`, and every
    /// record array is empty).
    pub status: Status,
    /// Why the input failed; `null` unless `status` is `failed`.
    pub error: Option<ErrorInfo>,
    /// What was doubtful about a `partial` result (a decoding fallback, unmapped
    /// glyphs, damaged PDF streams, an empty text).
    pub warnings: Vec<String>,
    /// What the document as a whole is; `null` for a failed input.
    pub document: Option<Document>,
    /// The §§ of the document, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Decisions and proposals, in document order.
    pub decisions: Vec<Decision>,
    /// Every mention of a sum of money, in document order (a sum that recurs is
    /// there each time).
    pub amounts: Vec<Amount>,
    /// The document's footnotes, in document order.
    pub footnotes: Vec<Footnote>,
    /// Yrkanden and members' förslag, in document order.
    pub motions: Vec<Motion>,
    /// Votes (omröstningar), in document order.
    pub votes: Vec<Vote>,
    /// Reservations, in document order.
    pub reservations: Vec<Reservation>,
    /// Protokollsanteckningar, in document order.
    pub notes: Vec<Note>,
    /// Addressees of the decisions, in document order.
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

    /// Number of records of every kind: the document (0 or 1), then the
    /// record arrays in their order.
    pub fn record_counts(&self) -> [(&'static str, usize); 10] {
        [
            ("documents", usize::from(self.document.is_some())),
            ("paragraphs", self.paragraphs.len()),
            ("decisions", self.decisions.len()),
            ("amounts", self.amounts.len()),
            ("footnotes", self.footnotes.len()),
            ("motions", self.motions.len()),
            ("votes", self.votes.len()),
            ("reservations", self.reservations.len()),
            ("notes", self.notes.len()),
            ("recipients", self.recipients.len()),
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
    /// `text` or `pdf` (by the `.pdf` extension).
    pub format: Format,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Size of the input file in bytes.
    pub bytes: u64,
    /// Page count for PDFs; `null` for text.
    pub pages: Option<u32>,
    /// Added: the encoding the text was decoded from (`utf-8`, `utf-16le`,
    /// `utf-16be`, `windows-1252`); `null` for PDFs and unreadable files.
    pub encoding: Option<String>,
}

/// The input's format.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A text file (UTF-8, UTF-16 with BOM, or Windows-1252).
    Text,
    /// A PDF (read by the `.pdf` extension).
    Pdf,
}

/// How the input fared.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read and extracted.
    Ok,
    /// Read, but something was doubtful: `warnings` says what.
    Partial,
    /// Nothing could be read: `error` says why; every record array is empty.
    Failed,
}

/// Why an input failed (`error` of a failed result).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct ErrorInfo {
    /// `io`, `encoding`, `pdf`, `encrypted`, `no_text` (a scanned PDF without a
    /// text layer: needs OCR), `too_large`, `timeout` or `internal`.
    pub kind: ErrorKind,
    /// What went wrong, in words, for a person.
    pub message: String,
}

/// The kind of failure.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file could not be read (missing, a folder, not a regular file, no permission).
    Io,
    /// Not a text (binary data) or not decodable.
    Encoding,
    /// A damaged PDF, or one over a structural limit.
    Pdf,
    /// An encrypted PDF that does not open without a password.
    Encrypted,
    /// A PDF without a text layer (scanned): needs OCR.
    NoText,
    /// Larger than `--max-bytes`, or PDF streams that decode to more than `--max-pdf-decoded-bytes`.
    TooLarge,
    /// Over the time budget (`--timeout`).
    Timeout,
    /// A bug in protokoll (please report it with the file).
    Internal,
}

impl ErrorKind {
    /// The kind as it is written (`too_large`, `no_text`, …).
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
    /// Byte offset (not character) of the record's first byte in the source text:
    /// slice the UTF-8 bytes, `text.encode()[start:end]` in Python.
    pub start: usize,
    /// Byte offset just after the record's last byte (exclusive).
    pub end: usize,
    /// 1-based line of `start`, counted from the start of the whole source text
    /// (for a PDF not per page).
    pub line: usize,
    /// 1-based page of `start` for a PDF (pages are separated by form feeds in
    /// the source text); `null` for text.
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
    /// The municipality's name as SCB writes it ("Göteborg", "Upplands Väsby").
    pub name: String,
    /// SCB municipality code, four digits.
    pub code: String,
}

/// What kind of document it is.
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
    /// None of the above could be told.
    Unknown,
}

/// Where a document's date was read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The document's text states it.
    Text,
    /// Taken from a `YYYY-MM-DD` in the input's path (`--date-from-path`).
    Path,
}

/// What the document as a whole is.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Document {
    /// `protocol`, `protocol_extract`, `memo`, `case_file` or `unknown`.
    pub kind: DocumentKind,
    /// The municipality that issued the document, only when the text names it
    /// (or `--municipality` names it for every input); never guessed.
    pub municipality: Option<Municipality>,
    /// The body whose meeting or proposal the document records
    /// ("Kommunstyrelsen"); for a memo the administration that wrote it.
    pub body: Option<String>,
    /// Meeting date (or the memo's own date), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Added: where `date` comes from: `text` (the document states it) or
    /// `path` (only with `--date-from-path`: the text does not, the input's
    /// path holds a date); `null` when `date` is.
    pub date_from: Option<DateSource>,
    /// The document's title: its first § title, or the subject line of a memo.
    pub title: Option<String>,
}

/// A § of the document itself.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Paragraph {
    /// The § number as written, as a string ("218").
    pub number: String,
    /// The §'s own case numbers (diarienummer) from its heading, without the
    /// "Dnr" label ("KS 2024-254").
    pub case_numbers: Vec<String>,
    /// The § title (the line after the heading); `null` when none.
    pub title: Option<String>,
    /// Covers the § from its heading to the end of its content.
    pub span: Span,
}

/// Whether a body decides or proposes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DecisionType {
    /// The body decides ("Kommunstyrelsen beslutar").
    Decision,
    /// The body proposes another body's decision ("föreslår kommunfullmäktige besluta").
    Proposal,
}

/// A decision's outcome on the matter.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// anta, godkänna, bifalla, fastställa, bevilja, …
    Approve,
    /// avslå, avslag.
    Reject,
    /// bordlägga.
    Table,
    /// återremittera.
    ReferBack,
    /// lägga till handlingarna, notera, anteckna.
    Note,
}

/// A decision or proposal of a body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Decision {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// The body that decides or proposes ("Kommunstyrelsen"); `null` when not
    /// stated.
    pub body: Option<String>,
    /// `decision` (the body decides) or `proposal` (it proposes another body's
    /// decision).
    #[serde(rename = "type")]
    pub kind: DecisionType,
    /// For a proposal: the body asked to decide ("Kommunfullmäktige"); else
    /// `null`.
    pub proposed_to: Option<String>,
    /// On the matter: `approve`, `reject`, `table` (bordlägga), `refer_back`
    /// (återremittera), `note` (lägga till handlingarna); `null` when the
    /// decision is purely substantive.
    pub outcome: Option<Outcome>,
    /// "beslutar för egen del": the body decides the part that is its own to
    /// decide.
    pub for_own_part: bool,
    /// `true` for an earlier decision reported under "Ärendets tidigare
    /// behandling" (with its own `date` and `reference`); `false` for what this
    /// document decides or proposes.
    pub earlier: bool,
    /// For an earlier decision: its own § as stated ("§64" → `"64"`); else
    /// `null`.
    pub reference: Option<String>,
    /// For an earlier decision: its date, `YYYY-MM-DD` (never the meeting date,
    /// which is `document.date`; `earlier_date` in CSV and SQLite); else `null`.
    pub date: Option<String>,
    /// The numbered or separate decision points, each without its number.
    pub items: Vec<String>,
    /// The decision's text as in the source, white space collapsed.
    pub text: String,
    /// Where the record stands in the source text (byte offsets; see `Span`).
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

/// How exact an amount is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// cirka, ca, ungefär, omkring, drygt, knappt, runt.
    About,
    /// högst, max, maximalt, upp till.
    AtMost,
    /// minst, lägst, över.
    AtLeast,
}

/// The time an amount is per.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// per år, /år, årligen.
    Year,
    /// per månad.
    Month,
    /// per vecka.
    Week,
    /// per dag, per dygn.
    Day,
    /// per timme, per timma.
    Hour,
}

/// A mention of a sum of money.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Amount {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// The mention as written, qualifier and unit included ("cirka 130 tkr").
    pub text: String,
    /// In kronor (öre as hundredths).
    pub value: f64,
    /// The upper end of a range ("10–15 mnkr" → 15000000); else `null`.
    pub value_max: Option<f64>,
    /// Always `SEK`.
    pub currency: Currency,
    /// `about` (cirka, ungefär, drygt …), `at_most` (högst, max, upp till),
    /// `at_least` (minst, lägst, över), or `null`.
    pub qualifier: Option<Qualifier>,
    /// The unit the sum is per, other than time, in base form ("1,95 kr per
    /// invånare" → `invånare`); else `null`.
    pub per: Option<String>,
    /// `year`, `month`, `week`, `day` or `hour` ("per år", "årligen", "per
    /// timme"); else `null`.
    pub period: Option<Period>,
    /// The marker of a footnote attached to the amount ("96 000 kronor.⁵" → `5`);
    /// else `null`.
    pub footnote: Option<String>,
    /// Added: the sentence the amount stands in, white space collapsed (for
    /// reading an amount in context without opening the source). It reaches
    /// at most 800 bytes each way from the amount; in a document whose
    /// amounts' sentences together outgrow twice its text (hundreds of
    /// amounts in one table or line), later ones reach 24 bytes each way.
    pub sentence: String,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}

/// A population count stated in a footnote.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Population {
    /// The number of inhabitants.
    pub count: u64,
    /// The date of the count, `YYYY-MM-DD`; `null` when not stated.
    pub date: Option<String>,
}

/// A footnote of the document.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Footnote {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// The footnote's marker as a string ("5").
    pub marker: String,
    /// The footnote's text, without its marker.
    pub text: String,
    /// Set when the footnote states a population count ("49 326 invånare
    /// 2022-06-30"); else `null`.
    pub population: Option<Population>,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}

/// What a yrkande asks for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MotionClass {
    /// bifall.
    Approve,
    /// avslag.
    Reject,
    /// återremiss.
    ReferBack,
    /// bordläggning.
    Table,
    /// ändring, tillägg, tilläggsyrkande.
    Amend,
    /// Anything else moved.
    Other,
}

/// What became of a yrkande.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MotionResult {
    /// The meeting decided as moved.
    Adopted,
    /// The meeting decided otherwise.
    Rejected,
}

/// A yrkande (a member's motion in the meeting) or a member's förslag.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Motion {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// Who makes the yrkande (the first of several making it jointly).
    pub mover: Person,
    /// Who joins it ("med instämmande av", the others of a joint yrkande).
    pub supporters: Vec<Person>,
    /// `approve` (bifall), `reject` (avslag), `refer_back` (återremiss), `table`
    /// (bordläggning), `amend` (ändring, tillägg) or `other`.
    pub classification: MotionClass,
    /// What is moved, as written ("att kommunstyrelsen avslår förslaget …").
    pub text: String,
    /// `adopted` or `rejected` as the Beslutsgång, Propositionsordning or a vote
    /// states; `null` when the minutes do not say.
    pub result: Option<MotionResult>,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}

/// The counts of a vote as stated.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
pub struct VoteCounts {
    /// Votes for yes; `null` when not stated.
    pub yes: Option<u32>,
    /// Votes for no; `null` when not stated.
    pub no: Option<u32>,
    /// Members abstaining (avstår); `null` when not stated.
    pub abstain: Option<u32>,
    /// Members absent (frånvarande); `null` when not stated.
    pub absent: Option<u32>,
}

/// One member's vote.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VoteOption {
    /// Ja.
    Yes,
    /// Nej.
    No,
    /// Avstår.
    Abstain,
    /// Frånvarande.
    Absent,
}

/// One member's vote in a roll-call.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct NamedVote {
    /// The member's name as written; `null` when only a party is given.
    pub name: Option<String>,
    /// The member's party abbreviation; `null` when not stated.
    pub party: Option<String>,
    /// `yes`, `no`, `abstain` or `absent`.
    pub option: VoteOption,
}

/// An omröstning (a vote).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Vote {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// The counts as stated.
    pub counts: VoteCounts,
    /// What a yes vote is for ("bifall till Marie Brynolfssons yrkande"); `null`
    /// when not stated.
    pub yes_means: Option<String>,
    /// What a no vote is for; `null` when not stated.
    pub no_means: Option<String>,
    /// Each member's vote when the minutes name who voted what (may be empty).
    pub votes: Vec<NamedVote>,
    /// The vote as written, white space collapsed.
    pub text: String,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}

/// A reservation: members dissenting from the decision.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Reservation {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// Who reserves themselves (members, or a party group with `name` null).
    pub by: Vec<Person>,
    /// The reservation as written, white space collapsed.
    pub text: String,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}

/// A protokollsanteckning: a statement entered into the minutes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Note {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// Who enters the note.
    pub by: Vec<Person>,
    /// The group the note is entered for ("Socialdemokraternas
    /// kommunstyrelsegrupp"); else `null`.
    pub on_behalf_of: Option<String>,
    /// The note as written, white space collapsed.
    pub text: String,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}

/// An addressee of the decision ("Beslutet skickas till", "Expedieras till", …).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Recipient {
    /// The number of the § the record belongs to, as a string ("70"); `null` when
    /// the document has no § structure.
    pub paragraph: Option<String>,
    /// The addressee as written ("Ekonomiavdelningen").
    pub name: String,
    /// The addressee as written (`name` equals it; kept for the span check).
    pub text: String,
    /// Where the record stands in the source text (byte offsets; see `Span`).
    pub span: Span,
}
