//! The invariants the fuzz targets (`fuzz/fuzz_targets/`) assert, shared
//! with `core/tests/fuzz_regressions.rs`, which replays every committed
//! finding on stable. Test support only: nothing here is core's API.
//!
//! Every check recomputes what it compares against with big rationals
//! from the inputs (never with andel's own arithmetic), and panics with a
//! message naming the broken invariant.
#![allow(dead_code)] // each includer uses only some of the checks

use andel::plan::Format;
use andel::{Allocator, Decimal, Error, Fraction, Method, Plan, PlanResult, Rounding};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::collections::BTreeMap;

/// Most weights the byte decoder builds: enough for every method's paths,
/// few enough that the pairwise checks stay fast.
pub const MAX_WEIGHTS: usize = 64;

/// A decimal as an exact rational.
pub fn q(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

fn frac(f: &Fraction) -> BigRational {
    BigRational::new(f.numerator(), f.denominator())
}

/// Every error has a stable, non-empty snake_case code, and no input may
/// reach an internal error (that would be a bug, not a refusal).
pub fn assert_code(e: &Error) {
    let code = e.code();
    assert!(!code.is_empty(), "empty code for {e:?}");
    assert!(
        code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "code {code:?} is not snake_case"
    );
    assert_ne!(code, "internal_error", "internal error: {e}");
    assert!(!e.to_string().is_empty(), "empty message for {code}");
}

/// `x` is a whole multiple of `unit`.
fn is_multiple(x: &BigRational, unit: &BigRational) -> bool {
    (x / unit).is_integer()
}

// ---------------------------------------------------------------- plans

/// A plan document: reading, checking, computing and explaining it never
/// panic, errors have stable codes, `check` is empty exactly when read and
/// compute succeed (and otherwise starts with the same code), and a
/// computed result adds up exactly.
pub fn plan_text(text: &str, format: Format) {
    let checked = Plan::check(text, format);
    checked.iter().for_each(assert_code);
    let outcome = Plan::read(text, format).and_then(|plan| {
        let result = plan.compute()?;
        Ok((plan, result))
    });
    match outcome {
        Ok((plan, result)) => {
            assert!(
                checked.is_empty(),
                "read + compute succeed but check reports {checked:?}"
            );
            plan_result(&plan, &result);
            explanations(&plan, &result);
        }
        Err(e) => {
            assert_code(&e);
            let first = checked
                .first()
                .unwrap_or_else(|| panic!("check is empty but read/compute fail with {e}"));
            assert_eq!(first.code(), e.code(), "check and read/compute disagree");
        }
    }
}

/// A plan built as a value: computing it never panics, errors have stable
/// codes, a result adds up, explanations match, and the plan survives a
/// JSON and a TOML round trip unchanged.
pub fn plan_value(plan: &Plan) {
    let computed = plan.compute();
    match &computed {
        Ok(result) => {
            plan_result(plan, result);
            explanations(plan, result);
        }
        Err(e) => assert_code(e),
    }
    let json = plan.to_json();
    round_trip(plan, &json, Format::Json);
    if let Ok(toml) = plan.to_toml() {
        round_trip(plan, &toml, Format::Toml);
    }
}

/// Reading a plan's own text gives the plan back when it is valid, and
/// fails with the same code when it is not.
fn round_trip(plan: &Plan, text: &str, format: Format) {
    match (plan.validate(), Plan::read(text, format)) {
        // The same plan computes the same result: comparing the plans is
        // enough, and keeps the target fast.
        (Ok(()), Ok(back)) => assert_eq!(&back, plan, "{format:?} round trip changed the plan"),
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "{format:?} round trip"),
        (a, b) => panic!("{format:?} round trip: validate {a:?}, read back {b:?}"),
    }
}

