//! The arguments of a split (`allocate`, `explain`, `allocateUnits`) and of
//! `round_to_unit` as a binding hands them over, read in the one order and
//! with the one number policy of every runtime.
//!
//! A binding only converts: each host value becomes a [`RawNumber`] (a
//! decimal text, an exact integer, a host float given as its shortest
//! round-trip text, a value that is no number at all, or nothing). This
//! module reads them in the order `tests/vectors/README.md` fixes — total,
//! unit, first divisor, the weights in order, then the method, then the
//! names against the weights — and decides what a float may be: money (a
//! total, a unit, an amount) is never a float, a weight or a first divisor
//! given as a float is read through its shortest text (`0.1` is 0.1). The
//! first error wins. No float is ever held here: a float arrives as its text
//! and the fact that it was one.
//!
//! A refusal of a host value (a float for money, a float with no decimal
//! value, a value that is no number) is a [`Refusal`] the binding turns into
//! its own error with its own wording (Python's `TypeError`, the JavaScript
//! wrapper's `invalid_number` that names `BigInt`); when it happens is
//! decided here.

use super::{Allocator, DEFAULT_UNIT};
use crate::error::{Error, weight_label};
use crate::method::Method;
use crate::number::{is_not_finite, parse_decimal};
use crate::rounding::Rounding;
use rust_decimal::Decimal;

/// One number of a split as a binding hands it over, before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawNumber<'a> {
    /// Not given: the default applies (the unit's is [`DEFAULT_UNIT`]; a
    /// first divisor stays unset).
    Absent,
    /// A decimal text as the caller wrote it (a string, a `Decimal`'s text,
    /// a big integer's digits), read by [`parse_decimal`].
    Text(&'a str),
    /// An exact integer.
    Integer(i64),
    /// A host float, given as its shortest text that reads back as the same
    /// float (Python's `repr`, JavaScript's `String(n)`): `0.1`, `1e+21`,
    /// `NaN`, `Infinity`.
    Float(&'a str),
    /// A host value that cannot be a number at all (a bool, `null`, an
    /// object), with how the host shows it in a message.
    Other(&'a str),
}

/// Which number of a split is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitNumber {
    /// The amount to split.
    Total,
    /// The rounding unit.
    Unit,
    /// Sainte-Laguë's first divisor.
    FirstDivisor,
    /// The weight at this index.
    Weight(usize),
    /// The amount `round_to_unit` rounds.
    Amount,
}

impl SplitNumber {
    /// Whether this number is money, which is never a float.
    pub fn is_money(self) -> bool {
        matches!(self, Self::Total | Self::Unit | Self::Amount)
    }
}

/// Why a host value was refused before it was read as a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// Money given as a float: it may already have lost the figure meant.
    FloatMoney,
    /// A float that has no decimal value (NaN, an infinity).
    NotFinite,
    /// A value that is no number at all ([`RawNumber::Other`]).
    NotANumber,
}

/// A host value refused by the number policy, for the binding to phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal<'a> {
    /// Which number it was.
    pub which: SplitNumber,
    /// Its label in messages (`total`, `weight 3 (Hylte)`).
    pub field: &'a str,
    /// The value as the host showed it (a float's text, a type's name).
    pub shown: &'a str,
    /// Why it was refused.
    pub kind: RefusalKind,
}

impl Refusal<'_> {
    /// The refusal as core's `invalid_number`, with `reason` in the message.
    pub fn invalid_number(&self, reason: &str) -> Error {
        Error::InvalidNumber {
            field: self.field.to_string(),
            input: self.shown.to_string(),
            reason: reason.to_string(),
        }
    }
}

