//! Property tests of plans: random small plans are computed by core and
//! checked against exact values computed here, with `BigRational`, from the
//! plan's own figures (populations, weights, key parameters, membership),
//! never from core's output fields.
//!
//! Case counts are modest so the file runs in a few seconds in debug builds.

use andel::{Date, Decimal, Plan, PlanResult, ProRata, membership_in_year};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use proptest::prelude::*;

type Q = BigRational;

fn q(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

fn ratio(n: i64, d: i64) -> Q {
    Q::new(BigInt::from(n), BigInt::from(d))
}

fn dec(d: Decimal) -> Q {
    Q::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

// --- a small calendar of our own, to stay independent of andel's ---------

fn leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn month_lengths(year: i32) -> [u32; 12] {
    [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
}

fn year_length(year: i32) -> u32 {
    month_lengths(year).iter().sum()
}

/// The date `offset` days after 1 January of `year` (offset < year length).
fn nth_day(year: i32, mut offset: u32) -> (i32, u32, u32) {
    for (m, len) in month_lengths(year).iter().enumerate() {
        if offset < *len {
            return (year, m as u32 + 1, offset + 1);
        }
        offset -= len;
    }
    unreachable!("offset beyond the year")
}

// --- random plans --------------------------------------------------------

/// A key as the test understands it.
#[derive(Debug, Clone)]
enum K {
    PerCapita,
    Equal,
    /// A weight for each of up to 8 members, by position.
    Weights(Vec<u32>),
    /// `tenths`/10 of the first key, the rest of the second.
    Blend(u8, Box<K>, Box<K>),
    /// The first participant pays `percent` %, the others share the rest.
    Fixed(u8, Box<K>),
}

#[derive(Debug, Clone)]
struct Line {
    units: u64,
    key: K,
    /// Bit m set: member m takes part; 0 = everybody.
    mask: u8,
    start: u32,
    len: u32,
    one_off: bool,
}

/// One line of a year's exact table.
struct Column {
    id: String,
    /// The line's net, in units.
    units: i64,
    /// Each member's exact units.
    cells: Vec<Q>,
    /// The key as written for the line.
    key: K,
    /// Who shares it.
    parts: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Spec {
    members: usize,
    first_year: i32,
    years: u32,
    cents: bool,
    /// Population per member and budget year (index = year − first_year).
    populations: Vec<Vec<u32>>,
    /// Day of the first year on which a member joins (None: before it).
    joins: Vec<Option<u32>>,
    lines: Vec<Line>,
}

fn leaf_key() -> impl Strategy<Value = K> {
    prop_oneof![
        Just(K::PerCapita),
        Just(K::Equal),
        proptest::collection::vec(1u32..100, 8).prop_map(K::Weights),
    ]
}

fn key() -> impl Strategy<Value = K> {
    prop_oneof![
        2 => leaf_key(),
        1 => (1u8..=9, leaf_key(), leaf_key()).prop_map(|(t, a, b)| K::Blend(t, Box::new(a), Box::new(b))),
        1 => (1u8..=60, leaf_key()).prop_map(|(p, r)| K::Fixed(p, Box::new(r))),
    ]
}

fn line() -> impl Strategy<Value = Line> {
    (
        0u64..=5_000_000,
        key(),
        any::<u8>(),
        0u32..4,
        0u32..4,
        any::<bool>(),
    )
        .prop_map(|(units, key, mask, start, len, one_off)| Line {
            units,
            key,
            mask,
            start,
            len,
            one_off,
        })
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        2usize..=8,
        2023i32..=2026,
        1u32..=4,
        any::<bool>(),
        proptest::collection::vec(proptest::collection::vec(1u32..300_000, 4), 8),
        proptest::collection::vec(proptest::option::weighted(0.3, 0u32..365), 8),
        proptest::collection::vec(line(), 1..=5),
    )
        .prop_map(
            |(members, first_year, years, cents, populations, joins, lines)| Spec {
                members,
                first_year,
                years,
                cents,
                populations,
                joins,
                lines,
            },
        )
}

impl Spec {
    fn id(m: usize) -> String {
        format!("m{m}")
    }

    fn unit(&self) -> Q {
        if self.cents { ratio(1, 100) } else { q(1) }
    }

    fn participants(&self, line: &Line) -> Vec<usize> {
        let all = (0..self.members).collect::<Vec<_>>();
        let chosen: Vec<usize> = all
            .iter()
            .copied()
            .filter(|m| line.mask & (1 << m) != 0)
            .collect();
        if chosen.is_empty() { all } else { chosen }
    }

    /// The key as written for a line: a fixed part needs somebody else to
    /// pay the rest, so with one participant the rest key is used alone.
    fn effective(key: &K, participants: usize) -> K {
        match key {
            K::Fixed(_, rest) if participants < 2 => Self::effective(rest, participants),
            K::Fixed(p, rest) => K::Fixed(*p, Box::new(Self::effective(rest, participants - 1))),
            K::Blend(t, a, b) => K::Blend(
                *t,
                Box::new(Self::effective(a, participants)),
                Box::new(Self::effective(b, participants)),
            ),
            other => other.clone(),
        }
    }

    /// (first, last) budget year of a line.
    fn span(&self, line: &Line) -> (i32, i32) {
        let last = self.years - 1;
        let start = line.start.min(last);
        let end = if line.one_off {
            start
        } else {
            (start + line.len).min(last)
        };
        (self.first_year + start as i32, self.first_year + end as i32)
    }

    fn fraction(&self, m: usize, year: i32) -> Q {
        match self.joins[m] {
            Some(offset) if year == self.first_year => {
                let days = year_length(year);
                let offset = offset.min(days - 1);
                ratio((days - offset) as i64, days as i64)
            }
            _ => q(1),
        }
    }

    fn key_toml(key: &K, members: usize) -> String {
        match key {
            K::PerCapita => r#"{ type = "per_capita" }"#.to_string(),
            K::Equal => r#"{ type = "equal" }"#.to_string(),
            K::Weights(w) => {
                let items: Vec<String> = (0..members)
                    .map(|m| format!("{} = {}", Self::id(m), w[m]))
                    .collect();
                format!(
                    r#"{{ type = "weights", weights = {{ {} }} }}"#,
                    items.join(", ")
                )
            }
            K::Blend(t, a, b) => format!(
                r#"{{ type = "blend", parts = [{{ weight = "0.{t}", key = {} }}, {{ weight = "0.{}", key = {} }}] }}"#,
                Self::key_toml(a, members),
                10 - t,
                Self::key_toml(b, members)
            ),
            K::Fixed(_, _) => unreachable!("written by line_toml"),
        }
    }

    fn line_key_toml(&self, key: &K, participants: &[usize]) -> String {
        match key {
            K::Fixed(p, rest) => format!(
                r#"{{ type = "fixed_shares", shares = {{ {} = "{}" }}, rest = {} }}"#,
                Self::id(participants[0]),
                ratio_text(*p),
                Self::key_toml(rest, self.members)
            ),
            other => Self::key_toml(other, self.members),
        }
    }

    fn toml(&self, scale: u32) -> String {
        let mut t = format!(
            "format = 1\nname = \"random\"\nfirst_year = {}\nyears = {}\nunit = \"{}\"\n",
            self.first_year,
            self.years,
            if self.cents { "0.01" } else { "1" }
        );
        for m in 0..self.members {
            t += &format!("\n[[members]]\nid = \"{}\"\nname = \"M{m}\"\n", Self::id(m));
            if let Some(offset) = self.joins[m] {
                let days = year_length(self.first_year);
                let (y, mo, d) = nth_day(self.first_year, offset.min(days - 1));
                t += &format!("joins = \"{y:04}-{mo:02}-{d:02}\"\n");
            }
            let series: Vec<String> = (0..self.years as usize)
                .map(|i| {
                    format!(
                        "\"{}-12-31\" = {}",
                        self.first_year + i as i32 - 2,
                        self.populations[m][i] as u64 * scale as u64
                    )
                })
                .collect();
            t += &format!("metrics.population = {{ {} }}\n", series.join(", "));
        }
        for (i, line) in self.lines.iter().enumerate() {
            let parts = self.participants(line);
            let (from, to) = self.span(line);
            let amount = if self.cents {
                format!("{}.{:02}", line.units / 100, line.units % 100)
            } else {
                line.units.to_string()
            };
            t += &format!("\n[[costs]]\nid = \"l{i}\"\nname = \"L{i}\"\namount = \"{amount}\"\n");
            if line.one_off {
                t += &format!("year = {from}\n");
            } else {
                t += &format!("from = {from}\nto = {to}\n");
            }
            if line.mask & ((1u16 << self.members) - 1) as u8 != 0 {
                let ids: Vec<String> = parts
                    .iter()
                    .map(|&m| format!("\"{}\"", Self::id(m)))
                    .collect();
                t += &format!("participants = [{}]\n", ids.join(", "));
            }
            let key = Self::effective(&line.key, parts.len());
            t += &format!("key = {}\n", self.line_key_toml(&key, &parts));
        }
        t
    }

    /// Exact shares of `parts` in `year`, from the spec alone.
    fn shares(&self, key: &K, parts: &[usize], year: i32) -> Vec<Q> {
        let weights = |base: &dyn Fn(usize) -> Q| -> Vec<Q> {
            let w: Vec<Q> = parts
                .iter()
                .map(|&m| base(m) * self.fraction(m, year))
                .collect();
            let sum: Q = w.iter().sum();
            w.into_iter().map(|x| x / &sum).collect()
        };
        let i = (year - self.first_year) as usize;
        match key {
            K::PerCapita => weights(&|m| q(self.populations[m][i] as i64)),
            K::Equal => weights(&|_| q(1)),
            K::Weights(w) => weights(&|m| q(w[m] as i64)),
            K::Blend(t, a, b) => {
                let (wa, wb) = (ratio(*t as i64, 10), ratio(10 - *t as i64, 10));
                self.shares(a, parts, year)
                    .into_iter()
                    .zip(self.shares(b, parts, year))
                    .map(|(x, y)| &wa * x + &wb * y)
                    .collect()
            }
            K::Fixed(p, rest) => {
                let fixed = ratio(*p as i64, 100) * self.fraction(parts[0], year);
                let left = q(1) - &fixed;
                let mut out = vec![fixed];
                out.extend(
                    self.shares(rest, &parts[1..], year)
                        .into_iter()
                        .map(|s| s * &left),
                );
                out
            }
        }
    }

    /// The exact table of `year`: one column per active line.
    fn table(&self, year: i32) -> Vec<Column> {
        let mut out = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            let (from, to) = self.span(line);
            if year < from || year > to {
                continue;
            }
            let parts = self.participants(line);
            let key = Self::effective(&line.key, parts.len());
            let mut cells = vec![q(0); self.members];
            for (&m, s) in parts.iter().zip(self.shares(&key, &parts, year)) {
                cells[m] = q(line.units as i64) * s;
            }
            out.push(Column {
                id: format!("l{i}"),
                units: line.units as i64,
                cells,
                key,
                parts,
            });
        }
        out
    }
}

/// percent/100 as a decimal text.
fn ratio_text(percent: u8) -> String {
    format!("0.{percent:02}")
}

/// Largest remainder of `units` by exact totals (ties: the larger exact
/// total, then the earlier member).
fn largest_remainder(units: i64, exact: &[Q]) -> Vec<i64> {
    let floors: Vec<i64> = exact
        .iter()
        .map(|x| x.floor().to_integer().try_into().unwrap())
        .collect();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = &exact[a] - q(floors[a]);
        let rb = &exact[b] - q(floors[b]);
        rb.cmp(&ra)
            .then_with(|| exact[b].cmp(&exact[a]))
            .then(a.cmp(&b))
    });
    let mut out = floors.clone();
    let extra = units - floors.iter().sum::<i64>();
    for &m in order.iter().take(extra as usize) {
        out[m] += 1;
    }
    out
}

