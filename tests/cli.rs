//! The command line: every kind of bad input gets a clear one-line error and
//! exit code 2, never a panic; good input gives the JSON export.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

fn assert_refused(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
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
    let dir = std::env::temp_dir().join(format!("byline-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = byline(&["--json", dir.to_str().unwrap()], None);
    assert_refused(&o, "no article files");
}

#[test]
fn binary_file_is_refused() {
    let path = temp_file("image.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let o = byline(&["--json", path.to_str().unwrap()], None);
    assert_refused(&o, "binary");
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let path = temp_file(
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
    assert_eq!(v["text"], byline::input::BUNDLED);
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
