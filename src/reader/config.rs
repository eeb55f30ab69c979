//! Settings from a TOML file: theme, reading width, highlights and key
//! bindings. The file lives in the platform config directory
//! (`$BYLINE_CONFIG_DIR` or `--config PATH` override it). A bad file is
//! reported with its path, line and column and what is wrong, and byline
//! carries on with the defaults.

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::reader::action::Action;
use crate::reader::keymap::{BINDINGS, Key, key_name, parse_key};
use crate::reader::look::Palette;

/// The default settings file, with comments (`byline --print-config`).
pub const DEFAULT: &str = r#"# byline settings. Every setting is optional; these are the defaults.

# Color theme: "dark", "light", or "high-contrast" (a palette safe for
# color-blind readers). NO_COLOR in the environment turns all color off.
theme = "dark"

# The widest the text column gets, in columns (20 to 400).
reading_width = 80

# `y` copies the current quote to the clipboard through the terminal
# (OSC 52). False turns copying off.
clipboard = true

# Take the mouse: the wheel scrolls the pane under the pointer and clicks
# select (hold Shift to select text). False leaves the mouse to the
# terminal, for its own text selection.
mouse = true

[highlights]
# Color every quote by its speaker.
quotes = true
# Underline mentions of people, places, numbers and organizations.
entities = true

[keys]
# Remap actions to keys: one key or a list. A remapped action loses its
# default keys. Keys: a character ("x", "G"), "C-x" for Ctrl, or one of
# Up Down Left Right PgUp PgDn Home End Enter Esc Tab S-Tab Space Backspace
# F1. A binding with an unknown action or key is reported and skipped.
# Actions: down up page_down page_up half_page_down half_page_up top bottom
# percent focus_next focus_prev next_group prev_group activate next_match
# prev_match next_quote prev_quote cycle_speaker copy_quote fix_speaker
# fix_kind rename merge drop undo next_section prev_section next_article
# prev_article article_list search search_back cancel toggle_entities
# toggle_sidebar toggle_map toggle_quotes toggle_timeline help quit
# next_article = "]"
# quit = ["q", "Q"]
"#;

