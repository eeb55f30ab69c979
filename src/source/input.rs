//! Reading an article from a file or stdin into clean UTF-8 text.

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// The bundled default article, so the reader works from any directory.
pub const BUNDLED_NAME: &str = "minerals-deal.txt";
pub const BUNDLED: &str = include_str!("../../assets/minerals-deal.txt");

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

    /// Short name for the status line, headers and messages. A file name
    /// may hold any byte but `/`: its controls are shown as stand-ins, the
    /// way the article text shows them, and it stays on one line.
    pub fn display_name(&self) -> String {
        match self {
            Source::Bundled => BUNDLED_NAME.to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => inert_name(&p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )),
        }
    }

    /// The name as given on the command line (a file's whole path, so two
    /// `a.txt` in different folders are told apart), shown inert.
    pub fn given_name(&self) -> String {
        match self {
            Source::File(p) => inert_name(&p.display().to_string()),
            _ => self.display_name(),
        }
    }
}

/// Settings and reading positions are small: larger files are refused.
pub const SMALL_FILE_LIMIT: u64 = 1024 * 1024;

/// Read a small file the program keeps for itself (settings, reading
/// positions). Anything but a regular file under [`SMALL_FILE_LIMIT`] is
/// refused before it is opened, so a FIFO cannot block and `/dev/zero`
/// cannot fill memory; the read is bounded too, in case the file grows.
pub fn read_small_file(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
    }
    let too_big = || Error::new(ErrorKind::InvalidData, "larger than 1 MiB");
    if meta.len() > SMALL_FILE_LIMIT {
        return Err(too_big());
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(SMALL_FILE_LIMIT + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > SMALL_FILE_LIMIT {
        return Err(too_big());
    }
    Ok(text)
}

/// A name that cannot drive a terminal, on one line.
fn inert_name(name: &str) -> String {
    crate::model::sanitize::sanitize(name).0.replace('\n', "^J")
}

/// Files larger than this are refused unless the limit is raised with
/// `--max-size` or `BYLINE_MAX_SIZE`.
pub const DEFAULT_MAX_SIZE: u64 = 64 * 1024 * 1024;

/// The highest `--max-size`: the analysis addresses text with 32-bit
/// offsets (`analysis::tokens::MAX_TEXT_LEN`, 4 GiB), and making a text
/// safe to show can make it up to four times longer (a tab becomes four
/// spaces, a C1 control "<U+0085>").
pub const MAX_SIZE_CAP: u64 = 512 * 1024 * 1024;

/// Exit code for a path that is missing, unreadable or not a file.
pub const EXIT_BAD_PATH: u8 = 2;
/// Exit code for an input over the size limit.
pub const EXIT_TOO_LARGE: u8 = 3;
/// Exit code for a binary (undecodable) input.
pub const EXIT_BINARY: u8 = 4;

#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory, not an article")]
    Directory { path: String },
    #[error("{path}: not a regular file (a device or socket), not an article")]
    NotRegular { path: String },
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error(
        "{path}: larger than the limit of {} bytes ({}); raise it with --max-size BYTES or BYLINE_MAX_SIZE",
        limit,
        human_size(*limit)
    )]
    TooLarge { path: String, limit: u64 },
    #[error("{path}: looks like a binary file (it contains NUL bytes), not an article")]
    Binary { path: String },
}

impl InputError {
    /// Exit code for the command line: 2 for a bad or unreadable path, 3 for
    /// an input over the size limit, 4 for a binary file.
    pub fn exit_code(&self) -> u8 {
        match self {
            InputError::TooLarge { .. } => EXIT_TOO_LARGE,
            InputError::Binary { .. } => EXIT_BINARY,
            _ => EXIT_BAD_PATH,
        }
    }
}

/// `67108864` as "64 MiB", for messages.
fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} B")
}

/// Parse a size for `--max-size`: plain bytes, or a number with a binary
/// suffix `K`, `M` or `G` (also `KiB`, `MB`, ...; all mean powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, suffix) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size in bytes (like 1048576 or 64M)"))?;
    let shift = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{s:?}: unknown size unit (use K, M or G)")),
    };
    n.checked_mul(1 << shift)
        .filter(|&size| size <= MAX_SIZE_CAP)
        .ok_or_else(|| format!("{s:?} is too large a size (the most is 512M)"))
}

/// A loaded article: its text and what was fixed on the way in.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Read and decode an article, refusing inputs over `max_size` bytes.
pub fn load(source: &Source, max_size: u64) -> Result<Loaded, InputError> {
    match source {
        Source::Bundled => Ok(Loaded {
            text: normalize_newlines(BUNDLED),
            warnings: Vec::new(),
        }),
        Source::Stdin => {
            let bytes = read_limited(std::io::stdin().lock(), max_size, "<stdin>")?;
            decode(&bytes, "<stdin>")
        }
        Source::File(path) => {
            let shown = path.display().to_string();
            let bytes = read_file(path, max_size, &shown)?;
            decode(&bytes, &shown)
        }
    }
}

