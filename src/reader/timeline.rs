//! The mention timeline: where in the whole article the selected entity is
//! mentioned, squeezed into a strip of rows beside the scrollbar.
//!
//! The line of each mention is found once per selection and width
//! ([`Timeline::build`]); drawing a strip of `h` rows then costs
//! `h` binary searches, however long the article.

use crate::model::{Document, EntityId};
use crate::reader::layout::LineTable;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Entity and wrap width the lines were computed for.
    pub key: Option<(EntityId, u16)>,
    /// (line, mention index) of each mention, sorted by line.
    pub lines: Vec<(usize, usize)>,
}

impl Timeline {
    pub fn build(doc: &Document, lines: &LineTable, id: EntityId) -> Timeline {
        let mut out: Vec<(usize, usize)> = doc
            .entities
            .get(id)
            .map(|e| {
                e.mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.span.start <= doc.text.len())
                    .map(|(i, m)| (lines.line_at(m.span.start), i))
                    .collect()
            })
            .unwrap_or_default();
        out.sort_unstable();
        Timeline {
            key: Some((id, lines.width)),
            lines: out,
        }
    }

    /// The mentions (indices) shown on strip row `row` of `rows`, for an
    /// article of `total` lines.
    pub fn on_row(&self, row: usize, rows: usize, total: usize) -> &[(usize, usize)] {
        let range = row_lines(row, rows, total);
        let from = self.lines.partition_point(|&(l, _)| l < range.start);
        let to = self.lines.partition_point(|&(l, _)| l < range.end);
        &self.lines[from..to.max(from)]
    }
}

/// The lines of the article that strip row `row` of `rows` stands for.
pub fn row_lines(row: usize, rows: usize, total: usize) -> std::ops::Range<usize> {
    if rows == 0 {
        return 0..0;
    }
    let start = (row * total).div_ceil(rows);
    let end = ((row + 1) * total).div_ceil(rows);
    start..end.max(start)
}

/// The strip row that shows line `line`.
pub fn row_of_line(line: usize, rows: usize, total: usize) -> usize {
    if total == 0 || rows == 0 {
        return 0;
    }
    (line.min(total - 1) * rows / total).min(rows - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::layout::Fit;

    #[test]
    fn rows_cover_every_line_once() {
        for (rows, total) in [(10, 100), (10, 7), (7, 10), (1, 5), (5, 1), (3, 0)] {
            let mut seen = 0;
            for r in 0..rows {
                let range = row_lines(r, rows, total);
                assert_eq!(range.start, seen, "{rows} rows, {total} lines");
                for l in range.clone() {
                    assert_eq!(row_of_line(l, rows, total), r);
                }
                seen = range.end;
            }
            assert_eq!(seen, total);
        }
    }

    #[test]
    fn mentions_land_on_their_rows() {
        let doc = crate::testutil::doc_with_people();
        let lines = LineTable::wrap(&doc, 10, Fit::of(&doc));
        let t = Timeline::build(&doc, &lines, 0);
        assert_eq!(t.lines.len(), 2);
        let total = lines.len();
        let rows = total; // one row per line
        for &(line, i) in &t.lines {
            let on = t.on_row(row_of_line(line, rows, total), rows, total);
            assert!(on.iter().any(|&(_, j)| j == i));
        }
        assert!(Timeline::build(&doc, &lines, 99).lines.is_empty());
    }
}
