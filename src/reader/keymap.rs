//! Terminal events to [`Action`]s.
//!
//! The bindings are data: one table with a description per binding, which
//! the help overlay and the status-line hint both read.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::reader::action::Action;

/// What the keyboard is doing right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search query.
    Search,
    /// The help overlay is open.
    Help,
    /// The article list is open.
    Articles,
}

/// A key with modifiers. Shift is ignored for characters (`G` arrives as
/// Shift+G on some terminals and as plain `G` on others).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// One entry of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are shown in help.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Also shown in the status line's short hint, after the first key.
    pub hint: Option<&'static str>,
}

const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        description,
        hint: None,
    }
}

const fn hinted(b: Binding, hint: &'static str) -> Binding {
    Binding {
        hint: Some(hint),
        ..b
    }
}

/// All bindings of normal mode, in help order.
pub const BINDINGS: &[Binding] = &[
    bind(
        &[key('j'), code(KeyCode::Down), ctrl('e')],
        "j ↓ C-e",
        Action::Down,
        "line down / next entry",
    ),
    bind(
        &[key('k'), code(KeyCode::Up), ctrl('y')],
        "k ↑ C-y",
        Action::Up,
        "line up / previous entry",
    ),
    bind(
        &[key(' '), code(KeyCode::PageDown), ctrl('f')],
        "Space PgDn C-f",
        Action::PageDown,
        "page down",
    ),
    bind(
        &[key('b'), code(KeyCode::PageUp), ctrl('b')],
        "b PgUp C-b",
        Action::PageUp,
        "page up",
    ),
    bind(
        &[key('d'), ctrl('d')],
        "d C-d",
        Action::HalfPageDown,
        "half a page down",
    ),
    bind(
        &[key('u'), ctrl('u')],
        "u C-u",
        Action::HalfPageUp,
        "half a page up",
    ),
    bind(
        &[key('g'), code(KeyCode::Home)],
        "g gg Home",
        Action::Top,
        "top (5g: line 5)",
    ),
    bind(
        &[key('G'), code(KeyCode::End)],
        "G End",
        Action::Bottom,
        "bottom (5G: line 5)",
    ),
    bind(
        &[key('%'), key('p')],
        "% p",
        Action::Percent,
        "to a percent (50%, 50p)",
    ),
    bind(
        &[
            key('0'),
            key('1'),
            key('2'),
            key('3'),
            key('4'),
            key('5'),
            key('6'),
            key('7'),
            key('8'),
            key('9'),
        ],
        "0-9",
        Action::Count(0),
        "count: 5j 3n 50% 5G",
    ),
    hinted(
        bind(
            &[code(KeyCode::Tab)],
            "Tab",
            Action::FocusNext,
            "focus text / sidebar",
        ),
        "sidebar",
    ),
    bind(
        &[code(KeyCode::BackTab)],
        "S-Tab",
        Action::FocusPrev,
        "focus back",
    ),
    bind(
        &[key('l'), code(KeyCode::Right)],
        "l →",
        Action::NextGroup,
        "sidebar: next group",
    ),
    bind(
        &[key('h'), code(KeyCode::Left)],
        "h ←",
        Action::PrevGroup,
        "sidebar: previous group",
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        Action::Activate,
        "sidebar: jump to entry",
    ),
    hinted(
        bind(&[key('n')], "n", Action::NextMatch, "next hit / mention"),
        "next",
    ),
    bind(
        &[key('N')],
        "N",
        Action::PrevMatch,
        "previous hit / mention",
    ),
    bind(
        &[key(')')],
        ")",
        Action::NextQuote,
        "next quote (of speaker)",
    ),
    bind(&[key('(')], "(", Action::PrevQuote, "previous quote"),
    bind(&[key('c')], "c", Action::CycleSpeaker, "cycle speakers"),
    bind(&[key('y')], "y", Action::CopyQuote, "copy quote + speaker"),
    bind(
        &[key('a')],
        "a",
        Action::FixSpeaker,
        "fix: who said the quote",
    ),
    bind(&[key('K')], "K", Action::FixKind, "fix: entry's kind"),
    bind(&[key('r')], "r", Action::FixRename, "fix: rename entry"),
    bind(&[key('M')], "M", Action::FixMerge, "fix: merge entry into"),
    bind(&[key('D')], "D", Action::FixDrop, "fix: drop entry"),
    bind(&[key('U')], "U", Action::Undo, "undo last fix"),
    bind(&[key('}')], "}", Action::NextSection, "next section"),
    bind(&[key('{')], "{", Action::PrevSection, "previous section"),
    bind(&[key(']')], "]", Action::NextArticle, "next article"),
    bind(&[key('[')], "[", Action::PrevArticle, "previous article"),
    bind(&[key('A')], "A", Action::ToggleArticles, "article list"),
    hinted(
        bind(
            &[key('/')],
            "/",
            Action::SearchStart,
            "search / filter sidebar",
        ),
        "search",
    ),
    bind(
        &[key('?')],
        "?",
        Action::SearchBackStart,
        "search backwards",
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        Action::Cancel,
        "close view, clear search",
    ),
    bind(
        &[key('e')],
        "e",
        Action::ToggleKinds,
        "entity colors on/off",
    ),
    bind(
        &[key('s')],
        "s",
        Action::ToggleSidebar,
        "sidebar hide / show",
    ),
    bind(&[key('m')], "m", Action::ToggleMap, "map of places"),
    bind(
        &[key('v')],
        "v",
        Action::ToggleQuotes,
        "quotes view (voices)",
    ),
    bind(
        &[key('t')],
        "t",
        Action::ToggleTimeline,
        "mention timeline on/off",
    ),
    hinted(
        bind(
            &[key('H'), code(KeyCode::F(1))],
            "H F1",
            Action::ToggleHelp,
            "this help",
        ),
        "help",
    ),
    hinted(
        bind(&[key('q')], "q", Action::Quit, "close view / quit"),
        "quit",
    ),
    bind(&[ctrl('c')], "C-c", Action::Interrupt, "quit from anywhere"),
];

