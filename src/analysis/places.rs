//! Places named in a text: gazetteer matches kept only with evidence that
//! they are places, each homonym resolved by the article's other places,
//! and team names ("Houston Rockets") told from the city they hold.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::{Gazetteer, PlaceId, PlaceKind, PlaceMatch};
use super::lexicon::{self, is_calendar, is_function_word, is_org_word, is_title};
use super::overlaps_any;
use super::tokens::{Token, Tokens, is_all_caps, is_capitalized};
use super::wordmap::load_le;
use crate::model::Span;

/// Words before a name that say it is somewhere.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "across",
    "outside",
    "to",
    "into",
    "toward",
    "towards",
    "through",
    "via",
    "throughout",
    "around",
    "within",
    "inside",
    "between",
    "beyond",
    "Near",
    "In",
    "At",
    "From",
    "Outside",
];

/// Of these, the ones that say where someone or something is, which a
/// given name ("spoke to Hope") does not follow.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "across",
    "throughout",
    "within",
    "inside",
    "In",
    "At",
    "Near",
];

/// Words after which "to", "from" or "with" introduce a person rather
/// than a place ("spoke to Austin", "a letter from Florence"); after any
/// other word a given name that is also a town is the town ("moved to
/// Austin", "trains from Salem").
const ADDRESSING: &[&str] = &[
    "said",
    "spoke",
    "speaking",
    "talked",
    "talking",
    "wrote",
    "writing",
    "told",
    "replied",
    "responded",
    "explained",
    "listened",
    "turned",
    "belonged",
    "sent",
    "gave",
    "letter",
    "message",
    "note",
    "call",
    "email",
    "gift",
    "thanks",
    "apology",
    "married",
    "according",
    "attention",
    "reply",
    "answer",
    "credit",
    "thanked",
];

/// Nouns whose "of" introduces a place ("the town of", "north of").
const PLACE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "suburb",
    "suburbs",
    "outskirts",
    "hamlet",
    "municipality",
    "parish",
    "county",
    "province",
    "state",
    "region",
    "district",
    "borough",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "mayor",
    "residents",
    "capital",
    "port",
    "island",
];

/// Words of direction, which name a place only with the rest of its name
/// ("West Michigan").
const DIRECTIONS: &[&str] = &[
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Upper", "Lower", "Middle", "Greater", "Old",
];

/// Whether a place's name as written opens with a word of direction
/// ("Southern California"): a part of the place, not its name.
pub fn opens_with_direction(form: &str) -> bool {
    form.split(' ')
        .next()
        .is_some_and(|w| form.contains(' ') && DIRECTIONS.contains(&w))
}

/// AP abbreviations of US states missing from the hand table, read only
/// after a town ("Springfield, Ill."): alone they are ordinary words.
const AP_STATES: &[(&str, &str)] = &[
    ("Ill.", "IL"),
    ("Ind.", "IN"),
    ("La.", "LA"),
    ("Miss.", "MS"),
    ("Mo.", "MO"),
    ("Ore.", "OR"),
    ("Pa.", "PA"),
    ("Wash.", "WA"),
    ("Del.", "DE"),
    ("Fl.", "FL"),
];

/// Single words that end a team's name after its city ("Miami Heat"):
/// nicknames in the singular, which the plural rule misses.
const TEAM_WORDS: &[&str] = &[
    "FC",
    "AFC",
    "United",
    "City",
    "Athletic",
    "Albion",
    "Heat",
    "Magic",
    "Jazz",
    "Thunder",
    "Lightning",
    "Wild",
    "Fire",
    "Glory",
    "Galaxy",
    "Storm",
    "Fever",
    "Sky",
    "Dynamo",
    "Sox",
];

/// Words before a city that make it a team's name ("Real Madrid").
const TEAM_PREFIXES: &[&str] = &[
    "Real",
    "Atletico",
    "Atlético",
    "Inter",
    "Olympique",
    "Sporting",
];

/// A place named in the text.
pub struct Found {
    pub span: Span,
    pub place: PlaceId,
}

struct Match<'a> {
    span: Span,
    /// Token indices.
    first: usize,
    last: usize,
    candidates: &'a [PlaceId],
    /// Candidates left by a region after a comma ("Portland, Maine").
    qualified: Option<Vec<PlaceId>>,
}

/// A dateline's town in capitals ("BANGOR, Maine —", "BANGOR —"), which
/// is no acronym of an organization.
pub fn is_dateline(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    found: &[PlaceMatch],
    span: &Span,
) -> bool {
    let k = tokens.starting_from(span.start);
    let Some(t) = tokens.get(k).filter(|t| t.span() == *span) else {
        return false;
    };
    let after = text[span.end..].trim_start();
    t.sentence_start()
        && is_all_caps(t.text(text))
        && (after.starts_with(['—', '–', '-']) || before_dateline_dash(text, tokens, gaz, found, k))
        && !gaz.find(text, &tokens[k..=k]).is_empty()
}

/// Most words of a dateline's town.
const MAX_DATELINE_WORDS: usize = 4;

/// Datelines' towns that the gazetteer does not know, in capitals at the
/// start of a paragraph, before a comma, a state or country and a dash
/// ("ORRIN FALLS, N.Y. —", "LAKE TESSLER, Minn. (AP) —"): local news
/// names small places no table lists, and capitals say nothing of what a
/// name is, but a dateline names a place.
pub fn dateline_towns(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    found: &[PlaceMatch],
) -> Vec<Span> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let t = &tokens[i];
        // Asked of every word: the flags first.
        if t.lowercase() || !t.sentence_start() || !opens_paragraph(text, t.start()) {
            continue;
        }
        let caps = |k: usize| {
            let w = tokens[k].text(text);
            w.len() > 1 && is_all_caps(w)
        };
        let end = (i..tokens.len().min(i + MAX_DATELINE_WORDS))
            .take_while(|&k| caps(k) && (k == i || tokens[k].joined()))
            .last();
        let Some(last) = end else {
            continue;
        };
        let span = t.start()..tokens[last].end();
        // Listed whole, or with its region ("WASHINGTON, DC").
        let listed = || match_at(found, span.start).is_some_and(|m| m.span.end >= span.end);
        if before_dateline_dash(text, tokens, gaz, found, last) && !listed() {
            out.push(span);
        }
    }
    out
}

/// The gazetteer's match (in text order) that starts at `start`.
pub(super) fn match_at(found: &[PlaceMatch], start: usize) -> Option<&PlaceMatch> {
    let k = found.partition_point(|m| m.span.start < start);
    found.get(k).filter(|m| m.span.start == start)
}

/// Most towns from datelines an article is searched for: a news article
/// has one dateline, a batch of briefs a few.
const MAX_DATELINE_TOWNS: usize = 8;

