//! Analysis throughput: the bundled article and a 3 MB novel.
//!
//! The novel is read from `$BYLINE_CORPUS` or `../shared/corpus/`; without
//! it, only its benches are skipped (with a note).

use byline::model::Document;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/decoded.rs"]
mod decoded;
use decoded::novel_text as novel;

#[divan::bench]
fn analyze_bundled(bencher: divan::Bencher) {
    let text = byline::source::input::BUNDLED;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Document::analyze(divan::black_box(text)));
}

#[divan::bench(sample_count = 20)]
fn analyze_novel(bencher: divan::Bencher) {
    let Some(text) = novel() else { return };
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| Document::analyze(divan::black_box(&text)));
}

#[divan::bench(sample_count = 5)]
fn analyze_novel_times_four(bencher: divan::Bencher) {
    let Some(text) = novel() else { return };
    // A line break between copies, so that the last line of one and the
    // first of the next stay apart: four times the same work.
    let text = format!("{text}\n").repeat(4);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| Document::analyze(divan::black_box(&text)));
}
