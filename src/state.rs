//! The reader's state and the one function that changes it.
//!
//! Input events become [`Action`]s (see `keymap`), [`update`] applies them to
//! the [`State`] without touching the terminal, and the view draws the state.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthChar;

use crate::document::{Document, EntityId, EntityKind, Span};
use crate::index::{Index, Row};
use crate::layout::{Areas, LineTable};

/// Lines moved by one notch of the mouse wheel.
const WHEEL_LINES: usize = 3;
/// Line tables of earlier widths kept.
const WRAP_CACHE: usize = 2;

/// Everything the reader can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// The terminal has this many columns and rows.
    Resize(u16, u16),
    /// Line down in the text, next entry in the sidebar.
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    NextGroup,
    PrevGroup,
    /// Enter: jump to the selected sidebar entry.
    Activate,
    /// Next search hit, or next mention of the selected entity.
    NextMatch,
    PrevMatch,
    NextQuote,
    PrevQuote,
    /// Several articles: handled by the library, not by one article.
    NextArticle,
    PrevArticle,
    ToggleArticles,
    CycleSpeaker,
    NextSection,
    PrevSection,
    ToggleSidebar,
    ToggleKinds,
    ToggleHelp,
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    /// Esc: close help, clear the search, or clear the selection.
    Cancel,
    /// Mouse wheel at a screen position; `down` scrolls forward.
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Click {
        x: u16,
        y: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    Sidebar,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Search {
    #[default]
    Off,
    /// The query being typed.
    Typing(String),
    /// A confirmed query and its hits (sorted, non-overlapping).
    Active {
        query: String,
        hits: Vec<Span>,
        current: Option<usize>,
    },
}

#[derive(Debug, Clone)]
pub struct State {
    pub doc: Document,
    /// Shown in the status line.
    pub name: String,
    pub index: Index,
    /// False under NO_COLOR: draw with modifiers only.
    pub color: bool,
    pub width: u16,
    pub height: u16,
    pub areas: Areas,
    pub lines: LineTable,
    /// Tables of earlier widths, so resizing back and forth wraps once.
    pub wrap_cache: Vec<LineTable>,
    /// First visible line.
    pub top: usize,
    /// Byte offset of the reading position (the top line), kept across
    /// re-wraps.
    pub anchor: usize,
    pub focus: Focus,
    /// Index into `index.selectable`: the sidebar cursor.
    pub cursor: usize,
    /// The cursor's entry is selected: its mentions are highlighted.
    pub active: bool,
    /// First visible sidebar row.
    pub sidebar_top: usize,
    /// Current mention (index into the selected entity's mentions).
    pub mention: Option<usize>,
    /// Current quote (index into `doc.quotes`).
    pub quote: Option<usize>,
    pub search: Search,
    pub help: bool,
    /// Style mentions of all entities subtly by kind.
    pub show_kinds: bool,
    /// A narrow terminal shows the sidebar overlay.
    pub overlay_open: bool,
    pub quit: bool,
    /// Palette and highlights from the settings.
    pub look: crate::view::theme::Look,
    /// The widest the text column gets.
    pub reading_width: u16,
}

impl State {
    pub fn new(doc: Document, name: impl Into<String>) -> State {
        let index = Index::build(&doc);
        State {
            doc,
            name: name.into(),
            index,
            color: true,
            width: 0,
            height: 0,
            areas: Areas::compute(0, 0, false),
            lines: LineTable::default(),
            wrap_cache: Vec::new(),
            top: 0,
            anchor: 0,
            focus: Focus::Text,
            cursor: 0,
            active: false,
            sidebar_top: 0,
            mention: None,
            quote: None,
            search: Search::Off,
            help: false,
            show_kinds: true,
            overlay_open: false,
            quit: false,
            look: crate::view::theme::Look::default(),
            reading_width: crate::layout::MAX_TEXT_WIDTH,
        }
    }

    /// Rows of text visible at once.
    pub fn text_height(&self) -> usize {
        if self.areas.too_small {
            0
        } else {
            usize::from(self.areas.text.height)
        }
    }

    pub fn max_top(&self) -> usize {
        self.lines.len().saturating_sub(self.text_height())
    }

    /// The sidebar list area, when the sidebar is shown.
    pub fn sidebar_list(&self) -> Option<Rect> {
        let r = self.areas.sidebar?;
        Some(sidebar_list_area(r, self.areas.overlay))
    }

    fn sidebar_height(&self) -> usize {
        // Keep the cursor logic working while the overlay is closed.
        let r = self.areas.sidebar.unwrap_or_else(|| {
            Areas::compute_with(self.width, self.height, true, self.reading_width)
                .sidebar
                .unwrap_or_default()
        });
        usize::from(sidebar_list_area(r, self.areas.overlay).height).max(1)
    }

    /// The sidebar row under the cursor.
    pub fn cursor_row(&self) -> Option<Row> {
        let &i = self.index.selectable.get(self.cursor)?;
        self.index.rows.get(i).copied()
    }

    /// The selected entity, when the selection is active.
    pub fn selected_entity(&self) -> Option<EntityId> {
        match (self.active, self.cursor_row()) {
            (true, Some(Row::Entity(id))) => Some(id),
            _ => None,
        }
    }

    /// The selected person, if they have quotes.
    pub fn selected_speaker(&self) -> Option<EntityId> {
        self.selected_entity().filter(|&id| {
            self.index
                .speaker_color
                .get(id)
                .copied()
                .flatten()
                .is_some()
        })
    }

    /// What the keyboard is doing.
    pub fn mode(&self) -> crate::keymap::Mode {
        use crate::keymap::Mode;
        if self.help {
            Mode::Help
        } else if matches!(self.search, Search::Typing(_)) {
            Mode::Search
        } else {
            Mode::Normal
        }
    }

    /// Reading position in percent.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.top.min(max) * 100).checked_div(max).unwrap_or(100)
    }

    /// The heading the reading position is under, if the article has any.
    pub fn current_heading(&self) -> Option<usize> {
        let pos = self.anchor;
        let hs = &self.index.headings;
        let n = hs.partition_point(|&h| self.doc.sections[h].span.start <= pos);
        n.checked_sub(1).map(|i| hs[i])
    }

    /// Byte offset in the text under a screen cell, if the cell shows text.
    pub fn byte_at(&self, x: u16, y: u16) -> Option<usize> {
        let t = self.areas.text;
        if self.areas.too_small || !t.contains(Position::new(x, y)) {
            return None;
        }
        let line = self.lines.lines.get(self.top + usize::from(y - t.y))?;
        line.section?;
        let mut col = usize::from(x - t.x);
        for (i, c) in self.doc.text[line.span.clone()].char_indices() {
            let w = c.width().unwrap_or(0);
            if col < w {
                return Some(line.span.start + i);
            }
            col -= w;
        }
        None
    }
}

