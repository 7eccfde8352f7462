//! `explain(member, year)`: how a contribution arose, in words and numbers.

use super::document::{Key, Plan};
use super::result::PlanResult;
use crate::error::{Error, Result};
use serde::Serialize;
use std::fmt;

/// How one member's contribution in one year arose: a list of sentences,
/// each with its figures, from the inputs to the rounded amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The member's id.
    pub member: String,
    /// The budget year.
    pub year: i32,
    /// The contribution explained.
    pub contribution: rust_decimal::Decimal,
    /// The explanation, one sentence a line.
    pub lines: Vec<String>,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// A short description of a key, for explanations.
pub(crate) fn describe(key: &Key) -> String {
    match key {
        Key::PerCapita {} => "per capita".to_string(),
        Key::Equal {} => "equal parts".to_string(),
        Key::Metric { metric } => format!("by {metric}"),
        Key::Weights { .. } => "by agreed weights".to_string(),
        Key::FixedShares { shares, rest } => {
            let fixed: Vec<String> = shares.iter().map(|(id, s)| format!("{id} {s}")).collect();
            format!(
                "fixed shares ({}), the rest {}",
                fixed.join(", "),
                describe(rest)
            )
        }
        Key::FixedAmounts { amounts, rest } => {
            let fixed: Vec<String> = amounts.iter().map(|(id, a)| format!("{id} {a}")).collect();
            format!(
                "fixed amounts ({}), the rest {}",
                fixed.join(", "),
                describe(rest)
            )
        }
        Key::Blend { parts } => {
            let mix: Vec<String> = parts
                .iter()
                .map(|p| format!("{} {}", p.weight, describe(&p.key)))
                .collect();
            format!("a blend of {}", mix.join(" + "))
        }
        Key::PerInhabitantFee { fee } => format!("a fee of {fee} per inhabitant"),
        Key::Limited { key, max_share, .. } => match max_share {
            Some(m) => format!("{}, with caps (max share {m}) and floors", describe(key)),
            None => format!("{}, with caps and floors", describe(key)),
        },
    }
}

/// How the year's table was rounded, by the plan's method.
fn rounding_sentence(method: crate::Method) -> String {
    if method == crate::Method::LargestRemainder {
        return "Rounding: every line and every member's total are rounded together so that the table adds up exactly both ways; \
                each figure is within one unit of its exact value."
            .to_string();
    }
    format!(
        "Rounding: the members' totals are the {method} apportionment of the net cost by their exact totals, \
         and every line still adds up exactly; so a total or a line's part may be more than one unit from its exact value."
    )
}

