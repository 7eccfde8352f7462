//! The members' totals of a year by the plan's apportionment method.
//!
//! The controlled rounding ([`super::table`]) gives every member a total
//! within one unit of its exact total, following largest remainder. A plan
//! that names another method (D'Hondt, Sainte-Laguë, …) asks for the totals
//! that method gives when the year's net is apportioned by the members'
//! exact totals. Those totals can lie more than one unit from the exact
//! ones, so this step moves units between members within a line until every
//! member has its method total: each line still sums to its net and no cell
//! goes below zero. A unit only moves into a cell whose exact value is
//! positive, so a member never pays for a line it has no part in. When the
//! lines cannot give every member its method total (members who share no
//! line), the plan is refused rather than silently rounded another way.

use super::table::{Cells, RowTotals, Table, trace};
use crate::error::{Error, Result};
use crate::{Allocator, Method};
use num_bigint::Sign;
use num_traits::{ToPrimitive, Zero};
use std::collections::VecDeque;

/// Makes the rows of `rounded` sum to the totals `method` gives the year.
/// Largest remainder is the table's own rounding and is left as it is.
pub(crate) fn honour(
    method: Method,
    first_divisor: Option<rust_decimal::Decimal>,
    table: &Table,
    totals: &RowTotals,
    rounded: &mut Cells<i128>,
    year: i32,
    member: impl Fn(usize) -> String,
) -> Result<()> {
    if method == Method::LargestRemainder {
        return Ok(());
    }
    let units: i128 = rounded.iter().flatten().sum();
    if units == 0 {
        return Ok(());
    }
    // A member that receives more in refunds than it pays has a negative
    // total, which no other method apportions: refused, not rounded
    // another way.
    if let Some(r) = totals.numer.iter().position(|n| n.sign() == Sign::Minus) {
        return Err(Error::InvalidPlan {
            reason: format!(
                "member {:?} receives more in refunds than it pays in {year}: \
                 {method} apportions only totals of zero or more; use largest_remainder",
                member(r)
            ),
        }
        .at("method"));
    }
    let weights = totals
        .numer
        .iter()
        .map(ToPrimitive::to_u128)
        .collect::<Option<Vec<u128>>>()
        .ok_or_else(|| Error::overflow("the members' exact totals as weights").at("method"))?;
    let targets = Allocator::new()
        .method(method)
        .first_divisor(first_divisor)
        .apportion_integers(units.unsigned_abs(), weights)
        .map_err(|e| e.at("method"))?;
    let targets: Vec<i128> = targets.into_iter().map(|t| t as i128).collect();
    if !meet_row_targets(rounded, table, &targets) {
        return Err(Error::InvalidPlan {
            reason: format!(
                "the cost lines of {year} cannot give every member its {method} total: \
                 some members share no cost line; use largest_remainder"
            ),
        }
        .at("method"));
    }
    Ok(())
}

/// Moves units within columns until every row sums to its target. Returns
/// false when the table cannot reach the targets. The targets must add up
/// to the table's total.
pub(crate) fn meet_row_targets(rounded: &mut Cells<i128>, table: &Table, targets: &[i128]) -> bool {
    let open: Vec<Vec<bool>> = table
        .numer
        .iter()
        .map(|row| row.iter().map(|n| !n.is_zero()).collect())
        .collect();
    let mut count: Vec<i128> = rounded.iter().map(|row| row.iter().sum()).collect();
    // Rows are served in order, so the result is deterministic.
    while let Some(to) = (0..count.len()).find(|&r| count[r] < targets[r]) {
        let Some(path) = unit_path(rounded, &open, to, |r| count[r] > targets[r]) else {
            return false;
        };
        for &(giver, taker, c) in &path {
            rounded[giver][c] -= 1;
            rounded[taker][c] += 1;
        }
        // Rows inside the chain gave one unit and took one.
        count[path[0].0] -= 1;
        count[to] += 1;
    }
    true
}

/// The shortest chain of moves that brings one unit into row `to` from a
/// row that `surplus` accepts: `to` takes a unit in a column where it is
/// open from a row holding one there; that row, unless it has a surplus,
/// takes one in another column in turn. Returns the moves (giver, taker,
/// column), the first one from the surplus row.
fn unit_path(
    rounded: &Cells<i128>,
    open: &[Vec<bool>],
    to: usize,
    surplus: impl Fn(usize) -> bool,
) -> Option<Vec<(usize, usize, usize)>> {
    let rows = rounded.len();
    let cols = rounded.cols();
    let mut seen_row = vec![false; rows];
    let mut seen_col = vec![false; cols];
    let mut parent: Vec<Option<(usize, usize)>> = vec![None; rows];
    let mut queue = VecDeque::from([to]);
    seen_row[to] = true;
    while let Some(taker) = queue.pop_front() {
        for c in 0..cols {
            if seen_col[c] || !open[taker][c] {
                continue;
            }
            seen_col[c] = true;
            for giver in 0..rows {
                if seen_row[giver] || rounded[giver][c] < 1 {
                    continue;
                }
                seen_row[giver] = true;
                parent[giver] = Some((taker, c));
                if surplus(giver) {
                    return Some(trace(&parent, giver));
                }
                queue.push_back(giver);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn table(numer: &[&[i64]], den: &[i64]) -> Table {
        Table {
            numer: numer
                .iter()
                .map(|row| row.iter().map(|&n| BigInt::from(n)).collect())
                .collect(),
            den: den.iter().map(|&d| BigInt::from(d)).collect(),
        }
    }

    fn sums(rounded: &Cells<i128>) -> (Vec<i128>, Vec<i128>) {
        let rows = rounded.iter().map(|r| r.iter().sum()).collect();
        let cols = (0..rounded[0].len())
            .map(|c| rounded.iter().map(|r| r[c]).sum())
            .collect();
        (rows, cols)
    }

    #[test]
    fn targets_are_met_along_a_chain_and_columns_keep_their_sums() {
        // Row 0 only in column 0, row 2 only in column 1, row 1 in both:
        // a unit for row 0 from row 2 must pass through row 1.
        let t = table(&[&[1, 0], &[1, 1], &[0, 1]], &[1, 1]);
        let mut rounded: Cells<i128> = vec![vec![2, 0], vec![2, 2], vec![0, 4]]
            .into_iter()
            .collect();
        assert!(meet_row_targets(&mut rounded, &t, &[3, 4, 3]));
        assert_eq!(rounded.to_rows(), [[3, 0], [1, 3], [0, 3]]);
        assert_eq!(sums(&rounded), (vec![3, 4, 3], vec![4, 6]));
    }

    #[test]
    fn a_unit_never_moves_into_a_cell_without_an_exact_part() {
        // Row 0 has no part in column 1, where all the surplus is.
        let t = table(&[&[1, 0], &[0, 1]], &[1, 1]);
        let mut rounded: Cells<i128> = vec![vec![2, 0], vec![0, 3]].into_iter().collect();
        assert!(!meet_row_targets(&mut rounded, &t, &[3, 2]));
    }

    #[test]
    fn met_targets_change_nothing() {
        let t = table(&[&[1, 1], &[1, 1]], &[2, 2]);
        let mut rounded: Cells<i128> = vec![vec![1, 0], vec![0, 1]].into_iter().collect();
        assert!(meet_row_targets(&mut rounded, &t, &[1, 1]));
        assert_eq!(rounded.to_rows(), [[1, 0], [0, 1]]);
    }
}
