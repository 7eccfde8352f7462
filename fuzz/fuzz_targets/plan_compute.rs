//! Plans built as values, shaped to be valid (ids that exist, years inside
//! the horizon, blend weights adding up to 1, fixed shares at most 1), so
//! that the fuzzer spends its time in the computation (keys, pro rata,
//! indexation, funding, caps, controlled rounding) rather than in the
//! reader. Every invariant of `core/tests/invariants/mod.rs` is asserted,
//! plus the JSON and TOML round trips of the plan.
//!
//! `ANDEL_FUZZ_PRINT=1` prints each generated plan as JSON (how a finding
//! becomes a file under `fuzz/regressions/plan_compute/`);
//! `ANDEL_FUZZ_STATS=1` prints `ok` or the error code per input.
#![no_main]

#[path = "../../core/tests/invariants/mod.rs"]
mod invariants;

use andel::cycle::{Figures, Instalments, Milestone, MonthDay, Outcome};
use andel::plan::{
    Band, BlendPart, CostLine, Funding, InKind, Indexation, Key, Member, MemberKind, Number, Plan,
    PopulationRule,
};
use andel::{Date, Decimal, Method, ProRata, Rounding};
use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

#[derive(Arbitrary, Debug)]
struct Spec {
    first_year: u8,
    years: u8,
    unit: u8,
    method: u8,
    months: bool,
    years_before: u8,
    reference: u8,
    carry_forward: bool,
    indexation: Option<IndexSpec>,
    credit_in_kind: bool,
    key: KeySpec,
    members: u8,
    costs: u8,
    funding: u8,
    in_kind: u8,
    milestones: u8,
    outcomes: u8,
    instalments: Option<(u8, u8)>,
    perturb: u8,
    perturb_by: u32,
}

/// The spec with its lists. Their lengths are drawn up front (1 to 8
/// members, 0 to 6 lines, …) rather than left to `Vec`'s encoding, so that
/// short inputs already give plans with several members and lines.
struct Lists {
    members: Vec<MemberSpec>,
    costs: Vec<CostSpec>,
    funding: Vec<FundingSpec>,
    in_kind: Vec<InKindSpec>,
    milestones: Vec<MilestoneSpec>,
    outcomes: Vec<OutcomeSpec>,
}

fn lists(spec: &Spec, u: &mut Unstructured) -> arbitrary::Result<Lists> {
    let many = |n: u8, most: u8| usize::from(n % (most + 1));
    let mut members = Vec::new();
    for _ in 0..=many(spec.members, MAX_MEMBERS as u8 - 1) {
        members.push(u.arbitrary()?);
    }
    let mut costs = Vec::new();
    for _ in 0..many(spec.costs, MAX_COSTS as u8) {
        costs.push(u.arbitrary()?);
    }
    let mut funding = Vec::new();
    for _ in 0..many(spec.funding, 3) {
        funding.push(u.arbitrary()?);
    }
    let mut in_kind = Vec::new();
    for _ in 0..many(spec.in_kind, 3) {
        in_kind.push(u.arbitrary()?);
    }
    let mut milestones = Vec::new();
    for _ in 0..many(spec.milestones, 3) {
        milestones.push(u.arbitrary()?);
    }
    let mut outcomes = Vec::new();
    for _ in 0..many(spec.outcomes, 2) {
        outcomes.push(u.arbitrary()?);
    }
    Ok(Lists {
        members,
        costs,
        funding,
        in_kind,
        milestones,
        outcomes,
    })
}

#[derive(Arbitrary, Debug)]
struct IndexSpec {
    rate: Option<i16>,
    rates: Vec<(u8, i16)>,
    rounding: u8,
}

#[derive(Arbitrary, Debug)]
struct MemberSpec {
    not_paying: u8,
    kind: u8,
    churn: u8,
    joins: (u8, u8, u8),
    leaves: (u8, u8, u8),
    population: u32,
    growth: i16,
    gaps: u16,
    employees: u16,
}

