//! Screen geometry and the wrapped line table.
//!
//! The article is wrapped once per column width into a [`LineTable`]: each
//! screen line is a byte range of the document text plus the section it
//! belongs to. Drawing then only looks at the visible rows, and the reading
//! position survives a re-wrap as a byte offset.

use std::ops::Range;

use ratatui::layout::Rect;
use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word, display_width};
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::model::{Document, SectionKind};

/// Widest text column, in terminal columns.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// Below this terminal width the sidebar becomes an overlay.
pub const NARROW_WIDTH: u16 = 70;
/// Narrowest sidebar.
pub const MIN_SIDEBAR_WIDTH: u16 = 24;
/// Smallest terminal the reader draws in; below it a message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// Sections longer than this are wrapped first-fit: optimal fit costs more
/// and gains little on huge paragraphs.
const OPTIMAL_FIT_LIMIT: usize = 20_000;
/// Articles longer than this are wrapped first-fit throughout, so that a
/// book opens as fast as an article; the difference shows little in a long
/// read.
const OPTIMAL_FIT_DOC: u64 = 512 * 1024;

/// How a paragraph is broken into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Lines of even length (textwrap's optimal fit).
    Optimal,
    /// Each line as full as it goes.
    First,
}

impl Fit {
    /// The fit for an article of `len` bytes. For a preview, `len` is the
    /// whole article's: the preview's lines must be the lines the whole
    /// text gets once read, or the first screen would reflow.
    pub fn for_len(len: u64) -> Fit {
        if len <= OPTIMAL_FIT_DOC {
            Fit::Optimal
        } else {
            Fit::First
        }
    }

    /// The fit for the whole of this document.
    pub fn of(doc: &Document) -> Fit {
        Fit::for_len(doc.text.len() as u64)
    }
}

/// One screen line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLine {
    /// Bytes of the document text on this line (empty for a blank line).
    pub span: Range<usize>,
    /// Index into `Document::sections`, or `None` for the blank line
    /// between sections.
    pub section: Option<usize>,
}

/// The article wrapped at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineTable {
    pub width: u16,
    pub lines: Vec<ScreenLine>,
    /// How many of the document's sections are wrapped: all of them, but
    /// for a first screen's table (see [`LineTable::wrap_start`]).
    pub sections: usize,
}

impl LineTable {
    /// Wrap every section of the document to `width` columns, with a blank
    /// line between sections.
    pub fn wrap(doc: &Document, width: u16, fit: Fit) -> LineTable {
        let mut table = LineTable {
            width,
            ..LineTable::default()
        };
        table.finish(doc, fit);
        table
    }

    /// Wrap only what a first screen of `rows` lines read from byte `pos`
    /// shows: the sections up to the one holding `pos`, and `rows` lines
    /// past its line. [`LineTable::finish`] wraps the rest, after the
    /// lines already there, which stay as they are.
    pub fn wrap_start(doc: &Document, width: u16, fit: Fit, pos: usize, rows: usize) -> LineTable {
        let mut table = LineTable {
            width,
            ..LineTable::default()
        };
        table.wrap_while(doc, fit, |t| {
            let past = t.lines.last().is_some_and(|l| l.span.end >= pos);
            !past || t.lines.len() - t.line_at(pos) <= rows
        });
        table
    }

    /// Wrap the sections a first screen's table left out.
    pub fn finish(&mut self, doc: &Document, fit: Fit) {
        self.wrap_while(doc, fit, |_| true);
    }

    /// Every section of the document is wrapped.
    pub fn complete(&self, doc: &Document) -> bool {
        self.sections == doc.sections.len()
    }

