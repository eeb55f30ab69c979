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
    if word.len() > PACKED_LEN {
        return None;
    }
    let mut k = load_le(word);
    if lower {
        k = ascii_lowercase(k);
    }
    // Fits: at most PACKED_LEN.
    Some(k | (word.len() as u128) << (8 * PACKED_LEN))
}

/// Up to 16 bytes as a little-endian number, zero-padded. Two overlapping
/// loads of fixed size instead of a copy of variable length, which would be
/// a call to `memcpy` for each word of a book.
pub fn load_le(b: &[u8]) -> u128 {
    let n = b.len();
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
    let half = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
    match n {
        0 => 0,
        1..4 => {
            u128::from(b[0])
                | u128::from(b[n / 2]) << (8 * (n / 2))
                | u128::from(b[n - 1]) << (8 * (n - 1))
        }
        4..8 => u128::from(half(0)) | u128::from(half(n - 4)) << (8 * (n - 4)),
        8..=16 => u128::from(word(0)) | u128::from(word(n - 8)) << (8 * (n - 8)),
        _ => panic!("load_le takes at most 16 bytes"),
    }
}

/// ASCII uppercase letters of a packed word lowered, all bytes at once.
fn ascii_lowercase(k: u128) -> u128 {
    const LO: u128 = u128::from_le_bytes([1; 16]);
    const HI: u128 = LO << 7;
    // Per byte, with the high bit as the flag: 'A' <= b <= 'Z' and ASCII.
    let y = k & !HI;
    let upper =
        (y + (0x80 - u128::from(b'A')) * LO) & !(y + (0x80 - u128::from(b'Z') - 1) * LO) & !k & HI;
    k | upper >> 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_are_the_bytes_in_order() {
        let text = "abcdefghijklmnopQ";
        for n in 0..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&text.as_bytes()[..n]);
            assert_eq!(
                load_le(&text.as_bytes()[..n]),
                u128::from_le_bytes(buf),
                "{n}"
            );
        }
        let mixed = "AbZ@[`az{ Mc-O'K";
        let lowered = load_le(mixed.to_ascii_lowercase().as_bytes());
        assert_eq!(ascii_lowercase(load_le(mixed.as_bytes())), lowered);
    }

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
