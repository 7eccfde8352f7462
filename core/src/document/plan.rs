//! The plan document: what a collaboration writes down (format 1).
//!
//! Every struct rejects unknown fields, so a misspelt `partcipants` is an
//! error rather than a silently ignored line. Field by field documentation is
//! in `docs/plan-format.md`.

use super::number::Number;
use crate::dates::{Date, ProRata};
use crate::method::Method;
use crate::rounding::Rounding;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, de};
use std::collections::BTreeMap;

/// A collaboration's multi-year budget plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The format version; must be 1.
    pub format: i64,
    /// The plan's name.
    pub name: String,
    /// Currency code, default `SEK`.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Rounding unit of contributions (1 = whole kronor), default 1.
    #[serde(default = "default_unit")]
    pub unit: Number,
    /// How contributions are apportioned, default `largest_remainder`.
    #[serde(default)]
    pub method: Method,
    /// First divisor, for `sainte_lague` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_divisor: Option<Number>,
    /// The first budget year.
    pub first_year: i32,
    /// The number of budget years (the horizon).
    pub years: u32,
    /// Which population figure applies to a budget year.
    #[serde(default)]
    pub population: PopulationRule,
    /// How a partial year of membership is counted.
    #[serde(default)]
    pub pro_rata: ProRata,
    /// How indexed costs grow.
    #[serde(default)]
    pub indexation: Indexation,
    /// Whether in-kind value is credited against the cash contribution.
    #[serde(default)]
    pub credit_in_kind: bool,
    /// The default allocation key, default `per_capita`.
    #[serde(default)]
    pub key: Key,
    /// The members.
    pub members: Vec<Member>,
    /// The cost lines.
    #[serde(default)]
    pub costs: Vec<CostLine>,
    /// External funding.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// Contributions in kind.
    #[serde(default)]
    pub in_kind: Vec<InKind>,
    /// The members' budget calendar: milestones relative to the budget year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<super::sections::Milestone>,
    /// How each year's contributions are invoiced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instalments: Option<super::sections::Instalments>,
    /// Actual outcomes of budget years, for settlement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome: Vec<super::sections::Outcome>,
}

fn default_currency() -> String {
    "SEK".to_string()
}

fn default_unit() -> Number {
    Number(rust_decimal::Decimal::ONE)
}

/// Which date's figure of a metric applies to budget year Y: `month`/`day`
/// of year Y − `years_before`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PopulationRule {
    /// The metric that `per_capita` keys use, default `population`.
    #[serde(default = "default_metric")]
    pub metric: String,
    /// Years before the budget year, default 2 (31 December of Y−2).
    #[serde(default = "default_years_before")]
    pub years_before: u32,
    /// Month of the reference date, default 12.
    #[serde(default = "default_month")]
    pub month: u32,
    /// Day of the reference date, default 31.
    #[serde(default = "default_day")]
    pub day: u32,
    /// Use the latest earlier figure when the reference date has none
    /// (the result says so). Default false: a missing figure is an error.
    #[serde(default)]
    pub carry_forward: bool,
}

fn default_metric() -> String {
    "population".to_string()
}
fn default_years_before() -> u32 {
    2
}
fn default_month() -> u32 {
    12
}
fn default_day() -> u32 {
    31
}

impl Default for PopulationRule {
    fn default() -> Self {
        PopulationRule {
            metric: default_metric(),
            years_before: default_years_before(),
            month: default_month(),
            day: default_day(),
            carry_forward: false,
        }
    }
}

/// How indexed cost lines grow from their base year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indexation {
    /// One annual rate, e.g. `"0.03"` for 3 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    /// A rate per year (a price-index series), by year: `{ "2025" = "0.028" }`.
    /// Overrides `rate` for the years it names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rates: BTreeMap<String, Number>,
    /// How each year's indexed amount is rounded to the unit.
    #[serde(default)]
    pub rounding: Rounding,
}

