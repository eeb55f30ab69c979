//! Capitalized word runs and what they name: a person (with the title and
//! country that introduce them), an organization, or neither.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use super::gazetteer::{Gazetteer, PlaceMatch};
use super::lexicon::{
    self, Gender, is_calendar, is_function_word, is_org_word, is_particle, is_role_noun,
    is_speech_verb, is_title,
};
use super::overlaps_any;
use super::places::match_at;
use super::tokens::{Token, is_all_caps, is_capitalized};
use super::wordmap::load_le;
use crate::model::Span;

/// Longest name, in words.
const MAX_NAME_WORDS: usize = 5;

/// A person named in the text, as written at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonName {
    /// Token indices of the name itself, without titles.
    pub tokens: Range<usize>,
    /// Token indices of the titles before it ("U.S. Senators"), which are
    /// part of no other entity.
    pub title: Range<usize>,
    /// The title before the name, as written ("Treasury Secretary").
    pub role: Option<String>,
    /// Country the title belongs to ("French President", "Russia’s President").
    pub country: Option<usize>,
    pub gender: Gender,
    /// Evidence beyond a speech verb: a title, a role, a given name.
    pub strong: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Named {
    Person(PersonName),
    Organization(Range<usize>),
    /// A place no gazetteer lists, named by the kind of place it is
    /// ("Saco River", "Lake Chad", "Barrack Street", "Gulf of Aden").
    Feature(Range<usize>),
}

/// Runs of capitalized words joined only by spaces (and inner "of" or
/// name particles), each classified.
pub fn classify_runs(text: &str, tokens: &[Token], gaz: &Gazetteer) -> Vec<Named> {
    let common = Common::of(text, tokens);
    let mut parts: Vec<(Range<usize>, Option<Named>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let run = run_at(text, tokens, i);
        if run.is_empty() {
            i += 1;
            continue;
        }
        i = run.end;
        if let Some(feature) = lowercase_feature(text, tokens, run.clone(), gaz) {
            i = feature.end;
            parts.push((feature.clone(), Some(Named::Feature(feature))));
            continue;
        }
        let (first, second) = split_affiliation(text, tokens, run);
        for part in std::iter::once(first).chain(second) {
            let named = classify(text, tokens, part.clone(), gaz, &common);
            parts.push((part, named));
        }
    }
    people_in_lists(text, tokens, gaz, &common, &mut parts);
    let mut out: Vec<Named> = parts.into_iter().filter_map(|(_, n)| n).collect();
    // Lone words among fuller names are surnames: asked by both passes.
    let surnames = fuller_name_words(text, tokens, &out);
    drop_organization_words(text, tokens, &surnames, &mut out);
    drop_plural_groups(text, tokens, &surnames, &mut out);
    out
}

/// "the Mandovi river", "north of Barker pond": a name after "the" or a
/// preposition, with the kind of natural feature it is in lowercase after
/// it, is that feature, as token indices; not a people's ("the Greek
/// islands").
fn lowercase_feature(
    text: &str,
    tokens: &[Token],
    run: Range<usize>,
    gaz: &Gazetteer,
) -> Option<Range<usize>> {
    let next = tokens.get(run.end)?;
    // The rarest condition first: this is asked of every run.
    let feature = next.lowercase()
        && next.joined()
        && lexicon::is_lowercase_feature(next.text(text))
        && !tokens[run.end - 1].possessive()
        && !tokens[run.start].headline();
    let placed = || {
        run.start > 0 && tokens[run.start].joined() && {
            let prev = word(text, tokens, run.start - 1);
            prev.eq_ignore_ascii_case("the") || lexicon::is_preposition(prev)
        }
    };
    let people = || gaz.demonym(word(text, tokens, run.start)).is_some();
    if feature && placed() && !people() {
        return Some(run.start..run.end + 1);
    }
    station_after(text, tokens, run.end).map(|end| run.start..end)
}

/// Lowercase words for a station after the name of the town it serves.
const STATION_KINDS: &[&str] = &["railway", "train", "bus", "tube", "subway"];

/// "Cosham railway station": where the words from `at` are a kind of
/// station, the end of the station's name. Said outright, it needs no
/// "the" before the name.
fn station_after(text: &str, tokens: &[Token], at: usize) -> Option<usize> {
    let kind = tokens.get(at)?;
    let station = tokens.get(at + 1)?;
    (kind.lowercase()
        && kind.joined()
        && station.joined()
        && !tokens[at - 1].possessive()
        && STATION_KINDS.contains(&kind.text(text))
        && station.text(text) == "station")
        .then_some(at + 2)
}

/// Longest list of names a known person spreads to, in names.
const MAX_LIST_SPREAD: usize = 4;

