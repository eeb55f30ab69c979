//! Sentence boundaries inside a section.

use crate::model::Span;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "inc", "corp", "ltd", "co", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "rev", "hon", "pres", "adm",
    "maj", "cmdr", "supt", "det", "insp", "messrs", "approx", "dept", "est",
];

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '«'];

/// Split `span` of `text` into sentences, trimmed of surrounding space.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let ellipses = s.contains('…');
    while let Some((i, c)) = next_terminator(s, pos, ellipses) {
        // Further terminators and closing marks belong to this one.
        let mut end = i + c.len_utf8();
        while let Some(d) = s[end..].chars().next()
            && (matches!(d, '.' | '!' | '?') || CLOSERS.contains(&d))
        {
            end += d.len_utf8();
        }
        pos = end;
        if c == '.' && is_abbreviation(&s[start..i]) {
            continue;
        }
        if starts_new_sentence(&s[end..]) {
            push_trimmed(&mut out, s, start..end, span.start);
            start = end;
        }
    }
    push_trimmed(&mut out, s, start..s.len(), span.start);
    out
}

/// The next '.', '!', '?' or '…' at or after `pos`, found by bytes: only
/// the lead byte of '…' (0xe2) needs a decode, and a text without any
/// `ellipses` is searched with vector code.
fn next_terminator(s: &str, mut pos: usize, ellipses: bool) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    if !ellipses {
        let i = pos + crate::bytes::find3(b'.', b'!', b'?', &bytes[pos..])?;
        return Some((i, char::from(bytes[i])));
    }
    loop {
        let i = pos
            + bytes[pos..]
                .iter()
                .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xe2))?;
        let c = s[i..].chars().next()?;
        if matches!(c, '.' | '!' | '?' | '…') {
            return Some((i, c));
        }
        pos = i + c.len_utf8();
    }
}

/// The word before a period is a known abbreviation, an initial ("J.") or
/// dotted ("U.S").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    // Every abbreviation is short: the list is read only for short words.
    let listed = || word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    single_capital || word.contains('.') || listed()
}

fn starts_new_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return rest.is_empty();
    }
    trimmed
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || OPENERS.contains(&c))
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, range: Span, offset: usize) {
    let piece = &s[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(offset + range.start + lead..offset + range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_at_terminal_punctuation() {
        assert_eq!(
            split("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_dotted_names() {
        assert_eq!(
            split("Sen. Smith met Dr. J. Doe in the U.S. State Department on Feb. 24. Then left."),
            [
                "Sen. Smith met Dr. J. Doe in the U.S. State Department on Feb. 24.",
                "Then left."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“It is over.” She left. He said “no.” Then"),
            ["“It is over.”", "She left.", "He said “no.”", "Then"]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("It cost 3.5 million. and more"),
            ["It cost 3.5 million. and more"]
        );
    }

    #[test]
    fn abbreviations_are_short() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6));
        assert_eq!(
            split("Messrs. Lee and Kim. Approx. ten."),
            ["Messrs. Lee and Kim.", "Approx. ten."]
        );
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let text = "xx A b. C d.";
        let spans = split_sentences(text, 3..text.len());
        assert_eq!(spans, vec![3..7, 8..12]);
    }
}
