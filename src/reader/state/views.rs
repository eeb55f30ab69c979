//! The views over the article pane (quotes, map): opening them and the
//! actions they take while open.

use ratatui::layout::Position;

use super::{Focus, Search, State, View, WHEEL_LINES, inner, reveal, select_entity, set_focus};
use crate::reader::action::Action;
use crate::reader::quotes::QuoteRow;

/// Open a view over the article pane, or close it when it is open.
pub(super) fn open_view(state: &mut State, view: View) {
    if state.view == view {
        state.view = View::Article;
        return;
    }
    if state.focus == Focus::Sidebar && state.areas.overlay {
        set_focus(state, Focus::Text);
    }
    state.search = match std::mem::take(&mut state.search) {
        Search::Typing(_) => Search::Off,
        other => other,
    };
    state.view = view;
    if view == View::Quotes {
        // Start at the current quote, or at the selected speaker.
        let list = &state.index.quote_list;
        let row = state.quote.and_then(|q| list.row_of_quote(q)).or_else(|| {
            state
                .selected_entity()
                .and_then(|id| list.row_of_speaker(id))
        });
        state.quotes_cursor = row
            .and_then(|r| list.selectable.iter().position(|&s| s == r))
            .unwrap_or(0);
        state.quotes_top = 0;
        keep_quote_cursor_visible(state);
    }
    if view == View::Map
        && state.selected_place().is_none()
        && let Some(&first) = state.index.places.first()
    {
        select_entity(state, first);
    }
}

/// Actions while a view is open; false lets the normal handling run.
pub(super) fn view_action(state: &mut State, action: Action) -> bool {
    match action {
        Action::Interrupt
        | Action::Resize(..)
        | Action::ToggleHelp
        | Action::ToggleMap
        | Action::ToggleQuotes
        | Action::ToggleTimeline
        | Action::CopyQuote
        | Action::FixSpeaker
        | Action::FixKind
        | Action::FixRename
        | Action::FixMerge
        | Action::FixDrop
        | Action::Undo
        | Action::ToggleKinds => return false,
        Action::Cancel | Action::Quit => state.view = View::Article,
        _ => match state.view {
            View::Map => map_action(state, action),
            View::Quotes => quotes_action(state, action),
            View::Article => {}
        },
    }
    true
}

fn quotes_height(state: &State) -> usize {
    let h = inner(state.areas.article).height;
    usize::from(h).max(1)
}

fn quotes_action(state: &mut State, action: Action) {
    let n = state.index.quote_list.selectable.len();
    let page = quotes_height(state).saturating_sub(1).max(1);
    let cur = state.quotes_cursor;
    let moved = match action {
        Action::Down => Some(cur + 1),
        Action::Up => Some(cur.saturating_sub(1)),
        Action::PageDown => Some(cur + page),
        Action::PageUp => Some(cur.saturating_sub(page)),
        Action::HalfPageDown => Some(cur + page / 2),
        Action::HalfPageUp => Some(cur.saturating_sub(page / 2)),
        Action::Top => Some(0),
        Action::Bottom => Some(usize::MAX),
        Action::Activate => {
            activate_quote_row(state);
            None
        }
        Action::Wheel { x, y, down } => {
            if state.areas.article.contains(Position::new(x, y)) {
                let max = max_quotes_top(state);
                state.quotes_top = if down {
                    (state.quotes_top + WHEEL_LINES).min(max)
                } else {
                    state.quotes_top.saturating_sub(WHEEL_LINES)
                };
            }
            None
        }
        Action::Click { x, y } => {
            if let Some(area) = state.quotes_area()
                && area.contains(Position::new(x, y))
            {
                let row = quote_row_at(state, usize::from(y - area.y));
                let list = &state.index.quote_list;
                if let Some(c) = row.and_then(|row| list.selectable.iter().position(|&s| s == row))
                {
                    let row = list.selectable[c];
                    state.quotes_cursor = c;
                    match list.rows[row] {
                        QuoteRow::Quote(_) => activate_quote_row(state),
                        QuoteRow::Speaker(g) => {
                            if let Some(id) = list.groups[g].speaker {
                                select_entity(state, id);
                            }
                        }
                        _ => {}
                    }
                }
            }
            None
        }
        _ => None,
    };
    if let Some(c) = moved {
        if n == 0 {
            return;
        }
        state.quotes_cursor = c.min(n - 1);
        keep_quote_cursor_visible(state);
    }
}

