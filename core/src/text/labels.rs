//! The words of human-readable output, in each language.
//!
//! One table of labels per language, so a label cannot be missing in one
//! of them (the struct has no defaults) and every surface (command line,
//! workbook, explanations) says the same thing the same way. Labels are
//! lower case as table headers are; [`Labels::capitalized`] gives the form
//! that starts a sentence or a workbook header.

use serde::Serialize;

/// The labels of human-readable output in one language; see
/// [`Lang::labels`](super::Lang::labels).
///
/// Serialises as an object of its fields (`{"member": "medlem", …}`), so
/// the Python and JavaScript bindings hand the same labels over without
/// writing them again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// Column of names of members: `medlem` / `member`.
    pub member: &'static str,
    /// Column of names of parts of a split: `namn` / `name`.
    pub name: &'static str,
    /// Total row or column: `totalt` / `total`.
    pub total: &'static str,
    /// A member's cash contribution: `bidrag` / `contribution`.
    pub contribution: &'static str,
    /// Heading of contributions: `bidrag i` / `contributions in` (a currency follows).
    pub contributions_in: &'static str,
    /// The rounding unit: `avrundningsenhet` / `unit`.
    pub unit: &'static str,
    /// The apportionment method: `metod` / `method`.
    pub method: &'static str,
    /// A budget year: `budgetår` / `budget year`.
    pub budget_year: &'static str,
    /// Budget years, plural: `budgetår` / `budget years`.
    pub budget_years: &'static str,
    /// Gross cost: `brutto` / `gross`.
    pub gross: &'static str,
    /// External funding: `finansiering` / `funding`.
    pub funding: &'static str,
    /// Net cost: `netto` / `net`.
    pub net: &'static str,
    /// The net cost the members share: `nettokostnad` / `net cost`.
    pub net_cost: &'static str,
    /// Population figure: `befolkning` / `population`.
    pub population: &'static str,
    /// The date of a figure: `per` / `at`.
    pub at: &'static str,
    /// Share in percent: `andel %` / `share %`.
    pub share_percent: &'static str,
    /// Heading of the share table: `Andel av årets nettokostnad, %` / …
    pub share_of_net_cost: &'static str,
    /// Change from the previous year: `förändring` / `change`.
    pub change: &'static str,
    /// One in-kind value: `naturainsats` / `in kind`.
    pub in_kind: &'static str,
    /// In-kind contributions, plural: `naturainsatser` / `in kind`.
    pub in_kind_plural: &'static str,
    /// Why in-kind values stand beside the cash, for headings.
    pub in_kind_note: &'static str,
    /// Heading of notes: `Anmärkningar` / `Notes`.
    pub notes: &'static str,
    /// Footnote of a carried-forward population figure.
    pub carried_forward_note: &'static str,
    /// Summary sheet of a workbook: `Sammanställning` / `Summary`.
    pub summary_sheet: &'static str,
    /// Credit: `beräknat med andel` / `computed by andel`.
    pub computed_by: &'static str,
    /// Due date: `förfaller` / `due`.
    pub due: &'static str,
    /// Number of an instalment: `nr` / `#`.
    pub number: &'static str,
    /// An amount: `belopp` / `amount`.
    pub amount: &'static str,
    /// A settlement of a year: `avräkning` / `settlement`.
    pub settlement: &'static str,
    /// A payment reference: `referens` / `reference`.
    pub reference: &'static str,
    /// Invoices: `fakturor` / `invoices`.
    pub invoices: &'static str,
    /// Instalments: `delbetalning(ar)` / `instalment(s)`.
    pub instalments: &'static str,
    /// Heading of the instalment runs.
    pub each_instalment_run: &'static str,
    /// The settlement on the first instalment: a sentence, the year follows `settlement_of`.
    pub settlement_on_first: &'static str,
    /// `avräkning för` / `settlement of` (a year follows).
    pub settlement_of: &'static str,
    /// Planned: `budget` / `planned`.
    pub planned: &'static str,
    /// Actual: `utfall` / `actual`.
    pub actual: &'static str,
    /// Difference: `skillnad` / `difference`.
    pub difference: &'static str,
    /// What a settlement means for the member: `innebörd` / `effect`.
    pub effect: &'static str,
    /// Money back to the member: `återbetalning` / `refund`.
    pub refund: &'static str,
    /// More to pay: `tilläggsdebitering` / `extra charge`.
    pub extra_charge: &'static str,
    /// Heading of a comparison of two plans (B − A follows).
    pub change_per_member_and_year: &'static str,
    /// `procent av A` / `percent of A`.
    pub percent_of_a: &'static str,
    /// `budgetkalender` / `budget calendar`.
    pub budget_calendar: &'static str,
    /// Who a milestone is for: `för` / `for`.
    pub for_whom: &'static str,
    /// A plan without milestones.
    pub no_milestones: &'static str,
    /// `medlemmar` / `members`.
    pub members: &'static str,
    /// `kostnadsrader` / `cost lines`.
    pub cost_lines: &'static str,
    /// `skrivna till` / `written to`.
    pub written_to: &'static str,
    /// A weight of a split: `vikt` / `weight`.
    pub weight: &'static str,
    /// Weights, plural: `vikter` / `weights`.
    pub weights: &'static str,
    /// `fördelat på` / `split by`.
    pub split_by: &'static str,
    /// `exakt kvot` / `exact quota`.
    pub exact_quota: &'static str,
    /// `kvot (avrundad)` / `quota (rounded)`.
    pub quota_rounded: &'static str,
    /// `+enheter` / `+units`.
    pub plus_units: &'static str,
    /// `första divisor` / `first divisor`.
    pub first_divisor: &'static str,
    /// What the columns of a split mean, one sentence a line.
    pub split_legend: &'static str,
    /// A figure too large to show rounded.
    pub too_large: &'static str,
    /// A display figure rounded from an exact one: `avrundat` / `rounded`.
    pub rounded: &'static str,
}

