//! People: merge the names found into one entity per person, then find
//! every mention of each (full name, surname, description).

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::Gazetteer;
use super::lexicon::{self, Gender};
use super::names::PersonName;
use super::phrases::Phrases;
use super::tokens::{Token, Tokens};
use crate::model::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Name words of the fullest form.
    pub words: Vec<String>,
    pub role: Option<String>,
    pub country: Option<usize>,
    pub gender: Gender,
    /// Byte position of the first name found for this person.
    first_seen: usize,
    /// The text also calls them by the given name alone ("Hayley").
    by_given_name: bool,
    /// Names given in quotes inside the full name: "Bobby" of Robert
    /// “Bobby” Lee.
    nicknames: Vec<String>,
}

impl Person {
    pub fn name(&self) -> String {
        self.words.join(" ")
    }

    /// The name without a generational suffix ("Jr.", "III").
    fn core(&self) -> &[String] {
        match self.words.split_last() {
            Some((last, rest)) if !rest.is_empty() && lexicon::is_name_suffix(last) => rest,
            _ => &self.words,
        }
    }

    fn last(&self) -> &str {
        self.core().last().map_or("", String::as_str)
    }

    fn first(&self) -> &str {
        self.words.first().map_or("", String::as_str)
    }

    /// Shorter forms that refer to this person on their own: the surname,
    /// the leading family name of names like "Xie Feng" whose first word is
    /// not a given name, a middle word that is no given name ("Lula" of
    /// "Luiz Inácio Lula da Silva"), a surname with its particle ("bin
    /// Salman") and a double surname ("López Obrador").
    fn short_forms(&self) -> Vec<String> {
        let w = self.core();
        let not_given = |s: &str| {
            lexicon::given_name(s).is_none() && !lexicon::is_particle(s) && !s.ends_with('.')
        };
        let mut forms = self.nicknames.clone();
        if self.by_given_name && w.len() >= 2 {
            forms.push(self.first().to_string());
        }
        if w.len() < 2 {
            // A monarch is called by the name before the numeral: "Charles".
            if w.len() < self.words.len() {
                forms.extend(w.first().cloned());
            }
            return forms;
        }
        forms.push(self.last().to_string());
        if not_given(self.first()) {
            forms.push(self.first().to_string());
        }
        if w.len() >= 3 {
            let middle = &w[1..w.len() - 1];
            forms.extend(middle.iter().filter(|m| not_given(m)).cloned());
            if let Some(p) = middle.iter().position(|m| lexicon::is_particle(m)) {
                forms.push(w[p + 1..].join(" "));
            }
            let tail = &w[w.len() - 2..];
            if tail.iter().all(|t| not_given(t)) {
                forms.push(tail.join(" "));
            }
        }
        forms
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    pub person: usize,
    pub span: Span,
    pub description: bool,
}

pub struct People {
    pub persons: Vec<Person>,
    /// Sorted by position, non-overlapping.
    pub mentions: Vec<PersonMention>,
}

/// One entity per person, from the names found in runs.
pub fn find_people(text: &str, tokens: &Tokens, names: &[PersonName], gaz: &Gazetteer) -> People {
    let mut persons: Vec<Person> = Vec::new();
    let words_of = |n: &PersonName| -> Vec<String> {
        n.tokens
            .clone()
            .map(|i| tokens[i].text(text).to_string())
            .collect()
    };
    let nicknamed = nicknamed_names(text, tokens, names);
    // Full names first, so that a lone surname can join its full name.
    let mut order: Vec<(&PersonName, Option<&Nicknamed>)> = names
        .iter()
        .map(|n| (n, None))
        .chain(nicknamed.iter().map(|k| (&k.name, Some(k))))
        .collect();
    order.sort_by_key(|(n, k)| std::cmp::Reverse(k.map_or(n.tokens.len(), |k| k.words.len())));
    // Most names recur word for word: those find their person at once.
    let mut known: HashMap<String, usize> = HashMap::default();
    let mut shorts: Vec<Vec<String>> = Vec::new();
    let mut candidates = Candidates::default();
    let mut key = String::new();
    for (n, nick) in order {
        key.clear();
        match nick {
            Some(k) => key.push_str(&k.words.join(" ")),
            None => {
                for (k, i) in n.tokens.clone().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(tokens[i].text(text));
                }
            }
        }
        if let Some(&id) = known.get(key.as_str()) {
            let p = &mut persons[id];
            enrich(p, n);
            p.first_seen = p.first_seen.min(tokens[n.tokens.start].start());
            continue;
        }
        let words = nick.map_or_else(|| words_of(n), |k| k.words.clone());
        // British style calls a knight by the given name: "Sir Keir".
        let by_given_name = n
            .role
            .as_deref()
            .is_some_and(|r| r.ends_with("Sir") || r.ends_with("Dame"))
            || (words.len() == 1
                && lexicon::given_name_info(&words[0]).is_some_and(|g| g.stands_alone()));
        let found = candidates.first_match(&persons, &shorts, &words, by_given_name);
        if let Some(id) = found {
            known.insert(key.clone(), id);
            let p = &mut persons[id];
            enrich(p, n);
            p.first_seen = p.first_seen.min(tokens[n.tokens.start].start());
            let given_alone = by_given_name && words.len() == 1 && words[0] == p.first();
            if given_alone && !p.by_given_name {
                p.by_given_name = true;
                shorts[id] = p.short_forms();
            }
            if words.len() > p.words.len() {
                p.words = words;
                shorts[id] = p.short_forms();
            }
            if let Some(k) = nick.filter(|k| !p.nicknames.contains(&k.nickname)) {
                p.nicknames.push(k.nickname.clone());
                shorts[id] = p.short_forms();
            }
            candidates.add(id, p, &shorts[id]);
        } else {
            known.insert(key.clone(), persons.len());
            persons.push(Person {
                words,
                role: n.role.clone(),
                country: n.country,
                gender: n.gender,
                first_seen: tokens[n.tokens.start].start(),
                by_given_name: false,
                nicknames: nick.map(|k| k.nickname.clone()).into_iter().collect(),
            });
            shorts.push(persons[persons.len() - 1].short_forms());
            let id = persons.len() - 1;
            candidates.add(id, &persons[id], &shorts[id]);
        }
    }
    persons.sort_by_key(|p| p.first_seen);
    let mut mentions = name_mentions(text, tokens, &persons);
    mentions.extend(description_mentions(text, tokens, &persons, gaz, &mentions));
    mentions.sort_by_key(|m| m.span.start);
    People { persons, mentions }
}

