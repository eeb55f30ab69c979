//! A backend wrapper that sends less to the terminal: where ratatui's
//! diff leaves a short gap between two changed cells of a row (the space
//! between two words of a first frame), the cells already on screen are
//! written again instead of a cursor move, which costs more bytes than a
//! few cells and splits the text into many small pieces.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// The longest gap written again: a cursor move (`ESC [ row ; col H`)
/// takes six to nine bytes.
const MAX_GAP: u16 = 6;
/// A cell of the copy: a one-column character in the bits below
/// `STYLE_SHIFT`, the index of its style above.
const STYLE_SHIFT: u32 = 21;
/// The most styles the copy tells apart; a cell in another style is not
/// written again.
const MAX_STYLES: usize = 1 << (32 - STYLE_SHIFT);
/// A cell of the copy that is never written again (wide, several
/// characters, or a style beyond the table).
const UNKNOWN: u32 = u32::MAX;
/// A blank cell: a space in the first style of the table, `Cell::EMPTY`'s.
const BLANK: u32 = ' ' as u32;

/// The wrapped backend and a copy of what it has put on the screen. The
/// screen must be clear when the wrapper starts (cells never drawn are
/// taken as blank).
pub struct Lean<B> {
    inner: B,
    /// What is on screen, by row: four bytes a cell (see [`STYLE_SHIFT`])
    /// rather than a copy of each cell, because the first frame writes
    /// the copy into fresh memory, and each new page of it is a page
    /// fault before that frame reaches the screen.
    shown: Vec<Vec<u32>>,
    /// The styles of the copy's cells, `Cell::EMPTY`'s first.
    styles: Vec<Style>,
    /// False after a partial clear: the copy no longer says what is on
    /// screen, so nothing is bridged until the next full clear.
    known: bool,
}

impl<B> Lean<B> {
    pub fn new(inner: B) -> Lean<B> {
        Lean {
            inner,
            shown: Vec::new(),
            styles: vec![Cell::EMPTY.style()],
            known: true,
        }
    }

    /// Forget the copy: the screen is blank (or unknown) again.
    fn forget(&mut self) {
        self.shown.clear();
        self.styles.truncate(1);
    }

    fn shown(&self, x: u16, y: u16) -> u32 {
        self.shown
            .get(usize::from(y))
            .and_then(|row| row.get(usize::from(x)))
            .copied()
            .unwrap_or(BLANK)
    }

    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let packed = self.pack(cell);
        let (x, y) = (usize::from(x), usize::from(y));
        if self.shown.len() <= y {
            self.shown.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.shown[y];
        if row.len() <= x {
            row.resize(x + 1, BLANK);
        }
        row[x] = packed;
    }

    /// A cell as the copy holds it: its one-column character and style.
    fn pack(&mut self, cell: &Cell) -> u32 {
        let mut chars = cell.symbol().chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else {
            return UNKNOWN;
        };
        if cell.symbol().width() != 1 {
            return UNKNOWN;
        }
        match self.style_index(cell.style()) {
            Some(i) => u32::from(ch) | i << STYLE_SHIFT,
            None => UNKNOWN,
        }
    }

    /// The index of a style in the table, added if there is room. Most
    /// cells have the style of the one before, so the last entry is
    /// looked at first.
    fn style_index(&mut self, style: Style) -> Option<u32> {
        let found = match self.styles.last() {
            Some(last) if *last == style => Some(self.styles.len() - 1),
            _ => self.styles.iter().position(|s| *s == style),
        };
        let i = match found {
            Some(i) => i,
            None if self.styles.len() < MAX_STYLES => {
                self.styles.push(style);
                self.styles.len() - 1
            }
            None => return None,
        };
        u32::try_from(i).ok()
    }

    /// The cell a packed entry of the copy stands for.
    fn unpack(&self, packed: u32) -> Option<Cell> {
        let ch = char::from_u32(packed & ((1 << STYLE_SHIFT) - 1))?;
        let style = *self
            .styles
            .get(usize::try_from(packed >> STYLE_SHIFT).ok()?)?;
        let mut cell = Cell::EMPTY;
        cell.set_char(ch).set_style(style);
        Some(cell)
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
                let c = self.unpack(self.shown(gx, y))?;
                (c.style() == style).then_some((gx, c))
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
        // The changed cells by reference, and the cells written again
        // with the index of the changed cell they come before: no cell is
        // copied but those few.
        let mut changed: Vec<(u16, u16, &'a Cell)> = Vec::new();
        let mut gaps: Vec<(usize, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            let gap = changed
                .last()
                .and_then(|&(px, py, prev)| self.bridge((px, py, prev), (x, y)));
            for (gx, c) in gap.into_iter().flatten() {
                gaps.push((changed.len(), gx, c));
            }
            changed.push((x, y, cell));
        }
        for &(x, y, cell) in &changed {
            self.remember(x, y, cell);
        }
        self.inner.draw(with_gaps(&changed, &gaps))
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
        self.forget();
        self.known = true;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.forget();
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

/// The changed cells in order, each after the gap cells written before it.
fn with_gaps<'b>(
    changed: &'b [(u16, u16, &'b Cell)],
    gaps: &'b [(usize, u16, Cell)],
) -> impl Iterator<Item = (u16, u16, &'b Cell)> {
    let mut next_gap = 0;
    changed
        .iter()
        .enumerate()
        .flat_map(move |(i, &(x, y, cell))| {
            let first = next_gap;
            while gaps.get(next_gap).is_some_and(|g| g.0 == i) {
                next_gap += 1;
            }
            gaps[first..next_gap]
                .iter()
                .map(move |(_, gx, c)| (*gx, y, c))
                .chain(std::iter::once((x, y, cell)))
        })
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
    fn a_gap_holding_a_wide_or_combined_character_is_moved_over() {
        let plain = Style::new();
        for on_screen in ["世", "e\u{301}"] {
            let before = vec![(3, 2, cell(on_screen, plain))];
            let out = written(
                &before,
                &[word(0, "one", plain), word(5, "two", plain)].concat(),
            );
            assert_eq!(out.matches('H').count(), 2, "{on_screen:?}: {out:?}");
        }
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
        assert_eq!(lean.shown(3, 2), BLANK);
    }
}
