//! One year's budget shared by one key: the smallest plan there is, and
//! what the embeddable calculator computes.
//!
//! A [`Budget`] is typed data, not a document: a total, a rounding unit, a
//! key and the members with their populations. [`Budget::compute`] turns it
//! into the equivalent one-year [`Plan`] and computes that, so a budget
//! follows every rule of a plan (the same rounding, the same checks, the
//! same result). It exists so that a caller with a handful of numbers
//! needs neither to write a plan document nor to carry the plan reader:
//! the browser calculator's WebAssembly module is about a third smaller
//! without it (BENCHMARKS.md).
//!
//! ```
//! use andel::plan::{Budget, BudgetKey, BudgetMember};
//!
//! let member = |id: &str, population: u32| BudgetMember {
//!     id: id.into(),
//!     name: id.to_uppercase(),
//!     population: Some(population.into()),
//! };
//! let budget = Budget {
//!     key: BudgetKey::Blend { fixed: "0.3".parse()? },
//!     members: vec![member("a", 3000), member("b", 1000)],
//!     ..Budget::new(2025, "100000".parse()?)
//! };
//! let result = budget.compute()?;
//! // 15 000 each as the fixed part, then 70 000 by population: 52 500 and 17 500.
//! assert_eq!(result.contribution("a", 2025).unwrap().to_string(), "67500");
//! assert_eq!(result.contribution("b", 2025).unwrap().to_string(), "32500");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::document::{BlendPart, CostLine, Key, Member, MemberKind, Plan, PopulationRule};
use super::number::Number;
use super::result::PlanResult;
use crate::dates::Date;
use crate::error::{Error, Result};
use crate::identity::into_nfc;
use crate::method::Method;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// One budget year's total shared among members by one key.
///
/// Errors name places in the budget: `total`, `unit`, `key.fixed`,
/// `key.shares.<id>`, `members[2].population`, `members[2].id`.
///
/// Serialises with the names of a plan document (`key = { type = "blend",
/// fixed = "0.3" }`), decimals as strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// The budget year.
    pub year: i32,
    /// Currency code, as in a plan (default `SEK`).
    pub currency: String,
    /// The amount the members share.
    pub total: Decimal,
    /// Every contribution is a whole multiple of this (default `1`).
    pub unit: Decimal,
    /// Apportionment method (default largest remainder).
    pub method: Method,
    /// How the total is shared (default per capita).
    pub key: BudgetKey,
    /// The members, in the order the result lists them.
    pub members: Vec<BudgetMember>,
}

/// A member of a [`Budget`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetMember {
    /// Unique id; fixed shares name members by it.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Inhabitants; needed by every key that goes by population.
    pub population: Option<Decimal>,
}

/// The keys a [`Budget`] offers: a calculator's choices. A plan offers
/// more ([`Key`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BudgetKey {
    /// By population.
    #[default]
    PerCapita,
    /// In equal parts.
    Equal,
    /// The part `fixed` of the total (a fraction of 1, e.g. `0.3`) in equal
    /// parts, the rest by population.
    Blend {
        /// The equal part, from 0 to 1.
        fixed: Decimal,
    },
    /// The members named pay fixed shares of the total (fractions of 1,
    /// e.g. `0.25`); the others share the rest by population.
    FixedShares {
        /// Share per member id.
        shares: BTreeMap<String, Decimal>,
    },
}

/// A budget as a binding receives it, its numbers still in the caller's
/// form `N` (a JavaScript text, a Python object). [`BudgetParts::read`]
/// reads them in the one order every runtime reports errors in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetParts<N> {
    /// The budget year.
    pub year: i32,
    /// Currency code; `None` for the default.
    pub currency: Option<String>,
    /// The amount shared.
    pub total: N,
    /// The rounding unit; `None` for the default.
    pub unit: Option<N>,
    /// The method's public name; `None` for the default.
    pub method: Option<String>,
    /// The key's name ([`BudgetKey::NAMES`]).
    pub key: String,
    /// The blend's fixed part.
    pub fixed: Option<N>,
    /// The fixed shares, by member id.
    pub shares: Option<Vec<(String, N)>>,
    /// Each member's id, name and population.
    pub members: Vec<(String, String, Option<N>)>,
}

