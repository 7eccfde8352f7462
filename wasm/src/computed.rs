//! A plan computed once, held in the WebAssembly instance: core's
//! [`andel::Computed`] as a wasm-bindgen class. A page that asks several
//! questions of one plan (the table, then a member's explanation, then why
//! it changed) reads and computes it once; the free functions of
//! [`crate::plan`] and [`crate::cycle`] are each one question of a fresh one.
//!
//! Arguments are converted here (a format or language name, an outcome's
//! text); every rule and every error's place is core's.

#[cfg(feature = "full")]
use crate::error::ErrorInfo;
use crate::error::JsResult;
use crate::plan::read_format;
use crate::to_json;
use andel::Computed;
use andel::cycle::ChangeExplanation;
#[cfg(feature = "full")]
use andel::cycle::{OutcomeSource, SettlingError};
use andel::text::Lang;
use wasm_bindgen::prelude::*;

/// A plan read, checked and computed: its result and every question about
/// it. Internal to the wrapper, which frees it.
#[wasm_bindgen]
pub struct ComputedPlan(Computed);

/// A language name as core reads it (`"sv"`, `"en"`), or none.
pub(crate) fn read_lang(lang: Option<&str>) -> JsResult<Option<Lang>> {
    Ok(lang.map(str::parse::<Lang>).transpose()?)
}

#[wasm_bindgen]
impl ComputedPlan {
    /// Reads, checks and computes the plan `text` in `format` ("toml" or
    /// "json"); every error placed in the text.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str, format: &str) -> JsResult<ComputedPlan> {
        Ok(ComputedPlan(Computed::read(text, read_format(format)?)?))
    }

    /// The [`andel::PlanResult`] as JSON; with `lang`, its notes in that
    /// language ([`andel::PlanResult::notes_in`]), else as computed.
    #[wasm_bindgen(js_name = resultJson)]
    pub fn result_json(&self, lang: Option<String>) -> JsResult<String> {
        self.result_in(read_lang(lang.as_deref())?)
    }

    /// The plan as pretty JSON, every default written out
    /// ([`andel::Plan::to_json`]).
    #[wasm_bindgen(js_name = planJson)]
    pub fn plan_json(&self) -> String {
        self.0.plan().to_json()
    }

    /// Every member's contribution for every year as core's CSV.
    pub fn csv(&self) -> String {
        self.0.result().to_csv()
    }

    /// How `member`'s contribution in `year` arose: the
    /// [`andel::Explanation`] as JSON, in `lang` (absent: the plan's
    /// default). `year` is a BigInt so that any whole number arrives as
    /// given; core says one beyond `i32` is outside the horizon.
    #[wasm_bindgen(js_name = explainJson)]
    pub fn explain_json(&self, member: &str, year: i64, lang: Option<String>) -> JsResult<String> {
        self.explain_in(member, year, read_lang(lang.as_deref())?)
    }

    /// Why contributions changed from the year before: a JSON array of
    /// [`ChangeExplanation`]s, each with its `text` in `lang`; only
    /// `member`'s or `year`'s when given.
    #[wasm_bindgen(js_name = whyJson)]
    pub fn why_json(
        &self,
        member: Option<String>,
        year: Option<i64>,
        lang: Option<String>,
    ) -> JsResult<String> {
        self.why_in(member.as_deref(), year, read_lang(lang.as_deref())?)
    }
}

impl ComputedPlan {
    /// Reads and computes, for a free function that has read its other
    /// arguments first.
    pub(crate) fn read(text: &str, format: &str) -> JsResult<ComputedPlan> {
        ComputedPlan::new(text, format)
    }

    pub(crate) fn result_in(&self, lang: Option<Lang>) -> JsResult<String> {
        match lang {
            Some(lang) => {
                let mut result = self.0.result().clone();
                result.notes = result.notes_in(lang);
                to_json(&result)
            }
            None => to_json(self.0.result()),
        }
    }

