//! The help overlay: every binding of the keymap with its description, in
//! as many columns as the screen needs.

use super::cells::put_line;
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

const DESC_WIDTH: usize = 26;
/// Said at the foot of the help: with the mouse captured, the terminal
/// selects text only with Shift held.
const SELECT_NOTE: &str = " Shift+drag selects text ";

pub fn render(screen: Rect, theme: Theme, keys: &Overrides, mouse: bool, buf: &mut Buffer) {
    let labels: Vec<String> = BINDINGS.iter().map(|b| keymap::label(b, keys)).collect();
    let n = BINDINGS.len();
    let rows_avail = usize::from(screen.height.saturating_sub(2)).max(1);
    let cols = n.div_ceil(rows_avail).max(1);
    let rows = n.div_ceil(cols);
    // Each column as wide as its own longest keys.
    let label_ws: Vec<usize> = labels
        .chunks(rows)
        .map(|c| c.iter().map(|l| l.width()).max().unwrap_or(0) + 2)
        .collect();
    let content: usize = label_ws.iter().map(|w| w + DESC_WIDTH).sum::<usize>() + (cols - 1) * 2;
    let width = (content + 2).min(usize::from(screen.width));
    let height = (rows + 2).min(usize::from(screen.height));
    let area = Rect::new(
        screen.x + (screen.width - width as u16) / 2,
        screen.y + (screen.height - height as u16) / 2,
        width as u16,
        height as u16,
    );
    Clear.render(area, buf);
    let mut block = Block::bordered()
        .border_set(border::ROUNDED)
        .border_style(theme.border(true))
        .title(Line::from(" Keys (q or Esc closes) ").style(theme.group()));
    if mouse {
        block = block.title_bottom(Line::from(SELECT_NOTE).style(theme.group()).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let mut x = inner.x as usize;
    for ((bindings, labels), label_w) in
        BINDINGS.chunks(rows).zip(labels.chunks(rows)).zip(label_ws)
    {
        for (row, (b, label)) in bindings.iter().zip(labels).enumerate() {
            if row >= usize::from(inner.height) || x >= usize::from(inner.right()) {
                continue;
            }
            let avail = usize::from(inner.right()) - x;
            let label = format!("{label:<label_w$}");
            let line = Line::from(vec![
                Span::styled(label, Style::new().patch(theme.group())),
                Span::raw(fit(b.description, DESC_WIDTH)),
            ]);
            put_line(buf, x as u16, inner.y + row as u16, &line, avail as u16);
        }
        x += label_w + DESC_WIDTH + 2;
    }
}
