//! Drawing the state. Rendering reads the [`State`] only and draws the
//! visible part of it; nothing here changes state or grows with the
//! document's length.

mod article;
mod articles;
mod cells;
pub use cells::printable;
mod help;
mod map;
mod quotes;
mod sidebar;
mod status;
pub mod theme;
mod timeline;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::reader::state::State;
pub use status::text as status_text;
use theme::Theme;

/// Draw the whole screen into a frame.
pub fn render(state: &State, frame: &mut Frame) {
    let area = frame.area();
    draw(state, area, frame.buffer_mut());
}

/// Draw the current article of a library, and the article list when open.
pub fn render_library(lib: &crate::reader::library::Library, frame: &mut Frame) {
    let area = frame.area();
    draw_library(lib, area, frame.buffer_mut());
}

/// Draw the current article of a library, and the article list when open,
/// into a buffer covering `area`.
pub fn draw_library(lib: &crate::reader::library::Library, area: Rect, buf: &mut Buffer) {
    let state = lib.current();
    draw(state, area, buf);
    if let Some(cursor) = lib.list
        && !state.areas.too_small
    {
        let theme = Theme::with_look(state.color, state.look);
        articles::render(lib, cursor, area, theme, buf);
    }
}

/// Draw the whole screen into a buffer covering `area`.
pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = Theme::with_look(state.color, state.look);
    if area.width != state.width || area.height != state.height || area.x != 0 || area.y != 0 {
        // The resize has not reached the state yet; the next frame will.
        return;
    }
    if state.areas.too_small {
        Paragraph::new(Line::from("terminal too small"))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    article::render(state, theme, buf);
    timeline::render(state, theme, buf);
    sidebar::render(state, theme, buf);
    status::render(state, theme, buf);
    if state.view == crate::reader::state::View::Map {
        map::render(state, theme, buf);
    }
    if state.view == crate::reader::state::View::Quotes {
        quotes::render(state, theme, buf);
    }
    if state.help {
        help::render(area, theme, &state.keys, state.mouse_captured, buf);
    }
}

/// A horizontal bar `width` cells wide filled to `frac` (0..=1), in
/// eighths of a cell.
pub(crate) fn bar(frac: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let frac = if frac.is_finite() {
        frac.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (frac * width as f64 * 8.0).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) && out.chars().count() < width {
        out.push(EIGHTHS[eighths % 8]);
    }
    // A non-zero value always shows.
    if out.is_empty() && frac > 0.0 && width > 0 {
        out.push('▏');
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_glance;
