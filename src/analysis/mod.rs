//! The analysis: finds people, places, numbers and organizations with all
//! their mentions, and attributes quotes to speakers.

mod attribution;
pub mod context;
pub mod gazetteer;
pub mod lexicon;
mod names;
pub mod numbers;
mod people;
mod phrases;
mod places;
pub mod tokens;
mod wordmap;

use rustc_hash::FxHashMap as HashMap;

use crate::model::{
    Document, Entity, EntityId, EntityKind, Mention, NumberFacts, NumberKind, Span,
};
use gazetteer::gazetteer;
use names::Named;

impl Document {
    /// Sanitize, parse and analyze an article's text.
    pub fn analyze(raw: &str) -> Document {
        // The numbers need only the text: found while the paragraphs are
        // classified.
        let (mut doc, numbers) = Document::outline_with(raw, numbers_in);
        doc.complete_with(Some(numbers));
        doc
    }

    /// Finish an outline (`Document::outline`): sentences, quotes and the
    /// analysis.
    pub fn complete(&mut self) {
        self.complete_with(None);
    }

    /// [`Document::complete`] with the numbers of the text if they are
    /// found already.
    fn complete_with(&mut self, numbers: Option<Vec<NumberGroup>>) {
        let doc: &Document = self;
        // One core splits sentences and quotes and reads the words while
        // the other finds the numbers, if they are still to be found.
        let ((sentences, quotes, tokens), numbers) = rayon::join(
            || {
                let (sentences, quotes) = crate::parse::sentences_and_quotes(doc);
                let tokens = tokens::tokenize_with(doc, &sentences, &quotes);
                (sentences, quotes, tokens)
            },
            || numbers.unwrap_or_else(|| numbers_in(&doc.text)),
        );
        self.sentences = sentences;
        self.quotes = quotes;
        analyze(self, &tokens, numbers);
    }
}

fn analyze(doc: &mut Document, tokens: &tokens::Tokens, numbers: Vec<NumberGroup>) {
    let gaz = gazetteer();
    let text = doc.text.as_str();
    // The two cores read the tokens at once: names and then people on one,
    // the gazetteer's places on the other; neither needs the other.
    let ((named, person_names, mut people), (place_names, lower, lone, towns, town_spans)) =
        rayon::join(
            || {
                let named = names::classify_runs(text, tokens, gaz);
                let person_names: Vec<names::PersonName> = named
                    .iter()
                    .filter_map(|n| match n {
                        Named::Person(p) => Some(p.clone()),
                        Named::Organization(_) | Named::Feature(_) => None,
                    })
                    .collect();
                let people = people::find_people(text, tokens, &person_names, gaz);
                (named, person_names, people)
            },
            || {
                let mut place_names = gaz.find(text, tokens);
                let datelines = places::dateline_towns(text, tokens, gaz, &place_names);
                let towns = places::dateline_mentions(text, tokens, &datelines);
                // A dateline's town is the whole name ("GRANVILLE FALLS"), not
                // a listed town inside it.
                let town_spans: Vec<Span> = towns.iter().map(|t| t.span.clone()).collect();
                place_names.retain(|m| !overlaps_any(&town_spans, &m.span));
                let mut lone = places::lone_names(text, tokens, gaz);
                let lower = places::Lowercase::of_places(text, tokens, &place_names, &lone);
                lone.retain(|s| !lower.has(&text[s.clone()]));
                (place_names, lower, lone, towns, town_spans)
            },
        );
    undateline_people(text, &town_spans, &mut people);
    let all_person_spans: Vec<Span> = people.mentions.iter().map(|m| m.span.clone()).collect();
    let org_spans: Vec<Span> = named
        .iter()
        .filter_map(|n| match n {
            Named::Organization(r) => Some(tokens[r.start].start()..tokens[r.end - 1].end()),
            Named::Person(_) | Named::Feature(_) => None,
        })
        .filter(|s| !overlaps_any(&all_person_spans, s))
        .filter(|s| !places::is_dateline(text, tokens, gaz, &place_names, s))
        .filter(|s| !overlaps_any(&town_spans, s))
        .collect();
    unplace_people(
        text,
        tokens,
        gaz,
        (&place_names, &lower),
        &org_spans,
        &mut people,
    );
    let person_spans: Vec<Span> = people.mentions.iter().map(|m| m.span.clone()).collect();
    let shared: &Document = doc;
    let found = Found {
        tokens,
        person_spans: &person_spans,
        named: &named,
        person_names: &person_names,
        people: &people,
        place_names,
        lower: &lower,
        lone: &lone,
        towns: &towns,
        org_spans,
    };
    // Attribution, the named entities and the numbers read what is found
    // so far and write nothing of each other's.
    let (verdicts, (entities, numbers)) = rayon::join(
        || attribution::attribute(shared, tokens, &people),
        || {
            rayon::join(
                || named_entities(text, found),
                || number_entities(shared, numbers, &person_spans),
            )
        },
    );
    let person_entity = entities.person_entity;
    let mut entities = entities.entities;
    append_renumbered(&mut entities, numbers);
    for (q, (s, why)) in doc.quotes.iter_mut().zip(verdicts) {
        q.speaker = s.and_then(|pid| person_entity[pid]);
        q.attribution = why;
    }
    doc.entities = entities;
}

