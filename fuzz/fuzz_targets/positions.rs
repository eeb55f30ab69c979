//! Any text as the reading positions file: parsing never panics, and a
//! store that parses writes back to text that parses to the same articles
//! and counter.
#![no_main]

use byline::reader::resume::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(store) = Store::parse(text)
    {
        let again = Store::parse(&store.to_json()).expect("its own output parses");
        assert!(again.articles.keys().eq(store.articles.keys()));
        let positions = |s: &Store| s.articles.values().map(|e| e.position).collect::<Vec<_>>();
        assert_eq!(positions(&again), positions(&store));
        assert_eq!((again.counter, again.skipped), (store.counter, 0));
    }
});
