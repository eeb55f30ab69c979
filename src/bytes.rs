//! Byte searches for the input and the parser. memchr picks its vector
//! code by asking the CPU for its features, once per process, and under a
//! hypervisor that question costs tens of microseconds: more than the
//! first screen of an article spends on all its searching. Short texts are
//! searched with memchr's portable code, which asks nothing; long ones
//! with the vector code, which pays the question back at once.

use memchr::arch::all::memchr::{One, Three};

/// Haystacks shorter than this are searched without asking the CPU.
const SHORT: usize = 64 * 1024;

/// The first `needle` in `hay`.
pub fn find(needle: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < SHORT {
        One::new(needle).find(hay)
    } else {
        memchr::memchr(needle, hay)
    }
}

/// The last `needle` in `hay`.
pub fn rfind(needle: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < SHORT {
        One::new(needle).rfind(hay)
    } else {
        memchr::memrchr(needle, hay)
    }
}

/// The first of three bytes in `hay`.
pub fn find3(a: u8, b: u8, c: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < SHORT {
        Three::new(a, b, c).find(hay)
    } else {
        memchr::memchr3(a, b, c, hay)
    }
}

/// Every position of `needle` in `hay`, in order.
pub fn positions(needle: u8, hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let i = at + find(needle, hay.get(at..)?)?;
        at = i + 1;
        Some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_haystacks_are_searched_alike() {
        for len in [0, 1, 7, 100, SHORT - 1, SHORT, 3 * SHORT] {
            let mut hay = vec![b'a'; len];
            for i in (5..len).step_by(997) {
                hay[i] = b'\n';
            }
            if len > 3 {
                hay[len - 2] = b'?';
            }
            let expected: Vec<usize> = (0..len).filter(|&i| hay[i] == b'\n').collect();
            assert_eq!(positions(b'\n', &hay).collect::<Vec<_>>(), expected);
            assert_eq!(find(b'\n', &hay), expected.first().copied());
            assert_eq!(rfind(b'\n', &hay), expected.last().copied());
            let first3 = (0..len).find(|&i| matches!(hay[i], b'\n' | b'?' | b'!'));
            assert_eq!(find3(b'!', b'?', b'\n', &hay), first3);
        }
    }
}
