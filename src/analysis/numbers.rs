//! Numeric expressions in English news text.
//!
//! [`find_numbers`] finds cardinals ("3.8 million", "twenty-five"), decimals,
//! percents, money, quantities with units, years and decades, dates, times,
//! ordinals, counted nouns ("26 constituencies"), ranges, ages and fractions.
//!
//! Some of them say little on their own: [`NumberMatch::minor`] tells the
//! reader's lists which to leave out (they stay in the export).
//!
//! It is one left-to-right pass over a lazily lexed token stream. A token
//! can start a number only if it is a digit run, a currency sign, an
//! apostrophe before digits, or a word from a small sorted table; every
//! other word costs one bit test. A rule that fires looks a bounded number
//! of tokens ahead, so the work is linear in the text and nothing is
//! allocated per token.

use super::tokens::ascii_run_end;
use crate::model::NumberKind;
use std::ops::Range;

/// One numeric expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// UTF-8 byte range into the text, on char boundaries.
    pub span: Range<usize>,
    pub kind: NumberKind,
    /// The normalized value when it is easy to tell ("3.8 million" ->
    /// 3800000, "fifth" -> 5, "15 percent" -> 15), else `None`.
    pub value: Option<f64>,
}

impl NumberMatch {
    /// A number a reader would not look for in a list of the article's
    /// figures: a count or ordinal below ten ("two boxes", "one clip",
    /// "first time"), unless it counts people ("two officers"), and a bare
    /// age set after a name ("Jane Roe, 45,"). Money, percentages,
    /// quantities with units, dates, times, years, ranges, fractions,
    /// explicit ages ("45-year-old") and larger counts are never minor.
    pub fn minor(&self, text: &str) -> bool {
        let s = text.get(self.span.clone()).unwrap_or_default();
        match self.kind {
            NumberKind::Age => all_digits(s),
            NumberKind::Cardinal | NumberKind::Counted => {
                self.value.is_some_and(|v| v < 10.0) && !counts_people(s)
            }
            NumberKind::Ordinal => self.value.is_some_and(|v| v < 10.0),
            _ => false,
        }
    }
}

/// Does the counted noun at the end of `s` name people ("two officers",
/// "one woman")? Counts of people are what news is about, however small.
fn counts_people(s: &str) -> bool {
    let noun = s.rsplit(' ').next().unwrap_or_default();
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    super::lexicon::with_lowercase(noun, |l| PEOPLE_NOUNS.contains(&l))
        || super::lexicon::is_role_noun(singular)
}

/// Nouns for people and casualties that are no role ("officer" and the
/// like are in the lexicon's role nouns).
const PEOPLE_NOUNS: &[&str] = &[
    "people",
    "person",
    "persons",
    "men",
    "man",
    "women",
    "woman",
    "children",
    "child",
    "kids",
    "adults",
    "adult",
    "babies",
    "baby",
    "teenagers",
    "teenager",
    "teens",
    "boys",
    "boy",
    "girls",
    "girl",
    "victims",
    "victim",
    "patients",
    "patient",
    "passengers",
    "passenger",
    "civilians",
    "civilian",
    "soldiers",
    "soldier",
    "troops",
    "police",
    "migrants",
    "migrant",
    "refugees",
    "refugee",
    "employees",
    "employee",
    "staff",
    "fans",
    "voters",
    "survivors",
    "survivor",
    "hostages",
    "hostage",
    "prisoners",
    "prisoner",
    "inmates",
    "inmate",
    "suspects",
    "suspect",
    "deaths",
    "death",
    "dead",
    "casualties",
    "lives",
    "fatalities",
    "firefighters",
    "players",
    "player",
    "athletes",
    "climbers",
    "hikers",
    "miners",
    "protesters",
    "demonstrators",
];

/// Finds the numeric expressions in `text`: sorted by start, non-overlapping,
/// each span on char boundaries.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    each_number(text, |m| out.push(m));
    out
}

/// [`find_numbers`], each match handed to `found` as it is read: a text of
/// millions of numbers needs no list of them all.
pub fn each_number(text: &str, mut found: impl FnMut(NumberMatch)) {
    let sc = Scanner::new(text);
    let b = text.as_bytes();
    // End of the last match: left context never reaches into a match.
    let mut floor = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            // Fast path: most words are skipped after one table test.
            let mut end = ascii_run_end(b, i + 1, false);
            if end < b.len() && (b[end] == b'\'' || b[end] >= 0x80) {
                end = sc.word_end(i);
            }
            if !maybe_starter(&b[i..end]) {
                i = end;
                continue;
            }
        } else if !(c.is_ascii_digit() || c == b'$' || c == b'\'' || c >= 0x80) {
            i += 1;
            continue;
        } else if let Some(len) = dash_or_quote(&b[i..]) {
            i += len;
            continue;
        }
        let Some(t) = sc.tok(i) else {
            break;
        };
        match sc.match_at(t, floor) {
            Some(m) => {
                i = m.span.end;
                floor = i;
                // The number of a model name is still read past, but kept
                // as no quantity.
                if !names_a_model(text, &m) {
                    found(m);
                }
            }
            None => i = t.end,
        }
    }
}

/// Does `rest` start with the marks that make the digit before them a
/// keycap emoji ("1️⃣")?
fn is_keycap(rest: &str) -> bool {
    rest.starts_with(['\u{fe0f}', '\u{20e3}'])
}

/// Byte length of a dash, ellipsis or curly quote other than ’ at the start
/// of `b`: common in prose, they start no number (’ starts "’90s").
fn dash_or_quote(b: &[u8]) -> Option<usize> {
    // – — ‘ “ ” … in UTF-8.
    matches!(b, [0xe2, 0x80, 0x93 | 0x94 | 0x98 | 0x9c | 0x9d | 0xa6, ..]).then_some(3)
}

/// A bare number right after a capitalized name is part of that name
/// ("iPhone 17", "Boeing 737", "Windows 11"), not a quantity.
fn names_a_model(text: &str, m: &NumberMatch) -> bool {
    if m.kind != NumberKind::Cardinal || !text[m.span.clone()].bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some(before) = text[..m.span.start].strip_suffix(' ') else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let named = word.chars().any(char::is_uppercase) && !super::lexicon::is_calendar(word);
    let sentence_start = before[..before.len() - word.len()]
        .trim_end()
        .ends_with(['.', '!', '?', '\n'])
        || before.len() == word.len();
    named && !sentence_start && !super::lexicon::is_title(word)
}

// ---------------------------------------------------------------------------
// Tokens

