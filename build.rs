//! Link the program as a fixed-address (non-PIE) executable on Linux.
//!
//! The dependencies carry large static tables of string slices (the HTML
//! parser's atom and entity tables): in a position-independent executable
//! each of their ~27,500 pointers is a relocation the loader applies at
//! every start, copying the pages that hold them (about 130 page faults
//! on a 17 MB binary) before `main` runs. Linked at a fixed address they
//! are resolved once by the linker and the pages are read only when used
//! (issue #15: `--version` 0.8 -> 0.6 ms). The price is that the
//! program's own code and data are not placed at a random address
//! (shared libraries, heap and stack still are).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