    pub(crate) fn explain_in(
        &self,
        member: &str,
        year: i64,
        lang: Option<Lang>,
    ) -> JsResult<String> {
        to_json(&self.0.explain(member, year, lang)?)
    }

    pub(crate) fn why_in(
        &self,
        member: Option<&str>,
        year: Option<i64>,
        lang: Option<Lang>,
    ) -> JsResult<String> {
        let lang = self.0.lang(lang);
        let all = self.0.why(member, year)?;
        let with_text: Vec<WithText<'_>> = all
            .iter()
            .map(|change| WithText {
                text: change.to_text(lang),
                change,
            })
            .collect();
        to_json(&with_text)
    }
}

/// A change explained, with core's text of it in the chosen language.
#[derive(serde::Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    change: &'a ChangeExplanation,
    text: String,
}

#[cfg(feature = "full")]
#[wasm_bindgen]
impl ComputedPlan {
    /// The members' budget calendar: the [`andel::cycle::Calendar`] as
    /// JSON.
    #[wasm_bindgen(js_name = calendarJson)]
    pub fn calendar_json(&self) -> JsResult<String> {
        to_json(&self.0.calendar()?)
    }

    /// The members' budget calendar as an iCalendar (RFC 5545) text.
    #[wasm_bindgen(js_name = calendarIcs)]
    pub fn calendar_ics(&self) -> JsResult<String> {
        Ok(self.0.calendar()?.to_ics())
    }

    /// The invoices of `year`: the [`andel::cycle::Invoices`] as JSON.
    /// With `settle`, the year before is settled on each member's first
    /// instalment, from `outcome` (an outcome file's text in
    /// `outcome_format`) when given, else from the plan's own outcome.
    #[wasm_bindgen(js_name = invoicesJson)]
    pub fn invoices_json(
        &self,
        year: i64,
        settle: bool,
        outcome: Option<String>,
        outcome_format: Option<String>,
    ) -> JsResult<String> {
        let outcome = outcome_source(outcome.as_deref(), outcome_format.as_deref())?;
        let (invoices, _) = self
            .0
            .invoices(year, settle.then_some(outcome))
            .map_err(settling_error)?;
        to_json(&invoices)
    }

    /// The settlement of `year`'s outcome: the
    /// [`andel::cycle::Settlement`] as JSON, from `outcome` (an outcome
    /// file's text in `outcome_format`) when given, else the plan's own.
    #[wasm_bindgen(js_name = settleJson)]
    pub fn settle_json(
        &self,
        year: i64,
        outcome: Option<String>,
        outcome_format: Option<String>,
    ) -> JsResult<String> {
        let outcome = outcome_source(outcome.as_deref(), outcome_format.as_deref())?;
        to_json(&self.0.settle(year, outcome).map_err(settling_error)?)
    }

    /// How `other` differs from this plan, per member and year: the
    /// [`andel::cycle::ScenarioDiff`] as JSON.
    #[wasm_bindgen(js_name = diffJson)]
    pub fn diff_json(&self, other: &ComputedPlan) -> JsResult<String> {
        to_json(&self.0.diff(&other.0)?)
    }
}

/// An outcome's text and format name as core's outcome source: the plan's
/// own outcome when there is no text.
#[cfg(feature = "full")]
fn outcome_source<'t>(
    outcome: Option<&'t str>,
    format: Option<&str>,
) -> JsResult<OutcomeSource<'t>> {
    Ok(match outcome {
        Some(text) => OutcomeSource::Text {
            text,
            format: format.map(read_format).transpose()?,
        },
        None => OutcomeSource::Plan,
    })
}

/// A settling error, marked as in the second document when it is in the
/// outcome.
#[cfg(feature = "full")]
fn settling_error(e: SettlingError) -> ErrorInfo {
    match e.in_outcome {
        true => ErrorInfo::from(e.error).in_second(),
        false => ErrorInfo::from(e.error),
    }
}
