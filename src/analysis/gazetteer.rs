//! The world gazetteer. Two sources: a hand table (`assets/places.tsv`) of
//! countries, states and provinces, regions, continents and large cities
//! with the aliases news writes ("U.S.", "Kiev"), each with coordinates;
//! and GeoNames (`assets/geonames.tsv`, made by `tools/gen_places.py`): every
//! town of 1,000 people or more, every US county and the first- and
//! second-level divisions of every country, kept as the sorted
//! text it is and binary-searched through a small index, so that it costs
//! next to nothing to load. Also demonyms from `assets/demonyms.tsv`.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::phrases::Phrases;
use super::tokens::{Token, is_all_caps};
use crate::model::Span;

const PLACES_TSV: &str = include_str!("../../assets/places.tsv");
const DEMONYMS_TSV: &str = include_str!("../../assets/demonyms.tsv");
const GEONAMES_TSV: &str = include_str!("../../assets/geonames.tsv");
const GEONAMES_INDEX: &str = include_str!("../../assets/geonames_index.tsv");
const REGIONS_TSV: &str = include_str!("../../assets/geonames_regions.tsv");

/// Longest GeoNames form, in words.
const MAX_FORM_WORDS: usize = 5;

/// A town this large is named on its own, with no word around it saying
/// it is a place: few words of English are the name of a city of a
/// million people.
const STANDALONE_POPULATION: u64 = 1_000_000;

/// A place: a row of the hand table, or a GeoNames line, by one number.
/// Hand rows come first; a GeoNames place is `places.len()` plus the byte
/// offset of its line.
pub type PlaceId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    State,
    Region,
    City,
    County,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: &'static str,
    pub kind: PlaceKind,
    /// ISO code of the country it is in (or is), "" for regions across
    /// borders.
    pub country: &'static str,
    /// GeoNames code of its first-level region ("ME" for Maine), "" if
    /// unknown.
    pub admin1: &'static str,
    pub population: u64,
    pub coords: Option<(f64, f64)>,
}

