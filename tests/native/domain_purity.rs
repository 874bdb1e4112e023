//! The quiz domain stays pure (issue #18): nothing under `src/quiz` names
//! `leptos`, `web_sys`, `js_sys` or `wasm_bindgen`, in code or in comments,
//! so it builds and is tested natively and the browser stays in
//! `src/platform` and `src/ui`.

use std::fs;
use std::path::Path;

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
    let found = browser_names_in(Path::new("src/quiz"));
    assert!(found.is_empty(), "the domain must stay free of the browser; move these to src/platform or src/ui:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_browser_crate_and_only_a_whole_name() {
    let found = browser_names_in(Path::new("tests/fixtures/impure-domain"));
    assert_eq!(found, vec!["tests/fixtures/impure-domain/nested/clock.rs:3: js_sys"]);
    assert!(names_word("use leptos::prelude::*;", "leptos"));
    assert!(names_word("#[wasm_bindgen]", "wasm_bindgen"));
    assert!(!names_word("fn my_leptos_helper()", "leptos"));
    assert!(!names_word("web_sys_free", "web_sys"));
}