/// The list part of the sidebar: inside the overlay's border, or right of
/// the gap left of the side-by-side sidebar (the scrollbar is the rule).
pub fn sidebar_list_area(r: Rect, overlay: bool) -> Rect {
    if overlay {
        Rect::new(
            r.x.saturating_add(1),
            r.y.saturating_add(1),
            r.width.saturating_sub(2),
            r.height.saturating_sub(2),
        )
    } else {
        Rect::new(
            r.x.saturating_add(1),
            r.y,
            r.width.saturating_sub(1),
            r.height,
        )
    }
}

/// Apply one action.
pub fn update(state: &mut State, action: Action) {
    match action {
        Action::Quit => state.quit = true,
        Action::Resize(w, h) => resize(state, w, h),
        Action::Down => move_or_scroll(state, 1, true),
        Action::Up => move_or_scroll(state, 1, false),
        Action::PageDown => {
            let n = page(state);
            move_or_scroll(state, n, true)
        }
        Action::PageUp => {
            let n = page(state);
            move_or_scroll(state, n, false)
        }
        Action::HalfPageDown => {
            let n = (page(state) / 2).max(1);
            move_or_scroll(state, n, true)
        }
        Action::HalfPageUp => {
            let n = (page(state) / 2).max(1);
            move_or_scroll(state, n, false)
        }
        Action::Top => move_or_scroll(state, usize::MAX, false),
        Action::Bottom => move_or_scroll(state, usize::MAX, true),
        Action::FocusNext | Action::FocusPrev => {
            let to = match state.focus {
                Focus::Text => Focus::Sidebar,
                Focus::Sidebar => Focus::Text,
            };
            set_focus(state, to);
        }
        Action::NextGroup => switch_group(state, true),
        Action::PrevGroup => switch_group(state, false),
        Action::Activate => activate(state),
        Action::NextMatch => step_match(state, true),
        Action::PrevMatch => step_match(state, false),
        Action::NextQuote => step_quote(state, true),
        Action::PrevQuote => step_quote(state, false),
        Action::NextArticle | Action::PrevArticle | Action::ToggleArticles => {}
        Action::CycleSpeaker => cycle_speaker(state),
        Action::NextSection => step_section(state, true),
        Action::PrevSection => step_section(state, false),
        Action::ToggleSidebar => {
            if state.areas.overlay {
                let open = !state.overlay_open;
                set_focus(state, if open { Focus::Sidebar } else { Focus::Text });
            }
        }
        Action::ToggleKinds => state.show_kinds = !state.show_kinds,
        Action::ToggleHelp => state.help = !state.help,
        Action::SearchStart => state.search = Search::Typing(String::new()),
        Action::SearchInput(c) => {
            if let Search::Typing(q) = &mut state.search
                && !c.is_control()
            {
                q.push(c);
            }
        }
        Action::SearchBackspace => {
            if let Search::Typing(q) = &mut state.search {
                q.pop();
            }
        }
        Action::SearchConfirm => confirm_search(state),
        Action::Cancel => cancel(state),
        Action::Wheel { x, y, down } => wheel(state, x, y, down),
        Action::Click { x, y } => click(state, x, y),
    }
}

