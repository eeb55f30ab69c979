//! Quote attribution: who said each direct quote.
//!
//! In order of trust: the attribution right after the quote ("…,” Trump
//! said / said Trump / he added); the first speech verb with a person as
//! subject earlier in the quote's sentence (reported speech, "Macron said:
//! “…”"); the quote a multi-paragraph quote continues; and the speaker of
//! the quote before it in the same paragraph, or of the paragraph before,
//! when nothing else attributes it. When unsure, no speaker.

use std::cell::Cell;

use super::lexicon::{self, Gender, is_speech_verb};
use super::people::{People, PersonMention};
use super::tokens::Token;
use crate::document::{Document, Quote, Section, SectionKind, Span};

/// How many words after a quote may hold its attribution.
const AFTER_WINDOW: usize = 6;
/// How many words after a quote that goes on may hold a long subject and
/// its verb.
const LONG_SUBJECT_WINDOW: usize = 12;
/// How many words after an inverted verb ("said …") may hold the name.
const INVERTED_WINDOW: usize = 8;
/// How many words before a quote or a verb are searched for its subject:
/// attributions stand close to what they attribute, and the bound keeps a
/// hostile endless sentence linear.
const CLAUSE_WINDOW: usize = 60;
/// How many person mentions back a pronoun may refer to.
const PRONOUN_WINDOW: usize = 50;

pub fn attribute(doc: &Document, tokens: &[Token], people: &People) -> Vec<Option<usize>> {
    let ctx = Context {
        doc,
        tokens: Near::new(tokens),
        sentences: Near::new(&doc.sentences),
        sections: Near::new(&doc.sections),
        quotes: Near::new(&doc.quotes),
        mentions: Near::new(&people.mentions),
        people,
    };
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(doc.quotes.len());
    for (i, q) in doc.quotes.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| (&doc.quotes[p], speakers[p]));
        let speaker = if q.continues {
            prev.and_then(|(_, s)| s)
        } else {
            ctx.after(q)
                .or_else(|| ctx.before(q))
                .or_else(|| ctx.carried_over(q, prev))
                .flatten()
        };
        speakers.push(speaker);
    }
    speakers
}

/// The positions asked about lie near the quote at hand, and the quotes
/// come in order: every table is searched from its last answer.
struct Context<'a> {
    doc: &'a Document,
    tokens: Near<'a, Token>,
    sentences: Near<'a, Span>,
    sections: Near<'a, Section>,
    quotes: Near<'a, Quote>,
    mentions: Near<'a, PersonMention>,
    people: &'a People,
}

/// A sorted table searched outwards from its last answer: a binary search
/// over a long book's table would miss the cache at most of its steps.
struct Near<'a, T> {
    items: &'a [T],
    last: Cell<usize>,
}

impl<'a, T> Near<'a, T> {
    fn new(items: &'a [T]) -> Self {
        Near {
            items,
            last: Cell::new(0),
        }
    }

    /// `items.partition_point(before)`.
    fn partition_point(&self, before: impl Fn(&T) -> bool) -> usize {
        let k = gallop(self.items, self.last.get(), before);
        self.last.set(k);
        k
    }
}

impl<T> std::ops::Deref for Near<'_, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.items
    }
}

/// A subject found next to a speech verb: a person, or an explicit
/// non-person (so that no weaker rule guesses instead).
type Found = Option<Option<usize>>;