/// The key table of the README, in Markdown, as help shows it.
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for b in BINDINGS {
        let keys = b.label.replace(' ', "` `");
        out.push_str(&format!("| `{keys}` | {} |\n", b.description));
    }
    out
}

/// The status line's short key hint, with the keys the settings give.
pub fn hint(overrides: &Overrides) -> String {
    BINDINGS
        .iter()
        .filter_map(|b| {
            let first = keys_of(b, overrides).first()?;
            Some(format!("{} {}", key_name(first), b.hint?))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// How a binding's keys are shown in help: its label, or the keys the
/// settings gave its action instead.
pub fn label(b: &Binding, overrides: &Overrides) -> String {
    match remapped(b, overrides) {
        Some(keys) => keys.iter().map(key_name).collect::<Vec<_>>().join(" "),
        None => b.label.to_string(),
    }
}

/// The keys that trigger a binding's action, after the settings.
fn keys_of<'a>(b: &'a Binding, overrides: &'a Overrides) -> &'a [Key] {
    remapped(b, overrides).unwrap_or(b.keys)
}

/// The keys the settings gave a binding's action, if they remap it.
fn remapped<'a>(b: &Binding, overrides: &'a Overrides) -> Option<&'a [Key]> {
    overrides
        .iter()
        .find(|(a, _)| *a == b.action)
        .map(|(_, keys)| keys.as_slice())
}

/// A key by name, as [`parse_key`] reads it.
pub fn key_name(k: &Key) -> String {
    let name = match NAMED_KEYS.iter().find(|(_, c)| *c == k.code) {
        Some((name, _)) => name.to_string(),
        None => match k.code {
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        },
    };
    if k.ctrl { format!("C-{name}") } else { name }
}

/// The keys with names, each by the name it is shown with; the settings
/// may also write "PageUp", "PageDown" and "BackTab".
const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("S-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Space", KeyCode::Char(' ')),
    ("F1", KeyCode::F(1)),
];

/// A key by name, as in the settings file: a character ("x", "G"), "C-x"
/// for Ctrl, or a named key ("PgDn", "Esc", "S-Tab", "Space", ...).
pub fn parse_key(name: &str) -> Option<Key> {
    if let Some(c) = name.strip_prefix("C-") {
        let mut chars = c.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Some(ctrl(c)),
            _ => None,
        };
    }
    let name = match name {
        "PageUp" => "PgUp",
        "PageDown" => "PgDn",
        "BackTab" => "S-Tab",
        other => other,
    };
    if let Some(&(_, named)) = NAMED_KEYS.iter().find(|(n, _)| *n == name) {
        return Some(code(named));
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => Some(key(c)),
        _ => None,
    }
}

/// Actions remapped by the settings, each with its keys. A remapped action
/// loses its default keys; a key given to an action loses its default one.
pub type Overrides = [(Action, Vec<Key>)];

