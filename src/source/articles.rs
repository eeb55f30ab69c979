//! Opening articles: command-line arguments to sources (a directory means
//! its article files, sorted), and a source to an analyzed document in any
//! input format.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::Document;
use crate::source::formats::{self, Format};
use crate::source::input::{self, InputError, Source};

/// An analyzed article and where it came from.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: Source,
    pub format: Format,
    pub doc: Document,
    /// Problems fixed on the way in, for stderr.
    pub warnings: Vec<String>,
}

impl Article {
    /// Short name for the status line and lists.
    pub fn name(&self) -> String {
        self.source.display_name()
    }
}

#[derive(Debug, Error)]
pub enum OpenError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: no article files (.txt, .md, .html) in this directory{skipped}")]
    EmptyDirectory {
        path: String,
        /// Why article-named entries were passed over, or nothing.
        skipped: String,
    },
    #[error("-: standard input can be read only once")]
    StdinTwice,
}

impl OpenError {
    /// Exit code for the command line (see `input`'s codes).
    pub fn exit_code(&self) -> u8 {
        match self {
            OpenError::Input(e) => e.exit_code(),
            OpenError::EmptyDirectory { .. } | OpenError::StdinTwice => 2,
        }
    }
}

/// The sources named on the command line: none means the bundled article,
/// `-` stdin, and a directory its article files in name order.
pub fn sources(args: &[PathBuf]) -> Result<Vec<Source>, OpenError> {
    if args.is_empty() {
        return Ok(vec![Source::Bundled]);
    }
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let (files, others) = article_files(arg)?;
            if files.is_empty() {
                return Err(OpenError::EmptyDirectory {
                    path: arg.display().to_string(),
                    skipped: passed_over(&others),
                });
            }
            out.extend(files.into_iter().map(Source::File));
        } else {
            let source = Source::from_arg(Some(arg));
            if source == Source::Stdin && out.contains(&Source::Stdin) {
                return Err(OpenError::StdinTwice);
            }
            out.push(source);
        }
    }
    Ok(out)
}

/// Names of article-named entries that are not regular files (a FIFO, a
/// socket, a device), for the message of a directory without articles.
fn passed_over(others: &[PathBuf]) -> String {
    let Some(first) = others.first() else {
        return String::new();
    };
    let name = first
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let more = match others.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    format!("; {name}{more} passed over: not a regular file")
}

/// The regular files of a directory with an article extension, sorted by
/// name, and the entries with such a name that are no regular file.
fn article_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), OpenError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        OpenError::Input(InputError::Unreadable {
            path: shown.clone(),
            reason: e.to_string(),
        })
    })?;
    let (mut files, mut others): (Vec<PathBuf>, Vec<PathBuf>) = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.is_dir() && Format::from_extension(p).is_some())
        .partition(|p| p.is_file());
    files.sort();
    others.sort();
    Ok((files, others))
}

/// Read, convert and analyze one article.
pub fn open(source: &Source, max_size: u64) -> Result<Article, OpenError> {
    Ok(read(source, max_size)?.analyze())
}

/// An article's text in the plain form the parser reads, before analysis.
pub struct Text {
    pub source: Source,
    pub format: Format,
    pub text: String,
    pub warnings: Vec<String>,
}

impl Text {
    /// The article with its analysis done.
    pub fn analyze(self) -> Article {
        let doc = Document::analyze(&self.text);
        self.into_article(doc)
    }

    /// The article's outline only (its sections): the rest of the parse
    /// and the analysis are still to be done.
    pub fn outline(self) -> Article {
        let doc = Document::outline(&self.text);
        self.into_article(doc)
    }

    fn into_article(self, doc: Document) -> Article {
        Article {
            source: self.source,
            format: self.format,
            doc,
            warnings: self.warnings,
        }
    }
}

/// Read a source and convert Markdown or HTML to the plain article form.
pub fn read(source: &Source, max_size: u64) -> Result<Text, OpenError> {
    let loaded = input::load(source, max_size)?;
    let path = match source {
        Source::File(p) => Some(p.as_path()),
        Source::Bundled | Source::Stdin => None,
    };
    let converted = formats::convert(loaded.text, path, &source.display_name());
    let mut warnings = loaded.warnings;
    warnings.extend(converted.warnings);
    Ok(Text {
        source: source.clone(),
        format: converted.format,
        text: converted.text,
        warnings,
    })
}

/// The start of a long plain-text file, to show while the whole is read
/// (see [`input::preview`]), with the whole file's length in bytes; None
/// for other sources and formats, whose conversion needs the whole file.
pub fn preview(source: &Source, max_size: u64, bytes: u64) -> Option<(Text, u64)> {
    let Source::File(path) = source else {
        return None;
    };
    let (text, whole) = input::preview(path, max_size, bytes)?;
    (Format::detect(Some(path), &text) == Format::Text).then(|| {
        let text = Text {
            source: source.clone(),
            format: Format::Text,
            text,
            warnings: Vec::new(),
        };
        (text, whole)
    })
}

/// Analyze a text that is already in memory, in any format.
pub fn analyze_text(text: String, path: Option<&Path>) -> Document {
    let name = path.map_or_else(String::new, |p| p.display().to_string());
    Document::analyze(&formats::convert(text, path, &name).text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_means_its_article_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.md", "a.txt", "c.html", "notes.pdf", "z.jpg"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let got = sources(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = got.iter().map(Source::display_name).collect();
        assert_eq!(names, ["a.txt", "b.md", "c.html"]);
    }

    #[test]
    fn an_empty_directory_is_refused_and_no_argument_is_the_sample() {
        let dir = tempfile::tempdir().unwrap();
        let err = sources(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("no article files"));
        assert_eq!(err.exit_code(), 2);
        assert_eq!(sources(&[]).unwrap(), [Source::Bundled]);
    }

    #[test]
    fn a_directory_of_only_a_fifo_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.txt");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = sources(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("; a.txt passed over: not a regular file"),
            "{err}"
        );
    }

    #[test]
    fn stdin_is_read_once() {
        let dash = PathBuf::from("-");
        let err = sources(&[dash.clone(), dash.clone()]).unwrap_err();
        assert!(matches!(err, OpenError::StdinTwice));
        assert_eq!(sources(&[dash]).unwrap(), [Source::Stdin]);
    }
}
