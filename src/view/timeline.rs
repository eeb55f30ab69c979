//! The mention timeline: one column beside the scrollbar, a mark on each
//! row that holds a mention of the selected entity, the current mention
//! stronger, the rows of the viewport shaded.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::reader::state::{State, kind_of};
use crate::reader::timeline::row_of_line;
use crate::view::theme::Theme;

pub const MARK: &str = "•";
pub const CURRENT: &str = "◆";

pub fn render(state: &State, theme: Theme, buf: &mut Buffer) {
    let Some(strip) = state.timeline_area() else {
        return;
    };
    let Some(id) = state.selected_entity() else {
        return;
    };
    if state.marks.key.map(|k| k.0) != Some(id) {
        return;
    }
    let rows = usize::from(strip.height);
    let total = state.lines.len();
    let view_from = row_of_line(state.top, rows, total);
    let view_to = row_of_line(
        (state.top + state.text_height()).saturating_sub(1),
        rows,
        total,
    );
    let mark_style = match state.index.speaker_color.get(id).copied().flatten() {
        Some(slot) if theme.color => Style::new().fg(theme.speaker_color(slot)),
        _ => kind_of(&state.doc, id).map_or(Style::new(), |k| theme.kind_bar(k)),
    }
    .add_modifier(Modifier::BOLD);
    let viewport = if theme.color {
        Style::new().bg(Color::Indexed(237))
    } else {
        Style::new().add_modifier(Modifier::DIM)
    };
    for r in 0..rows {
        let y = strip.y + r as u16;
        let cell = &mut buf[(strip.x, y)];
        let in_view = (view_from..=view_to).contains(&r);
        let on = state.marks.on_row(r, rows, total);
        let (symbol, mut style) = if on.iter().any(|&(_, i)| Some(i) == state.mention) {
            (CURRENT, mark_style.add_modifier(Modifier::REVERSED))
        } else if !on.is_empty() {
            (MARK, mark_style)
        } else if in_view {
            ("│", theme.quiet())
        } else {
            (" ", Style::new())
        };
        if in_view {
            style = style.patch(viewport);
        }
        cell.set_symbol(symbol).set_style(style);
    }
}
