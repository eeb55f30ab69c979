//! The parser: splits an article into sections, sentences and quotes.

mod blocks;
mod quotes;
mod sentences;

use crate::document::{Document, Section};

use quotes::find_quotes;
use sentences::split_sentences;

/// Build the document structure: sections, sentences and quotes.
pub fn parse(text: String) -> Document {
    let mut doc = sections(text);
    sentences_and_quotes(&mut doc);
    doc
}

/// Sections only: all the reader needs to draw the text. Hard-wrapped
/// lines inside a paragraph are joined by turning their newline into a
/// space, which keeps every byte offset where it was.
pub fn sections(mut text: String) -> Document {
    let (sections, joins) = blocks::sections(&text);
    join_lines(&mut text, &joins);
    Document {
        text,
        sections,
        joins,
        ..Document::default()
    }
}

/// Complete a document that has its sections with sentences and quotes.
pub fn sentences_and_quotes(doc: &mut Document) {
    let mut sentences = Vec::new();
    for s in &doc.sections {
        sentences.extend(split_sentences(&doc.text, s.span.clone()));
    }
    let blocks: Vec<&Section> = doc.sections.iter().collect();
    doc.quotes = find_quotes(&doc.text, &blocks);
    doc.sentences = sentences;
}

fn join_lines(text: &mut String, joins: &[usize]) {
    // Each join is a '\n' byte; one byte for one keeps every offset, and
    // no pass over the whole text is needed to revalidate it.
    for &i in joins {
        text.replace_range(i..i + 1, " ");
    }
}
