//! The library's typed errors.
//!
//! Every failure that can happen to one input is an [`Error`] carrying the
//! input's path; the pipeline turns it into a `failed` result with the
//! matching [`ErrorKind`] so one bad file never stops a batch.

use std::path::PathBuf;

use crate::model::ErrorKind;

/// Why one input could not be processed; every variant names the input's
/// path.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// What reading said.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not text in an encoding protokoll reads.
    #[error("{path}: {message}")]
    Encoding {
        /// The input.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The PDF gives no text (damaged, encrypted, a scan, over a cap).
    #[error("{path}: {message}")]
    Pdf {
        /// The input.
        path: PathBuf,
        /// The kind written into the failed result.
        kind: ErrorKind,
        /// Why.
        message: String,
    },
    /// The file is larger than `--max-bytes`.
    #[error("{path}: file is {size} bytes, larger than the limit of {limit} bytes")]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file's time budget ran out.
    #[error("{path}: gave up after the time budget of {seconds} s")]
    Timeout {
        /// The input.
        path: PathBuf,
        /// The budget in seconds.
        seconds: f64,
    },
    /// A bug in protokoll.
    #[error("{path}: internal error: {message}")]
    Internal {
        /// The input.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The input cannot be taken as it was given (a usage error).
    #[error("{path}: {message}")]
    Usage {
        /// The input.
        path: PathBuf,
        /// Why.
        message: String,
    },
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

/// A result whose error is an [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
