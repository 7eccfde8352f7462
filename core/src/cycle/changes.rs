//! Why a contribution changed: a member's change from the previous year
//! broken down into its causes, summing exactly to the change.
//!
//! Exactly, a member's contribution is Σ over lines of net(l) × share(l),
//! plus what rounding added. With gross g, funding f and share s of each
//! line in the previous year (0) and this year (1):
//!
//! g₁s₁ − g₀s₀ = (g₁ − g₀)·s₀ + g₁·(s₁ − s₀), and the same for funding, so
//!
//! change = Σ (g₁ − g₀)·s₀           — cost level (indexation, other changes)
//!        − Σ (f₁ − f₀)·s₀           — funding
//!        + Σ net₁·(s₁ − s₀)         — shares: population, or membership
//!        + (rounding₁ − rounding₀).
//!
//! A line new this year has no previous share; its whole part is a cost (and
//! its funding) at this year's share. A line that ended is the reverse.
//! The share term of a line counts as **membership** when who took part in
//! the line, or for how much of the year, differs between the two years;
//! otherwise as **population share** (the key's figures moved). For a line
//! with a banded key, whose cost is the members' fees, the cost-level and
//! share terms together are one cause: **band** when the member moved to
//! another band (its population at the reference date crossed an edge), or
//! another member of the line did and membership did not change; otherwise
//! membership (or population share). Each cause
//! is rounded to the nearest unit, and what is left of the change (at most
//! a few units) is reported as **rounding**, so the causes add up exactly.

use crate::error::{Error, Result};
use crate::exact::{self, q};
use crate::fraction::Fraction;
use crate::plan::{LineResult, Plan, PlanResult, YearResult};
use crate::rounding::Rounding;
use crate::text::{Lang, money, signed};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A member's change from the previous year, with its causes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ChangeExplanation {
    /// The member's id.
    pub member: String,
    /// The member's name.
    pub name: String,
    /// The budget year.
    pub year: i32,
    /// The contribution in the previous year.
    #[schemars(with = "crate::schema::DecimalText")]
    pub previous: Decimal,
    /// The contribution this year.
    #[schemars(with = "crate::schema::DecimalText")]
    pub contribution: Decimal,
    /// contribution − previous; the sum of the causes' amounts.
    #[schemars(with = "crate::schema::DecimalText")]
    pub change: Decimal,
    /// The causes, in a fixed order; causes of zero are left out.
    pub causes: Vec<Cause>,
    /// Currency.
    pub currency: String,
}

/// One cause of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Cause {
    /// What kind of cause.
    pub kind: CauseKind,
    /// Its part of the change, a whole multiple of the unit.
    #[schemars(with = "crate::schema::DecimalText")]
    pub amount: Decimal,
    /// Its exact part before rounding (absent for `rounding`).
    pub exact: Option<Fraction>,
    /// The cost lines or funding it comes from, by name.
    pub from: Vec<String>,
}

/// The kinds of cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    /// Lines of both years cost more or less (indexation, new amounts).
    CostLevel,
    /// Lines that are new this year.
    NewLines,
    /// Lines that ended last year.
    EndedLines,
    /// External funding changed (e.g. a start grant ended).
    Funding,
    /// The member's share changed because the key's figures moved
    /// (population, metrics).
    PopulationShare,
    /// A member of a line with banded fees moved to another population
    /// band, so the fees (the line's cost and the shares) changed.
    Band,
    /// The member's share changed because membership changed (a member
    /// joined or left, or took part in a line for part of a year).
    Membership,
    /// What rounding to whole units added or took away.
    Rounding,
}

const ORDER: [CauseKind; 8] = [
    CauseKind::CostLevel,
    CauseKind::NewLines,
    CauseKind::EndedLines,
    CauseKind::Funding,
    CauseKind::PopulationShare,
    CauseKind::Band,
    CauseKind::Membership,
    CauseKind::Rounding,
];

