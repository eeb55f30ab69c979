//! Lines to blocks to sections: title, dek, headings and paragraphs.

use crate::model::{Section, SectionKind, Span};

/// Longest line of a text that counts as hard-wrapped.
const MAX_WRAP_WIDTH: usize = 100;
/// Longest heading, in words.
const MAX_HEADING_WORDS: usize = 10;
/// A dek is one short sentence-like line.
const DEK_WORDS: std::ops::RangeInclusive<usize> = 5..=30;

/// One line, in 16 bytes: a text of millions of short lines is read with
/// a list of them all. Offsets fit in 32 bits (the analysis limit).
struct Line {
    start: u32,
    end: u32,
    width: u32,
    blank: bool,
}

impl Line {
    fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }
}

/// An offset or width as stored in a [`Line`].
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The article's sections, and the byte positions of newlines that join
/// hard-wrapped lines back into paragraphs.
/// The text's blocks (paragraphs with hard-wrapped lines joined), and the
/// joins. The lines are gone before the blocks are classified.
pub fn blocks(text: &str) -> (Vec<Span>, Vec<usize>) {
    let lines = lines(text);
    let wrap = wrap_width(text, &lines);
    let mut blocks: Vec<Span> = Vec::new();
    let mut joins = Vec::new();
    let mut prev: Option<&Line> = None;
    for line in &lines {
        if line.blank {
            prev = None;
            continue;
        }
        let trimmed = trim(text, line.span());
        match (prev, blocks.last_mut()) {
            (Some(p), Some(block)) if continues(text, p, line, wrap) => {
                joins.push(p.span().end);
                block.end = trimmed.end;
            }
            _ => blocks.push(trimmed),
        }
        prev = Some(line);
    }
    (blocks, joins)
}

fn lines(text: &str) -> Vec<Line> {
    let newlines = text.bytes().filter(|&b| b == b'\n').count();
    let mut out = Vec::with_capacity(newlines + 1);
    let mut start = 0;
    // One vector search over the whole text, rather than one per line.
    let ends = crate::bytes::positions(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        if start == text.len() && end == start {
            break;
        }
        let body = &text[start..end];
        out.push(Line {
            start: narrow(start),
            end: narrow(end),
            width: narrow(char_count(body)),
            blank: body.trim().is_empty(),
        });
        start = end + 1;
    }
    out
}

/// The wrap width when the text is hard-wrapped: most lines are short and
/// nearly as long as each other, and many of them break mid-sentence. The
/// width is that of the longer lines, not the longest: a title or a URL
/// may run past it, as long as few lines do.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let filled: Vec<&Line> = lines.iter().filter(|l| !l.blank).collect();
    if filled.len() < 3 {
        return None;
    }
    let mut widths: Vec<usize> = filled.iter().map(|l| l.width as usize).collect();
    widths.sort_unstable();
    let wrap = widths[widths.len() * 8 / 10];
    let over = widths.iter().filter(|&&w| w * 20 > wrap * 23).count();
    if wrap > MAX_WRAP_WIDTH || over > (filled.len() / 20).max(1) {
        return None;
    }
    let full: Vec<&&Line> = filled
        .iter()
        .filter(|l| l.width as usize * 4 >= wrap * 3)
        .collect();
    let mid_sentence = full
        .iter()
        .filter(|l| !ends_sentence(&text[l.span()]))
        .count();
    (full.len() * 2 >= filled.len() && mid_sentence * 3 >= full.len()).then_some(wrap)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', '\''])
}

/// Whether `line` continues the paragraph of the line before it.
fn continues(text: &str, prev: &Line, line: &Line, wrap: Option<usize>) -> bool {
    let (before, here) = (&text[prev.span()], &text[line.span()]);
    let Some(width) = wrap else {
        return broken_mid_sentence(before, here);
    };
    let starts_heading = here.trim_start().starts_with('#');
    let prev_heading = before.trim_start().starts_with('#');
    prev.width as usize * 10 >= width * 6 && !starts_heading && !prev_heading
}