/// A full name with a nickname in quotes between its words.
struct Nicknamed {
    /// The name before the nickname (or one made for it), for its title,
    /// gender and place in the text.
    name: PersonName,
    /// The name without the nickname: "Robert Lee".
    words: Vec<String>,
    nickname: String,
}

/// "Robert “Bobby” Lee", "Hector "Flaco" Morales": a capitalized word, one
/// or two capitalized words in quotes, and the surname. The surname ends
/// the name: the quoted words are the name friends use.
fn nicknamed_names(text: &str, tokens: &[Token], names: &[PersonName]) -> Vec<Nicknamed> {
    const OPEN: [&str; 3] = [" “", " \"", " ‘"];
    const CLOSE: [&str; 3] = ["” ", "\" ", "’ "];
    let gap = |i: usize| &text[tokens[i].end()..tokens[i + 1].start()];
    let name_word = |i: usize| {
        let w = tokens[i].text(text);
        w.starts_with(char::is_uppercase)
            && !lexicon::is_function_word(w)
            && !lexicon::is_title(w)
            && !lexicon::is_calendar(w)
    };
    let mut out = Vec::new();
    for i in 0..tokens.len().saturating_sub(2) {
        if !OPEN.contains(&gap(i)) || !name_word(i) {
            continue;
        }
        // The closing mark within two words, then the surname.
        let Some(last) = (i + 1..(i + 3).min(tokens.len() - 1))
            .take_while(|&k| name_word(k))
            .find(|&k| CLOSE.contains(&gap(k)))
        else {
            continue;
        };
        let surname = last + 1;
        if !name_word(surname) || (i + 1..last).any(|k| gap(k) != " ") {
            continue;
        }
        let word = |k: usize| tokens[k].text(text).to_string();
        let before = names.iter().find(|n| n.tokens.end == i + 1);
        let mut words: Vec<String> =
            before.map_or_else(|| vec![word(i)], |n| n.tokens.clone().map(word).collect());
        words.push(word(surname));
        let name = before.cloned().unwrap_or_else(|| PersonName {
            tokens: i..i + 1,
            title: i..i,
            role: None,
            country: None,
            gender: lexicon::given_name(tokens[i].text(text)).unwrap_or(Gender::Unknown),
            strong: true,
        });
        let nickname = (i + 1..=last).map(word).collect::<Vec<_>>().join(" ");
        out.push(Nicknamed {
            name,
            words,
            nickname,
        });
    }
    out
}

