//! Replays `tests/vectors/host_values.json` through core's
//! [`SplitArguments`]: splits given host values (a float, an integer) and
//! the outcome every runtime must reach, as Python
//! (`tests/python/test_host_values.py`) and JavaScript
//! (`tests/js/host_values.test.mjs`) do with real floats and integers. The
//! format is in `tests/vectors/README.md`.

use andel::{Decimal, Error, RawNumber, Refusal, RefusalKind, SplitArguments};
use serde_json::Value;
mod common;

use common::{load_cases, text};

/// Fewer cases than this means the file was truncated or replaced.
const MIN_CASES: usize = 12;

/// How a case ended: the amounts, a core error, or a refusal of a host
/// value (its kind as the vector names it, and the field).
#[derive(Debug, PartialEq)]
enum Outcome {
    Amounts(Vec<String>),
    Error(String, String),
    Refused(&'static str, String),
}

/// What the refusal handler gives back: a refused host value, or core's
/// error.
enum Failure {
    Refused(&'static str, String),
    Core(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

fn refuse(refusal: Refusal<'_>) -> Failure {
    let kind = match refusal.kind {
        RefusalKind::FloatMoney => "float_money",
        RefusalKind::NotFinite => "not_finite",
        RefusalKind::NotANumber => "not_a_number",
    };
    Failure::Refused(kind, refusal.field.to_string())
}

/// A vector value as a binding hands it over: a text, `{"float": t}` (a
/// host float, given as its shortest text) or `{"int": t}`.
fn raw(v: &Value) -> RawNumber<'_> {
    if let Some(t) = v.as_str() {
        RawNumber::Text(t)
    } else if let Some(t) = v.get("float").and_then(Value::as_str) {
        RawNumber::Float(t)
    } else if let Some(t) = v.get("int").and_then(Value::as_str) {
        RawNumber::Integer(t.parse().expect("an int fits i64"))
    } else {
        panic!("not a host value: {v}")
    }
}

/// The field an `invalid_number` names: the text before its first `": "`.
fn field_of(e: &Error) -> String {
    match e {
        Error::InvalidNumber { field, .. } => field.clone(),
        _ => String::new(),
    }
}

fn run(args: &Value) -> Outcome {
    let get = |key| match args.get(key) {
        Some(v) => raw(v),
        None => RawNumber::Absent,
    };
    let weights = args["weights"].as_array().expect("weights");
    let names: Option<Vec<String>> = args
        .get("names")
        .map(|n| serde_json::from_value(n.clone()).expect("names"));
    let split = SplitArguments {
        total: get("total"),
        unit: get("unit"),
        first_divisor: get("first_divisor"),
        first_divisor_field: "first_divisor",
        method: text(args, "method"),
        weight_count: weights.len(),
        names: names.as_deref(),
    };
    let read = split.read(&refuse, |reader| {
        weights
            .iter()
            .enumerate()
            .map(|(i, w)| reader.weight(i, raw(w)))
            .collect::<Result<Vec<Decimal>, Failure>>()
    });
    let outcome = read.and_then(|s| Ok(s.allocator.allocate(s.total, &s.weights)?));
    match outcome {
        Ok(amounts) => Outcome::Amounts(amounts.iter().map(Decimal::to_string).collect()),
        Err(Failure::Refused(kind, field)) => Outcome::Refused(kind, field),
        Err(Failure::Core(e)) => Outcome::Error(e.code().to_string(), field_of(&e)),
    }
}

fn expected(case: &Value) -> Outcome {
    let field = text(case, "field").unwrap_or("").to_string();
    if let Some(amounts) = case.get("expected") {
        Outcome::Amounts(serde_json::from_value(amounts.clone()).expect("expected"))
    } else if let Some(code) = text(case, "error") {
        Outcome::Error(code.to_string(), field)
    } else {
        let kind = match text(case, "refused").expect("expected, error or refused") {
            "float_money" => "float_money",
            "not_finite" => "not_finite",
            other => panic!("unknown refusal {other}"),
        };
        Outcome::Refused(kind, field)
    }
}

#[test]
fn every_host_value_case() {
    for case in load_cases("host_values.json", MIN_CASES) {
        let name = text(&case, "name").expect("name");
        assert_eq!(run(&case["args"]), expected(&case), "case {name}");
    }
}
