//! The terminal: setup, the one restore function, the panic hook and the
//! event loop.
//!
//! Restoring (raw mode off, alternate screen left, mouse capture off, cursor
//! shown) happens exactly once, on whichever path comes first: the quit
//! path, the drop guard (errors) or the panic hook.

use std::io::{self, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::document::Document;
use crate::keymap;
use crate::library::{self, Library};
use crate::state::{Action, State, analysis_done};
use crate::view;

/// The terminal is in reader mode and must be restored.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
/// How long to look for more pending input before redrawing. Not zero:
/// the level-triggered source only checks the terminal when given time.
const DRAIN_WAIT: std::time::Duration = std::time::Duration::from_millis(1);
/// How often to look for a finished analysis while waiting for input.
const ANALYSIS_POLL: std::time::Duration = std::time::Duration::from_millis(30);

/// Put the terminal back as it was. Safe to call more than once and from
/// any path; only the first call after [`setup`] does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    // ratatui's restore leaves mouse capture on: turn it off first.
    let _ = execute!(stdout(), DisableMouseCapture);
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), Show);
    let _ = stdout().flush();
}

/// Restores the terminal when dropped (error returns and unwinding).
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Enter the reader mode: raw mode, alternate screen, mouse capture, and a
/// panic hook that restores the terminal before the panic is printed.
pub fn setup() -> io::Result<(DefaultTerminal, Guard)> {
    let terminal = ratatui::try_init()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let guard = Guard;
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    execute!(stdout(), EnableMouseCapture)?;
    Ok((terminal, guard))
}

/// Run the reader on a document until the user quits.
pub fn run(doc: Document, name: &str) -> io::Result<()> {
    run_library(Library::new(vec![State::new(doc, name)]), None).map(|_| ())
}

/// Run the reader on several articles until the user quits; gives the
/// library back, with every article's position and selection. With
/// `unfinished`, the first article is only an outline: the reader draws it
/// at once, then completes this copy of it on another thread (so the first
/// frame has both cores) and takes its quotes, entities and speakers when
/// they arrive.
pub fn run_library(mut lib: Library, mut unfinished: Option<Document>) -> io::Result<Library> {
    let mut analysis: Option<Receiver<Document>> = None;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for s in &mut lib.states {
        s.color = color;
    }
    let (mut terminal, guard) = setup()?;
    let size = terminal.size()?;
    library::update(&mut lib, Action::Resize(size.width, size.height));
    while !lib.quit {
        let size = terminal.size()?;
        let s = lib.current();
        if (size.width, size.height) != (s.width, s.height) {
            library::update(&mut lib, Action::Resize(size.width, size.height));
        }
        terminal.draw(|frame| view::render_library(&lib, frame))?;
        if let Some(mut doc) = unfinished.take() {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                doc.complete();
                let _ = tx.send(doc);
            });
            analysis = Some(rx);
        }
        if let Some(rx) = &analysis {
            match rx.try_recv() {
                Ok(doc) => {
                    if let Some(first) = lib.states.first_mut() {
                        analysis_done(first, doc);
                    }
                    analysis = None;
                    continue;
                }
                Err(TryRecvError::Disconnected) => {
                    if let Some(first) = lib.states.first_mut() {
                        first.analyzing = false;
                    }
                    analysis = None;
                    continue;
                }
                Err(TryRecvError::Empty) => {
                    if !event::poll(ANALYSIS_POLL)? {
                        continue;
                    }
                }
            }
        }
        // Block for one event, then drain whatever else is pending before
        // the next redraw.
        let mut ev = event::read()?;
        loop {
            if let Some(action) = keymap::map_event_with(&ev, lib.mode(), &lib.keys) {
                library::update(&mut lib, action);
            }
            if lib.quit || !event::poll(DRAIN_WAIT)? {
                break;
            }
            ev = event::read()?;
        }
    }
    restore();
    drop(guard);
    Ok(lib)
}
