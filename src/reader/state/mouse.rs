//! The mouse: wheel and clicks, by where on the screen they land.

use ratatui::layout::{Position, Rect};

use super::{
    Focus, State, WHEEL_LINES, keep_cursor_visible, reveal, scroll, select, select_entity, set_top,
};
use crate::reader::timeline::row_lines;

pub(super) fn wheel(state: &mut State, x: u16, y: u16, down: bool) {
    let p = Position::new(x, y);
    if let Some(list) = state.sidebar_list()
        && state.areas.sidebar.is_some_and(|r| r.contains(p))
    {
        let h = usize::from(list.height).max(1);
        let max = state.index.rows.len().saturating_sub(h);
        state.sidebar_top = if down {
            (state.sidebar_top + WHEEL_LINES).min(max)
        } else {
            state.sidebar_top.saturating_sub(WHEEL_LINES)
        };
        // The cursor follows into view, so the selection stays visible.
        let visible = state.sidebar_top..state.sidebar_top + h;
        let sel = &state.index.selectable;
        if let Some(&row) = sel.get(state.cursor)
            && !visible.contains(&row)
        {
            let c = if row < visible.start {
                sel.partition_point(|&r| r < visible.start)
            } else {
                sel.partition_point(|&r| r < visible.end).saturating_sub(1)
            };
            let c = c.min(sel.len() - 1);
            if visible.contains(&sel[c]) {
                if state.active && c != state.cursor {
                    state.mention = None;
                }
                state.cursor = c;
            }
        }
        // No entry in view to move to: scroll back to the selection.
        keep_cursor_visible(state);
    } else if state.areas.article.contains(p) && !state.areas.too_small {
        scroll(state, WHEEL_LINES, down);
    }
}

/// A click on the timeline strip: to the mention marked on that row, or
/// to that part of the article.
fn click_timeline(state: &mut State, strip: Rect, y: u16) {
    let rows = usize::from(strip.height);
    let total = state.lines.len();
    let row = usize::from(y - strip.y);
    if let Some(&(_, i)) = state.marks.on_row(row, rows, total).first()
        && let Some(id) = state.selected_entity()
        && let Some(m) = state.doc.entities[id].mentions.get(i)
    {
        let span = m.span.clone();
        state.mention = Some(i);
        reveal(state, &span);
        return;
    }
    let line = row_lines(row, rows, total).start;
    let h = state.text_height();
    set_top(state, line.saturating_sub(h / 2));
}

pub(super) fn click(state: &mut State, x: u16, y: u16) {
    let p = Position::new(x, y);
    if let Some(strip) = state.timeline_area()
        && strip.contains(p)
    {
        click_timeline(state, strip, y);
        return;
    }
    if let Some(list) = state.sidebar_list()
        && state.areas.sidebar.is_some_and(|r| r.contains(p))
    {
        if list.contains(p) {
            let row = state.sidebar_top + usize::from(y - list.y);
            if let Some(c) = state.index.selectable.iter().position(|&s| s == row) {
                state.focus = Focus::Sidebar;
                select(state, c);
            }
        }
        return;
    }
    let Some(pos) = state.byte_at(x, y) else {
        return;
    };
    let Some(m) = state.index.mention_at(pos).cloned() else {
        return;
    };
    select_entity(state, m.entity);
    state.mention = state.doc.entities[m.entity]
        .mentions
        .iter()
        .position(|x| x.span == m.span);
}
