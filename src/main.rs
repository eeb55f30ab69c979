use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use byline::articles::{self, Article};
use byline::batch;
use byline::cli::{self, Cli, Command};
use byline::library::Library;
use byline::state::State;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(shell) = cli.completions {
        return print_raw(&cli::completions(shell));
    }
    if cli.man {
        return print_raw(&cli::man_page());
    }
    if cli.print_config {
        return print_raw(byline::config::DEFAULT);
    }
    if let Some(Command::Stats { files, json }) = &cli.command {
        return stats(files, *json);
    }
    let (articles, several) = match open(&cli.files) {
        Ok(a) => a,
        Err(code) => return code,
    };
    if cli.json {
        if several {
            return print_raw(&batch::json_lines(&articles));
        }
        return print(&byline::export::to_json(&articles[0].doc));
    }
    let (config, problems) = byline::config::load(cli.config.as_deref());
    for p in &problems {
        eprintln!("byline: warning: {p}");
    }
    let tty = std::io::stdout().is_terminal();
    if cli.print {
        let color = tty && color_allowed();
        let mut out = String::new();
        for (i, a) in articles.iter().enumerate() {
            if several {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&format!("==> {} <==\n", a.name()));
            }
            out.push_str(&byline::print::annotate(&a.doc, color));
        }
        return print_raw(&out);
    }
    if !tty {
        let texts: Vec<&str> = articles.iter().map(|a| a.doc.text.as_str()).collect();
        return print(&texts.join("\n"));
    }
    let n = articles.len();
    let states = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let name = if n > 1 {
                format!("{} ({}/{n})", a.name(), i + 1)
            } else {
                a.name()
            };
            let mut s = State::new(a.doc, name);
            apply(&config, &mut s);
            s
        })
        .collect();
    let resume = if cli.no_resume {
        None
    } else {
        byline::resume::dir()
    };
    let mut store = byline::resume::Store::default();
    if let Some(dir) = &resume {
        let (s, warning) = byline::resume::Store::load(dir);
        if let Some(w) = warning {
            eprintln!("byline: warning: {w}");
        }
        store = s;
    }
    let mut states: Vec<State> = states;
    for s in &mut states {
        store.restore(s);
    }
    let mut library = Library::new(states);
    library.keys = config.keys.clone();
    match byline::tui::run_library(library) {
        Ok(library) => {
            if let Some(dir) = &resume {
                for s in &library.states {
                    store.record(s);
                }
                if let Err(e) = store.save(dir) {
                    eprintln!(
                        "byline: warning: cannot save reading positions in {}: {e}",
                        dir.display()
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("byline: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Settings that shape one article's reader.
fn apply(config: &byline::config::Config, s: &mut State) {
    s.look = byline::view::theme::Look {
        palette: config.palette,
        quote_colors: config.quote_colors,
    };
    s.reading_width = config.reading_width;
    s.show_kinds = config.entity_colors;
}

fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Open every article named on the command line (in parallel), printing
/// warnings; the first error ends the program. Also says whether the
/// arguments named several articles (or a directory).
fn open(files: &[PathBuf]) -> Result<(Vec<Article>, bool), ExitCode> {
    let sources = articles::sources(files).map_err(|e| {
        eprintln!("byline: {e}");
        ExitCode::from(e.exit_code() as u8)
    })?;
    let several = sources.len() > 1 || files.iter().any(|f| f.is_dir());
    let mut out = Vec::with_capacity(sources.len());
    for result in batch::open_all(&sources) {
        match result {
            Ok(a) => {
                for w in &a.warnings {
                    eprintln!("byline: warning: {w}");
                }
                out.push(a);
            }
            Err(e) => {
                eprintln!("byline: {e}");
                return Err(ExitCode::from(e.exit_code() as u8));
            }
        }
    }
    Ok((out, several))
}

/// `byline stats FILES...`
fn stats(files: &[PathBuf], json: bool) -> ExitCode {
    let articles = match open(files) {
        Ok((a, _)) => a,
        Err(code) => return code,
    };
    let stats = byline::stats::collect(articles.iter().map(|a| &a.doc));
    if json {
        print(&serde_json::to_string_pretty(&stats).unwrap_or_default())
    } else {
        print_raw(&byline::stats::table(&stats))
    }
}

/// Print to stdout with a final newline.
fn print(s: &str) -> ExitCode {
    print_raw(&format!("{s}\n"))
}

/// Print to stdout; a closed pipe is not an error worth a panic.
fn print_raw(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match write!(out, "{s}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
