//! What a computed plan reports: per year, per line and per member.

pub use super::rows::{Members, Participants};
use crate::dates::Date;
use crate::error::Error;
use crate::fraction::Fraction;
use crate::method::Method;
use crate::schema::DecimalText;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// The result of computing a [`Plan`](super::Plan): every member's
/// contribution for every budget year, with what explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanResult {
    /// The plan's name.
    pub name: String,
    /// Currency code.
    pub currency: String,
    /// Rounding unit of every contribution.
    #[schemars(with = "DecimalText")]
    pub unit: Decimal,
    /// Apportionment method.
    pub method: Method,
    /// The budget years, in order.
    pub years: Vec<YearResult>,
    /// Totals over the horizon, per member, in plan order.
    pub totals: Vec<MemberTotal>,
    /// The members' contributions over the whole horizon: the sum of every
    /// year's net cost, and of the members' totals.
    #[schemars(with = "DecimalText")]
    pub total: Decimal,
    /// Things the reader should know, e.g. figures carried forward: one
    /// line per cause, in English (the data's language), or in the language
    /// the result was asked for ([`Self::notes_in`]; `lang` in the bindings).
    pub notes: Vec<String>,
}

/// One budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct YearResult {
    /// The budget year.
    pub year: i32,
    /// Cost lines active this year.
    pub lines: Vec<LineResult>,
    /// Sum of the lines' gross amounts.
    #[schemars(with = "DecimalText")]
    pub gross: Decimal,
    /// Sum of external funding.
    #[schemars(with = "DecimalText")]
    pub funding: Decimal,
    /// What the members share: gross − funding; equals the sum of the
    /// contributions.
    #[schemars(with = "DecimalText")]
    pub net: Decimal,
    /// Every member, in plan order (non-paying members with zero cash).
    // A slice of `MemberYear`, built when read (see `Members`).
    #[schemars(with = "Vec<MemberYear>")]
    pub members: Members,
}

/// A cost line in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LineResult {
    /// The line's id.
    pub id: String,
    /// The line's name.
    pub name: String,
    /// The amount for this year (indexed, if the line is).
    #[schemars(with = "DecimalText")]
    pub gross: Decimal,
    /// External funding set against this line.
    #[schemars(with = "DecimalText")]
    pub funding: Decimal,
    /// Shared by the participants: gross − funding.
    #[schemars(with = "DecimalText")]
    pub net: Decimal,
    /// The members who share it.
    // A slice of ids, built when read (see `Participants`).
    #[schemars(with = "Vec<String>")]
    pub participants: Participants,
}

/// A member in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MemberYear {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// Whether the member pays cash.
    pub paying: bool,
    /// The population figure used for the year, if the member has one.
    #[schemars(with = "Option<DecimalText>")]
    pub population: Option<Decimal>,
    /// The reference date of the population rule for this year.
    pub population_date: Option<Date>,
    /// When the figure for the reference date was missing and the plan
    /// allows it: the date of the earlier figure used instead.
    pub population_carried_from: Option<Date>,
    /// Days (or months) of membership in the year, when not the whole year.
    pub membership: Option<Membership>,
    /// The exact share of the year's net cost, as a fraction `n/d`.
    pub share: Fraction,
    /// The share in percent, rounded half to even to 4 decimals (for
    /// reading; the exact share is `share`).
    #[schemars(with = "DecimalText")]
    pub share_percent: Decimal,
    /// The exact contribution before rounding, as a fraction.
    pub exact: Fraction,
    /// The exact contribution as a decimal (up to 28 significant digits).
    #[schemars(with = "DecimalText")]
    pub exact_decimal: Decimal,
    /// The contribution, a whole multiple of the unit.
    #[schemars(with = "DecimalText")]
    pub contribution: Decimal,
    /// contribution − exact, rounded to 28 significant digits: what
    /// rounding added or took away (less than one unit by largest
    /// remainder; other methods may move a total further).
    #[schemars(with = "DecimalText")]
    pub rounding: Decimal,
    /// The contribution by cost line; sums to the contribution.
    pub lines: Vec<LineAmount>,
    /// The value contributed in kind this year.
    #[schemars(with = "DecimalText")]
    pub in_kind: Decimal,
    /// Cash due after crediting in-kind value, when the plan credits it.
    #[schemars(with = "Option<DecimalText>")]
    pub cash_due: Option<Decimal>,
    /// Change of the contribution from the previous year.
    #[schemars(with = "Option<DecimalText>")]
    pub change: Option<Decimal>,
    /// Change in percent of the previous year's contribution, rounded half to
    /// even to 2 decimals; absent when there is no previous year or it was 0.
    #[schemars(with = "Option<DecimalText>")]
    pub change_percent: Option<Decimal>,
    /// What caps or floors did to the member's share, per key.
    pub limits: Vec<String>,
}

