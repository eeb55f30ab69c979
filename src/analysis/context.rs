//! Numbers in context: what a number counts, read from the words around it
//! with a small grammar, and its value and unit so numbers can be compared.
//!
//! The shapes recognised, after the mention:
//! - "N unit of X", "N percent of X", "N days of X" -> X
//! - "N X" when the mention has no unit of its own (a counted noun) -> X
//! - money "$N for X", "$N in X", "$N to the X" -> X
//!
//! and before it, when nothing follows: "X of N" ("a reduction of 50
//! percent") -> X. X is a short noun phrase (at most four words) that stops
//! at verbs, prepositions, conjunctions and punctuation. Anything else gives
//! `None`: better nothing than a wrong guess.

use crate::model::{Document, EntityId, EntityKind, Span};

/// Longest noun phrase taken as context, in words.
const MAX_WORDS: usize = 4;

/// A number's value and what it is measured in.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// Normalised unit: "percent", "dollars", "tons", "year", or the
    /// singular counted noun ("constituency"). Empty for a bare count.
    pub unit: String,
}

/// What a number mention counts, from the words around it.
pub fn number_context(doc: &Document, mention: &Span) -> Option<String> {
    let text = &doc.text;
    if mention.start > mention.end
        || mention.end > text.len()
        || !text.is_char_boundary(mention.start)
        || !text.is_char_boundary(mention.end)
    {
        return None;
    }
    context_in(text, mention.clone())
}

/// [`number_context`] on plain text.
pub fn context_in(text: &str, mention: Span) -> Option<String> {
    let shape = Shape::of(&text[mention.clone()])?;
    let after = Words::new(&text[mention.end..]);
    let words: Vec<Word> = after.take(MAX_WORDS + 4).collect();
    let found = forward(&shape, &words);
    let found = found.or_else(|| {
        // Only a sentence-final or clause-final number looks back.
        let next = text[mention.end..].chars().next();
        let ends = next.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '\n' | ')'));
        if ends {
            backward(&text[look_back_start(text, mention.start)..mention.start])
        } else {
            None
        }
    })?;
    // The context must add something to the mention itself.
    let lower = found.to_lowercase();
    if shape.unit_words.contains(&lower) {
        return None;
    }
    Some(found)
}

/// The mention read as [currency] number [scale] [unit words].
#[derive(Debug)]
struct Shape {
    money: bool,
    /// Unit words in the mention itself ("million" excluded), lowercased.
    unit_words: Vec<String>,
}

impl Shape {
    fn of(mention: &str) -> Option<Shape> {
        let lower = mention.to_lowercase();
        if is_date_or_time(&lower) {
            return None;
        }
        let money = lower.starts_with(['$', '€', '£']) || lower.starts_with("us$");
        let mut tokens = lower.split_whitespace().peekable();
        // Leading number: digits, a number word, an ordinal, "a" before a
        // scale word.
        let first = tokens.next()?;
        let first = first
            .trim_start_matches("us")
            .trim_start_matches(['$', '€', '£']);
        if !(starts_numeric(first)
            || number_word(first).is_some()
            || is_ordinal(first)
            || ((first == "a" || first == "an")
                && tokens.peek().is_some_and(|t| scale(t).is_some())))
        {
            return None;
        }
        while tokens.peek().is_some_and(|t| scale(t).is_some()) {
            tokens.next();
        }
        let unit_words: Vec<String> = tokens.map(str::to_string).collect();
        Some(Shape { money, unit_words })
    }

    fn has_unit(&self) -> bool {
        !self.unit_words.is_empty()
    }
}

