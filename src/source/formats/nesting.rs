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
//!
//! That source-level cap keeps the parser's work linear but can only
//! approximate the tree: the parser adds levels of its own (`tbody`, `tr`,
//! list items, reopened formatting elements). [`flatten`] then bounds the
//! parsed tree exactly, and the recursive steps after it rely on that.

use std::borrow::Cow;
use std::ops::Range;

use dom_query::{Document, NodeRef};

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

/// HTML elements that, met in SVG or MathML, end it.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// SVG and MathML elements whose content is HTML again.
const INTEGRATION: &[&str] = &[
    "foreignobject",
    "desc",
    "title",
    "annotation-xml",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
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
    let mut open = Open::default();
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
        // Raw text is an HTML rule: in SVG or MathML a `<style>` holds tags.
        let raw_text = !open.foreign() && tag.kind.holds_raw_text();
        let keep = match tag.kind {
            Kind::Skip => true,
            Kind::Start(ref name, self_closing) => open.start(name, self_closing),
            Kind::End(ref name) => open.end(name),
        };
        if !keep {
            edited.cut(lt..tag.end);
        }
        at = match tag.kind {
            Kind::Start(ref name, _) if raw_text => raw_text_end(html, tag.end, name),
            _ => tag.end,
        };
        text_from = at;
    }
    split_text(&mut edited, text_from..html.len());
    edited.finish()
}

/// Unwrap every element of the parsed page nested deeper than
/// [`MAX_DEPTH`], its content kept in place and in order.
pub fn flatten(page: &Document) {
    let mut todo: Vec<(NodeRef, usize)> = vec![(page.root(), 0)];
    while let Some((node, depth)) = todo.pop() {
        let children = node.children();
        let depth = if depth > MAX_DEPTH && node.is_element() {
            unwrap(&node);
            depth
        } else {
            depth + 1
        };
        todo.extend(children.into_iter().map(|c| (c, depth)));
    }
}

