//! The `--json` export: the contract of `shared/gold/FORMAT.md`.

use serde::{Serialize, Serializer};

use crate::model::{
    Attribution, Document, Entity, EntityKind, Mention, Quote, Rule, Section, SectionKind,
};

#[derive(Serialize)]
struct Export<'a> {
    /// The article's own bytes, hard-wrapped lines and all.
    text: std::borrow::Cow<'a, str>,
    title: Option<&'a str>,
    dek: Option<&'a str>,
    sections: Lazy<'a, Section, SectionOut>,
    entities: Lazy<'a, Entity, EntityOut<'a>>,
    quotes: Lazy<'a, Quote, QuoteOut>,
}

/// A list written item by item straight from the document, never gathered
/// first: a text with millions of mentions or paragraphs is not copied
/// once more on its way out.
struct Lazy<'a, T, O> {
    items: &'a [T],
    out: fn(&'a T) -> O,
}

impl<'a, T, O: Serialize> Serialize for Lazy<'a, T, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.items.iter().map(self.out))
    }
}

/// One line of a batch: the export with the article's source.
#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    #[serde(flatten)]
    export: Export<'a>,
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
    mentions: Lazy<'a, Mention, MentionOut>,
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
    let mut out = Vec::new();
    // Writing plain structs of strings and numbers into memory cannot fail.
    let _ = write_json(doc, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Write the document as pretty-printed JSON, as it is serialized.
pub fn write_json(doc: &Document, out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(out, &export(doc)).map_err(std::io::Error::from)
}

/// Write the document as one compact JSON line with its `source` first.
pub fn write_line(source: &str, doc: &Document, out: impl std::io::Write) -> std::io::Result<()> {
    let line = Line {
        source,
        export: export(doc),
    };
    serde_json::to_writer(out, &line).map_err(std::io::Error::from)
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
        sections: Lazy {
            items: &doc.sections,
            out: |s| SectionOut {
                kind: s.kind,
                start: s.span.start,
                end: s.span.end,
            },
        },
        entities: Lazy {
            items: &doc.entities,
            out: |e| EntityOut {
                id: e.id,
                kind: e.kind,
                name: &e.name,
                mentions: Lazy {
                    items: &e.mentions,
                    out: |m| MentionOut {
                        start: m.span.start,
                        end: m.span.end,
                        description: m.description,
                    },
                },
                role: e.role.as_deref(),
                lat: e.coords.map(|c| c.0),
                lon: e.coords.map(|c| c.1),
                subtype: e.number.map(|n| n.kind.label()),
                value: e.number.and_then(|n| n.value).filter(|v| v.is_finite()),
                minor: e.minor(),
            },
        },
        quotes: Lazy {
            items: &doc.quotes,
            out: |q| QuoteOut {
                start: q.span.start,
                end: q.span.end,
                speaker: q.speaker,
                attribution: AttributionOut::from(&q.attribution),
            },
        },
    }
}
