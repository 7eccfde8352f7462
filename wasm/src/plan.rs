//! Budget-cycle plans: a plan document as text in, JSON text out.
//!
//! The wrapper hands over every plan as text with its format (`"toml"` or
//! `"json"`; a JavaScript object is first written as JSON by the wrapper),
//! so the core reads it with the same reader, the same checks and the same
//! error places as in Rust, Python and the command line. Results leave as
//! the core's own JSON (decimals as strings, snake_case names), which the
//! wrapper parses.

use crate::computed::{ComputedPlan, read_lang};
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

/// Computes every member's contribution for every budget year: the
/// [`andel::PlanResult`] as JSON. With `lang` (`"sv"` or `"en"`), its
/// notes are the core's in that language ([`andel::PlanResult::notes_in`]);
/// without, as the result has them (English).
#[wasm_bindgen(js_name = computePlan)]
pub fn compute_plan(text: &str, format: &str, lang: Option<String>) -> JsResult<String> {
    let chosen = read_lang(lang.as_deref())?;
    ComputedPlan::read(text, format)?.result_in(chosen)
}

/// How `member`'s contribution in `year` arose: the
/// [`andel::Explanation`] as JSON, its sentences in `lang` (`"sv"` or
/// `"en"`; absent: the default for the plan's currency, Swedish for SEK).
///
/// `year` is an `i64` (a BigInt in JavaScript) so that any whole number the
/// caller gives arrives unchanged; one outside the core's `i32` is outside
/// every plan's horizon and is reported as such.
#[wasm_bindgen(js_name = explainPlan)]
pub fn explain_plan(
    text: &str,
    format: &str,
    member: &str,
    year: i64,
    lang: Option<String>,
) -> JsResult<String> {
    // A wrong language is the caller's mistake, reported before the plan's;
    // the plan's own problems come before a wrong year or member.
    let chosen = read_lang(lang.as_deref())?;
    ComputedPlan::read(text, format)?.explain_in(member, year, chosen)
}

/// Every member's contribution for every budget year as the core's CSV
/// ([`andel::PlanResult::to_csv`]: a row per member and year, the same
/// text as `andel plan --format csv` and Python's `PlanResult.to_csv()`).
#[wasm_bindgen(js_name = planToCsv)]
pub fn plan_to_csv(text: &str, format: &str) -> JsResult<String> {
    Ok(ComputedPlan::read(text, format)?.csv())
}

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
    use andel::text::Lang;

    /// The reference plan as the wrapper would hand it over.
    fn reference() -> String {
        reference_plan_toml()
    }

    #[test]
    fn compute_gives_the_core_json() {
        let json = compute_plan(&reference(), "toml", None).unwrap();
        let want = Plan::reference().compute().unwrap();
        assert_eq!(json, serde_json::to_string(&want).unwrap());
        // The JSON copy of the reference reads back to the same result.
        let again = compute_plan(&reference_plan_json(), "json", None).unwrap();
        assert_eq!(again, json);
    }

    #[test]
    fn explain_checks_the_year_after_the_plan() {
        let out = explain_plan(&reference(), "toml", "hylte", 2021, None).unwrap();
        assert!(out.contains("\"member\":\"hylte\""), "{out}");
        let err = explain_plan(&reference(), "toml", "hylte", 1 << 40, None).unwrap_err();
        assert_eq!(err.code, "year_outside_horizon");
        assert!(err.message.contains("1099511627776"), "{}", err.message);
        assert!(err.message.contains("2021–2025"), "{}", err.message);
        let err = explain_plan(&reference(), "toml", "nobody", 2021, None).unwrap_err();
        assert_eq!(err.code, "unknown_member");
        // A plan that does not read is reported before the year.
        let err = explain_plan("format = 1", "toml", "hylte", 1 << 40, None).unwrap_err();
        assert_eq!(err.code, "missing_field");
    }

    #[test]
    fn explain_speaks_the_language_asked_for_or_the_currencys() {
        let sv = explain_plan(&reference(), "toml", "hylte", 2021, None).unwrap();
        assert!(sv.contains("budgetår 2021"), "{sv}");
        let asked = explain_plan(&reference(), "toml", "hylte", 2021, Some("sv".into())).unwrap();
        assert_eq!(asked, sv);
        let en = explain_plan(&reference(), "toml", "hylte", 2021, Some("en".into())).unwrap();
        assert!(en.contains("budget year 2021"), "{en}");
        let err = explain_plan(&reference(), "toml", "hylte", 2021, Some("de".into())).unwrap_err();
        assert_eq!(err.code, "unknown_language");
    }

    #[test]
    fn an_error_found_while_computing_is_placed_in_the_text() {
        // Without carrying forward, budget year 2022 needs the figures of
        // 31 December 2020, which the plan has for everyone but Ljungby (the
        // sixth member), reported at its population series.
        let text = reference().replace("carry_forward = true", "carry_forward = false");
        let err = compute_plan(&text, "toml", None).unwrap_err();
        assert_eq!(err.code, "missing_figure");
        assert_eq!(err.path.as_deref(), Some("members[5].metrics.population"));
        let line = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("metrics.population"))
            .nth(5)
            .unwrap()
            .0 as u32
            + 1;
        assert_eq!(err.line, Some(line));
        assert!(err.column.is_some());
    }

    #[test]
    fn check_returns_every_problem_with_its_place() {
        let text = reference().replace("participants", "partcipants");
        let problems = check_plan(&text, "toml").unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "unknown_field");
        assert!(problems[0].line.is_some() && problems[0].column.is_some());
        assert!(check_plan(&reference(), "toml").unwrap().is_empty());
    }

    #[test]
    fn unknown_format_is_cores_plan_syntax_error() {
        assert_eq!(format_named("JSON").unwrap(), "json");
        assert_eq!(format_named("yaml").unwrap_err().code, "plan_syntax");
        assert_eq!(
            compute_plan("{}", "yaml", None).unwrap_err().code,
            "plan_syntax"
        );
        assert_eq!(check_plan("{}", "yaml").unwrap_err().code, "plan_syntax");
    }

    #[test]
    fn compute_writes_the_notes_in_the_language_asked_for() {
        let result = Plan::reference().compute().unwrap();
        assert!(!result.notes.is_empty());
        for (name, lang) in [("sv", Lang::Sv), ("en", Lang::En)] {
            let json = compute_plan(&reference(), "toml", Some(name.into())).unwrap();
            let got: serde_json::Value = serde_json::from_str(&json).unwrap();
            let want = serde_json::to_value(result.notes_in(lang)).unwrap();
            assert_eq!(got["notes"], want, "{name}");
        }
        let err = compute_plan(&reference(), "toml", Some("de".into())).unwrap_err();
        assert_eq!(err.code, "unknown_language");
    }

    #[test]
    fn csv_is_the_core_csv() {
        let csv = plan_to_csv(&reference(), "toml").unwrap();
        assert_eq!(csv, Plan::reference().compute().unwrap().to_csv());
        assert_eq!(
            plan_to_csv("format = 1", "toml").unwrap_err().code,
            "missing_field"
        );
    }

    #[test]
    fn conversions_and_schema() {
        let json = plan_to_json(&reference(), "toml").unwrap();
        assert_eq!(Plan::from_json(&json).unwrap(), Plan::reference());
        assert_eq!(plan_schema(), Plan::json_schema());
    }
}
