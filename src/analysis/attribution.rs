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

use std::cell::{Cell, OnceCell, RefCell};

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{self, Gender, is_speech_verb};
use super::people::{People, PersonMention};
use super::tokens::Tokens;
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
/// How many paragraphs open an article: a lede may name its speaker only
/// in the paragraph after.
const LEDE_PARAGRAPHS: usize = 2;
/// A speaker below this confidence (in percent) is dropped.
const MIN_CONFIDENCE: u8 = 50;
/// The confidence in the one person of a pronoun's gender named further
/// back than the passage: shown, never sure.
const ONLY_ONE: u8 = 60;
/// The confidence in a pronoun answering the person asked just before:
/// shown, never sure.
const ASKED: u8 = 70;
/// Sentences of a quote looked past to the question it answers.
const MAX_QUOTE_SENTENCES: usize = 4;
/// The confidence in a turn of questions and answers: shown, never sure.
const EXCHANGE: u8 = 70;
/// The confidence in a quote paragraph that goes on from the reported
/// speech ending the paragraph before: shown, never sure.
const CARRIED_REPORT: u8 = 70;
/// Most words of a subject that names a body, not a person: "The
/// Millerton Chamber of Commerce".
const MAX_NAME_SUBJECT: usize = 8;
/// Most words of an aside between a name and its verb, set off by commas:
/// "Michael, of Portland, recalled"; "Ruiz, a nurse at the clinic, said".
const MAX_APPOSITIVE: usize = 8;