/// The settings byline runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub palette: Palette,
    pub reading_width: u16,
    pub quote_colors: bool,
    pub entity_colors: bool,
    /// Remapped actions with their keys.
    pub keys: Vec<(Action, Vec<Key>)>,
    /// `y` may copy to the clipboard.
    pub clipboard: bool,
    /// The reader captures the mouse.
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            palette: Palette::Dark,
            reading_width: crate::reader::layout::MAX_TEXT_WIDTH,
            quote_colors: true,
            entity_colors: true,
            keys: Vec::new(),
            clipboard: true,
            mouse: true,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct File {
    theme: Option<Palette>,
    reading_width: Option<u16>,
    clipboard: Option<bool>,
    mouse: Option<bool>,
    highlights: Highlights,
    /// Read one binding at a time, so that a bad one is skipped alone.
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Highlights {
    quotes: Option<bool>,
    entities: Option<bool>,
}

/// The actions by their names in the settings.
const ACTIONS: &[(&str, Action)] = &[
    ("down", Action::Down),
    ("up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("half_page_down", Action::HalfPageDown),
    ("half_page_up", Action::HalfPageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("percent", Action::Percent),
    ("focus_next", Action::FocusNext),
    ("focus_prev", Action::FocusPrev),
    ("next_group", Action::NextGroup),
    ("prev_group", Action::PrevGroup),
    ("activate", Action::Activate),
    ("next_match", Action::NextMatch),
    ("prev_match", Action::PrevMatch),
    ("next_quote", Action::NextQuote),
    ("prev_quote", Action::PrevQuote),
    ("cycle_speaker", Action::CycleSpeaker),
    ("copy_quote", Action::CopyQuote),
    ("fix_speaker", Action::FixSpeaker),
    ("fix_kind", Action::FixKind),
    ("rename", Action::FixRename),
    ("merge", Action::FixMerge),
    ("drop", Action::FixDrop),
    ("undo", Action::Undo),
    ("next_section", Action::NextSection),
    ("prev_section", Action::PrevSection),
    ("next_article", Action::NextArticle),
    ("prev_article", Action::PrevArticle),
    ("article_list", Action::ToggleArticles),
    ("search", Action::SearchStart),
    ("search_back", Action::SearchBackStart),
    ("cancel", Action::Cancel),
    ("toggle_entities", Action::ToggleKinds),
    ("toggle_sidebar", Action::ToggleSidebar),
    ("toggle_map", Action::ToggleMap),
    ("toggle_quotes", Action::ToggleQuotes),
    ("toggle_timeline", Action::ToggleTimeline),
    ("help", Action::ToggleHelp),
    ("quit", Action::Quit),
];

/// One binding of `[keys]`: its action and keys, or what is wrong with it
/// and where.
fn binding(
    name: &Spanned<String>,
    value: &Spanned<toml::Value>,
) -> Result<(Action, Vec<Key>), (usize, String)> {
    let action = ACTIONS
        .iter()
        .find(|(n, _)| n == name.get_ref())
        .map(|&(_, a)| a)
        .ok_or_else(|| {
            (
                name.span().start,
                format!("unknown action `{}`", name.get_ref()),
            )
        })?;
    let at = value.span().start;
    let names: Vec<&toml::Value> = match value.get_ref() {
        toml::Value::Array(list) => list.iter().collect(),
        one => vec![one],
    };
    let keys = names
        .into_iter()
        .map(|v| match v.as_str() {
            Some(s) => parse_key(s).ok_or_else(|| (at, format!("unknown key {s:?}"))),
            None => Err((at, "a key must be a string".to_string())),
        })
        .collect::<Result<Vec<Key>, _>>()?;
    Ok((action, keys))
}

/// Parse a settings file's text; the error names the place and problem
/// (`path:line:column: message`). A bad key binding is no error: it comes
/// back as a warning, and the rest of the file counts.
pub fn parse(text: &str, path: &Path) -> Result<(Config, Vec<String>), String> {
    let file: File = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim_end().to_string();
        match e.span() {
            Some(span) => {
                let (line, col) = line_col(text, span.start);
                format!("{}:{line}:{col}: {msg}", path.display())
            }
            None => format!("{}: {msg}", path.display()),
        }
    })?;
    let mut config = Config::default();
    if let Some(p) = file.theme {
        config.palette = p;
    }
    if let Some(w) = file.reading_width {
        if !(20..=400).contains(&w) {
            let at = text.find("reading_width").unwrap_or(0);
            let (line, col) = line_col(text, at);
            return Err(format!(
                "{}:{line}:{col}: reading_width must be between 20 and 400, not {w}",
                path.display()
            ));
        }
        config.reading_width = w;
    }
    config.quote_colors = file.highlights.quotes.unwrap_or(true);
    config.entity_colors = file.highlights.entities.unwrap_or(true);
    config.clipboard = file.clipboard.unwrap_or(true);
    config.mouse = file.mouse.unwrap_or(true);
    let mut warnings = Vec::new();
    for (name, value) in &file.keys {
        match binding(name, value) {
            Ok(b) => config.keys.push(b),
            Err((at, msg)) => {
                let (line, col) = line_col(text, at);
                warnings.push(format!(
                    "{}:{line}:{col}: {msg}; that binding is skipped",
                    path.display()
                ));
            }
        }
    }
    warnings.extend(
        binding_problems(&config.keys)
            .into_iter()
            .map(|w| format!("{}: {w}", path.display())),
    );
    Ok((config, warnings))
}

/// The name of an action in the settings.
fn action_name(action: Action) -> &'static str {
    ACTIONS
        .iter()
        .find(|(_, a)| *a == action)
        .map_or("?", |(n, _)| n)
}