/// Every mention of the datelines' towns, in capitals or not ("ORRIN
/// FALLS, N.Y. —", "in Orrin Falls"), each named by the town's first
/// mention not in capitals, or by its dateline.
pub fn dateline_mentions(text: &str, tokens: &Tokens, datelines: &[Span]) -> Vec<Unlisted> {
    let mut towns: Vec<Vec<&str>> = Vec::new();
    for d in datelines {
        let words: Vec<&str> = text[d.clone()].split_whitespace().collect();
        if towns.len() < MAX_DATELINE_TOWNS && !towns.iter().any(|t| same_words(t, &words)) {
            towns.push(words);
        }
    }
    if towns.is_empty() {
        return Vec::new();
    }
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); towns.len()];
    for i in 0..tokens.len() {
        // Asked of every word: lowercase words name no town here.
        if tokens[i].lowercase() {
            continue;
        }
        for (town, found) in towns.iter().zip(&mut spans) {
            let n = town.len();
            let here = i + n <= tokens.len()
                && (0..n).all(|k| {
                    folded_eq(tokens[i + k].text(text), town[k])
                        && (k == 0 || tokens[i + k].joined())
                })
                && !inside_name(text, tokens, i..i + n);
            if here {
                found.push(tokens[i].start()..tokens[i + n - 1].end());
            }
        }
    }
    let mut out = Vec::new();
    for found in spans {
        let Some(name) = found
            .iter()
            .find(|s| !is_all_caps(&text[(*s).clone()]))
            .or(found.first())
            .cloned()
        else {
            continue;
        };
        out.extend(found.into_iter().map(|span| Unlisted {
            span,
            name: name.clone(),
            dateline: true,
        }));
    }
    out.sort_by_key(|u| u.span.start);
    out
}

/// Whether capitalized words joined to tokens `run` make it part of a
/// longer name ("Halverson High School", "the Orrin Falls Police").
fn inside_name(text: &str, tokens: &[Token], run: Range<usize>) -> bool {
    let capitalized = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| !t.lowercase() && is_capitalized(t.text(text)))
    };
    let before = run.start > 0 && tokens[run.start].joined() && capitalized(run.start - 1);
    let after = tokens.get(run.end).is_some_and(Token::joined) && capitalized(run.end);
    before || after
}

fn same_words(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| folded_eq(x, y))
}

/// Equal but for case, in any script.
fn folded_eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!a.is_ascii()
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

/// Whether only spaces stand between the start of its line and `pos`.
fn opens_paragraph(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}

/// After token `last`: a comma, a state or country, perhaps an agency in
/// parentheses, and a dash.
fn before_dateline_dash(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    found: &[PlaceMatch],
    last: usize,
) -> bool {
    let Some(region) = tokens.get(last + 1) else {
        return false;
    };
    let between = &text[tokens[last].end()..region.start()];
    if between.trim() != "," || between.contains('\n') {
        return false;
    }
    let region_end = region_end(text, tokens, gaz, found, last + 1);
    region_end.is_some_and(|end| {
        let rest = text[end..].trim_start_matches(' ');
        let rest = match rest.strip_prefix('(') {
            Some(inside) => inside
                .split_once(')')
                .filter(|(agency, _)| agency.len() <= 20 && !agency.contains('\n'))
                .map_or("", |(_, after)| after.trim_start_matches(' ')),
            None => rest,
        };
        rest.starts_with(['—', '–', '-'])
    })
}

/// Where the state or country that starts at token `k` ends: a place of
/// the gazetteer that is one, an AP abbreviation ("Colo.", "Ill.") or a
/// postal code ("NY").
fn region_end(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    found: &[PlaceMatch],
    k: usize,
) -> Option<usize> {
    let t = &tokens[k];
    match match_at(found, t.start()).filter(|m| is_region(gaz, m)) {
        Some(m) => Some(m.span.end),
        None => short_state(text, gaz, t).map(|(_, end)| end),
    }
}

/// Whether a match may be a country or a state.
fn is_region(gaz: &Gazetteer, m: &PlaceMatch) -> bool {
    m.candidates.iter().any(|&c| {
        c < gaz.places.len() && matches!(gaz.places[c].kind, PlaceKind::Country | PlaceKind::State)
    })
}

/// A US state written short after a town, an AP abbreviation the
/// gazetteer lacks ("Ill.") or a postal code ("NY"): its code, and where
/// it ends with its period.
fn short_state(text: &str, gaz: &Gazetteer, t: &Token) -> Option<(&'static str, usize)> {
    let w = t.text(text);
    let end = t.end() + usize::from(text[t.end()..].starts_with('.'));
    let dotted = &text[t.start()..end];
    let code = AP_STATES
        .iter()
        .find(|(abbr, _)| *abbr == dotted)
        .map(|(_, code)| *code)
        .or_else(|| {
            (w.len() == 2 && is_all_caps(w))
                .then(|| gaz.us_state_code(w))
                .flatten()
        })?;
    Some((code, end))
}

/// Team names: a city followed by a plural capitalized word or a team word,
/// or after a team prefix.
pub fn team_spans(text: &str, tokens: &Tokens, found: &[PlaceMatch], taken: &[Span]) -> Vec<Span> {
    let matches = matches(tokens, found, taken);
    let lower = Lowercase::of(
        text,
        tokens,
        // Only the capitalized words that may continue a team's name.
        matches
            .iter()
            .flat_map(|m| [m.last + 1, m.last + 2])
            .filter_map(|k| tokens.get(k))
            .filter(|t| t.joined())
            .map(|t| t.text(text))
            .filter(|w| w.starts_with(char::is_uppercase) && !is_function_word(w)),
    );
    let mut out = Vec::new();
    for m in &matches {
        if let Some(end) = team_end(text, tokens, &lower, m) {
            out.push(m.span.start..end);
        } else if m.first > 0
            && tokens[m.first].joined()
            && TEAM_PREFIXES.contains(&tokens[m.first - 1].text(text))
        {
            out.push(tokens[m.first - 1].start()..m.span.end);
        }
    }
    out.retain(|s| !overlaps_any(taken, s));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

fn team_end(text: &str, tokens: &[Token], lower: &Lowercase, m: &Match) -> Option<usize> {
    if tokens[m.last].possessive() {
        return None;
    }
    let mut k = m.last + 1;
    let mut end = None;
    while k < tokens.len() && k <= m.last + 2 && tokens[k].joined() {
        let w = tokens[k].text(text);
        if !w.starts_with(char::is_uppercase)
            || is_function_word(w)
            || is_all_caps(w) && w.len() > 3
        {
            break;
        }
        if tokens[k].headline() || lower.has(w) {
            break;
        }
        if TEAM_WORDS.contains(&w) || is_plural_name(w) {
            end = Some(tokens[k].end());
        }
        if tokens[k].possessive() {
            break;
        }
        k += 1;
    }
    end
}

fn is_plural_name(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !is_org_word(w)
        && !is_calendar(w)
        && !is_title(w)
        && !lexicon::is_role_noun(w)
}

fn matches<'a>(tokens: &Tokens, found: &'a [PlaceMatch], taken: &[Span]) -> Vec<Match<'a>> {
    found
        .iter()
        .filter(|m| !m.candidates.is_empty() && !overlaps_any(taken, &m.span))
        .filter_map(|m| {
            let first = tokens.ending_after(m.span.start);
            let last = tokens.ending_from(m.span.end);
            (last < tokens.len() && first <= last).then_some(Match {
                span: m.span.clone(),
                first,
                last,
                candidates: &m.candidates,
                qualified: None,
            })
        })
        .collect()
}

