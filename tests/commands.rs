//! The command line beyond one article: several files and directories,
//! JSON Lines, `stats`, `--print`, completions, the man page and help.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn byline(args: &[&str]) -> Output {
    // A private home for this run: no settings file, and any state goes
    // where it is removed afterwards.
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env_remove("NO_COLOR")
        .env("BYLINE_CONFIG_DIR", home.path().join("no-config"))
        .env("BYLINE_STATE_DIR", home.path().join("state"))
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A directory of three short articles quoting the same people, removed
/// when the returned guard drops.
fn corpus() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        (
            "a.txt",
            "Rates Stay Put\n\n“We will wait and see,” Ines Moreau said on Monday.\n\nMarkets were calm.\n",
        ),
        (
            "b.md",
            "# Rates Debate Goes On\n\n“We will wait a little longer and see what happens,” said Ines Moreau.\n\n“That is far too slow,” Tomas Berg said.\n",
        ),
        (
            "c.html",
            "<!doctype html><html><head><title>Bank Holds</title></head><body><article><h1>Bank Holds</h1><p>“Patience,” Ines Moreau told reporters in Paris on Friday, after a long meeting of the board that ended late in the evening.</p></article></body></html>",
        ),
        ("notes.log", "not an article"),
    ];
    for (name, text) in articles {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn json_with_several_files_prints_json_lines_in_order() {
    let files = ["port-deal.txt", "port-deal.md", "port-deal.html"].map(fixture);
    let o = byline(&["--json", &files[0], &files[1], &files[2]]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    for (line, path) in lines.iter().zip(&files) {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        // The path as given, so files of one name in two folders differ.
        assert_eq!(v["source"], path.as_str());
        assert_eq!(
            v["title"],
            "Port Deal Draws Praise in Lisbon and Doubt in Madrid"
        );
        assert_eq!(v["quotes"].as_array().unwrap().len(), 3);
    }
}

#[test]
fn a_directory_means_its_article_files() {
    let dir = corpus();
    let o = byline(&["--json", dir.path().to_str().unwrap()]);
    let out = stdout(&o);
    let sources: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    let in_dir = |name: &str| format!("{:?}", dir.path().join(name).display().to_string());
    assert_eq!(sources, [in_dir("a.txt"), in_dir("b.md"), in_dir("c.html")]);
}

#[test]
fn stats_sums_up_who_is_quoted() {
    let dir = corpus();
    let out = stdout(&byline(&["stats", dir.path().to_str().unwrap()]));
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap().split_whitespace().collect::<Vec<_>>(),
        ["speaker", "quotes", "words", "articles"]
    );
    let first: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    // 5 + 10 + 1 quoted words over three articles.
    assert_eq!(first, ["Ines", "Moreau", "3", "16", "3"], "{out}");
    let second: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(second, ["Tomas", "Berg", "1", "5", "1"], "{out}");
    assert!(out.contains("3 articles, 4 quotes (21 words), 0 without a named speaker"));

    let v: serde_json::Value = serde_json::from_str(&stdout(&byline(&[
        "stats",
        "--json",
        dir.path().to_str().unwrap(),
    ])))
    .unwrap();
    assert_eq!(v["articles"], 3);
    assert_eq!(v["speakers"][0]["name"], "Ines Moreau");
    assert_eq!(v["speakers"][0]["articles"], 3);
}

#[test]
fn print_is_plain_when_piped() {
    let out = stdout(&byline(&["--print", &fixture("port-deal.html")]));
    assert!(!out.contains('\x1b'));
    assert!(out.starts_with("Port Deal Draws Praise"));
    // The byline's writer is not listed.
    assert!(out.contains("\nPeople (3)\n"), "{out}");
    assert!(!out.contains("  Clara Mendes"), "{out}");
    assert!(out.contains("  Rui Tavares"), "{out}");
    // Setúbal is a town of the gazetteer, after "in".
    assert!(out.contains("\nPlaces (5)\n"), "{out}");
    assert!(out.contains("  Setúbal"), "{out}");
}

#[test]
fn completions_for_each_shell() {
    let bash = stdout(&byline(&["--completions", "bash"]));
    assert!(bash.contains("complete") && bash.contains("--print-config"));
    let zsh = stdout(&byline(&["--completions", "zsh"]));
    assert!(zsh.starts_with("#compdef byline") && zsh.contains("--completions"));
    let fish = stdout(&byline(&["--completions", "fish"]));
    assert!(fish.contains("complete -c byline") && fish.contains("stats"));
    let o = byline(&["--completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page_help_and_version() {
    let man = stdout(&byline(&["--man"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH byline"),
        "{man}"
    );
    assert!(man.contains("\\-\\-print\\-config") || man.contains("print\\-config"));
    let help = stdout(&byline(&["--help"]));
    assert!(help.contains("Examples:") && help.contains("byline stats corpus/"));
    let version = stdout(&byline(&["--version"]));
    assert_eq!(
        version.trim(),
        format!("byline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn print_config_and_a_bad_config_file() {
    let default = stdout(&byline(&["--print-config"]));
    assert!(default.contains("theme = \"dark\"") && default.contains("[keys]"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "reading_width = 7\n[keys]\njump = \"J\"\n").unwrap();
    let o = byline(&[
        "--config",
        path.to_str().unwrap(),
        "--print",
        &fixture("port-deal.md"),
    ]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        err.contains("config.toml:1:1: reading_width must be between 20 and 400"),
        "{err}"
    );
    assert!(err.contains("using the defaults"), "{err}");
    // A bad binding alone is skipped, and the rest of the file counts.
    std::fs::write(&path, "reading_width = 70\n[keys]\njump = \"J\"\n").unwrap();
    let o = byline(&[
        "--config",
        path.to_str().unwrap(),
        "--print",
        &fixture("port-deal.md"),
    ]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        err.contains("config.toml:3:1: unknown action `jump`; that binding is skipped"),
        "{err}"
    );
    assert!(!err.contains("using the defaults"), "{err}");
    // byline carries on.
    assert!(stdout(&o).starts_with("# Port Deal"));
}

#[test]
fn print_wraps_to_a_width_and_colors_on_request() {
    let file = fixture("port-deal.md");
    let out = stdout(&byline(&["--print", "--width", "40", &file]));
    assert!(
        out.lines()
            .all(|l| l.chars().count() <= 40 || !l.contains(' ')),
        "{out}"
    );
    assert!(
        out.lines().filter(|l| l.chars().count() > 30).count() > 3,
        "wrapped, not cut"
    );
    // Plain output marks each quote's speaker.
    assert!(out.contains("” [") || out.contains("\" ["), "{out}");
    let colored = stdout(&byline(&["--print", "--color=always", &file]));
    assert!(
        colored.contains("\x1b[38;5;"),
        "speaker colors through a pipe"
    );
    let never = stdout(&byline(&["--print", "--color=never", &file]));
    assert!(!never.contains('\x1b'));
    assert!(!byline(&["--print", "--width", "3", &file]).status.success());
}

#[test]
fn a_bad_file_among_several_is_skipped_with_a_warning_and_exit_1() {
    let good = fixture("port-deal.txt");
    let missing = "/nonexistent/missing-article.txt";
    let o = byline(&["--json", &good, missing, &fixture("port-deal.md")]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON Lines"))
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[1]["source"], fixture("port-deal.md").as_str());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.lines().filter(|l| l.contains("skipped:")).count(),
        1,
        "{err}"
    );
    assert!(err.contains("missing-article.txt"), "{err}");

    let o = byline(&["stats", &good, missing]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 article, 3 quotes"));
    // Alone, a missing file is an error as before.
    assert!(!byline(&["--json", missing]).status.success());
}

/// Corrections saved by the reader (here written as it writes them) change
/// `--print` and `stats` as they change `--json`.
#[test]
fn saved_corrections_change_print_and_stats() {
    let doc = byline::model::Document::analyze(byline::source::input::BUNDLED);
    let key = byline::reader::resume::key(&doc.text);
    let quote = doc.quotes[0].span.start;
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let fixes = serde_json::json!({
        "version": 1,
        "articles": { key: [
            { "fix": "speaker", "quote": quote, "speaker": "Boris Johnson" },
            { "fix": "rename", "entity": "Boris Johnson", "to": "B. Johnson" },
        ]}
    });
    std::fs::write(state.join("corrections.json"), fixes.to_string()).unwrap();
    let article = home.path().join("minerals-deal.txt");
    std::fs::write(&article, byline::source::input::BUNDLED).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(args)
            .env("BYLINE_STATE_DIR", &state)
            .env("BYLINE_CONFIG_DIR", home.path().join("config"))
            .output()
            .unwrap()
    };
    let printed = stdout(&run(&["--print", article.to_str().unwrap()]));
    assert!(printed.contains("[B. Johnson]"), "{printed}");
    assert!(printed.contains("\n  B. Johnson") && !printed.contains("\n  Boris Johnson"));
    let stats = stdout(&run(&["stats", article.to_str().unwrap()]));
    let row = stats
        .lines()
        .find(|l| l.starts_with("B. Johnson"))
        .expect("a row");
    let before = doc
        .quotes
        .iter()
        .filter(|q| {
            q.speaker
                .is_some_and(|s| doc.entities[s].name == "Boris Johnson")
        })
        .count();
    assert_eq!(
        row.split_whitespace().nth(2),
        Some((before + 1).to_string().as_str()),
        "{stats}"
    );
}
