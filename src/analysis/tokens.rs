//! Words with their byte spans, the unit the analysis reasons about.

use crate::model::{Document, Quote, SectionKind, Span};

/// Word-final periods that belong to the word: titles, months, initials.
const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Capt",
    "Sgt", "Adm", "Maj", "Cmdr", "Prof", "Rev", "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "Mt",
    "Ft", "No",
];

/// Longest text the analysis takes: token offsets are 32-bit, which keeps a
/// token at 12 bytes, so the passes over all tokens of a long book read
/// little memory. `input::MAX_SIZE_CAP` keeps every loaded text under it.
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// Longest word, in bytes: a token keeps its length in 16 bits. A longer run
/// of letters, which no language writes, is cut into several words.
const MAX_WORD_LEN: usize = u16::MAX as usize;

/// A word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word without a possessive ending.
    start: u32,
    /// Index into `Document::sentences`, or `NO_SENTENCE`.
    sentence: u32,
    len: u16,
    /// The `Token::*` flags below.
    flags: u8,
}

const NO_SENTENCE: u32 = u32::MAX;

impl Token {
    /// Followed by ’s or a plural possessive mark.
    const POSSESSIVE: u8 = 1;
    /// First word of its sentence.
    const SENTENCE_START: u8 = 1 << 1;
    /// Inside a direct quote.
    const IN_QUOTE: u8 = 1 << 2;
    /// In a headline written in Title Case, where capitals say nothing.
    const HEADLINE: u8 = 1 << 3;
    /// Only spaces separate this word from the one before (same sentence).
    const JOINED: u8 = 1 << 4;
    /// Starts with an ASCII lowercase letter: most words, which name
    /// nothing; known here, they need not be read again.
    const LOWERCASE: u8 = 1 << 5;
    /// Holds a hyphen ('-' or '‑') joining its parts.
    const HYPHENATED: u8 = 1 << 6;

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span()]
    }

    /// Byte span of the word without a possessive ending.
    pub fn span(&self) -> Span {
        self.start()..self.end()
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.start() + usize::from(self.len)
    }

    /// Index into `Document::sentences`, if the word is in a sentence.
    pub fn sentence(&self) -> Option<usize> {
        (self.sentence != NO_SENTENCE).then_some(self.sentence as usize)
    }

    pub fn possessive(&self) -> bool {
        self.has(Token::POSSESSIVE)
    }

    pub fn sentence_start(&self) -> bool {
        self.has(Token::SENTENCE_START)
    }

    pub fn in_quote(&self) -> bool {
        self.has(Token::IN_QUOTE)
    }

    pub fn headline(&self) -> bool {
        self.has(Token::HEADLINE)
    }

    pub fn joined(&self) -> bool {
        self.has(Token::JOINED)
    }

    pub fn lowercase(&self) -> bool {
        self.has(Token::LOWERCASE)
    }

    pub fn hyphenated(&self) -> bool {
        self.has(Token::HYPHENATED)
    }

    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// `flag` if `on`, for building a token's flags.
fn flag(on: bool, flag: u8) -> u8 {
    if on { flag } else { 0 }
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Tokenize the whole document but its page furniture and stand-ins (see
/// [`skipped_spans`](super::skipped_spans)): no name is read from them.
pub fn tokenize(doc: &Document) -> Tokens {
    tokenize_with(doc, &doc.sentences, &doc.quotes)
}

/// [`tokenize`] with the sentences and quotes given apart from the
/// document: found while other work reads the document.
pub fn tokenize_with(doc: &Document, sentences: &[Span], quotes: &[Quote]) -> Tokens {
    let text = doc.text.as_str();
    assert!(
        text.len() <= MAX_TEXT_LEN,
        "texts over {MAX_TEXT_LEN} bytes cannot be analyzed"
    );
    let headlines: Vec<Span> = doc
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Title | SectionKind::Heading))
        .filter(|s| is_title_case(&text[s.span.clone()]))
        .map(|s| s.span.clone())
        .collect();
    let quotes: Vec<Span> = quotes.iter().map(|q| q.span.clone()).collect();
    let marks = Marks {
        sentences,
        quotes: &quotes,
        headlines: &headlines,
        skipped: &super::skipped_spans(doc),
    };
    let mid = split_point(text);
    let (tokens, rest) = rayon::join(
        || marks.tokens_in(text, 0..mid),
        || marks.tokens_in(text, mid..text.len()),
    );
    Tokens::new(linked(text, tokens, rest), text.len())
}

