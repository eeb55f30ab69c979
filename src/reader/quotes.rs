//! Who is quoted and how much: every quote grouped by speaker in article
//! order, each speaker's share of the quoted words, and the people the
//! article mentions but never quotes. Built once per document; the quotes
//! view draws its rows.

use crate::model::{Document, EntityId, EntityKind};

/// One row of the quotes view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteRow {
    /// "N people quoted · M quotes".
    Voices,
    /// "Mentioned, never quoted: ...".
    Silent,
    /// A speaker's heading; `None` for unattributed quotes.
    Speaker(usize),
    /// A quote (index into `Document::quotes`).
    Quote(usize),
    Blank,
}

impl QuoteRow {
    pub fn selectable(self) -> bool {
        matches!(self, QuoteRow::Speaker(_) | QuoteRow::Quote(_))
    }
}

/// The quotes of one speaker (or the unattributed ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerGroup {
    pub speaker: Option<EntityId>,
    /// Indices into `Document::quotes`, in article order.
    pub quotes: Vec<usize>,
    /// Words quoted.
    pub words: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteList {
    /// Speakers in order of their first quote; the unattributed group last.
    pub groups: Vec<SpeakerGroup>,
    pub rows: Vec<QuoteRow>,
    /// Indices of selectable rows.
    pub selectable: Vec<usize>,
    /// Words in all quotes.
    pub total_words: usize,
    /// People quoted at least once.
    pub quoted: usize,
    /// People mentioned but never quoted, in sidebar order.
    pub silent: Vec<EntityId>,
}

impl QuoteList {
    /// Group `quotes` (indices into `doc.quotes`, sorted by position).
    pub fn build(doc: &Document, quotes: &[usize]) -> QuoteList {
        let mut groups: Vec<SpeakerGroup> = Vec::new();
        let mut unattributed = SpeakerGroup {
            speaker: None,
            quotes: Vec::new(),
            words: 0,
        };
        for &q in quotes {
            let quote = &doc.quotes[q];
            let words = doc
                .text
                .get(quote.span.clone())
                .map_or(0, |t| t.split_whitespace().count());
            let speaker = quote.speaker.filter(|&id| id < doc.entities.len());
            let group = match speaker {
                None => &mut unattributed,
                Some(id) => match groups.iter().position(|g| g.speaker == Some(id)) {
                    Some(i) => &mut groups[i],
                    None => {
                        groups.push(SpeakerGroup {
                            speaker: Some(id),
                            quotes: Vec::new(),
                            words: 0,
                        });
                        groups.last_mut().expect("just pushed")
                    }
                },
            };
            group.quotes.push(q);
            group.words += words;
        }
        let quoted = groups
            .iter()
            .filter(|g| {
                g.speaker
                    .is_some_and(|id| doc.entities[id].kind == EntityKind::Person)
            })
            .count();
        if !unattributed.quotes.is_empty() {
            groups.push(unattributed);
        }
        let total_words = groups.iter().map(|g| g.words).sum();
        let silent: Vec<EntityId> = doc
            .entities_of(EntityKind::Person)
            .into_iter()
            .filter(|&id| !groups.iter().any(|g| g.speaker == Some(id)))
            .collect();

        let mut rows = vec![QuoteRow::Voices, QuoteRow::Silent];
        for (i, g) in groups.iter().enumerate() {
            rows.push(QuoteRow::Blank);
            rows.push(QuoteRow::Speaker(i));
            rows.extend(g.quotes.iter().map(|&q| QuoteRow::Quote(q)));
        }
        let selectable = (0..rows.len()).filter(|&r| rows[r].selectable()).collect();
        QuoteList {
            groups,
            rows,
            selectable,
            total_words,
            quoted,
            silent,
        }
    }

    /// The row showing quote `q`.
    pub fn row_of_quote(&self, q: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == QuoteRow::Quote(q))
    }

    /// The heading row of a speaker.
    pub fn row_of_speaker(&self, id: EntityId) -> Option<usize> {
        let g = self.groups.iter().position(|g| g.speaker == Some(id))?;
        self.rows.iter().position(|r| *r == QuoteRow::Speaker(g))
    }

    /// A group's share of all quoted words, 0..=1.
    pub fn share(&self, group: usize) -> f64 {
        match (self.groups.get(group), self.total_words) {
            (Some(g), t) if t > 0 => g.words as f64 / t as f64,
            _ => 0.0,
        }
    }
}