/// The places of a text, outside the `taken` spans (sorted) of people and
/// organizations. A city that opens a team's name in the text
/// (`team_cities`, sorted: "the Bowling Green Falcons") is the team when,
/// bare, it opens a sentence ("Bowling Green finished 8-5"): only
/// evidence makes it the place there.
pub fn find_places(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    found: &[PlaceMatch],
    taken: &[Span],
    lower: &Lowercase,
    team_cities: &[&str],
) -> Vec<Found> {
    let mut ms = matches(tokens, found, taken);
    let mut extra = qualify(text, tokens, gaz, &mut ms);
    let context = Context::of(gaz, &ms);
    // One sense per form: the first qualified mention's, else the best by
    // context and population.
    let mut sense: HashMap<String, PlaceId> = HashMap::default();
    for m in &ms {
        if let Some(q) = &m.qualified {
            sense.entry(form_key(text, &m.span)).or_insert(q[0]);
        }
    }
    for m in &ms {
        sense
            .entry(form_key(text, &m.span))
            .or_insert_with(|| context.best(gaz, m.candidates));
    }
    let mut accepted: Vec<bool> = ms
        .iter()
        .map(|m| {
            let chosen = m
                .qualified
                .as_ref()
                .map_or(sense[&form_key(text, &m.span)], |q| q[0]);
            m.qualified.is_some()
                || gaz.standalone(chosen)
                || has_evidence(text, tokens, gaz, lower, &ms, m)
        })
        .collect();
    spread_in_lists(text, tokens, &ms, &mut accepted);
    let known: HashMap<String, bool> = ms
        .iter()
        .zip(&accepted)
        .filter(|(_, a)| **a)
        .map(|(m, _)| (form_key(text, &m.span), true))
        .collect();
    // Where the accepted places start: a name that merely looks like a
    // place ("Liberation" in "Bangladesh Liberation War") extends the name
    // before it like any capitalized word.
    let starts: Vec<usize> = ms
        .iter()
        .zip(&accepted)
        .filter(|(_, ok)| **ok)
        .map(|(m, _)| m.first)
        .collect();
    let mut out: Vec<Found> = Vec::new();
    for (m, ok) in ms.iter().zip(&accepted) {
        let key = form_key(text, &m.span);
        let bare_repeat = !ok
            && known.contains_key(&key)
            && !common_word(text, tokens, lower, m)
            && !opens_as_team(text, tokens, m, team_cities);
        let inside = m.qualified.is_none() && in_longer_name(text, tokens, m, &starts);
        if (*ok || bare_repeat)
            && !inside
            && !scored(text, tokens, m)
            && !for_a_club(text, tokens, m)
            && !titled(text, tokens, m)
            && !in_work_title(text, tokens, m.first, m.last)
        {
            let place = m.qualified.as_ref().map_or(sense[&key], |q| q[0]);
            out.push(Found {
                span: with_direction(text, tokens, m),
                place,
            });
        }
    }
    out.append(&mut extra);
    out.sort_by_key(|f| f.span.start);
    out
}

/// A city of `team_cities` (sorted) opening a sentence: the team's
/// subject ("Bowling Green finished 8-5").
fn opens_as_team(text: &str, tokens: &[Token], m: &Match, team_cities: &[&str]) -> bool {
    tokens[m.first].sentence_start() && team_cities.binary_search(&&text[m.span.clone()]).is_ok()
}

/// A place name right after an honorific ("Lord Bideford", "Mrs
/// Truro") names a person; other titles also head organizations
/// ("Transport Canada").
fn titled(text: &str, tokens: &[Token], m: &Match) -> bool {
    m.first > 0 && tokens[m.first].joined() && {
        let w = tokens[m.first - 1].text(text);
        is_title(w) && lexicon::title_gender(w) != lexicon::Gender::Unknown
    }
}

/// Longest title of a work in quotes, in words.
const MAX_TITLE_WORDS: usize = 6;

/// Whether the words from `first` to `last` are in the title of a song,
/// album or motto rather than somewhere: a short quote of capitalized
/// words but the little ones ("Anarchy in Tokyo", "Made in Miami"), which
/// speech, with lowercase words of its own, is not, holding more than the
/// name; or a capitalized
/// preposition mid-sentence right before them, after another capitalized
/// word ("the album Live In Memphis").
fn in_work_title(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    title_preposition_before(text, tokens, first) || in_quoted_title(text, tokens, first, last)
}

fn title_preposition_before(text: &str, tokens: &[Token], first: usize) -> bool {
    first >= 2 && tokens[first].joined() && tokens[first - 1].joined() && {
        let prep = tokens[first - 1].text(text);
        is_capitalized(prep)
            && lexicon::is_preposition(prep)
            && !tokens[first - 1].sentence_start()
            && is_capitalized(tokens[first - 2].text(text))
    }
}

fn in_quoted_title(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    // The words joined to the name, no further than a title's length.
    let lo = (first.saturating_sub(MAX_TITLE_WORDS)..first)
        .rev()
        .take_while(|&k| tokens[k + 1].joined())
        .last()
        .unwrap_or(first);
    let hi = (last + 1..tokens.len().min(last + 1 + MAX_TITLE_WORDS))
        .take_while(|&k| tokens[k].joined())
        .last()
        .unwrap_or(last);
    let opens = text[..tokens[lo].start()]
        .trim_end_matches(' ')
        .ends_with(['"', '“']);
    let closes = text[tokens[hi].end()..]
        .trim_start_matches([' ', '.', ',', '!', '?'])
        .starts_with(['"', '”']);
    let capitalized = (lo..=hi).all(|k| {
        let w = tokens[k].text(text);
        is_capitalized(w) || is_function_word(w) || lexicon::is_preposition(w)
    });
    // A place's name alone in quotes ("the town "Cold Spring Harbor"") is
    // still the place.
    let more_than_the_name = lo < first || hi > last;
    more_than_the_name && hi - lo < MAX_TITLE_WORDS && opens && closes && capitalized
}

/// A city followed by a game's score ("lost to Tulsa 63-7 on Friday",
/// "beat Leeds 3–1") names its team, not the place.
fn scored(text: &str, tokens: &[Token], m: &Match) -> bool {
    let Some(next) = tokens.get(m.last + 1) else {
        return false;
    };
    let goals = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let score = next
        .text(text)
        .split_once(['-', '–'])
        .is_some_and(|(a, b)| goals(a) && goals(b));
    // A range counts something ("Barnstaple 10-12 days later").
    let counts = tokens.get(m.last + 2).is_some_and(|t| {
        let w = t.text(text);
        t.joined() && t.lowercase() && !is_function_word(w) && !lexicon::is_preposition(w)
    });
    next.joined() && !tokens[m.last].possessive() && score && !counts
}

/// Words of a player's career before "for" or "with" and a club ("played
/// with Footscray", "signed for Leeds", "26 games for Lausanne").
const CAREER_WORDS: &[&str] = &[
    "played",
    "plays",
    "playing",
    "signed",
    "signing",
    "games",
    "matches",
    "appearances",
    "goals",
    "debut",
];

/// A city right after a career's "for" or "with" names its club, not the
/// place, unless it owns what follows ("played for Nigeria's under-20
/// team").
fn for_a_club(text: &str, tokens: &[Token], m: &Match) -> bool {
    m.first >= 2
        && !tokens[m.last].possessive()
        && tokens[m.first].joined()
        && matches!(tokens[m.first - 1].text(text), "for" | "with")
        && tokens[m.first - 1].joined()
        && CAREER_WORDS.contains(&tokens[m.first - 2].text(text))
}

/// The form as a key, all-caps folded to how the rest of the text writes it.
fn form_key(text: &str, span: &Span) -> String {
    text[span.clone()].to_lowercase()
}

