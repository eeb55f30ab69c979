//! End to end: the real binary in a pseudo-terminal, its output parsed into
//! a screen by vt100, keys pressed like a person would.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(10);

/// The terminal as seen from outside: the parsed screen and every byte.
struct Term {
    parser: vt100::Parser,
    bytes: Vec<u8>,
    closed: bool,
}

type Shared = Arc<Mutex<Term>>;

fn screen_text(term: &Shared) -> String {
    term.lock().unwrap().parser.screen().contents()
}

/// Poll until the screen satisfies `ok`, or fail with the screen shown.
fn wait_for(term: &Shared, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
    let start = Instant::now();
    loop {
        {
            let t = term.lock().unwrap();
            if ok(t.parser.screen()) {
                return;
            }
        }
        if start.elapsed() > TIMEOUT {
            panic!(
                "timed out waiting for {what}; screen:\n{}",
                screen_text(term)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_text(term: &Shared, needle: &str) {
    wait_for(term, needle, |s| s.contents().contains(needle));
}

/// The sidebar row (its text, right of the article pane) of `row`.
fn sidebar_row(screen: &vt100::Screen, row: u16) -> String {
    (COLS * 2 / 3..COLS)
        .filter_map(|c| screen.cell(row, c).map(|cell| cell.contents().to_string()))
        .map(|s| if s.is_empty() { " ".to_string() } else { s })
        .collect()
}

fn find_row(screen: &vt100::Screen, needle: &str) -> Option<u16> {
    (0..ROWS).find(|&r| sidebar_row(screen, r).contains(needle))
}

/// The binary running in a pty, with a reader thread feeding vt100.
struct Session {
    term: Shared,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    reader: std::thread::JoinHandle<()>,
    /// The binary's settings and state directory, removed when the
    /// session is over (last, after the fields above), unless the test
    /// keeps it.
    _home: Option<tempfile::TempDir>,
}

impl Session {
    fn start() -> Session {
        Session::start_with(&[])
    }

    fn start_with(args: &[&str]) -> Session {
        Session::spawn(args, None)
    }

    /// The bundled article, with this settings file.
    fn configured(settings: &str) -> Session {
        Session::spawn(&[], Some(settings))
    }

    fn spawn(args: &[&str], settings: Option<&str>) -> Session {
        let home = tempfile::tempdir().expect("a temp dir");
        let path = home.path().to_path_buf();
        Session::spawn_in(args, settings, &path, Some(home))
    }

    /// The bundled article with its settings and state in `home`, which
    /// outlives the session (for a second run on the same state).
    fn in_home(home: &std::path::Path) -> Session {
        Session::spawn_in(&[], None, home, None)
    }

    fn spawn_in(
        args: &[&str],
        settings: Option<&str>,
        home: &std::path::Path,
        guard: Option<tempfile::TempDir>,
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // Never the real home: settings and reading positions in a temp dir.
        // One per run of the binary, so one test's saved position never
        // moves another's start.
        cmd.env("BYLINE_STATE_DIR", home.join("state"));
        cmd.env("BYLINE_CONFIG_DIR", home.join("config"));
        if let Some(text) = settings {
            std::fs::create_dir_all(home.join("config")).unwrap();
            std::fs::write(home.join("config/config.toml"), text).unwrap();
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn byline");
        drop(pair.slave);
        let term: Shared = Arc::new(Mutex::new(Term {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).unwrap(),
                NonZeroU16::new(COLS).unwrap(),
                0,
            ),
            bytes: Vec::new(),
            closed: false,
        }));
        let mut out = pair.master.try_clone_reader().expect("pty reader");
        let feed = Arc::clone(&term);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match out.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut t = feed.lock().unwrap();
                        t.parser.process(&buf[..n]);
                        t.bytes.extend_from_slice(&buf[..n]);
                    }
                }
            }
            feed.lock().unwrap().closed = true;
        });
        let writer = pair.master.take_writer().expect("pty writer");
        // The first screen comes before the analysis: these tests press
        // keys that act on it, so they start once it is in.
        wait_for(&term, "the analysis", |s| {
            let status = s.contents_between(ROWS - 1, 0, ROWS - 1, COLS);
            status.contains('%') && !status.contains("analyzing")
        });
        Session {
            term,
            child,
            writer,
            master: pair.master,
            reader,
            _home: guard,
        }
    }

    fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Press q, wait for a successful exit and return every byte written.
    fn quit(mut self) -> Vec<u8> {
        self.press(b"q");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for byline") {
                break status;
            }
            assert!(start.elapsed() < TIMEOUT, "byline did not exit after q");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "exit status {status:?}");
        assert_cooked(self.master.as_ref());
        let start = Instant::now();
        while !self.term.lock().unwrap().closed && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(self.master);
        let _ = self.reader.join();
        std::mem::take(&mut self.term.lock().unwrap().bytes)
    }
}