/// The kind of member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    /// A municipality (kommun).
    #[default]
    Municipality,
    /// A region.
    Region,
    /// A university or college.
    University,
    /// A company.
    Company,
    /// Anything else.
    Other,
}

/// A member of the collaboration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Stable id, used everywhere else in the plan.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind of member.
    #[serde(default)]
    pub kind: MemberKind,
    /// Whether the member pays cash; `false` for members that take part in
    /// kind only.
    #[serde(default = "yes")]
    pub paying: bool,
    /// First day of membership, if within the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joins: Option<Date>,
    /// Last day of membership, if within the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves: Option<Date>,
    /// Metric series by date: `population = { "2019-12-31" = 102767 }`.
    #[serde(default)]
    pub metrics: BTreeMap<String, BTreeMap<Date, Number>>,
}

fn yes() -> bool {
    true
}

/// A cost line: one-off (`year`) or recurring (`from`, optional `to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostLine {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The amount per year (in the base year, for indexed lines). Omitted
    /// for a `per_inhabitant_fee` or `banded` key, whose total follows from
    /// the fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Number>,
    /// The year of a one-off cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The first year of a recurring cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// The last year of a recurring cost; default the plan's last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// Whether the amount follows the plan's indexation from `from`.
    #[serde(default)]
    pub indexed: bool,
    /// Only these members share the line (a working group); default all
    /// paying members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<String>>,
    /// A key for this line instead of the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Key>,
}

/// External money that reduces what the members share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Stable id.
    pub id: String,
    /// Display name, e.g. the start grant from Tillväxtverket.
    pub name: String,
    /// The budget year it funds.
    pub year: i32,
    /// The amount.
    pub amount: Number,
    /// The cost line it is earmarked for, if any; otherwise it reduces
    /// every line in proportion to its gross amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
}

/// A member's contribution in kind for some years: `hours × rate`, or an
/// `amount`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InKind {
    /// The member.
    pub member: String,
    /// What is contributed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A single year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First year of a recurring contribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// Last year of a recurring contribution; default the plan's last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// Hours per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Number>,
    /// Value of an hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    /// Value per year, instead of hours × rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Number>,
}

// Read by the hand-written `Deserialize` below, not a derived one: serde's
// derived reading of a tagged enum buffers every key first, and that
// buffering cost the browser module more code than all of the variants,
// and lost the path of every error inside the key.
/// How a cost is shared among the members who pay it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Key {
    /// By population, at the date of the plan's population rule. (An empty
    /// struct variant, not a unit one, so that serde refuses unknown fields
    /// beside `type`.)
    PerCapita {},
    /// In equal parts.
    Equal {},
    /// By any metric of the members, at the population rule's date.
    Metric {
        /// The metric's name, e.g. `employees`.
        metric: String,
    },
    /// By explicit weights per member id.
    Weights {
        /// Weight per member id; members not named weigh 0.
        weights: BTreeMap<String, Number>,
    },
    /// Some members pay fixed shares (e.g. the region 0.25); the rest is
    /// shared among the others by `rest`.
    FixedShares {
        /// Share per member id, as a fraction of 1.
        shares: BTreeMap<String, Number>,
        /// The key for the others.
        rest: Box<Key>,
    },
    /// Some members pay fixed amounts per year; the rest is shared among the
    /// others by `rest`.
    FixedAmounts {
        /// Amount per member id.
        amounts: BTreeMap<String, Number>,
        /// The key for the others.
        rest: Box<Key>,
    },
    /// A weighted mix of keys, e.g. 0.3 equal + 0.7 per capita; the weights
    /// must add up to 1.
    Blend {
        /// The parts of the mix.
        parts: Vec<BlendPart>,
    },
    /// A fee per inhabitant; the line's total follows from it.
    PerInhabitantFee {
        /// The fee per inhabitant and year.
        fee: Number,
    },
    /// A fixed fee per member by its population band, re-banded every
    /// year by the population at the reference date; the line's total
    /// follows from the fees. Only a cost line's own key or the plan's
    /// key, never inside another key.
    Banded {
        /// The bands, in increasing `below`; the last one has no `below`.
        bands: Vec<Band>,
    },
    /// Another key with caps and floors; what a cap cuts off is shared
    /// among the others by the same key until it settles.
    Limited {
        /// The key being limited.
        key: Box<Key>,
        /// The largest share any member pays, e.g. `"0.4"`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_share: Option<Number>,
        /// The largest amount per member id, per year of this key's lines.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        max_amount: BTreeMap<String, Number>,
        /// The smallest amount per member id, per year of this key's lines.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        min_amount: BTreeMap<String, Number>,
    },
}

