//! Checks a plan as a whole and reports every problem found, each at its
//! place in the document.

use super::plan::{CostLine, Key, Plan};
use crate::dates::Date;
use crate::error::Error;
use crate::identity::nfc;
use crate::method::Method;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

/// Bounds that keep hostile documents from costing unbounded time or memory.
pub mod limits {
    /// Most members in a plan.
    pub const MEMBERS: usize = 100_000;
    /// Most budget years.
    pub const YEARS: u32 = 100;
    /// Most cost lines.
    pub const COST_LINES: usize = 1_000;
    /// Longest id or name (of the plan, members, cost lines, funding and
    /// milestones), in bytes of UTF-8.
    pub const TEXT: usize = 200;
    /// Longest text of a milestone's `due` and `who`, in bytes of UTF-8:
    /// every year's calendar event repeats them.
    pub const LONG_TEXT: usize = 1_000;
    /// Longest `currency`, in bytes of UTF-8: every table, invoice,
    /// settlement and calendar figure repeats it. Room for a code (`SEK`)
    /// or a short word (`kronor`, `tkr`).
    pub const CURRENCY: usize = 16;
    /// Most milestones (`[[milestones]]`): the calendar lists every one in
    /// every year, so it has at most 100 × 100 entries. Figures of the
    /// calendar (each milestone with figures, every year, every member)
    /// are bounded by [`FIGURES`] as the plan's own.
    pub const MILESTONES: usize = 100;
    /// Deepest nesting of keys. A key written as a plan's or a cost
    /// line's `key` is at depth 1; a key inside it (a blend's part, the
    /// `rest` of fixed shares or amounts, the key a `limited` key limits) is
    /// one deeper. A key at depth 8 is accepted, one at depth 9 refused.
    pub const KEY_DEPTH: usize = 8;
    /// Most figures a plan may ask for: members × years × (cost lines + 1),
    /// a member's row of line amounts and its total for every year. Each
    /// bound above can be within reach while their product is not: 100 000
    /// members, 100 years and 1 000 lines, a document of a few megabytes,
    /// would ask for a result of about a terabyte. The bound admits the
    /// largest plan benchmarked (100 000 members × 50 years × 4 lines,
    /// about 6 GB of result; BENCHMARKS.md) and not much more.
    pub const FIGURES: u64 = 30_000_000;
}

/// Every problem in the plan, in document order.
pub(crate) fn problems(plan: &Plan) -> Vec<Error> {
    let mut v = Vec::new();
    let horizon = Horizon {
        first: plan.first_year,
        last: plan.first_year.saturating_add(plan.years as i32 - 1),
    };
    settings(&mut v, plan);
    span(&mut v, plan);
    size(&mut v, plan);
    indexation(&mut v, &plan.indexation);
    members(&mut v, plan);
    let member_ids: HashSet<&str> = plan.members.iter().map(|m| m.id.as_str()).collect();
    check_key(&mut v, &plan.key, "key", &member_ids, 1, plan);
    let line_ids = cost_lines(&mut v, plan, &horizon, &member_ids);
    funding(&mut v, plan, &horizon, &line_ids);
    for (i, k) in plan.in_kind.iter().enumerate() {
        in_kind(
            &mut v,
            k,
            plan,
            &horizon,
            &member_ids,
            &format!("in_kind[{i}]"),
        );
    }
    for (i, m) in plan.milestones.iter().enumerate() {
        long(&mut v, &m.id, &format!("milestones[{i}].id"));
        forbidden(&mut v, &m.id, "milestone", &format!("milestones[{i}].id"));
        long(&mut v, &m.name, &format!("milestones[{i}].name"));
    }
    // The annual cycle's sections: milestones, instalments, outcomes.
    v.extend(super::sections::problems(plan));
    v
}

