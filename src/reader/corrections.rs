//! Corrections that stick: the reader's own fixes to an article's analysis
//! (a quote's speaker, an entity's kind or name, two entities that are one,
//! an entity that is none), kept per article by a hash of its text in
//! `corrections.json` beside the reading positions, and applied on every
//! later open, by `--json`, `--print` and `stats` too.
//!
//! Entities are named by their name and quotes by where they start, not by
//! index: the analysis may number them otherwise in a later version, and a
//! correction whose quote or entity is gone is skipped rather than applied
//! to the wrong one.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{Attribution, Document, EntityId, EntityKind, Rule};

const FILE: &str = "corrections.json";

/// One fix, in the order the reader made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "fix", rename_all = "snake_case")]
pub enum Correction {
    /// The quote starting at this byte is by this entity, or by no one.
    Speaker {
        quote: usize,
        speaker: Option<String>,
    },
    Kind {
        entity: String,
        kind: EntityKind,
    },
    Rename {
        entity: String,
        to: String,
    },
    /// The entity is another one: its mentions and quotes go to `into`.
    Merge {
        entity: String,
        into: String,
    },
    /// The entity is none: its mentions go, its quotes have no speaker.
    Drop {
        entity: String,
    },
}

impl Correction {
    /// The names of entities the fix leaves changed, for marking them.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Correction::Speaker { speaker, .. } => speaker.as_deref().into_iter().collect(),
            Correction::Kind { entity, .. } => vec![entity],
            Correction::Rename { to, .. } => vec![to],
            Correction::Merge { into, .. } => vec![into],
            Correction::Drop { .. } => Vec::new(),
        }
    }

    /// The fix in a few words, for the status line.
    pub fn describe(&self) -> String {
        match self {
            Correction::Speaker { speaker, .. } => {
                format!("quote by {}", speaker.as_deref().unwrap_or("no one"))
            }
            Correction::Kind { entity, kind } => format!("{entity} is a {}", kind.label()),
            Correction::Rename { entity, to } => format!("{entity} renamed {to}"),
            Correction::Merge { entity, into } => format!("{entity} merged into {into}"),
            Correction::Drop { entity } => format!("{entity} dropped"),
        }
    }
}

/// Apply fixes in order; returns how many applied (the others found their
/// quote or entity gone).
pub fn apply(doc: &mut Document, fixes: &[Correction]) -> usize {
    fixes.iter().filter(|f| apply_one(doc, f)).count()
}

fn apply_one(doc: &mut Document, fix: &Correction) -> bool {
    match fix {
        Correction::Speaker { quote, speaker } => {
            let Some(q) = doc.quotes.iter().position(|q| q.span.start == *quote) else {
                return false;
            };
            let who = match speaker {
                Some(name) => match named(doc, name) {
                    Some(id) => Some(id),
                    None => return false,
                },
                None => None,
            };
            doc.quotes[q].speaker = who;
            doc.quotes[q].attribution = Attribution {
                rule: Rule::Corrected,
                confidence: 100,
                cue: None,
            };
            true
        }
        Correction::Kind { entity, kind } => named(doc, entity)
            .map(|id| {
                let e = &mut doc.entities[id];
                e.kind = *kind;
                if *kind != EntityKind::Number {
                    e.number = None;
                }
            })
            .is_some(),
        Correction::Rename { entity, to } => named(doc, entity)
            .map(|id| doc.entities[id].name = inert(to))
            .is_some(),
        Correction::Merge { entity, into } => match (named(doc, entity), named(doc, into)) {
            (Some(from), Some(to)) if from != to => {
                let mut moved = std::mem::take(&mut doc.entities[from].mentions);
                let heir = &mut doc.entities[to].mentions;
                heir.append(&mut moved);
                heir.sort_by_key(|m| (m.span.start, m.span.end));
                heir.dedup_by(|a, b| a.span == b.span);
                remove_entity(doc, from, Some(to));
                true
            }
            _ => false,
        },
        Correction::Drop { entity } => named(doc, entity)
            .map(|id| remove_entity(doc, id, None))
            .is_some(),
    }
}