struct Country {
    code: &'static str,
    name: &'static str,
    neighbours: &'static str,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    by_form: Phrases<Vec<usize>>,
    demonyms: HashMap<&'static str, usize>,
    countries: Vec<Country>,
    /// US state codes and names.
    states: Vec<(&'static str, &'static str)>,
    /// The region and population of each hand-table city's GeoNames twin,
    /// looked up the first time it is asked for.
    twins: Vec<OnceLock<(&'static str, u64)>>,
}

/// A place name found in the text, with the places it may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    pub span: Span,
    pub candidates: Vec<PlaceId>,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let (countries, states) = load_regions();
        let mut g = Gazetteer {
            places: Vec::new(),
            by_form: Phrases::default(),
            demonyms: HashMap::default(),
            countries,
            states,
            twins: Vec::new(),
        };
        // One map for the hand table's 1,400 rows, not a scan of the
        // countries per row: this runs before the first frame.
        let codes: HashMap<&str, &'static str> =
            g.countries.iter().map(|c| (c.name, c.code)).collect();
        for line in PLACES_TSV.lines().skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 || f[0].is_empty() {
                continue;
            }
            let id = g.places.len();
            let place = g.hand_place(&f, &codes);
            g.places.push(place);
            // "Georgia (U.S.)" is written "Georgia", a homonym of the country.
            let bare = f[0].split_once(" (").map(|(b, _)| b);
            let aliases = f[5].split('|').map(str::trim).filter(|a| !a.is_empty());
            for form in std::iter::once(f[0]).chain(bare).chain(aliases) {
                if !is_proper_form(form) {
                    continue;
                }
                for written in [form.to_string(), form.to_uppercase()] {
                    let ids = g.by_form.entry(&written, Vec::new);
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        g.twins = g.places.iter().map(|_| OnceLock::new()).collect();
        for line in DEMONYMS_TSV.lines().skip(1) {
            if let Some((demonym, place)) = line.split_once('\t')
                && let Some(id) = g.lookup(place.trim())
            {
                g.demonyms.insert(demonym.trim(), id);
            }
        }
        g
    }

    fn hand_place(&self, f: &[&'static str], codes: &HashMap<&str, &'static str>) -> Place {
        let kind = match f[1] {
            "country" => PlaceKind::Country,
            "state" => PlaceKind::State,
            "city" => PlaceKind::City,
            _ => PlaceKind::Region,
        };
        let country = codes
            .get(f[2])
            .copied()
            .or_else(|| (f[2] == "United States").then_some("US"))
            .unwrap_or("");
        let admin1 = if country == "US" && kind == PlaceKind::State {
            self.us_state_code(f[0]).unwrap_or("")
        } else {
            ""
        };
        Place {
            name: f[0],
            kind,
            country,
            admin1,
            population: 0,
            coords: f[3].trim().parse().ok().zip(f[4].trim().parse().ok()),
        }
    }

    /// Place names among the words of a text, longest first, each with
    /// every place it may name.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<PlaceMatch> {
        let mut found: Vec<PlaceMatch> = self
            .by_form
            .find(text, tokens)
            .into_iter()
            .map(|(span, ids)| PlaceMatch {
                span,
                candidates: ids.clone(),
            })
            .collect();
        found.extend(self.geo_find(text, tokens));
        found.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<PlaceMatch> = Vec::with_capacity(found.len());
        for m in found {
            match out.last_mut() {
                Some(last) if last.span == m.span => {
                    for c in m.candidates {
                        if !last.candidates.contains(&c) && !self.has_twin(&last.candidates, c) {
                            last.candidates.push(c);
                        }
                    }
                }
                Some(last) if m.span.start < last.span.end => {}
                _ => out.push(m),
            }
        }
        out
    }

    /// GeoNames forms among the capitalized words ("PORTLAND" is looked up
    /// as "Portland").
    fn geo_find(&self, text: &str, tokens: &[Token]) -> Vec<PlaceMatch> {
        let mut out = Vec::new();
        let mut key = String::new();
        // A book names the same few hundred people and places thousands of
        // times: each word is looked up once, and a word seen before costs
        // one probe here, with no key built.
        let mut seen: HashMap<&str, (Range<usize>, bool)> = HashMap::default();
        let mut longer = Longer::default();
        let mut i = 0;
        while i < tokens.len() {
            let first = tokens[i].text(text);
            if tokens[i].lowercase() || !first.starts_with(char::is_uppercase) {
                i += 1;
                continue;
            }
            let (lines, longer_follows) = seen
                .entry(first)
                .or_insert_with(|| {
                    key.clear();
                    push_form_word(&mut key, first);
                    let lines = geo_range(&key);
                    (lines.clone(), geo_longer_follows(&key, lines.end))
                })
                .clone();
            let mut best = (!lines.is_empty()).then_some((1, lines));
            if longer_follows {
                best = longer.find(text, &tokens[i..], &mut key).or(best);
            }
            match best {
                Some((n, lines)) => {
                    let candidates = self.geo_candidates(lines);
                    if !candidates.is_empty() {
                        out.push(PlaceMatch {
                            span: tokens[i].start()..tokens[i + n - 1].end(),
                            candidates,
                        });
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The places of a run of GeoNames lines.
    fn geo_candidates(&self, lines: Range<usize>) -> Vec<PlaceId> {
        let base = self.places.len();
        std::iter::successors(Some(lines.start), |&at| Some(line_end(at) + 1))
            .take_while(|&at| at < lines.end)
            .map(|at| base + at)
            .collect()
    }

    /// Whether a GeoNames place is a hand-table city among `ids`, which
    /// stands for it.
    fn has_twin(&self, ids: &[PlaceId], geo: PlaceId) -> bool {
        let g = self.place(geo);
        ids.iter().any(|&h| {
            h < self.places.len() && self.places[h].kind == PlaceKind::City && {
                let p = self.place(h);
                p.name == g.name && p.country == g.country && p.admin1 == g.admin1
            }
        })
    }

    /// The place a hand-table name form stands for ("U.S." -> United
    /// States): the places that count on their own, which the rest of the
    /// analysis knows by name.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.by_form.get(form).and_then(|ids| ids.first().copied())
    }

    /// The place a demonym refers to ("French" -> France, "Ukrainians" ->
    /// Ukraine).
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(word).copied().or_else(|| {
            let singular = word.strip_suffix('s')?;
            self.demonyms.get(singular).copied()
        })
    }

    /// A place; a hand-table city takes the region and population of its
    /// GeoNames line, looked up when asked so that loading reads none.
    pub fn place(&self, id: PlaceId) -> Place {
        let Some(p) = self.places.get(id) else {
            return geo_place(id - self.places.len());
        };
        let mut p = p.clone();
        if p.kind == PlaceKind::City {
            (p.admin1, p.population) = *self.twins[id].get_or_init(|| {
                geo_lines(p.name)
                    .map(geo_place)
                    .find(|g| g.country == p.country && g.name == p.name)
                    .map_or(("", 0), |g| (g.admin1, g.population))
            });
        }
        p
    }

    /// Named on its own, without evidence around it: the hand table's
    /// places, big cities by their own name, counties.
    pub fn standalone(&self, id: PlaceId) -> bool {
        if id < self.places.len() {
            return true;
        }
        let at = id - self.places.len();
        let p = geo_place(at);
        p.kind == PlaceKind::County
            || (p.population >= STANDALONE_POPULATION && geo_field(at, 1).is_empty())
    }

    /// Whether a GeoNames place is known by another name than the form
    /// that found it ("Victoria" for Ciudad Victoria).
    pub fn by_other_name(&self, id: PlaceId) -> bool {
        id >= self.places.len() && !geo_field(id - self.places.len(), 1).is_empty()
    }

    /// The neighbours of a country, as ISO codes separated by commas.
    pub fn neighbours(&self, code: &str) -> &'static str {
        self.countries
            .iter()
            .find(|c| c.code == code)
            .map_or("", |c| c.neighbours)
    }

    /// The code of a US state by name ("Georgia (U.S.)", "New York State"),
    /// or by postal code.
    pub fn us_state_code(&self, name: &str) -> Option<&'static str> {
        let bare = name.trim_end_matches(" (U.S.)").trim_end_matches(" State");
        self.states
            .iter()
            .find(|(code, n)| *n == bare || *code == name)
            .map(|(code, _)| *code)
    }
}

impl Gazetteer {
    /// The hand-table row of a US state by postal code.
    pub fn us_state_id(&self, code: &str) -> Option<PlaceId> {
        self.places
            .iter()
            .position(|p| p.kind == PlaceKind::State && p.country == "US" && p.admin1 == code)
    }
}

/// The GeoNames forms of several words, looked up once per text each.
#[derive(Default)]
struct Longer<'t> {
    forms: HashMap<&'t str, Range<usize>>,
    prefixes: HashMap<&'t str, bool>,
}

impl<'t> Longer<'t> {
    /// The longest form of two words or more that `run` starts with, as
    /// its length in words and its lines; `key` is scratch space.
    fn find(
        &mut self,
        text: &'t str,
        run: &[Token],
        key: &mut String,
    ) -> Option<(usize, Range<usize>)> {
        key.clear();
        push_form_word(key, run[0].text(text));
        let mut best = None;
        let mut n = 1;
        while n < MAX_FORM_WORDS && n < run.len() {
            if !run[n].joined() || run[n - 1].possessive() {
                break;
            }
            key.push(' ');
            let so_far = &text[run[0].start()..run[n - 1].end()];
            if n > 1
                && !*self
                    .prefixes
                    .entry(so_far)
                    .or_insert_with(|| geo_has_prefix(key))
            {
                break;
            }
            push_form_word(key, run[n].text(text));
            n += 1;
            let span = &text[run[0].start()..run[n - 1].end()];
            let lines = self
                .forms
                .entry(span)
                .or_insert_with(|| geo_range(key))
                .clone();
            if !lines.is_empty() {
                best = Some((n, lines));
            }
        }
        best
    }
}

fn load_regions() -> (Vec<Country>, Vec<(&'static str, &'static str)>) {
    let mut countries = Vec::new();
    let mut states = Vec::new();
    for line in REGIONS_TSV.lines() {
        let f: Vec<&'static str> = line.split('\t').collect();
        match f.as_slice() {
            ["country", code, name, neighbours] => countries.push(Country {
                code,
                name,
                neighbours,
            }),
            ["state", code, name, _] => states.push((*code, *name)),
            _ => {}
        }
    }
    (countries, states)
}

/// A word of a form as GeoNames writes it: all-caps words (datelines) in
/// title case.
fn push_form_word(key: &mut String, word: &str) {
    if word.chars().count() < 3 || !is_all_caps(word) {
        key.push_str(word);
        return;
    }
    let mut chars = word.chars();
    key.extend(chars.next());
    key.extend(chars.flat_map(char::to_lowercase));
}

/// The first field of the line of `blob` at a byte offset.
fn form_at(blob: &'static str, at: usize) -> &'static str {
    let rest = &blob[at..];
    &rest[..memchr::memchr2(b'\t', b'\n', rest.as_bytes()).unwrap_or(rest.len())]
}

/// The form of the GeoNames line at a byte offset.
fn geo_form(at: usize) -> &'static str {
    form_at(GEONAMES_TSV, at)
}

fn end_of_line(blob: &str, at: usize) -> usize {
    memchr::memchr(b'\n', &blob.as_bytes()[at..]).map_or(blob.len(), |k| at + k)
}

fn line_end(at: usize) -> usize {
    end_of_line(GEONAMES_TSV, at)
}

/// An entry of the GeoNames index: the first eight bytes of its form as a
/// big-endian number, which orders most forms without reading them, and
/// the offset of its line in the index.
struct IndexEntry {
    prefix: u64,
    line: u32,
}

/// The first eight bytes of a form, zero-padded: forms hold no NUL byte,
/// so a shorter form sorts first, as it does as text.
fn form_prefix(form: &str) -> u64 {
    let b = form.as_bytes();
    let mut buf = [0u8; 8];
    let n = b.len().min(8);
    buf[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(buf)
}

/// The index, read once: a binary search over it compares numbers, where
/// one over the text would look for line ends at every step.
fn index() -> &'static [IndexEntry] {
    static INDEX: OnceLock<Vec<IndexEntry>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut entries = Vec::with_capacity(GEONAMES_INDEX.len() / 16);
        let mut at = 0;
        while at < GEONAMES_INDEX.len() {
            entries.push(IndexEntry {
                prefix: form_prefix(form_at(GEONAMES_INDEX, at)),
                // Fits: the index is a few hundred kilobytes.
                line: at as u32,
            });
            at = end_of_line(GEONAMES_INDEX, at) + 1;
        }
        entries
    })
}