impl Context<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(&self.doc.text)
    }

    /// First token at or after a byte position.
    fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < pos)
    }

    fn paragraph_end(&self, pos: usize) -> usize {
        self.section_index(pos)
            .map_or(self.doc.text.len(), |i| self.doc.sections[i].span.end)
    }

    fn mention_at(&self, tok: usize) -> Option<&PersonMention> {
        let span = self.tokens[tok].span();
        let k = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions.get(k).filter(|m| m.span.start <= span.start)
    }

    /// "…,” Trump said", "…,” said Senator Peters", "…,” he added".
    fn after(&self, q: &Quote) -> Found {
        let stop = self
            .next_quote_start(q)
            .min(self.paragraph_end(q.span.start));
        let first = self.token_at(q.span.end);
        // A quote that ends its sentence has its attribution right after it;
        // one that goes on may have a long subject first ("Senate Majority
        // Leader Chuck Schumer, D-N.Y., said"), up to the sentence end.
        let closed = self
            .tokens
            .get(first)
            .is_some_and(|t| self.doc.text[q.span.end..t.start()].contains(['.', '!', '?']));
        let reach = if closed {
            AFTER_WINDOW
        } else {
            LONG_SUBJECT_WINDOW
        };
        let window: Vec<usize> = (first..self.tokens.len())
            .take_while(|&i| self.tokens[i].start() < stop && !self.tokens[i].in_quote())
            .take_while(|&i| i == first || !self.ends_sentence_before(i))
            .take(reach)
            .collect();
        // "…,” according to council member Rui Costa.
        // ("according to a readout" names no one: the sentence may.)
        if window.len() > 2
            && self.word(window[0]).eq_ignore_ascii_case("according")
            && self.word(window[1]) == "to"
            && let Some(person) = self.inverted_subject(window[1], stop)
        {
            return Some(Some(person));
        }
        let verb = window.iter().position(|&i| is_speech_verb(self.word(i)))?;
        if verb == 0 {
            // "said Mark Eisenbarth", "said Central Bank Governor Ines
            // Moreau", "said the company’s chief executive, Ana Lopes"; or
            // "said the agency", a subject that is no person.
            return Some(self.inverted_subject(window[0], stop));
        }
        // "Trump said", "the French president said", "he added"; or a subject
        // that is no person ("the ministry said", "a spokesman for Berg
        // said": a name after a preposition is not the subject).
        let last = window[verb - 1];
        let subject = window[..verb]
            .iter()
            .rev()
            .find_map(|&i| self.mention_at(i));
        if let Some(m) = subject
            && m.span.start >= self.tokens[window[0]].start()
        {
            let before_name = window[..verb]
                .iter()
                .take_while(|&&i| self.tokens[i].start() < m.span.start);
            let in_phrase = before_name
                .clone()
                .any(|&i| lexicon::is_preposition(self.word(i)));
            return Some((!in_phrase).then_some(m.person));
        }
        if verb == 1 {
            if let Some(g) = lexicon::pronoun_gender(self.word(last)) {
                return Some(self.resolve_pronoun(g, self.tokens[last].start()));
            }
            if is_plural_pronoun(self.word(last)) {
                return Some(None);
            }
        }
        let determiner = matches!(
            self.word(window[0]),
            "the" | "a" | "an" | "The" | "A" | "An"
        );
        (verb <= 3 && determiner).then_some(None)
    }

    /// Whether a sentence ends between token `i` and the one before it.
    fn ends_sentence_before(&self, i: usize) -> bool {
        self.tokens[i].sentence() != self.tokens[i - 1].sentence()
    }

    /// The subject after an inverted speech verb: the first person named
    /// within a few words, before the clause ends.
    fn inverted_subject(&self, verb: usize, stop: usize) -> Option<usize> {
        for i in verb + 1..(verb + 1 + INVERTED_WINDOW).min(self.tokens.len()) {
            let t = &self.tokens[i];
            let gap = &self.doc.text[self.tokens[i - 1].end()..t.start()];
            if t.start() >= stop
                || t.in_quote()
                || gap.contains(['.', ';', ':', '—', '(', '“', '"'])
            {
                return None;
            }
            if let Some(m) = self.mention_at(i) {
                return Some(m.person);
            }
            if ends_subject(self.word(i)) {
                return None;
            }
        }
        None
    }

    fn next_quote_start(&self, q: &Quote) -> usize {
        let k = self.quotes.partition_point(|o| o.span.start <= q.span.end);
        self.quotes.get(k).map_or(usize::MAX, |o| o.span.start)
    }

    /// The first speech verb earlier in the sentence whose subject is a
    /// person: "Trump stated … that he believes Putin “wants …”".
    fn before(&self, q: &Quote) -> Found {
        let sentence = self.sentence_of(q.span.start)?;
        let end = self.token_at(q.span.start);
        let start = self
            .token_at(sentence.start)
            .max(end.saturating_sub(CLAUSE_WINDOW));
        for v in start..end {
            if self.tokens[v].in_quote() || !is_speech_verb(self.word(v)) {
                continue;
            }
            if let Some(found) = self.subject_before(start, v) {
                return Some(found);
            }
        }
        self.according_to(start, end)
            .or_else(|| self.introduced_by_colon(q, start, end))
    }

    /// "Her neighbor, Paul Jennings, disagreed: “…”": any clause that ends
    /// in a colon right before the quote introduces its speaker.
    fn introduced_by_colon(&self, q: &Quote, start: usize, end: usize) -> Found {
        let last = end.checked_sub(1).filter(|&l| l >= start)?;
        let gap = &self.doc.text[self.tokens[last].end()..q.span.start];
        if !gap.trim_start().starts_with(':') {
            return None;
        }
        self.subject_before(start, end)
    }

    fn sentence_of(&self, pos: usize) -> Option<Span> {
        let k = self.sentences.partition_point(|r| r.end <= pos);
        self.sentences.get(k).filter(|r| r.start <= pos).cloned()
    }

    /// The nearest person or pronoun before a verb, within the sentence.
    fn subject_before(&self, start: usize, verb: usize) -> Found {
        let start = start.max(verb.saturating_sub(CLAUSE_WINDOW));
        if let Some(found) = self.delayed_identification(start, verb) {
            return Some(found);
        }
        for i in (start..verb).rev() {
            if self.tokens[i].in_quote() {
                continue;
            }
            if let Some(m) = self.mention_at(i) {
                return Some(Some(m.person));
            }
            let w = self.word(i);
            if let Some(g) = lexicon::pronoun_gender(w)
                && !w.eq_ignore_ascii_case("his")
                && !w.eq_ignore_ascii_case("her")
            {
                return Some(self.resolve_pronoun(g, self.tokens[i].start()));
            }
            if is_plural_pronoun(w) {
                return Some(None);
            }
        }
        None
    }

    /// A lede that names its speaker only in the next paragraph: "a top
    /// U.S. diplomat told officials … “…”" followed by a paragraph that
    /// opens with a titled name ("Deputy Secretary of State Wendy Sherman
    /// was …"). The description must stand right before the verb.
    fn delayed_identification(&self, start: usize, verb: usize) -> Found {
        let noun = verb.checked_sub(1).filter(|&n| n >= start)?;
        let is_role = |i: usize| {
            let w = self.word(i);
            w.starts_with(char::is_lowercase) && lexicon::is_role_noun(w)
        };
        if !is_role(noun) || !self.tokens[noun + 1].joined() {
            return None;
        }
        let indefinite = (noun.saturating_sub(4).max(start)..noun)
            .rev()
            .take_while(|&i| self.tokens[i + 1].joined())
            .any(|i| matches!(self.word(i), "a" | "an" | "A" | "An"));
        if !indefinite {
            return None;
        }
        let para = self.section_index(self.tokens[verb].start())?;
        let next = self.doc.sections.get(para + 1)?;
        let first = self.token_at(next.span.start);
        let opening = first..(first + 6).min(self.tokens.len());
        let titled = first < self.tokens.len() && lexicon::is_title(self.word(first));
        let person = opening
            .filter(|_| titled)
            .find_map(|i| self.mention_at(i))
            .map(|m| m.person);
        Some(person)
    }

    /// "according to Price, …".
    fn according_to(&self, start: usize, end: usize) -> Found {
        (start..end.saturating_sub(2))
            .find(|&i| self.word(i).eq_ignore_ascii_case("according") && self.word(i + 1) == "to")
            .and_then(|i| self.mention_at(i + 2))
            .map(|m| Some(m.person))
    }

    /// A quote with no attribution of its own that opens its sentence: the
    /// speaker of the quote before it in the paragraph or at the end of the
    /// paragraph before, or the person the paragraph before introduced.
    fn carried_over(&self, q: &Quote, prev: Option<(&Quote, Option<usize>)>) -> Found {
        let sentence = self.sentence_of(q.span.start)?;
        // Read backwards: the first letter found ends the look.
        let opens_sentence = self.doc.text[sentence.start..q.span.start]
            .chars()
            .rev()
            .all(|c| !c.is_alphanumeric());
        if !opens_sentence {
            return None;
        }
        let para = self.section_index(q.span.start)?;
        if let Some((pq, speaker)) = prev {
            let pp = self.section_index(pq.span.start)?;
            if pp == para || (pp + 1 == para && self.ends_paragraph(pq)) {
                return Some(speaker);
            }
        }
        let prev_para = self.doc.sections.get(para.checked_sub(1)?)?;
        if prev_para.kind == SectionKind::Title {
            return None;
        }
        // "… Park said:" introduces the quote paragraph after it.
        if self.doc.text[prev_para.span.clone()].ends_with(':') {
            let last = self.sentence_of(prev_para.span.end - 1)?;
            return self.subject_before(self.token_at(last.start), self.token_at(last.end));
        }
        // A paragraph about one person introduces that person's words.
        let mut people = self
            .mentions_in(prev_para.span.clone())
            .filter(|m| !self.in_quote(m.span.start))
            .map(|m| m.person);
        let first = people.next()?;
        people.all(|p| p == first).then_some(Some(first))
    }

    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &PersonMention> {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.span.end <= span.end)
    }

    fn section_index(&self, pos: usize) -> Option<usize> {
        let k = self.sections.partition_point(|r| r.span.end <= pos);
        self.sections
            .get(k)
            .filter(|r| r.span.start <= pos)
            .map(|_| k)
    }

    fn ends_paragraph(&self, q: &Quote) -> bool {
        let end = self.paragraph_end(q.span.start);
        self.doc.text[q.span.end..end]
            .chars()
            .all(|c| !c.is_alphanumeric())
    }

    /// The most recent person named outside quotes before `pos` whose
    /// gender fits.
    fn resolve_pronoun(&self, g: Gender, pos: usize) -> Option<usize> {
        let ms = self.mentions.items;
        ms[..self.mentions.partition_point(|m| m.span.end <= pos)]
            .iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .filter(|m| !self.in_quote(m.span.start))
            .find(|m| {
                let pg = self.people.persons[m.person].gender;
                pg == g || pg == Gender::Unknown
            })
            .map(|m| m.person)
    }

    fn in_quote(&self, pos: usize) -> bool {
        let k = self.quotes.partition_point(|q| q.span.end <= pos);
        self.quotes.get(k).is_some_and(|q| q.span.start <= pos)
    }
}

