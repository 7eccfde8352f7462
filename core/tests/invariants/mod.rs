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
        // Only a refund or credit (a negative amount, never funded) has a
        // negative net.
        assert!(
            !q(l.net).is_negative() || (q(l.gross).is_negative() && l.funding.is_zero()),
            "{yr} {}: negative net",
            l.id
        );
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

/// The amount in "Line \"id\" (…): …, in the table 1234 SEK.".
fn after_rounding(sentence: &str, line: &str) -> Decimal {
    let amount = sentence
        .strip_prefix(&format!("Line {line:?} ("))
        .and_then(|s| s.strip_suffix('.'))
        .and_then(|s| s.rsplit_once(", in the table "))
        .and_then(|(_, tail)| tail.split(' ').next())
        .unwrap_or_else(|| panic!("not the sentence of line {line}: {sentence:?}"));
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

// ------------------------------------------------------------ the cycle

/// A plan and a scenario of it (`other`): when the plan computes, its
/// annual cycle adds up ([`cycle`]), with the diff against `other` when
/// that computes too.
pub fn plan_cycle(plan: &Plan, other: &Plan) {
    let Ok(result) = plan.compute() else {
        return;
    };
    match other.compute() {
        Ok(b) => cycle(plan, &result, Some((other, &b))),
        Err(e) => {
            assert_code(&e);
            cycle(plan, &result, None);
        }
    }
}

/// `x` rounded half to even to 2 decimals (for percentages).
fn half_even_2(x: &BigRational) -> BigRational {
    let hundred = BigRational::from_integer(BigInt::from(100));
    let scaled = x * &hundred;
    let floor = scaled.floor();
    let rest = &scaled - &floor;
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    let up = rest > half || (rest == half && floor.to_integer().is_odd());
    let n = if up {
        floor + BigRational::one()
    } else {
        floor
    };
    n / hundred
}

/// The annual cycle of a computed plan (docs/annual-cycle.md): the
/// calendar, every year's invoices (with the previous year's settlement
/// when the plan has it), every outcome's settlement, why every
/// contribution changed, and the diff against `other` (a perturbed copy of
/// the plan, with its result). Each either fails with a proper code or
/// adds up, checked on rationals against the result the plan invariants
/// already verified.
pub fn cycle(plan: &Plan, result: &PlanResult, other: Option<(&Plan, &PlanResult)>) {
    let unit = q(result.unit);
    calendar(plan, result);
    let mut settlements = BTreeMap::new();
    for o in &plan.outcome {
        match plan.settle(result, o.year) {
            Ok(s) => {
                settlement(plan, result, o, &s, &unit);
                settlements.insert(o.year, s);
            }
            Err(e) => assert_code(&e),
        }
    }
    if plan.instalments.is_some() {
        for y in &result.years {
            let previous = settlements.get(&(y.year - 1));
            match plan.invoices(result, y.year, previous) {
                Ok(inv) => invoices(plan, y, previous, &inv, &unit),
                Err(e) => assert_code(&e),
            }
        }
    }
    match plan.changes(result) {
        Ok(all) => {
            let expected: usize = result.years.iter().skip(1).map(|y| y.members.len()).sum();
            assert_eq!(
                all.len(),
                expected,
                "changes: one per member and later year"
            );
            for c in &all {
                change(result, c, &unit);
            }
        }
        Err(e) => assert_code(&e),
    }
    if let Some((_, b)) = other {
        match andel::cycle::diff(result, b) {
            Ok(d) => diff(result, b, &d),
            Err(e) => assert_code(&e),
        }
    }
}

fn calendar(plan: &Plan, result: &PlanResult) {
    let cal = match plan.calendar(result) {
        Ok(c) => c,
        Err(e) => return assert_code(&e),
    };
    assert_eq!(
        cal.entries.len(),
        result.years.len() * plan.milestones.len(),
        "calendar: every milestone of every year"
    );
    for pair in cal.entries.windows(2) {
        assert!(pair[0].date <= pair[1].date, "calendar: by date");
    }
    for e in &cal.entries {
        let m = plan
            .milestones
            .iter()
            .find(|m| m.id == e.milestone)
            .expect("calendar: a milestone of the plan");
        assert_eq!(e.date.year(), e.budget_year + m.offset, "{}: year", m.id);
        assert_eq!(
            (e.date.month(), e.date.day()),
            (m.date.month(), m.date.day())
        );
        let y = result
            .year(e.budget_year)
            .expect("calendar: a year of the plan");
        if m.figures == andel::cycle::Figures::Contributions {
            let want: Vec<(&str, Decimal)> = y
                .members
                .iter()
                .filter(|r| r.paying)
                .map(|r| (r.id.as_str(), r.contribution))
                .collect();
            let got: Vec<(&str, Decimal)> = e
                .amounts
                .iter()
                .map(|a| (a.id.as_str(), a.amount))
                .collect();
            assert_eq!(got, want, "calendar {}: the year's contributions", m.id);
        } else if m.figures == andel::cycle::Figures::None {
            assert!(e.amounts.is_empty(), "calendar {}: no figures", m.id);
        }
    }
}

fn settlement(
    plan: &Plan,
    result: &PlanResult,
    o: &andel::cycle::Outcome,
    s: &andel::cycle::Settlement,
    unit: &BigRational,
) {
    let yr = o.year;
    let y = result.year(yr).expect("settled year in the result");
    assert_eq!(s.planned, y.net, "settle {yr}: planned = the year's net");
    assert_eq!(
        q(s.difference),
        q(s.actual) - q(s.planned),
        "settle {yr}: difference = actual - planned"
    );
    let sum: BigRational = s.members.iter().map(|m| q(m.settlement)).sum();
    assert_eq!(
        sum,
        q(s.difference),
        "settle {yr}: settlements sum to the difference"
    );
    let actual: BigRational = s.members.iter().map(|m| q(m.actual)).sum();
    assert_eq!(
        actual,
        q(s.actual),
        "settle {yr}: actual contributions sum to actual net"
    );
    let paying: Vec<&andel::plan::MemberYear> = y.members.iter().filter(|m| m.paying).collect();
    assert_eq!(
        s.members.len(),
        paying.len(),
        "settle {yr}: one per paying member"
    );
    for (m, row) in s.members.iter().zip(paying) {
        assert_eq!(m.id, row.id, "settle {yr}: plan order");
        assert_eq!(m.planned, row.contribution, "settle {yr} {}: planned", m.id);
        assert_eq!(
            q(m.settlement),
            q(m.actual) - q(m.planned),
            "settle {yr} {}",
            m.id
        );
        assert!(
            is_multiple(&q(m.actual), unit),
            "settle {yr} {}: off unit",
            m.id
        );
        assert!(!m.actual.is_sign_negative() || m.actual.is_zero());
    }
    let (mut planned_net, mut actual_net) = (BigRational::zero(), BigRational::zero());
    for l in &s.lines {
        planned_net += q(l.planned_net);
        actual_net += q(l.actual_net);
        if let Some(cost) = o.costs.get(&l.id) {
            assert_eq!(
                l.actual_gross,
                cost.value(),
                "settle {yr} {}: actual cost",
                l.id
            );
        }
        if let Some(p) = y.lines.iter().find(|p| p.id == l.id) {
            assert_eq!((l.planned_gross, l.planned_net), (p.gross, p.net));
        }
    }
    assert_eq!(planned_net, q(s.planned), "settle {yr}: planned lines sum");
    assert_eq!(actual_net, q(s.actual), "settle {yr}: actual lines sum");
    let _ = plan;
}

fn invoices(
    plan: &Plan,
    y: &andel::plan::YearResult,
    previous: Option<&andel::cycle::Settlement>,
    inv: &andel::cycle::Invoices,
    unit: &BigRational,
) {
    let yr = y.year;
    let inst = plan.instalments.as_ref().expect("instalments");
    let n = inst.count as usize;
    assert_eq!(inv.runs.len(), n, "invoices {yr}: one run per instalment");
    assert_eq!(inv.net, y.net);
    // The even split of the net, the earlier runs taking the units left.
    let net_units = (q(y.net) / unit).to_integer();
    let (base, left) = net_units.div_rem(&BigInt::from(n));
    let mut per_member: BTreeMap<&str, BigRational> = BTreeMap::new();
    for (i, run) in inv.runs.iter().enumerate() {
        let units = &base + BigInt::from(u8::from(BigInt::from(i) < left));
        let want = BigRational::from_integer(units) * unit;
        assert_eq!(q(run.total), want, "invoices {yr}: run {} total", i + 1);
        assert_eq!(run.due.year(), yr);
        assert_eq!(
            (run.due.month(), run.due.day()),
            (inst.due[i].month(), inst.due[i].day())
        );
        let mut sum = BigRational::zero();
        for invoice in &run.invoices {
            let row = y
                .members
                .iter()
                .find(|m| m.id == invoice.member)
                .expect("invoice for a member");
            assert!(row.paying, "invoices {yr}: {} does not pay", row.id);
            let a = q(invoice.amount);
            assert!(is_multiple(&a, unit), "invoices {yr} {}: off unit", row.id);
            // Controlled rounding of contribution / n: floor or ceiling.
            let exact = q(row.contribution) / BigRational::from_integer(BigInt::from(n));
            assert!(
                (&a - &exact).abs() < *unit,
                "invoices {yr} {}: {a} vs {exact}",
                row.id
            );
            let settled = previous
                .filter(|_| i == 0)
                .and_then(|s| s.members.iter().find(|m| m.id == row.id))
                .map_or(BigRational::zero(), |m| q(m.settlement));
            assert_eq!(
                q(invoice.settlement),
                settled,
                "invoices {yr} {}: settlement",
                row.id
            );
            assert_eq!(
                q(invoice.total),
                &a + &settled,
                "invoices {yr} {}: total",
                row.id
            );
            *per_member.entry(&row.id).or_insert_with(BigRational::zero) += &a;
            sum += a;
        }
        assert_eq!(sum, q(run.total), "invoices {yr}: run {} adds up", i + 1);
    }
    for row in &y.members {
        let got = per_member
            .get(row.id.as_str())
            .cloned()
            .unwrap_or_else(BigRational::zero);
        let want = if row.paying {
            q(row.contribution)
        } else {
            BigRational::zero()
        };
        assert_eq!(
            got, want,
            "invoices {yr} {}: instalments sum to the contribution",
            row.id
        );
    }
}

/// A member's exact contribution: Σ line net × share.
fn exact_of(y: &andel::plan::YearResult, id: &str) -> BigRational {
    let row = y.members.iter().find(|m| m.id == id).expect("member row");
    row.lines
        .iter()
        .map(|cell| {
            let line = y.lines.iter().find(|l| l.id == cell.line).expect("line");
            q(line.net) * frac(&cell.share)
        })
        .sum()
}

fn change(result: &PlanResult, c: &andel::cycle::ChangeExplanation, unit: &BigRational) {
    let who = format!("why {} {}", c.member, c.year);
    let cur = result.year(c.year).expect("year");
    let prev = result.year(c.year - 1).expect("previous year");
    assert_eq!(
        Ok(c.contribution),
        result.contribution(&c.member, c.year),
        "{who}"
    );
    assert_eq!(
        Ok(c.previous),
        result.contribution(&c.member, c.year - 1),
        "{who}"
    );
    assert_eq!(
        q(c.change),
        q(c.contribution) - q(c.previous),
        "{who}: change"
    );
    let sum: BigRational = c.causes.iter().map(|x| q(x.amount)).sum();
    assert_eq!(sum, q(c.change), "{who}: causes add up to the change");
    let half = unit / BigRational::from_integer(BigInt::from(2));
    let mut exact = BigRational::zero();
    for x in &c.causes {
        assert!(!x.amount.is_zero(), "{who}: a cause of zero");
        assert!(is_multiple(&q(x.amount), unit), "{who}: cause off unit");
        match (&x.kind, &x.exact) {
            (andel::cycle::CauseKind::Rounding, None) => {}
            (_, Some(e)) => {
                let e = frac(e);
                assert!(
                    (q(x.amount) - &e).abs() <= half,
                    "{who}: {:?} far from exact",
                    x.kind
                );
                exact += e;
            }
            (k, None) => panic!("{who}: {k:?} without its exact part"),
        }
    }
    // All the exact causes add up to the change of the member's exact
    // contribution (Σ net × share; the identity of docs/annual-cycle.md).
    // Those reported carry their exact part; those left out were rounded
    // to zero, so each is at most half a unit: 6 kinds, 3 units at most.
    let exact_change = exact_of(cur, &c.member) - exact_of(prev, &c.member);
    let rest = exact_change - exact;
    assert!(
        rest.abs() <= BigRational::from_integer(BigInt::from(3)) * unit,
        "{who}: the left-out causes are {rest}, more than 3 units"
    );
}

fn diff(a: &PlanResult, b: &PlanResult, d: &andel::cycle::ScenarioDiff) {
    let mut years: Vec<i32> = a.years.iter().chain(&b.years).map(|y| y.year).collect();
    years.sort_unstable();
    years.dedup();
    assert_eq!(
        d.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        years,
        "diff: years"
    );
    let contribution = |r: &PlanResult, id: &str, year: i32| {
        r.contribution(id, year).map_or(BigRational::zero(), q)
    };
    let check = |m: &andel::cycle::MemberDiff, a: BigRational, b: BigRational, at: &str| {
        assert_eq!(
            (q(m.a), q(m.b)),
            (a.clone(), b.clone()),
            "diff {at} {}",
            m.id
        );
        assert_eq!(q(m.change), &b - &a, "diff {at} {}: change = b - a", m.id);
        let hundred = BigRational::from_integer(BigInt::from(100));
        let want = (!a.is_zero()).then(|| half_even_2(&((&b - &a) / &a * hundred)));
        assert_eq!(m.change_percent.map(q), want, "diff {at} {}: percent", m.id);
    };
    for y in &d.years {
        let net = |r: &PlanResult| r.year(y.year).map_or(BigRational::zero(), |x| q(x.net));
        assert_eq!(q(y.change), net(b) - net(a), "diff {}: net change", y.year);
        for m in &y.members {
            check(
                m,
                contribution(a, &m.id, y.year),
                contribution(b, &m.id, y.year),
                &y.year.to_string(),
            );
        }
    }
    let total = |r: &PlanResult, id: &str| {
        r.totals
            .iter()
            .find(|t| t.id == id)
            .map_or(BigRational::zero(), |t| q(t.contribution))
    };
    for m in &d.totals {
        check(m, total(a, &m.id), total(b, &m.id), "total");
    }
}