/// Offset of the first GeoNames line whose form is not below `key`: the
/// index says which block of lines holds it, and the block is read in
/// order.
fn lower_bound(key: &str) -> usize {
    let index = index();
    let prefix = form_prefix(key);
    let below = |e: &IndexEntry| match e.prefix.cmp(&prefix) {
        std::cmp::Ordering::Equal => {
            form_at(GEONAMES_INDEX, e.line as usize).as_bytes() < key.as_bytes()
        }
        order => order.is_lt(),
    };
    let entry = index.partition_point(below);
    let mut at = match entry.checked_sub(1) {
        None => 0,
        Some(block) => {
            let line = index[block].line as usize;
            GEONAMES_INDEX[line..end_of_line(GEONAMES_INDEX, line)]
                .rsplit('\t')
                .next()
                .and_then(|o| o.parse().ok())
                .unwrap_or(0)
        }
    };
    while at < GEONAMES_TSV.len() && geo_form(at).as_bytes() < key.as_bytes() {
        at = line_end(at) + 1;
    }
    at.min(GEONAMES_TSV.len())
}

/// The lines of a form, as a byte range.
fn geo_range(key: &str) -> Range<usize> {
    let start = lower_bound(key);
    let mut end = start;
    while end < GEONAMES_TSV.len() && geo_form(end) == key {
        end = line_end(end) + 1;
    }
    start..end.min(GEONAMES_TSV.len())
}

