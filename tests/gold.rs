//! The bundled article against its hand-made annotation in
//! `../shared/gold/minerals-deal.json`, scored the way `score.py` scores it.

use std::collections::BTreeSet;

use byline::model::{Document, EntityKind};
use serde_json::Value;

fn gold() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/gold/minerals-deal.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Case, dots, a leading "the" and a possessive ending do not matter.
fn norm(s: &str) -> String {
    let s = s.replace('’', "'").to_lowercase();
    let s = s
        .trim()
        .strip_suffix("'s")
        .unwrap_or(s.trim())
        .replace('.', "");
    let s = s.strip_prefix("the ").unwrap_or(&s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn str_list(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Canonical gold name for each predicted entity of a kind; panics on an
/// entity that matches no gold or optional name, or on a split entity.
fn check_entities(doc: &Document, gold: &Value, key: &str, kind: EntityKind) {
    let mut found = BTreeSet::new();
    let optional: Vec<String> = str_list(&gold["optional"][key])
        .iter()
        .map(|s| norm(s))
        .collect();
    for e in doc.entities.iter().filter(|e| e.kind == kind) {
        let n = norm(&e.name);
        let hit = gold[key].as_array().unwrap().iter().find(|g| {
            std::iter::once(g["name"].as_str().unwrap().to_string())
                .chain(str_list(&g["names"]))
                .any(|form| norm(&form) == n)
        });
        match hit {
            Some(g) => {
                let canon = g["name"].as_str().unwrap().to_string();
                assert!(found.insert(canon.clone()), "{key}: {canon} split in two");
            }
            None => assert!(optional.contains(&n), "{key}: false {:?}", e.name),
        }
    }
    let all: BTreeSet<String> = gold[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(found, all, "{key}: all found");
}

#[test]
fn people_and_places_match_the_gold() {
    let doc = Document::analyze(byline::source::input::BUNDLED);
    let g = gold();
    check_entities(&doc, &g, "people", EntityKind::Person);
    check_entities(&doc, &g, "places", EntityKind::Place);
}

#[test]
fn every_quote_is_found_with_its_speaker() {
    let doc = Document::analyze(byline::source::input::BUNDLED);
    let g = gold();
    for q in g["quotes"].as_array().unwrap() {
        let text = q["text"].as_str().unwrap();
        let at = doc.text.find(text).unwrap();
        let gold_span = at..at + text.len();
        let found = doc.quotes.iter().find(|p| {
            let overlap = p
                .span
                .end
                .min(gold_span.end)
                .saturating_sub(p.span.start.max(gold_span.start));
            overlap * 2 >= gold_span.len()
        });
        let found = found.unwrap_or_else(|| panic!("missed quote {text:?}"));
        let speaker = found.speaker.map(|id| doc.entities[id].name.as_str());
        assert_eq!(speaker, q["speaker"].as_str(), "speaker of {text:?}");
    }
    assert_eq!(doc.quotes.len(), g["quotes"].as_array().unwrap().len());
}

#[test]
fn every_name_occurrence_is_a_mention_of_its_person() {
    let doc = Document::analyze(byline::source::input::BUNDLED);
    for p in gold()["people"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let entity = doc.entities.iter().find(|e| e.name == name).unwrap();
        for form in str_list(&p["names"]) {
            for (at, _) in doc.text.match_indices(&form) {
                let covered = entity.mentions.iter().any(|m| m.span.contains(&at));
                assert!(covered, "{form:?} at byte {at} is not a mention of {name}");
            }
        }
    }
}

#[test]
fn numbers_match_the_gold() {
    let doc = Document::analyze(byline::source::input::BUNDLED);
    let g = gold();
    let spans = |key: &Value| -> Vec<std::ops::Range<usize>> {
        str_list(key)
            .iter()
            .flat_map(|n| {
                doc.text
                    .match_indices(n.as_str())
                    .map(|(at, s)| at..at + s.len())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let gold_spans = spans(&g["numbers"]);
    let optional = spans(&g["optional"]["numbers"]);
    let predicted: Vec<_> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Number)
        .flat_map(|e| e.mentions.iter().map(|m| m.span.clone()))
        .collect();
    let overlaps =
        |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| a.start < b.end && b.start < a.end;
    let found = gold_spans
        .iter()
        .filter(|g| predicted.iter().any(|p| overlaps(g, p)))
        .count();
    let false_hits: Vec<&str> = predicted
        .iter()
        .filter(|p| !gold_spans.iter().chain(&optional).any(|g| overlaps(g, p)))
        .map(|p| &doc.text[p.clone()])
        .collect();
    let recall = found as f64 / gold_spans.len() as f64;
    let precision = (predicted.len() - false_hits.len()) as f64 / predicted.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    assert!(f1 >= 0.95, "numbers F1 {f1:.2}; false: {false_hits:?}");
}
