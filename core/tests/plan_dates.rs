//! Dates inside a plan document that do not exist or are not written
//! `YYYY-MM-DD` (a member's `joins`/`leaves`, a date key of a metric series)
//! are `invalid_date`, at their line and column. Found by comparing core
//! with the independent plan reference (`tests/vectors/plan_reference.py`),
//! fixed in core, kept as regression tests.

use andel::Plan;

const PLAN: &str = r#"format = 1
name = "Dates"
first_year = 2025
years = 1

[[members]]
id = "a"
name = "A"
JOINS
metrics.population = { "2023-12-31" = 2, METRIC }

[[costs]]
id = "pm"
name = "PM"
amount = "10"
year = 2025
"#;

fn error(joins: &str, metric: &str) -> andel::Error {
    let text = PLAN.replace("JOINS", joins).replace("METRIC", metric);
    Plan::from_toml(&text).expect_err("the plan has an invalid date")
}

fn place(e: &andel::Error) -> (u32, u32) {
    let l = e.location().expect("a location");
    (l.line.unwrap(), l.column.unwrap())
}

#[test]
fn a_join_date_that_does_not_exist_is_invalid_date() {
    // 2025 is not a leap year. Expected place: line 9, column 9, the value.
    let e = error(r#"joins = "2025-02-29""#, r#""2022-12-31" = 1"#);
    assert_eq!(place(&e), (9, 9));
    assert_eq!(e.code(), "invalid_date", "{e}");
}

#[test]
fn a_join_date_not_written_yyyy_mm_dd_is_invalid_date() {
    let e = error(r#"joins = "2025-2-1""#, r#""2022-12-31" = 1"#);
    assert_eq!(place(&e), (9, 9));
    assert_eq!(e.code(), "invalid_date", "{e}");
}

#[test]
fn a_metric_date_that_does_not_exist_is_invalid_date() {
    // Expected place: line 10, column 42, the date key "2023-02-30".
    let e = error("", r#""2023-02-30" = 1"#);
    assert_eq!(place(&e), (10, 42));
    assert_eq!(e.code(), "invalid_date", "{e}");
}

#[test]
fn an_invalid_date_in_json_is_invalid_date() {
    let text = r#"{"format": 1, "name": "x", "first_year": 2025, "years": 1,
 "members": [{"id": "a", "name": "A", "leaves": "2025-04-31"}]}"#;
    let e = Plan::from_json(text).expect_err("April has 30 days");
    assert_eq!(e.code(), "invalid_date", "{e}");
}

#[test]
fn a_bare_toml_date_reads_like_the_quoted_one() {
    let text = |joins: &str| {
        PLAN.replace("JOINS", joins)
            .replace("METRIC", r#""2022-12-31" = 1"#)
    };
    let bare = Plan::from_toml(&text("joins = 2025-07-01")).expect("a bare TOML date is a date");
    let quoted = Plan::from_toml(&text(r#"joins = "2025-07-01""#)).unwrap();
    assert_eq!(bare, quoted);
    // A date with a time of day is not a day.
    let e = Plan::from_toml(&text("joins = 2025-07-01T12:00:00")).unwrap_err();
    assert_eq!(e.code(), "invalid_date", "{e}");
    assert_eq!(place(&e), (9, 9));
}

#[test]
fn a_json_field_named_twice_is_refused() {
    let text = r#"{"format": 1, "name": "x", "first_year": 2025, "years": 1, "years": 2,
 "members": []}"#;
    let e = Plan::from_json(text).expect_err("years is named twice");
    assert_eq!(e.code(), "plan_syntax", "{e}");
    assert!(e.to_string().contains("duplicate field `years`"), "{e}");
    assert_eq!(e.location().unwrap().line, Some(1));
}