/// Whether forms longer by a word follow a form's lines, which end at
/// `end`: a space sorts before any other character of a name, so they
/// come right after it, and one search answers both questions.
fn geo_longer_follows(form: &str, end: usize) -> bool {
    end < GEONAMES_TSV.len()
        && geo_form(end)
            .strip_prefix(form)
            .is_some_and(|rest| rest.starts_with(' '))
}

fn geo_has_prefix(prefix: &str) -> bool {
    let at = lower_bound(prefix);
    at < GEONAMES_TSV.len() && geo_form(at).starts_with(prefix)
}

/// The line offsets of a form.
fn geo_lines(key: &str) -> impl Iterator<Item = usize> {
    let lines = geo_range(key);
    std::iter::successors(Some(lines.start), |&at| Some(line_end(at) + 1))
        .take_while(move |&at| at < lines.end)
}

/// Column `k` of the GeoNames line at `at`.
fn geo_field(at: usize, k: usize) -> &'static str {
    GEONAMES_TSV[at..line_end(at)]
        .split('\t')
        .nth(k)
        .unwrap_or("")
}

fn geo_place(at: usize) -> Place {
    let line = &GEONAMES_TSV[at..line_end(at)];
    // The seven columns, without a vector: places are read in loops. The
    // fields are short, so a plain byte loop finds the tabs.
    let mut f = [""; 7];
    let mut start = 0;
    let mut k = 0;
    for (i, b) in line.bytes().enumerate() {
        if b == b'\t' && k < f.len() {
            f[k] = &line[start..i];
            k += 1;
            start = i + 1;
        }
    }
    if k < f.len() {
        f[k] = &line[start..];
    }
    let field = |k: usize| f[k];
    let name = if field(1).is_empty() {
        field(0)
    } else {
        field(1)
    };
    let population = field(4).parse().unwrap_or(0);
    Place {
        name,
        kind: if field(4).is_empty() {
            PlaceKind::County
        } else {
            PlaceKind::City
        },
        country: field(2),
        admin1: field(3),
        population,
        coords: field(5).parse().ok().zip(field(6).parse().ok()),
    }
}

