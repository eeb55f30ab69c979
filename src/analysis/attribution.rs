//! Quote attribution: who said each direct quote, why, and how sure.
//!
//! Each rule looks for one kind of evidence and, when it finds it, gives a
//! verdict: a speaker (or explicitly no one: "a spokesman said") with the
//! rule's name, the words that attribute the quote and a confidence. The
//! rules are asked in order of trust: the attribution right after the quote
//! ("…,” Trump said / said Trump / he added); a speech verb with a person as
//! subject earlier in the quote's sentence (reported speech, "Macron said:
//! “…”"); the quote a multi-paragraph quote continues; and, for a quote with
//! no attribution of its own, the speaker of the quote before it or the
//! person the passage is about. A verdict below `MIN_CONFIDENCE` names no
//! one: a wrong speaker shown in color is worse than none.

use std::cell::{Cell, OnceCell};

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{self, Gender, is_speech_verb};
use super::people::{People, PersonMention};
use super::tokens::Token;
use crate::model::{Attribution, Document, Quote, Rule, Section, SectionKind, Span};

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
const PRONOUN_WINDOW: usize = 30;
/// The confidence in a description resolved like a pronoun: a guess that
/// is shown, never a certainty.
const DESCRIBED: u8 = 65;
/// A speaker below this confidence (in percent) is dropped.
const MIN_CONFIDENCE: u8 = 50;

/// Speakers (person indices into `People::persons`) and why, one per quote.
pub fn attribute(
    doc: &Document,
    tokens: &[Token],
    people: &People,
) -> Vec<(Option<usize>, Attribution)> {
    let ctx = Context {
        doc,
        tokens: Near::new(tokens),
        sentences: Near::new(&doc.sentences),
        sections: Near::new(&doc.sections),
        quotes: Near::new(&doc.quotes),
        mentions: Near::new(&people.mentions),
        people,
        last_speaker: Cell::new(None),
        holders: OnceCell::new(),
    };
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(doc.quotes.len());
    for q in &doc.quotes {
        let verdict = if q.continues {
            verdicts.last().map(Verdict::continued)
        } else {
            // A person named before the quote outranks a group after it:
            // an envoy told reporters the bloc "will not be rushed,"
            // officials said.
            // And a quote that ends its sentence belongs to the speaker who
            // introduced it, not to the next sentence's: `Ainsworth wrote:
            // “…cruel.” Stein tweeted: “…”`.
            let after = ctx.after(q);
            match after {
                Some(v) if v.speaker.is_some() && !ctx.ends_its_sentence(q) => Some(v),
                _ => match ctx.before(q) {
                    Some(b) if b.speaker.is_some() || after.is_none() => Some(b),
                    _ => after,
                },
            }
            .or_else(|| ctx.carried_over(q, &verdicts))
        };
        let verdict = verdict.unwrap_or_default();
        if let Some(p) = verdict
            .speaker
            .filter(|_| verdict.confidence >= MIN_CONFIDENCE)
        {
            ctx.last_speaker.set(Some((p, q.span.start)));
        }
        verdicts.push(verdict);
    }
    verdicts.into_iter().map(Verdict::settle).collect()
}

/// What one rule found for a quote.
#[derive(Debug, Clone, Default)]
struct Verdict {
    speaker: Option<usize>,
    rule: Rule,
    confidence: u8,
    cue: Option<Span>,
}

impl Verdict {
    fn new(speaker: Option<usize>, rule: Rule, confidence: u8, cue: Option<Span>) -> Self {
        Verdict {
            speaker,
            rule,
            confidence,
            cue,
        }
    }

    /// A person, named by the words of `cue`.
    fn person(person: usize, rule: Rule, confidence: u8, cue: Span) -> Self {
        Verdict::new(Some(person), rule, confidence, Some(cue))
    }

    /// Explicitly no named person: "a spokesman said", "the ministry said".
    fn no_one(rule: Rule, cue: Span) -> Self {
        Verdict::new(None, rule, 80, Some(cue))
    }

    /// The verdict of the quote a quote continues, a little less sure.
    fn continued(&self) -> Self {
        Verdict {
            rule: if self.speaker.is_some() {
                Rule::Continued
            } else {
                self.rule
            },
            confidence: self.confidence.saturating_sub(2),
            ..self.clone()
        }
    }

