// Rust's own start-up (`fn main`) finds the main thread's stack guard by
// reading /proc/self/maps and sets up an alternate signal stack: 0.1 ms
// before the first screen under a hypervisor, a twentieth of `less`'s
// whole start. The program starts at the C library's `main` instead (see
// below), and does what it relies on of that start-up itself.
#![no_main]

use std::ffi::{OsString, c_char, c_int};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use byline::cli::{self, Cli, Command};
use byline::output::batch;
use byline::reader::corrections;
use byline::reader::library::Library;
use byline::reader::look::Look;
use byline::reader::state::{State, set_corrections};
use byline::source::articles::{self, Article};
use byline::source::input::Source;
use byline::tui::Unfinished;
use byline::view::theme::Theme;
use clap::Parser;

/// The process's exit status. (std's `ExitCode` cannot be read back as
/// the number the C entry point returns.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ExitCode(u8);

impl ExitCode {
    const SUCCESS: ExitCode = ExitCode(0);
    const FAILURE: ExitCode = ExitCode(1);
}

impl From<u8> for ExitCode {
    fn from(code: u8) -> ExitCode {
        ExitCode(code)
    }
}

/// The entry point the C library calls. Of Rust's start-up, the program
/// relies on three things, done here: a write to a closed pipe fails with
/// an error (handled as the end of output) instead of ending the process;
/// a panic exits with 101; what is buffered for stdout is written before
/// the end. Without the rest, a panic names its thread `<unnamed>` rather
/// than `main`, and a stack overflow on the main thread ends the process
/// without a message.
#[unsafe(no_mangle)]
extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    // SAFETY: setting a signal's disposition to "ignore", before any other
    // thread exists, as Rust's start-up does.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    let code = std::panic::catch_unwind(run).unwrap_or(ExitCode(101));
    let _ = std::io::stdout().flush();
    c_int::from(code.0)
}

fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let max_size_set = std::env::var_os("BYLINE_MAX_SIZE").is_some();
    let parsed = Cli::plain(&args, max_size_set).map_or_else(|| Cli::try_parse_from(&args), Ok);
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    if let Some(shell) = cli.completions {
        return print_raw(&cli::completions(shell));
    }
    if cli.man {
        return print_raw(&cli::man_page());
    }
    if cli.print_config {
        return print_raw(byline::reader::config::DEFAULT);
    }
    if let Some(Command::Stats { files, json }) = &cli.command {
        return stats(files, *json, cli.max_size);
    }
    let (config, problems) = byline::reader::config::load(cli.config.as_deref());
    warn_all(&problems);
    // One article in the reader shows its first screen before the rest of
    // the work is done.
    if !cli.json
        && !cli.print
        && reader_possible()
        && let Some(opened) = open_one(&cli, config.reading_width)
    {
        return match opened {
            Ok((article, later)) => read(&cli, &config, vec![article], Some(later)),
            Err(code) => code,
        };
    }
    if cli.json {
        return json(&cli.files, cli.max_size);
    }
    let Opened {
        mut articles,
        several,
        skipped,
    } = match open(&cli.files, cli.max_size) {
        Ok(a) => a,
        Err(code) => return code,
    };
    apply_corrections(&mut articles);
    let tty = std::io::stdout().is_terminal();
    if cli.print {
        let color = match cli.color {
            cli::ColorChoice::Always => true,
            cli::ColorChoice::Never => false,
            cli::ColorChoice::Auto => tty && color_allowed() && !dumb_terminal(),
        };
        let width = cli.width.or_else(|| {
            tty.then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten()
        });
        let mut out = String::new();
        for (i, a) in articles.iter().enumerate() {
            if several {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&format!("==> {} <==\n", a.name()));
            }
            let text =
                byline::output::print::annotate(&a.doc, Theme::with_look(color, look(&config)));
            match width {
                Some(w) => out.push_str(&byline::output::print::wrap(&text, usize::from(w))),
                None => out.push_str(&text),
            }
        }
        return failed_if(skipped, print_raw(&out));
    }
    if !tty || dumb_terminal() {
        if tty {
            complain("TERM=dumb cannot show the reader; printing the text (see --print or --json)");
        }
        let texts: Vec<&str> = articles.iter().map(|a| a.doc.text.as_str()).collect();
        return print(&texts.join("\n"));
    }
    read(&cli, &config, articles, None)
}