/// What the names, people and gazetteer passes found, for the entities.
struct Found<'a> {
    tokens: &'a tokens::Tokens,
    person_spans: &'a [Span],
    named: &'a [Named],
    person_names: &'a [names::PersonName],
    people: &'a people::People,
    place_names: Vec<gazetteer::PlaceMatch>,
    lower: &'a places::Lowercase,
    /// Lone capitalized words the text places ("moved to Brellin").
    lone: &'a [Span],
    /// The mentions of datelines' towns no gazetteer lists.
    towns: &'a [places::Unlisted],
    org_spans: Vec<Span>,
}

/// The people, places and organizations as entities, and each person's
/// entity (a person with no mention left has none).
struct NamedEntities {
    entities: Vec<Entity>,
    person_entity: Vec<Option<EntityId>>,
}

fn named_entities(text: &str, found: Found) -> NamedEntities {
    let Found {
        tokens,
        person_spans,
        named,
        person_names,
        people,
        mut place_names,
        lower,
        lone,
        towns,
        mut org_spans,
    } = found;
    let gaz = gazetteer();
    let mut features: Vec<Span> = named
        .iter()
        .filter_map(|n| match n {
            Named::Feature(r) => Some(tokens[r.start].start()..tokens[r.end - 1].end()),
            Named::Person(_) | Named::Organization(_) => None,
        })
        .filter(|s| !overlaps_any(person_spans, s))
        .collect();
    places::widen_railways(text, tokens, &mut features);
    places::railway_initials(text, &mut org_spans, &mut features);
    // A feature the gazetteer knows by its whole name ("Muskegon County")
    // is the gazetteer's; the places inside the others are not named
    // there ("Chad" in "Lake Chad"). Features are in text order and
    // disjoint, so the ones a match overlaps are found by search.
    place_names.retain(|m| {
        let k = features.partition_point(|f| f.end <= m.span.start);
        features[k..]
            .iter()
            .take_while(|f| f.start < m.span.end)
            .all(|f| f == &m.span)
    });
    let team_cities = add_teams(text, tokens, &place_names, person_spans, &mut org_spans);
    let shortened =
        names::shortened_organizations(text, tokens, &place_names, (&org_spans, person_spans));
    if !shortened.is_empty() {
        org_spans.extend(shortened);
        org_spans.sort_by_key(|s| s.start);
    }
    let mut sorted_taken: Vec<Span> = person_spans.iter().chain(&org_spans).cloned().collect();
    sorted_taken.sort_by_key(|s| s.start);
    let unlisted = places::unlisted(
        text,
        tokens,
        gaz,
        &features,
        &sorted_taken,
        &place_names,
        (lone, towns),
    );

    let mut entities = Vec::new();
    let mut person_entity = vec![None; people.persons.len()];
    let mut by_person: Vec<Vec<Mention>> = vec![Vec::new(); people.persons.len()];
    for m in &people.mentions {
        by_person[m.person].push(Mention {
            span: m.span.clone(),
            description: m.description,
        });
    }
    for ((pid, p), mentions) in people.persons.iter().enumerate().zip(by_person) {
        if mentions.is_empty() {
            continue;
        }
        person_entity[pid] = Some(entities.len());
        entities.push(Entity {
            id: entities.len(),
            kind: EntityKind::Person,
            name: p.name(),
            mentions,
            role: p.role.clone(),
            coords: None,
            number: None,
        });
    }
    let titles = person_names
        .iter()
        .filter(|n| !n.title.is_empty())
        .map(|n| tokens[n.title.start].start()..tokens[n.title.end - 1].end());
    let taken: Vec<Span> = person_spans
        .iter()
        .chain(&org_spans)
        .cloned()
        .chain(unlisted.iter().map(|u| u.span.clone()))
        .chain(titles)
        .collect();
    add_places(
        text,
        tokens,
        gaz,
        (&place_names, lower),
        (&taken, &team_cities),
        &mut entities,
    );
    add_unlisted_places(text, &unlisted, &mut entities);
    add_organizations(text, &org_spans, gaz, &mut entities);
    NamedEntities {
        entities,
        person_entity,
    }
}

