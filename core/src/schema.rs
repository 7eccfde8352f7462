//! The JSON Schema of a decimal as andel writes it, for every output type's
//! `#[schemars(with = "crate::schema::DecimalText")]`. The schema of all
//! outputs together, [`output_schema`](crate::output_schema), is written in
//! `export/schema.rs`, above the types it gathers.

use schemars::JsonSchema;

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
