//! Saved web pages: the article is taken out of the page's clutter by
//! dom_smoothie (a Readability port) in Markdown text mode, then goes
//! through the Markdown path. The title comes from `og:title`, the
//! readability title (the page title without the site name) or the first
//! `h1`; the byline becomes a `By …` line under it.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// Elements that are never article text, removed before readability runs.
const CLUTTER: &str = "script, style, noscript, template, nav, footer, aside, form, iframe, \
                       svg, button, figure, [role=navigation], [role=complementary], \
                       [aria-hidden=true], .ad, .ads, .advert, .advertisement, .sponsored, \
                       .promo, .newsletter, .share, .social, .related, .comments, #comments, \
                       .comment, [class*=ad-slot], [class*=sponsor], [id^=ad-], [id^=google_ads]";

/// Convert a page; the warning says when readability found no article and
/// the fallback was used.
pub fn to_plain(html: &str) -> (String, Option<String>) {
    let page = Document::from(&*super::nesting::cap(html));
    super::nesting::flatten(&page);
    let og_title = page
        .select(r#"meta[property="og:title"]"#)
        .attr("content")
        .map(|t| clean(&t))
        .filter(|t| !t.is_empty());
    let h1 = || {
        let t = clean(&page.select("h1").first().text());
        (!t.is_empty()).then_some(t)
    };
    let config = Config {
        text_mode: TextMode::Markdown,
        ..Config::default()
    };
    page.select(CLUTTER).remove();
    let parsed =
        Readability::with_document(page.clone(), None, Some(config)).and_then(|mut r| r.parse());
    let (title, byline, body, warning) = match parsed {
        Ok(article) => {
            let title = og_title
                .or_else(|| Some(clean(&article.title)).filter(|t| !t.is_empty()))
                .or_else(h1);
            let body = super::markdown::to_blocks_of_decoded(&article.text_content);
            (title, article.byline.map(|b| clean(&b)), body, None)
        }
        Err(e) => {
            let title = og_title.or_else(h1).or_else(|| {
                let t = clean(&page.select("title").first().text());
                (!t.is_empty()).then_some(t)
            });
            (
                title,
                None,
                fallback_blocks(&page),
                Some(format!(
                    "no article found in the page ({e}); showing its text"
                )),
            )
        }
    };
    (assemble(title, byline, body), warning)
}

/// Title line, byline, then the body without a repeat of the title.
fn assemble(title: Option<String>, byline: Option<String>, body: Vec<String>) -> String {
    let mut blocks = Vec::with_capacity(body.len() + 2);
    let mut body = body.into_iter().peekable();
    match title {
        Some(t) => {
            // The body often repeats the headline as its first heading.
            while body.peek().is_some_and(|b| b.trim_start_matches("# ") == t) {
                body.next();
            }
            blocks.push(t);
        }
        None => {
            // The first block is the title; without its heading marks.
            if let Some(first) = body.next() {
                blocks.push(first.trim_start_matches("# ").to_string());
            }
        }
    }
    if let Some(b) = byline.filter(|b| !b.is_empty()) {
        let line = if b.starts_with("By ") || b.starts_with("by ") {
            b
        } else {
            format!("By {b}")
        };
        if body.peek() != Some(&line) {
            blocks.push(line);
        }
    }
    blocks.extend(body);
    super::join_blocks(&blocks)
}

/// Without a readable article: the text of paragraphs and headings outside
/// the page's navigation and scripts.
fn fallback_blocks(page: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in page.select("h1, h2, h3, h4, p, li, blockquote").nodes() {
        let t = clean(&node.text());
        if t.is_empty() {
            continue;
        }
        let heading = node
            .node_name()
            .is_some_and(|n| n.starts_with('h') && n.len() == 2);
        out.push(if heading { format!("# {t}") } else { t });
    }
    out
}

/// One line with single spaces.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "<p>The minister said on Monday that the talks in Geneva would go on for \
                        another week, and that both delegations had agreed to the plan.</p>";

    fn page(head: &str, article: &str) -> String {
        format!(
            "<!doctype html><html><head>{head}</head><body><nav><a href=/>Home</a> \
             <a href=/world>World</a></nav><article>{article}</article>\
             <footer>Copyright Example News</footer></body></html>"
        )
    }

    #[test]
    fn og_title_wins_and_the_repeated_headline_is_dropped() {
        let html = page(
            r#"<meta property="og:title" content="Talks Go On"><title>Talks | Example News</title>"#,
            &format!("<h1>Talks Go On</h1>{BODY}{BODY}{BODY}"),
        );
        let (text, warning) = to_plain(&html);
        assert!(warning.is_none());
        assert!(
            text.starts_with("Talks Go On\n\nThe minister said"),
            "{text}"
        );
        assert!(
            !text.contains("Home") && !text.contains("Copyright"),
            "{text}"
        );
    }

    #[test]
    fn assemble_adds_the_byline_once() {
        let text = assemble(
            Some("T".into()),
            Some("Jane Roe".into()),
            vec!["# T".into(), "Body.".into()],
        );
        assert_eq!(text, "T\n\nBy Jane Roe\n\nBody.\n");
        let text = assemble(None, None, vec!["# Head".into(), "Body.".into()]);
        assert_eq!(text, "Head\n\nBody.\n");
    }

    #[test]
    fn a_page_without_an_article_falls_back_to_its_text() {
        let html = "<html><head><title>Tiny</title><script>var x = 1;</script></head>\
                    <body><nav>Menu</nav><p>Short words.</p></body></html>";
        let (text, warning) = to_plain(html);
        assert!(text.contains("Short words."), "{text}");
        assert!(!text.contains("var x") && !text.contains("Menu"), "{text}");
        if warning.is_some() {
            assert!(text.starts_with("Tiny"), "{text}");
        }
    }
}