    /// Wrap the next sections while `more` says so.
    fn wrap_while(&mut self, doc: &Document, fit: Fit, more: impl Fn(&LineTable) -> bool) {
        let w = usize::from(self.width.max(1));
        while let Some(section) = doc.sections.get(self.sections) {
            if !more(self) {
                break;
            }
            let i = self.sections;
            if i > 0 {
                self.lines.push(ScreenLine {
                    span: section.span.start..section.span.start,
                    section: None,
                });
            }
            let mut start = section.span.start;
            // A section normally has no newline, but keep any as a hard break.
            for piece in doc.text[section.span.clone()].split('\n') {
                let before = self.lines.len();
                wrap_piece(&doc.text, start, piece, w, i, fit, &mut self.lines);
                if self.lines.len() == before {
                    self.lines.push(ScreenLine {
                        span: start..start,
                        section: Some(i),
                    });
                }
                start += piece.len() + 1;
            }
            self.sections += 1;
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line that shows byte `pos` (or the last line starting before it).
    pub fn line_at(&self, pos: usize) -> usize {
        let after = self.lines.partition_point(|l| l.span.start <= pos);
        let mut i = after.saturating_sub(1);
        // Prefer a text line over the blank line that shares its start.
        while i + 1 < self.lines.len()
            && self.lines[i].section.is_none()
            && self.lines[i + 1].span.start == self.lines[i].span.start
        {
            i += 1;
        }
        i
    }

    /// Lines that overlap the byte range, by binary search.
    pub fn lines_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.line_at(span.start);
        let last = self.line_at(span.end.saturating_sub(1).max(span.start));
        first..(last + 1).min(self.lines.len()).max(first)
    }
}

fn wrap_piece(
    text: &str,
    offset: usize,
    piece: &str,
    width: usize,
    section: usize,
    fit: Fit,
    out: &mut Vec<ScreenLine>,
) {
    let words: Vec<Word> = WordSeparator::AsciiSpace.find_words(piece).collect();
    let words = break_long_words(words, width);
    let widths = [width as f64];
    let wrapped = if piece.len() <= OPTIMAL_FIT_LIMIT && fit == Fit::Optimal {
        wrap_optimal_fit(&words, &widths, &Penalties::new())
            .unwrap_or_else(|_| wrap_first_fit(&words, &widths))
    } else {
        wrap_first_fit(&words, &widths)
    };
    let base = text.as_ptr() as usize;
    let piece_start = piece.as_ptr() as usize - base;
    debug_assert_eq!(piece_start, offset);
    for line in wrapped {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let start = first.word.as_ptr() as usize - base;
        let end = last.word.as_ptr() as usize - base + last.word.len();
        if end > start {
            out.push(ScreenLine {
                span: start..end,
                section: Some(section),
            });
        }
    }
}

/// Words wider than a line cut into pieces that fit, between grapheme
/// clusters: a letter with its accents or a family emoji joined by ZWJ is
/// never cut in two (one wider than the line gets a line of its own).
fn break_long_words(words: Vec<Word<'_>>, width: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        if w.width() <= width as f64 {
            out.push(w);
            continue;
        }
        let (mut start, mut cols) = (0, 0);
        for (i, g) in w.word.grapheme_indices(true) {
            let g_cols = display_width(g);
            if cols + g_cols > width && i > start {
                out.push(Word::from(&w.word[start..i]));
                (start, cols) = (i, 0);
            }
            cols += g_cols;
        }
        let mut last = Word::from(&w.word[start..]);
        (last.whitespace, last.penalty) = (w.whitespace, w.penalty);
        out.push(last);
    }
    out
}

/// Where everything goes on the screen for a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The terminal is below the minimum size: draw only a message.
    pub too_small: bool,
    /// The article pane (text plus scrollbar column).
    pub article: Rect,
    /// The column of article text inside the pane (width-capped, centered).
    pub text: Rect,
    /// The scrollbar column.
    pub scrollbar: Rect,
    /// The sidebar, when shown (beside the text, or as an overlay).
    pub sidebar: Option<Rect>,
    /// The sidebar is drawn over the article (narrow terminals).
    pub overlay: bool,
    pub status: Rect,
}

impl Areas {
    /// Compute the areas for a terminal of `width` x `height`;
    /// `overlay_open` says whether a narrow terminal shows the sidebar.
    pub fn compute(width: u16, height: u16, overlay_open: bool) -> Areas {
        Areas::compute_with(width, height, overlay_open, MAX_TEXT_WIDTH)
    }

    /// [`Areas::compute`] with a reading width other than the default.
    pub fn compute_with(width: u16, height: u16, overlay_open: bool, max_text: u16) -> Areas {
        let full = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Areas {
                too_small: true,
                article: full,
                ..Areas::default()
            };
        }
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 0, width, height - 1);
        let (article, sidebar, overlay) = if width >= NARROW_WIDTH {
            let side = (width / 3).max(MIN_SIDEBAR_WIDTH);
            let article = Rect::new(0, 0, width - side, body.height);
            let sidebar = Rect::new(width - side, 0, side, body.height);
            (article, Some(sidebar), false)
        } else {
            let side = (width * 2 / 3).max(MIN_SIDEBAR_WIDTH).min(width);
            let sidebar = Rect::new(width - side, 0, side, body.height);
            (body, overlay_open.then_some(sidebar), true)
        };
        let (text, scrollbar) = text_column(article, max_text);
        Areas {
            too_small: false,
            article,
            text,
            scrollbar,
            sidebar,
            overlay,
            status,
        }
    }
}

impl Areas {
    /// The same screen with the article pane across the whole width (the
    /// sidebar beside it hidden).
    pub fn without_sidebar(self, max_text: u16) -> Areas {
        if self.too_small || self.overlay {
            return self;
        }
        let article = Rect::new(0, 0, self.status.width, self.article.height);
        let (text, scrollbar) = text_column(article, max_text);
        Areas {
            article,
            text,
            scrollbar,
            sidebar: None,
            ..self
        }
    }
}

