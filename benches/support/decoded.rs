//! The novel as the reader reads it.

/// The novel decoded the reader's way (BOM, CRLF line ends, invalid
/// bytes), or `None` with a note on stderr when it is not there.
pub fn novel_text() -> Option<String> {
    let path = crate::corpus::novel_path();
    match std::fs::read(&path) {
        Ok(bytes) => byline::source::input::decode(&bytes, "novel")
            .ok()
            .map(|l| l.text),
        Err(e) => {
            eprintln!("skipping the novel: {}: {e}", path.display());
            None
        }
    }
}