/// A key given to two actions (the first binding read gets it), and
/// quitting left without a key of its own.
fn binding_problems(bound: &[(Action, Vec<Key>)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut taken: Vec<(&Key, Action)> = Vec::new();
    for (action, keys) in bound {
        for k in keys {
            match taken.iter().find(|(t, _)| *t == k) {
                Some(&(_, first)) if first != *action => out.push(format!(
                    "key {} is bound to both {} and {}; {} gets it",
                    key_name(k),
                    action_name(first),
                    action_name(*action),
                    action_name(first)
                )),
                Some(_) => {}
                None => taken.push((k, *action)),
            }
        }
    }
    let quit_keys: Vec<&Key> = match bound.iter().find(|(a, _)| *a == Action::Quit) {
        Some((_, keys)) => keys.iter().collect(),
        None => BINDINGS
            .iter()
            .filter(|b| b.action == Action::Quit)
            .flat_map(|b| b.keys)
            .collect(),
    };
    // C-c always quits: it does not count as a key of the settings.
    let ctrl_c = parse_key("C-c");
    let own =
        |k: &&Key| Some(**k) != ctrl_c && taken.iter().all(|(t, a)| t != k || *a == Action::Quit);
    if !quit_keys.iter().any(own) {
        out.push("no key is left to quit but C-c".into());
    }
    out
}

/// 1-based line and column (in chars) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where the settings file is: `$BYLINE_CONFIG_DIR/config.toml`, else the
/// platform config directory.
pub fn default_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BYLINE_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("config.toml"));
    }
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("byline").join("config.toml"))
}

