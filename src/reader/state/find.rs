//! Search in the reader: typing a query (`/`, `?`), its history, Enter,
//! and `n`/`N`, which go on with the search, the selected entity's
//! mentions, or the search Esc put away.

use super::{Search, State, reveal, step, wrap_note};
use crate::model::{EntityId, Span};
use crate::reader::search::Finder;

/// Searches remembered for Up in the search prompt.
const HISTORY: usize = 100;

/// `n`/`N`: the next hit of the search, else the next mention of the
/// selected entity, else the search Esc put away.
pub(super) fn step_match(state: &mut State, forward: bool) {
    if matches!(state.search, Search::Active { .. }) {
        step_search(state, forward);
        return;
    }
    if let Some(id) = state.selected_entity() {
        step_mention(state, id, forward);
        return;
    }
    match state.stashed.take() {
        Some(stashed) => {
            state.search = stashed;
            step_search(state, forward);
        }
        None => {
            state.message = Some("nothing to go on with: / searches, Tab picks an entry".into());
        }
    }
}

/// The next hit in the search's direction (`forward`) or against it.
fn step_search(state: &mut State, forward: bool) {
    let forward = forward != state.backward;
    let Search::Active { finder, found } = &mut state.search else {
        return;
    };
    // With no hits the status line says so already.
    if let Some(f) = found {
        let from = f.hit.start;
        *f = finder.step(&state.folded, &state.doc.text, f, forward);
        let span = f.hit.clone();
        state.message = wrap_note(forward, from, span.start, "hit");
        reveal(state, &span);
    }
}

fn step_mention(state: &mut State, id: EntityId, forward: bool) {
    let spans: Vec<Span> = state.doc.entities[id]
        .mentions
        .iter()
        .map(|m| m.span.clone())
        .collect();
    let current = state.mention.filter(|&m| m < spans.len());
    if let Some(i) = step(&spans, current, state.anchor, forward) {
        state.mention = Some(i);
        reveal(state, &spans[i]);
    }
}

/// `/` or `?`: a new query, the one shown put away for `/` Enter.
pub(super) fn start_search(state: &mut State, backward: bool) {
    let shown = std::mem::replace(&mut state.search, Search::Typing(String::new()));
    if matches!(shown, Search::Active { .. }) {
        state.stashed = Some(shown);
    }
    state.backward = backward;
    state.recall = None;
}

/// Up (`older`) or Down in the search prompt: walk the history.
pub(super) fn recall(state: &mut State, older: bool) {
    let Search::Typing(query) = &mut state.search else {
        return;
    };
    let n = state.history.len();
    let next = match (state.recall, older) {
        (None, true) => n.checked_sub(1),
        (Some(i), true) => Some(i.saturating_sub(1)),
        (Some(i), false) => (i + 1 < n).then_some(i + 1),
        (None, false) => None,
    };
    if older && next.is_none() {
        return;
    }
    state.recall = next;
    *query = next.map(|i| state.history[i].clone()).unwrap_or_default();
}

/// Enter in the search prompt: search for the query, or with none go on
/// with the last search in the new direction.
pub(super) fn confirm_search(state: &mut State) {
    let Search::Typing(query) = std::mem::take(&mut state.search) else {
        return;
    };
    if query.is_empty() {
        match state.stashed.take() {
            Some(last) => {
                state.search = last;
                step_search(state, true);
            }
            None => state.message = Some("no earlier search to repeat".into()),
        }
        return;
    }
    state.history.retain(|q| *q != query);
    state.history.push(query.clone());
    if state.history.len() > HISTORY {
        state.history.remove(0);
    }
    let Some(finder) = Finder::new(&query) else {
        return;
    };
    let (hay, text) = (&state.folded, &state.doc.text);
    let mut found = finder.first(hay, text, state.anchor);
    if state.backward {
        found = found.map(|f| finder.step(hay, text, &f, false));
    }
    if let Some(f) = &found {
        reveal(state, &f.hit.clone());
    }
    state.search = Search::Active {
        finder: Box::new(finder),
        found,
    };
}
