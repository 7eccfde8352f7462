//! Caps and floors on a key: the bounded shares.
//!
//! A `limited` key gives member *i* the share
//!
//! ```text
//! x_i = clamp(λ · b_i, floor_i, cap_i)      with   Σ x_i = 1,
//! ```
//!
//! where `b_i` is the share by the inner key and λ ≥ 0 is one number for
//! everybody. That is the fixed point of "hold members at their caps and
//! floors, share the rest by the same key": members between their bounds
//! keep their mutual proportions, a cap or floor changes only what it
//! binds, and a member with a larger base share never pays less than one
//! with a smaller one unless a bound of its own says so. Σ x_i grows with λ
//! and is linear between the breakpoints floor_i/b_i and cap_i/b_i, so λ is
//! found exactly: the segment where the sum reaches 1, then one division.

use crate::error::{Error, Result};
use crate::fraction::Fraction;

/// Caps and floors per participant, as shares of the pool.
pub(crate) struct Bounds {
    /// The largest share per participant, if any.
    pub caps: Vec<Option<Fraction>>,
    /// The smallest share per participant, if any.
    pub floors: Vec<Option<Fraction>>,
    /// The participants' member ids, for messages.
    pub ids: Vec<String>,
}

/// The bounded shares of `base` (which sum to 1), with a note for every
/// member whose bound binds strictly: "capped" or "raised to its floor".
pub(crate) fn settle(
    base: &[Fraction],
    bounds: &Bounds,
    year: i32,
) -> Result<(Vec<Fraction>, Vec<Option<String>>)> {
    let impossible = |reason: String| Error::ImpossibleCaps { year, reason };
    let floor = |i: usize| bounds.floors[i].clone().unwrap_or_else(Fraction::zero);
    for i in 0..base.len() {
        if let (Some(f), Some(c)) = (&bounds.floors[i], &bounds.caps[i]) {
            if f > c {
                return Err(impossible(format!(
                    "{}'s floor is above its cap",
                    bounds.ids[i]
                )));
            }
        }
    }
    let lowest: Fraction = (0..base.len()).map(floor).sum();
    if lowest > Fraction::one() {
        return Err(impossible(
            "the floors add up to more than the whole cost".to_string(),
        ));
    }
    let lambda = solve(base, bounds).ok_or_else(|| {
        impossible(
            "the caps add up to less than the whole cost: nobody is left to pay the rest"
                .to_string(),
        )
    })?;
    let shares: Vec<Fraction> = (0..base.len())
        .map(|i| clamp(&(&lambda * &base[i]), bounds, i))
        .collect();
    let notes = (0..base.len())
        .map(|i| {
            let wanted = &lambda * &base[i];
            if bounds.caps[i].as_ref().is_some_and(|c| wanted > *c) {
                Some("capped".to_string())
            } else if bounds.floors[i].as_ref().is_some_and(|f| wanted < *f) {
                Some("raised to its floor".to_string())
            } else {
                None
            }
        })
        .collect();
    Ok((shares, notes))
}

/// `x` held between participant `i`'s floor (0 when it has none) and cap.
fn clamp(x: &Fraction, bounds: &Bounds, i: usize) -> Fraction {
    let mut x = x.clone();
    if let Some(c) = &bounds.caps[i] {
        if x > *c {
            x = c.clone();
        }
    }
    let f = bounds.floors[i].clone().unwrap_or_else(Fraction::zero);
    if x < f { f } else { x }
}

/// Σ clamp(λ·b_i) at `lambda`.
fn total_at(lambda: &Fraction, base: &[Fraction], bounds: &Bounds) -> Fraction {
    (0..base.len())
        .map(|i| clamp(&(lambda * &base[i]), bounds, i))
        .sum()
}

/// The smallest λ ≥ 0 with Σ clamp(λ·b_i) = 1, or `None` when the caps
/// keep the sum below 1 however large λ is. The floors must add up to at
/// most 1.
fn solve(base: &[Fraction], bounds: &Bounds) -> Option<Fraction> {
    let mut points: Vec<Fraction> = Vec::new();
    for (i, b) in base.iter().enumerate() {
        if b.is_zero() {
            continue;
        }
        for bound in [&bounds.floors[i], &bounds.caps[i]].into_iter().flatten() {
            points.push(bound / b);
        }
    }
    points.sort();
    points.dedup();
    let mut below = Fraction::zero();
    if total_at(&below, base, bounds) >= Fraction::one() {
        return Some(below);
    }
    for p in points {
        let at = total_at(&p, base, bounds);
        if at == Fraction::one() {
            return Some(p);
        }
        if at > Fraction::one() {
            return Some(solve_in(&below, &p, base, bounds));
        }
        below = p;
    }
    // Beyond the last breakpoint only the uncapped members still grow.
    let growing: Fraction = (0..base.len())
        .filter(|&i| bounds.caps[i].is_none())
        .map(|i| base[i].clone())
        .sum();
    if growing.is_zero() {
        return None;
    }
    let past = &below + Fraction::one();
    Some(solve_in(&below, &past, base, bounds))
}

/// λ in the segment (low, high), where Σ clamp is linear: every member is
/// at its floor, at its cap or free (λ·b_i) throughout, as at the middle.
fn solve_in(low: &Fraction, high: &Fraction, base: &[Fraction], bounds: &Bounds) -> Fraction {
    let middle = (low + high) / Fraction::from(2i128);
    let mut held = Fraction::zero();
    let mut free = Fraction::zero();
    for (i, b) in base.iter().enumerate() {
        let wanted = &middle * b;
        let x = clamp(&wanted, bounds, i);
        if x == wanted && !b.is_zero() {
            free += b;
        } else {
            held += x;
        }
    }
    (Fraction::one() - held) / free
}