/// The numbers of a text by their exact text ("15 percent" twice is one
/// group of two mentions), before those in names and skipped text are
/// left out: found early, they are kept as compactly as the entities
/// they become (a text of two million numbers holds them once).
struct NumberGroup {
    name: String,
    mentions: Vec<Mention>,
    /// Whether each mention is minor.
    minor: Vec<bool>,
    /// The kind and value from each mention on where they change (a
    /// number after a name may be an age, elsewhere a count).
    facts: Vec<(usize, NumberKind, Option<f64>)>,
}

fn numbers_in(text: &str) -> Vec<NumberGroup> {
    let mut groups: Vec<NumberGroup> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::default();
    numbers::each_number(text, |m| {
        let name = &text[m.span.clone()];
        let k = *by_name.entry(name).or_insert_with(|| {
            groups.push(NumberGroup {
                name: name.to_string(),
                mentions: Vec::new(),
                minor: Vec::new(),
                facts: Vec::new(),
            });
            groups.len() - 1
        });
        let g = &mut groups[k];
        if g.facts
            .last()
            .is_none_or(|&(_, kind, value)| (kind, value) != (m.kind, m.value))
        {
            g.facts.push((g.mentions.len(), m.kind, m.value));
        }
        g.minor.push(m.minor(text));
        g.mentions.push(Mention {
            span: m.span,
            description: false,
        });
    });
    groups
}

/// The numbers outside people's names and the skipped text, as entities
/// numbered from 0 in the order of their first mention: minor only if
/// every mention is, of the kind and value of the first.
fn number_entities(doc: &Document, groups: Vec<NumberGroup>, person_spans: &[Span]) -> Vec<Entity> {
    let skipped = skipped_spans(doc);
    let mut out: Vec<Entity> = groups
        .into_iter()
        .filter_map(|mut g| {
            let (mut i, mut first, mut minor) = (0, None, true);
            g.mentions.retain(|m| {
                let keep = !overlaps_any(&skipped, &m.span) && !overlaps_any(person_spans, &m.span);
                if keep {
                    first.get_or_insert(i);
                    minor &= g.minor[i];
                }
                i += 1;
                keep
            });
            let first = first?;
            let k = g.facts.partition_point(|&(from, _, _)| from <= first) - 1;
            let (_, kind, value) = g.facts[k];
            Some(Entity {
                id: 0,
                kind: EntityKind::Number,
                name: g.name,
                mentions: g.mentions,
                role: None,
                coords: None,
                number: Some(NumberFacts { kind, value, minor }),
            })
        })
        .collect();
    out.sort_by_key(|e| e.mentions[0].span.start);
    for (id, e) in out.iter_mut().enumerate() {
        e.id = id;
    }
    out
}

/// `more` after `entities`, their ids shifted to their new places.
fn append_renumbered(entities: &mut Vec<Entity>, more: Vec<Entity>) {
    let offset = entities.len();
    entities.extend(more.into_iter().map(|mut e| {
        e.id += offset;
        e
    }));
}

