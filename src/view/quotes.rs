//! The quotes view: who is quoted and how much. A voices summary, then
//! every quote grouped by speaker in article order, each speaker with their
//! number of quotes and a bar of their share of the quoted words. Drawn
//! over the article pane; only the visible rows.

use super::cells::put_line;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::reader::layout::fit;
use crate::reader::quotes::QuoteRow;
use crate::reader::state::State;
use crate::view::bar;
use crate::view::theme::Theme;

/// Widest share bar.
const BAR_WIDTH: usize = 16;

pub fn render(state: &State, theme: Theme, buf: &mut Buffer) {
    let pane = state.areas.article;
    let Some(area) = state.quotes_area() else {
        return;
    };
    Clear.render(pane, buf);
    let list = &state.index.quote_list;
    let n = state.doc.quotes.len();
    let title = format!(" Quotes · {n} ");
    Block::bordered()
        .border_set(border::ROUNDED)
        .border_style(theme.border(true))
        .title(Line::from(title).style(theme.group()))
        .title_bottom(Line::from(" Enter jump · y copy · q/Esc close ").style(theme.quiet()))
        .render(pane, buf);
    let cursor = state.quotes_cursor_row();
    let mut y = area.y;
    let mut r = state.quotes_top;
    while y < area.bottom() {
        let Some(&row) = list.rows.get(r) else {
            break;
        };
        let lines = match row {
            QuoteRow::Quote(q) => state
                .quote_lines(q)
                .into_iter()
                .map(|l| Line::from(format!("  {l}")))
                .collect(),
            _ => vec![row_line(state, theme, row, usize::from(area.width))],
        };
        for line in lines.into_iter().take(usize::from(area.bottom() - y)) {
            if cursor == Some(r) {
                let style = theme.cursor(true);
                buf.set_style(ratatui::layout::Rect::new(area.x, y, area.width, 1), style);
                put_line(buf, area.x, y, &line.patch_style(style), area.width);
            } else {
                put_line(buf, area.x, y, &line, area.width);
            }
            y += 1;
        }
        r += 1;
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn row_line(state: &State, theme: Theme, row: QuoteRow, w: usize) -> Line<'static> {
    let doc = &state.doc;
    let list = &state.index.quote_list;
    match row {
        QuoteRow::Voices => {
            let quotes: usize = list.groups.iter().map(|g| g.quotes.len()).sum();
            let text = format!(
                "Voices: {} quoted · {}",
                plural(list.quoted, "person", "people"),
                plural(quotes, "quote", "quotes")
            );
            Line::from(Span::styled(fit(&text, w), theme.group()))
        }
        QuoteRow::Silent => {
            let text = if list.silent.is_empty() {
                "Everyone mentioned is quoted".to_string()
            } else {
                let names: Vec<&str> = list
                    .silent
                    .iter()
                    .map(|&id| doc.entities[id].name.as_str())
                    .collect();
                format!("Mentioned, never quoted: {}", names.join(", "))
            };
            Line::from(Span::styled(fit(&text, w), theme.quiet()))
        }
        QuoteRow::Speaker(g) => {
            let group = &list.groups[g];
            let (name, style) = match group.speaker {
                Some(id) => {
                    let style = match state.index.speaker_color.get(id).copied().flatten() {
                        Some(s) => theme.quote(s),
                        None => Style::new(),
                    };
                    (doc.entities[id].name.clone(), style)
                }
                None => ("Unattributed".to_string(), theme.unattributed()),
            };
            let share = list.share(g);
            let count = plural(group.quotes.len(), "quote", "quotes");
            let tail = format!(" {count} {:>3.0}% ", share * 100.0);
            let bar_w = BAR_WIDTH.min(w.saturating_sub(tail.width() + 8));
            let name_w = w.saturating_sub(tail.width() + bar_w);
            let name = fit(&name, name_w);
            let pad = name_w.saturating_sub(name.width());
            Line::from(vec![
                Span::styled(name, style.patch(theme.group())),
                Span::raw(" ".repeat(pad)),
                Span::styled(tail, theme.quiet()),
                Span::styled(bar(share, bar_w), style),
            ])
        }
        QuoteRow::Quote(_) | QuoteRow::Blank => Line::default(),
    }
}
