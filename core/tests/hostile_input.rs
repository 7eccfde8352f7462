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