/// Open the reader on the articles, with their saved reading positions;
/// `later` is what the first article still needs (see [`open_one`]).
fn read(
    cli: &Cli,
    config: &byline::reader::config::Config,
    articles: Vec<Article>,
    later: Option<Later>,
) -> ExitCode {
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
            let mut s = match (i, &later) {
                (0, Some(Later::Rest(_, whole))) => State::preview(a.doc, name, *whole),
                (0, Some(Later::Analysis)) => State::pending(a.doc, name),
                _ => State::new(a.doc, name),
            };
            apply(config, &mut s);
            s
        })
        .collect();
    let resume = if cli.no_resume {
        None
    } else {
        byline::reader::resume::dir()
    };
    let mut store = byline::reader::resume::Store::default();
    if let Some(dir) = &resume {
        let (s, warning) = byline::reader::resume::Store::load(dir);
        warn_all(&warning.into_iter().collect::<Vec<_>>());
        store = s;
    }
    let mut states: Vec<State> = states;
    let fixes = load_corrections();
    for s in &mut states {
        let key = byline::reader::resume::key(&s.doc.text);
        set_corrections(s, fixes.get(&key).to_vec());
    }
    let session = byline::reader::resume::Session::open(&store, &mut states);
    let unfinished = later.map(|l| match l {
        Later::Analysis => Unfinished::Analysis(states[0].doc.clone()),
        Later::Rest(source, _) => Unfinished::Rest {
            source,
            max_size: cli.max_size,
            store: store.clone(),
            fit: states[0].fit,
        },
    });
    let library = Library::new(states);
    byline::tui::capture_mouse(config.mouse);
    let finished = match byline::tui::run_library(library, unfinished) {
        Ok(f) => f,
        Err(e) => {
            complain(&format!("terminal error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    warn_all(&finished.warnings);
    let states = &finished.library.states;
    if let Some(dir) = &resume {
        match session.save(states, dir) {
            Ok(note) => warn_all(&note.into_iter().collect::<Vec<_>>()),
            Err(e) => complain(&format!(
                "warning: cannot save reading positions in {}: {e}",
                dir.display()
            )),
        }
    }
    save_corrections(states);
    if let Some(e) = finished.failed {
        complain(&e.to_string());
        return ExitCode::from(e.exit_code());
    }
    reader_exit()
}

/// The corrections saved in the state directory (none without one).
fn load_corrections() -> corrections::Store {
    let Some(dir) = byline::reader::resume::dir() else {
        return corrections::Store::default();
    };
    let (store, warning) = corrections::Store::load(&dir);
    warn_all(&warning.into_iter().collect::<Vec<_>>());
    store
}

/// The saved corrections applied to articles for `--json`, `--print` and
/// `stats`.
fn apply_corrections(articles: &mut [Article]) {
    let store = load_corrections();
    if store.articles.is_empty() {
        return;
    }
    for a in articles {
        let key = byline::reader::resume::key(&a.doc.text);
        corrections::apply(&mut a.doc, store.get(&key));
    }
}

/// Save the corrections of the articles whose corrections changed.
fn save_corrections(states: &[State]) {
    let changed: Vec<(String, Vec<corrections::Correction>)> = states
        .iter()
        .filter(|s| s.fixes_changed)
        .map(|s| (byline::reader::resume::key(&s.doc.text), s.fixes.clone()))
        .collect();
    if changed.is_empty() {
        return;
    }
    let Some(dir) = byline::reader::resume::dir() else {
        complain("warning: no state directory: corrections not saved");
        return;
    };
    if let Err(e) = corrections::Store::save(&dir, &changed) {
        complain(&format!(
            "warning: cannot save corrections in {}: {e}",
            dir.display()
        ));
    }
}

/// The reader's exit code: 128 + the signal that ended it (SIGTERM 143,
/// SIGHUP 129, SIGINT 130), else success.
fn reader_exit() -> ExitCode {
    match byline::tui::signalled() {
        Some(sig) => ExitCode::from(128u8.saturating_add(u8::try_from(sig).unwrap_or(127))),
        None => ExitCode::SUCCESS,
    }
}

/// stdout is a terminal that can draw the reader.
fn reader_possible() -> bool {
    std::io::stdout().is_terminal() && !dumb_terminal()
}

/// TERM=dumb: no cursor movement, no alternate screen, no colors.
fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// What is left to do for the one article of the reader after its first
/// screen.
enum Later {
    /// Its analysis (the article is outlined).
    Analysis,
    /// Reading the whole file (this many bytes): the article is a preview
    /// of its start.
    Rest(Source, u64),
}

/// The one article of the command line for the reader, with its work
/// left for after the first screen: a long plain-text file shows a preview
/// of its start while the whole is read; any other is read and outlined.
/// None when the arguments name several articles.
fn open_one(cli: &Cli, reading_width: u16) -> Option<Result<(Article, Later), ExitCode>> {
    let sources = articles::sources(&cli.files).ok()?;
    let [source] = sources.as_slice() else {
        return None;
    };
    // Two bytes for each cell of the text column fill its screen even
    // with wide characters (three bytes for two columns), and give plain
    // text two (the preview's floor covers a small terminal).
    let screens = ratatui::crossterm::terminal::size().map_or(0, |(w, h)| {
        2 * u64::from(w.min(reading_width)) * u64::from(h)
    });
    if let Some((preview, whole)) = articles::preview(source, cli.max_size, screens) {
        return Some(Ok((preview.outline(), Later::Rest(source.clone(), whole))));
    }
    Some(match articles::read(source, cli.max_size) {
        Ok(text) => {
            warn_all(&text.warnings);
            Ok((text.outline(), Later::Analysis))
        }
        Err(e) => {
            complain(&e.to_string());
            Err(ExitCode::from(e.exit_code()))
        }
    })
}

/// The colors the settings choose.
fn look(config: &byline::reader::config::Config) -> Look {
    Look {
        palette: config.palette,
        quote_colors: config.quote_colors,
    }
}

/// Settings that shape one article's reader.
fn apply(config: &byline::reader::config::Config, s: &mut State) {
    s.look = look(config);
    s.reading_width = config.reading_width;
    s.show_kinds = config.entity_colors;
    s.keys = config.keys.clone();
    s.copy_allowed = config.clipboard;
    s.mouse_captured = config.mouse;
}

fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The articles of the command line.
struct Opened {
    articles: Vec<Article>,
    /// The arguments named several articles (or a directory).
    several: bool,
    /// One of several could not be opened and was left out.
    skipped: bool,
}

/// Open every article named on the command line (in parallel), printing
/// warnings. Of several, one that cannot be opened is skipped with a
/// warning; a single one, or all of them failing, ends the program.
fn open(files: &[PathBuf], max_size: u64) -> Result<Opened, ExitCode> {
    let sources = articles::sources(files).map_err(|e| {
        complain(&e.to_string());
        ExitCode::from(e.exit_code())
    })?;
    let several = sources.len() > 1 || files.iter().any(|f| f.is_dir());
    let mut out = Vec::with_capacity(sources.len());
    let mut failure = None;
    for result in batch::open_all(&sources, max_size) {
        match result {
            Ok(a) => {
                warn_all(&a.warnings);
                out.push(a);
            }
            Err(e) if several => {
                complain(&format!("skipped: {e}"));
                failure = Some(ExitCode::from(e.exit_code()));
            }
            Err(e) => {
                complain(&e.to_string());
                return Err(ExitCode::from(e.exit_code()));
            }
        }
    }
    match (out.is_empty(), failure) {
        (true, Some(code)) => Err(code),
        (_, failure) => Ok(Opened {
            articles: out,
            several,
            skipped: failure.is_some(),
        }),
    }
}

/// Exit 1 when an article was skipped, whatever the output did.
fn failed_if(skipped: bool, code: ExitCode) -> ExitCode {
    if skipped { ExitCode::FAILURE } else { code }
}

/// `--json`: one article pretty-printed, several as JSON Lines, each
/// written as it is serialized; of several, one that cannot be opened is
/// skipped with a warning (exit 1 at the end).
fn json(files: &[PathBuf], max_size: u64) -> ExitCode {
    let sources = match articles::sources(files) {
        Ok(s) => s,
        Err(e) => {
            complain(&e.to_string());
            return ExitCode::from(e.exit_code());
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut skipped = false;
    let written = if sources.len() > 1 || files.iter().any(|f| f.is_dir()) {
        let fixes = load_corrections();
        batch::write_json_lines(
            &sources,
            max_size,
            &mut out,
            |a| {
                let key = byline::reader::resume::key(&a.doc.text);
                corrections::apply(&mut a.doc, fixes.get(&key));
            },
            |note| match note {
                batch::Note::Warnings(w) => warn_all(w),
                batch::Note::Skipped(e) => {
                    complain(&format!("skipped: {e}"));
                    skipped = true;
                }
            },
        )
    } else {
        let Opened { mut articles, .. } = match open(files, max_size) {
            Ok(a) => a,
            Err(code) => return code,
        };
        apply_corrections(&mut articles);
        byline::output::export::write_json(&articles[0].doc, &mut out)
            .and_then(|()| writeln!(out))
            .and_then(|()| out.flush())
    };
    let code = match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            complain(&format!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    };
    failed_if(skipped, code)
}

/// Help and version go to stdout, checked like any output (a full disk is
/// an error, exit 1); a usage error goes to stderr with exit 2.
fn clap_exit(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => print_raw(&e.render().to_string()),
        _ => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
    }
}

/// `byline stats FILES...`
fn stats(files: &[PathBuf], json: bool, max_size: u64) -> ExitCode {
    let Opened {
        mut articles,
        skipped,
        ..
    } = match open(files, max_size) {
        Ok(a) => a,
        Err(code) => return code,
    };
    apply_corrections(&mut articles);
    let stats = byline::output::stats::collect(articles.iter().map(|a| &a.doc));
    let done = if json {
        print(&serde_json::to_string_pretty(&stats).unwrap_or_default())
    } else {
        print_raw(&byline::output::stats::table(&stats))
    };
    failed_if(skipped, done)
}

fn warn_all(warnings: &[String]) {
    for w in warnings {
        complain(&format!("warning: {w}"));
    }
}

/// One line on stderr. Unlike `eprintln!`, a closed stderr is not a panic.
/// Messages may quote a file name, so controls in it are shown as stand-ins.
fn complain(msg: &str) {
    let (clean, _) = byline::model::sanitize::sanitize(msg);
    let _ = writeln!(
        std::io::stderr().lock(),
        "byline: {}",
        clean.replace('\n', " ")
    );
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
            drop(out);
            complain(&format!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}
