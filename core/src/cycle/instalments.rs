//! Invoicing a year's contributions in instalments.
//!
//! The year's table of instalments (members × instalments) must add up in
//! both directions: each member's instalments to its annual contribution,
//! and each instalment run to the year's net cost split evenly over the
//! instalments. That is the plan tables' controlled-rounding problem, so it
//! is solved by the same code ([`crate::plan::table`]): cell (m, i) is
//! contribution(m) / N, every row total is a whole number of units (so it is
//! met exactly), and the runs' totals are the even split of the net, the
//! earlier instalments taking the units left over.

use super::settlement::Settlement;
use crate::dates::Date;
use crate::document::sections::instalment_problems;
use crate::error::{Error, Result};
use crate::exact;
use crate::plan::table::{Table, round_table};
use crate::plan::{Plan, PlanResult};
use num_bigint::BigInt;
use rust_decimal::Decimal;
use serde::Serialize;

/// A year's invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Invoices {
    /// The budget year.
    pub year: i32,
    /// Currency.
    pub currency: String,
    /// The year's net cost: the sum of every invoice (before settlement).
    #[schemars(with = "crate::schema::DecimalText")]
    pub net: Decimal,
    /// The settled year whose settlement is added to the first instalment.
    pub settles: Option<i32>,
    /// One run per instalment, in order.
    pub runs: Vec<InvoiceRun>,
}

/// One instalment: every paying member's invoice due on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct InvoiceRun {
    /// The instalment's number, from 1.
    pub instalment: u32,
    /// The due date.
    pub due: Date,
    /// The sum of the run's instalment amounts: the net split evenly.
    #[schemars(with = "crate::schema::DecimalText")]
    pub total: Decimal,
    /// The invoices of the run, in plan order.
    pub invoices: Vec<Invoice>,
}

/// One member's invoice for one instalment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Invoice {
    /// The member's id.
    pub member: String,
    /// The member's name.
    pub name: String,
    /// The instalment's number, from 1.
    pub instalment: u32,
    /// The due date.
    pub due: Date,
    /// The member's part of the instalment.
    #[schemars(with = "crate::schema::DecimalText")]
    pub amount: Decimal,
    /// The settlement of an earlier year added (extra charge) or taken
    /// off (refund), on the first instalment only.
    #[schemars(with = "crate::schema::DecimalText")]
    pub settlement: Decimal,
    /// What the member pays: amount + settlement.
    #[schemars(with = "crate::schema::DecimalText")]
    pub total: Decimal,
    /// A payment reference: `<year>-<member>-<instalment>`.
    pub reference: String,
}