fn resize(state: &mut State, w: u16, h: u16) {
    state.width = w;
    state.height = h;
    state.areas = Areas::compute_with(w, h, state.overlay_open, state.reading_width);
    if !state.areas.overlay {
        state.overlay_open = false;
    } else if state.focus == Focus::Sidebar && !state.overlay_open {
        state.focus = Focus::Text;
    }
    if !state.areas.too_small && state.areas.text.width != state.lines.width {
        let width = state.areas.text.width;
        let table = match state.wrap_cache.iter().position(|t| t.width == width) {
            Some(i) => state.wrap_cache.swap_remove(i),
            None => LineTable::wrap(&state.doc, width),
        };
        let old = std::mem::replace(&mut state.lines, table);
        if !old.is_empty() {
            state.wrap_cache.insert(0, old);
            state.wrap_cache.truncate(WRAP_CACHE);
        }
        state.top = state.lines.line_at(state.anchor);
    }
    // Clamp without moving the anchor: a resize alone keeps the reading
    // position, so growing and shrinking again returns to the same place.
    state.top = state.top.min(state.max_top());
    keep_cursor_visible(state);
}

fn page(state: &State) -> usize {
    let h = match state.focus {
        Focus::Text => state.text_height(),
        Focus::Sidebar => state.sidebar_height(),
    };
    h.saturating_sub(1).max(1)
}

fn move_or_scroll(state: &mut State, n: usize, down: bool) {
    match state.focus {
        Focus::Text => scroll(state, n, down),
        Focus::Sidebar => {
            let last = state.index.selectable.len().saturating_sub(1);
            let c = if down {
                state.cursor.saturating_add(n).min(last)
            } else {
                state.cursor.saturating_sub(n)
            };
            select(state, c);
        }
    }
}

fn scroll(state: &mut State, n: usize, down: bool) {
    let top = if down {
        state.top.saturating_add(n)
    } else {
        state.top.saturating_sub(n)
    };
    set_top(state, top);
}

/// Set the first visible line (clamped) and remember its byte offset.
fn set_top(state: &mut State, top: usize) {
    state.top = top.min(state.max_top());
    if let Some(l) = state.lines.lines.get(state.top)
        && state.lines.line_at(state.anchor) != state.top
    {
        state.anchor = l.span.start;
    }
}

/// Scroll so that a byte range is on screen (a third of the way down when
/// it was not).
fn reveal(state: &mut State, span: &Range<usize>) {
    if state.lines.is_empty() {
        state.anchor = span.start;
        return;
    }
    let lines = state.lines.lines_of(span);
    let h = state.text_height().max(1);
    if lines.start < state.top || lines.end > state.top + h {
        let top = lines.start.saturating_sub(h / 3);
        state.top = top.min(state.max_top());
        state.anchor = state.lines.lines[state.top].span.start;
    }
}

/// Scroll so that a byte offset is on the top line.
fn jump_to(state: &mut State, pos: usize) {
    state.anchor = pos;
    if !state.lines.is_empty() {
        state.top = state.lines.line_at(pos).min(state.max_top());
    }
}

fn set_focus(state: &mut State, to: Focus) {
    state.focus = to;
    if to == Focus::Sidebar {
        state.active = !state.index.selectable.is_empty();
    }
    if state.areas.overlay {
        state.overlay_open = to == Focus::Sidebar;
        state.areas = Areas::compute_with(
            state.width,
            state.height,
            state.overlay_open,
            state.reading_width,
        );
    }
    keep_cursor_visible(state);
}

fn select(state: &mut State, cursor: usize) {
    if state.index.selectable.is_empty() {
        return;
    }
    let cursor = cursor.min(state.index.selectable.len() - 1);
    if cursor != state.cursor || !state.active {
        state.mention = None;
    }
    state.cursor = cursor;
    state.active = true;
    keep_cursor_visible(state);
}