/// The terminal left raw mode: line editing and echo are back on.
fn assert_cooked(master: &dyn portable_pty::MasterPty) {
    let fd = master.as_raw_fd().expect("the pty has a file descriptor");
    // SAFETY: tcgetattr writes into a zeroed termios that we own, for a
    // file descriptor the pty keeps open for the duration of the call.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::tcgetattr(fd, &mut t) } == 0;
    assert!(ok, "tcgetattr on the pty");
    assert!(t.c_lflag & libc::ICANON != 0, "canonical mode is back");
    assert!(t.c_lflag & libc::ECHO != 0, "echo is back");
}

/// The terminal was restored: mouse capture off, then the alternate screen
/// left, at the very end of the output.
fn assert_restored(bytes: &[u8]) {
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(120)..]).into_owned();
    let leave = tail.rfind("\x1b[?1049l").expect("alternate screen left");
    let mouse = tail.rfind("\x1b[?1000l").expect("mouse capture disabled");
    assert!(mouse < leave, "{tail:?}");
    let after = &tail[leave..];
    assert!(
        after
            .trim_start_matches("\x1b[?1049l")
            .replace("\x1b[?25h", "")
            .is_empty(),
        "nothing drawn after leaving: {tail:?}"
    );
}

#[test]
fn read_navigate_and_quit_in_a_real_terminal() {
    let mut session = Session::start();
    let term = Arc::clone(&session.term);
    let mut press = |keys: &[u8]| session.press(keys);

    // What the reader always shows: the title, the sidebar groups and the
    // status line with the file name and the reading position.
    wait_text(&term, "Putin Indicates Russia");
    wait_text(&term, "People");
    wait_text(&term, "Organizations");
    wait_for(&term, "status line", |s| {
        let last = s
            .rows(0, COLS)
            .nth(usize::from(ROWS) - 1)
            .unwrap_or_default();
        last.contains("minerals-deal.txt") && last.contains('%')
    });

    // Tab focuses the sidebar on its first person; j selects the second,
    // drawn in reverse video.
    press(b"\t");
    press(b"j");
    wait_for(&term, "the second person selected", |s| {
        let Some(row) = find_row(s, "Donald Trump") else {
            return false;
        };
        let text = sidebar_row(s, row);
        let col = COLS * 2 / 3 + text.find("Donald").unwrap_or(0) as u16;
        s.cell(row, col).is_some_and(|c| c.inverse())
    });
    // Enter jumps to the first mention, n to the next one: the status line
    // counts them.
    press(b"\r");
    wait_text(&term, "Donald Trump: mention 1 of 6");
    press(b"n");
    wait_text(&term, "Donald Trump: mention 2 of 6");
    // The current mention is highlighted in the text.
    wait_for(&term, "a highlighted mention in the text", |s| {
        (0..ROWS - 1).any(|r| {
            (0..COLS * 2 / 3 - 5).any(|c| {
                let word: String = (c..c + 5)
                    .filter_map(|x| s.cell(r, x).map(|cell| cell.contents().to_string()))
                    .collect();
                word == "Trump" && s.cell(r, c).is_some_and(|cell| cell.inverse())
            })
        })
    });
    press(b"G");
    wait_text(&term, "100%");

    assert_restored(&session.quit());
}

