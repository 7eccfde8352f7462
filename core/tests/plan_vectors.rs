//! Replays the shared plan vectors in `tests/vectors/plans/` through core.
//!
//! The expected figures and errors come from `tests/vectors/plan_reference.py`
//! (an independent implementation with exact fractions) and the places of
//! errors from `tests/vectors/make_plans.py`, never from andel. The format is
//! described in `tests/vectors/plans/README.md`.

use andel::plan::Format;
use andel::{Decimal, Plan, PlanResult};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Signed;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// Fewer plans than this means the folder was truncated or replaced.
const MIN_PLANS: usize = 30;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/plans")
}

/// The entries of `expected.json`; panics when the folder or the file is
/// missing or too short, or when plan files and entries do not match, so a
/// lost vector never passes silently.
fn load() -> Map<String, Value> {
    let path = folder().join("expected.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    assert_eq!(doc["format"], 1, "unknown vector format");
    let plans = doc["plans"]
        .as_object()
        .expect("`plans` must be an object")
        .clone();
    assert!(
        plans.len() >= MIN_PLANS,
        "only {} plans in {} (at least {MIN_PLANS} expected)",
        plans.len(),
        path.display()
    );
    let mut files: Vec<String> = std::fs::read_dir(folder())
        .expect("the plans folder")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .into_string()
                .unwrap()
        })
        .filter(|n| (n.ends_with(".toml") || n.ends_with(".json")) && n != "expected.json")
        .collect();
    files.sort();
    let mut named: Vec<String> = plans.keys().cloned().collect();
    named.sort();
    assert_eq!(files, named, "plan files and expected.json entries differ");
    plans
}

fn format_of(name: &str) -> Format {
    if name.ends_with(".toml") {
        Format::Toml
    } else {
        Format::Json
    }
}

fn read(name: &str) -> (String, andel::Result<Plan>) {
    let text = std::fs::read_to_string(folder().join(name))
        .unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
    let plan = match format_of(name) {
        Format::Toml => Plan::from_toml(&text),
        Format::Json => Plan::from_json(&text),
    };
    (text, plan)
}

