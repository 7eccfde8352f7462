use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ds(values: &[&str]) -> Vec<Decimal> {
    values.iter().map(|s| d(s)).collect()
}

fn split(total: &str, weights: &[&str], unit: &str, method: Method) -> Vec<String> {
    allocate(d(total), &ds(weights), d(unit), method)
        .unwrap()
        .iter()
        .map(|a| a.to_string())
        .collect()
}

fn code(total: &str, weights: &[&str], unit: &str, method: Method) -> &'static str {
    allocate(d(total), &ds(weights), d(unit), method)
        .unwrap_err()
        .code()
}

#[test]
fn thirds_by_every_quota_method() {
    assert_eq!(
        split("100", &["1", "1", "1"], "0.01", Method::LargestRemainder),
        ["33.34", "33.33", "33.33"]
    );
    assert_eq!(
        split("1", &["1", "2", "3"], "0.25", Method::LargestRemainder),
        ["0.25", "0.25", "0.50"]
    );
    // Quotas 0.8, 1.6, 1.6 units of 0.25: two leftover units. Remainders
    // .8 > .6 = .6, and the tie goes to the earlier part.
    assert_eq!(
        split("1.00", &["1", "2", "2"], "0.25", Method::LargestRemainder),
        ["0.25", "0.50", "0.25"]
    );
    assert_eq!(
        split("1.00", &["1", "2", "2"], "0.25", Method::LargestRatio),
        ["0.00", "0.50", "0.50"]
    );
    assert_eq!(
        split("1.00", &["1", "2", "2"], "0.25", Method::InOrder),
        ["0.25", "0.50", "0.25"]
    );
}

#[test]
fn negative_total_mirrors() {
    let pos = split("100", &["1", "1", "1"], "0.01", Method::LargestRemainder);
    let neg = split("-100", &["1", "1", "1"], "0.01", Method::LargestRemainder);
    for (p, n) in pos.iter().zip(&neg) {
        assert_eq!(format!("-{p}"), *n);
    }
}

#[test]
fn zero_weight_gets_zero() {
    assert_eq!(
        split("10", &["0", "1", "1", "1"], "1", Method::InOrder),
        ["0", "4", "3", "3"]
    );
    assert_eq!(
        split("10", &["0", "1", "1", "1"], "1", Method::HuntingtonHill),
        ["0", "4", "3", "3"]
    );
}

#[test]
fn errors_have_codes() {
    assert_eq!(
        code("1", &[], "1", Method::LargestRemainder),
        "empty_weights"
    );
    assert_eq!(
        code("1", &["1", "-1"], "1", Method::LargestRemainder),
        "negative_weight"
    );
    assert_eq!(
        code("1", &["0", "0"], "1", Method::LargestRemainder),
        "zero_weights"
    );
    assert_eq!(
        code("1.5", &["1"], "1", Method::LargestRemainder),
        "not_multiple_of_unit"
    );
    assert_eq!(
        code("1", &["1"], "0", Method::LargestRemainder),
        "invalid_unit"
    );
    assert_eq!(
        code("2", &["1", "1", "1"], "1", Method::HuntingtonHill),
        "too_few_units"
    );
    let fd = Allocator::new()
        .first_divisor(Some(d("1.2")))
        .allocate(d("1"), &[d("1")]);
    assert_eq!(fd.unwrap_err().code(), "invalid_first_divisor");
}

#[test]
fn negative_weight_is_named() {
    let names = ["a".to_string(), "b".to_string()];
    let err = Allocator::new()
        .explain_named(d("1"), &names, &ds(&["1", "-2"]))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the weight at index 1 (b) is negative (-2): weights must be zero or positive"
    );
}

#[test]
fn us_census_1790_jefferson_105() {
    // The 1792 apportionment of the House: Jefferson's method, 105 seats.
    let pop = [
        "236841", "55540", "70835", "68705", "278514", "475327", "141822", "179570", "331589",
        "353523", "432879", "68446", "206236", "85533", "630560",
    ];
    let seats = split("105", &pop, "1", Method::Dhondt);
    assert_eq!(
        seats,
        [
            "7", "1", "2", "2", "8", "14", "4", "5", "10", "10", "13", "2", "6", "2", "19"
        ]
    );
}

