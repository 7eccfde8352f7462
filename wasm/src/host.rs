//! A plan or outcome given as a JavaScript object, handed to core as it
//! is: walked into core's [`HostValue`], which core writes as the JSON its
//! reader reads or refuses at the value's path with its own message. Only
//! conversion here: what JavaScript has (a number's text, a BigInt's
//! digits, what kind of object a value is); what may be part of a plan is
//! core's.

use crate::error::ErrorInfo;
use andel::plan::HostValue;
use js_sys::{Array, BigInt, Number, Object, Reflect};
use wasm_bindgen::prelude::*;

/// A document object written for core's reader: its JSON text, or the
/// problems core found in it. Internal to the wrapper, which frees it.
#[wasm_bindgen]
pub struct WrittenDocument {
    text: Option<String>,
    problems: Vec<ErrorInfo>,
}

#[wasm_bindgen]
impl WrittenDocument {
    /// The JSON text, when there was no problem.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> Option<String> {
        self.text.clone()
    }

    /// Every problem, each at its path, in document order.
    pub fn problems(&self) -> Vec<ErrorInfo> {
        self.problems.clone()
    }
}

/// Writes the plan or outcome object `value` for core's reader.
#[wasm_bindgen(js_name = writeDocument)]
pub fn write_document(value: &JsValue) -> WrittenDocument {
    let host = walk(value, &mut Vec::new());
    match host.to_json() {
        Ok(text) => WrittenDocument {
            text: Some(text),
            problems: Vec::new(),
        },
        Err(problems) => WrittenDocument {
            text: None,
            problems: problems.into_iter().map(ErrorInfo::from).collect(),
        },
    }
}

/// `value` as core's [`HostValue`]; `open` holds the objects being walked,
/// outermost first, to find a circular reference and to bound the depth.
fn walk(value: &JsValue, open: &mut Vec<JsValue>) -> HostValue {
    if value.is_null() {
        HostValue::Null
    } else if let Some(b) = value.as_bool() {
        HostValue::Bool(b)
    } else if let Some(text) = value.as_string() {
        HostValue::Text(text)
    } else if value.is_bigint() {
        let digits = BigInt::from(value.clone()).to_string(10);
        digits.map_or(HostValue::Unsupported("a BigInt".into()), |d| {
            HostValue::Text(d.into())
        })
    } else if value.as_f64().is_some() {
        // JavaScript's own shortest text of the number (`String(n)`), never
        // a Rust float.
        let text = Number::from(value.clone()).to_string_with_radix(10);
        text.map_or(HostValue::Unsupported("a number".into()), |t| {
            HostValue::Number(t.into())
        })
    } else if value.is_object() && !value.is_function() {
        container(value, open)
    } else {
        HostValue::Unsupported(kind_of(value))
    }
}

/// An array or a plain object, or why it cannot be part of a document.
fn container(value: &JsValue, open: &mut Vec<JsValue>) -> HostValue {
    let is_array = Array::is_array(value);
    if !is_array && !is_plain(value) {
        return HostValue::Unsupported(kind_of(value));
    }
    if open.iter().any(|o| Object::is(o, value)) {
        return HostValue::Circular;
    }
    if open.len() >= HostValue::MAX_DEPTH {
        return HostValue::TooDeep;
    }
    open.push(value.clone());
    let walked = if is_array {
        let items = Array::from(value);
        HostValue::List(
            items
                .iter()
                .map(|item| match item.is_undefined() {
                    true => HostValue::Unsupported("undefined".into()),
                    false => walk(&item, open),
                })
                .collect(),
        )
    } else {
        HostValue::Map(properties(value, open))
    };
    open.pop();
    walked
}

/// An object's own enumerable properties, each read once (a getter runs
/// once, as in `JSON.stringify`); an undefined one is left out.
fn properties(value: &JsValue, open: &mut Vec<JsValue>) -> Vec<(String, HostValue)> {
    let object = Object::from(value.clone());
    let mut entries = Vec::new();
    for key in Object::keys(&object).iter() {
        let name = key.as_string().unwrap_or_default();
        let item = match Reflect::get(value, &key) {
            Ok(item) if item.is_undefined() => continue,
            Ok(item) => walk(&item, open),
            Err(_) => HostValue::Unsupported("a property whose getter throws".into()),
        };
        entries.push((name, item));
    }
    entries
}

/// Whether `value` is a plain object: its prototype is `Object.prototype`
/// or `null`.
fn is_plain(value: &JsValue) -> bool {
    let proto: JsValue = Object::get_prototype_of(value).into();
    let object_prototype: JsValue = Object::get_prototype_of(&Object::new()).into();
    proto.is_null() || Object::is(&proto, &object_prototype)
}

/// How JavaScript names a value that is no document value: `a Date`, `a
/// function`, `a symbol`, `undefined`, `an object`.
fn kind_of(value: &JsValue) -> String {
    if value.is_function() {
        return "a function".into();
    }
    if value.is_symbol() {
        return "a symbol".into();
    }
    if value.is_undefined() {
        return "undefined".into();
    }
    let constructor = Reflect::get(&Object::get_prototype_of(value), &"constructor".into())
        .and_then(|c| Reflect::get(&c, &"name".into()))
        .ok()
        .and_then(|name| name.as_string())
        .filter(|name| !name.is_empty());
    constructor.map_or("an object".into(), |name| format!("a {name}"))
}
