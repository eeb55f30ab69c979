//! Lookup tables the reader builds once from a [`Document`]: every mention
//! sorted by position, the sidebar rows, the outline and speaker colors.
//! Per-frame work then uses binary search over these sorted spans.

use std::ops::Range;

use crate::analysis::context::Numbers;
use crate::model::{Document, EntityId, EntityKind, SectionKind, Span};
use crate::reader::quotes::QuoteList;

/// One mention of an entity, flattened out of all entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRef {
    pub span: Span,
    pub entity: EntityId,
    pub description: bool,
}

/// A row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group title ("Outline", "People", ...).
    Header(Group),
    /// A heading of the article (index into `Document::sections`).
    Heading(usize),
    Entity(EntityId),
    /// "none" under an empty group.
    Empty,
    /// Space between groups.
    Blank,
}

impl Row {
    pub fn selectable(self) -> bool {
        matches!(self, Row::Heading(_) | Row::Entity(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Outline,
    Kind(EntityKind),
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Outline => "Outline",
            Group::Kind(k) => k.label(),
        }
    }
}

/// Number of distinct speaker colors in the palette.
pub const SPEAKER_COLORS: usize = 8;

#[derive(Debug, Clone, Default)]
pub struct Index {
    /// All mentions, sorted by start, non-overlapping.
    pub mentions: Vec<MentionRef>,
    /// Quote indices sorted by start.
    pub quotes: Vec<usize>,
    /// Sidebar rows, in display order.
    pub rows: Vec<Row>,
    /// Indices of selectable rows.
    pub selectable: Vec<usize>,
    /// For each group shown, the index of its header row.
    pub group_rows: Vec<usize>,
    /// Heading sections, in order.
    pub headings: Vec<usize>,
    /// Palette slot of each entity that speaks (by entity id).
    pub speaker_color: Vec<Option<usize>>,
    /// People with at least one quote, in sidebar order.
    pub speakers: Vec<EntityId>,
    /// Quotes attributed to each entity (by entity id).
    pub quote_counts: Vec<usize>,
    /// What each number counts, its value, and numbers to compare.
    pub numbers: Numbers,
    /// Places with coordinates, in sidebar order.
    pub places: Vec<EntityId>,
    /// Quotes grouped by speaker, for the quotes view.
    pub quote_list: QuoteList,
}

impl Index {
    pub fn build(doc: &Document) -> Index {
        // Minor numbers are not highlighted: the text marks what the
        // sidebar lists.
        let mut mentions: Vec<MentionRef> = doc
            .entities
            .iter()
            .filter(|e| !e.minor())
            .flat_map(|e| {
                e.mentions.iter().map(move |m| MentionRef {
                    span: m.span.clone(),
                    entity: e.id,
                    description: m.description,
                })
            })
            .filter(|m| valid_span(doc, &m.span) && !m.span.is_empty())
            .collect();
        // Longest first at equal start, then drop anything overlapping.
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut kept: Vec<MentionRef> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if kept.last().is_none_or(|k| k.span.end <= m.span.start) {
                kept.push(m);
            }
        }

        let mut quotes: Vec<usize> = (0..doc.quotes.len())
            .filter(|&i| valid_span(doc, &doc.quotes[i].span))
            .collect();
        quotes.sort_by_key(|&i| doc.quotes[i].span.start);

        let headings: Vec<usize> = doc
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SectionKind::Heading)
            .map(|(i, _)| i)
            .collect();

        let (rows, selectable, group_rows) = sidebar_rows(doc, &headings, "");

        // Speakers get palette slots in order of their first quote, so a
        // speaker keeps a color however the sidebar sorts.
        let mut speaker_color = vec![None; doc.entities.len()];
        let mut next = 0;
        let mut quote_counts = vec![0; doc.entities.len()];
        for &q in &quotes {
            let Some(id) = doc.quotes[q].speaker.filter(|&id| id < speaker_color.len()) else {
                continue;
            };
            quote_counts[id] += 1;
            if speaker_color[id].is_none() {
                speaker_color[id] = Some(next % SPEAKER_COLORS);
                next += 1;
            }
        }
        let speakers = doc
            .entities_of(EntityKind::Person)
            .into_iter()
            .filter(|&id| speaker_color[id].is_some())
            .collect();

