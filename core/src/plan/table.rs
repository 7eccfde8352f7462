//! Controlled rounding of a year's table: members × cost lines.
//!
//! Each cell holds a member's exact part of a line (a rational number of
//! units). The rounded table must add up exactly in both directions: every
//! column (line) to its net amount, and every row (member) to a total within
//! one unit of its exact total, with every cell within one unit of its exact
//! value. Such a rounding always exists for a two-way table (the exact table
//! is a fractional point of an integral flow polytope); this module finds one
//! that is deterministic and as close as the table allows to plain largest
//! remainder on the members' totals:
//!
//! 1. Every cell is rounded down (toward negative infinity, so a refund's
//!    negative cell is its floor plus 0 or 1 units like any other); each column still owes `k` units, and
//!    each row's fractional parts add up to `Φ`, so it can take ⌊Φ⌋ or ⌈Φ⌉.
//! 2. Row targets: ⌊Φ⌋ for all, and one more for the rows with the largest
//!    fractional part of `Φ` (largest remainder; ties to the larger exact
//!    total, then the earlier member).
//! 3. Seed: each column gives its `k` units to its cells with the largest
//!    fractional parts (ties to the larger exact cell, then the earlier
//!    member).
//! 4. Repair: while a row is outside ⌊Φ⌋..⌈Φ⌉, and then while a row is below
//!    its target, a unit is moved along an alternating path (a unit moves
//!    from one row to another within a column, only into cells with a
//!    fractional part), which changes only the two end rows' totals.
//!    Such a path exists whenever the bounds can be met (flow
//!    decomposition); a target that the table cannot meet is left, and the
//!    row next in line takes the unit instead.

use crate::error::{Error, Result};
use crate::order;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::collections::BTreeSet;

/// A grid of rows × columns in one allocation, row after row: `cells[r]`
/// is row r's slice. A year's table has a row per member; one allocation
/// per row (100 000 of them per year and table) made rounding a large
/// plan slower per member the larger it was, from allocations and cache
/// misses when reading a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cells<T> {
    data: Vec<T>,
    rows: usize,
    cols: usize,
}

impl<T: Clone> Cells<T> {
    /// `rows` rows of `cols` copies of `value`.
    pub fn filled(rows: usize, cols: usize, value: T) -> Cells<T> {
        Cells {
            data: vec![value; rows * cols],
            rows,
            cols,
        }
    }

    /// The rows, each as its own vector.
    #[cfg(test)]
    pub fn to_rows(&self) -> Vec<Vec<T>> {
        self.iter().map(<[T]>::to_vec).collect()
    }
}

impl<T> Cells<T> {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// The number of columns.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The rows, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        (0..self.rows).map(|r| &self[r])
    }

    /// Every cell, row after row.
    pub fn into_vec(self) -> Vec<T> {
        self.data
    }
}

/// The grid of the rows, which must all be as long as the first.
impl<T> FromIterator<Vec<T>> for Cells<T> {
    fn from_iter<I: IntoIterator<Item = Vec<T>>>(rows: I) -> Cells<T> {
        let mut cells = Cells {
            data: Vec::new(),
            rows: 0,
            cols: 0,
        };
        for row in rows {
            if cells.rows == 0 {
                cells.cols = row.len();
            }
            assert_eq!(row.len(), cells.cols, "every row of a grid is as long");
            cells.data.extend(row);
            cells.rows += 1;
        }
        cells
    }
}

impl<T> std::ops::Index<usize> for Cells<T> {
    type Output = [T];

    fn index(&self, r: usize) -> &[T] {
        &self.data[r * self.cols..(r + 1) * self.cols]
    }
}

impl<T> std::ops::IndexMut<usize> for Cells<T> {
    fn index_mut(&mut self, r: usize) -> &mut [T] {
        &mut self.data[r * self.cols..(r + 1) * self.cols]
    }
}

/// A year's exact table: cell (r, c) is `numer[r][c] / den[c]` units.
/// Every line's cells share its pool's denominator, so the table is
/// computed in integers, without reducing fractions.
pub(crate) struct Table {
    /// Numerators, rows × columns; negative in a refund's column.
    pub numer: Cells<BigInt>,
    /// One positive denominator per column.
    pub den: Vec<BigInt>,
}

/// The exact row totals of a table, all over one denominator.
pub(crate) struct RowTotals {
    /// Numerator per row.
    pub numer: Vec<BigInt>,
    /// The common denominator (the lcm of the columns' denominators).
    pub den: BigInt,
}

impl Table {
    /// Each row's exact total, over the lcm of the column denominators.
    pub fn row_totals(&self) -> RowTotals {
        let den = lcm_all(&self.den);
        let factors: Vec<BigInt> = self.den.iter().map(|d| &den / d).collect();
        let numer = self
            .numer
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&factors)
                    .filter(|(n, _)| !Zero::is_zero(*n))
                    .map(|(n, f)| n * f)
                    .sum()
            })
            .collect();
        RowTotals { numer, den }
    }
}

