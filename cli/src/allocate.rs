//! `andel allocate`: read the arguments, split with andel, render.

use crate::args::{AllocateArgs, Format};
use crate::failure::Failure;
use crate::render;
use andel::text::Lang;
use andel::{Allocation, Decimal, RawNumber, Refusal, SplitArguments, WeightReader};

/// Runs `andel allocate` and returns the text to print.
///
/// The table is in English unless `--lang sv` is given: a split has no
/// currency to choose a language by.
pub fn run(args: &AllocateArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let allocation = explain(args)?;
    check_sum(&allocation)?;
    match args.format {
        Format::Table => Ok(render::table(&allocation, lang.unwrap_or(Lang::En))),
        Format::Json => render::json(&allocation),
        Format::Csv => Ok(render::csv(&allocation)),
    }
}

/// Reads every argument and asks andel for the explained split.
///
/// The arguments are read by andel's [`SplitArguments::read`], in the order
/// every runtime reports errors in (total, unit, first divisor, the weights
/// in order, then the method); only the `NAME=WEIGHT` form is the
/// command's.
fn explain(args: &AllocateArgs) -> Result<Allocation, Failure> {
    fn text(t: Option<&str>) -> RawNumber<'_> {
        t.map_or(RawNumber::Absent, RawNumber::Text)
    }
    let arguments = SplitArguments {
        total: RawNumber::Text(&args.total),
        unit: text(args.unit.as_deref()),
        first_divisor: text(args.first_divisor.as_deref()),
        first_divisor_field: "first divisor",
        method: args.method.as_deref(),
        weight_count: args.weights.len(),
        names: None,
    };
    // The command's texts are never floats nor other values: nothing to refuse.
    let refuse = |refusal: Refusal<'_>| Failure::from(refusal.invalid_number("not a text"));
    let split = arguments.read(&refuse, |reader| read_weights(&args.weights, reader))?;
    let weights = split.weights;
    let amounts: Vec<Decimal> = weights.iter().map(|w| w.weight).collect();
    // Always pass labels, so that an error about a bare weight says which
    // one (`#2`) the way the table would show it.
    let labels: Vec<String> = weights.iter().map(Weight::label).collect();
    let mut allocation = split
        .allocator
        .explain_named(split.total, &labels, &amounts)?;
    if weights.iter().all(|w| w.name.is_none()) {
        // No names were given: JSON says so (`null`); the table and CSV
        // show `#1`, `#2`, … themselves.
        for part in &mut allocation.parts {
            part.name = None;
        }
    }
    Ok(allocation)
}

/// One weight argument, read.
#[derive(Debug, PartialEq)]
struct Weight {
    /// Position from 1, as shown to people.
    position: usize,
    name: Option<String>,
    weight: Decimal,
}

impl Weight {
    /// The name, or `#position` for a bare weight.
    fn label(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("#{}", self.position))
    }
}

/// Reads `NAME=WEIGHT` or bare `WEIGHT` arguments, each number by andel's
/// `reader`.
///
/// The split is at the last `=`, so a name may itself contain `=`; a weight
/// never does.
fn read_weights(
    raw: &[String],
    reader: &WeightReader<'_, Failure>,
) -> Result<Vec<Weight>, Failure> {
    raw.iter()
        .enumerate()
        .map(|(i, arg)| {
            let position = i + 1;
            let (name, text) = match arg.rsplit_once('=') {
                Some((name, text)) => {
                    let name = name.trim();
                    if name.is_empty() {
                        return Err(Failure::Usage(format!(
                            "weight argument {position} ({arg:?}) has an empty name: write NAME=WEIGHT or just WEIGHT"
                        )));
                    }
                    (Some(name.to_string()), text)
                }
                None => (None, arg.as_str()),
            };
            let weight = reader.weight_labelled(i, RawNumber::Text(text), || match &name {
                Some(name) => format!("weight #{position} ({name})"),
                None => format!("weight #{position}"),
            })?;
            Ok(Weight {
                position,
                name,
                weight,
            })
        })
        .collect()
}

/// Checks that the amounts add up to the total, as andel promises. A
/// failure here is a bug in andel, reported instead of a wrong table.
fn check_sum(allocation: &Allocation) -> Result<(), Failure> {
    let sum = allocation
        .parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, part| acc.checked_add(part.amount));
    match sum {
        Some(sum) if sum == allocation.total => Ok(()),
        other => Err(Failure::Internal(format!(
            "the amounts add up to {}, not to the total {}",
            other.map_or_else(|| "more than can be held".to_string(), |s| s.to_string()),
            allocation.total
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// The weight arguments read as `andel allocate --total 1` reads them.
    fn read_weights(raw: &[String]) -> Result<Vec<Weight>, Failure> {
        let arguments = SplitArguments {
            total: RawNumber::Text("1"),
            unit: RawNumber::Absent,
            first_divisor: RawNumber::Absent,
            first_divisor_field: "first divisor",
            method: None,
            weight_count: raw.len(),
            names: None,
        };
        let refuse = |r: Refusal<'_>| Failure::from(r.invalid_number("not a text"));
        let split = arguments.read(&refuse, |reader| super::read_weights(raw, reader))?;
        Ok(split.weights)
    }

    #[test]
    fn reads_named_and_bare_weights() {
        let read = read_weights(&args(&["Båstad=15128", "7", "a=b=1.5"])).unwrap();
        let labels: Vec<String> = read.iter().map(Weight::label).collect();
        assert_eq!(labels, ["Båstad", "#2", "a=b"]);
        assert_eq!(read[2].weight, "1.5".parse::<Decimal>().unwrap());
    }

    #[test]
    fn refuses_empty_names_and_bad_numbers() {
        let err = read_weights(&args(&["=5"])).unwrap_err();
        assert_eq!(err.code(), "usage");
        let err = read_weights(&args(&["A=1", "B=1,5"])).unwrap_err();
        assert_eq!(err.code(), "invalid_number");
        assert!(
            err.to_string().starts_with("weight #2 (B): \"1,5\""),
            "{err}"
        );
    }
}
