use std::time::Instant;
fn main() {
    let bytes = std::fs::read("../shared/corpus/war-and-peace.txt").unwrap();
    let text = byline::input::decode(&bytes, "wp").unwrap().text;
    for _ in 0..3 {
        let t = Instant::now();
        let (clean, ph) = byline::sanitize::sanitize(&text);
        let t1 = t.elapsed();
        let mut doc = byline::parse::parse(clean);
        doc.placeholders = ph;
        let t2 = t.elapsed();
        let toks = byline::analysis::tokens::tokenize(&doc);
        let t3 = t.elapsed();
        let g = byline::analysis::gazetteer::gazetteer();
        let pm = g.find(&doc.text);
        let t4 = t.elapsed();
        let nums = byline::analysis::numbers::find_numbers(&doc.text);
        let t5 = t.elapsed();
        byline::analysis::analyze(&mut doc);
        let t6 = t.elapsed();
        println!(
            "sanitize {:?} parse {:?} tokenize {:?} places {:?} numbers {:?} analyze {:?} ({} {} {})",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            t6 - t5,
            toks.len(),
            pm.len(),
            nums.len()
        );
    }
}
