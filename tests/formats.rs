//! Markdown and saved web pages: the same small article written as plain
//! text, Markdown and a cluttered HTML page gives the same people, places
//! and quote speakers.

use std::path::Path;

use byline::model::{Document, EntityKind};
use byline::source::articles;
use byline::source::formats::Format;
use byline::source::input::Source;

fn open(name: &str) -> articles::Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    articles::open(&Source::File(path), u64::MAX).expect("fixture opens")
}

fn names(doc: &Document, kind: EntityKind) -> Vec<String> {
    doc.names_of(kind).into_iter().map(String::from).collect()
}

fn speakers(doc: &Document) -> Vec<Option<String>> {
    doc.quotes
        .iter()
        .map(|q| q.speaker.map(|id| doc.entities[id].name.clone()))
        .collect()
}

#[test]
fn text_markdown_and_html_give_the_same_analysis() {
    let txt = open("port-deal.txt");
    assert_eq!(txt.format, Format::Text);
    let people = names(&txt.doc, EntityKind::Person);
    // The byline's writer is not one of the story's people.
    assert_eq!(people, ["Elena Duarte", "Marco Silva", "Rui Tavares"]);
    let places = names(&txt.doc, EntityKind::Place);
    assert_eq!(places, ["Lisbon", "Madrid", "Portugal", "Setúbal", "Spain"]);
    let said = speakers(&txt.doc);
    assert_eq!(said.len(), 3);
    assert!(said.iter().all(Option::is_some), "{said:?}");
    for (file, format) in [
        ("port-deal.md", Format::Markdown),
        ("port-deal.html", Format::Html),
    ] {
        let a = open(file);
        assert_eq!(a.format, format);
        assert_eq!(names(&a.doc, EntityKind::Person), people, "{file}");
        assert_eq!(names(&a.doc, EntityKind::Place), places, "{file}");
        assert_eq!(speakers(&a.doc), said, "{file}");
        assert_eq!(a.doc.title(), txt.doc.title(), "{file}");
    }
}

#[test]
fn only_the_article_survives_of_the_web_page() {
    let a = open("port-deal.html");
    let text = &a.doc.text;
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    for clutter in [
        "Business",
        "Berlin",
        "Advertisement",
        "Tokyo",
        "Sponsored",
        "Oslo",
        "Related stories",
        "Merkel",
        "Comments",
        "John Smith",
        "Brussels",
        "Porto",
        "rights reserved",
        "dataLayer",
        "tracker",
        "font-family",
        "harbour at dawn",
    ] {
        assert!(!text.contains(clutter), "{clutter:?} survived in:\n{text}");
    }
    assert!(text.starts_with("Port Deal Draws Praise in Lisbon and Doubt in Madrid\n"));
    assert!(text.contains("By Clara Mendes"), "{text}");
    assert!(text.contains("Nobody asked the fishermen"));
    // The subheading is kept as a heading.
    let heading = a
        .doc
        .sections
        .iter()
        .find(|s| s.kind == byline::model::SectionKind::Heading)
        .map(|s| a.doc.slice(&s.span));
    assert_eq!(heading, Some("What Comes Next"));
}

#[test]
fn markdown_markup_does_not_reach_the_text() {
    let a = open("port-deal.md");
    let text = &a.doc.text;
    for markup in ["**", "](", "> ", "![", "<!--", "_Madrid_", "## "] {
        assert!(!text.contains(markup), "{markup:?} in:\n{text}");
    }
    assert!(text.contains("• “Nobody asked the fishermen,”"), "{text}");
}

#[test]
fn content_sniffing_without_an_extension() {
    let html = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/port-deal.html"),
    )
    .unwrap();
    let doc = articles::analyze_text(html, None);
    assert!(!doc.text.contains("Advertisement"));
    assert_eq!(
        doc.title(),
        Some("Port Deal Draws Praise in Lisbon and Doubt in Madrid")
    );
}