fn forward(shape: &Shape, words: &[Word]) -> Option<String> {
    let first = words.first()?;
    if first.lead_break {
        return None;
    }
    let w = first.lower();
    if w == "of" && !first.stops {
        return phrase(&words[1..]);
    }
    if shape.money && (w == "for" || w == "in") && !first.stops {
        return phrase(&words[1..]);
    }
    if shape.money && w == "to" && !first.stops && words.get(1).is_some_and(|n| n.lower() == "the")
    {
        return phrase(&words[1..]);
    }
    if shape.has_unit() && !shape.unit_words.iter().any(|u| u == "percent" || u == "%") {
        // "26 constituencies in Harare": the mention already names what it
        // counts.
        return None;
    }
    // "A dozen or so leaders": skip the hedge.
    let mut rest = words;
    if rest.len() >= 2
        && w == "or"
        && matches!(rest[1].lower().as_str(), "so" | "more" | "less" | "fewer")
        && !first.stops
    {
        rest = &rest[2..];
    }
    phrase(rest)
}

/// Where looking back from `pos` may start: the start of its line, and no
/// more than a few phrases back. The line start is searched for inside
/// that window only, so each look costs the same however long the line.
fn look_back_start(text: &str, pos: usize) -> usize {
    const WINDOW: usize = 200;
    let mut start = pos.saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..pos]
        .rfind('\n')
        .map_or(start, |i| start + i + 1)
}

/// "X of N": the noun phrase before "of", read backwards.
fn backward(before: &str) -> Option<String> {
    let mut words: Vec<Word> = Words::new(before).collect();
    let of = words.pop()?;
    if of.lower() != "of" || of.stops || of.lead_break {
        return None;
    }
    let mut taken: Vec<String> = Vec::new();
    while let Some(w) = words.pop() {
        if w.stops || w.lead_break || taken.len() == MAX_WORDS {
            break;
        }
        let lower = w.lower();
        if is_determiner(&lower) || is_stop(&lower) || starts_numeric(&lower) || w.text.is_empty() {
            break;
        }
        taken.push(w.text.to_string());
        if w.lead_open {
            break;
        }
    }
    if taken.is_empty() {
        return None;
    }
    taken.reverse();
    Some(taken.join(" "))
}

/// A noun phrase at the start of `words`.
fn phrase(words: &[Word]) -> Option<String> {
    let mut taken: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let lower = w.lower();
        if taken.is_empty() && is_determiner(&lower) && !w.stops && !w.lead_break {
            i += 1;
            continue;
        }
        if w.lead_break || w.lead_open || w.text.is_empty() {
            break;
        }
        if is_stop(&lower) || starts_numeric(&lower) || number_word(&lower).is_some() {
            break;
        }
        if taken.len() == MAX_WORDS {
            // Longer than a short noun phrase: unclear.
            return None;
        }
        taken.push(w.text);
        if w.stops {
            break;
        }
        i += 1;
    }
    if taken.is_empty() {
        None
    } else {
        Some(taken.join(" "))
    }
}

/// One word of running text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    /// The word without surrounding punctuation.
    text: &'a str,
    /// Punctuation after the word ends the phrase (comma, full stop, ...).
    stops: bool,
    /// A line break or closing mark comes before the word.
    lead_break: bool,
    /// An opening quote or parenthesis comes before the word.
    lead_open: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Words split at whitespace, with their punctuation noted.
struct Words<'a> {
    rest: &'a str,
    pending_break: bool,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Words<'a> {
        Words {
            rest: text,
            pending_break: false,
        }
    }
}

