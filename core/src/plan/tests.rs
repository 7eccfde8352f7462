use super::*;
use rust_decimal::Decimal;

#[test]
fn reference_plan_computes() {
    let plan = Plan::reference();
    let result = plan.compute().unwrap();
    assert_eq!(result.years.len(), 5);
    for y in &result.years {
        let sum: Decimal = y.members.iter().map(|m| m.contribution).sum();
        assert_eq!(sum, y.net, "{}", y.year);
    }
}

/// docs/plan.schema.json is generated from the types; this keeps it current.
/// Regenerate with `ANDEL_BLESS=1 cargo test -p andel schema_file`.
#[test]
fn schema_file_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/plan.schema.json");
    let generated = Plan::json_schema() + "\n";
    if std::env::var_os("ANDEL_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).expect("docs/plan.schema.json exists");
    assert_eq!(
        committed, generated,
        "docs/plan.schema.json is stale: regenerate it"
    );
}

/// examples/tillvaxtmotor.json is the TOML reference case as JSON, every
/// default written out. Regenerate with
/// `ANDEL_BLESS=1 cargo test -p andel reference_json`.
#[test]
fn reference_json_file_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/tillvaxtmotor.json"
    );
    let generated = Plan::from_toml(REFERENCE_PLAN).unwrap().to_json() + "\n";
    if std::env::var_os("ANDEL_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).expect("examples/tillvaxtmotor.json exists");
    assert_eq!(
        committed, generated,
        "examples/tillvaxtmotor.json is stale: regenerate it"
    );
    assert_eq!(
        Plan::from_json(super::REFERENCE_PLAN_JSON).unwrap(),
        Plan::from_toml(REFERENCE_PLAN).unwrap()
    );
}

#[test]
fn misspelt_field_is_refused_with_its_place() {
    let text = REFERENCE_PLAN.replace("participants", "partcipants");
    let err = Plan::from_toml(&text).unwrap_err();
    assert_eq!(err.code(), "unknown_field");
    let at = err.location().unwrap();
    assert!(at.line.is_some() && at.column.is_some(), "{err}");
    assert!(err.to_string().contains("partcipants"), "{err}");
}

#[test]
fn round_trips_through_toml_and_json() {
    let plan = Plan::reference();
    assert_eq!(Plan::from_toml(&plan.to_toml().unwrap()).unwrap(), plan);
    assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
}

#[test]
fn check_reports_every_problem_with_line_and_column() {
    let text = REFERENCE_PLAN
        .replace("\"hylte\", \"laholm\"]", "\"hylte\", \"nowhere\"]")
        .replace(
            "year = 2021\namount = \"400000\"",
            "year = 2031\namount = \"400000\"",
        );
    let problems = Plan::check(&text, Format::Toml);
    let codes: Vec<&str> = problems.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        ["unknown_member", "year_outside_horizon"],
        "{problems:?}"
    );
    for p in &problems {
        assert!(p.location().unwrap().line.is_some(), "{p}");
    }
    let at = problems[0].location().unwrap();
    let line = text.lines().nth(at.line.unwrap() as usize - 1).unwrap();
    assert!(
        line[at.column.unwrap() as usize - 1..].starts_with("\"nowhere\""),
        "{line}"
    );
}

#[test]
fn float_amounts_are_refused() {
    let text = REFERENCE_PLAN.replace("amount = \"900000\"", "amount = 900000.5");
    let err = Plan::from_toml(&text).unwrap_err();
    assert_eq!(err.code(), "plan_syntax");
    assert!(err.to_string().contains("float"), "{err}");
}

#[test]
fn missing_population_is_an_error_unless_carried_forward() {
    let text = REFERENCE_PLAN.replace("carry_forward = true", "carry_forward = false");
    let plan = Plan::from_toml(&text).unwrap();
    let err = plan.compute().unwrap_err();
    assert_eq!(err.code(), "missing_figure");
    assert!(err.to_string().contains("2020-12-31"), "{err}");
}

