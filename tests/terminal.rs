//! Terminal safety end to end: the real binary in a pseudo-terminal, killed
//! by signals, suspended, made to panic, resized in a storm, and run under
//! NO_COLOR and TERM=dumb. Every path leaves the terminal as it found it.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus, PtySize, native_pty_system};
use tempfile::TempDir;

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(10);
/// The end of the title, drawn in one piece (its names are styled apart).
const TITLE: &str = "Minerals Deal";
const ENTER_ALT: &str = "\x1b[?1049h";
const LEAVE_ALT: &str = "\x1b[?1049l";
const MOUSE_OFF: &str = "\x1b[?1000l";

/// The terminal as seen from outside: the parsed screen and every byte.
struct Term {
    parser: vt100::Parser,
    bytes: Vec<u8>,
}

/// A program running in a pty, with a thread feeding its output to vt100.
struct Pty {
    term: Arc<Mutex<Term>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    /// The private home the program was started with (see [`command`]),
    /// removed when the `Pty` is dropped.
    _home: TempDir,
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The reader (or `program`) with a private state and config directory
/// and the given environment. The directory is removed when the returned
/// guard drops: keep it until the program is done (see [`Pty::spawn`]).
fn command(program: &str, env: &[(&str, &str)]) -> (CommandBuilder, TempDir) {
    let mut cmd = CommandBuilder::new(program);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("BYLINE_TEST_PANIC");
    let home = tempfile::tempdir().expect("a temp dir");
    cmd.env("BYLINE_STATE_DIR", home.path().join("state"));
    cmd.env("BYLINE_CONFIG_DIR", home.path().join("config"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    (cmd, home)
}

const BYLINE: &str = env!("CARGO_BIN_EXE_byline");

impl Pty {
    fn byline(env: &[(&str, &str)]) -> Pty {
        let (cmd, home) = command(BYLINE, env);
        Pty::spawn(cmd, home)
    }

    /// Start `cmd` in a new pty; `home` (from [`command`]) lives as long
    /// as the returned `Pty`.
    fn spawn(cmd: CommandBuilder, home: TempDir) -> Pty {
        let pair = native_pty_system()
            .openpty(size(ROWS, COLS))
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let term = Arc::new(Mutex::new(Term {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).unwrap(),
                NonZeroU16::new(COLS).unwrap(),
                0,
            ),
            bytes: Vec::new(),
        }));
        let mut out = pair.master.try_clone_reader().expect("pty reader");
        let feed = Arc::clone(&term);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = out.read(&mut buf) {
                let mut t = feed.lock().unwrap();
                t.parser.process(&buf[..n]);
                t.bytes.extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            term,
            child,
            writer,
            master: pair.master,
            _home: home,
        }
    }

    fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    fn pid(&self) -> i32 {
        self.child.process_id().expect("a pid") as i32
    }

    /// Poll until the screen satisfies `ok`, or fail showing the screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        self.wait_bytes_or_screen(what, |_, s| ok(s));
    }

    fn wait_text(&self, needle: &str) {
        self.wait_for(needle, |s| s.contents().contains(needle));
    }