/// The exact sums of a computed plan.
pub fn plan_result(plan: &Plan, result: &PlanResult) {
    let unit = q(result.unit);
    assert_eq!(result.unit, plan.unit.value(), "result unit");
    assert!(unit.is_positive(), "unit {}", result.unit);
    assert_eq!(
        result.years.len(),
        plan.years as usize,
        "one result per year"
    );
    let mut member_totals = vec![BigRational::zero(); plan.members.len()];
    let mut net_total = BigRational::zero();
    for (i, y) in result.years.iter().enumerate() {
        assert_eq!(y.year, plan.first_year + i as i32, "years in order");
        year_sums(plan, y, &unit);
        for (m, row) in y.members.iter().enumerate() {
            member_totals[m] += q(row.contribution);
        }
        net_total += q(y.net);
    }
    assert_eq!(
        result.totals.len(),
        plan.members.len(),
        "one total per member"
    );
    for (t, want) in result.totals.iter().zip(&member_totals) {
        assert_eq!(&q(t.contribution), want, "{}: total over the years", t.id);
    }
    assert_eq!(q(result.total), net_total, "plan total = sum of nets");
}

fn year_sums(plan: &Plan, y: &andel::plan::YearResult, unit: &BigRational) {
    let yr = y.year;
    assert_eq!(
        y.members.len(),
        plan.members.len(),
        "{yr}: every member has a row"
    );
    let (mut gross, mut funding) = (BigRational::zero(), BigRational::zero());
    let mut columns: BTreeMap<&str, (BigRational, BigRational)> = BTreeMap::new();
    for l in &y.lines {
        assert_eq!(q(l.net), q(l.gross) - q(l.funding), "{yr} {}: net", l.id);
        assert!(!q(l.net).is_negative(), "{yr} {}: negative net", l.id);
        assert!(is_multiple(&q(l.net), unit), "{yr} {}: net off unit", l.id);
        gross += q(l.gross);
        funding += q(l.funding);
        let fresh = columns.insert(&l.id, (BigRational::zero(), BigRational::zero()));
        assert!(fresh.is_none(), "{yr}: line {} twice", l.id);
    }
    assert_eq!(q(y.gross), gross, "{yr}: gross = sum of lines");
    assert_eq!(q(y.funding), funding, "{yr}: funding = sum of lines");
    assert_eq!(q(y.net), gross - funding, "{yr}: net = gross - funding");
    let mut contributions = BigRational::zero();
    let mut exact_sum = BigRational::zero();
    for row in &y.members {
        member_row(y, row, unit, &mut columns);
        contributions += q(row.contribution);
        exact_sum += frac(&row.exact);
    }
    assert_eq!(
        q(y.net),
        contributions,
        "{yr}: members sum to the year's net"
    );
    assert_eq!(q(y.net), exact_sum, "{yr}: exact contributions sum to net");
    if y.lines.len() == 1 {
        one_line_is_largest_remainder(y, unit);
    }
    for l in &y.lines {
        let (amounts, shares) = &columns[l.id.as_str()];
        assert_eq!(&q(l.net), amounts, "{yr} {}: column sums to the line", l.id);
        if !l.net.is_zero() {
            assert!(shares.is_one(), "{yr} {}: shares sum to {shares}", l.id);
        }
    }
}

/// With one line, the member totals are the largest-remainder split of
/// the exact totals (docs/plan-format.md: "always when all lines share one
/// key"): a member rounded up never has a smaller remainder than one
/// rounded down.
fn one_line_is_largest_remainder(y: &andel::plan::YearResult, unit: &BigRational) {
    let rows: Vec<(BigRational, bool)> = y
        .members
        .iter()
        .map(|m| {
            let exact = frac(&m.exact) / unit;
            let up = q(m.contribution) / unit > exact.floor();
            (exact.fract(), up)
        })
        .collect();
    for (i, (ri, up_i)) in rows.iter().enumerate() {
        for (j, (rj, up_j)) in rows.iter().enumerate() {
            assert!(
                !(*up_i && !*up_j && ri < rj),
                "{}: {} rounded up with remainder {ri} before {} with {rj}",
                y.year,
                y.members[i].id,
                y.members[j].id
            );
        }
    }
}

