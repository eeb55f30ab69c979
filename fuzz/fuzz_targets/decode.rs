//! Any bytes: decoding never panics, and what it returns is clean text.
#![no_main]

use byline::source::input::{InputError, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode(data, "fuzz") {
        Ok(loaded) => {
            assert!(!loaded.text.contains('\r'), "line endings are normalized");
            assert!(!loaded.text.contains('\0'), "NUL is refused, not decoded");
            assert!(loaded.warnings.len() <= 1);
        }
        Err(e) => assert!(matches!(e, InputError::Binary { .. }), "{e}"),
    }
});
