//! The command line, as clap types.
//!
//! Every number stays a `String` here: numbers are read by
//! [`andel::parse_decimal`] in the command itself, so the command line
//! accepts and refuses exactly the texts the Python and JavaScript bindings
//! do, and a bad number is reported with andel's own error code.

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Exact cost sharing: split a budget by weights so every part is a whole \
multiple of a rounding unit and the parts add up exactly to the total.";

const EXAMPLES: &str = "\
Examples:
  andel plan                                   # the bundled reference case
  andel plan examples/tillvaxtmotor.toml --year 2024
  andel explain halmstad 2025                  # the reference case
  andel explain examples/tillvaxtmotor.toml Halmstad 2025 --lang en
  andel check my-plan.toml
  andel allocate --total 1000000 --unit 1 Båstad=15128 Falkenberg=45367 Halmstad=102767
  andel allocate --help";

const PLAN_EXAMPLES: &str = "\
A plan is a .toml or .json file (by its extension) as described in
docs/plan-format.md. Without a FILE, the bundled reference case is used.

Examples:
  andel plan                                   # every year and the totals
  andel plan examples/tillvaxtmotor.toml --year 2024   # one year in detail
  andel plan my-plan.toml --format csv > contributions.csv

Exit status: 0 on success, 2 for a plan with a problem (the message on
stderr reads `error[<code>]: FILE: <path> (line L, column C): <message>`).";

const ALLOCATE_EXAMPLES: &str = "\
Weights are NAME=WEIGHT (a name may contain spaces if quoted) or bare WEIGHT
(shown as #1, #2, …). Numbers use a decimal point and may have an exponent
(1e6); decimal commas and thousands separators (1,5 or 1 000) are refused.

Examples:
  # Population 2019 (SCB) of six municipalities, whole kronor:
  andel allocate --total 1000000 --unit 1 \\
      Båstad=15128 Falkenberg=45367 Halmstad=102767 Hylte=10815 Laholm=25903 Ljungby=28521

  # 10 seats by Sainte-Laguë with the Swedish first divisor 1.2 (illustrative votes):
  andel allocate --total 10 --unit 1 --method sainte_lague --first-divisor 1.2 A=5100 B=2900 C=1400 D=600

  # Unnamed weights, öre (the default unit), as CSV for a spreadsheet:
  andel allocate --total 1e4 --format csv 3 2 1

Exit status: 0 on success, 2 for bad input (the message on stderr reads
`error[<code>]: <message>`), 1 if the output could not be written.";

/// `andel`: the command line.
#[derive(Debug, Parser)]
#[command(name = "andel", version, about = ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// Language of tables and texts: sv (Swedish labels, 1 250 000,50) or
    /// en. Default: sv for plans in SEK, else en; allocate: en. JSON and
    /// CSV are the same in both.
    #[arg(long, global = true, value_name = "sv|en")]
    pub lang: Option<andel::text::Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split a total by weights into whole multiples of a unit that add up exactly.
    #[command(after_help = ALLOCATE_EXAMPLES, allow_negative_numbers = true)]
    Allocate(AllocateArgs),
    /// Compute a budget plan: every member's contribution, year by year.
    #[command(after_help = PLAN_EXAMPLES)]
    Plan(PlanArgs),
    /// Explain how one member's contribution in one year arose.
    #[command(
        after_help = EXPLAIN_EXAMPLES,
        override_usage = "andel explain [OPTIONS] [FILE] MEMBER YEAR"
    )]
    Explain(ExplainArgs),
    /// Check a plan file and report every problem, each with its line and column.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Print the JSON Schema of the plan format.
    Schema,
    /// The members' budget calendar: every milestone of every year, with its date.
    #[command(after_help = CALENDAR_EXAMPLES)]
    Calendar(CalendarArgs),
    /// A year's invoices: every member's instalments, with due dates and references.
    #[command(after_help = INVOICES_EXAMPLES)]
    Invoices(InvoicesArgs),
    /// Settle a year's actual outcome: each member's refund or extra charge.
    #[command(after_help = SETTLE_EXAMPLES)]
    Settle(SettleArgs),
    /// Compare two plans (scenarios): the change per member and year.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Why each member's contribution changed from the previous year, cause by cause.
    #[command(after_help = WHY_EXAMPLES)]
    Why(WhyArgs),
    /// Write the whole result as a budget document: an Excel workbook (.xlsx).
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
}

const EXPLAIN_EXAMPLES: &str = "\
MEMBER is a member's id (halmstad) or its name (Halmstad, \"Högskolan i
Halmstad\") when only one member has it. Without a FILE, the bundled
reference case is used.

Examples:
  andel explain halmstad 2025                  # the reference case, in Swedish
  andel explain examples/tillvaxtmotor.toml Falkenberg 2021
  andel explain examples/tillvaxtmotor.toml hh 2023 --lang en";

const CHECK_EXAMPLES: &str = "\
Without a FILE, the bundled reference case is checked.

Examples:
  andel check                                  # the reference case
  andel check my-plan.toml                     # every problem, FILE:LINE:COLUMN

Exit status: 0 when the plan is sound, 2 when it has a problem.";

const EXPORT_EXAMPLES: &str = "\
A summary sheet and one sheet per budget year; amounts are numbers in
kronor format and every total is a SUM formula that agrees with andel.
Sheet names, headers and totals are in Swedish for plans in SEK.

Examples:
  andel export examples/tillvaxtmotor.toml --output tillvaxtmotor.xlsx
  andel export --output reference.xlsx --lang en";

/// `andel export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The plan file; default: the bundled reference case.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    /// The workbook to write (.xlsx).
    #[arg(long, short, value_name = "OUT.xlsx")]
    pub output: std::path::PathBuf,
}

