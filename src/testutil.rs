//! Hand-built documents for the reader's tests, independent of what the
//! analysis finds.

use crate::model::{Attribution, Document, Entity, EntityKind, Mention, Quote, Rule, Span};
use crate::source::input::BUNDLED;

fn all(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, s)| i..i + s.len())
        .collect()
}

fn entity(doc: &Document, id: usize, kind: EntityKind, name: &str, forms: &[&str]) -> Entity {
    let mut spans: Vec<Span> = forms.iter().flat_map(|f| all(&doc.text, f)).collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut mentions: Vec<Mention> = Vec::new();
    for s in spans {
        if mentions.last().is_none_or(|m| m.span.end <= s.start) {
            mentions.push(Mention {
                span: s,
                description: false,
            });
        }
    }
    Entity {
        id,
        kind,
        name: name.into(),
        mentions,
        role: None,
        coords: None,
        number: None,
    }
}

/// The attribution of a quote whose speaker is named beside it.
fn sure() -> Attribution {
    Attribution {
        rule: Rule::Named,
        confidence: 95,
        cue: None,
    }
}

/// A tiny article with two speakers, Anna and Bob.
pub fn doc_with_people() -> Document {
    let mut doc = Document::analyze("Title\n\nAnna said “yes” and Bob said “no”. Anna again.");
    doc.entities = vec![
        entity(&doc, 0, EntityKind::Person, "Anna", &["Anna"]),
        entity(&doc, 1, EntityKind::Person, "Bob", &["Bob"]),
    ];
    let yes = all(&doc.text, "yes")[0].clone();
    let no = all(&doc.text, "no")[0].clone();
    doc.quotes = vec![
        Quote {
            span: yes,
            speaker: Some(0),
            continues: false,
            attribution: sure(),
        },
        Quote {
            span: no,
            speaker: Some(1),
            continues: false,
            attribution: sure(),
        },
    ];
    doc
}

/// The bundled article with entities and speakers added by hand.
pub fn bundled() -> Document {
    let mut doc = Document::analyze(BUNDLED);
    let people: [(&str, &[&str]); 5] = [
        ("Vladimir Putin", &["Vladimir Putin", "Putin"]),
        ("Donald Trump", &["Donald Trump", "Trump"]),
        ("Emmanuel Macron", &["Emmanuel Macron", "Macron"]),
        ("Scott Bessent", &["Scott Bessent", "Bessent"]),
        ("Boris Johnson", &["Boris Johnson", "Johnson"]),
    ];
    let mut entities = Vec::new();
    for (name, forms) in people {
        entities.push(entity(
            &doc,
            entities.len(),
            EntityKind::Person,
            name,
            forms,
        ));
    }
    entities.push(entity(
        &doc,
        entities.len(),
        EntityKind::Place,
        "Russia",
        &["Russia"],
    ));
    entities.push(entity(
        &doc,
        entities.len(),
        EntityKind::Place,
        "Ukraine",
        &["Ukraine"],
    ));
    entities.push(entity(
        &doc,
        entities.len(),
        EntityKind::Number,
        "15 percent",
        &["15 percent"],
    ));
    doc.entities = entities;
    // Each quote is said by the last person named before its end.
    let people_mentions: Vec<(usize, usize)> = doc.entities[..5]
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span.start, e.id)))
        .collect();
    for q in &mut doc.quotes {
        let para = doc
            .sections
            .iter()
            .find(|s| s.span.start <= q.span.start && q.span.end <= s.span.end)
            .map_or(0..0, |s| s.span.clone());
        q.speaker = people_mentions
            .iter()
            .filter(|(start, _)| para.contains(start))
            .min_by_key(|(start, _)| start.abs_diff(q.span.end))
            .map(|&(_, id)| id);
    }
    doc
}
