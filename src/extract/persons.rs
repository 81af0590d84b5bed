//! Persons and parties as written in minutes: "Per Lodenius (C)".
//!
//! Shared by the political-record extractors.