fn keep_cursor_visible(state: &mut State) {
    let h = state.sidebar_height();
    let Some(&row) = state.index.selectable.get(state.cursor) else {
        state.sidebar_top = 0;
        return;
    };
    if state.cursor == 0 {
        state.sidebar_top = 0;
    } else if row < state.sidebar_top {
        // Show the group title too when the entry is the first of its group.
        let header = row > 0 && matches!(state.index.rows[row - 1], Row::Header(_));
        state.sidebar_top = if header { row - 1 } else { row };
    } else if row >= state.sidebar_top + h {
        state.sidebar_top = row + 1 - h;
    }
    let max = state.index.rows.len().saturating_sub(h);
    state.sidebar_top = state.sidebar_top.min(max);
}

fn switch_group(state: &mut State, forward: bool) {
    if state.focus != Focus::Sidebar || state.index.selectable.is_empty() {
        return;
    }
    let rows = &state.index.rows;
    let cur = state.index.selectable[state.cursor];
    // First selectable row of each group that has one.
    let firsts: Vec<usize> = state
        .index
        .group_rows
        .iter()
        .filter_map(|&h| {
            let first = h + 1;
            rows.get(first).filter(|r| r.selectable()).map(|_| first)
        })
        .collect();
    let group_of = |row: usize| firsts.iter().rposition(|&f| f <= row).unwrap_or(0);
    let g = group_of(cur);
    let target = if forward {
        firsts.get(g + 1).copied()
    } else if cur > firsts[g] {
        Some(firsts[g])
    } else {
        g.checked_sub(1).map(|p| firsts[p])
    };
    if let Some(row) = target
        && let Some(c) = state.index.selectable.iter().position(|&s| s == row)
    {
        select(state, c);
    }
}

fn activate(state: &mut State) {
    if state.focus != Focus::Sidebar {
        return;
    }
    match state.cursor_row() {
        Some(Row::Heading(s)) => {
            let pos = state.doc.sections[s].span.start;
            jump_to(state, pos);
            set_focus(state, Focus::Text);
        }
        Some(Row::Entity(id)) => {
            state.active = true;
            if let Some(m) = state.doc.entities[id].mentions.first() {
                let span = m.span.clone();
                state.mention = Some(0);
                reveal(state, &span);
            }
            set_focus(state, Focus::Text);
        }
        _ => {}
    }
}

/// Index of the next (or previous) span after the current one, or after
/// (before) the reading position when there is none; wraps around.
fn step(spans: &[Span], current: Option<usize>, pos: usize, forward: bool) -> Option<usize> {
    if spans.is_empty() {
        return None;
    }
    let n = spans.len();
    Some(match (current, forward) {
        (Some(c), true) => (c + 1) % n,
        (Some(c), false) => (c + n - 1) % n,
        (None, true) => spans.partition_point(|s| s.start < pos) % n,
        (None, false) => spans
            .partition_point(|s| s.start < pos)
            .checked_sub(1)
            .unwrap_or(n - 1),
    })
}

fn step_match(state: &mut State, forward: bool) {
    let pos = state.anchor;
    if let Search::Active { hits, current, .. } = &mut state.search {
        if let Some(i) = step(hits, *current, pos, forward) {
            *current = Some(i);
            let span = hits[i].clone();
            reveal(state, &span);
        }
        return;
    }
    let Some(id) = state.selected_entity() else {
        return;
    };
    let spans: Vec<Span> = state.doc.entities[id]
        .mentions
        .iter()
        .map(|m| m.span.clone())
        .collect();
    let current = state.mention.filter(|&m| m < spans.len());
    if let Some(i) = step(&spans, current, pos, forward) {
        state.mention = Some(i);
        reveal(state, &spans[i]);
    }
}

fn step_quote(state: &mut State, forward: bool) {
    let speaker = state.selected_speaker();
    let quotes: Vec<usize> = state
        .index
        .quotes
        .iter()
        .copied()
        .filter(|&q| speaker.is_none() || state.doc.quotes[q].speaker == speaker)
        .collect();
    let spans: Vec<Span> = quotes
        .iter()
        .map(|&q| state.doc.quotes[q].span.clone())
        .collect();
    let current = state
        .quote
        .and_then(|q| quotes.iter().position(|&x| x == q));
    if let Some(i) = step(&spans, current, state.anchor, forward) {
        state.quote = Some(quotes[i]);
        reveal(state, &spans[i]);
    }
}