/// A line that stops mid-sentence (after a word, a comma or a quote's
/// closing mark after one) before a line that goes on in lowercase: a
/// paragraph hard-wrapped in a text that is not ("…ready for a regular
/// cadence,\"" / "said the chief executive."), such as a quoted press
/// release.
fn broken_mid_sentence(before: &str, here: &str) -> bool {
    let before = before.trim_end();
    let stopped = before
        .trim_end_matches(['"', '”', '’'])
        .ends_with(|c: char| c.is_alphanumeric() || c == ',');
    stopped && !before.starts_with('#') && here.trim_start().starts_with(|c: char| c.is_lowercase())
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    span.start + lead..span.end - trail
}

pub fn classify(text: &str, blocks: &[Span]) -> Vec<Section> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut body_started = false;
    for (i, span) in blocks.iter().enumerate() {
        let s = &text[span.clone()];
        let is_last = i + 1 == blocks.len();
        let next_words = || {
            blocks
                .get(i + 1)
                .map_or(0, |n| word_count(&text[n.clone()]))
        };
        let (kind, span) = if let Some(inner) = markdown_heading(text, span) {
            let kind = if i == 0 {
                SectionKind::Title
            } else {
                furniture(&text[inner.clone()]).unwrap_or(SectionKind::Heading)
            };
            (kind, inner)
        } else if i == 0 {
            (SectionKind::Title, span.clone())
        } else if let Some(kind) = furniture(s) {
            (kind, span.clone())
        } else if i == 1 && is_dek(s) && next_words() > word_count(s) {
            (SectionKind::Dek, span.clone())
        } else if body_started && !is_last && (is_heading(s) || is_quoted_heading(s)) {
            (SectionKind::Heading, span.clone())
        } else {
            (SectionKind::Paragraph, span.clone())
        };
        if !body_started
            && (kind == SectionKind::Dek
                || (kind == SectionKind::Paragraph && is_body_paragraph(s)))
        {
            body_started = true;
        }
        out.push(Section { kind, span });
    }
    out
}

/// `# Heading` lines: the section starts after the marks.
fn markdown_heading(text: &str, span: &Span) -> Option<Span> {
    let s = &text[span.clone()];
    let rest = s.trim_start_matches('#');
    let marks = s.len() - rest.len();
    if marks == 0 || marks > 6 || !(rest.starts_with(' ') || rest.is_empty()) {
        return None;
    }
    let inner = trim(text, span.start + marks..span.end);
    (!inner.is_empty()).then_some(inner)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_with_punctuation(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', ',', ';', ':', '!', '?', '…', '"', '”', '’', '\'', ')'])
}

fn is_dek(s: &str) -> bool {
    let words = word_count(s);
    let sentences = super::split_sentences(s, 0..s.len()).len();
    DEK_WORDS.contains(&words)
        && sentences == 1
        && !s.starts_with("By ")
        && s.split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase))
}

/// Char count from the UTF-8 lead bytes, without decoding.
fn char_count(s: &str) -> usize {
    // A sum without branches, which compiles to vector code.
    s.bytes().map(|b| usize::from(b & 0xc0 != 0x80)).sum()
}

fn is_heading(s: &str) -> bool {
    // The cheap tests first: they rule out most lines of prose before any
    // words are counted.
    s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_with_punctuation(s)
        && !s.starts_with("By ")
        && s.split_whitespace().nth(MAX_HEADING_WORDS).is_none()
}

/// A subhead that is a quote: “We will rebuild”. A phrase without
/// punctuation: a line of dialogue ("“On my honor!”") is no subhead.
fn is_quoted_heading(s: &str) -> bool {
    let inner = ['"', '“', '‘']
        .iter()
        .zip(['"', '”', '’'])
        .find_map(|(&open, close)| s.strip_prefix(open)?.strip_suffix(close));
    inner.is_some_and(|q| {
        !q.contains(['"', '“', '”', '.', ',', ';', ':', '!', '?'])
            && q.starts_with(char::is_uppercase)
            && q.split_whitespace().nth(1).is_some()
            && q.split_whitespace().nth(MAX_HEADING_WORDS).is_none()
    })
}

