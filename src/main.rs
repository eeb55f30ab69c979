use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use byline::input::Source;
use clap::Parser;

/// A terminal reader for news articles that knows who said what.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// The article to read (`-` for stdin). Without it, the bundled sample.
    file: Option<PathBuf>,
    /// Print the analysis as JSON instead of opening the reader.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = Source::from_arg(cli.file.as_deref());
    let article = match byline::articles::open(&source) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    for w in &article.warnings {
        eprintln!("byline: warning: {w}");
    }
    let doc = article.doc;
    if cli.json {
        return print(&byline::export::to_json(&doc));
    }
    if !std::io::stdout().is_terminal() {
        return print(&doc.text);
    }
    match byline::tui::run(doc, &source.display_name()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Print to stdout; a closed pipe is not an error worth a panic.
fn print(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
