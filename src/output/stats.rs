//! `byline stats`: who is quoted across a set of articles. Per speaker:
//! quotes, quoted words and the number of articles quoting them; the figure
//! media researchers compute over a corpus. The same person is one speaker
//! across articles when the names clearly match: case aside, and with or
//! without middle initials (`Jane Q. Doe` is `Jane Doe`); the fullest form
//! names them.

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
    let mut by_key: HashMap<String, Speaker> = HashMap::new();
    let mut stats = Stats {
        articles: 0,
        quotes: 0,
        words: 0,
        unattributed: 0,
        speakers: Vec::new(),
    };
    for doc in docs {
        stats.articles += 1;
        let mut seen_here: Vec<String> = Vec::new();
        for q in &doc.quotes {
            let words = doc.slice(&q.span).split_whitespace().count();
            stats.quotes += 1;
            stats.words += words;
            let Some(e) = q.speaker.and_then(|id| doc.entities.get(id)) else {
                stats.unattributed += 1;
                continue;
            };
            let key = person_key(&e.name);
            let s = by_key.entry(key.clone()).or_insert_with(|| Speaker {
                name: e.name.clone(),
                quotes: 0,
                words: 0,
                articles: 0,
            });
            if e.name.len() > s.name.len() {
                s.name.clone_from(&e.name);
            }
            s.quotes += 1;
            s.words += words;
            if !seen_here.contains(&key) {
                seen_here.push(key);
                s.articles += 1;
            }
        }
    }
    stats.speakers = by_key.into_values().collect();
    stats.speakers.sort_by(|a, b| {
        (b.quotes, b.words)
            .cmp(&(a.quotes, a.words))
            .then_with(|| a.name.cmp(&b.name))
    });
    stats
}

/// A name as speakers are told apart: lowercased, without middle
/// initials.
fn person_key(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || !is_initial(w))
        .map(|(_, w)| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Q." or "Q".
fn is_initial(word: &str) -> bool {
    let mut chars = word.trim_end_matches('.').chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
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

    #[test]
    fn the_same_person_is_one_speaker_across_articles() {
        let mut a = crate::testutil::doc_with_people();
        let mut b = crate::testutil::doc_with_people();
        a.entities[0].name = "Jane Q. Doe".into();
        b.entities[0].name = "Jane Doe".into();
        let s = collect([&a, &b]);
        assert_eq!(s.speakers.len(), 2);
        let jane = s.speakers.iter().find(|p| p.name.contains("Doe")).unwrap();
        assert_eq!(
            (jane.name.as_str(), jane.quotes, jane.articles),
            ("Jane Q. Doe", 2, 2)
        );
        // A different first name, or a middle name, is not clearly her.
        b.entities[0].name = "John Doe".into();
        assert_eq!(collect([&a, &b]).speakers.len(), 3);
        b.entities[0].name = "Jane Quinn Doe".into();
        assert_eq!(collect([&a, &b]).speakers.len(), 3);
        assert_eq!(person_key("Jane  Q Doe"), person_key("jane doe"));
        assert_ne!(person_key("J. Doe"), person_key("Jane Doe"));
    }
}