/// A dateline's town is no person, in capitals or not ("ORRIN FALLS, N.Y.
/// —", "in Orrin Falls"): the persons of its name go, and so does every
/// mention inside a mention of the town (`towns`, sorted).
fn undateline_people(text: &str, towns: &[Span], people: &mut people::People) {
    if towns.is_empty() {
        return;
    }
    let mut names: Vec<String> = towns
        .iter()
        .map(|t| text[t.clone()].to_lowercase())
        .collect();
    names.sort_unstable();
    names.dedup();
    let gone: Vec<bool> = people
        .persons
        .iter()
        .map(|p| names.binary_search(&p.name().to_lowercase()).is_ok())
        .collect();
    people
        .mentions
        .retain(|m| !gone[m.person] && !overlaps_any(towns, &m.span));
}

/// A person whose name the text also uses for a place it places ("trains
/// ran to Harrison", "the town of Coleman, Florida", "in Santa Rosa,
/// California") is that place: all the mentions go. A surname alone that
/// the text calls a town outright ("the town of Corvale") is the town
/// wherever it stands alone, and the person keeps the whole name.
fn unplace_people(
    text: &str,
    tokens: &tokens::Tokens,
    gaz: &gazetteer::Gazetteer,
    (place_names, lower): (&[gazetteer::PlaceMatch], &places::Lowercase),
    org_spans: &[Span],
    people: &mut people::People,
) {
    let mut orgs = org_spans.to_vec();
    orgs.sort_by_key(|s| s.start);
    let (placed, named) = places::placed_words(text, tokens, gaz, place_names, &orgs, lower);
    if placed.is_empty() {
        return;
    }
    let at = |spans: &[Span], span: &Span| {
        spans
            .binary_search_by_key(&span.start, |s| s.start)
            .is_ok_and(|k| spans[k] == *span)
    };
    let mut gone = vec![false; people.persons.len()];
    let mut towns: Vec<&str> = Vec::new();
    for m in &people.mentions {
        // A surname alone ("Gray") leaves the person of two words ("Sue
        // Gray") standing: only a whole name is the place's.
        let words = text[m.span.clone()].split(' ').count();
        let whole = people.persons[m.person].words.len() == words;
        if whole && at(&placed, &m.span) {
            gone[m.person] = true;
        } else if !whole && words == 1 && at(&named, &m.span) {
            towns.push(&text[m.span.clone()]);
        }
    }
    // A surname that speaks ("Corvale said") is still the person.
    let town = |span: &Span| {
        let name = &text[span.clone()];
        !name.contains(' ') && towns.contains(&name) && !beside_speech_verb(text, tokens, span)
    };
    people
        .mentions
        .retain(|m| !gone[m.person] && !town(&m.span));
}

/// "Corvale said", "said Corvale": a speech verb right before or after a
/// one-word span.
fn beside_speech_verb(text: &str, tokens: &tokens::Tokens, span: &Span) -> bool {
    let k = tokens.starting_from(span.start);
    let verb = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| lexicon::is_speech_verb(t.text(text)))
    };
    tokens.get(k).is_some_and(|t| t.start() == span.start)
        && (verb(k + 1) && tokens[k + 1].joined() || k > 0 && tokens[k].joined() && verb(k - 1))
}

