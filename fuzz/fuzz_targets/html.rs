//! Any text as a saved web page: converting never panics, never overflows
//! the stack however deep the nesting, and gives the article form.
#![no_main]

use std::path::Path;

use byline::source::formats::{Format, convert};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data).into_owned();
    let converted = convert(page, Some(Path::new("page.html")), "fuzz");
    assert_eq!(converted.format, Format::Html);
    assert!(converted.text.is_empty() || converted.text.ends_with('\n'));
});
