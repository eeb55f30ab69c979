//! The reader's per-keypress cost and its layout, on the bundled article
//! and on a 3 MB novel: each action is `update` plus the render of a
//! 200x60 frame into ratatui's TestBackend, the work one keypress causes.
//!
//! The novel is read from `$BYLINE_CORPUS` or `../shared/corpus/`; without
//! it, its cases are skipped with a note.

use std::sync::OnceLock;

use byline::model::{Document, EntityKind};
use byline::reader::action::Action;
use byline::reader::layout::{Fit, LineTable};
use byline::reader::state::{Search, State, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const W: u16 = 200;
const H: u16 = 60;

fn main() {
    divan::main();
}

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/decoded.rs"]
mod decoded;

fn novel() -> Option<&'static Document> {
    static DOC: OnceLock<Option<Document>> = OnceLock::new();
    DOC.get_or_init(|| Some(Document::analyze(&decoded::novel_text()?)))
        .as_ref()
}

fn bundled() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| Document::analyze(byline::source::input::BUNDLED))
}

const TEXTS: &[&str] = &["bundled", "novel"];

fn doc(which: &str) -> Option<&'static Document> {
    match which {
        "novel" => novel(),
        _ => Some(bundled()),
    }
}

/// A sized reader with the most mentioned person selected.
fn ready(doc: &Document) -> State {
    let mut state = State::new(doc.clone(), "bench");
    update(&mut state, Action::Resize(W, H));
    state
}

fn select_top_person(state: &mut State) {
    update(state, Action::FocusNext);
    update(state, Action::Activate);
    let _ = state.doc.entities_of(EntityKind::Person);
}

/// One keypress: the action, then the frame.
fn press(
    bencher: divan::Bencher,
    which: &str,
    prepare: impl Fn(&mut State),
    actions: &'static [Action],
) {
    let mut k = 0;
    press_with(bencher, which, prepare, |state| {
        update(state, actions[k % actions.len()]);
        k += 1;
    });
}

/// Like [`press`], with the keypress's update given as a function.
fn press_with(
    bencher: divan::Bencher,
    which: &str,
    prepare: impl Fn(&mut State),
    mut act: impl FnMut(&mut State),
) {
    let Some(doc) = doc(which) else { return };
    let mut state = ready(doc);
    prepare(&mut state);
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("test backend");
    bencher.bench_local(|| {
        act(&mut state);
        terminal
            .draw(|frame| byline::view::render(&state, frame))
            .expect("draw");
    });
}

#[divan::bench(args = TEXTS)]
fn line_scroll(bencher: divan::Bencher, which: &str) {
    press(
        bencher,
        which,
        |_| {},
        &[Action::Down, Action::Down, Action::Up],
    );
}

#[divan::bench(args = TEXTS)]
fn page_scroll(bencher: divan::Bencher, which: &str) {
    press(
        bencher,
        which,
        |_| {},
        &[Action::PageDown, Action::PageDown, Action::PageUp],
    );
}

#[divan::bench(args = TEXTS)]
fn jump_to_end_and_back(bencher: divan::Bencher, which: &str) {
    press(bencher, which, |_| {}, &[Action::Bottom, Action::Top]);
}

#[divan::bench(args = TEXTS)]
fn select_entity(bencher: divan::Bencher, which: &str) {
    press(
        bencher,
        which,
        |s| update(s, Action::FocusNext),
        &[Action::Down, Action::Activate, Action::FocusNext],
    );
}

#[divan::bench(args = TEXTS)]
fn next_and_previous_mention(bencher: divan::Bencher, which: &str) {
    press(
        bencher,
        which,
        select_top_person,
        &[Action::NextMatch, Action::NextMatch, Action::PrevMatch],
    );
}

#[divan::bench(args = TEXTS)]
fn search_and_step(bencher: divan::Bencher, which: &str) {
    press(
        bencher,
        which,
        |_| {},
        &[
            Action::SearchStart,
            Action::SearchInput('t'),
            Action::SearchInput('h'),
            Action::SearchInput('e'),
            Action::SearchConfirm,
            Action::NextMatch,
            Action::NextMatch,
            Action::Cancel,
        ],
    );
}

/// Enter on a typed query, and nothing else: `search_and_step` mixes this
/// one costly keypress with seven cheap ones, which hides it in the median.
/// Besides a common word: "borodin", 108 hits in the last half of the
/// novel and none in the article, and a query with none, the cases that
/// scan the whole text.
#[divan::bench(args = [
    ("bundled", "the"), ("bundled", "borodin"), ("bundled", "xyzzy"),
    ("novel", "the"), ("novel", "borodin"), ("novel", "xyzzy"),
])]
fn search_confirm(bencher: divan::Bencher, (which, query): (&str, &str)) {
    press_with(
        bencher,
        which,
        |_| {},
        |state| {
            // The typed query, set directly: typing is measured elsewhere.
            state.search = Search::Typing(query.into());
            update(state, Action::SearchConfirm);
        },
    );
}

#[divan::bench(args = [("bundled", 80), ("bundled", 120), ("novel", 80), ("novel", 120)], sample_count = 10)]
fn layout(bencher: divan::Bencher, (which, width): (&str, u16)) {
    let Some(doc) = doc(which) else { return };
    bencher.bench(|| LineTable::wrap(doc, width, Fit::of(doc)));
}
