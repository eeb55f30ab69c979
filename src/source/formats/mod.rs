//! Input formats: Markdown and saved web pages become the plain-text article
//! form the parser reads (a title line, then blank-line separated
//! paragraphs, headings as `# Heading` lines). The converted text is the
//! document text, so every offset refers to it.

mod html;
mod markdown;
mod nesting;

use std::path::Path;

use serde::Serialize;

/// The kind of an article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format an extension names, if it names one.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format by extension, or else by a look at the content.
    pub fn detect(path: Option<&Path>, text: &str) -> Format {
        path.and_then(Format::from_extension)
            .unwrap_or_else(|| Format::sniff(text))
    }

    /// Guess from the start of the content: an HTML page opens with a
    /// doctype or an `<html>` tag; a Markdown article with a `# ` heading.
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start();
        let lower: String = head.chars().take(64).flat_map(char::to_lowercase).collect();
        let html_comment_first = lower.starts_with("<!--") && text.contains("<html");
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") || html_comment_first {
            Format::Html
        } else if head.starts_with("# ") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// An article converted to plain text.
#[derive(Debug, Clone)]
pub struct Converted {
    pub text: String,
    pub format: Format,
    pub warnings: Vec<String>,
}

/// Convert an article of any format to the plain-text form.
pub fn convert(text: String, path: Option<&Path>, name: &str) -> Converted {
    let format = Format::detect(path, &text);
    let mut warnings = Vec::new();
    let text = match format {
        Format::Text => text,
        Format::Markdown => markdown::to_plain(&text),
        Format::Html => {
            let (plain, warning) = html::to_plain(&text);
            if let Some(w) = warning {
                warnings.push(format!("{name}: {w}"));
            }
            plain
        }
    };
    Converted {
        text,
        format,
        warnings,
    }
}

/// Blocks (each one line) to the article form: blank-line separated, with
/// a final newline.
fn join_blocks(blocks: &[String]) -> String {
    let mut out = blocks.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_by_extension_wins_over_content() {
        let p = Path::new("a/story.MD");
        assert_eq!(Format::detect(Some(p), "<html>"), Format::Markdown);
        assert_eq!(Format::detect(Some(Path::new("x.htm")), "Hi"), Format::Html);
        assert_eq!(
            Format::detect(Some(Path::new("x.txt")), "# Hi"),
            Format::Text
        );
    }

    #[test]
    fn detection_by_content() {
        assert_eq!(Format::sniff("  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("<html lang=en>"), Format::Html);
        assert_eq!(Format::sniff("# A Title\n\nBody"), Format::Markdown);
        assert_eq!(Format::sniff("A Title\nBody"), Format::Text);
        assert_eq!(Format::sniff("#hashtag title"), Format::Text);
        assert_eq!(
            Format::detect(Some(Path::new("noext")), "<!doctype html>"),
            Format::Html
        );
    }

    #[test]
    fn plain_text_passes_through_unchanged() {
        let c = convert("Title\nBody.".into(), None, "t");
        assert_eq!(c.text, "Title\nBody.");
        assert_eq!(c.format, Format::Text);
    }
}