#[derive(Arbitrary, Debug)]
enum KeySpec {
    PerCapita,
    Equal,
    Metric,
    Weights(Vec<(u8, u16)>),
    FixedShares(Vec<(u8, u16)>, Box<KeySpec>),
    FixedAmounts(Vec<(u8, u32)>, Box<KeySpec>),
    Blend(Vec<(u16, KeySpec)>),
    Fee(u16),
    Limited {
        key: Box<KeySpec>,
        max_share: Option<u16>,
        max_amount: Vec<(u8, u32)>,
        min_amount: Vec<(u8, u32)>,
    },
    /// Banded fees: (step of `below`, fee) per band, the last open.
    Banded(Vec<(u16, u32)>),
}

#[derive(Arbitrary, Debug)]
struct CostSpec {
    amount: u32,
    one_off: bool,
    from: u8,
    to: Option<u8>,
    indexed: bool,
    participants: Option<Vec<u8>>,
    key: Option<KeySpec>,
}

#[derive(Arbitrary, Debug)]
struct FundingSpec {
    line: u8,
    earmarked: bool,
    permille: u16,
}

#[derive(Arbitrary, Debug)]
struct MilestoneSpec {
    month: u8,
    day: u8,
    offset: i8,
    figures: u8,
}

/// An outcome: actual costs of up to 3 lines (one in eight near the
/// largest decimal, to reach the cycle's sums at their limit) and actual
/// amounts of up to 3 funding entries.
#[derive(Arbitrary, Debug)]
struct OutcomeSpec {
    year: u8,
    costs: Vec<(u8, u32, u8)>,
    funding: Vec<(u8, u16)>,
}

#[derive(Arbitrary, Debug)]
struct InKindSpec {
    member: u8,
    year: Option<u8>,
    hours: Option<(u16, u16)>,
    amount: u32,
}

const UNITS: [&str; 7] = ["1", "0.01", "1000", "0.05", "5", "0.5", "100"];
const MAX_MEMBERS: usize = 8;
const MAX_COSTS: usize = 6;

/// A day of every year: months 1–12, days 1–28.
fn month_day(month: u8, day: u8) -> MonthDay {
    format!("{:02}-{:02}", 1 + month % 12, 1 + day % 28)
        .parse()
        .expect("a day in every year")
}

fn d(text: &str) -> Decimal {
    text.parse().expect("a literal decimal")
}

/// `n` thousandths, as an exact decimal.
fn permille(n: i64) -> Number {
    Number(Decimal::new(n, 3))
}

/// Builds the plan a spec describes.
struct Builder<'a> {
    spec: &'a Spec,
    lists: &'a Lists,
    first: i32,
    years: u32,
    unit: Decimal,
    members: usize,
}