const OPENING: &[char] = &['“', '"', '‘', '(', '[', '\''];
const CLOSING: &[char] = &[
    ',', ';', ':', '.', '!', '?', '”', '"', ')', ']', '’', '\'', '—', '–',
];

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let mut lead_break = self.pending_break;
        self.pending_break = false;
        // Leading separators: whitespace, and punctuation glued to the
        // mention (the "’" of "countries’ economies").
        let start = self
            .rest
            .find(|c: char| !c.is_whitespace() && !CLOSING.contains(&c))?;
        let gap = &self.rest[..start];
        if gap.contains('\n') || gap.chars().any(|c| CLOSING.contains(&c)) {
            lead_break = true;
        }
        let rest = &self.rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let raw = &rest[..end];
        self.rest = &rest[end..];
        let lead_open = raw.starts_with(OPENING);
        let inner = raw.trim_start_matches(OPENING);
        let (text, stops) = trim_closing(inner);
        if self.rest.starts_with(|c: char| c.is_whitespace()) {
            let ws_end = self
                .rest
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(self.rest.len());
            if self.rest[..ws_end].contains('\n') {
                self.pending_break = true;
            }
        }
        Some(Word {
            text,
            stops,
            lead_break,
            lead_open,
        })
    }
}

/// Strip closing punctuation from a word; an abbreviation ("U.S.") keeps
/// its full stops and does not end the phrase.
fn trim_closing(word: &str) -> (&str, bool) {
    if is_abbreviation(word) {
        return (word, false);
    }
    // A possessive plural keeps its apostrophe ("countries’").
    let trimmed = word.trim_end_matches(CLOSING);
    if trimmed.len() == word.len() {
        return (word, false);
    }
    let tail = &word[trimmed.len()..];
    if (tail == "’" || tail == "'") && trimmed.ends_with('s') {
        return (word, false);
    }
    (trimmed, true)
}

/// "U.S.", "U.K.", "D.C.": letters each followed by a full stop.
fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_end_matches([',', ';', ':']);
    let mut n = 0;
    let mut chars = word.chars();
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_alphabetic() => n += 1,
            (None, _) => break,
            _ => return false,
        }
    }
    n >= 2
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "your" | "these" | "those"
    )
}

/// Words that end a noun phrase: prepositions, conjunctions, pronouns,
/// auxiliaries and common verbs, time words and adverbs.
fn is_stop(w: &str) -> bool {
    const STOPS: &[&str] = &[
        // prepositions
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "without",
        "before",
        "after",
        "over",
        "under",
        "between",
        "during",
        "into",
        "onto",
        "than",
        "since",
        "until",
        "about",
        "against",
        "through",
        "per",
        "via",
        "across",
        "among",
        "around",
        "alongside",
        "amid",
        "toward",
        "towards",
        "upon",
        "within",
        "beyond",
        "behind",
        "above",
        "below",
        "near",
        "off",
        "out",
        "up",
        "down",
        "like",
        "as",
        "including",
        "despite",
        "except",
        // conjunctions and relatives
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "while",
        "if",
        "because",
        "although",
        "though",
        "whether",
        // pronouns
        "it",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "this",
        "them",
        "him",
        "us",
        "me",
        // auxiliaries and common verbs
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "said",
        "says",
        "say",
        "told",
        "make",
        "made",
        "makes",
        "get",
        "got",
        "gets",
        "go",
        "goes",
        "went",
        "gone",
        "take",
        "took",
        "takes",
        "give",
        "gave",
        "gives",
        "come",
        "came",
        "comes",
        "rose",
        "fell",
        "grew",
        "won",
        "lost",
        "left",
        "saw",
        "see",
        "sees",
        "became",
        "become",
        "becomes",
        "remain",
        "remains",
        "rise",
        "rises",
        "fall",
        "falls",
        // time and degree words
        "last",
        "next",
        "each",
        "every",
        "ago",
        "now",
        "then",
        "today",
        "yesterday",
        "tomorrow",
        "annually",
        "year",
        "years",
        "a",
        "an",
        "the",
        "not",
        "no",
        "more",
        "less",
        "most",
        "least",
        "very",
        "too",
        "also",
        "only",
        "just",
        "even",
        "still",
    ];
    if STOPS.contains(&w) {
        return true;
    }
    // Adverbs and verb forms ("annually", "exported", "trailing").
    const ING_NOUNS: &[&str] = &[
        "funding",
        "building",
        "buildings",
        "spending",
        "housing",
        "meeting",
        "meetings",
        "training",
        "financing",
        "shipping",
        "clothing",
        "bombing",
        "shooting",
        "savings",
        "earnings",
        "holdings",
        "offering",
        "pricing",
        "lending",
        "borrowing",
        "wedding",
    ];
    let long = w.chars().count() > 4;
    long && (w.ends_with("ly")
        || w.ends_with("ed")
        || (w.ends_with("ing") && !ING_NOUNS.contains(&w)))
}

