//! The small JSON module agrees with serde_json, and never panics on any input.

use safeguarding_check::quiz::json::{self, Json};
use safeguarding_check::quiz::rng::SeededRng;

/// Converts our value to serde_json's, to compare the two readers.
fn to_serde(value: &Json) -> serde_json::Value {
    match value {
        Json::Null => serde_json::Value::Null,
        Json::Bool(b) => (*b).into(),
        Json::Int(n) => (*n).into(),
        Json::BigUint(n) => (*n).into(),
        Json::String(s) => s.as_str().into(),
        Json::Array(items) => items.iter().map(to_serde).collect(),
        Json::Object(members) => serde_json::Value::Object(members.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect()),
    }
}

const TRICKY_TEXT: &[&str] =
    &["", "plain", "quote\"", "back\\slash", "new\nline", "tab\t", "\u{0}\u{1f}", "é", "😀", "\u{2028}", "</script>"];

fn random_value(rng: &mut SeededRng, depth: usize) -> Json {
    let kind = if depth > 4 { rng.below(5) } else { rng.below(7) };
    match kind {
        0 => Json::Null,
        1 => Json::Bool(rng.below(2) == 1),
        2 => Json::from(rng.next_u64() >> rng.below(64)),
        3 => Json::Int(-((rng.next_u64() >> 2) as i64)),
        4 => {
            let parts = rng.below(4);
            Json::String((0..parts).map(|_| TRICKY_TEXT[rng.below(TRICKY_TEXT.len())]).collect())
        }
        5 => Json::Array((0..rng.below(4)).map(|_| random_value(rng, depth + 1)).collect()),
        _ => Json::Object(
            (0..rng.below(4))
                .map(|i| (format!("k{i}{}", TRICKY_TEXT[rng.below(TRICKY_TEXT.len())]), random_value(rng, depth + 1)))
                .collect(),
        ),
    }
}

#[test]
fn what_we_write_serde_json_reads_as_the_same_value() {
    let mut rng = SeededRng::new(2024);
    for _ in 0..2000 {
        let value = random_value(&mut rng, 0);
        let text = value.to_text();
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(theirs, to_serde(&value), "{text}");
        assert_eq!(json::parse(&text).unwrap(), value, "{text}");
    }
}

#[test]
fn what_serde_json_writes_we_read_as_the_same_value() {
    let mut rng = SeededRng::new(7);
    for _ in 0..2000 {
        let value = random_value(&mut rng, 0);
        for text in [serde_json::to_string(&to_serde(&value)).unwrap(), serde_json::to_string_pretty(&to_serde(&value)).unwrap()] {
            assert_eq!(json::parse(&text).unwrap(), value, "{text}");
        }
    }
}

/// Mutates valid documents at random: whatever the bytes, no panic, and where
/// both readers accept a text they agree on its value.
#[test]
fn mutated_documents_never_panic_and_agree_with_serde_json() {
    let mut rng = SeededRng::new(99);
    const ALPHABET: &[u8] = b"{}[]\":,\\/ntfrue0123456789-.eE \n\tu";
    let mut accepted = 0;
    for _ in 0..20_000 {
        let mut bytes = random_value(&mut rng, 0).to_text().into_bytes();
        for _ in 0..=rng.below(3) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = ALPHABET[rng.below(ALPHABET.len())],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            }
        }
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let ours = json::parse(&text);
        if let Ok(value) = &ours {
            accepted += 1;
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("we accepted {text:?}, serde_json: {e}"));
            assert_eq!(theirs, to_serde(value), "{text:?}");
        }
    }
    assert!(accepted > 1000, "the mutations should leave many documents valid ({accepted})");
}
