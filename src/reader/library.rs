//! Several articles open at once: one reader [`State`] per article, each
//! with its own position and selection, and the article list.
//!
//! [`update`] handles the article actions and the list, and passes every
//! other action to the current article's state.

use crate::reader::action::Action;
use crate::reader::keymap::Mode;
use crate::reader::state::{self, State};

#[derive(Debug, Clone)]
pub struct Library {
    pub states: Vec<State>,
    pub current: usize,
    /// The article list is open, with its cursor here.
    pub list: Option<usize>,
    pub quit: bool,
}

impl Library {
    /// A library of at least one article.
    pub fn new(states: Vec<State>) -> Library {
        assert!(!states.is_empty(), "a library has an article");
        Library {
            states,
            current: 0,
            list: None,
            quit: false,
        }
    }

    pub fn current(&self) -> &State {
        &self.states[self.current]
    }

    pub fn current_mut(&mut self) -> &mut State {
        &mut self.states[self.current]
    }

    pub fn mode(&self) -> Mode {
        if self.list.is_some() {
            Mode::Articles
        } else {
            self.current().mode()
        }
    }

    /// Titles for the article list: the headline, else the file name.
    pub fn titles(&self) -> Vec<String> {
        self.states
            .iter()
            .map(|s| s.doc.title().map_or_else(|| s.name.clone(), str::to_string))
            .collect()
    }
}

/// Apply one action to the library.
pub fn update(lib: &mut Library, action: Action) {
    if let Some(cursor) = lib.list {
        let last = lib.states.len() - 1;
        match action {
            Action::Down => lib.list = Some((cursor + 1).min(last)),
            Action::Up => lib.list = Some(cursor.saturating_sub(1)),
            Action::Top => lib.list = Some(0),
            Action::Bottom => lib.list = Some(last),
            Action::Activate => {
                lib.list = None;
                switch(lib, cursor);
            }
            Action::ToggleArticles | Action::Cancel | Action::Quit => lib.list = None,
            Action::Interrupt => lib.quit = true,
            Action::Resize(..) => state::update(lib.current_mut(), action),
            _ => {}
        }
        return;
    }
    let n = lib.states.len();
    match action {
        Action::NextArticle => switch(lib, (lib.current + 1) % n),
        Action::PrevArticle => switch(lib, (lib.current + n - 1) % n),
        Action::ToggleArticles => lib.list = Some(lib.current),
        _ => {
            state::update(lib.current_mut(), action);
            lib.quit = lib.current().quit;
        }
    }
}

/// Show another article at the current terminal size; its position and
/// selection are as it was left.
fn switch(lib: &mut Library, to: usize) {
    let (w, h) = (lib.current().width, lib.current().height);
    // The search history is the reader's, not one article's.
    let history = std::mem::take(&mut lib.current_mut().history);
    lib.current = to;
    let s = lib.current_mut();
    s.history = history;
    if (s.width, s.height) != (w, h) {
        state::update(s, Action::Resize(w, h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn lib() -> Library {
        let states = [
            "First One\n\nAlpha body text.",
            "Second One\n\nBeta body text.",
        ]
        .iter()
        .map(|t| State::new(Document::analyze(t), "x"))
        .chain([State::new(crate::testutil::bundled(), "minerals-deal.txt")])
        .collect();
        let mut l = Library::new(states);
        update(&mut l, Action::Resize(80, 24));
        l
    }

    #[test]
    fn next_and_previous_wrap_around_and_resize_the_new_article() {
        let mut l = lib();
        update(&mut l, Action::PrevArticle);
        assert_eq!(l.current, 2);
        assert_eq!((l.current().width, l.current().height), (80, 24));
        assert!(!l.current().lines.is_empty());
        update(&mut l, Action::NextArticle);
        assert_eq!(l.current, 0);
        update(&mut l, Action::NextArticle);
        assert_eq!(l.current, 1);
    }

    #[test]
    fn each_article_keeps_its_position_and_selection() {
        let mut l = lib();
        update(&mut l, Action::PrevArticle);
        update(&mut l, Action::PageDown);
        update(&mut l, Action::FocusNext);
        update(&mut l, Action::Down);
        let (top, cursor) = (l.current().top, l.current().cursor);
        assert!(top > 0 && l.current().active);
        update(&mut l, Action::NextArticle);
        assert_eq!(l.current().top, 0);
        update(&mut l, Action::PrevArticle);
        assert_eq!((l.current().top, l.current().cursor), (top, cursor));
        assert!(l.current().active);
    }

    #[test]
    fn the_search_history_goes_along_to_the_next_article() {
        let mut l = lib();
        update(&mut l, Action::SearchStart);
        update(&mut l, Action::SearchInput('x'));
        update(&mut l, Action::SearchConfirm);
        update(&mut l, Action::Cancel);
        update(&mut l, Action::NextArticle);
        update(&mut l, Action::SearchStart);
        update(&mut l, Action::SearchOlder);
        assert_eq!(
            l.current().search,
            crate::reader::state::Search::Typing("x".into())
        );
    }

    #[test]
    fn the_list_opens_on_the_current_article_and_enter_opens_the_choice() {
        let mut l = lib();
        update(&mut l, Action::ToggleArticles);
        assert_eq!(l.list, Some(0));
        assert_eq!(l.mode(), Mode::Articles);
        update(&mut l, Action::Down);
        update(&mut l, Action::Down);
        update(&mut l, Action::Down);
        assert_eq!(l.list, Some(2));
        update(&mut l, Action::Up);
        update(&mut l, Action::Activate);
        assert_eq!((l.current, l.list), (1, None));
        assert_eq!(l.mode(), Mode::Normal);
        update(&mut l, Action::ToggleArticles);
        update(&mut l, Action::Cancel);
        assert_eq!((l.current, l.list), (1, None));
        assert_eq!(l.titles()[2], l.states[2].doc.title().unwrap());
    }

    #[test]
    fn q_closes_the_list_and_quits_from_an_article() {
        let mut l = lib();
        update(&mut l, Action::ToggleArticles);
        update(&mut l, Action::Quit);
        assert!(!l.quit && l.list.is_none());
        update(&mut l, Action::ToggleArticles);
        update(&mut l, Action::Interrupt);
        assert!(l.quit);
        let mut l = lib();
        update(&mut l, Action::Quit);
        assert!(l.quit);
    }
}
