use std::time::Instant;
fn main() {
    let bytes = std::fs::read("../shared/corpus/war-and-peace.txt").unwrap();
    let text = byline::input::decode(&bytes, "wp").unwrap().text;
    for _ in 0..3 {
        let t = Instant::now();
        let doc = byline::document::Document::analyze(&text);
        let t1 = t.elapsed();
        let table = byline::layout::LineTable::wrap(&doc, 80);
        let t2 = t.elapsed();
        let index = byline::index::Index::build(&doc);
        let t3 = t.elapsed();
        let state = byline::state::State::new(doc, "wp");
        let t4 = t.elapsed();
        println!(
            "analyze {:?} wrap {:?} index {:?} state {:?} ({} lines)",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            table.len()
        );
        drop((state, index));
    }
}
