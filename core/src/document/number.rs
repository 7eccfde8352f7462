//! Decimal values in plan documents.

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A decimal number in a plan: written as a string (`"1250000.50"`) or an
/// integer (`1250000`), never as a float, because a float such as `0.1`
/// has already lost its exact value by the time andel sees it.
///
/// Serialises as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Number(pub Decimal);

impl Number {
    /// The decimal value.
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Number {
    fn from(d: Decimal) -> Self {
        Number(d)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

/// Why a number written as a float (`text`, as shown to the author) is
/// refused, and how to write it instead.
pub(crate) fn float_refused(text: &str) -> String {
    format!(
        "{text} is written as a float: write decimals as strings, e.g. \"{text}\", so they stay exact"
    )
}

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number as a string (\"0.5\") or an integer")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Number, E> {
        crate::parse_decimal(text, "number")
            .map(Number)
            .map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
        Ok(Number(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
        Ok(Number(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
        // Refused on purpose: the text the author wrote is gone. Shown the
        // way serde_json writes floats, which keeps core's float formatting
        // (about 5 KB gzipped) out of the browser module.
        let v =
            serde_json::Number::from_f64(v).map_or_else(|| "NaN".to_string(), |n| n.to_string());
        Err(E::custom(float_refused(&v)))
    }
}

impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A decimal number: a string such as \"1250000.50\" or an integer. Floats are refused because they are not exact.",
            "oneOf": [
                { "type": "string", "pattern": "^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$" },
                { "type": "integer" }
            ]
        })
    }
}
