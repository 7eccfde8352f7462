//! The JSON Schema of what andel computes: the plan's result and the annual
//! cycle's outputs, as their JSON is written.
//!
//! Generated from the Rust types with schemars and pinned in
//! docs/output.schema.json by a test; scripts/gen-shapes writes the
//! TypeScript interfaces (wasm/js/results.d.ts) and Python's TypedDicts
//! (python/andel/_shapes.py) from that file, so each shape is written once.

use schemars::generate::SchemaSettings;

/// The JSON Schema (draft 2020-12) of every output andel writes as JSON:
/// [`PlanResult`](crate::PlanResult), [`Explanation`](crate::Explanation),
/// and the annual cycle's [`Calendar`](crate::cycle::Calendar),
/// [`Invoices`](crate::cycle::Invoices), [`Settlement`](crate::cycle::Settlement),
/// [`ScenarioDiff`](crate::cycle::ScenarioDiff) and
/// [`ChangeExplanation`](crate::cycle::ChangeExplanation). Each is a
/// definition under `$defs`, and the root is any one of them. Every field
/// is always present (`null` where absent); decimals and exact fractions
/// are strings told apart by `format` (`decimal`, `fraction`), dates are
/// `YYYY-MM-DD`.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(&andel::output_schema()).unwrap();
/// let result = &schema["$defs"]["PlanResult"];
/// assert_eq!(result["properties"]["total"]["format"], "decimal");
/// assert!(schema["$defs"]["Invoices"]["required"].as_array().unwrap().len() > 3);
/// ```
pub fn output_schema() -> String {
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let roots = [
        generator.subschema_for::<crate::PlanResult>(),
        generator.subschema_for::<crate::Explanation>(),
        generator.subschema_for::<crate::cycle::Calendar>(),
        generator.subschema_for::<crate::cycle::Invoices>(),
        generator.subschema_for::<crate::cycle::Settlement>(),
        generator.subschema_for::<crate::cycle::ScenarioDiff>(),
        generator.subschema_for::<crate::cycle::ChangeExplanation>(),
    ];
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "andel outputs",
        "description": "What andel computes, as its JSON: a plan's result, an explanation, and the annual cycle's calendar, invoices, settlement, comparison and changes.",
        "anyOf": roots,
        "$defs": generator.definitions(),
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::Plan;
    use crate::plan::tests::pinned;
    use rust_decimal::Decimal;

    /// docs/output.schema.json, from which scripts/gen-shapes writes the
    /// bindings' result types, is generated from the output types; this keeps
    /// it current. Regenerate with `ANDEL_BLESS=1 cargo test -p andel
    /// output_schema_file`, then run `scripts/gen-shapes`.
    #[test]
    fn output_schema_file_is_current() {
        pinned("docs/output.schema.json", &(crate::output_schema() + "\n"));
    }

    /// The output schema describes the JSON each output is written as: every
    /// property of every object is in the schema and required, and every
    /// decimal-format value reads as a decimal. Checked on the reference cycle
    /// plan's result, explanation, calendar, invoices, settlement, diff and
    /// changes.
    #[test]
    fn output_schema_matches_the_json() {
        let schema: serde_json::Value = serde_json::from_str(&crate::output_schema()).unwrap();
        let check = |name: &str, json: String| {
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            if let Err(e) = conforms(&schema, &schema["$defs"][name], &value, name) {
                panic!("{e}");
            }
        };
        let plan =
            Plan::from_toml(include_str!("../../../examples/tillvaxtmotor-cycle.toml")).unwrap();
        let result = plan.compute().unwrap();
        fn json<T: serde::Serialize>(value: &T) -> String {
            serde_json::to_string(value).unwrap()
        }
        check("PlanResult", result.to_json());
        check(
            "Explanation",
            json(&plan.explain("halmstad", 2022).unwrap()),
        );
        check("Calendar", json(&plan.calendar(&result).unwrap()));
        let settlement = plan.settle(&result, 2021).unwrap();
        check("Settlement", json(&settlement));
        check(
            "Invoices",
            json(&plan.invoices(&result, 2022, Some(&settlement)).unwrap()),
        );
        check(
            "ScenarioDiff",
            json(&crate::cycle::diff(&result, &result).unwrap()),
        );
        for change in plan.why(&result, None, None).unwrap() {
            check("ChangeExplanation", json(&change));
        }

        // And the checker can fail: a missing property, a float, a bad decimal.
        let root = &schema["$defs"]["PlanResult"];
        let good: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
        let mut broken = good.clone();
        broken["years"][0]["members"][0]
            .as_object_mut()
            .unwrap()
            .remove("population");
        assert!(conforms(&schema, root, &broken, "$").is_err());
        let mut broken = good.clone();
        broken["years"][0]["net"] = serde_json::json!(1.5);
        assert!(conforms(&schema, root, &broken, "$").is_err());
        let mut broken = good;
        broken["total"] = serde_json::json!("1,5");
        assert!(conforms(&schema, root, &broken, "$").is_err());
    }

    /// A small checker for the shapes the result schema uses (objects,
    /// arrays, strings with a format, integers, booleans, nullable values,
    /// constants and `$ref`s): enough to check the schema against real output.
    fn conforms(
        root: &serde_json::Value,
        schema: &serde_json::Value,
        value: &serde_json::Value,
        at: &str,
    ) -> std::result::Result<(), String> {
        use serde_json::Value;
        let fail = |why: String| Err(format!("{at}: {why}"));
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.trim_start_matches("#/$defs/");
            return conforms(root, &root["$defs"][name], value, at);
        }
        if let Some(word) = schema.get("const") {
            return if value == word {
                Ok(())
            } else {
                fail(format!("{value} is not {word}"))
            };
        }
        let alternatives = schema.get("anyOf").or_else(|| schema.get("oneOf"));
        if let Some(any) = alternatives.and_then(Value::as_array) {
            if any.iter().any(|s| conforms(root, s, value, at).is_ok()) {
                return Ok(());
            }
            return fail(format!("{value} matches none of the alternatives"));
        }
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            other => return fail(format!("no type in {other}")),
        };
        let kind = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        if !types.contains(&kind) {
            return fail(format!("{value} is not {types:?}"));
        }
        match value {
            Value::Object(map) => {
                let properties = schema["properties"].as_object().ok_or("no properties")?;
                let mut named: Vec<&str> = properties.keys().map(String::as_str).collect();
                let mut required: Vec<&str> = schema["required"]
                    .as_array()
                    .ok_or("no required list")?
                    .iter()
                    .filter_map(Value::as_str)
                    .collect();
                let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
                keys.sort_unstable();
                named.sort_unstable();
                required.sort_unstable();
                if keys != named || required != named {
                    return fail(format!(
                        "keys {keys:?}, schema {named:?}, required {required:?}"
                    ));
                }
                for (k, v) in map {
                    conforms(root, &properties[k], v, &format!("{at}.{k}"))?;
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    conforms(root, &schema["items"], v, &format!("{at}[{i}]"))?;
                }
            }
            Value::String(s) => {
                if schema.get("format").and_then(Value::as_str) == Some("decimal")
                    && s.parse::<Decimal>().is_err()
                {
                    return fail(format!("{s} is not a decimal"));
                }
                if let Some(words) = schema.get("enum").and_then(Value::as_array) {
                    if !words.iter().any(|w| w == s) {
                        return fail(format!("{s} is not one of {words:?}"));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}
