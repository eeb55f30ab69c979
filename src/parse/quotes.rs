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
/// than someone's words: "the so-called “deal”", "the novel “Low Tide”".
const SCARE_CUES: &[&str] = &[
    "so-called",
    "dubbed",
    "called",
    "calls",
    "call",
    "nicknamed",
    "known",
    "labeled",
    "labelled",
    "branded",
    "billed",
    "termed",
    "titled",
    "entitled",
    "named",
    "word",
    "words",
    "term",
    "phrase",
    "slogan",
    "motto",
    "as",
    "book",
    "novel",
    "memoir",
    "film",
    "movie",
    "show",
    "series",
    "programme",
    "program",
    "album",
    "song",
    "play",
    "paper",
    "headline",
    // What a sign or banner says: "a banner that read “Thank you”".
    "read",
    "reads",
    "reading",
];

/// Most words of a quoted term ("the so-called “peace plan”").
const MAX_TERM_WORDS: usize = 4;
/// Most words of a quoted title in Title Case.
const MAX_TITLE_WORDS: usize = 10;

/// Articles that make a noun of one quoted word: a “modernization”, where
/// “an imaginary enemy” may be someone's words.
const ARTICLES: &[&str] = &["a", "an"];

/// Small words a title leaves in lower case: "Beneath a Fast Outlet".
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from",
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
        let start = para.span.start;
        let starts_with_quote = opening_kind(text, &para.span).is_some();
        for (k, (span, _)) in found.iter().enumerate() {
            let continues = k == 0 && open_from_previous && starts_with_quote;
            if continues || !is_scare_quote(text, start, span) {
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
    let mut skip_to = 0;
    for (i, c) in mark_candidates(s) {
        if i < skip_to {
            continue;
        }
        let prev = s[..i].chars().next_back();
        let mut end = i + c.len_utf8();
        let mut next = s[end..].chars().next();
        let mut mark = classify(prev, c, next);
        // Two single marks stand for a double one: ‘’So …’’ or ''So …''.
        if let Some(second) = next.filter(|&n| is_single(c) && is_single(n)) {
            end += second.len_utf8();
            next = s[end..].chars().next();
            mark = classify(prev, '"', next);
            skip_to = end;
        }
        match mark {
            Some(Mark::Open(kind)) => stack.push((kind, end)),
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

fn is_single(c: char) -> bool {
    matches!(c, '‘' | '’' | '\'')
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
    // A straight mark right after another mark closes when no word follows:
    // `here,'" she said` ends the inner quote, then the outer one.
    let closes_nest = !after_word && prev.is_some_and(|p| "'’\"”".contains(p));
    match c {
        '“' | '«' | '„' => Some(Mark::Open(Kind::Double)),
        '”' | '»' => Some(Mark::Close(Kind::Double)),
        '"' if closes_nest && prev != Some('"') => Some(Mark::Close(Kind::Double)),
        '\'' if closes_nest && prev != Some('\'') => Some(Mark::Close(Kind::Single)),
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
/// a name or title in Title Case inside a sentence ("the BBC show
/// “Countryfile,”", "Hector “Flaco” Reyes"). A quote in Title Case that
/// opens its sentence is taken for a title only with no punctuation of
/// speech: “That’s Keisha,” he said.
fn is_scare_quote(text: &str, para_start: usize, span: &Span) -> bool {
    let inner = &text[span.clone()];
    // A title may be longer than a term, but not by much.
    let words: Vec<&str> = inner.split_whitespace().take(MAX_TITLE_WORDS + 1).collect();
    if words.len() > MAX_TITLE_WORDS {
        return false;
    }
    let short = words.len() <= MAX_TERM_WORDS;
    let before = text[para_start..span.start]
        .trim_end()
        .trim_end_matches(['“', '"', '‘', '\'', '«', '„'])
        .trim_end();
    let opens_sentence = before.is_empty() || before.ends_with(['.', '!', '?', ':', '”', '"']);
    let cue = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '—', '–'])
        .to_lowercase();
    // "the Nook", "the Long Way Round": a name may open with a lowercase
    // article.
    let named_thing = words.len() >= 2 && words[0] == "the";
    let title_case = words.iter().enumerate().all(|(k, w)| {
        w.starts_with(char::is_uppercase)
            || (k > 0 && TITLE_SMALL_WORDS.contains(w))
            || (k == 0 && named_thing)
    });
    let exclaims = inner.ends_with(['!', '?']);
    let named = if opens_sentence {
        words.len() >= 2 && !inner.ends_with(['.', ',', '!', '?'])
    } else {
        !exclaims
    };
    (short && SCARE_CUES.contains(&cue.as_str()))
        || (words.len() == 1 && ARTICLES.contains(&cue.as_str()))
        || (title_case && named)
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
    fn straight_marks_close_a_nest_in_either_order() {
        assert_eq!(
            texts("\"Then he said, 'We're still here,'\" she recalled. \"That was all.\""),
            ["Then he said, 'We're still here,'", "That was all."]
        );
        assert_eq!(
            texts("'Then he said, \"never again,\"' she recalled, 'and left.'"),
            ["Then he said, \"never again,\"", "and left."]
        );
    }

    #[test]
    fn doubled_single_marks_are_a_double_mark() {
        assert_eq!(
            texts("‘’We will build it,’’ Okoro said. ''It is ready,'' she said."),
            ["We will build it,", "It is ready,"]
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
        assert!(texts("her first novel, “The Wet Season,” sold well").is_empty());
        assert!(texts("a study, “Sleep Loss in a Small Town,” found").is_empty());
        assert!(texts("She sang on the radio show “Morningside,” once").is_empty());
        assert!(texts("Ana “Red” Lopes won on what locals call “the Hill.”").is_empty());
        assert!(texts("the council called it a “modernization” again").is_empty());
        assert!(texts("fans call the bleachers “the Zoo,” fondly").is_empty());
        assert!(texts("a sign that read “Welcome home, Ida.”").is_empty());
        assert_eq!(texts("he saw it as an “old enemy.”"), ["old enemy."]);
        assert_eq!(
            texts("“That’s Ana,” he said. He shouted “Go!” and ran."),
            ["That’s Ana,", "Go!"]
        );
        assert_eq!(
            texts("he said it was “so important” to him"),
            ["so important"]
        );
    }
}