/// [`map_event`] with remapped keys.
pub fn map_event_with(event: &Event, mode: Mode, overrides: &Overrides) -> Option<Action> {
    if overrides.is_empty() || mode != Mode::Normal {
        return map_event(event, mode);
    }
    let Event::Key(k) = event else {
        return map_event(event, mode);
    };
    if k.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let pressed = Key { code: k.code, ctrl };
    // Ctrl-C always quits.
    if pressed == CTRL_C {
        return Some(Action::Interrupt);
    }
    if let Some((action, _)) = overrides.iter().find(|(_, keys)| keys.contains(&pressed)) {
        return Some(with_digit(*action, pressed));
    }
    let action = map_event(event, mode)?;
    let remapped = overrides
        .iter()
        .any(|(a, _)| std::mem::discriminant(a) == std::mem::discriminant(&action));
    (!remapped).then_some(action)
}

const CTRL_C: Key = ctrl('c');

/// The most of a paste that goes into the search field.
const PASTE_LIMIT: usize = 256;

/// Pasted text (bracketed paste) is typed into the search or filter field,
/// line breaks and other controls as spaces; anywhere else it is dropped,
/// so a paste never runs commands.
pub fn paste_actions(text: &str, mode: Mode) -> Vec<Action> {
    if mode != Mode::Search {
        return Vec::new();
    }
    text.chars()
        .take(PASTE_LIMIT)
        .map(|c| Action::SearchInput(if c.is_control() { ' ' } else { c }))
        .collect()
}