/// One cost line of a pair of years, as every member's explanation needs
/// it: worked out once per pair, not once per member (that was quadratic
/// in the members, and cubic for `changes` of a whole plan).
struct LineOfPair<'r> {
    /// The line's id.
    id: &'r str,
    /// The line in the previous year and in this one.
    prev: Option<&'r LineResult>,
    cur: Option<&'r LineResult>,
    /// The bands, when the line (of both years) has a banded key.
    bands: Option<&'r [crate::plan::Band]>,
    /// Whether who takes part, or for how much of the year, differs.
    membership: bool,
    /// Whether a participant of this year's line moved to another band.
    any_moved: bool,
    /// This year's participants.
    participants: HashSet<&'r str>,
}

/// Two consecutive years of a result, with what every member's
/// explanation of that pair shares.
pub(crate) struct YearPair<'r> {
    plan: &'r Plan,
    prev: &'r YearResult,
    cur: &'r YearResult,
    year: i32,
    /// Member id → position, in each year.
    prev_at: HashMap<&'r str, usize>,
    cur_at: HashMap<&'r str, usize>,
    lines: Vec<LineOfPair<'r>>,
}

/// A year of the result, borrowed (a clone per member was a copy of the
/// whole year for every member explained).
fn year_in<'r>(plan: &Plan, result: &'r PlanResult, year: i32) -> Result<&'r YearResult> {
    result.year(year).ok_or_else(|| plan.outside(year))
}