pub(crate) fn explain(
    plan: &Plan,
    result: &PlanResult,
    member: &str,
    year: i32,
) -> Result<Explanation> {
    let last = plan.first_year + plan.years as i32 - 1;
    let y = result.year(year).ok_or(Error::YearOutsideHorizon {
        year: year.into(),
        first: plan.first_year,
        last,
    })?;
    let m = y
        .members
        .iter()
        .find(|m| m.id == member)
        .ok_or_else(|| Error::UnknownMember {
            id: member.to_string(),
        })?;
    let cur = &result.currency;
    let mut out = Vec::new();
    out.push(format!(
        "{} ({}), budget year {year}: contribution {} {cur}.",
        m.name, m.id, m.contribution
    ));
    if !m.paying {
        out.push(format!(
            "{} takes part in kind only and pays no cash.",
            m.name
        ));
    }
    let refunds: Vec<rust_decimal::Decimal> = y
        .lines
        .iter()
        .filter(|l| is_refund(l.gross))
        .map(|l| l.gross)
        .collect();
    if refunds.is_empty() {
        out.push(format!(
            "The members share a net cost of {} {cur} in {year}: gross {} less funding {}.",
            y.net, y.gross, y.funding
        ));
    } else {
        let credited = super::exact::sum(refunds, "the year's refunds")?;
        out.push(format!(
            "The members share a net cost of {} {cur} in {year}: gross {} (refunds and credits {} included) less funding {}.",
            y.net, y.gross, credited, y.funding
        ));
    }
    if let (Some(pop), Some(date)) = (m.population, m.population_date) {
        let rule = &plan.population;
        let rule_text = format!(
            "the plan uses the figure of {:02}-{:02} in year Y−{} for budget year Y",
            rule.month, rule.day, rule.years_before
        );
        out.push(match m.population_carried_from {
            None => format!("Population: {pop} at {date} ({rule_text})."),
            Some(from) => format!(
                "Population: {pop}, the figure of {from}: there is none for the reference date {date} ({rule_text}), \
                 so the latest earlier figure was carried forward, as the plan allows."
            ),
        });
    }
    if let Some(ms) = &m.membership {
        out.push(format!(
            "Member for {} of {} {} of {year}: weights and fixed parts are pro-rated by that fraction.",
            ms.counted, ms.of, ms.unit
        ));
    }
    for la in &m.lines {
        let line = y.lines.iter().find(|l| l.id == la.line);
        let cost = plan.costs.iter().find(|c| c.id == la.line);
        let key = cost.and_then(|c| c.key.as_ref()).unwrap_or(&plan.key);
        if let Some(line) = line.filter(|l| is_refund(l.gross)) {
            let exact = exact_part(line.net, &la.share);
            out.push(format!(
                "Line {:?} ({}): a refund or credit of {} {cur}, shared {} among {} member(s) as a cost would be; share {} of it = {} exactly, {} after rounding.",
                line.id,
                line.name,
                line.net,
                describe(key),
                line.participants.len(),
                la.share,
                exact,
                la.amount
            ));
        } else if let Some(line) = line {
            let exact = exact_part(line.net, &la.share);
            out.push(format!(
                "Line {:?} ({}): net {} {cur}, shared {} among {} member(s); share {} of it = {} exactly, {} after rounding.",
                line.id,
                line.name,
                line.net,
                describe(key),
                line.participants.len(),
                la.share,
                exact,
                la.amount
            ));
        }
    }
    for note in &m.limits {
        out.push(format!("Limits: {note}."));
    }
    out.push(format!(
        "Exact contribution {} (= {}), share {} = {} % of the net cost; rounding {} → {} {cur}.",
        m.exact_decimal,
        m.exact,
        m.share,
        m.share_percent,
        signed(m.rounding.round_dp(4)),
        m.contribution
    ));
    out.push(rounding_sentence(plan.method));
    if !m.in_kind.is_zero() {
        out.push(format!(
            "In kind: {} {cur} this year, reported beside the cash.",
            m.in_kind
        ));
    }
    if let Some(cash) = m.cash_due {
        out.push(format!("In-kind value is credited: cash due {cash} {cur}."));
    }
    match (m.change, m.change_percent) {
        (Some(c), Some(p)) => out.push(format!(
            "Change from {}: {} {cur} ({} %).",
            year - 1,
            signed(c),
            signed(p)
        )),
        (Some(c), None) => out.push(format!("Change from {}: {} {cur}.", year - 1, signed(c))),
        _ => {}
    }
    Ok(Explanation {
        member: m.id.clone(),
        year,
        contribution: m.contribution,
        lines: out,
    })
}

/// Whether a line's amount is a refund or credit (negative).
fn is_refund(gross: rust_decimal::Decimal) -> bool {
    gross.is_sign_negative() && !gross.is_zero()
}

/// net × share, exactly, as a decimal with up to 28 significant digits.
fn exact_part(net: rust_decimal::Decimal, share: &crate::Fraction) -> String {
    let x = super::exact::q(net) * share.rational();
    super::exact::decimal(&x)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn signed(d: rust_decimal::Decimal) -> String {
    if d.is_sign_negative() && !d.is_zero() {
        d.to_string()
    } else {
        format!("+{d}")
    }
}
