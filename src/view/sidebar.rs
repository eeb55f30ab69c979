//! The sidebar: outline, then People, Numbers, Places and Organizations with
//! their counts. Only the visible rows are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::document::EntityKind;
use crate::index::Row;
use crate::state::{Focus, State, sidebar_list_area};
use crate::view::fit;
use crate::view::theme::Theme;

pub fn render(state: &State, theme: Theme, buf: &mut Buffer) {
    let Some(area) = state.areas.sidebar else {
        return;
    };
    let focused = state.focus == Focus::Sidebar;
    let overlay = state.areas.overlay;
    if overlay {
        Clear.render(area, buf);
        Block::bordered()
            .border_set(border::ROUNDED)
            .border_style(theme.border(focused))
            .title(Line::from(" Sidebar ").style(theme.group()))
            .render(area, buf);
    }
    let list = sidebar_list_area(area, overlay);
    let cursor_row = state
        .index
        .selectable
        .get(state.cursor)
        .copied()
        .filter(|_| state.active || focused);
    for i in 0..list.height {
        let r = state.sidebar_top + usize::from(i);
        let Some(&row) = state.index.rows.get(r) else {
            break;
        };
        let line_area = Rect::new(list.x, list.y + i, list.width, 1);
        let mut line = row_line(state, theme, row, list.width);
        if cursor_row == Some(r) {
            let style = theme.cursor(focused);
            line = line.patch_style(style);
            buf.set_style(line_area, style);
        }
        buf.set_line(line_area.x, line_area.y, &line, line_area.width);
    }
}

fn row_line(state: &State, theme: Theme, row: Row, width: u16) -> Line<'static> {
    let doc = &state.doc;
    let w = usize::from(width);
    match row {
        Row::Header(g) => Line::from(Span::styled(fit(g.label(), w), theme.group())),
        Row::Heading(s) => Line::from(format!(
            " {}",
            fit(doc.slice(&doc.sections[s].span), w.saturating_sub(1))
        )),
        Row::Empty => Line::from(Span::styled(" none", theme.quiet())),
        Row::Blank => Line::default(),
        Row::Entity(id) => {
            let e = &doc.entities[id];
            let counts = if e.kind == EntityKind::Person {
                format!(" {} {}q", e.mentions.len(), state.index.quote_counts[id])
            } else {
                format!(" {}", e.mentions.len())
            };
            let name_w = w.saturating_sub(counts.width() + 1);
            let name = fit(&e.name, name_w);
            let pad = w.saturating_sub(1 + name.width() + counts.width());
            let name_style = match state.index.speaker_color.get(id).copied().flatten() {
                Some(s) if theme.color => Style::new().fg(theme.speaker_color(s)),
                _ => Style::new(),
            };
            Line::from(vec![
                Span::raw(" "),
                Span::styled(name, name_style),
                Span::raw(" ".repeat(pad)),
                Span::styled(counts, theme.quiet()),
            ])
        }
    }
}
