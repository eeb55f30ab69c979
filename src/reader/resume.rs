//! Resume: the reading position (a byte offset) and the sidebar selection
//! of every article, saved on quit and restored on open. Articles are keyed
//! by a hash of their text (FNV-1a, stable across runs and builds).
//!
//! Several readers may quit at once, so a quit never writes what it read at
//! start: under an exclusive lock it reads the file again, applies only the
//! articles this session moved in, and replaces the file atomically (a
//! temporary file, then a rename). Entries it cannot read are skipped and
//! fields it does not know are kept; a file it cannot read at all is moved
//! aside (`positions.json.bad-<seconds>`) before a new one is written.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::reader::state::State;

const FILE: &str = "positions.json";
const LOCK: &str = "positions.lock";
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

impl Position {
    /// Where `state` is now, not yet numbered.
    fn of(state: &State) -> Position {
        Position {
            anchor: state.anchor,
            cursor: state.cursor,
            active: state.active,
            seen: 0,
        }
    }
}

/// One article's entry: its position and any fields a later version wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub position: Position,
    unknown: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Store {
    pub version: u32,
    pub counter: u64,
    pub articles: BTreeMap<String, Entry>,
    /// Top-level fields this version does not know, written back as read.
    unknown: Map<String, Value>,
    /// Entries of the file that could not be read and were left out.
    pub skipped: usize,
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
    /// Read the store in `dir` to restore from; missing is empty, broken is
    /// empty with a warning (the file itself is dealt with on save).
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
            Ok(s) if s.skipped > 0 => {
                let w = format!(
                    "{}: {} unreadable reading positions skipped",
                    path.display(),
                    s.skipped
                );
                (s, Some(w))
            }
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

    /// The store written in `text`. Only a file that is no JSON object, or
    /// whose `articles` is no object, is an error; a bad entry is skipped.
    pub fn parse(text: &str) -> Result<Store, String> {
        let Value::Object(mut top) = serde_json::from_str(text).map_err(|e| e.to_string())? else {
            return Err("not a JSON object".into());
        };
        let number = |v: Option<Value>| v.as_ref().and_then(Value::as_u64);
        let version = number(top.remove("version")).map_or(1, |v| u32::try_from(v).unwrap_or(1));
        let counter = number(top.remove("counter")).unwrap_or(0);
        let entries = match top.remove("articles") {
            Some(Value::Object(entries)) => entries,
            None => Map::new(),
            Some(_) => return Err("\"articles\" is not an object".into()),
        };
        let mut store = Store {
            version,
            counter,
            unknown: top,
            ..Store::default()
        };
        for (k, v) in entries {
            match entry(v) {
                Some(e) => {
                    store.articles.insert(k, e);
                }
                None => store.skipped += 1,
            }
        }
        store.repair_counter();
        Ok(store)
    }

    /// The store as JSON, unknown fields included.
    pub fn to_json(&self) -> String {
        let articles: Map<String, Value> = self
            .articles
            .iter()
            .map(|(k, e)| {
                let mut fields = e.unknown.clone();
                if let Ok(Value::Object(known)) = serde_json::to_value(e.position) {
                    fields.extend(known);
                }
                (k.clone(), Value::Object(fields))
            })
            .collect();
        let mut top = self.unknown.clone();
        top.insert("version".into(), self.version.into());
        top.insert("counter".into(), self.counter.into());
        top.insert("articles".into(), Value::Object(articles));
        Value::Object(top).to_string()
    }

    fn new() -> Store {
        Store {
            version: 1,
            ..Store::default()
        }
    }

    /// The counter numbers saves: it never runs below an entry's `seen`,
    /// and one near its end is renumbered from 1 in the same order.
    fn repair_counter(&mut self) {
        let highest = self.articles.values().map(|e| e.position.seen).max();
        self.counter = self.counter.max(highest.unwrap_or(0));
        if self.counter > u64::MAX / 2 {
            let mut by_age: Vec<&mut Entry> = self.articles.values_mut().collect();
            by_age.sort_by_key(|e| e.position.seen);
            for (n, e) in (1..).zip(by_age) {
                e.position.seen = n;
            }
            self.counter = self.articles.len() as u64;
        }
    }

    /// Put an article back where it was left.
    pub fn restore(&self, state: &mut State) {
        self.restore_as(&key(&state.doc.text), state);
    }

    /// [`restore`](Store::restore) with the text's key already computed
    /// (on a worker, for a long text).
    pub fn restore_as(&self, key: &str, state: &mut State) {
        let Some(p) = self.articles.get(key).map(|e| e.position) else {
            return;
        };
        let text = &state.doc.text;
        if p.anchor <= text.len() && text.is_char_boundary(p.anchor) {
            state.anchor = p.anchor;
            // Already laid out (a long text restored once read whole).
            state.top = state.lines.line_at(p.anchor).min(state.max_top());
        }
        if p.cursor < state.index.selectable.len() {
            state.cursor = p.cursor;
            state.active = p.active;
        }
    }

    /// Remember where an article is, as the most recently read.
    fn record(&mut self, key: &str, mut position: Position) {
        self.counter += 1;
        position.seen = self.counter;
        match self.articles.get_mut(key) {
            Some(e) => e.position = position,
            None => {
                let unknown = Map::new();
                self.articles
                    .insert(key.to_string(), Entry { position, unknown });
            }
        }
        if self.articles.len() > KEEP {
            let mut by_age: Vec<(u64, String)> = self
                .articles
                .iter()
                .map(|(k, e)| (e.position.seen, k.clone()))
                .collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.articles.len() - KEEP) {
                self.articles.remove(&k);
            }
        }
    }
}