/// Which number of a budget [`BudgetParts::read`] asks its caller to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetNumber {
    /// The amount shared.
    Total,
    /// The rounding unit.
    Unit,
    /// The blend's fixed part.
    Fixed,
    /// A fixed share.
    Share,
    /// A member's population.
    Population,
}

impl BudgetNumber {
    /// The input's name in messages: `total`, `unit`, `fixed`, `share`,
    /// `population`.
    pub fn name(self) -> &'static str {
        match self {
            BudgetNumber::Total => "total",
            BudgetNumber::Unit => "unit",
            BudgetNumber::Fixed => "fixed",
            BudgetNumber::Share => "share",
            BudgetNumber::Population => "population",
        }
    }

    /// Whether it is money (the total and the unit), which a binding may
    /// accept in fewer forms than a figure.
    pub fn is_money(self) -> bool {
        matches!(self, BudgetNumber::Total | BudgetNumber::Unit)
    }
}

impl<N> BudgetParts<N> {
    /// The budget, its numbers read by `number(value, which, path)`, where
    /// `path` is the place in the budget (`members[2].population`) at which
    /// the caller places its error. The order is the budget's: the total,
    /// the unit, the key's fixed part, its shares, the populations; then
    /// the method and the key's name. The first error wins; the outer one
    /// is the caller's, the inner one the core's. Every other check is
    /// [`Budget::compute`]'s.
    ///
    /// ```
    /// use andel::plan::BudgetParts;
    /// let parts = BudgetParts {
    ///     year: 2025,
    ///     currency: None,
    ///     total: "100",
    ///     unit: None,
    ///     method: None,
    ///     key: "blend".to_string(),
    ///     fixed: Some("0.3"),
    ///     shares: None,
    ///     members: vec![("a".into(), "A".into(), Some("1 000"))],
    /// };
    /// let read = |text: &&str, _, path: &str| {
    ///     andel::parse_decimal(text, path).map_err(|e| e.at(path))
    /// };
    /// let err = parts.read(read).unwrap_err();
    /// assert_eq!(err.location().unwrap().path, "members[0].population");
    /// ```
    pub fn read<E>(
        self,
        mut number: impl FnMut(&N, BudgetNumber, &str) -> Result<Decimal, E>,
    ) -> Result<Result<Budget>, E> {
        let total = number(&self.total, BudgetNumber::Total, "total")?;
        let unit = match &self.unit {
            Some(unit) => Some(number(unit, BudgetNumber::Unit, "unit")?),
            None => None,
        };
        let fixed = match &self.fixed {
            Some(fixed) => Some(number(fixed, BudgetNumber::Fixed, "key.fixed")?),
            None => None,
        };
        // Filled by `insert`, not collected: collecting into a map compiles
        // a sort of its own.
        let shares = match self.shares {
            None => None,
            Some(given) => {
                let mut shares = BTreeMap::new();
                for (id, share) in given {
                    let path = format!("key.shares.{id}");
                    let value = number(&share, BudgetNumber::Share, &path)?;
                    // Two ids that are one in NFC must not overwrite each
                    // other's share silently.
                    if shares.insert(into_nfc(id.clone()), value).is_some() {
                        let kind = "fixed share's member".into();
                        return Ok(Err(Error::DuplicateId { kind, id }.at(path)));
                    }
                }
                Some(shares)
            }
        };
        let mut members = Vec::with_capacity(self.members.len());
        for (i, (id, name, population)) in self.members.into_iter().enumerate() {
            let population = match population {
                Some(p) => {
                    let path = format!("members[{i}].population");
                    Some(number(&p, BudgetNumber::Population, &path)?)
                }
                None => None,
            };
            // In NFC, as a plan reader stores them (crate::identity).
            members.push(BudgetMember {
                id: into_nfc(id),
                name: into_nfc(name),
                population,
            });
        }
        // Then what only the core checks: the method's and the key's names.
        let mut budget = Budget::new(self.year, total);
        budget.currency = self.currency.unwrap_or(budget.currency);
        budget.unit = unit.unwrap_or(budget.unit);
        budget.members = members;
        Ok(match self.method.map(|m| m.parse::<Method>()).transpose() {
            Err(e) => Err(e.at("method")),
            Ok(method) => BudgetKey::from_name(&self.key, fixed, shares).map(|key| Budget {
                method: method.unwrap_or(budget.method),
                key,
                ..budget
            }),
        })
    }
}