/// How a binding turns a [`Refusal`] into its own error.
pub type Refuse<'r, E> = &'r dyn Fn(Refusal<'_>) -> E;

/// The arguments of a split other than the weights, as a binding hands them
/// over, and what it needs to name the weights.
#[derive(Debug, Clone, Copy)]
pub struct SplitArguments<'a> {
    /// The amount to split.
    pub total: RawNumber<'a>,
    /// The rounding unit ([`RawNumber::Absent`]: [`DEFAULT_UNIT`]).
    pub unit: RawNumber<'a>,
    /// Sainte-Laguë's first divisor ([`RawNumber::Absent`]: none).
    pub first_divisor: RawNumber<'a>,
    /// The host's name of the first-divisor option in messages
    /// (`first_divisor`, `firstDivisor`, `first divisor`).
    pub first_divisor_field: &'a str,
    /// The public name of the method (`None`: largest remainder).
    pub method: Option<&'a str>,
    /// How many weights there are, to check `names` against.
    pub weight_count: usize,
    /// A name per weight, used in messages.
    pub names: Option<&'a [String]>,
}

/// A split's settings and total, read, with whatever the weights became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSplit<W> {
    /// Unit, method and first divisor.
    pub allocator: Allocator,
    /// The amount to split.
    pub total: Decimal,
    /// The weights, as the binding's reading of them gave them.
    pub weights: W,
}

/// Reads the weights of a split for a binding, one at a time and in order,
/// with the split's number policy; given to the binding's weight loop by
/// [`SplitArguments::read`].
pub struct WeightReader<'r, E> {
    names: Option<&'r [String]>,
    refuse: Refuse<'r, E>,
}

impl<E: From<Error>> WeightReader<'_, E> {
    /// Reads weight number `index`, named in messages like core names it
    /// (`weight 3 (Hylte)`). The label is made only when the weight is
    /// refused, so a long list of good weights costs no allocation each.
    pub fn weight(&self, index: usize, raw: RawNumber<'_>) -> Result<Decimal, E> {
        self.weight_labelled(index, raw, || {
            weight_label(
                index,
                self.names.and_then(|n| n.get(index)).map(String::as_str),
            )
        })
    }

    /// [`weight`](Self::weight) with the host's own label (made only on
    /// failure), for a host that numbers or names weights otherwise.
    pub fn weight_labelled(
        &self,
        index: usize,
        raw: RawNumber<'_>,
        label: impl FnOnce() -> String,
    ) -> Result<Decimal, E> {
        if let RawNumber::Integer(int) = raw {
            return Ok(Decimal::from(int));
        }
        if let RawNumber::Text(text) | RawNumber::Float(text) = raw
            && let Ok(value) = parse_decimal(text, "weight")
        {
            return Ok(value);
        }
        read(raw, SplitNumber::Weight(index), &label(), self.refuse).map(|d| d.unwrap_or_default())
    }
}

impl SplitArguments<'_> {
    /// Reads every argument, or gives the first error in the shared order:
    /// total, unit, first divisor, the weights in order (by `weights`, the
    /// binding's loop over its own values with the [`WeightReader`]; it
    /// may instead check weights that need no reading, such as integers),
    /// then the method, then the names against the weights. Every other
    /// check is the split's own.
    pub fn read<W, E: From<Error>>(
        &self,
        refuse: Refuse<'_, E>,
        weights: impl FnOnce(&WeightReader<'_, E>) -> Result<W, E>,
    ) -> Result<ReadSplit<W>, E> {
        let total = required(self.total, SplitNumber::Total, "total", refuse)?;
        let unit = read(self.unit, SplitNumber::Unit, "unit", refuse)?;
        let first_divisor = read(
            self.first_divisor,
            SplitNumber::FirstDivisor,
            self.first_divisor_field,
            refuse,
        )?;
        let weights = weights(&WeightReader {
            names: self.names,
            refuse,
        })?;
        let method: Method = read_name(self.method)?;
        if let Some(names) = self.names
            && names.len() != self.weight_count
        {
            return Err(Error::NamesMismatch {
                names: names.len(),
                weights: self.weight_count,
            }
            .into());
        }
        let allocator = Allocator::new()
            .unit(unit.unwrap_or(DEFAULT_UNIT))
            .method(method)
            .first_divisor(first_divisor);
        Ok(ReadSplit {
            allocator,
            total,
            weights,
        })
    }
}

