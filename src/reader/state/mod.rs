//! The reader's state and the one function that changes it.
//!
//! Input events become [`Action`]s (see `keymap`), [`update`] applies them to
//! the [`State`] without touching the terminal, and the view draws the state.

use std::ops::Range;

use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthChar;

use crate::model::{Document, EntityId, EntityKind, Span};
use crate::reader::action::Action;
use crate::reader::corrections::Correction;
use crate::reader::index::{Index, Row};
use crate::reader::layout::{Areas, Fit, LineTable};
use crate::reader::map::MapLayout;
use crate::reader::quotes::{QuoteRow, wrap_quote};
use crate::reader::search::{Finder, Found, Haystack};
use crate::reader::timeline::Timeline;

/// The most times a count prefix repeats an action.
const MAX_REPEAT: usize = 10_000;
/// Lines moved by one notch of the mouse wheel.
const WHEEL_LINES: usize = 3;
/// Line tables of earlier widths kept.
const WRAP_CACHE: usize = 2;
/// Smallest sidebar list that makes room for the compare panel.
const COMPARE_MIN_LIST: u16 = 10;

/// What the article pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Article,
    /// The places on a world map.
    Map,
    /// Every quote, grouped by speaker.
    Quotes,
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
    /// A confirmed query and its current hit (`None`: no matches).
    Active {
        /// Boxed: a searcher is large, and most states search nothing.
        finder: Box<Finder>,
        found: Option<Found>,
    },
}

#[derive(Debug, Clone)]
pub struct State {
    pub doc: Document,
    /// The text as searches read it, made once (at the first search) so
    /// that no later keypress has to.
    pub folded: Haystack,
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
    /// The document is drawn but its analysis is still running.
    pub analyzing: bool,
    /// The text is only the start of the article (a preview of a long
    /// file); the whole is being read.
    pub partial: bool,
    /// How the article's lines are broken: chosen by the whole article's
    /// length, also while only a preview of it is read.
    pub fit: Fit,
    pub quit: bool,
    /// What the article pane shows.
    pub view: View,
    /// The mention timeline beside the scrollbar is on.
    pub timeline: bool,
    /// Quotes view: index into `index.quote_list.selectable`.
    pub quotes_cursor: usize,
    /// Quotes view: first visible row.
    pub quotes_top: usize,
    /// Lines of the selected entity's mentions, for the timeline strip.
    pub marks: Timeline,
    /// Sidebar filter: entries must match this (fuzzy).
    pub filter: String,
    /// The filter is being typed.
    pub filtering: bool,
    /// Palette and highlights from the settings.
    pub look: crate::reader::look::Look,
    /// Keys the settings gave to actions instead of their defaults.
    pub keys: Vec<(Action, Vec<crate::reader::keymap::Key>)>,
    /// The widest the text column gets.
    pub reading_width: u16,
    /// The count typed so far (`5` of `5j`).
    pub count: Option<usize>,
    /// A one-off message for the status line, gone at the next key.
    pub message: Option<String>,
    /// The side-by-side sidebar is hidden (`s`).
    pub sidebar_hidden: bool,
    /// The search being typed or shown runs backwards (`?`).
    pub backward: bool,
    /// Confirmed queries, oldest first.
    pub history: Vec<String>,
    /// The history entry the search prompt shows (Up, Down).
    pub recall: Option<usize>,
    /// The search Esc put away, for `n` to continue.
    pub stashed: Option<Search>,
    /// `y` may copy to the clipboard (the settings can forbid it).
    pub copy_allowed: bool,
    /// The reader captures the mouse (settings: `mouse`), so the terminal
    /// selects text only with Shift held.
    pub mouse_captured: bool,
    /// Text `y` copied, for the terminal to pass to the clipboard.
    pub copied: Option<String>,
    /// The reader's corrections of this article, in the order made.
    pub fixes: Vec<Correction>,
    /// The document as analyzed, before the corrections.
    pub pristine: Option<Box<Document>>,
    /// The corrections changed since the article was opened.
    pub fixes_changed: bool,
    /// A question in the status line (a correction asking for a name).
    pub prompt: Option<Prompt>,
}

