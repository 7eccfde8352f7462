//! Replays the bad-input catalogue `tests/vectors/errors.json` through core:
//! every case must fail with its stable error code (and, for plans, at its
//! path). Python and JavaScript replay the same file; the format is in
//! `tests/vectors/errors.md`.

use andel::plan::Format;
use andel::{Decimal, Plan, RawNumber, Refusal, SplitArguments};
mod common;

use common::{load_cases, text};
use serde_json::Value;

/// Fewer cases than this means the file was truncated or replaced.
const MIN_CASES: usize = 40;

/// What core says: `Ok(())` when the input was accepted (always a failure
/// here), otherwise the code and the path of the error.
type Outcome = Result<(), (String, Option<String>)>;

fn fail(e: andel::Error) -> (String, Option<String>) {
    let path = e.location().map(|l| l.path.clone());
    (e.code().to_string(), path)
}

/// An allocation read as every binding reads one, by core's
/// [`SplitArguments`] (number texts in the documented order: total, unit,
/// first divisor, weights; then the method name), then split.
fn allocate(args: &Value) -> Outcome {
    let raw = |key| text(args, key).map_or(RawNumber::Absent, RawNumber::Text);
    let weights = args["weights"]
        .as_array()
        .expect("weights must be an array");
    let arguments = SplitArguments {
        total: RawNumber::Text(text(args, "total").expect("total")),
        unit: raw("unit"),
        first_divisor: raw("first_divisor"),
        first_divisor_field: "first_divisor",
        method: text(args, "method"),
        weight_count: weights.len(),
        names: None,
    };
    let refuse = |r: Refusal<'_>| panic!("the catalogue holds texts only: {r:?}");
    let split = arguments
        .read::<_, andel::Error>(&refuse, |reader| {
            weights
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    reader.weight(i, RawNumber::Text(w.as_str().expect("weights are strings")))
                })
                .collect::<Result<Vec<Decimal>, _>>()
        })
        .map_err(fail)?;
    split
        .allocator
        .allocate(split.total, &split.weights)
        .map(|_| ())
        .map_err(fail)
}

/// The plan's text, followed by its padding when the case has one.
fn plan_text(case: &Value) -> String {
    let mut out = text(case, "text").expect("text").to_string();
    if let Some(pad) = case.get("pad") {
        let repeat = text(pad, "repeat").expect("pad.repeat");
        let times = pad["times"].as_u64().expect("pad.times") as usize;
        out.push_str(&repeat.repeat(times));
    }
    out
}

/// A plan read and computed: the first error either step reports.
fn plan(case: &Value) -> Outcome {
    let format = match text(case, "format").expect("format") {
        "toml" => Format::Toml,
        "json" => Format::Json,
        other => panic!("unknown format {other}"),
    };
    let plan = Plan::read(&plan_text(case), format).map_err(fail)?;
    plan.compute().map(|_| ()).map_err(fail)
}

#[test]
fn every_bad_input_gives_its_code() {
    let cases = load_cases("errors.json", MIN_CASES);
    let mut failures = Vec::new();
    for case in &cases {
        let name = text(case, "name").expect("every case has a name");
        let want_code = text(case, "error").expect("every case has an error");
        let got = match text(case, "call").expect("call") {
            "allocate" => allocate(&case["args"]),
            "plan" => plan(case),
            other => panic!("{name}: unknown call {other}"),
        };
        match got {
            Ok(()) => failures.push(format!("{name}: accepted, expected {want_code}")),
            Err((code, path)) => {
                if code != want_code {
                    failures.push(format!(
                        "{name}: expected {want_code}, core gave {code} at {path:?}"
                    ));
                } else if let Some(want_path) = text(case, "path")
                    && path.as_deref() != Some(want_path)
                {
                    failures.push(format!(
                        "{name}: expected path {want_path}, core gave {path:?}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree with core:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn names_are_unique_and_calls_known() {
    let cases = load_cases("errors.json", MIN_CASES);
    let mut seen = std::collections::HashSet::new();
    for case in &cases {
        let name = text(case, "name").expect("every case has a name");
        assert!(seen.insert(name.to_string()), "duplicate case {name}");
        assert!(
            matches!(text(case, "call"), Some("allocate" | "plan")),
            "{name}: call"
        );
    }
    let plans = cases.iter().filter(|c| c["call"] == "plan").count();
    assert!(plans >= 15, "only {plans} plan cases");
    assert!(
        cases.len() - plans >= 15,
        "only {} allocate cases",
        cases.len() - plans
    );
}