/// One member's row: cells on the unit and within one unit of exact, the
/// row summing to the contribution, which is within one unit of exact.
fn member_row(
    y: &andel::plan::YearResult,
    row: &andel::plan::MemberYear,
    unit: &BigRational,
    columns: &mut BTreeMap<&str, (BigRational, BigRational)>,
) {
    let who = format!("{} {}", y.year, row.id);
    let contribution = q(row.contribution);
    assert!(is_multiple(&contribution, unit), "{who}: off the unit");
    if !row.paying {
        assert!(contribution.is_zero(), "{who}: non-paying member pays");
    }
    let mut cells = BigRational::zero();
    let mut exact = BigRational::zero();
    for cell in &row.lines {
        let line = y
            .lines
            .iter()
            .find(|l| l.id == cell.line)
            .unwrap_or_else(|| panic!("{who}: cell for unknown line {}", cell.line));
        let amount = q(cell.amount);
        let cell_exact = q(line.net) * frac(&cell.share);
        assert!(
            is_multiple(&amount, unit),
            "{who} {}: cell off unit",
            cell.line
        );
        assert!(
            (&amount - &cell_exact).abs() < *unit,
            "{who} {}: cell {} vs exact {cell_exact}",
            cell.line,
            cell.amount
        );
        let column = columns.get_mut(cell.line.as_str()).expect("known line");
        column.0 += &amount;
        column.1 += frac(&cell.share);
        cells += amount;
        exact += cell_exact;
    }
    assert_eq!(contribution, cells, "{who}: cells sum to the contribution");
    assert_eq!(frac(&row.exact), exact, "{who}: exact = sum of exact cells");
    assert!(
        (&contribution - &exact).abs() < *unit,
        "{who}: contribution {} vs exact {exact}",
        row.contribution
    );
}

/// The sentence that closes the figures of every explanation.
const ROUNDING_SENTENCE: &str = "Rounding: every line and every member's total are rounded together so that the table adds up exactly both ways; each figure is within one unit of its exact value.";

/// Every member's explanation of every year (the first 20 members, to keep
/// large plans fast) gives the cell's contribution, and its per-line
/// sentences add up to it.
pub fn explanations(plan: &Plan, result: &PlanResult) {
    for y in &result.years {
        for row in y.members.iter().take(20) {
            let e = plan
                .explain_result(result, &row.id, y.year)
                .unwrap_or_else(|e| panic!("explain {} {}: {e}", row.id, y.year));
            assert_eq!(e.contribution, row.contribution, "explain {}", row.id);
            assert_eq!((e.member.as_str(), e.year), (row.id.as_str(), y.year));
            let sum: BigRational = line_sentences(&e.lines, row)
                .map(|(cell, sentence)| q(after_rounding(sentence, &cell.line)))
                .sum();
            assert_eq!(sum, q(row.contribution), "explain {}: lines sum", row.id);
        }
    }
}

/// The per-line sentences, found by position rather than by their words
/// (a member may be named anything, "Line " included): they come just
/// before the limit notes, the exact contribution and the closing sentence.
fn line_sentences<'a>(
    sentences: &'a [String],
    row: &'a andel::plan::MemberYear,
) -> impl Iterator<Item = (&'a andel::plan::LineAmount, &'a str)> {
    let close = sentences
        .iter()
        .position(|s| s == ROUNDING_SENTENCE)
        .unwrap_or_else(|| panic!("explain {}: no closing sentence", row.id));
    let end = close - 1 - row.limits.len();
    let start = end
        .checked_sub(row.lines.len())
        .unwrap_or_else(|| panic!("explain {}: too few sentences", row.id));
    row.lines
        .iter()
        .zip(sentences[start..end].iter().map(String::as_str))
}

/// The amount in "Line \"id\" (…): …, 1234 after rounding.".
fn after_rounding(sentence: &str, line: &str) -> Decimal {
    let head = sentence
        .strip_prefix(&format!("Line {line:?} ("))
        .and_then(|s| s.strip_suffix(" after rounding."))
        .unwrap_or_else(|| panic!("not the sentence of line {line}: {sentence:?}"));
    let amount = head.rsplit(' ').next().unwrap_or_default();
    amount
        .parse()
        .unwrap_or_else(|_| panic!("no amount in {sentence:?}"))
}

// ------------------------------------------------------------- allocate

/// One fuzzed call: an allocation and a rounding of its total.
#[derive(Debug, Clone)]
pub struct AllocateCase {
    pub total: Decimal,
    pub unit: Decimal,
    pub method: Method,
    pub first_divisor: Option<Decimal>,
    pub rounding: Rounding,
    pub weights: Vec<Decimal>,
}