impl State {
    pub fn new(doc: Document, name: impl Into<String>) -> State {
        let index = Index::build(&doc);
        let fit = Fit::of(&doc);
        State {
            folded: Haystack::default(),
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
            analyzing: false,
            partial: false,
            fit,
            quit: false,
            view: View::Article,
            timeline: true,
            quotes_cursor: 0,
            quotes_top: 0,
            marks: Timeline::default(),
            filter: String::new(),
            filtering: false,
            look: crate::reader::look::Look::default(),
            keys: Vec::new(),
            reading_width: crate::reader::layout::MAX_TEXT_WIDTH,
            count: None,
            message: None,
            sidebar_hidden: false,
            backward: false,
            history: Vec::new(),
            recall: None,
            stashed: None,
            copy_allowed: true,
            mouse_captured: true,
            copied: None,
            fixes: Vec::new(),
            pristine: None,
            fixes_changed: false,
            prompt: None,
        }
    }

    /// A state for a parsed document whose analysis arrives later through
    /// [`analysis_done`].
    pub fn pending(doc: Document, name: impl Into<String>) -> State {
        State {
            analyzing: true,
            ..State::new(doc, name)
        }
    }

    /// The start of a long article (a preview), drawn while the whole, of
    /// `whole` bytes, is read: its lines are broken as the whole
    /// article's will be, so none moves once the rest arrives.
    pub fn preview(doc: Document, name: impl Into<String>, whole: u64) -> State {
        State {
            partial: true,
            fit: Fit::for_len(whole),
            ..State::pending(doc, name)
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

    /// The map's drawing area (inside its frame over the article pane),
    /// while the map is open.
    pub fn map_area(&self) -> Option<Rect> {
        (self.view == View::Map && !self.areas.too_small).then(|| inner(self.areas.article))
    }

    /// The mention timeline strip: the column left of the scrollbar, while
    /// an entity is selected and the article is shown.
    pub fn timeline_area(&self) -> Option<Rect> {
        let a = self.areas;
        let usable = self.timeline
            && self.view == View::Article
            && !a.too_small
            && self.selected_entity().is_some()
            && a.text.right() < a.scrollbar.x;
        usable.then(|| Rect::new(a.scrollbar.x - 1, a.scrollbar.y, 1, a.scrollbar.height))
    }

    /// The quotes view's list area, while it is open.
    pub fn quotes_area(&self) -> Option<Rect> {
        (self.view == View::Quotes && !self.areas.too_small).then(|| inner(self.areas.article))
    }

    /// The row of the quotes view under its cursor.
    pub fn quotes_cursor_row(&self) -> Option<usize> {
        self.index
            .quote_list
            .selectable
            .get(self.quotes_cursor)
            .copied()
    }

    /// Screen lines of a row of the quotes view: a quote is shown whole.
    pub fn quote_row_height(&self, row: usize) -> usize {
        match self.index.quote_list.rows.get(row) {
            Some(&QuoteRow::Quote(q)) => self.quote_lines(q).len().max(1),
            _ => 1,
        }
    }

    /// A quote's lines in the quotes view.
    pub fn quote_lines(&self, q: usize) -> Vec<String> {
        let text = self
            .doc
            .quotes
            .get(q)
            .and_then(|quote| self.doc.text.get(quote.span.clone()))
            .unwrap_or("");
        let width = inner(self.areas.article).width;
        wrap_quote(text, usize::from(width.saturating_sub(2)))
    }

    /// Markers and labels of the map, while it is open.
    pub fn map_layout(&self) -> Option<MapLayout> {
        let area = self.map_area()?;
        let selected = self.selected_place();
        Some(MapLayout::new(
            &self.doc,
            &self.index.places,
            selected,
            area,
        ))
    }

    /// The selected entity, if it is a place on the map.
    pub fn selected_place(&self) -> Option<EntityId> {
        self.selected_entity()
            .filter(|id| self.index.places.contains(id))
    }

    /// The sidebar list area, when the sidebar is shown (above the compare
    /// panel, if one is open).
    pub fn sidebar_list(&self) -> Option<Rect> {
        let r = self.areas.sidebar?;
        Some(self.split_sidebar(r).0)
    }

    /// The compare panel at the bottom of the sidebar: shown while a number
    /// that shares its unit with others is selected.
    pub fn compare_area(&self) -> Option<Rect> {
        let r = self.areas.sidebar?;
        self.split_sidebar(r).1
    }

    /// The numbers compared with the selected one (same unit).
    pub fn compare_group(&self) -> Option<usize> {
        let id = self.selected_entity()?;
        self.index.numbers.group_of.get(id).copied().flatten()
    }

    fn split_sidebar(&self, r: Rect) -> (Rect, Option<Rect>) {
        let list = sidebar_list_area(r, self.areas.overlay);
        let Some(g) = self.compare_group() else {
            return (list, None);
        };
        if list.height < COMPARE_MIN_LIST {
            return (list, None);
        }
        let want = self.index.numbers.groups[g].len() as u16 + 2;
        let h = want.min(list.height / 2);
        let top = Rect::new(list.x, list.y, list.width, list.height - h);
        let panel = Rect::new(list.x, list.y + list.height - h, list.width, h);
        (top, Some(panel))
    }

    fn sidebar_height(&self) -> usize {
        // Keep the cursor logic working while the overlay is closed.
        let r = self.areas.sidebar.unwrap_or_else(|| {
            Areas::compute_with(self.width, self.height, true, self.reading_width)
                .sidebar
                .unwrap_or_default()
        });
        usize::from(self.split_sidebar(r).0.height).max(1)
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
    pub fn mode(&self) -> crate::reader::keymap::Mode {
        use crate::reader::keymap::Mode;
        if self.help {
            Mode::Help
        } else if self.filtering
            || self.prompt.is_some()
            || matches!(self.search, Search::Typing(_))
        {
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

/// A rectangle without its one-cell border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
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
    if let Action::Count(d) = action {
        let n = state.count.unwrap_or(0);
        state.count = Some(n.saturating_mul(10).saturating_add(usize::from(d)));
        return;
    }
    settle(state);
    if !matches!(action, Action::Resize(..)) {
        state.message = None;
    }
    let count = state.count.take();
    match (action, count) {
        (Action::Top | Action::Bottom, Some(n)) if state.view == View::Article => {
            go_to_line(state, n)
        }
        (Action::Percent, n) => go_to_percent(state, n.unwrap_or(0)),
        (a, Some(n)) if a.repeats() => {
            for _ in 0..n.clamp(1, MAX_REPEAT) {
                apply(state, a);
            }
        }
        _ => apply(state, action),
    }
    // The timeline follows the selection and the wrap width.
    let key = state.selected_entity().map(|id| (id, state.lines.width));
    if key != state.marks.key {
        state.marks = match key {
            Some((id, _)) => Timeline::build(&state.doc, &state.lines, id),
            None => Timeline::default(),
        };
    }
}

use find::{confirm_search, recall, start_search, step_match};
pub use fix::{Ask, Prompt, set_corrections};
use fix::{fix_action, prompt_action, reanalyzed};
use mouse::{click, wheel};
use views::{keep_quote_cursor_visible, open_view, view_action};

fn apply(state: &mut State, action: Action) {
    if prompt_action(state, action) {
        return;
    }
    if state.view != View::Article && !state.help && view_action(state, action) {
        return;
    }
    match action {
        // The sidebar over a narrow screen closes like a view.
        Action::Quit if state.areas.overlay && state.overlay_open => set_focus(state, Focus::Text),
        Action::Quit | Action::Interrupt => state.quit = true,
        Action::Count(_) | Action::Percent => {}
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
        Action::ToggleSidebar => toggle_sidebar(state),
        Action::ToggleKinds => state.show_kinds = !state.show_kinds,
        Action::ToggleHelp => state.help = !state.help,
        Action::SearchStart if state.focus == Focus::Sidebar && state.areas.sidebar.is_some() => {
            state.filtering = true;
            state.search = match std::mem::take(&mut state.search) {
                Search::Typing(_) => Search::Off,
                other => other,
            };
        }
        Action::SearchInput(c) if state.filtering => {
            if !c.is_control() {
                state.filter.push(c);
                apply_filter(state);
            }
        }
        Action::SearchBackspace if state.filtering => {
            state.filter.pop();
            apply_filter(state);
        }
        Action::SearchConfirm if state.filtering => state.filtering = false,
        Action::SearchStart => start_search(state, false),
        Action::SearchBackStart => start_search(state, true),
        Action::SearchOlder => recall(state, true),
        Action::SearchNewer => recall(state, false),
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
        Action::ToggleMap => open_view(state, View::Map),
        Action::ToggleQuotes => open_view(state, View::Quotes),
        Action::ToggleTimeline => state.timeline = !state.timeline,
        Action::CopyQuote => copy_quote(state),
        Action::FixSpeaker
        | Action::FixKind
        | Action::FixRename
        | Action::FixMerge
        | Action::FixDrop
        | Action::Undo => fix_action(state, action),
    }
}

/// `y`: the current quote (the quotes view's under its cursor), with its
/// speaker and the article's title, for the clipboard.
fn copy_quote(state: &mut State) {
    let Some(text) = state
        .current_quote()
        .and_then(|q| crate::reader::quotes::citation(&state.doc, q))
    else {
        state.message = Some("no quote to copy: ) goes to one".into());
        return;
    };
    if !state.copy_allowed {
        state.message = Some("copying is off in the settings (clipboard = false)".into());
        return;
    }
    state.message = Some(format!("copied: {text}"));
    state.copied = Some(text);
}

/// The whole text of an article opened from a preview of its start has
/// been read and outlined (with its index and lines at the
/// width the preview was drawn at, made on the worker). The preview is the
/// start of the text, so the reading position, a byte offset, stays put.
pub fn text_done(state: &mut State, doc: Document, index: Index, lines: LineTable) {
    state.doc = doc;
    state.folded = Haystack::default();
    state.index = index;
    state.partial = false;
    state.wrap_cache.clear();
    state.lines = lines;
    state.top = state.lines.line_at(state.anchor);
    state.cursor = state
        .cursor
        .min(state.index.selectable.len().saturating_sub(1));
    // Rewraps only when the terminal was resized meanwhile.
    resize(state, state.width, state.height);
}

/// The analysis of the document being read has finished: take its
/// entities and speakers. The text and sections are the same, so the
/// layout and the reading position stay as they are.
pub fn analysis_done(state: &mut State, analyzed: Document) {
    let index = Index::build(&analyzed);
    analysis_done_indexed(state, analyzed, index);
}

/// [`analysis_done`] with the index already built, on the analysis thread:
/// building it for a long text would keep the event loop from keys and
/// signals.
pub fn analysis_done_indexed(state: &mut State, analyzed: Document, index: Index) {
    if analyzed.text != state.doc.text {
        return;
    }
    state.index = index;
    state.doc = analyzed;
    state.analyzing = false;
    reanalyzed(state);
    state.cursor = state
        .cursor
        .min(state.index.selectable.len().saturating_sub(1));
}

/// The screen's areas for the state's size and sidebar.
fn compute_areas(state: &State) -> Areas {
    let a = Areas::compute_with(
        state.width,
        state.height,
        state.overlay_open,
        state.reading_width,
    );
    if state.sidebar_hidden && !a.overlay {
        a.without_sidebar(state.reading_width)
    } else {
        a
    }
}

/// Lay out the first screen at this size: only the lines it shows are
/// wrapped, so that it is drawn before the rest of a long article is;
/// [`settle`] wraps the rest.
pub fn first_screen(state: &mut State, w: u16, h: u16) {
    lay_out(state, w, h, true);
}

/// Wrap what the first screen's layout left out: the scrollbar and the
/// percentage then count every line. Every action does this first, so
/// none sees a partial layout; the event loop does it once the first
/// screen is out. Whether there was anything left.
pub fn settle(state: &mut State) -> bool {
    let partial = state.lines.width > 0 && !state.lines.complete(&state.doc);
    if partial {
        state.lines.finish(&state.doc, state.fit);
    }
    partial
}

fn resize(state: &mut State, w: u16, h: u16) {
    lay_out(state, w, h, false);
}

/// Lay out the screen at a size: its areas, and the article's lines at
/// the text's width (all of them, or those of the first screen).
fn lay_out(state: &mut State, w: u16, h: u16, first_screen: bool) {
    state.width = w;
    state.height = h;
    state.areas = compute_areas(state);
    if !state.areas.overlay {
        state.overlay_open = false;
    } else if state.focus == Focus::Sidebar && !state.overlay_open {
        state.focus = Focus::Text;
    }
    if !state.areas.too_small && state.areas.text.width != state.lines.width {
        let width = state.areas.text.width;
        let rows = state.text_height();
        let table = match state.wrap_cache.iter().position(|t| t.width == width) {
            Some(i) => state.wrap_cache.swap_remove(i),
            None if first_screen => {
                LineTable::wrap_start(&state.doc, width, state.fit, state.anchor, rows)
            }
            None => LineTable::wrap(&state.doc, width, state.fit),
        };
        let old = std::mem::replace(&mut state.lines, table);
        if !old.is_empty() && old.complete(&state.doc) {
            state.wrap_cache.insert(0, old);
            state.wrap_cache.truncate(WRAP_CACHE);
        }
        state.top = state.lines.line_at(state.anchor);
    }
    // Clamp without moving the anchor: a resize alone keeps the reading
    // position, so growing and shrinking again returns to the same place.
    state.top = state.top.min(state.max_top());
    keep_cursor_visible(state);
    keep_quote_cursor_visible(state);
}

/// `s`: open or close the overlay of a narrow screen, or hide or show the
/// sidebar beside the text.
fn toggle_sidebar(state: &mut State) {
    if state.areas.overlay {
        let open = !state.overlay_open;
        set_focus(state, if open { Focus::Sidebar } else { Focus::Text });
        return;
    }
    state.sidebar_hidden = !state.sidebar_hidden;
    if state.sidebar_hidden {
        state.focus = Focus::Text;
    }
    resize(state, state.width, state.height);
}

/// `5g`, `5G`: line 5 of the text, or entry 5 of the sidebar.
fn go_to_line(state: &mut State, n: usize) {
    let i = n.saturating_sub(1);
    match state.focus {
        Focus::Text => set_top(state, i),
        Focus::Sidebar => select(state, i),
    }
}

/// `50%`, `50p`: half-way through the text.
fn go_to_percent(state: &mut State, percent: usize) {
    if state.view == View::Article {
        let top = state.max_top() * percent.min(100) / 100;
        set_top(state, top);
    }
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
    if to == Focus::Sidebar && state.sidebar_hidden {
        state.sidebar_hidden = false;
        resize(state, state.width, state.height);
    }
    state.focus = to;
    if to == Focus::Sidebar {
        state.active = !state.index.selectable.is_empty();
    }
    if state.areas.overlay {
        state.overlay_open = to == Focus::Sidebar;
        state.areas = compute_areas(state);
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
    // The first entry shows the list from its top, when that keeps it in
    // view (groups emptied by corrections can push it down).
    if state.cursor == 0 && row < h {
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
        if let Some(c) = current {
            state.message = wrap_note(forward, spans[c].start, spans[i].start, "quote");
        }
        state.quote = Some(quotes[i]);
        reveal(state, &spans[i]);
    }
}

/// Said when a step went round the end of the text (like vim's "search
/// hit BOTTOM, continuing at TOP"), or stayed on the only one.
fn wrap_note(forward: bool, from: usize, to: usize, what: &str) -> Option<String> {
    if from == to {
        Some(format!("the only {what}"))
    } else if forward && to < from {
        Some(format!("past the last {what}: back to the first"))
    } else if !forward && to > from {
        Some(format!("before the first {what}: round to the last"))
    } else {
        None
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

/// Narrow the sidebar to the filter, keeping the selected entry when it
/// still shows.
fn apply_filter(state: &mut State) {
    let keep = state.cursor_row();
    state.index.filter_rows(&state.doc, &state.filter);
    let rows = &state.index.rows;
    let found = keep.and_then(|k| state.index.selectable.iter().position(|&r| rows[r] == k));
    match found {
        Some(c) => state.cursor = c,
        None => {
            state.cursor = 0;
            state.mention = None;
            state.active = state.active && !state.index.selectable.is_empty();
        }
    }
    state.sidebar_top = 0;
    keep_cursor_visible(state);
}

fn cancel(state: &mut State) {
    if state.help {
        state.help = false;
    } else if state.filtering || !state.filter.is_empty() {
        state.filtering = false;
        state.filter.clear();
        apply_filter(state);
    } else if state.search != Search::Off {
        let shown = std::mem::take(&mut state.search);
        if matches!(shown, Search::Active { .. }) {
            state.stashed = Some(shown);
        }
    } else if state.areas.overlay && state.overlay_open {
        set_focus(state, Focus::Text);
    } else {
        state.active = false;
        state.mention = None;
        state.quote = None;
    }
}

/// The kind of an entity, for styling.
pub fn kind_of(doc: &Document, id: EntityId) -> Option<EntityKind> {
    doc.entities.get(id).map(|e| e.kind)
}

mod find;
mod fix;
mod mouse;
mod views;

#[cfg(test)]
pub(crate) mod tests;
