//! What the reader can be asked to do: the one vocabulary between the key
//! table, the mouse and the state's update.

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
    /// Open or close the map of places.
    ToggleMap,
    /// Open or close the quotes view.
    ToggleQuotes,
    /// Show or hide the mention timeline beside the scrollbar.
    ToggleTimeline,
}