/// The plan's own settings: format, name, currency, unit, first divisor
/// and method.
fn settings(v: &mut Vec<Error>, plan: &Plan) {
    if plan.format != super::FORMAT {
        v.push(Error::UnsupportedFormat { found: plan.format }.at("format"));
    }
    text(v, &plan.name, "name");
    currency(v, &plan.currency);
    if plan.unit.value() <= Decimal::ZERO {
        v.push(
            Error::InvalidUnit {
                unit: plan.unit.value(),
            }
            .at("unit"),
        );
    }
    if let Some(fd) = plan.first_divisor {
        let check = crate::Allocator::new()
            .method(plan.method)
            .first_divisor(Some(fd.value()))
            .allocate(Decimal::ZERO, &[Decimal::ONE]);
        if let Err(e @ Error::InvalidFirstDivisor { .. }) = check {
            v.push(e.at("first_divisor"));
        }
    }
    if plan.method == Method::HuntingtonHill {
        v.push(Error::InvalidPlan { reason: "huntington_hill gives every member a unit first and cannot split every cost line; choose another method".into() }.at("method"));
    }
}

/// The budget years and the population day.
fn span(v: &mut Vec<Error>, plan: &Plan) {
    if plan.years == 0 || plan.years > limits::YEARS {
        v.push(
            Error::InvalidPlan {
                reason: format!(
                    "years must be from 1 to {}, not {}",
                    limits::YEARS,
                    plan.years
                ),
            }
            .at("years"),
        );
    }
    if !(1..=9000).contains(&plan.first_year) {
        v.push(
            Error::InvalidPlan {
                reason: "first_year must be a year from 1 to 9000".into(),
            }
            .at("first_year"),
        );
    }
    let rule = &plan.population;
    if Date::new(2001, rule.month, rule.day).is_err() {
        v.push(
            Error::InvalidDate {
                input: format!("--{:02}-{:02}", rule.month, rule.day),
                reason: "no such day in every year".into(),
            }
            .at("population"),
        );
    }
}

/// The size [`limits`]: members, cost lines, and the figures of the result.
fn size(v: &mut Vec<Error>, plan: &Plan) {
    if plan.members.is_empty() || plan.members.len() > limits::MEMBERS {
        v.push(
            Error::InvalidPlan {
                reason: format!(
                    "a plan needs from 1 to {} members; this one has {}",
                    limits::MEMBERS,
                    plan.members.len()
                ),
            }
            .at("members"),
        );
    }
    if plan.costs.len() > limits::COST_LINES {
        v.push(
            Error::InvalidPlan {
                reason: format!(
                    "a plan has at most {} cost lines; this one has {}",
                    limits::COST_LINES,
                    plan.costs.len()
                ),
            }
            .at("costs"),
        );
    }
    let figures = (plan.members.len() as u64)
        .saturating_mul(u64::from(plan.years))
        .saturating_mul(plan.costs.len() as u64 + 1);
    let each_within = plan.members.len() <= limits::MEMBERS
        && plan.years <= limits::YEARS
        && plan.costs.len() <= limits::COST_LINES;
    if each_within && figures > limits::FIGURES {
        v.push(Error::InvalidPlan {
            reason: format!(
                "a plan computes at most {} figures (members × years × (cost lines + 1)); this one asks for {figures}",
                limits::FIGURES
            ),
        });
    }
}

fn members(v: &mut Vec<Error>, plan: &Plan) {
    let mut ids = HashSet::new();
    for (i, m) in plan.members.iter().enumerate() {
        let at = format!("members[{i}]");
        id(v, &m.id, "member", &format!("{at}.id"));
        text(v, &m.name, &format!("{at}.name"));
        if !ids.insert(nfc(&m.id)) {
            v.push(
                Error::DuplicateId {
                    kind: "member".into(),
                    id: m.id.clone(),
                }
                .at(format!("{at}.id")),
            );
        }
        if let (Some(j), Some(l)) = (m.joins, m.leaves) {
            if l < j {
                v.push(
                    Error::InvalidPlan {
                        reason: format!("member {:?} leaves ({l}) before it joins ({j})", m.id),
                    }
                    .at(format!("{at}.leaves")),
                );
            }
        }
        for (metric, series) in &m.metrics {
            for (date, value) in series {
                if value.value() < Decimal::ZERO {
                    v.push(
                        Error::NegativeAmount {
                            what: format!("{metric} of {} at {date}", m.id),
                            value: value.value(),
                        }
                        .at(format!("{at}.metrics.{metric}")),
                    );
                }
            }
        }
    }
}