/// The persons a new name could join, filed under the words
/// `same_person` compares, so that a name is checked against those few and
/// not against every person found so far (quadratic with thousands of
/// distinct names). Stale entries left by a person's longer name are
/// harmless: every candidate is checked again.
#[derive(Default)]
struct Candidates {
    /// By surname and given name.
    by_name: HashMap<(String, String), Vec<usize>>,
    /// By surname and first letter, those whose given name is an initial.
    by_initial: HashMap<(String, Option<u8>), Vec<usize>>,
    /// By surname and first letter, all: for a name given as an initial.
    by_letter: HashMap<(String, Option<u8>), Vec<usize>>,
    /// By a word that alone may name the person: a short form, the given
    /// name, a one-word name.
    by_word: HashMap<String, Vec<usize>>,
}

/// The persons filed under `key`.
fn ids<'a, K, Q>(map: &'a HashMap<K, Vec<usize>>, key: &Q) -> &'a [usize]
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
{
    map.get(key).map_or(&[], Vec::as_slice)
}

/// "J." as a given name.
fn is_initial(word: &str) -> bool {
    word.len() == 2 && word.ends_with('.')
}

impl Candidates {
    fn add(&mut self, id: usize, p: &Person, short: &[String]) {
        let (first, last) = (p.first(), p.last().to_string());
        let letter = (last.clone(), first.bytes().next());
        if is_initial(first) {
            self.by_initial.entry(letter.clone()).or_default().push(id);
        }
        self.by_letter.entry(letter).or_default().push(id);
        let name = (last, first.to_string());
        self.by_name.entry(name).or_default().push(id);
        for w in short.iter().map(String::as_str).chain([first]) {
            self.by_word.entry(w.to_string()).or_default().push(id);
        }
    }

    /// The first person (by id) that `words` names, as `same_person` says.
    fn first_match(
        &self,
        persons: &[Person],
        shorts: &[Vec<String>],
        words: &[String],
        by_given_name: bool,
    ) -> Option<usize> {
        let (listed, initials) = match words {
            [one] => (ids(&self.by_word, one.as_str()), &[][..]),
            [first, .., last] => {
                let letter = (last.clone(), first.bytes().next());
                if is_initial(first) {
                    (ids(&self.by_letter, &letter), &[][..])
                } else {
                    let name = (last.clone(), first.clone());
                    (ids(&self.by_name, &name), ids(&self.by_initial, &letter))
                }
            }
            [] => return None,
        };
        listed
            .iter()
            .chain(initials)
            .copied()
            .filter(|&id| same_person(&persons[id], &shorts[id], words, by_given_name))
            .min()
    }
}