/// A GeoNames place followed by a capitalized word is the start of a
/// longer name ("Muskegon County Airport", "Fiscal Year"), not the place.
fn in_longer_name(text: &str, tokens: &[Token], m: &Match, starts: &[usize]) -> bool {
    let part_of_name = |t: &Token| {
        let w = t.text(text);
        !t.lowercase()
            && (!t.headline() || is_org_word(w))
            && w.starts_with(char::is_uppercase)
            && !is_function_word(w)
            && !is_title(w)
            && !lexicon::is_role_noun(w)
            && !lexicon::is_preposition(w)
    };
    let placed = m.first > 0
        && tokens[m.first].joined()
        && lexicon::is_preposition(tokens[m.first - 1].text(text));
    let after = !placed
        && !tokens[m.last].possessive()
        && tokens.get(m.last + 1).is_some_and(|t| {
            // Headlines are in no sentence: only a space joins their words.
            (t.joined() || text.get(m.span.end..t.start()) == Some(" "))
                && part_of_name(t)
                && starts.binary_search(&(m.last + 1)).is_err()
                // A clause's subject may follow a place ("On reaching
                // Petersburg Pierre wrote").
                && lexicon::given_name(t.text(text)).is_none()
        });
    let before = m.first > 0 && tokens[m.first].joined() && {
        let prev = &tokens[m.first - 1];
        let w = prev.text(text);
        part_of_name(prev)
            && !prev.possessive()
            && !prev.sentence_start()
            && !DIRECTIONS.contains(&w)
            && !is_all_caps(w)
            && starts.binary_search(&(m.first - 1)).is_err()
    };
    after || before
}

/// A place with the direction before it ("South Bridgton", "West
/// Seattle", "Southern California", "Old Goa"), which is part of its name
/// as written; the entity stays the place itself.
fn with_direction(text: &str, tokens: &[Token], m: &Match) -> Span {
    let directed = |at: usize| {
        at > 0 && tokens[at].joined() && DIRECTIONS.contains(&tokens[at - 1].text(text))
    };
    let mut first = m.first;
    if directed(first) {
        first -= 1;
    }
    // "Central and Eastern Europe": two directions share the place.
    let paired = DIRECTIONS.contains(&tokens[first].text(text))
        && first > 0
        && tokens[first].joined()
        && tokens[first - 1].text(text) == "and"
        && directed(first - 1);
    if paired {
        first -= 2;
    }
    // A match may start inside its token ("D-Ohio", "U.S.-China").
    let start = if first == m.first {
        m.span.start
    } else {
        tokens[first].start()
    };
    start..m.span.end
}

/// A sentence's first word that the text also writes in lowercase
/// ("Mobile phones"), which a mention elsewhere does not make a place.
fn common_word(text: &str, tokens: &[Token], lower: &Lowercase, m: &Match) -> bool {
    if !tokens[m.first].sentence_start() || m.first != m.last {
        return false;
    }
    lower.has(tokens[m.first].text(text))
}

/// Which of some capitalized words the text also writes in lowercase,
/// found in one pass over its words: the length and first letter of the
/// wanted words, taken together, rule out most words before any hashing,
/// and a word found is no longer wanted, so a repeated word costs one
/// probe and no copy.
pub struct Lowercase {
    found: HashSet<String>,
}

/// Words of `Lowercase`'s filter: enough bits that the one-word places of
/// a whole book leave most of them clear.
const SHAPE_WORDS: usize = 256;

/// Where a word falls in `Lowercase`'s filter: a hash of its length and
/// first eight bytes, as a word of the filter and a bit in it.
fn shape_bit(w: &str) -> (usize, u64) {
    let b = w.as_bytes();
    // Truncation intended: the first eight bytes.
    let head = load_le(&b[..b.len().min(8)]) as u64;
    let h = (head ^ (b.len() as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // Fits: below SHAPE_WORDS.
    ((h >> 56) as usize % SHAPE_WORDS, 1 << ((h >> 32) & 63))
}

/// A filter of the shapes (`shape_bit`) of some words: a word it does not
/// hold is none of them, known without hashing the word.
struct Shapes([u64; SHAPE_WORDS]);

impl Shapes {
    fn of<'a>(words: impl Iterator<Item = &'a str>) -> Shapes {
        let mut shapes = [0u64; SHAPE_WORDS];
        for w in words {
            let (len, first) = shape_bit(w);
            shapes[len] |= first;
        }
        Shapes(shapes)
    }

    fn may_hold(&self, w: &str) -> bool {
        let (len, first) = shape_bit(w);
        self.0[len] & first != 0
    }
}

impl Lowercase {
    /// For the one-word place names found: one pass serves every
    /// question the place rules ask.
    /// The lone names of `lone_names` join them: one pass for both.
    pub fn of_places(
        text: &str,
        tokens: &[Token],
        found: &[PlaceMatch],
        lone: &[Span],
    ) -> Lowercase {
        let words = found.iter().map(|m| &text[m.span.clone()]);
        let words = words.filter(|w| !w.contains(' '));
        Lowercase::of(
            text,
            tokens,
            words.chain(lone.iter().map(|s| &text[s.clone()])),
        )
    }

    fn of<'a>(text: &str, tokens: &[Token], words: impl Iterator<Item = &'a str>) -> Lowercase {
        let mut wanted: HashSet<String> = words.map(str::to_lowercase).collect();
        let shapes = Shapes::of(wanted.iter().map(String::as_str));
        let mut found = HashSet::default();
        for t in tokens.iter().filter(|t| t.lowercase()) {
            if wanted.is_empty() {
                break;
            }
            let w = t.text(text);
            if shapes.may_hold(w) && wanted.remove(w) {
                found.insert(w.to_string());
            }
        }
        Lowercase { found }
    }

    pub fn has(&self, word: &str) -> bool {
        !self.found.is_empty() && lexicon::with_lowercase(word, |w| self.found.contains(w))
    }
}

/// Narrow the towns followed by a comma and their state or country
/// ("Portland, Maine", "Springfield, Ill.", "Victoria, Canada"); an AP
/// state abbreviation there is itself a mention of the state.
fn qualify(text: &str, tokens: &[Token], gaz: &Gazetteer, ms: &mut [Match]) -> Vec<Found> {
    let mut extra = Vec::new();
    for k in 0..ms.len() {
        let last = ms[k].last;
        let Some(next) = tokens.get(last + 1) else {
            continue;
        };
        if !text[tokens[last].end()..next.start()]
            .trim()
            .starts_with(',')
            || text[tokens[last].end()..next.start()].contains('\n')
        {
            continue;
        }
        let regions: Vec<(&str, &str)> = match ms.get(k + 1) {
            Some(r) if r.first == last + 1 => r
                .candidates
                .iter()
                .map(|&c| gaz.place(c))
                .filter(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::State))
                .map(|p| (p.country, p.admin1))
                .collect(),
            _ => match short_state(text, gaz, next) {
                Some((code, end)) => {
                    if let Some(state) = gaz.us_state_id(code) {
                        extra.push(Found {
                            span: next.start()..end,
                            place: state,
                        });
                    }
                    vec![("US", code)]
                }
                None => Vec::new(),
            },
        };
        let inside: Vec<PlaceId> = ms[k]
            .candidates
            .iter()
            .copied()
            .filter(|&c| {
                let p = gaz.place(c);
                p.kind != PlaceKind::Country
                    && regions
                        .iter()
                        .any(|&(cc, a1)| p.country == cc && (a1.is_empty() || p.admin1 == a1))
            })
            .collect();
        if !inside.is_empty() {
            ms[k].qualified = Some(inside);
        }
    }
    extra
}

