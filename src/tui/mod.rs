//! The terminal: setup, the one restore function, the panic hook, signals
//! and the event loop.
//!
//! Restoring (raw mode off, alternate screen left, mouse capture off, cursor
//! shown) happens exactly once, on whichever path comes first: the quit
//! path, the drop guard (errors), the panic hook, or a signal.
//!
//! Signal handlers never touch the terminal: while the reader is open,
//! SIGTERM, SIGHUP and SIGINT only record the signal (signal-hook's flags),
//! and the event loop, which wakes at least every [`TICK`], restores the
//! terminal and returns; the program then exits with 128 + the signal number
//! ([`signalled`]). SIGTSTP (`kill -TSTP`) and Ctrl-Z (in raw mode the
//! terminal sends a key, not the signal) suspend the reader: restore, stop,
//! and once continued (`fg`) set the terminal up again and redraw it all.
//! Outside the reader these signals keep their default action.

use std::io::{self, BufWriter, Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::sync::{Arc, Once, OnceLock};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Rect, Size};
use ratatui::prelude::CrosstermBackend;
use ratatui::style::Color;
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM,
};
use signal_hook::{flag, low_level};

use crate::model::Document;
use crate::reader::action::Action;
use crate::reader::index::Index;
use crate::reader::keymap;
use crate::reader::layout::{Fit, LineTable};
use crate::reader::library::{self, Library};
use crate::reader::resume::{self, Store};
use crate::reader::state::{self, State, analysis_done_indexed, text_done};
use crate::source::articles::{self, OpenError};
use crate::source::input::Source;
use crate::view;
use lean::Lean;

mod lean;

/// The terminal is in reader mode and must be restored.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The reader takes the mouse (the settings may leave it to the terminal).
static MOUSE: AtomicBool = AtomicBool::new(true);
static HOOK: Once = Once::new();
/// How long to look for more pending input before redrawing. Not zero:
/// the level-triggered source only checks the terminal when given time.
const DRAIN_WAIT: Duration = Duration::from_millis(1);
/// How often to look for a finished analysis while waiting for input.
const ANALYSIS_POLL: Duration = Duration::from_millis(30);
/// The longest the event loop waits for input before it looks at the
/// signals again.
pub const TICK: Duration = Duration::from_millis(50);
/// Signals that end the reader: every catchable one whose default action
/// ends the program, so none leaves the terminal in reader mode.
const END_SIGNALS: [i32; 9] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
];

/// What the signal handlers record; only the event loop acts on it.
struct Signals {
    /// The ending signal that arrived in the reader, or 0.
    end: Arc<AtomicUsize>,
    /// SIGTSTP arrived in the reader (or Ctrl-Z was pressed).
    stop: Arc<AtomicBool>,
    /// SIGCONT: continued after a stop the reader did not make itself
    /// (`kill -STOP`), and the shell has put the terminal back in line
    /// mode.
    continued: Arc<AtomicBool>,
    /// Not in the reader: the signals take their default action.
    outside: Arc<AtomicBool>,
}

static SIGNALS: OnceLock<Signals> = OnceLock::new();

/// The signal flags, with their handlers installed on first use.
fn signals() -> &'static Signals {
    SIGNALS.get_or_init(|| {
        let s = Signals {
            end: Arc::default(),
            stop: Arc::default(),
            continued: Arc::default(),
            outside: Arc::new(AtomicBool::new(false)),
        };
        // The default action is registered first, so outside the reader
        // it runs before the flag is set. A registration that fails
        // leaves that signal its default action: the reader works on,
        // only without the clean exit.
        for sig in END_SIGNALS {
            let _ = flag::register_conditional_default(sig, Arc::clone(&s.outside));
            let _ = flag::register_usize(sig, Arc::clone(&s.end), sig as usize);
        }
        let _ = flag::register_conditional_default(SIGTSTP, Arc::clone(&s.outside));
        let _ = flag::register(SIGTSTP, Arc::clone(&s.stop));
        let _ = flag::register(SIGCONT, Arc::clone(&s.continued));
        s
    })
}

/// The signal (SIGTERM, SIGHUP, SIGINT, ...) that ended the reader, if one
/// did: the program should then exit with 128 + its number.
pub fn signalled() -> Option<i32> {
    let n = SIGNALS.get()?.end.load(Ordering::SeqCst);
    (n != 0).then_some(n as i32)
}

/// Put the terminal back as it was. Safe to call more than once and from
/// any path; only the first call after entering the reader does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    // Each step on its own: one that fails (a hung-up terminal) does not
    // skip the others. Mouse capture first, raw mode before the screen.
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, DisableBracketedPaste);
    let _ = disable_raw_mode();
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = out.flush();
    if let Some(s) = SIGNALS.get() {
        s.outside.store(true, Ordering::SeqCst);
    }
}