impl<'r> YearPair<'r> {
    /// `year` and the year before it, or the error `explain` gives for
    /// either missing.
    pub(crate) fn new(plan: &'r Plan, result: &'r PlanResult, year: i32) -> Result<Self> {
        let cur = year_in(plan, result, year)?;
        let first = || Error::InvalidPlan {
            reason: format!(
                "{year} is the plan's first year: there is no previous year to compare with"
            ),
        };
        let prev = year
            .checked_sub(1)
            .ok_or_else(first)
            .and_then(|p| year_in(plan, result, p).map_err(|_| first()))?;
        let index = |y: &'r YearResult| -> HashMap<&'r str, usize> {
            y.members
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), i))
                .collect()
        };
        let (prev_at, cur_at) = (index(prev), index(cur));
        let keys: HashMap<&str, &crate::plan::Key> = plan
            .costs
            .iter()
            .map(|l| (l.id.as_str(), l.key.as_ref().unwrap_or(&plan.key)))
            .collect();
        let prev_lines: HashMap<&str, &LineResult> =
            prev.lines.iter().map(|l| (l.id.as_str(), l)).collect();
        let cur_lines: HashMap<&str, &LineResult> =
            cur.lines.iter().map(|l| (l.id.as_str(), l)).collect();
        // Who takes part in a line, and for how much of the year.
        let parts = |y: &'r YearResult,
                     at: &HashMap<&str, usize>,
                     line: Option<&'r LineResult>|
         -> Vec<(&'r str, Option<(u32, u32)>)> {
            line.map_or_else(Vec::new, |l| {
                l.participants
                    .iter()
                    .map(|p| {
                        let frac = at.get(p.as_str()).and_then(|&i| {
                            y.members[i].membership.as_ref().map(|s| (s.counted, s.of))
                        });
                        (p.as_str(), frac)
                    })
                    .collect()
            })
        };
        let ids: Vec<&str> = cur
            .lines
            .iter()
            .chain(
                prev.lines
                    .iter()
                    .filter(|p| !cur_lines.contains_key(p.id.as_str())),
            )
            .map(|l| l.id.as_str())
            .collect();
        let mut lines = Vec::with_capacity(ids.len());
        for id in ids {
            let (p, c) = (prev_lines.get(id).copied(), cur_lines.get(id).copied());
            let bands = keys.get(id).and_then(|k| match k {
                crate::plan::Key::Banded { bands } => Some(bands.as_slice()),
                _ => None,
            });
            let membership =
                p.is_some() && c.is_some() && parts(prev, &prev_at, p) != parts(cur, &cur_at, c);
            let participants: HashSet<&str> = c
                .map(|l| l.participants.iter().map(String::as_str).collect())
                .unwrap_or_default();
            let mut line = LineOfPair {
                id,
                prev: p,
                cur: c,
                bands,
                membership,
                any_moved: false,
                participants,
            };
            if p.is_some() && bands.is_some() {
                line.any_moved = c.is_some_and(|c| {
                    c.participants
                        .iter()
                        .any(|m| Self::moved_in(prev, cur, &prev_at, &cur_at, line.bands, m))
                });
            }
            lines.push(line);
        }
        Ok(YearPair {
            plan,
            prev,
            cur,
            year,
            prev_at,
            cur_at,
            lines,
        })
    }

    /// Whether member `id` is in another band of `bands` this year than
    /// last, by its population at each year's reference date.
    fn moved_in(
        prev: &YearResult,
        cur: &YearResult,
        prev_at: &HashMap<&str, usize>,
        cur_at: &HashMap<&str, usize>,
        bands: Option<&[crate::plan::Band]>,
        id: &str,
    ) -> bool {
        let Some(bands) = bands else {
            return false;
        };
        let band = |y: &YearResult, at: &HashMap<&str, usize>| {
            at.get(id)
                .and_then(|&i| y.members[i].population)
                .and_then(|p| crate::plan::Band::of(bands, p))
        };
        band(prev, prev_at) != band(cur, cur_at)
    }

    /// The members of this year, in plan order.
    pub(crate) fn members(&self) -> &'r [crate::plan::MemberYear] {
        &self.cur.members
    }

    /// The explanation of member `member`'s change.
    pub(crate) fn explain(&self, member: &str) -> Result<ChangeExplanation> {
        let (prev, cur) = (self.prev, self.cur);
        let m = self.index_of(member)?;
        let (shares0, shares1) = (line_shares(prev, m), line_shares(cur, m));
        let mut exact = ExactCauses::default();
        for line in &self.lines {
            self.line_causes(
                line,
                cur.members[m].id.as_str(),
                (&shares0, &shares1),
                &mut exact,
            );
        }
        let c0 = prev.members[m].contribution;
        let c1 = cur.members[m].contribution;
        let (change, causes) = exact.rounded(self.plan.unit.value(), c0, c1)?;
        Ok(ChangeExplanation {
            member: cur.members[m].id.clone(),
            name: cur.members[m].name.clone(),
            year: self.year,
            previous: c0,
            contribution: c1,
            change,
            causes,
            currency: self.plan.currency.clone(),
        })
    }

    /// The position of `member` (an id) in both years. Every year of a
    /// computed result lists the same members, in plan order; a result put
    /// together otherwise is refused, not indexed past.
    fn index_of(&self, member: &str) -> Result<usize> {
        let m = *self.cur_at.get(member).ok_or_else(|| {
            Error::unknown_member(member, self.cur.members.iter().map(|m| m.id.as_str()))
        })?;
        if self.prev_at.get(member) != Some(&m) {
            return Err(Error::unknown_member(
                member,
                self.prev.members.iter().map(|m| m.id.as_str()),
            ));
        }
        Ok(m)
    }

    /// What `line` adds to each cause of the change of member `own`, with
    /// the member's shares of the lines in the previous year and this one.
    fn line_causes(
        &self,
        line: &LineOfPair<'r>,
        own: &str,
        (shares0, shares1): (&Shares<'r>, &Shares<'r>),
        exact: &mut ExactCauses<'r>,
    ) {
        let id = line.id;
        match (line.prev, line.cur) {
            (Some(p), Some(c)) => {
                let (s0, s1) = (share_of(shares0, id), share_of(shares1, id));
                let membership = line.membership;
                // The member's own band moved (its fee changed), or, with
                // the same members, another's did.
                let moved = line.bands.is_some()
                    && ((line.participants.contains(own)
                        && Self::moved_in(
                            self.prev,
                            self.cur,
                            &self.prev_at,
                            &self.cur_at,
                            line.bands,
                            own,
                        ))
                        || (!membership && line.any_moved));
                let funding = -(q(c.funding) - q(p.funding)) * &s0;
                if let Some(kind) = line.bands.map(|_| match (moved, membership) {
                    (true, _) => CauseKind::Band,
                    (false, true) => CauseKind::Membership,
                    (false, false) => CauseKind::PopulationShare,
                }) {
                    // The line's cost is the fees: the cost and the shares
                    // move together, one cause.
                    exact.add(
                        kind,
                        (q(c.gross) - q(p.gross)) * &s0 + q(c.net) * (s1 - &s0),
                        &c.name,
                    );
                    exact.add(CauseKind::Funding, funding, &c.name);
                    return;
                }
                exact.add(
                    CauseKind::CostLevel,
                    (q(c.gross) - q(p.gross)) * &s0,
                    &c.name,
                );
                exact.add(CauseKind::Funding, funding, &c.name);
                let kind = if membership {
                    CauseKind::Membership
                } else {
                    CauseKind::PopulationShare
                };
                exact.add(kind, q(c.net) * (s1 - s0), &c.name);
            }
            (None, Some(c)) => {
                let s1 = share_of(shares1, id);
                exact.add(CauseKind::NewLines, q(c.gross) * &s1, &c.name);
                exact.add(CauseKind::Funding, -q(c.funding) * &s1, &c.name);
            }
            (Some(p), None) => {
                let s0 = share_of(shares0, id);
                exact.add(CauseKind::EndedLines, -q(p.gross) * &s0, &p.name);
                exact.add(CauseKind::Funding, q(p.funding) * &s0, &p.name);
            }
            (None, None) => {}
        }
    }
}