/// A quote as copied: `“…” — Ada Okafor, in Title`, on one line, with
/// every control shown as a stand-in.
pub fn citation(doc: &Document, q: usize) -> Option<String> {
    let quote = doc.quotes.get(q)?;
    let text = doc.text.get(quote.span.clone())?;
    let mut out = format!(
        "“{}”",
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let speaker = quote.speaker.and_then(|id| doc.entities.get(id));
    match (speaker, doc.title()) {
        (Some(e), Some(t)) => out.push_str(&format!(" — {}, in {t}", e.name)),
        (Some(e), None) => out.push_str(&format!(" — {}", e.name)),
        (None, Some(t)) => out.push_str(&format!(" — in {t}")),
        (None, None) => {}
    }
    Some(crate::model::sanitize::sanitize(&out).0.replace('\n', " "))
}

/// A quote's text in curly quotes, its whitespace made single spaces,
/// wrapped to `width` columns: the lines the quotes view shows.
pub fn wrap_quote(text: &str, width: usize) -> Vec<String> {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    textwrap::wrap(&format!("“{one_line}”"), width.max(1))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::index::Index;
    use crate::testutil::doc_with_people;

    #[test]
    fn groups_by_speaker_with_shares() {
        let mut doc = doc_with_people();
        // A third person who is never quoted, and an unattributed quote.
        let mut carl = doc.entities[0].clone();
        carl.id = 2;
        carl.name = "Carl".into();
        doc.entities.push(carl);
        let mut q = doc.quotes[0].clone();
        q.speaker = None;
        doc.quotes.push(q);
        let index = Index::build(&doc);
        let list = QuoteList::build(&doc, &index.quotes);
        let speakers: Vec<Option<usize>> = list.groups.iter().map(|g| g.speaker).collect();
        assert_eq!(speakers, [Some(0), Some(1), None]);
        assert_eq!(list.quoted, 2);
        assert_eq!(list.silent, [2]);
        assert_eq!(list.total_words, 3);
        assert!((list.share(0) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(list.rows[0], QuoteRow::Voices);
        assert!(list.row_of_speaker(1).is_some());
        assert!(list.row_of_quote(1).is_some());
        assert!(list.selectable.iter().all(|&r| list.rows[r].selectable()));
    }

    #[test]
    fn a_citation_names_the_speaker_and_the_article_and_is_inert() {
        let mut doc = Document::analyze(
            "Bridge Opens\n\n“We built it in a year,” said Ada Okafor, the engineer.",
        );
        let q = doc.quotes.len() - 1;
        assert_eq!(
            citation(&doc, q).unwrap(),
            "“We built it in a year,” — Ada Okafor, in Bridge Opens"
        );
        // A control that got into a name is shown, never sent.
        let id = doc.quotes[q].speaker.unwrap();
        doc.entities[id].name = "Ada\u{1b}]52;c;x\u{7}".into();
        let c = citation(&doc, q).unwrap();
        assert!(!c.chars().any(char::is_control), "{c:?}");
        assert!(citation(&doc, q + 1).is_none());
    }

    #[test]
    fn a_quote_wraps_whole() {
        let lines = wrap_quote("We will  build\n the bridge before winter comes", 12);
        assert!(lines.len() > 2 && lines.iter().all(|l| l.chars().count() <= 12));
        assert_eq!(
            lines.join(" "),
            "“We will build the bridge before winter comes”"
        );
    }

    #[test]
    fn no_unattributed_group_without_such_quotes() {
        let doc = doc_with_people();
        let index = Index::build(&doc);
        let list = QuoteList::build(&doc, &index.quotes);
        assert!(list.groups.iter().all(|g| g.speaker.is_some()));
        assert_eq!(QuoteList::build(&Document::default(), &[]).share(0), 0.0);
    }
}
