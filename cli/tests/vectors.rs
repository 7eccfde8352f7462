//! The shared vectors (tests/vectors/allocate.json) through the command
//! line: every case is run as `andel allocate … --format json`, and the
//! amounts (as strings) or the error code must be the expected ones. The
//! expected values come from the independent reference in tests/vectors.

use serde_json::Value;
use std::process::Command;

const VECTORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/vectors/allocate.json"
);

fn text(case: &Value, key: &str) -> Option<String> {
    case.get(key).map(|v| {
        v.as_str()
            .unwrap_or_else(|| panic!("{key} is a string in {case}"))
            .to_string()
    })
}

/// The command line for a case. Options are written `--name=value` so a
/// value such as `-1.2` or `NaN` is never taken for an option, and the
/// weights follow `--` for the same reason.
fn command_line(case: &Value) -> Vec<String> {
    let mut args = vec!["allocate".to_string(), "--format=json".to_string()];
    args.push(format!("--total={}", text(case, "total").expect("total")));
    for (key, option) in [
        ("unit", "unit"),
        ("method", "method"),
        ("first_divisor", "first-divisor"),
    ] {
        if let Some(value) = text(case, key) {
            args.push(format!("--{option}={value}"));
        }
    }
    args.push("--".to_string());
    let weights = case["weights"].as_array().expect("weights");
    let names = case.get("names").and_then(Value::as_array);
    if let Some(names) = names {
        assert_eq!(names.len(), weights.len(), "names pair up in {case}");
    }
    for (i, weight) in weights.iter().enumerate() {
        let weight = weight.as_str().expect("weights are strings");
        args.push(match names {
            Some(names) => format!("{}={weight}", names[i].as_str().expect("name")),
            None => weight.to_string(),
        });
    }
    args
}

#[test]
fn every_vector_through_the_command_line() {
    let file = std::fs::read_to_string(VECTORS).expect("tests/vectors/allocate.json is readable");
    let vectors: Value = serde_json::from_str(&file).expect("valid JSON");
    assert_eq!(vectors["format"], 1, "vector format this test understands");
    let cases = vectors["cases"].as_array().expect("cases");
    assert!(cases.len() > 50, "the vectors are all there");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let args = command_line(case);
        let out = Command::new(env!("CARGO_BIN_EXE_andel"))
            .args(&args)
            .output()
            .expect("the andel binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if let Some(code) = text(case, "error") {
            let ok =
                out.status.code() == Some(2) && stderr.starts_with(&format!("error[{code}]: "));
            if !ok {
                failures.push(format!(
                    "{name}: expected error[{code}] with status 2, got status {:?}: {stderr}",
                    out.status.code()
                ));
            }
            continue;
        }
        let expected: Vec<&str> = case["expected"]
            .as_array()
            .expect("expected")
            .iter()
            .map(|v| v.as_str().expect("expected amounts are strings"))
            .collect();
        if !out.status.success() {
            failures.push(format!("{name}: failed: {stderr}"));
            continue;
        }
        let json: Value = match serde_json::from_str(&stdout) {
            Ok(json) => json,
            Err(err) => {
                failures.push(format!("{name}: output is not JSON ({err})"));
                continue;
            }
        };
        let got: Vec<&str> = json["parts"]
            .as_array()
            .map(|parts| parts.iter().filter_map(|p| p["amount"].as_str()).collect())
            .unwrap_or_default();
        if got != expected {
            failures.push(format!("{name}: amounts {got:?}, expected {expected:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
