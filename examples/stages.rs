//! Analysis of one file, for profiling: `cargo run --release --example stages FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(path).expect("readable");
    let text = byline::input::decode(&bytes, "profile").expect("text").text;
    let doc = byline::document::Document::analyze(&text);
    println!("{} entities", doc.entities.len());
}
