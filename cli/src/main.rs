//! `andel`: exact cost sharing from the command line.
//!
//! All the rules live in the `andel` crate; this binary reads arguments,
//! calls it, and prints the result. See `andel --help`.

mod allocate;
mod args;
mod calendar;
mod diff;
mod exact;
mod export;
mod failure;
mod invoices;
mod plan;
mod render;
mod settle;
mod why;

use args::{Cli, Command};
use clap::Parser;
use failure::{EXIT_BAD_INPUT, Failure};
use std::io::{self, Write};
use std::panic;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let result = guarded(|| {
        // Debug builds only: lets the tests check the panic guard below.
        #[cfg(debug_assertions)]
        if std::env::var_os("ANDEL_CLI_TEST_PANIC").is_some() {
            panic!("test panic requested by ANDEL_CLI_TEST_PANIC");
        }
        let lang = cli.lang;
        match &cli.command {
            Command::Allocate(args) => allocate::run(args, lang),
            Command::Plan(args) => plan::run(args, lang),
            Command::Explain(args) => plan::explain(args, lang),
            Command::Check(args) => plan::check(args, lang),
            Command::Schema => plan::schema(),
            Command::Calendar(args) => calendar::run(args, lang),
            Command::Invoices(args) => invoices::run(args, lang),
            Command::Settle(args) => settle::run(args, lang),
            Command::Diff(args) => diff::run(args, lang),
            Command::Why(args) => why::run(args, lang),
            Command::Export(args) => export::run(args, lang),
        }
    });
    let for_people = for_people(&cli.command);
    let printed = result.and_then(|text| match for_people {
        true => write_stdout(&render::for_terminal(&text)),
        false => write_stdout(&text),
    });
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`andel … | head`) is not an error.
        Err(Failure::Io(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Problems(text, _)) => {
            eprint!("{}", render::for_terminal(&text));
            ExitCode::from(EXIT_BAD_INPUT)
        }
        Err(failure) => {
            let message = format!("error[{}]: {failure}", failure.code());
            eprintln!("{}", render::for_terminal(&message));
            ExitCode::from(failure.exit_status())
        }
    }
}

/// Whether the command prints text for people (a table, an explanation),
/// which [`render::for_terminal`] makes safe to show; data formats are
/// written as they are.
fn for_people(command: &Command) -> bool {
    use args::{CalendarFormat, Format, ReportFormat, WhyFormat};
    let report = |format: &ReportFormat| *format == ReportFormat::Table;
    match command {
        Command::Allocate(a) => a.format == Format::Table,
        Command::Plan(a) => report(&a.format),
        Command::Invoices(a) => report(&a.format),
        Command::Settle(a) => report(&a.format),
        Command::Diff(a) => report(&a.format),
        Command::Calendar(a) => a.format == CalendarFormat::Table,
        Command::Why(a) => a.format == WhyFormat::Text,
        Command::Explain(_) | Command::Check(_) | Command::Export(_) => true,
        Command::Schema => false,
    }
}

/// Runs a command so that a panic (always a bug in andel) is reported as
/// `error[internal_error]` with exit status 1 instead of a Rust backtrace.
fn guarded(command: impl FnOnce() -> Result<String, Failure>) -> Result<String, Failure> {
    // The default hook would print "thread 'main' panicked at …" first.
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(panic::AssertUnwindSafe(command));
    let _ = panic::take_hook();
    outcome.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        Err(Failure::Internal(format!("andel panicked (a bug): {what}")))
    })
}

/// Help and version go to stdout with status 0; every other clap error is
/// a usage error in the command's own `error[usage]: …` form.
fn usage_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let text = err.render().to_string();
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match write_stdout(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        },
        // `andel` alone shows the help, on stderr, because it is a mistake.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{text}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
        _ => {
            let message = text.strip_prefix("error: ").unwrap_or(&text);
            eprint!("error[usage]: {message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
