//! Markdown to the plain-text article form with pulldown-cmark: headings
//! become `# ` lines, paragraphs, list items and quoted paragraphs become
//! paragraphs, emphasis and links keep their text, images, raw HTML and
//! markup are dropped.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Convert a Markdown article.
pub fn to_plain(md: &str) -> String {
    super::join_blocks(&to_blocks(md))
}

/// The article's blocks, one line each, headings prefixed with `# `.
pub fn to_blocks(md: &str) -> Vec<String> {
    blocks_with(md, Writer::default())
}

/// The blocks of Markdown whose character references were already decoded
/// (readability's output): an `&` in it is text, so `&amp;lt;` in a page
/// stays `&lt;` instead of being decoded a second time into `<`.
pub fn to_blocks_of_decoded(md: &str) -> Vec<String> {
    let w = Writer {
        amp_escaped: true,
        ..Writer::default()
    };
    blocks_with(&md.replace('&', "&amp;"), w)
}

fn blocks_with(md: &str, mut w: Writer) -> Vec<String> {
    for event in Parser::new(md) {
        w.event(event);
    }
    w.flush();
    w.blocks
}

#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    /// Text of the block being written.
    current: String,
    /// Put before the next block's text: a list marker.
    prefix: String,
    heading: bool,
    /// Inside an image: its alt text is not article text.
    image_depth: usize,
    /// Next number of each open list (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// Every `&` of the source was written as `&amp;`: code, where the
    /// parser decodes no references, must be given its `&` back.
    amp_escaped: bool,
    in_code_block: bool,
}

impl Writer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.in_code_block => self.push_code(&t),
            Event::Code(t) => self.push_code(&t),
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.push_text(&t),
            Event::SoftBreak | Event::HardBreak => self.current.push(' '),
            Event::FootnoteReference(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }

    fn push_text(&mut self, t: &str) {
        if self.image_depth == 0 {
            self.current.push_str(t);
        }
    }

    fn push_code(&mut self, t: &str) {
        if self.amp_escaped {
            self.push_text(&t.replace("&amp;", "&"));
        } else {
            self.push_text(t);
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::CodeBlock(_) => {
                self.flush();
                self.in_code_block = true;
            }
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::HtmlBlock => self.flush(),
            Tag::Heading { .. } => {
                self.flush();
                self.prefix.clear();
                self.heading = true;
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush();
                self.prefix = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "• ".to_string(),
                };
            }
            Tag::Image { .. } => self.image_depth += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.in_code_block = false;
            }
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::HtmlBlock => self.flush(),
            _ => {}
        }
    }

    /// End the current block: one line, runs of white space collapsed.
    fn flush(&mut self) {
        let words: Vec<&str> = self.current.split_whitespace().collect();
        if !words.is_empty() {
            let text = words.join(" ");
            let block = if self.heading {
                format!("# {text}")
            } else {
                // A paragraph that starts like a heading (`\# not a heading`)
                // must not become one: its marks are dropped.
                let text = if text.trim_start_matches('#').starts_with(' ') {
                    text.trim_start_matches('#').trim_start().to_string()
                } else {
                    text
                };
                format!("{}{text}", std::mem::take(&mut self.prefix))
            };
            self.blocks.push(block);
        }
        self.current.clear();
        self.heading = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_inline_markup() {
        let md = "# The *Big* Story\n\nA paragraph with **bold**, _emphasis_,\na [link](http://x.org) \
                  and `code`.\n\n## Background\n\nMore text.\n";
        assert_eq!(
            to_blocks(md),
            [
                "# The Big Story",
                "A paragraph with bold, emphasis, a link and code.",
                "# Background",
                "More text."
            ]
        );
    }

    #[test]
    fn lists_quotes_images_and_html_are_flattened() {
        let md = "Title\n\n- one\n- two\n\n3. three\n4. four\n\n> Quoted \"words\" here.\n\n\
                  ![a chart](c.png)\n\n<div class=ad>Buy now</div>\n\n---\n\nEnd.";
        assert_eq!(
            to_blocks(md),
            [
                "Title",
                "• one",
                "• two",
                "3. three",
                "4. four",
                "Quoted \"words\" here.",
                "End."
            ]
        );
    }

    #[test]
    fn loose_list_items_keep_their_marker() {
        let md = "T\n\n* first item\n\n* second item\n";
        assert_eq!(to_blocks(md), ["T", "• first item", "• second item"]);
    }

    #[test]
    fn decoded_text_is_not_decoded_again() {
        let md = "&lt;b&gt; and &#27; and &amp;\n\n`a &amp; b`\n\n```\nx &lt; y\n```\n";
        assert_eq!(
            to_blocks_of_decoded(md),
            ["&lt;b&gt; and &#27; and &amp;", "a &amp; b", "x &lt; y"]
        );
        assert_eq!(to_blocks("&lt;b&gt; &amp;"), ["<b> &"]);
    }

    #[test]
    fn the_output_is_the_article_form() {
        assert_eq!(to_plain("# T\n\nBody.\n"), "# T\n\nBody.\n");
        assert_eq!(to_plain(""), "");
    }
}