/// One entry, if it is a position (extra fields kept, bad ones refused).
fn entry(v: Value) -> Option<Entry> {
    let position = Position::deserialize(&v).ok()?;
    let Value::Object(mut unknown) = v else {
        return None;
    };
    for known in ["anchor", "cursor", "active", "seen"] {
        unknown.remove(known);
    }
    Some(Entry { position, unknown })
}

/// The articles of one reading session and where each was when opened:
/// only those the reader moved in are saved, so opening a folder of
/// thousands of articles does not push the ones really read out.
pub struct Session {
    opened: HashMap<String, Position>,
}

impl Session {
    /// Restore every article from `store` and remember where each starts.
    pub fn open(store: &Store, states: &mut [State]) -> Session {
        let mut opened = HashMap::new();
        for s in states {
            store.restore(s);
            opened.insert(key(&s.doc.text), Position::of(s));
        }
        Session { opened }
    }

    /// Save the articles moved in since [`Session::open`] into the store
    /// in `dir`, merged with what other sessions saved meanwhile. Returns
    /// a note when a broken file was moved aside.
    pub fn save(&self, states: &[State], dir: &Path) -> std::io::Result<Option<String>> {
        let moved: Vec<(String, Position)> = states
            .iter()
            // A preview of a text never read whole has no key of its own.
            .filter(|s| !s.partial)
            .map(|s| (key(&s.doc.text), Position::of(s)))
            .filter(|(k, p)| self.opened.get(k) != Some(p))
            .collect();
        if moved.is_empty() {
            return Ok(None);
        }
        merge(dir, &moved)
    }
}

/// Apply `moved` to the file in `dir` under the lock: re-read, record,
/// write atomically.
fn merge(dir: &Path, moved: &[(String, Position)]) -> std::io::Result<Option<String>> {
    std::fs::create_dir_all(dir)?;
    let _lock = Lock::exclusive(&dir.join(LOCK))?;
    let path = dir.join(FILE);
    let read = crate::source::input::read_small_file(&path);
    let parsed = match read {
        Ok(text) => Store::parse(&text).map_err(|e| e.to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Store::new()),
        Err(e) => Err(e.to_string()),
    };
    let (mut store, note) = match parsed {
        Ok(s) => (s, None),
        Err(why) => {
            let aside = move_aside(&path)?;
            let note = format!(
                "{}: unreadable ({why}), moved aside to {}",
                path.display(),
                aside.display()
            );
            (Store::new(), Some(note))
        }
    };
    for (k, p) in moved {
        store.record(k, *p);
    }
    write_atomic(dir, FILE, &store.to_json())?;
    Ok(note)
}

/// Rename `path` to `<path>.bad-<seconds since 1970>`.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".bad-{secs}"));
    let aside = PathBuf::from(name);
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// Replace `dir/name` with `text`: a temporary file renamed over it, which
/// is removed again if anything fails.
fn write_atomic(dir: &Path, name: &str, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    let done = written.and_then(|()| std::fs::rename(&tmp, dir.join(name)));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done
}

