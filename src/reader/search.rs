//! Text search that finds hits where they are needed, never all at once.
//!
//! The hits of a query are its ASCII case-insensitive, non-overlapping
//! occurrences, as one scan from the start of the text finds them. They
//! are looked for in the text with its ASCII letters lowered ([`fold`]),
//! which keeps every byte where it was: a plain substring search, the
//! fastest kind, then gives the offsets into the text itself. Confirm
//! looks for the first one after the reading position, `n`/`N` for the
//! next or previous one, and the view for those on screen, so the work of a
//! keypress depends on the distance to a hit, not on the length of the text.

use std::ops::Range;

use memchr::memmem;

use crate::model::Span;

/// Hits counted from the start of the text before the count gives up.
///
/// Counting all of a common word's hits in a book takes longer than a
/// keypress may, so like vim's `[>99/>99]` the status line says "more
/// than" rather than show a number it does not know. Up to the limit the
/// count is exact: any article's hits, and a rare word's in a book, which
/// costs one scan of the text, as finding its next hit may anyway. It is
/// counted once, on Enter; `n`/`N` keep the number up to date.
pub const COUNT_LIMIT: usize = 999;

/// Bytes looked at first when searching backwards; the window doubles until
/// it holds a hit or reaches the start of the text.
const BACK_WINDOW: usize = 1024;

/// The text that searches run on: its ASCII letters lowered, every byte in
/// its place.
pub fn fold(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// A query's searcher. Its methods take the [`fold`]ed text.
#[derive(Debug, Clone)]
pub struct Finder {
    query: String,
    needle: memmem::Finder<'static>,
}

impl PartialEq for Finder {
    fn eq(&self, other: &Finder) -> bool {
        self.query == other.query
    }
}

impl Eq for Finder {}

/// The current hit of a confirmed search, and what is known of its place
/// among all hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub hit: Span,
    /// 1-based; `None` when it is past the [`COUNT_LIMIT`]-th hit.
    pub ordinal: Option<usize>,
    pub tally: Tally,
}

/// How many hits the text has, counted up to [`COUNT_LIMIT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    /// Every hit counted.
    All(usize),
    /// More than the limit: counting stopped at the limit-th hit, which
    /// starts at this byte.
    Over { last_counted: usize },
}

impl Found {
    /// The ordinal of the hit after (or before) this one, without counting
    /// again.
    fn neighbour_ordinal(&self, hit: &Span, forward: bool) -> Option<usize> {
        let wrapped = if forward {
            hit.start <= self.hit.start
        } else {
            hit.start >= self.hit.start
        };
        match (forward, wrapped, self.ordinal) {
            (true, true, _) => Some(1),
            (true, false, k) => k.map(|k| k + 1).filter(|&k| k <= COUNT_LIMIT),
            (false, true, _) => self.tally.total(),
            (false, false, Some(k)) => Some(k - 1),
            (false, false, None) => {
                // From past the limit back to the last hit counted.
                let last =
                    matches!(self.tally, Tally::Over { last_counted } if last_counted == hit.start);
                last.then_some(COUNT_LIMIT)
            }
        }
    }
}

impl Tally {
    /// The number of hits, if it was counted to the end.
    pub fn total(self) -> Option<usize> {
        match self {
            Tally::All(n) => Some(n),
            Tally::Over { .. } => None,
        }
    }
}

