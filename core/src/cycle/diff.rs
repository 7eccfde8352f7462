//! Scenarios: how two plans differ, per member and year, in amount and
//! percent ("Ljungby leaves in 2025", "the university pays a fixed 10 %").

use crate::error::{Error, Result};
use crate::exact;
use crate::fraction::Fraction;
use crate::plan::PlanResult;
use crate::rounding::Rounding;
use num_bigint::BigInt;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The difference between two plans' results, B − A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScenarioDiff {
    /// Plan A's name.
    pub a: String,
    /// Plan B's name.
    pub b: String,
    /// Currency of both.
    pub currency: String,
    /// Every budget year of either plan, in order.
    pub years: Vec<YearDiff>,
    /// Over the whole horizon, per member.
    pub totals: Vec<MemberDiff>,
    /// The change of net cost over the whole horizon, B − A: the sum of the
    /// years' changes and of the members' total changes.
    #[schemars(with = "crate::schema::DecimalText")]
    pub change: Decimal,
}

/// One budget year of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct YearDiff {
    /// The budget year.
    pub year: i32,
    /// Net cost in A (0 when A has no such year).
    #[schemars(with = "crate::schema::DecimalText")]
    pub a: Decimal,
    /// Net cost in B.
    #[schemars(with = "crate::schema::DecimalText")]
    pub b: Decimal,
    /// b − a.
    #[schemars(with = "crate::schema::DecimalText")]
    pub change: Decimal,
    /// Every member of either plan: A's members in A's order, then B's
    /// new ones.
    pub members: Vec<MemberDiff>,
}

/// One member's figures in the two plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct MemberDiff {
    /// The member's id.
    pub id: String,
    /// The member's name (as in A, else as in B).
    pub name: String,
    /// The contribution in A (0 when not a member there).
    #[schemars(with = "crate::schema::DecimalText")]
    pub a: Decimal,
    /// The contribution in B.
    #[schemars(with = "crate::schema::DecimalText")]
    pub b: Decimal,
    /// b − a.
    #[schemars(with = "crate::schema::DecimalText")]
    pub change: Decimal,
    /// change / a in percent, rounded half to even to 2 decimals; absent
    /// when a is 0.
    #[schemars(with = "Option<crate::schema::DecimalText>")]
    pub change_percent: Option<Decimal>,
}

/// Compares two plans' results: B − A per member and year. Plans in
/// different currencies or rounding units cannot be compared
/// (`incomparable_plans`).
///
/// ```
/// let a = andel::Plan::reference();
/// let text = andel::plan::REFERENCE_PLAN.replace(
///     "name = \"Ljungby\"", "name = \"Ljungby\"\nleaves = \"2024-12-31\"");
/// let b = andel::Plan::from_toml(&text)?;
/// let d = andel::cycle::diff(&a.compute()?, &b.compute()?)?;
/// let y2025 = d.years.iter().find(|y| y.year == 2025).unwrap();
/// let ljungby = y2025.members.iter().find(|m| m.id == "ljungby").unwrap();
/// assert_eq!(ljungby.b, andel::Decimal::ZERO);
/// assert_eq!(ljungby.change_percent.unwrap().to_string(), "-100.00");
/// // The others make up what Ljungby no longer pays: the net is the same.
/// assert_eq!(d.change, andel::Decimal::ZERO);
/// # Ok::<(), andel::Error>(())
/// ```
pub fn diff(a: &PlanResult, b: &PlanResult) -> Result<ScenarioDiff> {
    if a.currency != b.currency {
        return Err(Error::IncomparablePlans {
            reason: format!(
                "the plans are in different currencies ({} and {})",
                a.currency, b.currency
            ),
        });
    }
    if a.unit != b.unit {
        return Err(Error::IncomparablePlans {
            reason: format!(
                "the plans have different rounding units ({} and {})",
                a.unit, b.unit
            ),
        });
    }
    // Sets and maps, not scans: a scan per member (and per member and
    // year) was quadratic in the members.
    let mut seen = HashSet::new();
    let mut ids: Vec<(&str, &str)> = Vec::new();
    for t in a.totals.iter().chain(&b.totals) {
        if seen.insert(t.id.as_str()) {
            ids.push((&t.id, &t.name));
        }
    }
    let mut year_numbers: Vec<i32> = a.years.iter().chain(&b.years).map(|y| y.year).collect();
    year_numbers.sort_unstable();
    year_numbers.dedup();
    within_bound(ids.len(), year_numbers.len())?;
    fn contributions(r: &PlanResult, year: i32) -> HashMap<&str, Decimal> {
        r.year(year).map_or_else(HashMap::new, |y| {
            y.members
                .iter()
                .map(|m| (m.id.as_str(), m.contribution))
                .collect()
        })
    }
    let mut years = Vec::with_capacity(year_numbers.len());
    for year in year_numbers {
        let net = |r: &PlanResult| r.year(year).map_or(Decimal::ZERO, |y| y.net);
        let (in_a, in_b) = (contributions(a, year), contributions(b, year));
        let of = |c: &HashMap<&str, Decimal>, id: &str| c.get(id).copied().unwrap_or(Decimal::ZERO);
        let members = ids
            .iter()
            .map(|&(id, name)| member(id, name, of(&in_a, id), of(&in_b, id)))
            .collect::<Result<_>>()?;
        years.push(YearDiff {
            year,
            a: net(a),
            b: net(b),
            change: exact::sub(net(b), net(a), "a change of net cost")?,
            members,
        });
    }
    fn totals(r: &PlanResult) -> HashMap<&str, Decimal> {
        r.totals
            .iter()
            .map(|t| (t.id.as_str(), t.contribution))
            .collect()
    }
    let (total_a, total_b) = (totals(a), totals(b));
    let total = |t: &HashMap<&str, Decimal>, id: &str| t.get(id).copied().unwrap_or(Decimal::ZERO);
    let totals = ids
        .iter()
        .map(|&(id, name)| member(id, name, total(&total_a, id), total(&total_b, id)))
        .collect::<Result<_>>()?;
    Ok(ScenarioDiff {
        a: a.name.clone(),
        b: b.name.clone(),
        currency: a.currency.clone(),
        years,
        totals,
        change: exact::sub(b.total, a.total, "a change of net cost")?,
    })
}

