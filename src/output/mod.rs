//! What the command line writes instead of opening the reader: the JSON
//! export and its checked contract, JSON Lines over many articles, quote
//! statistics, and annotated plain or colored text.
//!
//! Imports everything below it, the view's theme included (colored
//! `--print` uses the reader's colors); nothing imports it but `main`.

pub mod batch;
pub mod export;
pub mod invariants;
pub mod print;
pub mod stats;