impl Finder {
    /// A searcher for a non-empty query.
    pub fn new(query: &str) -> Option<Finder> {
        if query.is_empty() {
            return None;
        }
        let needle = memmem::Finder::new(query.to_ascii_lowercase().as_bytes()).into_owned();
        Some(Finder {
            query: query.to_string(),
            needle,
        })
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The first hit at or after `pos`, wrapping around to the start.
    pub fn first(&self, folded: &str, pos: usize) -> Option<Found> {
        // The count's one scan from the start meets that hit on its way,
        // unless it lies past the counted ones: then it is looked for.
        let (tally, met) = self.count(folded, pos);
        if tally == Tally::All(0) {
            return None;
        }
        let (hit, ordinal) = match met {
            Some((hit, k)) => (hit, Some(k)),
            None => match self.first_in(folded, pos..folded.len()) {
                Some(hit) => (hit, None),
                None => (self.first_in(folded, 0..pos)?, Some(1)),
            },
        };
        Some(Found {
            hit,
            ordinal,
            tally,
        })
    }

    /// The next (or previous) hit from the current one, wrapping around.
    pub fn step(&self, folded: &str, found: &Found, forward: bool) -> Found {
        let hit = if forward {
            self.after(folded, &found.hit)
        } else {
            self.before(folded, &found.hit)
        };
        Found {
            ordinal: found.neighbour_ordinal(&hit, forward),
            hit,
            tally: found.tally,
        }
    }

    /// The hit after a hit, wrapping around (to itself if it is the only one).
    fn after(&self, folded: &str, hit: &Span) -> Span {
        // A hit's end is inside no hit: scan on from there.
        let mut next = self.scan(folded, hit.end..folded.len());
        next.next()
            .or_else(|| self.first_in(folded, 0..hit.end))
            .unwrap_or_else(|| hit.clone())
    }

    /// The hit before a hit, wrapping around (to itself if it is the only one).
    fn before(&self, folded: &str, hit: &Span) -> Span {
        self.last_in(folded, 0..hit.start)
            .or_else(|| self.last_in(folded, hit.start..folded.len()))
            .unwrap_or_else(|| hit.clone())
    }

    /// The hits that overlap a byte range, in order.
    pub fn overlapping(&self, folded: &str, range: Range<usize>) -> Vec<Span> {
        let from = range.start.saturating_sub(self.query.len() - 1);
        self.starting_in(folded, from..range.end)
            .filter(|h| h.end > range.start)
            .collect()
    }

    /// Hits counted from the start of the text up to the limit, and among
    /// the counted ones the first at or after `pos` (or, when none is, the
    /// very first) with its ordinal.
    fn count(&self, folded: &str, pos: usize) -> (Tally, Option<(Span, usize)>) {
        let mut met = None;
        let mut very_first = None;
        let mut last_counted = 0;
        let mut n = 0;
        for h in self
            .starting_in(folded, 0..folded.len())
            .take(COUNT_LIMIT + 1)
        {
            n += 1;
            if n > COUNT_LIMIT {
                break;
            }
            last_counted = h.start;
            if met.is_none() && h.start >= pos {
                met = Some((h.clone(), n));
            }
            very_first.get_or_insert(h);
        }
        if n > COUNT_LIMIT {
            (Tally::Over { last_counted }, met)
        } else {
            (Tally::All(n), met.or(very_first.map(|h| (h, 1))))
        }
    }

    fn first_in(&self, folded: &str, range: Range<usize>) -> Option<Span> {
        self.starting_in(folded, range).next()
    }

    /// The last hit that starts in `range`, from windows before its end
    /// that grow until one holds a hit.
    fn last_in(&self, folded: &str, range: Range<usize>) -> Option<Span> {
        let mut end = range.end;
        let mut width = BACK_WINDOW;
        while end > range.start {
            let start = end.saturating_sub(width).max(range.start);
            if let Some(hit) = self.starting_in(folded, start..end).last() {
                return Some(hit);
            }
            end = start;
            width = width.saturating_mul(2);
        }
        None
    }

    /// The hits that start in `range`, in order.
    fn starting_in(&self, folded: &str, range: Range<usize>) -> impl Iterator<Item = Span> {
        let from = self.resync(folded, range.start);
        self.scan(folded, from..range.end)
            .filter(move |h| h.start >= range.start)
    }

    /// The hits that start in `range`, whose start must be inside no hit.
    fn scan(&self, folded: &str, range: Range<usize>) -> impl Iterator<Item = Span> {
        // Wide enough for a hit that starts just before the end.
        let to = (range.end + self.query.len() - 1).min(folded.len());
        let len = self.query.len();
        self.needle
            .find_iter(&folded.as_bytes()[range.start..to])
            .map(move |i| range.start + i..range.start + i + len)
    }

    /// A position at or before `pos` inside no hit, from where a scan
    /// finds the same hits as one from the start of the text.
    ///
    /// Only an occurrence that starts less than a query's length before
    /// `pos` can be a hit that covers it; whether it is depends on the
    /// occurrences before it, so step back to the earliest one until none
    /// overlaps. A query that cannot overlap itself ("the") needs at most
    /// two such looks; "aaa" in a run of a's walks back the run.
    fn resync(&self, folded: &str, pos: usize) -> usize {
        let len = self.query.len();
        let mut at = pos;
        loop {
            let window = at.saturating_sub(len - 1)..(at + len - 1).min(folded.len());
            match self.needle.find(&folded.as_bytes()[window.clone()]) {
                Some(i) if window.start + i < at => at = window.start + i,
                _ => return at,
            }
        }
    }
}
