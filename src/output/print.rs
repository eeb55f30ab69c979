//! `--print`: the annotated article as text, for a pager or a pipe. With
//! color (stdout a terminal, no NO_COLOR) the title and headings are bold
//! and every quote has its speaker's color in the theme of the settings, as
//! in the reader; without, the text is printed as it is. The entity list
//! follows the text.

use std::fmt::Write;

use ratatui::style::Color;

use crate::model::{Document, EntityKind, SectionKind};
use crate::reader::index::Index;
use crate::view::theme::Theme;

const RESET: &str = "\x1b[0m";

/// The article and its entity list, colored if the theme has color.
pub fn annotate(doc: &Document, theme: Theme) -> String {
    let color = theme.color;
    let index = Index::build(doc);
    let mut out = if color {
        colored_text(doc, &index, theme)
    } else {
        marked_text(doc)
    };
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    for kind in EntityKind::ALL {
        let ids = doc.entities_of(kind);
        if ids.is_empty() {
            continue;
        }
        let head = format!("{} ({})", kind.label(), ids.len());
        if color {
            let _ = write!(out, "\n\x1b[1m{head}{RESET}\n");
        } else {
            let _ = write!(out, "\n{head}\n");
        }
        for id in ids {
            let e = &doc.entities[id];
            let name = match (color, speaker_sgr(&index, theme, id)) {
                (true, Some(sgr)) => format!("{sgr}{}{RESET}", e.name),
                _ => e.name.clone(),
            };
            let mut line = format!("  {name}");
            if let Some(role) = &e.role {
                let _ = write!(line, " ({role})");
            }
            let n = e.mentions.len();
            let _ = write!(line, ": {n} mention{}", if n == 1 { "" } else { "s" });
            // The index counted them in one pass; asking the document per
            // entity would cost entities x quotes.
            let q = index.quote_counts.get(id).copied().unwrap_or(0);
            if q > 0 {
                let _ = write!(line, ", {q} quote{}", if q == 1 { "" } else { "s" });
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Lines longer than `width` columns broken at spaces (color sequences
/// take no room), as a pager shows them best.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if textwrap::core::display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        out.push_str(&textwrap::fill(body, width.max(1)));
        out.push_str(newline);
    }
    out
}

/// The SGR sequence of a speaker's color, if they have quotes and the
/// settings color quotes by speaker.
fn speaker_sgr(index: &Index, theme: Theme, id: usize) -> Option<String> {
    let slot = index.speaker_color.get(id).copied().flatten()?;
    if !theme.colors_quotes() {
        return None;
    }
    match theme.speaker_color(slot) {
        Color::Indexed(n) => Some(format!("\x1b[38;5;{n}m")),
        _ => None,
    }
}

/// The plain text with each attributed quote's speaker in brackets right
/// after its closing mark (`“…,” [Ada Okafor] she said`), so a pipe keeps
/// who said what; a guessed speaker has a question mark (`[Ada Okafor?]`).
fn marked_text(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.text.len() + doc.quotes.len() * 16);
    let mut from = 0;
    for q in &doc.quotes {
        let Some(e) = q.speaker.and_then(|id| doc.entities.get(id)) else {
            continue;
        };
        let end = closing_mark_end(&doc.text, q.span.end);
        if end < from || !doc.text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&doc.text[from..end]);
        let doubt = if q.attribution.is_sure() { "" } else { "?" };
        let _ = write!(out, " [{}{doubt}]", e.name);
        from = end;
    }
    out.push_str(&doc.text[from..]);
    out
}

/// The end of the closing quotation mark (and a nested one) right after a
/// quote's words, or the words' end when there is none.
fn closing_mark_end(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or("");
    let marks: usize = rest
        .chars()
        .take(2)
        .take_while(|c| matches!(c, '"' | '”' | '’' | '\'' | '»'))
        .map(char::len_utf8)
        .sum();
    end + marks
}

/// The text with SGR sequences at the edges of titles, headings and
/// quotes. The sanitized text holds no escape characters of its own.
fn colored_text(doc: &Document, index: &Index, theme: Theme) -> String {
    let mut cuts: Vec<usize> = vec![0, doc.text.len()];
    for s in &doc.sections {
        cuts.extend([s.span.start, s.span.end]);
    }
    for q in &doc.quotes {
        cuts.extend([q.span.start, q.span.end]);
    }
    cuts.retain(|&c| c <= doc.text.len() && doc.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(doc.text.len() * 11 / 10);
    let mut current = String::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut sgr = String::new();
        let section = doc
            .sections
            .partition_point(|s| s.span.start <= a)
            .checked_sub(1)
            .map(|i| &doc.sections[i])
            .filter(|s| a < s.span.end);
        if section.is_some_and(|s| matches!(s.kind, SectionKind::Title | SectionKind::Heading)) {
            sgr.push_str("\x1b[1m");
        }
        let quote = doc
            .quotes
            .partition_point(|q| q.span.start <= a)
            .checked_sub(1)
            .map(|i| &doc.quotes[i])
            .filter(|q| a < q.span.end);
        if let Some(q) = quote {
            match q.speaker.and_then(|id| speaker_sgr(index, theme, id)) {
                Some(c) => {
                    sgr.push_str(&c);
                    if !q.attribution.is_sure() {
                        sgr.push_str("\x1b[3m");
                    }
                }
                None => sgr.push_str("\x1b[3m"),
            }
        }
        if sgr != current {
            out.push_str(RESET);
            out.push_str(&sgr);
            current = sgr;
        }
        out.push_str(&doc.text[a..b]);
    }
    if !current.is_empty() {
        out.push_str(RESET);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_output_is_the_text_then_the_entities() {
        let doc = crate::testutil::bundled();
        let out = annotate(&doc, Theme::new(false));
        assert!(!out.contains('\x1b'));
        let putin = doc.entities.iter().position(|e| e.name == "Vladimir Putin");
        let marks = doc.quotes.iter().filter(|q| q.speaker == putin).count();
        assert!(marks > 0);
        let tag = "” [Vladimir Putin]";
        assert_eq!(out.matches(tag).count(), marks, "{out}");
        let unmarked = out
            .replace(" [Vladimir Putin]", "")
            .replace(" [Vladimir Putin?]", "");
        assert!(unmarked.starts_with(doc.title().unwrap()));
        assert!(out.contains("\nPeople ("));
        assert!(out.contains("\n  Vladimir Putin"), "{out}");
    }

    #[test]
    fn colored_output_colors_quotes_by_speaker() {
        let doc = crate::testutil::doc_with_people();
        let out = annotate(&doc, Theme::new(true));
        let index = Index::build(&doc);
        let anna = speaker_sgr(&index, Theme::new(true), 0).unwrap();
        assert!(out.contains(&format!("{anna}yes{RESET}")), "{out:?}");
        assert!(out.contains("\x1b[1mTitle"), "{out:?}");
        // Without the codes, the text is unchanged.
        let stripped = strip(&out);
        assert!(stripped.starts_with(&doc.text), "{stripped:?}");
    }

    #[test]
    fn colored_output_follows_the_theme_of_the_settings() {
        use crate::reader::look::{Look, Palette};
        let doc = crate::testutil::doc_with_people();
        let with = |palette, quote_colors| {
            annotate(
                &doc,
                Theme::with_look(
                    true,
                    Look {
                        palette,
                        quote_colors,
                    },
                ),
            )
        };
        let dark = with(Palette::Dark, true);
        let light = with(Palette::Light, true);
        assert_ne!(dark, light, "light has its own speaker colors");
        assert_eq!(strip(&dark), strip(&light));
        let plain_quotes = with(Palette::Dark, false);
        assert!(!plain_quotes.contains("\x1b[38;5;"), "{plain_quotes:?}");
        assert!(
            plain_quotes.contains("\x1b[3myes"),
            "quotes in italics: {plain_quotes:?}"
        );
    }

    #[test]
    fn wrapping_breaks_long_lines_at_spaces_and_ignores_colors() {
        let doc = crate::testutil::doc_with_people();
        for color in [false, true] {
            let out = annotate(&doc, Theme::new(color));
            let wrapped = wrap(&out, 12);
            for line in strip(&wrapped).lines() {
                assert!(
                    line.chars().count() <= 12 || !line.contains(' '),
                    "{line:?}"
                );
            }
            let words = |s: &str| strip(s).split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(words(&wrapped), words(&out), "nothing lost");
        }
        assert_eq!(wrap("short\n\nlines\n", 40), "short\n\nlines\n");
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut esc = false;
        for c in s.chars() {
            match (esc, c) {
                (false, '\x1b') => esc = true,
                (true, 'm') => esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }
}
