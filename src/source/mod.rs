//! Bytes to articles: reading files and stdin under limits, decoding,
//! Markdown and HTML to the plain article form, folders of articles.
//!
//! Imports the model and, to build analyzed documents, the parse and
//! analysis layers; nothing above them.

pub mod articles;
pub mod formats;
pub mod input;
