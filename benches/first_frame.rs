//! Time from start to the first full frame, as a person sees it: the real
//! release binary in a pseudo-terminal, its output parsed by vt100 until
//! the title and the status line are on screen. Medians over several runs.
//!
//! `cargo bench --bench first_frame`. The novel is read from
//! `$BYLINE_CORPUS` or `../shared/corpus/`; without it, only that case is
//! skipped.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[path = "support/binary.rs"]
mod binary;
#[path = "support/corpus.rs"]
mod corpus;

const ROWS: u16 = 60;
const COLS: u16 = 200;
const RUNS: usize = 9;

fn main() {
    let Some(bin) = binary::release_binary() else {
        return;
    };
    // Settings and reading positions of their own: the user's neither
    // change what is measured nor are changed by it.
    let home = tempfile::tempdir().expect("a temporary directory");
    let home = home.path();
    measure(
        &bin,
        home,
        None,
        "Putin Indicates Russia",
        "bundled article",
    );
    let novel = corpus::novel_path();
    if novel.exists() {
        measure(
            &bin,
            home,
            Some(&novel),
            "Project Gutenberg",
            "war-and-peace.txt",
        );
    } else {
        eprintln!("skipping the novel: {} not found", novel.display());
    }
}

fn measure(bin: &PathBuf, home: &Path, file: Option<&PathBuf>, title: &str, label: &str) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| first_frame(bin, home, file, title))
        .collect();
    times.sort();
    println!(
        "first frame, {label}: median {:.1} ms (min {:.1}, max {:.1}, {RUNS} runs, {COLS}x{ROWS})",
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1])
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn first_frame(bin: &PathBuf, home: &Path, file: Option<&PathBuf>, title: &str) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(bin);
    if let Some(f) = file {
        cmd.arg(f);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env("BYLINE_CONFIG_DIR", home.join("config"));
    cmd.env("BYLINE_STATE_DIR", home.join("state"));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn byline");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut parser = vt100::Parser::new(
        NonZeroU16::new(ROWS).unwrap(),
        NonZeroU16::new(COLS).unwrap(),
        0,
    );
    let mut buf = [0u8; 65536];
    let elapsed = loop {
        let n = reader.read(&mut buf).expect("read the pty");
        assert!(n > 0, "byline exited before drawing");
        parser.process(&buf[..n]);
        let screen = parser.screen().contents();
        let status = screen.lines().last().unwrap_or("");
        if screen.contains(title) && status.contains('%') {
            break start.elapsed();
        }
    };
    let mut writer = pair.master.take_writer().expect("pty writer");
    let _ = writer.write_all(b"q");
    let _ = child.wait();
    elapsed
}
