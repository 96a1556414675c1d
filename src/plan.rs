//! SMART checks on actions: which of Specific, Measurable, Achievable, Relevant and Time-bound
//! an action meets, and, for each it does not, why, in words that say what to add.

use serde::{Deserialize, Serialize};

use crate::assessment::{Action, Status};
use crate::exchange::is_date;
use crate::instrument::Instrument;

/// One letter of SMART.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// "S", "M", "A", "R" or "T".
    pub letter: char,
    /// The word it stands for.
    pub name: &'static str,
    /// Whether the action meets it.
    pub met: bool,
    /// When not met: what is missing, and what to do about it.
    pub why: Option<String>,
}

/// Openings that name an intention rather than an action ("look at", "improve"): with few
/// words after them, nobody could start the work tomorrow.
const VAGUE: [&str; 12] = [
    "improve", "look at", "look into", "work on", "consider", "think about", "discuss", "explore",
    "review", "better", "more", "try to",
];

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn specific(what: &str) -> Result<(), String> {
    let what = what.trim();
    let lower = what.to_ascii_lowercase(); // the vague openings are all ASCII
    if what.is_empty() {
        Err("Say what will be done.".into())
    } else if words(what) < 4 {
        Err("\"What\" is too short to act on: say what will be done, by whom or with whom.".into())
    } else if VAGUE.iter().any(|v| lower.starts_with(v)) && words(what) < 8 {
        Err("\"What\" is too vague to act on: name the concrete step, e.g. \"Agree an escalation route with the hospice at the May meeting\".".into())
    } else {
        Ok(())
    }
}

fn measurable(measure: &str) -> Result<(), String> {
    match words(measure) {
        0 => Err("No measure: say how you will know it has worked.".into()),
        1 | 2 => Err("The measure is too short to check: say what will be counted or seen.".into()),
        _ => Ok(()),
    }
}

fn achievable(owner: &str) -> Result<(), String> {
    if owner.trim().is_empty() {
        Err("No owner: name the person or role who will make it happen.".into())
    } else {
        Ok(())
    }
}

fn relevant(addresses: &str, instrument: &Instrument) -> Result<(), String> {
    if addresses.is_empty() {
        Err("Not linked to a question or principle: choose what it addresses.".into())
    } else if !instrument.has_id(addresses) {
        Err(format!("It is linked to \"{addresses}\", which is not a question or principle of this audit."))
    } else {
        Ok(())
    }
}

fn time_bound(due: &str, status: Status, today: &str) -> Result<(), String> {
    if due.is_empty() {
        Err("Due date missing: say when it will be done.".into())
    } else if !is_date(due) {
        Err(format!("\"{due}\" is not a real date."))
    } else if status != Status::Done && is_date(today) && due < today {
        // ISO dates compare correctly as text.
        Err(format!("The due date, {due}, has passed: set a new one, or mark the action done."))
    } else {
        Ok(())
    }
}

/// The five checks for an action, in SMART order. `today` is `YYYY-MM-DD`.
pub fn check(action: &Action, instrument: &Instrument, today: &str) -> [Check; 5] {
    let results = [
        ('S', "Specific", specific(&action.what)),
        ('M', "Measurable", measurable(&action.measure)),
        ('A', "Achievable", achievable(&action.owner)),
        ('R', "Relevant", relevant(&action.addresses, instrument)),
        ('T', "Time-bound", time_bound(&action.due, action.status, today)),
    ];
    results.map(|(letter, name, result)| Check { letter, name, met: result.is_ok(), why: result.err() })
}