/// The tokens of two consecutive parts of a text as one list: the
/// second part's first word, read without the word before it, is linked
/// to it.
fn linked(text: &str, mut tokens: Vec<Token>, mut rest: Vec<Token>) -> Vec<Token> {
    if let (Some(last), Some(first)) = (tokens.last(), rest.first_mut()) {
        let before = Before::of(text, last);
        first.flags =
            first.flags & !LINK_FLAGS | before.link_flags(text, &first.span(), first.sentence);
    }
    tokens.append(&mut rest);
    tokens
}

/// Shortest text read in two halves, one per core: below it, handing the
/// second half over costs more than it saves.
const SPLIT_FROM: usize = 1 << 16;

/// Where a long text is cut in two for reading: after the first line
/// break past the middle, which no word crosses. A short text is not cut.
fn split_point(text: &str) -> usize {
    if text.len() < SPLIT_FROM {
        return text.len();
    }
    let half = text.len() / 2;
    memchr::memchr(b'\n', &text.as_bytes()[half..]).map_or(text.len(), |k| half + k + 1)
}

/// The spans that mark words: which sentence, quote or headline holds
/// each, and the skipped text, whose words are left out.
struct Marks<'a> {
    sentences: &'a [Span],
    quotes: &'a [Span],
    headlines: &'a [Span],
    skipped: &'a [Span],
}

/// The flags that depend on the word before.
const LINK_FLAGS: u8 = Token::SENTENCE_START | Token::JOINED;

/// What a word's flags need of the word before it.
struct Before {
    /// Where the word ends, with its possessive ending.
    end: usize,
    sentence: u32,
    possessive: bool,
}

impl Before {
    /// Before the first word of a part of the text: no word.
    fn start_of(pos: usize) -> Before {
        Before {
            end: pos,
            sentence: NO_SENTENCE,
            possessive: false,
        }
    }

    fn of(text: &str, t: &Token) -> Before {
        let possessive = t.possessive();
        let ending = if possessive {
            possessive_len(text, &t.span())
        } else {
            0
        };
        Before {
            end: t.end() + ending,
            sentence: t.sentence,
            possessive,
        }
    }

    fn link_flags(&self, text: &str, span: &Span, sentence: u32) -> u8 {
        let gap = &text.as_bytes()[self.end.min(span.start)..span.start];
        let joined = sentence == self.sentence && gap.iter().all(|&b| b == b' ');
        flag(sentence != self.sentence, Token::SENTENCE_START)
            | flag(joined && !self.possessive, Token::JOINED)
    }
}

