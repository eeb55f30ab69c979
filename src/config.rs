//! Settings from a TOML file: theme, reading width, highlights and key
//! bindings. The file lives in the platform config directory
//! (`$BYLINE_CONFIG_DIR` or `--config PATH` override it). A bad file is
//! reported with its path, line and column and what is wrong, and byline
//! carries on with the defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::keymap::{Key, key_name, parse_key};
use crate::state::Action;
use crate::view::theme::Palette;

/// The default settings file, with comments (`byline --print-config`).
pub const DEFAULT: &str = r#"# byline settings. Every setting is optional; these are the defaults.

# Color theme: "dark", "light", or "high-contrast" (a palette safe for
# color-blind readers). NO_COLOR in the environment turns all color off.
theme = "dark"

# The widest the text column gets, in columns (20 to 400).
reading_width = 80

[highlights]
# Color every quote by its speaker.
quotes = true
# Underline mentions of people, places, numbers and organizations.
entities = true

[keys]
# Remap actions to keys: one key or a list. A remapped action loses its
# default keys. Keys: a character ("x", "G"), "C-x" for Ctrl, or one of
# Up Down Left Right PgUp PgDn Home End Enter Esc Tab S-Tab Space Backspace.
# Actions: down up page_down page_up half_page_down half_page_up top bottom
# focus_next focus_prev next_group prev_group activate next_match prev_match
# next_quote prev_quote cycle_speaker next_section prev_section next_article
# prev_article article_list search cancel toggle_entities toggle_sidebar
# help quit
# next_article = "]"
# quit = ["q", "C-c"]
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
}