/// A name of two or three words listed beside a person ("Ada Lowe, Teofil
/// Marsk and Ines Obi") is a person too, though no given name, title or
/// verb says so.
fn people_in_lists(
    text: &str,
    tokens: &[Token],
    gaz: &Gazetteer,
    common: &Common,
    parts: &mut [(Range<usize>, Option<Named>)],
) {
    let is_person = |n: &Option<Named>| matches!(n, Some(Named::Person(_)));
    for _ in 0..MAX_LIST_SPREAD {
        let mut changed = false;
        for k in 0..parts.len() {
            let (run, named) = &parts[k];
            if named.is_some()
                || !(2..=3).contains(&run.len())
                || after_the(text, tokens, run.start)
            {
                continue;
            }
            let before = k > 0
                && is_person(&parts[k - 1].1)
                && listed(text, tokens, parts[k - 1].0.end, run.start);
            let after = parts
                .get(k + 1)
                .is_some_and(|(next, n)| is_person(n) && listed(text, tokens, run.end, next.start));
            if (before || after) && nameable(text, tokens, gaz, run.clone()) {
                let found = person(text, tokens, run.clone(), gaz, common, true);
                parts[k].1 = found.map(Named::Person);
                changed |= parts[k].1.is_some();
            }
        }
        if !changed {
            break;
        }
    }
}

/// A run that may be a name only for want of evidence: no title, role,
/// organization or feature word, and no place's whole name ("South
/// Shields").
fn nameable(text: &str, tokens: &[Token], gaz: &Gazetteer, run: Range<usize>) -> bool {
    let plain = run.clone().all(|i| {
        let w = word(text, tokens, i);
        let one = w.strip_suffix('s').unwrap_or(w);
        ![w, one].iter().any(|w| is_title(w) || is_role_noun(w))
            && !is_org_word(w)
            && !lexicon::is_feature_word(w)
    });
    let span = tokens[run.start].start()..tokens[run.end - 1].end();
    plain && !gaz.find(text, &tokens[run]).iter().any(|m| m.span == span)
}

/// Whether only a list separator stands between token `end - 1` and
/// token `start`: a comma, "and", "or", ", and".
fn listed(text: &str, tokens: &[Token], end: usize, start: usize) -> bool {
    let (Some(last), Some(next)) = (
        end.checked_sub(1).and_then(|e| tokens.get(e)),
        tokens.get(start),
    ) else {
        return false;
    };
    let gap = text.get(last.end()..next.start()).unwrap_or("");
    !last.possessive()
        && !gap.contains('\n')
        && matches!(gap.trim(), "," | "and" | "or" | ", and" | ", or" | "&")
}

/// A lone word taken for a person on a verb alone ("Acme said") names an
/// organization when the text also writes it at the head of one ("Acme
/// Industries"), or an organization of its own when the text calls it
/// "the company" or "its" right after it ("Acme on Monday unveiled its
/// phone").
fn drop_organization_words(
    text: &str,
    tokens: &[Token],
    surnames: &HashSet<&str>,
    named: &mut Vec<Named>,
) {
    let heads: HashSet<&str> = named
        .iter()
        .filter_map(|n| match n {
            Named::Organization(r) => Some(word(text, tokens, r.start)),
            Named::Person(_) | Named::Feature(_) => None,
        })
        .collect();
    let lone = |n: &Named| match n {
        Named::Person(p) if !p.strong && p.tokens.len() == 1 => Some(p.tokens.start),
        _ => None,
    };
    let candidates: HashSet<&str> = named
        .iter()
        .filter_map(lone)
        .map(|i| word(text, tokens, i))
        .filter(|w| !surnames.contains(w))
        .collect();
    // Any mention may carry the evidence, not only those taken for a name;
    // one mention followed by "he" or "who" makes it a person's.
    let mut companies: HashSet<&str> = HashSet::default();
    let mut persons: HashSet<&str> = HashSet::default();
    if !candidates.is_empty() {
        for i in 0..tokens.len() {
            let w = word(text, tokens, i);
            if tokens[i].lowercase() || !candidates.contains(w) {
                continue;
            }
            match referred_to(text, tokens, i) {
                Some(Referent::Company) => companies.insert(w),
                Some(Referent::Person) => persons.insert(w),
                None => false,
            };
        }
    }
    companies.retain(|w| !persons.contains(w));
    named.retain_mut(|n| {
        let Some(i) = lone(n) else {
            return true;
        };
        let w = word(text, tokens, i);
        if companies.contains(w) {
            *n = Named::Organization(i..i + 1);
        }
        !heads.contains(w)
    });
}