/// A flood of wheel events is drained between redraws: the reader keeps
/// up, reaches the bottom, and still quits at once.
#[test]
fn a_flood_of_wheel_events_then_quit() {
    let mut session = Session::start();
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    // SGR mouse report: wheel down at column 10, row 10.
    let flood = "\x1b[<65;10;10M".repeat(1000);
    session.press(flood.as_bytes());
    wait_text(&term, "100%");
    assert_restored(&session.quit());
}

#[test]
fn remapped_keys_show_in_the_hint_and_in_help() {
    let mut session = Session::configured("[keys]\nnext_match = \"C-n\"\n");
    let term = Arc::clone(&session.term);
    wait_text(&term, "C-n next");
    session.press(b"H");
    wait_for(&term, "help with the remapped key", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("C-n") && l.contains("next hit / mention"))
    });
    session.press(b"q");
    wait_for(&term, "help closed by q", |s| {
        !s.contents().contains("Keys (")
    });
    assert_restored(&session.quit());
}

#[test]
fn without_a_terminal_it_prints_plain_text() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .output()
        .expect("run byline");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Putin Indicates Russia"));
    assert!(!text.contains('\x1b'), "no escape sequences when piped");
}

/// A long text opens before its analysis is done, and the sidebar fills
/// when the analysis arrives.
#[test]
fn a_long_text_opens_at_once_and_its_sidebar_fills_later() {
    let chapter = "Governor Nadia Okafor spoke in Lagos on Monday. “We will build it,” Okafor said. The plan costs $3 billion and covers 12 districts.\n\n";
    let text = format!("A Very Long Report\n\n{}", chapter.repeat(4000));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, text).unwrap();
    let mut session = Session::start_with(&[path.to_str().unwrap()]);
    let term = Arc::clone(&session.term);
    wait_text(&term, "A Very Long Report");
    wait_text(&term, "Nadia Okafor");
    wait_for(&term, "the person's mention count", |s| {
        find_row(s, "Nadia Okafor").is_some_and(|r| sidebar_row(s, r).contains("8000"))
    });
    session.press(b"G");
    wait_text(&term, "100%");
    assert_restored(&session.quit());
}

/// The map and the quotes view, opened with their keys and read back from
/// the screen.
#[test]
fn map_and_quotes_view_in_a_real_terminal() {
    let mut session = Session::start();
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");

    // m opens the map on the most mentioned place, labelled and marked.
    session.press(b"m");
    wait_text(&term, "Map · ");
    wait_for(&term, "the selected place labelled on the map", |s| {
        let status = s
            .rows(0, COLS)
            .nth(usize::from(ROWS) - 1)
            .unwrap_or_default();
        // The status line names the selection; the map shows its name in
        // reverse video.
        let Some(name) = status
            .split(" · ")
            .find(|p| p.contains(" mentions"))
            .and_then(|p| p.split(':').next())
        else {
            return false;
        };
        (1..ROWS - 2).any(|r| {
            let row: String = (0..COLS * 2 / 3)
                .filter_map(|c| s.cell(r, c).map(|cell| cell.contents().to_string()))
                .map(|t| if t.is_empty() { " ".to_string() } else { t })
                .collect();
            row.find(name).is_some_and(|i| {
                let col = row[..i].chars().count() as u16;
                s.cell(r, col).is_some_and(|c| c.inverse())
            })
        })
    });
    assert!(screen_text(&term).matches('●').count() >= 3);
    // Esc closes the map.
    session.press(b"\x1b");
    wait_for(&term, "the map closed", |s| {
        !s.contents().contains("Map · ")
    });

    // v opens the quotes view.
    session.press(b"v");
    wait_text(&term, "Voices: ");
    wait_for(&term, "Donald Trump's quotes", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("Donald Trump") && l.contains("4 quotes"))
    });
    wait_text(&term, "“wants to make a deal”");
    session.press(b"v");
    wait_for(&term, "the quotes view closed", |s| {
        !s.contents().contains("Voices: ")
    });
    assert_restored(&session.quit());
}

