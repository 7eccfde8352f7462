//! `andel export`: the workbook read back with calamine, cell by cell, as a
//! spreadsheet program sees it. Expected figures are worked out here.

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
        .display()
        .to_string()
}

/// A numeric cell as a whole number; a text or empty cell fails the test.
fn whole(v: Option<&Data>) -> i64 {
    match v {
        Some(Data::Float(f)) => {
            assert_eq!(f.fract(), 0.0, "{f} is not whole");
            *f as i64
        }
        Some(Data::Int(i)) => *i,
        other => panic!("expected a number, found {other:?}"),
    }
}

#[test]
fn the_workbook_has_numbers_and_sum_formulas_that_agree() {
    let dir = std::env::temp_dir().join(format!("andel-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.xlsx");
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args([
            "export",
            &example("tillvaxtmotor.toml"),
            "--lang",
            "en",
            "--output",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Summary", "2021", "2022", "2023", "2024", "2025"]
    );

    // Nets worked out by hand: 2021 = 900 000 + 150 000 + 600 000 − 400 000;
    // 2022 = both recurring lines indexed by 3 %: 927 000 + 154 500;
    // 2023 = 954 810 + 159 135 + the deep dive's 240 000.
    let nets = [1_250_000i64, 1_081_500, 1_353_945];
    let summary = book.worksheet_range("Summary").unwrap();
    let formulas = book.worksheet_formula("Summary").unwrap();
    // Header on row 4 (index 3); seven members on rows 5–11; totals on 12.
    assert_eq!(
        summary.get_value((3, 0)),
        Some(&Data::String("Member".into()))
    );
    assert_eq!(
        summary.get_value((6, 0)),
        Some(&Data::String("Halmstad".into()))
    );
    for (i, net) in nets.iter().enumerate() {
        let col = 1 + i as u32;
        let members: i64 = (4..11).map(|r| whole(summary.get_value((r, col)))).sum();
        assert_eq!(members, *net, "year column {col}");
        assert_eq!(whole(summary.get_value((11, col))), *net);
        let letter = (b'B' + i as u8) as char;
        let f = formulas.get_value((11, col)).unwrap();
        assert_eq!(
            f.trim_start_matches('='),
            format!("SUM({letter}5:{letter}11)")
        );
    }
    // Halmstad in 2021: 1 250 000 × 102 767 / 228 501 = 562 179.9…, and the
    // largest remainder gives it the unit (see the plan tests).
    assert_eq!(whole(summary.get_value((6, 1))), 562_180);
    // Each member's total is a row sum formula that agrees with its years.
    for r in 4..11u32 {
        let years: i64 = (1..6).map(|c| whole(summary.get_value((r, c)))).sum();
        assert_eq!(whole(summary.get_value((r, 6))), years);
        let f = formulas.get_value((r, 6)).unwrap();
        assert_eq!(f.trim_start_matches('='), format!("SUM(B{0}:F{0})", r + 1));
    }

    // The 2021 sheet: three lines (D, E, F), the contribution in G.
    let y2021 = book.worksheet_range("2021").unwrap();
    let f2021 = book.worksheet_formula("2021").unwrap();
    assert_eq!(
        y2021.get_value((3, 6)),
        Some(&Data::String("Contribution".into()))
    );
    let line_nets = [900_000i64, 150_000, 200_000];
    for (i, net) in line_nets.iter().enumerate() {
        let col = 3 + i as u32;
        let members: i64 = (4..11).map(|r| whole(y2021.get_value((r, col)))).sum();
        assert_eq!(members, *net);
        assert_eq!(whole(y2021.get_value((11, col))), *net);
    }
    for r in 4..11u32 {
        let lines: i64 = (3..6).map(|c| whole(y2021.get_value((r, c)))).sum();
        assert_eq!(whole(y2021.get_value((r, 6))), lines);
        let f = f2021.get_value((r, 6)).unwrap();
        assert_eq!(f.trim_start_matches('='), format!("SUM(D{0}:F{0})", r + 1));
    }
    assert_eq!(whole(y2021.get_value((11, 6))), 1_250_000);
    // Halmstad's population is a number too.
    assert_eq!(whole(y2021.get_value((6, 1))), 102_767);
}

#[test]
fn export_needs_an_output_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(["export", &example("tillvaxtmotor.toml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error[usage]"));
}

/// Exports `args` to a fresh workbook and opens it.
fn exported(test: &str, args: &[&str]) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let dir = std::env::temp_dir().join(format!("andel-xlsx-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.xlsx");
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .arg("export")
        .args(args)
        .arg("--output")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    open_workbook(&path).unwrap()
}

fn string(v: Option<&Data>) -> String {
    match v {
        Some(Data::String(s)) => s.clone(),
        other => panic!("expected a text cell, found {other:?}"),
    }
}

#[test]
fn a_sek_workbook_is_in_swedish_with_the_work_in_kind_beside_the_cash() {
    let mut book = exported("sv", &[&example("tillvaxtmotor.toml")]);
    assert_eq!(
        book.sheet_names(),
        ["Sammanställning", "2021", "2022", "2023", "2024", "2025"]
    );
    let summary = book.worksheet_range("Sammanställning").unwrap();
    let header: Vec<String> = (0..8).map(|c| string(summary.get_value((3, c)))).collect();
    assert_eq!(
        header,
        [
            "Medlem",
            "2021",
            "2022",
            "2023",
            "2024",
            "2025",
            "Totalt",
            "Naturainsatser"
        ]
    );
    assert_eq!(string(summary.get_value((11, 0))), "Totalt");
    // The university (row 11, index 10): no cash, 400 hours × 700 kr a
    // year for five years in kind, as a number.
    assert_eq!(string(summary.get_value((10, 0))), "Högskolan i Halmstad");
    assert_eq!(whole(summary.get_value((10, 6))), 0);
    assert_eq!(whole(summary.get_value((10, 7))), 5 * 400 * 700);
    assert_eq!(whole(summary.get_value((11, 7))), 5 * 400 * 700);
    // Municipalities contribute nothing in kind: a 0, as a number.
    assert_eq!(whole(summary.get_value((4, 7))), 0);

    let y2021 = book.worksheet_range("2021").unwrap();
    let header: Vec<String> = [0, 1, 2, 6, 7, 8]
        .iter()
        .map(|&c| string(y2021.get_value((3, c))))
        .collect();
    assert_eq!(
        header,
        [
            "Medlem",
            "Befolkning",
            "Andel %",
            "Bidrag",
            "Förändring",
            "Naturainsats"
        ]
    );
    assert_eq!(whole(y2021.get_value((10, 8))), 400 * 700);
    assert!(string(y2021.get_value((0, 0))).ends_with("budgetår 2021"));
}

#[test]
fn an_english_workbook_on_request() {
    let mut book = exported("en", &["--lang", "en"]);
    assert_eq!(book.sheet_names()[0], "Summary");
    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(string(summary.get_value((3, 7))), "In kind");
    assert_eq!(string(summary.get_value((11, 0))), "Total");
    assert_eq!(whole(summary.get_value((10, 7))), 5 * 400 * 700);
}

#[test]
fn a_name_that_looks_like_a_formula_is_written_as_text() {
    let dir = std::env::temp_dir().join(format!("andel-xlsx-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = "=HYPERLINK(\"http://evil.example\",\"Halmstad\")";
    let plan = std::fs::read_to_string(example("tillvaxtmotor.toml"))
        .unwrap()
        .replacen("name = \"Halmstad\"", &format!("name = {name:?}"), 1);
    let (plan_path, path) = (dir.join("plan.toml"), dir.join("plan.xlsx"));
    std::fs::write(&plan_path, plan).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .arg("export")
        .arg(&plan_path)
        .arg("--output")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    for sheet in ["Sammanställning", "2021"] {
        let values = book.worksheet_range(sheet).unwrap();
        let formulas = book.worksheet_formula(sheet).unwrap();
        assert_eq!(
            values.get_value((6, 0)),
            Some(&Data::String(name.into())),
            "{sheet}"
        );
        let formula = formulas.get_value((6, 0)).map(String::as_str).unwrap_or("");
        assert_eq!(formula, "", "{sheet}: the name became a formula");
    }
}