    fn wait_bytes_or_screen(&self, what: &str, ok: impl Fn(&[u8], &vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            {
                let t = self.term.lock().unwrap();
                if ok(&t.bytes, t.parser.screen()) {
                    return;
                }
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{}",
                self.screen_text()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn screen_text(&self) -> String {
        self.term.lock().unwrap().parser.screen().contents()
    }

    fn bytes_len(&self) -> usize {
        self.term.lock().unwrap().bytes.len()
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// Wait for the program to exit; its status and every byte it wrote.
    fn wait_exit(mut self) -> (ExitStatus, Vec<u8>) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "did not exit; screen:\n{}",
                self.screen_text()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        // Let the reader thread take the last bytes (it ends at EOF, when
        // the last holder of the pty's slave side is gone).
        let mut last = usize::MAX;
        while self.bytes_len() != last && start.elapsed() < TIMEOUT {
            last = self.bytes_len();
            std::thread::sleep(Duration::from_millis(30));
        }
        drop(self.master);
        let bytes = std::mem::take(&mut self.term.lock().unwrap().bytes);
        (status, bytes)
    }

    /// Press q and expect a clean exit with the terminal restored.
    fn quit_restored(mut self) {
        self.press(b"q");
        let (status, bytes) = self.wait_exit();
        assert!(status.success(), "exit status {status:?}");
        assert_restored(&bytes);
    }
}

fn signal(pid: i32, sig: i32) {
    // SAFETY: kill has no memory effects; the pid is our own child.
    let r = unsafe { libc::kill(pid, sig) };
    assert_eq!(r, 0, "kill({pid}, {sig})");
}

fn find(bytes: &[u8], needle: &str) -> Option<usize> {
    bytes
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

fn rfind(bytes: &[u8], needle: &str) -> Option<usize> {
    bytes
        .windows(needle.len())
        .rposition(|w| w == needle.as_bytes())
}

/// The terminal was restored at the very end of the output: mouse capture
/// off, then the alternate screen left, then at most the cursor shown.
fn assert_restored(bytes: &[u8]) {
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(120)..]).into_owned();
    let leave = tail.rfind(LEAVE_ALT).expect("alternate screen left");
    let mouse = tail.rfind(MOUSE_OFF).expect("mouse capture disabled");
    assert!(mouse < leave, "{tail:?}");
    let after = tail[leave..]
        .trim_start_matches(LEAVE_ALT)
        .replace("\x1b[?25h", "");
    assert!(after.is_empty(), "nothing drawn after leaving: {tail:?}");
}

fn status_line(s: &vt100::Screen) -> String {
    let (rows, cols) = s.size();
    s.rows(0, cols.get())
        .nth(usize::from(rows.get()) - 1)
        .unwrap_or_default()
}

/// The reader is up with its analysis in (the first screen comes before
/// it, and the tests press keys that act on it).
fn status_shown(s: &vt100::Screen) -> bool {
    let last = status_line(s);
    last.contains("minerals-deal.txt") && last.contains('%') && !last.contains("analyzing")
}

fn ended_by(sig: i32, code: u32) {
    let pty = Pty::byline(&[]);
    pty.wait_for("the status line", status_shown);
    signal(pty.pid(), sig);
    let (status, bytes) = pty.wait_exit();
    assert_eq!(status.exit_code(), code, "{status:?}");
    assert!(status.signal().is_none(), "exited, not killed: {status:?}");
    assert_restored(&bytes);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    ended_by(libc::SIGTERM, 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    ended_by(libc::SIGHUP, 129);
}

/// In raw mode Ctrl-C is a key; an external SIGINT ends the reader too.
#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    ended_by(libc::SIGINT, 130);
}

/// `BYLINE_TEST_PANIC=1` panics after the first frame: the terminal is
/// restored (mouse capture off, alternate screen left) before the message,
/// which stays readable on the normal screen.
#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    // No backtrace: the message stays on the 40 rows of the screen.
    let pty = Pty::byline(&[("BYLINE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    let term = Arc::clone(&pty.term);
    let (status, bytes) = pty.wait_exit();
    assert!(!status.success(), "{status:?}");
    let title = find(&bytes, TITLE).expect("the first frame was drawn");
    let message = find(&bytes, "panicked").expect("the panic message");
    let mouse = find(&bytes, MOUSE_OFF).expect("mouse capture disabled");
    let leave = find(&bytes, LEAVE_ALT).expect("alternate screen left");
    assert!(
        title < mouse && mouse < message,
        "mouse off before the message"
    );
    assert!(
        title < leave && leave < message,
        "screen left before the message"
    );
    let t = term.lock().unwrap();
    let screen = t.parser.screen();
    assert!(!screen.alternate_screen());
    let text = screen.contents();
    assert!(text.contains("panicked"), "{text}");
    assert!(text.contains("BYLINE_TEST_PANIC=1"), "{text}");
    assert!(!text.contains(TITLE), "the reader's screen is gone: {text}");
}

/// No cell of the screen has a color under NO_COLOR, while the styles
/// (bold, reverse) are still there; without NO_COLOR the same screen has
/// colors, so the check can fail.
#[test]
fn no_color_draws_without_any_color() {
    fn colored_cells(pty: &mut Pty) -> (usize, usize) {
        pty.wait_for("the status line", status_shown);
        // Select a person: their mentions reversed, quotes colored.
        pty.press(b"\tj\r");
        pty.wait_text("Donald Trump: mention 1 of 6");
        let t = pty.term.lock().unwrap();
        let s = t.parser.screen();
        let (mut colored, mut styled) = (0, 0);
        for r in 0..ROWS {
            for c in 0..COLS {
                let cell = s.cell(r, c).unwrap();
                if cell.fgcolor() != vt100::Color::Default
                    || cell.bgcolor() != vt100::Color::Default
                {
                    colored += 1;
                }
                if cell.bold() || cell.inverse() || cell.italic() || cell.underline() {
                    styled += 1;
                }
            }
        }
        (colored, styled)
    }
    let mut mono = Pty::byline(&[("NO_COLOR", "1")]);
    let (colored, styled) = colored_cells(&mut mono);
    assert_eq!(colored, 0, "colored cells under NO_COLOR");
    assert!(styled > 0, "modifiers are kept");
    mono.quit_restored();

    let mut color = Pty::byline(&[]);
    let (colored, _) = colored_cells(&mut color);
    assert!(colored > 0, "the control run has colors");
    color.quit_restored();
}

/// TERM=dumb cannot draw the reader: the plain article, a note suggesting
/// --print or --json, and not a single escape sequence.
#[test]
fn a_dumb_terminal_gets_the_plain_text() {
    let pty = Pty::byline(&[("TERM", "dumb")]);
    let (status, bytes) = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with(TITLE) || text.contains(TITLE), "{text}");
    assert!(
        text.contains("--print") && text.contains("--json"),
        "{text}"
    );
    assert!(!bytes.contains(&0x1b), "no escape sequences: {text:?}");
}

/// A burst of resizes, through 1x1 and 500x200 and 50 random sizes: the
/// reader lives, draws at the final size, and quits cleanly.
#[test]
fn a_resize_storm_then_quit() {
    let mut pty = Pty::byline(&[]);
    pty.wait_for("the status line", status_shown);
    // The extremes held long enough to be drawn (a key asks for a frame),
    // then the burst.
    for (rows, cols) in [(1, 1), (200, 500), (1, 3), (3, 1)] {
        pty.master.resize(size(rows, cols)).expect("resize");
        std::thread::sleep(Duration::from_millis(60));
        pty.press(b"j");
        std::thread::sleep(Duration::from_millis(40));
        assert!(pty.alive(), "alive at {rows}x{cols}");
    }
    let mut sizes = vec![(1, 1), (200, 500), (1, 1), (2, 1), (1, 2)];
    // A small xorshift: the same sizes every run.
    let mut x: u32 = 0x9e37_79b9;
    for _ in 0..50 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let rows = 1 + (x % 120) as u16;
        let cols = 1 + ((x >> 8) % 300) as u16;
        sizes.push((rows, cols));
    }
    for (rows, cols) in sizes {
        pty.master.resize(size(rows, cols)).expect("resize");
    }
    let (rows, cols) = (30, 100);
    pty.master.resize(size(rows, cols)).expect("resize");
    pty.term.lock().unwrap().parser.set_size(
        NonZeroU16::new(rows).unwrap(),
        NonZeroU16::new(cols).unwrap(),
    );
    // Ask for a frame: the status line at the bottom of the final size.
    pty.press(b"j");
    pty.wait_for("the status line at the final size", |s| {
        status_shown(s) && status_line(s).trim_end().chars().count() <= usize::from(cols)
    });
    assert!(pty.alive(), "the reader survived the storm");
    pty.quit_restored();
}

/// A suspended reader, from a job-control shell as a person would use it:
/// Ctrl-Z (a key in raw mode) restores the terminal and stops the job,
/// `fg` sets it up again and redraws everything; so does `kill -TSTP`.
#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_redraws() {
    let (mut cmd, home) = command("bash", &[("PS1", "$ "), ("HISTFILE", "/dev/null")]);
    cmd.args(["--norc", "--noprofile", "-i"]);
    let mut pty = Pty::spawn(cmd, home);
    pty.wait_text("$");
    pty.press(format!("{BYLINE}\r").as_bytes());
    pty.wait_for("the reader", status_shown);

    for how in ["ctrl-z", "kill -TSTP"] {
        let from = pty.bytes_len();
        if how == "ctrl-z" {
            pty.press(b"\x1a");
        } else {
            signal(reader_pid(pty.pid()), libc::SIGTSTP);
        }
        pty.wait_bytes_or_screen(&format!("{how}: restored and stopped"), |b, s| {
            let b = &b[from..];
            rfind(b, LEAVE_ALT).is_some_and(|leave| find(b, MOUSE_OFF) < Some(leave))
                && !s.alternate_screen()
                && s.contents().contains("Stopped")
        });
        let from = pty.bytes_len();
        pty.press(b"fg\r");
        pty.wait_bytes_or_screen(&format!("{how}: redrawn after fg"), |b, s| {
            find(&b[from..], ENTER_ALT).is_some()
                && s.alternate_screen()
                && s.contents().contains(TITLE)
                && status_shown(s)
        });
    }
    let from = pty.bytes_len();
    pty.press(b"q");
    pty.wait_bytes_or_screen("the shell again", |b, s| {
        find(&b[from..], LEAVE_ALT).is_some() && !s.alternate_screen()
    });
    let bytes = pty.term.lock().unwrap().bytes[from..].to_vec();
    assert!(find(&bytes, MOUSE_OFF).is_some());
    pty.press(b"exit\r");
    let (status, _) = pty.wait_exit();
    assert!(status.success(), "{status:?}");
}

/// The reader started by the shell `shell`: its only child.
fn reader_pid(shell: i32) -> i32 {
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("the shell's children");
    children
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a child of the shell")
}

/// Issue #17, case 3: any default-fatal signal that can be caught ends the
/// reader with the terminal restored and 128 + its number.
#[test]
fn sigquit_sigusr1_and_sigalrm_restore_the_terminal() {
    for sig in [libc::SIGQUIT, libc::SIGUSR1, libc::SIGALRM] {
        ended_by(sig, 128 + sig as u32);
    }
}

/// Issue #17, case 4: stopped with SIGSTOP (which cannot be caught) and
/// continued, the reader sets the terminal up again and redraws it all.
#[test]
fn sigstop_then_sigcont_redraws_and_keys_work_at_once() {
    let mut pty = Pty::byline(&[]);
    pty.wait_for("the status line", status_shown);
    signal(pty.pid(), libc::SIGSTOP);
    std::thread::sleep(Duration::from_millis(200));
    let from = pty.bytes_len();
    signal(pty.pid(), libc::SIGCONT);
    pty.wait_bytes_or_screen("a redraw after SIGCONT", |b, s| {
        find(&b[from..], ENTER_ALT).is_some() && s.contents().contains(TITLE) && status_shown(s)
    });
    assert!(pty.alive());
    pty.quit_restored();
}

/// A reader of `file` with the state directory `state`.
fn reader_of(file: &std::path::Path, state: &std::path::Path) -> Pty {
    let state = state.to_str().unwrap();
    let (mut cmd, home) = command(BYLINE, &[("BYLINE_STATE_DIR", state)]);
    cmd.arg(file);
    Pty::spawn(cmd, home)
}

fn status_names(file: &str) -> impl Fn(&vt100::Screen) -> bool + '_ {
    move |s| status_line(s).contains(file) && status_line(s).contains('%')
}