#[test]
fn explain_reports_quota_and_leftovers() {
    let a = Allocator::new()
        .unit(d("1"))
        .explain(d("10"), &ds(&["1", "2"]))
        .unwrap();
    assert_eq!(a.parts[0].quota.to_string(), "10/3");
    assert_eq!(
        a.parts[0].quota_decimal.to_string(),
        "3.3333333333333333333333333333"
    );
    assert_eq!(a.parts[1].amount, d("7"));
    assert_eq!(a.parts[1].leftover_units, 1);
    assert_eq!(a.parts[0].share.to_string(), "1/3");
}

#[test]
fn divisor_methods_with_millions_of_units() {
    let w = ds(&["15128", "45367", "102767", "10815", "25903", "28521"]);
    for method in [Method::Dhondt, Method::SainteLague, Method::HuntingtonHill] {
        let parts = allocate(d("123456789.01"), &w, d("0.01"), method).unwrap();
        assert_eq!(parts.iter().sum::<Decimal>(), d("123456789.01"), "{method}");
    }
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    let huge = "79228162514264337593543950335";
    let err = allocate(d(huge), &ds(&[huge, "1"]), d("1"), Method::LargestRemainder).unwrap_err();
    assert_eq!(err.code(), "overflow");
    // Divisor methods fall back to big integers instead.
    let parts = allocate(d(huge), &ds(&[huge, "1"]), d("1"), Method::Dhondt).unwrap();
    assert_eq!(parts, [d(huge), d("0")]);
    let err = allocate(
        d(huge),
        &ds(&["1", "0.0000000000000000000000000001"]),
        d("0.0000000000000000000000000001"),
        Method::LargestRemainder,
    );
    assert!(err.is_err());
}

// allocate_units: integer weights in, counts of units out. Expected figures
// are worked out by hand in the comments.

#[test]
fn units_of_thirds_in_ore() {
    // 10 000 öre by 1:1:1 = 3333⅓ each; the one unit left goes to the
    // first of the equal remainders.
    let units = Allocator::new().allocate_units(d("100"), &[1i64, 1, 1]);
    assert_eq!(units.unwrap(), [3334, 3333, 3333]);
}

#[test]
fn units_carry_the_sign_of_the_total() {
    // 100 kronor by 1:2 = 33⅓ and 66⅔: floors 33 and 66, the leftover to
    // the larger remainder (⅔), then the total's sign.
    let units = Allocator::new()
        .unit(d("1"))
        .allocate_units(d("-100"), &[1u64, 2]);
    assert_eq!(units.unwrap(), [-33, -67]);
}

#[test]
fn units_by_a_divisor_method() {
    // D'Hondt, 10 seats by 5100:2900:1400:600. The ten largest quotients
    // are 5100, 2900, 2550, 1700, 1450, 1400, 1275, 1020, 966⅔, 850:
    // six of 5100/k, three of 2900/k, one of 1400, none of 600.
    let units = Allocator::new()
        .unit(d("1"))
        .method(Method::Dhondt)
        .allocate_units(d("10"), &[5100i64, 2900, 1400, 600]);
    assert_eq!(units.unwrap(), [6, 3, 1, 0]);
}

#[test]
fn units_refuse_what_allocate_refuses() {
    let a = Allocator::new();
    let err = a.allocate_units(d("10"), &[5i64, -1]).unwrap_err();
    assert_eq!(err.code(), "negative_weight");
    assert!(matches!(err, Error::NegativeWeight { index: 1, .. }));
    let empty: [i64; 0] = [];
    assert_eq!(
        a.allocate_units(d("10"), &empty).unwrap_err().code(),
        "empty_weights"
    );
    assert_eq!(
        a.allocate_units(d("10"), &[0i64, 0]).unwrap_err().code(),
        "zero_weights"
    );
    assert_eq!(
        a.allocate_units(d("10.001"), &[1i64]).unwrap_err().code(),
        "not_multiple_of_unit"
    );
    assert_eq!(
        a.clone()
            .unit(d("0"))
            .allocate_units(d("10"), &[1i64])
            .unwrap_err()
            .code(),
        "invalid_unit"
    );
}

