//! Swedish and English output: the tables as a finance officer reads them
//! (snapshots written by hand from the plan below, not copied from the
//! output), in-kind work visible, explanations a politician can read, and
//! machine formats that stay the same in both languages.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A small plan whose figures can be worked out in one's head: 1 000 000
/// kr a year shared per capita, 3000 : 1000 in 2025 (750 000 / 250 000) and
/// 3000 : 3000 in 2026 (500 000 each); the university contributes 100 hours
/// at 700 kr, 70 000 kr a year, in kind.
const PLAN: &str = r#"
format = 1
name = "Snapshot"
currency = "SEK"
unit = "1"
first_year = 2025
years = 2
population = { years_before = 2 }

[[members]]
id = "a"
name = "Åby"
metrics.population = { "2023-12-31" = 3000, "2024-12-31" = 3000 }

[[members]]
id = "b"
name = "Berg"
metrics.population = { "2023-12-31" = 1000, "2024-12-31" = 3000 }

[[members]]
id = "u"
name = "Universitetet"
paying = false

[[costs]]
id = "pm"
name = "Projektledning"
amount = "1000000"
from = 2025

[[in_kind]]
member = "u"
description = "Forskarnas tid"
from = 2025
hours = "100"
rate = "700"
"#;

/// The plan above in a file of its own (one per test, so tests can run in
/// parallel), with the currency replaced when `currency` is given.
fn plan_file(test: &str, currency: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("andel-lang-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    std::fs::write(&path, PLAN.replace("\"SEK\"", &format!("{currency:?}"))).unwrap();
    path
}

fn andel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(args)
        .output()
        .expect("andel runs")
}

