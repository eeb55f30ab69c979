//! Writing lines into the buffer. Ratatui's `Buffer::set_line` splits all
//! text into grapheme clusters; printable ASCII is one cell a byte, and a
//! screen of an article is mostly that, so its spans are written byte by
//! byte and only the others are handed to ratatui.

use ratatui::buffer::Buffer;
use ratatui::text::Line;

/// `buf.set_line(x, y, line, max_width)`, cell for cell the same.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let text = span.content.as_ref();
        let end = if text.bytes().all(printable) {
            let fits = buf.area.right().saturating_sub(x).min(remaining);
            let shown = &text.as_bytes()[..text.len().min(usize::from(fits))];
            for (cx, &b) in (x..).zip(shown) {
                buf[(cx, y)].set_char(char::from(b)).set_style(style);
            }
            x + shown.len() as u16
        } else {
            buf.set_stringn(x, y, text, usize::from(remaining), style).0
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

/// One byte, one cell, one column.
pub fn printable(b: u8) -> bool {
    matches!(b, b' '..=b'~')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    fn any_span() -> impl Strategy<Value = Span<'static>> {
        let text = prop::sample::select(vec![
            "word",
            " ",
            "two words",
            "",
            "é",
            "Zoë’s",
            "世界",
            "a\tb",
            "e\u{301}",
            "~!",
        ]);
        let style = prop::sample::select(vec![
            Style::new(),
            Style::new().fg(Color::Red),
            Style::new().add_modifier(Modifier::BOLD).bg(Color::Blue),
        ]);
        (prop::collection::vec(text, 1..4), style)
            .prop_map(|(parts, style)| Span::styled(parts.concat(), style))
    }

    proptest! {
        #[test]
        fn a_line_is_written_as_ratatui_writes_it(
            spans in prop::collection::vec(any_span(), 0..5),
            x in 0u16..34,
            y in 0u16..3,
            max_width in 0u16..40,
            italic in any::<bool>(),
        ) {
            let mut line = Line::from(spans);
            if italic {
                line = line.style(Style::new().add_modifier(Modifier::ITALIC));
            }
            let area = Rect::new(0, 0, 30, 3);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            let end = put_line(&mut ours, x, y, &line, max_width);
            prop_assert_eq!(end, theirs.set_line(x, y, &line, max_width));
            prop_assert_eq!(ours, theirs);
        }
    }
}