/// Load the settings: from `explicit` if given, else from the default
/// path when the file exists. Problems come back as warnings, with the
/// defaults in their place.
pub fn load(explicit: Option<&Path>) -> (Config, Vec<String>) {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return (Config::default(), Vec::new()),
        },
    };
    let text = match crate::source::input::read_small_file(&path) {
        Ok(t) => t,
        Err(e) => {
            return (
                Config::default(),
                vec![format!(
                    "{}: cannot read settings: {e}; using the defaults",
                    path.display()
                )],
            );
        }
    };
    match parse(&text, &path) {
        Ok(parsed) => parsed,
        Err(e) => (Config::default(), vec![format!("{e}; using the defaults")]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyCode;

    fn err(text: &str) -> String {
        parse(text, Path::new("c.toml")).unwrap_err()
    }

    #[test]
    fn the_default_file_gives_the_defaults() {
        assert_eq!(
            parse(DEFAULT, Path::new("d")).unwrap(),
            (Config::default(), Vec::new())
        );
        assert_eq!(
            parse("", Path::new("d")).unwrap(),
            (Config::default(), Vec::new())
        );
    }

    #[test]
    fn settings_are_read() {
        let c = parse(
            "theme = \"high-contrast\"\nreading_width = 100\n[highlights]\nentities = false\n\
             [keys]\nquit = \"x\"\nnext_article = [\"C-n\", \"PgDn\"]\n",
            Path::new("c.toml"),
        )
        .unwrap()
        .0;
        assert_eq!(c.palette, Palette::HighContrast);
        assert_eq!(c.reading_width, 100);
        assert!(c.quote_colors && !c.entity_colors);
        assert_eq!(c.keys[0].0, Action::NextArticle);
        assert_eq!(
            c.keys[0].1,
            [
                Key {
                    code: KeyCode::Char('n'),
                    ctrl: true
                },
                Key {
                    code: KeyCode::PageDown,
                    ctrl: false
                }
            ]
        );
        assert_eq!(c.keys[1].0, Action::Quit);
    }

    #[test]
    fn bad_syntax_names_the_line() {
        let e = err("theme = \"dark\"\nreading_width = = 3\n");
        assert!(e.starts_with("c.toml:2:"), "{e}");
    }

    #[test]
    fn unknown_key_is_named() {
        let e = err("theme = \"dark\"\n\ncolour = \"red\"\n");
        assert!(e.starts_with("c.toml:3:1:"), "{e}");
        assert!(e.contains("unknown field `colour`"), "{e}");
        let e = err("[highlights]\nquotes = true\nnumbers = false\n");
        assert!(
            e.starts_with("c.toml:3:1:") && e.contains("`numbers`"),
            "{e}"
        );
    }

    #[test]
    fn wrong_type_is_named() {
        let e = err("reading_width = \"wide\"\n");
        assert!(e.starts_with("c.toml:1:17:"), "{e}");
        assert!(e.contains("invalid type"), "{e}");
        let e = err("[highlights]\nquotes = 1\n");
        assert!(e.starts_with("c.toml:2:"), "{e}");
        let e = err("reading_width = 5\n");
        assert!(e.contains("between 20 and 400"), "{e}");
    }

    #[test]
    fn unknown_theme_lists_the_themes() {
        let e = err("\ntheme = \"solarized\"\n");
        assert!(e.starts_with("c.toml:2:9:"), "{e}");
        assert!(
            e.contains("solarized") && e.contains("high-contrast"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_binding_is_reported_and_skipped_alone() {
        let (c, warnings) = parse(
            "mouse = false\nclipboard = false\n[keys]\nquit = \"x\"\n\
             teleport = \"t\"\nhelp = \"Hyper-q\"\ntoggle_map = [\"M\", 3]\n\
             toggle_quotes = \"V\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert!(!c.mouse && !c.clipboard);
        let actions: Vec<Action> = c.keys.iter().map(|(a, _)| *a).collect();
        assert_eq!(actions, [Action::Quit, Action::ToggleQuotes]);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("c.toml:5:1: unknown action `teleport`"))
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("c.toml:6:8: unknown key \"Hyper-q\""))
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("c.toml:7:14: a key must be a string"))
        );
        assert!(
            warnings
                .iter()
                .all(|w| w.ends_with("that binding is skipped"))
        );
    }

    #[test]
    fn the_readme_shows_the_default_file() {
        assert!(include_str!("../../README.md").contains(DEFAULT));
    }

    #[test]
    fn every_action_of_the_key_table_can_be_remapped() {
        use crate::reader::keymap::BINDINGS;
        for b in BINDINGS {
            let fixed = matches!(b.action, Action::Count(_) | Action::Interrupt);
            let named = ACTIONS.iter().any(|(_, a)| *a == b.action);
            assert!(fixed || named, "{:?} has no settings name", b.action);
            assert!(
                fixed || DEFAULT.contains(ACTIONS.iter().find(|(_, a)| *a == b.action).unwrap().0)
            );
        }
    }

    #[test]
    fn a_bad_file_is_a_warning_and_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "theme = 3\n").unwrap();
        let (c, warnings) = load(Some(&path));
        assert_eq!(c, Config::default());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("config.toml:1:9:"), "{warnings:?}");
        assert!(warnings[0].ends_with("using the defaults"));
        let (_, warnings) = load(Some(&dir.path().join("missing.toml")));
        assert!(warnings[0].contains("cannot read settings"));
    }

    #[test]
    fn a_key_bound_twice_or_no_key_to_quit_is_warned_about() {
        let warnings = |text: &str| parse(text, Path::new("c.toml")).unwrap().1;
        let w = warnings("[keys]\ndown = \"x\"\nup = [\"k\", \"x\"]\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("key x is bound to both down and up"), "{w:?}");
        let w = warnings("[keys]\nquit = []\n");
        assert!(w[0].contains("no key is left to quit"), "{w:?}");
        let w = warnings("[keys]\nsearch = \"q\"\n");
        assert!(w[0].contains("no key is left to quit"), "{w:?}");
        let w = warnings("[keys]\nsearch = \"q\"\nquit = \"Q\"\n");
        assert!(w.is_empty(), "{w:?}");
    }
}