/// Whether the reader captures the mouse from now on; without, the
/// terminal's own text selection works.
pub fn capture_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// Raw mode, a blank alternate screen, mouse capture; signals are only
/// recorded from now on.
fn enter() -> io::Result<()> {
    signals().outside.store(false, Ordering::SeqCst);
    // Active before the first step, so a failing step is still undone.
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    // Bracketed paste: pasted text arrives as one event, never as keys.
    let mut out = stdout().lock();
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::SeqCst) {
        queue!(out, EnableMouseCapture)?;
    }
    // Cleared here rather than with `Terminal::clear`, which would ask the
    // terminal for the cursor position and wait up to two seconds for one
    // that does not answer; and in the same write.
    queue!(out, Clear(ClearType::All))?;
    out.flush()
}

/// Restores the terminal when dropped (error returns and unwinding).
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// The backend the reader draws through. A frame is buffered whole and
/// goes out in one write when drawn (stdout alone would write every
/// 1 KiB), so the terminal gets it at once.
type Output = Lean<BufWriter<Stdout>>;

/// Enough for a full frame of a large terminal with its colors.
const FRAME_BUFFER: usize = 256 * 1024;

/// The terminal the reader draws on: at first only the backend, so that
/// the first frame does not wait for ratatui's terminal, whose two
/// screen-sized cell buffers are filled when it is made (at 200x60 about
/// 280 fresh pages, a page fault each); it is made once that frame is out.
pub enum Screen {
    Blank(Option<Output>),
    Drawn(Terminal<Output>),
}

impl Screen {
    fn size(&self) -> io::Result<Size> {
        match self {
            Screen::Blank(Some(out)) => out.size(),
            Screen::Drawn(terminal) => terminal.size(),
            Screen::Blank(None) => Err(io::Error::other("the terminal was lost")),
        }
    }

    /// Draw the library: the whole frame on a blank screen, else what
    /// changed since the last frame.
    fn draw(&mut self, lib: &Library) -> io::Result<()> {
        match self {
            Screen::Drawn(terminal) => {
                terminal.draw(|frame| view::render_library(lib, frame))?;
                Ok(())
            }
            Screen::Blank(out) => {
                let out = out
                    .take()
                    .ok_or_else(|| io::Error::other("the terminal was lost"))?;
                *self = Screen::Drawn(first_frame(out, lib)?);
                Ok(())
            }
        }
    }
}

/// Draw the first frame on the blank screen, then make the terminal that
/// draws the next ones with this frame as what is on screen.
fn first_frame(mut out: Output, lib: &Library) -> io::Result<Terminal<Output>> {
    let area = Rect::from((Position::ORIGIN, out.size()?));
    let mut frame = Buffer::empty(area);
    view::draw_library(lib, area, &mut frame);
    out.draw(on_blank(&frame).into_iter())?;
    out.hide_cursor()?;
    Backend::flush(&mut out)?;
    let mut terminal = Terminal::new(out)?;
    if terminal.get_frame().area() == area {
        *terminal.current_buffer_mut() = frame;
        terminal.swap_buffers();
    } else {
        // Resized meanwhile: the terminal's blank buffers say the screen
        // is blank, so make it so.
        terminal
            .backend_mut()
            .clear_region(ratatui::backend::ClearType::All)?;
    }
    Ok(terminal)
}

/// The cells of a frame to send to a blank screen, as ratatui's diff
/// against a blank buffer finds them. Only for a frame of plain
/// one-column cells is that simply every cell that is not blank (found
/// in one pass, row by row); any other frame (wide characters, cells with
/// their own diff rules) is compared with a blank buffer.
fn on_blank(frame: &Buffer) -> Vec<(u16, u16, &Cell)> {
    let area = frame.area;
    // About a quarter of a screen of text is not blank.
    let mut drawn = Vec::with_capacity(frame.content.len() / 4);
    let (mut x, mut y) = (area.x, area.y);
    for cell in &frame.content {
        // Read once: a cell's symbol is a small string to decode.
        let symbol = cell.symbol();
        if !plain(cell, symbol) {
            return Buffer::empty(area).diff(frame);
        }
        if !blank(cell, symbol) {
            drawn.push((x, y, cell));
        }
        x += 1;
        if x == area.right() {
            (x, y) = (area.x, y + 1);
        }
    }
    drawn
}

