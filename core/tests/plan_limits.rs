//! The bounds on plan size (`andel::plan::limits` and the document size):
//! at each bound a plan is accepted, one past it refused with an error that
//! names the bound and the place. And documents nested far deeper than any
//! plan is refused as bad syntax, not by exhausting the stack.
//!
//! The large inputs are generated here, never committed.

use andel::plan::{BlendPart, CostLine, Format, Key, MAX_DOCUMENT_BYTES, Member, Plan, limits};
use andel::{Decimal, Error};

/// A small plan that computes: two members, one cost line.
const BASE: &str = r#"
format = 1
name = "Limits"
first_year = 2025
years = 1

[[members]]
id = "a"
name = "A"
metrics.population = { "2023-12-31" = 3000 }

[[members]]
id = "b"
name = "B"
metrics.population = { "2023-12-31" = 2000 }

[[costs]]
id = "pm"
name = "Pm"
amount = "1000"
year = 2025
"#;

fn base() -> Plan {
    Plan::from_toml(BASE).expect("the base plan is valid")
}

/// The error `validate` gives, with its code, path and message.
fn refused(plan: &Plan) -> (String, String, String) {
    let e = plan.validate().expect_err("the plan must be refused");
    described(&e)
}

fn described(e: &Error) -> (String, String, String) {
    let path = e.location().map(|l| l.path.clone()).unwrap_or_default();
    (e.code().to_string(), path, e.to_string())
}

/// Replaces the plan's members with `n` copies of its first one (ids `m0`,
/// `m1`, …), and returns that member.
fn with_members(plan: &mut Plan, n: usize) -> Member {
    let member = plan.members[0].clone();
    plan.members = (0..n)
        .map(|i| {
            let mut m = member.clone();
            m.id = format!("m{i}");
            m
        })
        .collect();
    member
}

fn accepted(plan: &Plan) {
    if let Err(e) = plan.validate() {
        panic!("the plan must be accepted: {e}");
    }
}

#[test]
fn members_up_to_the_bound() {
    let mut plan = base();
    let member = with_members(&mut plan, limits::MEMBERS);
    accepted(&plan);
    let mut extra = member;
    extra.id = "one-too-many".into();
    plan.members.push(extra);
    let (code, path, message) = refused(&plan);
    assert_eq!((code.as_str(), path.as_str()), ("invalid_plan", "members"));
    assert!(
        message.contains("100000") && message.contains("100001"),
        "{message}"
    );
}

