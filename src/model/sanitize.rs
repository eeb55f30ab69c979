//! Make article text safe to show in a terminal.
//!
//! Controls never reach the terminal raw: each is replaced in the document
//! text by a visible stand-in (`^[` for ESC, `<U+202E>` for bidi overrides),
//! the way `less` shows them. Doing it here, before parsing, keeps every later
//! byte offset valid for display.

use crate::model::Span;

const TAB_STOP: usize = 4;

/// Returns the cleaned text and the spans of the stand-ins it inserted.
pub fn sanitize(raw: &str) -> (String, Vec<Span>) {
    if !may_need_placeholders(raw.as_bytes()) {
        return (raw.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(raw.len());
    let mut placeholders = Vec::new();
    let mut column = 0;
    for c in raw.chars() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => {
                let pad = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
                continue;
            }
            _ => {}
        }
        match placeholder(c) {
            Some(stand_in) => {
                let start = out.len();
                out.push_str(&stand_in);
                placeholders.push(start..out.len());
                column += stand_in.len();
            }
            None => {
                out.push(c);
                column += 1;
            }
        }
    }
    (out, placeholders)
}

/// The visible stand-in for a character that must not reach a terminal.
fn placeholder(c: char) -> Option<String> {
    let code = c as u32;
    match code {
        // C0 controls (caret notation) and DEL
        0x00..=0x1f => Some(format!("^{}", char::from_u32(code + 0x40)?)),
        0x7f => Some("^?".to_string()),
        _ if is_hidden_control(c) => Some(format!("<U+{code:04X}>")),
        _ => None,
    }
}

/// A fast byte scan that is true for any text holding a tab, a control or a
/// hidden formatting character (and for a few harmless ones, which the
/// exact pass then leaves as they are).
fn may_need_placeholders(bytes: &[u8]) -> bool {
    // Chunks of printable ASCII and newlines, nearly all of a text, are
    // passed over whole: the test of a chunk has no early exit, so it
    // compiles to vector code.
    const CHUNK: usize = 32;
    let plain = |b: u8| (b' '..0x7f).contains(&b) || b == b'\n';
    (0..bytes.len()).step_by(CHUNK).any(|from| {
        let chunk = &bytes[from..(from + CHUNK).min(bytes.len())];
        let all_plain = chunk.iter().fold(true, |ok, &b| ok & plain(b));
        !all_plain && (from..from + chunk.len()).any(|i| needs_placeholder_at(bytes, i))
    })
}

/// Whether the byte at `i` starts a character that may need a stand-in.
fn needs_placeholder_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => (0x80..=0x9f).contains(&next(1)),
        0xd8 => next(1) == 0x9c,
        0xe2 => match next(1) {
            0x80 => matches!(next(2), 0x8e | 0x8f | 0xaa..=0xae),
            0x81 => (0xa6..=0xa9).contains(&next(2)),
            _ => false,
        },
        _ => false,
    }
}

/// C1 controls, bidi controls and other invisible formatting characters that
/// could reorder or hide text on screen.
fn is_hidden_control(c: char) -> bool {
    matches!(c as u32,
        0x80..=0x9f
        | 0x061c
        | 0x200e..=0x200f
        | 0x202a..=0x202e
        | 0x2066..=0x2069)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_caret_notation() {
        let (text, spans) = sanitize("a\x1b[31mred\x07");
        assert_eq!(text, "a^[[31mred^G");
        assert_eq!(spans, vec![1..3, 10..12]);
    }

    #[test]
    fn bidi_and_c1_controls_become_code_points() {
        let (text, spans) = sanitize("x\u{202e}y\u{9b}z");
        assert_eq!(text, "x<U+202E>y<U+009B>z");
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[0].clone()], "<U+202E>");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        let (text, spans) = sanitize("ab\tc\n\td");
        assert_eq!(text, "ab  c\n    d");
        assert!(spans.is_empty());
    }

    #[test]
    fn a_control_as_the_last_byte_is_replaced() {
        assert_eq!(sanitize("end\x1b").0, "end^[");
        assert_eq!(sanitize("\x07").0, "^G");
    }

    #[test]
    fn ordinary_unicode_is_untouched() {
        let raw = "Zelenskyy’s “deal” — 北京 🙂 e\u{301}";
        assert_eq!(sanitize(raw).0, raw);
    }
}
