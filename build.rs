//! Checks the question bank at build time: assets/seed-sections.json,
//! assets/facts.json, assets/learn.json and every assets/questions/*.json, read
//! with the same serde types and checked by the same rules as the app and the
//! tests use: the domain crate (src/quiz) is this script's build dependency. Invalid content stops the
//! build with a list of what to fix. The bank itself is bundled into the dist
//! by scripts/bank-bundle.mjs and loaded by the app at run time.

use quiz::content::{bank, contact};
use std::fs;

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The accessibility statement's contact, set by whoever deploys the app
/// (see src/quiz/content/contact.rs): checked here, so a wrong one stops the build,
/// and passed to the app as `ACCESSIBILITY_CONTACT_HREF` and
/// `ACCESSIBILITY_CONTACT_TEXT` (both empty when unset).
fn accessibility_contact() {
    println!("cargo:rerun-if-env-changed=ACCESSIBILITY_CONTACT");
    let value = std::env::var("ACCESSIBILITY_CONTACT").unwrap_or_default();
    if !value.trim().is_empty() {
        if let Err(reason) = contact::Contact::parse(&value) {
            panic!("\n\nACCESSIBILITY_CONTACT cannot be used: {reason}.\nSet it to an email address, an https:// web address or a phone number, or unset it.\n\n");
        }
    }
    // The link and its text, so the app does not carry the checking code.
    let (href, text) = match contact::Contact::parse(&value) {
        Ok(contact) => (contact.href(), contact.text().to_string()),
        Err(_) => (String::new(), String::new()),
    };
    println!("cargo:rustc-env=ACCESSIBILITY_CONTACT_HREF={href}");
    println!("cargo:rustc-env=ACCESSIBILITY_CONTACT_TEXT={text}");
}

fn main() {
    accessibility_contact();
    println!("cargo:rerun-if-changed=assets/questions");
    let sections = read("assets/seed-sections.json");
    let facts = read("assets/facts.json");
    let learn = read("assets/learn.json");
    let mut files: Vec<String> = fs::read_dir("assets/questions")
        .expect("read assets/questions")
        .map(|entry| entry.expect("list assets/questions").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let topics: Vec<(String, String)> = files.iter().map(|path| (path.clone(), read(path))).collect();
    let topic_refs: Vec<(&str, &str)> = topics.iter().map(|(n, j)| (n.as_str(), j.as_str())).collect();
    if let Err(error) = bank::Bank::from_files(&sections, &facts, &learn, &topic_refs) {
        panic!("\n\nThe question bank has problems:\n  {}\n\n", error.to_string().replace("; ", "\n  "));
    }
}