/// A member's share of each line of a year, by line id.
type Shares<'r> = HashMap<&'r str, &'r Fraction>;

/// Member `m`'s shares of the lines of year `y`.
fn line_shares(y: &YearResult, m: usize) -> Shares<'_> {
    y.members[m]
        .lines
        .iter()
        .map(|a| (a.line.as_str(), &a.share))
        .collect()
}

/// The share of `line` in `of`, zero when the member has no part in it.
fn share_of(of: &Shares<'_>, line: &str) -> Fraction {
    of.get(line).map_or_else(Fraction::zero, |&s| s.clone())
}

/// The causes of a change, exactly: per kind the sum, the names in order,
/// and the names seen (a set: a scan of the names was quadratic in the
/// lines).
#[derive(Default)]
struct ExactCauses<'r>(Vec<(CauseKind, Fraction, Vec<String>, HashSet<&'r str>)>);

impl<'r> ExactCauses<'r> {
    /// Adds `x` to the cause `kind`, from the line or funding `name`.
    fn add(&mut self, kind: CauseKind, x: Fraction, name: &'r str) {
        if x.is_zero() {
            return;
        }
        match self.0.iter_mut().find(|(k, _, _, _)| *k == kind) {
            Some((_, sum, from, seen)) => {
                *sum += x;
                if seen.insert(name) {
                    from.push(name.to_string());
                }
            }
            None => self
                .0
                .push((kind, x, vec![name.to_string()], HashSet::from([name]))),
        }
    }

    /// The change from `c0` to `c1`, and its causes in their fixed order,
    /// each rounded to whole units, with what rounding adds so that they
    /// sum to the change exactly; causes of zero are left out.
    fn rounded(self, unit: Decimal, c0: Decimal, c1: Decimal) -> Result<(Decimal, Vec<Cause>)> {
        let mut causes = Vec::new();
        for kind in ORDER {
            if let Some((_, x, from, _)) = self.0.iter().find(|(k, _, _, _)| *k == kind) {
                let units = (x / q(unit))
                    .round(0, 0, Rounding::HalfEven)
                    .ok_or_else(|| Error::overflow("a cause of a change"))?;
                causes.push(Cause {
                    kind,
                    // Within half a unit of the exact cause, which can
                    // itself be near the largest decimal.
                    amount: exact::mul(units, unit, "a cause of a change")?,
                    exact: Some(x.clone()),
                    from: from.clone(),
                });
            }
        }
        // The causes add up to the change exactly, but on the way their sum
        // can leave a decimal's range (e.g. a cost level near the largest
        // decimal and a funding change near its opposite), and so can the
        // change when contributions are near the limit: checked, `overflow`.
        let change = exact::sub(c1, c0, "a change of contribution")?;
        let rest = exact::sub(
            change,
            exact::sum(causes.iter().map(|c| c.amount), "the causes of a change")?,
            "what rounding added to a change",
        )?;
        if !rest.is_zero() {
            causes.push(Cause {
                kind: CauseKind::Rounding,
                amount: rest,
                exact: None,
                from: Vec::new(),
            });
        }
        causes.retain(|c| !c.amount.is_zero());
        Ok((change, causes))
    }
}