/// Words of the fuller or titled names: a lone word among them is a
/// person's surname, whatever else it looks like.
fn fuller_name_words<'a>(text: &'a str, tokens: &[Token], named: &[Named]) -> HashSet<&'a str> {
    named
        .iter()
        .filter_map(|n| match n {
            Named::Person(p) if p.strong || p.tokens.len() > 1 => Some(p.tokens.clone()),
            _ => None,
        })
        .flatten()
        .map(|i| word(text, tokens, i))
        .collect()
}

/// Endings of plural nouns for groups of people ("Opponents", "Organizers",
/// "Scientists", "Historians").
const GROUP_PLURALS: &[&str] = &["ents", "ors", "ers", "ists", "ians"];

/// "Opponents say", "Organizers said": a plural group noun opening a
/// sentence is taken for a lone surname on its speech verb; it is none when
/// it is no given name and the text never writes it after another name.
fn drop_plural_groups(
    text: &str,
    tokens: &[Token],
    surnames: &HashSet<&str>,
    named: &mut Vec<Named>,
) {
    // Read once, when the first candidate asks: a text may hold many.
    let mut seconds: Option<HashSet<&str>> = None;
    named.retain(|n| {
        let Named::Person(p) = n else {
            return true;
        };
        let w = word(text, tokens, p.tokens.start);
        let group = p.tokens.len() == 1
            && !p.strong
            && tokens[p.tokens.start].sentence_start()
            && GROUP_PLURALS.iter().any(|e| w.ends_with(e))
            && lexicon::given_name(w).is_none()
            && !surnames.contains(w)
            && !seconds
                .get_or_insert_with(|| after_capitals(text, tokens))
                .contains(w);
        !group
    });
}

/// The words that end a capitalized pair somewhere ("Joel Lindfors"), as
/// a surname does even where that pair was taken for no name.
fn after_capitals<'a>(text: &'a str, tokens: &[Token]) -> HashSet<&'a str> {
    tokens
        .windows(2)
        .filter(|pair| pair[1].joined() && is_capitalized(pair[0].text(text)))
        .map(|pair| pair[1].text(text))
        .collect()
}

/// Words after a name in which "its" or "the company" still refer to it.
const COMPANY_REFERENCE_WINDOW: usize = 12;

/// Nouns news uses to refer back to a business it has named.
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "retailer",
    "automaker",
];

/// What the words after a name call it.
enum Referent {
    Company,
    Person,
}

/// How the words after the name at token `i`, in its sentence, refer back
/// to it: "its" or "the company" say a business, "he", "she" or "who" a
/// person, whichever comes first, before any other thing is named.
fn referred_to(text: &str, tokens: &[Token], i: usize) -> Option<Referent> {
    let personal = |w: &str| {
        ["he", "she", "his", "her", "him", "who"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    };
    let sentence = tokens[i].sentence();
    let mut prev = "";
    for n in tokens[i + 1..]
        .iter()
        .take(COMPANY_REFERENCE_WINDOW)
        .take_while(|n| n.sentence() == sentence && !n.in_quote())
    {
        let w = n.text(text);
        if personal(w) {
            return Some(Referent::Person);
        }
        let article = matches!(prev, "the" | "a" | "an");
        if w == "its" || (article && COMPANY_NOUNS.contains(&w)) {
            return Some(Referent::Company);
        }
        // "Ada said the pharmacy would add to its shifts": another thing
        // named in between may be what "its" refers to.
        if article && n.lowercase() {
            return None;
        }
        prev = w;
    }
    None
}

/// "Dan Ives of Wedbush Securities" is a person and an organization: a run
/// that starts with a given name splits at "of" (titles such as "Secretary
/// of State" do not start with one).
fn split_affiliation(
    text: &str,
    tokens: &[Token],
    run: Range<usize>,
) -> (Range<usize>, Option<Range<usize>>) {
    // A split needs a name of two words before "of".
    if run.len() < 4 {
        return (run, None);
    }
    // Honorifics may stand first: "Dr Eoin O'Malley of Dublin City University".
    let first_name = run
        .clone()
        .find(|&i| !lexicon::is_title(word(text, tokens, i)))
        .unwrap_or(run.start);
    let first_word = word(text, tokens, first_name);
    let starts_with_name =
        lexicon::given_name(first_word).is_some() || lexicon::is_family_name_first(first_word);
    let of = run.clone().find(|&i| word(text, tokens, i) == "of");
    match of {
        Some(k) if starts_with_name && k > first_name + 1 => (run.start..k, Some(k + 1..run.end)),
        _ => (run, None),
    }
}

/// Words this text also writes in lowercase: capitalized, they are sentence
/// starts ("Involuntarily"), not names. Words of up to eight bytes, nearly
/// all, are kept as numbers, cheaper to hash and compare than strings.
#[derive(Default)]
struct Common<'a> {
    short: HashSet<u64>,
    long: HashSet<&'a str>,
}