/// Evidence around one mention: a preposition of place outside a title
/// (past a list it heads), "the town of", the seat of a legislator, a
/// street before it, a dateline, or a county.
fn has_evidence(
    text: &str,
    tokens: &[Token],
    gaz: &Gazetteer,
    lower: &Lowercase,
    ms: &[Match],
    m: &Match,
) -> bool {
    let name = &text[m.span.clone()];
    if m.first == m.last
        && (is_calendar(name)
            || is_function_word(name)
            || is_title(name)
            || is_org_word(name)
            || lexicon::is_role_noun(name)
            || lexicon::is_language(name)
            || DIRECTIONS.contains(&name)
            || gaz.demonym(name).is_some()
            || lower.has(name))
    {
        return false;
    }
    if tokens[m.first].sentence_start() && is_all_caps(name) && name.len() > 2 {
        return true;
    }
    if defines_settlement(text, tokens, m.last + 1)
        || before_local_body(text, tokens, m)
        || after_street(text, tokens, m)
    {
        return true;
    }
    let Some(before) = word_before(text, tokens, m) else {
        return false;
    };
    let before = past_listed_name(text, tokens, before);
    let prev = tokens[before].text(text);
    if PLACE_PREPOSITIONS.contains(&prev) {
        if !LOCATIVE.contains(&prev) && in_title(text, tokens, ms, before) {
            return false;
        }
        let addressed = before > 0 && ADDRESSING.contains(&tokens[before - 1].text(text));
        return LOCATIVE.contains(&prev) || !addressed || lexicon::given_name(name).is_none();
    }
    after_place_of(text, tokens, before)
        // "the MP for Yeovil": the seat a legislator holds.
        || for_after(text, tokens, before, LEGISLATORS)
        || residence_of(text, tokens, before, m)
        || for_after(text, tokens, before, JOURNEYS)
}

/// Words after which "for" names where a journey ends: "bound for
/// Savannah", "left for Lagos".
const JOURNEYS: &[&str] = &[
    "bound", "headed", "left", "departed", "sailed", "flight", "flights",
];

/// Whether the word at `at` is a "for" right after one of `heads`.
fn for_after(text: &str, tokens: &[Token], at: usize, heads: &[&str]) -> bool {
    tokens[at].text(text) == "for"
        && at > 0
        && tokens[at].joined()
        && heads.contains(&tokens[at - 1].text(text))
}

/// "Ada Lowe, 27, of Dunmore," and "the driver, of Carrow,": the town a
/// person lives in, set off by commas as wire copy writes it.
fn residence_of(text: &str, tokens: &[Token], of: usize, m: &Match) -> bool {
    tokens[of].text(text) == "of"
        && of > 0
        && text[tokens[of - 1].end()..tokens[of].start()].trim() == ","
        && text[m.span.end..].starts_with(',')
}

/// Lowercase nouns for a town's own people and bodies: "Dayton police",
/// "Carrow residents" name the place they belong to.
const LOCAL_BODIES: &[&str] = &[
    "police",
    "firefighters",
    "officials",
    "residents",
    "authorities",
    "voters",
    "officers",
    "deputies",
    "lawmakers",
    "schools",
    "natives",
];

/// "Dayton police": a known place before its local body.
fn before_local_body(text: &str, tokens: &[Token], m: &Match) -> bool {
    tokens
        .get(m.last + 1)
        .is_some_and(|t| t.joined() && LOCAL_BODIES.contains(&t.text(text)))
}

/// Last words of street names, written out or abbreviated.
const STREET_WORDS: &[&str] = &[
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Boulevard",
    "Blvd",
    "Lane",
    "Drive",
];

/// An address: a street, a comma and the town it is in ("on Fore Street,
/// Okehampton").
fn after_street(text: &str, tokens: &[Token], m: &Match) -> bool {
    m.first > 0 && {
        let street = &tokens[m.first - 1];
        let gap = text[street.end()..tokens[m.first].start()].trim();
        matches!(gap, "," | ".,") && STREET_WORDS.contains(&street.text(text))
    }
}

/// Titles of the members a district elects, whose "for" names the
/// district ("the MP for Yeovil", "a member for Truro").
const LEGISLATORS: &[&str] = &["MP", "MPP", "MLA", "MNA", "MSP", "MHA", "member", "Member"];

/// "to Okehampton and", "from Bideford or": when `at` is the "and" or
/// "or" after a lone capitalized word that follows a preposition of
/// place, that preposition, which places the whole list; else `at`.
fn past_listed_name(text: &str, tokens: &[Token], at: usize) -> usize {
    let listed = at >= 2
        && matches!(tokens[at].text(text), "and" | "or")
        && tokens[at].joined()
        && tokens[at - 1].joined()
        && !tokens[at - 1].possessive()
        && is_capitalized(tokens[at - 1].text(text))
        && PLACE_PREPOSITIONS.contains(&tokens[at - 2].text(text));
    if listed { at - 2 } else { at }
}

/// Whether the preposition at `at` is inside a title in capitals ("30
/// Seconds to Venus", "A Storm to Come"): a capitalized word that is no
/// place stands mid-sentence before it, and no preposition before that
/// word makes the pair a route ("from Poolesville to").
fn in_title(text: &str, tokens: &[Token], ms: &[Match], at: usize) -> bool {
    if at < 2 || !tokens[at].joined() {
        return false;
    }
    let head = &tokens[at - 1];
    let w = head.text(text);
    is_capitalized(w)
        && !is_all_caps(w)
        && !head.sentence_start()
        && !head.possessive()
        && !is_function_word(w)
        && ms.binary_search_by_key(&(at - 1), |m| m.last).is_err()
        && !(head.joined() && PLACE_PREPOSITIONS.contains(&tokens[at - 2].text(text)))
}

/// The word before a mention, past a "the", if it is in the same clause.
fn word_before(text: &str, tokens: &[Token], m: &Match) -> Option<usize> {
    if m.first == 0 || !tokens[m.first].joined() {
        return None;
    }
    let before = m.first - 1;
    match tokens[before].text(text) {
        "the" if before > 0 && tokens[before].joined() => Some(before - 1),
        _ => Some(before),
    }
}

/// "the town of", "north of" at `of`.
fn after_place_of(text: &str, tokens: &[Token], of: usize) -> bool {
    tokens[of].text(text) == "of"
        && of > 0
        && lexicon::with_lowercase(tokens[of - 1].text(text), |w| PLACE_OF.contains(&w))
}

/// Evidence that outweighs a given name: a region after a comma, a
/// preposition that says where ("in", "at", "between"), "the town of".
fn surely_placed(text: &str, tokens: &[Token], m: &Match) -> bool {
    m.qualified.is_some()
        || before_local_body(text, tokens, m)
        || word_before(text, tokens, m).is_some_and(|b| {
            let prev = tokens[b].text(text);
            LOCATIVE.contains(&prev) || prev == "between" || after_place_of(text, tokens, b)
        })
}