/// A plain cell (see [`plain`]) equal to `Cell::EMPTY`, found without
/// comparing symbols byte by byte: the screen has thousands of cells.
fn blank(cell: &Cell, symbol: &str) -> bool {
    matches!(symbol.as_bytes(), [b' '])
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier.is_empty()
}

/// A cell that ratatui's diff sends exactly when it changed. (The diff
/// still honors the deprecated `skip` flag, so this looks at it too.)
#[allow(deprecated)]
fn plain(cell: &Cell, symbol: &str) -> bool {
    !cell.skip && cell.diff_option == CellDiffOption::None && lean::one_column(symbol)
}

/// Enter the reader mode: raw mode, alternate screen, mouse capture, a
/// panic hook that restores the terminal before the panic is printed, and
/// the signal handlers.
pub fn setup() -> io::Result<(Screen, Guard)> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    let guard = Guard;
    enter()?;
    Ok((fresh_terminal()?, guard))
}

/// A terminal on the blank screen [`enter`] leaves, whose first frame
/// draws every cell.
fn fresh_terminal() -> io::Result<Screen> {
    Ok(Screen::Blank(Some(Lean::new(CrosstermBackend::new(
        BufWriter::with_capacity(FRAME_BUFFER, stdout()),
    )))))
}

/// Stop the process as the terminal's own Ctrl-Z would: SIGTSTP with its
/// default action, so the shell reports the job as stopped, and a process
/// group no shell controls (orphaned) goes on at once instead of stopping
/// for good. Returns when the process is continued.
fn stop_self() {
    // SAFETY: sigaction with a zeroed struct and SIG_DFL, then the saved
    // action put back; no pointer outlives the calls.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(SIGTSTP, &default, &mut previous) != 0 {
            let _ = low_level::raise(SIGSTOP);
            return;
        }
        let _ = low_level::raise(SIGTSTP);
        libc::sigaction(SIGTSTP, &previous, std::ptr::null_mut());
    }
}

