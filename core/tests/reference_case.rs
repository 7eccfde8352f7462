//! The bundled reference case (`examples/tillvaxtmotor.toml`) against
//! figures worked out here, independently of core.
//!
//! How each figure is derived (the plan's rules, applied by hand):
//!
//! * Population: budget year Y uses 31 December of Y−2, carried forward
//!   from the latest earlier figure when missing. The plan has SCB figures
//!   for 2019–2023 except Ljungby's 2020 and Båstad's 2023. So 2021 uses
//!   2019; 2022 uses 2020, Ljungby's carried from 2019; 2023 uses 2021;
//!   2024 uses 2022; 2025 uses 2023, Båstad's carried from 2022.
//! * Indexed lines grow 3 % a year, each year's amount rounded half away
//!   from zero to whole kronor, from the line's first year:
//!   - projektledning: 900 000; 927 000; 954 810; 983 454.3 → 983 454;
//!     1 012 957.62 → 1 012 958.
//!   - arbetsdagar: 150 000; 154 500; 159 135; 163 909.05 → 163 909;
//!     168 826.27 → 168 826.
//!   - fordjupning (from 2023): 240 000; 247 200; 254 616.
//!   - analys: 600 000 in 2021 only, 400 000 of it paid by the start grant.
//! * Nets: 2021 900 000 + 150 000 + 200 000 = 1 250 000; 2022 927 000 +
//!   154 500 = 1 081 500; 2023 954 810 + 159 135 + 240 000 = 1 353 945;
//!   2024 983 454 + 163 909 + 247 200 = 1 394 563; 2025 1 012 958 +
//!   168 826 + 254 616 = 1 436 400.
//! * 2021 and 2022 have one key (per capita) and one set of participants
//!   (the six municipalities; the university pays in kind only), so each
//!   contribution is the largest-remainder split of the net by population.
//! * 2023–2025 add the deep dive, shared by four municipalities 30 % equally
//!   and 70 % by population: two keys, so the rounding is not unique; each
//!   member's total must be within one unit of its exact total, computed
//!   here with BigRational, and every row and column must add up.

use andel::{Decimal, Plan, PlanResult};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Signed;

type Q = BigRational;

const IDS: [&str; 6] = [
    "bastad",
    "falkenberg",
    "halmstad",
    "hylte",
    "laholm",
    "ljungby",
];

/// SCB 31 December figures as the population rule picks them per budget
/// year (see the module comment), in the order of `IDS`.
fn population(year: i32) -> [i64; 6] {
    match year {
        2021 => [15128, 45367, 102767, 10815, 25903, 28521],
        // 2020 figures; Ljungby's carried from 2019.
        2022 => [15413, 46051, 103754, 10649, 25967, 28521],
        2023 => [15636, 46773, 104573, 10619, 26319, 28433],
        2024 => [15824, 47017, 105148, 10464, 26575, 28483],
        // 2023 figures; Båstad's carried from 2022.
        2025 => [15824, 47108, 105796, 10299, 26565, 28304],
        _ => unreachable!(),
    }
}

/// (gross, funding) of each line per year, worked out in the module comment.
fn lines(year: i32) -> Vec<(&'static str, i64, i64)> {
    match year {
        2021 => vec![
            ("projektledning", 900_000, 0),
            ("arbetsdagar", 150_000, 0),
            ("analys", 600_000, 400_000),
        ],
        2022 => vec![("projektledning", 927_000, 0), ("arbetsdagar", 154_500, 0)],
        2023 => vec![
            ("projektledning", 954_810, 0),
            ("arbetsdagar", 159_135, 0),
            ("fordjupning", 240_000, 0),
        ],
        2024 => vec![
            ("projektledning", 983_454, 0),
            ("arbetsdagar", 163_909, 0),
            ("fordjupning", 247_200, 0),
        ],
        2025 => vec![
            ("projektledning", 1_012_958, 0),
            ("arbetsdagar", 168_826, 0),
            ("fordjupning", 254_616, 0),
        ],
        _ => unreachable!(),
    }
}