impl<'a> Common<'a> {
    fn of(text: &'a str, tokens: &[Token]) -> Common<'a> {
        let mut common = Common::default();
        // The flag decides words starting in ASCII; others are decoded.
        let lowercase = |t: &&Token| {
            t.lowercase()
                || (!text.as_bytes()[t.start()].is_ascii()
                    && t.text(text).starts_with(char::is_lowercase))
        };
        let words = tokens.iter().filter(lowercase).map(|t| t.text(text));
        for w in words {
            match packed(w) {
                Some(k) => common.short.insert(k),
                None => common.long.insert(w),
            };
        }
        common
    }

    fn has(&self, capitalized: &str) -> bool {
        lexicon::with_lowercase(capitalized, |lower| {
            self.holds(lower) || singular(lower).is_some_and(|one| self.holds(one))
        })
    }

    fn holds(&self, lower: &str) -> bool {
        match packed(lower) {
            Some(k) => self.short.contains(&k),
            None => self.long.contains(lower),
        }
    }
}

/// "prosecutors" -> "prosecutor": a capitalized plural whose singular this
/// text writes in lowercase ("Prosecutors say …" beside "the prosecutor")
/// is a sentence start, not a surname.
fn singular(lower: &str) -> Option<&str> {
    let one = lower.strip_suffix('s')?;
    (one.len() >= 4 && !one.ends_with('s') && !one.ends_with('\'')).then_some(one)
}

/// A word of at most eight bytes as a number. Words hold no NUL bytes, so
/// the zero padding cannot make two words one.
fn packed(word: &str) -> Option<u64> {
    // Fits: at most eight bytes.
    (word.len() <= 8).then(|| load_le(word.as_bytes()) as u64)
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    tokens[i].text(text)
}

fn run_at(text: &str, tokens: &[Token], start: usize) -> Range<usize> {
    let t = &tokens[start];
    // A word starting in ASCII lowercase is ruled out by its flag alone.
    if t.lowercase() || t.headline() || !is_capitalized(t.text(text)) {
        return start..start;
    }
    let mut end = start + 1;
    while end < tokens.len() && !tokens[end - 1].possessive() && tokens[end].joined() {
        let w = word(text, tokens, end);
        if tokens[end].headline() {
            break;
        }
        if is_capitalized(w) && !is_letter_compound(w) {
            end += 1;
            continue;
        }
        // "of" or particles ("van der") between capitalized words.
        let mut next = end;
        while next < tokens.len() && connects(text, &tokens[next]) {
            next += 1;
        }
        let resumes = next > end
            && tokens
                .get(next)
                .is_some_and(|n| n.joined() && !n.headline() && is_capitalized(n.text(text)));
        if !resumes {
            break;
        }
        end = next;
    }
    start..end
}

/// "T-shirt", "X-ray", "U-turn": a capital letter joined to a lowercase
/// word is a thing, never part of a name.
fn is_letter_compound(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 2 && b[1] == b'-' && b[2].is_ascii_lowercase()
}

fn connects(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    t.joined() && !t.possessive() && (w == "of" || is_particle(w))
}

fn classify(
    text: &str,
    tokens: &[Token],
    run: Range<usize>,
    gaz: &Gazetteer,
    common: &Common,
) -> Option<Named> {
    let w = |i: usize| word(text, tokens, i);
    // Leading sentence words, months and weekdays are part of no name.
    let mut lead = run.start;
    while lead < run.end {
        let sentence_word = || {
            tokens[lead].sentence_start()
                && lexicon::given_name(w(lead)).is_none()
                && !is_title(w(lead))
                && common.has(w(lead))
        };
        if !(is_function_word(w(lead)) || is_calendar(w(lead)) || sentence_word()) {
            break;
        }
        lead += 1;
    }
    let body = lead..run.end;
    if body.is_empty() {
        return None;
    }
    // A place name as a whole ("United States", "Mexico City") is the
    // gazetteer's, whatever words it holds.
    let body_text = &text[tokens[body.start].start()..tokens[body.end - 1].end()];
    if body.len() > 1 && gaz.lookup(body_text).is_some() {
        return None;
    }
    // A lone institution word ("Agency officials said", "moves United
    // up") names no particular organization, unless it is one of the few
    // that news writes that way ("the Kremlin", "Congress").
    if body.len() == 1 && is_org_word(w(lead)) && !lexicon::is_institution(w(lead)) {
        return None;
    }
    if body.clone().any(|i| is_org_word(w(i))) {
        let name_start = strip_title(text, tokens, body.clone(), gaz).name.start;
        if (name_start..body.end).any(|i| is_org_word(w(i))) || name_start == body.end {
            return Some(Named::Organization(body));
        }
    }
    // "Leon Park" is a person; "Cal Anderson Park", "Saco River" are not.
    // A person's name only with more to say so: a title or a speech verb.
    let two_word_name = || {
        let start = strip_title(text, tokens, body.clone(), gaz).name.start;
        body.end - start == 2
            && lexicon::given_name(w(start)).is_some()
            && (start > body.start || speech_verb_adjacent(text, tokens, body.clone()))
    };
    if body.len() > 1 && lexicon::is_feature_word(w(body.end - 1)) && !two_word_name() {
        return feature(text, tokens, body).map(Named::Feature);
    }
    if body.len() > 1 && lexicon::is_feature_head(w(body.start)) {
        return feature(text, tokens, body).map(Named::Feature);
    }
    if body.len() == 1 && is_acronym(w(lead)) && gaz.lookup(w(lead)).is_none() {
        return Some(Named::Organization(body));
    }
    if after_the(text, tokens, lead) && !is_title(w(lead)) {
        return team(text, tokens, body, gaz).map(Named::Organization);
    }
    // A place after a preposition is not part of the name that follows it
    // ("in Vienna Kutuzov"), nor an unknown word opening a sentence before a
    // given name and a surname ("Keeper Tomas Vidal", "Taoiseach Leo
    // Varadkar"; not "Nguyen Xuan Phuc" within a sentence).
    let after_preposition = |i: usize| {
        if i == run.start {
            run.start > 0 && tokens[run.start].joined() && lexicon::is_preposition(w(run.start - 1))
        } else {
            lexicon::is_preposition(w(i - 1))
        }
    };
    while lead + 1 < run.end {
        let given = lexicon::given_name(w(lead)).is_some();
        // "in Vienna Lind", but "with Jordan Ellis".
        let place = after_preposition(lead)
            && (!given || (lead > 0 && lexicon::is_place_preposition(w(lead - 1))))
            && gaz.lookup(w(lead)).is_some()
            && !is_title(w(lead + 1));
        if given && !place {
            break;
        }
        let role_word = lead + 2 < run.end
            && tokens[lead].sentence_start()
            && !is_title(w(lead))
            && lexicon::given_name(w(lead + 1)).is_some();
        if !(place || role_word) {
            break;
        }
        lead += 1;
    }
    person(text, tokens, lead..run.end, gaz, common, false).map(Named::Person)
}

/// Feature words that are also surnames ("Grace Park", "Dinah Shore"):
/// after a given name they may end a person's name; the others ("Sandy
/// Creek", "Lincoln Reservoir") end a place's.
const SURNAME_FEATURES: &[&str] = &[
    "Park", "Hill", "Hills", "Field", "Hall", "Lane", "Brook", "Bay", "Street", "Bridge", "Beach",
    "Pond", "Tower", "Forest", "Shore", "Pass", "Crossing", "Square",
];

/// A run named by the kind of place it is, unless a given name opens a
/// two-word run that may be a person's name with nothing before it that
/// says "place" ("Grace Park spoke" is a person; "the Grace Park", "in
/// Grace Park" are not).
fn feature(text: &str, tokens: &[Token], body: Range<usize>) -> Option<Range<usize>> {
    let first = word(text, tokens, body.start);
    let placed = body.start > 0 && tokens[body.start].joined() && {
        let prev = word(text, tokens, body.start - 1);
        prev.eq_ignore_ascii_case("the") || lexicon::is_place_preposition(prev)
    };
    let last = word(text, tokens, body.end - 1);
    let personal =
        body.len() == 2 && lexicon::given_name(first).is_some() && SURNAME_FEATURES.contains(&last);
    // A head word needs a name after it ("Lake Chad", not "Lake said").
    let second = word(text, tokens, body.start + 1);
    let named = !lexicon::is_feature_head(first)
        || is_capitalized(second) && !is_function_word(second)
        || second == "of" && body.len() > 2;
    (named && (placed || !personal)).then_some(body)
}

/// "the" right before a word: "the Harrison extension", "the Dave
/// Matthews Band" name things; a person after "the" has a title first.
fn after_the(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].joined() && word(text, tokens, i - 1).eq_ignore_ascii_case("the")
}

