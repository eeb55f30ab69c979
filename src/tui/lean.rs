//! A backend wrapper that sends less to the terminal: where ratatui's
//! diff leaves a short gap between two changed cells of a row (the space
//! between two words of a first frame), the cells already on screen are
//! written again instead of a cursor move, which costs more bytes than a
//! few cells and splits the text into many small pieces.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

/// The longest gap written again: a cursor move (`ESC [ row ; col H`)
/// takes six to nine bytes.
const MAX_GAP: u16 = 6;

/// The wrapped backend and a copy of what it has put on the screen. The
/// screen must be clear when the wrapper starts (cells never drawn are
/// taken as blank).
pub struct Lean<B> {
    inner: B,
    shown: Vec<Vec<Cell>>,
    /// False after a partial clear: the copy no longer says what is on
    /// screen, so nothing is bridged until the next full clear.
    known: bool,
}

impl<B> Lean<B> {
    pub fn new(inner: B) -> Lean<B> {
        Lean {
            inner,
            shown: Vec::new(),
            known: true,
        }
    }

    fn shown(&self, x: u16, y: u16) -> &Cell {
        self.shown
            .get(usize::from(y))
            .and_then(|row| row.get(usize::from(x)))
            .unwrap_or(&Cell::EMPTY)
    }

    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.shown.len() <= y {
            self.shown.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.shown[y];
        if row.len() <= x {
            row.resize(x + 1, Cell::EMPTY);
        }
        row[x] = cell.clone();
    }

    /// The cells on screen between `after` (a changed cell) and the
    /// changed cell at `next`, when writing them is the cheaper way over
    /// the gap: a short gap of one-column cells in the style of the cell
    /// before it, so no color or attribute changes either.
    fn bridge(&self, after: (u16, u16, &Cell), next: (u16, u16)) -> Option<Vec<(u16, Cell)>> {
        let (px, py, prev) = after;
        let (x, y) = next;
        if !self.known
            || y != py
            || prev.symbol().width() != 1
            || x <= px + 1
            || x - px - 1 > MAX_GAP
        {
            return None;
        }
        let style = prev.style();
        (px + 1..x)
            .map(|gx| {
                let c = self.shown(gx, y);
                (c.symbol().width() == 1 && c.style() == style).then(|| (gx, c.clone()))
            })
            .collect()
    }
}

impl<B: Backend> Backend for Lean<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut cells: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            let gap = cells
                .last()
                .and_then(|(px, py, prev)| self.bridge((*px, *py, prev), (x, y)));
            for (gx, c) in gap.into_iter().flatten() {
                cells.push((gx, y, c));
            }
            cells.push((x, y, cell.clone()));
        }
        for (x, y, cell) in &cells {
            self.remember(*x, *y, cell);
        }
        self.inner
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.shown.clear();
        self.known = true;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.shown.clear();
        self.known = clear_type == ClearType::All;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::style::{Color, Style};

    fn cell(symbol: &str, style: Style) -> Cell {
        let mut c = Cell::default();
        c.set_symbol(symbol).set_style(style);
        c
    }

    /// Bytes written, kept where the test can read them.
    #[derive(Clone, Default)]
    struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// What the backend writes for these cells, after `before` were drawn.
    fn written(before: &[(u16, u16, Cell)], cells: &[(u16, u16, Cell)]) -> String {
        let sink = Sink::default();
        let mut lean = Lean::new(CrosstermBackend::new(sink.clone()));
        lean.draw(before.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        sink.0.borrow_mut().clear();
        lean.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        String::from_utf8(sink.0.borrow().clone()).unwrap()
    }

    fn word(x: u16, text: &str, style: Style) -> Vec<(u16, u16, Cell)> {
        let cells = text.chars().map(|ch| cell(&ch.to_string(), style));
        (x..).zip(cells).map(|(x, c)| (x, 2, c)).collect()
    }

    #[test]
    fn a_short_gap_on_a_blank_screen_is_written_as_spaces() {
        let plain = Style::new();
        let cells = [word(0, "one", plain), word(4, "two", plain)].concat();
        let out = written(&[], &cells);
        assert!(out.contains("one two"), "{out:?}");
        assert_eq!(out.matches('H').count(), 1, "one cursor move: {out:?}");
    }

    #[test]
    fn a_long_gap_or_a_change_of_style_is_moved_over() {
        let plain = Style::new();
        let out = written(
            &[],
            &[word(0, "one", plain), word(20, "two", plain)].concat(),
        );
        assert!(!out.contains("one "), "{out:?}");
        assert_eq!(out.matches('H').count(), 2, "{out:?}");
        // The gap holds cells of another color: bridging would need colors.
        let red = Style::new().fg(Color::Red);
        let before = word(3, " ", red);
        let out = written(
            &before,
            &[word(0, "one", plain), word(4, "two", plain)].concat(),
        );
        assert_eq!(out.matches('H').count(), 2, "{out:?}");
    }

    #[test]
    fn a_gap_is_written_with_what_is_on_screen() {
        let plain = Style::new();
        let before = word(0, "one-two", plain);
        let out = written(
            &before,
            &[word(0, "ONE", plain), word(4, "TWO", plain)].concat(),
        );
        assert!(out.contains("ONE-TWO"), "{out:?}");
        // After a clear, the screen is blank again.
        let mut lean = Lean::new(CrosstermBackend::new(Sink::default()));
        lean.draw(before.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        lean.clear().unwrap();
        assert_eq!(lean.shown(3, 2), &Cell::EMPTY);
    }
}