fn q(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

fn dec(d: Decimal) -> Q {
    Q::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

/// Largest remainder of `units` by `weights` (ties: the larger exact
/// total, then the earlier member).
fn largest_remainder(units: i64, weights: &[i64]) -> Vec<i64> {
    let total: i64 = weights.iter().sum();
    let exact: Vec<Q> = weights
        .iter()
        .map(|&w| Q::new(BigInt::from(units * w), BigInt::from(total)))
        .collect();
    let mut out: Vec<i64> = exact
        .iter()
        .map(|x| x.floor().to_integer().try_into().unwrap())
        .collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = &exact[a] - q(out[a]);
        let rb = &exact[b] - q(out[b]);
        rb.cmp(&ra)
            .then_with(|| exact[b].cmp(&exact[a]))
            .then(a.cmp(&b))
    });
    let extra = units - out.iter().sum::<i64>();
    for &m in order.iter().take(extra as usize) {
        out[m] += 1;
    }
    out
}

fn result() -> PlanResult {
    Plan::reference()
        .compute()
        .expect("the reference plan computes")
}

fn contribution(result: &PlanResult, id: &str, year: i32) -> i64 {
    let c = result.contribution(id, year).expect("a member of the plan");
    assert_eq!(c.scale(), 0, "whole kronor");
    c.mantissa() as i64
}

#[test]
fn lines_and_nets_are_the_indexed_amounts() {
    let result = result();
    let years: Vec<i32> = result.years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2021, 2022, 2023, 2024, 2025]);
    for y in &result.years {
        let want = lines(y.year);
        let got: Vec<(&str, Decimal, Decimal)> = y
            .lines
            .iter()
            .map(|l| (l.id.as_str(), l.gross, l.funding))
            .collect();
        let want_dec: Vec<(&str, Decimal, Decimal)> = want
            .iter()
            .map(|&(id, g, f)| (id, Decimal::from(g), Decimal::from(f)))
            .collect();
        assert_eq!(got, want_dec, "{}", y.year);
        let net: i64 = want.iter().map(|&(_, g, f)| g - f).sum();
        assert_eq!(y.net, Decimal::from(net), "{}", y.year);
    }
}

#[test]
fn single_key_years_are_the_largest_remainder_split_by_population() {
    let result = result();
    for year in [2021, 2022] {
        let net: i64 = lines(year).iter().map(|&(_, g, f)| g - f).sum();
        let want = largest_remainder(net, &population(year));
        let got: Vec<i64> = IDS
            .iter()
            .map(|id| contribution(&result, id, year))
            .collect();
        assert_eq!(got, want, "{year}");
        assert_eq!(contribution(&result, "hh", year), 0);
    }
    // The same figures from tests/vectors/plan_reference.py (a second,
    // independent route): 2021 and 2022 of the reference case.
    let reference = [
        (2021, [82757, 248177, 562180, 59163, 141701, 156022]),
        (2022, [72363, 216206, 487118, 49996, 121913, 133904]),
    ];
    for (year, want) in reference {
        let got: Vec<i64> = IDS
            .iter()
            .map(|id| contribution(&result, id, year))
            .collect();
        assert_eq!(got, want, "{year}");
    }
}

/// Exact member totals of a year with the deep dive: the per-capita lines
/// by the six populations, the deep dive 0.3 equally and 0.7 by population
/// among Falkenberg, Halmstad, Hylte and Laholm.
fn exact_totals(year: i32) -> Vec<Q> {
    let pop = population(year);
    let all: i64 = pop.iter().sum();
    let per_capita: i64 = lines(year)
        .iter()
        .filter(|l| l.0 != "fordjupning")
        .map(|&(_, g, f)| g - f)
        .sum();
    let deep: i64 = lines(year)
        .iter()
        .filter(|l| l.0 == "fordjupning")
        .map(|&(_, g, f)| g - f)
        .sum();
    let group = [1usize, 2, 3, 4];
    let group_pop: i64 = group.iter().map(|&m| pop[m]).sum();
    (0..6)
        .map(|m| {
            let mut x = Q::new(BigInt::from(per_capita * pop[m]), BigInt::from(all));
            if group.contains(&m) {
                let share = Q::new(BigInt::from(3), BigInt::from(40))
                    + Q::new(BigInt::from(7 * pop[m]), BigInt::from(10 * group_pop));
                x += q(deep) * share;
            }
            x
        })
        .collect()
}

/// Member `m`'s exact part of line `id` in a year with the deep dive.
fn exact_cell(year: i32, m: usize, id: &str) -> Q {
    let pop = population(year);
    let (_, gross, funding) = lines(year).into_iter().find(|l| l.0 == id).unwrap();
    let net = gross - funding;
    if id != "fordjupning" {
        return Q::new(
            BigInt::from(net * pop[m]),
            BigInt::from(pop.iter().sum::<i64>()),
        );
    }
    let group_pop: i64 = pop[1..5].iter().sum();
    q(net)
        * (Q::new(BigInt::from(3), BigInt::from(40))
            + Q::new(BigInt::from(7 * pop[m]), BigInt::from(10 * group_pop)))
}

