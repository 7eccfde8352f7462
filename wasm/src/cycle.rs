//! The annual cycle of a plan: its budget calendar, a year's invoices, the
//! settlement of a year's outcome, the comparison of two plans and why a
//! contribution changed. Plans (and outcomes) arrive as text with their
//! format, as in [`crate::plan`]; results leave as the core's own JSON.
//!
//! Every rule is in `andel::cycle`; here is only the reading of the
//! arguments and the placing of errors in the document they are about.

use crate::computed::{ComputedPlan, read_lang};
#[cfg(feature = "full")]
use crate::error::ErrorInfo;
use crate::error::JsResult;
use wasm_bindgen::prelude::*;

/// The members' budget calendar: the [`andel::cycle::Calendar`] as JSON.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = planCalendar)]
pub fn plan_calendar(text: &str, format: &str) -> JsResult<String> {
    ComputedPlan::read(text, format)?.calendar_json()
}

/// The members' budget calendar as an iCalendar (RFC 5545) text.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = planCalendarIcs)]
pub fn plan_calendar_ics(text: &str, format: &str) -> JsResult<String> {
    ComputedPlan::read(text, format)?.calendar_ics()
}

/// The invoices of `year`'s instalments: the [`andel::cycle::Invoices`] as
/// JSON. With `settle`, the settlement of the year before is put on each
/// member's first instalment: from `outcome` (an outcome file's text in
/// `outcome_format`) when given, else from the plan's own `[[outcome]]`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = planInvoices)]
pub fn plan_invoices(
    text: &str,
    format: &str,
    year: i64,
    settle: bool,
    outcome: Option<String>,
    outcome_format: Option<String>,
) -> JsResult<String> {
    ComputedPlan::read(text, format)?.invoices_json(year, settle, outcome, outcome_format)
}

/// The settlement of `year`'s actual outcome: the
/// [`andel::cycle::Settlement`] as JSON. The outcome is `outcome` (an
/// outcome file's text in `outcome_format`) when given, else the plan's own
/// `[[outcome]]` for that year.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = settlePlan)]
pub fn settle_plan(
    text: &str,
    format: &str,
    year: i64,
    outcome: Option<String>,
    outcome_format: Option<String>,
) -> JsResult<String> {
    ComputedPlan::read(text, format)?.settle_json(year, outcome, outcome_format)
}

/// How plan B differs from plan A, per member and year: the
/// [`andel::cycle::ScenarioDiff`] as JSON. An error in plan B is marked as
/// being in the second document.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = diffPlans)]
pub fn diff_plans(a: &str, a_format: &str, b: &str, b_format: &str) -> JsResult<String> {
    let a = ComputedPlan::read(a, a_format)?;
    let b = ComputedPlan::read(b, b_format).map_err(ErrorInfo::in_second)?;
    a.diff_json(&b)
}

/// Why contributions changed from the previous year: a JSON array of
/// [`andel::cycle::ChangeExplanation`], each with its `text` in `lang`
/// (`"sv"` or `"en"`; absent: the default for the plan's currency), for
/// every member and year after the first, or only `member`'s, or only
/// `year`'s. A filter that matches nothing is reported as the error it
/// comes from (an unknown member, a year without a previous one).
#[wasm_bindgen(js_name = whyChanged)]
pub fn why_changed(
    text: &str,
    format: &str,
    member: Option<String>,
    year: Option<i64>,
    lang: Option<String>,
) -> JsResult<String> {
    let chosen = read_lang(lang.as_deref())?;
    ComputedPlan::read(text, format)?.why_in(member.as_deref(), year, chosen)
}

#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;
    use andel::Plan;

    /// The reference plan with the annual-cycle sections.
    fn cycle() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/tillvaxtmotor-cycle.toml"
        ))
        .unwrap()
    }

    #[test]
    fn results_are_the_core_json() {
        let text = cycle();
        let plan = Plan::from_toml(&text).unwrap();
        let result = plan.compute().unwrap();
        let calendar = plan.calendar(&result).unwrap();
        assert_eq!(
            plan_calendar(&text, "toml").unwrap(),
            serde_json::to_string(&calendar).unwrap()
        );
        assert_eq!(plan_calendar_ics(&text, "toml").unwrap(), calendar.to_ics());
        let settled = plan.settle(&result, 2021).unwrap();
        assert_eq!(
            settle_plan(&text, "toml", 2021, None, None).unwrap(),
            serde_json::to_string(&settled).unwrap()
        );
        let invoices = plan.invoices(&result, 2022, Some(&settled)).unwrap();
        assert_eq!(
            plan_invoices(&text, "toml", 2022, true, None, None).unwrap(),
            serde_json::to_string(&invoices).unwrap()
        );
    }

    #[test]
    fn errors_in_the_second_document_are_marked() {
        let text = cycle();
        let outcome = r#"[[outcome]]
year = 2021
funding = { nope = "1" }
"#;
        let err = settle_plan(
            &text,
            "toml",
            2021,
            Some(outcome.into()),
            Some("toml".into()),
        )
        .unwrap_err();
        assert_eq!(err.code, "unknown_funding");
        assert!(err.second);
        assert_eq!(err.line, Some(3));
        let err = diff_plans(&text, "toml", "format = 1", "toml").unwrap_err();
        assert_eq!(err.code, "missing_field");
        assert!(err.second);
        let err = diff_plans(&text, "toml", &text.replace("\"SEK\"", "\"EUR\""), "toml");
        assert_eq!(err.unwrap_err().code, "incomparable_plans");
    }

    #[test]
    fn a_year_beyond_i32_is_outside_the_horizon() {
        let err = settle_plan(&cycle(), "toml", 1 << 40, None, None).unwrap_err();
        assert_eq!(err.code, "year_outside_horizon");
        let err = why_changed(&cycle(), "toml", Some("nobody".into()), None, None).unwrap_err();
        assert_eq!(err.code, "unknown_member");
    }
}