fn lcm_all(dens: &[BigInt]) -> BigInt {
    let mut distinct: Vec<&BigInt> = Vec::new();
    for d in dens {
        if !distinct.contains(&d) {
            distinct.push(d);
        }
    }
    distinct
        .into_iter()
        .fold(BigInt::from(1u8), |acc, d| acc.lcm(d))
}

/// Rounds the table so every column sums to `column_totals`. Returns whole
/// units per cell. Tables whose figures fit in 128 bits (nearly all) are
/// rounded in machine integers; the others in big integers. Both give the
/// same cells: the arithmetic is exact either way.
pub(crate) fn round_table(
    table: &Table,
    totals: &RowTotals,
    column_totals: &[i128],
) -> Result<Cells<i128>> {
    match Small::of(table, totals) {
        Some(small) => round_in(
            &small.numer,
            &small.den,
            &small.common,
            &small.totals,
            column_totals,
        ),
        None => round_in(
            &table.numer,
            &table.den,
            &totals.den,
            &totals.numer,
            column_totals,
        ),
    }
}

/// The table in machine integers, when every figure — and every sum the
/// rounding forms, at most the number of columns times the common
/// denominator — fits. Signed: a refund's cells are negative.
pub(crate) struct Small {
    numer: Cells<i128>,
    den: Vec<i128>,
    /// The lcm of the columns' denominators.
    pub common: i128,
    /// Each row's exact total over `common`.
    pub totals: Vec<i128>,
}

/// One column of a year's table, as [`Small::build`] takes it: the
/// participants' numerators over one denominator (`None` for a line nobody
/// is keyed to, whose cells are all zero), the rows they belong to, and the
/// column's net in units.
pub(crate) struct Column<'a> {
    pub shares: Option<(&'a super::key::Nums, &'a BigInt)>,
    pub rows: &'a [usize],
    pub net: i128,
}

impl Small {
    /// The table [`Small::of`] gives for the table of `columns` over `rows`
    /// rows and its row totals, built in machine integers from the start
    /// (no big integer per cell); `None` when a figure does not fit, and
    /// the big table must be built.
    pub fn build(rows: usize, columns: &[Column]) -> Option<Small> {
        let cols = columns.len();
        let mut numer = Cells::filled(rows, cols, 0i128);
        let mut den = Vec::with_capacity(cols);
        for (c, column) in columns.iter().enumerate() {
            match column.shares {
                Some((nums, d)) => {
                    for (i, &r) in column.rows.iter().enumerate() {
                        numer[r][c] = nums.to_i128(i)?.checked_mul(column.net)?;
                    }
                    den.push(ToPrimitive::to_i128(d)?);
                }
                None => den.push(1),
            }
        }
        // The lcm of the distinct denominators, in the order lcm_all takes.
        let mut common: i128 = 1;
        for d in &den {
            let g = Integer::gcd(&common, d);
            common = (common / g).checked_mul(*d)?;
        }
        common.checked_mul(i128::try_from(cols).ok()?.max(1))?;
        let factors: Vec<i128> = den.iter().map(|d| common / d).collect();
        let totals = numer
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&factors)
                    .filter(|(n, _)| **n != 0)
                    .try_fold(0i128, |acc, (n, f)| acc.checked_add(n.checked_mul(*f)?))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Small {
            numer,
            den,
            common,
            totals,
        })
    }

    /// Rounds the table so every column sums to `column_totals`, as
    /// [`round_table`] does.
    pub fn round(&self, column_totals: &[i128]) -> Result<Cells<i128>> {
        round_in(
            &self.numer,
            &self.den,
            &self.common,
            &self.totals,
            column_totals,
        )
    }

    fn of(table: &Table, totals: &RowTotals) -> Option<Small> {
        let common = ToPrimitive::to_i128(&totals.den)?;
        common.checked_mul(i128::try_from(table.den.len()).ok()?.max(1))?;
        let den = table
            .den
            .iter()
            .map(ToPrimitive::to_i128)
            .collect::<Option<Vec<_>>>()?;
        let numer = Cells {
            data: (table.numer.data.iter())
                .map(ToPrimitive::to_i128)
                .collect::<Option<Vec<_>>>()?,
            rows: table.numer.rows,
            cols: table.numer.cols,
        };
        let totals = totals
            .numer
            .iter()
            .map(ToPrimitive::to_i128)
            .collect::<Option<Vec<_>>>()?;
        Some(Small {
            numer,
            den,
            common,
            totals,
        })
    }
}