impl Marks<'_> {
    /// The tokens of the words that start in `range`, read as if the text
    /// began there.
    fn tokens_in(&self, text: &str, range: Span) -> Vec<Token> {
        let mut sentences = Cursor::new(self.sentences);
        let mut quotes = Cursor::new(self.quotes);
        let mut headlines = Cursor::new(self.headlines);
        let mut skipped = Cursor::new(self.skipped);
        let mut tokens = Vec::with_capacity(range.len() / 5);
        let mut before = Before::start_of(range.start);
        let mut words = WordSpans {
            text,
            pos: range.start,
        };
        while let Some((span, hyphenated)) = words.next_word() {
            if span.start >= range.end {
                break;
            }
            if skipped.at(span.start).is_some() {
                continue;
            }
            // Fits: there are fewer sentences than bytes.
            let sentence_id = sentences.at(span.start).map_or(NO_SENTENCE, |i| i as u32);
            let in_quote = quotes.at(span.start).is_some();
            let in_headline = headlines.at(span.start).is_some();
            let (span, possessive) = strip_possessive(text, span);
            let flags = flag(possessive, Token::POSSESSIVE)
                | before.link_flags(text, &span, sentence_id)
                | flag(in_quote, Token::IN_QUOTE)
                | flag(in_headline, Token::HEADLINE)
                | flag(
                    text.as_bytes()[span.start].is_ascii_lowercase(),
                    Token::LOWERCASE,
                )
                | flag(hyphenated, Token::HYPHENATED);
            // Offsets fit: the text is at most MAX_TEXT_LEN bytes.
            let token = Token {
                start: span.start as u32,
                // Fits: `next_word` cuts longer words.
                len: span.len() as u16,
                sentence: sentence_id,
                flags,
            };
            before = Before::of(text, &token);
            tokens.push(token);
        }
        tokens
    }
}

/// Bytes of text per entry of the position index of [`Tokens`].
const BLOCK: usize = 32;

/// The tokens of a text, with an index from byte positions to tokens: the
/// passes that look up the tokens of thousands of spans (mentions, places,
/// quotes) find each in a few steps, where a binary search over the
/// tokens of a book costs some twenty scattered reads.
pub struct Tokens {
    list: Vec<Token>,
    /// For each block of `BLOCK` bytes of the text, the first token that
    /// starts in it or after it.
    first_in_block: Vec<u32>,
}

impl std::ops::Deref for Tokens {
    type Target = [Token];

    fn deref(&self) -> &[Token] {
        &self.list
    }
}

impl Tokens {
    fn new(list: Vec<Token>, text_len: usize) -> Tokens {
        let blocks = text_len / BLOCK + 1;
        let mut first_in_block = Vec::with_capacity(blocks);
        for (i, t) in list.iter().enumerate() {
            // Fits: there are fewer tokens than bytes.
            first_in_block.resize(blocks.min(t.start() / BLOCK + 1), i as u32);
        }
        first_in_block.resize(blocks, list.len() as u32);
        Tokens {
            list,
            first_in_block,
        }
    }

    /// The first token that starts at or after `pos`.
    pub fn starting_from(&self, pos: usize) -> usize {
        let block = (pos / BLOCK).min(self.first_in_block.len() - 1);
        let mut k = self.first_in_block[block] as usize;
        while self.list.get(k).is_some_and(|t| t.start() < pos) {
            k += 1;
        }
        k
    }

    /// The first token that ends after `pos`: the one holding `pos`, if
    /// any, else the next.
    pub fn ending_after(&self, pos: usize) -> usize {
        let k = self.starting_from(pos);
        if k > 0 && self.list[k - 1].end() > pos {
            k - 1
        } else {
            k
        }
    }

    /// The first token that ends at or after `pos`.
    pub fn ending_from(&self, pos: usize) -> usize {
        let k = self.starting_from(pos);
        if k > 0 && self.list[k - 1].end() >= pos {
            k - 1
        } else {
            k
        }
    }
}

/// Which of a sorted list of disjoint spans holds each of a rising series
/// of positions. The bounds of the next span are kept at hand: for nearly
/// every word, two comparisons answer.
struct Cursor<'a> {
    spans: &'a [Span],
    /// The first span that does not end at or before the last position.
    next: usize,
    /// Its bounds, `usize::MAX` past the last span.
    start: usize,
    end: usize,
}

impl<'a> Cursor<'a> {
    fn new(spans: &'a [Span]) -> Self {
        Cursor {
            spans,
            next: 0,
            start: usize::MAX,
            end: 0,
        }
    }

