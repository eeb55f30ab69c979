//! The command line: every kind of bad input gets a clear one-line error and
//! its documented exit code (2 bad path, 3 too large, 4 binary), never a
//! panic; good input gives the JSON export.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

fn byline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// A file `name` holding `bytes`, alone in a new temp directory that is
/// removed when the returned guard drops: keep it while the file is used.
fn temp_file(name: &str, bytes: &[u8]) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

fn assert_refused(o: &Output, needle: &str) {
    assert_refused_with(o, 2, needle);
}

fn assert_refused_with(o: &Output, code: i32, needle: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(needle), "{err:?} should contain {needle:?}");
    assert!(!err.contains("panicked"));
    assert!(o.stdout.is_empty());
}

#[test]
fn missing_file_is_named_in_a_one_line_error() {
    let o = byline(&["--json", "/no/such/dir/article.txt"], None);
    assert_refused(&o, "/no/such/dir/article.txt: no such file");
}

#[test]
fn directory_without_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let o = byline(&["--json", dir.path().to_str().unwrap()], None);
    assert_refused(&o, "no article files");
}

#[test]
fn binary_file_is_refused() {
    let (_dir, path) = temp_file("image.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let o = byline(&["--json", path.to_str().unwrap()], None);
    assert_refused_with(&o, 4, "binary");
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let (_dir, path) = temp_file(
        "latin1.txt",
        b"Caf\xe9 Headline\nA body line that says caf\xe9.",
    );
    let o = byline(&["--json", path.to_str().unwrap()], None);
    assert!(o.status.success());
    assert!(stderr(&o).contains("not valid UTF-8"));
    let text = json(&o)["text"].as_str().unwrap().to_string();
    assert!(text.starts_with("Caf\u{fffd} Headline"));
}

#[test]
fn bom_and_crlf_are_normalized() {
    let o = byline(
        &["--json", "-"],
        Some(b"\xef\xbb\xbfTitle\r\nBody line.\r\n"),
    );
    assert!(o.status.success());
    assert_eq!(json(&o)["text"], "Title\nBody line.\n");
}

#[test]
fn stdin_dash_reads_the_article() {
    let o = byline(&["--json", "-"], Some("A Title\nSome body.".as_bytes()));
    assert!(o.status.success());
    assert_eq!(json(&o)["title"], "A Title");
}

#[test]
fn json_without_a_file_exports_the_bundled_article() {
    let o = byline(&["--json"], None);
    assert!(o.status.success());
    let v = json(&o);
    assert_eq!(v["text"], byline::source::input::BUNDLED);
    assert!(v["entities"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn empty_input_gives_an_empty_document() {
    let o = byline(&["--json", "-"], Some(b""));
    assert!(o.status.success());
    let v = json(&o);
    assert_eq!(v["text"], "");
    assert!(v["sections"].as_array().unwrap().is_empty());
}

#[test]
fn escape_sequences_never_reach_the_output_raw() {
    let o = byline(
        &["-"],
        Some(b"Title\n\x1b]0;pwned\x07 and \x1b[31mred\x1b[0m text"),
    );
    assert!(o.status.success());
    assert!(!o.stdout.contains(&0x1b), "no ESC byte in plain output");
    let o = byline(&["--json", "-"], Some(b"Title\n\x1b[2J body"));
    assert!(!o.stdout.contains(&0x1b), "no ESC byte in JSON output");
    assert!(json(&o)["text"].as_str().unwrap().contains("^[[2J"));
}

#[test]
fn json_offsets_are_char_boundaries_inside_the_text() {
    let o = byline(&["--json"], None);
    let v = json(&o);
    let text = v["text"].as_str().unwrap();
    let spans = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap().clone())
        .chain(v["quotes"].as_array().unwrap().clone());
    for s in spans {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(a < b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_exit_3() {
    let (_dir, path) = temp_file("sized.txt", &[b'a'; 2000]);
    let p = path.to_str().unwrap();
    let o = byline(&["--json", "--max-size", "1999", p], None);
    assert_refused_with(&o, 3, "larger than the limit of 1999 bytes");
    assert!(stderr(&o).contains("--max-size BYTES or BYLINE_MAX_SIZE"));
    let o = byline(&["--json", "--max-size", "2000", p], None);
    assert!(o.status.success(), "stderr: {}", stderr(&o));
}

#[test]
fn the_size_limit_can_come_from_the_environment() {
    let (_dir, path) = temp_file("env-sized.txt", &[b'a'; 3000]);
    let run = |limit: &str| {
        Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["--json", path.to_str().unwrap()])
            .env("BYLINE_MAX_SIZE", limit)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    assert_refused_with(&run("2K"), 3, "2048 bytes (2 KiB)");
    assert!(run("3K").status.success());
    let bad = run("lots");
    assert_eq!(bad.status.code(), Some(2), "a bad size is a usage error");
    assert!(stderr(&bad).contains("not a size"));
}

#[test]
fn stdin_over_the_limit_is_refused() {
    let o = byline(&["--json", "--max-size", "10", "-"], Some(&[b'x'; 100]));
    assert_refused_with(&o, 3, "<stdin>: larger than the limit of 10 bytes");
}

#[test]
fn an_empty_file_is_an_empty_document() {
    let (_dir, path) = temp_file("empty.txt", b"");
    let o = byline(&["--json", path.to_str().unwrap()], None);
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["text"], "");
    assert!(v["entities"].as_array().unwrap().is_empty());
    assert!(v["title"].is_null());
    let plain = byline(&[path.to_str().unwrap()], None);
    assert!(plain.status.success());
    assert_eq!(plain.stdout, b"\n");
}

#[test]
fn one_ten_megabyte_line_is_read_and_exported() {
    let sentence = "Officials said the deal, worth $500 million, was \u{201c}a turning point\u{201d} for Kyiv. ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    assert!(line.len() >= 10 * 1024 * 1024 && !line.contains('\n'));
    let (_dir, path) = temp_file("huge-line.txt", line.as_bytes());
    let o = byline(&["--json", path.to_str().unwrap()], None);
    std::fs::remove_file(&path).unwrap();
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["text"].as_str().unwrap().len(), line.len());
}

#[test]
fn utf16_files_with_a_bom_are_decoded_with_a_warning() {
    let article = "A Headline\r\nBody with \u{201c}quotes\u{201d} and \u{1F642}.";
    for (name, bom, be) in [
        ("le.txt", [0xff, 0xfe], false),
        ("be.txt", [0xfe, 0xff], true),
    ] {
        let mut bytes = bom.to_vec();
        for unit in article.encode_utf16() {
            bytes.extend(if be {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let (_dir, path) = temp_file(name, &bytes);
        let o = byline(&["--json", path.to_str().unwrap()], None);
        assert!(o.status.success(), "stderr: {}", stderr(&o));
        assert!(stderr(&o).contains("decoded from UTF-16"));
        assert_eq!(json(&o)["title"], "A Headline");
    }
}

#[cfg(unix)]
#[test]
fn character_devices_are_refused_at_once() {
    for dev in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let o = byline(&["--json", dev], None);
        assert_refused(&o, "not a regular file");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_read_with_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("endless.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // An endless writer: the reader must stop at the limit, not eat memory.
    let mut writer = Command::new("sh")
        .arg("-c")
        .arg(format!("yes 'Endless line.' > '{}'", fifo.display()))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let o = byline(
        &["--json", "--max-size", "1M", fifo.to_str().unwrap()],
        None,
    );
    let _ = writer.kill();
    let _ = writer.wait();
    assert_refused_with(&o, 3, "larger than the limit of 1048576 bytes (1 MiB)");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = temp_file("secret.txt", b"Title\nBody.");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        eprintln!("skipped: running as root, permissions are not enforced");
        return;
    }
    let o = byline(&["--json", path.to_str().unwrap()], None);
    assert_refused(&o, "permission denied");
}

#[cfg(target_os = "linux")]
#[test]
fn an_io_error_while_reading_is_a_one_line_error() {
    // A regular file whose read fails with EIO, like a disk going away.
    let o = byline(&["--json", "/proc/self/mem"], None);
    assert_refused(&o, "/proc/self/mem: cannot read:");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    // Far more than a pipe buffer, so the writer is still busy when the
    // reader goes away, like `byline FILE | head -1`.
    let article = "Title\n\n".to_string() + &"A paragraph of the article.\n\n".repeat(40_000);
    let (_dir, path) = temp_file("long.txt", article.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "Title\n");
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "quiet: {}", stderr(&o));
}

/// Linked at a fixed address (build.rs): the loader has no relocations to
/// apply to the static tables at start-up (issue #15).
#[cfg(target_os = "linux")]
#[test]
fn the_binary_is_not_position_independent() {
    let bin = std::fs::read(env!("CARGO_BIN_EXE_byline")).unwrap();
    assert_eq!(&bin[..4], b"\x7fELF");
    // e_type, little-endian: 2 is a fixed-address executable, 3 a PIE
    // (or shared object).
    assert_eq!(u16::from_le_bytes([bin[16], bin[17]]), 2);
}