/// The id of the budget's one cost line in its plan.
const LINE: &str = "budget";

impl Budget {
    /// A budget of `total` for `year`, with the defaults: per capita, a unit
    /// of 1, largest remainder, SEK, and no members yet.
    pub fn new(year: i32, total: Decimal) -> Budget {
        Budget {
            year,
            currency: "SEK".into(),
            total,
            unit: Decimal::ONE,
            method: Method::default(),
            key: BudgetKey::default(),
            members: Vec::new(),
        }
    }

    /// Every member's contribution: the result of the equivalent one-year
    /// plan ([`Budget::to_plan`]), with errors placed in the budget.
    pub fn compute(&self) -> Result<PlanResult> {
        self.check_key()?;
        self.to_plan()?.compute().map_err(|e| e.moved(budget_path))
    }

    // `computed` (the plan and its result kept, to explain from) is written
    // in crate::computed, above the engine.

    /// An error of the equivalent plan, its path moved into the budget.
    pub(crate) fn placed(error: Error) -> Error {
        error.moved(budget_path)
    }

    /// The equivalent plan: one year, one cost line of `total`, the
    /// population counted on 31 December of the budget year. Fails only on
    /// a year outside the calendar's range.
    pub fn to_plan(&self) -> Result<Plan> {
        let year_end = Date::last_of_year(self.year).map_err(|e| e.at("year"))?;
        Ok(Plan {
            format: super::FORMAT,
            name: format!("Budget {}", self.year),
            currency: self.currency.clone(),
            unit: Number(self.unit),
            method: self.method,
            first_divisor: None,
            first_year: self.year,
            years: 1,
            population: PopulationRule {
                years_before: 0,
                month: 12,
                day: 31,
                ..PopulationRule::default()
            },
            pro_rata: Default::default(),
            indexation: Default::default(),
            credit_in_kind: false,
            key: self.key.to_key(),
            members: self.members.iter().map(|m| member(m, year_end)).collect(),
            costs: vec![CostLine {
                id: LINE.into(),
                name: "Budget".into(),
                amount: Some(Number(self.total)),
                year: Some(self.year),
                from: None,
                to: None,
                indexed: false,
                participants: None,
                key: None,
            }],
            funding: Vec::new(),
            in_kind: Vec::new(),
            milestones: Vec::new(),
            instalments: None,
            outcome: Vec::new(),
        })
    }

    /// The bundled reference case as a budget: the first year of
    /// [`Plan::reference`], its net cost shared per capita among its paying
    /// members. (Kept as data, which a test checks against the plan, so
    /// that a budget needs no plan reader.)
    pub fn reference() -> Budget {
        let members = [
            ("bastad", "Båstad", 15_128),
            ("falkenberg", "Falkenberg", 45_367),
            ("halmstad", "Halmstad", 102_767),
            ("hylte", "Hylte", 10_815),
            ("laholm", "Laholm", 25_903),
            ("ljungby", "Ljungby", 28_521),
        ];
        Budget {
            members: members
                .into_iter()
                .map(|(id, name, population)| BudgetMember {
                    id: id.into(),
                    name: name.into(),
                    population: Some(Decimal::from(population)),
                })
                .collect(),
            ..Budget::new(2021, Decimal::from(1_250_000))
        }
    }

    /// The blend's fixed part is checked here, where it is one number: in
    /// the plan it becomes two weights, and a message about "the weights"
    /// would not say which input is wrong.
    pub(crate) fn check_key(&self) -> Result<()> {
        match self.key {
            BudgetKey::Blend { fixed } if fixed < Decimal::ZERO || fixed > Decimal::ONE => {
                Err(Error::InvalidKey {
                    reason: format!("the fixed part must be from 0 to 1, not {fixed}"),
                }
                .at("key.fixed"))
            }
            _ => Ok(()),
        }
    }
}