/// Checks every cost line; gives the lines' ids (normalised), for the
/// funding that names a line.
fn cost_lines<'a>(
    v: &mut Vec<Error>,
    plan: &'a Plan,
    horizon: &Horizon,
    member_ids: &HashSet<&str>,
) -> HashSet<Cow<'a, str>> {
    let paying: HashSet<&str> = plan
        .members
        .iter()
        .filter(|m| m.paying)
        .map(|m| m.id.as_str())
        .collect();
    let mut line_ids = HashSet::new();
    for (i, c) in plan.costs.iter().enumerate() {
        let at = format!("costs[{i}]");
        id(v, &c.id, "cost line", &format!("{at}.id"));
        long(v, &c.name, &format!("{at}.name"));
        if !line_ids.insert(nfc(&c.id)) {
            v.push(
                Error::DuplicateId {
                    kind: "cost line".into(),
                    id: c.id.clone(),
                }
                .at(format!("{at}.id")),
            );
        }
        let when = When {
            year: c.year,
            from: c.from,
            to: c.to,
        };
        when.check(v, horizon, "cost line", &at, true);
        cost_amount(v, c, plan, &at);
        if let Some(parts) = &c.participants {
            participants(v, parts, plan, member_ids, &paying, &at);
        }
        if let Some(k) = &c.key {
            check_key(v, k, &format!("{at}.key"), member_ids, 1, plan);
        }
    }
    line_ids
}

/// A cost line's amount: given, unless its key gets the amount from fees.
fn cost_amount(v: &mut Vec<Error>, c: &CostLine, plan: &Plan, at: &str) {
    let key = c.key.as_ref().unwrap_or(&plan.key);
    let fee = match key {
        Key::PerInhabitantFee { .. } => {
            Some("a per_inhabitant_fee key gets its amount from the fee")
        }
        Key::Banded { .. } => Some("a banded key gets its amount from the members' fees"),
        _ => None,
    };
    if c.indexed && matches!(key, Key::Banded { .. }) {
        v.push(Error::InvalidPlan { reason: "a line with a banded key cannot be indexed: its amount is the members' fees, which the bands give".into() }.at(format!("{at}.indexed")));
    }
    match (c.amount, fee.is_some()) {
        (Some(_), true) => v.push(
            Error::InvalidPlan {
                reason: format!("a line with {}; leave amount out", fee.unwrap_or_default()),
            }
            .at(format!("{at}.amount")),
        ),
        (None, false) => v.push(
            Error::MissingField {
                field: "amount".into(),
            }
            .at(at.to_string()),
        ),
        // A negative amount is a refund or credit, shared by the key like
        // any cost (docs/plan-format.md, "Refunds and credits").
        (Some(a), false) => multiple_of_unit(v, a.value(), plan, &format!("{at}.amount")),
        (None, true) => {}
    }
}

/// A cost line's participants: not empty, each a paying member.
fn participants(
    v: &mut Vec<Error>,
    parts: &[String],
    plan: &Plan,
    member_ids: &HashSet<&str>,
    paying: &HashSet<&str>,
    at: &str,
) {
    if parts.is_empty() {
        v.push(
            Error::InvalidPlan {
                reason: "participants is empty: leave it out to mean every paying member".into(),
            }
            .at(format!("{at}.participants")),
        );
    }
    for (j, p) in parts.iter().enumerate() {
        if !member_ids.contains(p.as_str()) {
            v.push(
                Error::unknown_member(p, plan.members.iter().map(|m| m.id.as_str()))
                    .at(format!("{at}.participants[{j}]")),
            );
        } else if !paying.contains(p.as_str()) {
            v.push(Error::InvalidPlan { reason: format!("member {p:?} takes part in kind only (paying = false) and cannot share a cost") }.at(format!("{at}.participants[{j}]")));
        }
    }
}

