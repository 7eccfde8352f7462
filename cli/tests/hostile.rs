//! Names built to drive a terminal (ESC sequences, CR, BEL, bidi
//! overrides) are shown escaped in every table, never sent raw.

use std::path::PathBuf;
use std::process::Command;

fn andel(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// No control character but the line feed, no bidi override or isolate.
fn assert_inert(text: &str) {
    for c in text.chars() {
        let bidi = ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(
            !(bidi || (c.is_control() && c != '\n')),
            "{c:?} reached the terminal in {text:?}"
        );
    }
}

/// The reference cycle plan with Båstad's name made hostile, in a file.
fn hostile_plan() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("examples/tillvaxtmotor-cycle.toml")).unwrap();
    let name = r#"name = "B\u001b[2J\u001b[31mred\u0007\r\u009b1m\u202egnp.exe""#;
    let text = text.replacen("name = \"Båstad\"", name, 1);
    let dir = std::env::temp_dir().join(format!("andel-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn plan_tables_show_control_characters_escaped() {
    let plan = hostile_plan();
    let plan = plan.to_str().unwrap();
    for args in [
        vec!["plan", plan],
        vec!["plan", plan, "--year", "2022"],
        vec!["calendar", plan],
        vec!["invoices", plan, "--year", "2022", "--settle"],
        vec!["settle", plan, "--year", "2021"],
        vec!["diff", plan, plan],
        vec!["why", plan],
        vec!["explain", plan, "bastad", "2022"],
    ] {
        let (stdout, stderr) = andel(&args);
        assert_inert(&stdout);
        assert_inert(&stderr);
        let shows_names = !["calendar", "why", "explain"].contains(&args[0]);
        assert!(
            !shows_names
                || stdout.contains(r"B\u{1b}[2J\u{1b}[31mred\u{7}\u{d}\u{9b}1m\u{202e}gnp.exe"),
            "{args:?}: {stdout}"
        );
    }
    // Data formats keep the name as it is (CSV neutralises formulas only).
    let (csv, _) = andel(&["plan", plan, "--format", "csv"]);
    assert!(csv.contains("\u{1b}[2J"));
}

#[test]
fn an_allocation_table_shows_a_hostile_name_escaped() {
    let (stdout, _) = andel(&[
        "allocate",
        "--total",
        "10",
        "--unit",
        "1",
        "--",
        "\u{1b}]0;owned\u{7}=1",
        "b=1",
    ]);
    assert_inert(&stdout);
    assert!(stdout.contains(r"\u{1b}]0;owned\u{7}"), "{stdout}");
}

#[test]
fn an_allocation_csv_writes_a_formula_looking_name_as_text() {
    let (stdout, _) = andel(&[
        "allocate",
        "--total",
        "10",
        "--unit",
        "1",
        "--format",
        "csv",
        "--",
        "@SUM(A1)=1",
        "-2+3=1",
    ]);
    let names: Vec<&str> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(names, ["'@SUM(A1)", "'-2+3"], "{stdout}");
}