    /// The speaker kept and the attribution shown: a weak guess names no one.
    fn settle(self) -> (Option<usize>, Attribution) {
        let speaker = self.speaker.filter(|_| self.confidence >= MIN_CONFIDENCE);
        let rule = if self.speaker.is_some() && speaker.is_none() {
            Rule::None
        } else {
            self.rule
        };
        let attribution = Attribution {
            rule,
            confidence: self.confidence,
            cue: self.cue,
        };
        (speaker, attribution)
    }
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
    /// The person of the last quote given a speaker, and where it starts.
    last_speaker: Cell<Option<(usize, usize)>>,
    /// The people holding each title word, made on the first description
    /// asked about: one pass over the people, not one per quote.
    holders: OnceCell<HashMap<String, Vec<usize>>>,
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

type Found = Option<Verdict>;

impl Context<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(&self.doc.text)
    }

    /// Byte span from the start of token `a` to the end of token `b`.
    fn words_span(&self, a: usize, b: usize) -> Span {
        self.tokens[a].start()..self.tokens[b].end()
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

    /// The verdict for a person mention as a speech verb's subject: a
    /// description ("the senator") is less sure than a name.
    fn named(&self, m: &PersonMention, rule: Rule, cue: Span) -> Verdict {
        if m.description {
            Verdict::person(m.person, Rule::Description, 80, cue)
        } else {
            Verdict::person(m.person, rule, 95, cue)
        }
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
            .take_while(|&i| {
                i == first || !self.ends_sentence_before(i) || self.after_abbreviation(i)
            })
            .take(reach)
            .collect();
        // "…,” according to council member Rui Costa.
        // ("according to a readout" names no one: the sentence may.)
        if window.len() > 2
            && self.word(window[0]).eq_ignore_ascii_case("according")
            && self.word(window[1]) == "to"
            && let Some((m, end)) = self.inverted_subject(window[1], stop)
        {
            return Some(self.named(m, Rule::AccordingTo, self.words_span(window[0], end)));
        }
        let verb = window.iter().position(|&i| is_speech_verb(self.word(i)))?;
        let verb_tok = window[verb];
        // `“…,” a spokesman said` sets its attribution off with a comma; a
        // quote inside a sentence (`was “overdue” as nurses warned`) does not.
        let set_off = self.doc.text[..q.span.end].ends_with([',', '?', '!', '—', '–'])
            || self.doc.text[q.span.end..self.tokens[first].start()].contains(',');
        if verb == 0 {
            // "said Mark Eisenbarth", "said Central Bank Governor Ines
            // Moreau", "said the company’s chief executive, Ana Lopes"; or
            // "said the agency", a subject that is no person.
            return match self.inverted_subject(verb_tok, stop) {
                Some((m, end)) => {
                    Some(self.named(m, Rule::SaidName, self.words_span(verb_tok, end)))
                }
                None => {
                    let last = window.get(1..4).and_then(<[usize]>::last).copied();
                    let last = last.unwrap_or(verb_tok);
                    set_off.then(|| self.unnamed_subject(verb_tok + 1, last, verb_tok))
                }
            };
        }
        self.subject_of(&window[..verb], verb_tok, set_off)
    }

    /// Whether the words after the quote start a new sentence.
    fn ends_its_sentence(&self, q: &Quote) -> bool {
        let quote_ends = self.sentence_index(q.span.end.saturating_sub(1));
        self.tokens
            .get(self.token_at(q.span.end))
            .is_some_and(|t| t.sentence() != quote_ends)
    }

    /// The verdict for the words `slot` before a speech verb: a person, a
    /// pronoun, or a subject that is no named person ("the ministry",
    /// "a spokesman for Berg": a name after a preposition is not the
    /// subject; "Berg's lawyer": nor is a possessive).
    fn subject_of(&self, slot: &[usize], verb: usize, set_off: bool) -> Found {
        let first = *slot.first()?;
        let cue = self.words_span(first, verb);
        let subject = slot.iter().rev().find_map(|&i| self.mention_at(i));
        if let Some(m) = subject
            && m.span.start >= self.tokens[first].start()
        {
            let before_name = slot
                .iter()
                .take_while(|&&i| self.tokens[i].start() < m.span.start);
            let in_phrase = before_name
                .clone()
                .any(|&i| lexicon::is_preposition(self.word(i)));
            let owner = slot
                .iter()
                .any(|&i| self.tokens[i].possessive() && self.mention_at(i) == Some(m));
            return Some(if in_phrase || owner {
                Verdict::no_one(Rule::Unnamed, cue)
            } else {
                self.named(m, Rule::Named, cue)
            });
        }
        // "he said", "she later told reporters", "he said Tuesday".
        let w = self.word(first);
        if slot.len() <= 2
            && slot[1..].iter().all(|&i| is_adverb(self.word(i)))
            && !w.eq_ignore_ascii_case("his")
            && !w.eq_ignore_ascii_case("her")
        {
            if let Some(g) = lexicon::pronoun_gender(w) {
                return Some(self.pronoun(g, self.tokens[first].start(), cue));
            }
            if is_plural_pronoun(w) {
                return Some(Verdict::no_one(Rule::Group, cue));
            }
        }
        (set_off && slot.len() <= 4)
            .then(|| self.unnamed_subject(first, slot[slot.len() - 1], verb))
    }

    /// A subject without a person in it: an unnamed person ("a spokesman",
    /// "one", "her office") or a group ("the ministry", "Brazil").
    fn unnamed_subject(&self, first: usize, last: usize, verb: usize) -> Verdict {
        let (from, to) = (first.min(verb), last.max(verb));
        let cue = self.words_span(from, to);
        let group = (first..=last).any(|i| {
            let w = self.word(i);
            is_plural_pronoun(w) || w.ends_with("ies") || lexicon::is_org_word(&capitalized(w))
        });
        if group {
            return Verdict::no_one(Rule::Group, cue);
        }
        match self.holder_of_role(first, last) {
            Some((person, confidence)) => {
                Verdict::person(person, Rule::Description, confidence, cue)
            }
            None => match self.described(first, last) {
                Some(person) => Verdict::person(person, Rule::Description, DESCRIBED, cue),
                None => Verdict::no_one(Rule::Unnamed, cue),
            },
        }
    }

    /// The person a definite description with a role noun stands for ("the
    /// head coach", "the former player", "Labour's deputy leader"): the
    /// one the passage is about, as for a pronoun. "A spokesman" and "the
    /// spokesman" name someone the article does not.
    fn described(&self, first: usize, last: usize) -> Option<usize> {
        let w = self.word(first);
        let definite = matches!(w, "the" | "The") || self.tokens[first].possessive();
        let nouns: Vec<String> = (first..=last)
            .map(|i| self.word(i))
            .filter(|w| {
                w.starts_with(char::is_lowercase)
                    && (lexicon::is_role_noun(w) || matches!(*w, "player" | "captain"))
                    && !is_anonymous_role(w)
            })
            .map(role_word)
            .collect();
        if !definite || nouns.is_empty() {
            return None;
        }
        let (person, _) = self.resolve_pronoun(None, self.tokens[first].start())?;
        // A judge is not "the defense lawyer": a title the person holds
        // must be among the description's words, unless they only say
        // what any office is ("the head of state").
        let held = self.people.persons[person].role.as_deref();
        let generic = nouns.iter().any(|n| is_generic_role(n));
        let fits = generic
            || held.is_none_or(|r| {
                r.split_whitespace()
                    .map(role_word)
                    .any(|w| nouns.iter().any(|n| same_role(n, &w)))
            });
        fits.then_some(person)
    }

    /// The person a definite description names by their title: "the judge"
    /// is the one person of the article titled Judge ("Judge Loretta
    /// Sandoval"), "the governor" the one titled Gov. With several such
    /// people, the one named last before is a guess.
    fn holder_of_role(&self, first: usize, last: usize) -> Option<(usize, u8)> {
        if !matches!(self.word(first), "the" | "The") || last <= first {
            return None;
        }
        let holders = self.holders.get_or_init(|| {
            let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, p) in self.people.persons.iter().enumerate() {
                for w in p.role.as_deref().unwrap_or("").split_whitespace() {
                    let list = by_word.entry(role_word(w)).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            by_word
        });
        let holders = holders.get(&role_word(self.word(last)))?;
        if let [one] = holders.as_slice() {
            return Some((*one, 75));
        }
        let pos = self.tokens[first].start();
        let ms = &self.mentions.items[..self.mentions.partition_point(|m| m.span.end <= pos)];
        let recent = ms
            .iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .find(|m| holders.contains(&m.person))?;
        Some((recent.person, 60))
    }

    /// Whether token `i` follows a short capitalized abbreviation ("Asst.
    /// Chief Stair"), which a sentence split may have taken for an end.
    fn after_abbreviation(&self, i: usize) -> bool {
        let prev = &self.tokens[i - 1];
        let w = self.word(i - 1);
        w.len() <= 5
            && w.starts_with(char::is_uppercase)
            && self.doc.text[prev.end()..].starts_with('.')
            && self.word(i).starts_with(char::is_uppercase)
    }

    /// Whether a sentence ends between token `i` and the one before it.
    fn ends_sentence_before(&self, i: usize) -> bool {
        self.tokens[i].sentence() != self.tokens[i - 1].sentence()
    }

    /// The subject after an inverted speech verb: the first person named
    /// within a few words, before the clause ends, with the token that
    /// ends the name.
    fn inverted_subject(&self, verb: usize, stop: usize) -> Option<(&PersonMention, usize)> {
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
                // "said Smith’s lawyer" names the lawyer, not Smith.
                if t.possessive() {
                    return None;
                }
                let end = self.token_at(m.span.end).saturating_sub(1).max(i);
                return Some((m, end));
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
            if let Some(found) = self.subject_before(start, v, Rule::ReportedSpeech) {
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
        self.subject_before(start, end, Rule::Colon)
    }

    fn sentence_of(&self, pos: usize) -> Option<Span> {
        self.sentence_index(pos).map(|k| self.sentences[k].clone())
    }

    /// The nearest person or pronoun before a verb, within the sentence.
    fn subject_before(&self, start: usize, verb: usize, rule: Rule) -> Found {
        let start = start.max(verb.saturating_sub(CLAUSE_WINDOW));
        if let Some(found) = self.delayed_identification(start, verb) {
            return Some(found);
        }
        if let Some(found) = self.description_before(start, verb) {
            return Some(found);
        }
        let cue_to = verb.min(self.tokens.len() - 1);
        // A name inside a phrase or an apposition ("His mum, Jean Smith,
        // who lives with his sister Valerie, said") is passed over for the
        // clause's subject; with none, the nearest name is only a guess.
        let mut nearest: Option<Verdict> = None;
        for i in (start..verb).rev() {
            if self.tokens[i].in_quote() {
                continue;
            }
            let cue = self.words_span(i, cue_to);
            if let Some(m) = self.mention_at(i) {
                let first = self.token_at(m.span.start);
                let gap = &self.doc.text
                    [m.span.end.min(self.tokens[verb].start())..self.tokens[verb].start()];
                let adjacent = !gap.contains(',') && (i + 1..verb).all(|k| is_adverb(self.word(k)));
                if adjacent || self.is_subject(first) {
                    if self.tokens[i].possessive() {
                        return Some(Verdict::no_one(Rule::Unnamed, cue));
                    }
                    let mut v = self.named(m, rule, cue);
                    v.confidence = v.confidence.min(90);
                    return Some(v);
                }
                if nearest.is_none() && !self.tokens[i].possessive() {
                    let mut v = self.named(m, rule, cue);
                    v.confidence = 60;
                    nearest = Some(v);
                }
                continue;
            }
            let w = self.word(i);
            if let Some(g) = lexicon::pronoun_gender(w)
                && !w.eq_ignore_ascii_case("his")
                && !w.eq_ignore_ascii_case("her")
                && !w.eq_ignore_ascii_case("him")
            {
                return Some(self.pronoun(g, self.tokens[i].start(), cue));
            }
            if is_plural_pronoun(w) {
                return Some(Verdict::no_one(Rule::Group, cue));
            }
        }
        nearest
    }

    /// A description right before the verb is its subject, not a name
    /// further back: "Reacting to Smith's claim, Labour's deputy leader
    /// said". A definite one is the person the passage is about; "a
    /// spokesman" is no one.
    fn description_before(&self, start: usize, verb: usize) -> Found {
        let noun = (start..verb).rev().find(|&i| !is_adverb(self.word(i)))?;
        let w = self.word(noun);
        let role = w.starts_with(char::is_lowercase) && lexicon::is_role_noun(w);
        // "Tessa Boyle, a university spokeswoman, said": an apposition
        // describes the name before it.
        // Under the colon rule `verb` is where the quote opens, which may
        // be past the last word ("Aa: “…").
        let gap_end = self
            .tokens
            .get(verb)
            .map_or(self.tokens[verb - 1].end(), |t| t.start());
        let apposition = self.doc.text[self.tokens[noun].end()..gap_end].contains(',');
        if !role || apposition || self.tokens[noun].in_quote() || self.mention_at(noun).is_some() {
            return None;
        }
        let det = (noun.saturating_sub(4).max(start)..noun).rev().find(|&i| {
            matches!(self.word(i), "the" | "The" | "a" | "an" | "A" | "An")
                || self.tokens[i].possessive()
        })?;
        let cue = self.words_span(det, verb.min(self.tokens.len() - 1));
        if matches!(self.word(det), "a" | "an" | "A" | "An") {
            return Some(Verdict::no_one(Rule::Unnamed, cue));
        }
        let person = self.described(det, noun)?;
        Some(Verdict::person(person, Rule::Description, DESCRIBED, cue))
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
        let article = (noun.saturating_sub(4).max(start)..noun)
            .rev()
            .take_while(|&i| self.tokens[i + 1].joined())
            .find(|&i| matches!(self.word(i), "a" | "an" | "A" | "An"))?;
        let cue = self.words_span(article, verb);
        let para = self.section_index(self.tokens[verb].start())?;
        let next = self.doc.sections.get(para + 1)?;
        let first = self.token_at(next.span.start);
        let opening = first..(first + 6).min(self.tokens.len());
        let titled = first < self.tokens.len() && lexicon::is_title(self.word(first));
        let person = opening
            .filter(|_| titled)
            .find_map(|i| self.mention_at(i))
            .map(|m| m.person);
        Some(match person {
            Some(p) => Verdict::person(p, Rule::NamedNext, 70, cue),
            None => Verdict::no_one(Rule::Unnamed, cue),
        })
    }

    /// "according to Price, …".
    fn according_to(&self, start: usize, end: usize) -> Found {
        let i = (start..end.saturating_sub(2)).find(|&i| {
            self.word(i).eq_ignore_ascii_case("according") && self.word(i + 1) == "to"
        })?;
        let m = self.mention_at(i + 2)?;
        let last = self.token_at(m.span.end).saturating_sub(1).max(i + 2);
        Some(self.named(m, Rule::AccordingTo, self.words_span(i, last)))
    }

    /// A quote with no attribution of its own that opens its sentence: the
    /// speaker of the quote before it in the paragraph or at the end of the
    /// paragraph before, or the person the paragraph before introduced.
    fn carried_over(&self, q: &Quote, done: &[Verdict]) -> Found {
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
        if let Some(v) = self.subject_after(q, para) {
            return Some(v);
        }
        if let Some(pq) = done.len().checked_sub(1).map(|p| &self.doc.quotes[p]) {
            let last = &done[done.len() - 1];
            let pp = self.section_index(pq.span.start)?;
            if pp == para {
                return Some(Verdict {
                    rule: carried_rule(last, Rule::SameParagraph),
                    confidence: last.confidence.min(90),
                    ..last.clone()
                });
            }
        }
        // "Farouk will spend the summer on the ice. Asked whether he was
        // nervous, he laughed. “…”": the paragraph so far is about one person.
        let here = self.doc.sections[para].span.start..q.span.start;
        if let Some(v) = self.one_person_in(here) {
            return Some(v);
        }
        if let Some(pq) = done.len().checked_sub(1).map(|p| &self.doc.quotes[p]) {
            let last = &done[done.len() - 1];
            let pp = self.section_index(pq.span.start)?;
            if pp + 1 == para && self.is_paragraph_last(done.len() - 1) {
                // `“…,” Okafor said.` ends the paragraph before as surely
                // as the quote itself would.
                let cap = if self.ends_paragraph(pq) { 80 } else { 75 };
                return Some(Verdict {
                    rule: carried_rule(last, Rule::LastSpeaker),
                    confidence: last.confidence.min(cap),
                    ..last.clone()
                });
            }
        }
        let prev_para = self.doc.sections.get(para.checked_sub(1)?)?;
        if prev_para.kind == SectionKind::Title {
            return None;
        }
        // "… Park said:" introduces the quote paragraph after it.
        if self.doc.text[prev_para.span.clone()].ends_with(':') {
            let last = self.sentence_of(prev_para.span.end - 1)?;
            let found = self.subject_before(
                self.token_at(last.start),
                self.token_at(last.end),
                Rule::Introduced,
            );
            return found.map(|mut v| {
                v.rule = if v.speaker.is_some() {
                    Rule::Introduced
                } else {
                    v.rule
                };
                v.confidence = v.confidence.min(85);
                v
            });
        }
        self.one_person_in(prev_para.span.clone())
    }

    /// A passage about one person introduces that person's words.
    fn one_person_in(&self, span: Span) -> Found {
        let mut people = self
            .mentions_in(span)
            .filter(|m| !self.in_quote(m.span.start));
        let first = people.next()?;
        let cue = first.span.clone();
        let person = first.person;
        people
            .all(|m| m.person == person)
            .then(|| Verdict::person(person, Rule::ParagraphSubject, 65, cue))
    }

    /// A quote that opens its paragraph and its sentence, followed by a
    /// sentence whose subject is a person: the words are that person's.
    fn subject_after(&self, q: &Quote, para: usize) -> Found {
        let section = &self.doc.sections[para];
        let lead = &self.doc.text[section.span.start..q.span.start];
        if lead.chars().any(char::is_alphanumeric) {
            return None;
        }
        let first = self.token_at(q.span.end);
        let t = self.tokens.get(first)?;
        let quote_ends = self.sentence_index(q.span.end.saturating_sub(1));
        if t.in_quote() || t.start() >= section.span.end || t.sentence() == quote_ends {
            return None;
        }
        let m = self.mention_at(first)?;
        if m.description || self.tokens[first].possessive() {
            return None;
        }
        Some(Verdict::person(
            m.person,
            Rule::SubjectAfter,
            70,
            m.span.clone(),
        ))
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

    /// Whether quote `k` is the last of its paragraph, with at most its
    /// own attribution after it: nothing past the sentence it ends.
    fn is_paragraph_last(&self, k: usize) -> bool {
        let q = &self.doc.quotes[k];
        let end = self.paragraph_end(q.span.start);
        let next_in_paragraph = self
            .doc
            .quotes
            .get(k + 1)
            .is_some_and(|n| n.span.start < end);
        !next_in_paragraph
            && (self.ends_paragraph(q)
                || self.sentence_index(q.span.end.saturating_sub(1))
                    == self.sentence_index(end.saturating_sub(1)))
    }

    fn ends_paragraph(&self, q: &Quote) -> bool {
        let end = self.paragraph_end(q.span.start);
        self.doc.text[q.span.end..end]
            .chars()
            .all(|c| !c.is_alphanumeric())
    }

    /// A pronoun's verdict: the person the passage is about, if one
    /// stands out among those of the right gender.
    fn pronoun(&self, g: Gender, pos: usize, cue: Span) -> Verdict {
        if self.unnamed_subject_before(pos) {
            return Verdict::no_one(Rule::Unnamed, cue);
        }
        match self.resolve_pronoun(Some(g), pos) {
            Some((p, confidence)) => Verdict::person(p, Rule::Pronoun, confidence, cue),
            None => Verdict::new(None, Rule::Pronoun, 0, Some(cue)),
        }
    }

    /// The most salient person before `pos` whose gender fits, with a
    /// confidence from how far they stand out. Salience adds up over the
    /// mentions outside quotes in this paragraph and the two before: a
    /// mention counts less for each sentence back, three times as a
    /// sentence's subject, less when the person's gender is unknown. The
    /// last speaker gets a little more while no one else has become the
    /// subject since.
    fn resolve_pronoun(&self, g: Option<Gender>, pos: usize) -> Option<(usize, u8)> {
        let here = self.sentence_index(pos)?;
        let para = self.section_index(pos)?;
        let from = self.doc.sections[para.saturating_sub(2)].span.start;
        let last_speaker = self.last_speaker.get().filter(|&(_, at)| at >= from);
        let ms = self.mentions.items;
        let before = &ms[..self.mentions.partition_point(|m| m.span.end <= pos)];
        let mut scores: Vec<Salience> = Vec::new();
        let mut subject_seen: Option<usize> = None;
        let mut new_subject = false;
        for m in before.iter().rev().take(PRONOUN_WINDOW) {
            if m.span.start < from {
                break;
            }
            if self.in_quote(m.span.start) {
                continue;
            }
            let pg = self.people.persons[m.person].gender;
            let fits = g.is_none_or(|g| g == pg);
            let fit = match pg {
                _ if fits => 1.0,
                Gender::Unknown => 0.8,
                _ => continue,
            };
            let tok = self.token_at(m.span.start);
            let Some(s) = self.tokens[tok].sentence() else {
                continue;
            };
            let back = here.saturating_sub(s).min(16) as i32;
            let subject =
                subject_seen != Some(s) && (self.is_subject(tok) || self.speaks(m.span.end));
            if subject {
                subject_seen = Some(s);
                new_subject |=
                    last_speaker.is_some_and(|(p, at)| p != m.person && m.span.start > at);
            }
            // A name in brackets is an aside, hardly what the passage is about.
            let aside = self.doc.text[..m.span.start].ends_with('(');
            let weight = 0.4f32.powi(back)
                * if subject { 3.0 } else { 1.0 }
                * if aside { 0.3 } else { 1.0 }
                * fit;
            match scores.iter_mut().find(|c| c.person == m.person) {
                Some(c) => c.weight += weight,
                None => scores.push(Salience {
                    person: m.person,
                    weight,
                    gender_known: fits,
                }),
            }
        }
        if let Some((p, _)) = last_speaker.filter(|_| !new_subject)
            && let Some(c) = scores.iter_mut().find(|c| c.person == p)
        {
            c.weight += 0.3;
        }
        scores.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let Some(best) = scores.first() else {
            return self.last_speaker_of_gender(g);
        };
        let ratio = scores.get(1).map_or(0.0, |s| s.weight / best.weight);
        let top: f32 = if best.gender_known { 90.0 } else { 80.0 };
        let confidence = (top - 45.0 * ratio).clamp(0.0, 100.0) as u8;
        Some((best.person, confidence))
    }

    /// Whether the pronoun at `pos` follows a sentence about an unnamed
    /// person ("A Red Cross spokeswoman said …. “…,” she said"; "One
    /// player shook her head. “…,” she said"): the pronoun is that person,
    /// unless a named subject came between.
    fn unnamed_subject_before(&self, pos: usize) -> bool {
        let Some(here) = self.sentence_index(pos) else {
            return false;
        };
        let para = self.section_index(pos);
        for k in (here.saturating_sub(1)..=here).rev() {
            let sentence = &self.sentences[k];
            if self.section_index(sentence.start) != para {
                return false;
            }
            let first = self.token_at(sentence.start);
            let Some(t) = self.tokens.get(first).filter(|t| t.start() < pos) else {
                continue;
            };
            let named_subject = (first..self.token_at(pos.min(sentence.end))).any(|i| {
                self.mention_at(i).is_some() && !self.tokens[i].in_quote() && self.is_subject(i)
            });
            if named_subject {
                return false;
            }
            if !t.in_quote() && matches!(self.word(first), "A" | "An" | "One" | "Another") {
                return true;
            }
        }
        false
    }

    /// Whether a speech verb follows a name ending at `end` ("Cribb said",
    /// "Cribb later told"): the name is that clause's subject.
    fn speaks(&self, end: usize) -> bool {
        let next = self.token_at(end);
        (next..self.tokens.len())
            .take(2)
            .find(|&i| !is_adverb(self.word(i)))
            .is_some_and(|i| is_speech_verb(self.word(i)))
    }

    /// With no one of the pronoun's gender in the passage, a run of quotes
    /// has pushed the names back: the last speaker, if the gender fits.
    fn last_speaker_of_gender(&self, g: Option<Gender>) -> Option<(usize, u8)> {
        let (p, _) = self.last_speaker.get()?;
        g.is_none_or(|g| self.people.persons[p].gender == g)
            .then_some((p, 70))
    }

    /// Whether the mention at token `tok` is its sentence's subject: the
    /// first words of its sentence or clause outside quotes, with no
    /// preposition before it ("Reed praised …", "For example, Coach Amy
    /// Reed, 41, said", but not "… coached by Reed").
    fn is_subject(&self, tok: usize) -> bool {
        let Some(s) = self.tokens[tok].sentence() else {
            return false;
        };
        let start = self.tokens[tok].start();
        let mut outside = 0;
        for i in (tok.saturating_sub(CLAUSE_WINDOW)..tok).rev() {
            let t = &self.tokens[i];
            if t.sentence() != Some(s) {
                return true;
            }
            if t.in_quote() {
                continue;
            }
            let in_name = self.mention_at(i).is_some_and(|m| m.span.contains(&start));
            if in_name {
                continue;
            }
            // A fronted phrase ends in a comma: "For example, Ban said".
            if self.doc.text[t.end()..self.tokens[i + 1].start()].contains(',') {
                return self.mention_at(i).is_none();
            }
            if is_clause_preposition(self.word(i)) || self.mention_at(i).is_some() {
                return false;
            }
            outside += 1;
            if outside > 6 {
                return false;
            }
        }
        true
    }

    fn sentence_index(&self, pos: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|r| r.end <= pos);
        self.sentences.get(k).filter(|r| r.start <= pos).map(|_| k)
    }

    fn in_quote(&self, pos: usize) -> bool {
        let k = self.quotes.partition_point(|q| q.span.end <= pos);
        self.quotes.get(k).is_some_and(|q| q.span.start <= pos)
    }
}

/// How much a passage is about one person, for a pronoun to refer to.
struct Salience {
    person: usize,
    weight: f32,
    gender_known: bool,
}

/// The rule of a verdict carried from the quote before: a carried "no one"
/// keeps its reason.
fn carried_rule(last: &Verdict, rule: Rule) -> Rule {
    if last.speaker.is_some() {
        rule
    } else {
        last.rule
    }
}

/// Words that put the name after them out of the subject slot:
/// prepositions ("coached by Reed") and the joins of a list ("Reed and
/// Gray", where the subject is the first name).
fn is_clause_preposition(word: &str) -> bool {
    lexicon::is_preposition(word)
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "after"
                | "before"
                | "during"
                | "without"
                | "about"
                | "against"
                | "like"
                | "than"
                | "over"
                | "under"
                | "between"
                | "among"
                | "including"
                | "toward"
                | "towards"
                | "beside"
                | "alongside"
                | "unlike"
                | "despite"
                | "and"
                | "or"
        )
}

/// A title word in a form to compare: lowercase, without a period, with
/// the usual abbreviations spelled out ("Gov." -> "governor").
fn role_word(word: &str) -> String {
    let w = word.trim_end_matches('.').to_lowercase();
    let full = match w.as_str() {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "supt" => "superintendent",
        "det" => "detective",
        "sgt" => "sergeant",
        "lt" => "lieutenant",
        "gen" => "general",
        "pres" => "president",
        "prof" => "professor",
        "insp" => "inspector",
        "cllr" => "councillor",
        "atty" => "attorney",
        _ => return w,
    };
    full.to_string()
}

/// Role nouns any office holder may be called by.
fn is_generic_role(word: &str) -> bool {
    matches!(
        word,
        "head" | "leader" | "chief" | "representative" | "executive" | "player" | "captain"
    )
}

/// Whether two title words name one office: "justice" is a judge's title.
fn same_role(a: &str, b: &str) -> bool {
    let office = |w: &str| if w == "justice" { "judge" } else { w }.to_string();
    office(a) == office(b)
}

/// A word with its first letter in upper case: "ministry" -> "Ministry".
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Words that may stand between a pronoun and its speech verb ("he later
/// said", "she also told").
fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "later" | "also" | "then" | "again" | "once" | "still" | "previously" | "recently"
    ) || (word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase))
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

/// Role nouns for the people an article quotes without naming them.
fn is_anonymous_role(word: &str) -> bool {
    matches!(
        word,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officials"
            | "aide"
            | "resident"
            | "member"
            | "worker"
            | "source"
            | "expert"
    )
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