impl Builder<'_> {
    fn year(&self, off: u8) -> i32 {
        self.first + i32::from(off) % self.years as i32
    }

    fn member_id(&self, i: u8) -> String {
        format!("m{}", usize::from(i) % self.members)
    }

    /// A date in the horizon (or the year before it, for members that
    /// joined earlier), always one that exists.
    fn date(&self, (y, m, day): (u8, u8, u8)) -> Date {
        let year = self.first - 1 + i32::from(y) % (self.years as i32 + 1);
        let month = 1 + u32::from(m) % 12;
        let day = 1 + u32::from(day) % andel::days_in_month(year, month);
        Date::new(year, month, day).expect("a day that exists")
    }

    fn amount(&self, raw: u32) -> Number {
        Number(self.unit * Decimal::from(raw % 10_000_000))
    }

    /// Ids of members, unique, in a map.
    fn by_member<T>(
        &self,
        pairs: &[(u8, T)],
        f: impl Fn(&T) -> Number,
    ) -> BTreeMap<String, Number> {
        pairs
            .iter()
            .take(4)
            .map(|(i, v)| (self.member_id(*i), f(v)))
            .collect()
    }

    /// A key; `top` allows a per-inhabitant fee (only a line's own key).
    fn key(&self, spec: &KeySpec, depth: usize, top: bool) -> Key {
        if depth > 3 {
            return Key::PerCapita {};
        }
        match spec {
            KeySpec::PerCapita => Key::PerCapita {},
            KeySpec::Equal => Key::Equal {},
            KeySpec::Metric => Key::Metric {
                metric: "employees".into(),
            },
            KeySpec::Weights(w) => Key::Weights {
                weights: self.by_member(w, |x| Number(Decimal::from(*x % 1000))),
            },
            KeySpec::FixedShares(s, rest) => {
                let mut left = 1000i64;
                let mut shares = BTreeMap::new();
                for (i, x) in s.iter().take(3) {
                    let share = i64::from(*x) % (left + 1);
                    left -= share;
                    shares.insert(self.member_id(*i), permille(share));
                }
                Key::FixedShares {
                    shares,
                    rest: Box::new(self.key(rest, depth + 1, false)),
                }
            }
            KeySpec::FixedAmounts(a, rest) => Key::FixedAmounts {
                amounts: self.by_member(a, |x| self.amount(*x % 100_000)),
                rest: Box::new(self.key(rest, depth + 1, false)),
            },
            KeySpec::Blend(parts) if !parts.is_empty() => {
                let parts = &parts[..parts.len().min(3)];
                let mut left = 1000i64;
                let mut out = Vec::new();
                for (n, (w, k)) in parts.iter().enumerate() {
                    let weight = if n + 1 == parts.len() {
                        left
                    } else {
                        i64::from(*w) % (left + 1)
                    };
                    left -= weight;
                    out.push(BlendPart {
                        weight: permille(weight),
                        key: self.key(k, depth + 1, false),
                    });
                }
                Key::Blend { parts: out }
            }
            KeySpec::Blend(_) => Key::Equal {},
            KeySpec::Fee(fee) if top => Key::PerInhabitantFee {
                fee: Number(Decimal::new(i64::from(*fee % 10_000), 2)),
            },
            KeySpec::Fee(_) => Key::PerCapita {},
            KeySpec::Banded(bands) if top && !bands.is_empty() => {
                let bands = &bands[..bands.len().min(4)];
                let mut below = 0u32;
                let out = bands
                    .iter()
                    .enumerate()
                    .map(|(n, (step, fee))| {
                        below += u32::from(*step % 50_000) + 1;
                        Band {
                            below: (n + 1 < bands.len()).then(|| Number(Decimal::from(below))),
                            fee: self.amount(*fee % 100_000),
                        }
                    })
                    .collect();
                Key::Banded { bands: out }
            }
            KeySpec::Banded(_) => Key::PerCapita {},
            KeySpec::Limited {
                key,
                max_share,
                max_amount,
                min_amount,
            } => Key::Limited {
                key: Box::new(self.key(key, depth + 1, false)),
                max_share: max_share.map(|m| permille(i64::from(m % 1001))),
                max_amount: self.by_member(max_amount, |x| self.amount(*x)),
                min_amount: self.by_member(min_amount, |x| self.amount(*x % 100_000)),
            },
        }
    }

    fn member(&self, i: usize, s: &MemberSpec) -> Member {
        // One member in four joins, one in four leaves, within the horizon.
        let mut joins = s.churn.is_multiple_of(4).then(|| self.date(s.joins));
        let mut leaves = (s.churn >> 2)
            .is_multiple_of(4)
            .then(|| self.date(s.leaves));
        if let (Some(j), Some(l)) = (joins, leaves)
            && l < j
        {
            (joins, leaves) = (Some(l), Some(j));
        }
        let rule = self.rule();
        let mut population = BTreeMap::new();
        let mut employees = BTreeMap::new();
        // A figure for every reference date the horizon needs, less the gaps.
        for (n, year) in (self.first - 4..self.first + self.years as i32).enumerate() {
            let Ok(date) = Date::new(year, rule.month, rule.day) else {
                continue;
            };
            // One member in sixteen has gaps in its series.
            if s.gaps.is_multiple_of(16) && s.gaps & (1 << (4 + n % 12)) != 0 {
                continue;
            }
            let value = i64::from(s.population % 1_000_000) + i64::from(s.growth) * n as i64;
            population.insert(date, Number(Decimal::from(value.max(0))));
            employees.insert(date, Number(Decimal::from(s.employees)));
        }
        let metrics = BTreeMap::from([
            ("population".to_string(), population),
            ("employees".to_string(), employees),
        ]);
        Member {
            id: format!("m{i}"),
            name: format!("Member {i}"),
            kind: [
                MemberKind::Municipality,
                MemberKind::Region,
                MemberKind::University,
                MemberKind::Company,
                MemberKind::Other,
            ][usize::from(s.kind) % 5],
            paying: !s.not_paying.is_multiple_of(8),
            joins,
            leaves,
            metrics,
        }
    }

    fn rule(&self) -> PopulationRule {
        let (month, day) = [(12, 31), (11, 1), (6, 30)][usize::from(self.spec.reference) % 3];
        PopulationRule {
            metric: "population".into(),
            years_before: u32::from(self.spec.years_before % 3),
            month,
            day,
            carry_forward: self.spec.carry_forward,
        }
    }

    fn cost(&self, n: usize, c: &CostSpec, paying: &[String]) -> CostLine {
        let key = c.key.as_ref().map(|k| self.key(k, 0, true));
        let fee = matches!(key, Some(Key::PerInhabitantFee { .. } | Key::Banded { .. }));
        let participants = c.participants.as_ref().and_then(|p| {
            let mut ids: Vec<String> = p
                .iter()
                .take(MAX_MEMBERS)
                .map(|i| self.member_id(*i))
                .filter(|id| paying.contains(id))
                .collect();
            ids.sort();
            ids.dedup();
            (!ids.is_empty()).then_some(ids)
        });
        let from = self.year(c.from);
        CostLine {
            id: format!("c{n}"),
            name: format!("Cost {n}"),
            amount: (!fee).then(|| self.amount(c.amount)),
            year: c.one_off.then_some(from),
            from: (!c.one_off).then_some(from),
            to: c
                .to
                .filter(|_| !c.one_off)
                .map(|t| from + i32::from(t) % (self.first + self.years as i32 - from)),
            indexed: c.indexed && !c.one_off && !matches!(key, Some(Key::Banded { .. })),
            participants,
            key,
        }
    }

    /// Funding of up to a line's base amount, in that line's first year,
    /// earmarked for it or not, so that it mostly fits.
    fn funding(&self, n: usize, f: &FundingSpec, costs: &[CostLine]) -> Funding {
        let line = costs
            .get(usize::from(f.line) % costs.len().max(1))
            .filter(|c| c.amount.is_some());
        let base = line
            .and_then(|c| c.amount)
            .map_or(Decimal::ZERO, |a| a.value());
        let units =
            (base / self.unit).trunc() * Decimal::from(f.permille % 1001) / Decimal::from(1000);
        Funding {
            id: format!("f{n}"),
            name: format!("Funding {n}"),
            year: line.and_then(|c| c.year.or(c.from)).unwrap_or(self.first),
            amount: Number(units.trunc() * self.unit),
            line: line.filter(|_| f.earmarked).map(|c| c.id.clone()),
        }
    }

    fn in_kind(&self, k: &InKindSpec) -> InKind {
        let (hours, rate) = match k.hours {
            Some((h, r)) => (
                Some(Number(Decimal::from(h))),
                Some(Number(Decimal::new(i64::from(r), 1))),
            ),
            None => (None, None),
        };
        InKind {
            member: self.member_id(k.member),
            description: Some("work".into()),
            year: k.year.map(|y| self.year(y)),
            from: None,
            to: None,
            amount: k
                .hours
                .is_none()
                .then(|| Number(Decimal::from(k.amount % 1_000_000))),
            hours,
            rate,
        }
    }

    fn indexation(&self) -> Indexation {
        let Some(ix) = &self.spec.indexation else {
            return Indexation::default();
        };
        // Rates from -20 % to +30 %, in tenths of a per mille.
        let rate = |r: i16| Number(Decimal::new(i64::from(r) % 3000 - 1000, 4).max(d("-0.2")));
        Indexation {
            rate: ix.rate.map(rate),
            rates: ix
                .rates
                .iter()
                .take(4)
                .map(|(y, r)| (self.year(*y).to_string(), rate(*r)))
                .collect(),
            rounding: Rounding::ALL[usize::from(ix.rounding) % Rounding::ALL.len()],
        }
    }

    /// Milestones with distinct ids, offsets from -2 to 2 (one in
    /// sixteen outside the -10..=10 the format allows, to fuzz the refusal),
    /// on days that exist in every year.
    fn milestones(&self) -> Vec<Milestone> {
        self.lists
            .milestones
            .iter()
            .enumerate()
            .map(|(n, m)| {
                let offset = if m.figures >= 240 {
                    i32::from(m.offset) * 11
                } else {
                    i32::from(m.offset) % 3
                };
                Milestone {
                    id: format!("ms{n}"),
                    name: format!("Milestone {n}"),
                    date: month_day(m.month, m.day),
                    offset,
                    due: "something".into(),
                    who: None,
                    figures: [Figures::None, Figures::Contributions, Figures::Settlement]
                        [usize::from(m.figures) % 3],
                }
            })
            .collect()
    }

    /// 1 to 12 instalments, due in months spread over the year, in order.
    fn instalments(&self) -> Option<Instalments> {
        let (count, day) = self.spec.instalments?;
        let count = 1 + u32::from(count) % 12;
        Some(Instalments {
            count,
            due: (0..count)
                .map(|i| month_day((i * 12 / count) as u8, day))
                .collect(),
        })
    }

    /// An amount near the largest decimal, a multiple of the unit.
    fn huge(&self, raw: u32) -> Number {
        let divisor = Decimal::from(1 + raw % 3);
        let units = if self.unit >= Decimal::ONE {
            (Decimal::MAX / self.unit / divisor).trunc()
        } else {
            // Whole numbers are multiples of every unit below 1 here.
            return Number((Decimal::MAX / divisor).trunc());
        };
        Number(units * self.unit)
    }

    /// Outcomes of distinct years: actual costs of lines that are not
    /// per-inhabitant fees, actual funding of that year's entries.
    fn outcomes(&self, costs: &[CostLine], funding: &[Funding]) -> Vec<Outcome> {
        let mut out: Vec<Outcome> = Vec::new();
        for o in &self.lists.outcomes {
            let year = self.year(o.year);
            if out.iter().any(|x| x.year == year) {
                continue;
            }
            let lines: Vec<&CostLine> = costs
                .iter()
                .filter(|c| !matches!(c.key, Some(Key::PerInhabitantFee { .. })))
                .collect();
            let actual_costs = o
                .costs
                .iter()
                .take(3)
                .filter_map(|(l, amount, huge)| {
                    let line = lines.get(usize::from(*l) % lines.len().max(1))?;
                    let value = if huge.is_multiple_of(8) {
                        self.huge(*amount)
                    } else {
                        self.amount(*amount)
                    };
                    Some((line.id.clone(), value))
                })
                .collect();
            let of_year: Vec<&Funding> = funding.iter().filter(|f| f.year == year).collect();
            let actual_funding = o
                .funding
                .iter()
                .take(3)
                .filter_map(|(f, permille)| {
                    let f = of_year.get(usize::from(*f) % of_year.len().max(1))?;
                    let units = (f.amount.value() / self.unit).trunc()
                        * Decimal::from(permille % 2001)
                        / Decimal::from(1000);
                    Some((f.id.clone(), Number(units.trunc() * self.unit)))
                })
                .collect();
            out.push(Outcome {
                year,
                costs: actual_costs,
                funding: actual_funding,
            });
        }
        out
    }

    /// A scenario of the plan for the diff: the same, one cost line's
    /// amount changed, a member not paying (or paying), a member leaving
    /// at the start of the last year, or the last cost line dropped.
    fn perturbed(&self, plan: &Plan) -> Plan {
        let mut b = plan.clone();
        let by = self.spec.perturb_by;
        match self.spec.perturb % 5 {
            0 => {}
            1 => {
                if let Some(c) = b.costs.iter_mut().find(|c| c.amount.is_some()) {
                    c.amount = Some(self.amount(by));
                }
            }
            2 => {
                let n = b.members.len();
                let m = &mut b.members[by as usize % n];
                m.paying = !m.paying;
            }
            3 => {
                let n = b.members.len();
                let last = plan.last_year();
                let m = &mut b.members[by as usize % n];
                m.leaves = Some(Date::new(last - 1, 12, 31).expect("a date"));
                m.joins = m.joins.filter(|j| j.year() < last);
            }
            _ => {
                if let Some(gone) = b.costs.pop() {
                    b.funding.retain(|f| f.line.as_ref() != Some(&gone.id));
                    for o in &mut b.outcome {
                        o.costs.remove(&gone.id);
                    }
                }
            }
        }
        b
    }

    fn plan(&self) -> Plan {
        let s = self.spec;
        let l = self.lists;
        let members: Vec<Member> = l
            .members
            .iter()
            .take(MAX_MEMBERS)
            .enumerate()
            .map(|(i, m)| self.member(i, m))
            .collect();
        let paying: Vec<String> = members
            .iter()
            .filter(|m| m.paying)
            .map(|m| m.id.clone())
            .collect();
        let costs: Vec<CostLine> = l
            .costs
            .iter()
            .take(MAX_COSTS)
            .enumerate()
            .map(|(n, c)| self.cost(n, c, &paying))
            .collect();
        let funding: Vec<Funding> = l
            .funding
            .iter()
            .take(3)
            .enumerate()
            .map(|(n, f)| self.funding(n, f, &costs))
            .collect();
        let outcome = self.outcomes(&costs, &funding);
        Plan {
            format: 1,
            name: "fuzz".into(),
            currency: "SEK".into(),
            unit: Number(self.unit),
            // Huntington–Hill is refused for plans; the others only matter
            // for validation, which must accept them.
            method: Method::ALL[usize::from(s.method) % 5],
            first_divisor: None,
            first_year: self.first,
            years: self.years,
            population: self.rule(),
            pro_rata: if s.months {
                ProRata::Months
            } else {
                ProRata::Days
            },
            indexation: self.indexation(),
            credit_in_kind: s.credit_in_kind,
            key: self.key(&s.key, 0, false),
            members,
            costs,
            funding,
            in_kind: l.in_kind.iter().take(3).map(|k| self.in_kind(k)).collect(),
            milestones: self.milestones(),
            instalments: self.instalments(),
            outcome,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(spec) = Spec::arbitrary(&mut u) else {
        return;
    };
    let Ok(lists) = lists(&spec, &mut u) else {
        return;
    };
    let builder = Builder {
        spec: &spec,
        lists: &lists,
        first: 2000 + i32::from(spec.first_year % 50),
        years: 1 + u32::from(spec.years % 6),
        unit: d(UNITS[usize::from(spec.unit) % UNITS.len()]),
        members: lists.members.len(),
    };
    let plan = builder.plan();
    if std::env::var_os("ANDEL_FUZZ_PRINT").is_some() {
        println!("{}", plan.to_json());
    }
    if std::env::var_os("ANDEL_FUZZ_STATS").is_some() {
        eprintln!(
            "ANDEL {}",
            plan.compute()
                .map_or_else(|e| e.to_string(), |_| "ok".into())
        );
    }
    invariants::plan_value(&plan);
    let other = builder.perturbed(&plan);
    if std::env::var_os("ANDEL_FUZZ_PRINT").is_some() {
        println!("{}", other.to_json());
    }
    invariants::plan_cycle(&plan, &other);
});