/// Longest byline, caption label line or promo, in words. A caption
/// ending in a credit may be longer.
const MAX_FURNITURE_WORDS: usize = 40;

/// The kind of a block of page furniture: a byline, a caption or credit,
/// or a promo.
fn furniture(s: &str) -> Option<SectionKind> {
    if more_words_than(s, MAX_FURNITURE_WORDS) {
        return ends_with_credit(s).then_some(SectionKind::Caption);
    }
    if is_byline(s) {
        Some(SectionKind::Byline)
    } else if is_caption(s) {
        Some(SectionKind::Caption)
    } else if is_promo(s) {
        Some(SectionKind::Promo)
    } else {
        None
    }
}

/// Whether `s` has more than `n` words split at whitespace: every
/// paragraph of a book asks, and a loop over its bytes, which decodes only
/// the few characters beyond ASCII, stops as soon as it knows.
fn more_words_than(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let (space, len) = if b[i].is_ascii() {
            (matches!(b[i], b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
        i += len;
    }
    false
}

/// The words before a colon that opens the line ("READ MORE: …"), if
/// there are at most three.
fn label(s: &str) -> Option<&str> {
    let (head, _) = s.split_once(':')?;
    (!head.is_empty() && head.split_whitespace().nth(3).is_none()).then_some(head)
}

/// Whether `word` is one of the lowercase `words`, in any case: compared
/// in place, as every paragraph of a book is asked.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Words that name a picture or its credit, first in a caption line
/// ("Photo: …", "Photograph by …", "Image courtesy of …").
const PICTURE_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "credit",
    "credits",
    "illustration",
    "courtesy",
    "file photo",
    "photo credit",
    "photo illustration",
];

/// "Photo: Jane Roe / The Daily Star", "Photograph by Jane Roe", a bare
/// credit ("Jane Roe/Reuters"), or any line ending in a credit.
fn is_caption(s: &str) -> bool {
    if label(s).is_some_and(|l| is_one_of(l, PICTURE_WORDS)) {
        return true;
    }
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let picture = is_one_of(first, PICTURE_WORDS);
    (picture && is_one_of(second, &["by", "courtesy", "of"]))
        || is_slash_credit(s)
        || ends_with_credit(s)
}

/// A caption's closing credit: "(AP Photo/Jane Roe)", "(Photo: Jane
/// Roe)", "(Jane Roe/Reuters)".
fn ends_with_credit(s: &str) -> bool {
    let Some(body) = s.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let inner = &body[open + 1..];
    let first = inner.split([' ', ':', '/']).next().unwrap_or_default();
    is_one_of(first, PICTURE_WORDS)
        || inner.split_whitespace().any(|w| w.starts_with("Photo"))
        || is_slash_credit(inner)
}

/// A photographer and an agency, or an agency and a photographer, around
/// a slash: "Jane Roe/Reuters", "AFP/Getty Images".
fn is_slash_credit(s: &str) -> bool {
    let Some((a, b)) = s.split_once('/') else {
        return false;
    };
    s.contains(' ') && !b.contains('/') && is_credit_name(a) && is_credit_name(b)
}

/// Up to six capitalized words, with the small words of agency names.
fn is_credit_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "the" | "for" | "&")
        })
}

/// "By Jane Roe", "By Jane Roe and Sam Poe, Associated Press", "Reporting
/// by Jane Roe in Ottawa; Editing by Sam Poe".
fn is_byline(s: &str) -> bool {
    let s = s.strip_prefix('(').unwrap_or(s);
    const CREDITED: &[&str] = &[
        "reporting by ",
        "additional reporting by ",
        "editing by ",
        "writing by ",
        "compiled by ",
    ];
    if CREDITED.iter().any(|p| starts_with_folded(s, p)) {
        return true;
    }
    let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else {
        return false;
    };
    let names = rest.split([',', '|', '—', '–']).next().unwrap_or_default();
    let last = s.split_whitespace().next_back().unwrap_or_default();
    // "By Tuesday, the storm had passed." is prose: a byline does not end
    // a sentence, save with an initial or "Jr.".
    let sentence = s.ends_with(['.', '!', '?']) && last.len() > 4;
    !sentence
        && names.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "de" | "van" | "von")
        })
        && names.split_whitespace().next().is_some_and(|w| w != "The")
}

