//! End to end on hostile files (`tests/hostile/`): the real binary, in
//! `--json` and in plain mode (stdout is a pipe, so the article is printed
//! as text), never writes a raw escape, C1 control or bidi control, shows
//! visible stand-ins instead, and refuses what it cannot read with a
//! one-line error and the documented exit code.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

fn run(path: &Path, json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    if json {
        cmd.arg("--json");
    }
    cmd.arg(path)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Nothing in these bytes can drive a terminal: no ESC, no C1 control
/// (raw or as UTF-8), no bidi or direction control.
fn assert_inert(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1b), "{what}: raw ESC");
    assert!(
        !bytes
            .windows(2)
            .any(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1])),
        "{what}: C1 control as UTF-8"
    );
    let text = String::from_utf8_lossy(bytes);
    let bidi =
        |c: char| matches!(c as u32, 0x202a..=0x202e | 0x2066..=0x2069 | 0x200e | 0x200f | 0x061c);
    assert!(!text.chars().any(bidi), "{what}: bidi control");
    assert!(
        !bytes.iter().any(|&b| (b < 0x20 && b != b'\n') || b == 0x7f),
        "{what}: C0 control other than newline"
    );
}

/// Both modes succeed with inert output and return (plain text, JSON text).
fn read_ok(name: &str) -> (String, String) {
    let path = hostile(name);
    let plain = run(&path, false);
    let json = run(&path, true);
    for (o, mode) in [(&plain, "plain"), (&json, "json")] {
        let what = format!("{name} ({mode})");
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(o));
        assert!(!stderr(o).contains("panicked"), "{what}");
        assert_inert(&o.stdout, &what);
        assert_inert(&o.stderr, &format!("{what} stderr"));
    }
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let text = v["text"].as_str().expect("a text field").to_string();
    let plain = String::from_utf8(plain.stdout).expect("plain output is UTF-8");
    assert_eq!(
        plain,
        format!("{text}\n"),
        "{name}: plain mode prints the text and nothing else"
    );
    (plain, text)
}

