//! What the reader can be asked to do: the one vocabulary between the key
//! table, the mouse and the state's update.

/// Everything the reader can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `q`: close the open view, or quit from the text.
    Quit,
    /// Ctrl-C: quit from anywhere.
    Interrupt,
    /// A digit of a count prefix (`5j`, `50%`).
    Count(u8),
    /// Go to the count's percent of the text (`50%`, `50p`).
    Percent,
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
    /// `?`: search backwards.
    SearchBackStart,
    /// Up while typing a search: the previous query of the history.
    SearchOlder,
    /// Down while typing a search: the next query of the history.
    SearchNewer,
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
    /// Copy the current quote, with its speaker, to the clipboard.
    CopyQuote,
    /// Corrections: ask who said the current quote.
    FixSpeaker,
    /// The selected entity is of the next kind.
    FixKind,
    /// Ask for a new name of the selected entity.
    FixRename,
    /// Ask which entity the selected one is merged into.
    FixMerge,
    /// The selected entity is none.
    FixDrop,
    /// Take back the last correction.
    Undo,
}

impl Action {
    /// Done as many times as a count prefix says.
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::NextGroup
                | Action::PrevGroup
                | Action::NextMatch
                | Action::PrevMatch
                | Action::NextQuote
                | Action::PrevQuote
                | Action::CycleSpeaker
                | Action::NextSection
                | Action::PrevSection
        )
    }
}
