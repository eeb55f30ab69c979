//! The reader's backend: crossterm's, with its own drawing, which sends
//! less to the terminal and costs less to make. Where ratatui's diff
//! leaves a short gap between two changed cells of a row (the space
//! between two words of a first frame), the cells already on screen are
//! written again instead of a cursor move, which costs more bytes than a
//! few cells and splits the text into many small pieces; and the text of
//! the cells goes to the output as it is, without a formatted command per
//! cell (the first frame has thousands).

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as TermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier, Style};
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

/// A symbol one column wide; printable ASCII is, without a table look-up.
pub fn one_column(symbol: &str) -> bool {
    match symbol.as_bytes() {
        [b] => crate::view::printable(*b),
        _ => symbol.width() == 1,
    }
}

/// Crossterm's backend and a copy of what has been put on the screen. The
/// screen must be clear when the wrapper starts (cells never drawn are
/// taken as blank).
pub struct Lean<W: Write> {
    inner: CrosstermBackend<W>,
    shown: Shown,
}

/// What is on screen, by row: four bytes a cell (see [`STYLE_SHIFT`])
/// rather than a copy of each cell, because the first frame writes the
/// copy into fresh memory, and each new page of it is a page fault before
/// that frame reaches the screen.
struct Shown {
    rows: Vec<Vec<u32>>,
    /// The styles of the copy's cells, each once, `Cell::EMPTY`'s first.
    styles: Vec<Style>,
    /// False after a partial clear: the copy no longer says what is on
    /// screen, so nothing is bridged until the next full clear.
    known: bool,
}

impl<W: Write> Lean<W> {
    pub fn new(inner: CrosstermBackend<W>) -> Lean<W> {
        Lean {
            inner,
            shown: Shown {
                rows: Vec::new(),
                styles: vec![Cell::EMPTY.style()],
                known: true,
            },
        }
    }
}

impl Shown {
    /// Forget the copy: the screen is blank (or unknown) again.
    fn forget(&mut self) {
        self.rows.clear();
        self.styles.truncate(1);
    }

    fn at(&self, x: u16, y: u16) -> u32 {
        self.rows
            .get(usize::from(y))
            .and_then(|row| row.get(usize::from(x)))
            .copied()
            .unwrap_or(BLANK)
    }