/// Reads the arguments of `round_to_unit` in the shared order (amount,
/// unit, then the mode) with the split's number policy: the amount and the
/// unit are money, never a float; an absent unit is [`DEFAULT_UNIT`], an
/// absent mode the default rounding.
pub fn read_rounding_arguments<E: From<Error>>(
    amount: RawNumber<'_>,
    unit: RawNumber<'_>,
    mode: Option<&str>,
    refuse: Refuse<'_, E>,
) -> Result<(Decimal, Decimal, Rounding), E> {
    let amount = required(amount, SplitNumber::Amount, "amount", refuse)?;
    let unit = read(unit, SplitNumber::Unit, "unit", refuse)?.unwrap_or(DEFAULT_UNIT);
    let mode: Rounding = read_name(mode)?;
    Ok((amount, unit, mode))
}

/// A method or rounding mode by its public name, or the default when none
/// is given.
fn read_name<T: std::str::FromStr<Err = Error> + Default, E: From<Error>>(
    name: Option<&str>,
) -> Result<T, E> {
    Ok(name.map(str::parse).transpose()?.unwrap_or_default())
}

/// A number that must be given; absent, it reads as an empty text would.
fn required<E: From<Error>>(
    raw: RawNumber<'_>,
    which: SplitNumber,
    field: &str,
    refuse: Refuse<'_, E>,
) -> Result<Decimal, E> {
    let raw = match raw {
        RawNumber::Absent => RawNumber::Text(""),
        raw => raw,
    };
    Ok(read(raw, which, field, refuse)?.unwrap_or_default())
}