/// Checks every funding: id, name, year, amount and the line it names.
fn funding(v: &mut Vec<Error>, plan: &Plan, horizon: &Horizon, line_ids: &HashSet<Cow<'_, str>>) {
    let mut funding_ids = HashSet::new();
    for (i, f) in plan.funding.iter().enumerate() {
        let at = format!("funding[{i}]");
        long(v, &f.id, &format!("{at}.id"));
        forbidden(v, &f.id, "funding", &format!("{at}.id"));
        long(v, &f.name, &format!("{at}.name"));
        if !funding_ids.insert(nfc(&f.id)) {
            v.push(
                Error::DuplicateId {
                    kind: "funding".into(),
                    id: f.id.clone(),
                }
                .at(format!("{at}.id")),
            );
        }
        horizon.check(v, f.year, &format!("{at}.year"));
        amount(
            v,
            f.amount.value(),
            plan,
            &format!("funding {:?}", f.id),
            &format!("{at}.amount"),
        );
        if let Some(line) = &f.line {
            if !line_ids.contains(&nfc(line)) {
                v.push(Error::UnknownLine { id: line.clone() }.at(format!("{at}.line")));
            }
        }
    }
}

/// The budget years of the plan.
struct Horizon {
    first: i32,
    last: i32,
}

impl Horizon {
    /// Refuses `year`, at `at`, when it is outside the plan's years.
    fn check(&self, v: &mut Vec<Error>, year: i32, at: &str) -> bool {
        let inside = (self.first..=self.last).contains(&year);
        if !inside {
            v.push(
                Error::YearOutsideHorizon {
                    year: year.into(),
                    first: self.first,
                    last: self.last,
                }
                .at(at),
            );
        }
        inside
    }
}

/// When a cost line or an in-kind entry applies: one `year`, or every year
/// `from` one to `to` (default the last), each inside the horizon. The same
/// rules for both, so an entry is never read one way and a line another.
struct When {
    year: Option<i32>,
    from: Option<i32>,
    to: Option<i32>,
}

impl When {
    /// Checks the years of the `what` at `at`; `required`: one of `year`
    /// and `from` must be given (an in-kind entry without either applies
    /// to every year).
    fn check(&self, v: &mut Vec<Error>, horizon: &Horizon, what: &str, at: &str, required: bool) {
        match (self.year, self.from) {
            (Some(_), Some(_)) => v.push(
                Error::InvalidPlan {
                    reason: format!(
                        "a {what} has either year (one-off) or from (recurring), not both"
                    ),
                }
                .at(format!("{at}.from")),
            ),
            (None, None) if required => v.push(
                Error::MissingField {
                    field: "year or from".into(),
                }
                .at(at),
            ),
            (Some(y), None) => {
                horizon.check(v, y, &format!("{at}.year"));
            }
            (None, Some(f)) => {
                horizon.check(v, f, &format!("{at}.from"));
            }
            (None, None) => {}
        }
        let Some(t) = self.to else { return };
        if !horizon.check(v, t, &format!("{at}.to")) {
            return;
        }
        let reason = match (self.year, self.from) {
            (Some(_), _) => "to ends a recurring entry (from … to), not a one-off year",
            (None, Some(f)) if t < f => "to must be a year at or after from",
            (None, None) if !required => "to ends a recurring entry: give its from as well",
            _ => return,
        };
        v.push(
            Error::InvalidPlan {
                reason: format!("{reason} ({what})"),
            }
            .at(format!("{at}.to")),
        );
    }
}

/// Checks an in-kind entry at `at` as a cost line is checked: a known
/// member, its years, and its value per year, either `amount` or
/// `hours` × `rate`, never negative and a whole multiple of the unit (the
/// value is credited against cash, which is).
fn in_kind(
    v: &mut Vec<Error>,
    k: &super::plan::InKind,
    plan: &Plan,
    horizon: &Horizon,
    members: &HashSet<&str>,
    at: &str,
) {
    if !members.contains(k.member.as_str()) {
        v.push(
            Error::unknown_member(&k.member, plan.members.iter().map(|m| m.id.as_str()))
                .at(format!("{at}.member")),
        );
    }
    let when = When {
        year: k.year,
        from: k.from,
        to: k.to,
    };
    when.check(v, horizon, "in-kind entry", at, false);
    match (k.amount, k.hours, k.rate) {
        (Some(a), None, None) => amount(
            v,
            a.value(),
            plan,
            &format!("in-kind amount of {:?}", k.member),
            &format!("{at}.amount"),
        ),
        (Some(_), hours, _) => v.push(
            Error::InvalidPlan {
                reason: "an in-kind entry is valued by amount, or by hours and rate, not both"
                    .into(),
            }
            .at(format!(
                "{at}.{}",
                if hours.is_some() { "hours" } else { "rate" }
            )),
        ),
        (None, Some(h), Some(r)) => {
            let mut fine = true;
            for (field, x) in [("hours", h), ("rate", r)] {
                if x.value() < Decimal::ZERO {
                    fine = false;
                    v.push(
                        Error::NegativeAmount {
                            what: format!("in-kind {field} of {:?}", k.member),
                            value: x.value(),
                        }
                        .at(format!("{at}.{field}")),
                    );
                }
            }
            if fine {
                hours_times_rate(v, h.value(), r.value(), plan, &format!("{at}.rate"));
            }
        }
        (None, _, _) => v.push(
            Error::MissingField {
                field: "amount, or hours and rate".into(),
            }
            .at(at),
        ),
    }
}