/// Text the analysis takes nothing from, sorted: page furniture (bylines,
/// captions, promos) and the stand-ins written for control characters.
pub fn skipped_spans(doc: &Document) -> Vec<Span> {
    let furniture = doc
        .sections
        .iter()
        .filter(|s| s.kind.is_furniture())
        .map(|s| s.span.clone());
    let mut spans: Vec<Span> = furniture.chain(doc.placeholders.iter().cloned()).collect();
    spans.sort_by_key(|s| s.start);
    // Merged where they overlap (a stand-in in a caption), as searches
    // over the list need its ends sorted too, and where they touch, which
    // keeps a run of stand-ins one span.
    let mut merged: Vec<Span> = Vec::new();
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// Whether `s` overlaps any of the sorted, disjoint spans.
fn overlaps_any(sorted: &[Span], s: &Span) -> bool {
    let k = sorted.partition_point(|t| t.end <= s.start);
    sorted.get(k).is_some_and(|t| t.start < s.end)
}

/// Team names ("Houston Rockets") join the organizations, and their city
/// is no place there. The names of the cities that open them.
fn add_teams<'t>(
    text: &'t str,
    tokens: &tokens::Tokens,
    place_names: &[gazetteer::PlaceMatch],
    person_spans: &[Span],
    org_spans: &mut Vec<Span>,
) -> Vec<&'t str> {
    let mut taken: Vec<Span> = person_spans
        .iter()
        .chain(org_spans.iter())
        .cloned()
        .collect();
    taken.sort_by_key(|s| s.start);
    let teams = places::team_spans(text, tokens, place_names, &taken);
    if teams.is_empty() {
        return Vec::new();
    }
    // Place names are in text order: each team's city is found by search.
    let mut cities: Vec<&str> = teams
        .iter()
        .filter_map(|t| {
            let k = place_names.partition_point(|m| m.span.start < t.start);
            place_names
                .get(k)
                .filter(|m| m.span.start == t.start)
                .map(|m| &text[m.span.clone()])
        })
        .collect();
    cities.sort_unstable();
    cities.dedup();
    org_spans.extend(teams);
    org_spans.sort_by_key(|s| s.start);
    cities
}

/// Places, one entity per place however it is written ("Kiev", "Kyiv").
fn add_places(
    text: &str,
    tokens: &tokens::Tokens,
    gaz: &gazetteer::Gazetteer,
    (place_names, lower): (&[gazetteer::PlaceMatch], &places::Lowercase),
    (taken, team_cities): (&[Span], &[&str]),
    out: &mut Vec<Entity>,
) {
    let mut taken = taken.to_vec();
    taken.sort_by_key(|s| s.start);
    let first = out.len();
    let mut places = Grouped::new(out, EntityKind::Place);
    let found = places::find_places(text, tokens, gaz, place_names, &taken, lower, team_cities);
    for f in found {
        let p = gaz.place(f.place);
        places.mention((p.name, p.country, p.admin1), p.name, p.coords, f.span);
    }
    for e in &mut out[first..] {
        if let Some(name) = fullest_form(text, gaz, e) {
            e.name = name;
        }
    }
}

/// The fullest name the article gives a place, when that is not the
/// gazetteer's: "New York" for the city the gazetteer calls "New York
/// City", "America" for the United States, "Kiev" where the gazetteer
/// writes "Kyiv". Capitals (a dateline), abbreviations ("Wash."),
/// demonyms ("Russian") and a part of the place ("Southern California")
/// are no names to show, and a homonym keeps the gazetteer's name that
/// tells it apart ("Georgia (U.S.)").
fn fullest_form(text: &str, gaz: &gazetteer::Gazetteer, e: &Entity) -> Option<String> {
    let forms = e
        .mentions
        .iter()
        .map(|m| &text[m.span.clone()])
        .map(|f| f.strip_prefix("the ").unwrap_or(f))
        .filter(|f| {
            !f.ends_with('.')
                && !tokens::is_all_caps(f)
                && gaz.demonym(f).is_none()
                && !places::opens_with_direction(f)
        });
    let longest = forms.max_by_key(|f| f.chars().count())?;
    let named = e.mentions.iter().any(|m| text[m.span.clone()] == e.name);
    let told_apart = e
        .name
        .strip_prefix(longest)
        .is_some_and(|rest| rest.starts_with(" ("));
    (!named && !told_apart && longest.chars().count() > 3).then(|| longest.to_string())
}

/// Places no gazetteer lists, one entity per full name as written.
fn add_unlisted_places(text: &str, found: &[places::Unlisted], out: &mut Vec<Entity>) {
    let mut places = Grouped::new(out, EntityKind::Place);
    for u in found {
        let name = &text[u.name.clone()];
        let shown = if u.dateline && tokens::is_all_caps(name) {
            title_case(name)
        } else {
            name.to_string()
        };
        places.mention(name, &shown, None, u.span.clone());
    }
}

/// A name in capitals as the sidebar shows it: "ORRIN FALLS" as "Orrin
/// Falls" (a dateline is the only place the text writes it).
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Entities of one kind, one per key, each with its mentions in order.
struct Grouped<'a, K> {
    out: &'a mut Vec<Entity>,
    kind: EntityKind,
    ids: HashMap<K, usize>,
}