fn cycle_speaker(state: &mut State) {
    let speakers = &state.index.speakers;
    if speakers.is_empty() {
        return;
    }
    let next = match state.selected_speaker() {
        Some(id) => {
            let i = speakers.iter().position(|&s| s == id).unwrap_or(0);
            speakers[(i + 1) % speakers.len()]
        }
        None => speakers[0],
    };
    select_entity(state, next);
    state.quote = None;
    step_quote(state, true);
}

fn select_entity(state: &mut State, id: EntityId) {
    let row = state.index.rows.iter().position(|r| *r == Row::Entity(id));
    if let Some(c) = row.and_then(|r| state.index.selectable.iter().position(|&s| s == r)) {
        select(state, c);
    }
}

fn step_section(state: &mut State, forward: bool) {
    let targets: Vec<usize> = if state.index.headings.is_empty() {
        (0..state.doc.sections.len()).collect()
    } else {
        state.index.headings.clone()
    };
    let starts: Vec<usize> = targets
        .iter()
        .map(|&s| state.doc.sections[s].span.start)
        .collect();
    let pos = state.anchor;
    let target = if forward {
        starts.iter().copied().find(|&s| s > pos)
    } else {
        starts.iter().copied().rev().find(|&s| s < pos)
    };
    if let Some(s) = target {
        jump_to(state, s);
    }
}

fn confirm_search(state: &mut State) {
    let Search::Typing(query) = std::mem::take(&mut state.search) else {
        return;
    };
    if query.is_empty() {
        return;
    }
    let hits = find_all(&state.doc.text, &query);
    let current = step(&hits, None, state.anchor, true);
    if let Some(i) = current {
        let span = hits[i].clone();
        reveal(state, &span);
    }
    state.search = Search::Active {
        query,
        hits,
        current,
    };
}

/// Non-overlapping, ASCII case-insensitive occurrences of `query`.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let Ok(ac) = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([query])
    else {
        return Vec::new();
    };
    ac.find_iter(text).map(|m| m.start()..m.end()).collect()
}

fn cancel(state: &mut State) {
    if state.help {
        state.help = false;
    } else if state.search != Search::Off {
        state.search = Search::Off;
    } else if state.areas.overlay && state.overlay_open {
        set_focus(state, Focus::Text);
    } else {
        state.active = false;
        state.mention = None;
        state.quote = None;
    }
}

fn wheel(state: &mut State, x: u16, y: u16, down: bool) {
    let p = Position::new(x, y);
    if let Some(list) = state.sidebar_list()
        && state.areas.sidebar.is_some_and(|r| r.contains(p))
    {
        let h = usize::from(list.height).max(1);
        let max = state.index.rows.len().saturating_sub(h);
        state.sidebar_top = if down {
            (state.sidebar_top + WHEEL_LINES).min(max)
        } else {
            state.sidebar_top.saturating_sub(WHEEL_LINES)
        };
        // The cursor follows into view, so the selection stays visible.
        let visible = state.sidebar_top..state.sidebar_top + h;
        let sel = &state.index.selectable;
        if let Some(&row) = sel.get(state.cursor)
            && !visible.contains(&row)
        {
            let c = if row < visible.start {
                sel.partition_point(|&r| r < visible.start)
            } else {
                sel.partition_point(|&r| r < visible.end).saturating_sub(1)
            };
            let c = c.min(sel.len() - 1);
            if visible.contains(&sel[c]) {
                if state.active && c != state.cursor {
                    state.mention = None;
                }
                state.cursor = c;
            }
        }
        // No entry in view to move to: scroll back to the selection.
        keep_cursor_visible(state);
    } else if state.areas.article.contains(p) && !state.areas.too_small {
        scroll(state, WHEEL_LINES, down);
    }
}

fn click(state: &mut State, x: u16, y: u16) {
    let p = Position::new(x, y);
    if let Some(list) = state.sidebar_list()
        && state.areas.sidebar.is_some_and(|r| r.contains(p))
    {
        if list.contains(p) {
            let row = state.sidebar_top + usize::from(y - list.y);
            if let Some(c) = state.index.selectable.iter().position(|&s| s == row) {
                state.focus = Focus::Sidebar;
                select(state, c);
            }
        }
        return;
    }
    let Some(pos) = state.byte_at(x, y) else {
        return;
    };
    let Some(m) = state.index.mention_at(pos).cloned() else {
        return;
    };
    select_entity(state, m.entity);
    state.mention = state.doc.entities[m.entity]
        .mentions
        .iter()
        .position(|x| x.span == m.span);
}

/// The kind of an entity, for styling.
pub fn kind_of(doc: &Document, id: EntityId) -> Option<EntityKind> {
    doc.entities.get(id).map(|e| e.kind)
}

#[cfg(test)]
pub(crate) mod tests;
