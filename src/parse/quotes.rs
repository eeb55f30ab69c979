//! Direct quotes: curly, straight and single marks, nesting, quotes that run
//! over several paragraphs, and unbalanced marks.

use crate::model::{Quote, Section, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open(Kind),
    Close(Kind),
}

/// Words before a short quote that make it a name, term or title rather
/// than someone's words.
const SCARE_CUES: &[&str] = &[
    "so-called",
    "dubbed",
    "called",
    "termed",
    "titled",
    "entitled",
    "named",
    "word",
    "term",
    "phrase",
    "as",
];

/// Top-level quotes of each paragraph, in order.
pub fn find_quotes(text: &str, paragraphs: &[&Section]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open_from_previous = false;
    for (i, para) in paragraphs.iter().enumerate() {
        let next_starts_open = paragraphs
            .get(i + 1)
            .is_some_and(|n| opening_kind(text, &n.span).is_some());
        let found = paragraph_quotes(text, para.span.clone(), next_starts_open);
        let starts_with_quote = opening_kind(text, &para.span).is_some();
        for (k, (span, _)) in found.iter().enumerate() {
            let continues = k == 0 && open_from_previous && starts_with_quote;
            if continues || !is_scare_quote(text, span) {
                quotes.push(Quote {
                    span: span.clone(),
                    speaker: None,
                    continues,
                    attribution: Default::default(),
                });
            }
        }
        open_from_previous = found.last().is_some_and(|(_, runs_on)| *runs_on);
    }
    quotes
}

fn opening_kind(text: &str, span: &Span) -> Option<Kind> {
    let s = &text[span.clone()];
    let mut chars = s.chars();
    let first = chars.next()?;
    let second = chars.next();
    match classify(None, first, second) {
        Some(Mark::Open(k)) => Some(k),
        _ => None,
    }
}

/// Quotes in one paragraph as (inner span, left open at the paragraph end).
fn paragraph_quotes(text: &str, span: Span, next_starts_open: bool) -> Vec<(Span, bool)> {
    let s = &text[span.clone()];
    let mut out = Vec::new();
    let mut stack: Vec<(Kind, usize)> = Vec::new();
    for (i, c) in mark_candidates(s) {
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        match classify(prev, c, next) {
            Some(Mark::Open(kind)) => stack.push((kind, i + c.len_utf8())),
            Some(Mark::Close(kind)) => {
                if let Some(depth) = stack.iter().rposition(|&(k, _)| k == kind) {
                    let (_, start) = stack[depth];
                    stack.truncate(depth);
                    if stack.is_empty() {
                        push_inner(&mut out, s, start..i, span.start, false);
                    }
                }
            }
            None => {}
        }
    }
    // A double quote left open runs to the paragraph end: either it goes on
    // in the next paragraph, or its closing mark is missing. An open single
    // mark is more likely an apostrophe.
    if let Some(&(kind, start)) = stack.first()
        && (kind == Kind::Double || next_starts_open)
    {
        push_inner(&mut out, s, start..s.len(), span.start, true);
    }
    out
}

/// Characters that may be quote marks, found by their lead bytes without
/// decoding the rest of the text. Without any 0xc2 (the lead byte of « and
/// »), there are three lead bytes, which memchr finds with vector code.
fn mark_candidates(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let three = memchr::memchr(0xc2, bytes).is_none();
    let found_by_memchr = three
        .then(|| memchr::memchr3_iter(b'"', b'\'', 0xe2, bytes))
        .into_iter()
        .flatten();
    let found_by_scan = (!three)
        .then(|| {
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, b)| matches!(b, b'"' | b'\'' | 0xc2 | 0xe2))
                .map(|(i, _)| i)
        })
        .into_iter()
        .flatten();
    found_by_memchr
        .chain(found_by_scan)
        .filter_map(|i| s[i..].chars().next().map(|c| (i, c)))
}