/// Both modes refuse the file: the exit code, a one-line error naming it,
/// nothing on stdout.
fn assert_refused(path: &Path, code: i32, needle: &str) {
    for json in [false, true] {
        let o = run(path, json);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(code), "{}: {err}", path.display());
        assert_eq!(err.lines().count(), 1, "one line: {err:?}");
        assert!(err.starts_with("byline: "), "{err:?}");
        assert!(err.contains(needle), "{err:?} should contain {needle:?}");
        assert!(o.stdout.is_empty());
        assert_inert(&o.stderr, "error message");
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn csi_colors_cursor_moves_and_clears_are_shown_as_caret_notation() {
    let (plain, _) = read_ok("escape-csi.txt");
    assert!(plain.contains("^[[31mcrash^[[0m"), "{plain}");
    assert!(plain.contains("^[[2J^[[H"));
    assert!(plain.contains("^[[?1049h"));
}

#[test]
fn osc_window_title_and_clipboard_writes_are_inert() {
    let (plain, _) = read_ok("escape-osc.txt");
    assert!(plain.contains("^[]0;pwned^G"), "{plain}");
    assert!(plain.contains("^[]52;c;cm0gLXJmIH4vCg==^G"));
    assert!(plain.contains("^[]8;;https://example.com^[\\"));
}

#[test]
fn device_control_strings_are_inert() {
    let (plain, _) = read_ok("escape-dcs.txt");
    assert!(plain.contains("^[P$q\"p^[\\"), "{plain}");
    assert!(plain.contains("^[^secret") && plain.contains("^[_payload"));
}

#[test]
fn c1_controls_are_shown_as_code_points() {
    let (plain, _) = read_ok("c1-controls.txt");
    assert!(plain.contains("CSI<U+009B>31m"), "{plain}");
    assert!(plain.contains("<U+009D>0;pwned<U+009C>"));
    assert!(plain.contains("NEL<U+0085>"));
}

#[test]
fn bidi_overrides_and_isolates_are_shown_as_code_points() {
    let (plain, text) = read_ok("bidi.txt");
    assert!(plain.contains("<U+202E>yrtnuoc<U+202C>"), "{plain}");
    assert!(plain.contains("<U+2066>hidden<U+2069>"));
    assert!(plain.contains("<U+2067>RTL<U+2069>") && plain.contains("<U+200F>"));
    // Real right-to-left letters are text, not controls.
    assert!(text.contains("\u{5e9}\u{5dc}\u{5d5}\u{5dd}") && text.contains("\u{645}\u{631}"));
}

#[test]
fn a_png_is_refused_as_binary() {
    assert_refused(
        &hostile("binary.png"),
        4,
        "binary.png: looks like a binary file",
    );
}

#[test]
fn nul_bytes_are_refused_as_binary() {
    assert_refused(&hostile("nul-bytes.txt"), 4, "binary");
}

#[test]
fn broken_utf8_is_replaced_with_one_warning() {
    let (_, text) = read_ok("broken-utf8.txt");
    assert!(text.starts_with("Caf\u{fffd} society"), "{text}");
    let o = run(&hostile("broken-utf8.txt"), true);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn nested_and_unbalanced_quotes_are_read() {
    let (_, text) = read_ok("quotes.txt");
    assert!(text.contains("\u{2018}never \u{201c}nest\u{201d} quotes\u{2019}"));
    let o = run(&hostile("quotes.txt"), true);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for q in v["quotes"].as_array().unwrap() {
        let (a, b) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert!(a < b && b as usize <= text.len());
    }
}

#[test]
fn utf16_files_are_decoded() {
    for name in ["utf16le.txt", "utf16be.txt"] {
        let (plain, text) = read_ok(name);
        assert!(plain.starts_with("A UTF-16 headline\n"), "{plain}");
        assert!(text.contains("\u{201c}it works\u{201d} in Kyiv \u{1F642}."));
        let err = stderr(&run(&hostile(name), true));
        assert!(err.contains("decoded from UTF-16"), "{err}");
    }
}

#[test]
fn an_empty_file_is_an_empty_article() {
    let (plain, text) = read_ok("empty.txt");
    assert_eq!(plain, "\n");
    assert_eq!(text, "");
}

#[test]
fn a_file_of_only_whitespace_is_an_empty_article() {
    let (_, text) = read_ok("whitespace.txt");
    assert!(text.trim().is_empty(), "{text:?}");
    let o = run(&hostile("whitespace.txt"), true);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["entities"].as_array().unwrap().is_empty());
    assert!(v["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn a_huge_line_of_escapes_is_inert_in_both_modes() {
    // Generated here, not committed: about 2 MB on one line, in short
    // sentences. (As one endless sentence this input is cubic in the quote
    // attribution; see the ignored tests in tests/properties.rs.)
    let unit = "Berg said \u{201c}\x1b[31mred\x1b[0m\u{202e}\u{201d} \u{9b}2J. ";
    let line = unit.repeat(2 * 1024 * 1024 / unit.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge-line.txt");
    std::fs::write(&path, &line).unwrap();
    for json in [false, true] {
        let o = run(&path, json);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_inert(&o.stdout, "huge line");
        assert!(o.stdout.len() > line.len());
    }
}

#[test]
fn a_hostile_file_name_is_shown_inert_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("\x1b]0;pwned\x07\u{202e}gnp.exe");
    std::fs::write(&path, b"\0\0\0").unwrap();
    assert_refused(&path, 4, "^[]0;pwned^G<U+202E>gnp.exe");
}

#[test]
fn a_missing_file_is_refused() {
    assert_refused(
        &hostile("no-such-file.txt"),
        2,
        "no-such-file.txt: no such file",
    );
}

/// Run the binary with `args`; fail if it has not ended within `limit` (a
/// bound far above the expected time: it only catches a hang or a
/// quadratic blow-up, never a slow machine).
fn run_within(args: &[&std::ffi::OsStr], limit: std::time::Duration) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    // The output is read while waiting: a child whose pipe fills up would
    // otherwise block and look like a hang.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            // SAFETY: kill(2) on the child's own pid has no memory effects.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            panic!("still running after {limit:?}: {args:?}");
        }
    }
}

const GENEROUS: std::time::Duration = std::time::Duration::from_secs(30);

fn nested(open: &str, close: &str, n: usize) -> String {
    format!(
        "<html><body><article><p>{}</p>{}Deep words.{}</article></body></html>",
        "An opening paragraph of the article, long enough to be read. ".repeat(8),
        open.repeat(n),
        close.repeat(n)
    )
}

#[test]
fn deeply_nested_inline_html_is_no_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    for tag in ["b", "i", "em", "blockquote"] {
        let path = dir.path().join(format!("{tag}.html"));
        std::fs::write(
            &path,
            nested(&format!("<{tag}>"), &format!("</{tag}>"), 20_000),
        )
        .unwrap();
        let o = run_within(&["--json".as_ref(), path.as_os_str()], GENEROUS);
        assert_eq!(o.status.code(), Some(0), "{tag}: {}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("Deep words."));
    }
}

