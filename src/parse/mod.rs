//! The parser: splits an article into sections, sentences and quotes.

mod blocks;
mod quotes;
mod sentences;

use crate::model::sanitize::sanitize;
use crate::model::{Document, Quote, Section, Span};

use quotes::find_quotes;
use sentences::split_sentences;

impl Document {
    /// Sanitize and parse only: the analysis is still to be done.
    pub fn parse(raw: &str) -> Document {
        let mut doc = Document::outline(raw);
        (doc.sentences, doc.quotes) = sentences_and_quotes(&doc);
        doc
    }

    /// Sanitize and find the sections only: what the reader draws before
    /// the rest of the parse and the analysis are done (see
    /// `Document::complete` in the analysis).
    pub fn outline(raw: &str) -> Document {
        let (text, placeholders) = sanitize(raw);
        let mut doc = sections(text);
        doc.placeholders = placeholders;
        doc
    }

    /// [`Document::outline`], with `beside` run on the text on the other
    /// core while the paragraphs are classified.
    pub fn outline_with<T: Send>(
        raw: &str,
        beside: impl FnOnce(&str) -> T + Send,
    ) -> (Document, T) {
        let (text, placeholders) = sanitize(raw);
        let (mut doc, found) = sections_with(text, beside);
        doc.placeholders = placeholders;
        (doc, found)
    }
}

/// Sections only: all the reader needs to draw the text. Hard-wrapped
/// lines inside a paragraph are joined by turning their newline into a
/// space, which keeps every byte offset where it was.
pub fn sections(text: String) -> Document {
    // One thread: the reader's first screen waits for this, and starting
    // the other core's worker would cost more than it saves.
    let (text, blocks, joins) = joined(text);
    let sections = blocks::classify(&text, &blocks);
    outlined(text, sections, joins)
}

/// [`sections`], with `beside` run on the joined text on the other core
/// while the paragraphs are classified.
fn sections_with<T: Send>(text: String, beside: impl FnOnce(&str) -> T + Send) -> (Document, T) {
    let (text, blocks, joins) = joined(text);
    let (sections, found) = rayon::join(|| blocks::classify(&text, &blocks), || beside(&text));
    (outlined(text, sections, joins), found)
}

/// The text with its hard-wrapped lines joined, its blocks and the joins.
fn joined(mut text: String) -> (String, Vec<Span>, Vec<usize>) {
    let (blocks, joins) = blocks::blocks(&text);
    join_lines(&mut text, &joins);
    (text, blocks, joins)
}

fn outlined(text: String, sections: Vec<Section>, joins: Vec<usize>) -> Document {
    Document {
        text,
        sections,
        joins,
        ..Document::default()
    }
}

/// The sentences and quotes of a document that has its sections.
pub fn sentences_and_quotes(doc: &Document) -> (Vec<Span>, Vec<Quote>) {
    // Neither needs the other: one on each core.
    rayon::join(
        || {
            let mut sentences = Vec::new();
            for s in &doc.sections {
                sentences.extend(split_sentences(&doc.text, s.span.clone()));
            }
            sentences
        },
        || {
            let blocks: Vec<&Section> = doc.sections.iter().collect();
            find_quotes(&doc.text, &blocks)
        },
    )
}

fn join_lines(text: &mut String, joins: &[usize]) {
    // Each join is a '\n' byte; one byte for one keeps every offset, and
    // no pass over the whole text is needed to revalidate it.
    for &i in joins {
        text.replace_range(i..i + 1, " ");
    }
}
