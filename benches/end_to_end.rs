//! `byline --json` as a whole process, on the novel and on four copies of
//! it: reading, decoding, analysis and export, each run in a fresh process,
//! so that both sizes start from the same empty memory. Medians over
//! several runs, and their ratio.
//!
//! `cargo bench --bench end_to_end` (after `cargo build --release`). The
//! novel is read from `$BYLINE_CORPUS` or `../shared/corpus/`; without it,
//! the bench says so and measures nothing.

use std::time::Duration;

#[path = "support/binary.rs"]
mod binary;
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/timing.rs"]
mod timing;

const RUNS: usize = 7;

fn main() {
    let Some(bin) = binary::release_binary() else {
        return;
    };
    let novel = corpus::novel_path();
    let Ok(text) = std::fs::read_to_string(&novel) else {
        eprintln!("skipping: {} not found", novel.display());
        return;
    };
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let four = tmp.path().join("four-copies.txt");
    // A line break between copies, as in the analysis bench.
    std::fs::write(&four, format!("{text}\n").repeat(4)).expect("write four copies");
    let one = timing::median_json_time(&bin, &novel, RUNS);
    let all = timing::median_json_time(&bin, &four, RUNS);
    println!(
        "byline --json war-and-peace.txt: median {:.1} ms ({RUNS} runs)",
        ms(one)
    );
    println!(
        "byline --json four copies: median {:.1} ms ({RUNS} runs)",
        ms(all)
    );
    println!("ratio {:.2}", all.as_secs_f64() / one.as_secs_f64());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
