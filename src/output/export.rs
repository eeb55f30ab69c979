//! The `--json` export: the contract of `shared/gold/FORMAT.md`.

use serde::Serialize;

use crate::model::{Attribution, Document, EntityKind, Rule, SectionKind};

#[derive(Serialize)]
struct Export<'a> {
    /// The article's own bytes, hard-wrapped lines and all.
    text: std::borrow::Cow<'a, str>,
    title: Option<&'a str>,
    dek: Option<&'a str>,
    sections: Vec<SectionOut>,
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut>,
}

#[derive(Serialize)]
struct SectionOut {
    kind: SectionKind,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: usize,
    kind: EntityKind,
    name: &'a str,
    mentions: Vec<MentionOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<f64>,
    /// A number's sort: "money", "percent", "counted", "age"...
    #[serde(skip_serializing_if = "Option::is_none")]
    subtype: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    /// A number the reader's lists leave out: a small count, a bare age.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    minor: bool,
}

#[derive(Serialize)]
struct MentionOut {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    description: bool,
}

#[derive(Serialize)]
struct QuoteOut {
    start: usize,
    end: usize,
    speaker: Option<usize>,
    attribution: AttributionOut,
}

/// Why a quote has its speaker: the rule, its confidence from 0 to 1, and
/// the words that attribute the quote.
#[derive(Serialize)]
struct AttributionOut {
    rule: Rule,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<SpanOut>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

impl From<&Attribution> for AttributionOut {
    fn from(a: &Attribution) -> Self {
        AttributionOut {
            rule: a.rule,
            confidence: f64::from(a.confidence) / 100.0,
            cue: a.cue.as_ref().map(|c| SpanOut {
                start: c.start,
                end: c.end,
            }),
        }
    }
}

/// The document as pretty-printed JSON.
pub fn to_json(doc: &Document) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&export(doc)).unwrap_or_default()
}

/// The document as a JSON value (the same object as [`to_json`]).
pub fn to_value(doc: &Document) -> serde_json::Value {
    serde_json::to_value(export(doc)).unwrap_or_default()
}

fn export(doc: &Document) -> Export<'_> {
    Export {
        text: doc.source_text(),
        title: doc.title(),
        dek: doc.dek(),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionOut {
                kind: s.kind,
                start: s.span.start,
                end: s.span.end,
            })
            .collect(),
        entities: doc
            .entities
            .iter()
            .map(|e| EntityOut {
                id: e.id,
                kind: e.kind,
                name: &e.name,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| MentionOut {
                        start: m.span.start,
                        end: m.span.end,
                        description: m.description,
                    })
                    .collect(),
                role: e.role.as_deref(),
                lat: e.coords.map(|c| c.0),
                lon: e.coords.map(|c| c.1),
                subtype: e.number.map(|n| n.kind.label()),
                value: e.number.and_then(|n| n.value).filter(|v| v.is_finite()),
                minor: e.minor(),
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| QuoteOut {
                start: q.span.start,
                end: q.span.end,
                speaker: q.speaker,
                attribution: AttributionOut::from(&q.attribution),
            })
            .collect(),
    }
}
