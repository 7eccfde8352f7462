//! One year's budget shared by one key ([`andel::plan::Budget`]): what the
//! embeddable calculator computes, without a plan document.
//!
//! The wrapper hands over the budget as flat texts (it checks the object's
//! shape); they are read here with [`andel::parse_decimal`] and placed at
//! the budget's paths, in the order of the budget's fields. Results leave
//! as the core's own JSON, like a plan's.

use crate::error::JsResult;
use crate::to_json;
use andel::plan::{Budget, BudgetKey, BudgetMember};
use andel::{Decimal, Error, Result, parse_decimal};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// A budget as texts, the way JavaScript hands it over. `None` means not
/// given, so the core's default applies.
#[derive(Debug, Clone, Default)]
pub struct BudgetTexts {
    /// The budget year.
    pub year: i32,
    /// Currency code.
    pub currency: Option<String>,
    /// The amount shared.
    pub total: String,
    /// The rounding unit.
    pub unit: Option<String>,
    /// The method's public name.
    pub method: Option<String>,
    /// The key's name ([`BudgetKey::NAMES`]).
    pub key: String,
    /// The blend's fixed part.
    pub fixed: Option<String>,
    /// The members with fixed shares, and their shares (same length), when
    /// the key has shares.
    pub share_ids: Option<Vec<String>>,
    /// The fixed shares, one per id in `share_ids`.
    pub shares: Vec<String>,
    /// Member ids.
    pub ids: Vec<String>,
    /// Member names, one per id.
    pub names: Vec<String>,
    /// Populations, one per id; `None` for a member without one.
    pub populations: Vec<Option<String>>,
}

impl BudgetTexts {
    /// Reads every text, or gives the first error, placed in the budget.
    pub fn read(self) -> Result<Budget> {
        let total = number(&self.total, "total")?;
        let mut budget = Budget::new(self.year, total);
        if let Some(currency) = self.currency {
            budget.currency = currency;
        }
        if let Some(unit) = &self.unit {
            budget.unit = number(unit, "unit")?;
        }
        if let Some(method) = &self.method {
            budget.method = method.parse().map_err(|e: Error| e.at("method"))?;
        }
        let fixed = self.fixed.map(|f| number(&f, "key.fixed")).transpose()?;
        // Filled by `insert`, not collected: collecting into a map compiles
        // a sort of its own.
        let shares = match self.share_ids {
            None => None,
            Some(ids) => {
                let mut shares = BTreeMap::new();
                for (id, share) in ids.into_iter().zip(&self.shares) {
                    let value = number(share, &format!("key.shares.{id}"))?;
                    shares.insert(id, value);
                }
                Some(shares)
            }
        };
        budget.key = BudgetKey::from_name(&self.key, fixed, shares)?;
        budget.members = self
            .ids
            .into_iter()
            .zip(self.names)
            .zip(self.populations)
            .enumerate()
            .map(|(i, ((id, name), population))| {
                let at = format!("members[{i}].population");
                let population = population.map(|p| number(&p, &at)).transpose()?;
                Ok(BudgetMember {
                    id,
                    name,
                    population,
                })
            })
            .collect::<Result<_>>()?;
        Ok(budget)
    }
}

fn number(text: &str, path: &str) -> Result<Decimal> {
    parse_decimal(text, path).map_err(|e| e.at(path))
}

/// Every member's contribution to a one-year budget: the
/// [`andel::PlanResult`] as JSON, as for a plan.
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
) -> JsResult<String> {
    let populations = populations
        .into_iter()
        .enumerate()
        .map(|(i, p)| (!missing.contains(&(i as u32))).then_some(p))
        .collect();
    let texts = BudgetTexts {
        year,
        currency,
        total,
        unit,
        method,
        key,
        fixed,
        share_ids,
        shares,
        ids,
        names,
        populations,
    };
    to_json(&texts.read()?.compute()?)
}

/// The bundled reference case as a budget ([`Budget::reference`]), as JSON.
#[wasm_bindgen(js_name = referenceBudget)]
pub fn reference_budget() -> JsResult<String> {
    to_json(&Budget::reference())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference_texts() -> BudgetTexts {
        let budget = Budget::reference();
        BudgetTexts {
            year: budget.year,
            total: budget.total.to_string(),
            key: "per_capita".into(),
            ids: budget.members.iter().map(|m| m.id.clone()).collect(),
            names: budget.members.iter().map(|m| m.name.clone()).collect(),
            populations: budget
                .members
                .iter()
                .map(|m| m.population.map(|p| p.to_string()))
                .collect(),
            ..BudgetTexts::default()
        }
    }

    #[test]
    fn texts_read_back_to_the_reference() {
        assert_eq!(reference_texts().read().unwrap(), Budget::reference());
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
    fn bad_texts_are_placed_in_the_budget() {
        let path = |texts: BudgetTexts| texts.read().unwrap_err().location().unwrap().path.clone();
        let mut texts = reference_texts();
        texts.populations[2] = Some("1 000".into());
        assert_eq!(path(texts.clone()), "members[2].population");
        texts.total = "lots".into();
        // The total comes first, as in the budget's fields.
        assert_eq!(path(texts), "total");
        let mut texts = reference_texts();
        texts.key = "fixed_shares".into();
        texts.share_ids = Some(vec!["hylte".into()]);
        texts.shares = vec!["1/4".into()];
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
