//! Corrections in the reader: the keys that make them, the prompt that
//! asks for a name, undo, and the document rebuilt from its analysis with
//! the corrections applied.

use super::{Search, State, View, keep_cursor_visible, keep_quote_cursor_visible, select_entity};
use crate::model::{EntityId, EntityKind};
use crate::reader::action::Action;
use crate::reader::corrections::{self, Correction};
use crate::reader::index::Index;
use crate::reader::quotes::QuoteRow;
use crate::reader::timeline::Timeline;

/// A question in the status line, answered with a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub ask: Ask,
    pub input: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The speaker of the quote that starts at this byte.
    Speaker(usize),
    /// A new name for this entity.
    Rename(String),
    /// The entity this one is merged into.
    Merge(String),
}

impl Prompt {
    /// The question, as the status line asks it.
    pub fn question(&self) -> String {
        match &self.ask {
            Ask::Speaker(_) => "who said it? (a name, - for no one): ".into(),
            Ask::Rename(name) => format!("rename {name} to: "),
            Ask::Merge(name) => format!("merge {name} into: "),
        }
    }
}

/// The reader's corrections of this article, from the settings store: the
/// document becomes its analysis with them applied.
pub fn set_corrections(state: &mut State, fixes: Vec<Correction>) {
    state.fixes = fixes;
    if !state.fixes.is_empty() {
        rebuild(state);
    }
}

/// The analysis arrived for a document with corrections: apply them to it.
pub(super) fn reanalyzed(state: &mut State) {
    if !state.fixes.is_empty() {
        state.pristine = Some(Box::new(state.doc.clone()));
        rebuild(state);
    }
}

/// The correction keys.
pub(super) fn fix_action(state: &mut State, action: Action) {
    match action {
        Action::FixSpeaker => match state.current_quote() {
            Some(q) => ask(state, Ask::Speaker(state.doc.quotes[q].span.start)),
            None => state.message = Some("no quote to correct: ) goes to one".into()),
        },
        Action::FixKind => {
            if let Some((id, name)) = selected(state) {
                let kind = next_kind(state.doc.entities[id].kind);
                correct(state, Correction::Kind { entity: name, kind });
            }
        }
        Action::FixRename => {
            if let Some((_, name)) = selected(state) {
                ask(state, Ask::Rename(name));
            }
        }
        Action::FixMerge => {
            if let Some((_, name)) = selected(state) {
                ask(state, Ask::Merge(name));
            }
        }
        Action::FixDrop => {
            if let Some((_, name)) = selected(state) {
                correct(state, Correction::Drop { entity: name });
            }
        }
        Action::Undo => match state.fixes.pop() {
            Some(fix) => {
                rebuild(state);
                state.fixes_changed = true;
                state.message = Some(format!("undone: {}", fix.describe()));
            }
            None => state.message = Some("no correction to undo".into()),
        },
        _ => {}
    }
}

/// Keys while the prompt is open; false for those it leaves alone.
pub(super) fn prompt_action(state: &mut State, action: Action) -> bool {
    let Some(prompt) = &mut state.prompt else {
        return false;
    };
    match action {
        Action::SearchInput(c) if !c.is_control() => prompt.input.push(c),
        Action::SearchBackspace => {
            prompt.input.pop();
        }
        Action::Cancel => state.prompt = None,
        Action::SearchConfirm => {
            if let Some(p) = state.prompt.take() {
                answer(state, p);
            }
        }
        Action::Resize(..) | Action::Quit | Action::Interrupt => return false,
        _ => {}
    }
    true
}

fn ask(state: &mut State, ask: Ask) {
    state.search = match std::mem::take(&mut state.search) {
        Search::Typing(_) => Search::Off,
        other => other,
    };
    state.prompt = Some(Prompt {
        ask,
        input: String::new(),
    });
}

fn answer(state: &mut State, prompt: Prompt) {
    let typed = prompt.input.trim();
    if typed.is_empty() {
        return;
    }
    let fix = match prompt.ask {
        Ask::Speaker(quote) if typed == "-" => Correction::Speaker {
            quote,
            speaker: None,
        },
        Ask::Speaker(quote) => match find_named(state, typed) {
            Ok(id) => Correction::Speaker {
                quote,
                speaker: Some(state.doc.entities[id].name.clone()),
            },
            Err(e) => return state.message = Some(e),
        },
        Ask::Rename(entity) => Correction::Rename {
            entity,
            to: typed.to_string(),
        },
        Ask::Merge(entity) => match find_named(state, typed) {
            Ok(id) => Correction::Merge {
                entity,
                into: state.doc.entities[id].name.clone(),
            },
            Err(e) => return state.message = Some(e),
        },
    };
    correct(state, fix);
}

