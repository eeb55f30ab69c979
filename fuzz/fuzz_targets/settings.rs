//! Any text as the settings file: parsing never panics; an error or a
//! warning is a message, never a crash.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match byline::reader::config::parse(text, Path::new("config.toml")) {
            Ok((_, warnings)) => assert!(warnings.iter().all(|w| !w.is_empty())),
            Err(e) => assert!(!e.is_empty()),
        }
    }
});