/// The integer arithmetic the rounding needs, for machine and big integers.
pub(crate) trait Exact: Clone + Ord {
    fn zero() -> Self;
    fn is_zero(&self) -> bool;
    /// Floored quotient and remainder, the remainder in `0..d`; the divisor
    /// is positive. Floored, not truncated: a refund's cell of −2.3 units
    /// is −3 and a fractional part of 0.7, so every cell is its floor plus
    /// 0 or 1 units whatever its sign.
    fn div_rem(&self, d: &Self) -> (Self, Self);
    /// Product and sum; the caller has checked that machine integers do not
    /// overflow (see [`Small::of`]).
    fn mul(&self, o: &Self) -> Self;
    fn add(&self, o: &Self) -> Self;
    fn div(&self, d: &Self) -> Self;
    fn to_i128(&self) -> Option<i128>;
    /// The value as a big integer.
    fn to_big(&self) -> BigInt;
}

impl Exact for i128 {
    fn zero() -> Self {
        0
    }
    fn is_zero(&self) -> bool {
        *self == 0
    }
    fn div_rem(&self, d: &Self) -> (Self, Self) {
        // One division, not two (div_euclid and rem_euclid each divide),
        // and in 64 bits when both fit (most cells): 128-bit division is
        // a slow library call.
        let (q, r) = match (i64::try_from(*self), i64::try_from(*d)) {
            (Ok(a), Ok(b)) => (i128::from(a / b), i128::from(a % b)),
            _ => (self / d, self % d),
        };
        // Floored for a positive divisor.
        if r < 0 { (q - 1, r + d) } else { (q, r) }
    }
    fn mul(&self, o: &Self) -> Self {
        self * o
    }
    fn add(&self, o: &Self) -> Self {
        self + o
    }
    fn div(&self, d: &Self) -> Self {
        self / d
    }
    fn to_i128(&self) -> Option<i128> {
        Some(*self)
    }
    fn to_big(&self) -> BigInt {
        BigInt::from(*self)
    }
}

impl Exact for BigInt {
    fn zero() -> Self {
        Zero::zero()
    }
    fn is_zero(&self) -> bool {
        Zero::is_zero(self)
    }
    fn div_rem(&self, d: &Self) -> (Self, Self) {
        Integer::div_mod_floor(self, d)
    }
    fn mul(&self, o: &Self) -> Self {
        self * o
    }
    fn add(&self, o: &Self) -> Self {
        self + o
    }
    fn div(&self, d: &Self) -> Self {
        self / d
    }
    fn to_i128(&self) -> Option<i128> {
        ToPrimitive::to_i128(self)
    }
    fn to_big(&self) -> BigInt {
        self.clone()
    }
}

/// The rounding itself; `common` is the lcm of `den`, and `totals` the rows'
/// exact totals over it (for ties).
fn round_in<N: Exact>(
    numer: &Cells<N>,
    den: &[N],
    common: &N,
    totals: &[N],
    column_totals: &[i128],
) -> Result<Cells<i128>> {
    let rows = numer.len();
    let cols = column_totals.len();
    let mut floors = Cells::filled(rows, cols, 0i128);
    let mut fracs = Cells::filled(rows, cols, N::zero());
    for r in 0..rows {
        for c in 0..cols {
            if numer[r][c].is_zero() {
                continue;
            }
            let (q, rem) = numer[r][c].div_rem(&den[c]);
            floors[r][c] = q
                .to_i128()
                .ok_or_else(|| Error::overflow("an amount in units"))?;
            fracs[r][c] = rem;
        }
    }
    let mut grid = Grid::new(&fracs);
    for c in 0..cols {
        let floor_sum: i128 = (0..rows).map(|r| floors[r][c]).sum();
        let owed = column_totals[c] - floor_sum;
        let candidates: Vec<usize> = (0..rows).filter(|&r| grid.open[r][c]).collect();
        if owed < 0 || owed as usize > candidates.len() {
            return Err(Error::Internal {
                message: format!("column {c} does not add up to its total"),
            });
        }
        for r in grid.column_best(c, numer, candidates, owed as usize) {
            grid.set(r, c, true);
        }
    }
    let bounds = Bounds::new(&fracs, den, common);
    let targets = bounds.targets(totals, grid.count.iter().sum());
    grid.repair(&bounds, &targets)?;
    for (floor, &has) in floors.data.iter_mut().zip(&grid.has.data) {
        *floor += i128::from(has);
    }
    Ok(floors)
}

/// Which cells received a unit above their floor.
struct Grid<'a, N> {
    has: Cells<bool>,
    open: Cells<bool>,
    /// `has` and `open` again, a bitset of the rows per column, for the
    /// search of a path (see [`Grid::path`]).
    has_bits: Vec<Vec<u64>>,
    open_bits: Vec<Vec<u64>>,
    count: Vec<i128>,
    fracs: &'a Cells<N>,
}

/// Each row may take ⌊Φ⌋ or ⌈Φ⌉ units above its floors, where Φ is the sum
/// of its fractional parts; `remainder` is Φ − ⌊Φ⌋, over a common
/// denominator, for ranking the rows.
struct Bounds<N> {
    low: Vec<i128>,
    high: Vec<i128>,
    remainder: Vec<N>,
}

