//! The JSON Schema of what andel computes: the plan's result and the annual
//! cycle's outputs, as their JSON is written.
//!
//! Generated from the Rust types with schemars and pinned in
//! docs/output.schema.json by a test; scripts/gen-shapes writes the
//! TypeScript interfaces (wasm/js/results.d.ts) and Python's TypedDicts
//! (python/andel/_shapes.py) from that file, so each shape is written once.

use schemars::JsonSchema;
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

/// The schema of a decimal in an output: the text serde writes for a
/// [`Decimal`](rust_decimal::Decimal), told apart from other strings by
/// its `format`, so the generated Python types can make it a
/// `decimal.Decimal`.
pub(crate) struct DecimalText;

impl JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "decimal",
            "pattern": "^-?\\d+(\\.\\d+)?$"
        })
    }
}