/// Put a node's children in its place.
fn unwrap(node: &NodeRef) {
    if let Some(first) = node.first_child() {
        node.insert_siblings_before(&first);
    }
    node.remove_from_parent();
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

/// The elements open at a point of the scan, as far as it can tell them
/// without building the tree.
#[derive(Default)]
struct Open {
    /// Each element's name and whether its content is SVG or MathML.
    elements: Vec<(String, bool)>,
}

impl Open {
    /// Whether the content at this point is SVG or MathML, where `/>`
    /// closes an element (in HTML `<div/>` opens one).
    fn foreign(&self) -> bool {
        self.elements.last().is_some_and(|&(_, foreign)| foreign)
    }

    /// Open an element; whether its start tag is kept. Elements are only
    /// ever closed from the top, so the kept ones are the first
    /// [`MAX_DEPTH`]; below them even rows, cells and items go, or the
    /// parser would nest those.
    fn start(&mut self, name: &str, self_closing: bool) -> bool {
        if self.foreign() && BREAKOUT.contains(&name) {
            // The parser closes the SVG or MathML around an HTML tag.
            while self.foreign() {
                self.elements.pop();
            }
        }
        let foreign = self.foreign();
        let opens_foreign = matches!(name, "svg" | "math");
        let no_level = if foreign || opens_foreign {
            self_closing
        } else {
            VOID.contains(&name) || SELF_ENDING.contains(&name)
        };
        if no_level {
            return self.elements.len() < MAX_DEPTH;
        }
        let content_foreign = opens_foreign || (foreign && !INTEGRATION.contains(&name));
        self.elements.push((name.to_string(), content_foreign));
        self.elements.len() <= MAX_DEPTH
    }

    /// Close an element; whether its end tag is kept. An end tag with no
    /// start tag near enough is left to the parser.
    fn end(&mut self, name: &str) -> bool {
        let open = &mut self.elements;
        let reach = open.len().saturating_sub(END_TAG_REACH);
        match open[reach..].iter().rposition(|(n, _)| n == name) {
            Some(i) => {
                open.truncate(reach + i);
                reach + i < MAX_DEPTH
            }
            None => open.len() < MAX_DEPTH,
        }
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
    /// A start tag and whether it ends in `/>`.
    Start(String, bool),
    End(String),
    /// A comment, doctype or processing instruction.
    Skip,
}

impl Kind {
    fn holds_raw_text(&self) -> bool {
        matches!(self, Kind::Start(name, _) if RAW_TEXT.contains(&name.as_str()))
    }
}

struct Tag {
    kind: Kind,
    /// Just past the tag's `>`.
    end: usize,
}

impl Tag {
    /// The tag at `lt` (a `<`), if one starts there. Names and ends are
    /// read as the HTML tokenizer reads them: a scan that saw a different
    /// tag than the parser would let nesting through uncounted.
    fn read(html: &str, lt: usize) -> Option<Tag> {
        let rest = &html[lt + 1..];
        let skip = |end| {
            Some(Tag {
                kind: Kind::Skip,
                end,
            })
        };
        if rest.starts_with("!--") {
            return skip(comment_end(html, lt + 4));
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            // Doctypes and bogus comments end at the first `>`, quoted or not.
            return skip(
                memchr::memchr(b'>', &html.as_bytes()[lt..]).map_or(html.len(), |i| lt + i + 1),
            );
        }
        let (closing, name_at) = match rest.strip_prefix('/') {
            Some(_) => (true, lt + 2),
            None => (false, lt + 1),
        };
        if !html
            .as_bytes()
            .get(name_at)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            return None;
        }
        let name_len = html.as_bytes()[name_at..]
            .iter()
            .take_while(|&&b| !ends_name(b))
            .count();
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let end = tag_end(html, name_at + name_len);
        let kind = if closing {
            Kind::End(name)
        } else {
            Kind::Start(name, html[..end].ends_with("/>"))
        };
        Some(Tag { kind, end })
    }
}

/// Whether a byte ends a tag or attribute name.
fn ends_name(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
}

/// Just past a comment whose text starts at `from`: `<!-->` and `<!--->`
/// are whole comments, and `--!>` ends one as `-->` does.
fn comment_end(html: &str, from: usize) -> usize {
    let rest = &html[from..];
    if rest.starts_with('>') {
        return from + 1;
    }
    if rest.starts_with("->") {
        return from + 2;
    }
    let close = |pat: &str| rest.find(pat).map(|i| from + i + pat.len());
    match (close("-->"), close("--!>")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(html.len()),
    }
}

/// Where the tokenizer is between a tag's name and its `>`.
#[derive(Clone, Copy, PartialEq)]
enum Attr {
    BeforeName,
    /// In a name, which may hold quotes and start with `=`.
    Name,
    AfterName,
    BeforeValue,
    Quoted(u8),
    Unquoted,
}

impl Attr {
    /// The state after byte `b`, `None` at the `>` that ends the tag.
    fn next(self, b: u8) -> Option<Attr> {
        let space = b.is_ascii_whitespace();
        Some(match (self, b) {
            (Attr::Quoted(q), _) if q == b => Attr::BeforeName,
            (Attr::Quoted(q), _) => Attr::Quoted(q),
            (_, b'>') => return None,
            (Attr::Unquoted, _) if space => Attr::BeforeName,
            (Attr::Unquoted, _) => Attr::Unquoted,
            (Attr::BeforeValue, b'"' | b'\'') => Attr::Quoted(b),
            (Attr::BeforeValue, _) if space => Attr::BeforeValue,
            (Attr::BeforeValue, _) => Attr::Unquoted,
            (Attr::Name | Attr::AfterName, b'=') => Attr::BeforeValue,
            (_, b'/') => Attr::BeforeName,
            (Attr::Name | Attr::AfterName, _) if space => Attr::AfterName,
            (Attr::BeforeName, _) if space => Attr::BeforeName,
            _ => Attr::Name,
        })
    }
}

/// Just past the `>` that ends the tag whose attributes start at `from`;
/// the end of the page if none does. Quotes count only where they open an
/// attribute value: `<b'c>` ends at its `>`.
fn tag_end(html: &str, from: usize) -> usize {
    let mut state = Attr::BeforeName;
    for (i, &b) in html.as_bytes()[from..].iter().enumerate() {
        match state.next(b) {
            Some(next) => state = next,
            None => return from + i + 1,
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
    fn quotes_outside_attribute_values_do_not_hide_the_rest_of_the_page() {
        // The first three open an element, the others are comments.
        let openers = [
            "<x'y>",
            "<a title=it's>",
            "<a ='x>",
            "<!x'>",
            "<!-->",
            "<!--->",
        ];
        for (i, opener) in openers.into_iter().enumerate() {
            let page = format!("{opener}{}", nested("b", 1000));
            let levels = if i < 3 { MAX_DEPTH - 1 } else { MAX_DEPTH };
            assert_eq!(depth_of(&cap(&page), "b"), levels, "{opener}");
        }
        let quoted = "<a title='a > b'>x</a><p>y";
        assert!(matches!(cap(quoted), Cow::Borrowed(_)));
    }

    #[test]
    fn an_end_tag_closes_only_its_own_name() {
        // The parser reads `<b.x>` as an element named `b.x`: `</b>` leaves it open.
        let page = "<b.x></b>".repeat(1000);
        assert_eq!(cap(&page).matches("<b.x>").count(), MAX_DEPTH);
    }

    #[test]
    fn slash_closes_elements_in_svg_only() {
        let page = "<div/>".repeat(1000);
        assert_eq!(cap(&page).matches("<div/>").count(), MAX_DEPTH);
        let icon = format!("<svg>{}</svg><p>x", "<path d='M0'/>".repeat(1000));
        assert!(matches!(cap(&icon), Cow::Borrowed(_)));
        // An HTML tag ends the SVG: after it `/>` opens elements again.
        let escaped = format!("<svg><p>{}", "<span/>".repeat(1000));
        assert_eq!(cap(&escaped).matches("<span/>").count(), MAX_DEPTH);
    }

    fn depth_of_tree(page: &Document) -> usize {
        let mut deepest = 0;
        let mut todo = vec![(page.root(), 0)];
        while let Some((node, depth)) = todo.pop() {
            deepest = deepest.max(depth);
            todo.extend(node.children().into_iter().map(|c| (c, depth + 1)));
        }
        deepest
    }

    #[test]
    fn flattening_bounds_the_parsed_tree_and_keeps_the_text_in_order() {
        // Each table adds four levels to the tree (`tbody`, `tr` and `td`
        // are implied), more than the scan of the source can count.
        let cells: String = (0..400).map(|i| format!("<table><td>{i} ")).collect();
        let page = Document::from(format!("<body>{cells}</body>"));
        assert!(depth_of_tree(&page) > 4 * 400);
        flatten(&page);
        assert!(depth_of_tree(&page) <= MAX_DEPTH + 1);
        let text = page.root().text();
        let numbers: Vec<usize> = text
            .split_whitespace()
            .map(|w| w.parse().unwrap())
            .collect();
        assert_eq!(numbers, (0..400).collect::<Vec<_>>());
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
