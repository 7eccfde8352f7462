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
