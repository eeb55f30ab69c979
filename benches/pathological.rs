//! Hostile inputs at 1, 2 and 4 MB, each `byline --json` in a fresh
//! process: the time of each doubling should stay near 2x (at most 2.3x);
//! a quadratic step shows as 4x. Medians of a few runs.
//!
//! `cargo bench --bench pathological [-- WORD]` (after `cargo build
//! --release`); with a word, only the cases whose name contains it.

use std::time::Duration;

#[path = "support/binary.rs"]
mod binary;
#[path = "support/timing.rs"]
mod timing;

const RUNS: usize = 3;
const MB: usize = 1024 * 1024;

/// A generator: the unit it repeats to reach a size, and the file name
/// (its extension picks the format).
struct Case {
    name: &'static str,
    file: &'static str,
    make: fn(usize) -> String,
}

const CASES: [Case; 7] = [
    Case {
        name: "long line of numbers",
        file: "numbers.txt",
        make: |n| titled(&repeat_to("It rose 5. ", n)),
    },
    Case {
        name: "quotes in one paragraph",
        file: "quotes.txt",
        make: |n| titled(&repeat_to("Berg said \u{201c}we will see.\u{201d} ", n)),
    },
    Case {
        name: "distinct names",
        file: "names.txt",
        make: |n| {
            titled(&numbered_to(n, |i| {
                format!("\u{201c}Yes,\u{201d} said {} Vell. ", coined(i))
            }))
        },
    },
    Case {
        name: "tiny paragraphs",
        file: "paragraphs.txt",
        make: |n| titled(&repeat_to("a\n\n", n)),
    },
    Case {
        name: "nested HTML",
        file: "nested.html",
        make: |n| {
            let depth = n / 11;
            format!(
                "<html><body><p>{}x{}</p></body></html>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        },
    },
    Case {
        name: "entity references",
        file: "refs.html",
        make: |n| {
            format!(
                "<html><body><article><p>{}</p></article></body></html>",
                repeat_to("&amp;lt;b&amp;gt; &#27; &eacute; ", n)
            )
        },
    },
    Case {
        name: "control characters",
        file: "controls.txt",
        make: |n| titled(&repeat_to("\u{1b}[2J\u{85}\u{202e}x. ", n)),
    },
];

fn titled(body: &str) -> String {
    format!("A Title\n\n{body}\n")
}

fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len())
}

fn numbered_to(n: usize, f: impl Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(n + 64);
    let mut i = 0;
    while out.len() < n {
        out.push_str(&f(i));
        i += 1;
    }
    out
}

/// A capitalized made-up word for each number, all distinct.
fn coined(mut i: usize) -> String {
    const SYLLABLES: [&str; 8] = ["ka", "lo", "mi", "ren", "sto", "var", "del", "tis"];
    let mut word = String::from("Q");
    loop {
        word.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
        if i == 0 {
            return word;
        }
    }
}

fn main() {
    let Some(bin) = binary::release_binary() else {
        return;
    };
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let tmp = tempfile::tempdir().expect("a temporary directory");
    for case in CASES
        .iter()
        .filter(|c| only.as_deref().is_none_or(|w| c.name.contains(w)))
    {
        let times: Vec<Duration> = [MB, 2 * MB, 4 * MB]
            .iter()
            .map(|&n| {
                let path = tmp.path().join(case.file);
                std::fs::write(&path, (case.make)(n)).expect("write the input");
                timing::median_json_time(&bin, &path, RUNS)
            })
            .collect();
        let ms: Vec<String> = times
            .iter()
            .map(|t| format!("{:.0} ms", t.as_secs_f64() * 1e3))
            .collect();
        let ratios: Vec<String> = times
            .windows(2)
            .map(|w| format!("{:.2}x", w[1].as_secs_f64() / w[0].as_secs_f64()))
            .collect();
        println!(
            "{:<24} 1/2/4 MB: {}  doublings: {}",
            case.name,
            ms.join(" / "),
            ratios.join(", ")
        );
    }
}