pub(crate) fn explain(
    plan: &Plan,
    result: &PlanResult,
    member: &str,
    year: i32,
) -> Result<ChangeExplanation> {
    YearPair::new(plan, result, year)?.explain(member)
}

impl Plan {
    /// Why `member`'s contribution in `year` differs from the previous
    /// year's: the change broken down into causes that add up to it exactly.
    ///
    /// ```
    /// let plan = andel::Plan::reference();
    /// let why = plan.why_changed(&plan.compute()?, "halmstad", 2022)?;
    /// let sum: andel::Decimal = why.causes.iter().map(|c| c.amount).sum();
    /// assert_eq!(sum, why.change);
    /// // The one-off analysis ended and the start grant with it.
    /// assert!(why.to_string().contains("ended"));
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn why_changed(
        &self,
        result: &PlanResult,
        member: &str,
        year: i32,
    ) -> Result<ChangeExplanation> {
        // An id, or a display name that names one member.
        let id = &crate::plan::find_member(self, member)?.id;
        explain(self, result, id, year)
    }

    /// [`why_changed`](Plan::why_changed) for every member and every year
    /// after the first, year by year in plan order.
    pub fn changes(&self, result: &PlanResult) -> Result<Vec<ChangeExplanation>> {
        let mut out = Vec::new();
        for y in result.years.iter().skip(1) {
            let pair = YearPair::new(self, result, y.year)?;
            for m in pair.members() {
                out.push(pair.explain(&m.id)?);
            }
        }
        Ok(out)
    }

    /// The changes of one member, of one year, of both or of all:
    /// [`changes`](Plan::changes) filtered, the one rule every runtime's
    /// "why" uses. `member` is an id or a display name that names one
    /// member. A filter that matches nothing is the error it comes from
    /// (an unknown member, a year outside the plan or its first year, which
    /// has no previous one), never an empty list.
    ///
    /// ```
    /// let plan = andel::Plan::reference();
    /// let result = plan.compute()?;
    /// let halmstad = plan.why(&result, Some("Halmstad"), None)?;
    /// assert_eq!(halmstad.len(), result.years.len() - 1);
    /// assert_eq!(plan.why(&result, None, Some(2023))?.len(), plan.members.len());
    /// // The first year has no previous one: an error, not an empty list.
    /// assert!(plan.why(&result, None, Some(plan.first_year)).is_err());
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn why(
        &self,
        result: &PlanResult,
        member: Option<&str>,
        year: Option<i32>,
    ) -> Result<Vec<ChangeExplanation>> {
        let member = member
            .map(|m| crate::plan::find_member(self, m).map(|found| found.id.as_str()))
            .transpose()?;
        if let (Some(m), Some(y)) = (member, year) {
            return Ok(vec![explain(self, result, m, y)?]);
        }
        let mut out = Vec::new();
        for y in result.years.iter().skip(1) {
            if year.is_some_and(|wanted| wanted != y.year) {
                continue;
            }
            let pair = YearPair::new(self, result, y.year)?;
            match member {
                Some(id) if y.members.iter().any(|m| m.id == id) => {
                    out.push(pair.explain(id)?);
                }
                Some(_) => {}
                None => {
                    for m in pair.members() {
                        out.push(pair.explain(&m.id)?);
                    }
                }
            }
        }
        if out.is_empty() && (member.is_some() || year.is_some()) {
            // Name the real problem with the member or year asked for.
            let first = result.years.first().and_then(|y| y.members.first());
            if let Some(probe) = member.or(first.map(|m| m.id.as_str())) {
                explain(self, result, probe, year.unwrap_or(self.first_year + 1))?;
            }
        }
        Ok(out)
    }
}