impl<N: Exact> Bounds<N> {
    fn new(fracs: &Cells<N>, den: &[N], common: &N) -> Bounds<N> {
        let factors: Vec<N> = den.iter().map(|d| common.div(d)).collect();
        let mut low = Vec::new();
        let mut high = Vec::new();
        let mut remainder = Vec::new();
        for row in fracs.iter() {
            let phi = row
                .iter()
                .zip(&factors)
                .filter(|(f, _)| !f.is_zero())
                .fold(N::zero(), |acc, (f, k)| acc.add(&f.mul(k)));
            let (lo, rem) = phi.div_rem(common);
            // Φ is below the number of columns, so it fits.
            let lo = lo.to_i128().unwrap_or(0);
            high.push(lo + i128::from(!rem.is_zero()));
            low.push(lo);
            remainder.push(rem);
        }
        Bounds {
            low,
            high,
            remainder,
        }
    }

    /// Largest remainder on the rows' totals (given as numerators over one
    /// denominator).
    fn targets(&self, totals: &[N], units: i128) -> Vec<i128> {
        let mut targets = self.low.clone();
        let extra = units - targets.iter().sum::<i128>();
        let ranked: Vec<usize> = (0..targets.len())
            .filter(|&r| !self.remainder[r].is_zero())
            .collect();
        // Only which rows come first matters, not their order among
        // themselves: a selection, linear rather than a sort.
        let first = order::first(ranked, extra.max(0) as usize, &mut |&a, &b| {
            self.remainder[b]
                .cmp(&self.remainder[a])
                .then_with(|| totals[b].cmp(&totals[a]))
                .then(a.cmp(&b))
        });
        for r in first {
            targets[r] += 1;
        }
        targets
    }
}

