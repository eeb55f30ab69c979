//! Multi-word names looked up word by word in a tokenized text: each word
//! that can start a name is one hash look-up, so a long book is scanned as
//! fast as its words are read, with no large automaton.

use rustc_hash::FxHashMap as HashMap;

use super::tokens::{Token, word_spans};
use crate::model::Span;

pub struct Phrases<V> {
    forms: HashMap<String, V>,
    /// For each word that starts a form, the most words such a form has.
    starts: HashMap<String, usize>,
    /// Forms rarely start with a lowercase word (name particles: "bin
    /// Salman", "the Balkans"); the `lowercase_bit`s of those words spare a
    /// look-up for nearly every ordinary word of the text.
    lowercase_starts: u64,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            forms: HashMap::default(),
            starts: HashMap::default(),
            lowercase_starts: 0,
        }
    }
}

impl<V> Phrases<V> {
    /// The value of a form, inserted with `make` the first time.
    pub fn entry(&mut self, form: &str, make: impl FnOnce() -> V) -> &mut V {
        // Keys are copied only when new: a table loads before the first
        // frame, and most of its forms share their first word or repeat.
        let mut words = word_spans(form);
        if let Some(first) = words.next() {
            let count = 1 + words.count();
            let word = &form[first];
            if word.starts_with(|c: char| c.is_ascii_lowercase()) {
                self.lowercase_starts |= lowercase_bit(word.as_bytes()[0], word.len());
            }
            match self.starts.get_mut(word) {
                Some(longest) => *longest = (*longest).max(count),
                None => {
                    self.starts.insert(word.to_string(), count);
                }
            }
        }
        if !self.forms.contains_key(form) {
            self.forms.insert(form.to_string(), make());
        }
        self.forms.get_mut(form).expect("inserted above")
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
            let token = &tokens[i];
            // Most words are lowercase and start no form: their first byte
            // and length rule out nearly all of them.
            let may_start = !token.lowercase()
                || self.lowercase_starts
                    & lowercase_bit(text.as_bytes()[token.start()], token.span().len())
                    != 0;
            if !may_start && !token.hyphenated() {
                i += 1;
                continue;
            }
            let longest = if may_start {
                self.starts.get(token.text(text)).copied().unwrap_or(0)
            } else {
                0
            };
            let found = (1..=longest.min(tokens.len() - i)).rev().find_map(|n| {
                self.form_at(text, token.start()..tokens[i + n - 1].end())
                    .map(|m| (n, m))
            });
            match found {
                Some((n, m)) => {
                    out.push(m);
                    i += n;
                }
                None => {
                    if token.hyphenated() {
                        self.compound_parts(text, &token.span(), &mut out);
                    }
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

/// A lowercase word's bit among the lowercase starts, from its first byte
/// and length: words that share a bit are told apart by the look-up.
fn lowercase_bit(first: u8, len: usize) -> u64 {
    1 << ((usize::from(first) * 7 + len) % 64)
}
