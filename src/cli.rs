//! The command-line definition. It lives in the library so that the shell
//! completions and the man page are generated from the same definition.

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
#[derive(Parser, Debug)]
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
        default_value = "64M",
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

#[derive(Subcommand, Debug)]
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
}