impl<'a, N: Exact> Grid<'a, N> {
    fn new(fracs: &'a Cells<N>) -> Grid<'a, N> {
        let (rows, cols) = (fracs.len(), fracs.cols());
        let words = rows.div_ceil(64);
        let mut open_bits = vec![vec![0u64; words]; cols];
        for r in 0..rows {
            for (c, f) in fracs[r].iter().enumerate() {
                if !f.is_zero() {
                    open_bits[c][r / 64] |= 1 << (r % 64);
                }
            }
        }
        Grid {
            has: Cells::filled(rows, cols, false),
            open: Cells {
                data: fracs.data.iter().map(|f| !f.is_zero()).collect(),
                rows,
                cols,
            },
            has_bits: vec![vec![0u64; words]; cols],
            open_bits,
            count: vec![0; rows],
            fracs,
        }
    }

    fn set(&mut self, r: usize, c: usize, on: bool) {
        if self.has[r][c] != on {
            self.has[r][c] = on;
            self.has_bits[c][r / 64] ^= 1 << (r % 64);
            self.count[r] += if on { 1 } else { -1 };
        }
    }

    /// The best `k` of `rows` (rows with a fractional part in column `c`),
    /// in no particular order: the largest fractional parts, ties to the
    /// larger exact cell, then the earlier row. Fractional parts within a
    /// column share its denominator, so they compare as integers. Only
    /// which rows are best matters, so this selects rather than sorts.
    fn column_best(&self, c: usize, numer: &Cells<N>, rows: Vec<usize>, k: usize) -> Vec<usize> {
        order::first(rows, k, &mut |&a, &b| {
            self.fracs[b][c]
                .cmp(&self.fracs[a][c])
                .then_with(|| numer[b][c].cmp(&numer[a][c]))
                .then(a.cmp(&b))
        })
    }

    fn repair(&mut self, bounds: &Bounds<N>, targets: &[i128]) -> Result<()> {
        let rows = self.has.len();
        let stuck = || Error::Internal {
            message: "the table cannot be rounded within its bounds".to_string(),
        };
        // Rows below their lower bound take from rows above theirs.
        let low = &bounds.low;
        let above_low = |g: &Self, d: usize| g.count[d] > low[d];
        let mut donors = self.donors(&above_low);
        for r in 0..rows {
            while self.count[r] < bounds.low[r] {
                if !self.pull(r, above_low, &mut donors) {
                    return Err(stuck());
                }
            }
        }
        // Rows above their upper bound give to the first row below its own
        // that can take the unit. Only the giver's and the taker's counts
        // change (a path's inner rows give one and take one), and a giver
        // never goes below its bound: so the rows that may take are the
        // ones below it now, in row order, less those filled since. Kept
        // in a list, so each search does not scan every row from the first.
        let high = &bounds.high;
        let takers: Vec<usize> = (0..rows).filter(|&t| self.count[t] < high[t]).collect();
        let mut start = 0;
        for r in 0..rows {
            while self.count[r] > high[r] {
                let found = takers[start..]
                    .iter()
                    .any(|&t| self.count[t] < high[t] && self.pull_from(t, r));
                if !found {
                    return Err(stuck());
                }
                while takers.get(start).is_some_and(|&t| self.count[t] >= high[t]) {
                    start += 1;
                }
            }
        }
        // Rows below their target take from rows above theirs, best first.
        let mut wanting: Vec<usize> = (0..rows).filter(|&r| self.count[r] < targets[r]).collect();
        order::sort(&mut wanting, &mut |&a, &b| {
            bounds.remainder[b]
                .cmp(&bounds.remainder[a])
                .then(a.cmp(&b))
        });
        let above_target = |g: &Self, d: usize| g.count[d] > targets[d];
        let mut donors = self.donors(&above_target);
        for r in wanting {
            while self.count[r] < targets[r] {
                if !self.pull(r, above_target, &mut donors) {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Moves one unit into row `to` from the nearest row that `donor`
    /// accepts, along an alternating path. Returns whether it found one.
    /// `donors` indexes the rows `donor` accepts, and is kept up to date.
    fn pull(
        &mut self,
        to: usize,
        donor: impl Fn(&Self, usize) -> bool,
        donors: &mut Donors,
    ) -> bool {
        let path = self
            .direct(to, donors)
            .or_else(|| self.path(to, None, |g, d| d != to && donor(g, d)));
        match path {
            Some(path) => {
                self.apply(&path);
                // Only the rows on the path changed their cells or count.
                for &(giver, taker, _) in &path {
                    self.refresh(donors, giver, &donor);
                    self.refresh(donors, taker, &donor);
                }
                true
            }
            None => false,
        }
    }

    /// The move the search below finds when the path is one step long: the
    /// first column (in order) where `to` can take a unit and a donor has
    /// one, from the first such donor (in row order). The search visits
    /// them in that order too, so both choose the same move; this one finds
    /// it without scanning every row, which made repairing a table of many
    /// members quadratic.
    fn direct(&self, to: usize, donors: &Donors) -> Option<Vec<(usize, usize, usize)>> {
        let cols = self.has[to].len();
        (0..cols)
            .filter(|&c| !self.has[to][c] && self.open[to][c])
            .find_map(|c| {
                let giver = donors.by_column[c].iter().find(|&&g| g != to)?;
                Some(vec![(*giver, to, c)])
            })
    }

    /// Like [`direct`](Self::direct), with `from` the only donor.
    fn direct_from(&self, to: usize, from: usize) -> Option<Vec<(usize, usize, usize)>> {
        let cols = self.has[to].len();
        (0..cols)
            .find(|&c| !self.has[to][c] && self.open[to][c] && self.has[from][c])
            .map(|c| vec![(from, to, c)])
    }

    /// The index of the rows `donor` accepts, per column where they hold
    /// a unit.
    fn donors(&self, donor: &impl Fn(&Self, usize) -> bool) -> Donors {
        let cols = self.has.cols();
        let giving: Vec<usize> = (0..self.has.len()).filter(|&r| donor(self, r)).collect();
        // Each column's rows in order, built at once (a set built from a
        // sorted sequence takes linear time; one insertion per row did not).
        let by_column = (0..cols)
            .map(|c| giving.iter().copied().filter(|&r| self.has[r][c]).collect())
            .collect();
        Donors { by_column }
    }

    /// Brings row `r` up to date in every column of the index.
    fn refresh(&self, donors: &mut Donors, r: usize, donor: &impl Fn(&Self, usize) -> bool) {
        let gives = donor(self, r);
        for (c, set) in donors.by_column.iter_mut().enumerate() {
            if gives && self.has[r][c] {
                set.insert(r);
            } else {
                set.remove(&r);
            }
        }
    }

    /// Moves one unit from row `from` into row `to`, if a path exists.
    fn pull_from(&mut self, to: usize, from: usize) -> bool {
        let path = self
            .direct_from(to, from)
            .or_else(|| self.path(to, Some(from), |_, d| d != to && d == from));
        match path {
            Some(path) => {
                self.apply(&path);
                true
            }
            None => false,
        }
    }

    /// Breadth-first search from the receiving row: a row that wants a unit
    /// can take it in any open column where it has none, from any row that
    /// has one there; the first row `donor` accepts (`only`, when given, is
    /// the one row it can accept) ends the path. Returns the moves (giver,
    /// taker, column).
    ///
    /// The search reaches each column once, so it is kept as a list of
    /// scans, in the order a queue of rows would make them: a column, the
    /// row that asked for it, and the rows it reached (the column's holders
    /// not reached before) as a bitset. A scan asks for a further column at
    /// its first row (in row order) that is open there and has no unit,
    /// found a word of 64 rows at a time: the rows themselves are never
    /// queued, which made each search of a large year scan every row.
    fn path(
        &self,
        to: usize,
        only: Option<usize>,
        donor: impl Fn(&Self, usize) -> bool,
    ) -> Option<Vec<(usize, usize, usize)>> {
        // One search for every grid and donor rule: compiled once.
        search(
            &self.has_bits,
            &self.open_bits,
            self.has.len(),
            to,
            only,
            &|d| donor(self, d),
        )
    }

    fn apply(&mut self, path: &[(usize, usize, usize)]) {
        for &(giver, taker, c) in path {
            self.set(giver, c, false);
            self.set(taker, c, true);
        }
    }
}

/// Per column, the rows that hold a unit there and may give one (by the
/// repair step's rule), in row order.
struct Donors {
    by_column: Vec<BTreeSet<usize>>,
}

/// [`Grid::path`]'s search, on the grid's bitsets: `has_bits[c]` and
/// `open_bits[c]` are the rows that hold a unit in column `c` and may.
fn search(
    has_bits: &[Vec<u64>],
    open_bits: &[Vec<u64>],
    rows: usize,
    to: usize,
    only: Option<usize>,
    donor: &dyn Fn(usize) -> bool,
) -> Option<Vec<(usize, usize, usize)>> {
    let cols = has_bits.len();
    let words = rows.div_ceil(64);
    let mut seen = vec![0u64; words];
    seen[to / 64] |= 1 << (to % 64);
    let mut scanned = vec![false; cols];
    // (rows reached, the row that asked, its column, the scan that
    // reached the asking row); the first is the receiving row alone.
    let mut scans: Vec<(Vec<u64>, usize, usize, usize)> = vec![(seen.clone(), to, 0, 0)];
    let mut next = 0;
    while next < scans.len() {
        let mut asks: Vec<(usize, usize)> = (0..cols)
            .filter(|&c| !scanned[c])
            .filter_map(|c| {
                let (open, has) = (&open_bits[c], &has_bits[c]);
                let first = (0..words).find_map(|w| {
                    let bits = scans[next].0[w] & open[w] & !has[w];
                    (bits != 0).then(|| w * 64 + bits.trailing_zeros() as usize)
                })?;
                Some((first, c))
            })
            .collect();
        // In the order a queue would make them: by row, then column. A
        // handful at most (one per column): picked in order rather than
        // sorted, so no sort is compiled for them.
        while let Some(at) = (0..asks.len()).min_by_key(|&i| asks[i]) {
            let (taker, c) = asks.swap_remove(at);
            scanned[c] = true;
            let reached: Vec<u64> = (0..words).map(|w| has_bits[c][w] & !seen[w]).collect();
            for (s, r) in seen.iter_mut().zip(&reached) {
                *s |= r;
            }
            let found = match only {
                Some(d) => (reached[d / 64] >> (d % 64) & 1 == 1 && donor(d)).then_some(d),
                None => first_accepted(&reached, donor),
            };
            if let Some(giver) = found {
                // Back to the receiving row: each asking row got its
                // unit from the scan that reached it.
                let mut moves = vec![(giver, taker, c)];
                let (mut row, mut at) = (taker, next);
                while at != 0 {
                    let (_, asker, column, from) = scans[at];
                    moves.push((row, asker, column));
                    (row, at) = (asker, from);
                }
                return Some(moves);
            }
            scans.push((reached, taker, c, next));
        }
        next += 1;
    }
    None
}

/// The first row (in row order) of the bitset `rows` that `accepts`.
fn first_accepted(rows: &[u64], accepts: &dyn Fn(usize) -> bool) -> Option<usize> {
    for (w, &word) in rows.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            let r = w * 64 + bits.trailing_zeros() as usize;
            if accepts(r) {
                return Some(r);
            }
            bits &= bits - 1;
        }
    }
    None
}

pub(super) fn trace(
    parent: &[Option<(usize, usize)>],
    mut giver: usize,
) -> Vec<(usize, usize, usize)> {
    let mut moves = Vec::new();
    while let Some((taker, c)) = parent[giver] {
        moves.push((giver, taker, c));
        giver = taker;
    }
    moves
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fraction::Fraction;
    use std::collections::VecDeque;

    fn frac(n: i64, d: i64) -> Fraction {
        Fraction::new(n, d)
    }

    /// The table of exact cells, each column over the lcm of its cells'
    /// denominators.
    fn table(cells: &[Vec<Fraction>]) -> Table {
        let cols = cells[0].len();
        let den: Vec<BigInt> = (0..cols)
            .map(|c| {
                cells
                    .iter()
                    .fold(BigInt::from(1), |acc, row| acc.lcm(&row[c].denominator()))
            })
            .collect();
        let numer = cells
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&den)
                    .map(|(x, d)| x.numerator() * (d / x.denominator()))
                    .collect()
            })
            .collect();
        Table { numer, den }
    }

