//! The quiz domain stays pure (issue #18): nothing under `src/quiz` names
//! `leptos`, `web_sys`, `js_sys` or `wasm_bindgen`, in code or in comments,
//! so it builds and is tested natively and the browser stays in
//! `src/platform` and `src/ui`.

use std::fs;
use std::path::Path;

use crate::support::project_path;

/// The crates the domain must not name.
const BROWSER_CRATES: [&str; 4] = ["leptos", "web_sys", "js_sys", "wasm_bindgen"];

/// Every `path:line: crate` under `dir` (all `.rs` files, recursively) that
/// names one of `BROWSER_CRATES` as a whole word.
fn browser_names_in(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(browser_names_in(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                for name in BROWSER_CRATES {
                    if names_word(line, name) {
                        found.push(format!("{}:{}: {name}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    found
}

/// True if `word` appears in `line` with no letter, digit or `_` touching it.
fn names_word(line: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

#[test]
fn the_quiz_domain_names_no_browser_crate() {
    let found = browser_names_in(&project_path("src/quiz"));
    assert!(found.is_empty(), "the domain must stay free of the browser; move these to src/platform or src/ui:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_browser_crate_and_only_a_whole_name() {
    let found = browser_names_in(&project_path("tests/fixtures/impure-domain"));
    assert_eq!(found, vec![format!("{}: js_sys", project_path("tests/fixtures/impure-domain/nested/clock.rs:3").display())]);
    assert!(names_word("use leptos::prelude::*;", "leptos"));
    assert!(names_word("#[wasm_bindgen]", "wasm_bindgen"));
    assert!(!names_word("fn my_leptos_helper()", "leptos"));
    assert!(!names_word("web_sys_free", "web_sys"));
}

// ---- Import cycles (issue #33): the domain depends only downward.

/// Every module under `dir` (its path from `dir`, `"content::bank"`; a
/// folder's `mod.rs` is the folder) and the file's text.
fn modules_in(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let join = |name: &str| if prefix.is_empty() { name.to_owned() } else { format!("{prefix}::{name}") };
        if path.is_dir() {
            modules_in(&path, &join(&stem), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = if stem == "mod" { prefix.to_owned() } else { join(&stem) };
            out.push((module, fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The modules `text` (the file of `module`) uses, by `super::…`, `self::…`
/// or `crate::quiz::…` paths outside comments and its test module, each
/// resolved to the longest known module it names.
fn uses_of(module: &str, is_folder: bool, text: &str, known: &[String]) -> Vec<String> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let own: Vec<String> = if module.is_empty() { Vec::new() } else { module.split("::").map(str::to_owned).collect() };
    // Where `super` and `self` point from this file: a folder's mod.rs is the folder itself.
    let base: Vec<String> = if is_folder { own.clone() } else { own[..own.len().saturating_sub(1)].to_vec() };
    let mut found = Vec::new();
    for line in code.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
        for (at, _) in line.match_indices("super::").chain(line.match_indices("crate::quiz::")).chain(line.match_indices("self::")) {
            if line[..at].ends_with("::") || line[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // the middle of a longer path (`super::super::`), or a name ending in `self`
            }
            let rest = &line[at..];
            let mut path: Vec<String>;
            let mut words = rest.split("::").peekable();
            if rest.starts_with("crate::quiz::") {
                path = Vec::new();
                words.next();
                words.next();
            } else if rest.starts_with("self::") {
                path = base.clone();
                words.next();
            } else {
                path = base.clone();
                while words.peek() == Some(&"super") {
                    words.next();
                    path.pop();
                }
            }
            for word in words {
                let name: String = word.chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
                if name.is_empty() {
                    break;
                }
                path.push(name);
            }
            while !path.is_empty() && !known.iter().any(|k| *k == path.join("::")) {
                path.pop();
            }
            let target = path.join("::");
            if !target.is_empty() && target != module && !found.contains(&target) {
                found.push(target);
            }
        }
    }
    found
}

/// The cycles among `edges` (each a strongly connected group of two or
/// more, its members sorted), found by Tarjan's algorithm.
fn cycles(edges: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a [(String, Vec<String>)],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for target in &self.edges[v].1 {
                let Some(w) = self.edges.iter().position(|(m, _)| m == target) else { continue };
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(index) if self.on_stack[w] => self.low[v] = self.low[v].min(index),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    group.push(self.edges[w].0.clone());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let n = edges.len();
    let mut walk =
        Walk { edges, index: vec![None; n], low: vec![0; n], stack: Vec::new(), on_stack: vec![false; n], next: 0, found: Vec::new() };
    for v in 0..n {
        if walk.index[v].is_none() {
            walk.visit(v);
        }
    }
    walk.found.sort();
    walk.found
}

/// The import cycles under `dir`: between modules, and between top-level
/// folders (a folder's files taken as one).
fn import_cycles(dir: &Path) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut files = Vec::new();
    modules_in(dir, "", &mut files);
    let known: Vec<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let folders: Vec<String> = files.iter().filter(|(m, t)| !m.is_empty() && t.contains("pub mod ")).map(|(m, _)| m.clone()).collect();
    let edges: Vec<(String, Vec<String>)> =
        files.iter().map(|(m, t)| (m.clone(), uses_of(m, folders.contains(m) || m.is_empty(), t, &known))).collect();
    let top = |m: &str| m.split("::").next().unwrap_or_default().to_owned();
    let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
    for (m, uses) in &edges {
        let from = top(m);
        let targets: Vec<String> = uses.iter().map(|u| top(u)).filter(|u| *u != from).collect();
        match grouped.iter_mut().find(|(g, _)| *g == from) {
            Some((_, all)) => all.extend(targets),
            None => grouped.push((from, targets)),
        }
    }
    (cycles(&edges), cycles(&grouped))
}

#[test]
fn the_quiz_domain_has_no_import_cycle() {
    let (modules, folders) = import_cycles(&project_path("src/quiz"));
    assert!(modules.is_empty(), "modules that use each other, directly or round a loop: {modules:?}");
    assert!(folders.is_empty(), "folders that use each other: {folders:?}");
}

#[test]
fn the_cycle_check_finds_a_cycle_through_super_and_crate_paths_and_not_in_comments_or_tests() {
    let (modules, folders) = import_cycles(&project_path("tests/fixtures/cyclic-domain"));
    assert_eq!(modules, vec![vec!["a".to_string(), "b".to_string()]]);
    assert_eq!(folders, vec![vec!["a".to_string(), "b".to_string()]]);
    let known: Vec<String> = ["a", "b", "c", "deep", "deep::leaf"].map(String::from).to_vec();
    assert_eq!(uses_of("deep::leaf", false, "use super::super::c::Ignored;", &known), vec!["c"]);
    assert_eq!(uses_of("b", false, "use super::deep::leaf::Leaf;", &known), vec!["deep::leaf"]);
    assert_eq!(uses_of("deep", true, "use self::leaf::Leaf;", &known), vec!["deep::leaf"]);
}
