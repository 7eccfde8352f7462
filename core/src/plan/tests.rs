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

/// A file generated from the code, kept in the repository: fails when
/// `generated` differs from `relative` (from the workspace root), and
/// rewrites it instead when `ANDEL_BLESS` is set.
pub(crate) fn pinned(relative: &str, generated: &str) {
    let path = format!("{}/../{relative}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("ANDEL_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is stale: regenerate it with ANDEL_BLESS=1"
    );
}

/// docs/plan.schema.json is generated from the types; this keeps it current.
/// Regenerate with `ANDEL_BLESS=1 cargo test -p andel schema_file`.
#[test]
fn schema_file_is_current() {
    pinned("docs/plan.schema.json", &(Plan::json_schema() + "\n"));
}

/// examples/tillvaxtmotor.json is the TOML reference case as JSON, every
/// default written out. Regenerate with
/// `ANDEL_BLESS=1 cargo test -p andel reference_json`.
#[test]
fn reference_json_file_is_current() {
    let generated = Plan::from_toml(REFERENCE_PLAN).unwrap().to_json() + "\n";
    pinned("examples/tillvaxtmotor.json", &generated);
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
    for (key, code, says, path) in [
        (
            r#"{ typ = "equal" }"#,
            "unknown_field",
            "unknown field \"typ\"",
            "costs[0].key.typ",
        ),
        (
            r#"{ metric = "x" }"#,
            "missing_field",
            "type",
            "costs[0].key",
        ),
        (
            r#"{ type = "evenly" }"#,
            "plan_syntax",
            "unknown variant `evenly`",
            "costs[0].key.type",
        ),
        (
            r#"{ type = 3 }"#,
            "plan_syntax",
            "`type` must be a string",
            "costs[0].key.type",
        ),
        (
            r#"{ type = "equal", extra = 1 }"#,
            "unknown_field",
            "extra",
            "costs[0].key.extra",
        ),
        (
            r#"{ type = "equal", fee = 1 }"#,
            "unknown_field",
            "fee",
            "costs[0].key.fee",
        ),
        (
            r#"{ type = "metric" }"#,
            "missing_field",
            "metric",
            "costs[0].key",
        ),
        (
            r#"{ type = "blend", parts = [{ weight = "x", key = { type = "equal" } }] }"#,
            "invalid_number",
            "x",
            "costs[0].key.parts[0].weight",
        ),
        (
            r#"{ type = "blend", parts = [{ weight = "1", key = { type = "equal" } }, { weight = "0", kye = 1 }] }"#,
            "unknown_field",
            "kye",
            "costs[0].key.parts[1].kye",
        ),
        (
            r#"{ type = "blend", parts = [{ weight = "1", key = { type = "equal" } }, { weight = "0" }] }"#,
            "missing_field",
            "key",
            "costs[0].key.parts[1]",
        ),
        (
            r#"{ type = "blend", parts = [{ weight = "1", key = { type = "equal", metric = "x" } }] }"#,
            "unknown_field",
            "metric",
            "costs[0].key.parts[0].key.metric",
        ),
        (
            r#"{ type = "limited", key = { type = "nope" } }"#,
            "plan_syntax",
            "unknown variant `nope`",
            "costs[0].key.key.type",
        ),
        (
            r#"{ type = "fixed_shares", shares = { a = "x" }, rest = { type = "equal" } }"#,
            "invalid_number",
            "x",
            "costs[0].key.shares.a",
        ),
    ] {
        let e = with_key(key);
        assert_eq!(e.code(), code, "{key}: {e}");
        assert!(e.to_string().contains(says), "{key}: {e}");
        assert_eq!(e.location().unwrap().path, path, "{key}: {e}");
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

/// An error inside a key is placed at the field that has it, not at the
/// key's `[key]` header or its `key =` line (issue 12).
#[test]
fn errors_inside_keys_are_placed_at_their_own_line() {
    let top = "format = 1\nname = \"x\"\nfirst_year = 2025\nyears = 1\n\n[[members]]\nid = \"a\"\nname = \"A\"\n\n";
    let line = "\n[[costs]]\nid = \"pm\"\nname = \"PM\"\namount = \"10\"\nyear = 2025\n";
    let place = |text: &str, format| {
        let e = Plan::read(text, format).unwrap_err();
        let at = e.location().unwrap().clone();
        (e.code(), at.path, at.line, at.column)
    };
    let text = format!("{top}[key]\ntyp = \"per_capita\"\n{line}");
    assert_eq!(
        place(&text, Format::Toml),
        ("unknown_field", "key.typ".to_string(), Some(11), Some(1))
    );
    let text = format!("{top}[key]\ntype = \"equal\"\nmetirc = \"x\"\n{line}");
    assert_eq!(
        place(&text, Format::Toml),
        ("unknown_field", "key.metirc".to_string(), Some(12), Some(1))
    );
    let text = format!(
        "{top}{line}\n[costs.key]\ntype = \"blend\"\nparts = [\n  {{ weight = \"1\", key = {{ type = \"equal\" }} }},\n  {{ weight = \"0\", key = {{ type = \"per_capita\", fee = \"1\" }} }},\n]\n"
    );
    assert_eq!(
        place(&text, Format::Toml),
        (
            "unknown_field",
            "costs[0].key.parts[1].key.fee".to_string(),
            Some(21),
            Some(48)
        )
    );
    let text = format!(
        "{top}{line}\n[costs.key]\ntype = \"blend\"\nparts = [\n  {{ weight = \"1\", key = {{ type = \"equal\" }} }},\n  {{ weight = \"0.5x\", key = {{ type = \"equal\" }} }},\n]\n"
    );
    assert_eq!(
        place(&text, Format::Toml),
        (
            "invalid_number",
            "costs[0].key.parts[1].weight".to_string(),
            Some(21),
            Some(14)
        )
    );
    let json = "{\"format\": 1, \"name\": \"x\", \"first_year\": 2025, \"years\": 1,\n \"members\": [{\"id\": \"a\", \"name\": \"A\"}],\n \"key\": {\"type\": \"blend\", \"parts\": [\n  {\"weight\": \"1\", \"key\": {\"type\": \"equal\"}},\n  {\"weight\": \"0\", \"kee\": {\"type\": \"equal\"}}]}}\n";
    assert_eq!(
        place(json, Format::Json),
        (
            "unknown_field",
            "key.parts[1].kee".to_string(),
            Some(5),
            Some(19)
        )
    );
}

/// A key read by another deserializer, whose `type` may come after the
/// other fields, is gathered first and still read (and refused) the same.
#[test]
fn keys_read_by_other_deserializers_with_type_last() {
    let key: Key = serde_json::from_str(
        r#"{"parts": [{"weight": "1", "key": {"metric": "jobs", "type": "metric"}}], "type": "blend"}"#,
    )
    .unwrap();
    assert_eq!(
        key,
        Key::Blend {
            parts: vec![BlendPart {
                weight: Number::from(Decimal::ONE),
                key: Key::Metric {
                    metric: "jobs".into()
                },
            }]
        }
    );
    for (text, says) in [
        (r#"{"fee": "1", "type": "equal"}"#, "unknown field `fee`"),
        (r#"{"typ": "equal"}"#, "unknown field `typ`"),
        (r#"{"metric": "x"}"#, "missing field `type`"),
        (
            r#"{"metric": "x", "type": "nope"}"#,
            "unknown variant `nope`",
        ),
    ] {
        let e = serde_json::from_str::<Key>(text).unwrap_err().to_string();
        assert!(e.contains(says), "{text}: {e}");
    }
}

/// Every field of an in-kind entry is checked as a cost line's is, each
/// error at the field that has it (issue 12).
#[test]
fn in_kind_entries_are_validated_like_cost_lines() {
    let top = "format = 1\nname = \"x\"\nfirst_year = 2025\nyears = 2\n\n[[members]]\nid = \"a\"\nname = \"A\"\nmetrics.population = { \"2023-12-31\" = 10, \"2024-12-31\" = 10 }\n\n[[members]]\nid = \"u\"\nname = \"U\"\npaying = false\n\n[[costs]]\nid = \"pm\"\nname = \"PM\"\namount = \"10\"\nfrom = 2025\n\n[[in_kind]]\nmember = \"u\"\n";
    // The entry's fields start on line 23 (`member`); `body` follows it.
    for (body, code, path, line) in [
        ("amount = \"-1\"\n", "negative_amount", "amount", 24),
        ("amount = \"0.5\"\n", "not_multiple_of_unit", "amount", 24),
        ("amount = \"abc\"\n", "invalid_number", "amount", 24),
        ("amount = 0.5\n", "plan_syntax", "amount", 24),
        ("amont = \"1\"\n", "unknown_field", "amont", 24),
        ("hours = \"10\"\n", "missing_field", "", 22),
        (
            "hours = \"-1\"\nrate = \"3\"\n",
            "negative_amount",
            "hours",
            24,
        ),
        (
            "hours = \"1\"\nrate = \"-3\"\n",
            "negative_amount",
            "rate",
            25,
        ),
        (
            "hours = \"10.5\"\nrate = \"3\"\n",
            "not_multiple_of_unit",
            "rate",
            25,
        ),
        (
            "hours = \"1e27\"\nrate = \"1e27\"\n",
            "overflow",
            "rate",
            25,
        ),
        ("amount = \"1\"\nrate = \"3\"\n", "invalid_plan", "rate", 25),
        (
            "amount = \"1\"\nhours = \"3\"\nrate = \"3\"\n",
            "invalid_plan",
            "hours",
            25,
        ),
        (
            "amount = \"1\"\nyear = 2024\n",
            "year_outside_horizon",
            "year",
            25,
        ),
        (
            "amount = \"1\"\nfrom = 2025\nto = 2027\n",
            "year_outside_horizon",
            "to",
            26,
        ),
        (
            "amount = \"1\"\nyear = 2025\nfrom = 2025\n",
            "invalid_plan",
            "from",
            26,
        ),
        (
            "amount = \"1\"\nyear = 2025\nto = 2026\n",
            "invalid_plan",
            "to",
            26,
        ),
        (
            "amount = \"1\"\nfrom = 2026\nto = 2025\n",
            "invalid_plan",
            "to",
            26,
        ),
        ("amount = \"1\"\nto = 2025\n", "invalid_plan", "to", 25),
    ] {
        let e = Plan::from_toml(&format!("{top}{body}")).unwrap_err();
        let at = e.location().unwrap();
        let want = if path.is_empty() {
            "in_kind[0]".to_string()
        } else {
            format!("in_kind[0].{path}")
        };
        assert_eq!(
            (e.code(), at.path.as_str(), at.line),
            (code, want.as_str(), Some(line)),
            "{body:?}: {e}"
        );
    }
    let e = Plan::from_toml(&top.replace("member = \"u\"", "member = \"z\"\namount = \"1\""))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.location().unwrap().path.as_str()),
        ("unknown_member", "in_kind[0].member")
    );
    // What the rules accept: a whole-unit value by amount or by hours ×
    // rate, in one year, from a year, or every year.
    for body in [
        "amount = \"100\"\n",
        "hours = \"10.5\"\nrate = \"2\"\nyear = 2026\n",
        "amount = \"0\"\nfrom = 2025\nto = 2025\n",
    ] {
        let plan = Plan::from_toml(&format!("{top}{body}")).unwrap();
        plan.compute().unwrap();
    }
    let plan = Plan::from_toml(&format!(
        "{top}hours = \"10.5\"\nrate = \"2\"\nyear = 2026\n"
    ))
    .unwrap();
    let got: Vec<Decimal> = plan
        .compute()
        .unwrap()
        .years
        .iter()
        .map(|y| y.members[1].in_kind)
        .collect();
    assert_eq!(got, [Decimal::ZERO, Decimal::from(21)]);
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

/// Banded fees (issue 12): a plan of three members whose `x` moves up a band
/// in 2026; `b` joins on 1 April 2025.
fn banded_plan(extra_line: &str) -> String {
    let member = |id: &str, extra: &str, p: (u32, u32)| {
        format!(
            "\n[[members]]\nid = \"{id}\"\nname = \"{}\"\n{extra}metrics.population = {{ \"2023-12-31\" = {}, \"2024-12-31\" = {} }}\n",
            id.to_uppercase(),
            p.0,
            p.1
        )
    };
    format!(
        "format = 1\nname = \"Bands\"\nfirst_year = 2025\nyears = 2\n\
         key = {{ type = \"banded\", bands = [{{ below = 15000, fee = \"20000\" }}, {{ below = 25000, fee = \"25000\" }}, {{ fee = \"30000\" }}] }}\n{}{}{}\
         \n[[costs]]\nid = \"fee\"\nname = \"Member fee\"\nfrom = 2025\n{extra_line}",
        member("a", "", (10000, 10000)),
        member("b", "joins = \"2025-04-01\"\n", (20000, 20000)),
        member("x", "", (14999, 15000)),
    )
}

#[test]
fn a_banded_fee_is_explained_per_member_with_its_band_and_pro_rata() {
    use crate::text::Lang;
    let plan = Plan::from_toml(&banded_plan("")).unwrap();
    let result = plan.compute().unwrap();
    let en = plan
        .explain_result_in(&result, "b", 2025, Lang::En)
        .unwrap()
        .to_string();
    assert!(
        en.contains("Band of line \"fee\": the population 20000 at 2023-12-31 is in the band 15000 to under 25000 inhabitants, fee 25000 SEK a year; member for 275 of 365 days, so the fee counts 275/365 of it: 1375000/73"),
        "{en}"
    );
    let sv = plan
        .explain_result_in(&result, "x", 2026, Lang::Sv)
        .unwrap()
        .to_string();
    assert!(sv.contains("Avgiftsklass för rad \"fee\""), "{sv}");
    assert!(sv.contains(" till under 25"), "{sv}");
    assert!(sv.contains(" invånare, avgift 25"), "{sv}");
    assert!(
        !sv.contains("medlem 2"),
        "a whole year has no pro rata: {sv}"
    );
    // The key itself, in the line's sentence.
    assert!(en.contains("a fixed fee by population band (under 15000: 20000; 15000 to under 25000: 25000; 25000 and more: 30000)"), "{en}");
}

#[test]
fn why_changed_names_a_band_change() {
    let plan = Plan::from_toml(&banded_plan("")).unwrap();
    let result = plan.compute().unwrap();
    let why = plan.why_changed(&result, "x", 2026).unwrap();
    assert_eq!(why.change, Decimal::from(5000));
    let kinds: Vec<_> = why.causes.iter().map(|c| c.kind).collect();
    let names = serde_json::to_value(&kinds).unwrap();
    assert_eq!(names, serde_json::json!(["band"]), "{why}");
    assert!(why.to_string().contains("another population band"), "{why}");
    // a stays in its band and pays its fee both years: no cause.
    let why = plan.why_changed(&result, "a", 2026).unwrap();
    assert!(why.causes.is_empty(), "{why}");
}

#[test]
fn a_banded_fee_has_no_settled_cost() {
    let text = banded_plan("") + "\n[[outcome]]\nyear = 2025\ncosts = { fee = \"1\" }\n";
    let err = Plan::from_toml(&text).unwrap_err();
    assert_eq!(err.code(), "invalid_plan");
    assert_eq!(err.location().unwrap().path, "outcome[0].costs.fee");
}

#[test]
fn a_banded_fee_by_a_carried_figure_says_so() {
    let text = banded_plan("")
        .replace(
            "years = 2\n",
            "years = 2\npopulation = { carry_forward = true }\n",
        )
        .replace(", \"2024-12-31\" = 15000", "");
    let plan = Plan::from_toml(&text).unwrap();
    let en = plan.explain("x", 2026).unwrap().to_string();
    assert!(
        en.contains("the population 14999 (the figure of 2023-12-31, carried forward) at 2024-12-31 is in the band under 15000 inhabitants, fee 20000 SEK a year."),
        "{en}"
    );
}

#[test]
fn csv_shows_the_population_each_year_used_and_none_for_a_member_without() {
    let result = Plan::reference().compute().unwrap();
    let csv = result.to_csv();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[..4], ["year", "member", "name", "population"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let members: Vec<_> = result.years.iter().flat_map(|y| &y.members).collect();
    assert_eq!(rows.len(), members.len());
    for (row, m) in rows.iter().zip(members) {
        assert_eq!(row[1], m.id);
        let want = m.population.map(|p| p.to_string()).unwrap_or_default();
        assert_eq!(row[3], want, "{row:?}");
    }
    // The reference case's first year uses 31 December 2019: Halmstad's
    // 102 767 (examples/tillvaxtmotor.toml), and the university has none.
    assert!(csv.contains("\n2021,halmstad,Halmstad,102767,"), "{csv}");
    assert!(csv.contains("\n2021,hh,Högskolan i Halmstad,,0,"), "{csv}");
}
