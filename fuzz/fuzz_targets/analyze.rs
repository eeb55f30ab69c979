//! Any bytes through the whole pipeline: decode, analyze, export. The
//! document keeps its invariants and the JSON parses without a raw ESC.
#![no_main]

use byline::model::Document;
use byline::source::input::decode;
use byline::output::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = decode(data, "fuzz") else {
        return;
    };
    let doc = Document::analyze(&loaded.text);
    if let Err(broken) = invariants::check(&doc) {
        panic!("{broken}\ninput: {:?}", loaded.text);
    }
    let json = byline::output::export::to_json(&doc);
    if let Err(broken) = invariants::check_json(&doc, &json) {
        panic!("{broken}\ninput: {:?}", loaded.text);
    }
});