impl BudgetKey {
    /// The keys' names, as a plan's `type` spells them.
    pub const NAMES: [&'static str; 4] = ["per_capita", "equal", "blend", "fixed_shares"];

    /// The key named `name` (one of [`BudgetKey::NAMES`]), with the blend's
    /// fixed part or the fixed shares it needs; what it does not need must
    /// not be given. Errors are placed at `key`.
    ///
    /// ```
    /// use andel::plan::BudgetKey;
    /// let blend = BudgetKey::from_name("blend", Some("0.3".parse()?), None)?;
    /// assert_eq!(blend, BudgetKey::Blend { fixed: "0.3".parse()? });
    /// let err = BudgetKey::from_name("per_inhabitant", None, None).unwrap_err();
    /// assert_eq!(err.code(), "invalid_key");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_name(
        name: &str,
        fixed: Option<Decimal>,
        shares: Option<BTreeMap<String, Decimal>>,
    ) -> Result<BudgetKey> {
        let key = match (name, fixed, shares) {
            ("per_capita", None, None) => BudgetKey::PerCapita,
            ("equal", None, None) => BudgetKey::Equal,
            ("blend", Some(fixed), None) => BudgetKey::Blend { fixed },
            ("fixed_shares", None, Some(shares)) => BudgetKey::FixedShares { shares },
            (name, fixed, shares) => {
                let reason = match name {
                    _ if !Self::NAMES.contains(&name) => format!(
                        "unknown key {name:?}: expected one of {}",
                        Self::NAMES.join(", ")
                    ),
                    "blend" if fixed.is_none() => {
                        "a blend needs its fixed part (from 0 to 1)".to_string()
                    }
                    "fixed_shares" if shares.is_none() => {
                        "fixed_shares needs the shares".to_string()
                    }
                    "blend" | "fixed_shares" if fixed.is_some() && shares.is_some() => {
                        format!("{name} takes either a fixed part or shares, not both")
                    }
                    _ if fixed.is_some() => format!("only a blend has a fixed part, not {name}"),
                    _ => format!("only fixed_shares has shares, not {name}"),
                };
                return Err(Error::InvalidKey { reason }.at("key"));
            }
        };
        Ok(key)
    }

    /// The key's name, as a plan's `type` spells it.
    pub fn name(&self) -> &'static str {
        match self {
            BudgetKey::PerCapita => "per_capita",
            BudgetKey::Equal => "equal",
            BudgetKey::Blend { .. } => "blend",
            BudgetKey::FixedShares { .. } => "fixed_shares",
        }
    }

    /// The plan key this stands for.
    pub fn to_key(&self) -> Key {
        match self {
            BudgetKey::PerCapita => Key::PerCapita {},
            BudgetKey::Equal => Key::Equal {},
            BudgetKey::Blend { fixed } => Key::Blend {
                parts: vec![
                    BlendPart {
                        weight: Number(*fixed),
                        key: Key::Equal {},
                    },
                    BlendPart {
                        weight: Number(Decimal::ONE - *fixed),
                        key: Key::PerCapita {},
                    },
                ],
            },
            BudgetKey::FixedShares { shares } => {
                let mut numbers = BTreeMap::new();
                for (id, share) in shares {
                    numbers.insert(id.clone(), Number(*share));
                }
                Key::FixedShares {
                    shares: numbers,
                    rest: Box::new(Key::PerCapita {}),
                }
            }
        }
    }
}

/// A budget member as a plan member, its population counted on `date`.
/// (Maps are filled by `insert`: collecting into a `BTreeMap` sorts, and
/// compiles a sort for each map type, 10 KB of WebAssembly each.)
fn member(member: &BudgetMember, date: Date) -> Member {
    let mut metrics = BTreeMap::new();
    if let Some(population) = member.population {
        let mut series = BTreeMap::new();
        series.insert(date, Number(population));
        metrics.insert("population".to_string(), series);
    }
    Member {
        id: member.id.clone(),
        name: member.name.clone(),
        kind: MemberKind::default(),
        paying: true,
        joins: None,
        leaves: None,
        metrics,
    }
}

