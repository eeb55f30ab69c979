//! The release binary, for benches that time it as a person runs it.

use std::path::PathBuf;

/// The release binary, or `None` with a note on stderr when it is not built.
pub fn release_binary() -> Option<PathBuf> {
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/byline");
    if bin.exists() {
        Some(bin)
    } else {
        eprintln!("build the release binary first: cargo build --release");
        None
    }
}