impl Default for Config {
    fn default() -> Config {
        Config {
            palette: Palette::Dark,
            reading_width: crate::layout::MAX_TEXT_WIDTH,
            quote_colors: true,
            entity_colors: true,
            keys: Vec::new(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct File {
    theme: Option<Palette>,
    reading_width: Option<u16>,
    highlights: Highlights,
    keys: Keys,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Highlights {
    quotes: Option<bool>,
    entities: Option<bool>,
}

/// One key name or a list of them, read as written: names are checked
/// after reading, so one bad name costs only itself, not the whole file.
struct KeyList(Vec<String>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeyList, D::Error> {
        struct Names;
        impl<'de> serde::de::Visitor<'de> for Names {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key name or a list of key names")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![s.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<KeyList, A::Error> {
                let mut names = Vec::new();
                while let Some(n) = seq.next_element::<String>()? {
                    names.push(n);
                }
                Ok(KeyList(names))
            }
        }
        d.deserialize_any(Names)
    }
}

macro_rules! keys_table {
    ($($field:ident => $action:expr),* $(,)?) => {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields, default)]
        struct Keys {
            $($field: Option<Spanned<KeyList>>,)*
        }

        impl Keys {
            /// The actions given keys, in the order of this table, with the
            /// names as written and their place in the file.
            fn written(self) -> Vec<(Action, &'static str, Spanned<KeyList>)> {
                let mut out = Vec::new();
                $(
                    if let Some(list) = self.$field {
                        out.push(($action, stringify!($field), list));
                    }
                )*
                out
            }
        }
    };
}

keys_table! {
    down => Action::Down,
    up => Action::Up,
    page_down => Action::PageDown,
    page_up => Action::PageUp,
    half_page_down => Action::HalfPageDown,
    half_page_up => Action::HalfPageUp,
    top => Action::Top,
    bottom => Action::Bottom,
    focus_next => Action::FocusNext,
    focus_prev => Action::FocusPrev,
    next_group => Action::NextGroup,
    prev_group => Action::PrevGroup,
    activate => Action::Activate,
    next_match => Action::NextMatch,
    prev_match => Action::PrevMatch,
    next_quote => Action::NextQuote,
    prev_quote => Action::PrevQuote,
    cycle_speaker => Action::CycleSpeaker,
    next_section => Action::NextSection,
    prev_section => Action::PrevSection,
    next_article => Action::NextArticle,
    prev_article => Action::PrevArticle,
    article_list => Action::ToggleArticles,
    search => Action::SearchStart,
    cancel => Action::Cancel,
    toggle_entities => Action::ToggleKinds,
    toggle_sidebar => Action::ToggleSidebar,
    help => Action::ToggleHelp,
    quit => Action::Quit,
}

/// Parse a settings file's text; the error names the place and problem
/// (`path:line:column: message`). Problems that cost only one binding come
/// back as warnings with the rest of the settings.
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
    let mut warnings = Vec::new();
    let mut named = Vec::new();
    for (action, name, list) in file.keys.written() {
        let (line, col) = line_col(text, list.span().start);
        let mut keys = Vec::new();
        for k in &list.get_ref().0 {
            match parse_key(k) {
                Some(key) => keys.push(key),
                None => warnings.push(format!(
                    "{}:{line}:{col}: unknown key {k:?} for {name}; it is left out",
                    path.display()
                )),
            }
        }
        // A list whose every name was bad leaves the action its defaults.
        if !keys.is_empty() || list.get_ref().0.is_empty() {
            named.push((action, name, keys));
        }
    }
    warnings.extend(
        binding_problems(&named)
            .into_iter()
            .map(|w| format!("{}: {w}", path.display())),
    );
    config.keys = named.into_iter().map(|(a, _, keys)| (a, keys)).collect();
    Ok((config, warnings))
}

/// A key given to two actions (the action first in the settings'
/// list of actions gets it), and quitting left without a key of its own.
fn binding_problems(named: &[(Action, &str, Vec<Key>)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut taken: Vec<(&Key, &str)> = Vec::new();
    for (_, name, keys) in named {
        for k in keys {
            match taken.iter().find(|(t, _)| *t == k) {
                Some((_, first)) if first != name => out.push(format!(
                    "key {} is bound to both {first} and {name}; {first} gets it",
                    key_name(k)
                )),
                Some(_) => {}
                None => taken.push((k, name)),
            }
        }
    }
    let quit_keys: Vec<&Key> = match named.iter().find(|(a, _, _)| *a == Action::Quit) {
        Some((_, _, keys)) => keys.iter().collect(),
        None => crate::keymap::BINDINGS
            .iter()
            .filter(|b| b.action == Action::Quit)
            .flat_map(|b| b.keys)
            .collect(),
    };
    // C-c always quits: it does not count as a key of the settings.
    let ctrl_c = parse_key("C-c");
    let own =
        |k: &&Key| Some(**k) != ctrl_c && taken.iter().all(|(t, name)| t != k || *name == "quit");
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
    let text = match crate::input::read_small_file(&path) {
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
        let none = (Config::default(), Vec::new());
        assert_eq!(parse(DEFAULT, Path::new("d")).unwrap(), none);
        assert_eq!(parse("", Path::new("d")).unwrap(), none);
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
    fn unknown_action_or_key_in_bindings() {
        let e = err("[keys]\nquit = \"q\"\nteleport = \"t\"\n");
        assert!(e.starts_with("c.toml:3:1:"), "{e}");
        assert!(e.contains("unknown field `teleport`"), "{e}");
    }

    fn warnings(text: &str) -> (Config, Vec<String>) {
        parse(text, Path::new("c.toml")).unwrap()
    }

    #[test]
    fn a_bad_key_name_is_named_with_its_line_and_the_rest_is_kept() {
        let (c, w) =
            warnings("theme = \"light\"\n[keys]\nquit = \"Hyper-q\"\nhelp = [\"h\", \"Nope\"]\n");
        assert_eq!(c.palette, Palette::Light);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("c.toml:4:") && w[0].contains("\"Nope\" for help"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("c.toml:3:") && w[1].contains("\"Hyper-q\" for quit"),
            "{w:?}"
        );
        // The help key that was good stays; quit keeps its default.
        assert_eq!(c.keys.len(), 1);
        assert_eq!(c.keys[0].0, Action::ToggleHelp);
        assert_eq!(c.keys[0].1, [parse_key("h").unwrap()]);
    }

    #[test]
    fn a_key_bound_twice_or_no_key_to_quit_is_warned_about() {
        let (_, w) = warnings("[keys]\ndown = \"x\"\nup = [\"k\", \"x\"]\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("key x is bound to both down and up"), "{w:?}");
        let (_, w) = warnings("[keys]\nquit = []\n");
        assert!(w[0].contains("no key is left to quit"), "{w:?}");
        let (_, w) = warnings("[keys]\nsearch = \"q\"\n");
        assert!(w[0].contains("no key is left to quit"), "{w:?}");
        let (_, w) = warnings("[keys]\nsearch = \"q\"\nquit = \"Q\"\n");
        assert!(w.is_empty(), "{w:?}");
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
}