/// Reads a case from fuzz bytes: JSON text `{"total": "10", "weights":
/// ["1"], "unit": "1", "method": "dhondt", "first_divisor": "1.2",
/// "rounding": "up"}` (the seeds from `tests/vectors/allocate.json`) when
/// it starts with `{`, otherwise the compact binary form of
/// [`decode_binary`]. `Err` holds the error a text field is refused with.
pub fn decode_allocate(data: &[u8]) -> Option<Result<AllocateCase, Error>> {
    if data.first() == Some(&b'{') {
        decode_json(std::str::from_utf8(data).ok()?)
    } else {
        decode_binary(data).map(Ok)
    }
}

fn decode_json(text: &str) -> Option<Result<AllocateCase, Error>> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let field = |k: &str| v.get(k).and_then(|s| s.as_str());
    let weights: Vec<&str> = v
        .get("weights")?
        .as_array()?
        .iter()
        .take(MAX_WEIGHTS)
        .map(|w| w.as_str())
        .collect::<Option<_>>()?;
    Some(json_case(field, &weights))
}

/// The texts parsed in the documented order (total, unit, first divisor,
/// weights, method), then the rounding mode.
fn json_case<'a>(
    field: impl Fn(&str) -> Option<&'a str>,
    weights: &[&str],
) -> Result<AllocateCase, Error> {
    let total = andel::parse_decimal(field("total").unwrap_or("0"), "total")?;
    let unit = andel::parse_decimal(field("unit").unwrap_or("0.01"), "unit")?;
    let first_divisor = field("first_divisor")
        .map(|t| andel::parse_decimal(t, "first_divisor"))
        .transpose()?;
    let weights = weights
        .iter()
        .map(|w| andel::parse_decimal(w, "weight"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AllocateCase {
        total,
        unit,
        method: field("method").unwrap_or("largest_remainder").parse()?,
        first_divisor,
        rounding: field("rounding").unwrap_or("half_even").parse()?,
        weights,
    })
}

/// Bytes, read front to back; zeros once they run out.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn byte(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }

    /// A decimal: a header byte (bits 0–4 the scale mod 29, bit 5 the
    /// sign, bits 6–7 the mantissa's length: 1, 2, 4 or 12 bytes), then
    /// the mantissa, little-endian.
    fn decimal(&mut self) -> Decimal {
        let h = self.byte();
        let scale = u32::from(h & 0x1f) % 29;
        let len = [1, 2, 4, 12][usize::from(h >> 6)];
        let mut m = [0u8; 12];
        for b in m.iter_mut().take(len) {
            *b = self.byte();
        }
        let word = |i: usize| u32::from_le_bytes([m[i], m[i + 1], m[i + 2], m[i + 3]]);
        Decimal::from_parts(word(0), word(4), word(8), h & 0x20 != 0, scale)
    }
}

/// The binary form: method, rounding and a flag byte (bit 0: a first
/// divisor follows), then the total, the unit, the first divisor and the
/// weights as [`Cursor::decimal`]s until the bytes run out.
pub fn decode_binary(data: &[u8]) -> Option<AllocateCase> {
    let mut c = Cursor(data);
    let method = Method::ALL[usize::from(c.byte()) % Method::ALL.len()];
    let rounding = Rounding::ALL[usize::from(c.byte()) % Rounding::ALL.len()];
    let flags = c.byte();
    let total = c.decimal();
    let unit = c.decimal();
    let first_divisor = (flags & 1 != 0).then(|| c.decimal());
    let mut weights = Vec::new();
    while !c.0.is_empty() && weights.len() < MAX_WEIGHTS {
        weights.push(c.decimal());
    }
    Some(AllocateCase {
        total,
        unit,
        method,
        first_divisor,
        rounding,
        weights,
    })
}

/// Every invariant of one fuzzed call.
pub fn allocate_case(case: &AllocateCase) {
    rounding(case.total, case.unit, case.rounding);
    let allocator = Allocator::new()
        .unit(case.unit)
        .method(case.method)
        .first_divisor(case.first_divisor);
    match allocator.allocate(case.total, &case.weights) {
        Ok(parts) => {
            split(case, &parts);
            explained(&allocator, case, &parts);
            as_units(&allocator, case, &parts);
        }
        Err(e) => {
            assert_code(&e);
            if let Ok(a) = allocator.explain(case.total, &case.weights) {
                panic!("allocate fails ({e}) but explain succeeds: {a:?}");
            }
        }
    }
}