/// What separates a token from the one before it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gap {
    /// Nothing: "$" + "5", "COVID" + "-".
    Glued,
    /// Spaces or tabs on one line.
    Space,
    /// A line break: phrases never continue across it.
    Break,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum K {
    /// Letters, with inner apostrophes ("o'clock", "Russia’s").
    Word,
    /// ASCII digits with thousands groups and one decimal point.
    Num,
    /// Any other single character.
    P(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: K,
    gap: Gap,
}

impl Tok {
    fn glued(&self) -> bool {
        self.gap == Gap::Glued
    }
    fn spaced(&self) -> bool {
        self.gap == Gap::Space
    }
    fn is_p(&self, chars: &[char]) -> bool {
        matches!(self.kind, K::P(c) if chars.contains(&c))
    }
}

const DASHES: &[char] = &['-', '–'];
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽'];

/// A word lowercased into a stack buffer; empty for long or non-ASCII words.
struct Lc {
    buf: [u8; 20],
    len: usize,
}

impl Lc {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
        }
    }

    fn ch(&self, pos: usize) -> char {
        self.text[pos..].chars().next().unwrap_or(' ')
    }

    /// Byte length of the letter at `pos`, if there is one.
    #[inline]
    fn letter(&self, pos: usize) -> Option<usize> {
        let c = *self.b.get(pos)?;
        if c.is_ascii_alphabetic() {
            Some(1)
        } else if c < 0x80 {
            None
        } else {
            let ch = self.ch(pos);
            // General punctuation (curly quotes, dashes) is common and never
            // a letter: skip the Unicode table for it.
            (!('\u{2000}'..='\u{206f}').contains(&ch) && ch.is_alphabetic()).then(|| ch.len_utf8())
        }
    }

    /// The token starting at or after `pos` (skipping white space).
    fn tok(&self, mut pos: usize) -> Option<Tok> {
        let b = self.b;
        let mut gap = Gap::Glued;
        while pos < b.len() {
            match b[pos] {
                b' ' | b'\t' => {
                    if gap == Gap::Glued {
                        gap = Gap::Space;
                    }
                    pos += 1;
                }
                b'\n' | b'\r' | 0x0b | 0x0c => {
                    gap = Gap::Break;
                    pos += 1;
                }
                0..=0x7f => break,
                _ => {
                    let ch = self.ch(pos);
                    if !ch.is_whitespace() {
                        break;
                    }
                    if matches!(ch, '\u{85}' | '\u{2028}' | '\u{2029}') {
                        gap = Gap::Break;
                    } else if gap == Gap::Glued {
                        gap = Gap::Space;
                    }
                    pos += ch.len_utf8();
                }
            }
        }
        if pos >= b.len() {
            return None;
        }
        let start = pos;
        if b[pos].is_ascii_digit() {
            let mut end = digits_end(b, pos);
            let mut dec = false;
            while end + 1 < b.len() {
                if b[end] == b','
                    && !dec
                    && end + 3 < b.len()
                    && b[end + 1..end + 4].iter().all(u8::is_ascii_digit)
                    && b.get(end + 4).is_none_or(|d| !d.is_ascii_digit())
                {
                    end += 4;
                } else if b[end] == b'.' && !dec && b[end + 1].is_ascii_digit() {
                    dec = true;
                    end = digits_end(b, end + 1);
                } else {
                    break;
                }
            }
            return Some(Tok {
                start,
                end,
                kind: K::Num,
                gap,
            });
        }
        if self.letter(pos).is_some() {
            let end = self.word_end(pos);
            return Some(Tok {
                start,
                end,
                kind: K::Word,
                gap,
            });
        }
        let ch = self.ch(pos);
        Some(Tok {
            start,
            end: pos + ch.len_utf8(),
            kind: K::P(ch),
            gap,
        })
    }

    /// End of the word starting at `pos`: letters, with apostrophes
    /// between letters.
    fn word_end(&self, pos: usize) -> usize {
        let b = self.b;
        let mut end = pos;
        loop {
            while end < b.len() && b[end].is_ascii_alphabetic() {
                end += 1;
            }
            if let Some(l) = self.letter(end) {
                end += l;
                continue;
            }
            let apos = match b.get(end) {
                Some(b'\'') => 1,
                Some(0xe2) if b[end..].starts_with("’".as_bytes()) => 3,
                _ => 0,
            };
            if apos > 0
                && let Some(l) = self.letter(end + apos)
            {
                end += apos + l;
                continue;
            }
            return end;
        }
    }

    /// The char just before `pos`, if it is at or after `floor`.
    fn char_before(&self, pos: usize, floor: usize) -> Option<char> {
        if pos <= floor {
            return None;
        }
        self.text[floor..pos].chars().next_back()
    }

    /// Start of the run of ASCII letters that ends at `pos` (not before
    /// `floor`).
    fn letters_back(&self, pos: usize, floor: usize) -> usize {
        let mut s = pos;
        while s > floor && self.b[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        s
    }

    /// The word before `pos`, separated from it by spaces on one line.
    fn prev_word(&self, pos: usize, floor: usize) -> Option<Lc> {
        let mut e = pos;
        while e > floor && matches!(self.b[e - 1], b' ' | b'\t') {
            e -= 1;
        }
        if e == pos {
            return None;
        }
        let s = self.letters_back(e, floor);
        if s == e
            || self
                .char_before(s, floor)
                .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        Some(self.lc(Tok {
            start: s,
            end: e,
            kind: K::Word,
            gap: Gap::Space,
        }))
    }

    fn next(&self, t: Tok) -> Option<Tok> {
        self.tok(t.end)
    }

    fn s(&self, t: Tok) -> &'a str {
        &self.text[t.start..t.end]
    }

    fn lc(&self, t: Tok) -> Lc {
        let mut lc = Lc {
            buf: [0; 20],
            len: 0,
        };
        let w = &self.b[t.start..t.end];
        let mut i = 0;
        while i < w.len() {
            if lc.len == lc.buf.len() {
                lc.len = 0;
                return lc;
            }
            let c = w[i];
            if c < 0x80 {
                lc.buf[lc.len] = c.to_ascii_lowercase();
                i += 1;
            } else if w[i..].starts_with("’".as_bytes()) {
                lc.buf[lc.len] = b'\'';
                i += 3;
            } else {
                lc.len = 0;
                return lc;
            }
            lc.len += 1;
        }
        lc
    }

    /// The next token if it is a word on the same line after a space.
    fn sw(&self, t: Tok) -> Option<(Tok, Lc)> {
        let n = self.next(t)?;
        (n.spaced() && n.kind == K::Word).then(|| (n, self.lc(n)))
    }

    /// The next token if it is glued to `t` and is one of `chars`.
    fn gp(&self, t: Tok, chars: &[char]) -> Option<Tok> {
        self.next(t).filter(|n| n.glued() && n.is_p(chars))
    }

    /// The next token if it is glued to `t` and has kind `k`.
    fn gk(&self, t: Tok, k: K) -> Option<Tok> {
        self.next(t).filter(|n| n.glued() && n.kind == k)
    }

    fn upper_initial(&self, t: Tok) -> bool {
        self.b[t.start].is_ascii_uppercase()
    }

    fn lower_initial(&self, t: Tok) -> bool {
        let c = self.b[t.start];
        c.is_ascii_lowercase() || (c >= 0x80 && self.ch(t.start).is_lowercase())
    }
}

// ---------------------------------------------------------------------------
// Word tables

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum W {
    /// zero..nineteen and the tens.
    Card(u32),
    /// first..nineteenth, the tens, hundredth, thousandth, millionth.
    Ord(u32),
    /// "a", "an".
    A,
    Half,
    Between,
    From,
    Aged,
    /// A month name; `true` for an abbreviation that may take a dot.
    Month(bool),
    /// "Rs", "USD", ...: a currency code before the amount.
    CurCode,
    /// "dozens", "hundreds", "thousands", "millions", "billions".
    PlScale,
    /// "tens" (of thousands).
    Tens,
}

/// Words that can start a number, sorted by bytes for binary search.
const STARTERS: &[(&str, W)] = &[
    ("a", W::A),
    ("aged", W::Aged),
    ("an", W::A),
    ("apr", W::Month(true)),
    ("april", W::Month(false)),
    ("aug", W::Month(true)),
    ("august", W::Month(false)),
    ("between", W::Between),
    ("billions", W::PlScale),
    ("chf", W::CurCode),
    ("cny", W::CurCode),
    ("dec", W::Month(true)),
    ("december", W::Month(false)),
    ("dozens", W::PlScale),
    ("eight", W::Card(8)),
    ("eighteen", W::Card(18)),
    ("eighteenth", W::Ord(18)),
    ("eighth", W::Ord(8)),
    ("eightieth", W::Ord(80)),
    ("eighty", W::Card(80)),
    ("eleven", W::Card(11)),
    ("eleventh", W::Ord(11)),
    ("eur", W::CurCode),
    ("feb", W::Month(true)),
    ("february", W::Month(false)),
    ("fifteen", W::Card(15)),
    ("fifteenth", W::Ord(15)),
    ("fifth", W::Ord(5)),
    ("fiftieth", W::Ord(50)),
    ("fifty", W::Card(50)),
    ("first", W::Ord(1)),
    ("five", W::Card(5)),
    ("fortieth", W::Ord(40)),
    ("forty", W::Card(40)),
    ("four", W::Card(4)),
    ("fourteen", W::Card(14)),
    ("fourteenth", W::Ord(14)),
    ("fourth", W::Ord(4)),
    ("from", W::From),
    ("gbp", W::CurCode),
    ("half", W::Half),
    ("hundreds", W::PlScale),
    ("hundredth", W::Ord(100)),
    ("inr", W::CurCode),
    ("jan", W::Month(true)),
    ("january", W::Month(false)),
    ("jpy", W::CurCode),
    ("jul", W::Month(true)),
    ("july", W::Month(false)),
    ("jun", W::Month(true)),
    ("june", W::Month(false)),
    ("mar", W::Month(true)),
    ("march", W::Month(false)),
    ("may", W::Month(false)),
    ("millions", W::PlScale),
    ("millionth", W::Ord(1_000_000)),
    ("nine", W::Card(9)),
    ("nineteen", W::Card(19)),
    ("nineteenth", W::Ord(19)),
    ("ninetieth", W::Ord(90)),
    ("ninety", W::Card(90)),
    ("ninth", W::Ord(9)),
    ("nov", W::Month(true)),
    ("november", W::Month(false)),
    ("oct", W::Month(true)),
    ("october", W::Month(false)),
    ("one", W::Card(1)),
    ("rmb", W::CurCode),
    ("rs", W::CurCode),
    ("second", W::Ord(2)),
    ("sep", W::Month(true)),
    ("sept", W::Month(true)),
    ("september", W::Month(false)),
    ("seven", W::Card(7)),
    ("seventeen", W::Card(17)),
    ("seventeenth", W::Ord(17)),
    ("seventh", W::Ord(7)),
    ("seventieth", W::Ord(70)),
    ("seventy", W::Card(70)),
    ("six", W::Card(6)),
    ("sixteen", W::Card(16)),
    ("sixteenth", W::Ord(16)),
    ("sixth", W::Ord(6)),
    ("sixtieth", W::Ord(60)),
    ("sixty", W::Card(60)),
    ("ten", W::Card(10)),
    ("tens", W::Tens),
    ("tenth", W::Ord(10)),
    ("third", W::Ord(3)),
    ("thirteen", W::Card(13)),
    ("thirteenth", W::Ord(13)),
    ("thirtieth", W::Ord(30)),
    ("thirty", W::Card(30)),
    ("thousands", W::PlScale),
    ("thousandth", W::Ord(1_000)),
    ("three", W::Card(3)),
    ("twelfth", W::Ord(12)),
    ("twelve", W::Card(12)),
    ("twentieth", W::Ord(20)),
    ("twenty", W::Card(20)),
    ("two", W::Card(2)),
    ("usd", W::CurCode),
    ("zero", W::Card(0)),
];

