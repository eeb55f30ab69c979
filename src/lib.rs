//! byline: a terminal reader for news articles that knows who said what.
//!
//! Data flows one way: [`input`] reads bytes, [`sanitize`] makes them safe
//! to show, [`parse`] builds the [`document`] structure, [`analysis`] finds
//! entities and speakers, and [`export`] or the reader shows the result.

pub mod analysis;
pub mod articles;
pub mod batch;
pub mod cli;
pub mod config;
pub mod context;
pub mod document;
pub mod export;
pub mod formats;
pub mod input;
pub mod invariants;
pub mod parse;
pub mod print;
pub mod quotes;
pub mod resume;
pub mod sanitize;
pub mod stats;

pub mod index;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod map;
pub mod search;
pub mod state;
pub mod timeline;
pub mod tui;
pub mod view;

#[cfg(test)]
mod testutil;