/// `items.partition_point(before)`, searched outwards from `hint` in
/// doubling steps, then by bisection within the last step.
fn gallop<T>(items: &[T], hint: usize, before: impl Fn(&T) -> bool) -> usize {
    let hint = hint.min(items.len());
    let mut step = 1;
    if hint == 0 || before(&items[hint - 1]) {
        // The answer is at `hint` or after it.
        let mut lo = hint;
        while lo + step <= items.len() && before(&items[lo + step - 1]) {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(items.len());
        lo + items[lo..hi].partition_point(before)
    } else {
        // The answer is before `hint`.
        let mut hi = hint;
        while hi >= step && !before(&items[hi - step]) {
            hi -= step;
            step *= 2;
        }
        let lo = hi.saturating_sub(step);
        lo + items[lo..hi].partition_point(before)
    }
}

/// Words that end the noun phrase after an inverted verb ("said the agency,
/// which Smith founded").
fn ends_subject(word: &str) -> bool {
    matches!(
        word,
        "which"
            | "who"
            | "whom"
            | "whose"
            | "that"
            | "and"
            | "but"
            | "as"
            | "while"
            | "after"
            | "when"
            | "because"
            | "although"
            | "though"
    ) || is_speech_verb(word)
}

/// Subjects that speak for a group, never for one named person.
fn is_plural_pronoun(word: &str) -> bool {
    matches!(word, "they" | "They" | "we" | "We")
}

#[cfg(test)]
mod tests {
    use super::gallop;

    #[test]
    fn galloping_finds_what_bisection_finds_from_any_hint() {
        let items = [1, 3, 3, 5, 8, 13, 21, 34, 55, 89];
        for pos in 0..100 {
            let expected = items.partition_point(|&x| x < pos);
            for hint in 0..=items.len() + 1 {
                assert_eq!(gallop(&items, hint, |&x| x < pos), expected, "{pos} {hint}");
            }
        }
        assert_eq!(gallop(&[] as &[i32], 3, |_| true), 0);
    }
}
