//! The world gazetteer: countries, capitals and large cities, states and
//! provinces, regions and continents, with their alternate forms, from
//! `assets/places.tsv`; and demonyms from `assets/demonyms.tsv`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::tokens::{Token, word_spans};
use crate::document::Span;

const PLACES_TSV: &str = include_str!("../../assets/places.tsv");
const DEMONYMS_TSV: &str = include_str!("../../assets/demonyms.tsv");

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: &'static str,
    pub kind: &'static str,
    pub country: &'static str,
    pub coords: Option<(f64, f64)>,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    /// For each word that starts a place name, the most words such a name
    /// has: most capitalized words need one look-up to be ruled out.
    starts: HashMap<String, usize>,
    by_form: HashMap<String, usize>,
    demonyms: HashMap<&'static str, usize>,
}

/// A place name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    pub span: Span,
    pub place: usize,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut places = Vec::new();
        let mut by_form = HashMap::default();
        for line in PLACES_TSV.lines().skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 || f[0].is_empty() {
                continue;
            }
            let id = places.len();
            let coords = f[3].trim().parse().ok().zip(f[4].trim().parse().ok());
            places.push(Place {
                name: f[0],
                kind: f[1],
                country: f[2],
                coords,
            });
            let aliases = f[5].split('|').map(str::trim).filter(|a| !a.is_empty());
            for form in std::iter::once(f[0]).chain(aliases) {
                if !is_proper_form(form) {
                    continue;
                }
                by_form.entry(form.to_string()).or_insert(id);
                by_form.entry(form.to_uppercase()).or_insert(id);
            }
        }
        let mut demonyms = HashMap::default();
        for line in DEMONYMS_TSV.lines().skip(1) {
            if let Some((demonym, place)) = line.split_once('\t')
                && let Some(&id) = by_form.get(place.trim())
            {
                demonyms.insert(demonym.trim(), id);
            }
        }
        let mut starts: HashMap<String, usize> = HashMap::default();
        for form in by_form.keys() {
            let words: Vec<Span> = word_spans(form).collect();
            if let Some(first) = words.first() {
                let longest = starts.entry(form[first.clone()].to_string()).or_insert(0);
                *longest = (*longest).max(words.len());
            }
        }
        Gazetteer {
            places,
            starts,
            by_form,
            demonyms,
        }
    }

    /// Place names among the words of a text, longest first: "Hong Kong",
    /// "Washington, D.C.", and the parts of compounds ("US-Ukraine").
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<PlaceMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let first = tokens[i].text(text);
            let longest = self.starts.get(first).copied().unwrap_or(0);
            let found = (1..=longest.min(tokens.len() - i)).rev().find_map(|n| {
                let last = &tokens[i + n - 1];
                let span = tokens[i].span.start..last.span.end;
                // "Calif." keeps its period; a sentence's last word does not.
                let dotted = span.start..span.end + 1;
                if text[span.end..].starts_with('.')
                    && let Some(place) = self.lookup(&text[dotted.clone()])
                {
                    return Some((
                        n,
                        PlaceMatch {
                            span: dotted,
                            place,
                        },
                    ));
                }
                let place = self.lookup(&text[span.clone()])?;
                Some((n, PlaceMatch { span, place }))
            });
            match found {
                Some((n, m)) => {
                    out.push(m);
                    i += n;
                }
                None => {
                    self.compound_parts(text, &tokens[i].span, &mut out);
                    i += 1;
                }
            }
        }
        out
    }

    /// "US-Ukraine" names two places.
    fn compound_parts(&self, text: &str, span: &Span, out: &mut Vec<PlaceMatch>) {
        let word = &text[span.clone()];
        if !word.contains(['-', '‑']) {
            return;
        }
        let mut start = span.start;
        for part in word.split(['-', '‑']) {
            if let Some(place) = self.lookup(part) {
                out.push(PlaceMatch {
                    span: start..start + part.len(),
                    place,
                });
            }
            start += part.len();
            // Step over the hyphen that ended this part.
            start += text[start..].chars().next().map_or(0, char::len_utf8);
        }
    }

    /// The place a name form stands for ("U.S." -> United States).
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.by_form.get(form).copied()
    }

    /// The place a demonym refers to ("French" -> France, "Ukrainians" ->
    /// Ukraine).
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(word).copied().or_else(|| {
            let singular = word.strip_suffix('s')?;
            self.demonyms.get(singular).copied()
        })
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

pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let dotted_end = text[start..end].ends_with('.');
    !before.is_some_and(char::is_alphanumeric)
        && (dotted_end || !after.is_some_and(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, &'static str)> {
        let g = gazetteer();
        let doc = crate::document::Document::parse(text);
        let tokens = crate::analysis::tokens::tokenize(&doc);
        g.find(text, &tokens)
            .into_iter()
            .map(|m| (&text[m.span], g.places[m.place].name))
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
        assert!(names("Ukrainians and Russian officials in Chinatown").is_empty());
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
    fn every_place_has_coordinates() {
        let g = gazetteer();
        assert!(g.places.len() > 500);
        assert!(g.places.iter().all(|p| p.coords.is_some()));
    }
}