    /// |a − b| < 1.
    fn within_one(a: &Fraction, b: &Fraction) -> bool {
        let d = a - b;
        -Fraction::one() < d && d < Fraction::one()
    }

    fn check(cells: &[Vec<Fraction>], totals: &[i128]) -> Vec<Vec<i128>> {
        let t = table(cells);
        let row_totals = t.row_totals();
        let out = round_table(&t, &row_totals, totals).unwrap();
        // The big-integer path, which tables too large for 128 bits take,
        // gives the same cells as the machine-integer one.
        assert!(Small::of(&t, &row_totals).is_some());
        let big = round_in(&t.numer, &t.den, &row_totals.den, &row_totals.numer, totals).unwrap();
        assert_eq!(big, out);
        for (c, total) in totals.iter().enumerate() {
            assert_eq!(out.iter().map(|row| row[c]).sum::<i128>(), *total);
        }
        for (r, row) in cells.iter().enumerate() {
            let exact: Fraction = row.iter().sum();
            let got: i128 = out[r].iter().sum();
            assert!(within_one(&Fraction::from(got), &exact), "row {r}");
            for (c, x) in row.iter().enumerate() {
                assert!(within_one(&Fraction::from(out[r][c]), x));
            }
        }
        out.to_rows()
    }

    #[test]
    fn tables_beyond_128_bits_take_the_big_path() {
        let huge = Fraction::new(BigInt::from(u128::MAX) * 3 + 1, BigInt::from(u128::MAX));
        let rest = Fraction::from(7i128) - &huge + Fraction::from(3i128);
        let t = table(&[vec![huge.clone()], vec![rest.clone()]]);
        assert!(Small::of(&t, &t.row_totals()).is_none());
        let out = round_table(&t, &t.row_totals(), &[10]).unwrap();
        assert_eq!(out.iter().map(|r| r[0]).sum::<i128>(), 10);
        assert_eq!(out.to_rows(), [[3], [7]]);
    }

