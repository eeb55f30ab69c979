//! Many articles at once: opened and analyzed in parallel (rayon), written
//! as JSON Lines, one article per line.

use rayon::prelude::*;
use serde_json::Value;

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
/// article's `source` name added.
pub fn json_line(source: &str, doc: &Document) -> String {
    let mut object = serde_json::Map::new();
    object.insert("source".into(), Value::String(source.to_string()));
    if let Value::Object(fields) = crate::output::export::to_value(doc) {
        object.extend(fields);
    }
    Value::Object(object).to_string()
}

/// JSON Lines of several articles, serialized in parallel.
pub fn json_lines(articles: &[Article]) -> String {
    let lines: Vec<String> = articles
        .par_iter()
        .map(|a| json_line(&a.name(), &a.doc))
        .collect();
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