/// An exclusive `flock(2)` on a lock file, released when dropped (closing
/// the file releases it, also when the process dies).
struct Lock {
    _held: std::fs::File,
}

impl Lock {
    /// Wait up to five seconds for the lock: a reader stuck while holding
    /// it must not hang every other one on quit.
    fn exclusive(path: &Path) -> std::io::Result<Lock> {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking open: a FIFO planted at the path cannot block.
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            // SAFETY: the descriptor is open for as long as `file` lives;
            // flock(2) only changes the lock held on it.
            let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
            if r == 0 {
                return Ok(Lock { _held: file });
            }
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::WouldBlock || std::time::Instant::now() > deadline {
                return Err(e);
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
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

    /// One session: `states` opened against the file in `dir`, then `read`
    /// run on each before quitting.
    fn session(dir: &Path, states: &mut [State], read: impl Fn(&mut State)) {
        let (store, _) = Store::load(dir);
        let session = Session::open(&store, states);
        for s in states.iter_mut() {
            read(s);
        }
        session.save(states, dir).unwrap();
    }

    fn article(i: usize) -> State {
        let text = format!("Article {i}\n\n{}", "Some words of the body. ".repeat(40));
        let mut s = State::new(crate::model::Document::analyze(&text), "t");
        update(&mut s, Action::Resize(60, 10));
        s
    }

    fn file_names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn position_and_selection_round_trip() {
        let (_guard, dir) = temp();
        let mut s = [reader()];
        session(&dir, &mut s, |s| {
            update(s, Action::PageDown);
            update(s, Action::PageDown);
            update(s, Action::FocusNext);
            update(s, Action::Down);
            update(s, Action::FocusNext);
        });
        let (anchor, cursor) = (s[0].anchor, s[0].cursor);
        assert!(anchor > 0 && cursor > 0 && s[0].active);
        // No temporary file is left behind.
        assert_eq!(file_names(&dir), [FILE, LOCK]);

        let (store, w) = Store::load(&dir);
        assert!(w.is_none());
        let mut again = State::new(crate::testutil::bundled(), "minerals-deal.txt");
        store.restore(&mut again);
        update(&mut again, Action::Resize(100, 30));
        assert_eq!(
            (again.anchor, again.cursor, again.active),
            (anchor, cursor, true)
        );
        assert_eq!(again.top, s[0].top);
        // Another article is untouched.
        let mut other = State::new(crate::model::Document::analyze("T\n\nBody."), "t");
        store.restore(&mut other);
        assert_eq!(other.anchor, 0);
    }

    #[test]
    fn readers_quitting_together_keep_each_others_positions() {
        let (_guard, dir) = temp();
        // Ten sessions all opened before any quits, each reading its own
        // article, then quitting at once.
        let (store, _) = Store::load(&dir);
        let threads: Vec<_> = (0..10)
            .map(|i| {
                let mut states = [article(i)];
                let opened = Session::open(&store, &mut states);
                let dir = dir.clone();
                std::thread::spawn(move || {
                    update(&mut states[0], Action::PageDown);
                    opened.save(&states, &dir).unwrap();
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let (store, w) = Store::load(&dir);
        assert!(w.is_none());
        assert_eq!(store.articles.len(), 10);
        let mut seen: Vec<u64> = store.articles.values().map(|e| e.position.seen).collect();
        seen.sort();
        assert_eq!(seen, (1..=10).collect::<Vec<u64>>());
    }

    #[test]
    fn articles_opened_but_not_read_do_not_push_out_those_read() {
        let (_guard, dir) = temp();
        session(&dir, &mut [article(0)], |s| update(s, Action::PageDown));
        let mut folder: Vec<State> = (1..=KEEP + 200).map(article).collect();
        session(&dir, &mut folder, |_| {});
        let (store, _) = Store::load(&dir);
        assert_eq!(store.articles.len(), 1);
        assert!(store.articles.contains_key(&key(&article(0).doc.text)));
        // One of them read: it joins, the first stays.
        session(&dir, &mut folder, |s| {
            if s.doc.text.starts_with("Article 7\n") {
                update(s, Action::PageDown);
            }
        });
        assert_eq!(Store::load(&dir).0.articles.len(), 2);
    }

    #[test]
    fn bad_entries_are_skipped_and_unknown_fields_kept() {
        let (_guard, dir) = temp();
        std::fs::create_dir_all(&dir).unwrap();
        let good = r#"{"anchor": 3, "cursor": 0, "active": false, "seen": 2, "zoom": 1.5}"#;
        let text = format!(
            r#"{{"version": 1, "counter": 2, "theme": "x", "articles": {{
                "aa": {{"anchor": -5, "cursor": 0, "active": false}},
                "bb": {good},
                "cc": "nonsense"}}}}"#
        );
        std::fs::write(dir.join(FILE), text).unwrap();
        let (store, w) = Store::load(&dir);
        assert!(
            w.unwrap()
                .contains("2 unreadable reading positions skipped")
        );
        assert_eq!(store.articles.len(), 1);
        assert_eq!(store.articles["bb"].position.anchor, 3);
        session(&dir, &mut [article(1)], |s| update(s, Action::PageDown));
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(FILE)).unwrap()).unwrap();
        assert_eq!(v["theme"], "x");
        assert_eq!(v["articles"]["bb"]["zoom"], 1.5);
        assert_eq!(v["articles"].as_object().unwrap().len(), 2);
    }