#[test]
fn deeply_nested_html_in_worker_threads_is_no_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..4 {
        let page = nested("<b>", "</b>", 3_000 + i);
        std::fs::write(dir.path().join(format!("{i}.html")), page).unwrap();
    }
    let d = dir.path().as_os_str();
    for args in [
        vec!["--json".as_ref(), d],
        vec!["stats".as_ref(), d],
        vec!["--print".as_ref(), d],
    ] {
        let o = run_within(&args, GENEROUS);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
}

/// Nesting the scan of the page source once missed (fuzzing found the
/// first): a quote in a tag name hid the rest of the page from it, `</b>`
/// closed `<b.x>`, `<div/>` and `<!-->` were not read as the parser reads
/// them, and the parser's implied `tbody`, `tr` and list items add levels
/// no scan counts.
/// Each: a name, a tag before the nesting, and the nesting's start and end.
const UNCOUNTED_NESTING: [(&str, &str, &str, &str); 6] = [
    ("quote", "<x'y>", "<b>", "</b>"),
    ("name", "", "<b.x></b>", ""),
    ("slash", "", "<div/>", ""),
    ("comment", "<!-->", "<em>", "</em>"),
    ("cells", "", "<table><td>", ""),
    ("items", "", "<ul><li><blockquote>", ""),
];

#[test]
fn nesting_the_source_scan_cannot_count_is_no_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    for (name, before, open, close) in UNCOUNTED_NESTING {
        let path = dir.path().join(format!("{name}.html"));
        let page = nested(open, close, 20_000).replace("<article>", &format!("<article>{before}"));
        std::fs::write(&path, page).unwrap();
        let o = run_within(&["--json".as_ref(), path.as_os_str()], GENEROUS);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Deep words."),
            "{name}"
        );
    }
    // Worker threads have smaller stacks than the main thread.
    let d = dir.path().as_os_str();
    for args in [
        vec!["--json".as_ref(), d],
        vec!["stats".as_ref(), d],
        vec!["--print".as_ref(), d],
    ] {
        let o = run_within(&args, GENEROUS);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn deeply_nested_blocks_tables_and_lists_convert_quickly() {
    let dir = tempfile::tempdir().unwrap();
    for (name, open, close) in [
        ("div", "<div>", "</div>"),
        ("table", "<table><tr><td>", "</td></tr></table>"),
        ("list", "<ul><li>", "</li></ul>"),
    ] {
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, nested(open, close, 100_000)).unwrap();
        // Before the nesting cap: minutes. Now well under a second.
        let o = run_within(&["--json".as_ref(), path.as_os_str()], GENEROUS);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("Deep words."));
    }
}

#[test]
fn character_references_in_html_are_decoded_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refs.html");
    let page = nested("", "", 0).replace(
        "Deep words.",
        "<p>Shown as written: &amp;lt;b&amp;gt; and &amp;#27; stay text.</p>",
    );
    std::fs::write(&path, page).unwrap();
    let o = run(&path, false);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("&lt;b&gt; and &#27; stay text."), "{out}");
    assert_inert(&o.stdout, "refs");
}

#[test]
fn file_names_in_print_headers_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "\x1b]0;title\x07.txt",
        "\x1b]52;c;cGF5bG9hZA==\x07.txt",
        "\x1b[2J.txt",
    ] {
        std::fs::write(dir.path().join(name), "A Title\n\nSome text.\n").unwrap();
    }
    let o = run_within(&["--print".as_ref(), dir.path().as_os_str()], GENEROUS);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_inert(&o.stdout, "--print headers");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("==> ^[]0;title^G.txt <=="), "{out}");
    assert!(out.contains("==> ^[[2J.txt <=="), "{out}");
    let o = run_within(&["--json".as_ref(), dir.path().as_os_str()], GENEROUS);
    assert_inert(&o.stdout, "--json sources");
}

#[test]
fn settings_that_are_not_a_small_regular_file_are_refused_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "A Title\n\nSome text.\n").unwrap();
    let fifo = dir.path().join("fifo.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let big = dir.path().join("big.toml");
    std::fs::write(&big, "#".repeat(2 * 1024 * 1024)).unwrap();
    for settings in [Path::new("/dev/zero"), &fifo, &big] {
        let o = run_within(
            &[
                "--config".as_ref(),
                settings.as_os_str(),
                "--json".as_ref(),
                article.as_os_str(),
            ],
            GENEROUS,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("using the defaults"), "{}", stderr(&o));
    }
}