/// The entity a typed name means: the one of that name (case aside), else
/// the only one whose name holds it.
fn find_named(state: &State, typed: &str) -> Result<EntityId, String> {
    let entities = &state.doc.entities;
    let lower = typed.to_lowercase();
    if let Some(e) = entities.iter().find(|e| e.name.to_lowercase() == lower) {
        return Ok(e.id);
    }
    let holding: Vec<EntityId> = entities
        .iter()
        .filter(|e| e.kind != EntityKind::Number && e.name.to_lowercase().contains(&lower))
        .map(|e| e.id)
        .collect();
    match holding.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("no one called {typed:?} in this article")),
        several => {
            let names: Vec<&str> = several
                .iter()
                .map(|&id| entities[id].name.as_str())
                .collect();
            Err(format!("{typed:?} could be {}", names.join(", ")))
        }
    }
}

/// The selected entity and its name, or a message saying to select one.
fn selected(state: &mut State) -> Option<(EntityId, String)> {
    let found = state
        .selected_entity()
        .map(|id| (id, state.doc.entities[id].name.clone()));
    if found.is_none() {
        state.message = Some("select an entry first (Tab, then j/k)".into());
    }
    found
}

/// People, places and organizations in turn.
fn next_kind(kind: EntityKind) -> EntityKind {
    match kind {
        EntityKind::Person => EntityKind::Place,
        EntityKind::Place => EntityKind::Organization,
        EntityKind::Organization | EntityKind::Number => EntityKind::Person,
    }
}

/// Make a correction: apply it, keep the selection on the entity it
/// leaves, and say what was done.
fn correct(state: &mut State, fix: Correction) {
    let follow = fix.names().first().map(|n| n.to_string());
    state.message = Some(format!("{} (U undoes)", fix.describe()));
    state.fixes.push(fix);
    state.fixes_changed = true;
    rebuild(state);
    if let Some(id) = follow.and_then(|n| state.doc.entities.iter().position(|e| e.name == n))
        && state.view != View::Quotes
    {
        select_entity(state, id);
    }
}

/// The document again: the analysis with every correction applied, and
/// the tables drawn from it.
fn rebuild(state: &mut State) {
    // Quotes are never removed: the quotes view's cursor stays on its quote.
    let at_hand = state.current_quote();
    let pristine = state
        .pristine
        .get_or_insert_with(|| Box::new(state.doc.clone()));
    let mut doc = (**pristine).clone();
    corrections::apply(&mut doc, &state.fixes);
    state.index = Index::build(&doc);
    state.doc = doc;
    // The selected entity's marks are drawn again from its new mentions.
    state.marks = Timeline::default();
    if !state.filter.is_empty() {
        state.index.filter_rows(&state.doc, &state.filter);
    }
    state.cursor = state
        .cursor
        .min(state.index.selectable.len().saturating_sub(1));
    state.mention = None;
    state.quote = state.quote.filter(|&q| q < state.doc.quotes.len());
    let list = &state.index.quote_list;
    let row = at_hand.and_then(|q| list.row_of_quote(q));
    state.quotes_cursor = row
        .and_then(|r| list.selectable.iter().position(|&s| s == r))
        .unwrap_or(state.quotes_cursor)
        .min(list.selectable.len().saturating_sub(1));
    keep_quote_cursor_visible(state);
    keep_cursor_visible(state);
}

impl State {
    /// The quote at hand: under the quotes view's cursor, else the one
    /// `)`, `(` or `c` went to.
    pub fn current_quote(&self) -> Option<usize> {
        match (self.view, self.quotes_cursor_row()) {
            (View::Quotes, Some(row)) => match self.index.quote_list.rows[row] {
                QuoteRow::Quote(q) => Some(q),
                _ => None,
            },
            (View::Quotes, None) => None,
            _ => self.quote,
        }
    }

    /// A correction touched this entity.
    pub fn is_corrected(&self, id: EntityId) -> bool {
        let Some(e) = self.doc.entities.get(id) else {
            return false;
        };
        self.fixes
            .iter()
            .any(|f| f.names().contains(&e.name.as_str()))
    }
}