#[test]
fn members_over_the_bound_in_text_are_refused_at_their_line() {
    let members: Vec<String> = (0..=limits::MEMBERS)
        .map(|i| format!(r#"{{"id": "m{i}", "name": "M"}}"#))
        .collect();
    let text = format!(
        "{{\"format\": 1, \"name\": \"x\", \"first_year\": 2025, \"years\": 1,\n\"members\": [{}]}}",
        members.join(",")
    );
    let e = Plan::from_json(&text).expect_err("one member too many");
    let (code, path, _) = described(&e);
    assert_eq!((code.as_str(), path.as_str()), ("invalid_plan", "members"));
    assert_eq!(e.location().and_then(|l| l.line), Some(2));
}

#[test]
fn no_members_is_refused() {
    let mut plan = base();
    plan.members.clear();
    assert_eq!(refused(&plan).1, "members");
}

#[test]
fn years_up_to_the_bound() {
    let mut plan = base();
    plan.years = limits::YEARS;
    accepted(&plan);
    plan.years = limits::YEARS + 1;
    let (code, path, message) = refused(&plan);
    assert_eq!((code.as_str(), path.as_str()), ("invalid_plan", "years"));
    assert!(message.contains("from 1 to 100, not 101"), "{message}");
    plan.years = 0;
    assert_eq!(refused(&plan).1, "years");
}

#[test]
fn cost_lines_up_to_the_bound() {
    let mut plan = base();
    let line = plan.costs[0].clone();
    let numbered = |i: usize| CostLine {
        id: format!("l{i}"),
        ..line.clone()
    };
    plan.costs = (0..limits::COST_LINES).map(numbered).collect();
    accepted(&plan);
    plan.costs.push(numbered(limits::COST_LINES));
    let (code, path, message) = refused(&plan);
    assert_eq!((code.as_str(), path.as_str()), ("invalid_plan", "costs"));
    assert!(
        message.contains("1000") && message.contains("1001"),
        "{message}"
    );
}

/// Every id and name field, set on a plan by `put`, and its path.
#[allow(clippy::type_complexity)]
fn text_fields() -> Vec<(&'static str, Box<dyn Fn(&mut Plan, String)>)> {
    vec![
        ("name", Box::new(|p, t| p.name = t)),
        ("members[1].id", Box::new(|p, t| p.members[1].id = t)),
        ("members[0].name", Box::new(|p, t| p.members[0].name = t)),
        ("costs[0].id", Box::new(|p, t| p.costs[0].id = t)),
        ("costs[0].name", Box::new(|p, t| p.costs[0].name = t)),
        ("funding[0].id", Box::new(|p, t| p.funding[0].id = t)),
        ("funding[0].name", Box::new(|p, t| p.funding[0].name = t)),
        ("milestones[0].id", Box::new(|p, t| p.milestones[0].id = t)),
        (
            "milestones[0].name",
            Box::new(|p, t| p.milestones[0].name = t),
        ),
    ]
}

#[test]
fn ids_and_names_up_to_the_bound() {
    let with_sections = format!(
        "{BASE}\n[[funding]]\nid = \"f\"\nname = \"F\"\nyear = 2025\namount = \"100\"\n\n\
         [[milestones]]\nid = \"d\"\nname = \"D\"\ndate = \"04-30\"\ndue = \"the budget\"\n"
    );
    let base = Plan::from_toml(&with_sections).expect("valid");
    // Bytes of UTF-8, not characters: "å" is two bytes.
    let at_bound = "å".repeat(limits::TEXT / 2);
    assert_eq!(at_bound.len(), limits::TEXT);
    let past = format!("{at_bound}x");
    for (path, put) in text_fields() {
        let mut plan = base.clone();
        put(&mut plan, at_bound.clone());
        accepted(&plan);
        put(&mut plan, past.clone());
        let (code, at, message) = refused(&plan);
        assert_eq!((code.as_str(), at.as_str()), ("invalid_plan", path));
        assert!(
            message.contains("201 bytes") && message.contains("200"),
            "{message}"
        );
    }
}

/// `depth` keys, each the only part of a blend in the one above, the
/// innermost `equal`: the outermost is at depth 1.
fn blends(depth: usize) -> Key {
    (1..depth).fold(Key::Equal {}, |inner, _| Key::Blend {
        parts: vec![BlendPart {
            weight: Decimal::ONE.into(),
            key: inner,
        }],
    })
}

/// The path of the key at `depth` in a chain of blends starting at `at`.
fn blend_path(at: &str, depth: usize) -> String {
    format!("{at}{}", ".parts[0].key".repeat(depth - 1))
}

#[test]
fn keys_nested_up_to_the_bound() {
    for at in ["key", "costs[0].key"] {
        let mut plan = base();
        let put = |plan: &mut Plan, key: Key| match at {
            "key" => plan.key = key,
            _ => plan.costs[0].key = Some(key),
        };
        put(&mut plan, blends(limits::KEY_DEPTH));
        accepted(&plan);
        plan.compute().expect("a plan with keys 8 deep computes");
        put(&mut plan, blends(limits::KEY_DEPTH + 1));
        let (code, path, message) = refused(&plan);
        assert_eq!(code, "invalid_key");
        // Refused at the key one past the bound, the 9th.
        assert_eq!(path, blend_path(at, limits::KEY_DEPTH + 1));
        assert!(
            message.contains("at depth 9") && message.contains("at most 8"),
            "{message}"
        );
    }
}

#[test]
fn every_kind_of_nesting_counts_toward_the_depth() {
    // rest of fixed shares, rest of fixed amounts, the key a limit limits,
    // a blend's part: in turn, down to the depth given.
    let nest = |depth: usize| {
        (1..depth).fold(Key::PerCapita {}, |inner, level| match level % 4 {
            0 => Key::FixedShares {
                shares: Default::default(),
                rest: Box::new(inner),
            },
            1 => Key::FixedAmounts {
                amounts: Default::default(),
                rest: Box::new(inner),
            },
            2 => Key::Limited {
                key: Box::new(inner),
                max_share: None,
                max_amount: Default::default(),
                min_amount: Default::default(),
            },
            _ => Key::Blend {
                parts: vec![BlendPart {
                    weight: Decimal::ONE.into(),
                    key: inner,
                }],
            },
        })
    };
    let mut plan = base();
    plan.key = nest(limits::KEY_DEPTH);
    accepted(&plan);
    plan.key = nest(limits::KEY_DEPTH + 1);
    let (code, path, _) = refused(&plan);
    assert_eq!(code, "invalid_key");
    // Outermost first: level 8 is fixed shares (rest), 7 a blend, 6 a
    // limit (key), 5 fixed amounts (rest), …
    let steps = [".rest", ".parts[0].key", ".key", ".rest"];
    let expected: String = (0..limits::KEY_DEPTH).map(|i| steps[i % 4]).collect();
    assert_eq!(path, format!("key{expected}"));
}

/// The plan's text with a blend chain `depth` keys deep on its cost line.
fn nested_text(depth: usize, format: Format) -> String {
    let mut plan = base();
    plan.costs[0].key = Some(blends(depth));
    match format {
        Format::Toml => plan.to_toml().expect("to TOML"),
        Format::Json => plan.to_json(),
    }
}

#[test]
fn keys_nested_in_text_up_to_the_bound() {
    for format in [Format::Toml, Format::Json] {
        let text = nested_text(limits::KEY_DEPTH, format);
        let plan = Plan::read(&text, format).expect("8 deep is accepted");
        plan.compute().expect("and computes");
        let text = nested_text(limits::KEY_DEPTH + 1, format);
        let e = Plan::read(&text, format).expect_err("9 deep is refused");
        let (code, path, _) = described(&e);
        assert_eq!(code, "invalid_key", "{format:?}");
        assert_eq!(path, blend_path("costs[0].key", limits::KEY_DEPTH + 1));
        assert!(e.location().and_then(|l| l.line).is_some(), "{format:?}");
    }
}

/// `text` followed by `pad` (a comment or whitespace) up to `bytes` bytes.
fn padded(text: &str, pad: char, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes);
    out.push_str(text);
    out.extend(std::iter::repeat_n(pad, bytes - text.len()));
    out
}

#[test]
fn documents_up_to_16_mib() {
    let toml = format!("{BASE}# ");
    let json = base().to_json();
    for (text, format, pad) in [(toml, Format::Toml, 'x'), (json, Format::Json, ' ')] {
        let at_bound = padded(&text, pad, MAX_DOCUMENT_BYTES);
        Plan::read(&at_bound, format).expect("a document of 16 MiB is read");
        let past = padded(&text, pad, MAX_DOCUMENT_BYTES + 1);
        let e = Plan::read(&past, format).expect_err("one byte more is refused");
        let (code, _, message) = described(&e);
        assert_eq!(code, "invalid_plan");
        assert!(
            message.contains("16777217 bytes") && message.contains("16777216 (16 MiB)"),
            "{message}"
        );
        // Checking every problem refuses it the same way.
        assert_eq!(Plan::check(&past, format)[0].code(), "invalid_plan");
    }
}

/// Documents nested 100 000 deep, in every place the readers recurse: each
/// is refused as `plan_syntax` on the test's own (2 MiB) thread, where a
/// reader that recursed once per level would overflow the stack.
#[test]
fn documents_nested_100_000_deep_are_syntax_errors() {
    const N: usize = 100_000;
    let open = |s: &str| s.repeat(N);
    let cases = [
        (
            "TOML arrays",
            Format::Toml,
            format!("format = 1\nname = {}{}\n", open("["), open("]")),
        ),
        (
            "TOML inline tables",
            Format::Toml,
            format!("format = 1\nname = {}1{}\n", open("{ a = "), open(" }")),
        ),
        (
            "TOML dotted keys",
            Format::Toml,
            format!("format = 1\nname = \"x\"\nk{} = 1\n", open(".a")),
        ),
        (
            "TOML table header",
            Format::Toml,
            format!("format = 1\nname = \"x\"\n[k{}]\n", open(".a")),
        ),
        (
            "TOML arrays in a key",
            Format::Toml,
            format!(
                "format = 1\nname = \"x\"\nkey = {{ type = \"equal\", x = {}{} }}\n",
                open("["),
                open("]")
            ),
        ),
        (
            "TOML unclosed arrays",
            Format::Toml,
            format!("format = 1\nname = {}", open("[")),
        ),
        (
            "JSON arrays",
            Format::Json,
            format!("{}{}", open("["), open("]")),
        ),
        (
            "JSON arrays in a field",
            Format::Json,
            format!("{{\"format\": 1, \"name\": {}{}}}", open("["), open("]")),
        ),
        (
            "JSON objects in a field",
            Format::Json,
            format!(
                "{{\"format\": 1, \"name\": {}1{}}}",
                open("{\"a\": "),
                open("}")
            ),
        ),
        (
            "JSON arrays in a key",
            Format::Json,
            format!(
                "{{\"format\": 1, \"key\": {{\"type\": \"equal\", \"x\": {}{}}}}}",
                open("["),
                open("]")
            ),
        ),
        (
            "JSON unclosed arrays in a key",
            Format::Json,
            format!(
                "{{\"format\": 1, \"key\": {{\"type\": \"equal\", \"x\": {}",
                open("[")
            ),
        ),
    ];
    for (what, format, text) in cases {
        let e = Plan::read(&text, format).expect_err(what);
        assert_eq!(e.code(), "plan_syntax", "{what}: {e}");
        let all = Plan::check(&text, format);
        assert_eq!(all.len(), 1, "{what}");
        assert_eq!(all[0].code(), "plan_syntax", "{what}");
    }
}

/// A blend chain nested as deep as the readers allow is refused by the
/// key bound or by the reader, never by the stack.
#[test]
fn blends_nested_100_000_deep_are_refused() {
    const N: usize = 100_000;
    let json = format!(
        "{{\"format\": 1, \"name\": \"x\", \"first_year\": 2025, \"years\": 1, \"members\": [], \"key\": {}{{\"type\": \"equal\"}}{}}}",
        "{\"type\": \"blend\", \"parts\": [{\"weight\": \"1\", \"key\": ".repeat(N),
        "}]}".repeat(N)
    );
    let toml = format!(
        "format = 1\nname = \"x\"\nkey = {}{{ type = \"equal\" }}{}\n",
        "{ type = \"blend\", parts = [{ weight = \"1\", key = ".repeat(N),
        " }] }".repeat(N)
    );
    // Over 16 MiB at 100 000 levels: cut to what fits.
    for (text, format) in [(json, Format::Json), (toml, Format::Toml)] {
        let text = if text.len() > MAX_DOCUMENT_BYTES {
            text[..MAX_DOCUMENT_BYTES].to_string()
        } else {
            text
        };
        let e = Plan::read(&text, format).expect_err("refused");
        assert_eq!(e.code(), "plan_syntax", "{format:?}: {e}");
    }
}

/// Every member's in-kind value is the sum of its own entries, in a plan
/// with many members and several entries each (the entries are grouped by
/// member once a year rather than scanned for every member).
#[test]
fn in_kind_values_of_many_members() {
    use std::fmt::Write;
    let members = 300;
    let mut text = String::from(
        "format = 1\nname = \"In kind\"\nfirst_year = 2025\nyears = 3\n\
         [population]\ncarry_forward = true\n",
    );
    for m in 0..members {
        let _ = write!(
            text,
            "[[members]]\nid = \"m{m}\"\nname = \"M{m}\"\n\
             metrics.population = {{ \"2023-12-31\" = {} }}\n",
            1000 + m
        );
    }
    text.push_str("[[costs]]\nid = \"pm\"\nname = \"Pm\"\namount = \"900000\"\nfrom = 2025\n");
    // Member m gives m kronor every year, and 7 more in 2026 (hours × rate)
    // when m is even; members divisible by 5 give nothing.
    for m in (0..members).filter(|m| m % 5 != 0) {
        let _ = write!(text, "[[in_kind]]\nmember = \"m{m}\"\namount = \"{m}\"\n");
        if m % 2 == 0 {
            let _ = write!(
                text,
                "[[in_kind]]\nmember = \"m{m}\"\nyear = 2026\nhours = 2\nrate = \"3.5\"\n"
            );
        }
    }
    let result = Plan::from_toml(&text)
        .expect("valid")
        .compute()
        .expect("computes");
    for y in &result.years {
        for (m, row) in y.members.iter().enumerate() {
            let mut expected = if m % 5 == 0 { 0 } else { m as i64 };
            if m % 5 != 0 && m % 2 == 0 && y.year == 2026 {
                expected += 7;
            }
            assert_eq!(
                row.in_kind,
                Decimal::from(expected),
                "{} in {}",
                row.id,
                y.year
            );
        }
    }
}

/// `check` reports every problem; the first 100 with their line and
/// column, the others with their path only (finding a line costs a pass
/// over the text, and a document can hold a million problems).
#[test]
fn check_reports_every_problem_and_locates_the_first_100() {
    for format in [Format::Toml, Format::Json] {
        let mut plan = base();
        let outcome: andel::cycle::Outcome =
            serde_json::from_str(r#"{"year": 2025}"#).expect("an outcome");
        plan.outcome = vec![outcome; 2_000];
        let text = match format {
            Format::Toml => plan.to_toml().expect("TOML"),
            Format::Json => plan.to_json(),
        };
        let problems = Plan::check(&text, format);
        // Every outcome after the first repeats its year.
        assert_eq!(problems.len(), 1_999, "{format:?}");
        for (i, e) in problems.iter().enumerate() {
            assert_eq!(e.code(), "duplicate_id");
            let at = e.location().expect("a place");
            assert_eq!(at.path, format!("outcome[{}].year", i + 1));
            assert_eq!(at.line.is_some(), i < 100, "{format:?} problem {i}");
        }
    }
}

/// The checks that now use sets: a repeated milestone id, and outcomes
/// naming lines and funding the plan has or does not have.
#[test]
fn repeated_milestones_and_unknown_outcome_entries() {
    let text = format!(
        "{BASE}\n[[funding]]\nid = \"f\"\nname = \"F\"\nyear = 2025\namount = \"100\"\n\
         [[milestones]]\nid = \"d\"\nname = \"D\"\ndate = \"04-30\"\ndue = \"x\"\n\
         [[milestones]]\nid = \"e\"\nname = \"E\"\ndate = \"05-30\"\ndue = \"x\"\n\
         [[milestones]]\nid = \"d\"\nname = \"D2\"\ndate = \"06-30\"\ndue = \"x\"\n\
         [[outcome]]\nyear = 2025\ncosts = {{ pm = \"900\", nope = \"1\" }}\n\
         funding = {{ f = \"100\", g = \"1\" }}\n"
    );
    let found: Vec<(String, String)> = Plan::check(&text, Format::Toml)
        .iter()
        .map(|e| {
            let (code, path, _) = described(e);
            (code, path)
        })
        .collect();
    let expected = [
        ("duplicate_id", "milestones[2].id"),
        ("unknown_line", "outcome[0].costs.nope"),
        ("unknown_funding", "outcome[0].funding.g"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn figures_up_to_the_bound() {
    // 100 000 members × 100 years × (2 lines + 1) = 30 000 000 figures.
    let mut plan = base();
    plan.years = limits::YEARS;
    with_members(&mut plan, limits::MEMBERS);
    let mut line = plan.costs[0].clone();
    line.id = "second".into();
    plan.costs.push(line.clone());
    assert_eq!(
        (plan.members.len() * plan.years as usize * (plan.costs.len() + 1)) as u64,
        limits::FIGURES
    );
    accepted(&plan);
    line.id = "third".into();
    plan.costs.push(line);
    let (code, path, message) = refused(&plan);
    assert_eq!((code.as_str(), path.as_str()), ("invalid_plan", ""));
    assert!(
        message.contains("30000000") && message.contains("40000000"),
        "{message}"
    );
}