/// Hostile articles in the reader: escape sequences (window title,
/// clipboard, links, colors) and bidi controls are drawn as visible
/// stand-ins, and the terminal receives no OSC or DCS sequence at all.
#[test]
fn hostile_articles_are_drawn_inert_in_a_real_terminal() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    for (file, visible) in [
        ("escape-osc.txt", "^[]0;pwned^G"),
        ("escape-csi.txt", "^["),
        ("escape-dcs.txt", "^[P"),
        ("bidi.txt", "<U+202E>"),
    ] {
        let path = dir.join(file);
        let session = Session::start_with(&[path.to_str().unwrap()]);
        let term = Arc::clone(&session.term);
        wait_text(&term, visible);
        let bytes = session.quit();
        let out = String::from_utf8_lossy(&bytes);
        assert!(
            !out.contains("\x1b]"),
            "{file}: an OSC sequence reached the terminal"
        );
        assert!(
            !out.contains("\x1bP"),
            "{file}: a DCS sequence reached the terminal"
        );
        assert!(
            !out.contains('\u{202e}'),
            "{file}: a bidi override reached the terminal"
        );
        assert!(
            !out.contains("pwned\x07"),
            "{file}: a bell-terminated title reached it"
        );
        assert_restored(&bytes);
    }
}

/// The status line's text (the last row).
fn status_line(term: &Shared) -> String {
    let t = term.lock().unwrap();
    t.parser
        .screen()
        .rows(0, COLS)
        .nth(usize::from(ROWS) - 1)
        .unwrap_or_default()
}

fn wait_status(term: &Shared, what: &str, ok: impl Fn(&str) -> bool) {
    wait_for(term, what, |s| {
        ok(&s
            .rows(0, COLS)
            .nth(usize::from(ROWS) - 1)
            .unwrap_or_default())
    });
}

/// The reading position the status line shows, in percent.
fn percent(status: &str) -> Option<usize> {
    status
        .split(" · ")
        .find_map(|p| p.split_whitespace().next()?.strip_suffix('%')?.parse().ok())
}

/// less and vim habits: Ctrl keys, counts, percent, gg.
#[test]
fn ctrl_keys_and_counts_in_a_real_terminal() {
    let mut session = Session::start();
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    session.press(b"50%");
    wait_status(&term, "50%", |s| percent(s) == Some(50));
    session.press(b"gg");
    wait_status(&term, "back at the top", |s| percent(s) == Some(0));
    // Ctrl-D half a page, Ctrl-U back.
    session.press(b"\x04");
    wait_status(&term, "Ctrl-D moved", |s| percent(s).is_some_and(|p| p > 0));
    session.press(b"\x15");
    wait_status(&term, "Ctrl-U back", |s| percent(s) == Some(0));
    // Ctrl-F a page; 3 Ctrl-E lines further; Ctrl-Y one back.
    session.press(b"\x06");
    wait_status(&term, "Ctrl-F moved", |s| percent(s).is_some_and(|p| p > 0));
    let page = percent(&status_line(&term)).unwrap();
    session.press(b"3\x05");
    wait_status(&term, "3 Ctrl-E moved", |s| {
        percent(s).is_some_and(|p| p > page)
    });
    session.press(b"\x02");
    session.press(b"G");
    wait_status(&term, "G at the end", |s| percent(s) == Some(100));
    session.press(b"1G");
    wait_status(&term, "1G at line 1", |s| percent(s) == Some(0));
    assert_restored(&session.quit());
}

/// An article of its own, written to a temp file kept with the session.
fn article_file(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path.to_string_lossy().into_owned())
}