/// The one number policy: texts are read by [`parse_decimal`], integers
/// are exact, a float is refused for money and otherwise read through its
/// text (a float with no decimal value is refused), anything else is
/// refused.
fn read<E: From<Error>>(
    raw: RawNumber<'_>,
    which: SplitNumber,
    field: &str,
    refuse: Refuse<'_, E>,
) -> Result<Option<Decimal>, E> {
    let refusal = |shown, kind| {
        refuse(Refusal {
            which,
            field,
            shown,
            kind,
        })
    };
    match raw {
        RawNumber::Absent => Ok(None),
        RawNumber::Integer(int) => Ok(Some(Decimal::from(int))),
        RawNumber::Text(text) => Ok(Some(parse_decimal(text, field)?)),
        RawNumber::Float(text) if which.is_money() => Err(refusal(text, RefusalKind::FloatMoney)),
        RawNumber::Float(text) => match parse_decimal(text, field) {
            Ok(value) => Ok(Some(value)),
            Err(_) if is_not_finite(text) => Err(refusal(text, RefusalKind::NotFinite)),
            Err(err) => Err(err.into()),
        },
        RawNumber::Other(shown) => Err(refusal(shown, RefusalKind::NotANumber)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A host that refuses with core's `invalid_number` and the kind as
    /// reason, like the JavaScript wrapper.
    fn refuse(refusal: Refusal<'_>) -> Error {
        refusal.invalid_number(&format!("{:?}", refusal.kind))
    }

    fn args(total: RawNumber<'static>) -> SplitArguments<'static> {
        SplitArguments {
            total,
            unit: RawNumber::Absent,
            first_divisor: RawNumber::Absent,
            first_divisor_field: "firstDivisor",
            method: None,
            weight_count: 0,
            names: None,
        }
    }

    fn read_texts(
        args: &SplitArguments<'_>,
        weights: &[RawNumber<'_>],
    ) -> Result<ReadSplit<Vec<Decimal>>, Error> {
        args.read(&refuse, |reader| {
            weights
                .iter()
                .enumerate()
                .map(|(i, &w)| reader.weight(i, w))
                .collect()
        })
    }

    fn field(err: Error) -> String {
        match err {
            Error::InvalidNumber { field, .. } => field,
            other => panic!("expected invalid_number, got {other:?}"),
        }
    }

    #[test]
    fn defaults_are_the_core_defaults() {
        let split = read_texts(&args(RawNumber::Text("3")), &[RawNumber::Integer(1)]).unwrap();
        assert_eq!(split.allocator, Allocator::new());
        assert_eq!(split.total, Decimal::from(3));
        assert_eq!(split.weights, [Decimal::from(1)]);
    }

    #[test]
    fn errors_come_in_the_shared_order() {
        let all_bad = SplitArguments {
            total: RawNumber::Text("a"),
            unit: RawNumber::Float("0.01"),
            first_divisor: RawNumber::Other("null"),
            method: Some("nope"),
            weight_count: 2,
            ..args(RawNumber::Absent)
        };
        let weights = [RawNumber::Text("1"), RawNumber::Float("NaN")];
        let first = |a: SplitArguments<'_>| read_texts(&a, &weights).unwrap_err();
        assert_eq!(field(first(all_bad)), "total");
        let total_ok = SplitArguments {
            total: RawNumber::Integer(1),
            ..all_bad
        };
        let err = first(total_ok);
        assert!(err.to_string().contains("FloatMoney"), "{err}");
        assert_eq!(field(err), "unit");
        let unit_ok = SplitArguments {
            unit: RawNumber::Text("1"),
            ..total_ok
        };
        assert_eq!(field(first(unit_ok)), "firstDivisor");
        let divisor_ok = SplitArguments {
            first_divisor: RawNumber::Float("1.2"),
            ..unit_ok
        };
        let err = first(divisor_ok);
        assert!(err.to_string().contains("NotFinite"), "{err}");
        assert_eq!(field(err), "weight 1");
        let err = read_texts(&divisor_ok, &weights[..1]).unwrap_err();
        assert_eq!(err.code(), "unknown_method");
        let method_ok = SplitArguments {
            method: Some("sainte_lague"),
            names: Some(&[]),
            ..divisor_ok
        };
        let err = read_texts(&method_ok, &weights[..1]).unwrap_err();
        assert_eq!(err.code(), "names_mismatch");
    }

    #[test]
    fn floats_are_read_by_their_text_except_for_money() {
        let split = read_texts(
            &SplitArguments {
                first_divisor: RawNumber::Float("1.2"),
                method: Some("sainte_lague"),
                ..args(RawNumber::Text("10"))
            },
            &[RawNumber::Float("0.1"), RawNumber::Float("1e+21")],
        )
        .unwrap();
        assert_eq!(
            split.allocator,
            Allocator::new()
                .method(Method::SainteLague)
                .first_divisor(Some("1.2".parse().unwrap()))
        );
        assert_eq!(
            split.weights,
            ["0.1".parse::<Decimal>().unwrap(), "1e21".parse().unwrap()]
        );
        let err = read_texts(&args(RawNumber::Float("10")), &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "total: \"10\" is not a valid number (FloatMoney)"
        );
    }

    #[test]
    fn a_bad_weight_is_named() {
        let names = ["Båstad".to_string(), "Hylte".to_string()];
        let err = read_texts(
            &SplitArguments {
                names: Some(&names),
                weight_count: 2,
                ..args(RawNumber::Text("1"))
            },
            &[RawNumber::Integer(1), RawNumber::Text("1,5")],
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("weight 1 (Hylte): \"1,5\""),
            "{err}"
        );
        let err = args(RawNumber::Text("1"))
            .read(&refuse, |reader| {
                reader.weight_labelled(0, RawNumber::Text("x"), || "weight #1".into())
            })
            .unwrap_err();
        assert_eq!(field(err), "weight #1");
    }

    #[test]
    fn an_absent_total_reads_as_empty() {
        let err = read_texts(&args(RawNumber::Absent), &[]).unwrap_err();
        assert_eq!(field(err), "total");
    }

    #[test]
    fn rounding_arguments_in_order() {
        let read =
            |amount, unit, mode| read_rounding_arguments::<Error>(amount, unit, mode, &refuse);
        assert_eq!(
            read(RawNumber::Text("1.005"), RawNumber::Absent, None).unwrap(),
            ("1.005".parse().unwrap(), DEFAULT_UNIT, Rounding::default())
        );
        let err = read(RawNumber::Float("1"), RawNumber::Text("x"), Some("nope")).unwrap_err();
        assert_eq!(field(err), "amount");
        let err = read(RawNumber::Text("1"), RawNumber::Text("x"), Some("nope")).unwrap_err();
        assert_eq!(field(err), "unit");
        let err = read(RawNumber::Text("1"), RawNumber::Absent, Some("nope")).unwrap_err();
        assert_eq!(err.code(), "unknown_rounding");
    }
}
