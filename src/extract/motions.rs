//! Extraction of yrkanden (members' motions).
//!
//! Not yet implemented: the political records follow the core pipeline.
//! Until then the array is present and empty, as the contract requires.

use super::Doc;
use crate::model::Motion;

/// All records of this kind in the document, in document order.
pub fn extract(_doc: &Doc<'_>) -> Vec<Motion> {
    Vec::new()
}