#[test]
fn units_beyond_64_bits_are_an_overflow() {
    // 10^20 kronor in one part is 10^20 units > i64::MAX ≈ 9.2·10^18.
    let err = Allocator::new()
        .unit(d("1"))
        .allocate_units(d("100000000000000000000"), &[1i64])
        .unwrap_err();
    assert_eq!(err.code(), "overflow");
}

#[test]
fn amounts_of_units_at_the_units_scale() {
    let ore = Allocator::new();
    assert_eq!(ore.amount_of_units(-3334).unwrap().to_string(), "-33.34");
    assert_eq!(ore.amount_of_units(1200).unwrap().to_string(), "12.00");
    let thousands = Allocator::new().unit(d("1000"));
    assert_eq!(thousands.amount_of_units(7).unwrap().to_string(), "7000");
}

#[test]
fn decimal_weights_to_units() {
    // 100 öre by 0.5:1 = 33⅓ and 66⅔: floors 33 and 66, the leftover to ⅔.
    let a = Allocator::new();
    assert_eq!(
        a.allocate_to_units(d("-1"), &ds(&["0.5", "1.0"])).unwrap(),
        [-33, -67]
    );
    // Weights beyond 64 bits take the general path, with the same rules.
    let big = ds(&["79228162514264337593543950335", "0"]);
    assert_eq!(a.allocate_to_units(d("1"), &big).unwrap(), [100, 0]);
    assert_eq!(
        a.allocate_to_units(d("1"), &ds(&["1", "-1"]))
            .unwrap_err()
            .code(),
        "negative_weight"
    );
    // More units than 64 bits hold: overflow, where allocate gives amounts.
    let huge = d("100000000000000000000");
    assert_eq!(
        a.allocate_to_units(huge, &ds(&["1"])).unwrap_err().code(),
        "overflow"
    );
    assert_eq!(a.allocate(huge, &ds(&["1"])).unwrap(), [huge]);
}

/// The 64-bit fast path ([`quota::small`], also reached straight from the
/// decimals by `allocate`) pinned against a reference written here in
/// 128-bit integers with a full sort by the textbook rule, and against the
/// general path (`explain`, which always takes it), including the inputs
/// at the edge where `units × the largest weight` leaves 64 bits and the
/// fast path must hand over.
mod fast_path {
    use super::*;
    use proptest::prelude::*;