pub(super) fn keep_quote_cursor_visible(state: &mut State) {
    let h = quotes_height(state);
    if let Some(row) = state.quotes_cursor_row() {
        if state.quotes_cursor == 0 {
            state.quotes_top = 0;
        } else if row < state.quotes_top {
            // Keep the speaker heading above a first quote in view.
            state.quotes_top = row.saturating_sub(1);
        } else {
            while state.quotes_top < row && rows_height(state, state.quotes_top..row + 1) > h {
                state.quotes_top += 1;
            }
        }
    }
    state.quotes_top = state.quotes_top.min(max_quotes_top(state));
}

/// Screen lines of some rows of the quotes view.
fn rows_height(state: &State, rows: std::ops::Range<usize>) -> usize {
    rows.map(|r| state.quote_row_height(r)).sum()
}

/// The first row of the last screenful of the quotes view.
fn max_quotes_top(state: &State) -> usize {
    let h = quotes_height(state);
    let mut top = state.index.quote_list.rows.len();
    let mut used = 0;
    while top > 0 {
        used += state.quote_row_height(top - 1);
        if used > h {
            break;
        }
        top -= 1;
    }
    top
}

/// The row of the quotes view drawn on screen line `y` of its area.
fn quote_row_at(state: &State, y: usize) -> Option<usize> {
    let mut line = 0;
    (state.quotes_top..state.index.quote_list.rows.len()).find(|&r| {
        line += state.quote_row_height(r);
        line > y
    })
}

/// Enter in the quotes view: a quote closes the view with the quote in
/// view; a speaker is selected and their first quote shown.
fn activate_quote_row(state: &mut State) {
    let Some(row) = state.quotes_cursor_row() else {
        return;
    };
    let list = &state.index.quote_list;
    let q = match list.rows[row] {
        QuoteRow::Quote(q) => Some(q),
        QuoteRow::Speaker(g) => {
            let group = &list.groups[g];
            let first = group.quotes.first().copied();
            if let Some(id) = group.speaker {
                select_entity(state, id);
            }
            first
        }
        _ => None,
    };
    let Some(q) = q else {
        return;
    };
    state.view = View::Article;
    set_focus(state, Focus::Text);
    state.quote = Some(q);
    let span = state.doc.quotes[q].span.clone();
    reveal(state, &span);
}

fn map_action(state: &mut State, action: Action) {
    let places = &state.index.places;
    if places.is_empty() {
        return;
    }
    let current = state
        .selected_place()
        .and_then(|id| places.iter().position(|&p| p == id));
    let n = places.len();
    let target = match action {
        Action::Down | Action::NextMatch => Some(current.map_or(0, |c| (c + 1) % n)),
        Action::Up | Action::PrevMatch => Some(current.map_or(n - 1, |c| (c + n - 1) % n)),
        Action::Top => Some(0),
        Action::Bottom => Some(n - 1),
        Action::Activate => {
            // Read about the place: close the map at its first mention.
            if let Some(id) = state.selected_place() {
                state.view = View::Article;
                if let Some(m) = state.doc.entities[id].mentions.first() {
                    let span = m.span.clone();
                    state.mention = Some(0);
                    reveal(state, &span);
                }
                set_focus(state, Focus::Text);
            }
            None
        }
        Action::Click { x, y } => {
            let hit = state.map_layout().and_then(|l| l.hit(x, y));
            hit.and_then(|id| places.iter().position(|&p| p == id))
        }
        _ => None,
    };
    if let Some(i) = target {
        let id = state.index.places[i];
        select_entity(state, id);
    }
}