#[cfg(test)]
mod tests {
    use super::*;
    fn f(n: i64, d: i64) -> Fraction {
        Fraction::new(n, d)
    }

    fn bounds(caps: &[Option<Fraction>], floors: &[Option<Fraction>]) -> Bounds {
        Bounds {
            caps: caps.to_vec(),
            floors: floors.to_vec(),
            ids: (0..caps.len()).map(|i| format!("m{i}")).collect(),
        }
    }

    #[test]
    fn a_cap_that_does_not_bind_changes_nothing_for_that_member() {
        // a is capped at 0.5 and its share is 0.2; c's floor takes 0.5.
        let base = [f(2, 10), f(3, 10), f(5, 10)];
        let limits = bounds(&[Some(f(1, 2)), None, None], &[None, Some(f(1, 2)), None]);
        let (x, notes) = settle(&base, &limits, 2025).unwrap();
        // b at its floor 1/2; a and c share 1/2 as 2 : 5.
        assert_eq!(x, [f(1, 7), f(1, 2), f(5, 14)]);
        assert_eq!(notes, [None, Some("raised to its floor".into()), None]);
    }

    #[test]
    fn what_a_cap_cuts_off_is_shared_by_the_key() {
        let base = [f(6, 10), f(3, 10), f(1, 10)];
        let limits = bounds(&[Some(f(4, 10)), None, None], &[None, None, None]);
        let (x, notes) = settle(&base, &limits, 2025).unwrap();
        assert_eq!(x, [f(4, 10), f(45, 100), f(15, 100)]);
        assert_eq!(notes, [Some("capped".into()), None, None]);
    }

    #[test]
    fn a_bound_met_exactly_is_not_noted() {
        let base = [f(1, 2), f(1, 2)];
        let limits = bounds(&[Some(f(1, 2)), None], &[None, Some(f(1, 2))]);
        let (x, notes) = settle(&base, &limits, 2025).unwrap();
        assert_eq!(x, [f(1, 2), f(1, 2)]);
        assert_eq!(notes, [None, None]);
    }

    #[test]
    fn impossible_bounds_are_refused() {
        let base = [f(1, 2), f(1, 2)];
        let caps_too_small = bounds(&[Some(f(1, 3)), Some(f(1, 3))], &[None, None]);
        assert!(settle(&base, &caps_too_small, 2025).is_err());
        let floors_too_big = bounds(&[None, None], &[Some(f(2, 3)), Some(f(2, 3))]);
        assert!(settle(&base, &floors_too_big, 2025).is_err());
        let crossed = bounds(&[Some(f(1, 4)), None], &[Some(f(1, 3)), None]);
        assert!(settle(&base, &crossed, 2025).is_err());
    }

    #[test]
    fn a_member_without_a_base_share_pays_its_floor() {
        let base = [Fraction::zero(), f(1, 1)];
        let limits = bounds(&[None, None], &[Some(f(1, 10)), None]);
        let (x, _) = settle(&base, &limits, 2025).unwrap();
        assert_eq!(x, [f(1, 10), f(9, 10)]);
    }

    /// On many random keys: the shares sum to 1, stay within their bounds,
    /// the members noted neither way pay λ·b for one λ, and a note is given
    /// exactly when λ·b is beyond the bound.
    #[test]
    fn random_keys_meet_the_definition() {
        let mut state: u64 = 7;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        let mut solved = 0;
        for _ in 0..2000 {
            let n = 1 + next(6) as usize;
            let weights: Vec<i64> = (0..n).map(|_| next(10) as i64).collect();
            let sum: i64 = weights.iter().sum();
            if sum == 0 {
                continue;
            }
            let base: Vec<Fraction> = weights.iter().map(|&w| f(w, sum)).collect();
            let pick = |r: u64| (r < 40).then(|| f(r as i64, 100));
            let caps: Vec<Option<Fraction>> = (0..n).map(|_| pick(next(120))).collect();
            let floors: Vec<Option<Fraction>> = (0..n).map(|_| pick(next(160))).collect();
            let Ok((x, notes)) = settle(&base, &bounds(&caps, &floors), 2025) else {
                continue;
            };
            solved += 1;
            assert_eq!(x.iter().sum::<Fraction>(), Fraction::one());
            let free: Vec<usize> = (0..n)
                .filter(|&i| notes[i].is_none() && !base[i].is_zero())
                .collect();
            let lambda = free.first().map(|&i| &x[i] / &base[i]);
            for i in 0..n {
                assert!(caps[i].as_ref().is_none_or(|c| x[i] <= *c));
                assert!(floors[i].as_ref().is_none_or(|fl| x[i] >= *fl));
                if let (Some(l), true) = (&lambda, free.contains(&i)) {
                    assert_eq!(&x[i] / &base[i], *l);
                }
                if let Some(l) = &lambda {
                    let wanted = l * &base[i];
                    match notes[i].as_deref() {
                        Some("capped") => assert!(wanted > x[i]),
                        Some(_) => assert!(wanted < x[i]),
                        None if !base[i].is_zero() => assert_eq!(wanted, x[i]),
                        None => {}
                    }
                }
            }
        }
        assert!(solved > 500, "{solved} solved");
    }
}