    /// Textbook quota method: floors of `units·w/sum`, then one unit each
    /// to the first `leftover` positive weights in the method's order.
    fn reference(method: Method, units: u64, weights: &[u64]) -> Vec<u64> {
        let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        let product = |i: usize| u128::from(units) * u128::from(weights[i]);
        let mut parts: Vec<u64> = (0..weights.len())
            .map(|i| u64::try_from(product(i) / sum).unwrap())
            .collect();
        let leftover = units - parts.iter().sum::<u64>();
        let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0).collect();
        match method {
            Method::LargestRemainder => order.sort_by(|&a, &b| {
                (product(b) % sum)
                    .cmp(&(product(a) % sum))
                    .then(weights[b].cmp(&weights[a]))
                    .then(a.cmp(&b))
            }),
            Method::LargestRatio => {
                order.sort_by(|&a, &b| weights[b].cmp(&weights[a]).then(a.cmp(&b)))
            }
            _ => {}
        }
        for &i in order.iter().take(leftover as usize) {
            parts[i] += 1;
        }
        parts
    }

    /// The fast path called directly, as `apportion_u64` calls it.
    fn fast(method: Method, units: u64, weights: &[u64]) -> Vec<u64> {
        let sum = weights.iter().sum();
        let max = weights.iter().copied().max().unwrap();
        assert!(quota::small::fits(units, max));
        quota::small::apportion(
            method,
            units,
            weights.len(),
            |i| weights[i],
            (sum, max),
            |u| u,
        )
    }

    fn quota_method() -> impl Strategy<Value = Method> {
        prop::sample::select(vec![
            Method::LargestRemainder,
            Method::LargestRatio,
            Method::InOrder,
        ])
    }

    /// Weights of every kind: few distinct small values (ties everywhere,
    /// the whole split in one histogram bucket), zeros among them, a wide
    /// range, or all near a chosen largest value.
    fn weights() -> impl Strategy<Value = Vec<u64>> {
        let few = prop::collection::vec(prop::sample::select(vec![0u64, 1, 2, 3, 7]), 1..60);
        let wide = prop::collection::vec(prop_oneof![Just(0u64), 1u64..=u64::MAX >> 20], 1..60);
        let huge = prop::collection::vec((1u64 << 40)..=(u64::MAX >> 8), 1..8);
        let near = (
            1u64..=u64::MAX / 64,
            prop::collection::vec(0u64..1000, 1..60),
        )
            .prop_map(|(top, offsets)| offsets.iter().map(|&o| top.saturating_sub(o)).collect());
        prop_oneof![few, wide, huge, near].prop_map(|mut w: Vec<u64>| {
            if w.iter().all(|&x| x == 0) {
                w[0] = 1;
            }
            w
        })
    }

    /// A count of units: small, anything that fits, or right at the edge
    /// `⌊(2⁶⁴ − 1) / max⌋ − back` where the products just fit.
    fn units_for(max: u64) -> impl Strategy<Value = u64> {
        let edge = u64::MAX / max;
        prop_oneof![
            0u64..=edge.min(1000),
            0u64..=edge,
            (0u64..=edge.min(16)).prop_map(move |back| edge - back),
        ]
    }

    fn case() -> impl Strategy<Value = (Method, Vec<u64>, u64)> {
        (quota_method(), weights())
            .prop_filter("the sum fits in 64 bits", |(_, w)| {
                w.iter().try_fold(0u64, |a, &x| a.checked_add(x)).is_some()
            })
            .prop_flat_map(|(m, w)| {
                let max = *w.iter().max().unwrap();
                (Just(m), Just(w), units_for(max.max(1)))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn matches_the_reference((method, weights, units) in case()) {
            prop_assert_eq!(fast(method, units, &weights), reference(method, units, &weights));
        }

        #[test]
        fn divides_exactly(p in any::<u64>(), d in prop_oneof![1u64..=3, any::<u64>().prop_map(|d| d.max(1)), (u64::MAX - 3)..=u64::MAX]) {
            prop_assert_eq!(quota::small::Divider::new(d).div_rem(p), (p / d, p % d));
        }

        /// `allocate` (the direct path from decimals when it applies, and
        /// the general one when the products leave 64 bits) against
        /// `explain`, which always takes the general path, and the
        /// reference, at the edge and one past it.
        #[test]
        fn allocate_agrees_at_the_handover(
            method in quota_method(),
            weights in weights(),
            back in 0u64..=3,
            past in any::<bool>(),
            negative in any::<bool>(),
            scale in 0u32..=2,
        ) {
            let max = *weights.iter().max().unwrap();
            let edge = u64::MAX / max;
            // At the edge (fits) or just past it (must hand over).
            let units = if past { edge.saturating_add(1 + back) } else { edge.saturating_sub(back) };
            let total = Decimal::from_i128_with_scale(
                if negative { -i128::from(units) } else { i128::from(units) },
                2,
            );
            // The weights at one scale, 0 to 2 (the same split).
            let decimals: Vec<Decimal> = weights
                .iter()
                .map(|&w| Decimal::from_i128_with_scale(i128::from(w) * 10i128.pow(scale), scale))
                .collect();
            let allocator = Allocator::new().method(method);
            let got = allocator.allocate(total, &decimals).unwrap();
            let explained: Vec<Decimal> = allocator
                .explain(total, &decimals)
                .unwrap()
                .parts
                .into_iter()
                .map(|p| p.amount)
                .collect();
            prop_assert_eq!(&got, &explained);
            let text = |v: &[Decimal]| v.iter().map(|d| d.to_string()).collect::<Vec<_>>();
            prop_assert_eq!(text(&got), text(&explained));
            if units.checked_mul(max).is_some() {
                let sign = if negative { -1 } else { 1 };
                let expected: Vec<Decimal> = reference(method, units, &weights)
                    .into_iter()
                    .map(|u| Decimal::from_i128_with_scale(sign * i128::from(u), 2))
                    .collect();
                prop_assert_eq!(&got, &expected);
            }
            // The same parts as counts of units (which must fit in i64).
            if let Ok(counts) = allocator.allocate_to_units(total, &decimals) {
                let amounts: Vec<Decimal> = counts
                    .iter()
                    .map(|&u| Decimal::from_i128_with_scale(i128::from(u), 2))
                    .collect();
                prop_assert_eq!(&amounts, &got);
            } else {
                prop_assert!(got.iter().any(|a| a.abs() > Decimal::from(i64::MAX) / Decimal::ONE_HUNDRED));
            }
        }
    }

    /// The cases the strategies might miss: products of exactly 2⁶⁴ − 1,
    /// one past, a sum of exactly 2⁶⁴ − 1, one weight, all equal weights
    /// (every key in one bucket) and keys below 2¹¹ (no shift).
    #[test]
    fn edges_by_hand() {
        let cases: Vec<(u64, Vec<u64>)> = vec![
            (u64::MAX / 3, vec![3, 1, 2]),
            (5, vec![u64::MAX / 5, 7, 0]),
            (1, vec![u64::MAX - 2, 1, 1]),
            (u64::MAX, vec![1]),
            (12_345, vec![4; 1000]),
            (999, vec![1, 2, 3, 0, 5]),
            (0, vec![1, 2]),
        ];
        for method in [
            Method::LargestRemainder,
            Method::LargestRatio,
            Method::InOrder,
        ] {
            for (units, weights) in &cases {
                assert_eq!(
                    fast(method, *units, weights),
                    reference(method, *units, weights),
                    "{method} {units} {weights:?}"
                );
            }
        }
    }

    /// Where `allocate` must leave the direct path for the general one
    /// (the sum past 64 bits, a mantissa past 64 bits, weights at mixed
    /// scales, a divisor method): the same amounts as `explain`.
    #[test]
    fn handovers_by_hand() {
        let half = Decimal::from(u64::MAX / 2 + 1);
        let cases: Vec<(&str, Vec<Decimal>)> = vec![
            ("0.01", vec![half, half]),
            ("0.03", vec![half, half, Decimal::ONE]),
            (
                "1.00",
                vec![Decimal::from(u64::MAX) + Decimal::ONE, Decimal::ONE],
            ),
            ("123.45", vec![d("1.5"), d("2"), d("0.25")]),
            ("-123.45", vec![d("1.50"), d("2.00"), d("0.25")]),
            ("10.00", vec![d("3"), d("3"), d("3"), d("0")]),
        ];
        for method in [
            Method::LargestRemainder,
            Method::LargestRatio,
            Method::InOrder,
            Method::Dhondt,
        ] {
            for (total, weights) in &cases {
                let allocator = Allocator::new().method(method);
                let got = allocator.allocate(d(total), weights).unwrap();
                let explained: Vec<String> = allocator
                    .explain(d(total), weights)
                    .unwrap()
                    .parts
                    .iter()
                    .map(|p| p.amount.to_string())
                    .collect();
                let got: Vec<String> = got.iter().map(|a| a.to_string()).collect();
                assert_eq!(got, explained, "{method} {total} {weights:?}");
            }
        }
    }
}