    #[test]
    fn a_broken_file_is_ignored_then_moved_aside() {
        let (_guard, dir) = temp();
        std::fs::create_dir_all(&dir).unwrap();
        let broken = "{\"version\": 1, \"articles\": {\"ab\": {\"anch";
        std::fs::write(dir.join(FILE), broken).unwrap();
        let (store, w) = Store::load(&dir);
        assert!(store.articles.is_empty());
        assert!(w.unwrap().contains("reading positions ignored"));
        let mut s = [article(1)];
        let opened = Session::open(&store, &mut s);
        update(&mut s[0], Action::PageDown);
        let note = opened.save(&s, &dir).unwrap().unwrap();
        assert!(note.contains("moved aside"), "{note}");
        let names = file_names(&dir);
        let aside = names.iter().find(|n| n.starts_with("positions.json.bad-"));
        assert_eq!(
            std::fs::read_to_string(dir.join(aside.unwrap())).unwrap(),
            broken
        );
        assert_eq!(Store::load(&dir).0.articles.len(), 1);
    }

    #[test]
    fn out_of_range_positions_are_not_applied() {
        let mut bad = Store::new();
        let s = reader();
        let position = Position {
            anchor: usize::MAX,
            cursor: usize::MAX,
            active: true,
            seen: 1,
        };
        bad.record(&key(&s.doc.text), position);
        let mut fresh = reader();
        bad.restore(&mut fresh);
        assert_eq!((fresh.anchor, fresh.cursor, fresh.active), (0, 0, false));
    }

    #[test]
    fn a_counter_below_an_entry_or_near_its_end_is_repaired() {
        let entry =
            |seen: u64| format!(r#"{{"anchor": 0, "cursor": 0, "active": false, "seen": {seen}}}"#);
        let low = format!(
            r#"{{"version": 1, "counter": 1, "articles": {{"a": {}}}}}"#,
            entry(9)
        );
        assert_eq!(Store::parse(&low).unwrap().counter, 9);
        let max = u64::MAX;
        let high = format!(
            r#"{{"version": 1, "counter": {max}, "articles": {{"a": {}, "b": {}}}}}"#,
            entry(max),
            entry(max - 1)
        );
        let mut store = Store::parse(&high).unwrap();
        assert_eq!(store.counter, 2);
        assert_eq!(store.articles["b"].position.seen, 1);
        store.record("c", store.articles["a"].position);
        assert_eq!(store.articles["c"].position.seen, 3);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let (_guard, dir) = temp();
        // A directory in the way makes the rename fail.
        std::fs::create_dir_all(dir.join(FILE).join("in-the-way")).unwrap();
        assert!(write_atomic(&dir, FILE, "{}").is_err());
        assert_eq!(file_names(&dir), [FILE]);
    }

    #[test]
    fn the_oldest_articles_are_forgotten() {
        let mut store = Store::new();
        let p = Position::of(&reader());
        for i in 0..KEEP + 5 {
            store.record(&key(&format!("article {i}")), p);
        }
        store.record("last", p);
        assert_eq!(store.articles.len(), KEEP);
        assert!(!store.articles.contains_key(&key("article 0")));
        assert!(store.articles.contains_key("last"));
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