/// Map a terminal event to an action; `None` for anything ignored.
pub fn map_event(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind == KeyEventKind::Press => map_key(k, mode),
        Event::Mouse(m) if mode != Mode::Help => map_mouse(m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn map_key(k: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if (Key { code: k.code, ctrl }) == CTRL_C {
        return Some(Action::Interrupt);
    }
    match mode {
        Mode::Search => match k.code {
            KeyCode::Enter => Some(Action::SearchConfirm),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Up => Some(Action::SearchOlder),
            KeyCode::Down => Some(Action::SearchNewer),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        },
        Mode::Articles => match k.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Esc | KeyCode::Char('A' | 'q') => Some(Action::ToggleArticles),
            _ => None,
        },
        Mode::Help => match k.code {
            KeyCode::Esc | KeyCode::F(1) | KeyCode::Char('?' | 'H' | 'q') => {
                Some(Action::ToggleHelp)
            }
            _ => None,
        },
        Mode::Normal => {
            let pressed = Key { code: k.code, ctrl };
            let action = BINDINGS.iter().find(|b| b.keys.contains(&pressed))?.action;
            Some(with_digit(action, pressed))
        }
    }
}

/// A count binding's action carries the digit pressed.
fn with_digit(action: Action, pressed: Key) -> Action {
    match (action, pressed.code) {
        (Action::Count(_), KeyCode::Char(c)) => {
            c.to_digit(10).map_or(action, |d| Action::Count(d as u8))
        }
        _ => action,
    }
}

fn map_mouse(m: &MouseEvent) -> Option<Action> {
    let (x, y) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    #[test]
    fn a_paste_is_text_in_search_and_nothing_elsewhere() {
        let typed = paste_actions("ab\nq", Mode::Search);
        let chars = ['a', 'b', ' ', 'q'].map(Action::SearchInput);
        assert_eq!(typed, chars);
        for mode in [Mode::Normal, Mode::Help, Mode::Articles] {
            assert!(paste_actions("q\nj\r", mode).is_empty());
        }
        let long = "x".repeat(PASTE_LIMIT * 4);
        assert_eq!(paste_actions(&long, Mode::Search).len(), PASTE_LIMIT);
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn normal(code: KeyCode) -> Option<Action> {
        map_event(&press(code, KeyModifiers::NONE), Mode::Normal)
    }

    #[test]
    fn reading_keys() {
        use KeyCode::*;
        assert_eq!(normal(Char('j')), Some(Action::Down));
        assert_eq!(normal(Down), Some(Action::Down));
        assert_eq!(normal(Char('k')), Some(Action::Up));
        assert_eq!(normal(Up), Some(Action::Up));
        assert_eq!(normal(Char(' ')), Some(Action::PageDown));
        assert_eq!(normal(PageDown), Some(Action::PageDown));
        assert_eq!(normal(Char('b')), Some(Action::PageUp));
        assert_eq!(normal(PageUp), Some(Action::PageUp));
        assert_eq!(normal(Char('d')), Some(Action::HalfPageDown));
        assert_eq!(normal(Char('u')), Some(Action::HalfPageUp));
        assert_eq!(normal(Char('g')), Some(Action::Top));
        assert_eq!(normal(Home), Some(Action::Top));
        assert_eq!(normal(Char('G')), Some(Action::Bottom));
        assert_eq!(normal(End), Some(Action::Bottom));
        assert_eq!(normal(Tab), Some(Action::FocusNext));
        assert_eq!(normal(BackTab), Some(Action::FocusPrev));
        assert_eq!(normal(Char('h')), Some(Action::PrevGroup));
        assert_eq!(normal(Left), Some(Action::PrevGroup));
        assert_eq!(normal(Char('l')), Some(Action::NextGroup));
        assert_eq!(normal(Right), Some(Action::NextGroup));
        assert_eq!(normal(Enter), Some(Action::Activate));
        assert_eq!(normal(Char('n')), Some(Action::NextMatch));
        assert_eq!(normal(Char('N')), Some(Action::PrevMatch));
        assert_eq!(normal(Char(')')), Some(Action::NextQuote));
        assert_eq!(normal(Char('(')), Some(Action::PrevQuote));
        assert_eq!(normal(Char(']')), Some(Action::NextArticle));
        assert_eq!(normal(Char('[')), Some(Action::PrevArticle));
        assert_eq!(normal(Char('A')), Some(Action::ToggleArticles));
        assert_eq!(normal(Char('c')), Some(Action::CycleSpeaker));
        assert_eq!(normal(Char('}')), Some(Action::NextSection));
        assert_eq!(normal(Char('{')), Some(Action::PrevSection));
        assert_eq!(normal(Char('/')), Some(Action::SearchStart));
        assert_eq!(normal(Char('?')), Some(Action::SearchBackStart));
        assert_eq!(normal(Esc), Some(Action::Cancel));
        assert_eq!(normal(Char('H')), Some(Action::ToggleHelp));
        assert_eq!(normal(F(1)), Some(Action::ToggleHelp));
        assert_eq!(normal(Char('q')), Some(Action::Quit));
        assert_eq!(normal(Char('m')), Some(Action::ToggleMap));
        assert_eq!(normal(Char('v')), Some(Action::ToggleQuotes));
        assert_eq!(normal(Char('t')), Some(Action::ToggleTimeline));
        assert_eq!(normal(Char('x')), None);
    }

    #[test]
    fn less_and_vim_keys_ctrl_and_counts() {
        let c = |ch| {
            map_event(
                &press(KeyCode::Char(ch), KeyModifiers::CONTROL),
                Mode::Normal,
            )
        };
        assert_eq!(c('d'), Some(Action::HalfPageDown));
        assert_eq!(c('u'), Some(Action::HalfPageUp));
        assert_eq!(c('f'), Some(Action::PageDown));
        assert_eq!(c('b'), Some(Action::PageUp));
        assert_eq!(c('e'), Some(Action::Down));
        assert_eq!(c('y'), Some(Action::Up));
        for d in 0..10u8 {
            let ch = char::from(b'0' + d);
            assert_eq!(normal(KeyCode::Char(ch)), Some(Action::Count(d)));
        }
        assert_eq!(normal(KeyCode::Char('%')), Some(Action::Percent));
        assert_eq!(normal(KeyCode::Char('p')), Some(Action::Percent));
        // Digits are typed into a search, not counted.
        assert_eq!(
            map_event(&press(KeyCode::Char('5'), KeyModifiers::NONE), Mode::Search),
            Some(Action::SearchInput('5'))
        );
    }

    #[test]
    fn shift_is_ignored_for_letters_and_ctrl_c_quits_everywhere() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map_event(&g, Mode::Normal), Some(Action::Bottom));
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Search, Mode::Help, Mode::Articles] {
            assert_eq!(map_event(&cc, mode), Some(Action::Interrupt));
        }
        // Ctrl-j is not j.
        let cj = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(map_event(&cj, Mode::Normal), None);
    }

    #[test]
    fn only_presses_count() {
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        release.state = KeyEventState::NONE;
        assert_eq!(map_event(&Event::Key(release), Mode::Normal), None);
        let mut repeat = release;
        repeat.kind = KeyEventKind::Repeat;
        assert_eq!(map_event(&Event::Key(repeat), Mode::Normal), None);
    }

    #[test]
    fn search_mode_types_the_query() {
        let m = Mode::Search;
        let ev = |c| press(c, KeyModifiers::NONE);
        assert_eq!(
            map_event(&ev(KeyCode::Char('q')), m),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            map_event(&ev(KeyCode::Char('n')), m),
            Some(Action::SearchInput('n'))
        );
        assert_eq!(
            map_event(&ev(KeyCode::Backspace), m),
            Some(Action::SearchBackspace)
        );
        assert_eq!(
            map_event(&ev(KeyCode::Enter), m),
            Some(Action::SearchConfirm)
        );
        assert_eq!(map_event(&ev(KeyCode::Esc), m), Some(Action::Cancel));
    }

    #[test]
    fn q_and_esc_close_help_and_the_article_list() {
        let ev = |c| press(c, KeyModifiers::NONE);
        for c in [
            KeyCode::Char('?'),
            KeyCode::Char('H'),
            KeyCode::F(1),
            KeyCode::Esc,
            KeyCode::Char('q'),
        ] {
            assert_eq!(map_event(&ev(c), Mode::Help), Some(Action::ToggleHelp));
        }
        for c in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('A')] {
            assert_eq!(
                map_event(&ev(c), Mode::Articles),
                Some(Action::ToggleArticles)
            );
        }
        assert_eq!(map_event(&ev(KeyCode::Char('j')), Mode::Help), None);
    }

    #[test]
    fn mouse_and_resize() {
        let m = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 3,
                row: 4,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            map_event(&m(MouseEventKind::ScrollDown), Mode::Normal),
            Some(Action::Wheel {
                x: 3,
                y: 4,
                down: true
            })
        );
        assert_eq!(
            map_event(&m(MouseEventKind::ScrollUp), Mode::Normal),
            Some(Action::Wheel {
                x: 3,
                y: 4,
                down: false
            })
        );
        assert_eq!(
            map_event(&m(MouseEventKind::Down(MouseButton::Left)), Mode::Normal),
            Some(Action::Click { x: 3, y: 4 })
        );
        assert_eq!(map_event(&m(MouseEventKind::Moved), Mode::Normal), None);
        assert_eq!(
            map_event(&Event::Resize(80, 24), Mode::Search),
            Some(Action::Resize(80, 24))
        );
    }

    #[test]
    fn every_binding_has_a_description_and_no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            assert!(!b.description.is_empty() && !b.label.is_empty());
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
        assert_eq!(hint(&[]), "Tab sidebar  n next  / search  H help  q quit");
    }

    #[test]
    fn key_names_read_back_as_the_same_keys() {
        for name in [
            "x", "G", "C-x", "Space", "PgDn", "PgUp", "S-Tab", "Esc", "End", "/", "?",
        ] {
            let k = parse_key(name).unwrap();
            assert_eq!(key_name(&k), name);
            assert_eq!(parse_key(&key_name(&k)), Some(k));
        }
        for (alias, name) in [
            ("PageUp", "PgUp"),
            ("PageDown", "PgDn"),
            ("BackTab", "S-Tab"),
        ] {
            assert_eq!(parse_key(alias), parse_key(name));
        }
        assert_eq!(parse_key("Nope"), None);
    }

    #[test]
    fn readme_has_the_key_table_of_the_bindings() {
        let readme = include_str!("../../README.md");
        let table = markdown_table();
        assert!(
            readme.contains(&table),
            "README lacks the key table:\n{table}"
        );
    }
}