/// Refuses a comparison of more figures than a plan may compute
/// ([`limits::FIGURES`](crate::plan::limits::FIGURES)): every member of
/// either plan in every year of either plan, plus a total per member. Each
/// plan is within the bound, but two plans with different members and
/// years are not, together: 150 000 members × 200 years.
fn within_bound(members: usize, years: usize) -> Result<()> {
    let figures = (members as u64).saturating_mul((years as u64).saturating_add(1));
    if figures > crate::plan::limits::FIGURES {
        return Err(Error::IncomparablePlans {
            reason: format!(
                "the comparison would have {figures} figures (the members of either plan × (the years of either plan + 1)), more than the {} a comparison may have",
                crate::plan::limits::FIGURES
            ),
        });
    }
    Ok(())
}

fn member(id: &str, name: &str, a: Decimal, b: Decimal) -> Result<MemberDiff> {
    // Contributions are not negative, so b − a fits; checked all the same
    // (results are public values).
    let change = exact::sub(b, a, "a change of contribution")?;
    Ok(MemberDiff {
        id: id.to_string(),
        name: name.to_string(),
        a,
        b,
        change,
        change_percent: percent(change, a)?,
    })
}

/// change / base × 100, rounded half to even to 2 decimals, exactly.
pub(crate) fn percent(change: Decimal, base: Decimal) -> Result<Option<Decimal>> {
    if base.is_zero() {
        return Ok(None);
    }
    let scale = change.scale().max(base.scale());
    let at = |d: Decimal| BigInt::from(d.mantissa()) * BigInt::from(10u8).pow(scale - d.scale());
    Fraction::ratio(at(change), at(base))
        .round(2, 2, Rounding::HalfEven)
        .map(Some)
        .ok_or_else(|| Error::overflow("a change in percent"))
}

impl ScenarioDiff {
    // The CSV form (`to_csv`) is written in crate::export::csv.

    /// The comparison as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a comparison always serialises to JSON")
    }
}

#[cfg(test)]
mod tests {
    use super::within_bound;
    use crate::plan::limits::FIGURES;

    #[test]
    fn a_comparison_is_bounded_like_a_plan() {
        // 30 000 000 = 150 000 members × (199 years + 1).
        assert_eq!(FIGURES, 150_000 * 200);
        assert!(within_bound(150_000, 199).is_ok());
        let past = within_bound(150_001, 199).unwrap_err();
        assert_eq!(past.code(), "incomparable_plans");
        assert!(past.to_string().contains("30000000"), "{past}");
        assert_eq!(
            within_bound(150_000, 200).unwrap_err().code(),
            "incomparable_plans"
        );
        assert!(within_bound(usize::MAX, usize::MAX).is_err());
    }
}