/// Membership for part of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Membership {
    /// Days or months counted.
    pub counted: u32,
    /// Days or months in the year.
    pub of: u32,
    /// `days` or `months`.
    #[schemars(with = "MembershipUnit")]
    pub unit: String,
}

/// A member's part of one cost line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LineAmount {
    /// The line's id.
    pub line: String,
    /// The amount.
    #[schemars(with = "DecimalText")]
    pub amount: Decimal,
    /// The member's exact share of the line's net amount, as a fraction;
    /// the exact amount before rounding is the line's net times this.
    pub share: Fraction,
}

/// A member's totals over the horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MemberTotal {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// Sum of the yearly contributions.
    #[schemars(with = "DecimalText")]
    pub contribution: Decimal,
    /// Sum of the yearly in-kind values.
    #[schemars(with = "DecimalText")]
    pub in_kind: Decimal,
}

impl PlanResult {
    /// The notes ([`Self::notes`]) in `lang`: one line per cause, e.g. every
    /// member whose population figure for a budget year's reference date is
    /// missing and was carried forward, in one line.
    ///
    /// ```
    /// use andel::plan::Plan;
    /// use andel::text::Lang;
    /// let plan = Plan::from_toml(r#"
    /// format = 1
    /// name = "x"
    /// first_year = 2021
    /// years = 1
    /// key = { type = "per_capita" }
    /// population = { years_before = 1, carry_forward = true }
    /// [[members]]
    /// id = "a"
    /// name = "A"
    /// metrics.population = { "2019-12-31" = 100 }
    /// [[members]]
    /// id = "b"
    /// name = "B"
    /// metrics.population = { "2019-12-31" = 2500 }
    /// [[costs]]
    /// id = "c"
    /// name = "C"
    /// amount = "100"
    /// year = 2021
    /// "#)?;
    /// let result = plan.compute()?;
    /// assert_eq!(
    ///     result.notes_in(Lang::Sv),
    ///     ["2021: befolkningstal per 2020-12-31 saknas för A, B; senast kända tal används: \
    ///       A 100 (2019-12-31), B 2\u{202f}500 (2019-12-31)"]
    /// );
    /// assert_eq!(result.notes, result.notes_in(Lang::En));
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn notes_in(&self, lang: crate::text::Lang) -> Vec<String> {
        super::notes::carried(&self.years, lang)
    }

    /// The result for one budget year.
    pub fn year(&self, year: i32) -> Option<&YearResult> {
        self.years.iter().find(|y| y.year == year)
    }

    /// One member's contribution in one year: `year_outside_horizon` for a
    /// year the result does not have, `unknown_member` (listing the ids of
    /// that year) for a member not in it, so every runtime raises the same
    /// error.
    ///
    /// ```
    /// let result = andel::Plan::reference().compute()?;
    /// assert_eq!(result.contribution("halmstad", 2021)?, 562180.into());
    /// assert_eq!(result.contribution("halmstad", 2040).unwrap_err().code(), "year_outside_horizon");
    /// assert_eq!(result.contribution("malmo", 2021).unwrap_err().code(), "unknown_member");
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn contribution(&self, member: &str, year: i32) -> crate::Result<Decimal> {
        let found = self.year(year).ok_or_else(|| Error::YearOutsideHorizon {
            year: year.into(),
            first: self.years.first().map_or(year, |y| y.year),
            last: self.years.last().map_or(year, |y| y.year),
        })?;
        let members = &found.members;
        members
            .position(member)
            .and_then(|m| members.contribution(m))
            .ok_or_else(|| Error::unknown_member(member, members.ids()))
    }

    // The CSV and Excel forms (`to_csv`, `year_csv`, `to_xlsx`) are written
    // in crate::export::{csv, xlsx}.

    /// The result as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        // Cannot fail: a result has no maps with non-string keys.
        serde_json::to_string_pretty(self).expect("a result always serialises to JSON")
    }
}

/// The schema of [`Membership::unit`]: one of two words.
struct MembershipUnit;

impl JsonSchema for MembershipUnit {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MembershipUnit".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "enum": ["days", "months"] })
    }
}
