// temporary probe, not committed
use andel::Plan;
use andel::plan::Format;
fn show(label: &str, text: &str, fmt: Format) {
    let r = match fmt {
        Format::Toml => Plan::from_toml(text),
        Format::Json => Plan::from_json(text),
    };
    match r {
        Err(e) => println!("{label}: ERR {} {:?} {}", e.code(), e.location(), e),
        Ok(p) => match p.compute() {
            Ok(res) => println!(
                "{label}: OK {:?} net {:?}",
                res.years
                    .iter()
                    .map(|y| y
                        .members
                        .iter()
                        .map(|m| m.contribution.to_string())
                        .collect::<Vec<_>>())
                    .collect::<Vec<_>>(),
                res.years
                    .iter()
                    .map(|y| y.net.to_string())
                    .collect::<Vec<_>>()
            ),
            Err(e) => println!(
                "{label}: COMPUTE ERR {} {:?} check={:?}",
                e.code(),
                e.location(),
                Plan::check(text, fmt)
                    .first()
                    .map(|e| e.location().cloned())
            ),
        },
    }
}
const BASE: &str = r#"format = 1
name = "x"
first_year = 2025
years = 1
UNIT
[[members]]
id = "a"
name = "A"
metrics.population = { "2023-12-31" = 2 }

[[members]]
id = "b"
name = "B"
metrics.population = { "2023-12-31" = 1 }

[[costs]]
id = "c0"
name = "C0"
amount = "10"
year = 2025

[[costs]]
id = "c1"
name = "C1"
year = 2025
EXTRA
"#;
#[test]
fn probe() {
    let t = |u: &str, e: &str| BASE.replace("UNIT", u).replace("EXTRA", e);
    show(
        "unit0.10",
        &t("unit = \"0.10\"", "amount = \"1.00\""),
        Format::Toml,
    );
    show(
        "unit0.01",
        &t("unit = \"0.01\"", "amount = \"1\""),
        Format::Toml,
    );
    show(
        "unit1.0",
        &t("unit = \"1.0\"", "amount = \"1\""),
        Format::Toml,
    );
    show(
        "unit1000",
        &t("unit = \"1000\"", "amount = \"1000\""),
        Format::Toml,
    );
    show("float", &t("", "amount = 0.5"), Format::Toml);
    show("missing", &t("", ""), Format::Toml);
    show(
        "unknown",
        &t("", "amount = \"1\"\npartcipants = [\"a\"]"),
        Format::Toml,
    );
    show(
        "unkmember",
        &t("", "amount = \"1\"\nparticipants = [\"a\", \"zz\"]"),
        Format::Toml,
    );
    show(
        "badjoin",
        &BASE
            .replace("UNIT", "")
            .replace("id = \"b\"", "id = \"b\"\njoins = \"2025-02-29\"")
            .replace("EXTRA", "amount = \"1\""),
        Format::Toml,
    );
    show(
        "nobody",
        &t(
            "",
            "amount = \"1\"\nkey = { type = \"weights\", weights = { a = 0 } }",
        ),
        Format::Toml,
    );
    show(
        "json-unknown",
        "{\n  \"format\": 1,\n  \"name\": \"x\",\n  \"first_year\": 2025,\n  \"years\": 1,\n  \"members\": [{\"id\": \"a\", \"name\": \"A\", \"paying\": true, \"colour\": 1}]\n}",
        Format::Json,
    );
}
