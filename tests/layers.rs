//! The architecture as a test: every module under `src/` belongs to a
//! layer, a layer imports only the layers below it, and the modules inside
//! one layer import each other without a cycle. Test code (`#[cfg(test)]`
//! items and `tests*.rs` files) may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up, as in `src/lib.rs`.
const LAYERS: &[&str] = &[
    "bytes", "model", "parse", "analysis", "source", "reader", "view", "output", "tui", "cli",
];
/// Files outside the layers: the crate root, the binary and test helpers.
const OUTSIDE: &[&str] = &["lib", "main", "testutil"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without `#[cfg(test)]` items.
fn non_test_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        if t.starts_with("#[cfg(test)]") {
            skip_item(&mut lines);
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Skip the item after an attribute: one line ending in `;`, or up to the
/// brace that closes its block.
fn skip_item<'a>(lines: &mut impl Iterator<Item = &'a str>) {
    let mut depth = 0i32;
    for line in lines {
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        if depth <= 0 && (line.trim_end().ends_with(';') || line.trim_end().ends_with('}')) {
            return;
        }
    }
}

/// `crate::a::b` paths in the code, as (a, b) with b empty when absent.
fn crate_paths(code: &str) -> Vec<(String, String)> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    code.match_indices("crate::")
        .map(|(i, m)| {
            let rest = &code[i + m.len()..];
            let first = ident(rest);
            let after = &rest[first.len()..];
            let second = after.strip_prefix("::").map(ident).unwrap_or_default();
            (first, second)
        })
        .collect()
}

struct Module {
    layer: String,
    /// The module's name inside its layer (`state` for src/reader/state/mod.rs).
    name: String,
    code: String,
}

fn modules() -> Vec<Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .iter()
        .filter(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy();
            !stem.starts_with("tests")
        })
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap();
            let parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            Module {
                layer: parts[0].clone(),
                name: parts.get(1).cloned().unwrap_or_default(),
                code: non_test_code(&fs::read_to_string(f).unwrap()),
            }
        })
        .collect()
}

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

#[test]
fn every_module_is_in_a_layer() {
    let strays: Vec<String> = modules()
        .into_iter()
        .filter(|m| rank(&m.layer).is_none() && !OUTSIDE.contains(&m.layer.as_str()))
        .map(|m| m.layer)
        .collect();
    assert!(strays.is_empty(), "modules outside the layers: {strays:?}");
}

#[test]
fn no_layer_imports_a_higher_one() {
    let mut upward = BTreeSet::new();
    for m in modules() {
        let Some(own) = rank(&m.layer) else { continue };
        for (target, _) in crate_paths(&m.code) {
            if rank(&target).is_some_and(|r| r > own) {
                upward.insert(format!("{}::{} -> {target}", m.layer, m.name));
            }
        }
    }
    assert!(upward.is_empty(), "imports up a layer: {upward:?}");
}

#[test]
fn modules_inside_a_layer_form_no_cycle() {
    let mods = modules();
    let mut graph: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for m in &mods {
        if m.name.is_empty() || m.name == "mod" {
            continue;
        }
        let edges = graph.entry((m.layer.clone(), m.name.clone())).or_default();
        for (layer, sibling) in crate_paths(&m.code) {
            if layer == m.layer && !sibling.is_empty() && sibling != m.name {
                edges.insert(sibling);
            }
        }
        for (i, _) in m.code.match_indices("super::") {
            let sibling: String = m.code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !sibling.is_empty() && sibling != m.name {
                edges.insert(sibling);
            }
        }
    }
    for (layer, name) in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<String> = graph[&(layer.clone(), name.clone())]
            .iter()
            .cloned()
            .collect();
        while let Some(next) = stack.pop() {
            assert_ne!(
                &next, name,
                "{layer}::{name} imports itself through a cycle"
            );
            if seen.insert(next.clone())
                && let Some(edges) = graph.get(&(layer.clone(), next))
            {
                stack.extend(edges.iter().cloned());
            }
        }
    }
}

#[test]
fn the_checker_sees_an_upward_import_and_skips_test_code() {
    let code = non_test_code(
        "use crate::view::theme;\n// crate::tui in a comment\n#[cfg(test)]\nmod tests {\n    use crate::tui;\n}\n",
    );
    let paths = crate_paths(&code);
    assert_eq!(paths, vec![("view".to_string(), "theme".to_string())]);
}