impl<'a, K: std::hash::Hash + Eq> Grouped<'a, K> {
    fn new(out: &'a mut Vec<Entity>, kind: EntityKind) -> Self {
        Grouped {
            out,
            kind,
            ids: HashMap::default(),
        }
    }

    /// Add a mention to the entity of `key`, made with `name` and
    /// `coords` the first time.
    fn mention(&mut self, key: K, name: &str, coords: Option<(f64, f64)>, span: Span) -> EntityId {
        let out = &mut *self.out;
        let kind = self.kind;
        let id = *self.ids.entry(key).or_insert_with(|| {
            out.push(Entity {
                id: out.len(),
                kind,
                name: name.to_string(),
                mentions: Vec::new(),
                role: None,
                coords,
                number: None,
            });
            out.len() - 1
        });
        out[id].mentions.push(Mention {
            span,
            description: false,
        });
        id
    }
}

/// Organizations by name. An acronym joins the name it abbreviates: the
/// one in parentheses right after it ("Department of Transportation (DOT)"),
/// or one whose initials it spells ("UN", "United Nations"); a name joins
/// its fuller form with a country in front ("State Department", "U.S.
/// State Department") or with an organization word after it ("Fairmont
/// State", "Fairmont State University").
fn add_organizations(
    text: &str,
    spans: &[Span],
    gaz: &gazetteer::Gazetteer,
    out: &mut Vec<Entity>,
) {
    let mut alias: HashMap<&str, &str> = HashMap::default();
    for pair in spans.windows(2) {
        let (long, short) = (&pair[0], &pair[1]);
        let between = &text[long.end..short.start];
        let acronym = &text[short.clone()];
        if between.trim() == "(" && names::is_acronym(acronym) {
            alias.insert(acronym, &text[long.clone()]);
        }
    }
    // Each look-up table keeps the first name, in text order, that fits: a
    // table rather than a search per name keeps a long book linear.
    let long_names: Vec<&str> = spans
        .iter()
        .map(|s| &text[s.clone()])
        .filter(|n| n.contains(' '))
        .collect();
    let mut by_initials: HashMap<String, &str> = HashMap::default();
    let mut by_place_dropped: HashMap<&str, &str> = HashMap::default();
    // "Fairmont State" for "Fairmont State University".
    let mut by_kind_dropped: HashMap<&str, &str> = HashMap::default();
    for &long in &long_names {
        by_initials.entry(initials(long)).or_insert(long);
        for (place, rest) in place_prefixes(long) {
            if gaz.lookup(place).is_some() || gaz.demonym(place).is_some() {
                by_place_dropped.entry(rest).or_insert(long);
            }
        }
        if let Some((rest, last)) = long.rsplit_once(' ')
            && lexicon::is_org_word(last)
        {
            by_kind_dropped.entry(rest).or_insert(long);
        }
    }
    for s in spans {
        let acronym = &text[s.clone()];
        if names::is_acronym(acronym) && !alias.contains_key(acronym) {
            let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
            if let Some(long) = by_initials.get(&letters) {
                alias.insert(acronym, long);
            }
        }
    }
    for short in &long_names {
        if let Some(long) = by_place_dropped
            .get(short)
            .or_else(|| by_kind_dropped.get(short))
        {
            alias.entry(short).or_insert(long);
        }
    }
    let mut orgs = Grouped::new(out, EntityKind::Organization);
    for s in spans {
        let raw = &text[s.clone()];
        let name = alias.get(raw).copied().unwrap_or(raw);
        orgs.mention(name, name, None, s.clone());
    }
}

/// A name split at each space into the words before it and the rest:
/// "U.S. State Department" gives ("U.S.", "State Department") and ("U.S.
/// State", "Department").
fn place_prefixes(name: &str) -> impl Iterator<Item = (&str, &str)> {
    name.match_indices(' ')
        .map(move |(i, _)| (&name[..i], &name[i + 1..]))
}

/// Capital initials of a name's words, skipping "of", "the" and "and".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}
