//! The promises every [`Document`] keeps, as a checker shared by the unit,
//! property and fuzz tests.
//!
//! Every span is inside the text, non-empty and on char boundaries; sections,
//! sentences, placeholders and the mentions of each entity are sorted and do
//! not overlap; quote speakers are people; and the text holds no character
//! that could drive a terminal (the sanitizer's promise).

use crate::model::{Document, EntityKind, Span};

/// A character that must never appear in document text: C0 controls other
/// than `\n`, DEL, C1 controls and the bidi and direction marks.
pub fn is_forbidden(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x09
        | 0x0b..=0x1f
        | 0x7f..=0x9f
        | 0x061c
        | 0x200e..=0x200f
        | 0x202a..=0x202e
        | 0x2066..=0x2069)
}

/// Check every invariant of a document; the error names the first broken one.
pub fn check(doc: &Document) -> Result<(), String> {
    let text = &doc.text;
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
        return Err(format!("text has control U+{:04X} at byte {i}", c as u32));
    }
    let sections: Vec<Span> = doc.sections.iter().map(|s| s.span.clone()).collect();
    check_sorted_spans(text, &sections, "section")?;
    check_sorted_spans(text, &doc.sentences, "sentence")?;
    check_sorted_spans(text, &doc.placeholders, "placeholder")?;
    for (i, e) in doc.entities.iter().enumerate() {
        if e.id != i {
            return Err(format!("entity at index {i} has id {}", e.id));
        }
        if e.mentions.is_empty() {
            return Err(format!("entity {i} ({:?}) has no mentions", e.name));
        }
        let spans: Vec<Span> = e.mentions.iter().map(|m| m.span.clone()).collect();
        check_sorted_spans(text, &spans, &format!("mention of entity {i}"))?;
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        check_span(text, &q.span, &format!("quote {i}"))?;
        if let Some(id) = q.speaker {
            match doc.entities.get(id) {
                Some(e) if e.kind == EntityKind::Person => {}
                Some(e) => return Err(format!("quote {i} speaker {id} is a {:?}", e.kind)),
                None => return Err(format!("quote {i} speaker {id} does not exist")),
            }
        }
    }
    Ok(())
}

fn check_span(text: &str, span: &Span, what: &str) -> Result<(), String> {
    if span.start >= span.end {
        return Err(format!("{what} {span:?} is empty or reversed"));
    }
    if span.end > text.len() {
        return Err(format!(
            "{what} {span:?} ends past the text ({})",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what} {span:?} splits a character"));
    }
    Ok(())
}

fn check_sorted_spans(text: &str, spans: &[Span], what: &str) -> Result<(), String> {
    for s in spans {
        check_span(text, s, what)?;
    }
    for pair in spans.windows(2) {
        if pair[0].end > pair[1].start {
            return Err(format!(
                "{what}s {:?} and {:?} are unsorted or overlap",
                pair[0], pair[1]
            ));
        }
    }
    Ok(())
}

/// Check the `--json` export of a document: it parses, holds no raw ESC
/// byte, and its text and spans agree with the document.
pub fn check_json(doc: &Document, json: &str) -> Result<(), String> {
    if json.bytes().any(|b| b == 0x1b) {
        return Err("JSON has a raw ESC byte".into());
    }
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("JSON does not parse: {e}"))?;
    if value["text"].as_str() != Some(doc.source_text().as_ref()) {
        return Err("JSON text differs from the document text".into());
    }
    let sections = value["sections"].as_array().map_or(0, Vec::len);
    let entities = value["entities"].as_array().map_or(0, Vec::len);
    let quotes = value["quotes"].as_array().map_or(0, Vec::len);
    if (sections, entities, quotes) != (doc.sections.len(), doc.entities.len(), doc.quotes.len()) {
        return Err("JSON lists differ from the document".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Mention, Quote};

    #[test]
    fn the_bundled_article_keeps_every_invariant() {
        let doc = Document::analyze(crate::source::input::BUNDLED);
        check(&doc).unwrap();
        check_json(&doc, &crate::output::export::to_json(&doc)).unwrap();
    }

    #[test]
    fn broken_documents_are_caught() {
        let base = Document::analyze("Title\n\nAnna Berg said “yes”.");
        check(&base).unwrap();

        let mut doc = base.clone();
        doc.text.push('\u{202e}');
        assert!(check(&doc).unwrap_err().contains("U+202E"));

        let mut doc = base.clone();
        doc.sentences.push(0..1);
        assert!(check(&doc).unwrap_err().contains("overlap"));

        let mut doc = Document::analyze("é");
        doc.placeholders = std::iter::once(0..1).collect();
        assert!(check(&doc).unwrap_err().contains("splits"));

        let mut doc = base.clone();
        doc.quotes.push(Quote {
            span: 0..1,
            speaker: Some(99),
            continues: false,
            attribution: Default::default(),
        });
        assert!(check(&doc).unwrap_err().contains("does not exist"));

        let mut doc = base.clone();
        let id = doc.entities.len();
        doc.entities.push(Entity {
            id,
            kind: EntityKind::Place,
            name: "X".into(),
            mentions: vec![Mention {
                span: 3..3,
                description: false,
            }],
            role: None,
            coords: None,
            number: None,
        });
        assert!(check(&doc).unwrap_err().contains("empty"));
    }
}