/// Whether `words` names the same person as `p`: the same full name, a
/// form with a middle name or initial, or a lone surname.
fn same_person(p: &Person, short: &[String], words: &[String], by_given_name: bool) -> bool {
    if words.len() == 1 {
        let given = by_given_name && p.words.len() >= 2 && p.first() == words[0];
        return given || short.contains(&words[0]) || p.words == words;
    }
    let (first, last) = (&words[0], &words[words.len() - 1]);
    let compatible_first =
        first == p.first() || initial_of(first, p.first()) || initial_of(p.first(), first);
    last == p.last() && compatible_first
}

fn initial_of(initial: &str, name: &str) -> bool {
    initial.len() == 2 && initial.ends_with('.') && name.starts_with(&initial[..1])
}

/// Keep the first role, country and gender known.
fn enrich(p: &mut Person, n: &PersonName) {
    if p.role.is_none() {
        p.role = n.role.clone();
    }
    if p.country.is_none() {
        p.country = n.country;
    }
    if p.gender == Gender::Unknown {
        p.gender = n.gender;
    }
}

/// Every occurrence of a full name or short form, each given to the person
/// it most likely means.
fn name_mentions(text: &str, tokens: &Tokens, persons: &[Person]) -> Vec<PersonMention> {
    let mut forms: Phrases<Vec<usize>> = Phrases::default();
    for (id, p) in persons.iter().enumerate() {
        forms.entry(&p.name(), Vec::new).push(id);
        for short in p.short_forms() {
            forms.entry(&short, Vec::new).push(id);
        }
    }
    // A shared surname goes to the person the article has named most so
    // far (the story's subject, not the relative introduced once), then to
    // the one named last.
    let mut seen: Vec<(usize, Option<usize>)> = vec![(0, None); persons.len()];
    let mut out = Vec::new();
    for (span, ids) in forms.find(text, tokens) {
        if inside_longer_name(text, tokens, &span) {
            continue;
        }
        let Some(&person) = ids
            .iter()
            .max_by_key(|&&id| (seen[id], std::cmp::Reverse(id)))
        else {
            continue;
        };
        seen[person] = (seen[person].0 + 1, Some(span.start));
        out.push(PersonMention {
            person,
            span,
            description: false,
        });
    }
    out
}

/// A one-word form that is only part of a longer capitalized name ("the
/// Stanley Cup", "Cal Anderson Park") does not mention the person, nor
/// does a whole name that a feature's last word follows: the place is
/// named for the person ("Bobby Lowe Playfield").
fn inside_longer_name(text: &str, tokens: &Tokens, span: &Span) -> bool {
    let end = tokens.starting_from(span.end);
    let feature_after = tokens.get(end).is_some_and(|t| {
        t.joined()
            && text[span.end..t.start()].trim().is_empty()
            && lexicon::is_feature_word(t.text(text))
    });
    if feature_after {
        return true;
    }
    let k = tokens.starting_from(span.start);
    // Headlines capitalize every word.
    if tokens
        .get(k)
        .is_none_or(|t| t.end() != span.end || t.headline())
    {
        return false;
    }
    let name_word = |t: &Token| {
        let w = t.text(text);
        w.starts_with(char::is_uppercase)
            && !lexicon::is_title(w)
            && !lexicon::is_function_word(w)
            && !lexicon::is_calendar(w)
    };
    let before = k > 0 && tokens[k].joined() && name_word(&tokens[k - 1]);
    let after = tokens
        .get(k + 1)
        .is_some_and(|n| n.joined() && !tokens[k].possessive() && name_word(n));
    before || after
}