impl ChangeExplanation {
    /// The change in words a politician can read, in `lang`: a sentence,
    /// then one line per cause with its amount. Figures are in the
    /// language's format with an ASCII `-` before a decrease.
    ///
    /// ```
    /// use andel::text::Lang;
    /// let plan = andel::Plan::reference();
    /// let why = plan.why_changed(&plan.compute()?, "halmstad", 2022)?;
    /// assert!(why.to_text(Lang::Sv).contains("kostnader upphörde"));
    /// assert_eq!(why.to_text(Lang::En), why.to_string());
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let kr = |d: Decimal| money(d, &self.currency, lang);
        let symbol = crate::text::currency_symbol(&self.currency, lang);
        let before = i64::from(self.year) - 1;
        let mut out = if self.change.is_zero() {
            match lang {
                Lang::Sv => format!(
                    "{} betalar {} {}, lika mycket som {before}",
                    self.name,
                    kr(self.contribution),
                    self.year
                ),
                Lang::En => format!(
                    "{} pays {} in {}, the same as in {before}",
                    self.name,
                    kr(self.contribution),
                    self.year
                ),
            }
        } else {
            let more = self.change > Decimal::ZERO;
            match lang {
                Lang::Sv => format!(
                    "{} betalar {} {}: {} {} än {before} ({})",
                    self.name,
                    kr(self.contribution),
                    self.year,
                    kr(self.change.abs()),
                    if more { "mer" } else { "mindre" },
                    kr(self.previous)
                ),
                Lang::En => format!(
                    "{} pays {} in {}: {} {} than in {before} ({})",
                    self.name,
                    kr(self.contribution),
                    self.year,
                    kr(self.change.abs()),
                    if more { "more" } else { "less" },
                    kr(self.previous)
                ),
            }
        };
        out.push_str(match (self.causes.is_empty(), lang) {
            (true, _) => ".\n",
            (false, Lang::Sv) => ", eftersom\n",
            (false, Lang::En) => ", because\n",
        });
        for c in &self.causes {
            let why = cause_text(c, lang);
            out.push_str(&format!(
                "  {:>12} {symbol}  {why}\n",
                signed(c.amount, lang)
            ));
        }
        out
    }
}

/// One cause in words.
fn cause_text(c: &Cause, lang: Lang) -> String {
    let from = c.from.join(", ");
    let (sv, en) = match c.kind {
        CauseKind::CostLevel => (
            "kostnaderna som den redan delade ändrades",
            "the costs it already shared changed",
        ),
        CauseKind::NewLines => ("nya kostnader tillkom", "new costs began"),
        CauseKind::EndedLines => ("kostnader upphörde", "costs ended"),
        CauseKind::Funding => (
            "den externa finansieringen ändrades",
            "external funding changed",
        ),
        CauseKind::PopulationShare => (
            "dess andel ändrades med befolkningssiffrorna",
            "its share changed with the population figures",
        ),
        CauseKind::Band => (
            "en medlem bytte avgiftsklass efter invånarantal",
            "a member moved to another population band",
        ),
        CauseKind::Membership => ("medlemskapet ändrades", "membership changed"),
        CauseKind::Rounding => {
            return match lang {
                Lang::Sv => "avrundning till hela enheter",
                Lang::En => "rounding to whole units",
            }
            .to_string();
        }
    };
    let text = if lang == Lang::Sv { sv } else { en };
    format!("{text} ({from})")
}

impl fmt::Display for ChangeExplanation {
    /// In English words a politician can read; [`ChangeExplanation::to_text`]
    /// for Swedish.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text(Lang::En))
    }
}