/// Issue #17, case 5: two readers open at once, each reading its own
/// article: both positions survive, whichever quits last.
#[test]
fn two_readers_quitting_keep_both_reading_positions() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let body = "A sentence of the body that goes on for a while. ".repeat(400);
    let mut readers = Vec::new();
    for name in ["one.txt", "two.txt"] {
        let file = dir.path().join(name);
        std::fs::write(&file, format!("Title of {name}\n\n{body}\n")).unwrap();
        let mut pty = reader_of(&file, &state);
        pty.wait_for("the status line", status_names(name));
        pty.press(b" ");
        readers.push(pty);
    }
    for pty in readers {
        pty.quit_restored();
    }
    let text = std::fs::read_to_string(state.join("positions.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let articles = v["articles"].as_object().unwrap();
    assert_eq!(articles.len(), 2, "{text}");
    assert!(articles.values().all(|p| p["anchor"].as_u64() > Some(0)));
}

/// Issue #17, cases 7 and 9 end to end: a positions file with a bad entry
/// and fields from a later version keeps its good entries and those fields
/// through a reader's quit; a FIFO in its place blocks nothing.
#[test]
fn bad_entries_or_a_fifo_in_the_positions_file_lose_nothing_and_block_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let positions = state.join("positions.json");
    let file = dir.path().join("one.txt");
    let body = "A sentence of the body that goes on for a while. ".repeat(400);
    std::fs::write(&file, format!("Title of one\n\n{body}\n")).unwrap();
    let old = r#"{"version": 1, "counter": 2, "later": "kept", "articles": {
        "aa": {"anchor": -5, "cursor": 0, "active": false},
        "bb": {"anchor": 3, "cursor": 0, "active": false, "seen": 2, "zoom": 1.5}}}"#;
    std::fs::write(&positions, old).unwrap();
    let mut pty = reader_of(&file, &state);
    pty.wait_for("the status line", status_names("one.txt"));
    pty.press(b" ");
    pty.quit_restored();
    let text = std::fs::read_to_string(&positions).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["later"], "kept", "{text}");
    assert_eq!(v["articles"]["bb"]["zoom"], 1.5, "{text}");
    assert_eq!(v["articles"].as_object().unwrap().len(), 2, "{text}");

    std::fs::remove_file(&positions).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&positions)
        .status();
    assert!(made.unwrap().success());
    let mut pty = reader_of(&file, &state);
    pty.wait_for("the status line", status_names("one.txt"));
    pty.press(b" ");
    pty.press(b"q");
    let (status, bytes) = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    // The warning comes after the terminal is restored, on its own line.
    let out = String::from_utf8_lossy(&bytes);
    let leave = out.rfind(LEAVE_ALT).expect("alternate screen left");
    assert!(out[leave..].contains("not a regular file"), "{out:?}");
    let fresh = std::fs::read_to_string(&positions).unwrap();
    assert!(fresh.contains("\"articles\""), "{fresh}");
}

