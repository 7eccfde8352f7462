//! Settling a year from the plan's own outcome or from a separate outcome
//! file, and putting the year before's settlement on a year's invoices:
//! the one place these steps are put together, for the CLI, Python and
//! JavaScript alike.

use super::{Invoices, OutcomeFile, Settlement};
use crate::error::{Error, Result};
use crate::plan::{Format, Plan, PlanResult};

/// Where the actual outcome of a year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeSource<'t> {
    /// The plan's own `[[outcome]]` entries.
    Plan,
    /// A separate outcome file's text, in `format` (`None`: told apart by
    /// [`Format::of_text`]).
    Text {
        /// The file's text.
        text: &'t str,
        /// Its format, when the caller knows it.
        format: Option<Format>,
    },
}

impl<'t> OutcomeSource<'t> {
    /// An outcome as a binding hands it over: its text and the name of its
    /// format (`None`: told apart by [`Format::of_text`]), or no text for
    /// the plan's own outcomes. An unknown format name is
    /// [`Format::named`]'s error.
    ///
    /// ```
    /// use andel::cycle::OutcomeSource;
    /// assert_eq!(OutcomeSource::named(None, None)?, OutcomeSource::Plan);
    /// let json = OutcomeSource::named(Some("{}"), Some("JSON"))?;
    /// assert!(matches!(json, OutcomeSource::Text { format: Some(_), .. }));
    /// assert_eq!(OutcomeSource::named(Some(""), Some("yaml")).unwrap_err().code(), "plan_syntax");
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn named(text: Option<&'t str>, format: Option<&str>) -> Result<Self> {
        Ok(match text {
            Some(text) => OutcomeSource::Text {
                text,
                format: format.map(Format::named).transpose()?,
            },
            None => OutcomeSource::Plan,
        })
    }
}

/// An error in the plan, placed in its text when there is one.
fn in_plan(error: Error, plan: Option<(&str, Format)>) -> SettlingError {
    SettlingError {
        error: match plan {
            Some((text, format)) => Plan::locate(error, text, format),
            None => error,
        },
        in_outcome: false,
    }
}

/// An error of settling, and which document it is placed in: the plan or
/// the separate outcome file. Its line and column are in that document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettlingError {
    /// The error, placed in its document.
    pub error: Error,
    /// `true` when the error is in the outcome file, not the plan.
    pub in_outcome: bool,
}

impl From<SettlingError> for Error {
    fn from(e: SettlingError) -> Error {
        e.error
    }
}

impl Plan {
    /// The settlement of `year`'s actual outcome, from `outcome`; errors
    /// are placed in the plan's text (`plan`, the text and format it was
    /// read from, when the caller has them) or in the outcome file's, and
    /// say which.
    ///
    /// ```
    /// use andel::cycle::OutcomeSource;
    /// use andel::plan::{Format, Plan};
    ///
    /// let text = std::fs::read_to_string("../examples/tillvaxtmotor-cycle.toml").unwrap();
    /// let plan = Plan::from_toml(&text)?;
    /// let result = plan.compute()?;
    /// let own = plan.settle_from(&result, 2021, OutcomeSource::Plan, Some((&text, Format::Toml)))?;
    /// let file = std::fs::read_to_string("../examples/tillvaxtmotor-outcome.toml").unwrap();
    /// let separate = OutcomeSource::Text { text: &file, format: None };
    /// let from_file = plan.settle_from(&result, 2021, separate, None)?;
    /// assert_eq!(own.members, from_file.members);
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn settle_from(
        &self,
        result: &PlanResult,
        year: i32,
        outcome: OutcomeSource<'_>,
        plan: Option<(&str, Format)>,
    ) -> std::result::Result<Settlement, SettlingError> {
        match outcome {
            OutcomeSource::Plan => self.settle(result, year).map_err(|e| in_plan(e, plan)),
            OutcomeSource::Text { text, format } => {
                let format = format.unwrap_or_else(|| Format::of_text(text));
                self.settle_file(result, year, text, format)
                    .map_err(|error| SettlingError {
                        error,
                        in_outcome: true,
                    })
            }
        }
    }

    /// The invoices of `year`, with the settlement of the year before
    /// (from `outcome`) on each member's first instalment when `outcome`
    /// is given: the outcome of a year is known in the spring after it, and
    /// settled on the next year's first invoice.
    ///
    /// ```
    /// use andel::cycle::OutcomeSource;
    /// use andel::plan::{Format, Plan};
    ///
    /// let text = std::fs::read_to_string("../examples/tillvaxtmotor-cycle.toml").unwrap();
    /// let plan = Plan::from_toml(&text)?;
    /// let result = plan.compute()?;
    /// let (invoices, settled) =
    ///     plan.invoices_from(&result, 2022, Some(OutcomeSource::Plan), Some((&text, Format::Toml)))?;
    /// assert_eq!(settled.unwrap().year, 2021);
    /// assert_eq!(invoices.year, 2022);
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn invoices_from(
        &self,
        result: &PlanResult,
        year: i32,
        settle: Option<OutcomeSource<'_>>,
        plan: Option<(&str, Format)>,
    ) -> std::result::Result<(Invoices, Option<Settlement>), SettlingError> {
        let settled = match settle {
            Some(outcome) => {
                let before = year
                    .checked_sub(1)
                    .ok_or_else(|| in_plan(self.outside(year), plan))?;
                Some(self.settle_from(result, before, outcome, plan)?)
            }
            None => None,
        };
        let invoices = self
            .invoices(result, year, settled.as_ref())
            .map_err(|e| in_plan(e, plan))?;
        Ok((invoices, settled))
    }

    /// Settles `year` from an outcome file's text; errors placed in it.
    fn settle_file(
        &self,
        result: &PlanResult,
        year: i32,
        text: &str,
        format: Format,
    ) -> Result<Settlement> {
        let file = OutcomeFile::read(text, format, self)?;
        let outcome = file.for_year(year)?;
        self.settle_outcome(result, outcome)
            .map_err(|e| Plan::locate(e, text, format))
    }
}