/// Speakers (person indices into `People::persons`) and why, one per quote.
pub fn attribute(
    doc: &Document,
    tokens: &Tokens,
    people: &People,
) -> Vec<(Option<usize>, Attribution)> {
    let ctx = Context {
        doc,
        tokens,
        sentences: Near::new(&doc.sentences),
        sections: Near::new(&doc.sections),
        quotes: Near::new(&doc.quotes),
        mentions: Near::new(&people.mentions),
        people,
        last_speaker: Cell::new(None),
        holders: OnceCell::new(),
        introductions: OnceCell::new(),
        party_tags: OnceCell::new(),
        pronoun_genders: RefCell::new(vec![None; people.persons.len()]),
    };
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(doc.quotes.len());
    for q in &doc.quotes {
        let verdict = if q.continues {
            // The last paragraph of a long quote may name its speaker
            // (`…,” Alake said.`), for the paragraphs before it too.
            match ctx.after(q).filter(|v| v.speaker.is_some()) {
                Some(own) => {
                    name_the_open_run(&mut verdicts, &doc.quotes, &own);
                    Some(own)
                }
                None => verdicts.last().map(Verdict::continued),
            }
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
                // A quote that ends its sentence is that sentence's, even
                // when it names no one: the next sentence has its own.
                _ => match ctx.before(q) {
                    Some(b)
                        if b.speaker.is_some() || after.is_none() || ctx.ends_its_sentence(q) =>
                    {
                        Some(b)
                    }
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

/// Gives the speaker a continued quote names to the earlier paragraphs of
/// its quote that found none, from the last back to the quote's start.
fn name_the_open_run(verdicts: &mut [Verdict], quotes: &[Quote], own: &Verdict) {
    for k in (0..verdicts.len()).rev() {
        // "A spokesman said" named no one on purpose.
        if matches!(verdicts[k].rule, Rule::Unnamed | Rule::Group) {
            break;
        }
        if verdicts[k].speaker.is_none() {
            verdicts[k] = Verdict {
                rule: Rule::Continued,
                ..own.continued()
            };
        }
        if !quotes[k].continues {
            break;
        }
    }
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

/// A person and the lowercase words that introduce them ("police
/// spokeswoman").
type Introduction = (usize, Vec<String>);

/// The positions asked about lie near the quote at hand, and the quotes
/// come in order: every table is searched from its last answer.
struct Context<'a> {
    doc: &'a Document,
    tokens: &'a Tokens,
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
    /// The words each named person is introduced with ("fire investigator
    /// Gareth Pomfrey", "Ada Brost, a police spokeswoman,"), made once.
    /// Introductions by their last word, the only word a description must
    /// end on, so that each description reads the few that could fit.
    introductions: OnceCell<HashMap<String, Vec<Introduction>>>,
    /// Whether the text tags people by party and state, found once.
    party_tags: OnceCell<bool>,
    /// The gender of the pronoun that named a person whose gender the
    /// names did not show ("Pritchett … “…,” he says"): that person is no
    /// longer a candidate for the other pronoun.
    /// Indexed by person.
    pronoun_genders: RefCell<Vec<Option<Gender>>>,
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
        self.tokens.starting_from(pos)
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
        // "“…,” said" with no word after the verb: no subject at all.
        if first > last || last >= self.tokens.len() {
            return Verdict::no_one(Rule::Unnamed, cue);
        }
        if let Some(person) = self.introduced_as(first, last) {
            return Verdict::person(person, Rule::Description, DESCRIBED, cue);
        }
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
            None => match self
                .described(first, last)
                .or_else(|| self.partisan(first, last))
            {
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
        let kin = (first..=last).map(|i| self.word(i)).find(|w| is_kin(w));
        let kin_owner = matches!(
            w,
            "the" | "The" | "his" | "His" | "her" | "Her" | "their" | "Their"
        );
        if let Some(kin) = kin.filter(|_| kin_owner) {
            return self.named_by_tie(kin, self.tokens[first].start());
        }
        let nouns: Vec<String> = (first..=last)
            .map(|i| self.word(i))
            .filter(|w| {
                w.starts_with(char::is_lowercase)
                    && (lexicon::is_role_noun(w)
                        || lexicon::is_team_position(w)
                        || is_agent_noun(w))
                    && !is_anonymous_role(w)
                    && !is_kin(w)
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

    /// The one person introduced with the words of a definite description:
    /// "the police spokeswoman" is "Ada Brost, a police spokeswoman," and
    /// "the fire investigator" is "fire investigator Gareth Pomfrey". The
    /// description's last word must end the introduction and its other
    /// words stand in it; two people introduced alike are no one.
    fn introduced_as(&self, first: usize, last: usize) -> Option<usize> {
        // A slot at the very end of the text holds no words.
        // The subject slot may begin after its article.
        let det = (first.saturating_sub(1)..=first)
            .rev()
            .find(|&i| matches!(self.word(i), "the" | "The"))?;
        if last <= det {
            return None;
        }
        let words: Vec<String> = (det + 1..=last)
            .map(|i| self.word(i).to_lowercase())
            .collect();
        let (head, modifiers) = words.split_last()?;
        let introductions = self.introductions.get_or_init(|| {
            let named = self
                .people
                .mentions
                .iter()
                .filter(|m| !m.description && !self.in_quote(m.span.start));
            let mut by_head: HashMap<String, Vec<Introduction>> = HashMap::default();
            for (m, words) in named
                .flat_map(|m| [self.title_before(m), self.apposition_after(m)])
                .flatten()
            {
                if let Some(last) = words.last() {
                    by_head
                        .entry(last.clone())
                        .or_default()
                        .push((m.person, words));
                }
            }
            by_head
        });
        let mut fits = introductions
            .get(head)?
            .iter()
            .filter(|(_, intro)| modifiers.iter().all(|w| intro.contains(w)));
        let (person, _) = fits.next()?;
        fits.all(|(p, _)| p == person).then_some(*person)
    }

    /// The lowercase or title words right before a name in its clause
    /// ("fire investigator Gareth Pomfrey", "Sgt. Ada Brost").
    fn title_before<'m>(&self, m: &'m PersonMention) -> Option<(&'m PersonMention, Vec<String>)> {
        let start = self.token_at(m.span.start);
        let mut before: Vec<String> = Vec::new();
        let mut i = start;
        while i > 0 && before.len() < 3 && !self.ends_sentence_before(i) {
            let gap = &self.doc.text[self.tokens[i - 1].end()..self.tokens[i].start()];
            let w = self.word(i - 1);
            if !gap.trim().is_empty() || self.tokens[i - 1].in_quote() || is_determiner(w) {
                break;
            }
            // A sentence's first word is capitalized whatever it is.
            let opens = i == 1 || self.ends_sentence_before(i - 1);
            if !(opens
                || lexicon::is_title(w)
                || lexicon::is_role_noun(w)
                || lexicon::is_title_modifier(w)
                || w.starts_with(char::is_lowercase))
            {
                break;
            }
            before.push(w.to_lowercase());
            i -= 1;
        }
        before.reverse();
        (!before.is_empty()).then_some((m, before))
    }

    /// The apposition after a name up to its first preposition ("Ada
    /// Brost, a police spokeswoman for the city,").
    fn apposition_after<'m>(
        &self,
        m: &'m PersonMention,
    ) -> Option<(&'m PersonMention, Vec<String>)> {
        let next = self.token_at(m.span.end);
        let t = self.tokens.get(next)?;
        let gap = &self.doc.text[m.span.end..t.start()];
        if gap.trim() != "," || !matches!(self.word(next), "a" | "an" | "the") {
            return None;
        }
        let after: Vec<String> = (next + 1..(next + 7).min(self.tokens.len()))
            .take_while(|&k| {
                let gap = &self.doc.text[self.tokens[k - 1].end()..self.tokens[k].start()];
                gap.trim().is_empty()
                    && !self.tokens[k].in_quote()
                    && !is_clause_preposition(self.word(k))
            })
            .map(|k| self.word(k).to_lowercase())
            .collect();
        (!after.is_empty()).then_some((m, after))
    }

    /// "the Toledo Democrat" in a text that tags no one by party and state
    /// (those are resolved with the people): the office holder named last,
    /// a guess.
    fn partisan(&self, first: usize, last: usize) -> Option<usize> {
        let definite = matches!(self.word(first), "the" | "The");
        if !definite || !lexicon::is_party_label(self.word(last)) || self.tags_parties() {
            return None;
        }
        let pos = self.tokens[first].start();
        let ms = &self.mentions.items[..self.mentions.partition_point(|m| m.span.end <= pos)];
        ms.iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .find(|m| self.people.persons[m.person].role.is_some())
            .map(|m| m.person)
    }

    /// Whether the text tags anyone by party and state ("D-Ohio").
    fn tags_parties(&self) -> bool {
        *self.party_tags.get_or_init(|| {
            let t = &self.doc.text;
            [", D-", ", R-", "(D-", "(R-"]
                .iter()
                .any(|tag| t.contains(tag))
        })
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
        let mut first_verb = None;
        for v in start..end {
            if self.tokens[v].in_quote() || !is_speech_verb(self.word(v)) {
                continue;
            }
            first_verb = first_verb.or(Some(v));
            if let Some(found) = self.subject_before(start, v, Rule::ReportedSpeech) {
                return Some(self.told_within(q, v, end).unwrap_or(found));
            }
        }
        self.according_to(start, end)
            .or_else(|| self.introduced_by_colon(q, start, end))
            .or_else(|| self.unnamed_reporter(start, first_verb?))
    }

    /// "The institute said in a statement that she had “…”": a short
    /// subject with no person in it speaks for no named person; so does a
    /// longer name that is no person's ("The Millerton Chamber of Commerce
    /// said").
    fn unnamed_reporter(&self, start: usize, verb: usize) -> Found {
        let slot = start..verb;
        let short = !slot.is_empty() && slot.len() <= 3;
        let proper = !slot.is_empty()
            && slot.len() <= MAX_NAME_SUBJECT
            && slot.clone().all(|i| {
                let w = self.word(i);
                w.starts_with(char::is_uppercase) || matches!(w, "of" | "for" | "and" | "the")
            })
            && slot.clone().all(|i| self.mention_at(i).is_none());
        ((short || proper) && slot.clone().all(|i| !self.tokens[i].in_quote()))
            .then(|| self.unnamed_subject(start, verb - 1, verb))
    }

    /// Reported speech that reports speech: "Kowalski testified that
    /// Brandvold had told him, “…”". The quote is the words of the inner
    /// verb's subject, the name nearest before it after the outer verb;
    /// a guess, shown but never sure.
    fn told_within(&self, q: &Quote, outer: usize, end: usize) -> Found {
        let gap = self.doc.text[..q.span.start].trim_end_matches(['“', '"', '‘', '\'', ' ']);
        if !gap.ends_with([',', ':']) {
            return None;
        }
        // The inner verb, with at most a listener between it and the quote.
        let inner = (outer + 1..end)
            .rev()
            .take(3)
            .find(|&i| !self.tokens[i].in_quote() && is_speech_verb(self.word(i)))?;
        let m = (outer + 1..inner)
            .rev()
            .filter(|&i| !self.tokens[i].in_quote())
            .find_map(|i| self.mention_at(i))?;
        let cue = self.words_span(self.token_at(m.span.start), inner);
        Some(Verdict::person(m.person, Rule::ReportedSpeech, 70, cue))
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
        // Only a lede holds back its speaker's name: further down, "a
        // spokeswoman" is someone the article never names.
        let paragraphs_before = self.doc.sections[..para]
            .iter()
            .filter(|s| s.kind == SectionKind::Paragraph)
            .count();
        if paragraphs_before >= LEDE_PARAGRAPHS {
            return Some(Verdict::no_one(Rule::Unnamed, cue));
        }
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
        if let Some(v) = self.pointed_back_to(q, para) {
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
        if let Some(v) = self.exchange(q, para, done) {
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
            .or_else(|| self.reported_before(prev_para.span.clone()))
            .or_else(|| self.described_subject(prev_para.span.clone()))
    }

    /// "He said the lake was warmer than usual." then a paragraph that is
    /// only a quote: the words go on from the reported speech that ends
    /// the paragraph before, and are its subject's. A guess, never sure.
    fn reported_before(&self, para: Span) -> Found {
        let sentence = self.sentence_of(para.end.checked_sub(1)?)?;
        let (first, end) = (self.token_at(sentence.start), self.token_at(sentence.end));
        let verb =
            (first..end).find(|&v| !self.tokens[v].in_quote() && is_speech_verb(self.word(v)))?;
        if lexicon::is_question_verb(self.word(verb)) {
            return None;
        }
        let found = self.subject_before(first, verb, Rule::ReportedSpeech)?;
        found.speaker?;
        Some(Verdict {
            confidence: found.confidence.min(CARRIED_REPORT),
            ..found
        })
    }

    /// The person a paragraph's last sentence is about when its subject is
    /// a description ("The superintendent waited, then went on."): the
    /// holder of that title, or the one introduced with those words.
    fn described_subject(&self, para: Span) -> Found {
        let sentence = self.sentence_of(para.end.checked_sub(1)?)?;
        let first = self.token_at(sentence.start);
        let person = self.description_at(first)?;
        let cue = self.tokens[first].start()..sentence.end;
        Some(Verdict::person(person, Rule::Description, DESCRIBED, cue))
    }

    /// The person a definite description opening at token `first` stands
    /// for: its words run until a word no description ends with resolves.
    fn description_at(&self, first: usize) -> Option<usize> {
        let t = self.tokens.get(first)?;
        if t.in_quote() || !matches!(self.word(first), "the" | "The") {
            return None;
        }
        let sentence = t.sentence();
        (first + 1..(first + 4).min(self.tokens.len()))
            .take_while(|&k| {
                let gap = &self.doc.text[self.tokens[k - 1].end()..self.tokens[k].start()];
                self.tokens[k].sentence() == sentence
                    && gap.trim().is_empty()
                    && self.word(k).starts_with(char::is_lowercase)
            })
            .find_map(|last| {
                self.holder_of_role(first, last)
                    .map(|(p, _)| p)
                    .or_else(|| self.introduced_as(first, last))
            })
    }

    /// Questions and answers in turn (`“Was it late?” Whitlock asked.` /
    /// `“After midnight,” Hale said.` / `“And then?”`): a quote paragraph
    /// that asks, after an answer to a question, is the asker's again; one
    /// that answers, after a question put to an answerer, is theirs. A
    /// guess, never sure.
    fn exchange(&self, q: &Quote, para: usize, done: &[Verdict]) -> Found {
        let (p1, p2) = (para.checked_sub(1)?, para.checked_sub(2)?);
        let prev = done.len().checked_sub(1)?;
        let para_of = |k: usize| self.section_index(self.doc.quotes[k].span.start);
        let two_back = (0..prev).rev().find(|&k| para_of(k) != Some(p1))?;
        if [para_of(prev), para_of(two_back)] != [Some(p1), Some(p2)] {
            return None;
        }
        let (b, a) = (&done[prev], &done[two_back]);
        let asks = |quote: &Quote| {
            self.doc.text[quote.span.clone()]
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?')
                .ends_with('?')
        };
        let (a_asks, b_asks) = (
            asks(&self.doc.quotes[two_back]),
            asks(&self.doc.quotes[prev]),
        );
        let turns = a.speaker.is_some() && b.speaker.is_some() && a.speaker != b.speaker;
        (turns && a_asks != b_asks && asks(q) == a_asks).then(|| Verdict {
            rule: carried_rule(a, Rule::LastSpeaker),
            confidence: a.confidence.min(EXCHANGE),
            ..a.clone()
        })
    }

    /// A passage about one person introduces that person's words.
    fn one_person_in(&self, span: Span) -> Found {
        let mut people = self
            .mentions_in(span)
            .filter(|m| !self.in_quote(m.span.start) && !self.in_asked_clause(m.span.start));
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

    /// A quote that ends its paragraph, named by the next one pointing back
    /// at it: `“…”` then `That was what Lee told reporters.` or `Those
    /// were the words Ruiz chose.`
    fn pointed_back_to(&self, q: &Quote, para: usize) -> Found {
        if !self.ends_paragraph(q) {
            return None;
        }
        let next = self.doc.sections.get(para + 1)?;
        let first = self.token_at(next.span.start);
        let t = self.tokens.get(first).filter(|t| !t.in_quote())?;
        if !matches!(
            self.word(first),
            "That" | "This" | "Those" | "These" | "Such"
        ) {
            return None;
        }
        let sentence = t.sentence();
        let verb = (first + 1..self.tokens.len())
            .take_while(|&i| self.tokens[i].sentence() == sentence)
            .take(CLAUSE_WINDOW)
            .find(|&i| !self.tokens[i].in_quote() && is_speech_verb(self.word(i)))?;
        let mut v = self.subject_before(first, verb, Rule::NamedNext)?;
        v.speaker?;
        v.rule = Rule::NamedNext;
        v.confidence = v.confidence.min(80);
        Some(v)
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
        if self.unknown_speaker_before(pos) {
            return Verdict::new(None, Rule::Pronoun, 0, Some(cue));
        }
        let asked = self.asked_before(g, pos);
        if let Some(Asked::Person(p)) = asked {
            return Verdict::person(p, Rule::Pronoun, ASKED, cue);
        }
        // Someone was asked whom the text does not name here: the answer
        // is theirs, so the passage's subject is only a guess.
        let most = match asked {
            Some(Asked::Unnamed) => ONLY_ONE,
            _ => u8::MAX,
        };
        match self.resolve_pronoun(Some(g), pos) {
            Some((p, confidence)) => {
                self.learn_gender(p, g, confidence);
                Verdict::person(p, Rule::Pronoun, confidence.min(most), cue)
            }
            None => Verdict::new(None, Rule::Pronoun, 0, Some(cue)),
        }
    }

    /// The person asked a question in the sentence right before the
    /// pronoun's ("Kessler asked the fire investigator whether he had
    /// found any fault. / “None,” he said."): the answer is theirs, not
    /// the asker's nor another name's of the pronoun's gender.
    fn asked_before(&self, g: Gender, pos: usize) -> Option<Asked> {
        let here = self.sentence_index(pos)?;
        // The sentence before the quote: past the quote's own sentences
        // ("“None. I traced it all,” he said." is two).
        let prev = (here.saturating_sub(MAX_QUOTE_SENTENCES)..here)
            .rev()
            .map(|k| &self.doc.sentences[k])
            .find(|s| {
                let first = self.tokens.get(self.token_at(s.start));
                first.is_some_and(|t| !t.in_quote())
            })?;
        let (from, to) = (self.token_at(prev.start), self.token_at(prev.end));
        let asked = (from..to).find(|&i| !self.tokens[i].in_quote() && self.word(i) == "asked")?;
        // "asked the judge whether …" puts a question; "asked the judge
        // to consider …" a request, which the asker goes on with.
        let question = (asked + 2..(asked + 6).min(to))
            .map(|k| self.word(k))
            .take_while(|&w| w != "to")
            .any(is_question_word);
        if !question {
            return None;
        }
        let object = asked + 1;
        let named = match self.mention_at(object) {
            Some(m) if !m.description => Some(m.person),
            _ => self.description_at(object),
        };
        let Some(person) = named else {
            // "asked him whether …" leaves the pronouns to salience.
            let pronoun = lexicon::pronoun_gender(self.word(object)).is_some();
            return (!pronoun).then_some(Asked::Unnamed);
        };
        let asker = self
            .mentions_in(prev.start..self.tokens[asked].start())
            .last();
        let fits = self.people.persons[person].gender == g
            || (self.people.persons[person].gender == Gender::Unknown
                && self.pronoun_gender_of(person).is_none_or(|l| l == g));
        (fits && asker.is_none_or(|a| a.person != person)).then_some(Asked::Person(person))
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
        let mut subjects: Vec<(usize, usize)> = Vec::new();
        let mut new_subject = false;
        for m in before.iter().rev().take(PRONOUN_WINDOW) {
            if m.span.start < from {
                break;
            }
            if self.in_quote(m.span.start) || self.in_asked_clause(m.span.start) {
                continue;
            }
            let pg = self.people.persons[m.person].gender;
            let fits = g.is_none_or(|g| g == pg);
            if !fits && g.is_some_and(|g| self.pronoun_gender_of(m.person).is_some_and(|l| l != g))
            {
                continue;
            }
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
                subjects.push((s, m.person));
                subject_seen = Some(s);
                new_subject |=
                    last_speaker.is_some_and(|(p, at)| p != m.person && m.span.start > at);
            }
            // A name in brackets is an aside, hardly what the passage is about;
            // so is a relative named by their tie to someone ("her mother,
            // Graça, cleaned houses"), unless they speak.
            let aside = self.doc.text[..m.span.start].ends_with('(');
            let relative = self.named_by_kinship(m.span.start) && !self.speaks(m.span.end);
            let weight = 0.4f32.powi(back)
                * if subject { 3.0 } else { 1.0 }
                * if aside { 0.3 } else { 1.0 }
                * if relative { 0.4 } else { 1.0 }
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
        if let (Some(g), Some(first)) = (g, self.sentence_index(from)) {
            self.add_pronoun_subjects(g, &subjects, first..here, &mut scores);
        }
        if let Some((p, _)) = last_speaker.filter(|_| !new_subject)
            && let Some(c) = scores.iter_mut().find(|c| c.person == p)
        {
            c.weight += 0.3;
        }
        scores.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let Some(best) = scores.first() else {
            return self
                .last_speaker_of_gender(g)
                .or_else(|| self.only_one_of_gender(g?, pos));
        };
        let ratio = scores.get(1).map_or(0.0, |s| s.weight / best.weight);
        let top: f32 = if best.gender_known { 90.0 } else { 80.0 };
        let confidence = (top - 45.0 * ratio).clamp(0.0, 100.0) as u8;
        // "she" given to someone whose gender the text never showed may be
        // a person the analysis did not find at all: shown, never sure.
        let cap = if best.gender_known {
            100
        } else {
            Attribution::SURE - 5
        };
        Some((best.person, confidence.min(cap)))
    }

    /// Remembers the pronoun's gender for a person the names left without
    /// one, once the pronoun named them with some confidence.
    fn learn_gender(&self, p: usize, g: Gender, confidence: u8) {
        if self.people.persons[p].gender == Gender::Unknown
            && confidence >= MIN_CONFIDENCE
            && let Some(slot) = self.pronoun_genders.borrow_mut().get_mut(p)
        {
            slot.get_or_insert(g);
        }
    }

    fn pronoun_gender_of(&self, p: usize) -> Option<Gender> {
        self.pronoun_genders.borrow().get(p).copied().flatten()
    }

    /// "Coach Frank DeLuca had waited 19 years. He started the program …":
    /// a sentence that opens with the pronoun and names no subject of its
    /// own goes on about the subject named before it, who gains that
    /// sentence's weight. `subjects` holds (sentence, person) of the named
    /// subjects that fit the gender.
    fn add_pronoun_subjects(
        &self,
        g: Gender,
        subjects: &[(usize, usize)],
        sentences: std::ops::Range<usize>,
        scores: &mut [Salience],
    ) {
        let here = sentences.end;
        for s in sentences {
            let Some(sentence) = self.sentences.get(s) else {
                continue;
            };
            let tok = self.token_at(sentence.start);
            let opens = self.tokens.get(tok).is_some_and(|t| {
                t.start() < sentence.end
                    && !t.in_quote()
                    && lexicon::pronoun_gender(self.word(tok)) == Some(g)
            });
            if !opens || subjects.iter().any(|&(ss, _)| ss == s) {
                continue;
            }
            let before = subjects
                .iter()
                .filter(|&&(ss, _)| ss < s)
                .max_by_key(|&&(ss, _)| ss);
            let Some(c) = before.and_then(|&(_, p)| scores.iter_mut().find(|c| c.person == p))
            else {
                continue;
            };
            c.weight += 3.0 * 0.4f32.powi(here.saturating_sub(s).min(16) as i32);
        }
    }

    /// Whether the name at `pos` comes right after a kinship noun with its
    /// owner: "Her mother, Graça", "Okonkwo's father Chidi".
    fn named_by_kinship(&self, pos: usize) -> bool {
        self.kinship_of(pos).is_some()
    }

    /// The kinship noun right before the name at `pos`, with its owner
    /// before it: "mother" of "The children's mother, Therese".
    fn kinship_of(&self, pos: usize) -> Option<&str> {
        let noun = self.token_at(pos).checked_sub(1)?;
        let gap = &self.doc.text[self.tokens[noun].end()..pos];
        let kin = self.word(noun);
        if !matches!(gap.trim(), "" | ",") || !is_kin(kin) {
            return None;
        }
        let owner = self.tokens[noun.checked_sub(1)?].possessive()
            || matches!(
                self.word(noun - 1),
                "his" | "her" | "their" | "my" | "our" | "His" | "Her" | "Their" | "My" | "Our"
            );
        owner.then_some(kin)
    }

    /// The person a kinship description stands for ("the mother", "the
    /// mother's statement"): the one the text introduced by that tie
    /// ("The children's mother, Therese"), or no one.
    fn named_by_tie(&self, kin: &str, pos: usize) -> Option<usize> {
        let ms = &self.mentions.items[..self.mentions.partition_point(|m| m.span.end <= pos)];
        ms.iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .find(|m| self.kinship_of(m.span.start) == Some(kin))
            .map(|m| m.person)
    }

    /// Whether the sentence before the pronoun's has a speaker the analysis
    /// does not know: `Det Supt Ann Lowe of the county police told the
    /// inquest … “…,” she said.` The pronoun is most likely that speaker,
    /// so no one named elsewhere is.
    fn unknown_speaker_before(&self, pos: usize) -> bool {
        let Some(here) = self.sentence_index(pos) else {
            return false;
        };
        let Some(prev) = here.checked_sub(1).map(|k| &self.sentences[k]) else {
            return false;
        };
        if self.section_index(prev.start) != self.section_index(pos) {
            return false;
        }
        let first = self.token_at(prev.start);
        let Some(t) = self.tokens.get(first).filter(|t| t.start() < prev.end) else {
            return false;
        };
        let w = self.word(first);
        let name_like = w.starts_with(char::is_uppercase)
            && !t.in_quote()
            && lexicon::pronoun_gender(w).is_none()
            && !is_plural_pronoun(w)
            && !lexicon::is_function_word(w);
        if !name_like {
            return false;
        }
        let verb = (first..self.token_at(prev.end))
            .take(CLAUSE_WINDOW)
            .find(|&i| !self.tokens[i].in_quote() && is_speech_verb(self.word(i)));
        verb.is_some_and(|v| (first..v).all(|i| self.mention_at(i).is_none()))
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
        // Two sentences back: the quote itself may hold a sentence end
        // (`One player shook her head. “We lost. It’s on us,” she said`).
        for k in (here.saturating_sub(2)..=here).rev() {
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

    /// Whether byte `pos` is in the question that opens an "Asked whether
    /// …, he smiled." sentence (or "When asked about …,"): whom a question
    /// is about is not who answers it, so a name there is no subject of
    /// the passage.
    fn in_asked_clause(&self, pos: usize) -> bool {
        let Some(s) = self.sentence_of(pos) else {
            return false;
        };
        let first = self.token_at(s.start);
        let opens = match self.word(first) {
            "Asked" => true,
            "When" | "If" => first + 1 < self.tokens.len() && self.word(first + 1) == "asked",
            _ => false,
        };
        opens && !self.doc.text[s.start..pos].contains(',')
    }

    /// Whether a speech verb follows a name ending at `end` ("Cribb said",
    /// "Cribb later told", past an aside: "Cribb, of Dayton, recalled"):
    /// the name is that clause's subject.
    fn speaks(&self, end: usize) -> bool {
        let verb_at = |from: usize| {
            (from..self.tokens.len())
                .take(2)
                .find(|&i| !is_adverb(self.word(i)))
                .is_some_and(|i| is_speech_verb(self.word(i)))
        };
        verb_at(self.token_at(end)) || self.after_aside(end).is_some_and(verb_at)
    }

    /// The word after an aside that follows a name ending at `end`: a comma,
    /// a few words of the same sentence outside quotes, a comma.
    fn after_aside(&self, end: usize) -> Option<usize> {
        let text = &self.doc.text;
        if !text[end..].starts_with(',') {
            return None;
        }
        let first = self.token_at(end);
        let sentence = self.tokens.get(first)?.sentence();
        (first..(first + MAX_APPOSITIVE).min(self.tokens.len()))
            .take_while(|&k| self.tokens[k].sentence() == sentence && !self.tokens[k].in_quote())
            .find(|&k| text[self.tokens[k].end()..].starts_with(','))
            .map(|k| k + 1)
    }

    /// With no one of the pronoun's gender in the passage, a run of quotes
    /// has pushed the names back: the last speaker, if the gender fits.
    /// "She laughs. “…,” she says." three paragraphs after the woman was
    /// last named, with only men named since: the one person of that
    /// gender among the recent mentions, a guess shown but never sure.
    fn only_one_of_gender(&self, g: Gender, pos: usize) -> Option<(usize, u8)> {
        if g == Gender::Unknown {
            return None;
        }
        let ms = &self.mentions.items[..self.mentions.partition_point(|m| m.span.end <= pos)];
        let mut fits = ms
            .iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .filter(|m| !self.in_quote(m.span.start))
            .map(|m| m.person)
            .filter(|&p| self.people.persons[p].gender == g);
        let first = fits.next()?;
        fits.all(|p| p == first).then_some((first, ONLY_ONE))
    }

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
            // A fronted phrase ends in a comma: "For example, Ban said";
            // but a name after a verb is its object ("A second picketer,
            // who asked not to be named, echoed Marchand").
            if self.doc.text[t.end()..self.tokens[i + 1].start()].contains(',') {
                let object = (i + 1..tok).any(|k| {
                    let w = self.word(k);
                    is_speech_verb(w) || lexicon::takes_listener(w)
                });
                return self.mention_at(i).is_none() && !object;
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

/// Who was asked the question a pronoun's answer follows.
#[derive(Debug, Clone, Copy)]
enum Asked {
    /// A person the text names or describes so that they are known.
    Person(usize),
    /// Someone not known here ("asked the fire investigator whether …"
    /// with no investigator named as such, "asked whether …").
    Unnamed,
}

/// A word that opens an indirect question: "asked her whether …".
fn is_question_word(word: &str) -> bool {
    matches!(
        word,
        "whether" | "if" | "what" | "why" | "how" | "when" | "where" | "who" | "about"
    )
}

/// An article or possessive determiner: where a title before a name stops.
fn is_determiner(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
    )
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

/// A noun for someone who does something, by its ending: "the violin
/// maker", "the historian", "the novelist", "the actress". Left out: the
/// words with those endings that stand for no one yet may "say" something
/// ("the paper said", "the order states", "the other said").
fn is_agent_noun(word: &str) -> bool {
    let ending = |e: &str, min: usize| word.len() >= min && word.ends_with(e);
    let person = ending("er", 5)
        || ending("or", 5)
        || ending("ist", 6)
        || ending("ian", 6)
        || ending("tress", 7);
    person
        && !matches!(
            word,
            "other"
                | "former"
                | "latter"
                | "paper"
                | "newspaper"
                | "letter"
                | "order"
                | "poster"
                | "banner"
                | "flyer"
                | "register"
                | "charter"
                | "chamber"
                | "center"
                | "computer"
                | "monitor"
                | "sector"
                | "factor"
                | "indicator"
                | "meter"
                | "counter"
                | "trailer"
                | "cover"
                | "guardian"
        )
}

/// Nouns that name someone by their tie to another person.
fn is_kin(word: &str) -> bool {
    matches!(
        word,
        "mother"
            | "father"
            | "mom"
            | "mum"
            | "dad"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "sister"
            | "brother"
            | "grandmother"
            | "grandfather"
            | "grandson"
            | "granddaughter"
            | "aunt"
            | "uncle"
            | "cousin"
            | "niece"
            | "nephew"
            | "partner"
            | "fiancé"
            | "fiancée"
            | "girlfriend"
            | "boyfriend"
            | "stepmother"
            | "stepfather"
            | "stepson"
            | "stepdaughter"
            | "widow"
            | "widower"
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