    impl<N: Exact> Grid<'_, N> {
        /// The breadth-first search as first written, a row at a time: the
        /// reference [`Grid::path`] is checked against.
        #[allow(clippy::needless_range_loop)] // rows and columns index several tables at once
        fn searched(
            &self,
            to: usize,
            donor: impl Fn(&Self, usize) -> bool,
        ) -> Option<Vec<(usize, usize, usize)>> {
            let (rows, cols) = (self.has.len(), self.has.cols());
            let mut seen_row = vec![false; rows];
            let mut seen_col = vec![false; cols];
            let mut parent: Vec<Option<(usize, usize)>> = vec![None; rows];
            let mut queue = VecDeque::from([to]);
            seen_row[to] = true;
            while let Some(taker) = queue.pop_front() {
                for c in 0..cols {
                    if seen_col[c] || self.has[taker][c] || !self.open[taker][c] {
                        continue;
                    }
                    seen_col[c] = true;
                    for giver in 0..rows {
                        if seen_row[giver] || !self.has[giver][c] {
                            continue;
                        }
                        seen_row[giver] = true;
                        parent[giver] = Some((taker, c));
                        if donor(self, giver) {
                            return Some(trace(&parent, giver));
                        }
                        queue.push_back(giver);
                    }
                }
            }
            None
        }
    }

    /// The search of [`Grid::path`] by bitsets finds the path the search a
    /// row at a time finds, on many random grids of up to 200 rows (more
    /// than one word of 64), for both kinds of donor.
    #[test]
    fn path_by_bitsets_is_the_breadth_first_search() {
        let mut state: u64 = 3;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        let (mut found, mut long, mut none) = (0, 0, 0);
        for _ in 0..300 {
            let rows = 1 + next(200) as usize;
            let cols = 1 + next(5) as usize;
            let density = 1 + next(4);
            let fracs: Cells<i128> = (0..rows)
                .map(|_| (0..cols).map(|_| i128::from(next(4) < density)).collect())
                .collect();
            let mut grid = Grid::new(&fracs);
            for r in 0..rows {
                for c in 0..cols {
                    if grid.open[r][c] && next(3) == 0 {
                        grid.set(r, c, true);
                    }
                }
            }
            let limit: Vec<i128> = (0..rows).map(|_| next(4) as i128).collect();
            let donor = |g: &Grid<'_, i128>, d: usize| g.count[d] > limit[d];
            for to in (0..rows).step_by(1 + rows / 20) {
                let expected = grid.searched(to, |g, d| d != to && donor(g, d));
                assert_eq!(grid.path(to, None, |g, d| d != to && donor(g, d)), expected);
                found += usize::from(expected.is_some());
                long += usize::from(expected.as_ref().is_some_and(|p| p.len() > 1));
                none += usize::from(expected.is_none());
                for from in (0..rows).step_by(1 + rows / 10) {
                    let expected = grid.searched(to, |_, d| d != to && d == from);
                    let got = grid.path(to, Some(from), |_, d| d != to && d == from);
                    assert_eq!(got, expected, "to {to} from {from}");
                }
            }
        }
        assert!(
            found > 300 && long > 30 && none > 30,
            "{found} found, {long} long, {none} none"
        );
    }

    /// The direct moves, found through the donor index, are the moves the
    /// breadth-first search finds when its path is one step long, and none
    /// when it is longer or there is none: on many random grids.
    #[test]
    fn direct_moves_are_the_searchs_one_step_paths() {
        let mut state: u64 = 1;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        let (mut direct, mut longer) = (0, 0);
        for _ in 0..400 {
            let rows = 1 + next(12) as usize;
            let cols = 1 + next(4) as usize;
            let fracs: Cells<i128> = (0..rows)
                .map(|_| (0..cols).map(|_| i128::from(next(3) > 0)).collect())
                .collect();
            let mut grid = Grid::new(&fracs);
            for r in 0..rows {
                for c in 0..cols {
                    if grid.open[r][c] && next(2) == 0 {
                        grid.set(r, c, true);
                    }
                }
            }
            let limit: Vec<i128> = (0..rows).map(|_| next(3) as i128).collect();
            let donor = |g: &Grid<'_, i128>, d: usize| g.count[d] > limit[d];
            let donors = grid.donors(&donor);
            for to in 0..rows {
                let searched = grid.path(to, None, |g, d| d != to && donor(g, d));
                let one_step = searched.clone().filter(|p| p.len() == 1);
                assert_eq!(grid.direct(to, &donors), one_step, "{fracs:?} to {to}");
                direct += usize::from(one_step.is_some());
                longer += usize::from(searched.is_some_and(|p| p.len() > 1));
                for from in 0..rows {
                    let searched = grid.path(to, Some(from), |_, d| d != to && d == from);
                    let one_step = searched.filter(|p| p.len() == 1);
                    assert_eq!(grid.direct_from(to, from), one_step);
                }
            }
        }
        // Both kinds of path occurred, so the comparison meant something.
        assert!(
            direct > 100 && longer > 10,
            "{direct} direct, {longer} longer"
        );
    }

    #[test]
    fn rank_one_table_matches_row_largest_remainder() {
        // Three equal members, two lines of 1 and 1 units: rows get 2/3 each.
        let third = frac(1, 3);
        let cells = vec![vec![third.clone(), third.clone()]; 3];
        let out = check(&cells, &[1, 1]);
        let rows: Vec<i128> = out.iter().map(|r| r.iter().sum()).collect();
        assert_eq!(rows, [1, 1, 0]);
    }

    #[test]
    fn conflicting_targets_are_resolved() {
        // Columns: c0 shared by rows 0 and 2, c1 by rows 1 and 3, each half.
        // Row totals tie at 1/2; targets by tie-break would be rows 0 and 1.
        let h = frac(1, 2);
        let z = Fraction::zero();
        let cells = vec![
            vec![h.clone(), z.clone()],
            vec![z.clone(), h.clone()],
            vec![h.clone(), z.clone()],
            vec![z.clone(), h.clone()],
        ];
        let out = check(&cells, &[1, 1]);
        assert_eq!(out, [[1, 0], [0, 1], [0, 0], [0, 0]]);
    }

    #[test]
    fn refund_columns_round_like_costs_and_every_sum_holds() {
        // A cost of 10 units and a refund of -4 units, each shared in
        // thirds: every cell is its floor or one more, whatever its sign.
        let cost = frac(10, 3);
        let refund = frac(-4, 3);
        let cells = vec![vec![cost.clone(), refund.clone()]; 3];
        let out = check(&cells, &[10, -4]);
        let rows: Vec<i128> = out.iter().map(|r| r.iter().sum()).collect();
        // Each row's exact total is 2: the table rounds it exactly.
        assert_eq!(rows, [2, 2, 2]);
        // The seed gives row 0 a unit in both columns (ties to the earlier
        // row), 4 and -1; the repair moves the cost's unit on, since row 0
        // may only have 2.
        assert_eq!(out[0], [3, -1]);
    }

    #[test]
    fn a_row_with_a_negative_total_is_rounded_by_its_floor() {
        // Row 0 pays a third of a cost of 5 and gets most of a refund of
        // -7, so its exact total, 5/3 - 13/2 = -29/6, is negative.
        let cells = vec![
            vec![frac(5, 3), frac(-13, 2)],
            vec![frac(10, 3), frac(-1, 2)],
        ];
        let out = check(&cells, &[5, -7]);
        let rows: Vec<i128> = out.iter().map(|r| r.iter().sum()).collect();
        // Exact totals -29/6 (-4.83) and 17/6 (2.83): -5 + 1/6 and 2 + 5/6,
        // so by largest remainder the second row takes the unit: -5 and 3.
        assert_eq!(rows, [-5, 3]);
        assert_eq!(rows.iter().sum::<i128>(), -2);
    }

    #[test]
    fn seed_that_overloads_a_row_is_repaired() {
        // Row 0 has the largest fraction in every column, but its total may
        // only exceed its exact total by less than one.
        let big = frac(6, 10);
        let small = frac(4, 10);
        let cells = vec![
            vec![big.clone(), big.clone(), big.clone()],
            vec![small.clone(), small.clone(), small.clone()],
        ];
        let out = check(&cells, &[1, 1, 1]);
        let rows: Vec<i128> = out.iter().map(|r| r.iter().sum()).collect();
        assert_eq!(rows, [2, 1]);
    }
}
