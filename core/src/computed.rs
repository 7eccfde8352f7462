//! A plan computed once and kept: the plan, its result and the text it was
//! read from, with everything a finance officer asks of a computed plan as
//! methods — a contribution, its explanation, why it changed, the budget
//! calendar, the invoices and the settlement of a year.
//!
//! The CLI, Python and JavaScript all hold a [`Computed`], so each of them
//! computes a plan once however many questions follow, and every error is
//! placed by the same code: one found while computing, or in the plan's
//! annual-cycle sections, gets its line and column in the plan's text
//! here, not in each binding.

use crate::cycle::{
    Calendar, ChangeExplanation, Invoices, OutcomeSource, ScenarioDiff, Settlement, SettlingError,
};
use crate::error::{Error, Result};
use crate::plan::{Budget, Explanation, Format, HostValue, Plan, PlanResult};
use crate::text::Lang;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The document a plan was read from: its text and format, or a host
/// language's own values ([`Source::from_host`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    text: String,
    format: Format,
    // Written by core from a host value (a Python dict): the author never
    // saw this text, so its errors keep their path and get no line.
    from_host: bool,
}

impl Source {
    /// The text of a plan document in `format`.
    pub fn new(text: impl Into<String>, format: Format) -> Source {
        Source {
            text: text.into(),
            format,
            from_host: false,
        }
    }

    /// A plan given as a host language's values (a Python dict), written as
    /// the JSON the reader reads, or every problem found on the way
    /// ([`HostValue::to_json`]). Errors found later name their path only:
    /// there is no text of the author's to place them in.
    pub fn from_host(value: &HostValue) -> std::result::Result<Source, Vec<Error>> {
        Ok(Source {
            text: value.to_json()?,
            format: Format::Json,
            from_host: true,
        })
    }

    /// The document's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The document's format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Reads and checks the plan, the first problem placed in the text
    /// ([`Plan::read`]).
    pub fn read(&self) -> Result<Plan> {
        Plan::read(&self.text, self.format).map_err(|e| self.unplaced(e))
    }

    /// `error` with its line and column in this text, when it has a path.
    fn place(&self, error: Error) -> Error {
        self.unplaced(Plan::locate(error, &self.text, self.format))
    }

    /// A text written from host values has no lines the author knows.
    fn unplaced(&self, error: Error) -> Error {
        if self.from_host {
            error.without_line()
        } else {
            error
        }
    }
}

/// A plan and its result, computed once, with the source it was read from
/// when there is one.
///
/// ```
/// use andel::plan::{Format, REFERENCE_PLAN};
/// use andel::Computed;
///
/// let computed = Computed::read(REFERENCE_PLAN, Format::Toml)?;
/// assert_eq!(computed.contribution("halmstad", 2021)?, 562180.into());
/// let why = computed.explain("Halmstad", 2021, None)?;
/// assert!(why.to_string().contains("budgetår 2021"), "Swedish for a plan in SEK");
/// // A year beyond every horizon, even beyond `i32`, is an error, not a panic.
/// let far = computed.contribution("halmstad", 1 << 40).unwrap_err();
/// assert_eq!(far.code(), "year_outside_horizon");
/// # Ok::<(), andel::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Computed {
    plan: Arc<Plan>,
    result: PlanResult,
    source: Option<Arc<Source>>,
}

impl Budget {
    /// Like [`compute`](Budget::compute), keeping the equivalent plan with
    /// its result ([`Computed`]), to explain from.
    pub fn computed(&self) -> Result<Computed> {
        self.check_key()?;
        let plan = Arc::new(self.to_plan()?);
        Computed::new(plan, None).map_err(Budget::placed)
    }
}

impl Computed {
    /// Reads, checks and computes a plan document. Every error has its
    /// line and column in `text`: a problem of the document as
    /// [`Plan::read`] places it, one found while computing (a missing
    /// figure, nobody to pay) by its path.
    pub fn read(text: &str, format: Format) -> Result<Computed> {
        let source = Source::new(text, format);
        let plan = source.read()?;
        Computed::new(Arc::new(plan), Some(Arc::new(source)))
    }

