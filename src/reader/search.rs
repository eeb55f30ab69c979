//! Text search that finds hits where they are needed, never all at once.
//!
//! The hits of a query are its non-overlapping occurrences, as one scan
//! from the start of the text finds them, with accents and (unless the
//! query has a capital letter, like less's smart case) case ignored:
//! `natasha` finds "Natásha". They are looked for in a folded copy of the
//! text ([`Folded`]) that remembers where its bytes came from, so a plain
//! substring search, the fastest kind, still gives offsets into the text
//! itself. Confirm looks for the first hit after the reading position,
//! `n`/`N` for the next or previous one, and the view for those on screen,
//! so the work of a keypress depends on the distance to a hit, not on the
//! length of the text.

use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

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

/// A text as searches read it: accents dropped, letters lowered unless
/// `cased`, curly quotes made straight; with the places where a character
/// became longer or shorter, to map offsets back.
#[derive(Debug, Clone, Default)]
struct Folded {
    text: String,
    /// Every character whose folded form has another length, in order.
    shifts: Vec<Shift>,
}

/// One character of the text whose folded form has another length.
#[derive(Debug, Clone, Copy)]
struct Shift {
    folded: usize,
    folded_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Folded {
    fn new(text: &str, cased: bool) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(text.len()),
            shifts: Vec::new(),
        };
        let mut rest = text;
        let mut orig = 0;
        while !rest.is_empty() {
            // ASCII runs, nearly all of an English text, in bulk.
            let ascii = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            let at = out.text.len();
            out.text.push_str(&rest[..ascii]);
            if !cased {
                out.text[at..].make_ascii_lowercase();
            }
            orig += ascii;
            rest = &rest[ascii..];
            if let Some(c) = rest.chars().next() {
                out.push_char(c, orig, cased);
                orig += c.len_utf8();
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }

    fn push_char(&mut self, c: char, orig: usize, cased: bool) {
        let folded = self.text.len();
        fold_char(c, cased, &mut self.text);
        let folded_len = self.text.len() - folded;
        if folded_len != c.len_utf8() {
            self.shifts.push(Shift {
                folded,
                folded_len,
                orig,
                orig_len: c.len_utf8(),
            });
        }
    }

    /// The offset in the text of a folded offset; one inside a folded
    /// character goes to that character's start, or with `end` past it.
    fn to_orig(&self, f: usize, end: bool) -> usize {
        let i = self
            .shifts
            .partition_point(|s| s.folded + s.folded_len <= f);
        if let Some(s) = self.shifts.get(i).filter(|s| s.folded < f) {
            return if end { s.orig + s.orig_len } else { s.orig };
        }
        match i.checked_sub(1).map(|j| self.shifts[j]) {
            Some(s) => s.orig + s.orig_len + (f - s.folded - s.folded_len),
            None => f,
        }
    }

    /// The folded offset of an offset in the text (on a char boundary).
    fn to_folded(&self, o: usize) -> usize {
        let i = self.shifts.partition_point(|s| s.orig + s.orig_len <= o);
        if let Some(s) = self.shifts.get(i).filter(|s| s.orig < o) {
            return s.folded;
        }
        match i.checked_sub(1).map(|j| self.shifts[j]) {
            Some(s) => s.folded + s.folded_len + (o - s.orig - s.orig_len),
            None => o,
        }
    }

    fn span_to_orig(&self, f: &Span) -> Span {
        self.to_orig(f.start, false)..self.to_orig(f.end, true)
    }

    fn span_to_folded(&self, o: &Span) -> Span {
        self.to_folded(o.start)..self.to_folded(o.end)
    }
}

/// One character as searches read it.
fn fold_char(c: char, cased: bool, out: &mut String) {
    let plain = match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => Some('"'),
        // Letters with a stroke, which have no decomposition.
        'ø' => Some('o'),
        'Ø' => Some('O'),
        'ł' => Some('l'),
        'Ł' => Some('L'),
        'đ' => Some('d'),
        'Đ' => Some('D'),
        _ => None,
    };
    let mut push = |c: char| {
        if cased {
            out.push(c);
        } else {
            out.extend(c.to_lowercase().filter(|&l| !is_combining_mark(l)));
        }
    };
    match plain {
        Some(p) => push(p),
        None => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                push(d);
            }
        }),
    }
}

/// The folded texts a search may read, each made when first asked for (so
/// opening a book costs no fold): lowered, and for a query with a capital
/// letter, cased.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    lower: OnceLock<Folded>,
    cased: OnceLock<Folded>,
}

impl Haystack {
    fn pick(&self, text: &str, cased: bool) -> &Folded {
        let cell = if cased { &self.cased } else { &self.lower };
        cell.get_or_init(|| Folded::new(text, cased))
    }
}

/// A query's searcher. Its methods take the [`Haystack`] and the text
/// it was made from; spans in and out are offsets into the text.
#[derive(Debug, Clone)]
pub struct Finder {
    query: String,
    /// The query has a capital letter: case counts.
    cased: bool,
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
    /// A searcher for a query that folds to something.
    pub fn new(query: &str) -> Option<Finder> {
        let cased = query.chars().any(char::is_uppercase);
        let folded = Folded::new(query, cased).text;
        if folded.is_empty() {
            return None;
        }
        let needle = memmem::Finder::new(folded.as_bytes()).into_owned();
        Some(Finder {
            query: query.to_string(),
            cased,
            needle,
        })
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The hit's text and the query fold to the same.
    pub fn matches(&self, shown: &str) -> bool {
        Folded::new(shown, self.cased).text.as_bytes() == self.needle.needle()
    }

    fn len(&self) -> usize {
        self.needle.needle().len()
    }

    /// The first hit at or after `pos`, wrapping around to the start.
    pub fn first(&self, hay: &Haystack, text: &str, pos: usize) -> Option<Found> {
        let f = hay.pick(text, self.cased);
        let pos = f.to_folded(pos);
        let folded = f.text.as_str();
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
        let tally = match tally {
            Tally::Over { last_counted } => Tally::Over {
                last_counted: f.to_orig(last_counted, false),
            },
            all => all,
        };
        Some(Found {
            hit: f.span_to_orig(&hit),
            ordinal,
            tally,
        })
    }

    /// The next (or previous) hit from the current one, wrapping around.
    pub fn step(&self, hay: &Haystack, text: &str, found: &Found, forward: bool) -> Found {
        let f = hay.pick(text, self.cased);
        let current = f.span_to_folded(&found.hit);
        let hit = if forward {
            self.after(&f.text, &current)
        } else {
            self.before(&f.text, &current)
        };
        let hit = f.span_to_orig(&hit);
        Found {
            ordinal: found.neighbour_ordinal(&hit, forward),
            hit,
            tally: found.tally,
        }
    }

    /// The hits that overlap a byte range of the text, in order.
    pub fn overlapping(&self, hay: &Haystack, text: &str, range: Range<usize>) -> Vec<Span> {
        let f = hay.pick(text, self.cased);
        let range = f.span_to_folded(&range);
        let from = range.start.saturating_sub(self.len() - 1);
        self.starting_in(&f.text, from..range.end)
            .filter(|h| h.end > range.start)
            .map(|h| f.span_to_orig(&h))
            .collect()
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
        let to = (range.end + self.len() - 1).min(folded.len());
        let len = self.len();
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
        let len = self.len();
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
