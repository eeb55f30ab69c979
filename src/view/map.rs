//! The map view: the coastlines of the region that holds the article's
//! places, a marker at each place and as many labels as fit, the selected
//! place highlighted. Drawn over the article pane.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::{Marker, border};
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::{Block, Clear, Widget};

use crate::model::EntityKind;
use crate::reader::state::State;
use crate::view::theme::Theme;

/// Marker of a place, and of the selected place.
pub const MARKER: &str = "●";
pub const SELECTED_MARKER: &str = "◉";

pub fn render(state: &State, theme: Theme, buf: &mut Buffer) {
    let pane = state.areas.article;
    let (Some(area), Some(layout)) = (state.map_area(), state.map_layout()) else {
        return;
    };
    Clear.render(pane, buf);
    let count = state.index.places.len();
    let title = match count {
        0 => " Map · no places with coordinates ".to_string(),
        1 => " Map · 1 place ".to_string(),
        n => format!(" Map · {n} places "),
    };
    Block::bordered()
        .border_set(border::ROUNDED)
        .border_style(theme.border(true))
        .title(Line::from(title).style(theme.group()))
        .title_bottom(Line::from(" j/k place · Enter read · m/Esc close ").style(theme.quiet()))
        .render(pane, buf);
    if area.is_empty() {
        return;
    }
    let coast = if theme.color {
        Color::Indexed(244)
    } else {
        Color::Reset
    };
    let w = layout.window;
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(w.lon)
        .y_bounds(w.lat)
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: coast,
            });
        })
        .render(area, buf);
    let selected = state.selected_place();
    let marker_style = theme
        .kind_bar(EntityKind::Place)
        .add_modifier(Modifier::BOLD);
    let chosen = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    // Other places first, so the selected marker wins a shared cell.
    let mut markers = layout.markers.clone();
    markers.sort_by_key(|m| Some(m.id) == selected);
    for m in &markers {
        let (symbol, style) = if Some(m.id) == selected {
            (SELECTED_MARKER, marker_style.patch(chosen))
        } else {
            (MARKER, marker_style)
        };
        buf[(m.x, m.y)].set_symbol(symbol).set_style(style);
    }
    for l in &layout.labels {
        let style = if Some(l.id) == selected {
            chosen
        } else {
            Style::new()
        };
        buf.set_string(l.x, l.y, &l.text, style);
    }
}
