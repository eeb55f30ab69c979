//! Reading an article from a file or stdin into clean UTF-8 text.

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// The bundled default article, so the reader works from any directory.
pub const BUNDLED_NAME: &str = "minerals-deal.txt";
pub const BUNDLED: &str = include_str!("../assets/minerals-deal.txt");

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled,
    Stdin,
    File(PathBuf),
}

impl Source {
    /// `-` means stdin; no argument means the bundled article.
    pub fn from_arg(arg: Option<&Path>) -> Source {
        match arg {
            None => Source::Bundled,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::File(p.to_path_buf()),
        }
    }

    /// Short name for the status line.
    pub fn display_name(&self) -> String {
        match self {
            Source::Bundled => BUNDLED_NAME.to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory, not an article")]
    Directory { path: String },
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: looks like a binary file (it contains NUL bytes), not an article")]
    Binary { path: String },
}

impl InputError {
    /// Exit code for the command line: 2 for anything wrong with the input.
    pub fn exit_code(&self) -> i32 {
        2
    }
}

/// A loaded article: its text and what was fixed on the way in.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub text: String,
    pub warnings: Vec<String>,
}

pub fn load(source: &Source) -> Result<Loaded, InputError> {
    match source {
        Source::Bundled => Ok(Loaded {
            text: normalize_newlines(BUNDLED),
            warnings: Vec::new(),
        }),
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| InputError::Unreadable {
                    path: "<stdin>".into(),
                    reason: e.to_string(),
                })?;
            decode(&bytes, "<stdin>")
        }
        Source::File(path) => {
            let shown = path.display().to_string();
            if path.is_dir() {
                return Err(InputError::Directory { path: shown });
            }
            let bytes = std::fs::read(path).map_err(|e| io_error(&shown, e))?;
            decode(&bytes, &shown)
        }
    }
}

fn io_error(path: &str, e: std::io::Error) -> InputError {
    let path = path.to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound { path },
        std::io::ErrorKind::PermissionDenied => InputError::PermissionDenied { path },
        std::io::ErrorKind::IsADirectory => InputError::Directory { path },
        _ => InputError::Unreadable {
            path,
            reason: e.to_string(),
        },
    }
}

/// Bytes to text: refuse binaries, strip a BOM, replace invalid UTF-8 (with a
/// warning) and normalize line endings to `\n`.
pub fn decode(bytes: &[u8], name: &str) -> Result<Loaded, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary { path: name.into() });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let bad = lossy.matches('\u{fffd}').count();
            warnings.push(format!(
                "{name}: not valid UTF-8; {bad} invalid byte sequence(s) replaced with \u{fffd}"
            ));
            lossy
        }
    };
    Ok(Loaded {
        text: normalize_newlines(&text),
        warnings,
    })
}

fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_crlf_normalized() {
        let loaded = decode(b"\xef\xbb\xbfTitle\r\nBody\rMore", "t").unwrap();
        assert_eq!(loaded.text, "Title\nBody\nMore");
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let loaded = decode(b"caf\xe9 ok", "t").unwrap();
        assert_eq!(loaded.text, "caf\u{fffd} ok");
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].contains("not valid UTF-8"));
    }

    #[test]
    fn nul_bytes_are_refused_as_binary() {
        let err = decode(b"abc\0def", "x.bin").unwrap_err();
        assert!(matches!(err, InputError::Binary { .. }));
        assert!(err.to_string().starts_with("x.bin:"));
    }

    #[test]
    fn io_errors_name_the_path_and_the_problem() {
        use std::io::{Error, ErrorKind};
        let denied = io_error("a.txt", Error::from(ErrorKind::PermissionDenied));
        assert_eq!(denied.to_string(), "a.txt: permission denied");
        let gone = io_error("b.txt", Error::from(ErrorKind::NotFound));
        assert_eq!(gone.to_string(), "b.txt: no such file");
        let other = io_error("c.txt", Error::other("disk on fire"));
        assert_eq!(other.to_string(), "c.txt: cannot read: disk on fire");
        assert_eq!(other.exit_code(), 2);
    }

    #[test]
    fn dash_means_stdin_and_none_means_bundled() {
        assert_eq!(Source::from_arg(Some(Path::new("-"))), Source::Stdin);
        assert_eq!(Source::from_arg(None), Source::Bundled);
        assert_eq!(
            Source::from_arg(Some(Path::new("a/b.txt"))).display_name(),
            "b.txt"
        );
    }
}
