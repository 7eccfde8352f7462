//! Properties of the annual cycle on random plans: instalments add up in
//! both directions, and settlements and causes of change add up exactly.

use andel::Decimal;
use andel::plan::Plan;
use proptest::prelude::*;

/// A plan of `pops.len()` members sharing `amount` per capita from 2030,
/// over two years, the first member joining on 1 July 2031.
fn plan(pops: &[u32], amount: u64, count: usize, join_late: bool) -> Plan {
    let mut t = format!(
        "format = 1\nname = \"p\"\nfirst_year = 2030\nyears = 2\n\
         [population]\ncarry_forward = true\n\
         [instalments]\ncount = {count}\ndue = [{}]\n",
        (1..=count)
            .map(|m| format!("\"{m:02}-28\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (i, p) in pops.iter().enumerate() {
        t.push_str(&format!(
            "[[members]]\nid = \"m{i}\"\nname = \"M{i}\"\nmetrics.population = {{ \"2028-12-31\" = {p}, \"2029-12-31\" = {} }}\n",
            p + (i as u32 * 37) % 101
        ));
        if i == 0 && join_late {
            t.push_str("joins = \"2031-07-01\"\n");
        }
    }
    t.push_str(&format!(
        "[[costs]]\nid = \"c\"\nname = \"C\"\namount = \"{amount}\"\nfrom = 2030\n"
    ));
    Plan::from_toml(&t).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn instalments_add_up_both_ways(
        pops in prop::collection::vec(1u32..500_000, 1..12),
        amount in 0u64..50_000_000,
        count in 1usize..=12,
    ) {
        let plan = plan(&pops, amount, count, false);
        let result = plan.compute().unwrap();
        let inv = plan.invoices(&result, 2030, None).unwrap();
        let net = amount as i128;
        let n = count as i128;
        for (i, run) in inv.runs.iter().enumerate() {
            // The even split: the first net mod n runs take one unit more.
            let want = net / n + i128::from((i as i128) < net % n);
            prop_assert_eq!(run.total, Decimal::from(want));
            prop_assert_eq!(run.invoices.iter().map(|x| x.amount).sum::<Decimal>(), run.total);
        }
        for m in result.years[0].members.iter().filter(|m| !m.contribution.is_zero()) {
            let c = m.contribution.mantissa();
            let mine: Vec<i128> = inv.runs.iter().map(|r| {
                r.invoices.iter().find(|x| x.member == m.id).unwrap().amount.mantissa()
            }).collect();
            prop_assert_eq!(mine.iter().sum::<i128>(), c);
            for x in &mine {
                prop_assert!(*x == c / n || *x == c / n + 1, "{} of {}", x, c);
            }
        }
    }

    #[test]
    fn causes_of_change_add_up(
        pops in prop::collection::vec(1u32..500_000, 2..10),
        amount in 1u64..50_000_000,
        join_late in any::<bool>(),
    ) {
        let plan = plan(&pops, amount, 1, join_late);
        let result = plan.compute().unwrap();
        for c in plan.changes(&result).unwrap() {
            prop_assert_eq!(c.causes.iter().map(|x| x.amount).sum::<Decimal>(), c.change);
        }
    }
}