/// Ctrl-Z: in raw mode the terminal sends it as a key.
fn is_suspend_key(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.code == KeyCode::Char('z')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// Hand text to the terminal's clipboard (OSC 52). The text travels in
/// base64, so none of it can act as a terminal sequence.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    let mut out = stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Test only: with `BYLINE_TEST_PANIC=1` in the environment the reader
/// panics right after its first frame, so an end-to-end test can check
/// that a panic restores the terminal before its message. Nothing else
/// sets it, and any other value does nothing.
fn test_panic_wanted() -> bool {
    std::env::var_os("BYLINE_TEST_PANIC").is_some_and(|v| v == "1")
}

/// Run the reader on a document until the user quits.
pub fn run(doc: Document, name: &str) -> io::Result<()> {
    run_library(Library::new(vec![State::new(doc, name)]), None).map(|_| ())
}

/// Run the reader on several articles until the user quits (or a signal
/// ends it: see [`signalled`]); gives the library back, with every
/// article's position and selection. With `unfinished`, the first article
/// is only an outline: the reader draws it at once, then completes this
/// copy of it on another thread (so the first frame has both cores) and
/// takes its quotes, entities and speakers when they arrive.
pub fn run_library(mut lib: Library, unfinished: Option<Unfinished>) -> io::Result<Finished> {
    let mut pending = Pending {
        unfinished,
        arrivals: None,
        warnings: Vec::new(),
        failed: None,
        store: None,
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for s in &mut lib.states {
        s.color = color;
    }
    let (mut terminal, guard) = setup()?;
    let result = event_loop(&mut terminal, &mut lib, &mut pending);
    restore();
    drop(guard);
    let finished = Finished {
        library: lib,
        warnings: pending.warnings,
        failed: pending.failed,
    };
    match result {
        // A hung-up terminal fails its reads; the signal that came with it
        // is why the reader ends, not the error.
        Err(_) if signalled().is_some() => Ok(finished),
        Err(e) => Err(e),
        Ok(()) => Ok(finished),
    }
}

/// What is left to do for the first article once its first screen is up.
pub enum Unfinished {
    /// The sentences, quotes and analysis of this outline.
    Analysis(Document),
    /// The whole text of a long file shown from a preview of its start;
    /// the saved reading positions are looked up once it is known.
    Rest {
        source: Source,
        max_size: u64,
        store: Store,
        /// The preview's fit, for the whole text's lines.
        fit: Fit,
    },
}

/// The reader has ended.
pub struct Finished {
    pub library: Library,
    /// Problems found reading the rest of a previewed file, for stderr.
    pub warnings: Vec<String>,
    /// The rest of a previewed file could not be read: the reader closed.
    pub failed: Option<OpenError>,
}

/// What the worker sends back, in this order.
enum Arrival {
    /// The whole text of a previewed file, outlined, with what the reader
    /// needs from it at the preview's width.
    Text {
        doc: Document,
        index: Index,
        lines: LineTable,
        key: String,
        warnings: Vec<String>,
    },
    Analysis(Document, Index),
    Failed(OpenError),
}

/// The first article's unfinished work: to start after the first frame,
/// then under way on a worker.
struct Pending {
    unfinished: Option<Unfinished>,
    arrivals: Option<Receiver<Arrival>>,
    warnings: Vec<String>,
    failed: Option<OpenError>,
    /// Saved reading positions, for a previewed text once read whole.
    store: Option<Store>,
}

impl Pending {
    /// Start the unfinished work on a worker thread; `width` is the text
    /// width of the first frame.
    fn start(&mut self, width: u16) {
        let Some(work) = self.unfinished.take() else {
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let store = match &work {
            Unfinished::Rest { store, .. } => Some(store.clone()),
            Unfinished::Analysis(_) => None,
        };
        std::thread::spawn(move || {
            let mut doc = match work {
                Unfinished::Analysis(doc) => doc,
                Unfinished::Rest {
                    source,
                    max_size,
                    fit,
                    ..
                } => match read_whole(&source, max_size, width, fit, &tx) {
                    Some(doc) => doc,
                    None => return,
                },
            };
            doc.complete();
            let index = Index::build(&doc);
            let _ = tx.send(Arrival::Analysis(doc, index));
        });
        self.arrivals = Some(rx);
        self.store = store;
    }
}

impl Pending {
    /// Take what the worker sent into the first article's state.
    fn receive(&mut self, first: &mut State, arrival: Arrival) {
        match arrival {
            Arrival::Text {
                doc,
                index,
                lines,
                key,
                warnings,
            } => {
                let unmoved = first.anchor == 0;
                text_done(first, doc, index, lines);
                if unmoved && let Some(store) = &self.store {
                    store.restore_as(&key, first);
                }
                self.warnings.extend(warnings);
            }
            Arrival::Analysis(doc, index) => {
                analysis_done_indexed(first, doc, index);
                self.arrivals = None;
            }
            Arrival::Failed(e) => self.failed = Some(e),
        }
    }
}

/// Read and outline the whole of a previewed file and send it; the
/// outline, to analyze next, or None when it could not be read.
fn read_whole(
    source: &Source,
    max_size: u64,
    width: u16,
    fit: Fit,
    tx: &Sender<Arrival>,
) -> Option<Document> {
    let text = match articles::read(source, max_size) {
        Ok(text) => text,
        Err(e) => {
            let _ = tx.send(Arrival::Failed(e));
            return None;
        }
    };
    let doc = Document::outline(&text.text);
    let arrival = Arrival::Text {
        index: Index::build(&doc),
        lines: LineTable::wrap(&doc, width, fit),
        key: resume::key(&doc.text),
        warnings: text.warnings,
        doc: doc.clone(),
    };
    tx.send(arrival).ok()?;
    Some(doc)
}

fn event_loop(terminal: &mut Screen, lib: &mut Library, pending: &mut Pending) -> io::Result<()> {
    let panic_after_first_frame = test_panic_wanted();
    let sig = signals();
    let size = terminal.size()?;
    state::first_screen(lib.current_mut(), size.width, size.height);
    let mut dirty = true;
    while !lib.quit {
        if sig.end.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
        if sig.stop.swap(false, Ordering::SeqCst) {
            restore();
            stop_self();
            sig.continued.store(false, Ordering::SeqCst);
        }
        if sig.continued.swap(false, Ordering::SeqCst) {
            // Raw mode is only entered again once it is left.
            restore();
        }
        // Restored by a suspension, or by a panic on another thread (its
        // message is then on the normal screen): set up again, redraw all.
        if !ACTIVE.load(Ordering::SeqCst) {
            enter()?;
            *terminal = fresh_terminal()?;
            dirty = true;
        }
        let size = terminal.size()?;
        let s = lib.current();
        if (size.width, size.height) != (s.width, s.height) {
            library::update(lib, Action::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            terminal.draw(lib)?;
            if panic_after_first_frame {
                panic!("BYLINE_TEST_PANIC=1: a test asked for a panic after the first frame");
            }
            pending.start(lib.current().lines.width);
            // The first screen is out: the rest of the article is laid
            // out, and drawn again with the scrollbar and the percentage
            // that count it.
            dirty = state::settle(lib.current_mut());
        }
        let wait = match &pending.arrivals {
            Some(rx) => match rx.try_recv() {
                Ok(arrival) => {
                    if let Some(first) = lib.states.first_mut() {
                        pending.receive(first, arrival);
                    }
                    if pending.failed.is_some() {
                        return Ok(());
                    }
                    dirty = true;
                    continue;
                }
                Err(TryRecvError::Disconnected) => {
                    if let Some(first) = lib.states.first_mut() {
                        first.analyzing = false;
                    }
                    pending.arrivals = None;
                    dirty = true;
                    continue;
                }
                Err(TryRecvError::Empty) => ANALYSIS_POLL,
            },
            None => TICK,
        };
        if !event::poll(wait)? {
            continue;
        }
        // One event, then whatever else is pending, before the next redraw.
        let mut ev = event::read()?;
        loop {
            if is_suspend_key(&ev) {
                sig.stop.store(true, Ordering::SeqCst);
                break;
            }
            if let Event::Paste(text) = &ev {
                for action in keymap::paste_actions(text, lib.mode()) {
                    library::update(lib, action);
                }
            } else if let Some(action) =
                keymap::map_event_with(&ev, lib.mode(), &lib.current().keys)
            {
                library::update(lib, action);
            }
            if let Some(text) = lib.current_mut().copied.take() {
                copy_to_clipboard(&text)?;
            }
            if lib.quit || !event::poll(DRAIN_WAIT)? {
                break;
            }
            ev = event::read()?;
        }
        dirty = true;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{Color, base64, blank, on_blank};
    use crate::reader::action::Action;
    use crate::reader::library::{self, Library};
    use crate::reader::state::State;
    use crate::testutil;
    use ratatui::buffer::{Buffer, Cell, CellDiffOption};
    use ratatui::layout::Rect;
    use ratatui::style::Modifier;

    /// What ratatui's own diff sends for the frame over a blank screen.
    fn diffed(frame: &Buffer) -> Vec<(u16, u16, String)> {
        let blank = Buffer::empty(frame.area);
        let cells = blank.diff(frame).into_iter();
        cells
            .map(|(x, y, c)| (x, y, c.symbol().to_owned()))
            .collect()
    }

    fn sent(frame: &Buffer) -> Vec<(u16, u16, String)> {
        let cells = on_blank(frame);
        cells
            .into_iter()
            .map(|(x, y, c)| (x, y, c.symbol().to_owned()))
            .collect()
    }

    #[test]
    fn a_first_frame_sends_what_a_diff_with_a_blank_screen_would() {
        let mut lib = Library::new(vec![State::new(testutil::bundled(), "a")]);
        library::update(&mut lib, Action::Resize(120, 40));
        let area = Rect::new(0, 0, 120, 40);
        let mut frame = Buffer::empty(area);
        crate::view::draw_library(&lib, area, &mut frame);
        let cells = sent(&frame);
        assert!(cells.len() > 1000, "{}", cells.len());
        assert_eq!(cells, diffed(&frame));
        // A wide character, one with a variation selector, and a cell the
        // diff is told to skip: not plain, so compared the slow way.
        frame.set_string(3, 1, "世界 ❤\u{fe0f}", ratatui::style::Style::new());
        frame[(9, 2)]
            .set_symbol("x")
            .set_diff_option(CellDiffOption::Skip);
        assert_eq!(sent(&frame), diffed(&frame));
        // More cells than a u16 counts: the last one is still in place.
        let mut big = Buffer::empty(Rect::new(0, 0, 300, 250));
        big.set_string(299, 249, "z", ratatui::style::Style::new());
        assert_eq!(sent(&big), vec![(299, 249, "z".to_owned())]);
    }

    #[test]
    fn a_blank_cell_is_exactly_the_empty_cell() {
        let changes: [fn(&mut Cell); 6] = [
            |c| {
                c.set_symbol("x");
            },
            |c| {
                c.set_symbol("  ");
            },
            |c| {
                c.fg = Color::Red;
            },
            |c| {
                c.bg = Color::Indexed(0);
            },
            |c| {
                c.underline_color = Color::Blue;
            },
            |c| {
                c.modifier = Modifier::DIM;
            },
        ];
        assert!(blank(&Cell::EMPTY, Cell::EMPTY.symbol()));
        for change in changes {
            let mut cell = Cell::EMPTY;
            change(&mut cell);
            assert_ne!(cell, Cell::EMPTY);
            assert!(!blank(&cell, cell.symbol()), "{cell:?}");
        }
    }

    #[test]
    fn base64_pads_and_encodes() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64("“é”\x1b".as_bytes()), "4oCcw6nigJ0b");
    }
}