/// Refuses a value per year `hours` × `rate` that is not a whole multiple
/// of the unit, or beyond what a decimal holds; computed exactly.
fn hours_times_rate(v: &mut Vec<Error>, hours: Decimal, rate: Decimal, plan: &Plan, at: &str) {
    use crate::exact::{decimal, q};
    let value = q(hours) * q(rate);
    let Ok(total) = decimal(&value) else {
        v.push(Error::overflow("an in-kind value (hours × rate)").at(at));
        return;
    };
    let unit = plan.unit.value();
    if unit > Decimal::ZERO && !(value / q(unit)).is_integer() {
        v.push(Error::NotMultipleOfUnit { total, unit }.at(at));
    }
}

/// Refuses an index rate at or below -1 (a factor 1 + rate of zero or
/// less wipes out or flips every indexed amount) and a `rates` year not
/// written the way the years are looked up: `"+2026"` or `"02026"` would be
/// ignored silently, and beside `"2026"` would name that year twice.
fn indexation(v: &mut Vec<Error>, indexation: &super::plan::Indexation) {
    let low = |rate: &super::number::Number| rate.value() <= Decimal::NEGATIVE_ONE;
    if indexation.rate.as_ref().is_some_and(low) {
        v.push(
            Error::InvalidPlan {
                reason: "an index rate must be above -1".into(),
            }
            .at("indexation.rate"),
        );
    }
    for (year, rate) in &indexation.rates {
        let at = format!("indexation.rates.{year}");
        let Ok(number) = year.trim().parse::<i32>() else {
            v.push(
                Error::InvalidPlan {
                    reason: format!("{year:?} is not a year"),
                }
                .at(at),
            );
            continue;
        };
        let canonical = number.to_string();
        if *year != canonical && indexation.rates.contains_key(&canonical) {
            v.push(
                Error::DuplicateId {
                    kind: "indexation year".into(),
                    id: canonical,
                }
                .at(at),
            );
        } else if *year != canonical {
            v.push(
                Error::InvalidPlan {
                    reason: format!("write the year {year:?} as \"{canonical}\""),
                }
                .at(at),
            );
        } else if low(rate) {
            v.push(
                Error::InvalidPlan {
                    reason: "an index rate must be above -1".into(),
                }
                .at(at),
            );
        }
    }
}

/// An id: not empty, not too long, no forbidden character.
fn id(v: &mut Vec<Error>, value: &str, kind: &str, at: &str) {
    text(v, value, at);
    forbidden(v, value, kind, at);
}

/// Refuses an id with a character no id may have (crate::identity).
fn forbidden(v: &mut Vec<Error>, value: &str, kind: &str, at: &str) {
    if let Some(character) = crate::identity::forbidden(value) {
        v.push(
            Error::InvalidId {
                kind: kind.into(),
                id: value.into(),
                character,
            }
            .at(at),
        );
    }
}

/// Refuses a currency longer than [`limits::CURRENCY`] or with a control
/// character or a bidirectional override (it is written beside every
/// figure, into terminals and calendar files alike).
fn currency(v: &mut Vec<Error>, value: &str) {
    let reason = if value.len() > limits::CURRENCY {
        format!(
            "is {} bytes long, more than the {} bytes a currency may have",
            value.len(),
            limits::CURRENCY
        )
    } else if let Some(c) = crate::identity::forbidden(value) {
        format!(
            "has the character {}, which a currency may not have",
            c.escape_unicode()
        )
    } else {
        return;
    };
    v.push(Error::InvalidPlan { reason }.at("currency"));
}