impl Labels {
    /// `label` with its first letter in upper case, for workbook headers
    /// and the start of a sentence.
    ///
    /// ```
    /// use andel::text::{Labels, Lang};
    /// assert_eq!(Labels::capitalized(Lang::Sv.labels().in_kind_plural), "Naturainsatser");
    /// ```
    pub fn capitalized(label: &str) -> String {
        let mut chars = label.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// Swedish.
pub(super) const SV: Labels = Labels {
    member: "medlem",
    name: "namn",
    total: "totalt",
    contribution: "bidrag",
    contributions_in: "bidrag i",
    unit: "avrundningsenhet",
    method: "metod",
    budget_year: "budgetår",
    budget_years: "budgetår",
    gross: "brutto",
    funding: "finansiering",
    net: "netto",
    net_cost: "nettokostnad",
    population: "befolkning",
    at: "per",
    share_percent: "andel %",
    share_of_net_cost: "Andel av årets nettokostnad, %",
    change: "förändring",
    in_kind: "naturainsats",
    in_kind_plural: "naturainsatser",
    in_kind_note: "värdet av arbete och tid, redovisat vid sidan av de kontanta bidragen",
    notes: "Anmärkningar",
    carried_forward_note: "senast kända tidigare siffra, framförd (planen tillåter det)",
    summary_sheet: "Sammanställning",
    computed_by: "beräknat med andel",
    due: "förfaller",
    number: "nr",
    amount: "belopp",
    settlement: "avräkning",
    reference: "referens",
    invoices: "fakturor för",
    instalments: "delbetalning(ar)",
    each_instalment_run: "Per delbetalning",
    settlement_on_first: "ligger på den första delbetalningen",
    settlement_of: "avräkning för",
    planned: "budget",
    actual: "utfall",
    difference: "skillnad",
    effect: "innebörd",
    refund: "återbetalning",
    extra_charge: "tilläggsdebitering",
    change_per_member_and_year: "Förändring per medlem och år",
    percent_of_a: "procent av A",
    budget_calendar: "budgetkalender",
    for_whom: "för",
    no_milestones: "planen har inga [[milestones]] (se docs/annual-cycle.md)",
    members: "medlemmar",
    cost_lines: "kostnadsrader",
    written_to: "skrivna till",
    weight: "vikt",
    weights: "vikter",
    split_by: "fördelat på",
    exact_quota: "exakt kvot",
    quota_rounded: "kvot (avrundad)",
    plus_units: "+enheter",
    first_divisor: "första divisor",
    split_legend: "exakt kvot = totalt × vikt / summan av vikterna.\n\
                   andel % och kvot (avrundad) är avrundade enbart för visning.\n\
                   +enheter = enheter utöver den exakta kvoten avrundad mot noll.",
    too_large: "(för stort)",
    rounded: "avrundat",
};

/// English.
pub(super) const EN: Labels = Labels {
    member: "member",
    name: "name",
    total: "total",
    contribution: "contribution",
    contributions_in: "contributions in",
    unit: "unit",
    method: "method",
    budget_year: "budget year",
    budget_years: "budget years",
    gross: "gross",
    funding: "funding",
    net: "net",
    net_cost: "net cost",
    population: "population",
    at: "at",
    share_percent: "share %",
    share_of_net_cost: "Share of each year's net cost, %",
    change: "change",
    in_kind: "in kind",
    in_kind_plural: "in kind",
    in_kind_note: "the value of work and time, reported beside the cash contributions",
    notes: "Notes",
    carried_forward_note: "the latest earlier figure, carried forward (the plan allows it)",
    summary_sheet: "Summary",
    computed_by: "computed by andel",
    due: "due",
    number: "#",
    amount: "amount",
    settlement: "settlement",
    reference: "reference",
    invoices: "invoices for",
    instalments: "instalment(s)",
    each_instalment_run: "Each instalment run",
    settlement_on_first: "is on the first instalment",
    settlement_of: "settlement of",
    planned: "planned",
    actual: "actual",
    difference: "difference",
    effect: "effect",
    refund: "refund",
    extra_charge: "extra charge",
    change_per_member_and_year: "Change per member and year",
    percent_of_a: "percent of A",
    budget_calendar: "budget calendar",
    for_whom: "for",
    no_milestones: "the plan has no [[milestones]] (see docs/annual-cycle.md)",
    members: "members",
    cost_lines: "cost lines",
    written_to: "written to",
    weight: "weight",
    weights: "weights",
    split_by: "split by",
    exact_quota: "exact quota",
    quota_rounded: "quota (rounded)",
    plus_units: "+units",
    first_divisor: "first divisor",
    split_legend: "exact quota = total × weight / sum of weights.\n\
                   share % and quota (rounded) are rounded for display only.\n\
                   +units = units given beyond the exact quota rounded toward zero.",
    too_large: "(too large)",
    rounded: "rounded",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label of one language, in field order. Destructuring without
    /// `..` makes a new field that is not listed here a compile error.
    macro_rules! every_label {
        ($($field:ident),* $(,)?) => {
            fn all(l: &Labels) -> Vec<&'static str> {
                let Labels { $($field),* } = l.clone();
                vec![$($field),*]
            }
        };
    }

    every_label!(
        member,
        name,
        total,
        contribution,
        contributions_in,
        unit,
        method,
        budget_year,
        budget_years,
        gross,
        funding,
        net,
        net_cost,
        population,
        at,
        share_percent,
        share_of_net_cost,
        change,
        in_kind,
        in_kind_plural,
        in_kind_note,
        notes,
        carried_forward_note,
        summary_sheet,
        computed_by,
        due,
        number,
        amount,
        settlement,
        reference,
        invoices,
        instalments,
        each_instalment_run,
        settlement_on_first,
        settlement_of,
        planned,
        actual,
        difference,
        effect,
        refund,
        extra_charge,
        change_per_member_and_year,
        percent_of_a,
        budget_calendar,
        for_whom,
        no_milestones,
        members,
        cost_lines,
        written_to,
        weight,
        weights,
        split_by,
        exact_quota,
        quota_rounded,
        plus_units,
        first_divisor,
        split_legend,
        too_large,
        rounded,
    );

    #[test]
    fn every_label_is_written_in_both_languages() {
        for labels in [&SV, &EN] {
            for label in all(labels) {
                assert!(!label.trim().is_empty());
                assert_eq!(label, label.trim(), "{label:?}");
            }
        }
    }

    #[test]
    fn labels_serialise_by_field_name() {
        let json = serde_json::to_value(&SV).unwrap();
        assert_eq!(json["member"], "medlem");
        assert_eq!(json["in_kind_plural"], "naturainsatser");
        assert_eq!(json.as_object().unwrap().len(), all(&SV).len());
    }

    #[test]
    fn the_languages_differ_where_the_words_do() {
        // Symbols and names read the same in both; every word differs.
        let same: Vec<_> = all(&SV)
            .into_iter()
            .zip(all(&EN))
            .filter(|(s, e)| s == e)
            .collect();
        assert!(same.is_empty(), "{same:?}");
        assert_eq!(SV.summary_sheet, "Sammanställning");
        assert_eq!(Labels::capitalized(SV.in_kind_plural), "Naturainsatser");
        assert_eq!(Labels::capitalized(EN.in_kind), "In kind");
    }
}