/// Nominal references that the article ties to one person: "the Russian
/// president" after "Russia’s President Vladimir Putin", "the secretary"
/// after "Treasury Secretary Scott Bessent".
fn description_mentions(
    text: &str,
    tokens: &[Token],
    persons: &[Person],
    gaz: &Gazetteer,
    names: &[PersonMention],
) -> Vec<PersonMention> {
    let mut out = Vec::new();
    // Each person's title in lowercase words, once.
    let lowered: Vec<(usize, String)> = persons
        .iter()
        .enumerate()
        .filter_map(|(id, p)| Some((id, p.role.as_ref()?.to_lowercase())))
        .collect();
    let roles: Vec<(usize, Role)> = lowered
        .iter()
        .map(|(id, role)| (*id, Role::new(role)))
        .collect();
    let mut tags: Option<Vec<PartyTag>> = None;
    for (i, t) in tokens.iter().enumerate() {
        // The length rules out most words without reading them.
        if t.span().len() != 3 || !t.text(text).eq_ignore_ascii_case("the") {
            continue;
        }
        if let Some(end) = party_description_at(text, tokens, i + 1, gaz) {
            let office_holders: Vec<usize> = roles.iter().map(|(id, _)| *id).collect();
            let tagged = tags.get_or_insert_with(|| party_tags(text, names));
            let among = tagged_holders(text, tokens, i + 1..end, tagged, gaz, t.start());
            let among = among.as_deref().unwrap_or(&office_holders);
            if let Some(person) = last_named_before(names, among, t.start()) {
                out.push(PersonMention {
                    person,
                    span: t.start()..tokens[end - 1].end(),
                    description: true,
                });
            }
            continue;
        }
        let Some((end, country, words)) = description_at(text, tokens, i + 1, gaz) else {
            continue;
        };
        let fits: Vec<usize> = roles
            .iter()
            .filter(|(id, role)| {
                role_fits(role, &words) && (country.is_none() || persons[*id].country == country)
            })
            .map(|(id, _)| *id)
            .collect();
        let person = match fits.as_slice() {
            [one] => *one,
            [] => continue,
            many => match last_named_before(names, many, t.start()) {
                Some(p) => p,
                None => continue,
            },
        };
        out.push(PersonMention {
            person,
            span: t.start()..tokens[end - 1].end(),
            description: true,
        });
    }
    out
}

/// After "the": an optional demonym, then up to three lowercase words
/// ending in a role noun ("the education secretary"). Returns the token end,
/// the country and the words.
fn description_at<'a>(
    text: &'a str,
    tokens: &[Token],
    mut i: usize,
    gaz: &Gazetteer,
) -> Option<(usize, Option<usize>, Vec<&'a str>)> {
    let mut country = None;
    if !tokens.get(i)?.joined() {
        return None;
    }
    // Demonyms are capitalized: a lowercase word needs no look-up.
    if !tokens[i].lowercase()
        && let Some(p) = gaz.demonym(tokens[i].text(text))
    {
        country = Some(p);
        i += 1;
    }
    // The words are gathered only for the few descriptions found: most
    // "the"s of a book start none.
    let mut end = i;
    for t in tokens.iter().skip(i).take(3) {
        let w = t.text(text);
        if !t.joined() || !w.starts_with(char::is_lowercase) {
            break;
        }
        end += 1;
        if is_individual_role(w) {
            break;
        }
    }
    let after_is_name = tokens
        .get(end)
        .is_some_and(|n| n.joined() && n.text(text).starts_with(char::is_uppercase));
    let head = tokens[i..end].last()?.text(text);
    let words = || tokens[i..end].iter().map(|t| t.text(text)).collect();
    (is_individual_role(head) && !after_is_name).then(|| (end, country, words()))
}

/// After "the": an optional place and a party label ("the Ohio Democrat",
/// "the Republican"), which stand for the office holder named last. Returns
/// the token end.
fn party_description_at(text: &str, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<usize> {
    let joined = |k: usize| tokens.get(k).filter(|t| t.joined()).map(|t| t.text(text));
    let first = joined(i)?;
    if lexicon::is_party_label(first) {
        return Some(i + 1);
    }
    let label = joined(i + 1).is_some_and(lexicon::is_party_label);
    (label && gaz.lookup(first).is_some()).then_some(i + 2)
}

/// A party and state tag after a name: "Sen. Ana Ruiz, D-Ohio," or "Rep.
/// Tom Hale (R-Wyo.)".
struct PartyTag<'a> {
    person: usize,
    at: usize,
    party: char,
    state: &'a str,
}