/// "the Boston Bruins", "the Oakland Athletics": a place and a plural.
fn team(text: &str, tokens: &[Token], body: Range<usize>, gaz: &Gazetteer) -> Option<Range<usize>> {
    let last = word(text, tokens, body.end - 1);
    let plural = last.ends_with('s') && !last.ends_with("ss");
    (body.len() >= 2 && plural && gaz.lookup(word(text, tokens, body.start)).is_some())
        .then_some(body)
}

/// Longest short form of an organization's name, in words.
const MAX_SHORT_ORG_WORDS: usize = 3;

/// "Fairmont State" after "Fairmont State University", "Tarvel First"
/// after "the Tarvel First Party": an organization's name without its
/// last word, when that is an organization word and at least two words
/// are left, names it again where no capitalized word follows; the place
/// it opens is no place there. Not a place's whole name ("Atlantic City"
/// of "Atlantic City Hospital"), of `places` (in text order). New spans
/// of `org_spans` (sorted), outside it and `person_spans` (sorted).
pub fn shortened_organizations(
    text: &str,
    tokens: &[Token],
    places: &[PlaceMatch],
    (org_spans, person_spans): (&[Span], &[Span]),
) -> Vec<Span> {
    let shorts: HashSet<&str> = org_spans
        .iter()
        .filter_map(|s| text[s.clone()].rsplit_once(' '))
        .filter(|(rest, last)| is_org_word(last) && rest.contains(' '))
        .map(|(rest, _)| rest)
        .collect();
    if shorts.is_empty() {
        return Vec::new();
    }
    let firsts: HashSet<&str> = shorts.iter().filter_map(|s| s.split(' ').next()).collect();
    let taken = |s: &Span| overlaps_any(org_spans, s) || overlaps_any(person_spans, s);
    let place = |s: &Span| match_at(places, s.start).is_some_and(|m| m.span == *s);
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if tokens[i].lowercase() || !firsts.contains(tokens[i].text(text)) {
            continue;
        }
        let ends_at = |end: usize| {
            tokens
                .get(end + 1)
                .is_none_or(|t| !t.joined() || !is_capitalized(t.text(text)))
        };
        let found = (i + 1..tokens.len().min(i + MAX_SHORT_ORG_WORDS))
            .take_while(|&k| tokens[k].joined())
            .map(|k| (k, tokens[i].start()..tokens[k].end()))
            .find(|(k, s)| shorts.contains(&text[s.clone()]) && ends_at(*k));
        if let Some((_, s)) = found.filter(|(_, s)| !taken(s) && !place(s)) {
            out.push(s);
        }
    }
    out
}

