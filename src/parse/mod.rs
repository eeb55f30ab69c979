//! The parser: splits an article into sections, sentences and quotes.

mod blocks;
mod quotes;
mod sentences;

use crate::document::{Document, Section};

pub use blocks::word_count;
pub use quotes::find_quotes;
pub use sentences::split_sentences;

/// Build the document structure. Hard-wrapped lines inside a paragraph are
/// joined by turning their newline into a space, which keeps every byte
/// offset where it was.
pub fn parse(mut text: String) -> Document {
    let (sections, joins) = blocks::sections(&text);
    join_lines(&mut text, &joins);
    let mut sentences = Vec::new();
    for s in &sections {
        sentences.extend(split_sentences(&text, s.span.clone()));
    }
    let blocks: Vec<&Section> = sections.iter().collect();
    let quotes = find_quotes(&text, &blocks);
    Document {
        text,
        sections,
        sentences,
        quotes,
        ..Document::default()
    }
}

fn join_lines(text: &mut String, joins: &[usize]) {
    if joins.is_empty() {
        return;
    }
    // Each join is a '\n' byte; replacing it with ' ' keeps UTF-8 valid.
    let mut bytes = std::mem::take(text).into_bytes();
    for &i in joins {
        bytes[i] = b' ';
    }
    *text = String::from_utf8(bytes).unwrap_or_default();
}
