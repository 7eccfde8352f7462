//! End-to-end tests of `andel allocate`, running the built binary.
//!
//! Expected figures are worked out here with plain integer arithmetic (a
//! naive largest-remainder and highest-averages reference), never copied
//! from the program's output.

use std::process::{Command, Output};

fn andel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(args)
        .output()
        .expect("the andel binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a command that must succeed and returns its stdout.
fn ok(args: &[&str]) -> String {
    let out = andel(args);
    assert!(
        out.status.success(),
        "andel {args:?} failed: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).is_empty(),
        "unexpected stderr: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// SCB population 31 December 2019.
const SCB_2019: [(&str, u128); 6] = [
    ("Båstad", 15128),
    ("Falkenberg", 45367),
    ("Halmstad", 102767),
    ("Hylte", 10815),
    ("Laholm", 25903),
    ("Ljungby", 28521),
];

fn scb_args() -> Vec<String> {
    SCB_2019.iter().map(|(n, w)| format!("{n}={w}")).collect()
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// `n / d` rounded half up to `decimals` places, as text.
fn fixed(n: u128, d: u128, decimals: u32) -> String {
    let scale = 10u128.pow(decimals);
    let scaled = n * scale;
    let mut q = scaled / d;
    if 2 * (scaled % d) >= d {
        q += 1;
    }
    if decimals == 0 {
        q.to_string()
    } else {
        format!(
            "{}.{:0width$}",
            q / scale,
            q % scale,
            width = decimals as usize
        )
    }
}

/// `n / d` in lowest terms as andel writes it: `"n/d"`, or `"n"`.
fn fraction(n: u128, d: u128) -> String {
    let g = gcd(n, d);
    if d / g == 1 {
        (n / g).to_string()
    } else {
        format!("{}/{}", n / g, d / g)
    }
}

/// Naive largest remainder on integers: floors, then one unit each to the
/// largest remainders (ties: larger weight, then earlier position).
fn hamilton(units: u128, weights: &[u128]) -> Vec<u128> {
    let sum: u128 = weights.iter().sum();
    let mut amounts: Vec<u128> = weights.iter().map(|w| units * w / sum).collect();
    let left = units - amounts.iter().sum::<u128>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (units * weights[a] % sum, units * weights[b] % sum);
        rb.cmp(&ra)
            .then(weights[b].cmp(&weights[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(left as usize) {
        amounts[i] += 1;
    }
    amounts
}

/// The whitespace-separated cells of the table line that starts with `name`.
fn table_row(table: &str, name: &str) -> Vec<String> {
    let lines: Vec<&str> = table
        .lines()
        .filter(|l| l.split_whitespace().next() == Some(name))
        .collect();
    assert_eq!(lines.len(), 1, "exactly one row for {name} in\n{table}");
    lines[0].split_whitespace().map(String::from).collect()
}

#[test]
fn table_of_the_six_municipalities() {
    let mut args = vec!["allocate", "--total", "1000000", "--unit", "1"];
    let named = scb_args();
    args.extend(named.iter().map(String::as_str));
    let table = ok(&args);

    let units = 1_000_000u128;
    let weights: Vec<u128> = SCB_2019.iter().map(|(_, w)| *w).collect();
    let sum: u128 = weights.iter().sum();
    assert_eq!(sum, 228_501);
    let amounts = hamilton(units, &weights);
    for (i, (name, w)) in SCB_2019.iter().enumerate() {
        let floor = units * w / sum;
        let expected = [
            name.to_string(),
            w.to_string(),
            fixed(100 * w, sum, 4),
            fraction(units * w, sum),
            fixed(units * w, sum, 4),
            amounts[i].to_string(),
            (amounts[i] - floor).to_string(),
        ];
        assert_eq!(table_row(&table, name), expected, "row {name}");
    }
    // Spot check against a figure worked out by hand: Halmstad's quota is
    // 1000000·102767/228501 = 449744.20…, and its remainder is too small.
    assert_eq!(table_row(&table, "Halmstad")[5], "449744");
    let leftover = units - weights.iter().map(|w| units * w / sum).sum::<u128>();
    assert_eq!(
        table_row(&table, "total"),
        [
            "total",
            "228501",
            "100.0000",
            "1000000",
            "1000000.0000",
            "1000000",
            &leftover.to_string(),
        ]
    );
    assert!(table.starts_with("1000000 split by 6 weights: unit 1, method largest_remainder"));
}

#[test]
fn json_is_the_explained_allocation_and_sums_exactly() {
    let mut args = vec!["allocate", "--total", "1000000", "--format", "json"];
    let named = scb_args();
    args.extend(named.iter().map(String::as_str));
    let text = ok(&args);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["total"], "1000000");
    assert_eq!(json["unit"], "0.01");
    assert_eq!(json["method"], "largest_remainder");
    assert_eq!(json["first_divisor"], serde_json::Value::Null);
    let parts = json["parts"].as_array().expect("parts");
    assert_eq!(parts.len(), 6);

    // Unit 0.01: 100 000 000 öre.
    let units = 100_000_000u128;
    let weights: Vec<u128> = SCB_2019.iter().map(|(_, w)| *w).collect();
    let sum: u128 = weights.iter().sum();
    let expected = hamilton(units, &weights);
    let mut total_ore = 0u128;
    // Σ quotas as an exact fraction num/den.
    let (mut num, mut den) = (0u128, 1u128);
    for (i, part) in parts.iter().enumerate() {
        assert_eq!(part["name"], SCB_2019[i].0);
        assert_eq!(part["weight"], SCB_2019[i].1.to_string());
        assert_eq!(part["share"], fraction(weights[i], sum));
        let amount = part["amount"].as_str().expect("amount is a string");
        let (kronor, ore) = amount.split_once('.').expect("two decimals");
        assert_eq!(ore.len(), 2, "amount {amount} has the unit's decimals");
        let in_ore: u128 = format!("{kronor}{ore}").parse().unwrap();
        assert_eq!(in_ore, expected[i], "amount of {}", SCB_2019[i].0);
        total_ore += in_ore;
        let quota = part["quota"].as_str().expect("quota is a string");
        let (n, d) = quota.split_once('/').expect("quota is n/d");
        let (n, d): (u128, u128) = (n.parse().unwrap(), d.parse().unwrap());
        (num, den) = (num * d + n * den, den * d);
        let g = gcd(num, den);
        (num, den) = (num / g, den / g);
    }
    assert_eq!(total_ore, units);
    assert_eq!(
        (num, den),
        (1_000_000, 1),
        "the exact quotas sum to the total"
    );
}

#[test]
fn bare_weights_are_numbered() {
    let table = ok(&["allocate", "--total", "100", "1", "1", "1"]);
    // 100.00 in three: 10000 öre = 3333 each and one left, to the first.
    assert_eq!(table_row(&table, "#1")[5], "33.34");
    assert_eq!(table_row(&table, "#2")[5], "33.33");
    assert_eq!(table_row(&table, "#3")[5], "33.33");
    assert_eq!(table_row(&table, "total")[5], "100.00");

    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "allocate", "--total", "100", "--format", "json", "1", "2",
    ]))
    .unwrap();
    assert_eq!(json["parts"][0]["name"], serde_json::Value::Null);
}

#[test]
fn csv_has_a_header_and_one_row_per_part() {
    let text = ok(&[
        "allocate", "--total", "1e4", "--format", "csv", "A=3", "B, C=2", "1",
    ]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "name,weight,share,share_percent,quota,quota_decimal,amount,leftover_units",
            // 10000.00 = 1 000 000 öre: quotas 500000, 333333.33…, 166666.66…
            "A,3,1/2,50.0000,5000,5000,5000.00,0",
            "\"B, C\",2,1/3,33.3333,10000/3,3333.3333333333333333333333333,3333.33,0",
            "#3,1,1/6,16.6667,5000/3,1666.6666666666666666666666667,1666.67,1",
        ]
    );
}

/// Naive highest averages for Sainte-Laguë with first divisor `first/10`:
/// divisors first/10, 3, 5, 7, … compared by cross-multiplication (all
/// divisors ×10 so they are integers).
fn sainte_lague(seats: u32, weights: &[u128], first_tenths: u128) -> Vec<u32> {
    let mut got = vec![0u32; weights.len()];
    let divisor = |k: u32| {
        if k == 0 {
            first_tenths
        } else {
            10 * (2 * k as u128 + 1)
        }
    };
    for _ in 0..seats {
        let mut best = 0;
        for i in 1..weights.len() {
            // weights[i]/d_i > weights[best]/d_best, ties to the larger
            // weight, then the earlier position (kept by `>`).
            let lhs = weights[i] * divisor(got[best]);
            let rhs = weights[best] * divisor(got[i]);
            if lhs > rhs || (lhs == rhs && weights[i] > weights[best]) {
                best = i;
            }
        }
        got[best] += 1;
    }
    got
}

#[test]
fn sainte_lague_with_a_first_divisor() {
    let weights = [5100u128, 2900, 1400, 600];
    let table = ok(&[
        "allocate",
        "--total",
        "10",
        "--unit",
        "1",
        "--method",
        "sainte_lague",
        "--first-divisor",
        "1.2",
        "A=5100",
        "B=2900",
        "C=1400",
        "D=600",
    ]);
    let expected = sainte_lague(10, &weights, 12);
    assert_eq!(expected.iter().sum::<u32>(), 10);
    for (name, seats) in ["A", "B", "C", "D"].iter().zip(&expected) {
        assert_eq!(table_row(&table, name)[5], seats.to_string(), "{name}");
    }
    assert!(table.contains("method sainte_lague, first divisor 1.2"));
}

#[test]
fn exponent_totals_are_read_exactly() {
    let a = ok(&["allocate", "--total", "1e6", "--unit", "1", "7", "3"]);
    let b = ok(&["allocate", "--total", "1000000", "--unit", "1", "7", "3"]);
    assert_eq!(a, b);
    assert_eq!(table_row(&a, "#1")[5], "700000");
}

/// Runs a command that must be refused and returns its stderr.
fn refused(args: &[&str], code: &str) -> String {
    let out = andel(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "andel {args:?}: {err}");
    assert!(
        err.starts_with(&format!("error[{code}]: ")),
        "andel {args:?} should fail with {code}, got: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&out).is_empty(), "nothing on stdout when refused");
    err
}

#[test]
fn bad_input_is_refused_with_a_code_and_status_2() {
    let err = refused(&["allocate", "--total", "1,5", "1"], "invalid_number");
    assert!(err.contains("total: \"1,5\""), "{err}");
    refused(&["allocate", "--total", "NaN", "1"], "invalid_number");
    let err = refused(
        &["allocate", "--total", "10", "A=1", "B=x"],
        "invalid_number",
    );
    assert!(err.contains("weight #2 (B)"), "{err}");
    refused(
        &["allocate", "--total", "10", "--unit", "0", "1"],
        "invalid_unit",
    );
    refused(
        &["allocate", "--total", "10", "--method", "hare", "1"],
        "unknown_method",
    );
    refused(&["allocate", "--total", "10"], "empty_weights");
    let err = refused(&["allocate", "--total", "10", "1", "-1"], "negative_weight");
    assert!(err.contains("(#2)"), "names the bare weight: {err}");
    refused(&["allocate", "--total", "10", "0", "0"], "zero_weights");
    refused(
        &["allocate", "--total", "10.001", "1"],
        "not_multiple_of_unit",
    );
    refused(
        &["allocate", "--total", "10", "--first-divisor", "1.2", "1"],
        "invalid_first_divisor",
    );
    refused(
        &[
            "allocate",
            "--total",
            "1",
            "--unit",
            "1",
            "--method",
            "huntington_hill",
            "1",
            "1",
        ],
        "too_few_units",
    );
    refused(
        &["allocate", "--total", "1e28", "--unit", "1e-28", "1"],
        "overflow",
    );
}

#[test]
fn the_first_bad_number_is_the_one_reported() {
    // Total before unit before first divisor before weights, as in every
    // andel runtime.
    let err = refused(
        &["allocate", "--total", "x", "--unit", "y", "1,5"],
        "invalid_number",
    );
    assert!(err.contains("total"), "{err}");
    let err = refused(
        &["allocate", "--total", "1", "--unit", "y", "1,5"],
        "invalid_number",
    );
    assert!(err.contains("unit"), "{err}");
}

#[test]
fn usage_errors() {
    refused(&["allocate", "--totl", "5", "1"], "usage");
    refused(&["allocate", "1", "2"], "usage");
    refused(
        &["allocate", "--total", "1", "--format", "xml", "1"],
        "usage",
    );
    let err = refused(&["allocate", "--total", "1", "=5"], "usage");
    assert!(err.contains("empty name"), "{err}");
    let out = andel(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("allocate"));
}

#[test]
fn help_has_examples() {
    let top = ok(&["--help"]);
    assert!(top.contains("allocate"), "{top}");
    let help = ok(&["allocate", "--help"]);
    for needle in [
        "Examples:",
        "--total",
        "--unit",
        "--method",
        "--first-divisor",
        "--format",
    ] {
        assert!(help.contains(needle), "help mentions {needle}");
    }
}

#[test]
fn a_panic_is_reported_as_an_internal_error() {
    // Debug builds panic on request, to test the guard in main.
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(["allocate", "--total", "1", "1"])
        .env("ANDEL_CLI_TEST_PANIC", "1")
        .output()
        .expect("the andel binary runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error[internal_error]: "), "{err}");
    assert!(err.contains("test panic requested"), "{err}");
    assert!(!err.contains("panicked at"), "no Rust panic report: {err}");
    assert!(stdout(&out).is_empty());
}
