//! Analysis of one file, for profiling: `cargo run --release --example analyze FILE [COPIES]`.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let copies: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let bytes = std::fs::read(path).expect("readable");
    let text = byline::source::input::decode(&bytes, "profile")
        .expect("text")
        .text;
    // A line break between copies, as in the four-copy bench.
    let text = if copies > 1 {
        format!("{text}\n").repeat(copies)
    } else {
        text
    };
    let start = std::time::Instant::now();
    let doc = byline::model::Document::analyze(&text);
    println!("{} entities in {:?}", doc.entities.len(), start.elapsed());
}