/// The names of the keys, as `type` spells them.
const KEY_TYPES: &[&str] = &[
    "per_capita",
    "equal",
    "metric",
    "weights",
    "fixed_shares",
    "fixed_amounts",
    "blend",
    "per_inhabitant_fee",
    "banded",
    "limited",
];

/// The fields of each key beside `type`, read as serde reads any struct.
mod key_fields {
    use super::{BTreeMap, Band, BlendPart, Key, Number};
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Nothing {}

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Metric {
        pub metric: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Weights {
        pub weights: BTreeMap<String, Number>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct FixedShares {
        pub shares: BTreeMap<String, Number>,
        pub rest: Box<Key>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct FixedAmounts {
        pub amounts: BTreeMap<String, Number>,
        pub rest: Box<Key>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Blend {
        pub parts: Vec<BlendPart>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct PerInhabitantFee {
        pub fee: Number,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Banded {
        pub bands: Vec<Band>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Limited {
        pub key: Box<Key>,
        #[serde(default)]
        pub max_share: Option<Number>,
        #[serde(default)]
        pub max_amount: BTreeMap<String, Number>,
        #[serde(default)]
        pub min_amount: BTreeMap<String, Number>,
    }
}

/// Every field any key has, beside `type`: a field outside this list is
/// refused as soon as it is read, whatever the key's `type`.
const KEY_FIELDS: &[&str] = &[
    "type",
    "metric",
    "weights",
    "shares",
    "amounts",
    "rest",
    "parts",
    "fee",
    "bands",
    "key",
    "max_share",
    "max_amount",
    "min_amount",
];

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_map(KeyVisitor)
    }
}

/// Reads a key from its table. andel's reader hands a table's `type` out
/// first (reader.rs), so the variant is known before any other field and
/// the fields are read in place: an error inside a key (a misspelt field,
/// a blend's bad part) has its own path (`key.parts[1].weight`) and so its
/// own line. A table from another deserializer, whose `type` may come
/// later, is gathered first and then read; its errors are placed at the
/// key.
struct KeyVisitor;

impl<'de> de::Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key: a table with its `type`")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        use de::Error as _;
        let Some(first) = map.next_key_seed(FieldName)? else {
            return Err(A::Error::missing_field("type"));
        };
        if first == "type" {
            let tag = map.next_value_seed(TypeName)?;
            return variant(tag, de::value::MapAccessDeserializer::new(map));
        }
        let mut fields = serde_json::Map::new();
        let mut tag = None;
        let mut next = Some(first);
        while let Some(name) = next {
            if name == "type" {
                tag = Some(map.next_value_seed(TypeName)?);
            } else {
                fields.insert(name, map.next_value()?);
            }
            next = map.next_key_seed(FieldName)?;
        }
        let tag = tag.ok_or_else(|| A::Error::missing_field("type"))?;
        variant(tag, serde_json::Value::Object(fields)).map_err(A::Error::custom)
    }
}

/// A key's field name, refused at once (at its own path) when no key has
/// such a field.
struct FieldName;

impl<'de> de::DeserializeSeed<'de> for FieldName {
    type Value = String;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        let name = String::deserialize(deserializer)?;
        if KEY_FIELDS.contains(&name.as_str()) {
            Ok(name)
        } else {
            Err(de::Error::unknown_field(&name, KEY_FIELDS))
        }
    }
}

/// A key's `type`: one of [`KEY_TYPES`], refused at `type` otherwise.
struct TypeName;

impl<'de> de::DeserializeSeed<'de> for TypeName {
    type Value = &'static str;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<&'static str, D::Error> {
        use de::Error as _;
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(tag) => KEY_TYPES
                .iter()
                .find(|&&t| t == tag)
                .copied()
                .ok_or_else(|| D::Error::unknown_variant(&tag, KEY_TYPES)),
            _ => Err(D::Error::custom("`type` must be a string naming the key")),
        }
    }
}

/// The key `tag` names, its fields read from `fields`.
fn variant<'de, D: serde::Deserializer<'de>>(tag: &str, fields: D) -> Result<Key, D::Error> {
    use key_fields as f;
    Ok(match tag {
        "per_capita" => f::Nothing::deserialize(fields).map(|_| Key::PerCapita {})?,
        "equal" => f::Nothing::deserialize(fields).map(|_| Key::Equal {})?,
        "metric" => f::Metric::deserialize(fields).map(|k| Key::Metric { metric: k.metric })?,
        "weights" => {
            f::Weights::deserialize(fields).map(|k| Key::Weights { weights: k.weights })?
        }
        "fixed_shares" => f::FixedShares::deserialize(fields).map(|k| Key::FixedShares {
            shares: k.shares,
            rest: k.rest,
        })?,
        "fixed_amounts" => f::FixedAmounts::deserialize(fields).map(|k| Key::FixedAmounts {
            amounts: k.amounts,
            rest: k.rest,
        })?,
        "blend" => f::Blend::deserialize(fields).map(|k| Key::Blend { parts: k.parts })?,
        "per_inhabitant_fee" => f::PerInhabitantFee::deserialize(fields)
            .map(|k| Key::PerInhabitantFee { fee: k.fee })?,
        "banded" => f::Banded::deserialize(fields).map(|k| Key::Banded { bands: k.bands })?,
        "limited" => f::Limited::deserialize(fields).map(|k| Key::Limited {
            key: k.key,
            max_share: k.max_share,
            max_amount: k.max_amount,
            min_amount: k.min_amount,
        })?,
        other => return Err(de::Error::unknown_variant(other, KEY_TYPES)),
    })
}

impl Default for Key {
    /// Per capita.
    fn default() -> Self {
        Key::PerCapita {}
    }
}

/// One part of a [`Key::Blend`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlendPart {
    /// The part's weight, as a fraction of 1.
    pub weight: Number,
    /// The key of this part.
    pub key: Key,
}

/// One band of a [`Key::Banded`]: the members whose population is at least
/// the previous band's `below` (0 for the first) and under this one's pay
/// `fee` a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The band's upper edge, not included (`15000`: under 15 000
    /// inhabitants); left out for the last band, which has no upper edge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Number>,
    /// The fee a year of a member in this band, a whole multiple of the
    /// plan's unit.
    pub fee: Number,
}

impl Band {
    /// The index of the band of `population` among `bands` (validated:
    /// increasing `below`, the last open): the first band whose `below`
    /// is above it. `None` only for bands that are not valid.
    pub(crate) fn of(bands: &[Band], population: rust_decimal::Decimal) -> Option<usize> {
        bands
            .iter()
            .position(|b| b.below.is_none_or(|below| population < below.value()))
    }

    /// The band's lower edge: the previous band's `below`, 0 for the first.
    pub(crate) fn lower(bands: &[Band], i: usize) -> rust_decimal::Decimal {
        i.checked_sub(1)
            .and_then(|p| bands[p].below)
            .map_or(rust_decimal::Decimal::ZERO, |b| b.value())
    }
}