/// Where a problem found in the budget's plan is in the budget itself.
fn budget_path(path: &str) -> String {
    // The line as a whole (nobody to pay it) is about the members; any
    // part of it is its amount, the total.
    if path == "costs[0]" {
        return "members".into();
    }
    if path.starts_with("costs") {
        return "total".into();
    }
    if path == "first_year" {
        return "year".into();
    }
    if path.starts_with("key.parts") {
        return "key.fixed".into();
    }
    if let Some(rest) = path.strip_prefix("members[") {
        if let Some((index, field)) = rest.split_once(']') {
            if field.starts_with(".metrics") {
                return format!("members[{index}].population");
            }
        }
    }
    path.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(key: BudgetKey, populations: &[Option<u32>]) -> Budget {
        Budget {
            key,
            members: populations
                .iter()
                .enumerate()
                .map(|(i, p)| BudgetMember {
                    id: format!("m{}", i + 1),
                    name: format!("Member {}", i + 1),
                    population: p.map(Decimal::from),
                })
                .collect(),
            ..Budget::new(2025, Decimal::from(100))
        }
    }

    fn contributions(budget: &Budget) -> Vec<String> {
        let result = budget.compute().unwrap();
        result.years[0]
            .members
            .iter()
            .map(|m| m.contribution.to_string())
            .collect()
    }

    #[test]
    fn each_key_shares_the_total() {
        let pops = [Some(1), Some(1), Some(2)];
        assert_eq!(
            contributions(&budget(BudgetKey::PerCapita, &pops)),
            ["25", "25", "50"]
        );
        // 100 in thirds: the largest remainders all tie, the first wins.
        assert_eq!(
            contributions(&budget(BudgetKey::Equal, &pops)),
            ["34", "33", "33"]
        );
        // 40 equally (13⅓ each), 60 by population (15, 15, 30): exactly
        // 28⅓, 28⅓ and 43⅓. The remainders tie, and the unit left over goes
        // to the larger exact amount (docs/plan-format.md).
        let blend = BudgetKey::Blend {
            fixed: "0.4".parse().unwrap(),
        };
        assert_eq!(contributions(&budget(blend, &pops)), ["28", "28", "44"]);
        // m3 pays a quarter; m1 and m2 share 75 by population.
        let shares = BudgetKey::FixedShares {
            shares: BTreeMap::from([("m3".to_string(), "0.25".parse().unwrap())]),
        };
        let got = contributions(&budget(shares, &[Some(1), Some(2), None]));
        assert_eq!(got, ["25", "50", "25"]);
    }

    #[test]
    fn the_same_as_its_plan_read_from_json() {
        let budget = budget(
            BudgetKey::Blend {
                fixed: "0.3".parse().unwrap(),
            },
            &[Some(7), Some(5)],
        );
        let plan = Plan::from_json(&budget.to_plan().unwrap().to_json()).unwrap();
        assert_eq!(plan, budget.to_plan().unwrap());
        assert_eq!(budget.compute().unwrap(), plan.compute().unwrap());
    }

    #[test]
    fn errors_name_the_budget_input() {
        let path = |b: &Budget| b.compute().unwrap_err().location().unwrap().path.clone();
        let mut b = budget(BudgetKey::PerCapita, &[Some(1), None]);
        assert_eq!(b.compute().unwrap_err().code(), "missing_figure");
        assert_eq!(path(&b), "members[1].population");
        b.members[1].population = Some(Decimal::from(-3));
        assert_eq!(path(&b), "members[1].population");
        b.members[1].population = Some(Decimal::ONE);
        b.total = "100.5".parse().unwrap();
        assert_eq!(b.compute().unwrap_err().code(), "not_multiple_of_unit");
        assert_eq!(path(&b), "total");
        b.total = Decimal::from(100);
        b.key = BudgetKey::Blend {
            fixed: "1.5".parse().unwrap(),
        };
        let err = b.compute().unwrap_err();
        assert_eq!(err.code(), "invalid_key");
        assert_eq!(path(&b), "key.fixed");
        assert!(err.to_string().contains("from 0 to 1, not 1.5"), "{err}");
        b.key = BudgetKey::FixedShares {
            shares: BTreeMap::from([("m9".to_string(), "0.5".parse().unwrap())]),
        };
        assert_eq!(b.compute().unwrap_err().code(), "unknown_member");
        assert_eq!(path(&b), "key.shares.m9");
        b.key = BudgetKey::Equal;
        b.members[1].id = "m1".into();
        assert_eq!(b.compute().unwrap_err().code(), "duplicate_id");
        assert_eq!(path(&b), "members[1].id");
    }

    #[test]
    fn parts_are_read_in_one_order() {
        let parts = |method: &str, key: &str, population: &str| BudgetParts {
            year: 2025,
            currency: None,
            total: "100".to_string(),
            unit: None,
            method: Some(method.to_string()),
            key: key.to_string(),
            fixed: None,
            shares: None,
            members: vec![("a".into(), "A".into(), Some(population.to_string()))],
        };
        let read = |p: BudgetParts<String>| {
            p.read(|text, which, path| {
                assert!(path.ends_with(which.name()), "{path} is a {}", which.name());
                crate::parse_decimal(text, path).map_err(|e| e.at(path))
            })
        };
        let path = |r: Result<Result<Budget>>| {
            let err = r.and_then(|b| b).unwrap_err();
            err.location().unwrap().path.clone()
        };
        // Numbers before the method, the method before the key's name.
        assert_eq!(
            path(read(parts("hare", "metric", "x"))),
            "members[0].population"
        );
        assert_eq!(path(read(parts("hare", "metric", "1"))), "method");
        assert_eq!(path(read(parts("dhondt", "metric", "1"))), "key");
        let budget = read(parts("dhondt", "equal", "1")).unwrap().unwrap();
        assert_eq!(
            (budget.method, budget.key.name()),
            (Method::Dhondt, "equal")
        );
        assert_eq!(
            (budget.currency.as_str(), budget.unit),
            ("SEK", Decimal::ONE)
        );
    }

    #[test]
    fn keys_by_name() {
        for key in BudgetKey::NAMES {
            let fixed = (key == "blend").then_some(Decimal::ONE);
            let shares = (key == "fixed_shares").then(BTreeMap::new);
            assert_eq!(
                BudgetKey::from_name(key, fixed, shares).unwrap().name(),
                key
            );
        }
        let reason = |name, fixed, shares| {
            let err = BudgetKey::from_name(name, fixed, shares).unwrap_err();
            assert_eq!(err.location().unwrap().path, "key");
            err.root().to_string()
        };
        assert!(reason("blend", None, None).contains("needs its fixed part"));
        assert!(reason("fixed_shares", None, None).contains("needs the shares"));
        assert!(reason("equal", Some(Decimal::ONE), None).contains("only a blend"));
        assert!(reason("blend", Some(Decimal::ONE), Some(BTreeMap::new())).contains("not both"));
        assert!(reason("per_capita", None, Some(BTreeMap::new())).contains("only fixed_shares"));
        assert!(
            reason("metric", None, None)
                .contains("expected one of per_capita, equal, blend, fixed_shares")
        );
    }

    #[test]
    fn serialises_with_plan_names() {
        let mut budget = Budget::reference();
        budget.key = BudgetKey::Blend {
            fixed: "0.3".parse().unwrap(),
        };
        budget.members.truncate(1);
        let json = serde_json::to_string(&budget).unwrap();
        assert_eq!(
            json,
            r#"{"year":2021,"currency":"SEK","total":"1250000","unit":"1","method":"largest_remainder","key":{"type":"blend","fixed":"0.3"},"members":[{"id":"bastad","name":"Båstad","population":"15128"}]}"#
        );
    }

    #[test]
    fn the_reference_is_the_reference_plans_first_year() {
        let plan = Plan::reference().compute().unwrap();
        let year = &plan.years[0];
        let reference = Budget::reference();
        assert_eq!(reference.year, year.year);
        assert_eq!(reference.total, year.net);
        assert_eq!(reference.currency, plan.currency);
        let paying: Vec<_> = year
            .members
            .iter()
            .filter(|m| m.paying)
            .map(|m| (m.id.clone(), m.name.clone(), m.population))
            .collect();
        let budget: Vec<_> = reference
            .members
            .iter()
            .map(|m| (m.id.clone(), m.name.clone(), m.population))
            .collect();
        assert_eq!(budget, paying);
        let result = reference.compute().unwrap();
        assert_eq!(result.total, year.net);
    }
}
