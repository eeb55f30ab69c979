//! The article pane: only the visible rows of the line table, each cut into
//! styled pieces at the edges of quotes, mentions, stand-ins and search hits.

use super::cells::put_line;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use crate::model::{EntityKind, SectionKind};
use crate::reader::index::spans_in;
use crate::reader::state::{Search, State};
use crate::view::theme::Theme;

pub fn render(state: &State, theme: Theme, buf: &mut Buffer) {
    let a = state.areas;
    let t = a.text;
    let ctx = Context::new(state, theme);
    for row in 0..t.height {
        let Some(line) = state.lines.lines.get(state.top + usize::from(row)) else {
            break;
        };
        let Some(section) = line.section else {
            continue;
        };
        let y = t.y + row;
        let kind = state.doc.sections[section].kind;
        let spans = ctx.spans(line.span.clone(), base_style(theme, kind));
        put_line(buf, t.x, y, &Line::from(spans), t.width);
        // A bar in the margin marks the current quote's lines.
        if let Some(q) = ctx.current_quote.clone()
            && q.start < line.span.end.max(line.span.start + 1)
            && line.span.start < q.end
            && t.x > a.article.x
        {
            buf.set_string(t.x - 1, y, "▎", ctx.current_quote_style);
        }
    }
    let max = state.max_top();
    let mut sb = ScrollbarState::new(max)
        .position(state.top.min(max))
        .viewport_content_length(usize::from(t.height));
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .thumb_style(theme.border(state.focus == crate::reader::state::Focus::Text))
        .track_style(theme.quiet())
        .render(a.scrollbar, buf, &mut sb);
}

fn base_style(theme: Theme, kind: SectionKind) -> Style {
    match kind {
        SectionKind::Title => theme.title(),
        SectionKind::Dek => theme.dek(),
        SectionKind::Heading => theme.heading(),
        SectionKind::Paragraph => Style::new(),
        // Bylines, captions and promos read as set apart from the story.
        SectionKind::Byline | SectionKind::Caption | SectionKind::Promo => theme.quiet(),
    }
}

/// The bytes of the text shown on screen.
fn visible_bytes(state: &State) -> Range<usize> {
    let lines = &state.lines.lines;
    let shown = lines.get(state.top..(state.top + state.text_height()).min(lines.len()));
    match shown {
        Some([first, .., last]) => first.span.start..last.span.end,
        Some([only]) => only.span.clone(),
        _ => 0..0,
    }
}

/// What is selected, resolved once per frame.
struct Context<'a> {
    state: &'a State,
    theme: Theme,
    selected: Option<usize>,
    /// The selected entity, if it is a person (quiets other quotes).
    person: Option<usize>,
    selected_color: Style,
    current_mention: Option<Range<usize>>,
    current_quote: Option<Range<usize>>,
    current_quote_style: Style,
    /// Search hits on screen.
    hits: Vec<Range<usize>>,
    current_hit: Option<Range<usize>>,
}

impl<'a> Context<'a> {
    fn new(state: &'a State, theme: Theme) -> Context<'a> {
        let doc = &state.doc;
        let selected = state.selected_entity();
        let person = selected.filter(|&id| doc.entities[id].kind == EntityKind::Person);
        let slot = |id: usize| state.index.speaker_color.get(id).copied().flatten();
        let selected_color = match selected.and_then(slot) {
            Some(s) if theme.color => Style::new().fg(theme.speaker_color(s)),
            _ => Style::new(),
        };
        let current_mention = selected.and_then(|id| {
            let m = doc.entities[id].mentions.get(state.mention?)?;
            Some(m.span.clone())
        });
        let current_quote = state
            .quote
            .and_then(|q| doc.quotes.get(q))
            .map(|q| q.span.clone());
        let current_quote_style = state
            .quote
            .and_then(|q| doc.quotes.get(q))
            .and_then(|q| q.speaker)
            .and_then(slot)
            .map_or(theme.unattributed(), |s| theme.quote(s));
        let (hits, current_hit) = match &state.search {
            Search::Active { finder, found } => (
                finder.overlapping(&state.folded, &state.doc.text, visible_bytes(state)),
                found.as_ref().map(|f| f.hit.clone()),
            ),
            _ => (Vec::new(), None),
        };
        Context {
            state,
            theme,
            selected,
            person,
            selected_color,
            current_mention,
            current_quote,
            current_quote_style,
            hits,
            current_hit,
        }
    }

    /// The styled pieces of one screen line.
    fn spans(&self, range: Range<usize>, base: Style) -> Vec<Span<'a>> {
        let state = self.state;
        let doc = &state.doc;
        let theme = self.theme;
        let mentions = state.index.mentions_in(&range);
        let quotes = state.index.quotes_in(doc, &range);
        let placeholders = spans_in(&doc.placeholders, &range);
        let hits = spans_in(&self.hits, &range);

        let mut cuts = vec![range.start, range.end];
        let mut cut = |s: &Range<usize>| {
            cuts.push(s.start.clamp(range.start, range.end));
            cuts.push(s.end.clamp(range.start, range.end));
        };
        mentions.iter().for_each(|m| cut(&m.span));
        quotes.iter().for_each(|&q| cut(&doc.quotes[q].span));
        placeholders.iter().for_each(&mut cut);
        hits.iter().for_each(&mut cut);
        cuts.sort_unstable();
        cuts.dedup();

        let inside = |s: &Range<usize>, at: usize| s.start <= at && at < s.end;
        let mut out = Vec::with_capacity(cuts.len());
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let mut style = base;
            if let Some(&q) = quotes.iter().find(|&&q| inside(&doc.quotes[q].span, a)) {
                style = style.patch(self.quote_style(q));
            }
            if let Some(m) = mentions.iter().find(|m| inside(&m.span, a)) {
                if Some(m.entity) == self.selected {
                    style = style
                        .patch(self.selected_color)
                        .patch(theme.selected_mention());
                    if self.current_mention.as_ref() == Some(&m.span) {
                        style = style.patch(theme.current_mention());
                    }
                } else if state.show_kinds {
                    style = style.patch(theme.kind(doc.entities[m.entity].kind));
                }
            }
            if placeholders.iter().any(|p| inside(p, a)) {
                style = style.patch(theme.placeholder());
            }
            if let Some(h) = hits.iter().find(|h| inside(h, a)) {
                style = style.patch(if self.current_hit.as_ref() == Some(h) {
                    theme.current_hit()
                } else {
                    theme.search_hit()
                });
            }
            out.push(Span::styled(&doc.text[a..b], style));
        }
        out
    }

    fn quote_style(&self, q: usize) -> Style {
        let state = self.state;
        let theme = self.theme;
        let quote = &state.doc.quotes[q];
        let speaker = quote.speaker;
        let slot = speaker.and_then(|id| state.index.speaker_color.get(id).copied().flatten());
        let own = match slot {
            Some(s) if quote.attribution.is_sure() => theme.quote(s),
            Some(s) => theme.quote(s).patch(theme.unsure()),
            None => theme.unattributed(),
        };
        match self.person {
            Some(p) if speaker == Some(p) => own.patch(theme.emphasized()),
            Some(_) => theme.quieted(),
            None => own,
        }
    }
}
