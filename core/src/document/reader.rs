//! Reads the plan's types from a document's tree, and says where a value
//! was refused.
//!
//! A serde [`Deserializer`] over [`serde_json::Value`] that keeps the path
//! of the value being read (`costs[0].key.parts[1]`): when a value is
//! refused, each enclosing object and array adds its step to the error on
//! the way out. That is what serde_path_to_error does for any deserializer,
//! but it wraps every visitor of every type to do it; doing it here, in the
//! one deserializer the plan is read with, costs a fraction of the code,
//! which the browser module pays for byte by byte.

use super::locate;
use super::number::float_refused;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Reads `T` from `tree`; on failure, the path of the refused value (as the
/// plan's errors write it) and serde's message.
pub(crate) fn read<T: DeserializeOwned>(tree: Value) -> Result<T, (String, String)> {
    T::deserialize(Reader(tree)).map_err(|e| (e.path(), e.message))
}

/// A refused value: serde's message, and the steps from the refused value
/// out to the root (innermost first, as the error travels).
#[derive(Debug)]
struct ReadError {
    message: String,
    steps: Vec<Step>,
}

#[derive(Debug)]
enum Step {
    Key(String),
    Index(usize),
}

impl ReadError {
    fn inside(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }

    /// The path from the root, as the plan's errors write it.
    fn path(&self) -> String {
        locate::path_of(self.steps.iter().rev().map(|step| match step {
            Step::Key(k) => locate::Step::Key(k),
            Step::Index(i) => locate::Step::Index(*i),
        }))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ReadError {
            message: message.to_string(),
            steps: Vec::new(),
        }
    }
}

/// One value of the tree, to be read as whatever type asks for it.
struct Reader(Value);

impl<'de> de::Deserializer<'de> for Reader {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                // A float is refused wherever it is, before any type sees
                // it: no plan field is a float, and money written as one is
                // no longer exact. (It also keeps every type's float
                // handling, and core's float formatting, out of the build.)
                (None, None) => Err(de::Error::custom(float_refused(&n.to_string()))),
            },
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visitor.visit_seq(Items {
                items: items.into_iter(),
                index: 0,
            }),
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Reader(value)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    /// The plan's enums outside keys are unit variants written as strings
    /// (`method = "largest_remainder"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.into_deserializer()),
            other => Reader(other).deserialize_any(visitor),
        }
    }

    /// A struct is read from an object only. (serde would also read one
    /// from an array of its fields in order, which no plan is written as;
    /// not offering it leaves that reading code out of the build.)
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            other => Err(de::Error::invalid_type(unexpected(&other), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map
        identifier ignored_any
    }
}

/// What a value is, for a message saying it is not what was expected.
fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// The elements of an array, each read with its index on the path.
struct Items {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Reader(item))
            .map(Some)
            .map_err(|e| e.inside(Step::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The fields of an object, each read (name and value) with its name on
/// the path, so that an unknown field is named as well as a bad value.
///
/// A field named `type` is handed out first: a key (document.rs) learns
/// which key it is before its other fields, and can then read them in
/// place, each with its own path.
struct Fields {
    tag: Option<(String, Value)>,
    fields: <Map<String, Value> as IntoIterator>::IntoIter,
    value: Option<(String, Value)>,
}

impl Fields {
    fn new(mut map: Map<String, Value>) -> Self {
        Fields {
            tag: map.remove_entry("type"),
            fields: map.into_iter(),
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.tag.take().or_else(|| self.fields.next()) else {
            return Ok(None);
        };
        let read = seed.deserialize(Reader(Value::String(key.clone())));
        match read {
            Ok(k) => {
                self.value = Some((key, value));
                Ok(Some(k))
            }
            Err(e) => Err(e.inside(Step::Key(key))),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let (key, value) = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        seed.deserialize(Reader(value))
            .map_err(|e| e.inside(Step::Key(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len() + usize::from(self.tag.is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: String,
        #[serde(default)]
        items: Vec<Item>,
        note: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        n: u32,
        #[serde(default)]
        by: BTreeMap<String, i64>,
        #[serde(default)]
        kind: Kind,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        #[default]
        Plain,
        Fancy,
    }

    fn read_doc(json: &str) -> Result<Doc, (String, String)> {
        read(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn reads_nested_values() {
        let doc =
            read_doc(r#"{"name": "x", "items": [{"n": 1, "by": {"a": -2}, "kind": "fancy"}]}"#);
        let item = Item {
            n: 1,
            by: BTreeMap::from([("a".to_string(), -2)]),
            kind: Kind::Fancy,
        };
        assert_eq!(
            doc.unwrap(),
            Doc {
                name: "x".into(),
                items: vec![item],
                note: None
            }
        );
    }

    #[test]
    fn a_refused_value_is_named_by_its_path() {
        let (path, message) =
            read_doc(r#"{"name": "x", "items": [{"n": 1}, {"n": "two"}]}"#).unwrap_err();
        assert_eq!(path, "items[1].n");
        assert!(message.contains("invalid type"), "{message}");
        let (path, _) = read_doc(r#"{"name": "x", "items": [{"n": -1}]}"#).unwrap_err();
        assert_eq!(path, "items[0].n");
        let (path, _) =
            read_doc(r#"{"name": "x", "items": [{"n": 1, "kind": "odd"}]}"#).unwrap_err();
        assert_eq!(path, "items[0].kind");
    }

    #[test]
    fn an_unknown_field_is_named_and_a_missing_one_is_at_its_parent() {
        let (path, message) =
            read_doc(r#"{"name": "x", "items": [{"n": 1, "m": 2}]}"#).unwrap_err();
        assert_eq!(path, "items[0].m");
        assert!(message.starts_with("unknown field `m`"), "{message}");
        let (path, message) = read_doc(r#"{"items": []}"#).unwrap_err();
        assert_eq!(path, "");
        assert!(message.starts_with("missing field `name`"), "{message}");
    }
}
