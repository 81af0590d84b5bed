//! The library's typed errors.
//!
//! Every failure that can happen to one input is an [`Error`] carrying the
//! input's path; the pipeline turns it into a `failed` result with the
//! matching [`ErrorKind`] so one bad file never stops a batch.

use std::path::PathBuf;

use crate::model::ErrorKind;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Encoding { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Pdf {
        path: PathBuf,
        kind: ErrorKind,
        message: String,
    },
    #[error("{path}: file is {size} bytes, larger than the limit of {limit} bytes")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: gave up after the time budget of {seconds} s")]
    Timeout { path: PathBuf, seconds: f64 },
    #[error("{path}: internal error: {message}")]
    Internal { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Usage { path: PathBuf, message: String },
}

impl Error {
    /// The error kind written into a failed result.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Io { .. } | Error::Usage { .. } => ErrorKind::Io,
            Error::Encoding { .. } => ErrorKind::Encoding,
            Error::Pdf { kind, .. } => *kind,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::Internal { .. } => ErrorKind::Internal,
        }
    }

    /// The message written into a failed result (without the path, which the
    /// result already carries).
    pub fn message(&self) -> String {
        match self {
            Error::Io { source, .. } => format!("cannot read: {source}"),
            Error::Encoding { message, .. }
            | Error::Pdf { message, .. }
            | Error::Internal { message, .. }
            | Error::Usage { message, .. } => message.clone(),
            Error::TooLarge { size, limit, .. } => {
                format!("file is {size} bytes, larger than the limit of {limit} bytes (--max-bytes)")
            }
            Error::Timeout { seconds, .. } => {
                format!("gave up after the time budget of {seconds} s")
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
