//! Where the benches find the long texts: `$BYLINE_CORPUS`, else
//! `../shared/corpus/` beside the crate.

use std::path::PathBuf;

/// The path of the novel, whether or not it is there.
pub fn novel_path() -> PathBuf {
    let dir = std::env::var("BYLINE_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").into());
    PathBuf::from(dir).join("war-and-peace.txt")
}