pub(crate) fn invoices(
    plan: &Plan,
    result: &PlanResult,
    year: i32,
    settlement: Option<&Settlement>,
) -> Result<Invoices> {
    let inst = plan.instalments.as_ref().ok_or_else(|| {
        Error::InvalidPlan {
            reason: "the plan has no [instalments] section".into(),
        }
        .at("instalments")
    })?;
    // A plan that was never validated (`compute` validates) could have a
    // count of 0 or more due dates than instalments: refuse it here rather
    // than divide by zero or index past the table.
    if let Some(e) = instalment_problems(plan).into_iter().next() {
        return Err(e);
    }
    let y = result.year(year).ok_or_else(|| plan.outside(year))?;
    let unit = plan.unit.value();
    // Exactly, not `d / unit`: that overflows a decimal (a panic) for a
    // large amount in a small unit, e.g. 10²⁷ in hundredths; `floor_i128`
    // says `overflow` when the count of units is beyond an i128.
    let units = |d: Decimal| -> Result<i128> { exact::floor_i128(&(exact::q(d) / exact::q(unit))) };
    // Units back to money: at most the amount they came from, so it fits;
    // checked all the same.
    let money = |n: i128| exact::units_to_decimal(n, unit, "an instalment");
    let rows: Vec<usize> = (0..y.members.len())
        .filter(|&m| y.members[m].paying && !y.members[m].contribution.is_zero())
        .collect();
    let n = inst.count as i128;
    let net = units(y.net)?;
    // The even split of the net: the first `net mod n` instalments take one
    // unit more.
    let runs: Vec<i128> = (0..n).map(|i| net / n + i128::from(i < net % n)).collect();
    let table = Table {
        numer: rows
            .iter()
            .map(|&m| {
                let c = units(y.members[m].contribution)?;
                Ok(vec![BigInt::from(c); inst.count as usize])
            })
            .collect::<Result<_>>()?,
        den: vec![BigInt::from(n); inst.count as usize],
    };
    let cells = round_table(&table, &table.row_totals(), &runs)?;
    // Rows are whole numbers of units, so they must be met exactly; say so
    // loudly if the rounding ever did not.
    for (r, &m) in rows.iter().enumerate() {
        let sum = cells[r].iter().try_fold(0i128, |s, &c| s.checked_add(c));
        if sum != Some(units(y.members[m].contribution)?) {
            return Err(Error::Internal {
                message: format!("instalments of {} do not add up", y.members[m].id),
            });
        }
    }
    // A map, not a scan of the settlement per member: that was quadratic
    // in the members.
    let settled: std::collections::HashMap<&str, Decimal> = settlement
        .map(|s| {
            s.members
                .iter()
                .map(|x| (x.id.as_str(), x.settlement))
                .collect()
        })
        .unwrap_or_default();
    let adjust = |m: usize| -> Decimal {
        settled
            .get(y.members[m].id.as_str())
            .copied()
            .unwrap_or(Decimal::ZERO)
    };
    let mut out = Vec::new();
    for (i, due) in inst.due.iter().enumerate() {
        let due = due.in_year(year)?;
        let number = i as u32 + 1;
        let invoices = rows
            .iter()
            .enumerate()
            .map(|(r, &m)| {
                let amount = money(cells[r][i])?;
                let settlement = if i == 0 { adjust(m) } else { Decimal::ZERO };
                Ok(Invoice {
                    member: y.members[m].id.clone(),
                    name: y.members[m].name.clone(),
                    instalment: number,
                    due,
                    amount,
                    settlement,
                    // Another year's settlement (up to that year's actual
                    // contribution) plus this instalment can exceed a
                    // decimal.
                    total: exact::add(amount, settlement, "an invoice's total")?,
                    reference: format!("{year}-{}-{number}", y.members[m].id),
                })
            })
            .collect::<Result<_>>()?;
        out.push(InvoiceRun {
            instalment: number,
            due,
            total: money(runs[i])?,
            invoices,
        });
    }
    Ok(Invoices {
        year,
        currency: plan.currency.clone(),
        net: y.net,
        settles: settlement.map(|s| s.year),
        runs: out,
    })
}

impl Plan {
    /// The invoices of `year`'s instalments (the plan's `[instalments]`):
    /// each member's instalments add up to its contribution and each run to
    /// the net split evenly. With a `settlement` (of an earlier year), each
    /// member's settlement is added to its first instalment.
    ///
    /// ```
    /// let text = andel::plan::REFERENCE_PLAN.to_string()
    ///     + "\n[instalments]\ncount = 2\ndue = [\"03-31\", \"09-30\"]\n";
    /// let plan = andel::Plan::from_toml(&text)?;
    /// let invoices = plan.invoices(&plan.compute()?, 2021, None)?;
    /// // 2021's net of 1 250 000 in two runs of 625 000; Halmstad's
    /// // two instalments add up to its 562 180.
    /// assert!(invoices.runs.iter().all(|r| r.total.to_string() == "625000"));
    /// let halmstad: andel::Decimal = invoices.runs.iter()
    ///     .map(|r| r.invoices.iter().find(|i| i.member == "halmstad").unwrap().amount)
    ///     .sum();
    /// assert_eq!(halmstad.to_string(), "562180");
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn invoices(
        &self,
        result: &PlanResult,
        year: i32,
        settlement: Option<&Settlement>,
    ) -> Result<Invoices> {
        invoices(self, result, year, settlement)
    }
}

impl Invoices {
    // The CSV form (`to_csv`) is written in crate::export::csv.

    /// The invoices as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("invoices always serialise to JSON")
    }
}
