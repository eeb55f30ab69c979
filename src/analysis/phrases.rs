//! Multi-word names looked up word by word in a tokenized text: each word
//! that can start a name is one hash look-up, so a long book is scanned as
//! fast as its words are read, with no large automaton.

use rustc_hash::FxHashMap as HashMap;

use super::tokens::{Token, word_spans};
use crate::document::Span;

pub struct Phrases<V> {
    forms: HashMap<String, V>,
    /// For each word that starts a form, the most words such a form has.
    starts: HashMap<String, usize>,
    /// Forms rarely start with a lowercase word (name particles: "bin
    /// Salman"); keeping those words apart spares a look-up for every
    /// ordinary word of the text.
    lowercase_starts: Vec<String>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            forms: HashMap::default(),
            starts: HashMap::default(),
            lowercase_starts: Vec::new(),
        }
    }
}

impl<V> Phrases<V> {
    /// The value of a form, inserted with `make` the first time.
    pub fn entry(&mut self, form: &str, make: impl FnOnce() -> V) -> &mut V {
        let words: Vec<Span> = word_spans(form).collect();
        if let Some(first) = words.first() {
            let word = &form[first.clone()];
            if word.starts_with(|c: char| c.is_ascii_lowercase())
                && !self.lowercase_starts.iter().any(|w| w == word)
            {
                self.lowercase_starts.push(word.to_string());
            }
            let longest = self.starts.entry(word.to_string()).or_insert(0);
            *longest = (*longest).max(words.len());
        }
        self.forms.entry(form.to_string()).or_insert_with(make)
    }

    pub fn get(&self, form: &str) -> Option<&V> {
        self.forms.get(form)
    }

    /// The longest form at each word, left to right: "Hong Kong",
    /// "Washington, D.C.", "Calif." with its period, and the parts of
    /// hyphenated compounds ("US-Ukraine").
    pub fn find<'a>(&'a self, text: &str, tokens: &[Token]) -> Vec<(Span, &'a V)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let first = tokens[i].text(text);
            let may_start = !first.starts_with(|c: char| c.is_ascii_lowercase())
                || self.lowercase_starts.iter().any(|w| w == first);
            let longest = if may_start {
                self.starts.get(first).copied().unwrap_or(0)
            } else {
                0
            };
            let found = (1..=longest.min(tokens.len() - i)).rev().find_map(|n| {
                self.form_at(text, tokens[i].span.start..tokens[i + n - 1].span.end)
                    .map(|m| (n, m))
            });
            match found {
                Some((n, m)) => {
                    out.push(m);
                    i += n;
                }
                None => {
                    self.compound_parts(text, &tokens[i].span, &mut out);
                    i += 1;
                }
            }
        }
        out
    }

    /// The form that this span of text is, with a following period if the
    /// form has one ("Calif."; a sentence's last word keeps none).
    fn form_at<'a>(&'a self, text: &str, span: Span) -> Option<(Span, &'a V)> {
        if text[span.end..].starts_with('.') {
            let dotted = span.start..span.end + 1;
            if let Some(v) = self.forms.get(&text[dotted.clone()]) {
                return Some((dotted, v));
            }
        }
        self.forms.get(&text[span.clone()]).map(|v| (span, v))
    }

    fn compound_parts<'a>(&'a self, text: &str, span: &Span, out: &mut Vec<(Span, &'a V)>) {
        let word = &text[span.clone()];
        // Bytes first: '-' or the lead byte of '‑' (U+2011).
        if !word.bytes().any(|b| b == b'-' || b == 0xe2) || !word.contains(['-', '‑']) {
            return;
        }
        let mut start = span.start;
        for part in word.split(['-', '‑']) {
            if let Some(v) = self.forms.get(part) {
                out.push((start..start + part.len(), v));
            }
            start += part.len();
            // Step over the hyphen that ended this part.
            start += text[start..].chars().next().map_or(0, char::len_utf8);
        }
    }
}
