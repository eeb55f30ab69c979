//! Peak memory of the real binary on hostile inputs (issue #17, case 12).
//!
//! Its own test binary, one test at a time, holding no big data itself:
//! a child's peak RSS as `wait4` reports it starts from the RSS of the
//! process that spawned it (the spawn shares or copies its memory before
//! `exec`), so a test process grown by other tests would inflate it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn article(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("A Title\n\n{body}\n")).unwrap();
    path
}

/// Peak resident memory of `byline ARGS` in KB (its output discarded).
// The child is reaped by wait4, which std's Child cannot do.
#[allow(clippy::zombie_processes)]
fn peak_rss_kb(args: &[&std::ffi::OsStr]) -> i64 {
    let child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill; the pid
    // is our own child, waited for once.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        let pid = libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
        assert!(pid > 0, "wait4");
        usage
    };
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{args:?}"
    );
    usage.ru_maxrss
}

const MB: usize = 1024 * 1024;

/// The memory target: peak RSS at most 20 x the input + 40 MB.
fn within_target(kb: i64, input: usize) -> bool {
    kb * 1024 <= (20 * input + 40 * MB) as i64
}

/// Issue #17, case 12: control stand-ins (U+0085 shown as `<85>`) are
/// kept within the memory target.
#[test]
#[ignore = "slow unoptimized: run by .ci/run"]
fn control_stand_ins_keep_memory_within_the_target() {
    let _one = ONE_AT_A_TIME.lock();
    let dir = tempfile::tempdir().unwrap();
    let path = article(dir.path(), "nel.txt", &"\u{85}".repeat(2 * MB));
    let size = std::fs::metadata(&path).unwrap().len() as usize;
    let kb = peak_rss_kb(&["--json".as_ref(), path.as_os_str()]);
    assert!(within_target(kb, size), "{kb} KB for {size} bytes");
}

/// Issue #17, case 12: millions of tiny numbers or paragraphs (before: 89 x
/// and 76 x the input optimized).
#[test]
#[ignore = "slow unoptimized: run by .ci/run"]
fn millions_of_tiny_items_keep_memory_in_proportion() {
    let _one = ONE_AT_A_TIME.lock();
    let dir = tempfile::tempdir().unwrap();
    let ones = article(dir.path(), "ones.txt", &"1 ".repeat(2 * MB));
    let tiny = dir.path().join("tiny.txt");
    std::fs::write(&tiny, format!("A Title\n\n{}", "a\n\n".repeat(MB))).unwrap();
    for path in [ones, tiny] {
        let size = std::fs::metadata(&path).unwrap().len() as usize;
        let kb = peak_rss_kb(&["--json".as_ref(), path.as_os_str()]);
        assert!(
            within_target(kb, size),
            "{kb} KB for {size} bytes: {path:?}"
        );
    }
}

/// Issue #17, case 12: a batch streams. Eight times the files cost no
/// more memory than the files in flight.
#[test]
#[ignore = "slow unoptimized: run by .ci/run"]
fn a_batch_streams_so_memory_does_not_grow_with_the_corpus() {
    let _one = ONE_AT_A_TIME.lock();
    let dir = tempfile::tempdir().unwrap();
    let body = "The council met on Monday, said Mayor Ann Lee, and 40 people came. ";
    let page = format!("A Title\n\n{}\n", body.repeat(MB / 4 / body.len()));
    let few = dir.path().join("few");
    let many = dir.path().join("many");
    for (d, n) in [(&few, 8), (&many, 64)] {
        std::fs::create_dir(d).unwrap();
        for i in 0..n {
            std::fs::write(d.join(format!("{i:03}.txt")), &page).unwrap();
        }
    }
    let few_kb = peak_rss_kb(&["--json".as_ref(), few.as_os_str()]);
    let many_kb = peak_rss_kb(&["--json".as_ref(), many.as_os_str()]);
    assert!(
        many_kb < few_kb * 3 / 2,
        "8 files {few_kb} KB, 64 files {many_kb} KB"
    );
}
