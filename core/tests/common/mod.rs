//! What the integration tests that replay a shared JSON file have in common.

use serde_json::Value;
use std::path::PathBuf;

/// The `cases` of `tests/vectors/<file>` (format 1); panics, failing the
/// test, when the file is missing, unreadable or has fewer than `min`
/// cases, so a lost or truncated file never passes silently.
pub fn load_cases(file: &str, min: usize) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    assert_eq!(doc["format"], 1, "unknown format of {}", path.display());
    let cases = doc["cases"]
        .as_array()
        .expect("`cases` must be an array")
        .clone();
    assert!(
        cases.len() >= min,
        "only {} cases in {} (at least {min} expected)",
        cases.len(),
        path.display()
    );
    cases
}

/// The string field `key` of `v`, if present; panics if it is not a string.
pub fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).map(|s| {
        s.as_str()
            .unwrap_or_else(|| panic!("{key} must be a string in {v}"))
    })
}
