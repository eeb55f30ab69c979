//! What the reader lists: numbers a reader looks for, and page furniture
//! (bylines, captions, promos) kept out of the story's people and outline.
//! Every text is written for the test.

use byline::model::{Document, EntityKind, SectionKind};
use byline::reader::index::{Index, Row};

const BODY: &str = "Mayor Alma Ortiz said the council approved the plan after a long debate that ran late into the night.";

fn number<'a>(doc: &'a Document, name: &str) -> &'a byline::model::Entity {
    doc.entities
        .iter()
        .find(|e| e.kind == EntityKind::Number && e.name == name)
        .unwrap_or_else(|| panic!("no number {name:?} in {:?}", doc.entities))
}

fn listed(doc: &Document, name: &str) -> bool {
    let index = Index::build(doc);
    index
        .rows
        .iter()
        .any(|r| matches!(r, Row::Entity(id) if doc.entities[*id].name == name))
}

#[test]
fn money_with_a_hyphenated_scale_has_its_full_value() {
    let doc = Document::analyze(&format!(
        "Headline\n\n{BODY} The city spent $700-million on roads, $10-billion on rail and C$2-billion on ports, and $900 on paint.\n"
    ));
    for (name, value) in [
        ("$700-million", 7e8),
        ("$10-billion", 1e10),
        ("C$2-billion", 2e9),
    ] {
        let e = number(&doc, name);
        assert_eq!(e.number.and_then(|n| n.value), Some(value), "{name}");
    }
    // The sidebar's comparison bars read the same value.
    let index = Index::build(&doc);
    let id = number(&doc, "$700-million").id;
    let q = index.numbers.quantity[id].as_ref().expect("a quantity");
    assert_eq!((q.value, q.unit.as_str()), (7e8, "dollars"));
    let json = byline::output::export::to_value(&doc);
    let out = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "$700-million")
        .unwrap();
    assert_eq!(out["value"], 7e8);
    assert_eq!(out["subtype"], "money");
}

#[test]
fn minor_numbers_stay_in_the_export_but_leave_the_sidebar() {
    let doc = Document::analyze(&format!(
        "Headline\n\n{BODY} Police found two boxes and one clip the first time. Two officers and 14 boxes were there. Jane Roe, 45, saw it all, and 30 percent agreed.\n"
    ));
    for minor in ["two boxes", "one clip", "first time", "45"] {
        assert!(number(&doc, minor).minor(), "{minor} is minor");
        assert!(!listed(&doc, minor), "{minor} is not in the sidebar");
    }
    for shown in ["Two officers", "14 boxes", "30 percent"] {
        assert!(!number(&doc, shown).minor(), "{shown} is not minor");
        assert!(listed(&doc, shown), "{shown} is in the sidebar");
    }
    let json = byline::output::export::to_value(&doc);
    let entities = json["entities"].as_array().unwrap();
    let out = |name: &str| entities.iter().find(|e| e["name"] == name).unwrap();
    assert_eq!(out("two boxes")["minor"], true);
    assert_eq!(out("45")["subtype"], "age");
    assert!(out("14 boxes").get("minor").is_none());
    // Minor numbers are not highlighted in the text either.
    let index = Index::build(&doc);
    let clip = doc.text.find("one clip").unwrap();
    assert!(index.mention_at(clip).is_none());
}

#[test]
fn keycap_emoji_are_not_numbers() {
    let doc = Document::analyze(&format!(
        "Headline\n\n{BODY} Press 1\u{fe0f}\u{20e3} or #\u{fe0f}\u{20e3} or 7\u{20e3} now.\n"
    ));
    let numbers: Vec<&str> = doc.names_of(EntityKind::Number);
    assert!(numbers.is_empty(), "{numbers:?}");
}

#[test]
fn stand_ins_for_control_characters_are_never_entities() {
    let raw = format!(
        "Headline\n\n{BODY} It rose \u{85}\u{85} and \u{1b} and \u{2066} 2066 times in Paris.\n"
    );
    let doc = Document::analyze(&raw);
    assert!(!doc.placeholders.is_empty());
    for e in &doc.entities {
        for m in &e.mentions {
            let inside = doc
                .placeholders
                .iter()
                .any(|p| p.start < m.span.end && m.span.start < p.end);
            assert!(!inside, "{} at {:?}", e.name, m.span);
        }
    }
    // The text around them is still read.
    assert!(doc.names_of(EntityKind::Place).contains(&"Paris"));
    let numbers = doc.names_of(EntityKind::Number);
    assert!(numbers.iter().any(|n| n.starts_with("2066")), "{numbers:?}");
}

/// The kind given to `line` set between two body paragraphs, and the
/// people of that text.
fn furniture(line: &str) -> (SectionKind, Vec<String>) {
    let text = format!("Headline\n\n{BODY}\n\n{line}\n\n{BODY}\n");
    let doc = Document::analyze(&text);
    let kind = doc
        .sections
        .iter()
        .find(|s| doc.slice(&s.span) == line)
        .unwrap_or_else(|| panic!("no section {line:?}: {:?}", doc.sections))
        .kind;
    let people = doc
        .names_of(EntityKind::Person)
        .into_iter()
        .map(String::from)
        .collect();
    (kind, people)
}

#[test]
fn captions_credits_bylines_and_promos_are_furniture() {
    use SectionKind::*;
    for (line, want) in [
        ("Photo: Jane Roe / The Daily Star", Caption),
        ("PHOTO: Jane Roe", Caption),
        ("Photograph by Jane Roe", Caption),
        ("Crowds wait outside the hall. (AP Photo/Jane Roe)", Caption),
        ("Crowds wait outside the hall. (Photo: Jane Roe)", Caption),
        ("Jane Roe/Reuters", Caption),
        ("Jane Roe / The Daily Star", Caption),
        ("READ MORE: Jane Roe on the budget", Promo),
        ("WATCH: Jane Roe speaks to reporters", Promo),
        ("Related: Jane Roe and the council", Promo),
        ("Sign up for our newsletter", Promo),
        ("By Jane Roe", Byline),
        ("By Jane Roe and Sam Poe, Associated Press", Byline),
        ("Reporting by Jane Roe; Editing by Sam Poe", Byline),
    ] {
        let (kind, people) = furniture(line);
        assert_eq!(kind, want, "{line:?}");
        assert!(kind.is_furniture());
        assert_eq!(people, ["Alma Ortiz"], "{line:?}");
    }
}

#[test]
fn furniture_is_not_in_the_outline_but_subheads_are() {
    let text = format!(
        "Headline\n\n{BODY}\n\nWATCH: Highlights\n\nPhoto: Jane Roe\n\nWhat Comes Next\n\n{BODY}\n\n“We Will Rebuild”\n\n{BODY}\n"
    );
    let doc = Document::analyze(&text);
    let index = Index::build(&doc);
    let outline: Vec<&str> = index
        .headings
        .iter()
        .map(|&h| doc.slice(&doc.sections[h].span))
        .collect();
    assert_eq!(outline, ["What Comes Next", "“We Will Rebuild”"]);
}

#[test]
fn prose_that_looks_like_furniture_stays_body_text() {
    for line in [
        "WASHINGTON (AP) — Jane Roe said the council approved the plan after a long debate on Tuesday.",
        "By Tuesday, Jane Roe said, the storm had passed and the roads were open again.",
    ] {
        let (kind, people) = furniture(line);
        assert_eq!(kind, SectionKind::Paragraph, "{line:?}");
        assert!(
            people.contains(&"Jane Roe".to_string()),
            "{line:?}: {people:?}"
        );
    }
}