/// The text column and the scrollbar of an article pane.
fn text_column(article: Rect, max_text: u16) -> (Rect, Rect) {
    let scrollbar = Rect::new(article.right() - 1, 0, 1, article.height);
    let inner = article.width - 1;
    // One column of margin each side at least; the bar of the current
    // quote goes in the left one.
    let col = inner.saturating_sub(2).clamp(1, max_text.max(1));
    let left = (inner - col) / 2;
    (
        Rect::new(article.x + left, 0, col, article.height),
        scrollbar,
    )
}

/// Is the section a heading (for the outline and section keys)?
pub fn is_heading(doc: &Document, section: usize) -> bool {
    doc.sections
        .get(section)
        .is_some_and(|s| s.kind == SectionKind::Heading)
}

/// Cut a string to `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::input::BUNDLED;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn lines_fit_the_width_and_cover_all_words() {
        let doc = Document::analyze(BUNDLED);
        for width in [1u16, 5, 17, 40, 80] {
            let table = LineTable::wrap(&doc, width, Fit::of(&doc));
            let mut words = 0;
            for line in &table.lines {
                let s = &doc.text[line.span.clone()];
                if s.chars().count() > 1 {
                    assert!(s.width() <= usize::from(width), "{s:?} wider than {width}");
                }
                words += s.split(' ').filter(|w| !w.is_empty()).count();
            }
            if width >= 20 {
                let expected: usize = doc
                    .sections
                    .iter()
                    .map(|s| doc.slice(&s.span).split_whitespace().count())
                    .sum();
                assert_eq!(words, expected);
            }
        }
    }

    #[test]
    fn a_first_screen_is_the_start_of_the_whole_layout() {
        let doc = Document::analyze(&BUNDLED.repeat(3));
        let fit = Fit::of(&doc);
        let whole = LineTable::wrap(&doc, 50, fit);
        assert!(whole.complete(&doc));
        for pos in [0, 1, 900, doc.text.len() / 2, doc.text.len()] {
            for rows in [0, 1, 20, 60] {
                let mut first = LineTable::wrap_start(&doc, 50, fit, pos, rows);
                // Fewer lines than the whole, unless the screen reaches the
                // end, yet all of the screen read from `pos`.
                let from = first.line_at(pos);
                assert!(first.lines.len() > from + rows || first.complete(&doc));
                assert!(first.lines.len() < whole.lines.len() || pos == doc.text.len());
                assert_eq!(first.lines[..], whole.lines[..first.lines.len()]);
                first.finish(&doc, fit);
                assert_eq!(first, whole, "{pos} {rows}");
            }
        }
    }

    #[test]
    fn grapheme_clusters_are_never_cut_across_lines() {
        // A family (four people joined by ZWJ) and an e with two accents.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
        let accented = "e\u{301}\u{323}";
        let body = format!("{} {}", family.repeat(30), accented.repeat(40));
        let doc = Document::analyze(&format!("Title\n\n{body}\n"));
        for width in [1u16, 3, 9, 20] {
            let table = LineTable::wrap(&doc, width, Fit::of(&doc));
            let mut shown = String::new();
            for line in table.lines.iter().filter(|l| l.section == Some(1)) {
                let s = &doc.text[line.span.clone()];
                let whole = s.split(' ').all(|w| {
                    w.replace(family, "").is_empty() || w.replace(accented, "").is_empty()
                });
                assert!(whole, "width {width}: {s:?}");
                shown.push_str(s);
            }
            assert_eq!(shown.replace(' ', ""), body.replace(' ', ""));
        }
    }

    #[test]
    fn blank_line_between_sections() {
        let doc = Document::analyze("Title here\n\nFirst paragraph.\n\nSecond one.");
        let table = LineTable::wrap(&doc, 40, Fit::of(&doc));
        let kinds: Vec<bool> = table.lines.iter().map(|l| l.section.is_some()).collect();
        assert_eq!(kinds, [true, false, true, false, true]);
    }

    #[test]
    fn line_at_finds_the_line_of_a_byte() {
        let doc = Document::analyze(BUNDLED);
        let table = LineTable::wrap(&doc, 30, Fit::of(&doc));
        for (i, line) in table.lines.iter().enumerate() {
            if line.section.is_some() && !line.span.is_empty() {
                assert_eq!(table.line_at(line.span.start), i);
                assert_eq!(table.line_at(line.span.end - 1), i);
            }
        }
    }

    #[test]
    fn wide_and_narrow_areas() {
        let a = Areas::compute(120, 40, false);
        assert!(!a.too_small && !a.overlay);
        assert_eq!(a.sidebar.unwrap().width, 40);
        assert!(a.text.width <= MAX_TEXT_WIDTH);
        let n = Areas::compute(60, 20, false);
        assert!(n.overlay && n.sidebar.is_none());
        assert!(Areas::compute(60, 20, true).sidebar.is_some());
        assert!(Areas::compute(10, 5, false).too_small);
        assert!(Areas::compute(1, 1, false).too_small);
    }
}