#[cfg(test)]
mod override_tests {
    use super::*;

    fn press(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn key_names() {
        assert_eq!(parse_key("x"), Some(key('x')));
        assert_eq!(parse_key("C-n"), Some(ctrl('n')));
        assert_eq!(parse_key("PgDn"), Some(code(KeyCode::PageDown)));
        assert_eq!(parse_key("Space"), Some(key(' ')));
        assert_eq!(parse_key("S-Tab"), Some(code(KeyCode::BackTab)));
        assert_eq!(parse_key("Hyper-q"), None);
        assert_eq!(parse_key(""), None);
    }

    #[test]
    fn remapped_actions_move_to_their_new_keys() {
        let o = vec![
            (Action::Quit, vec![key('x')]),
            (Action::Down, vec![key('q')]),
        ];
        let m = |c| map_event_with(&press(c), Mode::Normal, &o);
        assert_eq!(m(KeyCode::Char('x')), Some(Action::Quit));
        assert_eq!(m(KeyCode::Char('q')), Some(Action::Down));
        // j was Down's default: Down is remapped, so j does nothing now.
        assert_eq!(m(KeyCode::Char('j')), None);
        assert_eq!(m(KeyCode::Char('k')), Some(Action::Up));
        let cc = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(
            map_event_with(&cc, Mode::Normal, &o),
            Some(Action::Interrupt)
        );
        // Search typing is never remapped.
        assert_eq!(
            map_event_with(&press(KeyCode::Char('x')), Mode::Search, &o),
            Some(Action::SearchInput('x'))
        );
    }
}
