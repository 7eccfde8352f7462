//! Ranking by a total order: the one sort and the one selection the crate
//! compiles.
//!
//! Every ranking in andel orders positions (`usize`) by a comparison that
//! ends with the position itself, so the order is total and a stable sort
//! would give nothing an unstable one does not. Each generic `sort_by` call
//! site compiles a sort of its own, about 10 KB of WebAssembly apiece; going
//! through one `&mut dyn FnMut` comparator compiles the sort and the
//! selection once, for a dynamic call per comparison.

use std::cmp::Ordering;

/// The comparator every ranking passes: positions compared by a total order.
pub(crate) type Order<'a> = &'a mut dyn FnMut(&usize, &usize) -> Ordering;

/// Sorts `positions` by `order`, which must be total.
pub(crate) fn sort(positions: &mut [usize], order: Order<'_>) {
    positions.sort_unstable_by(order);
}

/// The first `k` of `positions` under `order` (total), in no particular
/// order, found by selection in linear time.
pub(crate) fn first(mut positions: Vec<usize>, k: usize, order: Order<'_>) -> Vec<usize> {
    if k == 0 {
        return Vec::new();
    }
    if k < positions.len() {
        positions.select_nth_unstable_by(k - 1, order);
        positions.truncate(k);
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_selects_by_the_order() {
        let keys = [3, 1, 3, 2, 0];
        let mut by_key_then_position =
            |a: &usize, b: &usize| keys[*b].cmp(&keys[*a]).then(a.cmp(b));
        let mut positions: Vec<usize> = (0..keys.len()).collect();
        sort(&mut positions, &mut by_key_then_position);
        assert_eq!(positions, [0, 2, 3, 1, 4]);
        let mut top = first((0..keys.len()).collect(), 3, &mut by_key_then_position);
        top.sort_unstable();
        assert_eq!(top, [0, 2, 3]);
        assert!(first(vec![1, 2], 0, &mut by_key_then_position).is_empty());
        assert_eq!(first(vec![4, 1], 5, &mut by_key_then_position), [4, 1]);
    }
}