/// A name in a list with an accepted place ("Bridgeton and Salem",
/// "Leeds, York and Hull") is a place too.
fn spread_in_lists(text: &str, tokens: &[Token], ms: &[Match], accepted: &mut [bool]) {
    for _ in 0..3 {
        let mut changed = false;
        for k in 0..ms.len().saturating_sub(1) {
            let (a, b) = (&ms[k], &ms[k + 1]);
            let gap = text.get(a.span.end..b.span.start).unwrap_or("");
            let listed =
                matches!(gap.trim(), "," | "and" | "or" | ", and" | ", or") && !gap.contains('\n');
            // A lone direction is half of a shared name ("Central and
            // Eastern Europe"), not an item.
            let direction = DIRECTIONS.contains(&&text[a.span.clone()]);
            // After a comma, a name a lowercase content word (a verb)
            // follows starts a clause ("... and Halifax, Cowden broke in"),
            // not the list's next item ("Miami, South Beach to Tampa").
            let clause = gap.trim() == ","
                && tokens.get(b.last + 1).is_some_and(|t| {
                    let w = t.text(text);
                    t.joined()
                        && t.lowercase()
                        && !is_function_word(w)
                        && !lexicon::is_preposition(w)
                });
            if listed
                && accepted[k] != accepted[k + 1]
                && !tokens[a.last].possessive()
                && !direction
                && !clause
            {
                accepted[k] = true;
                accepted[k + 1] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The one place a name surely is: the only hand-table place it names, or
/// its only place if that counts on its own.
fn sure_of(gaz: &Gazetteer, candidates: &[PlaceId]) -> Option<PlaceId> {
    let mut hand = candidates.iter().copied().filter(|&c| c < gaz.places.len());
    match (hand.next(), hand.next()) {
        (Some(only), None) => Some(only),
        (None, None) if candidates.len() == 1 && gaz.standalone(candidates[0]) => {
            Some(candidates[0])
        }
        _ => None,
    }
}

/// The regions the article's unambiguous places are in: counts by country
/// and by first-level region.
struct Context {
    /// Countries of the towns, states and regions.
    countries: HashMap<&'static str, usize>,
    /// Countries named themselves.
    named: HashMap<&'static str, usize>,
    regions: HashMap<(&'static str, &'static str), usize>,
}

impl Context {
    fn of(gaz: &Gazetteer, ms: &[Match]) -> Context {
        let mut c = Context {
            countries: HashMap::default(),
            named: HashMap::default(),
            regions: HashMap::default(),
        };
        for m in ms {
            let sure = match &m.qualified {
                Some(q) => Some(q[0]),
                None => sure_of(gaz, m.candidates),
            };
            let Some(id) = sure else { continue };
            let p = gaz.place(id);
            if p.country.is_empty() {
                continue;
            }
            let by_kind = if p.kind == PlaceKind::Country {
                &mut c.named
            } else {
                &mut c.countries
            };
            *by_kind.entry(p.country).or_default() += 1;
            if !p.admin1.is_empty() {
                *c.regions.entry((p.country, p.admin1)).or_default() += 1;
            }
        }
        c
    }

    /// The candidate the context favours; population breaks ties.
    fn best(&self, gaz: &Gazetteer, candidates: &[PlaceId]) -> PlaceId {
        let score = |&id: &PlaceId| {
            let p = gaz.place(id);
            let size = match p.kind {
                PlaceKind::Country => 7.0,
                PlaceKind::State | PlaceKind::Region => 6.0,
                _ => ((p.population + 10) as f64)
                    .log10()
                    .max(if id < gaz.places.len() { 6.0 } else { 0.0 }),
            };
            let in_region = self.regions.contains_key(&(p.country, p.admin1));
            let in_country = match p.kind {
                PlaceKind::Country => {
                    let near =
                        |n: &str| self.countries.contains_key(n) || self.named.contains_key(n);
                    near(p.country) || gaz.neighbours(p.country).split(',').any(near)
                }
                _ => self.countries.contains_key(p.country),
            };
            let renamed = if gaz.by_other_name(id) { 2.0 } else { 0.0 };
            // The hand table holds the senses news means unless told
            // otherwise.
            let hand = if id < gaz.places.len() { 2.0 } else { 0.0 };
            size + hand + if in_region { 3.0 } else { 0.0 } + if in_country { 1.5 } else { 0.0 }
                - renamed
        };
        candidates
            .iter()
            .copied()
            .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.cmp(a)))
            .unwrap_or_default()
    }
}

/// Nouns that say what kind of place a name is, in "X is a village" and
/// "the village of X".
const SETTLEMENT_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "hamlet",
    "commune",
    "municipality",
    "suburb",
    "parish",
    "neighbourhood",
    "neighborhood",
    "borough",
    "township",
    "settlement",
];

/// Longest unlisted place name, in words.
const MAX_UNLISTED_WORDS: usize = 3;

/// Last words of the features that a text, once it has named one in
/// full, names by the rest after "the": "the Saco" for the Saco River,
/// "the Reading train" for the Reading Railroad's, "the Bakken" for the
/// Bakken Formation.
const BARE_FEATURES: &[&str] = &[
    "River",
    "Railroad",
    "Railway",
    "Canal",
    "Sea",
    "Ocean",
    "Formation",
];

/// A place no gazetteer lists, and the name it is a mention of: its own,
/// or the full name of the feature it shortens ("the Saco").
#[derive(Clone)]
pub struct Unlisted {
    pub span: Span,
    pub name: Span,
    /// A dateline's town, whose capitals are not how its name is shown.
    pub dateline: bool,
}

impl Unlisted {
    /// A mention of the name it is.
    fn own(span: Span) -> Unlisted {
        Unlisted {
            name: span.clone(),
            span,
            dateline: false,
        }
    }
}

/// Places no gazetteer lists: the runs named by the kind of place they
/// are (`features`), the names a sentence defines as a settlement ("X is
/// a village in ...", "the town of X"), and every other mention of those
/// names outside people and organizations (`taken`, sorted) and the
/// gazetteer's matches; and after "the", the short form of a feature
/// (`BARE_FEATURES`), which outweighs a gazetteer's town of that name.
pub fn unlisted(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    features: &[Span],
    taken: &[Span],
    found: &[PlaceMatch],
    (lone, towns): (&[Span], &[Unlisted]),
) -> Vec<Unlisted> {
    let mut gazetted: Vec<Span> = found.iter().map(|m| m.span.clone()).collect();
    gazetted.sort_by_key(|s| s.start);
    let free = |s: &Span| !overlaps_any(taken, s) && !overlaps_any(&gazetted, s);
    let mut seeds: Vec<Span> = features.iter().filter(|s| free(s)).cloned().collect();
    seeds.extend(settlements(text, tokens).into_iter().filter(|s| free(s)));
    seeds.extend(
        regioned(text, tokens, gaz, found)
            .into_iter()
            .filter(|s| free(s)),
    );
    seeds.extend(lone.iter().filter(|s| free(s)).cloned());
    let names: HashSet<&str> = seeds.iter().map(|s| &text[s.clone()]).collect();
    let shorts = short_forms(text, features);
    let towns = towns
        .iter()
        .filter(|u| !overlaps_any(taken, &u.span))
        .cloned();
    if names.is_empty() && shorts.is_empty() {
        return towns.collect();
    }
    // Their first words, so that most words cost one probe.
    let firsts: HashSet<&str> = names
        .iter()
        .chain(shorts.keys())
        .map(|n| n.split(' ').next().unwrap_or(n))
        .collect();
    let shapes = Shapes::of(firsts.iter().copied());
    let mut out: Vec<Unlisted> = seeds.into_iter().map(Unlisted::own).collect();
    for i in 0..tokens.len() {
        if tokens[i].lowercase() {
            continue;
        }
        let w = tokens[i].text(text);
        if !shapes.may_hold(w) || !firsts.contains(w) {
            continue;
        }
        let longest_in = |table: &dyn Fn(&str) -> bool| {
            (1..=MAX_UNLISTED_WORDS.min(tokens.len() - i))
                .rev()
                .map(|n| (n, tokens[i].start()..tokens[i + n - 1].end()))
                .find(|(_, s)| table(&text[s.clone()]))
        };
        if let Some((_, s)) = longest_in(&|n| names.contains(n)).filter(|(_, s)| free(s)) {
            out.push(Unlisted::own(s));
        } else if let Some((_, s)) = longest_in(&|n| shorts.contains_key(n))
            .filter(|(n, s)| shortened_here(text, tokens, i, *n) && !overlaps_any(taken, s))
        {
            out.push(Unlisted {
                name: shorts[&text[s.clone()]].clone(),
                span: s,
                dateline: false,
            });
        }
    }
    out.extend(towns);
    out.sort_by_key(|u| (u.span.start, std::cmp::Reverse(u.span.end)));
    out.dedup_by(|b, a| b.span.start < a.span.end);
    out
}

/// The features of `BARE_FEATURES`' kinds by their names without the
/// kind ("Saco" for "Saco River"), each with its full name; not a
/// direction alone ("North River" leaves no "North").
fn short_forms<'a>(text: &'a str, features: &[Span]) -> HashMap<&'a str, Span> {
    let mut out = HashMap::default();
    for f in features {
        let Some((head, kind)) = text[f.clone()].rsplit_once(' ') else {
            continue;
        };
        if BARE_FEATURES.contains(&kind) && !DIRECTIONS.contains(&head) {
            out.entry(head).or_insert_with(|| f.clone());
        }
    }
    out
}

