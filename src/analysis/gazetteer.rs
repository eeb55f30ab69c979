//! The world gazetteer: countries, capitals and large cities, states and
//! provinces, regions and continents, with their alternate forms, from
//! `assets/places.tsv`; and demonyms from `assets/demonyms.tsv`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::phrases::Phrases;
use super::tokens::Token;
use crate::document::Span;

const PLACES_TSV: &str = include_str!("../../assets/places.tsv");
const DEMONYMS_TSV: &str = include_str!("../../assets/demonyms.tsv");

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: &'static str,
    pub coords: Option<(f64, f64)>,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    by_form: Phrases<usize>,
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
        let mut by_form = Phrases::default();
        for line in PLACES_TSV.lines().skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 || f[0].is_empty() {
                continue;
            }
            let id = places.len();
            let coords = f[3].trim().parse().ok().zip(f[4].trim().parse().ok());
            places.push(Place { name: f[0], coords });
            let aliases = f[5].split('|').map(str::trim).filter(|a| !a.is_empty());
            for form in std::iter::once(f[0]).chain(aliases) {
                if !is_proper_form(form) {
                    continue;
                }
                by_form.entry(form, || id);
                by_form.entry(&form.to_uppercase(), || id);
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
        Gazetteer {
            places,
            by_form,
            demonyms,
        }
    }

    /// Place names among the words of a text, longest first.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<PlaceMatch> {
        self.by_form
            .find(text, tokens)
            .into_iter()
            .map(|(span, &place)| PlaceMatch { span, place })
            .collect()
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