/// Acronyms that name organizations (FAA, NATO), not Roman numerals, clock
/// words or party-and-state tags ("D-MN").
pub fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && is_all_caps(w)
        && !w.contains('-')
        && !w.chars().all(|c| "IVXLCDM".contains(c))
        && !matches!(w, "AM" | "PM" | "OK" | "TV" | "CEO" | "I")
}

struct Stripped {
    name: Range<usize>,
    role: Vec<usize>,
    country: Option<usize>,
    head_title: bool,
    gender: Gender,
}

/// Split leading titles, demonyms and places off a run: "former British
/// Prime Minister Boris Johnson" -> role "Prime Minister", country UK.
fn strip_title(text: &str, tokens: &[Token], run: Range<usize>, gaz: &Gazetteer) -> Stripped {
    let w = |i: usize| word(text, tokens, i);
    let mut s = Stripped {
        name: run.clone(),
        role: Vec::new(),
        country: None,
        head_title: false,
        gender: Gender::Unknown,
    };
    // The name starts after the last title that has a word after it; what
    // stands before is the role and its qualifiers ("Bavarian Premier").
    let last_title = (run.start..run.end.saturating_sub(1))
        .rev()
        .find(|&i| is_title(w(i)) || is_role_noun(w(i)));
    let mut i = last_title.map_or(run.start, |k| k + 1);
    for k in run.start..i {
        let cur = w(k);
        if is_title(cur) || is_role_noun(cur) {
            s.role.push(k);
            s.head_title |= !lexicon::is_title_modifier(cur);
            if s.gender == Gender::Unknown {
                s.gender = lexicon::title_gender(cur);
            }
        } else if s.country.is_none() {
            s.country = gaz.demonym(cur).or_else(|| gaz.lookup(cur));
        }
    }
    if i < run.end && w(i) == "of" && !s.role.is_empty() {
        i += 1;
        // "Prime Minister of India Narendra Modi": skip the office's domain
        // up to the name, which starts with a given name or is the last two
        // words.
        while i < run.end && run.end - i > 2 && lexicon::given_name(w(i)).is_none() {
            i += 1;
        }
        // "Minister of Tourism": a lone word after "of" is the domain.
        if run.end - i == 1 && lexicon::given_name(w(i)).is_none() {
            i = run.end;
        }
    }
    s.name = i..run.end;
    s
}