/// Whether the `n` words from `i` stand as a name shortened from a
/// feature's: "the" before them, and no capitalized word after that would
/// make them part of another name ("the Saco was", not "the Saco Lumber").
fn shortened_here(text: &str, tokens: &[Token], i: usize, n: usize) -> bool {
    let after_the =
        i > 0 && tokens[i].joined() && tokens[i - 1].text(text).eq_ignore_ascii_case("the");
    let ends = tokens
        .get(i + n)
        .is_none_or(|t| !t.joined() || t.lowercase() || !is_capitalized(t.text(text)));
    after_the && ends
}

/// Names a sentence says are settlements: "X is a village", "X was a
/// small town", "the village of X".
fn settlements(text: &str, tokens: &[Token]) -> Vec<Span> {
    let w = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let name_word = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            !t.lowercase() && is_capitalized(t.text(text)) && !is_function_word(t.text(text))
        })
    };
    let mut out = Vec::new();
    for i in 1..tokens.len() {
        // "of", "is" and "was" are the only words that start a look-up.
        if !(2..=3).contains(&tokens[i].span().len()) {
            continue;
        }
        let of_settlement = w(i) == "of" && SETTLEMENT_NOUNS.contains(&w(i - 1));
        if of_settlement && tokens.get(i + 1).is_some_and(Token::joined) {
            let end = (i + 1..tokens.len().min(i + 1 + MAX_UNLISTED_WORDS))
                .take_while(|&k| name_word(k) && (k == i + 1 || tokens[k].joined()))
                .last();
            if let Some(end) = end {
                out.push(tokens[i + 1].start()..tokens[end].end());
            }
            continue;
        }
        if !defines_settlement(text, tokens, i) {
            continue;
        }
        let start = (i.saturating_sub(MAX_UNLISTED_WORDS)..i)
            .rev()
            .take_while(|&k| name_word(k) && tokens[k + 1].joined())
            .last();
        if let Some(start) = start {
            out.push(tokens[start].start()..tokens[i - 1].end());
        }
    }
    out
}

/// "born in Marsk.", "a depot at Tolvo, where", "moved to Kestrow and": a
/// lone capitalized word that a word putting something inside it or a
/// journey's "to" opens and a clause's end, a comma or a little word
/// closes is a place the gazetteer lacks, unless it is a word of another
/// kind (a month, a title, a language, a given
/// name: "at Ada's"), an acronym or a brand, or a doctrine ("in
/// Buddhism"). The caller drops the words the text also writes in
/// lowercase ("in Marketing" beside "marketing").
pub fn lone_names(text: &str, tokens: &[Token], gaz: &Gazetteer) -> Vec<Span> {
    // Asked of every word of a book: the flags first, the words after.
    let placed = |i: usize| {
        let t = &tokens[i];
        !t.lowercase()
            && t.joined()
            && !t.possessive()
            && (within_or_at(tokens[i - 1].text(text)) || journey_to(text, tokens, i - 1))
            && ends_name(text, tokens, i)
    };
    let other_kind = |w: &str| {
        w.chars().count() < 3
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || !is_capitalized(w)
            || is_all_caps(w)
            || inner_capital(w)
            || w.ends_with("ism")
            || is_calendar(w)
            || is_function_word(w)
            || is_title(w)
            || is_org_word(w)
            || lexicon::is_role_noun(w)
            || lexicon::is_institution(w)
            || lexicon::is_language(w)
            || DIRECTIONS.contains(&w)
            || gaz.demonym(w).is_some()
            || lexicon::given_name(w).is_some()
    };
    (1..tokens.len())
        .filter(|&i| {
            placed(i) && !other_kind(tokens[i].text(text)) && !in_work_title(text, tokens, i, i)
        })
        .map(|i| tokens[i].span())
        .collect()
}

/// A capital inside a word ("AgriMetrics"), as brands write their names;
/// a hyphen's next part may start one ("Condo-Condo").
fn inner_capital(w: &str) -> bool {
    w.split('-')
        .any(|part| part.chars().skip(1).any(char::is_uppercase))
}

/// A word of `is_within_word`, or "at", which also places a lone name
/// ("the depot at Tolvo").
fn within_or_at(w: &str) -> bool {
    is_within_word(w) || matches!(w, "at" | "At")
}

/// Words of going somewhere, or of the way there, before a "to" that
/// names where ("moved to Tolvo.", "leads south to Marsk and").
const JOURNEY_TO: &[&str] = &[
    "moved",
    "moving",
    "travel",
    "travelled",
    "traveled",
    "fled",
    "went",
    "returned",
    "sailed",
    "flew",
    "drove",
    "marched",
    "retreated",
    "relocated",
    "emigrated",
    "transferred",
    "shifted",
    "leads",
    "leading",
    "led",
    "north",
    "south",
    "east",
    "west",
    "northward",
    "southward",
    "eastward",
    "westward",
    "route",
    "road",
    "railway",
    "trains",
    "flights",
];

/// Whether the word at `to` is a "to" after a word of `JOURNEY_TO`.
fn journey_to(text: &str, tokens: &[Token], to: usize) -> bool {
    to > 0
        && tokens[to].text(text) == "to"
        && tokens[to].joined()
        && JOURNEY_TO.contains(&tokens[to - 1].text(text))
}

/// Whether the name at `i` ends there: punctuation or a little word
/// ("and", "on", "in") follows, or nothing.
fn ends_name(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_none_or(|next| {
        let w = next.text(text);
        !next.joined() || next.lowercase() && (is_function_word(w) || lexicon::is_preposition(w))
    })
}

/// Capitalized words joined to the name that ends at token `last`,
/// going back at most `MAX_UNLISTED_WORDS`: the start of that name.
fn name_start(text: &str, tokens: &[Token], last: usize) -> Option<usize> {
    let name_word = |t: &Token| {
        let w = t.text(text);
        !t.lowercase() && is_capitalized(w) && !is_function_word(w) && !t.possessive()
    };
    (last.saturating_sub(MAX_UNLISTED_WORDS - 1)..=last)
        .rev()
        .take_while(|&k| name_word(&tokens[k]) && (k == last || tokens[k + 1].joined()))
        .last()
}

