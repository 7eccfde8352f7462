//! A plan document as one tree of values, whatever format it was written in.
//!
//! Both readers first turn the text into a [`serde_json::Value`] tree, and
//! the plan's types are then read from that tree by one serde pass. Reading
//! the types straight from the TOML and the JSON deserializers would compile
//! every type's reading code twice over, and the browser module pays for
//! every byte of it: one pass over one tree halves that code. Places (line
//! and column) come back from the path of a failed field with
//! [`locate`](super::locate), as for every other plan error.
//!
//! The tree keeps what the author wrote as far as the plan needs it:
//! TOML integers stay integers, TOML dates become their text (so a bare
//! `joins = 2024-07-01` reads like `"2024-07-01"`), and a float is refused
//! here, with its place, before its text is lost. A JSON object that names a
//! field twice is refused too, as the plan's own types would. Every text
//! and key is stored in Unicode NFC (crate::identity), so `Å` typed as one
//! code point or two is one id, and one key.

use super::locate::Format;
#[cfg(feature = "toml")]
use super::locate::{Step, line_column, path_of};
#[cfg(feature = "toml")]
use super::number::float_refused;
use crate::error::{Error, Location};
use crate::identity::{into_nfc, nfc};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;
#[cfg(feature = "toml")]
use toml::de::{DeTable, DeValue};

/// The document's tree of values, or the syntax error with its place.
pub(crate) fn read(text: &str, format: Format) -> Result<Value, Error> {
    match format {
        #[cfg(feature = "toml")]
        Format::Toml => from_toml(text),
        #[cfg(not(feature = "toml"))]
        Format::Toml => Err(Error::InvalidPlan {
            reason: "this build of andel reads plans in JSON only (its `toml` feature is off)"
                .to_string(),
        }),
        Format::Json => from_json(text),
    }
}

#[cfg(feature = "toml")]
fn from_toml(text: &str) -> Result<Value, Error> {
    let root = DeTable::parse(text).map_err(|e| {
        let at = e.span().map(|s| line_column(text, s.start));
        syntax("", e.message(), at)
    })?;
    let mut path = Vec::new();
    toml_table(text, root.get_ref(), &mut path)
}

#[cfg(feature = "toml")]
/// A step of the path from the root to the value being converted, kept so a
/// refused value can say where it is.
type Path<'a> = Vec<Step<'a>>;

#[cfg(feature = "toml")]
fn toml_table<'a>(text: &str, table: &'a DeTable, path: &mut Path<'a>) -> Result<Value, Error> {
    let mut map = Map::new();
    for (key, value) in table {
        path.push(Step::Key(key.get_ref()));
        let converted = toml_value(text, value, path)?;
        let name = nfc(key.get_ref()).into_owned();
        if map.contains_key(&name) {
            // The toml crate refuses a key written twice; this is one
            // written twice in two Unicode forms.
            let at = line_column(text, key.span().start);
            return Err(syntax(
                &path_of(path.iter().copied()),
                &twice(&name),
                Some(at),
            ));
        }
        path.pop();
        map.insert(name, converted);
    }
    Ok(Value::Object(map))
}

/// Recurses once per level: the toml crate refuses documents nested more
/// than 80 deep before this runs (core/tests/plan_limits.rs, 100 000 deep).
#[cfg(feature = "toml")]
fn toml_value<'a>(
    text: &str,
    value: &'a toml::Spanned<DeValue>,
    path: &mut Path<'a>,
) -> Result<Value, Error> {
    let refuse = |path: &Path, message: String| {
        let at = line_column(text, value.span().start);
        Err(syntax(&path_of(path.iter().copied()), &message, Some(at)))
    };
    Ok(match value.get_ref() {
        DeValue::String(s) => Value::String(nfc(s).into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::from(n),
            Err(_) => return refuse(path, format!("the integer {} is too large", i.as_str())),
        },
        DeValue::Float(f) => {
            // The same refusal as a JSON float gets from the reader, but
            // with the text as written, which TOML still has here.
            return refuse(path, float_refused(f.as_str()));
        }
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                out.push(toml_value(text, item, path)?);
                path.pop();
            }
            Value::Array(out)
        }
        DeValue::Table(table) => toml_table(text, table, path)?,
    })
}

fn from_json(text: &str) -> Result<Value, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = de
        .deserialize_any(Strict)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| json_error("", &e))?;
    Ok(value)
}

