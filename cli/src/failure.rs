//! Why a command failed, with a stable code and an exit status.

use std::fmt;
use std::io;

/// Exit status for bad input: a number, name or option that was refused.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit status when andel itself failed (output not written, an internal
/// check did not hold).
pub const EXIT_FAILURE: u8 = 1;

/// A failed command. Printed as `error[<code>]: <message>`.
#[derive(Debug)]
pub enum Failure {
    /// andel refused the input; the code is andel's stable error code.
    Andel(andel::Error),
    /// An error in a plan file: the file's name and the error.
    InFile(String, andel::Error),
    /// Every problem `andel check` found, already formatted, and how many.
    Problems(String, usize),
    /// The command line is malformed (unknown option, missing value,
    /// a weight argument that cannot be read as `NAME=WEIGHT`).
    Usage(String),
    /// The output could not be written.
    Io(io::Error),
    /// A check on andel's result did not hold: a bug, never bad input.
    Internal(String),
}

impl Failure {
    /// The stable code shown between the brackets.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Andel(err) | Failure::InFile(_, err) => err.code(),
            Failure::Problems(..) => "problems",
            Failure::Usage(_) => "usage",
            Failure::Io(_) => "io",
            Failure::Internal(_) => "internal_error",
        }
    }

    /// The process exit status for this failure.
    pub fn exit_status(&self) -> u8 {
        match self {
            Failure::Andel(_) | Failure::InFile(..) | Failure::Problems(..) | Failure::Usage(_) => {
                EXIT_BAD_INPUT
            }
            Failure::Io(_) | Failure::Internal(_) => EXIT_FAILURE,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Andel(err) => write!(f, "{err}"),
            Failure::InFile(file, err) => write!(f, "{file}: {err}"),
            Failure::Problems(text, n) => write!(f, "{n} problem(s):\n{text}"),
            Failure::Usage(message) | Failure::Internal(message) => f.write_str(message),
            Failure::Io(err) => write!(f, "could not write the output: {err}"),
        }
    }
}

impl From<andel::Error> for Failure {
    fn from(err: andel::Error) -> Self {
        Failure::Andel(err)
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        Failure::Io(err)
    }
}