/// Forms that name a place on their own: the last word is capitalized, so
/// "Krasnoyarsk region" leaves the match to "Krasnoyarsk".
fn is_proper_form(form: &str) -> bool {
    form.split_whitespace()
        .last()
        .and_then(|w| w.rsplit(['\'', '’']).next())
        .and_then(|w| w.chars().next())
        .is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, &'static str)> {
        let g = gazetteer();
        let doc = crate::model::Document::parse(text);
        let tokens = crate::analysis::tokens::tokenize(&doc);
        g.find(text, &tokens)
            .into_iter()
            .map(|m| (&text[m.span], g.place(m.candidates[0]).name))
            .collect()
    }

    #[test]
    fn countries_cities_and_alternate_forms() {
        let found = names("Talks in Kiev, Kyiv and Paris; the U.S. and the US, also the UK.");
        let canon: Vec<&str> = found.iter().map(|f| f.1).collect();
        assert_eq!(canon[0], canon[1], "Kiev and Kyiv are one place");
        assert!(canon.contains(&"United States"));
        assert!(canon.contains(&"United Kingdom"));
        assert!(canon.contains(&"Paris"));
    }

    #[test]
    fn possessives_compounds_and_datelines() {
        let found = names("Russia’s exports, US-Ukraine deal, BEIJING - and China.");
        let surface: Vec<&str> = found.iter().map(|f| f.0).collect();
        assert_eq!(surface, ["Russia", "US", "Ukraine", "BEIJING", "China"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        let found = names("CUPERTINO, Calif. — and in Mich. too.");
        let canon: Vec<&str> = found.iter().map(|f| f.1).collect();
        assert_eq!(canon, ["Cupertino", "California", "Michigan"]);
        assert_eq!(found[1].0, "Calif.");
    }

    #[test]
    fn no_matches_inside_words_or_demonyms() {
        let found = names("Ukrainians and Russian officials in Chinatown");
        let surface: Vec<&str> = found.iter().map(|f| f.0).collect();
        assert!(
            surface.iter().all(|s| *s == "Chinatown"),
            "no country inside a word: {surface:?}"
        );
    }

    #[test]
    fn demonyms_map_to_their_country() {
        let g = gazetteer();
        let france = g.lookup("France").unwrap();
        assert_eq!(g.demonym("French"), Some(france));
        assert_eq!(g.demonym("Ukrainians"), g.lookup("Ukraine"));
        assert_eq!(g.demonym("Table"), None);
        assert!(
            g.demonym("Ivorian").is_some(),
            "a name with d’ is a proper form"
        );
    }

    #[test]
    fn divisions_of_every_country_are_known_and_need_evidence() {
        let g = gazetteer();
        let text = "it rained on Landes, Ilocos Sur and the Capital.";
        let doc = crate::model::Document::parse(text);
        let tokens = crate::analysis::tokens::tokenize(&doc);
        let found = g.find(text, &tokens);
        let surface: Vec<&str> = found.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(
            surface,
            ["Landes", "Ilocos Sur"],
            "no division named only by a generic word"
        );
        let landes = g.place(found[0].candidates[0]);
        assert_eq!((landes.country, landes.coords.is_some()), ("FR", true));
        assert!(found.iter().all(|m| !g.standalone(m.candidates[0])));
    }

    #[test]
    fn every_place_has_coordinates() {
        let g = gazetteer();
        assert!(g.places.len() > 500);
        assert!(g.places.iter().all(|p| p.coords.is_some()));
    }
}
