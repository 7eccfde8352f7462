//! `andel plan`, `explain`, `check` and `schema`, run as a user would.
//! Expected figures are worked out here, not copied from the output.

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
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn reference_file() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/tillvaxtmotor.toml")
        .display()
        .to_string()
}

/// The 2021 split worked out by hand: the net is 900 000 + 150 000 +
/// 600 000 − 400 000 (start grant) = 1 250 000 kronor, shared per capita by
/// the 2019 populations with largest remainder (one key, so the table's
/// rounding is plain largest remainder on the members' totals).
fn contributions_2021() -> Vec<(&'static str, i64)> {
    let pop = [
        ("Båstad", 15128i64),
        ("Falkenberg", 45367),
        ("Halmstad", 102767),
        ("Hylte", 10815),
        ("Laholm", 25903),
        ("Ljungby", 28521),
    ];
    let net = 1_250_000i64;
    let sum: i64 = pop.iter().map(|p| p.1).sum();
    let mut parts: Vec<(usize, i64, i64)> = pop
        .iter()
        .enumerate()
        .map(|(i, p)| (i, net * p.1 / sum, net * p.1 % sum))
        .collect();
    let left = net - parts.iter().map(|p| p.1).sum::<i64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[b].2.cmp(&parts[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(left as usize) {
        parts[i].1 += 1;
    }
    parts.iter().map(|p| (pop[p.0].0, p.1)).collect()
}

#[test]
fn plan_without_a_file_computes_the_reference_case() {
    let out = andel(&["plan"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for (name, amount) in contributions_2021() {
        let row = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}:\n{text}"));
        assert_eq!(
            row.split_whitespace().nth(1),
            Some(amount.to_string().as_str()),
            "{row}"
        );
    }
    let total = text.lines().find(|l| l.starts_with("total")).unwrap();
    assert_eq!(total.split_whitespace().nth(1), Some("1250000"));
    assert!(text.contains("carried forward"), "{text}");
}

#[test]
fn json_output_adds_up_both_ways() {
    let out = andel(&["plan", &reference_file(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let int = |v: &serde_json::Value| v.as_str().unwrap().parse::<i64>().unwrap();
    let mut grand = 0;
    for y in v["years"].as_array().unwrap() {
        let members = y["members"].as_array().unwrap();
        assert_eq!(
            members.iter().map(|m| int(&m["contribution"])).sum::<i64>(),
            int(&y["net"])
        );
        for m in members {
            let by_line: i64 = m["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| int(&l["amount"]))
                .sum();
            assert_eq!(by_line, int(&m["contribution"]));
        }
        for l in y["lines"].as_array().unwrap() {
            let column: i64 = members
                .iter()
                .flat_map(|m| m["lines"].as_array().unwrap())
                .filter(|a| a["line"] == l["id"])
                .map(|a| int(&a["amount"]))
                .sum();
            assert_eq!(column, int(&l["net"]), "{}", l["id"]);
        }
        grand += int(&y["net"]);
    }
    assert_eq!(int(&v["total"]), grand);
}

#[test]
fn one_year_in_detail_and_as_csv() {
    let out = andel(&["plan", "--year", "2021"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("budget year 2021: gross 1650000, funding 400000, net 1250000"),
        "{text}"
    );
    let out = andel(&["plan", "--year", "2021", "--format", "csv"]);
    let csv = stdout(&out);
    assert!(
        csv.starts_with("year,member,name,population,share,share_percent,contribution,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 7, "{csv}");
    for (name, amount) in contributions_2021() {
        assert!(
            csv.lines()
                .any(|l| l.contains(&format!(",{name},")) && l.contains(&format!(",{amount},"))),
            "{name}\n{csv}"
        );
    }
}

#[test]
fn a_year_outside_the_horizon_is_refused() {
    let out = andel(&["plan", "--year", "2040"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error[year_outside_horizon]:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_names_the_population_and_its_date() {
    let out = andel(&["explain", &reference_file(), "halmstad", "2025"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Population: 105796 at 2023-12-31"), "{text}");
    let out = andel(&["explain", &reference_file(), "nobody", "2025"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error[unknown_member]:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_reports_every_problem_with_line_and_column() {
    let text = std::fs::read_to_string(reference_file())
        .unwrap()
        .replace("\"hylte\", \"laholm\"]", "\"hylte\", \"nowhere\"]")
        .replace("partcipants", "participants");
    let dir = std::env::temp_dir().join(format!("andel-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        text.replace(
            "\nyear = 2021\namount = \"400000\"",
            "\nyear = 2030\namount = \"400000\"",
        ),
    )
    .unwrap();
    let out = andel(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].contains("error[unknown_member]") && lines[0].contains("participants[3]"),
        "{err}"
    );
    assert!(
        lines[1].contains("error[year_outside_horizon]") && lines[1].contains("funding[0].year"),
        "{err}"
    );
    // FILE:LINE:COLUMN points at the text to fix.
    let place: Vec<&str> = lines[0].splitn(4, ':').collect();
    let (line, column): (usize, usize) = (place[1].parse().unwrap(), place[2].parse().unwrap());
    let source = std::fs::read_to_string(&bad).unwrap();
    assert!(source.lines().nth(line - 1).unwrap()[column - 1..].starts_with("\"nowhere\""));
    let ok = andel(&["check", &reference_file()]);
    assert!(ok.status.success());
    assert!(stdout(&ok).contains("ok (7 members, 4 cost lines, budget years 2021–2025)"));
}

#[test]
fn schema_is_json() {
    let out = andel(&["schema"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Plan");
}

#[test]
fn a_plan_file_must_be_named_toml_or_json() {
    let dir = std::env::temp_dir().join(format!("andel-cli-name-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let named = |name: &str| {
        let path = dir.join(name);
        std::fs::copy(reference_file(), &path).unwrap();
        path.display().to_string()
    };
    // Any case of the extension, as core reads it.
    assert!(andel(&["check", &named("plan.TOML")]).status.success());
    let out = andel(&["check", &named("plan.txt")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("plan_syntax") && err.contains(".toml or .json"),
        "{err}"
    );
}
