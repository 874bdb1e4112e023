//! Shared by the native tests: the shipped bank, read from the authoring files.

use safeguarding_check::quiz::content::bank::Bank;
use std::fs;

/// The paths of the topic files in assets/questions, sorted.
pub fn question_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir("assets/questions")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json"))
        .collect();
    files.sort();
    files
}

pub fn shipped_bank() -> Bank {
    let read = |path: &str| fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let files = question_files();
    let topics: Vec<(String, String)> = files.iter().map(|p| (p.clone(), read(p))).collect();
    let refs: Vec<(&str, &str)> = topics.iter().map(|(n, j)| (n.as_str(), j.as_str())).collect();
    Bank::from_files(&read("assets/seed-sections.json"), &read("assets/facts.json"), &read("assets/learn.json"), &refs)
        .unwrap_or_else(|e| panic!("the shipped bank is invalid:\n{}", e.to_string().replace("; ", "\n")))
}
