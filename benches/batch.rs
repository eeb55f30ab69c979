//! Batch mode over 1,000 generated articles: analysis in parallel (rayon)
//! and JSON Lines output, as `byline --json DIR` does; also one thread for
//! comparison, and the Markdown and HTML conversions.
//!
//! Articles are generated from templates: a headline, a standfirst and a
//! few paragraphs with people, places, numbers and quotes.

use byline::model::Document;
use divan::counter::{BytesCount, ItemsCount};

fn main() {
    divan::main();
}

const ARTICLES: usize = 1_000;

const FIRST: [&str; 8] = [
    "Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hiro",
];
const LAST: [&str; 8] = [
    "Novak",
    "Petrov",
    "Mendes",
    "Okafor",
    "Duarte",
    "Haddad",
    "Lindqvist",
    "Tanaka",
];
const PLACES: [&str; 8] = [
    "Lisbon", "Madrid", "Berlin", "Warsaw", "Nairobi", "Tokyo", "Ottawa", "Lima",
];
const TOPICS: [&str; 6] = [
    "port",
    "rail line",
    "budget",
    "treaty",
    "election",
    "bridge",
];

/// A simple article made from the templates; `i` picks the names.
fn article(i: usize) -> String {
    let p = |k: usize| format!("{} {}", FIRST[(i + k) % 8], LAST[(i * 3 + k) % 8]);
    let place = |k: usize| PLACES[(i + 2 * k) % 8];
    let topic = TOPICS[i % 6];
    let (a, b, c) = (p(0), p(1), p(2));
    let (a_last, b_last) = (
        a.split(' ').nth(1).unwrap_or_default().to_string(),
        b.split(' ').nth(1).unwrap_or_default().to_string(),
    );
    format!(
        "Talks on the {topic} in {p0} enter week {n}\n\n\
         Officials from {p0} and {p1} met again on Tuesday to settle the last points of the plan.\n\n\
         “We are close to an agreement on the {topic},” Minister {a} said after the meeting in {p0}. \
         The plan would cost {m} million dollars over {y} years, according to the finance ministry.\n\n\
         {b}, who leads the delegation from {p1}, was more careful. “Nothing is agreed until \
         everything is agreed,” {b_last} told reporters. “We need more time.”\n\n\
         Background\n\n\
         The talks began in {year} after a dispute over the {topic} near {p2}. {a_last} has \
         visited {p1} {v} times since then, and {c} said the next round would take place in {p2}.\n\n\
         “The people of {p2} want a result,” said {c}, who represents the region.\n",
        p0 = place(0),
        p1 = place(1),
        p2 = place(2),
        n = i % 9 + 2,
        m = 40 + i % 300,
        y = i % 7 + 3,
        year = 2000 + i % 25,
        v = i % 5 + 2,
    )
}

fn corpus() -> Vec<String> {
    (0..ARTICLES).map(article).collect()
}

fn total_bytes(texts: &[String]) -> usize {
    texts.iter().map(String::len).sum()
}

/// `byline --json` over 1,000 articles: analyze in parallel, write JSON Lines.
#[divan::bench(sample_count = 10)]
fn json_lines_parallel(bencher: divan::Bencher) {
    let texts = corpus();
    bencher.counter(ItemsCount::new(texts.len())).bench(|| {
        let docs = byline::output::batch::analyze_all(&texts);
        docs.iter()
            .enumerate()
            .map(|(i, d)| byline::output::batch::json_line(&format!("{i}.txt"), d).len())
            .sum::<usize>()
    });
}

/// The same analysis on one thread, for comparison.
#[divan::bench(sample_count = 10)]
fn analyze_sequential(bencher: divan::Bencher) {
    let texts = corpus();
    bencher.counter(ItemsCount::new(texts.len())).bench(|| {
        texts
            .iter()
            .map(|t| Document::analyze(t).entities.len())
            .sum::<usize>()
    });
}

/// Bytes per second of the parallel analysis.
#[divan::bench(sample_count = 10)]
fn analyze_parallel_bytes(bencher: divan::Bencher) {
    let texts = corpus();
    bencher
        .counter(BytesCount::new(total_bytes(&texts)))
        .bench(|| byline::output::batch::analyze_all(&texts).len());
}

/// Stats over the analyzed corpus.
#[divan::bench(sample_count = 10)]
fn stats_of_1000(bencher: divan::Bencher) {
    let docs = byline::output::batch::analyze_all(&corpus());
    bencher
        .counter(ItemsCount::new(docs.len()))
        .bench(|| byline::output::stats::collect(&docs).speakers.len());
}

/// Markdown and HTML versions of one article converted to text.
#[divan::bench(args = ["md", "html"])]
fn convert_one(bencher: divan::Bencher, format: &str) {
    let text = article(7);
    let input = match format {
        "md" => text.replacen("Talks", "# Talks", 1),
        _ => format!(
            "<!doctype html><html><head><title>T</title></head><body><nav>Home</nav><article>{}</article></body></html>",
            text.split("\n\n")
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        ),
    };
    let path = std::path::PathBuf::from(format!("a.{format}"));
    bencher.counter(BytesCount::of_str(&input)).bench(|| {
        byline::source::formats::convert(input.clone(), Some(&path), "a")
            .text
            .len()
    });
}
