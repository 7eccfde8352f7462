//! A plan computed once, held in the WebAssembly instance: core's
//! [`andel::Computed`] as a wasm-bindgen class. A page that asks several
//! questions of one plan (the table, then a member's explanation, then why
//! it changed) reads and computes it once; the wrapper's functions
//! (`computePlan`, `explainPlan`, …) each ask one question of a fresh one.
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
fn read_lang(lang: Option<&str>) -> JsResult<Option<Lang>> {
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
    fn result_in(&self, lang: Option<Lang>) -> JsResult<String> {
        match lang {
            Some(lang) => {
                let mut result = self.0.result().clone();
                result.notes = result.notes_in(lang);
                to_json(&result)
            }
            None => to_json(self.0.result()),
        }
    }

    fn explain_in(&self, member: &str, year: i64, lang: Option<Lang>) -> JsResult<String> {
        to_json(&self.0.explain(member, year, lang)?)
    }

    fn why_in(
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
        let outcome = OutcomeSource::named(outcome.as_deref(), outcome_format.as_deref())?;
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
        let outcome = OutcomeSource::named(outcome.as_deref(), outcome_format.as_deref())?;
        to_json(&self.0.settle(year, outcome).map_err(settling_error)?)
    }

    /// How `other` differs from this plan, per member and year: the
    /// [`andel::cycle::ScenarioDiff`] as JSON.
    #[wasm_bindgen(js_name = diffJson)]
    pub fn diff_json(&self, other: &ComputedPlan) -> JsResult<String> {
        to_json(&self.0.diff(&other.0)?)
    }
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

    fn computed() -> ComputedPlan {
        ComputedPlan::new(&cycle(), "toml").unwrap()
    }

    #[test]
    fn results_are_the_core_json() {
        let text = cycle();
        let plan = Plan::from_toml(&text).unwrap();
        let result = plan.compute().unwrap();
        let c = computed();
        assert_eq!(
            c.result_json(None).unwrap(),
            serde_json::to_string(&result).unwrap()
        );
        assert_eq!(c.csv(), result.to_csv());
        assert_eq!(Plan::from_json(&c.plan_json()).unwrap(), plan);
        let calendar = plan.calendar(&result).unwrap();
        assert_eq!(
            c.calendar_json().unwrap(),
            serde_json::to_string(&calendar).unwrap()
        );
        assert_eq!(c.calendar_ics().unwrap(), calendar.to_ics());
        let settled = plan.settle(&result, 2021).unwrap();
        assert_eq!(
            c.settle_json(2021, None, None).unwrap(),
            serde_json::to_string(&settled).unwrap()
        );
        let invoices = plan.invoices(&result, 2022, Some(&settled)).unwrap();
        assert_eq!(
            c.invoices_json(2022, true, None, None).unwrap(),
            serde_json::to_string(&invoices).unwrap()
        );
    }

    #[test]
    fn notes_and_sentences_in_the_language_asked_for() {
        let result = Plan::reference().compute().unwrap();
        let c = computed();
        for (name, lang) in [("sv", Lang::Sv), ("en", Lang::En)] {
            let json = c.result_json(Some(name.into())).unwrap();
            let got: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(
                got["notes"],
                serde_json::to_value(result.notes_in(lang)).unwrap()
            );
        }
        let sv = c.explain_json("hylte", 2021, None).unwrap();
        assert!(sv.contains("budgetår 2021"), "{sv}");
        assert_eq!(
            c.explain_json("hylte", 2021, Some("sv".into())).unwrap(),
            sv
        );
        let en = c.explain_json("hylte", 2021, Some("en".into())).unwrap();
        assert!(en.contains("budget year 2021"), "{en}");
        for wrong in [
            c.result_json(Some("de".into())),
            c.explain_json("hylte", 2021, Some("de".into())),
        ] {
            assert_eq!(wrong.unwrap_err().code, "unknown_language");
        }
    }

    #[test]
    fn errors_are_cores_and_placed() {
        // Without carrying forward, budget year 2022 needs the figures of
        // 31 December 2020, which the plan has for everyone but Ljungby (the
        // sixth member): found while computing, placed at its series.
        let text = cycle().replace("carry_forward = true", "carry_forward = false");
        let err = ComputedPlan::new(&text, "toml").err().unwrap();
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
        assert_eq!(
            ComputedPlan::new("{}", "yaml").err().unwrap().code,
            "plan_syntax"
        );
        let c = computed();
        let far = c.explain_json("hylte", 1 << 40, None).unwrap_err();
        assert_eq!(far.code, "year_outside_horizon");
        assert!(far.message.contains("1099511627776"), "{}", far.message);
        assert_eq!(
            c.explain_json("nobody", 2021, None).unwrap_err().code,
            "unknown_member"
        );
        assert_eq!(
            c.settle_json(1 << 40, None, None).unwrap_err().code,
            "year_outside_horizon"
        );
        let why = c.why_json(Some("nobody".into()), None, None).unwrap_err();
        assert_eq!(why.code, "unknown_member");
    }

    #[test]
    fn errors_in_the_outcome_are_marked_as_in_the_second_document() {
        let outcome = "[[outcome]]\nyear = 2021\nfunding = { nope = \"1\" }\n";
        let err = computed()
            .settle_json(2021, Some(outcome.into()), Some("toml".into()))
            .unwrap_err();
        assert_eq!(err.code, "unknown_funding");
        assert!(err.second);
        assert_eq!(err.line, Some(3));
        let other = ComputedPlan::new(&cycle().replace("\"SEK\"", "\"EUR\""), "toml").unwrap();
        assert_eq!(
            computed().diff_json(&other).unwrap_err().code,
            "incomparable_plans"
        );
    }
}