    /// Computes `plan`. With `source`, the text `plan` was read from, an
    /// error found while computing is placed in it; without (a plan built
    /// in code), it carries its path only.
    pub fn new(plan: Arc<Plan>, source: Option<Arc<Source>>) -> Result<Computed> {
        let result = plan.compute().map_err(|e| place(source.as_deref(), e))?;
        Ok(Computed {
            plan,
            result,
            source,
        })
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan, shared (for results and plans held by a binding).
    pub fn shared_plan(&self) -> &Arc<Plan> {
        &self.plan
    }

    /// Every member's contribution for every budget year.
    pub fn result(&self) -> &PlanResult {
        &self.result
    }

    /// The document the plan was read from, if it was.
    pub fn source(&self) -> Option<&Source> {
        self.source.as_deref()
    }

    /// The language of the plan's texts when none is asked for: Swedish for
    /// a plan in SEK, else English ([`Lang::default_for`]).
    pub fn lang(&self, chosen: Option<Lang>) -> Lang {
        chosen.unwrap_or_else(|| Lang::default_for(&self.result.currency))
    }

    /// A budget year as asked for (any whole number a binding can carry):
    /// one outside `i32` is outside every horizon, and said so.
    pub fn year(&self, year: i64) -> Result<i32> {
        i32::try_from(year).map_err(|_| Error::YearOutsideHorizon {
            year,
            first: self.plan.first_year,
            last: self.plan.last_year(),
        })
    }

    /// `member`'s contribution (by id) in `year`
    /// ([`PlanResult::contribution`]).
    pub fn contribution(&self, member: &str, year: i64) -> Result<Decimal> {
        self.result.contribution(member, self.year(year)?)
    }

    /// How `member`'s contribution (by id or display name) in `year` arose,
    /// in `lang` (`None`: the plan's default, [`lang`](Computed::lang)).
    pub fn explain(&self, member: &str, year: i64, lang: Option<Lang>) -> Result<Explanation> {
        let year = self.year(year)?;
        self.plan
            .explain_result_in(&self.result, member, year, self.lang(lang))
    }

    /// Why contributions changed from the year before: every member's and
    /// year's, or only `member`'s or `year`'s ([`Plan::why`]).
    pub fn why(&self, member: Option<&str>, year: Option<i64>) -> Result<Vec<ChangeExplanation>> {
        let year = year.map(|y| self.year(y)).transpose()?;
        self.plan.why(&self.result, member, year)
    }

    /// The members' budget calendar ([`Plan::calendar`]), its errors placed
    /// in the plan's text.
    pub fn calendar(&self) -> Result<Calendar> {
        self.plan
            .calendar(&self.result)
            .map_err(|e| place(self.source(), e))
    }

    /// The settlement of `year`'s actual outcome from `outcome`
    /// ([`Plan::settle_from`]); an error says which document it is in.
    pub fn settle(
        &self,
        year: i64,
        outcome: OutcomeSource<'_>,
    ) -> std::result::Result<Settlement, SettlingError> {
        let year = self.year(year).map_err(in_plan)?;
        self.plan
            .settle_from(&self.result, year, outcome, self.text_and_format())
    }

    /// The invoices of `year`, with the year before settled from `settle`
    /// on each member's first instalment when given, and that settlement
    /// ([`Plan::invoices_from`]).
    pub fn invoices(
        &self,
        year: i64,
        settle: Option<OutcomeSource<'_>>,
    ) -> std::result::Result<(Invoices, Option<Settlement>), SettlingError> {
        let year = self.year(year).map_err(in_plan)?;
        self.plan
            .invoices_from(&self.result, year, settle, self.text_and_format())
    }

    /// How `other` differs from this plan, per member and year (other −
    /// this; [`crate::cycle::diff`]).
    pub fn diff(&self, other: &Computed) -> Result<ScenarioDiff> {
        crate::cycle::diff(&self.result, &other.result)
    }

    fn text_and_format(&self) -> Option<(&str, Format)> {
        self.source().map(|s| (s.text(), s.format()))
    }
}

/// `error` placed in `source` when there is one.
fn place(source: Option<&Source>, error: Error) -> Error {
    match source {
        Some(source) => source.place(error),
        None => error,
    }
}

/// An error about the plan (not an outcome file) while settling.
fn in_plan(error: Error) -> SettlingError {
    SettlingError {
        error,
        in_outcome: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_from_host_values_names_paths_not_lines() {
        let map = |entries: Vec<(&str, HostValue)>| {
            HostValue::Map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
        };
        let plan = map(vec![
            ("format", HostValue::Integer("1".into())),
            ("name", HostValue::Text("x".into())),
            ("first_year", HostValue::Integer("2025".into())),
            ("years", HostValue::Integer("1".into())),
            ("members", HostValue::List(vec![])),
            (
                "costs",
                HostValue::List(vec![map(vec![
                    ("id", HostValue::Text("a".into())),
                    ("name", HostValue::Text("A".into())),
                    ("amount", HostValue::Float("0.5".into())),
                    ("from", HostValue::Integer("2025".into())),
                ])]),
            ),
        ]);
        let err = Source::from_host(&plan).unwrap().read().unwrap_err();
        let at = err.location().unwrap();
        assert_eq!(
            (at.path.as_str(), at.line, at.column),
            ("costs[0].amount", None, None)
        );
        assert!(
            err.to_string().contains("0.5 is written as a float"),
            "{err}"
        );
    }

    fn cycle_text() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/tillvaxtmotor-cycle.toml"
        ))
        .unwrap()
    }

    #[test]
    fn the_methods_give_what_the_plan_gives() {
        let text = cycle_text();
        let computed = Computed::read(&text, Format::Toml).unwrap();
        let plan = Plan::from_toml(&text).unwrap();
        let result = plan.compute().unwrap();
        assert_eq!(computed.result(), &result);
        assert_eq!(computed.plan(), &plan);
        assert_eq!(
            computed.calendar().unwrap(),
            plan.calendar(&result).unwrap()
        );
        let settled = plan.settle(&result, 2021).unwrap();
        assert_eq!(
            computed.settle(2021, OutcomeSource::Plan).unwrap(),
            settled.clone()
        );
        assert_eq!(
            computed.invoices(2022, Some(OutcomeSource::Plan)).unwrap(),
            (
                plan.invoices(&result, 2022, Some(&settled)).unwrap(),
                Some(settled)
            )
        );
        assert_eq!(
            computed.invoices(2022, None).unwrap(),
            (plan.invoices(&result, 2022, None).unwrap(), None)
        );
        assert_eq!(
            computed.why(Some("hylte"), None).unwrap(),
            plan.why(&result, Some("hylte"), None).unwrap()
        );
        assert_eq!(
            computed.explain("hylte", 2021, Some(Lang::En)).unwrap(),
            plan.explain_result(&result, "hylte", 2021).unwrap()
        );
        let same = computed.diff(&computed).unwrap();
        assert!(same.totals.iter().all(|t| t.change.is_zero()), "{same:?}");
        assert_eq!(computed.source().unwrap().text(), text);
    }

    #[test]
    fn an_error_found_while_computing_is_placed_in_the_text() {
        let text =
            crate::plan::REFERENCE_PLAN.replace("carry_forward = true", "carry_forward = false");
        let err = Computed::read(&text, Format::Toml).unwrap_err();
        assert_eq!(err.code(), "missing_figure");
        let place = err.location().unwrap();
        assert_eq!(place.path, "members[5].metrics.population");
        assert!(place.line.is_some() && place.column.is_some(), "{err}");
        // A plan built in code has no text: the path only.
        let plan = Arc::new(Plan::from_toml(&text).unwrap());
        let err = Computed::new(plan, None).unwrap_err();
        assert_eq!(err.location().unwrap().line, None);
    }

    #[test]
    fn years_beyond_i32_are_outside_the_horizon() {
        let computed = Computed::read(&cycle_text(), Format::Toml).unwrap();
        for year in [1_i64 << 40, -(1 << 40)] {
            let message = computed
                .explain("hylte", year, None)
                .unwrap_err()
                .to_string();
            assert!(message.contains(&year.to_string()), "{message}");
            assert!(message.contains("2021–2025"), "{message}");
            let err = computed.settle(year, OutcomeSource::Plan).unwrap_err();
            assert_eq!(err.error.code(), "year_outside_horizon");
            assert!(!err.in_outcome);
            assert_eq!(
                computed.why(None, Some(year)).unwrap_err().code(),
                "year_outside_horizon"
            );
        }
    }

    #[test]
    fn the_default_language_follows_the_currency() {
        let computed = Computed::read(&cycle_text(), Format::Toml).unwrap();
        assert_eq!(computed.lang(None), Lang::Sv);
        assert_eq!(computed.lang(Some(Lang::En)), Lang::En);
    }
}
