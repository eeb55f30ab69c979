//! A cap on how deep a page's elements nest, applied to the HTML source
//! before it is parsed. The parser, the DOM and readability all walk the
//! tree recursively or rescan ancestors: thousands of nested `<b>` or
//! `<div>` overflow the stack (worker threads have small ones) or take
//! quadratic time. Real articles nest a few dozen levels; tags opened
//! deeper than [`MAX_DEPTH`] are dropped with their end tags, their text
//! kept.
//!
//! The same pass cuts very long runs of text with an empty comment:
//! html5ever's serializer, which readability calls, searches the rest of a
//! text node again at every character it escapes, quadratic in one long
//! node full of `&`. A comment splits the node and changes no text.

use std::borrow::Cow;
use std::ops::Range;

/// Deeper than any real page, shallow enough for a worker's stack.
pub const MAX_DEPTH: usize = 160;

/// How far up the open elements an end tag looks for its start tag: a
/// stray end tag then costs a bounded scan, not one over the whole stack.
const END_TAG_REACH: usize = 32;

/// Elements without content: they never open a level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag is often left out (the parser closes them at the
/// next sibling): counting them as levels would let a long list of
/// unclosed paragraphs look deep.
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rt", "rp",
];

/// Elements whose content is raw text, never tags (nor comments).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noembed", "noscript", "noframes", "iframe",
];

/// Text runs longer than this are split (see the module comment).
const TEXT_RUN: usize = 4096;

/// The page with every element nested deeper than [`MAX_DEPTH`] unwrapped
/// and long text runs split; borrowed unchanged when there is neither.
pub fn cap(html: &str) -> Cow<'_, str> {
    let mut open: Vec<String> = Vec::new();
    let mut edited = Edited {
        html,
        out: None,
        copied: 0,
    };
    let mut at = 0;
    let mut text_from = 0;
    let bytes = html.as_bytes();
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let Some(tag) = Tag::read(html, lt) else {
            at = lt + 1;
            continue;
        };
        split_text(&mut edited, text_from..lt);
        let keep = match tag.kind {
            Kind::Skip => true,
            Kind::Start(ref name) => start(&mut open, name),
            Kind::End(ref name) => end(&mut open, name),
        };
        if !keep {
            edited.cut(lt..tag.end);
        }
        at = match tag.kind {
            Kind::Start(ref name) if RAW_TEXT.contains(&name.as_str()) => {
                raw_text_end(html, tag.end, name)
            }
            _ => tag.end,
        };
        text_from = at;
    }
    split_text(&mut edited, text_from..html.len());
    edited.finish()
}

/// The page being rewritten front to back: copied only once it changes.
struct Edited<'a> {
    html: &'a str,
    out: Option<String>,
    /// The page is copied up to here.
    copied: usize,
}

impl<'a> Edited<'a> {
    /// The copy, up to `to`.
    fn copy_to(&mut self, to: usize) -> &mut String {
        let (html, from) = (self.html, self.copied);
        let buf = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len() + html.len() / 256));
        buf.push_str(&html[from..to]);
        self.copied = to;
        buf
    }

    fn cut(&mut self, range: Range<usize>) {
        self.copy_to(range.start);
        self.copied = range.end;
    }

    fn insert(&mut self, at: usize, s: &str) {
        self.copy_to(at).push_str(s);
    }

    /// The page, with the rest copied if anything changed.
    fn finish(mut self) -> Cow<'a, str> {
        if self.out.is_none() {
            return Cow::Borrowed(self.html);
        }
        let end = self.html.len();
        Cow::Owned(std::mem::take(self.copy_to(end)))
    }
}

/// An empty comment every [`TEXT_RUN`] bytes of a run of text, before a
/// space, an `&` or a 0xC2 lead byte: never inside a character reference
/// or a character.
fn split_text(edited: &mut Edited, run: Range<usize>) {
    let bytes = edited.html.as_bytes();
    let mut from = run.start;
    while run.end - from > TEXT_RUN {
        let target = from + TEXT_RUN;
        let Some(i) = memchr::memchr3(b' ', b'&', 0xC2, &bytes[target..run.end]) else {
            return;
        };
        from = target + i;
        edited.insert(from, "<!---->");
    }
}

/// Open an element; whether its start tag is kept. Elements are only ever
/// closed from the top, so the kept ones are the first [`MAX_DEPTH`]; below
/// them even rows, cells and items go, or the parser would nest those.
fn start(open: &mut Vec<String>, name: &str) -> bool {
    if VOID.contains(&name) || SELF_ENDING.contains(&name) {
        return open.len() < MAX_DEPTH;
    }
    open.push(name.to_string());
    open.len() <= MAX_DEPTH
}