/// Builds a JSON tree like `serde_json::Value`'s own reader, except that an
/// object naming a key twice is refused instead of keeping the last value.
struct Strict;

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // Kept as a float so that `Number` refuses it with its own message;
        // JSON has no NaN or infinity, so the conversion cannot fail.
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(nfc(s).into_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(into_nfc(s)))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictSeed)? {
            out.push(item);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let key = nfc(&key).into_owned();
            if map.contains_key(&key) {
                return Err(de::Error::custom(twice(&key)));
            }
            let value = access.next_value_seed(StrictSeed)?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

struct StrictSeed;

impl<'de> de::DeserializeSeed<'de> for StrictSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(Strict)
    }
}

/// The message for a key named twice, in one Unicode form or two.
fn twice(key: &str) -> String {
    format!("duplicate field `{key}` (keys are compared in Unicode NFC)")
}

fn json_error(path: &str, e: &serde_json::Error) -> Error {
    let at = (e.line() > 0).then(|| (e.line() as u32, e.column() as u32));
    syntax(path, &strip_position(&e.to_string()), at)
}

/// serde_json appends " at line L column C"; the location carries it.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Serde's messages, turned into typed errors with a place. The messages
/// of andel's own readers (numbers, dates) keep their codes.
pub(crate) fn syntax(path: &str, message: &str, at: Option<(u32, u32)>) -> Error {
    let message = message.trim();
    let error = if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = tail
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        Error::UnknownField {
            field: field.to_string(),
            expected,
        }
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        Error::MissingField {
            field: rest.split('`').next().unwrap_or(rest).to_string(),
        }
    } else if let Some((input, reason)) = quoted_between(message, "is not a valid number (") {
        Error::InvalidNumber {
            field: path.to_string(),
            input,
            reason: reason.trim_end_matches(')').to_string(),
        }
    } else if let Some((input, reason)) = quoted_between(message, "is invalid: ") {
        Error::InvalidDate {
            input,
            reason: reason.to_string(),
        }
    } else {
        Error::PlanSyntax {
            message: message.to_string(),
        }
    };
    let path = if path == "." { "" } else { path };
    Error::InPlan {
        location: Location {
            path: path.to_string(),
            line: at.map(|a| a.0),
            column: at.map(|a| a.1),
        },
        source: Box::new(error),
    }
}

/// From a message `… "input" <marker>reason`, the input and the reason.
fn quoted_between(message: &str, marker: &str) -> Option<(String, String)> {
    let (before, reason) = message.split_once(marker)?;
    let before = before.trim_end();
    let quoted = before.strip_suffix('"')?;
    let start = quoted.rfind('"')?;
    Some((
        quoted[start + 1..].replace("\\\"", "\""),
        reason.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "toml")]
    fn toml_and_json_give_the_same_tree() {
        let toml = "a = 1\nb = \"x\"\nc = [true, { d = 2024-07-01 }]\n";
        let json = r#"{"a": 1, "b": "x", "c": [true, {"d": "2024-07-01"}]}"#;
        assert_eq!(
            read(toml, Format::Toml).unwrap(),
            read(json, Format::Json).unwrap()
        );
    }

    #[test]
    #[cfg(feature = "toml")]
    fn a_toml_float_is_refused_with_its_text_and_place() {
        let e = read("a = 1\n[b]\nc = [1, 2.50]\n", Format::Toml).unwrap_err();
        assert_eq!(e.code(), "plan_syntax");
        let at = e.location().unwrap();
        assert_eq!(
            (at.path.as_str(), at.line, at.column),
            ("b.c[1]", Some(3), Some(9))
        );
        assert!(e.to_string().contains("2.50 is written as a float"), "{e}");
    }

    #[test]
    fn a_json_key_named_twice_is_refused() {
        let e = read(r#"{"a": {"b": 1, "b": 2}}"#, Format::Json).unwrap_err();
        assert_eq!(e.code(), "plan_syntax");
        assert!(e.to_string().contains("duplicate field `b`"), "{e}");
        assert_eq!(e.location().unwrap().line, Some(1));
    }

    #[test]
    #[cfg(feature = "toml")]
    fn a_toml_integer_beyond_i64_is_refused() {
        let e = read("a = 0xffffffffffffffff\n", Format::Toml).unwrap_err();
        assert_eq!(e.code(), "plan_syntax");
        assert_eq!(e.location().unwrap().path, "a");
    }
}