    /// Note a cell written at `x`, `y`; what the copy holds for it. The
    /// columns a wide character covers are no longer known.
    fn remember(&mut self, x: u16, y: u16, cell: &Cell) -> u32 {
        let packed = self.pack(cell);
        let covered = match packed {
            UNKNOWN => cell.symbol().width().max(1),
            _ => 1,
        };
        let (x, y) = (usize::from(x), usize::from(y));
        if self.rows.len() <= y {
            self.rows.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.rows[y];
        if row.len() < x + covered {
            row.resize(x + covered, BLANK);
        }
        row[x] = packed;
        row[x + 1..x + covered].fill(UNKNOWN);
        packed
    }

    /// A cell as the copy holds it: its one-column character and style.
    fn pack(&mut self, cell: &Cell) -> u32 {
        let symbol = cell.symbol();
        let mut chars = symbol.chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else {
            return UNKNOWN;
        };
        if !one_column(symbol) {
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

    /// The columns between the cell written last (at `px`, `py`, held as
    /// `packed`) and the next changed cell (at `x`, `y`), when writing
    /// what is on screen there is the cheaper way over the gap: a short
    /// gap of one-column cells in the style of the cell before it, so no
    /// color or attribute changes either. (The gap's cells are not
    /// changed by this draw: a diff comes in screen order.)
    fn gap(&self, (px, py, packed): (u16, u16, u32), (x, y): (u16, u16)) -> Option<Range<u16>> {
        if !self.known || y != py || x <= px + 1 || x - px - 1 > MAX_GAP || packed == UNKNOWN {
            return None;
        }
        let style = packed >> STYLE_SHIFT;
        let gap = px + 1..x;
        gap.clone()
            .all(|gx| {
                let on_screen = self.at(gx, y);
                on_screen != UNKNOWN && on_screen >> STYLE_SHIFT == style
            })
            .then_some(gap)
    }
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let Lean { inner, shown } = self;
        let mut pen = Pen::default();
        let mut last = None;
        for (x, y, cell) in content {
            if let Some(gap) = last.and_then(|last| shown.gap(last, (x, y))) {
                for gx in gap {
                    if let Some(c) = shown.unpack(shown.at(gx, y)) {
                        pen.put(inner, gx, y, &c)?;
                    }
                }
            }
            pen.put(inner, x, y, cell)?;
            last = Some((x, y, shown.remember(x, y, cell)));
        }
        pen.lift(inner)
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
        self.shown.forget();
        self.shown.known = true;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.shown.forget();
        self.shown.known = clear_type == ClearType::All;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}

/// Where the output's cursor is and what it writes with, during one draw.
/// Each draw starts from the terminal's defaults and ends by restoring
/// them, so nothing between draws depends on the last one's colors.
struct Pen {
    /// Where the next cell is written without a move, once one was.
    at: Option<(u16, u16)>,
    modifier: Modifier,
    fg: Color,
    bg: Color,
    underline: Color,
}

impl Default for Pen {
    fn default() -> Pen {
        Pen {
            at: None,
            modifier: Modifier::empty(),
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
        }
    }
}

impl Pen {
    /// Write one cell: a move unless it comes right after the last one,
    /// the attributes and colors that differ, then its text as it is.
    fn put(&mut self, out: &mut impl Write, x: u16, y: u16, cell: &Cell) -> io::Result<()> {
        if self.at != Some((x, y)) {
            queue!(out, MoveTo(x, y))?;
        }
        // The next cell follows without a move: ratatui's diff leaves out
        // the cells a wide character covers, so after one the next cell
        // sent is farther and gets its move.
        self.at = Some((x.saturating_add(1), y));
        if cell.modifier != self.modifier {
            for attribute in modifier_change(self.modifier, cell.modifier) {
                queue!(out, SetAttribute(attribute))?;
            }
            self.modifier = cell.modifier;
        }
        if (cell.fg, cell.bg) != (self.fg, self.bg) {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(out, SetColors(colors))?;
            (self.fg, self.bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != self.underline {
            queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            self.underline = cell.underline_color;
        }
        out.write_all(cell.symbol().as_bytes())
    }

    /// Back to the terminal's default colors and attributes.
    fn lift(self, out: &mut impl Write) -> io::Result<()> {
        queue!(
            out,
            SetForegroundColor(TermColor::Reset),
            SetBackgroundColor(TermColor::Reset),
            SetUnderlineColor(TermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }
}

/// The attributes that turn text written with `from` into text with `to`.
/// One code ends both bold and faint, and one both blinks, so ending
/// either of a pair sets again the other that stays.
fn modifier_change(from: Modifier, to: Modifier) -> Vec<Attribute> {
    let ended = from - to;
    let mut start = to - from;
    let mut out = Vec::new();
    let pairs = [
        (Modifier::BOLD | Modifier::DIM, Attribute::NormalIntensity),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Attribute::NoBlink,
        ),
    ];
    for (pair, end) in pairs {
        if ended.intersects(pair) {
            out.push(end);
            start |= to & pair;
        }
    }
    let singles = [
        (Modifier::ITALIC, Attribute::Italic, Attribute::NoItalic),
        (
            Modifier::UNDERLINED,
            Attribute::Underlined,
            Attribute::NoUnderline,
        ),
        (Modifier::REVERSED, Attribute::Reverse, Attribute::NoReverse),
        (Modifier::HIDDEN, Attribute::Hidden, Attribute::NoHidden),
        (
            Modifier::CROSSED_OUT,
            Attribute::CrossedOut,
            Attribute::NotCrossedOut,
        ),
    ];
    for (modifier, _, end) in singles {
        if ended.contains(modifier) {
            out.push(end);
        }
    }
    let starts = [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ];
    let starts = starts
        .into_iter()
        .chain(singles.into_iter().map(|(m, start, _)| (m, start)));
    for (modifier, attribute) in starts {
        if start.contains(modifier) {
            out.push(attribute);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
        assert_eq!(lean.shown.at(3, 2), BLANK);
    }

    #[test]
    fn ending_one_of_bold_and_faint_keeps_the_other() {
        let end = |from, to| modifier_change(from, to);
        let both = Modifier::BOLD | Modifier::DIM;
        assert_eq!(
            end(both, Modifier::DIM),
            [Attribute::NormalIntensity, Attribute::Dim]
        );
        assert_eq!(
            end(
                Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
                Modifier::RAPID_BLINK
            ),
            [Attribute::NoBlink, Attribute::RapidBlink]
        );
        assert_eq!(
            end(Modifier::CROSSED_OUT, Modifier::HIDDEN),
            [Attribute::NotCrossedOut, Attribute::Hidden]
        );
        assert!(end(both, both).is_empty());
    }

    const ROWS: u16 = 6;
    const COLS: u16 = 24;

    /// What a terminal shows after these draws, through this backend or
    /// through crossterm's own: every cell's text, colors and the
    /// attributes the emulator keeps.
    fn screen(draws: &[Vec<(u16, u16, Cell)>], lean: bool) -> Vec<String> {
        let sink = Sink::default();
        let mut lean_backend = Lean::new(CrosstermBackend::new(sink.clone()));
        let mut plain_backend = CrosstermBackend::new(sink.clone());
        for cells in draws {
            let cells = cells.iter().map(|(x, y, c)| (*x, *y, c));
            if lean {
                lean_backend.draw(cells).unwrap();
            } else {
                plain_backend.draw(cells).unwrap();
            }
        }
        let rows = std::num::NonZeroU16::new(ROWS).unwrap();
        let cols = std::num::NonZeroU16::new(COLS).unwrap();
        let mut parser = vt100::Parser::new(rows, cols, 0);
        parser.process(&sink.0.borrow());
        let screen = parser.screen();
        let mut shown = Vec::new();
        for y in 0..ROWS {
            for x in 0..COLS {
                let c = screen.cell(y, x).unwrap();
                // A space written again over a blank cell shows the same.
                let text = match c.contents() {
                    "" => " ",
                    text => text,
                };
                shown.push(format!(
                    "{x},{y}: {text:?} {:?} {:?} {} {} {} {} {}",
                    c.fgcolor(),
                    c.bgcolor(),
                    c.bold(),
                    c.dim(),
                    c.italic(),
                    c.underline(),
                    c.inverse()
                ));
            }
        }
        shown
    }

    fn any_cell() -> impl Strategy<Value = Cell> {
        let symbols = prop::sample::select(vec!["a", "Z", " ", "é", "-", "世"]);
        let colors = prop::sample::select(vec![
            Color::Reset,
            Color::Red,
            Color::Indexed(33),
            Color::Rgb(9, 80, 200),
        ]);
        let styled = (symbols.clone(), colors.clone(), colors, any::<u16>()).prop_map(
            |(s, fg, bg, bits)| {
                let modifier = Modifier::from_bits_truncate(bits);
                cell(s, Style::new().fg(fg).bg(bg).add_modifier(modifier))
            },
        );
        // Mostly plain cells, so that gaps in one style are bridged.
        let plain = symbols.prop_map(|s| cell(s, Style::new()));
        prop_oneof![3 => plain, 1 => styled]
    }

    /// A draw as ratatui's diff makes one: cells in screen order, each
    /// place once, none in the column a wide character covers, and no wide
    /// character in the last column.
    fn any_draw() -> impl Strategy<Value = Vec<(u16, u16, Cell)>> {
        prop::collection::btree_map((0..ROWS, 0..COLS), any_cell(), 0..40).prop_map(|cells| {
            let mut draw: Vec<(u16, u16, Cell)> = Vec::new();
            for ((y, x), c) in cells {
                let covered = draw.last().is_some_and(|(px, py, prev)| {
                    *py == y && *px + 1 == x && prev.symbol().width() > 1
                });
                if !covered && x + c.symbol().width() as u16 <= COLS {
                    draw.push((x, y, c));
                }
            }
            draw
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn the_screen_is_what_crossterms_own_drawing_leaves(
            draws in prop::collection::vec(any_draw(), 1..4)
        ) {
            prop_assert_eq!(screen(&draws, true), screen(&draws, false));
        }
    }
}