/// How long `pty`'s program takes to exit after `ask` (polled every
/// millisecond); its output, to check the terminal was restored.
fn exit_latency(mut pty: Pty, ask: impl FnOnce(&mut Pty)) -> (Duration, Vec<u8>) {
    ask(&mut pty);
    let asked = Instant::now();
    while pty.alive() && asked.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(1));
    }
    let latency = asked.elapsed();
    (latency, pty.wait_exit().1)
}

/// Issue #17, case 8: while a long article is still being analyzed (for
/// seconds), `q` and SIGTERM end the reader at once, whatever the worker
/// thread does. The bound is far above the event loop's tick (50 ms): it
/// catches a reader that waits for the analysis, not a slow machine.
/// `--nocapture` shows each latency.
#[test]
fn quit_and_sigterm_are_answered_while_the_analysis_runs() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let quotes: Vec<String> = (0..60_000)
        .map(|i| format!("\u{201c}Words number {i} here,\u{201d} said Anna Berg."))
        .collect();
    std::fs::write(&file, format!("A Title\n\n{}\n", quotes.join(" "))).unwrap();
    for how in ["q", "SIGTERM"] {
        let mut latencies = Vec::new();
        for _ in 0..3 {
            let pty = reader_of(&file, &dir.path().join("state"));
            // Right after the first frame: the analysis has only begun.
            pty.wait_for("analyzing", |s| status_line(s).contains("analyzing"));
            let (latency, bytes) = exit_latency(pty, |pty| match how {
                "q" => pty.press(b"q"),
                _ => signal(pty.pid(), libc::SIGTERM),
            });
            assert_restored(&bytes);
            latencies.push(latency);
        }
        latencies.sort();
        eprintln!("{how}: exit after {latencies:?}");
        assert!(
            latencies[2] < Duration::from_secs(1),
            "{how}: {latencies:?}"
        );
    }
}

/// Bracketed paste: pasted text goes into the search field as text; a
/// pasted line break or `q` runs nothing, in search or outside it.
#[test]
fn a_paste_is_search_text_and_never_commands() {
    let mut pty = Pty::byline(&[]);
    pty.wait_for("the status line", status_shown);
    pty.press(b"\x1b[200~q\rq\x1b[201~");
    pty.press(b"/");
    pty.press(b"\x1b[200~Wash\nington q\x1b[201~");
    pty.wait_text("Wash ington q");
    assert!(pty.alive());
    pty.press(b"\x1b");
    // A `q` right behind the Esc would arrive as Alt-q.
    pty.wait_for("the search closed", |s| {
        !s.contents().contains("Wash ington q")
    });
    pty.quit_restored();
}
