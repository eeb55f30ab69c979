//! The reader: its state and the pure `update(&mut State, Action)`, the
//! key table and settings, search, reading positions, the article list,
//! and the per-document and per-width tables the view reads (layout,
//! sidebar index, map, quotes list, timeline).
//!
//! Imports the model, analysis and source layers; never the view, the
//! output or the terminal.

pub mod action;
pub mod config;
pub mod corrections;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod look;
pub mod map;
pub mod quotes;
pub mod resume;
pub mod search;
pub mod state;
pub mod timeline;