/// How much of a long file a preview reads at least: a few screens of a
/// small terminal (reading, outlining and wrapping it is what the first
/// screen waits for).
pub const PREVIEW_BYTES: u64 = 4 * 1024;
/// How much a preview reads at most, on the largest terminal.
pub const PREVIEW_MAX: u64 = 128 * 1024;

/// The start of a long regular file (about `bytes` of it), decoded exactly as the whole file
/// will be, so that its text is the start of the whole text: UTF-8 (a
/// byte-order mark is dropped), no NUL, cut after its last complete line.
/// None when the file is no longer than its preview, not regular, over
/// `max_size`, or not such a text: then the whole file has to be read
/// before anything is shown.
/// With the text, the whole file's length in bytes.
pub fn preview(path: &Path, max_size: u64, bytes: u64) -> Option<(String, u64)> {
    let bytes = bytes.clamp(PREVIEW_BYTES, PREVIEW_MAX);
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() <= bytes || meta.len() > max_size {
        return None;
    }
    let mut start = Vec::with_capacity(bytes as usize);
    std::fs::File::open(path)
        .ok()?
        .take(bytes)
        .read_to_end(&mut start)
        .ok()?;
    let lines = &start[..crate::bytes::rfind(b'\n', &start)? + 1];
    if utf16_bom(lines).is_some() || lines.contains(&0) {
        return None;
    }
    let text = std::str::from_utf8(lines.strip_prefix(b"\xef\xbb\xbf").unwrap_or(lines)).ok()?;
    Some((normalize_newlines(text), meta.len()))
}

/// Open a path and read it: regular files and FIFOs only, never more than
/// `max_size + 1` bytes, so `/dev/zero` or an endless pipe cannot hang the
/// reader or exhaust memory.
fn read_file(path: &Path, max_size: u64, shown: &str) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(shown, e))?;
    check_file_type(&meta.file_type(), shown)?;
    if meta.is_file() && meta.len() > max_size {
        return Err(InputError::TooLarge {
            path: shown.into(),
            limit: max_size,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(shown, e))?;
    // The path may have been swapped between the two looks; trust the
    // handle. The bounded read below still holds if it grows later.
    let opened = file.metadata().map_err(|e| io_error(shown, e))?;
    check_file_type(&opened.file_type(), shown)?;
    read_limited(file, max_size, shown)
}

fn check_file_type(kind: &std::fs::FileType, shown: &str) -> Result<(), InputError> {
    if kind.is_dir() {
        return Err(InputError::Directory { path: shown.into() });
    }
    if kind.is_file() || is_fifo(kind) {
        return Ok(());
    }
    Err(InputError::NotRegular { path: shown.into() })
}

#[cfg(unix)]
fn is_fifo(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_kind: &std::fs::FileType) -> bool {
    false
}

/// Read at most `max_size` bytes; one byte more means the input is too large.
pub fn read_limited<R: Read>(reader: R, max_size: u64, shown: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(shown, e))?;
    if bytes.len() as u64 > max_size {
        return Err(InputError::TooLarge {
            path: shown.into(),
            limit: max_size,
        });
    }
    Ok(bytes)
}

fn io_error(path: &str, e: std::io::Error) -> InputError {
    let path = path.to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound { path },
        std::io::ErrorKind::PermissionDenied => InputError::PermissionDenied { path },
        std::io::ErrorKind::IsADirectory => InputError::Directory { path },
        _ => InputError::Unreadable {
            path,
            reason: one_line(&e.to_string()),
        },
    }
}