const WHY_EXAMPLES: &str = "\
Examples:
  andel why                                                   # the reference case: every member, every year
  andel why --member halmstad --year 2023                     # the reference case, one member
  andel why examples/tillvaxtmotor.toml                       # every member, every year
  andel why examples/tillvaxtmotor.toml --member halmstad --year 2023
  andel why examples/tillvaxtmotor-ljungby-leaves.toml --year 2025 --format json";

/// `andel why`.
#[derive(Debug, Args)]
pub struct WhyArgs {
    /// The plan file; default: the bundled reference case.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    /// Only this member.
    #[arg(long, value_name = "MEMBER")]
    pub member: Option<String>,

    /// Only this budget year (compared with the year before).
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = WhyFormat::Text)]
    pub format: WhyFormat,
}

/// How `andel why` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WhyFormat {
    /// In words, one paragraph per member and year.
    Text,
    /// Every cause with its exact amount, as pretty JSON.
    Json,
}

const CALENDAR_EXAMPLES: &str = "\
The milestones are the plan's [[milestones]] (docs/annual-cycle.md).

Examples:
  andel calendar examples/tillvaxtmotor-cycle.toml
  andel calendar examples/tillvaxtmotor-cycle.toml --format ics > budget.ics";

const INVOICES_EXAMPLES: &str = "\
The instalments are the plan's [instalments] (docs/annual-cycle.md).

Examples:
  andel invoices examples/tillvaxtmotor-cycle.toml --year 2022
  andel invoices examples/tillvaxtmotor-cycle.toml --year 2022 --settle --format csv";

const SETTLE_EXAMPLES: &str = "\
The outcome is the plan's [[outcome]] of the year, or a separate file.

Examples:
  andel settle examples/tillvaxtmotor-cycle.toml --year 2021
  andel settle examples/tillvaxtmotor.toml --year 2021 --outcome examples/tillvaxtmotor-outcome.toml";

const DIFF_EXAMPLES: &str = "\
Examples:
  andel diff examples/tillvaxtmotor.toml examples/tillvaxtmotor-ljungby-leaves.toml
  andel diff examples/tillvaxtmotor.toml examples/tillvaxtmotor-university-pays.toml --format csv";

/// `andel calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The plan file.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CalendarFormat::Table)]
    pub format: CalendarFormat,
}

/// How `andel calendar` prints the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// A list by date, for people.
    Table,
    /// Every entry with its figures, as pretty JSON.
    Json,
    /// An iCalendar file (RFC 5545) for calendar programs.
    Ics,
}

/// `andel invoices`.
#[derive(Debug, Args)]
pub struct InvoicesArgs {
    /// The plan file.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,

    /// The budget year.
    #[arg(long, value_name = "YEAR")]
    pub year: i32,

    /// Add the settlement of the previous year to the first instalment.
    #[arg(long)]
    pub settle: bool,

    /// With --settle: the outcome file (default: the plan's own [[outcome]]).
    #[arg(long, value_name = "FILE", requires = "settle")]
    pub outcome: Option<std::path::PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// `andel settle`.
#[derive(Debug, Args)]
pub struct SettleArgs {
    /// The plan file.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,

    /// The budget year to settle.
    #[arg(long, value_name = "YEAR")]
    pub year: i32,

    /// The outcome file (default: the plan's own [[outcome]]).
    #[arg(long, value_name = "FILE")]
    pub outcome: Option<std::path::PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// `andel diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Plan A, the baseline.
    #[arg(value_name = "A")]
    pub a: std::path::PathBuf,

    /// Plan B, the scenario.
    #[arg(value_name = "B")]
    pub b: std::path::PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// `andel plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The plan file, .toml or .json (by its extension); default: the
    /// bundled reference case.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    /// Show one budget year in detail.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// `andel explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// [FILE] MEMBER YEAR: the plan file (optional; default: the bundled
    /// reference case), the member's id or name, and the budget year.
    #[arg(value_name = "ARG", num_args = 2..=3, required = true)]
    pub words: Vec<String>,
}

/// `andel check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan file; default: the bundled reference case.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

/// The arguments of `andel allocate`.
#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// The amount to split, for example 1000000, 1e6 or -2500.50.
    #[arg(long, value_name = "AMOUNT")]
    pub total: String,

    /// The rounding unit: every amount is a whole multiple of it
    /// (0.01 = öre, 1 = whole kronor, 0.05, 1000). Default 0.01.
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Who gets the units left over by rounding down: largest_remainder
    /// (default), largest_ratio, in_order, dhondt, sainte_lague,
    /// huntington_hill.
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,

    /// First divisor for sainte_lague (1.2 in Swedish elections, 1.4 in Norway).
    #[arg(long, value_name = "DIVISOR")]
    pub first_divisor: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// The weights, in order: NAME=WEIGHT or a bare WEIGHT.
    #[arg(value_name = "[NAME=]WEIGHT")]
    pub weights: Vec<String>,
}

/// How `andel allocate` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table with a total row, for people.
    Table,
    /// The full explained allocation as pretty JSON (decimals and fractions as strings).
    Json,
    /// One row per part with a header row, for spreadsheets.
    Csv,
}

/// How `andel plan`, `invoices`, `settle` and `diff` print their result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned tables with totals, for people, in the --lang language.
    Table,
    /// The whole result as pretty JSON (amounts and fractions as strings,
    /// the same in every language).
    Json,
    /// One row per member (and year, instalment or change) with a header
    /// row, for spreadsheets and import (the same in every language).
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        // clap checks names, defaults and conflicts only when asked to.
        Cli::command().debug_assert();
    }
}
