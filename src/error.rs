//! One error type for the whole engine. Every message says what is wrong and where, in words
//! an NHS manager can act on; the web layer turns it into a JavaScript `Error` in one place.

use std::fmt;

/// What kind of failure an [`Error`] is, for code that wants to branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON at all; the problem carries a line and column.
    Syntax,
    /// The text is JSON but not a document this version can read (wrong tag, bad values, …).
    Invalid,
    /// The input is larger than the toolkit accepts.
    TooLarge,
    /// The instrument compiled into the module is malformed: a build defect, never user input.
    Instrument,
}

/// One thing wrong with an input, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path such as `answers."trust.openness".level`, or `line 3, column 7`.
    pub at: String,
    /// What is wrong, in plain words.
    pub message: String,
}

/// Every problem found in one input, so a user can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    problems: Vec<Problem>,
}

impl Error {
    /// An error with a single problem.
    pub fn new(kind: ErrorKind, at: impl Into<String>, message: impl Into<String>) -> Self {
        Error { kind, problems: vec![Problem { at: at.into(), message: message.into() }] }
    }

    /// An error listing several problems; `problems` must not be empty.
    pub fn with_problems(kind: ErrorKind, problems: Vec<Problem>) -> Self {
        debug_assert!(!problems.is_empty(), "an error needs at least one problem");
        Error { kind, problems }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Every problem found, in document order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems:", many.len())?;
                for problem in many {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}