/// The parts: one per weight, on the unit, summing exactly to the total,
/// and placed where the method says.
fn split(case: &AllocateCase, parts: &[Decimal]) {
    assert_eq!(parts.len(), case.weights.len(), "one part per weight");
    let unit = q(case.unit);
    let total = q(case.total);
    let sum: BigRational = parts.iter().map(|p| q(*p)).sum();
    assert_eq!(sum, total, "parts sum to the total");
    // Everything below in whole units of the magnitude of the total.
    let units: Vec<BigInt> = parts
        .iter()
        .map(|p| {
            let u = q(*p) / &unit;
            assert!(
                u.is_integer(),
                "part {p} is not a multiple of {}",
                case.unit
            );
            assert!(
                u.is_zero() || u.is_negative() == total.is_negative(),
                "part {p} has the wrong sign"
            );
            u.to_integer().abs()
        })
        .collect();
    let weights: Vec<BigRational> = case.weights.iter().map(|w| q(*w)).collect();
    let wsum: BigRational = weights.iter().sum();
    let n = (total.abs() / &unit).to_integer();
    for (u, w) in units.iter().zip(&weights) {
        if w.is_zero() {
            assert!(u.is_zero(), "a zero weight got {u} units");
        }
    }
    let quotas: Vec<BigRational> = weights
        .iter()
        .map(|w| BigRational::from(n.clone()) * w / &wsum)
        .collect();
    match case.method {
        Method::LargestRemainder | Method::LargestRatio | Method::InOrder => {
            quota_method(case, &units, &quotas)
        }
        _ => divisor_method(case, &units, &weights),
    }
}

/// Quota methods: each part is its quota rounded down, or one more; who
/// gets the one more is the method's rule.
fn quota_method(case: &AllocateCase, units: &[BigInt], quotas: &[BigRational]) {
    let extra: Vec<bool> = units
        .iter()
        .zip(quotas)
        .map(|(u, quota)| {
            let floor = quota.floor().to_integer();
            assert!(
                *u == floor || *u == &floor + 1,
                "{:?}: {u} units for the quota {quota}",
                case.method
            );
            *u != floor
        })
        .collect();
    let weights: Vec<BigRational> = case.weights.iter().map(|w| q(*w)).collect();
    for i in 0..units.len() {
        for j in 0..units.len() {
            if !extra[i] || extra[j] || weights[j].is_zero() {
                continue;
            }
            // i got one more unit than its floor and j did not.
            let (ri, rj) = (quotas[i].fract(), quotas[j].fract());
            match case.method {
                Method::LargestRemainder => assert!(
                    ri >= rj,
                    "largest remainder: {i} (remainder {ri}) got a unit before {j} ({rj})"
                ),
                Method::LargestRatio => assert!(
                    weights[i] >= weights[j],
                    "largest ratio: {i} got a unit before the larger {j}"
                ),
                _ => assert!(i < j, "in order: {i} got a unit before the earlier {j}"),
            }
        }
    }
}

/// The divisor of the `k`-th seat (k from 0) as a rational, or for
/// Huntington–Hill the square of the divisor √(k(k+1)).
fn divisor(case: &AllocateCase, k: &BigInt) -> BigRational {
    let k = BigRational::from(k.clone());
    match case.method {
        Method::Dhondt => k + BigRational::one(),
        Method::SainteLague if k.is_zero() => case.first_divisor.map_or_else(BigRational::one, q),
        Method::SainteLague => k * BigRational::from_integer(2.into()) + BigRational::one(),
        _ => &k * (&k + BigRational::one()),
    }
}

/// The priority of a weight that holds `k` units: w / d(k), or w² / d(k)²
/// for Huntington–Hill; `None` is infinite (d = 0).
fn priority(case: &AllocateCase, w: &BigRational, k: &BigInt) -> Option<BigRational> {
    let d = divisor(case, k);
    if d.is_zero() {
        return None;
    }
    let w = if case.method == Method::HuntingtonHill {
        w * w
    } else {
        w.clone()
    };
    Some(w / d)
}

