//! `andel calendar`, `invoices`, `settle` and `diff`, run as a user would,
//! on the bundled examples. Expected figures are worked out here.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs andel in English: these tests read the English tables (the
/// Swedish default for SEK plans is checked in tests/lang.rs).
fn andel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(args)
        .args(["--lang", "en"])
        .output()
        .expect("andel runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
        .display()
        .to_string()
}

/// Largest remainder of `net` by the 2019 populations: the key of 2021.
fn per_capita_2021(net: i64) -> Vec<i64> {
    let pop = [15128i64, 45367, 102767, 10815, 25903, 28521];
    let sum: i64 = pop.iter().sum();
    let mut parts: Vec<i64> = pop.iter().map(|p| net * p / sum).collect();
    let left = net - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..6).collect();
    order.sort_by(|&a, &b| {
        (net * pop[b] % sum)
            .cmp(&(net * pop[a] % sum))
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(left as usize) {
        parts[i] += 1;
    }
    parts
}

const IDS: [&str; 6] = [
    "bastad",
    "falkenberg",
    "halmstad",
    "hylte",
    "laholm",
    "ljungby",
];

#[test]
fn calendar_lists_the_milestones_and_writes_icalendar() {
    let text = stdout(&andel(&["calendar", &example("tillvaxtmotor-cycle.toml")]));
    // Three milestones a year over five years, one line each.
    assert_eq!(
        text.lines().filter(|l| l.contains("budget year")).count(),
        15
    );
    assert!(text.contains("2020-04-30  budget year 2021  Preliminary contribution notice"));
    assert!(text.contains("2026-03-31  budget year 2025  Settlement"));

    let ics = stdout(&andel(&[
        "calendar",
        &example("tillvaxtmotor-cycle.toml"),
        "--format",
        "ics",
    ]));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 15);
    let unfolded = ics.replace("\r\n ", "");
    // The plan has the 2021 outcome: its settlement milestone carries
    // Halmstad's refund, worked out here.
    let refund = per_capita_2021(1_230_000)[2] - per_capita_2021(1_250_000)[2];
    assert!(
        unfolded.contains(&format!("\\nHalmstad: {refund} SEK")),
        "{unfolded}"
    );
}

#[test]
fn invoices_add_up_both_ways_as_csv() {
    let csv = stdout(&andel(&[
        "invoices",
        &example("tillvaxtmotor-cycle.toml"),
        "--year",
        "2021",
        "--format",
        "csv",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "year,instalment,due,member,name,amount,settlement,total,reference"
    );
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 4 * 6);
    let contributions = per_capita_2021(1_250_000);
    for (i, id) in IDS.iter().enumerate() {
        let mine: i64 = rows
            .iter()
            .filter(|r| r[3] == *id)
            .map(|r| r[5].parse::<i64>().unwrap())
            .sum();
        assert_eq!(mine, contributions[i], "{id}");
    }
    for (n, due) in ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]
        .iter()
        .enumerate()
    {
        let run: Vec<&Vec<String>> = rows
            .iter()
            .filter(|r| r[1] == (n + 1).to_string())
            .collect();
        assert!(run.iter().all(|r| r[2] == *due));
        // 1 250 000 / 4 = 312 500 exactly.
        assert_eq!(
            run.iter()
                .map(|r| r[5].parse::<i64>().unwrap())
                .sum::<i64>(),
            312_500
        );
    }
}

#[test]
fn settle_with_a_separate_outcome_file() {
    let csv = stdout(&andel(&[
        "settle",
        &example("tillvaxtmotor.toml"),
        "--year",
        "2021",
        "--outcome",
        &example("tillvaxtmotor-outcome.toml"),
        "--format",
        "csv",
    ]));
    let planned = per_capita_2021(1_250_000);
    let actual = per_capita_2021(1_230_000);
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 6);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r[1], IDS[i]);
        assert_eq!(r[3], planned[i].to_string());
        assert_eq!(r[4], actual[i].to_string());
        assert_eq!(r[5], (actual[i] - planned[i]).to_string());
    }
    // The plan with its own outcome gives the same figures.
    let own = stdout(&andel(&[
        "settle",
        &example("tillvaxtmotor-cycle.toml"),
        "--year",
        "2021",
        "--format",
        "csv",
    ]));
    assert_eq!(own, csv);
}

#[test]
fn an_outcome_outside_the_plan_is_a_typed_error() {
    let dir = std::env::temp_dir().join(format!("andel-cycle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("outcome.toml");
    std::fs::write(&file, "[[outcome]]\nyear = 2030\n").unwrap();
    let out = andel(&[
        "settle",
        &example("tillvaxtmotor.toml"),
        "--year",
        "2030",
        "--outcome",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("error[year_outside_horizon]: "), "{err}");
    assert!(err.contains("outcome[0].year (line 2, column 1)"), "{err}");
}

#[test]
fn diff_of_two_scenarios() {
    let csv = stdout(&andel(&[
        "diff",
        &example("tillvaxtmotor.toml"),
        &example("tillvaxtmotor-ljungby-leaves.toml"),
        "--format",
        "csv",
    ]));
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    // Five years and the totals, seven members each.
    assert_eq!(rows.len(), 6 * 7);
    for year in ["2021", "2022", "2023", "2024", "2025"] {
        let changes: i64 = rows
            .iter()
            .filter(|r| r[0] == year)
            .map(|r| r[5].parse::<i64>().unwrap())
            .sum();
        assert_eq!(changes, 0, "{year}: same costs, shared differently");
    }
    let ljungby_2025 = rows
        .iter()
        .find(|r| r[0] == "2025" && r[1] == "ljungby")
        .unwrap();
    assert_eq!(ljungby_2025[4], "0");
    assert_eq!(ljungby_2025[6], "-100.00");
    let ljungby_2021 = rows
        .iter()
        .find(|r| r[0] == "2021" && r[1] == "ljungby")
        .unwrap();
    assert_eq!(ljungby_2021[3], per_capita_2021(1_250_000)[5].to_string());
    assert_eq!(ljungby_2021[5], "0");
}

#[test]
fn diff_refuses_plans_in_different_currencies() {
    let dir = std::env::temp_dir().join(format!("andel-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let eur = dir.join("eur.toml");
    let text = std::fs::read_to_string(example("tillvaxtmotor.toml"))
        .unwrap()
        .replace("currency = \"SEK\"", "currency = \"EUR\"");
    std::fs::write(&eur, text).unwrap();
    let out = andel(&[
        "diff",
        &example("tillvaxtmotor.toml"),
        eur.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error[incomparable_plans]: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn why_says_in_words_what_changed() {
    let text = stdout(&andel(&[
        "why",
        &example("tillvaxtmotor-ljungby-leaves.toml"),
        "--member",
        "ljungby",
        "--year",
        "2025",
    ]));
    assert!(text.starts_with("Ljungby pays 0 SEK in 2025: "), "{text}");
    assert!(text.contains("membership changed"), "{text}");
    let json = stdout(&andel(&[
        "why",
        &example("tillvaxtmotor.toml"),
        "--year",
        "2023",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 7);
    for c in all {
        let sum: i64 = c["causes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["amount"].as_str().unwrap().parse::<i64>().unwrap())
            .sum();
        assert_eq!(sum.to_string(), c["change"].as_str().unwrap());
    }
    let out = andel(&["why", &example("tillvaxtmotor.toml"), "--member", "nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error[unknown_member]"),
        "{}",
        stderr(&out)
    );
}