/// Search with accents folded, smart case, history and repeats.
#[test]
fn search_with_accents_and_history_in_a_real_terminal() {
    let (_dir, path) = article_file(
        "A Winter Ball\n\nNatásha danced first. Then the band played on.\n\n\
         Later NATASHA sang, and natasha laughed.\n",
    );
    let mut session = Session::start_with(&[&path]);
    let term = Arc::clone(&session.term);
    wait_text(&term, "Natásha danced");
    session.press(b"/natasha\r");
    wait_status(&term, "three hits, accents folded", |s| {
        s.contains("/natasha: hit 1 of 3")
    });
    session.press(b"n");
    wait_status(&term, "n steps", |s| s.contains("hit 2 of 3"));
    // Esc clears, n picks the search up again.
    session.press(b"\x1b");
    wait_status(&term, "search cleared", |s| !s.contains("/natasha"));
    session.press(b"n");
    wait_status(&term, "n after Esc", |s| s.contains("/natasha: hit 3 of 3"));
    // A capital letter makes case count.
    session.press(b"/NATASHA\r");
    wait_status(&term, "smart case", |s| s.contains("/NATASHA: hit 1 of 1"));
    // Up in the prompt brings back the earlier search.
    session.press(b"/\x1b[A\x1b[A");
    wait_status(&term, "history", |s| s.contains("/natasha█"));
    session.press(b"\r");
    wait_status(&term, "history searched", |s| s.contains("/natasha: hit"));
    // ? searches backwards.
    session.press(b"G?band\r");
    wait_status(&term, "backward search", |s| {
        s.contains("?band: hit 1 of 1")
    });
    session.press(b"\x1b\x1b");
    assert_restored(&session.quit());
}

/// q and Esc close help, the map, the quotes view and the article list;
/// q on the text quits.
#[test]
fn q_closes_views_in_a_real_terminal() {
    let mut session = Session::start();
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    let views = [(&b"m"[..], "Map · "), (b"v", "Voices: "), (b"H", "Keys (")];
    close_each(&mut session, &views);
    assert_restored(&session.quit());

    let (_one, first) = article_file("First Story\n\nOne text.\n");
    let (_two, second) = article_file("Second Story\n\nAnother text.\n");
    let mut session = Session::start_with(&[&first, &second]);
    let term = Arc::clone(&session.term);
    wait_text(&term, "One text.");
    close_each(&mut session, &[(b"A", "Second Story")]);
    assert_restored(&session.quit());
}

/// Open each view with its key, and close it with q, then with Esc.
fn close_each(session: &mut Session, views: &[(&[u8], &str)]) {
    let term = Arc::clone(&session.term);
    for &(open, shown) in views {
        for close in [&b"q"[..], b"\x1b"] {
            session.press(open);
            wait_text(&term, shown);
            session.press(close);
            wait_for(&term, "the view closed", |s| !s.contents().contains(shown));
        }
    }
}

/// `)` names the quote's speaker in the status line; `y` hands the quote to
/// the clipboard as OSC 52, in base64 only.
#[test]
fn y_copies_the_current_quote_through_osc_52() {
    let mut session = Session::start();
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    session.press(b")");
    wait_status(&term, "the quote and its speaker", |s| {
        s.contains("quote 1/") && s.split(" · ").nth(3).is_some_and(|w| !w.is_empty())
    });
    session.press(b"y");
    wait_status(&term, "copied", |s| s.contains("copied: “"));
    let bytes = String::from_utf8_lossy(&term.lock().unwrap().bytes).into_owned();
    let at = bytes.find("\x1b]52;c;").expect("an OSC 52 sequence");
    let payload = &bytes[at + 7..];
    let end = payload.find('\x07').expect("the sequence ends");
    assert!(
        payload[..end]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
        "only base64 in the sequence"
    );
    assert_restored(&session.quit());
}

