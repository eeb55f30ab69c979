use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use byline::document::Document;
use byline::input::{self, Source};
use clap::Parser;

/// A terminal reader for news articles that knows who said what.
///
/// Exit codes: 0 success, 1 terminal or output error, 2 bad command line or
/// a path that is missing, unreadable or not a file, 3 input over the size
/// limit, 4 binary input.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// The article to read (`-` for stdin). Without it, the bundled sample.
    file: Option<PathBuf>,
    /// Print the analysis as JSON instead of opening the reader.
    #[arg(long)]
    json: bool,
    /// Refuse inputs larger than this many bytes (suffixes K, M, G allowed).
    #[arg(
        long,
        value_name = "BYTES",
        env = "BYLINE_MAX_SIZE",
        default_value = "64M",
        value_parser = input::parse_size
    )]
    max_size: u64,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = Source::from_arg(cli.file.as_deref());
    let loaded = match input::load(&source, cli.max_size) {
        Ok(l) => l,
        Err(e) => {
            complain(&e.to_string());
            return ExitCode::from(e.exit_code());
        }
    };
    for w in &loaded.warnings {
        complain(&format!("warning: {w}"));
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
            complain(&format!("terminal error: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// One line on stderr. Unlike `eprintln!`, a closed stderr is not a panic.
/// Messages may quote a file name, so controls in it are shown as stand-ins.
fn complain(msg: &str) {
    let (clean, _) = byline::sanitize::sanitize(msg);
    let _ = writeln!(
        std::io::stderr().lock(),
        "byline: {}",
        clean.replace('\n', " ")
    );
}

/// Print to stdout; a closed pipe (`byline FILE | head -1`) ends quietly.
fn print(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            drop(out);
            complain(&format!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}