fn text(v: &mut Vec<Error>, value: &str, at: &str) {
    if value.trim().is_empty() {
        v.push(
            Error::InvalidPlan {
                reason: "must not be empty".into(),
            }
            .at(at),
        );
    } else {
        long(v, value, at);
    }
}

/// Refuses an id or name longer than [`limits::TEXT`]: every year of the
/// result repeats it.
fn long(v: &mut Vec<Error>, value: &str, at: &str) {
    if value.len() > limits::TEXT {
        v.push(
            Error::InvalidPlan {
                reason: format!(
                    "is {} bytes long, more than the {} bytes an id or name may have",
                    value.len(),
                    limits::TEXT
                ),
            }
            .at(at),
        );
    }
}

fn amount(v: &mut Vec<Error>, value: Decimal, plan: &Plan, what: &str, at: &str) {
    if value < Decimal::ZERO {
        v.push(
            Error::NegativeAmount {
                what: what.into(),
                value,
            }
            .at(at),
        );
        return;
    }
    multiple_of_unit(v, value, plan, at);
}

/// Refuses an amount that is not a whole multiple of the plan's unit.
fn multiple_of_unit(v: &mut Vec<Error>, value: Decimal, plan: &Plan, at: &str) {
    let unit = plan.unit.value();
    if unit > Decimal::ZERO
        && crate::round_to_unit(value, unit, crate::Rounding::Down).is_ok_and(|r| r != value)
    {
        v.push(Error::NotMultipleOfUnit { total: value, unit }.at(at));
    }
}

/// Checks `key`, at `at`, whose depth (see [`limits::KEY_DEPTH`]) is
/// `depth`.
fn check_key(
    v: &mut Vec<Error>,
    key: &Key,
    at: &str,
    members: &HashSet<&str>,
    depth: usize,
    plan: &Plan,
) {
    if depth > limits::KEY_DEPTH {
        v.push(
            Error::InvalidKey {
                reason: format!(
                    "this key is at depth {depth}: keys may be nested at most {} deep",
                    limits::KEY_DEPTH
                ),
            }
            .at(at),
        );
        return;
    }
    match key {
        Key::PerCapita {} | Key::Equal {} | Key::Metric { .. } => {}
        Key::Weights { weights } => member_values(v, weights, at, "weights", members),
        Key::FixedShares { shares, rest } => {
            member_values(v, shares, at, "shares", members);
            let total: Decimal = shares.values().map(|s| s.value()).sum();
            if total > Decimal::ONE {
                v.push(
                    Error::InvalidKey {
                        reason: format!("the fixed shares add up to {total}, more than 1"),
                    }
                    .at(format!("{at}.shares")),
                );
            }
            check_key(v, rest, &format!("{at}.rest"), members, depth + 1, plan);
        }
        Key::FixedAmounts { amounts, rest } => {
            member_values(v, amounts, at, "amounts", members);
            check_key(v, rest, &format!("{at}.rest"), members, depth + 1, plan);
        }
        Key::Blend { parts } => check_blend(v, parts, at, members, depth, plan),
        Key::PerInhabitantFee { fee } => {
            if fee.value() < Decimal::ZERO {
                v.push(
                    Error::NegativeAmount {
                        what: "the fee".into(),
                        value: fee.value(),
                    }
                    .at(format!("{at}.fee")),
                );
            }
        }
        Key::Banded { .. } if depth > 1 => v.push(
            Error::InvalidKey {
                reason: "a banded key gives each member its fee and is a line's own key or the plan's, never part of another key".into(),
            }
            .at(at),
        ),
        Key::Banded { bands } => check_bands(v, bands, at, plan),
        Key::Limited { .. } => check_limited(v, key, at, members, depth, plan),
    }
}

