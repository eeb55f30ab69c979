//! byline: a terminal reader for news articles that knows who said what.
//!
//! The crate is built in layers, each importing only the layers above it in
//! this list (lower in the stack):
//!
//! - `bytes`: byte searches that ask the CPU nothing for a short text.
//! - [`model`]: the document (text, sections, quotes, entities as byte
//!   ranges) and the sanitizer that makes any text safe to show.
//! - [`parse`]: sections, sentences and quotes.
//! - [`analysis`]: people, places, numbers and who said what, and the
//!   per-document tables computed from them.
//! - [`source`]: bytes to articles: reading, decoding, limits, Markdown and
//!   HTML, folders of articles.
//! - [`reader`]: the reader's state and its pure update, keys, settings,
//!   search, reading positions, and the per-width tables the view reads.
//! - [`view`]: drawing; reads the state only.
//! - [`output`]: what the command line writes instead of the reader: JSON,
//!   JSON Lines, statistics, annotated text.
//! - [`tui`]: the terminal and the event loop; [`cli`]: the command line.

mod bytes;
pub mod model;

pub mod parse;

pub mod analysis;

pub mod source;

pub mod reader;

pub mod view;

pub mod output;

pub mod cli;
pub mod tui;

#[cfg(test)]
mod testutil;