/// Bit `len` of `MASK[first letter][last letter]` is set when some starter
/// has those letters and that byte length: rejects almost every other word
/// ("the", "and", "of") with one lookup.
const MASK: [[u32; 26]; 26] = {
    let mut mask = [[0u32; 26]; 26];
    let mut i = 0;
    while i < STARTERS.len() {
        let w = STARTERS[i].0.as_bytes();
        mask[(w[0] - b'a') as usize][(w[w.len() - 1] - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    mask
};

/// Can the word token `w` (raw bytes) be a starter? A cheap test.
fn maybe_starter(w: &[u8]) -> bool {
    let (Some(&f), Some(&l)) = (w.first(), w.last()) else {
        return false;
    };
    let (f, l) = (f.to_ascii_lowercase(), l.to_ascii_lowercase());
    w.len() <= 16
        && f.is_ascii_lowercase()
        && l.is_ascii_lowercase()
        && MASK[usize::from(f - b'a')][usize::from(l - b'a')] & (1 << w.len()) != 0
}

/// Up to 16 bytes packed big-endian with zero padding, so that the order
/// of the packed numbers is the byte order of the words.
const fn pack(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    let mut p = 0u128;
    let mut i = 0;
    while i < 16 {
        p <<= 8;
        if i < w.len() {
            p |= w[i] as u128;
        }
        i += 1;
    }
    Some(p)
}

/// `STARTERS` packed: integer compares instead of string compares.
const PACKED: [u128; STARTERS.len()] = {
    let mut keys = [0u128; STARTERS.len()];
    let mut i = 0;
    while i < STARTERS.len() {
        keys[i] = match pack(STARTERS[i].0.as_bytes()) {
            Some(p) => p,
            None => panic!("starter longer than 16 bytes"),
        };
        i += 1;
    }
    keys
};

fn starter(l: &str) -> Option<W> {
    let key = pack(l.as_bytes())?;
    PACKED.binary_search(&key).ok().map(|i| STARTERS[i].1)
}

/// Fraction denominators: (denominator, plural form).
fn denom(l: &str) -> Option<(u32, bool)> {
    Some(match l {
        "half" => (2, false),
        "halves" => (2, true),
        "third" => (3, false),
        "thirds" => (3, true),
        "quarter" | "fourth" => (4, false),
        "quarters" | "fourths" => (4, true),
        "fifth" => (5, false),
        "fifths" => (5, true),
        "sixth" => (6, false),
        "sixths" => (6, true),
        "seventh" => (7, false),
        "sevenths" => (7, true),
        "eighth" => (8, false),
        "eighths" => (8, true),
        "ninth" => (9, false),
        "ninths" => (9, true),
        "tenth" => (10, false),
        "tenths" => (10, true),
        "hundredth" => (100, false),
        "hundredths" => (100, true),
        "thousandth" => (1000, false),
        "thousandths" => (1000, true),
        _ => return None,
    })
}

fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// Units of measure written as a separate word (lowercased).
fn is_unit(l: &str) -> bool {
    matches!(
        l,
        "km" | "kms"
            | "kilometer"
            | "kilometers"
            | "kilometre"
            | "kilometres"
            | "mile"
            | "miles"
            | "meter"
            | "meters"
            | "metre"
            | "metres"
            | "cm"
            | "mm"
            | "centimeter"
            | "centimeters"
            | "centimetre"
            | "centimetres"
            | "millimeter"
            | "millimeters"
            | "millimetre"
            | "millimetres"
            | "inch"
            | "inches"
            | "foot"
            | "feet"
            | "ft"
            | "yard"
            | "yards"
            | "kg"
            | "kgs"
            | "kilo"
            | "kilos"
            | "kilogram"
            | "kilograms"
            | "gram"
            | "grams"
            | "mg"
            | "milligrams"
            | "lb"
            | "lbs"
            | "pound"
            | "pounds"
            | "ounce"
            | "ounces"
            | "oz"
            | "ton"
            | "tons"
            | "tonne"
            | "tonnes"
            | "barrel"
            | "barrels"
            | "bpd"
            | "gallon"
            | "gallons"
            | "liter"
            | "liters"
            | "litre"
            | "litres"
            | "ml"
            | "acre"
            | "acres"
            | "hectare"
            | "hectares"
            | "mph"
            | "kph"
            | "knots"
            | "degree"
            | "degrees"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "megawatt"
            | "megawatts"
            | "gigawatt"
            | "gigawatts"
            | "kilowatt"
            | "kilowatts"
            | "watts"
            | "volts"
            | "gb"
            | "mb"
            | "tb"
            | "megabytes"
            | "gigabytes"
            | "terabytes"
            | "calories"
            | "hp"
            | "horsepower"
            | "decibels"
            | "pints"
            | "bushels"
    )
}

/// Unit abbreviations glued to the digits ("50km", "5kg").
fn is_unit_suffix(l: &str) -> bool {
    matches!(
        l,
        "km" | "kg"
            | "mm"
            | "cm"
            | "mg"
            | "ml"
            | "lb"
            | "lbs"
            | "ft"
            | "mph"
            | "kph"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "gb"
            | "mb"
            | "tb"
            | "oz"
            | "hp"
    )
}

/// Currency names after the amount ("5 million euros").
fn is_currency_word(l: &str) -> bool {
    matches!(
        l,
        "dollar"
            | "dollars"
            | "euro"
            | "euros"
            | "yen"
            | "yuan"
            | "renminbi"
            | "rupee"
            | "rupees"
            | "ruble"
            | "rubles"
            | "rouble"
            | "roubles"
            | "franc"
            | "francs"
            | "peso"
            | "pesos"
            | "reais"
            | "rand"
            | "shillings"
            | "dinars"
            | "dirhams"
            | "riyals"
            | "kronor"
            | "kroner"
            | "kronur"
            | "zlotys"
            | "zloty"
            | "lira"
            | "naira"
            | "cedis"
            | "baht"
            | "ringgit"
            | "hryvnias"
            | "hryvnia"
    )
}

/// Function words, pronouns, auxiliaries and common adverbs and verbs that
/// never are the noun a number counts.
fn is_stop(l: &str) -> bool {
    matches!(
        l,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "about"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "after"
            | "before"
            | "since"
            | "until"
            | "till"
            | "during"
            | "between"
            | "among"
            | "amongst"
            | "through"
            | "across"
            | "against"
            | "without"
            | "within"
            | "per"
            | "than"
            | "as"
            | "like"
            | "via"
            | "around"
            | "above"
            | "below"
            | "up"
            | "down"
            | "out"
            | "off"
            | "near"
            | "toward"
            | "towards"
            | "upon"
            | "behind"
            | "beyond"
            | "along"
            | "beside"
            | "besides"
            | "despite"
            | "except"
            | "versus"
            | "vs"
            | "if"
            | "because"
            | "while"
            | "when"
            | "where"
            | "whereas"
            | "though"
            | "although"
            | "whether"
            | "then"
            | "so"
            | "yet"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "i"
            | "you"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "me"
            | "him"
            | "her"
            | "us"
            | "them"
            | "my"
            | "your"
            | "his"
            | "its"
            | "our"
            | "their"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "might"
            | "must"
            | "not"
            | "no"
            | "also"
            | "only"
            | "just"
            | "still"
            | "even"
            | "again"
            | "ago"
            | "already"
            | "now"
            | "here"
            | "there"
            | "very"
            | "too"
            | "more"
            | "most"
            | "less"
            | "least"
            | "much"
            | "many"
            | "few"
            | "fewer"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "some"
            | "any"
            | "other"
            | "others"
            | "another"
            | "such"
            | "own"
            | "same"
            | "ones"
            | "apiece"
            | "later"
            | "earlier"
            | "away"
            | "back"
            | "ever"
            | "never"
            | "always"
            | "together"
            | "instead"
            | "once"
            | "twice"
            | "soon"
            | "perhaps"
            | "however"
            | "thus"
            | "else"
            | "said"
            | "says"
            | "say"
            | "told"
            | "came"
            | "went"
            | "saw"
            | "met"
            | "took"
            | "made"
            | "got"
            | "gave"
            | "found"
            | "knew"
            | "thought"
            | "felt"
            | "began"
            | "became"
            | "left"
            | "brought"
            | "heard"
            | "get"
            | "go"
            | "come"
            | "see"
            | "make"
            | "take"
            | "give"
            | "know"
            | "think"
            | "seemed"
            | "et"
            | "al"
    )
}

/// Singular nouns that end in "-ly".
fn is_ly_noun(l: &str) -> bool {
    matches!(
        l,
        "family"
            | "assembly"
            | "supply"
            | "rally"
            | "ally"
            | "anomaly"
            | "monopoly"
            | "reply"
            | "belly"
            | "jelly"
            | "bully"
            | "lily"
            | "fly"
            | "butterfly"
            | "folly"
            | "homily"
            | "melancholy"
    )
}

/// Can this lowercased word be the noun a number counts or an ordinal
/// qualifies?
fn noun_like(l: &str) -> bool {
    l.len() >= 2
        && !is_stop(l)
        && starter(l).is_none()
        && (!l.ends_with("ly") || is_ly_noun(l))
        && !(l.len() >= 6 && l.ends_with("ed") && !l.ends_with("eed"))
}

/// Does this lowercased noun look plural?
fn plural_like(l: &str) -> bool {
    (l.len() >= 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && !l.ends_with("'s"))
        || matches!(
            l,
            "people"
                | "men"
                | "women"
                | "children"
                | "police"
                | "feet"
                | "teeth"
                | "mice"
                | "geese"
                | "cattle"
                | "staff"
                | "personnel"
                | "sheep"
                | "fish"
                | "deer"
                | "aircraft"
                | "crew"
                | "livestock"
                | "data"
                | "media"
                | "criteria"
                | "alumni"
        )
}

/// Words between a number and the plural noun it counts: "three more days".
fn is_count_modifier(l: &str) -> bool {
    matches!(l, "more" | "other" | "fewer" | "further" | "extra")
}

fn mk(start: usize, end: usize, kind: NumberKind, value: Option<f64>) -> NumberMatch {
    NumberMatch {
        span: start..end,
        kind,
        value,
    }
}

/// `m * 10^e`, exact for the usual news magnitudes.
fn scaled(m: f64, e: i32) -> f64 {
    if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(-e)
    }
}

/// Digits (with thousands commas and a decimal point) as mantissa and the
/// number of decimals: "3.8" -> (38, 1).
fn parse_digits(s: &str) -> (f64, i32) {
    let mut m = 0.0;
    let mut dec = 0;
    let mut after = false;
    for c in s.bytes() {
        match c {
            b'0'..=b'9' => {
                m = m * 10.0 + f64::from(c - b'0');
                if after {
                    dec += 1;
                }
            }
            b'.' => after = true,
            _ => {}
        }
    }
    (m, dec)
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

/// The hour of "9", "09" or "9.30" (for "9.30pm"), if it can be one.
fn clock_hour(s: &str) -> Option<u32> {
    let h = match s.split_once('.') {
        Some((h, m)) if m.len() == 2 => h,
        Some(_) => return None,
        None => s,
    };
    if h.len() > 2 || !all_digits(h) {
        return None;
    }
    h.parse().ok()
}

/// A number with its scale, before any unit or noun.
#[derive(Clone, Copy, Debug)]
struct Core {
    /// The last token of the number ("million" in "3.8 million").
    last: Tok,
    /// Value is `mant * 10^(exp - dec)`.
    mant: f64,
    dec: i32,
    exp: i32,
    spelled: bool,
    /// Four plain digits, no scale: may be a year.
    plain4: bool,
    /// The bare word "one".
    lone_one: bool,
    /// A glued unit: "50km".
    unit: bool,
}

impl Core {
    fn new(last: Tok, mant: f64, dec: i32, spelled: bool) -> Core {
        Core {
            last,
            mant,
            dec,
            exp: 0,
            spelled,
            plain4: false,
            lone_one: false,
            unit: false,
        }
    }
    fn value(&self) -> f64 {
        scaled(self.mant, self.exp - self.dec)
    }
    fn year_like(&self) -> bool {
        self.plain4 && (1900.0..=2099.0).contains(&self.mant)
    }
}

// ---------------------------------------------------------------------------
// Rules

impl Scanner<'_> {
    fn match_at(&self, t: Tok, floor: usize) -> Option<NumberMatch> {
        match t.kind {
            K::Num => self.at_num(t, floor),
            K::Word => {
                if !maybe_starter(&self.b[t.start..t.end]) {
                    return None;
                }
                let w = starter(self.lc(t).as_str())?;
                self.at_word(t, w, floor)
            }
            K::P(c) if CURRENCY.contains(&c) => {
                let n = self.gk(t, K::Num)?;
                let mut start = t.start;
                let p = self.letters_back(t.start, floor);
                if p < t.start
                    && matches!(
                        &self.text[p..t.start],
                        "US" | "A" | "AU" | "C" | "CA" | "HK" | "NZ" | "S" | "NT" | "R" | "Z"
                    )
                {
                    start = p;
                }
                self.money(start, n)
            }
            K::P('\'' | '’') => {
                // "’90s"
                let n = self.gk(t, K::Num)?;
                let s = self.s(n);
                let x = self.gk(n, K::Word)?;
                (s.len() == 2 && s.ends_with('0') && self.s(x) == "s")
                    .then(|| mk(t.start, x.end, NumberKind::Year, None))
            }
            K::P(c) => vulgar(c).map(|v| mk(t.start, t.end, NumberKind::Fraction, Some(v))),
        }
    }

    fn at_num(&self, t: Tok, floor: usize) -> Option<NumberMatch> {
        // Digits glued to letters ("G7", "B2B") or hyphenated to a name
        // ("COVID-19", "F-16"), and the tails of versions and dash chains.
        if is_keycap(&self.text[t.end..]) {
            return None;
        }
        // "U+0085", the stand-in the sanitizer writes for a hidden control,
        // falls under the rule for "COVID-19".
        match self.char_before(t.start, floor) {
            Some(c) if c.is_alphabetic() => return None,
            Some(c @ ('-' | '–' | '.' | '/' | ':' | '+')) => {
                let p = t.start - c.len_utf8();
                match self.char_before(p, floor) {
                    Some(d) if d.is_ascii_digit() => return None,
                    Some(d) if d.is_ascii_alphabetic() => {
                        let w = &self.b[self.letters_back(p, floor)..p];
                        if w.iter().any(u8::is_ascii_uppercase) {
                            return None;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        // "1.2.3" is a version, not a number.
        if let Some(d) = self.gp(t, &['.'])
            && self.gk(d, K::Num).is_some()
        {
            return None;
        }
        let s = self.s(t);
        let plain = all_digits(s);
        let small = if plain && s.len() <= 2 {
            s.parse::<u32>().ok()
        } else {
            None
        };
        if let Some(n1) = self.next(t).filter(|n| n.glued()) {
            match n1.kind {
                K::P('-') if plain && s.len() == 4 => {
                    // 2024-03-01
                    if let Some(m) = self.gk(n1, K::Num)
                        && self.s(m).len() == 2
                        && all_digits(self.s(m))
                        && let Some(d2) = self.gp(m, &['-'])
                        && let Some(d) = self.gk(d2, K::Num)
                        && self.s(d).len() == 2
                        && all_digits(self.s(d))
                    {
                        return Some(mk(t.start, d.end, NumberKind::Date, None));
                    }
                }
                K::P('/') if plain => return self.slash(t, n1),
                K::P(':') => {
                    // 09:13, 10:30:15
                    let h = small.filter(|&h| h <= 24)?;
                    let m = self.gk(n1, K::Num)?;
                    let ms = self.s(m);
                    if ms.len() != 2 || !all_digits(ms) || ms.parse::<u32>().ok()? >= 60 {
                        return None;
                    }
                    let mut last = m;
                    if let Some(c2) = self.gp(m, &[':'])
                        && let Some(sec) = self.gk(c2, K::Num)
                        && self.s(sec).len() == 2
                    {
                        last = sec;
                    }
                    if h <= 12
                        && let Some(ap) = self.ampm(last)
                    {
                        last = ap;
                    }
                    return Some(mk(t.start, self.tz(last).end, NumberKind::Time, None));
                }
                K::P('\'' | '’') if plain && s.len() == 4 && s.ends_with('0') => {
                    // 1990’s
                    if let Some(x) = self.gk(n1, K::Word)
                        && self.s(x) == "s"
                    {
                        let v = parse_digits(s).0;
                        return Some(mk(t.start, x.end, NumberKind::Year, Some(v)));
                    }
                }
                K::Word => match self.lc(n1).as_str() {
                    "s" => {
                        // 1990s, 90s
                        if !plain || !s.ends_with('0') || !matches!(s.len(), 2 | 4) {
                            return None;
                        }
                        let v = (s.len() == 4).then(|| parse_digits(s).0);
                        return Some(mk(t.start, n1.end, NumberKind::Year, v));
                    }
                    "st" | "nd" | "rd" | "th" if plain => {
                        if let Some(d) = self.day_month(t.start, n1, small) {
                            return Some(d);
                        }
                        let v = u32::try_from(parse_digits(s).0 as u64).ok()?;
                        return self.ordinal(t.start, n1, v, false, floor);
                    }
                    "am" | "pm" | "a" | "p" => {
                        let ap = self.ampm(t)?;
                        return clock_hour(s)
                            .filter(|h| (1..=12).contains(h))
                            .map(|_| mk(t.start, self.tz(ap).end, NumberKind::Time, None));
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        if clock_hour(s).is_some_and(|h| (1..=12).contains(&h)) {
            if let Some(ap) = self.ampm(t) {
                return Some(mk(t.start, self.tz(ap).end, NumberKind::Time, None));
            }
            if let Some((o, lo)) = self.sw(t)
                && lo.as_str() == "o'clock"
            {
                return Some(mk(t.start, o.end, NumberKind::Time, None));
            }
        }
        if let Some(d) = self.day_month(t.start, t, small) {
            return Some(d);
        }
        if let Some(age) = self.apposed_age(t, small, floor) {
            return Some(age);
        }
        let c = self.num_core(t)?;
        let second = self.range_second(&c, &["to"]);
        self.finish(t.start, c, second, false)
    }

    /// An age set after a name between commas: "Jane Roe, 45, said".
    fn apposed_age(&self, t: Tok, small: Option<u32>, floor: usize) -> Option<NumberMatch> {
        let age = small.filter(|&a| a > 0)?;
        let after = self.b.get(t.end).copied();
        if !after.is_none_or(|c| matches!(c, b',' | b';' | b'.' | b')')) {
            return None;
        }
        let comma = t.start.checked_sub(2).filter(|&c| c >= floor)?;
        if &self.b[comma..t.start] != b", " {
            return None;
        }
        let word = &self.text[self.letters_back(comma, floor)..comma];
        let name = word.len() > 1
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && !super::lexicon::is_calendar(word);
        name.then(|| mk(t.start, t.end, NumberKind::Age, Some(f64::from(age))))
    }

    /// `t` is digits glued to "/": a numeric date or a small fraction.
    fn slash(&self, t: Tok, slash: Tok) -> Option<NumberMatch> {
        let s = self.s(t);
        let m = self.gk(slash, K::Num)?;
        let ms = self.s(m);
        if !all_digits(ms) {
            return None;
        }
        if let Some(s2) = self.gp(m, &['/']) {
            // 3/1/2024, 03/01/24
            let y = self.gk(s2, K::Num)?;
            let ys = self.s(y);
            return (s.len() <= 2 && ms.len() <= 2 && all_digits(ys) && matches!(ys.len(), 2 | 4))
                .then(|| mk(t.start, y.end, NumberKind::Date, None));
        }
        if self.gk(m, K::Word).is_some() || s.len() > 2 || ms.len() > 3 {
            return None;
        }
        let (a, b) = (s.parse::<u32>().ok()?, ms.parse::<u32>().ok()?);
        (a < b && matches!(b, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100)).then(|| {
            mk(
                t.start,
                m.end,
                NumberKind::Fraction,
                Some(f64::from(a) / f64::from(b)),
            )
        })
    }

    /// "am", "PM", "a.m." after `t` (glued or after a space).
    fn ampm(&self, t: Tok) -> Option<Tok> {
        let n = self.next(t)?;
        if n.kind != K::Word || n.gap == Gap::Break {
            return None;
        }
        match self.lc(n).as_str() {
            "am" | "pm" => Some(n),
            "a" | "p" => {
                let d = self.gp(n, &['.'])?;
                let m = self.gk(d, K::Word)?;
                if self.lc(m).as_str() != "m" {
                    return None;
                }
                Some(self.gp(m, &['.']).unwrap_or(m))
            }
            _ => None,
        }
    }

    /// A time zone after a time, else `last`.
    fn tz(&self, last: Tok) -> Tok {
        match self.sw(last) {
            Some((z, _))
                if matches!(
                    self.s(z),
                    "GMT"
                        | "UTC"
                        | "ET"
                        | "EST"
                        | "EDT"
                        | "CT"
                        | "CST"
                        | "CDT"
                        | "MT"
                        | "MST"
                        | "MDT"
                        | "PT"
                        | "PST"
                        | "PDT"
                        | "BST"
                        | "CET"
                        | "CEST"
                        | "EET"
                        | "IST"
                        | "JST"
                ) =>
            {
                z
            }
            _ => last,
        }
    }

    /// Four plain digits not glued to more digits, letters or a colon.
    fn is_year4(&self, y: Tok) -> bool {
        let s = self.s(y);
        s.len() == 4
            && all_digits(s)
            && !self
                .next(y)
                .is_some_and(|x| x.glued() && matches!(x.kind, K::Num | K::Word | K::P(':')))
    }

    /// "24 February", "24th Feb. 2025": `last` ends the day number.
    fn day_month(&self, start: usize, last: Tok, day: Option<u32>) -> Option<NumberMatch> {
        if !(1..=31).contains(&day?) {
            return None;
        }
        let (m, lm) = self.sw(last)?;
        let Some(W::Month(abbrev)) = starter(lm.as_str()) else {
            return None;
        };
        if !self.upper_initial(m) {
            return None;
        }
        let mut end = m;
        if abbrev && let Some(dot) = self.gp(m, &['.']) {
            end = dot;
        }
        if let Some(y) = self.next(end)
            && y.spaced()
            && y.kind == K::Num
            && self.is_year4(y)
        {
            end = y;
        }
        Some(mk(start, end.end, NumberKind::Date, None))
    }

    /// "June 29, 2008", "Feb. 24", "March 2024". A month alone is no number.
    fn at_month(&self, t: Tok, abbrev: bool) -> Option<NumberMatch> {
        if !self.upper_initial(t) {
            return None;
        }
        let mut last = t;
        if abbrev && let Some(d) = self.gp(t, &['.']) {
            last = d;
        }
        let n = self.next(last).filter(|n| n.spaced() && n.kind == K::Num)?;
        let s = self.s(n);
        if self.is_year4(n) {
            return Some(mk(t.start, n.end, NumberKind::Date, None));
        }
        if s.len() > 2 || !all_digits(s) {
            return None;
        }
        if !(1..=31).contains(&s.parse::<u32>().ok()?) {
            return None;
        }
        let mut end = n;
        if let Some(x) = self.gk(n, K::Word) {
            if !matches!(self.lc(x).as_str(), "st" | "nd" | "rd" | "th") {
                return None;
            }
            end = x;
        }
        if self.gp(end, &[':']).is_some() {
            return None;
        }
        // "June 5-7"
        if let Some(dash) = self.gp(end, DASHES)
            && let Some(d2) = self.gk(dash, K::Num)
            && self.s(d2).len() <= 2
            && all_digits(self.s(d2))
        {
            end = d2;
        }
        let probe = self.gp(end, &[',']).unwrap_or(end);
        if let Some(y) = self.next(probe)
            && y.spaced()
            && y.kind == K::Num
            && self.is_year4(y)
        {
            end = y;
        }
        Some(mk(t.start, end.end, NumberKind::Date, None))
    }

    fn at_word(&self, t: Tok, w: W, floor: usize) -> Option<NumberMatch> {
        match w {
            W::Card(n) => self.at_card(t, n, floor),
            W::Ord(n) => self.ordinal(t.start, t, n, n <= 2, floor),
            W::A => self.at_a(t),
            W::Half => self.at_half(t),
            W::Between => self.at_range_word(t, &["and"]),
            W::From => self.at_range_word(t, &["to"]),
            W::Aged => {
                let n = self.next(t).filter(|n| n.spaced())?;
                let (c, money) = self.amount(n)?;
                if money {
                    return None;
                }
                if let Some(second) = self.range_second(&c, &["to"]) {
                    return self.finish(t.start, c, Some(second), false);
                }
                (c.exp == 0 && c.dec == 0 && c.value() < 150.0)
                    .then(|| mk(t.start, c.last.end, NumberKind::Age, Some(c.value())))
            }
            W::Month(abbrev) => self.at_month(t, abbrev),
            W::CurCode => {
                let s = self.s(t);
                if s != "Rs" && !s.bytes().all(|c| c.is_ascii_uppercase()) {
                    return None;
                }
                let mut last = t;
                if let Some(d) = self.gp(t, &['.']) {
                    last = d;
                }
                let n = self
                    .next(last)
                    .filter(|n| n.kind == K::Num && n.gap != Gap::Break)?;
                self.money(t.start, n)
            }
            W::PlScale => Some(self.plural_scale(t.start, t)),
            W::Tens => {
                let (o, lo) = self.sw(t)?;
                let (x, lx) = self.sw(o)?;
                (lo.as_str() == "of" && starter(lx.as_str()) == Some(W::PlScale))
                    .then(|| self.plural_scale(t.start, x))
            }
        }
    }

    /// "hundreds", "dozens of leaders", "tens of thousands of people".
    fn plural_scale(&self, start: usize, t: Tok) -> NumberMatch {
        let mut last = t;
        while let Some((o, lo)) = self.sw(last)
            && lo.as_str() == "of"
        {
            let Some((w, lw)) = self.sw(o) else {
                break;
            };
            let ls = lw.as_str();
            if starter(ls) == Some(W::PlScale) {
                last = w;
                continue;
            }
            last = if self.lower_initial(w) && noun_like(ls) && plural_like(ls) {
                w
            } else {
                o
            };
            break;
        }
        mk(start, last.end, NumberKind::Counted, None)
    }

    /// A spelled cardinal: fractions ("two-thirds"), compound ordinals
    /// ("twenty-first"), and counted nouns after "one" only.
    fn at_card(&self, t: Tok, n: u32, floor: usize) -> Option<NumberMatch> {
        if (1..=10).contains(&n) {
            let dw = match self.gp(t, &['-']) {
                Some(h) => self.gk(h, K::Word),
                None => self.sw(t).map(|x| x.0),
            };
            if let Some(dw) = dw
                && let Some((d, plural)) = denom(self.lc(dw).as_str())
                && plural == (n > 1)
            {
                let v = f64::from(n) / f64::from(d);
                return Some(mk(t.start, dw.end, NumberKind::Fraction, Some(v)));
            }
        }
        if n >= 20
            && let Some(h) = self.gp(t, &['-'])
            && let Some(u) = self.gk(h, K::Word)
            && let Some(W::Ord(o)) = starter(self.lc(u).as_str())
            && o < 10
        {
            return self.ordinal(t.start, u, n + o, false, floor);
        }
        if n == 1
            && let Some(p) = self.prev_word(t.start, floor)
            && matches!(
                p.as_str(),
                "no" | "the" | "any" | "every" | "each" | "which" | "this" | "that"
            )
        {
            return None;
        }
        let c = self.spelled_core(t, n);
        let second = self.range_second(&c, &["to"]);
        self.finish(t.start, c, second, false)
    }

    /// "a dozen", "a million", "a half", "a third of".
    fn at_a(&self, t: Tok) -> Option<NumberMatch> {
        let (n, ln) = self.sw(t)?;
        match ln.as_str() {
            "dozen" => {
                let c = Core::new(n, 12.0, 0, true);
                self.finish(t.start, c, None, false)
            }
            "hundred" | "thousand" | "million" | "billion" | "trillion" => {
                let mut c = Core::new(t, 1.0, 0, true);
                self.scale_tail(&mut c);
                self.finish(t.start, c, None, false)
            }
            "half" => {
                if self.gp(n, DASHES).is_some() {
                    return None;
                }
                let mut c = Core::new(n, 5.0, 1, true);
                self.scale_tail(&mut c);
                if c.last.start != n.start {
                    return self.finish(t.start, c, None, false);
                }
                Some(mk(t.start, n.end, NumberKind::Fraction, Some(0.5)))
            }
            l => {
                let (d, plural) = denom(l)?;
                let (_, lo) = self.sw(n)?;
                (!plural && d > 2 && lo.as_str() == "of").then(|| {
                    mk(
                        t.start,
                        n.end,
                        NumberKind::Fraction,
                        Some(1.0 / f64::from(d)),
                    )
                })
            }
        }
    }

    /// "half of", "half a million", "half an hour"; never "half-brother".
    fn at_half(&self, t: Tok) -> Option<NumberMatch> {
        if self.gp(t, DASHES).is_some() {
            return None;
        }
        let (n, ln) = self.sw(t)?;
        match ln.as_str() {
            "of" => Some(mk(t.start, t.end, NumberKind::Fraction, Some(0.5))),
            "a" | "an" => {
                let mut c = Core::new(n, 5.0, 1, true);
                self.scale_tail(&mut c);
                if c.last.start != n.start {
                    return self.finish(t.start, c, None, false);
                }
                Some(mk(t.start, t.end, NumberKind::Fraction, Some(0.5)))
            }
            _ => None,
        }
    }

    /// "between 10 and 20 percent", "from 5 to 10 million".
    fn at_range_word(&self, t: Tok, conns: &[&str]) -> Option<NumberMatch> {
        let n = self.next(t).filter(|n| n.spaced())?;
        let (c, money) = self.amount(n)?;
        let second = self.range_second(&c, conns)?;
        self.finish(t.start, c, Some(second), money)
    }

    /// `$`, `€`, `US$`, `Rs` before the digits token `n`.
    fn money(&self, start: usize, n: Tok) -> Option<NumberMatch> {
        let c = self.num_core(n)?;
        if c.unit {
            return None;
        }
        let second = self.range_second(&c, &["to"]);
        self.finish(start, c, second, true)
    }

    /// An ordinal ending at `last`: with a hyphenated word ("fifth-largest")
    /// or the noun it qualifies ("third anniversary"). `weak` ordinals
    /// ("first", "second") need that word: "at first", "First," and "a
    /// second" are no numbers.
    fn ordinal(
        &self,
        start: usize,
        last: Tok,
        v: u32,
        weak: bool,
        floor: usize,
    ) -> Option<NumberMatch> {
        if weak
            && self
                .prev_word(start, floor)
                .is_some_and(|p| p.as_str() == "at")
        {
            return None;
        }
        let value = Some(f64::from(v));
        if let Some(h) = self.gp(last, DASHES)
            && let Some(w) = self.gk(h, K::Word)
        {
            return Some(mk(start, w.end, NumberKind::Ordinal, value));
        }
        if let Some((w, lw)) = self.sw(last)
            && self.lower_initial(w)
            && noun_like(lw.as_str())
        {
            return Some(mk(start, w.end, NumberKind::Ordinal, value));
        }
        if weak || (self.b[start].is_ascii_uppercase() && self.gp(last, &[',']).is_some()) {
            return None;
        }
        Some(mk(start, last.end, NumberKind::Ordinal, value))
    }

    /// Digits with an optional glued scale or unit ("€5m", "50km") or a
    /// scale word ("3.8 million").
    fn num_core(&self, t: Tok) -> Option<Core> {
        let s = self.s(t);
        let (mant, dec) = parse_digits(s);
        let mut c = Core::new(t, mant, dec, false);
        c.plain4 = s.len() == 4 && all_digits(s);
        if let Some(x) = self.gk(t, K::Word) {
            let e = match self.s(x) {
                "k" => 3,
                "m" | "M" | "mn" | "mln" => 6,
                "b" | "bn" | "Bn" | "BN" | "bln" => 9,
                "tn" | "trn" => 12,
                _ => 0,
            };
            if e > 0 {
                c.exp = e;
            } else if is_unit_suffix(self.lc(x).as_str()) {
                c.unit = true;
            } else {
                return None;
            }
            c.last = x;
            c.plain4 = false;
            return Some(c);
        }
        self.scale_tail(&mut c);
        Some(c)
    }

    /// "one", "twenty-five", "three hundred and fifty", "two million".
    fn spelled_core(&self, t: Tok, n: u32) -> Core {
        let (mut v, mut last) = self.card_compound(t, n);
        if v < 100
            && let Some((h, lh)) = self.sw(last)
            && lh.as_str() == "hundred"
        {
            v *= 100;
            last = h;
            let probe = match self.sw(last) {
                Some((a, la)) if la.as_str() == "and" => a,
                _ => last,
            };
            if let Some((u, lu)) = self.sw(probe)
                && let Some(W::Card(k)) = starter(lu.as_str())
                && k >= 1
            {
                let (k2, u2) = self.card_compound(u, k);
                v += k2;
                last = u2;
            }
        }
        let mut c = Core::new(last, f64::from(v), 0, true);
        self.scale_tail(&mut c);
        c.lone_one = v == 1 && c.last.start == t.start;
        c
    }

    /// "twenty-five", "twenty five".
    fn card_compound(&self, t: Tok, n: u32) -> (u32, Tok) {
        if n >= 20 && n.is_multiple_of(10) {
            let u = match self.gp(t, &['-']) {
                Some(h) => self.gk(h, K::Word),
                None => self.sw(t).map(|x| x.0),
            };
            if let Some(u) = u
                && let Some(W::Card(k)) = starter(self.lc(u).as_str())
                && (1..=9).contains(&k)
            {
                return (n + k, u);
            }
        }
        (n, t)
    }

    /// A scale word joined by a hyphen, as some papers write amounts:
    /// "$700-million", "1.5-million-member". Returns the word and its power
    /// of ten.
    fn hyphen_scale(&self, last: Tok) -> Option<(Tok, i32)> {
        let h = self.gp(last, &['-'])?;
        let w = self.gk(h, K::Word)?;
        let e = match self.lc(w).as_str() {
            "thousand" => 3,
            "million" => 6,
            "billion" => 9,
            "trillion" => 12,
            _ => return None,
        };
        Some((w, e))
    }

    /// "and a half", then up to two scale words ("hundred thousand"), or
    /// one joined by a hyphen.
    fn scale_tail(&self, c: &mut Core) {
        if let Some((w, e)) = self.hyphen_scale(c.last) {
            c.exp += e;
            c.last = w;
            c.plain4 = false;
            return;
        }
        if c.dec == 0
            && let Some((a, la)) = self.sw(c.last)
            && la.as_str() == "and"
            && let Some((x, lx)) = self.sw(a)
            && lx.as_str() == "a"
            && let Some((h, lh)) = self.sw(x)
            && lh.as_str() == "half"
            && self.gp(h, DASHES).is_none()
        {
            c.mant = c.mant * 10.0 + 5.0;
            c.dec = 1;
            c.last = h;
            c.plain4 = false;
        }
        for _ in 0..2 {
            let Some((w, lw)) = self.sw(c.last) else {
                break;
            };
            match lw.as_str() {
                "hundred" => c.exp += 2,
                "thousand" => c.exp += 3,
                "million" | "mln" | "mn" => c.exp += 6,
                "billion" | "bn" | "bln" => c.exp += 9,
                "trillion" | "tn" => c.exp += 12,
                "dozen" => c.mant *= 12.0,
                _ => break,
            }
            c.last = w;
            c.plain4 = false;
        }
    }

    /// A number starting at `t`: digits, a currency sign and digits, or a
    /// spelled cardinal. The flag tells money.
    fn amount(&self, t: Tok) -> Option<(Core, bool)> {
        match t.kind {
            K::P(c) if CURRENCY.contains(&c) => {
                let c = self.num_core(self.gk(t, K::Num)?)?;
                (!c.unit).then_some((c, true))
            }
            K::Num => Some((self.num_core(t)?, false)),
            K::Word => match starter(self.lc(t).as_str())? {
                W::Card(n) => Some((self.spelled_core(t, n), false)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The second number of a range after `c`: "10-20", "5 to 10".
    fn range_second(&self, c: &Core, conns: &[&str]) -> Option<Core> {
        let n = self.next(c.last)?;
        if n.glued() && n.is_p(DASHES) {
            if c.spelled {
                return None;
            }
            let m = self.next(n).filter(|m| m.glued())?;
            let (c2, _) = self.amount(m)?;
            // "555-123-4567" is no range
            if c2.spelled
                || self
                    .gp(c2.last, DASHES)
                    .is_some_and(|x| self.gk(x, K::Num).is_some())
            {
                return None;
            }
            return Some(c2);
        }
        if n.spaced() && n.kind == K::Word && conns.contains(&self.lc(n).as_str()) {
            let m = self.next(n).filter(|m| m.spaced())?;
            let (c2, _) = self.amount(m)?;
            return (c2.spelled == c.spelled).then_some(c2);
        }
        None
    }

    /// The whole expression from `start`: number (or range), then a
    /// percent sign, currency, age, unit or counted noun.
    fn finish(
        &self,
        start: usize,
        c: Core,
        second: Option<Core>,
        money: bool,
    ) -> Option<NumberMatch> {
        let ranged = second.is_some();
        let last = second.map_or(c.last, |c2| c2.last);
        let value = (!ranged).then(|| c.value());
        let pick = |k| if ranged { NumberKind::Range } else { k };
        if money {
            return Some(mk(start, last.end, pick(NumberKind::Money), value));
        }
        if c.unit || second.is_some_and(|c2| c2.unit) {
            return Some(mk(start, last.end, pick(NumberKind::Quantity), value));
        }
        let one = !ranged && c.value() == 1.0;
        if let Some((end, k)) = self.unit_tail(last, one, !ranged && c.year_like()) {
            return Some(mk(start, end, pick(k), value));
        }
        if c.lone_one && !ranged {
            return None;
        }
        let kind = if ranged {
            NumberKind::Range
        } else if c.year_like() {
            NumberKind::Year
        } else if !c.spelled && c.dec > 0 && c.exp == 0 {
            NumberKind::Decimal
        } else {
            NumberKind::Cardinal
        };
        Some(mk(start, last.end, kind, value))
    }

    /// What follows a number: "%", "percent", "per cent", "percentage
    /// points", a currency, "-year-old", "-day", a unit, or the noun it
    /// counts. Returns the end and the kind.
    fn unit_tail(&self, last: Tok, one: bool, year_like: bool) -> Option<(usize, NumberKind)> {
        let n = self.next(last)?;
        if n.gap == Gap::Break {
            return None;
        }
        if n.is_p(&['%']) {
            return Some((n.end, NumberKind::Percent));
        }
        if n.glued() && n.is_p(DASHES) {
            let w = self.gk(n, K::Word)?;
            let l = self.lc(w);
            let ls = l.as_str();
            if matches!(ls, "year" | "years")
                && let Some(h) = self.gp(w, DASHES)
                && let Some(o) = self.gk(h, K::Word)
                && matches!(self.lc(o).as_str(), "old" | "olds")
            {
                return Some((o.end, NumberKind::Age));
            }
            if ls.is_empty() || is_stop(ls) || starter(ls).is_some() {
                return None;
            }
            let kind = if is_unit(ls) {
                NumberKind::Quantity
            } else {
                NumberKind::Counted
            };
            return Some((w.end, kind));
        }
        if !n.spaced() || n.kind != K::Word {
            return None;
        }
        let l = self.lc(n);
        let ls = l.as_str();
        let after = |want: &[&str]| {
            self.sw(n)
                .filter(|(_, lx)| want.contains(&lx.as_str()))
                .map(|(x, _)| x.end)
        };
        match ls {
            "percent" | "pct" => return Some((n.end, NumberKind::Percent)),
            "per" => return after(&["cent"]).map(|e| (e, NumberKind::Percent)),
            "percentage" => return after(&["point", "points"]).map(|e| (e, NumberKind::Percent)),
            "year" | "years" => {
                if let Some(e) = after(&["old"]) {
                    return Some((e, NumberKind::Age));
                }
            }
            "pound" | "pounds" => {
                if let Some(e) = after(&["sterling"]) {
                    return Some((e, NumberKind::Money));
                }
            }
            "metric" | "square" | "cubic" => {
                if let Some((u, lu)) = self.sw(n)
                    && is_unit(lu.as_str())
                {
                    return Some((u.end, NumberKind::Quantity));
                }
            }
            _ => {}
        }
        if is_currency_word(ls) {
            return Some((n.end, NumberKind::Money));
        }
        if is_unit(ls) {
            return Some((n.end, NumberKind::Quantity));
        }
        if year_like || !self.lower_initial(n) {
            return None;
        }
        if !one && is_count_modifier(ls) {
            let (m, lm) = self.sw(n)?;
            let ms = lm.as_str();
            return (self.lower_initial(m) && noun_like(ms) && plural_like(ms))
                .then_some((m.end, NumberKind::Counted));
        }
        if !noun_like(ls) {
            return None;
        }
        if one {
            return (!plural_like(ls)).then_some((n.end, NumberKind::Counted));
        }
        if plural_like(ls) {
            return Some((n.end, NumberKind::Counted));
        }
        // one modifier before the plural noun: "two new cases"
        let (m, lm) = self.sw(n)?;
        let ms = lm.as_str();
        (self.lower_initial(m) && noun_like(ms) && plural_like(ms))
            .then_some((m.end, NumberKind::Counted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberKind::*;

    fn spans(text: &str) -> Vec<(&str, NumberKind)> {
        find_numbers(text)
            .into_iter()
            .map(|m| (&text[m.span], m.kind))
            .collect()
    }

    fn one(text: &str) -> (&str, NumberKind, Option<f64>) {
        let found = find_numbers(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let m = &found[0];
        (&text[m.span.clone()], m.kind, m.value)
    }

    fn none(text: &str) {
        assert_eq!(spans(text), vec![], "{text:?}");
    }

    #[test]
    fn cardinals_with_scale_words() {
        assert_eq!(
            one("Output rose to 4.2 million last year."),
            ("4.2 million", Cardinal, Some(4_200_000.0))
        );
        assert_eq!(
            one("It costs 7 Billion."),
            ("7 Billion", Cardinal, Some(7e9))
        );
        assert_eq!(
            one("About 2,418,003 voted."),
            ("2,418,003", Cardinal, Some(2_418_003.0))
        );
        assert_eq!(
            one("Some 20,000 marched."),
            ("20,000", Cardinal, Some(20_000.0))
        );
        assert_eq!(
            one("The ratio was 2.75 overall."),
            ("2.75", Decimal, Some(2.75))
        );
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(
            one("She counted thirty-two."),
            ("thirty-two", Cardinal, Some(32.0))
        );
        assert_eq!(one("They found four."), ("four", Cardinal, Some(4.0)));
        assert_eq!(
            one("It took six hundred."),
            ("six hundred", Cardinal, Some(600.0))
        );
        assert_eq!(
            one("He spent a million."),
            ("a million", Cardinal, Some(1e6))
        );
        assert_eq!(one("We saw a dozen."), ("a dozen", Cardinal, Some(12.0)));
        assert_eq!(
            one("A dozen or so ministers came."),
            ("A dozen", Cardinal, Some(12.0))
        );
        assert_eq!(one("Dozens were hurt."), ("Dozens", Counted, None));
        assert_eq!(
            one("Hundreds of farmers came."),
            ("Hundreds of farmers", Counted, None)
        );
        assert_eq!(
            one("tens of thousands of workers"),
            ("tens of thousands of workers", Counted, None)
        );
        assert_eq!(
            one("Seven ships sank."),
            ("Seven ships", Counted, Some(7.0))
        );
        assert_eq!(
            one("two and a half"),
            ("two and a half", Cardinal, Some(2.5))
        );
    }

    #[test]
    fn scales_joined_by_a_hyphen() {
        assert_eq!(
            one("It cost $700-million."),
            ("$700-million", Money, Some(7e8))
        );
        assert_eq!(
            one("a C$2.5-billion deal"),
            ("C$2.5-billion", Money, Some(2.5e9))
        );
        assert_eq!(
            one("the 1.5-million-member union"),
            ("1.5-million-member", Counted, Some(1.5e6))
        );
        assert_eq!(spans("pages 10-20"), vec![("10-20", Range)]);
    }

    #[test]
    fn keycaps_and_code_points_are_no_numbers() {
        none("Press 1\u{fe0f}\u{20e3} or 2\u{20e3} to vote.");
        none("It shows <U+0085> and <U+2066> here.");
    }

    #[test]
    fn an_age_after_a_name_is_a_minor_age() {
        let text = "Jane Roe, 45, said so.";
        let (s, k, v) = one(text);
        assert_eq!((s, k, v), ("45", Age, Some(45.0)));
        assert!(find_numbers(text)[0].minor(text));
        assert_eq!(one("On Monday, 45 were hurt.").1, Cardinal);
        assert_eq!(one("In March, 45."), ("45", Cardinal, Some(45.0)));
    }

    #[test]
    fn small_counts_are_minor_unless_they_count_people() {
        let minor = |t: &str| find_numbers(t).iter().all(|m| m.minor(t));
        assert!(minor("two boxes"));
        assert!(minor("the first time"));
        assert!(minor("3 goals"));
        assert!(!minor("two officers"));
        assert!(!minor("one woman"));
        assert!(!minor("12 boxes"));
        assert!(!minor("2 percent"));
        assert!(!minor("a 5-year-old boy"));
    }

    #[test]
    fn fractions() {
        assert_eq!(
            one("Nearly half of the town left."),
            ("half", Fraction, Some(0.5))
        );
        assert_eq!(one("an hour and a half"), ("a half", Fraction, Some(0.5)));
        assert_eq!(
            one("one-quarter of voters"),
            ("one-quarter", Fraction, Some(0.25))
        );
        let (s, k, v) = one("two-thirds of the seats");
        assert_eq!((s, k), ("two-thirds", Fraction));
        assert!((v.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(
            one("a third of the budget"),
            ("a third", Fraction, Some(1.0 / 3.0))
        );
        assert_eq!(one("Add 3/4 cup."), ("3/4", Fraction, Some(0.75)));
        assert_eq!(
            one("half a million"),
            ("half a million", Cardinal, Some(500_000.0))
        );
        none("His half-brother came.");
        none("They split it in half.");
    }

    #[test]
    fn percents() {
        for text in [
            "up 12 percent",
            "up 12%",
            "up 12 per cent",
            "up 12 percentage points",
        ] {
            let (s, k, v) = one(text);
            assert_eq!((k, v), (Percent, Some(12.0)), "{text}");
            assert!(s.starts_with("12"));
        }
        assert_eq!(one("fell 0.5 %"), ("0.5 %", Percent, Some(0.5)));
    }

    #[test]
    fn money() {
        assert_eq!(
            one("a $2.3 billion loan"),
            ("$2.3 billion", Money, Some(2.3e9))
        );
        assert_eq!(
            one("paid $2,500,100 in fees"),
            ("$2,500,100", Money, Some(2_500_100.0))
        );
        assert_eq!(one("a €7m fine"), ("€7m", Money, Some(7e6)));
        assert_eq!(one("raised £1.5bn"), ("£1.5bn", Money, Some(1.5e9)));
        assert_eq!(
            one("about 8 million euros"),
            ("8 million euros", Money, Some(8e6))
        );
        assert_eq!(one("only US$40 each"), ("US$40", Money, Some(40.0)));
        assert_eq!(one("just ¥300"), ("¥300", Money, Some(300.0)));
        assert_eq!(one("costs Rs 250 now"), ("Rs 250", Money, Some(250.0)));
        assert_eq!(one("A $3 Million Grant"), ("$3 Million", Money, Some(3e6)));
    }

    #[test]
    fn quantities() {
        assert_eq!(
            one("ships 5 million tons a year"),
            ("5 million tons", Quantity, Some(5e6))
        );
        assert_eq!(
            one("holds 1.2 million metric tons of ore"),
            ("1.2 million metric tons", Quantity, Some(1.2e6))
        );
        assert_eq!(one("a 30 km trip"), ("30 km", Quantity, Some(30.0)));
        assert_eq!(one("walked 12 miles"), ("12 miles", Quantity, Some(12.0)));
        assert_eq!(one("a 40kg bag"), ("40kg", Quantity, Some(40.0)));
        assert_eq!(
            one("pumps 900 barrels"),
            ("900 barrels", Quantity, Some(900.0))
        );
    }

    #[test]
    fn counted_nouns() {
        assert_eq!(
            one("won 31 districts"),
            ("31 districts", Counted, Some(31.0))
        );
        assert_eq!(
            one("won one district"),
            ("one district", Counted, Some(1.0))
        );
        assert_eq!(
            one("stayed three weeks"),
            ("three weeks", Counted, Some(3.0))
        );
        assert_eq!(
            one("the four nations’ leaders"),
            ("four nations", Counted, Some(4.0))
        );
        assert_eq!(
            one("a dozen envoys"),
            ("a dozen envoys", Counted, Some(12.0))
        );
        assert_eq!(
            one("Five years passed."),
            ("Five years", Counted, Some(5.0))
        );
        assert_eq!(one("two new cases"), ("two new cases", Counted, Some(2.0)));
        assert_eq!(one("a three-day visit"), ("three-day", Counted, Some(3.0)));
        assert_eq!(one("won 31 of them"), ("31", Cardinal, Some(31.0)));
    }

    #[test]
    fn risky_one() {
        none("It was one of the best.");
        none("No one came.");
        none("They helped one another.");
        none("She is the one.");
        none("Someone called; anyone could.");
        none("Which one is it?");
        none("One should know.");
        assert_eq!(one("one day later"), ("one day", Counted, Some(1.0)));
        assert_eq!(one("One ship sank."), ("One ship", Counted, Some(1.0)));
    }

    #[test]
    fn years() {
        assert_eq!(one("after 2019 sanctions"), ("2019", Year, Some(2019.0)));
        assert_eq!(one("Budget Year 2031 Plan"), ("2031", Year, Some(2031.0)));
        assert_eq!(one("in the 1980s"), ("1980s", Year, Some(1980.0)));
        assert_eq!(one("back in the ’70s"), ("’70s", Year, None));
        assert_eq!(one("in the '60s"), ("'60s", Year, None));
    }

    #[test]
    fn dates() {
        assert_eq!(one("on Mar. 3 he left"), ("Mar. 3", Date, None));
        assert_eq!(one("on October 12 we met"), ("October 12", Date, None));
        assert_eq!(one("by 5 January 2026 at"), ("5 January 2026", Date, None));
        assert_eq!(one("Friday, May 1, 2015 was"), ("May 1, 2015", Date, None));
        assert_eq!(one("since April 2019"), ("April 2019", Date, None));
        assert_eq!(one("on 2023-11-30"), ("2023-11-30", Date, None));
        assert_eq!(one("on 12/5/2022"), ("12/5/2022", Date, None));
        assert_eq!(one("on the 4th of July"), ("4th", Ordinal, Some(4.0)));
        none("They met in March.");
        none("They met on Tuesday.");
        none("You may go.");
        none("The march began.");
    }

    #[test]
    fn times() {
        assert_eq!(one("at 11:45 PM it"), ("11:45 PM", Time, None));
        assert_eq!(one("at 7 a.m. sharp"), ("7 a.m.", Time, None));
        assert_eq!(one("by 10:30 p.m. EST"), ("10:30 p.m. EST", Time, None));
        assert_eq!(one("at 6pm"), ("6pm", Time, None));
        assert_eq!(one("at 14:05"), ("14:05", Time, None));
        none("at noon");
    }

    #[test]
    fn ordinals() {
        assert_eq!(one("She finished fourth."), ("fourth", Ordinal, Some(4.0)));
        assert_eq!(one("the 22nd time"), ("22nd time", Ordinal, Some(22.0)));
        assert_eq!(one("the 3rd"), ("3rd", Ordinal, Some(3.0)));
        assert_eq!(
            one("the sixth-biggest economy"),
            ("sixth-biggest", Ordinal, Some(6.0))
        );
        assert_eq!(
            one("the second-largest port"),
            ("second-largest", Ordinal, Some(2.0))
        );
        assert_eq!(
            one("its tenth birthday"),
            ("tenth birthday", Ordinal, Some(10.0))
        );
        assert_eq!(
            one("the first quarter"),
            ("first quarter", Ordinal, Some(1.0))
        );
        assert_eq!(
            one("for the first time"),
            ("first time", Ordinal, Some(1.0))
        );
        assert_eq!(
            one("the twenty-first session"),
            ("twenty-first session", Ordinal, Some(21.0))
        );
        none("At first, nobody came.");
        none("First, the rules.");
        none("He came first.");
        none("Wait a second.");
        none("It took seconds.");
        none("I second the motion.");
        none("at first glance");
    }

    #[test]
    fn ranges() {
        assert_eq!(
            one("between 8 and 12 boats"),
            ("between 8 and 12 boats", Range, None)
        );
        assert_eq!(one("for 30-40 years"), ("30-40 years", Range, None));
        assert_eq!(one("men aged 30 to 40"), ("aged 30 to 40", Range, None));
        assert_eq!(one("up 3 to 4 percent"), ("3 to 4 percent", Range, None));
        assert_eq!(
            one("from 2 to 6 million"),
            ("from 2 to 6 million", Range, None)
        );
        assert_eq!(one("two to three days"), ("two to three days", Range, None));
        assert_eq!(one("$5 to $8 billion"), ("$5 to $8 billion", Range, None));
    }

    #[test]
    fn ages() {
        assert_eq!(
            one("a 61-year-old farmer"),
            ("61-year-old", Age, Some(61.0))
        );
        assert_eq!(one("the man, aged 47, said"), ("aged 47", Age, Some(47.0)));
        assert_eq!(one("she is 9 years old"), ("9 years old", Age, Some(9.0)));
        assert_eq!(
            one("a nine-year-old girl"),
            ("nine-year-old", Age, Some(9.0))
        );
    }

    #[test]
    fn not_numbers() {
        none("the COVID-19 crisis");
        none("the G20 summit and B2B sales");
        none("an F-35 jet");
        none("a Su-57 fighter");
        none("version 1.2.3");
        none("someone often heard a tone in Athens");
        none("tens of people");
    }

    #[test]
    fn sentence_initial_capitals() {
        assert_eq!(one("Two people died."), ("Two people", Counted, Some(2.0)));
        assert_eq!(one("Twelve."), ("Twelve", Cardinal, Some(12.0)));
    }

    #[test]
    fn non_ascii_text_keeps_char_boundaries() {
        let text = "Les 3 élèves — “deux” — ont payé €12, soit 5 %… ½ café 21st 𝛑";
        for m in find_numbers(text) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
        assert_eq!(
            spans(text),
            vec![
                ("3", Cardinal),
                ("€12", Money),
                ("5 %", Percent),
                ("½", Fraction),
                ("21st", Ordinal)
            ]
        );
    }

    #[test]
    fn dashes_and_quotes_are_passed_over_but_not_the_apostrophe() {
        for c in ['–', '—', '‘', '“', '”', '…'] {
            assert_eq!(dash_or_quote(c.to_string().as_bytes()), Some(3), "{c}");
        }
        assert_eq!(dash_or_quote("’".as_bytes()), None);
        let spans: Vec<&str> = find_numbers("“12 boats”—in the ’90s…")
            .iter()
            .map(|m| &"“12 boats”—in the ’90s…"[m.span.clone()])
            .collect();
        assert_eq!(spans, ["12 boats", "’90s"]);
    }

    #[test]
    fn starters_are_sorted_and_unique() {
        for pair in STARTERS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} !< {}", pair[0].0, pair[1].0);
        }
        for (w, kind) in STARTERS {
            assert_eq!(starter(w), Some(*kind));
        }
        assert_eq!(starter("the"), None);
    }

    #[test]
    fn sample_articles_give_well_formed_spans() {
        let Ok(dir) = std::fs::read_dir("/work/shared/articles") else {
            return;
        };
        for entry in dir.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let found = find_numbers(&text);
            let mut last_end = 0;
            for m in &found {
                assert!(m.span.start < m.span.end, "{path:?}: {m:?}");
                assert!(m.span.start >= last_end, "{path:?}: overlap at {m:?}");
                assert!(text.is_char_boundary(m.span.start), "{path:?}: {m:?}");
                assert!(text.is_char_boundary(m.span.end), "{path:?}: {m:?}");
                last_end = m.span.end;
            }
        }
    }

    /// `cargo test --release -- --ignored --nocapture timing`
    #[test]
    #[ignore]
    fn timing_war_and_peace() {
        let Ok(text) = std::fs::read_to_string("/work/shared/corpus/war-and-peace.txt") else {
            return;
        };
        let start = std::time::Instant::now();
        let runs = 10;
        let mut count = 0;
        for _ in 0..runs {
            count = find_numbers(&text).len();
        }
        eprintln!("{count} numbers, {:?} per run", start.elapsed() / runs);
    }
}
