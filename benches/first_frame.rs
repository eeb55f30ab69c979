//! Time from start to the first screen, as a person sees it, beside less:
//! the real release binary and less in a fresh pseudo-terminal each, their
//! output parsed by vt100 until the title is on screen. Medians over
//! interleaved runs on the bundled article, a long-form article of 40 KB
//! (the bundled one's body ten times), the novel and a 64 MiB text.
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
const RUNS: usize = 31;
/// Runs of each side left out first: the page cache and the binary's
/// pages, right after a build, would be measured otherwise.
const WARM_UP: usize = 2;
/// The size limit: the largest text byline opens by default.
const LARGEST: usize = 64 * 1024 * 1024;

fn main() {
    let Some(bin) = binary::release_binary() else {
        return;
    };
    // Settings and reading positions of their own: the user's neither
    // change what is measured nor are changed by it.
    let home = tempfile::tempdir().expect("a temporary directory");
    let home = home.path();
    let less = which("less");
    if less.is_none() {
        eprintln!("less not found: byline's times only");
    }
    let bundled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/minerals-deal.txt");
    let title = "Putin Indicates Russia";
    side_by_side(
        &bin,
        less.as_deref(),
        home,
        &bundled,
        title,
        "bundled article",
    );
    let article = std::fs::read_to_string(&bundled).expect("the bundled article");
    let (head, body) = article.split_once('\n').expect("a title line");
    let long_form = home.join("long-form.txt");
    write_synced(
        &long_form,
        format!("{head}\n{}", body.repeat(10)).as_bytes(),
    );
    side_by_side(
        &bin,
        less.as_deref(),
        home,
        &long_form,
        title,
        "40 KB article",
    );
    let novel = corpus::novel_path();
    let Ok(text) = std::fs::read(&novel) else {
        eprintln!("skipping the novel: {} not found", novel.display());
        return;
    };
    let title = "Project Gutenberg";
    side_by_side(
        &bin,
        less.as_deref(),
        home,
        &novel,
        title,
        "war-and-peace.txt",
    );
    let big = home.join("largest.txt");
    write_synced(&big, &repeat_to(&text, LARGEST));
    side_by_side(&bin, less.as_deref(), home, &big, title, "64 MiB text");
}

/// Write a test file and wait until it is on disk: its write-back would
/// otherwise run during the measurements.
fn write_synced(path: &Path, bytes: &[u8]) {
    let mut file = std::fs::File::create(path).expect("create a test file");
    file.write_all(bytes).expect("write a test file");
    file.sync_all().expect("sync a test file");
}

/// The text repeated up to `len` bytes, cut at a line end.
fn repeat_to(text: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() + text.len() <= len {
        out.extend_from_slice(text);
    }
    out
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| Path::new(dir).join(program))
        .find(|p| p.is_file())
}

/// Median first-screen times of byline and less on one file, runs
/// interleaved so that both see the same load.
fn side_by_side(
    bin: &Path,
    less: Option<&Path>,
    home: &Path,
    file: &Path,
    title: &str,
    label: &str,
) {
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..WARM_UP {
        first_screen(command(bin, home, file), title);
        if let Some(less) = less {
            first_screen(command(less, home, file), title);
        }
    }
    for _ in 0..RUNS {
        ours.push(first_screen(command(bin, home, file), title));
        if let Some(less) = less {
            theirs.push(first_screen(command(less, home, file), title));
        }
    }
    let ours = median(ours);
    match less.map(|_| median(theirs)) {
        Some(theirs) => println!(
            "first screen, {label}: byline {:.1} ms, less {:.1} ms, ratio {:.2} (medians of {RUNS}, {COLS}x{ROWS})",
            ms(ours),
            ms(theirs),
            ours.as_secs_f64() / theirs.as_secs_f64()
        ),
        None => println!(
            "first screen, {label}: byline {:.1} ms (median of {RUNS})",
            ms(ours)
        ),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn command(program: &Path, home: &Path, file: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.arg(file);
    cmd.env("TERM", "xterm-256color");
    cmd.env("BYLINE_CONFIG_DIR", home.join("config"));
    cmd.env("BYLINE_STATE_DIR", home.join("state"));
    cmd.env("LESSHISTFILE", "-");
    cmd
}

/// Time from spawning the command in a fresh pty until `title` is on the
/// screen; then `q` ends it.
fn first_screen(cmd: CommandBuilder, title: &str) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn the program");
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
        assert!(n > 0, "the program exited before drawing");
        parser.process(&buf[..n]);
        if parser.screen().contents().contains(title) {
            break start.elapsed();
        }
    };
    let mut writer = pair.master.take_writer().expect("pty writer");
    let _ = writer.write_all(b"q");
    let _ = child.wait();
    elapsed
}