fn starts_numeric(w: &str) -> bool {
    w.trim_start_matches(['$', '€', '£'])
        .starts_with(|c: char| c.is_ascii_digit())
}

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_date_or_time(lower: &str) -> bool {
    lower.split_whitespace().any(|t| {
        let t = t.trim_end_matches(['.', ',']);
        MONTHS.contains(&t) || t == "am" || t == "pm" || t == "a.m" || t == "p.m"
    }) || lower.contains(':')
}

fn number_word(w: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("zero", 0.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("dozen", 12.0),
        ("hundred", 100.0),
        ("thousand", 1e3),
    ];
    if let Some(&(_, v)) = WORDS.iter().find(|(name, _)| *name == w) {
        return Some(v);
    }
    // "twenty-five"
    let (tens, ones) = w.split_once('-')?;
    let t = number_word(tens).filter(|t| *t >= 20.0 && *t < 100.0)?;
    let o = number_word(ones).filter(|o| *o >= 1.0 && *o < 10.0)?;
    Some(t + o)
}

fn scale(w: &str) -> Option<f64> {
    match w.trim_end_matches(['.', ',']) {
        "hundred" => Some(100.0),
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mln" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        "dozen" => Some(12.0),
        _ => None,
    }
}

fn is_ordinal(w: &str) -> bool {
    const ORDINALS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "twentieth",
        "hundredth",
    ];
    let head = w.split('-').next().unwrap_or(w);
    ORDINALS.contains(&head)
        || (head.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| head.ends_with(s)))
}

/// The value and unit of a number mention: "2 million tons" -> 2e6 tons,
/// "15 percent" -> 15 percent, "$1.2 billion" -> 1.2e9 dollars, "2023" ->
/// the year 2023. `None` for dates, times, ordinals and anything else that
/// is not an amount.
pub fn number_value(mention: &str) -> Option<Quantity> {
    let lower = mention.trim().to_lowercase();
    if is_date_or_time(&lower) {
        return None;
    }
    let (currency, body) = match lower.strip_prefix("us$") {
        Some(b) => (Some("dollars"), b),
        None => match lower.chars().next()? {
            '$' => (Some("dollars"), &lower[1..]),
            '€' => (Some("euros"), &lower['€'.len_utf8()..]),
            '£' => (Some("pounds"), &lower['£'.len_utf8()..]),
            _ => (None, lower.as_str()),
        },
    };
    let mut tokens = body.split_whitespace().peekable();
    let first = tokens.next()?;
    if is_ordinal(first) {
        return None;
    }
    let (digits, percent_sign) = match first.strip_suffix('%') {
        Some(d) => (d, true),
        None => (first, false),
    };
    // A scale glued to the digits: "5bn", "3m".
    let split = digits
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(digits.len());
    let (num, glued) = digits.split_at(split);
    // A scale joined by a hyphen: "$700-million".
    let glued = if num.is_empty() {
        ""
    } else {
        glued.trim_start_matches('-')
    };
    let mut value = if !num.is_empty() {
        let clean: String = num.chars().filter(|&c| c != ',').collect();
        clean.trim_end_matches('.').parse::<f64>().ok()?
    } else if first == "a" || first == "an" {
        1.0
    } else {
        number_word(first)?
    };
    let mut scaled = false;
    if !glued.is_empty() {
        value *= scale(glued)?;
        scaled = true;
    }
    while let Some(s) = tokens.peek().and_then(|t| scale(t)) {
        value *= s;
        scaled = true;
        tokens.next();
    }
    if (first == "a" || first == "an") && !scaled {
        return None;
    }
    let rest: Vec<&str> = tokens.collect();
    let unit =
        if percent_sign || matches!(rest.as_slice(), ["percent" | "%", ..] | ["per", "cent", ..]) {
            "percent".to_string()
        } else if let Some(c) = currency {
            c.to_string()
        } else if rest.is_empty() {
            let year = num.len() == 4 && !scaled && (1800.0..=2100.0).contains(&value);
            if year { "year" } else { "" }.to_string()
        } else {
            normalise_unit(&rest)
        };
    Some(Quantity { value, unit })
}