/// Most words of a "who" clause between a name and its speech verb.
const MAX_WHO_CLAUSE: usize = 16;
/// How far into that clause its "who" may stand (", a sophomore who").
const WHO_WITHIN: usize = 4;

fn person(
    text: &str,
    tokens: &[Token],
    run: Range<usize>,
    gaz: &Gazetteer,
    common: &Common,
    listed: bool,
) -> Option<PersonName> {
    let stripped = strip_title(text, tokens, run.clone(), gaz);
    let mut name = stripped.name.clone();
    // Trailing connectors never end a name.
    while !name.is_empty() && is_particle(word(text, tokens, name.end - 1)) {
        name.end -= 1;
    }
    if name.is_empty() || name.len() > MAX_NAME_WORDS {
        return None;
    }
    let words: Vec<&str> = name.clone().map(|i| word(text, tokens, i)).collect();
    let full = words.join(" ");
    // "DANIEL MBEKI": capitals are a name's when its first word, written
    // the usual way, is a given name.
    let caps_name = words.len() >= 2
        && words.iter().all(|w| is_all_caps(w))
        && lexicon::given_name(&title_case(words[0])).is_some();
    let bad_word = |w: &&str| {
        is_calendar(w)
            || is_function_word(w)
            || (is_all_caps(w)
                && !caps_name
                && w.chars().count() > 1
                && !is_initial(w)
                && !lexicon::is_name_suffix(w))
            || w.chars().any(|c| c.is_ascii_digit())
            || gaz.demonym(w).is_some()
            || is_contraction(w)
            || is_party_tag(w)
    };
    let language = matches!(words.as_slice(), [w] if lexicon::is_language(w));
    if words.iter().any(bad_word) || language || gaz.lookup(&full).is_some() {
        return None;
    }
    // "the Ohio Democrat": a party label ends a description, not a name.
    if words.len() > 1 && lexicon::is_party_label(words[words.len() - 1]) {
        return None;
    }
    if words.len() == 1
        && (gaz.lookup(words[0]).is_some() || is_title(words[0]) || is_plural_role(words[0]))
    {
        return None;
    }
    // "an analyst at Morgan Stanley": people are rarely "at" someone.
    let after_at = run.start > 0
        && tokens[run.start].joined()
        && tokens[run.start - 1].text(text).eq_ignore_ascii_case("at");
    if after_at && !stripped.head_title {
        return None;
    }
    let given = if caps_name {
        lexicon::given_name(&title_case(words[0]))
    } else {
        lexicon::given_name(words[0])
    };
    // "Chen Jiahui", "Nguyen Van An": a family name first.
    let family_first = words.len() >= 2 && lexicon::is_family_name_first(words[0]);
    // "Hayley said", "with Angelo": a common given name on its own, which
    // this text never writes as a lowercase word.
    let lone_given = words.len() == 1
        && lexicon::given_name_info(words[0]).is_some_and(|g| g.stands_alone())
        && !common.has(words[0])
        && !after_place_preposition(text, tokens, run.start);
    let strong = stripped.head_title
        || lone_given
        || family_first
        || (words.len() >= 2 && is_initial(words[0]))
        || (words.len() >= 2 && (given.is_some() || role_before(text, tokens, run.start)))
        || (words.len() >= 2 && apposition_after(text, tokens, run.end));
    // Asked only of names that lack stronger evidence.
    let cue = || {
        role_before(text, tokens, run.start)
            || apposition_after(text, tokens, run.end)
            || speech_verb_adjacent(text, tokens, run.clone())
            // Only a lone surname: a longer run may hold a title the
            // lexicon lacks ("Trustee Gallo, who voted …, disagreed").
            || (words.len() == 1 && who_clause_then_speech(text, tokens, run.end))
    };
    if !(strong || listed || cue()) {
        return None;
    }
    let gender = match stripped.gender {
        Gender::Unknown => given.unwrap_or(Gender::Unknown),
        g => g,
    };
    let role = (!stripped.role.is_empty()).then(|| {
        let first = stripped.role[0];
        let last = *stripped.role.last().unwrap_or(&first);
        text[tokens[first].start()..tokens[last].end()].to_string()
    });
    Some(PersonName {
        title: run.start..name.start,
        tokens: name,
        role,
        country: stripped
            .country
            .or_else(|| possessive_place_before(text, tokens, run.start, gaz)),
        gender,
        strong,
    })
}

/// "We're", "I’m", "You’ll": a pronoun run together with a verb, never a
/// name (unlike "O’Brien", whose part after the mark is capitalized).
fn is_contraction(w: &str) -> bool {
    w.rsplit_once(['\'', '’'])
        .is_some_and(|(_, tail)| matches!(tail, "re" | "m" | "ve" | "ll" | "d"))
}

