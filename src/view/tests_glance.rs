//! Tests of the at-a-glance views on the analysed bundled article and on the
//! shared articles: numbers in context, the map, the timeline and the
//! quotes view. Assertions are on what is on screen, robust to small
//! changes of the analysis.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::*;
use crate::document::Document;
use crate::input::BUNDLED;
use crate::state::{Action, Focus, update};

pub(crate) fn sized(doc: Document, w: u16, h: u16) -> State {
    let mut s = State::new(doc, "minerals-deal.txt");
    update(&mut s, Action::Resize(w, h));
    s
}

pub(crate) fn analysed(w: u16, h: u16) -> State {
    sized(Document::analyze(BUNDLED), w, h)
}

pub(crate) fn draw_buf(state: &State) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    t.draw(|f| render(state, f)).unwrap();
    t.backend().buffer().clone()
}

pub(crate) fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Move the sidebar cursor onto the entity called `name` with keys.
pub(crate) fn select_named(s: &mut State, name: &str) {
    if s.focus != Focus::Sidebar {
        update(s, Action::FocusNext);
    }
    update(s, Action::Top);
    for _ in 0..s.index.selectable.len() {
        if s.selected_entity()
            .is_some_and(|id| s.doc.entities[id].name == name)
        {
            return;
        }
        update(s, Action::Down);
    }
    panic!("{name} not in the sidebar");
}

#[test]
fn number_entries_say_what_they_count() {
    // A narrow sidebar cuts the context short.
    for (w, h, shown) in [
        (120, 40, "2 million tons — aluminum"),
        (80, 24, "2 million tons — al"),
    ] {
        let mut s = analysed(w, h);
        select_named(&mut s, "2 million tons");
        let screen = rows(&draw_buf(&s)).join("\n");
        assert!(screen.contains(shown), "{screen}");
    }
}

#[test]
fn a_selected_number_is_compared_with_its_unit() {
    let mut s = analysed(120, 40);
    select_named(&mut s, "15 percent");
    let panel = s.compare_area().expect("a compare panel");
    let buf = draw_buf(&s);
    let lines = rows(&buf);
    let inside = |y: u16| -> String {
        (panel.x..panel.right())
            .map(|x| buf[(x, y)].symbol())
            .collect()
    };
    let text: Vec<String> = (panel.y..panel.bottom()).map(inside).collect();
    assert!(
        text.iter().any(|l| l.contains("Compare · percent")),
        "{text:?}"
    );
    let bar_of = |name: &str| {
        text.iter()
            .find(|l| l.contains(name))
            .map(|l| l.chars().filter(|&c| c == '█').count())
            .unwrap_or_else(|| panic!("{name} in {text:?}"))
    };
    // 50 percent is the largest: its bar is full, 15 percent's shorter.
    assert!(bar_of("50 percent") > bar_of("15 percent"));
    // The list above still shows the cursor.
    let cursor = s.index.selectable[s.cursor];
    let list = s.sidebar_list().unwrap();
    let row = cursor - s.sidebar_top;
    assert!(row < usize::from(list.height));
    assert!(lines[list.y as usize + row].contains("15 percent"));
    // Nothing to compare for a person.
    select_named(&mut s, "Donald Trump");
    assert!(s.compare_area().is_none());
}