/// Checks a limited key at `at` (depth `depth`): `max_share` above 0 and
/// at most 1, the per-member limits, and the key limited.
fn check_limited(
    v: &mut Vec<Error>,
    limited: &Key,
    at: &str,
    members: &HashSet<&str>,
    depth: usize,
    plan: &Plan,
) {
    let Key::Limited {
        key,
        max_share,
        max_amount,
        min_amount,
    } = limited
    else {
        return;
    };
    if let Some(m) = max_share {
        if m.value() <= Decimal::ZERO || m.value() > Decimal::ONE {
            v.push(
                Error::InvalidKey {
                    reason: "max_share must be above 0 and at most 1".into(),
                }
                .at(format!("{at}.max_share")),
            );
        }
    }
    member_values(v, max_amount, at, "max_amount", members);
    member_values(v, min_amount, at, "min_amount", members);
    if matches!(**key, Key::PerInhabitantFee { .. }) {
        v.push(
            Error::InvalidKey {
                reason: "a per_inhabitant_fee key cannot be limited".into(),
            }
            .at(format!("{at}.key")),
        );
    }
    check_key(v, key, &format!("{at}.key"), members, depth + 1, plan);
}

/// Checks a key's per-member figures (`field` of the key at `at`): each
/// id a member's and each value not negative.
fn member_values(
    v: &mut Vec<Error>,
    map: &BTreeMap<String, super::number::Number>,
    at: &str,
    field: &str,
    members: &HashSet<&str>,
) {
    for (id, value) in map {
        if !members.contains(id.as_str()) {
            // The set has no order; the ids are listed sorted.
            let mut known: Vec<&str> = members.iter().copied().collect();
            known.sort_unstable();
            v.push(Error::unknown_member(id, known).at(format!("{at}.{field}.{id}")));
        }
        if value.value() < Decimal::ZERO {
            v.push(
                Error::NegativeAmount {
                    what: format!("{field} of {id}"),
                    value: value.value(),
                }
                .at(format!("{at}.{field}.{id}")),
            );
        }
    }
}

/// Checks a blend at `at` (depth `depth`): weights adding up to 1, none
/// negative, and each part's key.
fn check_blend(
    v: &mut Vec<Error>,
    parts: &[super::plan::BlendPart],
    at: &str,
    members: &HashSet<&str>,
    depth: usize,
    plan: &Plan,
) {
    let total: Decimal = parts.iter().map(|p| p.weight.value()).sum();
    if total != Decimal::ONE {
        v.push(
            Error::InvalidKey {
                reason: format!("the blend's weights add up to {total}, not 1"),
            }
            .at(format!("{at}.parts")),
        );
    }
    for (i, p) in parts.iter().enumerate() {
        if p.weight.value() < Decimal::ZERO {
            v.push(
                Error::NegativeAmount {
                    what: "a blend weight".into(),
                    value: p.weight.value(),
                }
                .at(format!("{at}.parts[{i}].weight")),
            );
        }
        check_key(
            v,
            &p.key,
            &format!("{at}.parts[{i}].key"),
            members,
            depth + 1,
            plan,
        );
    }
}

/// Checks the bands of a banded key at `at`: at least one band, `below`
/// increasing (above 0 for the first), exactly one band without `below`
/// and that one last, every fee not negative and a whole multiple of the
/// unit.
fn check_bands(v: &mut Vec<Error>, bands: &[super::plan::Band], at: &str, plan: &Plan) {
    let Some(last) = bands.len().checked_sub(1) else {
        v.push(
            Error::InvalidKey {
                reason: "a banded key needs at least one band".into(),
            }
            .at(format!("{at}.bands")),
        );
        return;
    };
    let mut previous = Decimal::ZERO;
    for (i, band) in bands.iter().enumerate() {
        let here = format!("{at}.bands[{i}]");
        match (band.below, i == last) {
            (None, true) => {}
            (None, false) => v.push(
                Error::InvalidKey {
                    reason: "only the last band is open (has no below); give this band its below"
                        .into(),
                }
                .at(here.clone()),
            ),
            (Some(_), true) => v.push(
                Error::InvalidKey {
                    reason:
                        "the last band must be open (no below), so that every population has a band"
                            .into(),
                }
                .at(format!("{here}.below")),
            ),
            (Some(below), false) => {
                if below.value() <= previous {
                    v.push(
                        Error::InvalidKey {
                            reason: format!(
                                "the bands must be in increasing below: {} is not above {}",
                                below.value(),
                                previous
                            ),
                        }
                        .at(format!("{here}.below")),
                    );
                }
                previous = previous.max(below.value());
            }
        }
        amount(
            v,
            band.fee.value(),
            plan,
            &format!("the fee of band {i}"),
            &format!("{here}.fee"),
        );
    }
}
