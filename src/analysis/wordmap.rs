//! Tables keyed by single words. The analysis asks them about nearly every
//! word of a text, so a word of up to 15 bytes, nearly all, is keyed by its
//! bytes packed into a number: hashing and comparing it takes a few
//! instructions, where a string key costs a hash loop and a `memcmp`.

use rustc_hash::FxHashMap as HashMap;

/// Most bytes a packed key holds; its last byte is the word's length, so
/// that no two words share a key.
const PACKED_LEN: usize = 15;

pub struct WordMap<V> {
    short: HashMap<u128, V>,
    long: HashMap<Box<str>, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    pub fn insert(&mut self, word: &str, value: V) {
        match key(word.as_bytes(), false) {
            Some(k) => self.short.insert(k, value),
            None => self.long.insert(word.into(), value),
        };
    }

    pub fn get(&self, word: &str) -> Option<&V> {
        match key(word.as_bytes(), false) {
            Some(k) => self.short.get(&k),
            None => self.long.get(word),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The value of the word with its ASCII letters lowered, without
    /// allocating for short words.
    pub fn get_ascii_lowercase(&self, word: &str) -> Option<&V> {
        match key(word.as_bytes(), true) {
            Some(k) => self.short.get(&k),
            None => self.long.get(word.to_ascii_lowercase().as_str()),
        }
    }
}

impl<'a, V> FromIterator<(&'a str, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'a str, V)>>(iter: I) -> Self {
        let mut map = WordMap::default();
        for (word, value) in iter {
            map.insert(word, value);
        }
        map
    }
}

/// The packed key of a short word, ASCII letters lowered if `lower`.
fn key(word: &[u8], lower: bool) -> Option<u128> {
    let mut buf = [0u8; PACKED_LEN + 1];
    let bytes = buf
        .get_mut(..word.len())
        .filter(|_| word.len() <= PACKED_LEN)?;
    bytes.copy_from_slice(word);
    if lower {
        bytes.make_ascii_lowercase();
    }
    // Fits: at most PACKED_LEN.
    buf[PACKED_LEN] = word.len() as u8;
    Some(u128::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_padding_and_case() {
        let long = "Counterintelligence";
        let map: WordMap<u8> = [("de", 1), ("de\0", 2), (long, 3), ("", 4)]
            .into_iter()
            .collect();
        assert_eq!(map.get("de"), Some(&1));
        assert_eq!(map.get("de\0"), Some(&2), "padding is not a NUL byte");
        assert_eq!(map.get(long), Some(&3));
        assert_eq!(map.get(""), Some(&4));
        assert_eq!(map.get("De"), None);
        assert_eq!(map.get_ascii_lowercase("DE"), Some(&1));
        assert_eq!(map.get_ascii_lowercase("COUNTERINTELLIGENCE"), None);
        let lower: WordMap<()> = [("counterintelligence", ())].into_iter().collect();
        assert!(lower.get_ascii_lowercase(long).is_some());
        assert!(!map.contains("d"));
    }
}
