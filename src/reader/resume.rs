//! Resume: the reading position (a byte offset) and the sidebar selection
//! of every article, saved on quit and restored on open. Articles are keyed
//! by a hash of their text (FNV-1a, stable across runs and builds). The
//! file is written atomically (a temporary file, then a rename), and a
//! broken file is ignored with a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::reader::state::State;

const FILE: &str = "positions.json";
/// Articles remembered; the least recently read are forgotten first.
const KEEP: usize = 1_000;

/// Where one article was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset of the top line.
    pub anchor: usize,
    /// Sidebar cursor and whether its entry was selected.
    pub cursor: usize,
    pub active: bool,
    /// Save counter, for forgetting the oldest.
    #[serde(default)]
    pub seen: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub version: u32,
    #[serde(default)]
    pub counter: u64,
    pub articles: BTreeMap<String, Position>,
}

/// FNV-1a, 64 bits, as 16 hex digits.
pub fn key(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The state directory: `$BYLINE_STATE_DIR`, else the platform one.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("BYLINE_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(
        base.state_dir()
            .unwrap_or_else(|| base.data_dir())
            .join("byline"),
    )
}

impl Store {
    /// Read the store in `dir`; missing is empty, broken is empty with a
    /// warning.
    pub fn load(dir: &Path) -> (Store, Option<String>) {
        let path = dir.join(FILE);
        let text = match crate::source::input::read_small_file(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Store::new(), None),
            Err(e) => {
                let w = format!("{}: cannot read reading positions: {e}", path.display());
                return (Store::new(), Some(w));
            }
        };
        match Store::parse(&text) {
            Ok(s) => (s, None),
            Err(e) => {
                let w = format!(
                    "{}: reading positions ignored, the file is broken ({e})",
                    path.display()
                );
                (Store::new(), Some(w))
            }
        }
    }

    /// The store written in `text`.
    pub fn parse(text: &str) -> Result<Store, serde_json::Error> {
        serde_json::from_str(text)
    }

    fn new() -> Store {
        Store {
            version: 1,
            ..Store::default()
        }
    }

    /// Write the store into `dir` atomically.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
        let json = serde_json::to_string(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, json)?;
        let done = std::fs::rename(&tmp, dir.join(FILE));
        if done.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        done
    }

    /// Put an article back where it was left.
    pub fn restore(&self, state: &mut State) {
        let Some(p) = self.articles.get(&key(&state.doc.text)) else {
            return;
        };
        let text = &state.doc.text;
        if p.anchor <= text.len() && text.is_char_boundary(p.anchor) {
            state.anchor = p.anchor;
        }
        if p.cursor < state.index.selectable.len() {
            state.cursor = p.cursor;
            state.active = p.active;
        }
    }

    /// Remember where an article is.
    pub fn record(&mut self, state: &State) {
        self.counter += 1;
        self.articles.insert(
            key(&state.doc.text),
            Position {
                anchor: state.anchor,
                cursor: state.cursor,
                active: state.active,
                seen: self.counter,
            },
        );
        if self.articles.len() > KEEP {
            let mut by_age: Vec<(u64, String)> = self
                .articles
                .iter()
                .map(|(k, p)| (p.seen, k.clone()))
                .collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.articles.len() - KEEP) {
                self.articles.remove(&k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::action::Action;
    use crate::reader::state::update;

    /// A state directory that does not exist yet, inside a temp dir that
    /// is removed when the returned guard drops.
    fn temp() -> (tempfile::TempDir, PathBuf) {
        let guard = tempfile::tempdir().unwrap();
        let d = guard.path().join("state");
        (guard, d)
    }

    fn reader() -> State {
        let mut s = State::new(crate::testutil::bundled(), "minerals-deal.txt");
        update(&mut s, Action::Resize(100, 30));
        s
    }

    #[test]
    fn the_key_is_stable() {
        assert_eq!(key(""), "cbf29ce484222325");
        assert_eq!(key("a"), "af63dc4c8601ec8c");
        assert_ne!(key("Title\nBody."), key("Title\nBody!"));
    }

    #[test]
    fn position_and_selection_round_trip() {
        let (_guard, dir) = temp();
        let mut s = reader();
        update(&mut s, Action::PageDown);
        update(&mut s, Action::PageDown);
        update(&mut s, Action::FocusNext);
        update(&mut s, Action::Down);
        update(&mut s, Action::FocusNext);
        let (anchor, cursor) = (s.anchor, s.cursor);
        assert!(anchor > 0 && cursor > 0 && s.active);
        let (mut store, w) = Store::load(&dir);
        assert!(w.is_none() && store.articles.is_empty());
        store.record(&s);
        store.save(&dir).unwrap();
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE]);

        let (store, w) = Store::load(&dir);
        assert!(w.is_none());
        let mut again = State::new(crate::testutil::bundled(), "minerals-deal.txt");
        store.restore(&mut again);
        update(&mut again, Action::Resize(100, 30));
        assert_eq!(
            (again.anchor, again.cursor, again.active),
            (anchor, cursor, true)
        );
        assert_eq!(again.top, s.top);
        // Another article is untouched.
        let mut other = State::new(crate::model::Document::analyze("T\n\nBody."), "t");
        store.restore(&mut other);
        assert_eq!(other.anchor, 0);
    }

    #[test]
    fn a_broken_file_is_ignored_with_a_warning() {
        let (_guard, dir) = temp();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(FILE),
            "{\"version\": 1, \"articles\": {\"ab\": {\"anch",
        )
        .unwrap();
        let (store, w) = Store::load(&dir);
        assert!(store.articles.is_empty());
        assert!(w.unwrap().contains("reading positions ignored"));
        // Out-of-range positions from a stale file are not applied.
        let mut bad = Store::new();
        let s = reader();
        bad.articles.insert(
            key(&s.doc.text),
            Position {
                anchor: usize::MAX,
                cursor: usize::MAX,
                active: true,
                seen: 1,
            },
        );
        let mut fresh = reader();
        bad.restore(&mut fresh);
        assert_eq!((fresh.anchor, fresh.cursor, fresh.active), (0, 0, false));
        // Saving over the broken file repairs it.
        bad.save(&dir).unwrap();
        assert!(Store::load(&dir).1.is_none());
    }

    #[test]
    fn the_oldest_articles_are_forgotten() {
        let mut store = Store::new();
        let s = reader();
        for i in 0..KEEP + 5 {
            let mut st = State::new(crate::model::Document::default(), "x");
            st.doc.text = format!("article {i}");
            store.record(&st);
        }
        store.record(&s);
        assert_eq!(store.articles.len(), KEEP);
        assert!(!store.articles.contains_key(&key("article 0")));
        assert!(store.articles.contains_key(&key(&s.doc.text)));
    }

    #[test]
    fn a_positions_file_that_is_a_fifo_or_huge_is_refused_at_once() {
        let (_guard, d) = temp();
        std::fs::create_dir_all(&d).unwrap();
        let path = d.join(FILE);
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success());
        let (store, w) = Store::load(&d);
        assert!(store.articles.is_empty());
        assert!(w.unwrap().contains("not a regular file"));
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, " ".repeat(2 * 1024 * 1024)).unwrap();
        let (_, w) = Store::load(&d);
        assert!(w.unwrap().contains("larger than 1 MiB"));
    }
}
