//! Many articles at once: opened and analyzed in parallel (rayon), written
//! as JSON Lines, one article per line.

use rayon::prelude::*;

use crate::model::Document;
use crate::source::articles::{self, Article, OpenError};
use crate::source::input::Source;

/// Open and analyze every source in parallel; results in source order.
pub fn open_all(sources: &[Source], max_size: u64) -> Vec<Result<Article, OpenError>> {
    sources
        .par_iter()
        .map(|s| articles::open(s, max_size))
        .collect()
}

/// Analyze texts already in memory in parallel (benchmarks, tests).
pub fn analyze_all(texts: &[String]) -> Vec<Document> {
    texts
        .par_iter()
        .map(|t| articles::analyze_text(t.clone(), None))
        .collect()
}

/// One compact JSON object of an article: the export object with the
/// article's `source` name first.
pub fn json_line(source: &str, doc: &Document) -> String {
    let mut out = Vec::new();
    // Writing plain structs of strings and numbers into memory cannot fail.
    let _ = crate::output::export::write_line(source, doc, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// What a batch has to say about an article besides its line.
pub enum Note<'a> {
    /// The article's warnings, told before its line.
    Warnings(&'a [String]),
    /// The article could not be opened; the batch goes on without it.
    Skipped(&'a OpenError),
}

/// Open, analyze and write the articles as JSON Lines, in source order, a
/// few at a time in parallel: memory holds the articles in flight, never
/// the whole batch. `prepare` sees each opened article (to apply saved
/// corrections) before its line is made. Only a failed write stops the
/// batch.
pub fn write_json_lines(
    sources: &[Source],
    max_size: u64,
    out: &mut impl std::io::Write,
    prepare: impl Fn(&mut Article) + Sync,
    mut note: impl FnMut(Note),
) -> std::io::Result<()> {
    let in_flight = rayon::current_num_threads().max(1) * 2;
    for window in sources.chunks(in_flight) {
        let lines: Vec<Result<(Vec<String>, String), OpenError>> = window
            .par_iter()
            .map(|s| {
                let mut a = articles::open(s, max_size)?;
                prepare(&mut a);
                let line = json_line(&s.given_name(), &a.doc);
                Ok((a.warnings, line))
            })
            .collect();
        for line in lines {
            match line {
                Ok((warnings, line)) => {
                    note(Note::Warnings(&warnings));
                    writeln!(out, "{line}")?;
                }
                Err(e) => note(Note::Skipped(&e)),
            }
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn a_json_line_is_one_line_with_the_source() {
        let doc = Document::analyze("Title\nSome “quoted words,” Anna Berg said.");
        let line = json_line("a.txt", &doc);
        assert!(!line.contains('\n'));
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["source"], "a.txt");
        assert_eq!(v["title"], "Title");
    }

    #[test]
    fn parallel_analysis_keeps_the_order() {
        let texts: Vec<String> = (0..20).map(|i| format!("Title {i}\nBody {i}.")).collect();
        let docs = analyze_all(&texts);
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(d.title(), Some(format!("Title {i}").as_str()));
        }
    }
}
