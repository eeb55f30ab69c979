//! The status line: file, reading position, section, selection or search,
//! and a short key hint from the keymap.

use super::cells::put_line;
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::reader::index::Row;
use crate::reader::keymap;
use crate::reader::search::COUNT_LIMIT;
use crate::reader::state::{Search, State};
use crate::view::theme::Theme;

/// The left part of the status line, as text.
pub fn text(state: &State) -> String {
    let doc = &state.doc;
    let mut parts = vec![state.name.clone()];
    if state.partial {
        // A percentage of a preview would jump once the whole is read.
        parts.push("reading…".to_string());
    } else {
        parts.push(format!("{}%", state.percent()));
        if state.analyzing {
            parts.push("analyzing…".to_string());
        }
    }
    if let Some(h) = state.current_heading() {
        parts.push(format!("§ {}", doc.slice(&doc.sections[h].span)));
    }
    if state.filtering {
        parts.push(format!("filter: {}█", state.filter));
    } else if !state.filter.is_empty() {
        parts.push(format!("filter: {} (Esc clears)", state.filter));
    }
    if let Some(p) = &state.prompt {
        parts.push(format!("{}{}█", p.question(), p.input));
    }
    let prompt = if state.backward { '?' } else { '/' };
    match &state.search {
        Search::Typing(q) => parts.push(format!("{prompt}{q}█")),
        Search::Active { finder, found } => {
            let query = finder.query();
            parts.push(match found {
                None => format!("{prompt}{query}: no matches"),
                Some(f) => format!(
                    "{prompt}{query}: hit {} of {}",
                    counted(f.ordinal),
                    counted(f.tally.total())
                ),
            });
        }
        Search::Off => {
            if let Some(id) = state.selected_entity() {
                let e = &doc.entities[id];
                let n = e.mentions.len();
                parts.push(match state.mention {
                    Some(k) => format!("{}: mention {} of {n}", e.name, k + 1),
                    None => format!("{}: {n} mentions", e.name),
                });
            } else if let (true, Some(Row::Heading(s))) = (state.active, state.cursor_row()) {
                parts.push(format!("→ {}", doc.slice(&doc.sections[s].span)));
            }
            if let Some(q) = state.quote.filter(|&q| q < doc.quotes.len()) {
                parts.push(quote_text(state, q));
            }
        }
    }
    if let Some(n) = state.count {
        parts.push(format!("count {n}"));
    }
    // A message answers the last key: it goes first, where it is not cut.
    if let Some(m) = &state.message {
        parts.insert(2, m.clone());
    }
    parts.join(" · ")
}

/// The current quote: its place among the quotes, its speaker and why:
/// `quote 3/12 · Ada Okafor · “she said”, pronoun, the person talked about`.
fn quote_text(state: &State, q: usize) -> String {
    let doc = &state.doc;
    let quote = &doc.quotes[q];
    let why = &quote.attribution;
    let who = match quote.speaker.and_then(|id| doc.entities.get(id)) {
        Some(e) if why.is_sure() => e.name.clone(),
        Some(e) => format!("{}?", e.name),
        None => "no speaker".to_string(),
    };
    let mut reason = String::new();
    if let Some(cue) = why
        .cue
        .as_ref()
        .filter(|c| doc.text.get((*c).clone()).is_some())
    {
        reason.push_str(&format!("“{}”, ", short_cue(doc.slice(cue))));
    }
    reason.push_str(why.rule.explain());
    format!("quote {}/{} · {who} · {reason}", q + 1, doc.quotes.len())
}

/// A long cue ("Robert Mugabe, the president who …, has claimed") cut to
/// its first words and its verb.
fn short_cue(cue: &str) -> String {
    let words: Vec<&str> = cue.split_whitespace().collect();
    if words.len() <= 6 {
        return words.join(" ");
    }
    format!("{} … {}", words[..3].join(" "), words[words.len() - 1])
}

/// A number of search hits, or "more than" the count limit.
fn counted(n: Option<usize>) -> String {
    n.map_or_else(|| format!(">{COUNT_LIMIT}"), |n| n.to_string())
}

pub fn render(state: &State, theme: Theme, buf: &mut Buffer) {
    let area = state.areas.status;
    buf.set_style(area, theme.status());
    let left = format!(" {}", text(state));
    let hint = keymap::hint(&state.keys);
    let w = usize::from(area.width);
    let mut spans = vec![Span::raw(left.clone())];
    if left.width() + hint.width() + 3 <= w {
        let pad = w - left.width() - hint.width() - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::raw(hint));
    }
    put_line(
        buf,
        area.x,
        area.y,
        &Line::from(spans).style(theme.status()),
        area.width,
    );
}