fn party_tags<'a>(text: &'a str, names: &[PersonMention]) -> Vec<PartyTag<'a>> {
    names
        .iter()
        .filter_map(|m| {
            let rest = text[m.span.end..]
                .strip_prefix(", ")
                .or_else(|| text[m.span.end..].strip_prefix(" ("))?;
            let mut chars = rest.chars();
            let party = chars.next().filter(|c| matches!(c, 'D' | 'R' | 'I'))?;
            let state = chars.as_str().strip_prefix('-')?;
            let len = state.find([',', ')', ' ', ';']).unwrap_or(state.len());
            let state = state[..len].trim_end_matches('.');
            (!state.is_empty() && state.starts_with(char::is_uppercase)).then_some(PartyTag {
                person: m.person,
                at: m.span.start,
                party,
                state,
            })
        })
        .collect()
}

/// The persons a party description ("the Ohio Democrat", "the
/// Republican") fits by the tags given before it; `None` when the text
/// tags no one, and then any office holder may be meant. With tags, a
/// description that fits none names no one.
fn tagged_holders(
    text: &str,
    tokens: &[Token],
    words: std::ops::Range<usize>,
    tags: &[PartyTag],
    gaz: &Gazetteer,
    pos: usize,
) -> Option<Vec<usize>> {
    let tags: Vec<&PartyTag> = tags.iter().filter(|t| t.at < pos).collect();
    if tags.is_empty() {
        return None;
    }
    let label = tokens[words.end - 1].text(text);
    let place = (words.len() == 2).then(|| tokens[words.start].text(text));
    let same_state = |tag: &str, place: &str| {
        place.starts_with(tag)
            || gaz.lookup(place).is_some_and(|p| {
                [tag, &format!("{tag}.")]
                    .iter()
                    .any(|f| gaz.lookup(f) == Some(p))
            })
    };
    Some(
        tags.iter()
            .filter(|t| label.starts_with(t.party))
            .filter(|t| place.is_none_or(|p| same_state(t.state, p)))
            .map(|t| t.person)
            .collect(),
    )
}

/// Roles that single out one person (not "official", "resident").
fn is_individual_role(head: &str) -> bool {
    matches!(
        head,
        "president"
            | "minister"
            | "secretary"
            | "senator"
            | "governor"
            | "mayor"
            | "chancellor"
            | "premier"
            | "king"
            | "queen"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "ambassador"
            | "envoy"
            | "prince"
            | "princess"
            | "pope"
            | "administrator"
            | "commissioner"
            | "director"
    )
}

/// A person's title in lowercase, with its words split once.
struct Role<'a> {
    text: &'a str,
    words: Vec<&'a str>,
}

impl<'a> Role<'a> {
    fn new(text: &'a str) -> Self {
        Role {
            text,
            words: text.split_whitespace().collect(),
        }
    }
}

/// Whether a person's title fits a description's words: "president" fits
/// "President", "education secretary" fits "Education Secretary", and
/// "leader" fits any head of state or government.
fn role_fits(role: &Role, words: &[&str]) -> bool {
    const LEADERS: [&str; 7] = [
        "president",
        "prime minister",
        "chancellor",
        "premier",
        "king",
        "queen",
        "leader",
    ];
    let role_words = &role.words;
    let Some((head, modifiers)) = words.split_last() else {
        return false;
    };
    let head_fits = if *head == "leader" {
        LEADERS.iter().any(|r| role.text.contains(r))
    } else {
        role_words.contains(head)
    };
    head_fits && modifiers.iter().all(|m| role_words.contains(m))
}

fn last_named_before(names: &[PersonMention], among: &[usize], pos: usize) -> Option<usize> {
    names[..names.partition_point(|m| m.span.start < pos)]
        .iter()
        .rev()
        .find(|m| among.contains(&m.person))
        .map(|m| m.person)
}
