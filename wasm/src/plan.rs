//! Budget-cycle plans: a plan document as text in, checked, converted or
//! described; computing one and asking about it is [`crate::computed`].
//!
//! The wrapper hands over every plan as text with its format (`"toml"` or
//! `"json"`; a JavaScript object is first written as JSON by the wrapper),
//! so the core reads it with the same reader, the same checks and the same
//! error places as in Rust, Python and the command line. Results leave as
//! the core's own JSON (decimals as strings, snake_case names), which the
//! wrapper parses.

#[cfg(feature = "full")]
use crate::error::ErrorInfo;
use crate::error::JsResult;
use andel::Plan;
use andel::plan::Format;
#[cfg(feature = "full")]
use andel::plan::REFERENCE_PLAN_JSON;
use wasm_bindgen::prelude::*;

/// docs/plan.schema.json, which a core test keeps equal to
/// [`Plan::json_schema`]; bundled as text so that schemars, which only
/// generates it, stays out of the WebAssembly module.
#[cfg(feature = "full")]
const PLAN_SCHEMA: &str = include_str!("../../docs/plan.schema.json");

/// Every problem in a plan document, each with its place; empty when the
/// plan is sound and computes. Problems are returned, not thrown.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = checkPlan)]
pub fn check_plan(text: &str, format: &str) -> JsResult<Vec<ErrorInfo>> {
    let format = read_format(format)?;
    Ok(Plan::check(text, format)
        .into_iter()
        .map(ErrorInfo::from)
        .collect())
}

/// The plan as pretty JSON, every default written out (checked first: only
/// a sound plan is converted). There is no TOML writer here on purpose: it
/// would add about 15 KB (gzipped) to the module, and the core reads both
/// formats, so a JSON plan serves wherever a TOML one does.
#[wasm_bindgen(js_name = planToJson)]
pub fn plan_to_json(text: &str, format: &str) -> JsResult<String> {
    Ok(read(text, format)?.0.to_json())
}

/// The bundled reference case as written, TOML with its comments.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = referencePlanToml)]
pub fn reference_plan_toml() -> String {
    andel::plan::REFERENCE_PLAN.to_string()
}

/// The bundled reference case as JSON, every default written out (the
/// core's copy, which a core test keeps equal to the TOML original).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = referencePlanJson)]
pub fn reference_plan_json() -> String {
    REFERENCE_PLAN_JSON.trim_end().to_string()
}

/// The JSON Schema of the plan format.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = planSchema)]
pub fn plan_schema() -> String {
    PLAN_SCHEMA.trim_end().to_string()
}

/// Reads and checks a plan, giving the first problem with its place.
pub(crate) fn read(text: &str, format: &str) -> JsResult<(Plan, Format)> {
    let format = read_format(format)?;
    Ok((Plan::read(text, format)?, format))
}

/// The format named `name` as core names it, `"toml"` or `"json"` (any
/// case is read), or core's `plan_syntax` error: the wrapper asks here
/// rather than keep a list of its own.
#[wasm_bindgen(js_name = formatNamed)]
pub fn format_named(name: &str) -> JsResult<String> {
    Ok(read_format(name)?.name().to_string())
}

/// The format named by the wrapper: core's rule.
pub(crate) fn read_format(name: &str) -> JsResult<Format> {
    Ok(Format::named(name)?)
}

#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;

    #[test]
    fn check_returns_every_problem_with_its_place() {
        let text = reference_plan_toml().replace("participants", "partcipants");
        let problems = check_plan(&text, "toml").unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "unknown_field");
        assert!(problems[0].line.is_some() && problems[0].column.is_some());
        assert!(
            check_plan(&reference_plan_toml(), "toml")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unknown_format_is_cores_plan_syntax_error() {
        assert_eq!(format_named("JSON").unwrap(), "json");
        assert_eq!(format_named("yaml").unwrap_err().code, "plan_syntax");
        assert_eq!(check_plan("{}", "yaml").unwrap_err().code, "plan_syntax");
        assert_eq!(plan_to_json("{}", "yaml").unwrap_err().code, "plan_syntax");
    }

    #[test]
    fn conversions_and_schema() {
        let json = plan_to_json(&reference_plan_toml(), "toml").unwrap();
        assert_eq!(Plan::from_json(&json).unwrap(), Plan::reference());
        assert_eq!(plan_schema(), Plan::json_schema());
        let again = plan_to_json(&reference_plan_json(), "json").unwrap();
        assert_eq!(again, json);
    }
}
