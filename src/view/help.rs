//! The help overlay: every binding of the keymap with its description, in
//! as many columns as the screen needs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::reader::keymap::{self, BINDINGS, Overrides};
use crate::reader::layout::fit;
use crate::view::theme::Theme;

const DESC_WIDTH: usize = 28;

pub fn render(screen: Rect, theme: Theme, keys: &Overrides, buf: &mut Buffer) {
    let labels: Vec<String> = BINDINGS.iter().map(|b| keymap::label(b, keys)).collect();
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 2;
    let col_w = label_w + DESC_WIDTH;
    let n = BINDINGS.len();
    let rows_avail = usize::from(screen.height.saturating_sub(2)).max(1);
    let cols = n.div_ceil(rows_avail).max(1);
    let rows = n.div_ceil(cols);
    let width = (cols * col_w + (cols - 1) * 2 + 2).min(usize::from(screen.width));
    let height = (rows + 2).min(usize::from(screen.height));
    let area = Rect::new(
        screen.x + (screen.width - width as u16) / 2,
        screen.y + (screen.height - height as u16) / 2,
        width as u16,
        height as u16,
    );
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(border::ROUNDED)
        .border_style(theme.border(true))
        .title(Line::from(" Keys (? or Esc closes) ").style(theme.group()));
    let inner = block.inner(area);
    block.render(area, buf);
    for (i, (b, label)) in BINDINGS.iter().zip(&labels).enumerate() {
        let (col, row) = (i / rows, i % rows);
        let x = inner.x as usize + col * (col_w + 2);
        if row >= usize::from(inner.height) || x >= usize::from(inner.right()) {
            continue;
        }
        let avail = usize::from(inner.right()) - x;
        let label = format!("{label:<label_w$}");
        let line = Line::from(vec![
            Span::styled(label, Style::new().patch(theme.group())),
            Span::raw(fit(b.description, DESC_WIDTH)),
        ]);
        buf.set_line(x as u16, inner.y + row as u16, &line, avail as u16);
    }
}