/// "D-Ohio", "R-Wyo.": a party and state tag after a lawmaker's name.
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 2 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// "Prosecutors said": a role in the plural is a group, not a surname.
fn is_plural_role(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(is_role_noun)
}

/// "DANIEL" -> "Daniel".
fn title_case(w: &str) -> String {
    let mut chars = w.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// "J." and run-together initials: "A.J.", "J.R.R.".
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// "to Harrison", "in Cary": a lone given name there is more likely a town.
fn after_place_preposition(text: &str, tokens: &[Token], start: usize) -> bool {
    start > 0 && tokens[start].joined() && {
        let prev = word(text, tokens, start - 1);
        lexicon::is_place_preposition(prev) || matches!(prev, "from" | "to" | "of")
    }
}

/// "spokesman Ned Price", "the opposition candidate, Morgan Tsvangirai".
fn role_before(text: &str, tokens: &[Token], start: usize) -> bool {
    let Some(prev) = start.checked_sub(1) else {
        return false;
    };
    let p = &tokens[prev];
    let gap = &text[p.end()..tokens[start].start()];
    let close = gap.trim() == "," || gap.trim().is_empty();
    let w = p.text(text);
    // "spokesman Ned Price", "then-President Ada Lowe".
    let role = is_role_noun(w) || (w.contains('-') && is_title(w));
    close && p.sentence() == tokens[start].sentence() && !is_capitalized(w) && role
}

/// ", the Zimbabwean president", ", secretary general of", ", Muskegon
/// County Administrator".
fn apposition_after(text: &str, tokens: &[Token], end: usize) -> bool {
    let Some(next) = tokens.get(end) else {
        return false;
    };
    let gap = &text[tokens[end - 1].end()..next.start()];
    if gap.trim() != "," {
        return false;
    }
    // An age: "Jordan Ellis, 34, said".
    let word = next.text(text);
    let after = tokens.get(end + 1).map(|t| &text[next.end()..t.start()]);
    if word.len() <= 3
        && word.bytes().all(|b| b.is_ascii_digit())
        && after.is_some_and(|g| g.trim() == ",")
    {
        return true;
    }
    tokens[end..]
        .iter()
        .take(4)
        .take_while(|t| t.sentence() == next.sentence())
        .enumerate()
        .take_while(|(k, t)| *k == 0 || t.joined())
        .any(|(_, t)| is_role_noun(t.text(text)))
}

/// "Xie said", "said Mark Eisenbarth".
fn speech_verb_adjacent(text: &str, tokens: &[Token], run: Range<usize>) -> bool {
    let after = tokens
        .get(run.end)
        .is_some_and(|t| t.joined() && is_speech_verb(t.text(text)));
    // "said Mark Eisenbarth" names the speaker; "told Sky Sports" names
    // the listener.
    let before = run.start > 0 && tokens[run.start].joined() && {
        let verb = tokens[run.start - 1].text(text);
        is_speech_verb(verb) && !lexicon::takes_listener(verb)
    };
    after || before
}

/// "Achterberg, who caught all nine innings, said", "Okwuosa, a sophomore
/// who asked …, said": a clause only a person takes ("who", in its first
/// words), then the speech verb whose subject the name is.
fn who_clause_then_speech(text: &str, tokens: &[Token], end: usize) -> bool {
    let Some(next) = tokens.get(end) else {
        return false;
    };
    let gap = |k: usize| &text[tokens[k - 1].end()..tokens[k].start()];
    if gap(end).trim() != "," {
        return false;
    }
    // The clause ends at its first comma (numbers are no words: "in
    // 1971, said"); the word after it is the verb.
    let verb = (end + 1..tokens.len().min(end + 1 + MAX_WHO_CLAUSE))
        .take_while(|&k| tokens[k].sentence() == next.sentence())
        .find(|&k| !tokens[k].joined());
    let Some(verb) = verb else {
        return false;
    };
    let who = (end..verb)
        .take(WHO_WITHIN)
        .any(|k| tokens[k].text(text) == "who");
    who && gap(verb).trim_end().ends_with(',') && is_speech_verb(tokens[verb].text(text))
}

/// "Russia’s President Vladimir Putin": the possessive place before a run.
fn possessive_place_before(
    text: &str,
    tokens: &[Token],
    start: usize,
    gaz: &Gazetteer,
) -> Option<usize> {
    let prev = tokens.get(start.checked_sub(1)?)?;
    let gap = &text[prev.end()..tokens[start].start()];
    let only_mark = gap
        .trim_start_matches(['’', '\''])
        .trim_start_matches('s')
        .trim()
        .is_empty();
    (prev.possessive() && only_mark)
        .then(|| gaz.lookup(prev.text(text)))
        .flatten()
}