/// A new name as the terminal may show it: the file of corrections is
/// input like any other, so its controls become stand-ins, on one line.
fn inert(name: &str) -> String {
    crate::model::sanitize::sanitize(name).0.replace('\n', " ")
}

/// The entity of that name.
fn named(doc: &Document, name: &str) -> Option<EntityId> {
    doc.entities.iter().position(|e| e.name == name)
}

/// Remove an entity, its quotes going to `heir` (or to no one), and number
/// the entities after it down by one.
fn remove_entity(doc: &mut Document, id: EntityId, heir: Option<EntityId>) {
    doc.entities.remove(id);
    for (i, e) in doc.entities.iter_mut().enumerate() {
        e.id = i;
    }
    let shift = |e: EntityId| if e > id { e - 1 } else { e };
    for q in &mut doc.quotes {
        q.speaker = match q.speaker {
            Some(s) if s == id => heir.map(shift),
            other => other.map(shift),
        };
    }
}

/// Every article's corrections, by the key of its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub version: u32,
    pub articles: BTreeMap<String, Vec<Correction>>,
}

impl Store {
    /// Read the corrections in `dir`; missing is none, broken is none with
    /// a warning.
    pub fn load(dir: &Path) -> (Store, Option<String>) {
        let path = dir.join(FILE);
        let text = match crate::source::input::read_small_file(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Store::new(), None),
            Err(e) => {
                let w = format!("{}: cannot read corrections: {e}", path.display());
                return (Store::new(), Some(w));
            }
        };
        match serde_json::from_str(&text) {
            Ok(s) => (s, None),
            Err(e) => {
                let w = format!(
                    "{}: corrections ignored, the file is broken ({e})",
                    path.display()
                );
                (Store::new(), Some(w))
            }
        }
    }

    fn new() -> Store {
        Store {
            version: 1,
            articles: BTreeMap::new(),
        }
    }

    /// The corrections of the article with this key.
    pub fn get(&self, key: &str) -> &[Correction] {
        self.articles.get(key).map_or(&[], Vec::as_slice)
    }

    /// Set the corrections of some articles (keys with their fixes; none
    /// forgets the article) in the file in `dir`, read afresh so that
    /// another reader's corrections of other articles stay, and written
    /// atomically (a temporary file, then a rename).
    pub fn save(dir: &Path, changed: &[(String, Vec<Correction>)]) -> std::io::Result<()> {
        let (mut store, _) = Store::load(dir);
        for (key, fixes) in changed {
            if fixes.is_empty() {
                store.articles.remove(key);
            } else {
                store.articles.insert(key.clone(), fixes.clone());
            }
        }
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
        let json = serde_json::to_string(&store).map_err(std::io::Error::other)?;
        let done = std::fs::write(&tmp, json).and_then(|()| std::fs::rename(&tmp, dir.join(FILE)));
        if done.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Harbor Plan\n\n\
        “We will dredge the channel,” said Mara Lindqvist, the port director. \
        Tomas Reyes agreed. “It is overdue,” Reyes said. \
        The Harbor Board met in Duluth.";

    fn doc() -> Document {
        Document::analyze(TEXT)
    }

    fn id(doc: &Document, name: &str) -> EntityId {
        named(doc, name).unwrap_or_else(|| panic!("{name} not found"))
    }

    #[test]
    fn a_quote_gets_another_speaker_or_no_one() {
        let mut d = doc();
        let start = d.quotes[0].span.start;
        assert_eq!(d.quotes[0].speaker, Some(id(&d, "Mara Lindqvist")));
        let fix = Correction::Speaker {
            quote: start,
            speaker: Some("Tomas Reyes".into()),
        };
        assert_eq!(apply(&mut d, &[fix]), 1);
        assert_eq!(d.quotes[0].speaker, Some(id(&d, "Tomas Reyes")));
        assert_eq!(d.quotes[0].attribution.rule, Rule::Corrected);
        let none = Correction::Speaker {
            quote: start,
            speaker: None,
        };
        apply(&mut d, &[none]);
        assert_eq!(d.quotes[0].speaker, None);
        // A quote or a person that is not there: skipped.
        let gone = Correction::Speaker {
            quote: start + 1,
            speaker: None,
        };
        let nobody = Correction::Speaker {
            quote: start,
            speaker: Some("Nobody Known".into()),
        };
        assert_eq!(apply(&mut d, &[gone, nobody]), 0);
    }

    #[test]
    fn entities_change_kind_rename_merge_and_drop() {
        let mut d = doc();
        let people = d.entities.len();
        let reyes_quote = d
            .quotes
            .iter()
            .position(|q| q.speaker == Some(id(&d, "Tomas Reyes")))
            .unwrap();
        let fixes = [
            Correction::Kind {
                entity: "Harbor Board".into(),
                kind: EntityKind::Place,
            },
            Correction::Rename {
                entity: "Tomas Reyes".into(),
                to: "Tomás Reyes".into(),
            },
            Correction::Merge {
                entity: "Tomás Reyes".into(),
                into: "Mara Lindqvist".into(),
            },
            Correction::Drop {
                entity: "Duluth".into(),
            },
        ];
        let board_kind_before = d.entities[id(&d, "Harbor Board")].kind;
        assert_ne!(board_kind_before, EntityKind::Place);
        assert_eq!(apply(&mut d, &fixes), 4);
        assert_eq!(d.entities[id(&d, "Harbor Board")].kind, EntityKind::Place);
        assert!(named(&d, "Tomás Reyes").is_none() && named(&d, "Duluth").is_none());
        assert_eq!(d.entities.len(), people - 2);
        let mara = id(&d, "Mara Lindqvist");
        assert_eq!(
            d.quotes[reyes_quote].speaker,
            Some(mara),
            "quotes follow a merge"
        );
        assert!(d.entities.iter().enumerate().all(|(i, e)| e.id == i));
        assert!(
            d.quotes
                .iter()
                .all(|q| q.speaker.is_none_or(|s| s < d.entities.len()))
        );
        let spans: Vec<_> = d.entities[mara]
            .mentions
            .iter()
            .map(|m| m.span.start)
            .collect();
        assert!(spans.is_sorted(), "mentions stay in order");
    }

    #[test]
    fn a_new_name_from_the_file_is_inert() {
        let mut d = doc();
        let fix = Correction::Rename {
            entity: "Duluth".into(),
            to: "Du\u{1b}]52;c;eA==\u{7}luth\u{202e}\nx".into(),
        };
        assert_eq!(apply(&mut d, &[fix]), 1);
        let name = &d
            .entities
            .iter()
            .find(|e| e.name.starts_with("Du"))
            .unwrap()
            .name;
        assert!(
            !name.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{name:?}"
        );
    }

    #[test]
    fn saved_per_article_merged_with_the_file_and_atomic() {
        let guard = tempfile::tempdir().unwrap();
        let dir = guard.path().join("state");
        let fix = vec![Correction::Drop {
            entity: "Duluth".into(),
        }];
        let other = vec![Correction::Rename {
            entity: "A".into(),
            to: "B".into(),
        }];
        Store::save(&dir, &[("other".into(), other.clone())]).unwrap();
        Store::save(&dir, &[("this".into(), fix.clone())]).unwrap();
        let (store, warning) = Store::load(&dir);
        assert!(warning.is_none());
        assert_eq!(store.get("this"), fix.as_slice());
        assert_eq!(store.get("other"), other.as_slice(), "kept");
        assert!(store.get("unknown").is_empty());
        Store::save(&dir, &[("this".into(), Vec::new())]).unwrap();
        assert!(Store::load(&dir).0.get("this").is_empty(), "undone to none");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE], "no temporary file left");
        std::fs::write(dir.join(FILE), "{broken").unwrap();
        let (store, warning) = Store::load(&dir);
        assert!(store.articles.is_empty() && warning.unwrap().contains("broken"));
    }
}