/// Standard output of a run that must succeed, with every narrow no-break
/// space (the Swedish thousands separator) shown as `_` so that the
/// snapshots can be read and compared without white-space surprises.
fn ok(args: &[&str]) -> String {
    let out = andel(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .replace('\u{202f}', "_")
}

/// The cells of a table line: columns are two or more spaces apart.
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

const HORIZON_SV: &str = "\
Snapshot: bidrag i kr (avrundningsenhet 1, metod largest_remainder)

medlem              2025       2026     totalt  naturainsats
-------------  ---------  ---------  ---------  ------------
Åby              750_000    500_000  1_250_000             0
Berg             250_000    500_000    750_000             0
Universitetet          0          0          0       140_000
-------------  ---------  ---------  ---------  ------------
totalt         1_000_000  1_000_000  2_000_000       140_000

Andel av årets nettokostnad, %:

medlem            2025     2026
-------------  -------  -------
Åby            75,0000  50,0000
Berg           25,0000  50,0000
Universitetet   0,0000   0,0000

Naturainsatser (värdet av arbete och tid, redovisat vid sidan av de kontanta bidragen), kr:

medlem           2025    2026   totalt
-------------  ------  ------  -------
Universitetet  70_000  70_000  140_000
";

const HORIZON_EN: &str = "\
Snapshot: contributions in SEK (unit 1, method largest_remainder)

member            2025     2026    total  in kind
-------------  -------  -------  -------  -------
Åby             750000   500000  1250000        0
Berg            250000   500000   750000        0
Universitetet        0        0        0   140000
-------------  -------  -------  -------  -------
total          1000000  1000000  2000000   140000

Share of each year's net cost, %:

member            2025     2026
-------------  -------  -------
Åby            75.0000  50.0000
Berg           25.0000  50.0000
Universitetet   0.0000   0.0000

In kind (the value of work and time, reported beside the cash contributions), SEK:

member          2025   2026   total
-------------  -----  -----  ------
Universitetet  70000  70000  140000
";

#[test]
fn a_sek_plan_is_shown_in_swedish_by_default() {
    let file = plan_file("default", "SEK");
    let file = file.to_str().unwrap();
    assert_eq!(ok(&["plan", file]), HORIZON_SV);
    assert_eq!(ok(&["plan", file, "--lang", "sv"]), HORIZON_SV);
}

#[test]
fn english_on_request_and_for_other_currencies() {
    let file = plan_file("english", "SEK");
    assert_eq!(
        ok(&["plan", file.to_str().unwrap(), "--lang", "en"]),
        HORIZON_EN
    );
    let eur = plan_file("eur", "EUR");
    let text = ok(&["plan", eur.to_str().unwrap()]);
    assert!(text.starts_with("Snapshot: contributions in EUR"), "{text}");
    // The option may stand before the command too.
    let text = ok(&["--lang", "sv", "plan", eur.to_str().unwrap()]);
    assert!(text.starts_with("Snapshot: bidrag i EUR"), "{text}");
}

#[test]
fn one_year_in_detail_shows_the_value_in_kind() {
    let file = plan_file("year", "SEK");
    let text = ok(&["plan", file.to_str().unwrap(), "--year", "2026"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Snapshot, budgetår 2026: brutto 1_000_000, finansiering 0, netto 1_000_000 kr"
    );
    let header: Vec<&str> = cells(lines[2]);
    assert_eq!(
        header,
        [
            "medlem",
            "befolkning",
            "per",
            "pm",
            "bidrag",
            "andel %",
            "naturainsats",
            "förändring"
        ]
    );
    // Berg: 3000 inhabitants, half of 1 000 000, up from 250 000 (+100 %).
    let berg = lines.iter().find(|l| l.starts_with("Berg")).unwrap();
    assert_eq!(
        cells(berg),
        [
            "Berg",
            "3_000",
            "2024-12-31",
            "500_000",
            "500_000",
            "50,0000",
            "0",
            "+250_000 (+100,00 %)"
        ]
    );
    let uni = lines
        .iter()
        .find(|l| l.starts_with("Universitetet"))
        .unwrap();
    assert!(uni.contains(" 70_000 "), "{uni}");
    let total = lines.iter().find(|l| l.starts_with("totalt")).unwrap();
    assert!(total.trim_end().ends_with("70_000"), "{total}");
    // Every column has a header: no header cell is empty.
    assert_eq!(header.len(), lines[3].split("  ").count());
}

#[test]
fn minus_signs_are_ascii() {
    let file = plan_file("minus", "SEK");
    let file = file.to_str().unwrap();
    let year = ok(&["plan", file, "--year", "2026"]);
    let aby = year.lines().find(|l| l.starts_with("Åby")).unwrap();
    assert!(aby.ends_with("-250_000 (-33,33 %)"), "{aby}");
    let why = ok(&["why", file, "--member", "Åby", "--year", "2026"]);
    assert!(why.contains("-250_000 kr"), "{why}");
    for text in [year, why] {
        assert!(!text.contains('\u{2212}'), "{text}");
    }
}

#[test]
fn machine_formats_are_the_same_in_both_languages() {
    let file = plan_file("machine", "SEK");
    let file = file.to_str().unwrap();
    for format in ["json", "csv"] {
        let sv = ok(&["plan", file, "--format", format, "--lang", "sv"]);
        let en = ok(&["plan", file, "--format", format, "--lang", "en"]);
        assert_eq!(sv, en, "{format}");
        assert!(sv.contains("750000") && !sv.contains("750_000"), "{sv}");
    }
    let csv = ok(&["plan", file, "--format", "csv"]);
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("2025,a,Åby,3000,3/4,75.0000,750000,750000"),
        "{csv}"
    );
}

#[test]
fn explain_shows_exact_fractions_and_labels_rounded_decimals() {
    let file = plan_file("explain", "SEK");
    let file = file.to_str().unwrap();
    // Åby in 2025: 3000/4000 = 3/4 of 1 000 000, exactly 750 000.
    let sv = ok(&["explain", file, "Åby", "2025"]);
    assert!(
        sv.contains("andelen 3/4 (= 75 %) av den är exakt 750_000"),
        "{sv}"
    );
    assert!(sv.contains("Avrundning: varje rad"), "{sv}");
    assert!(!sv.contains("exactly"), "{sv}");

    // A share that is not a short decimal: Halmstad in the reference case,
    // 2021, 102 767/228 501 = 14 681/32 643 (both divided by 7) = 44.97442… %.
    let sv = ok(&["explain", "halmstad", "2021"]);
    assert!(sv.contains("14_681/32_643 (≈ 44,9744 %, avrundat)"), "{sv}");
    let en = ok(&["explain", "halmstad", "2021", "--lang", "en"]);
    assert!(en.contains("14681/32643 (≈ 44.9744 %, rounded)"), "{en}");
    for text in [&sv, &en] {
        for line in text.lines() {
            // "exactly"/"exakt" only ever stands before an exact fraction.
            for word in ["exactly ", "exakt "] {
                if let Some((_, after)) = line.split_once(word) {
                    let figure: String = after
                        .chars()
                        .take_while(|c| !c.is_whitespace() || *c == '\u{202f}')
                        .collect();
                    assert!(
                        figure.contains('/') || !figure.contains([',', '.']),
                        "{word}{figure} is a decimal: {line}"
                    );
                }
            }
        }
    }
}

#[test]
fn unknown_members_list_the_ids_and_names_are_accepted() {
    let out = andel(&["explain", "Halmstads kommun", "2021"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error[unknown_member]"), "{err}");
    for id in [
        "bastad",
        "falkenberg",
        "halmstad",
        "hylte",
        "laholm",
        "ljungby",
        "hh",
    ] {
        assert!(err.contains(&format!("\"{id}\"")), "{id}: {err}");
    }
    let by_name = ok(&["explain", "Högskolan i Halmstad", "2021"]);
    assert!(
        by_name.starts_with("Högskolan i Halmstad (hh), budgetår 2021"),
        "{by_name}"
    );
}

#[test]
fn explain_and_check_default_to_the_reference_case() {
    let text = ok(&["explain", "laholm", "2023"]);
    assert!(text.starts_with("Laholm (laholm), budgetår 2023"), "{text}");
    let text = ok(&["check"]);
    assert!(text.contains("ok (7 medlemmar"), "{text}");
    let text = ok(&["check", "--lang", "en"]);
    assert!(text.contains("ok (7 members"), "{text}");
    let out = andel(&["explain", "laholm"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn why_defaults_to_the_reference_case_too() {
    let bundled = ok(&["why", "--member", "halmstad", "--year", "2023"]);
    let from_file = ok(&[
        "why",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/tillvaxtmotor.toml"
        ),
        "--member",
        "halmstad",
        "--year",
        "2023",
    ]);
    assert!(bundled.starts_with("Halmstad betalar"), "{bundled}");
    assert_eq!(bundled, from_file);
}

#[test]
fn help_has_examples_and_the_right_format_texts() {
    for command in ["explain", "check", "why"] {
        let help = ok(&[command, "--help"]);
        assert!(help.contains("Examples:"), "{command}: {help}");
    }
    for command in ["plan", "invoices", "settle", "diff"] {
        let help = ok(&[command, "--help"]);
        // allocate's texts spoke of "the explained allocation" and "part".
        assert!(!help.contains("allocation"), "{command}: {help}");
        assert!(help.contains("--lang"), "{command}: {help}");
    }
}

#[test]
fn allocate_is_english_unless_asked() {
    let en = ok(&[
        "allocate", "--total", "1000000", "--unit", "1", "A=3", "B=1",
    ]);
    assert!(en.starts_with("1000000 split by 2 weights"), "{en}");
    let sv = ok(&[
        "allocate", "--total", "1000000", "--unit", "1", "--lang", "sv", "A=3", "B=1",
    ]);
    assert!(sv.starts_with("1_000_000 fördelat på 2 vikter"), "{sv}");
    let header = cells(sv.lines().nth(2).unwrap());
    assert_eq!(
        header,
        [
            "namn",
            "vikt",
            "andel %",
            "exakt kvot",
            "kvot (avrundad)",
            "belopp",
            "+enheter"
        ]
    );
    assert!(sv.contains("750_000"), "{sv}");
    // CSV is for import: the same in both languages.
    let args = ["allocate", "--total", "10", "--format", "csv", "3", "1"];
    assert_eq!(ok(&args), ok(&[&args[..], &["--lang", "sv"]].concat()));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = andel(&["plan", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown language \"de\""), "{err}");
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
        .display()
        .to_string()
}

/// The header cells of the first table (the line before the first rule).
fn first_header(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let rule = lines.iter().position(|l| l.starts_with("--")).unwrap();
    cells(lines[rule - 1])
}

#[test]
fn the_cycle_tables_have_swedish_headers_on_every_column() {
    let cycle = example("tillvaxtmotor-cycle.toml");
    let invoices = ok(&["invoices", &cycle, "--year", "2022", "--settle"]);
    assert_eq!(
        first_header(&invoices),
        [
            "förfaller",
            "nr",
            "medlem",
            "belopp",
            "avräkning",
            "totalt",
            "referens"
        ]
    );
    let settle = ok(&["settle", &cycle, "--year", "2021"]);
    assert_eq!(
        first_header(&settle),
        ["medlem", "budget", "utfall", "avräkning", "innebörd"]
    );
    assert!(settle.contains("återbetalning"), "{settle}");
    let settle_en = ok(&["settle", &cycle, "--year", "2021", "--lang", "en"]);
    assert_eq!(
        first_header(&settle_en),
        ["member", "planned", "actual", "settlement", "effect"]
    );
    let diff = ok(&[
        "diff",
        &example("tillvaxtmotor.toml"),
        &example("tillvaxtmotor-ljungby-leaves.toml"),
    ]);
    assert_eq!(
        first_header(&diff),
        ["medlem", "2021", "2022", "2023", "2024", "2025", "totalt"]
    );
    assert!(diff.contains("nettokostnad"), "{diff}");
    for text in [&invoices, &settle, &diff] {
        assert!(!text.contains('\u{2212}'), "{text}");
    }
    let calendar = ok(&["calendar", &cycle]);
    assert!(calendar.contains(": budgetkalender\n"), "{calendar}");
}
