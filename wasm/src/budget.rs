//! One year's budget shared by one key ([`andel::plan::Budget`]): what the
//! embeddable calculator computes, without a plan document.
//!
//! The wrapper hands over the budget as flat texts (it checks the object's
//! shape); they are read here with [`andel::parse_decimal`] and placed at
//! the budget's paths, in the order the core's [`BudgetParts::read`] fixes.
//! Results leave as the core's own JSON, like a plan's.

use crate::error::JsResult;
use crate::to_json;
use andel::plan::{Budget, BudgetParts};
use andel::{Result, parse_decimal};
use wasm_bindgen::prelude::*;

/// Reads a budget's texts with [`andel::parse_decimal`], each error placed
/// at its path, in the order [`BudgetParts::read`] fixes for every runtime.
pub fn read(parts: BudgetParts<String>) -> Result<Budget> {
    parts
        .read(|text, _, path| parse_decimal(text, path).map_err(|e| e.at(path)))
        .and_then(|budget| budget)
}

/// Every member's contribution to a one-year budget: the
/// [`andel::PlanResult`] as JSON, as for a plan, or with `csv` as the
/// core's CSV ([`andel::PlanResult::to_csv`], as `planToCsv` gives for a
/// plan), so the calculator's download is the core's text.
///
/// `missing` lists the members (by index) without a population; their
/// entries in `populations` are ignored. `share_ids` is given exactly when
/// the key has fixed shares.
#[wasm_bindgen(js_name = computeBudget)]
#[allow(clippy::too_many_arguments)] // the wrapper's flat call, one per field
pub fn compute_budget(
    year: i32,
    currency: Option<String>,
    total: String,
    unit: Option<String>,
    method: Option<String>,
    key: String,
    fixed: Option<String>,
    share_ids: Option<Vec<String>>,
    shares: Vec<String>,
    ids: Vec<String>,
    names: Vec<String>,
    populations: Vec<String>,
    missing: Vec<u32>,
    csv: Option<bool>,
) -> JsResult<String> {
    let shares = share_ids.map(|ids| ids.into_iter().zip(shares).collect());
    let members = ids
        .into_iter()
        .zip(names)
        .zip(populations)
        .enumerate()
        .map(|(i, ((id, name), population))| {
            let given = !missing.contains(&(i as u32));
            (id, name, given.then_some(population))
        })
        .collect();
    let parts = BudgetParts {
        year,
        currency,
        total,
        unit,
        method,
        key,
        fixed,
        shares,
        members,
    };
    let result = read(parts)?.compute()?;
    if csv == Some(true) {
        Ok(result.to_csv())
    } else {
        to_json(&result)
    }
}

/// The bundled reference case as a budget ([`Budget::reference`]), as JSON.
#[wasm_bindgen(js_name = referenceBudget)]
pub fn reference_budget() -> JsResult<String> {
    to_json(&Budget::reference())
}

#[cfg(test)]
mod tests {
    use super::*;

    use andel::Decimal;
    use andel::plan::{BudgetKey, BudgetMember};

    fn reference_texts() -> BudgetParts<String> {
        let budget = Budget::reference();
        BudgetParts {
            year: budget.year,
            currency: None,
            total: budget.total.to_string(),
            unit: None,
            method: None,
            key: "per_capita".into(),
            fixed: None,
            shares: None,
            members: budget
                .members
                .iter()
                .map(|m| {
                    let population = m.population.map(|p| p.to_string());
                    (m.id.clone(), m.name.clone(), population)
                })
                .collect(),
        }
    }

    #[test]
    fn texts_read_back_to_the_reference() {
        assert_eq!(read(reference_texts()).unwrap(), Budget::reference());
    }

    #[test]
    fn the_json_is_the_cores_result() {
        let json = compute_budget(
            2021,
            None,
            "100".into(),
            Some("1".into()),
            None,
            "blend".into(),
            Some("0.4".into()),
            None,
            vec![],
            vec!["a".into(), "b".into(), "c".into()],
            vec!["A".into(), "B".into(), "C".into()],
            vec!["1".into(), "1".into(), "2".into()],
            vec![],
            None,
        )
        .unwrap();
        let mut budget = Budget::new(2021, Decimal::from(100));
        budget.key = BudgetKey::Blend {
            fixed: "0.4".parse().unwrap(),
        };
        budget.members = [("a", "A", 1), ("b", "B", 1), ("c", "C", 2)]
            .map(|(id, name, p)| BudgetMember {
                id: id.into(),
                name: name.into(),
                population: Some(p.into()),
            })
            .to_vec();
        assert_eq!(
            json,
            serde_json::to_string(&budget.compute().unwrap()).unwrap()
        );
    }

    #[test]
    fn the_csv_is_the_cores_csv_of_the_result() {
        let compute = |csv| {
            compute_budget(
                2021,
                None,
                "10".into(),
                None,
                None,
                "per_capita".into(),
                None,
                None,
                vec![],
                vec!["a".into(), "b".into()],
                vec!["=A".into(), "B".into()],
                vec!["1".into(), "3".into()],
                vec![],
                csv,
            )
            .unwrap()
        };
        let mut budget = Budget::new(2021, Decimal::from(10));
        budget.members = [("a", "=A", 1), ("b", "B", 3)]
            .map(|(id, name, p)| BudgetMember {
                id: id.into(),
                name: name.into(),
                population: Some(p.into()),
            })
            .to_vec();
        assert_eq!(compute(Some(true)), budget.compute().unwrap().to_csv());
        assert!(compute(Some(true)).contains("\n2021,a,'=A,1,"));
        assert_eq!(compute(Some(false)), compute(None));
    }

    #[test]
    fn bad_texts_are_placed_in_the_budget() {
        let path =
            |texts: BudgetParts<String>| read(texts).unwrap_err().location().unwrap().path.clone();
        let mut texts = reference_texts();
        texts.members[2].2 = Some("1 000".into());
        assert_eq!(path(texts.clone()), "members[2].population");
        texts.total = "lots".into();
        // The total comes first, as in the budget's fields.
        assert_eq!(path(texts), "total");
        let mut texts = reference_texts();
        texts.key = "fixed_shares".into();
        texts.shares = Some(vec![("hylte".into(), "1/4".into())]);
        assert_eq!(path(texts), "key.shares.hylte");
        let mut texts = reference_texts();
        texts.method = Some("hare".into());
        assert_eq!(path(texts.clone()), "method");
        texts.method = None;
        texts.key = "blend".into();
        assert_eq!(path(texts.clone()), "key");
        texts.fixed = Some("x".into());
        assert_eq!(path(texts), "key.fixed");
    }

    #[test]
    fn reference_budget_is_the_cores() {
        let json = reference_budget().unwrap();
        assert_eq!(json, serde_json::to_string(&Budget::reference()).unwrap());
    }
}