    /// The index of the span holding `pos`, if any.
    fn at(&mut self, pos: usize) -> Option<usize> {
        if pos >= self.end {
            self.advance(pos);
        }
        (pos >= self.start).then_some(self.next)
    }

    fn advance(&mut self, pos: usize) {
        while self.spans.get(self.next).is_some_and(|s| s.end <= pos) {
            self.next += 1;
        }
        (self.start, self.end) = self
            .spans
            .get(self.next)
            .map_or((usize::MAX, usize::MAX), |s| (s.start, s.end));
    }
}

/// A line in which most words are capitalized.
pub fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words.iter().filter(|w| is_capitalized(w)).count();
    words.len() >= 3 && caps * 10 >= words.len() * 7
}

fn possessive_len(text: &str, span: &Span) -> usize {
    let rest = &text[span.end..];
    ["’s", "'s", "’", "'"]
        .iter()
        .find(|p| rest.starts_with(**p))
        .map_or(0, |p| p.len())
}

fn strip_possessive(text: &str, span: Span) -> (Span, bool) {
    let word = &text[span.clone()];
    // Most words do not end in 's'.
    if !word.ends_with('s') {
        return (span, false);
    }
    for suffix in ["’s", "'s"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return (span.start..span.start + stem.len(), true);
        }
    }
    (span, false)
}

/// The end of the run of ASCII letters (and digits, if `digits`) at `i`,
/// found eight bytes at a time: one well-predicted branch for most words,
/// where a loop by byte mispredicts its exit at the end of each word.
#[inline]
pub fn ascii_run_end(b: &[u8], mut i: usize, digits: bool) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Per byte, with the high bit as the flag: `lo <= y <= hi` for 7-bit
    // bytes, without carries between bytes.
    let within = |y: u64, lo: u8, hi: u8| {
        (y + (0x80 - u64::from(lo)) * LO) & !(y + (0x80 - u64::from(hi) - 1) * LO)
    };
    let in_run = |c: u8| c.is_ascii_alphabetic() || (digits && c.is_ascii_digit());
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let y = x & !HI;
        let mut run = within(y | (0x20 * LO), b'a', b'z');
        if digits {
            run |= within(y, b'0', b'9');
        }
        let others = !(run & !x) & HI;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&c| in_run(c)) {
        i += 1;
    }
    i
}

/// Byte spans of words: letters and digits, joined by inner hyphens and
/// apostrophes, with the periods of abbreviations and initials.
struct WordSpans<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> WordSpans<'a> {
    fn new(text: &'a str) -> Self {
        WordSpans { text, pos: 0 }
    }
}

impl WordSpans<'_> {
    /// The next word, and whether a hyphen ('-' or '‑') joins its parts.
    fn next_word(&mut self) -> Option<(Span, bool)> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip to the next letter or digit; ASCII bytes are decided without
        // decoding.
        let start = loop {
            let b = *bytes.get(self.pos)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break self.pos;
                }
                self.pos += 1;
                continue;
            }
            let c = text[self.pos..].chars().next()?;
            if is_word_char(c) {
                break self.pos;
            }
            self.pos += c.len_utf8();
        };
        let mut end = start;
        let mut hyphenated = false;
        loop {
            // Plain ASCII letters and digits need no decoding.
            end = ascii_run_end(bytes, end, true);
            // Nor do the spaces and punctuation that end most words.
            if bytes
                .get(end)
                .is_some_and(|b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.' | b'&'))
            {
                break;
            }
            let Some(d) = text[end..].chars().next() else {
                break;
            };
            if is_word_char(d) {
                end += d.len_utf8();
                continue;
            }
            let after = text[end + d.len_utf8()..].chars().next();
            let joins = match d {
                '-' | '’' | '\'' | '‑' => after.is_some_and(is_word_char),
                '.' => keeps_period(&text[start..end], after),
                '&' => joins_initials(&text[start..end], after),
                _ => false,
            };
            if !joins {
                break;
            }
            hyphenated |= matches!(d, '-' | '‑');
            end += d.len_utf8();
        }
        if end - start > MAX_WORD_LEN {
            end = start + MAX_WORD_LEN;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        self.pos = end;
        Some((start..end, hyphenated))
    }
}