#[test]
fn explain_names_population_date_and_rounding() {
    let text = Plan::reference()
        .explain("halmstad", 2025)
        .unwrap()
        .to_string();
    assert!(text.contains("105796 at 2023-12-31"), "{text}");
    assert!(text.contains("rounding"), "{text}");
    let text = Plan::reference()
        .explain("bastad", 2025)
        .unwrap()
        .to_string();
    assert!(text.contains("carried forward"), "{text}");
}

#[test]
fn keys_without_fields_refuse_unknown_ones() {
    for key in [
        "{ type = \"equal\", metirc = \"x\" }",
        "{ type = \"per_capita\", metric = \"employees\" }",
    ] {
        let text = REFERENCE_PLAN.replace("key = { type = \"equal\" }", &format!("key = {key}"));
        assert_ne!(text, REFERENCE_PLAN);
        let err = Plan::from_toml(&text).unwrap_err();
        assert_eq!(err.code(), "unknown_field", "{key}: {err}");
    }
}

/// Keys are read by a hand-written `Deserialize` (document.rs); what it
/// refuses, and how.
#[test]
fn keys_that_cannot_be_read_are_refused_with_their_reason() {
    let with_key = |key: &str| {
        let text = REFERENCE_PLAN.replacen(
            "[[costs]]\nid = \"projektledning\"",
            &format!("[[costs]]\nkey = {key}\nid = \"projektledning\""),
            1,
        );
        assert_ne!(text, REFERENCE_PLAN, "the reference plan changed");
        Plan::from_toml(&text).unwrap_err()
    };
    for (key, code, says) in [
        (r#"{ typ = "equal" }"#, "missing_field", "type"),
        (
            r#"{ type = "evenly" }"#,
            "plan_syntax",
            "unknown variant `evenly`",
        ),
        (r#"{ type = 3 }"#, "plan_syntax", "`type` must be a string"),
        (r#"{ type = "equal", extra = 1 }"#, "unknown_field", "extra"),
        (r#"{ type = "metric" }"#, "missing_field", "metric"),
        (
            r#"{ type = "blend", parts = [{ weight = "x", key = { type = "equal" } }] }"#,
            "invalid_number",
            "x",
        ),
        (
            r#"{ type = "limited", key = { type = "nope" } }"#,
            "plan_syntax",
            "unknown variant `nope`",
        ),
    ] {
        let e = with_key(key);
        assert_eq!(e.code(), code, "{key}: {e}");
        assert!(e.to_string().contains(says), "{key}: {e}");
        assert_eq!(e.location().unwrap().path, "costs[0].key", "{key}: {e}");
    }
    let fine = REFERENCE_PLAN.replacen(
        "[[costs]]\nid = \"projektledning\"",
        "[[costs]]\nkey = { type = \"limited\", key = { type = \"equal\" }, max_share = \"0.5\" }\nid = \"projektledning\"",
        1,
    );
    let plan = Plan::from_toml(&fine).unwrap();
    assert_eq!(
        plan.costs[0].key,
        Some(Key::Limited {
            key: Box::new(Key::Equal {}),
            max_share: Some(Number::from("0.5".parse::<Decimal>().unwrap())),
            max_amount: Default::default(),
            min_amount: Default::default(),
        })
    );
}

/// Three members (3000, 2000, 1000 inhabitants) and the lines given.
fn three_members(years: u32, lines: &str) -> String {
    let mut text = format!("format = 1\nname = \"Refunds\"\nfirst_year = 2025\nyears = {years}\n");
    for (id, pop) in [("a", 3000), ("b", 2000), ("c", 1000)] {
        text += &format!(
            "\n[[members]]\nid = \"{id}\"\nname = \"{}\"\nmetrics.population = {{ \"2023-12-31\" = {pop}, \"2024-12-31\" = {pop} }}\n",
            id.to_uppercase()
        );
    }
    text + lines
}

#[test]
fn a_refund_is_shared_by_the_key_and_explained_as_one() {
    let text = three_members(
        1,
        "\n[[costs]]\nid = \"pm\"\nname = \"Project\"\namount = \"1000\"\nyear = 2025\n\
         \n[[costs]]\nid = \"back\"\nname = \"Surplus of 2024\"\namount = \"-100\"\nyear = 2025\n",
    );
    let plan = Plan::from_toml(&text).unwrap();
    let result = plan.compute().unwrap();
    let y = &result.years[0];
    assert_eq!(y.net, Decimal::from(900));
    let parts: Vec<(Decimal, Decimal)> = y
        .members
        .iter()
        .map(|m| (m.lines[0].amount, m.lines[1].amount))
        .collect();
    // 1000 and -100 by 3 : 2 : 1; 333.33 and -33.33 round with the other
    // members' units so that every row and column adds up.
    let d = |n: i64| Decimal::from(n);
    assert_eq!(parts.iter().map(|p| p.1).sum::<Decimal>(), d(-100));
    assert_eq!(
        y.members.iter().map(|m| m.contribution).collect::<Vec<_>>(),
        [d(450), d(300), d(150)]
    );
    assert_eq!(parts[0], (d(500), d(-50)));
    let text = plan.explain("b", 2025).unwrap().to_string();
    assert!(text.contains("a refund or credit of -100 SEK"), "{text}");
    assert!(text.contains("refunds and credits -100 included"), "{text}");
}

#[test]
fn a_refund_may_make_a_members_total_negative_but_not_the_years() {
    let group = "\n[[costs]]\nid = \"pm\"\nname = \"Project\"\namount = \"3000\"\nyear = 2025\n\
                 \n[[costs]]\nid = \"back\"\nname = \"Back\"\namount = \"-2000\"\nyear = 2025\nparticipants = [\"c\"]\n";
    let result = Plan::from_toml(&three_members(1, group))
        .unwrap()
        .compute()
        .unwrap();
    let c = &result.years[0].members[2];
    assert_eq!(c.contribution, Decimal::from(-1500));
    let more = group.replace("\"-2000\"", "\"-3001\"");
    let err = Plan::from_toml(&three_members(1, &more))
        .unwrap()
        .compute()
        .unwrap_err();
    assert_eq!(err.code(), "negative_amount");
    assert_eq!(err.location().unwrap().path, "costs[1].amount");
    assert!(
        err.to_string().contains("the members' net in 2025"),
        "{err}"
    );
    // No other method apportions a negative total.
    let dhondt = three_members(1, group).replace("years = 1\n", "years = 1\nmethod = \"dhondt\"\n");
    let err = Plan::from_toml(&dhondt).unwrap().compute().unwrap_err();
    assert_eq!(err.code(), "invalid_plan");
    assert_eq!(err.location().unwrap().path, "method");
    assert!(err.to_string().contains("\"c\""), "{err}");
}

#[test]
fn a_refunds_outcome_is_a_refund_too() {
    let lines = "\n[[costs]]\nid = \"pm\"\nname = \"Project\"\namount = \"1200\"\nyear = 2025\n\
                 \n[[costs]]\nid = \"back\"\nname = \"Back\"\namount = \"-600\"\nyear = 2025\n";
    let with = |actual: &str| {
        three_members(1, lines)
            + &format!("\n[[outcome]]\nyear = 2025\ncosts = {{ back = \"{actual}\" }}\n")
    };
    let plan = Plan::from_toml(&with("-300")).unwrap();
    let result = plan.compute().unwrap();
    let settled = plan.settle(&result, 2025).unwrap();
    // 300 less came back: each member pays its share of 300 more.
    let extra: Vec<Decimal> = settled.members.iter().map(|m| m.settlement).collect();
    assert_eq!(
        extra,
        [Decimal::from(150), Decimal::from(100), Decimal::from(50)]
    );
    let err = Plan::from_toml(&with("5")).unwrap_err();
    assert_eq!(err.code(), "invalid_plan");
    assert_eq!(err.location().unwrap().path, "outcome[0].costs.back");
}