/// A generated article in a temp dir: a title, then `body` as one paragraph.
fn article(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("A Title\n\n{body}\n")).unwrap();
    path
}

#[test]
fn a_long_line_of_numbers_is_read_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    // Before the bounded look-back: quadratic, about half a minute
    // optimized for three times this length.
    let path = article(dir.path(), "numbers.txt", &"It rose 5. ".repeat(100_000));
    for mode in ["--json", "--print"] {
        let o = run_within(&[mode.as_ref(), path.as_os_str()], GENEROUS);
        assert_eq!(o.status.code(), Some(0), "{mode}: {}", stderr(&o));
    }
}

#[test]
fn print_with_many_quotes_and_speakers_is_not_entities_times_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let body: Vec<String> = (0..20_000)
        .map(|i| format!("\u{201c}Words number {i} here,\u{201d} said Anna Berg."))
        .collect();
    let path = article(dir.path(), "quotes.txt", &body.join(" "));
    let o = run_within(&["--print".as_ref(), path.as_os_str()], GENEROUS);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("quotes"));
}

/// A coined surname for `i`, distinct for every `i` (letters as digits).
fn coined(i: usize) -> String {
    const ONSETS: [&str; 12] = ["B", "D", "F", "G", "K", "L", "M", "N", "P", "R", "S", "T"];
    const VOWELS: [&str; 5] = ["a", "e", "i", "o", "u"];
    let (mut n, mut out) = (i, String::new());
    for _ in 0..4 {
        out.push_str(ONSETS[n % 12]);
        out.push_str(VOWELS[(n / 12) % 5]);
        n /= 60;
    }
    let mut name: Vec<char> = out.chars().collect();
    name[0] = name[0].to_ascii_uppercase();
    name.into_iter().collect::<String>() + "son"
}

/// Issue #17, case 8: distinct quoted names. Before people were filed by
/// surname, each new name was compared with every person so far: 14 s
/// optimized at this size, minutes unoptimized.
#[test]
#[ignore = "slow unoptimized: run by .ci/run"]
fn distinct_quoted_names_are_found_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let body: Vec<String> = (0..40_000)
        .map(|i| format!("\u{201c}Yes,\u{201d} said Anna {}.", coined(i)))
        .collect();
    let path = article(dir.path(), "names.txt", &body.join(" "));
    let o = run_within(&["--json".as_ref(), path.as_os_str()], GENEROUS);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let people = v["entities"].as_array().unwrap().iter();
    assert!(people.filter(|e| e["kind"] == "person").count() >= 40_000);
}

/// Issue #17, case 12: control stand-ins (U+0085 shown as `<85>`) are
/// never analysed as numbers or names (their memory: tests/memory.rs).
#[test]
#[ignore = "slow unoptimized: run by .ci/run"]
fn control_stand_ins_are_no_entities() {
    let dir = tempfile::tempdir().unwrap();
    let path = article(dir.path(), "nel.txt", &"\u{85}".repeat(2 * 1024 * 1024));
    let o = run_within(&["--json".as_ref(), path.as_os_str()], GENEROUS * 4);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["entities"].as_array().map(Vec::len), Some(0));
}

#[test]
fn help_and_version_to_a_full_disk_fail_with_a_message() {
    for flag in ["--help", "--version"] {
        let o = Command::new(env!("CARGO_BIN_EXE_byline"))
            .arg(flag)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{flag}");
        assert!(stderr(&o).contains("No space left"), "{}", stderr(&o));
    }
}

#[test]
fn stdin_twice_and_a_directory_of_only_a_fifo_are_refused() {
    let o = run_within(&["-".as_ref(), "-".as_ref()], GENEROUS);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("read only once"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("a.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = run_within(&["--json".as_ref(), dir.path().as_os_str()], GENEROUS);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a.txt passed over: not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn json_sources_tell_apart_files_of_one_name_in_two_folders() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for folder in ["x", "y"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        paths.push(article(&dir.path().join(folder), "a.txt", "Some text."));
    }
    let o = run_within(
        &[
            "--json".as_ref(),
            paths[0].as_os_str(),
            paths[1].as_os_str(),
        ],
        GENEROUS,
    );
    let sources: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        sources,
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
    );
}

#[test]
fn keycap_emoji_are_not_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = article(
        dir.path(),
        "keys.txt",
        "Press 1\u{fe0f}\u{20e3} or 2\u{20e3}, then 30 more.",
    );
    let o = run(&path, true);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let numbers: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "number")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["30"]);
}