fn compute(spec: &Spec, scale: u32) -> (Plan, PlanResult) {
    let text = spec.toml(scale);
    let plan = Plan::from_toml(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let result = plan.compute().unwrap_or_else(|e| panic!("{e}\n{text}"));
    (plan, result)
}

/// Every figure against the exact table of the spec.
fn check_against_exact(spec: &Spec, result: &PlanResult) -> Result<(), TestCaseError> {
    let unit = spec.unit();
    let units = |d: Decimal| dec(d) / &unit;
    for y in &result.years {
        let table = spec.table(y.year);
        let net: i64 = table.iter().map(|l| l.units).sum();
        prop_assert_eq!(units(y.net), q(net), "net of {}", y.year);
        let total: Decimal = y.members.iter().map(|m| m.contribution).sum();
        prop_assert_eq!(total, y.net, "contributions of {} sum to the net", y.year);
        let mut exact_totals = vec![q(0); spec.members];
        for Column {
            id,
            units: line_units,
            cells,
            ..
        } in &table
        {
            let mut column = q(0);
            for (m, member) in y.members.iter().enumerate() {
                let got = member
                    .lines
                    .iter()
                    .find(|l| &l.line == id)
                    .map_or(q(0), |l| units(l.amount));
                prop_assert!(
                    (&got - &cells[m]).abs() < q(1),
                    "cell {} {} {}",
                    y.year,
                    id,
                    m
                );
                column += got;
                exact_totals[m] += &cells[m];
            }
            prop_assert_eq!(column, q(*line_units), "column {} {}", y.year, id);
        }
        for (m, member) in y.members.iter().enumerate() {
            let lines: Decimal = member.lines.iter().map(|l| l.amount).sum();
            prop_assert_eq!(lines, member.contribution, "row {} {}", y.year, m);
            let got = units(member.contribution);
            prop_assert!(
                (&got - &exact_totals[m]).abs() < q(1),
                "total {} {}",
                y.year,
                m
            );
        }
        // One key and one set of participants for every line with a cost:
        // the member totals are the largest-remainder split.
        let paid: Vec<_> = table.iter().filter(|l| l.units > 0).collect();
        let rank_one = paid.iter().all(|l| {
            format!("{:?}", l.key) == format!("{:?}", paid[0].key) && l.parts == paid[0].parts
        });
        if rank_one && net > 0 {
            let want = largest_remainder(net, &exact_totals);
            let got: Vec<Q> = y.members.iter().map(|m| units(m.contribution)).collect();
            let want: Vec<Q> = want.into_iter().map(q).collect();
            prop_assert_eq!(got, want, "largest remainder in {}", y.year);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_plans_add_up_and_stay_within_a_unit(spec in spec()) {
        let (_, result) = compute(&spec, 1);
        check_against_exact(&spec, &result)?;
    }

    #[test]
    fn scaling_populations_changes_nothing(spec in spec(), k in 2u32..1000) {
        let (_, a) = compute(&spec, 1);
        let (_, b) = compute(&spec, k);
        for (x, y) in a.years.iter().zip(&b.years) {
            for (m, n) in x.members.iter().zip(&y.members) {
                prop_assert_eq!(m.contribution, n.contribution);
                let la: Vec<_> = m.lines.iter().map(|l| (&l.line, l.amount)).collect();
                let lb: Vec<_> = n.lines.iter().map(|l| (&l.line, l.amount)).collect();
                prop_assert_eq!(la, lb);
            }
        }
    }

    #[test]
    fn plans_round_trip_through_toml_and_json(spec in spec()) {
        let (plan, _) = compute(&spec, 1);
        let toml = plan.to_toml().unwrap();
        prop_assert_eq!(&Plan::from_toml(&toml).unwrap(), &plan, "{}", toml);
        let json = plan.to_json();
        prop_assert_eq!(&Plan::from_json(&json).unwrap(), &plan, "{}", json);
    }
}

// --- pro rata ------------------------------------------------------------

fn date() -> impl Strategy<Value = (i32, u32, u32)> {
    (2022i32..=2026, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| (y, m, d.min(month_lengths(y)[m as usize - 1])))
}

fn to_date((y, m, d): (i32, u32, u32)) -> Date {
    Date::new(y, m, d).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Days: both ends count; the count is what a day-by-day walk finds.
    /// Months: a month counts when every day of it is a day of membership.
    #[test]
    fn pro_rata_counts_days_and_whole_months(
        year in 2023i32..=2025,
        joins in proptest::option::of(date()),
        leaves in proptest::option::of(date()),
    ) {
        let within = |day: (i32, u32, u32)| {
            joins.is_none_or(|j| day >= j) && leaves.is_none_or(|l| day <= l)
        };
        let lengths = month_lengths(year);
        let mut days = 0;
        let mut months = 0;
        for (m, len) in lengths.iter().enumerate() {
            let month = m as u32 + 1;
            let inside = (1..=*len).filter(|&d| within((year, month, d))).count() as u32;
            days += inside;
            months += u32::from(inside == *len);
        }
        let (j, l) = (joins.map(to_date), leaves.map(to_date));
        prop_assert_eq!(membership_in_year(year, j, l, ProRata::Days), (days, year_length(year)));
        prop_assert_eq!(membership_in_year(year, j, l, ProRata::Months), (months, 12));
    }

    /// Over consecutive years, the days counted add up to the days of
    /// membership, and a whole year counts in full.
    #[test]
    fn pro_rata_days_add_up_over_years(joins in date(), length in 0i64..1500) {
        let start = to_date(joins);
        let end_day = start.days_since_epoch() + length;
        // Walk forward to find the leave date without andel's arithmetic.
        let mut leave = joins;
        for _ in 0..length {
            let (y, m, d) = leave;
            leave = if d < month_lengths(y)[m as usize - 1] {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
        let end = to_date(leave);
        prop_assert_eq!(end.days_since_epoch(), end_day);
        let counted: u32 = (2020..=2032)
            .map(|y| membership_in_year(y, Some(start), Some(end), ProRata::Days).0)
            .sum();
        prop_assert_eq!(i64::from(counted), length + 1);
        for y in joins.0 + 1..leave.0 {
            prop_assert_eq!(
                membership_in_year(y, Some(start), Some(end), ProRata::Days),
                (year_length(y), year_length(y))
            );
            prop_assert_eq!(membership_in_year(y, Some(start), Some(end), ProRata::Months), (12, 12));
        }
    }
}

#[test]
fn exact_helpers_are_sound() {
    // The test's own helpers, so a broken helper cannot hide a broken core.
    assert_eq!(year_length(2024), 366);
    assert_eq!(year_length(2025), 365);
    assert_eq!(nth_day(2024, 59), (2024, 2, 29));
    assert_eq!(nth_day(2025, 364), (2025, 12, 31));
    assert_eq!(
        largest_remainder(100, &[ratio(100, 3), ratio(100, 3), ratio(100, 3)]),
        [34, 33, 33]
    );
    assert_eq!(largest_remainder(2, &[ratio(1, 2), ratio(3, 2)]), [0, 2]);
    assert!(Q::one() > Q::zero());
}
