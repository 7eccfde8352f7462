//! Replays the shared vectors in `tests/vectors/allocate.json` through core.
//!
//! The expected amounts come from `tests/vectors/reference.py`, an
//! independent implementation with exact fractions, never from andel. The
//! file format is defined in `tests/vectors/README.md`.

use andel::{Allocator, Decimal, Method, parse_decimal};
mod common;

use common::{load_cases, text};
use serde_json::Value;

/// Fewer cases than this means the file was truncated or replaced.
const MIN_CASES: usize = 40;

fn texts(case: &Value, key: &str) -> Option<Vec<String>> {
    case.get(key).map(|v| {
        v.as_array()
            .unwrap_or_else(|| panic!("{key} must be an array in {case}"))
            .iter()
            .map(|s| {
                s.as_str()
                    .unwrap_or_else(|| panic!("{key} must hold strings in {case}"))
                    .to_string()
            })
            .collect()
    })
}

/// What core says about one case: the amounts as strings, or an error code.
type Outcome = Result<Vec<String>, &'static str>;

/// Runs a case the way every runtime must: number texts first (total, unit,
/// first divisor, weights), then the method name, then the split.
fn run(case: &Value) -> Outcome {
    let total =
        parse_decimal(text(case, "total").expect("total"), "total").map_err(|e| e.code())?;
    let unit = parse_decimal(text(case, "unit").unwrap_or("0.01"), "unit").map_err(|e| e.code())?;
    let first_divisor = text(case, "first_divisor")
        .map(|t| parse_decimal(t, "first_divisor"))
        .transpose()
        .map_err(|e| e.code())?;
    let weights = texts(case, "weights")
        .expect("weights")
        .iter()
        .map(|w| parse_decimal(w, "weight"))
        .collect::<Result<Vec<Decimal>, _>>()
        .map_err(|e| e.code())?;
    let method: Method = text(case, "method")
        .unwrap_or("largest_remainder")
        .parse()
        .map_err(|e: andel::Error| e.code())?;
    let allocator = Allocator::new()
        .unit(unit)
        .method(method)
        .first_divisor(first_divisor);
    let amounts = match texts(case, "names") {
        Some(names) => allocator
            .explain_named(total, &names, &weights)
            .map_err(|e| e.code())?
            .parts
            .into_iter()
            .map(|p| p.amount)
            .collect(),
        None => allocator.allocate(total, &weights).map_err(|e| e.code())?,
    };
    Ok(amounts.iter().map(Decimal::to_string).collect())
}

fn expected(case: &Value) -> Outcome {
    match (texts(case, "expected"), text(case, "error")) {
        (Some(amounts), None) => Ok(amounts),
        (None, Some(code)) => Err(code.to_string().leak()),
        _ => panic!("a case needs exactly one of `expected` and `error`: {case}"),
    }
}

#[test]
fn every_vector_matches_core() {
    let cases = load_cases("allocate.json", MIN_CASES);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let name = text(case, "name").unwrap_or("<unnamed>");
            let want = expected(case);
            let got = run(case);
            (got != want).then(|| format!("{name}: expected {want:?}, core gave {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} vectors disagree with core:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn names_are_unique_and_pair_with_weights() {
    let cases = load_cases("allocate.json", MIN_CASES);
    let mut seen = std::collections::HashSet::new();
    for case in &cases {
        let name = text(case, "name").expect("every case has a name");
        assert!(seen.insert(name.to_string()), "duplicate case {name}");
        if let (Some(names), Some(weights)) = (texts(case, "names"), texts(case, "weights")) {
            assert_eq!(names.len(), weights.len(), "{name}: names and weights");
        }
        if let Some(amounts) = texts(case, "expected") {
            let weights = texts(case, "weights").expect("weights");
            assert_eq!(
                amounts.len(),
                weights.len(),
                "{name}: one amount per weight"
            );
        }
    }
}