fn push_inner(out: &mut Vec<(Span, bool)>, s: &str, range: Span, offset: usize, open: bool) {
    let piece = &s[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() && piece.chars().any(char::is_alphanumeric) {
        out.push((
            offset + range.start + lead..offset + range.end - trail,
            open,
        ));
    }
}

/// Whether a quote mark opens or closes, from the characters around it.
/// Apostrophes (don’t, Ukraine’s, ’90s) are neither.
fn classify(prev: Option<char>, c: char, next: Option<char>) -> Option<Mark> {
    if !matches!(c, '“' | '«' | '„' | '”' | '»' | '"' | '‘' | '’' | '\'') {
        return None;
    }
    let before_open = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘\"'".contains(p));
    let after_space = next.is_none_or(|n| n.is_whitespace());
    let after_word = next.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '«' | '„' => Some(Mark::Open(Kind::Double)),
        '”' | '»' => Some(Mark::Close(Kind::Double)),
        '"' if before_open && !after_space => Some(Mark::Open(Kind::Double)),
        '"' if !before_open => Some(Mark::Close(Kind::Double)),
        '‘' if before_open && next.is_some_and(|n| !n.is_whitespace()) => {
            Some(Mark::Open(Kind::Single))
        }
        '\'' if before_open && next.is_some_and(char::is_alphabetic) => {
            Some(Mark::Open(Kind::Single))
        }
        '’' | '\'' if !before_open && !after_word => Some(Mark::Close(Kind::Single)),
        _ => None,
    }
}

/// A short quote introduced as a name or term ("the so-called “deal”"), or
/// a quoted title in Title Case.
fn is_scare_quote(text: &str, span: &Span) -> bool {
    let inner = &text[span.clone()];
    // Five words are enough to tell a quote that is not short.
    let words: Vec<&str> = inner.split_whitespace().take(5).collect();
    if words.len() > 4 {
        return false;
    }
    let before = text[..span.start]
        .trim_end()
        .trim_end_matches(['“', '"', '‘', '\'', '«', '„'])
        .trim_end();
    let cue = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let title_case = words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !inner.ends_with(['.', ',', '!', '?']);
    SCARE_CUES.contains(&cue.as_str()) || title_case
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;

    fn quotes(text: &str) -> Vec<(String, bool)> {
        let sections: Vec<Section> = text
            .split_inclusive('\n')
            .scan(0, |pos, line| {
                let start = *pos;
                *pos += line.len();
                Some(Section {
                    kind: SectionKind::Paragraph,
                    span: start..start + line.trim_end().len(),
                })
            })
            .collect();
        let refs: Vec<&Section> = sections.iter().collect();
        find_quotes(text, &refs)
            .into_iter()
            .map(|q| (text[q.span].to_string(), q.continues))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        quotes(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            texts("“It works,” she said. He said \"yes, it does.\" Then “mixed.\""),
            ["It works,", "yes, it does.", "mixed."]
        );
    }

    #[test]
    fn british_single_quotes_but_not_apostrophes() {
        assert_eq!(
            texts("He called it ‘a victory for everyone’ in Ukraine’s ’90s style, didn’t he?"),
            ["a victory for everyone"]
        );
        assert_eq!(
            texts("It's 'a real win' for the team's fans"),
            ["a real win"]
        );
        assert!(texts("Rock ’n’ roll in the ’90s isn’t quoted").is_empty());
    }

    #[test]
    fn nested_quotes_give_one_outer_quote() {
        assert_eq!(
            texts("“He told me ‘never again’ and left,” she said."),
            ["He told me ‘never again’ and left,"]
        );
        assert_eq!(
            texts("‘He told me “never again” and left,’ she said."),
            ["He told me “never again” and left,"]
        );
    }

    #[test]
    fn quote_over_several_paragraphs() {
        let q = quotes("She said: “The first part goes on\n“and the second part ends here.”\n");
        assert_eq!(
            q,
            [
                ("The first part goes on".to_string(), false),
                ("and the second part ends here.".to_string(), true)
            ]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        assert_eq!(texts("He said “this never closes"), ["this never closes"]);
        assert!(texts("a stray ” closer and ’ and \" here").is_empty());
        let marks = "”“”“‘’'\"'";
        assert!(texts(marks).is_empty());
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        assert!(texts("the so-called “peace plan” failed").is_empty());
        assert!(texts("the film “The Long Night” opened").is_empty());
        assert_eq!(
            texts("he said it was “so important” to him"),
            ["so important"]
        );
    }
}