/// An OS error message on one line, free of control characters.
fn one_line(reason: &str) -> String {
    reason
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Bytes to text: decode UTF-16 with a BOM (with a warning), refuse
/// binaries, strip a UTF-8 BOM, replace invalid UTF-8 (with a warning) and
/// normalize line endings to `\n`.
pub fn decode(bytes: &[u8], name: &str) -> Result<Loaded, InputError> {
    let mut warnings = Vec::new();
    let text = if let Some((order, body)) = utf16_bom(bytes) {
        let (text, bad) = decode_utf16(body, order);
        let mut w = format!("{name}: decoded from UTF-16 {}", order.label());
        if bad > 0 {
            w.push_str(&format!(
                "; {bad} invalid code unit(s) replaced with \u{fffd}"
            ));
        }
        warnings.push(w);
        if text.contains('\0') {
            return Err(InputError::Binary { path: name.into() });
        }
        text
    } else {
        if bytes.contains(&0) {
            return Err(InputError::Binary { path: name.into() });
        }
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let lossy = String::from_utf8_lossy(bytes).into_owned();
                let bad = bytes
                    .utf8_chunks()
                    .filter(|chunk| !chunk.invalid().is_empty())
                    .count();
                warnings.push(format!(
                    "{name}: not valid UTF-8; {bad} invalid byte sequence(s) replaced with \u{fffd}"
                ));
                lossy
            }
        }
    };
    Ok(Loaded {
        text: normalize_newlines(&text),
        warnings,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteOrder {
    Little,
    Big,
}

impl ByteOrder {
    fn label(self) -> &'static str {
        match self {
            ByteOrder::Little => "LE",
            ByteOrder::Big => "BE",
        }
    }
}

fn utf16_bom(bytes: &[u8]) -> Option<(ByteOrder, &[u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        Some((ByteOrder::Little, rest))
    } else {
        bytes
            .strip_prefix(b"\xfe\xff")
            .map(|rest| (ByteOrder::Big, rest))
    }
}

/// Decode UTF-16 code units; unpaired surrogates and a dangling odd byte
/// become U+FFFD. Returns the text and the number of replacements.
fn decode_utf16(body: &[u8], order: ByteOrder) -> (String, usize) {
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        match order {
            ByteOrder::Little => u16::from_le_bytes(pair),
            ByteOrder::Big => u16::from_be_bytes(pair),
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut bad = 0;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        bad += 1;
    }
    (text, bad)
}

/// CRLF and lone CR line ends as LF, in one pass that jumps from one CR to
/// the next.
fn normalize_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for cr in crate::bytes::positions(b'\r', text.as_bytes()) {
        out.push_str(&text[from..cr]);
        out.push('\n');
        from = cr + 1;
        if text.as_bytes().get(from) == Some(&b'\n') {
            from += 1;
        }
    }
    out.push_str(&text[from..]);
    out
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
    fn every_kind_of_line_end_becomes_one_newline() {
        for (raw, want) in [
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\r\r\nb\n", "a\n\nb\n"),
            ("\r", "\n"),
            ("\r\n\r\n", "\n\n"),
            ("é\r", "é\n"),
            ("plain", "plain"),
        ] {
            assert_eq!(normalize_newlines(raw), want, "{raw:?}");
        }
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

    fn utf16(order: ByteOrder, s: &str) -> Vec<u8> {
        let mut out = match order {
            ByteOrder::Little => vec![0xff, 0xfe],
            ByteOrder::Big => vec![0xfe, 0xff],
        };
        for unit in s.encode_utf16() {
            out.extend(match order {
                ByteOrder::Little => unit.to_le_bytes(),
                ByteOrder::Big => unit.to_be_bytes(),
            });
        }
        out
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_with_a_warning() {
        let article = "Zelenskyy’s “deal”\r\nBody 🙂 北京.";
        for order in [ByteOrder::Little, ByteOrder::Big] {
            let loaded = decode(&utf16(order, article), "u.txt").unwrap();
            assert_eq!(loaded.text, "Zelenskyy’s “deal”\nBody 🙂 北京.");
            assert_eq!(
                loaded.warnings,
                vec![format!("u.txt: decoded from UTF-16 {}", order.label())]
            );
        }
    }

    #[test]
    fn broken_utf16_is_replaced_not_refused() {
        // An unpaired high surrogate, then a dangling odd byte.
        let loaded = decode(b"\xff\xfeA\x00\x00\xd8B\x00C", "u").unwrap();
        assert_eq!(loaded.text, "A\u{fffd}B\u{fffd}");
        assert!(loaded.warnings[0].contains("2 invalid code unit(s)"));
        // A BOM alone is an empty article.
        assert_eq!(decode(b"\xfe\xff", "u").unwrap().text, "");
    }

    #[test]
    fn utf16_that_decodes_to_nul_is_binary() {
        let err = decode(b"\xff\xfeA\x00\x00\x00", "u").unwrap_err();
        assert!(matches!(err, InputError::Binary { .. }));
        assert_eq!(err.exit_code(), EXIT_BINARY);
    }

    #[test]
    fn invalid_utf8_counts_only_the_replacements_it_made() {
        let clean = decode("ok \u{fffd}".as_bytes(), "t").unwrap();
        assert!(clean.warnings.is_empty());
        let loaded = decode(b"ok \xef\xbf\xbd \xe9 \xff\xfe", "t").unwrap();
        assert!(
            loaded.warnings[0].contains("; 3 invalid"),
            "{:?}",
            loaded.warnings
        );
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'a');
        let err = read_limited(endless, 1000, "<stdin>").unwrap_err();
        assert!(matches!(err, InputError::TooLarge { limit: 1000, .. }));
        assert_eq!(err.exit_code(), EXIT_TOO_LARGE);
        let exact = read_limited(&b"abcd"[..], 4, "x").unwrap();
        assert_eq!(exact, b"abcd");
        assert!(read_limited(&b"abcde"[..], 4, "x").is_err());
    }

    #[test]
    fn the_size_message_names_the_limit_and_the_override() {
        let err = InputError::TooLarge {
            path: "big.txt".into(),
            limit: DEFAULT_MAX_SIZE,
        };
        assert_eq!(
            err.to_string(),
            "big.txt: larger than the limit of 67108864 bytes (64 MiB); \
             raise it with --max-size BYTES or BYLINE_MAX_SIZE"
        );
        assert_eq!(human_size(1000), "1000 B");
        assert_eq!(human_size(3 << 30), "3 GiB");
    }

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("64M"), Ok(DEFAULT_MAX_SIZE));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("512 MiB"), Ok(MAX_SIZE_CAP));
        assert_eq!(parse_size("0 GiB"), Ok(0));
        assert_eq!(parse_size("0"), Ok(0));
        assert!(parse_size("").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("513M").is_err(), "over the cap");
        assert!(parse_size("1G").is_err(), "over the cap");
        assert!(parse_size("99999999999999999999G").is_err());
        assert!(parse_size("18446744073709551615G").is_err());
    }

    /// A reader that fails after some bytes, like a file on a disk that
    /// goes away mid-read.
    struct FailsMidway(usize);

    impl Read for FailsMidway {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("device went away"));
            }
            let n = self.0.min(buf.len());
            buf[..n].fill(b'x');
            self.0 -= n;
            Ok(n)
        }
    }

    #[test]
    fn an_error_mid_read_is_a_one_line_error() {
        let err = read_limited(FailsMidway(10_000), DEFAULT_MAX_SIZE, "gone.txt").unwrap_err();
        assert_eq!(err.to_string(), "gone.txt: cannot read: device went away");
        assert_eq!(err.exit_code(), EXIT_BAD_PATH);
        assert_eq!(one_line("a\nb\x1bc"), "a b c");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        let err = load(&Source::File("/dev/zero".into()), DEFAULT_MAX_SIZE).unwrap_err();
        assert!(matches!(err, InputError::NotRegular { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "/dev/zero: not a regular file (a device or socket), not an article"
        );
        assert_eq!(err.exit_code(), EXIT_BAD_PATH);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(&Source::File(dir.path().into()), DEFAULT_MAX_SIZE).unwrap_err();
        assert!(matches!(err, InputError::Directory { .. }));
    }

    #[test]
    fn a_regular_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("article.txt");
        std::fs::write(&path, "Title\nBody.\n").unwrap();
        let source = Source::File(path.clone());
        let err = load(&source, 5).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { limit: 5, .. }));
        assert_eq!(load(&source, 12).unwrap().text, "Title\nBody.\n");
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

    #[test]
    fn a_file_name_with_controls_is_shown_inert() {
        let name = Source::File(PathBuf::from("d/\u{1b}]0;x\u{7}\n\u{202e}a.txt")).display_name();
        assert_eq!(name, "^[]0;x^G^J<U+202E>a.txt");
    }

    #[test]
    fn a_preview_is_the_start_of_the_whole_text_cut_after_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let line = "Ein Satz über die Straße, mit Umlauten.\r\n";
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        while bytes.len() < PREVIEW_BYTES as usize + 1000 {
            bytes.extend_from_slice(line.as_bytes());
        }
        let path = dir.path().join("long.txt");
        std::fs::write(&path, &bytes).unwrap();
        let (preview, len) = preview(&path, u64::MAX, 0).expect("a long text has a preview");
        assert_eq!(len, bytes.len() as u64);
        let whole = decode(&bytes, "long.txt").unwrap().text;
        assert!(whole.starts_with(&preview));
        assert!(preview.ends_with('\n') && preview.len() <= PREVIEW_BYTES as usize);
        // No longer than a preview, over the limit, or not plain UTF-8:
        // the whole is read.
        assert_eq!(preview_of(&dir, b"Title\n\nShort.\n"), None);
        assert_eq!(preview_of(&dir, &bytes[..PREVIEW_BYTES as usize]), None);
        assert!(preview_of(&dir, &bytes[..PREVIEW_BYTES as usize + 1]).is_some());
        assert_eq!(super::preview(&path, 1000, 0), None);
        let mut utf16 = b"\xff\xfe".to_vec();
        utf16.resize(PREVIEW_BYTES as usize + 10, b'\n');
        assert_eq!(preview_of(&dir, &utf16), None);
    }

    fn preview_of(dir: &tempfile::TempDir, bytes: &[u8]) -> Option<String> {
        let path = dir.path().join("other.txt");
        std::fs::write(&path, bytes).unwrap();
        preview(&path, u64::MAX, 0).map(|(text, _)| text)
    }
}
