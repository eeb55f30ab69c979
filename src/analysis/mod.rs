//! The analysis: finds people, places, numbers and organizations with all
//! their mentions, and attributes quotes to speakers.

pub mod numbers;

use crate::document::Document;

pub fn analyze(doc: &mut Document) {
    let _ = doc;
}
