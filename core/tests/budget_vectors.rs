//! Replays the shared budget vectors, `tests/vectors/budgets.json`, through
//! core. Their expected contributions come from
//! `tests/vectors/make_budgets.py` (exact fractions from each key's
//! definition), never from andel.

mod common;

use andel::Decimal;
use andel::plan::{Budget, BudgetKey, BudgetMember};
use common::load_cases;
use serde_json::Value;

fn decimal(v: &Value) -> Decimal {
    v.as_str().expect("decimals are strings").parse().unwrap()
}

/// A vector's budget object (the shape `Budget` serialises to).
fn budget(v: &Value) -> Budget {
    let key = &v["key"];
    let shares = key["shares"].as_object().map(|s| {
        s.iter()
            .map(|(id, share)| (id.clone(), decimal(share)))
            .collect()
    });
    let fixed = key.get("fixed").map(decimal);
    let mut budget = Budget::new(v["year"].as_i64().unwrap() as i32, decimal(&v["total"]));
    budget.key = BudgetKey::from_name(key["type"].as_str().unwrap(), fixed, shares).unwrap();
    if let Some(unit) = v.get("unit") {
        budget.unit = decimal(unit);
    }
    budget.members = v["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| BudgetMember {
            id: m["id"].as_str().unwrap().into(),
            name: m["name"].as_str().unwrap().into(),
            population: (!m["population"].is_null()).then(|| decimal(&m["population"])),
        })
        .collect();
    budget
}

#[test]
fn budgets_give_the_expected_contributions_or_errors() {
    for case in load_cases("budgets.json", 15) {
        let name = case["name"].as_str().unwrap();
        let budget = budget(&case["budget"]);
        match (budget.compute(), case.get("expected")) {
            (Ok(result), Some(expected)) => {
                let year = &result.years[0];
                let got: serde_json::Map<String, Value> = year
                    .members
                    .iter()
                    .map(|m| (m.id.clone(), Value::from(m.contribution.to_string())))
                    .collect();
                assert_eq!(&Value::Object(got), expected, "{name}");
                assert_eq!(
                    result.total, budget.total,
                    "{name}: the parts add up to the total"
                );
            }
            (Err(err), None) => {
                let want = &case["error"];
                assert_eq!(err.code(), want["code"], "{name}: {err}");
                assert_eq!(err.location().unwrap().path, want["path"], "{name}: {err}");
            }
            (got, _) => panic!("{name}: unexpected {got:?}"),
        }
    }
}