        Index {
            mentions: kept,
            quote_list: QuoteList::build(doc, &quotes),
            quotes,
            rows,
            selectable,
            group_rows,
            headings,
            speaker_color,
            speakers,
            quote_counts,
            numbers: Numbers::build(doc),
            places: crate::reader::map::mapped_places(doc),
        }
    }

    /// Keep only the sidebar entries whose name (or heading) matches
    /// `query` as a case-insensitive subsequence; an empty query shows all.
    pub fn filter_rows(&mut self, doc: &Document, query: &str) {
        let (rows, selectable, group_rows) = sidebar_rows(doc, &self.headings, query);
        self.rows = rows;
        self.selectable = selectable;
        self.group_rows = group_rows;
    }

    /// Mentions overlapping a byte range (binary search).
    pub fn mentions_in(&self, range: &Range<usize>) -> &[MentionRef] {
        let from = self.mentions.partition_point(|m| m.span.end <= range.start);
        let to = self.mentions.partition_point(|m| m.span.start < range.end);
        &self.mentions[from..to.max(from)]
    }

    /// The mention containing byte `pos`.
    pub fn mention_at(&self, pos: usize) -> Option<&MentionRef> {
        self.mentions_in(&(pos..pos + 1)).first()
    }

    /// Quotes (indices into `Document::quotes`) overlapping a byte range.
    pub fn quotes_in<'a>(&'a self, doc: &Document, range: &Range<usize>) -> &'a [usize] {
        let from = self
            .quotes
            .partition_point(|&q| doc.quotes[q].span.end <= range.start);
        let to = self
            .quotes
            .partition_point(|&q| doc.quotes[q].span.start < range.end);
        &self.quotes[from..to.max(from)]
    }
}

/// Sidebar rows (outline, then one group per kind), their selectable rows
/// and group header rows, with entries filtered by `query`.
fn sidebar_rows(
    doc: &Document,
    headings: &[usize],
    query: &str,
) -> (Vec<Row>, Vec<usize>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut group_rows = Vec::new();
    let shown: Vec<usize> = headings
        .iter()
        .copied()
        .filter(|&h| fuzzy_match(query, doc.slice(&doc.sections[h].span)))
        .collect();
    if !headings.is_empty() {
        group_rows.push(rows.len());
        rows.push(Row::Header(Group::Outline));
        if shown.is_empty() {
            rows.push(Row::Empty);
        }
        rows.extend(shown.into_iter().map(Row::Heading));
    }
    for kind in EntityKind::ALL {
        if !rows.is_empty() {
            rows.push(Row::Blank);
        }
        group_rows.push(rows.len());
        rows.push(Row::Header(Group::Kind(kind)));
        let ids: Vec<EntityId> = doc
            .entities_of(kind)
            .into_iter()
            .filter(|&id| fuzzy_match(query, &doc.entities[id].name))
            .collect();
        if ids.is_empty() {
            rows.push(Row::Empty);
        }
        rows.extend(ids.into_iter().map(Row::Entity));
    }
    let selectable = (0..rows.len()).filter(|&i| rows[i].selectable()).collect();
    (rows, selectable, group_rows)
}

/// Does `query` occur in `text` as a subsequence, ignoring case and
/// spaces in the query? ("dtr" matches "Donald Trump".)
pub fn fuzzy_match(query: &str, text: &str) -> bool {
    let mut hay = text.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .all(|q| hay.any(|h| h == q))
}

/// Spans that index into `text` on char boundaries; anything else is
/// ignored rather than trusted.
fn valid_span(doc: &Document, span: &Span) -> bool {
    span.start <= span.end
        && span.end <= doc.text.len()
        && doc.text.is_char_boundary(span.start)
        && doc.text.is_char_boundary(span.end)
}

/// Spans sorted by start and not overlapping: search hits, placeholders.
pub fn spans_in<'a>(spans: &'a [Span], range: &Range<usize>) -> &'a [Span] {
    let from = spans.partition_point(|s| s.end <= range.start);
    let to = spans.partition_point(|s| s.start < range.end);
    &spans[from..to.max(from)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::doc_with_people;

    #[test]
    fn rows_have_all_groups_and_speakers_get_colors() {
        let doc = doc_with_people();
        let index = Index::build(&doc);
        let labels: Vec<&str> = index
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Header(g) => Some(g.label()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["People", "Numbers", "Places", "Organizations"]);
        assert_eq!(index.speaker_color[0], Some(0));
        assert_eq!(index.speaker_color[1], Some(1));
        assert_eq!(index.speakers, [0, 1]);
        assert_eq!(index.mentions.len(), 3);
    }

    #[test]
    fn fuzzy_filter_narrows_every_group() {
        assert!(fuzzy_match("dtr", "Donald Trump"));
        assert!(fuzzy_match("TRUMP", "Donald Trump"));
        assert!(fuzzy_match("", "anything"));
        assert!(fuzzy_match("d t", "Donald Trump"));
        assert!(!fuzzy_match("trd", "Donald Trump"));
        let doc = doc_with_people();
        let mut index = Index::build(&doc);
        index.filter_rows(&doc, "bo");
        let entities: Vec<Row> = index
            .rows
            .iter()
            .copied()
            .filter(|r| matches!(r, Row::Entity(_)))
            .collect();
        assert_eq!(entities, [Row::Entity(1)]);
        assert_eq!(index.group_rows.len(), 4);
        assert!(index.rows.contains(&Row::Empty));
        index.filter_rows(&doc, "");
        assert_eq!(index.selectable.len(), 2);
    }

    #[test]
    fn mentions_in_uses_ranges() {
        let doc = doc_with_people();
        let index = Index::build(&doc);
        let bob = doc.entities[1].mentions[0].span.clone();
        let hits = index.mentions_in(&bob);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entity, 1);
        assert!(index.mentions_in(&(0..3)).is_empty());
        assert_eq!(index.mention_at(bob.start + 1).unwrap().entity, 1);
    }
}