/// Views can be remapped, a bad binding costs only itself, and with
/// `mouse = false` the terminal keeps the mouse.
#[test]
fn settings_remap_a_view_skip_a_bad_binding_and_leave_the_mouse() {
    let mut session =
        Session::configured("mouse = false\n[keys]\nteleport = \"t\"\ntoggle_map = \"M\"\n");
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    session.press(b"M");
    wait_text(&term, "Map · ");
    session.press(b"q");
    wait_for(&term, "the map closed", |s| {
        !s.contents().contains("Map · ")
    });
    let bytes = String::from_utf8_lossy(&term.lock().unwrap().bytes).into_owned();
    assert!(!bytes.contains("\x1b[?1000h"), "mouse captured");
    assert_restored(&session.quit());
}

/// The first quote of `byline --json` on the bundled article, run on the
/// state in `home`: its speaker's name and its rule.
fn first_quote(home: &std::path::Path) -> (Option<String>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--json")
        .env("BYLINE_STATE_DIR", home.join("state"))
        .env("BYLINE_CONFIG_DIR", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quote = &doc["quotes"][0];
    let speaker = quote["speaker"].as_u64().map(|id| {
        doc["entities"][id as usize]["name"]
            .as_str()
            .unwrap()
            .to_string()
    });
    (
        speaker,
        quote["attribution"]["rule"].as_str().unwrap().to_string(),
    )
}

/// A correction made in the reader is saved, comes back on the next
/// open, changes `--json`, and can be undone.
#[test]
fn a_correction_survives_a_restart_and_changes_the_json() {
    let home = tempfile::tempdir().unwrap();
    let (analyzed, rule) = first_quote(home.path());
    assert_ne!(analyzed.as_deref(), Some("Boris Johnson"));
    assert_ne!(rule, "corrected");

    let mut session = Session::in_home(home.path());
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    session.press(b")a");
    wait_status(&term, "the prompt", |s| s.contains("who said it?"));
    session.press(b"johnson\r");
    wait_status(&term, "corrected", |s| {
        s.contains("quote by Boris Johnson (U undoes)")
    });
    assert_restored(&session.quit());
    assert_eq!(
        first_quote(home.path()),
        (Some("Boris Johnson".to_string()), "corrected".to_string())
    );

    // Opened again: the quote is still his, shown as corrected; U undoes.
    let mut session = Session::in_home(home.path());
    let term = Arc::clone(&session.term);
    wait_text(&term, "Putin Indicates Russia");
    session.press(b"gg)");
    wait_status(&term, "the corrected quote", |s| {
        s.contains("quote 1/") && s.contains("Boris Johnson · corrected by you")
    });
    session.press(b"U");
    wait_status(&term, "undone", |s| {
        s.contains("undone: quote by Boris Johnson")
    });
    assert_restored(&session.quit());
    assert_eq!(first_quote(home.path()), (analyzed, rule));
}

/// Issue #15: a long plain text opens from a preview of its start; the
/// rest arrives on a worker, so the end is reachable and the reading
/// position saved there comes back on the next open.
#[test]
fn a_long_text_opens_from_its_start_and_reaches_its_end() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("long.txt");
    let body: Vec<String> = (1..=6000)
        .map(|i| format!("Paragraph number {i} of a long plain report, told in a plain way."))
        .collect();
    std::fs::write(
        &path,
        format!("A Long Plain Report\n\n{}\n", body.join("\n\n")),
    )
    .unwrap();
    let args = [path.to_str().unwrap()];
    let mut session = Session::spawn_in(&args, None, home.path(), None);
    let term = Arc::clone(&session.term);
    wait_text(&term, "A Long Plain Report");
    session.press(b"G");
    wait_text(&term, "Paragraph number 6000 of");
    wait_status(&term, "the end", |s| s.contains("100%"));
    assert_restored(&session.quit());

    let session = Session::spawn_in(&args, None, home.path(), None);
    let term = Arc::clone(&session.term);
    wait_text(&term, "Paragraph number 6000 of");
    assert!(!screen_text(&term).contains("A Long Plain Report"));
    assert_restored(&session.quit());
}