#[test]
fn two_key_years_stay_within_a_krona_and_add_up() {
    let result = result();
    for year in [2023, 2024, 2025] {
        let y = result.year(year).unwrap();
        let exact = exact_totals(year);
        let net: i64 = lines(year).iter().map(|&(_, g, f)| g - f).sum();
        assert_eq!(exact.iter().sum::<Q>(), q(net), "the exact totals add up");
        for (m, id) in IDS.iter().enumerate() {
            let got = q(contribution(&result, id, year));
            assert!(
                (&got - &exact[m]).abs() < q(1),
                "{year} {id}: {got} vs {}",
                exact[m]
            );
        }
        assert_eq!(contribution(&result, "hh", year), 0);
        let total: Decimal = y.members.iter().map(|m| m.contribution).sum();
        assert_eq!(total, Decimal::from(net));
        for m in &y.members {
            let row: Decimal = m.lines.iter().map(|l| l.amount).sum();
            assert_eq!(row, m.contribution, "{year} {}", m.id);
        }
        for (id, gross, funding) in lines(year) {
            let column: Decimal = y
                .members
                .iter()
                .flat_map(|m| m.lines.iter().filter(|l| l.line == id))
                .map(|l| l.amount)
                .sum();
            assert_eq!(column, Decimal::from(gross - funding), "{year} {id}");
        }
        // Only the working group shares the deep dive.
        for m in &y.members {
            let deep = m.lines.iter().find(|l| l.line == "fordjupning");
            let member_of_group =
                ["falkenberg", "halmstad", "hylte", "laholm"].contains(&m.id.as_str());
            assert_eq!(deep.is_some(), member_of_group, "{year} {}", m.id);
        }
        // Each cell within a krona of its exact value (worked out here).
        for (m, id) in IDS.iter().enumerate() {
            let member = y.members.iter().find(|x| x.id == *id).unwrap();
            for l in &member.lines {
                let x = exact_cell(year, m, &l.line);
                assert!((dec(l.amount) - &x).abs() < q(1), "{year} {id} {}", l.line);
            }
        }
    }
}

#[test]
fn carried_figures_are_the_ones_the_rule_picks() {
    let result = result();
    let carried = |year: i32, id: &str| {
        let m = result
            .year(year)
            .unwrap()
            .members
            .iter()
            .find(|m| m.id == id)
            .unwrap();
        (
            m.population.map(|p| p.to_string()),
            m.population_date.map(|d| d.to_string()),
            m.population_carried_from.map(|d| d.to_string()),
        )
    };
    let s = |t: &str| Some(t.to_string());
    assert_eq!(
        carried(2021, "halmstad"),
        (s("102767"), s("2019-12-31"), None)
    );
    assert_eq!(
        carried(2022, "halmstad"),
        (s("103754"), s("2020-12-31"), None)
    );
    assert_eq!(
        carried(2022, "ljungby"),
        (s("28521"), s("2020-12-31"), s("2019-12-31"))
    );
    assert_eq!(
        carried(2023, "ljungby"),
        (s("28433"), s("2021-12-31"), None)
    );
    assert_eq!(carried(2024, "hylte"), (s("10464"), s("2022-12-31"), None));
    assert_eq!(
        carried(2025, "bastad"),
        (s("15824"), s("2023-12-31"), s("2022-12-31"))
    );
    assert_eq!(
        carried(2025, "ljungby"),
        (s("28304"), s("2023-12-31"), None)
    );
    for (m, id) in IDS.iter().enumerate() {
        for year in 2021..=2025 {
            assert_eq!(
                carried(year, id).0,
                Some(population(year)[m].to_string()),
                "{year} {id}"
            );
        }
    }
}

#[test]
fn the_university_contributes_in_kind() {
    let result = result();
    for y in &result.years {
        let hh = y.members.iter().find(|m| m.id == "hh").unwrap();
        assert!(!hh.paying);
        // 400 hours × 700 kronor.
        assert_eq!(hh.in_kind, Decimal::from(280_000));
        assert_eq!(hh.contribution, Decimal::ZERO);
    }
}