/// `char::is_alphanumeric`, with the curly quotes and dashes of running
/// text and the accented letters of Latin-1 decided without the Unicode
/// tables, which cost hundreds of instructions a look-up.
fn is_word_char(c: char) -> bool {
    match c {
        // General Punctuation holds no letters or digits.
        '\u{2000}'..='\u{206F}' => false,
        '\u{C0}'..='\u{FF}' => !matches!(c, '×' | '÷'),
        _ => c.is_alphanumeric(),
    }
}

impl Iterator for WordSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        self.next_word().map(|(span, _)| span)
    }
}

/// The words of a text, split the way [`tokenize`] splits an article.
pub fn word_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    WordSpans::new(text)
}

/// Whether an ampersand after `word` joins initials into one name
/// ("B&O", "AT&T"): capitals on both sides, none of it a word in capitals.
fn joins_initials(word: &str, after: Option<char>) -> bool {
    word.len() <= 3
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && after.is_some_and(|c| c.is_ascii_uppercase())
}

/// Whether a period after `word` belongs to it ("U.S.", "J.", "Dr.").
fn keeps_period(word: &str, after: Option<char>) -> bool {
    let dotted = word.contains('.');
    let initial = is_capitalized(word) && word.chars().nth(1).is_none();
    if after.is_some_and(char::is_alphabetic) {
        return dotted || initial;
    }
    // Every abbreviation in the list is capitalized and short: most words
    // ending a sentence are ruled out before the list is read.
    let abbreviation = || {
        word.len() <= 4 && is_capitalized(word) && DOTTED.contains(&word)
            // Datelines write place names in capitals: "ST. PAUL", "FT. WORTH".
            || matches!(word, "ST" | "FT" | "MT")
    };
    dotted || initial || abbreviation()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        word_spans(s).map(|r| &s[r]).collect()
    }

    #[test]
    fn words_keep_abbreviations_hyphens_and_apostrophes() {
        assert_eq!(
            words("Dr. J. Smith met U.S. officials, Ki-moon’s aide and O’Brien."),
            [
                "Dr.",
                "J.",
                "Smith",
                "met",
                "U.S.",
                "officials",
                "Ki-moon’s",
                "aide",
                "and",
                "O’Brien"
            ]
        );
        assert_eq!(
            words("US-Ukraine deal, end."),
            ["US-Ukraine", "deal", "end"]
        );
        assert_eq!(
            words("The B&KR and AT&T, R & D, Q&a, BRIDGE&Co."),
            [
                "The", "B&KR", "and", "AT&T", "R", "D", "Q", "a", "BRIDGE", "Co."
            ]
        );
    }

    #[test]
    fn cursor_finds_the_span_holding_each_position() {
        let spans = [2..4, 4..6, 9..10];
        let mut cursor = Cursor::new(&spans);
        let found: Vec<Option<usize>> = (0..12).map(|p| cursor.at(p)).collect();
        let none = None;
        assert_eq!(
            found,
            [
                none,
                none,
                Some(0),
                Some(0),
                Some(1),
                Some(1),
                none,
                none,
                none,
                Some(2),
                none,
                none
            ]
        );
        assert_eq!(Cursor::new(&[]).at(0), None);
    }

    #[test]
    fn tokens_are_small_and_endless_words_are_cut() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let text = format!(
            "{}é{} end",
            "a".repeat(MAX_WORD_LEN - 1),
            "b".repeat(70_000)
        );
        let spans: Vec<Span> = word_spans(&text).collect();
        assert_eq!(spans[0], 0..MAX_WORD_LEN - 1, "not inside the é");
        assert!(spans.iter().all(|s| s.len() <= MAX_WORD_LEN));
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), text.len() - 1);
        assert_eq!(&text[spans[spans.len() - 1].clone()], "end");
    }

    #[test]
    fn runs_end_where_the_byte_loop_ends() {
        let text = "abcXYZ09 a1b2c3d4e5f6g7h8i9_ z@[`{/:é0123456789abcdef, Zz9 abcdefghijklm";
        let b = text.as_bytes();
        for digits in [false, true] {
            let in_run = |c: &u8| c.is_ascii_alphabetic() || (digits && c.is_ascii_digit());
            for i in 0..b.len() {
                let mut end = i;
                while b.get(end).is_some_and(in_run) {
                    end += 1;
                }
                assert_eq!(ascii_run_end(b, i, digits), end, "at {i}, digits {digits}");
            }
        }
    }

    #[test]
    fn abbreviations_are_short_and_capitalized() {
        // `keeps_period` reads the list only for such words.
        assert!(DOTTED.iter().all(|w| w.len() <= 4 && is_capitalized(w)));
        assert_eq!(
            words("Gen. Sept. Ltd. end."),
            ["Gen.", "Sept.", "Ltd.", "end"]
        );
    }

    #[test]
    fn word_chars_are_the_alphanumeric_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn possessives_are_split_off() {
        let doc = Document::analyze("Russia’s president and the Smiths’ house.");
        let toks = tokenize(&doc);
        assert_eq!(toks[0].text(&doc.text), "Russia");
        assert!(toks[0].possessive());
        assert!(!toks[1].joined(), "a possessive breaks a name run");
    }

    #[test]
    fn title_case_lines() {
        assert!(is_title_case("Leader Says Country Will Not Join Talks"));
        assert!(!is_title_case(
            "The leader says the country will not join talks"
        ));
    }

    #[test]
    fn the_position_index_agrees_with_a_search_at_every_byte() {
        // Long gaps (more than a block without a word), short words, a
        // possessive, a hyphenated compound and letters of several bytes.
        let text = format!(
            "Ana’s co-op in Zürich — a b c d.{}\n\nÉmile said “yes” to Łódź-Kraków rail.",
            " ".repeat(3 * BLOCK + 5)
        );
        let doc = Document::parse(&text);
        let toks = tokenize(&doc);
        assert!(toks.len() > 10);
        for pos in 0..=text.len() + 1 {
            let search = |before: &dyn Fn(&Token) -> bool| toks.partition_point(before);
            assert_eq!(
                toks.starting_from(pos),
                search(&|t| t.start() < pos),
                "{pos}"
            );
            assert_eq!(toks.ending_after(pos), search(&|t| t.end() <= pos), "{pos}");
            assert_eq!(toks.ending_from(pos), search(&|t| t.end() < pos), "{pos}");
        }
    }

    #[test]
    fn a_text_read_in_two_parts_gives_the_tokens_read_in_one() {
        let text = "Mr. Ada Obi’s plan.\nShe said “yes”\nto the co-op’s\n\nBoard; Lake Marsk\n  voters’ choice\nÉmile-Zola St. 2,400 people.\n";
        let doc = Document::parse(text);
        let quotes: Vec<Span> = doc.quotes.iter().map(|q| q.span.clone()).collect();
        let marks = Marks {
            sentences: &doc.sentences,
            quotes: &quotes,
            headlines: &[],
            skipped: &[],
        };
        let whole = marks.tokens_in(text, 0..text.len());
        assert!(whole.len() > 15);
        for (k, _) in text.match_indices('\n') {
            let mid = k + 1;
            let parts = linked(
                text,
                marks.tokens_in(text, 0..mid),
                marks.tokens_in(text, mid..text.len()),
            );
            assert_eq!(parts, whole, "cut at {mid}");
        }
    }
}
