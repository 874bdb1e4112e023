//! Shared by the native tests: the project's files, and the shipped bank
//! read from the authoring files.

use quiz::content::bank::Bank;
use std::fs;
use std::path::{Path, PathBuf};

/// `path` (e.g. `"assets/facts.json"`) in the project's folder. The native
/// tests belong to the domain crate, whose folder (and so the tests' working
/// folder) is `src/quiz`, two below it.
pub fn project_path(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// The text of the project's file `path`; panics naming it if it cannot be read.
pub fn read_project_file(path: &str) -> String {
    fs::read_to_string(project_path(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The paths of the topic files in assets/questions, from the project's
/// folder (`"assets/questions/principle-1.json"`), sorted.
pub fn question_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(project_path("assets/questions"))
        .unwrap()
        .map(|e| format!("assets/questions/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".json"))
        .collect();
    files.sort();
    files
}

pub fn shipped_bank() -> Bank {
    let read = read_project_file;
    let files = question_files();
    let topics: Vec<(String, String)> = files.iter().map(|p| (p.clone(), read(p))).collect();
    let refs: Vec<(&str, &str)> = topics.iter().map(|(n, j)| (n.as_str(), j.as_str())).collect();
    Bank::from_files(&read("assets/seed-sections.json"), &read("assets/facts.json"), &read("assets/learn.json"), &refs)
        .unwrap_or_else(|e| panic!("the shipped bank is invalid:\n{}", e.to_string().replace("; ", "\n")))
}
