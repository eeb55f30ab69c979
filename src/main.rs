use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use byline::document::Document;
use byline::input::{self, Source};
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
    let loaded = match input::load(&source) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    for w in &loaded.warnings {
        eprintln!("byline: warning: {w}");
    }
    if !cli.json && std::io::stdout().is_terminal() {
        return read(&loaded.text, &source.display_name());
    }
    let doc = Document::analyze(&loaded.text);
    if cli.json {
        return print(&byline::export::to_json(&doc));
    }
    print(&doc.text)
}

/// Texts larger than this open before their analysis is done.
const BACKGROUND_ANALYSIS: usize = 256 * 1024;

/// Open the reader. A long text is drawn as soon as it is parsed, and its
/// analysis runs on another thread.
fn read(text: &str, name: &str) -> ExitCode {
    let result = if text.len() > BACKGROUND_ANALYSIS {
        let doc = Document::parse(text);
        let (tx, rx) = std::sync::mpsc::channel();
        let mut pending = doc.clone();
        std::thread::spawn(move || {
            byline::analysis::analyze(&mut pending);
            let _ = tx.send(pending);
        });
        byline::tui::run(doc, name, Some(rx))
    } else {
        byline::tui::run(Document::analyze(text), name, None)
    };
    match result {
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
