//! Any text as the reading positions file: parsing never panics, and a
//! store that parses writes back to text that parses to the same store.
#![no_main]

use byline::reader::resume::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(store) = Store::parse(text)
    {
        let again = serde_json::to_string(&store).expect("a store serializes");
        assert_eq!(Store::parse(&again).expect("its own output parses"), store);
    }
});