/// Divisor methods: the highest-averages condition, checked directly. No
/// weight's next average beats the last average of a unit given out.
fn divisor_method(case: &AllocateCase, units: &[BigInt], weights: &[BigRational]) {
    let next_max = units
        .iter()
        .zip(weights)
        .filter(|(_, w)| !w.is_zero())
        .map(|(u, w)| priority(case, w, u))
        .max_by(|a, b| match (a, b) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, _) => std::cmp::Ordering::Greater,
            (_, None) => std::cmp::Ordering::Less,
            (Some(a), Some(b)) => a.cmp(b),
        });
    let last_min = units
        .iter()
        .zip(weights)
        .filter(|(u, _)| u.is_positive())
        .filter_map(|(u, w)| priority(case, w, &(u - 1)))
        .min();
    if let (Some(next), Some(last)) = (next_max, last_min) {
        let next =
            next.unwrap_or_else(|| panic!("{:?}: a positive weight got nothing", case.method));
        assert!(
            next <= last,
            "{:?}: a next average {next} beats a given one {last}",
            case.method
        );
    }
}

/// `explain` gives the same amounts, the exact quotas and shares.
fn explained(allocator: &Allocator, case: &AllocateCase, parts: &[Decimal]) {
    let a = allocator
        .explain(case.total, &case.weights)
        .unwrap_or_else(|e| panic!("allocate succeeds but explain fails: {e}"));
    let wsum: BigRational = case.weights.iter().map(|w| q(*w)).sum();
    for ((p, amount), w) in a.parts.iter().zip(parts).zip(&case.weights) {
        assert_eq!(p.amount, *amount, "explain and allocate disagree");
        let share = q(*w) / &wsum;
        assert_eq!(frac(&p.share), share, "share");
        assert_eq!(frac(&p.quota), q(case.total) * &share, "quota");
    }
}

/// Whole-number weights give the same split through `allocate_units`.
fn as_units(allocator: &Allocator, case: &AllocateCase, parts: &[Decimal]) {
    let ints: Option<Vec<i64>> = case
        .weights
        .iter()
        .map(|w| {
            let r = q(*w);
            r.is_integer().then(|| r.to_integer().to_i64()).flatten()
        })
        .collect();
    let Some(ints) = ints else { return };
    match allocator.allocate_units(case.total, &ints) {
        Ok(units) => {
            for (u, p) in units.iter().zip(parts) {
                let amount = BigRational::from(BigInt::from(*u)) * q(case.unit);
                assert_eq!(amount, q(*p), "allocate_units and allocate disagree");
            }
        }
        // Parts beyond 64 bits of units are refused there, and only there.
        Err(e) => assert_eq!(e.code(), "overflow", "allocate_units: {e}"),
    }
}

/// `round_to_unit`, against rounding done here on rationals.
pub fn rounding(amount: Decimal, unit: Decimal, mode: Rounding) {
    let got = match andel::round_to_unit(amount, unit, mode) {
        Ok(got) => got,
        Err(e) => {
            assert_code(&e);
            if unit > Decimal::ZERO {
                assert_eq!(e.code(), "overflow", "round_to_unit({amount}, {unit}): {e}");
            }
            return;
        }
    };
    let u = q(unit);
    let x = q(amount) / &u;
    let floor = x.floor().to_integer();
    let rem = &x - BigRational::from(floor.clone());
    let half = BigRational::new(1.into(), 2.into());
    let negative = amount.is_sign_negative() && !amount.is_zero();
    let up = !rem.is_zero()
        && match mode {
            Rounding::Up => true,
            Rounding::Down => false,
            Rounding::TowardZero => negative,
            Rounding::AwayFromZero => !negative,
            Rounding::HalfAwayFromZero => rem > half || (rem == half && !negative),
            Rounding::HalfEven => rem > half || (rem == half && floor.is_odd()),
        };
    let want = BigRational::from(floor + BigInt::from(u8::from(up))) * &u;
    assert_eq!(q(got), want, "round_to_unit({amount}, {unit}, {mode})");
}