/// "metric tons" -> "tons", "dollars" -> "dollars", "constituencies" ->
/// "constituency".
fn normalise_unit(words: &[&str]) -> String {
    let last = words.last().copied().unwrap_or("");
    let last = last.trim_end_matches(['.', ',', '’', '\'']);
    match last {
        "tons" | "ton" | "tonnes" | "tonne" => "tons".into(),
        "dollars" | "dollar" | "usd" => "dollars".into(),
        "euros" | "euro" => "euros".into(),
        "pounds" | "pound" => "pounds".into(),
        "percent" | "%" => "percent".into(),
        _ => singular(last),
    }
}

fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    if w.ends_with("ss") || w.ends_with("us") || w.len() <= 3 {
        return w.to_string();
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// What the reader shows about the numbers of a document, built once.
#[derive(Debug, Clone, Default)]
pub struct Numbers {
    /// By entity id: what the number counts.
    pub context: Vec<Option<String>>,
    /// By entity id: the number's value and unit.
    pub quantity: Vec<Option<Quantity>>,
    /// Numbers that share a unit, in sidebar order; only units with two or
    /// more numbers.
    pub groups: Vec<Vec<EntityId>>,
    /// By entity id: its group in `groups`.
    pub group_of: Vec<Option<usize>>,
}

impl Numbers {
    pub fn build(doc: &Document) -> Numbers {
        let n = doc.entities.len();
        let mut context = vec![None; n];
        let mut quantity = vec![None; n];
        let ids = doc.entities_of(EntityKind::Number);
        for &id in &ids {
            let e = &doc.entities[id];
            context[id] = e.mentions.iter().find_map(|m| number_context(doc, &m.span));
            quantity[id] = number_value(&e.name).or_else(|| {
                let m = e.mentions.first()?;
                number_value(doc.text.get(m.span.clone())?)
            });
        }
        let mut groups: Vec<Vec<EntityId>> = Vec::new();
        let mut units: Vec<&str> = Vec::new();
        for &id in &ids {
            let Some(q) = &quantity[id] else { continue };
            if q.unit.is_empty() || !q.value.is_finite() || q.value < 0.0 {
                continue;
            }
            match units.iter().position(|u| *u == q.unit) {
                Some(g) => groups[g].push(id),
                None => {
                    units.push(&q.unit);
                    groups.push(vec![id]);
                }
            }
        }
        groups.retain(|g| g.len() >= 2);
        let mut group_of = vec![None; n];
        for (g, members) in groups.iter().enumerate() {
            for &id in members {
                group_of[id] = Some(g);
            }
        }
        Numbers {
            context,
            quantity,
            groups,
            group_of,
        }
    }

    /// The unit of a group, as a label ("percent", "years").
    pub fn unit_label(&self, group: usize) -> String {
        let unit = self
            .groups
            .get(group)
            .and_then(|g| g.first())
            .and_then(|&id| self.quantity[id].as_ref())
            .map_or("", |q| q.unit.as_str());
        match unit {
            "percent" | "dollars" | "tons" | "euros" | "pounds" => unit.to_string(),
            u if u.ends_with('y') && !u.ends_with("ay") => format!("{}ies", &u[..u.len() - 1]),
            u => format!("{u}s"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Context of the first occurrence of `mention` in `text`.
    fn ctx(text: &str, mention: &str) -> Option<String> {
        let start = text.find(mention).expect("mention in text");
        context_in(text, start..start + mention.len())
    }

    #[test]
    fn unit_of_x() {
        let t = "Russia could supply 2 million tons of aluminum annually to the US.";
        assert_eq!(ctx(t, "2 million tons").as_deref(), Some("aluminum"));
        let t = "It held 3.8 million metric tons of rare earth metal reserves, the survey said.";
        assert_eq!(
            ctx(t, "3.8 million metric tons").as_deref(),
            Some("rare earth metal reserves")
        );
        let t = "She spent two days of talks, including dinner.";
        assert_eq!(ctx(t, "two days").as_deref(), Some("talks"));
    }

    #[test]
    fn percent_of_x_keeps_abbreviations() {
        let t = "It once made up 15 percent of U.S. aluminum imports before 2023 tariffs.";
        assert_eq!(
            ctx(t, "15 percent").as_deref(),
            Some("U.S. aluminum imports")
        );
        let t = "Turnout was 40% of registered voters.";
        // "registered" reads as a verb form: nothing sure to say.
        assert_eq!(ctx(t, "40%"), None);
        let t = "They own 12 percent of the company’s shares.";
        assert_eq!(ctx(t, "12 percent").as_deref(), Some("company’s shares"));
    }

    #[test]
    fn counted_nouns() {
        let t = "Officials said 300 soldiers crossed the border.";
        assert_eq!(ctx(t, "300").as_deref(), Some("soldiers"));
        let t = "A dozen or so leaders from Europe visited.";
        assert_eq!(ctx(t, "A dozen").as_deref(), Some("leaders"));
        let t = "The city received $1 Million Federal Grant for Improvements.";
        assert_eq!(ctx(t, "$1 Million").as_deref(), Some("Federal Grant"));
        let t = "Under the Fiscal Year 2020 Airport Improvement Program (AIP) awards.";
        assert_eq!(
            ctx(t, "2020").as_deref(),
            Some("Airport Improvement Program")
        );
    }

    #[test]
    fn money_for_in_to() {
        let t = "Michigan will receive over $5.4 million in grant funding to help airports.";
        assert_eq!(ctx(t, "$5.4 million").as_deref(), Some("grant funding"));
        let t = "The council set aside $200,000 for new playgrounds; work starts soon.";
        assert_eq!(ctx(t, "$200,000").as_deref(), Some("new playgrounds"));
        let t = "The agency will award $1,052,631 to the Muskegon County Airport.";
        assert_eq!(
            ctx(t, "$1,052,631").as_deref(),
            Some("Muskegon County Airport")
        );
        // "to" before a verb is a purpose, not a recipient.
        let t = "They raised $5 to buy bread.";
        assert_eq!(ctx(t, "$5"), None);
    }

    #[test]
    fn looks_back_at_the_end_of_a_clause() {
        let t = "Putin proposed a mutual reduction of 50 percent. He also spoke.";
        assert_eq!(ctx(t, "50 percent").as_deref(), Some("mutual reduction"));
        let t = "He proposing of 50 percent.";
        assert_eq!(ctx(t, "50 percent"), None);
    }

    #[test]
    fn unclear_cases_give_none() {
        // The mention already names what it counts.
        let t = "We won in all the 26 constituencies in Harare.";
        assert_eq!(ctx(t, "26 constituencies"), None);
        // Dates and times.
        let t = "They met in Washington on Feb. 24 alongside Macron.";
        assert_eq!(ctx(t, "Feb. 24"), None);
        let t = "July 26, 2021 09:13 AM\nBEIJING - talks began.";
        assert_eq!(ctx(t, "09:13 AM"), None);
        // A verb, a quote or a line break right after.
        let t = "Prices rose 7 percent and then fell.";
        assert_eq!(ctx(t, "7 percent"), None);
        let t = "The score was 3 “unbelievable” points.";
        assert_eq!(ctx(t, "3"), None);
        let t = "Total: 42\nNext paragraph here.";
        assert_eq!(ctx(t, "42"), None);
        // Not a number at all.
        let t = "Several people came.";
        assert_eq!(ctx(t, "Several"), None);
        // Nothing after.
        assert_eq!(ctx("It was 5", "5"), None);
        // A phrase is at most four words.
        let t = "We counted 15 percent of one two three four five six.";
        assert_eq!(ctx(t, "15 percent"), None);
        let t = "It is 15 percent of big red shiny new cars here.";
        assert_eq!(ctx(t, "15 percent"), None);
    }

    #[test]
    fn out_of_range_spans_are_none() {
        let doc = Document::analyze("Title\n\nIt cost 5 dollars of money.");
        let len = doc.text.len();
        assert_eq!(number_context(&doc, &(len..len + 3)), None);
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 5..2;
        assert_eq!(number_context(&doc, &backwards), None);
        let start = doc.text.find("5 dollars").unwrap();
        assert_eq!(
            number_context(&doc, &(start..start + 9)).as_deref(),
            Some("money")
        );
    }

    fn q(value: f64, unit: &str) -> Option<Quantity> {
        Some(Quantity {
            value,
            unit: unit.into(),
        })
    }

    #[test]
    fn values_and_units() {
        assert_eq!(number_value("2 million tons"), q(2e6, "tons"));
        assert_eq!(number_value("3.8 million metric tons"), q(3.8e6, "tons"));
        assert_eq!(number_value("15 percent"), q(15.0, "percent"));
        assert_eq!(number_value("40%"), q(40.0, "percent"));
        assert_eq!(number_value("$1.2 billion"), q(1.2e9, "dollars"));
        assert_eq!(number_value("$1,052,631"), q(1_052_631.0, "dollars"));
        assert_eq!(number_value("$1 Million"), q(1e6, "dollars"));
        assert_eq!(number_value("€5bn"), q(5e9, "euros"));
        assert_eq!(number_value("2023"), q(2023.0, "year"));
        assert_eq!(number_value("A dozen"), q(12.0, ""));
        assert_eq!(number_value("two days"), q(2.0, "day"));
        assert_eq!(number_value("26 constituencies"), q(26.0, "constituency"));
        assert_eq!(number_value("twenty-five years"), q(25.0, "year"));
        assert_eq!(number_value("1,500"), q(1500.0, ""));
        assert_eq!(number_value("Feb. 24"), None);
        assert_eq!(number_value("09:13 AM"), None);
        assert_eq!(number_value("third anniversary"), None);
        assert_eq!(number_value("fifth-largest"), None);
        assert_eq!(number_value("several"), None);
        assert_eq!(number_value(""), None);
        assert_eq!(number_value("a man"), None);
    }

    #[test]
    fn numbers_of_the_bundled_article() {
        let doc = Document::analyze(crate::source::input::BUNDLED);
        let numbers = Numbers::build(&doc);
        let by_name = |name: &str| {
            doc.entities
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.id)
                .expect(name)
        };
        let tons = by_name("2 million tons");
        assert_eq!(numbers.context[tons].as_deref(), Some("aluminum"));
        let pct = by_name("15 percent");
        assert_eq!(
            numbers.context[pct].as_deref(),
            Some("U.S. aluminum imports")
        );
        // Percentages and tons are compared among themselves.
        let g = numbers.group_of[pct].expect("a percent group");
        assert!(numbers.groups[g].len() >= 2);
        assert_eq!(numbers.unit_label(g), "percent");
        assert_eq!(
            numbers.group_of[tons],
            numbers.group_of[by_name("3.8 million metric tons")]
        );
    }
}
