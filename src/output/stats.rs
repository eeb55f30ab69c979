//! `byline stats`: who is quoted across a set of articles. Per speaker
//! (by canonical name): quotes, quoted words and the number of articles
//! quoting them; the figure media researchers compute over a corpus.

use std::collections::HashMap;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::model::Document;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub name: String,
    pub quotes: usize,
    pub words: usize,
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub quotes: usize,
    pub words: usize,
    /// Quotes without a named speaker.
    pub unattributed: usize,
    /// Most quoted first (by quotes, then words, then name).
    pub speakers: Vec<Speaker>,
}

/// Sum the quotes of several documents by speaker.
pub fn collect<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Stats {
    let mut by_name: HashMap<String, Speaker> = HashMap::new();
    let mut stats = Stats {
        articles: 0,
        quotes: 0,
        words: 0,
        unattributed: 0,
        speakers: Vec::new(),
    };
    for doc in docs {
        stats.articles += 1;
        let mut seen_here: Vec<&str> = Vec::new();
        for q in &doc.quotes {
            let words = doc.slice(&q.span).split_whitespace().count();
            stats.quotes += 1;
            stats.words += words;
            let Some(e) = q.speaker.and_then(|id| doc.entities.get(id)) else {
                stats.unattributed += 1;
                continue;
            };
            let s = by_name.entry(e.name.clone()).or_insert_with(|| Speaker {
                name: e.name.clone(),
                quotes: 0,
                words: 0,
                articles: 0,
            });
            s.quotes += 1;
            s.words += words;
            if !seen_here.contains(&e.name.as_str()) {
                seen_here.push(&e.name);
                s.articles += 1;
            }
        }
    }
    stats.speakers = by_name.into_values().collect();
    stats.speakers.sort_by(|a, b| {
        (b.quotes, b.words)
            .cmp(&(a.quotes, a.words))
            .then_with(|| a.name.cmp(&b.name))
    });
    stats
}

/// The stats as an aligned table with a summary line.
pub fn table(stats: &Stats) -> String {
    let headers = ["speaker", "quotes", "words", "articles"];
    let rows: Vec<[String; 4]> = stats
        .speakers
        .iter()
        .map(|s| {
            [
                s.name.clone(),
                s.quotes.to_string(),
                s.words.to_string(),
                s.articles.to_string(),
            ]
        })
        .collect();
    let mut widths = headers.map(str::width);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: [&str; 4]| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - cell.width());
            if i == 0 {
                l.push_str(cell);
                l.push_str(&pad);
            } else {
                l.push_str("  ");
                l.push_str(&pad);
                l.push_str(cell);
            }
        }
        l.trim_end().to_string()
    };
    let mut out = line(headers);
    out.push('\n');
    for r in &rows {
        out.push_str(&line([&r[0], &r[1], &r[2], &r[3]]));
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{} article{}, {} quotes ({} words), {} without a named speaker\n",
        stats.articles,
        if stats.articles == 1 { "" } else { "s" },
        stats.quotes,
        stats.words,
        stats.unattributed
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_summed_across_articles() {
        let a = crate::testutil::doc_with_people();
        let b = crate::testutil::doc_with_people();
        let s = collect([&a, &b]);
        assert_eq!(s.articles, 2);
        assert_eq!(s.quotes, 4);
        assert_eq!(s.unattributed, 0);
        assert_eq!(s.speakers.len(), 2);
        let anna = &s.speakers[0];
        assert_eq!(
            (anna.name.as_str(), anna.quotes, anna.words, anna.articles),
            ("Anna", 2, 2, 2)
        );
        let t = table(&s);
        assert!(
            t.starts_with("speaker  quotes  words  articles\nAnna"),
            "{t}"
        );
        assert!(t.contains("2 articles, 4 quotes (4 words)"), "{t}");
    }
}
