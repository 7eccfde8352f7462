//! The annual cycle with amounts near the largest decimal (about
//! 7.9 × 10²⁸): every step either gives the exact figures or refuses with
//! `overflow`, never panics (rust_decimal's operators panic on overflow, an
//! `internal_error` in Python and JavaScript). Expected figures are worked
//! out here by hand.

use andel::Decimal;
use andel::plan::Plan;

const HUGE: &str = "79000000000000000000000000000";

/// Two members sharing one recurring cost equally over `years` years, with
/// `extra` appended.
fn plan(unit: &str, years: u32, amount: &str, extra: &str) -> Plan {
    let text = format!(
        r#"
format = 1
name = "large"
currency = "SEK"
unit = "{unit}"
first_year = 2021
years = {years}
[key]
type = "equal"
[[members]]
id = "a"
name = "A"
[[members]]
id = "b"
name = "B"
[[costs]]
id = "c"
name = "C"
amount = "{amount}"
from = 2021
{extra}
"#
    );
    Plan::from_toml(&text).expect("a valid plan")
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Checking that an actual cost is a whole number of hundredths divided it
/// by the unit, which overflowed and panicked while the plan was read.
#[test]
fn a_huge_actual_cost_in_hundredths_is_read_and_settled() {
    let p = plan(
        "0.01",
        2,
        "100",
        &format!("[[outcome]]\nyear = 2021\ncosts = {{ c = \"{HUGE}\" }}\n"),
    );
    let s = p.settle(&p.compute().unwrap(), 2021).unwrap();
    assert_eq!(s.difference, d(HUGE) - d("100"));
    for m in &s.members {
        assert_eq!(m.actual, d("39500000000000000000000000000"));
        assert_eq!(m.settlement, d("39500000000000000000000000000") - d("50"));
    }
}

#[test]
fn a_huge_actual_cost_that_is_not_a_multiple_of_the_unit_is_refused() {
    let text = format!(
        "format = 1\nname = \"x\"\nunit = \"0.03\"\nfirst_year = 2021\nyears = 1\n\
         [key]\ntype = \"equal\"\n[[members]]\nid = \"a\"\nname = \"A\"\n\
         [[costs]]\nid = \"c\"\nname = \"C\"\namount = \"99.99\"\nyear = 2021\n\
         [[outcome]]\nyear = 2021\ncosts = {{ c = \"{HUGE}\" }}\n"
    );
    let e = Plan::from_toml(&text).unwrap_err();
    assert_eq!(e.code(), "not_multiple_of_unit");
    assert_eq!(e.location().unwrap().path, "outcome[0].costs.c");
}

/// A net of 7.9 × 10²⁸ is 7.9 × 10³⁰ hundredths: beyond a decimal, so
/// counting the units by decimal division panicked.
#[test]
fn a_huge_net_in_hundredths_is_invoiced() {
    let p = plan(
        "0.01",
        1,
        HUGE,
        "[instalments]\ncount = 4\ndue = [\"03-31\", \"06-30\", \"09-30\", \"12-31\"]\n",
    );
    let inv = p.invoices(&p.compute().unwrap(), 2021, None).unwrap();
    for run in &inv.runs {
        assert_eq!(run.total, d("19750000000000000000000000000"));
    }
    for id in ["a", "b"] {
        let sum: Decimal = inv
            .runs
            .iter()
            .flat_map(|r| &r.invoices)
            .filter(|i| i.member == id)
            .map(|i| i.amount)
            .sum();
        assert_eq!(sum, d("39500000000000000000000000000"));
    }
}

/// A huge settlement of 2021 on a huge first instalment of 2022 is more
/// than a decimal holds: `overflow`, where `+` panicked.
#[test]
fn a_settlement_and_an_instalment_beyond_a_decimal_are_overflow() {
    let p = plan(
        "1",
        2,
        "39000000000000000000000000000",
        &format!(
            "[instalments]\ncount = 1\ndue = [\"03-31\"]\n\
             [[outcome]]\nyear = 2021\ncosts = {{ c = \"{HUGE}\" }}\n"
        ),
    );
    let r = p.compute().unwrap();
    let s = p.settle(&r, 2021).unwrap();
    // Each member: a settlement of 3.95 × 10²⁸ − 1.95 × 10²⁸ onto an
    // instalment of 1.95 × 10²⁸ fits ...
    let inv = p.invoices(&r, 2022, Some(&s)).unwrap();
    assert_eq!(
        inv.runs[0].invoices[0].total,
        d("39500000000000000000000000000")
    );
    // ... but a second helping of the same does not.
    let mut twice = s.clone();
    for m in &mut twice.members {
        m.settlement = d("60000000000000000000000000000");
    }
    let e = p.invoices(&r, 2022, Some(&twice)).unwrap_err();
    assert_eq!(e.code(), "overflow");
}