/// Close an element; whether its end tag is kept. An end tag with no start
/// tag near enough is left to the parser.
fn end(open: &mut Vec<String>, name: &str) -> bool {
    let reach = open.len().saturating_sub(END_TAG_REACH);
    match open[reach..].iter().rposition(|n| n == name) {
        Some(i) => {
            open.truncate(reach + i);
            reach + i < MAX_DEPTH
        }
        None => open.len() < MAX_DEPTH,
    }
}

/// Where a raw-text element's content ends: at its end tag, or the end of
/// the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    let rest = &html.as_bytes()[from..];
    memchr::memmem::find_iter(rest, close.as_bytes())
        .next()
        .map_or(html.len(), |i| from + i)
}

enum Kind {
    Start(String),
    End(String),
    /// A comment, doctype or processing instruction.
    Skip,
}

struct Tag {
    kind: Kind,
    /// Just past the tag's `>`.
    end: usize,
}

impl Tag {
    /// The tag at `lt` (a `<`), if one starts there.
    fn read(html: &str, lt: usize) -> Option<Tag> {
        let rest = &html[lt + 1..];
        if let Some(body) = rest.strip_prefix("!--") {
            let end = body.find("-->").map_or(html.len(), |i| lt + 4 + i + 3);
            return Some(Tag {
                kind: Kind::Skip,
                end,
            });
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            return Some(Tag {
                kind: Kind::Skip,
                end: tag_end(html, lt),
            });
        }
        let (closing, name_at) = match rest.strip_prefix('/') {
            Some(_) => (true, lt + 2),
            None => (false, lt + 1),
        };
        let name_len = html[name_at..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 || !html.as_bytes()[name_at].is_ascii_alphabetic() {
            return None;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let end = tag_end(html, name_at + name_len);
        let self_closing = html[..end].ends_with("/>");
        let kind = match (closing, self_closing) {
            (true, _) => Kind::End(name),
            (false, true) => Kind::Skip,
            (false, false) => Kind::Start(name),
        };
        Some(Tag { kind, end })
    }
}

/// Just past the `>` that ends the tag from `from`, outside quoted
/// attribute values; the end of the page if none does.
fn tag_end(html: &str, from: usize) -> usize {
    let mut quote = None;
    for (i, b) in html.as_bytes()[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), _) if q == *b => quote = None,
            (None, b'>') => return from + i + 1,
            _ => {}
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, n: usize) -> String {
        format!("<{tag}>").repeat(n) + "Hi" + &format!("</{tag}>").repeat(n)
    }

    fn depth_of(html: &str, tag: &str) -> usize {
        html.matches(&format!("<{tag}>")).count()
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>One<p>Two <b>x</b><br><img src='a>b'></div></body></html>";
        assert!(matches!(cap(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_cap_and_the_text_kept() {
        let page = nested("b", 5000);
        let capped = cap(&page);
        assert_eq!(depth_of(&capped, "b"), MAX_DEPTH);
        assert_eq!(capped.matches("</b>").count(), MAX_DEPTH);
        assert!(capped.contains("Hi"));
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_do_not_count_as_depth() {
        let page = format!("<ul>{}</ul>", "<li><p>item".repeat(1000));
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_in_comments_and_scripts_are_not_counted() {
        let inner = "<div>".repeat(1000);
        let page = format!("<!-- {inner} --><script>var s = '{inner}';</script><p>x");
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_split_by_comments_between_words_and_references() {
        let text = "Tom &amp; Jerry \u{a0}said so. ".repeat(1000);
        let page = format!("<p>{text}</p><title>{text}</title>");
        let split = cap(&page);
        let pieces = split.matches("<!---->").count();
        assert!(pieces >= text.len() / TEXT_RUN - 1 && pieces <= text.len() / TEXT_RUN);
        assert_eq!(split.replace("<!---->", ""), page);
        // Never inside a reference or a character, never in raw text.
        for piece in split.split("<!---->").skip(1) {
            assert!(piece.starts_with([' ', '&', '\u{a0}']), "{}", &piece[..20]);
        }
        assert!(
            split
                .split("<title>")
                .nth(1)
                .is_some_and(|t| !t.contains("<!---->"))
        );
    }

    #[test]
    fn a_tag_cut_by_the_end_of_the_page_is_no_panic() {
        for page in [
            "<",
            "<div",
            "<div class=\"a>",
            "</",
            "<!--",
            "<!doc",
            "<script>x",
        ] {
            assert_eq!(cap(page), page);
        }
    }
}
