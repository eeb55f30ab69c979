//! The command-line definition. It lives in the library so that the shell
//! completions and the man page are generated from the same definition.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

const EXAMPLES: &str = "\
Examples:
  byline                          read the bundled sample article
  byline story.txt page.html      read two articles (] and [ switch, A lists them)
  byline ~/saved-articles/        read every article file of a directory
  curl -s https://example.org/a | byline -
                                  read a web page from stdin
  byline --print --color=always story.md | less -R
                                  the annotated article, without the reader
  byline --json a.txt b.md        one JSON object per article (JSON Lines)
  byline stats corpus/            who is quoted across a corpus
  byline --completions bash > ~/.local/share/bash-completion/completions/byline
  byline --man > byline.1
  byline --print-config > ~/.config/byline/config.toml";

/// A terminal reader for news articles that knows who said what.
#[derive(Parser, Debug, PartialEq)]
#[command(
    name = "byline",
    version,
    about,
    long_about = "A terminal reader for news articles that knows who said what.\n\n\
                  Opens plain-text, Markdown and saved HTML articles in a reader that \
                  lists the people, places, numbers and organizations of each article \
                  and colors every direct quote by its speaker.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Articles to read: files (.txt, .md, .html), directories of them, or
    /// `-` for stdin. Without any, the bundled sample article.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print the analysis as JSON instead of opening the reader (one object
    /// per line with several articles).
    #[arg(long)]
    pub json: bool,
    /// Print the annotated article instead of opening the reader: colored
    /// when stdout is a terminal, plain otherwise (see --color), wrapped to
    /// the terminal's width (see --width).
    #[arg(long, short = 'p')]
    pub print: bool,
    /// --print: wrap lines to this many columns (default: the terminal's
    /// width when stdout is one, else no wrapping).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(10..))]
    pub width: Option<u16>,
    /// --print: colors always (for `less -R`), never, or when stdout is a
    /// terminal and NO_COLOR is unset.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Read settings from this file instead of the platform config
    /// directory.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Print the default settings file, with comments, and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Do not restore or save reading positions.
    #[arg(long)]
    pub no_resume: bool,
    /// Refuse inputs larger than this many bytes (suffixes K, M, G allowed).
    #[arg(
        long,
        value_name = "BYTES",
        env = "BYLINE_MAX_SIZE",
        default_value = DEFAULT_MAX_SIZE,
        value_parser = crate::source::input::parse_size
    )]
    pub max_size: u64,
    /// Print a shell completion script and exit.
    #[arg(long, value_name = "SHELL")]
    pub completions: Option<Shell>,
    /// Print the man page (roff) and exit.
    #[arg(long)]
    pub man: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// When `--print` colors its output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug, PartialEq)]
pub enum Command {
    /// Sum up who is quoted across articles: quotes, quoted words and
    /// articles per speaker.
    Stats {
        /// Articles: files, directories or `-`.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Words that are not a file when they come first: the subcommands and
/// clap's own `help`.
const SUBCOMMANDS: [&str; 2] = ["stats", "help"];
/// `--max-size`'s default.
const DEFAULT_MAX_SIZE: &str = "64M";

impl Cli {
    /// The options of the plainest invocations, `byline` and `byline
    /// FILE`, exactly as clap would parse them, without building clap's
    /// command (a tenth of a millisecond, before the first screen); None
    /// for anything else, which clap then parses.
    pub fn plain(args: &[OsString], max_size_set: bool) -> Option<Cli> {
        let files = match args {
            [_] => Vec::new(),
            [_, file] => {
                let name = file.to_string_lossy();
                if name.is_empty() || name.starts_with('-') || SUBCOMMANDS.contains(&name.as_ref())
                {
                    return None;
                }
                vec![PathBuf::from(file)]
            }
            _ => return None,
        };
        if max_size_set {
            return None;
        }
        Some(Cli {
            files,
            json: false,
            print: false,
            width: None,
            color: ColorChoice::Auto,
            config: None,
            print_config: false,
            no_resume: false,
            max_size: crate::source::input::parse_size(DEFAULT_MAX_SIZE).ok()?,
            completions: None,
            man: false,
            command: None,
        })
    }
}

/// The clap command, for completions and the man page.
pub fn command() -> clap::Command {
    Cli::command()
}

/// A shell completion script.
pub fn completions(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "byline", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page, in roff.
pub fn man_page() -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = clap_mangen::Man::new(command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn stats_is_a_subcommand_and_files_are_positional() {
        let cli = Cli::try_parse_from(["byline", "a.txt", "b.md", "--json"]).unwrap();
        assert_eq!(cli.files.len(), 2);
        assert!(cli.json && cli.command.is_none());
        let cli = Cli::try_parse_from(["byline", "stats", "d/", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Stats { json: true, .. })
        ));
        assert!(Cli::try_parse_from(["byline", "stats"]).is_err());
    }

    #[test]
    fn the_plain_invocations_parse_as_clap_parses_them() {
        let cases: &[&[&str]] = &[
            &["byline"],
            &["byline", "story.txt"],
            &["byline", "a dir/"],
            &["byline", ""],
            &["byline", "-"],
            &["byline", "--json"],
            &["byline", "-p"],
            &["byline", "stats"],
            &["byline", "help"],
            &["byline", "a.txt", "b.txt"],
            &["byline", "a.txt", "--json"],
        ];
        let mut taken = 0;
        for case in cases {
            let args: Vec<OsString> = case.iter().map(OsString::from).collect();
            if let Some(plain) = Cli::plain(&args, false) {
                taken += 1;
                assert_eq!(Some(plain), Cli::try_parse_from(&args).ok(), "{case:?}");
            }
            assert_eq!(Cli::plain(&args, true), None);
        }
        assert_eq!(taken, 3);
        // Every subcommand is left to clap.
        for sub in command().get_subcommands() {
            assert!(SUBCOMMANDS.contains(&sub.get_name()), "{}", sub.get_name());
        }
        assert_eq!(
            Cli::try_parse_from(["byline"]).unwrap().max_size,
            64 * 1024 * 1024
        );
    }
}