/// Names followed by a comma and a country or state the gazetteer knows,
/// which ends the phrase there ("Debden, England,", "Gilchrist, Oregon)").
fn regioned(text: &str, tokens: &Tokens, gaz: &Gazetteer, found: &[PlaceMatch]) -> Vec<Span> {
    let mut out = Vec::new();
    for m in found.iter().filter(|m| is_region(gaz, m)) {
        let ends = text[m.span.end..]
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ')' | ';' | ':'));
        let head = text[..m.span.start]
            .trim_end_matches(' ')
            .strip_suffix(',')
            .map(|h| h.trim_end_matches(' '));
        let Some(head) = head else {
            continue;
        };
        let k = tokens.ending_after(head.len());
        if !ends || k == 0 || tokens[k - 1].end() != head.len() {
            continue;
        }
        if let Some(start) = name_start(text, tokens, k - 1) {
            out.push(tokens[start].start()..tokens[k - 1].end());
        }
    }
    out
}

/// Whether the words from `at` say that what comes before is a settlement:
/// "is a village", "was a small market town".
fn defines_settlement(text: &str, tokens: &[Token], at: usize) -> bool {
    let w = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    matches!(w(at), "is" | "was")
        && matches!(w(at + 1), "a" | "an")
        && (at + 2..at + 5)
            .any(|k| SETTLEMENT_NOUNS.contains(&w(k)) && (at + 2..k).all(|m| tokens[m].lowercase()))
}

/// Place names that their context places, whatever else claims them: a
/// region after a comma ("Salem, New Jersey", "Santa Rosa, California"),
/// and for one-word names also a preposition of place ("extended to
/// Harrison") or "the town of Coleman". Sorted spans, and among them the
/// one-word names the text calls places outright, by a region or "the
/// town of".
pub fn placed_words(
    text: &str,
    tokens: &Tokens,
    gaz: &Gazetteer,
    found: &[PlaceMatch],
    taken: &[Span],
    lower: &Lowercase,
) -> (Vec<Span>, Vec<Span>) {
    let mut ms = matches(tokens, found, taken);
    qualify(text, tokens, gaz, &mut ms);
    // A name of several words that could be a person's ("Santa Rosa")
    // needs its region or a word that puts something inside it ("born in
    // Santa Rosa"); "at" also takes employers ("at Morgan Stanley").
    ms.retain(|m| m.first == m.last || m.qualified.is_some() || within(text, tokens, m));
    let evidence: Vec<bool> = ms
        .iter()
        .map(|m| has_evidence(text, tokens, gaz, lower, &ms, m))
        .collect();
    // A lone given name that only places name ("trips to Harrison",
    // "returned to Harrison"), twice or more, is the town.
    let mut placings: HashMap<&str, usize> = HashMap::default();
    for (m, _) in ms.iter().zip(&evidence).filter(|(_, e)| **e) {
        *placings.entry(&text[m.span.clone()]).or_default() += 1;
    }
    // A possessive is a person's more often than a place's ("in Ben's
    // room"), and a common given name needs more than one "to" or "from".
    let placed: Vec<&Match> = ms
        .iter()
        .zip(&evidence)
        .filter(|(m, _)| !tokens[m.last].possessive())
        .filter(|(m, placed)| {
            let name = &text[m.span.clone()];
            let given = lexicon::given_name_info(name).is_some_and(|g| g.stands_alone());
            surely_placed(text, tokens, m)
                || **placed && (!given || placings.get(name).is_some_and(|&n| n >= 2))
        })
        .map(|(m, _)| m)
        .collect();
    let named = placed
        .iter()
        .filter(|m| {
            m.first == m.last
                && (m.qualified.is_some()
                    || word_before(text, tokens, m)
                        .is_some_and(|b| after_place_of(text, tokens, b)))
        })
        .map(|m| m.span.clone())
        .collect();
    (placed.iter().map(|m| m.span.clone()).collect(), named)
}

/// Words before a name that put something inside the place it names; a
/// match on the word, asked of every capitalized word of a book.
fn is_within_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "In" | "near" | "Near" | "outside" | "inside" | "within" | "throughout"
    )
}

/// "born in Santa Rosa", "near Grace Park", "the town of Lake Forest".
fn within(text: &str, tokens: &[Token], m: &Match) -> bool {
    word_before(text, tokens, m)
        .is_some_and(|b| is_within_word(tokens[b].text(text)) || after_place_of(text, tokens, b))
}

/// Last words of a railway's name, which often names the line by its two
/// ends ("the Portland and Ogdensburg Railroad").
const RAILWAY_WORDS: &[&str] = &["Railway", "Railroad"];

/// "B&SR", "L&MR": initials joined by "&" that end in the railway's R, as
/// a line named for its two ends is written short, are that railway, in a
/// text that names railways (`features` holds one); elsewhere such
/// initials are a firm's ("B&R"). They leave `org_spans` for `features`,
/// which stay in text order.
pub fn railway_initials(text: &str, org_spans: &mut Vec<Span>, features: &mut Vec<Span>) {
    let names_railways = features.iter().any(|f| {
        let last_word = text[f.clone()].rsplit(' ').next().unwrap_or("");
        RAILWAY_WORDS.contains(&last_word)
    });
    if !names_railways {
        return;
    }
    let is_line = |s: &Span| {
        let w = &text[s.clone()];
        w.contains('&') && w.ends_with('R') && is_all_caps(w)
    };
    let before = features.len();
    features.extend(org_spans.iter().filter(|s| is_line(s)).cloned());
    if features.len() > before {
        org_spans.retain(|s| !is_line(s));
        features.sort_by_key(|f| f.start);
    }
}

/// Longest end of a railway's name before its "and", in words.
const MAX_END_WORDS: usize = 3;

/// "the Portland and Ogdensburg Railroad": a railway's name found from its
/// "and" on is widened to the capitalized words before the "and", when a
/// "the" opens them, so that the line is one place and its first end no
/// town. `features` are in text order and disjoint, and stay so.
pub fn widen_railways(text: &str, tokens: &Tokens, features: &mut [Span]) {
    for k in 0..features.len() {
        let f = &features[k];
        let last_word = text[f.clone()].rsplit(' ').next().unwrap_or("");
        if !RAILWAY_WORDS.contains(&last_word) {
            continue;
        }
        let first = tokens.starting_from(f.start);
        let Some(start) = railway_first_end(text, tokens, first) else {
            continue;
        };
        let free = k == 0 || features[k - 1].end <= tokens[start].start();
        if free {
            features[k].start = tokens[start].start();
        }
    }
}

/// The first word of the end before the "and" that precedes the word at
/// `first`, when "the" stands before that end.
fn railway_first_end(text: &str, tokens: &[Token], first: usize) -> Option<usize> {
    let and = first.checked_sub(1)?;
    if tokens[and].text(text) != "and" || !tokens.get(first)?.joined() {
        return None;
    }
    let name_word = |t: &Token| {
        let w = t.text(text);
        !t.lowercase() && is_capitalized(w) && !is_function_word(w) && !t.possessive()
    };
    let start = (and.saturating_sub(MAX_END_WORDS)..and)
        .rev()
        .take_while(|&k| name_word(&tokens[k]) && tokens[k + 1].joined())
        .last()?;
    let the = start.checked_sub(1)?;
    (tokens[start].joined() && tokens[the].text(text).eq_ignore_ascii_case("the")).then_some(start)
}
