//! The sidebar: outline, then People, Numbers, Places and Organizations with
//! their counts. Only the visible rows are drawn.

use super::cells::put_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::model::EntityKind;
use crate::reader::index::{Group, Row};
use crate::reader::layout::fit;
use crate::reader::state::{Focus, State};
use crate::view::bar;
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
    let Some(list) = state.sidebar_list() else {
        return;
    };
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
        put_line(buf, line_area.x, line_area.y, &line, line_area.width);
    }
    render_compare(state, theme, buf);
}

/// The selected number against the others of its unit, as bars scaled to
/// the largest.
fn render_compare(state: &State, theme: Theme, buf: &mut Buffer) {
    let (Some(area), Some(g)) = (state.compare_area(), state.compare_group()) else {
        return;
    };
    Clear.render(area, buf);
    let numbers = &state.index.numbers;
    let doc = &state.doc;
    let w = usize::from(area.width);
    let title = format!("Compare · {}", numbers.unit_label(g));
    let top = area.y + 1;
    put_line(
        buf,
        area.x,
        top,
        &Line::from(Span::styled(fit(&title, w), theme.group())),
        area.width,
    );
    let members = &numbers.groups[g];
    let max = members
        .iter()
        .filter_map(|&id| numbers.quantity[id].as_ref())
        .map(|q| q.value)
        .fold(0.0_f64, f64::max);
    let selected = state.selected_entity();
    let name_w = (w.saturating_sub(2) / 2).min(18);
    let bar_w = w.saturating_sub(name_w + 2);
    for (i, &id) in members.iter().enumerate() {
        let y = top + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        let value = numbers.quantity[id].as_ref().map_or(0.0, |q| q.value);
        let frac = if max > 0.0 { value / max } else { 0.0 };
        let name = fit(&doc.entities[id].name, name_w);
        let style = if Some(id) == selected {
            theme.group()
        } else {
            Style::new()
        };
        let line = Line::from(vec![
            Span::styled(format!(" {name:<name_w$} "), style),
            Span::styled(bar(frac, bar_w), theme.kind_bar(EntityKind::Number)),
        ]);
        put_line(buf, area.x, y, &line, area.width);
    }
}

fn row_line(state: &State, theme: Theme, row: Row, width: u16) -> Line<'static> {
    let doc = &state.doc;
    let w = usize::from(width);
    match row {
        Row::Header(g) => header(g, w, theme),
        Row::Heading(s) => Line::from(format!(
            " {}",
            fit(doc.slice(&doc.sections[s].span), w.saturating_sub(1))
        )),
        // Until the analysis arrives, an empty group is not known to be.
        Row::Empty if state.analyzing => Line::from(Span::styled(" …", theme.quiet())),
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
            let context = state
                .index
                .numbers
                .context
                .get(id)
                .and_then(|c| c.as_deref());
            // A corrected entry says so.
            let shown = if state.is_corrected(id) {
                format!("✎ {}", e.name)
            } else {
                e.name.clone()
            };
            let name = match context {
                Some(c) => fit(&format!("{shown} — {c}"), name_w),
                None => fit(&shown, name_w),
            };
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

/// A group's title, with what its counts are on the right: `10 3q` is ten
/// mentions and three quotes.
fn header(group: Group, w: usize, theme: Theme) -> Line<'static> {
    let counts = match group {
        Group::Kind(EntityKind::Person) => "mentions, q quotes",
        Group::Kind(_) => "mentions",
        Group::Outline => "",
    };
    let label = fit(group.label(), w);
    let room = w.saturating_sub(label.width() + 1);
    if counts.width() > room {
        return Line::from(Span::styled(label, theme.group()));
    }
    Line::from(vec![
        Span::styled(label.clone(), theme.group()),
        Span::raw(" ".repeat(w - label.width() - counts.width())),
        Span::styled(counts, theme.quiet()),
    ])
}