fn rational(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

/// "n/d" as written by the reference.
fn fraction(text: &str) -> BigRational {
    let (n, d) = text
        .split_once('/')
        .unwrap_or_else(|| panic!("{text:?} is not n/d"));
    BigRational::new(n.parse().unwrap(), d.parse().unwrap())
}

/// Checks one error vector; returns the problems found.
fn check_error(name: &str, text: &str, read: andel::Result<Plan>, want: &Value) -> Vec<String> {
    let error = match read {
        Err(e) => e,
        Ok(plan) => match plan.compute() {
            Ok(_) => return vec![format!("{name}: computed, expected {want}")],
            // Errors of the computation carry a path only; `check` places
            // them in the text.
            Err(e) => {
                let placed = Plan::check(text, format_of(name));
                match placed.into_iter().next() {
                    Some(p) if p.code() == e.code() => p,
                    other => {
                        return vec![format!("{name}: compute said {e}, check said {other:?}")];
                    }
                }
            }
        },
    };
    let location = error.location();
    let got = serde_json::json!({
        "error": error.code(),
        "path": location.map(|l| l.path.clone()),
        "line": location.and_then(|l| l.line),
        "column": location.and_then(|l| l.column),
    });
    let mut problems = Vec::new();
    for field in ["error", "path", "line", "column"] {
        if got[field] != want[field] {
            problems.push(format!(
                "{name}: {field} is {}, expected {} ({error})",
                got[field], want[field]
            ));
        }
    }
    problems
}

/// The sums every computed plan must keep, whatever its keys.
fn check_sums(name: &str, result: &PlanResult) -> Vec<String> {
    let mut problems = Vec::new();
    for y in &result.years {
        let total: Decimal = y.members.iter().map(|m| m.contribution).sum();
        if total != y.net {
            problems.push(format!(
                "{name} {}: contributions sum to {total}, net {}",
                y.year, y.net
            ));
        }
        for m in &y.members {
            let lines: Decimal = m.lines.iter().map(|l| l.amount).sum();
            if lines != m.contribution {
                problems.push(format!("{name} {} {}: lines sum to {lines}", y.year, m.id));
            }
        }
        for line in &y.lines {
            let column: Decimal = y
                .members
                .iter()
                .flat_map(|m| m.lines.iter().filter(|l| l.line == line.id))
                .map(|l| l.amount)
                .sum();
            if column != line.net {
                problems.push(format!(
                    "{name} {} line {}: column sums to {column}, net {}",
                    y.year, line.id, line.net
                ));
            }
        }
    }
    problems
}

fn check_figures(name: &str, result: &PlanResult, want: &Value) -> Vec<String> {
    let mut problems = check_sums(name, result);
    let nets = want["net"].as_object().expect("net");
    let years: Vec<String> = result.years.iter().map(|y| y.year.to_string()).collect();
    let wanted: Vec<String> = nets.keys().cloned().collect();
    if years != wanted {
        problems.push(format!("{name}: years {years:?}, expected {wanted:?}"));
        return problems;
    }
    let unit = rational(result.unit);
    for y in &result.years {
        let key = y.year.to_string();
        if y.net.to_string() != nets[&key] {
            problems.push(format!(
                "{name} {key}: net {}, expected {}",
                y.net, nets[&key]
            ));
        }
        if let Some(expected) = want["contributions"].get(&key) {
            // serde_json's maps are sorted by key, so compare the sets.
            let mut ids: Vec<&str> = y.members.iter().map(|m| m.id.as_str()).collect();
            ids.sort_unstable();
            let want_ids: Vec<&str> = expected
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            if ids != want_ids {
                problems.push(format!(
                    "{name} {key}: members {ids:?}, expected {want_ids:?}"
                ));
            }
            for m in &y.members {
                let got = m.contribution.to_string();
                if expected.get(&m.id).and_then(Value::as_str) != Some(got.as_str()) {
                    problems.push(format!(
                        "{name} {key} {}: {got}, expected {}",
                        m.id, expected[&m.id]
                    ));
                }
            }
        } else if let Some(exact) = want["exact"].get(&key) {
            // Several keys in the year: the rounding is not unique, but every
            // member must be within one unit of the reference's exact total.
            for m in &y.members {
                let x = fraction(exact[&m.id].as_str().expect("an exact total"));
                let diff = (rational(m.contribution) - &x).abs();
                if diff >= unit {
                    problems.push(format!(
                        "{name} {key} {}: {} is not within one unit of {x}",
                        m.id, m.contribution
                    ));
                }
            }
        } else {
            problems.push(format!("{name} {key}: neither contributions nor exact"));
        }
    }
    problems
}

#[test]
fn every_plan_vector_matches_the_reference() {
    let plans = load();
    let mut problems = Vec::new();
    for (name, want) in &plans {
        let (text, plan) = read(name);
        if want.get("error").is_some() {
            problems.extend(check_error(name, &text, plan, want));
            continue;
        }
        match plan.and_then(|p| p.compute()) {
            Ok(result) => problems.extend(check_figures(name, &result, want)),
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in {} plans:\n{}",
        problems.len(),
        plans.len(),
        problems.join("\n")
    );
}

#[test]
fn vectors_cover_errors_and_both_readers() {
    let plans = load();
    let names: Vec<&String> = plans.keys().collect();
    assert!(names.iter().any(|n| n.ends_with(".json")), "no JSON plan");
    let errors = plans.values().filter(|v| v.get("error").is_some()).count();
    assert!(errors >= 10, "only {errors} error vectors");
    let multi = plans.values().filter(|v| v.get("exact").is_some()).count();
    assert!(multi >= 2, "only {multi} multi-key vectors");
}

/// A result keeps its rows as columns and builds them when read: rows
/// built one at a time without being kept (`row`, `rows`), rows built once
/// for the year (indexing), the columns read without building a row
/// (`contribution`, `in_kind`, `id`, `position`) and the JSON written
/// before and after the rows were built all agree, for every plan vector
/// that computes (caps and floors, part years, in kind, refunds, carried
/// figures, every method).
#[test]
fn rows_read_any_way_are_the_same_rows() {
    let mut computed = 0;
    for name in load().keys() {
        let Ok(result) = read(name).1.and_then(|p| p.compute()) else {
            continue;
        };
        computed += 1;
        let unread = result.to_json();
        for y in &result.years {
            let one_by_one: Vec<_> = y.members.rows().collect();
            assert_eq!(one_by_one.len(), y.members.len(), "{name}");
            for (m, row) in one_by_one.iter().enumerate() {
                assert_eq!(y.members.row(m).as_ref(), Some(row), "{name}");
                assert_eq!(&y.members[m], row, "{name} {} member {m}", y.year);
                assert_eq!(y.members.contribution(m), Some(row.contribution), "{name}");
                assert_eq!(y.members.in_kind(m), Some(row.in_kind), "{name}");
                assert_eq!(y.members.id(m), Some(row.id.as_str()), "{name}");
                assert_eq!(y.members.position(&row.id), Some(m), "{name}");
            }
            assert_eq!(y.members.row(y.members.len()), None, "{name}");
            assert!(y.members.ids().eq(one_by_one.iter().map(|r| r.id.as_str())));
            for line in &y.lines {
                assert!(
                    line.participants
                        .ids()
                        .eq(line.participants.iter().map(String::as_str))
                );
                assert_eq!(line.participants.len(), line.participants.iter().count());
            }
        }
        assert_eq!(
            result.to_json(),
            unread,
            "{name}: JSON changed once rows were built"
        );
        assert_eq!(result.clone(), result, "{name}");
    }
    assert!(computed >= 20, "only {computed} plans computed");
}

/// A year whose figures pass 10¹⁸ units is built in full when computed
/// (its figures might overflow a decimal, and an overflow must be the
/// computation's error): it reads like any other.
#[test]
fn a_year_of_very_large_figures_is_built_when_computed() {
    let plan = Plan::from_toml(
        r#"
format = 1
name = "large"
first_year = 2025
years = 2
key = { type = "equal" }
[[members]]
id = "a"
name = "A"
[[members]]
id = "b"
name = "B"
[[members]]
id = "c"
name = "C"
[[costs]]
id = "big"
name = "Big"
amount = "10000000000000000000000000"
from = 2025
"#,
    )
    .expect("the plan reads");
    let result = plan.compute().expect("the plan computes");
    let y = &result.years[1];
    let sum: Decimal = y.members.iter().map(|m| m.contribution).sum();
    assert_eq!(sum, y.net);
    assert_eq!(y.members.row(0).as_ref(), Some(&y.members[0]));
    assert_eq!(y.members[0].change, Some(Decimal::ZERO));
    assert_eq!(
        y.members[0].exact.to_string(),
        "10000000000000000000000000/3"
    );
    assert!(result.to_json().contains("\"3333333333333333333333334\""));
}

/// A figure of a row that does not fit in a decimal is the computation's
/// error, as it was when every row was built with its year: here the
/// change in percent from 1 unit to 10²⁷ units (10²⁹ %).
#[test]
fn a_row_that_overflows_is_an_error_of_compute() {
    let plan = Plan::from_toml(
        r#"
format = 1
name = "jump"
first_year = 2025
years = 2
key = { type = "equal" }
[[members]]
id = "a"
name = "A"
[[members]]
id = "b"
name = "B"
[[members]]
id = "c"
name = "C"
[[costs]]
id = "small"
name = "Small"
amount = "3"
year = 2025
[[costs]]
id = "huge"
name = "Huge"
amount = "3000000000000000000000000000"
year = 2026
"#,
    )
    .expect("the plan reads");
    let error = plan.compute().expect_err("the change in percent overflows");
    assert_eq!(error.code(), "overflow", "{error}");
    assert!(error.to_string().contains("a change"), "{error}");
}
