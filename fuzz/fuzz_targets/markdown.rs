//! Any text as Markdown: converting never panics and gives the article
//! form, with no blank line inside a block.
#![no_main]

use std::path::Path;

use byline::source::formats::{Format, convert};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let md = String::from_utf8_lossy(data).into_owned();
    let converted = convert(md, Some(Path::new("story.md")), "fuzz");
    assert_eq!(converted.format, Format::Markdown);
    assert!(converted.text.is_empty() || converted.text.ends_with('\n'));
    assert!(!converted.text.contains("\n\n\n"));
});