/// Lines of the page rather than the story: links to other articles and
/// calls to action.
fn is_promo(s: &str) -> bool {
    const LABELS: &[&str] = &[
        "read more",
        "more",
        "watch",
        "listen",
        "related",
        "see also",
        "also read",
        "read also",
        "recommended",
        "video",
        "sign up",
        "subscribe",
        "more coverage",
        "related coverage",
    ];
    const OPENINGS: &[&str] = &[
        "sign up",
        "subscribe to",
        "click here",
        "follow us",
        "download our",
        "download the",
        "share this",
    ];
    if label(s).is_some_and(|l| is_one_of(l, LABELS)) {
        return true;
    }
    s.eq_ignore_ascii_case("advertisement")
        || (OPENINGS.iter().any(|o| starts_with_folded(s, o))
            && s.split_whitespace().nth(20).is_none())
}

/// Whether a line opens with a lowercase ASCII phrase, in any case: only
/// the opening is compared, as a book has thousands of short paragraphs.
fn starts_with_folded(s: &str, phrase: &str) -> bool {
    s.as_bytes()
        .get(..phrase.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(phrase.as_bytes()))
}

/// Running prose, as opposed to a byline or dateline before the body.
fn is_body_paragraph(s: &str) -> bool {
    word_count(s) >= 15 || (word_count(s) > 3 && s.trim_end().ends_with(['.', '!', '?']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_whitespace_splits_them() {
        let texts = [
            "",
            "  one ",
            "one two\tthree\nfour",
            "a\u{2003}b\u{a0}c d\u{0b}e",
            "caf\u{e9} na\u{ef}ve  \u{3000} \u{201c}quoted\u{201d}",
        ];
        for t in texts {
            let count = t.split_whitespace().count();
            for n in 0..7 {
                assert_eq!(more_words_than(t, n), count > n, "{t:?} {n}");
            }
        }
    }

    fn sections(text: &str) -> (Vec<Section>, Vec<usize>) {
        let (blocks, joins) = blocks(text);
        (classify(text, &blocks), joins)
    }

    fn kinds(text: &str) -> Vec<(SectionKind, String)> {
        sections(text)
            .0
            .into_iter()
            .map(|s| (s.kind, text[s.span].to_string()))
            .collect()
    }

    const BODY: &str =
        "This is a sentence of the body that runs for quite a few words, long enough to count.";

    #[test]
    fn lines_are_the_text_split_at_newlines() {
        for text in ["", "\n", "\n\n", "a", "a\n", "a\nb", "é\n\nbc\n", "  \nx"] {
            let spans: Vec<&str> = lines(text).iter().map(|l| &text[l.span()]).collect();
            let expected: Vec<&str> = text.lines().collect();
            assert_eq!(spans, expected, "{text:?}");
        }
        assert_eq!(lines("é b").first().map(|l| l.width), Some(3));
    }

    #[test]
    fn title_dek_and_paragraphs_one_per_line() {
        let text =
            format!("A Headline\nA short standfirst says what this is about.\n{BODY}\n{BODY}\n");
        let k = kinds(&text);
        assert_eq!(k[0], (SectionKind::Title, "A Headline".into()));
        assert_eq!(k[1].0, SectionKind::Dek);
        assert_eq!(k[2].0, SectionKind::Paragraph);
        assert_eq!(k.len(), 4);
    }

    #[test]
    fn bylines_are_bylines_and_datelines_paragraphs() {
        let text = format!("Headline\nBy Some Agency\nMarch 3, 2024 10:00 AM\n{BODY}\n{BODY}");
        let k = kinds(&text);
        assert_eq!(k[1].0, SectionKind::Byline);
        assert_eq!(k[2].0, SectionKind::Paragraph);
    }

    #[test]
    fn a_quoted_line_is_a_heading_only_when_it_reads_like_one() {
        for (line, kind) in [
            ("“Nothing Left To Lose”", SectionKind::Heading),
            ("\"A Long Way Home\"", SectionKind::Heading),
            ("“On my honor!”", SectionKind::Paragraph),
            ("“Yes”", SectionKind::Paragraph),
            (
                "“We left at dawn and never came back.”",
                SectionKind::Paragraph,
            ),
            ("“Go,” she said", SectionKind::Paragraph),
        ] {
            let text = format!("Headline\n\n{BODY}\n\n{line}\n\n{BODY}");
            assert_eq!(kinds(&text)[2], (kind, line.to_string()), "{line:?}");
        }
    }

    #[test]
    fn promos_need_their_label_or_opening() {
        assert_eq!(furniture("Advertisement"), Some(SectionKind::Promo));
        assert_eq!(furniture("Watching the vote: a guide"), None);
        assert_eq!(furniture("By the Numbers"), None);
        assert_eq!(furniture("Trade and/or tariffs"), None);
    }

    #[test]
    fn short_unpunctuated_line_between_paragraphs_is_a_heading() {
        let text = format!("Headline\n\n{BODY}\n\nWhat Comes Next\n\n{BODY}");
        let k = kinds(&text);
        assert_eq!(k[2], (SectionKind::Heading, "What Comes Next".into()));
        assert_eq!(k[3].0, SectionKind::Paragraph);
    }

    #[test]
    fn markdown_heading_marks_are_left_out_of_the_span() {
        let text = format!("# The Title\n\n{BODY}\n\n## Background\n\n{BODY}");
        let k = kinds(&text);
        assert_eq!(k[0], (SectionKind::Title, "The Title".into()));
        assert_eq!(k[2], (SectionKind::Heading, "Background".into()));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Title line\n\nThe first paragraph is wrapped at a fixed\nwidth by the sender and goes on to a\nshort end.\n\nThe second paragraph is wrapped the same\nway and it has two lines in it here.\n";
        let (secs, joins) = sections(text);
        assert_eq!(secs.len(), 3);
        assert_eq!(joins.len(), 3);
        assert!(text[secs[1].span.clone()].ends_with("short end."));
        assert!(joins.iter().all(|&j| text.as_bytes()[j] == b'\n'));
    }

    #[test]
    fn a_long_title_line_does_not_hide_the_wrapping() {
        let title = "A title line much longer than the wrap width, as a sender writes it on one line without any break at all";
        let body = "\"The first quote is wrapped at a fixed width by the\nsender and goes on,\" said the mayor, who then went on\nto explain the plan in some detail to everyone.\n\nThe second paragraph is wrapped the same way and\nit has three lines in it here, all of them close\nto the width of the others.\n";
        let text = format!("{title}\n\n{body}");
        let (secs, joins) = sections(&text);
        assert_eq!(secs.len(), 3, "{secs:?}");
        assert_eq!(joins.len(), 4);
        assert!(text[secs[1].span.clone()].ends_with("to everyone."));
    }

    #[test]
    fn a_line_broken_mid_sentence_before_lowercase_goes_on_in_a_text_not_wrapped() {
        let text = format!(
            "Title of the story\n\n{BODY}\n\n\"The launch went well,\"\nsaid the chief executive, Ada Marsk.\n\nShort line.\nthen a new one.\n"
        );
        let (secs, joins) = sections(&text);
        let spans: Vec<&str> = secs.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(joins.len(), 1, "{spans:?}");
        assert!(
            spans
                .iter()
                .any(|s| s.ends_with("Ada Marsk.") && s.starts_with('"')),
            "{spans:?}"
        );
        assert!(
            spans.contains(&"then a new one."),
            "a sentence's end stays a break: {spans:?}"
        );
    }

    #[test]
    fn empty_and_blank_texts_have_no_sections() {
        assert!(sections("").0.is_empty());
        assert!(sections("\n \n\t\n").0.is_empty());
    }
}
