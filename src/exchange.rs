//! Reading and writing assessment documents: the only door untrusted data comes through.
//!
//! Import parses JSON, migrates older format versions, then checks every field against the
//! format and the instrument, collecting every problem with its JSON path, so one message can
//! tell a user all that is wrong with a file. A document with any problem is refused whole.

use std::collections::BTreeMap;

use serde::Serialize;


use crate::assessment::{
    Action, Answer, Assessment, Context, Depth, InstrumentRef, Options, Response, FORMAT,
    FORMAT_VERSION,
};
use crate::error::{Error, ErrorKind, Problem};
use crate::instrument::{Instrument, SCALES};
use crate::json::{self, Object, Value};
use crate::scoring;

/// Largest document import reads: 5 MB, far beyond a real assessment (about 60 KB with a note
/// on every item), small enough that parsing never freezes the page.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Longest note on an answer, in characters.
pub const MAX_NOTE: usize = 10_000;
/// Longest title, partner or organisation name, in characters.
pub const MAX_NAME: usize = 200;
/// Longest description or action field, in characters.
pub const MAX_TEXT: usize = 10_000;

/// What a level may be, said the same way wherever a level is refused.
pub const LEVEL_RULE: &str = "is not a level (1-5, \"unsure\", \"na\")";

/// Reads an exported document from text.
pub fn import(text: &str, instrument: &Instrument) -> Result<Assessment, Error> {
    if text.len() > MAX_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "",
            // Tenths by integer arithmetic: float formatting would add 12 KB to the module.
            format!(
                "the file is {}.{} MB; an assessment file is at most {} MB",
                text.len() / 1_048_576,
                text.len() % 1_048_576 * 10 / 1_048_576,
                MAX_BYTES / 1_048_576
            ),
        ));
    }
    let value = json::parse(text).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("line {}, column {}", e.line, e.column), format!("this is not valid JSON ({})", e.reason))
    })?;
    from_value(value, instrument)
}

/// Reads a JSON array of exported documents, as `CollabToolkit.compare` receives them. A bad
/// document is named by its position in the array.
pub fn import_many(text: &str, instrument: &Instrument, name: &str) -> Result<Vec<Assessment>, Error> {
    let values = match json::parse(text) {
        Ok(Value::Array(values)) => values,
        Ok(other) => return Err(Error::new(ErrorKind::Invalid, name, format!("expected an array of assessments, found {}", describe(&other)))),
        Err(e) => return Err(Error::new(ErrorKind::Syntax, name, format!("expected an array of assessments ({e})"))),
    };
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            from_value(value, instrument).map_err(|e| {
                let problems = e.problems().iter().map(|p| Problem { at: format!("{name}[{i}]{}{}", if p.at.is_empty() { "" } else { "." }, p.at), message: p.message.clone() }).collect();
                Error::with_problems(e.kind(), problems)
            })
        })
        .collect()
}

/// Reads an assessment from an already-parsed JSON value (a plain JavaScript object).
pub fn from_value(value: Value<'_>, instrument: &Instrument) -> Result<Assessment, Error> {
    let mut reader = Reader { instrument, problems: Vec::new() };
    let assessment = reader.document(value);
    match assessment {
        Some(assessment) if reader.problems.is_empty() => Ok(assessment),
        _ => Err(Error::with_problems(ErrorKind::Invalid, reader.problems)),
    }
}

/// The document as exported: the assessment, then its freshly computed results for the
/// convenience of other tools (import ignores them and computes its own).
#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    assessment: &'a Assessment,
    results: scoring::Results,
}

/// The document as exported, as indented JSON text.
pub fn export(assessment: &Assessment, instrument: &Instrument) -> String {
    let exported = Exported { assessment, results: scoring::score(instrument, assessment) };
    // Plain structs and maps with string keys always serialise; were that ever to change, an
    // empty string is refused on import rather than silently accepted.
    serde_json::to_string_pretty(&exported).unwrap_or_default()
}

/// Appends a key to a JSON path, quoting keys that are not plain identifiers.
pub(crate) fn key_path(at: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    let mut path = String::with_capacity(at.len() + key.len() + 3);
    path.push_str(at);
    if !at.is_empty() {
        path.push('.');
    }
    match plain {
        true => path.push_str(key),
        // Writing to a String cannot fail.
        false => {
            let _ = json::write_string(&mut path, key);
        }
    }
    path
}

fn describe(value: &Value<'_>) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        let short: String = text.chars().take(37).collect();
        format!("{short}...")
    } else {
        text
    }
}

struct Reader<'a> {
    instrument: &'a Instrument,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn fail(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem { at: at.to_string(), message: message.into() });
    }

    fn document(&mut self, value: Value<'_>) -> Option<Assessment> {
        let Value::Object(mut map) = value else {
            self.fail("", format!("expected an assessment object, found {}", describe(&value)));
            return None;
        };
        match map.get("format") {
            Some(Value::String(tag)) if tag == FORMAT => {}
            Some(other) => {
                let found = describe(other);
                self.fail("format", format!("is {found}: this is not a Collaboration Toolkit assessment (expected \"{FORMAT}\")"));
                return None;
            }
            None => {
                self.fail("format", format!("is missing: this is not a Collaboration Toolkit assessment (expected \"{FORMAT}\")"));
                return None;
            }
        }
        let version = match map.get("format_version").and_then(Value::as_whole) {
            Some(v) if v > FORMAT_VERSION => {
                self.fail("format_version", format!("is {v}: the file was made by a newer version of the toolkit (this one reads up to {FORMAT_VERSION}); update the toolkit to open it"));
                return None;
            }
            Some(v) if v >= 1 => v,
            _ => {
                let found = map.get("format_version").map_or("missing".into(), describe);
                self.fail("format_version", format!("is {found}; expected a whole number from 1 to {FORMAT_VERSION}"));
                return None;
            }
        };
        migrate(&mut map, version);
        map.remove("results"); // informative only: results are always recomputed

        const KEYS: [&str; 9] = ["format", "format_version", "instrument", "created", "updated", "depth", "context", "answers", "actions"];
        self.unknown_keys("", &map, &KEYS);

        let instrument = self.instrument_ref(map.remove("instrument"))?;
        let created = self.timestamp(&map, "created");
        let updated = self.timestamp(&map, "updated");
        if map.get("depth").is_none_or(Value::is_null) {
            self.fail("depth", "is missing; expected \"quick\" or \"deep\"");
        }
        let depth = self.choice("", &map, "depth").unwrap_or(Depth::Quick);
        let context = self.context(map.remove("context"));
        let answers = self.answers(map.remove("answers"));
        let actions = self.actions(map.remove("actions"));
        Some(Assessment {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            instrument,
            created,
            updated,
            depth,
            context,
            answers,
            actions,
        })
    }

    fn unknown_keys(&mut self, at: &str, map: &Object<'_>, known: &[&str]) {
        for key in map.keys().filter(|key| !known.contains(key)) {
            self.fail(&key_path(at, key), "is not a field of this format");
        }
    }

    fn object<'v>(&mut self, at: &str, value: Option<Value<'v>>) -> Option<Object<'v>> {
        match value {
            Some(Value::Object(map)) => Some(map),
            Some(other) => {
                self.fail(at, format!("expected an object, found {}", describe(&other)));
                None
            }
            None => {
                self.fail(at, "is missing");
                None
            }
        }
    }

    fn instrument_ref(&mut self, value: Option<Value<'_>>) -> Option<InstrumentRef> {
        let map = self.object("instrument", value)?;
        let id = map.get("id").and_then(Value::as_str).unwrap_or_default();
        let version = map.get("version").and_then(Value::as_str).unwrap_or_default();
        if id != self.instrument.id {
            let found = map.get("id").map_or("missing".into(), describe);
            self.fail("instrument.id", format!("is {found}: this toolkit has the instrument \"{}\"", self.instrument.id));
            return None;
        }
        if version != self.instrument.version {
            let found = map.get("version").map_or("missing".into(), describe);
            self.fail("instrument.version", format!("is {found}: this toolkit has version \"{}\" of the instrument", self.instrument.version));
            return None;
        }
        Some(InstrumentRef { id: id.into(), version: version.into() })
    }

    /// A string field that may be absent (read as empty) but not of another type or too long.
    fn text(&mut self, at: &str, map: &Object<'_>, key: &str, max: usize) -> String {
        // The path is written only for a problem: reading 10,000 documents wrote 400,000.
        match map.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) if s.len() <= max || s.chars().count() <= max => s.to_string(),
            Some(Value::String(s)) => {
                self.fail(&key_path(at, key), format!("is {} characters long; the limit is {max}", s.chars().count()));
                String::new()
            }
            Some(other) => {
                self.fail(&key_path(at, key), format!("expected text, found {}", describe(other)));
                String::new()
            }
        }
    }

    fn timestamp(&mut self, map: &Object<'_>, key: &str) -> String {
        let text = self.text("", map, key, 40);
        if !text.is_empty() && !is_timestamp(&text) {
            self.fail(key, format!("\"{text}\" is not a date and time like 2026-11-22T10:00:00Z"));
        }
        text
    }

    /// A fixed-choice field that may be absent or null, but not another value.
    fn choice<T: Options>(&mut self, at: &str, map: &Object<'_>, key: &str) -> Option<T> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => {
                let found = value.as_str().and_then(T::from_name);
                if found.is_none() {
                    let names: Vec<String> = T::NAMES.iter().map(|name| format!("\"{name}\"")).collect();
                    self.fail(&key_path(at, key), format!("is {}; expected one of {}", describe(value), names.join(", ")));
                }
                found
            }
        }
    }

    fn context(&mut self, value: Option<Value<'_>>) -> Context {
        let Some(map) = self.object("context", value) else { return Context::default() };
        self.unknown_keys("context", &map, &["title", "description", "partners", "scale", "continuum", "stage", "basis", "organisation"]);
        let scale = match map.get("scale") {
            None | Some(Value::Null) => None,
            Some(value) => match value.as_whole().and_then(|n| u8::try_from(n).ok()) {
                Some(n) if SCALES.contains(&n) => Some(n),
                _ => {
                    self.fail("context.scale", format!("is {}; expected a whole number from 1 (individuals) to 5 (system-wide)", describe(value)));
                    None
                }
            },
        };
        let partners = match map.get("partners") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => {
                let mut partners = Vec::new();
                for (i, partner) in list.iter().enumerate() {
                    match partner {
                        Value::String(s) if s.chars().count() <= MAX_NAME => partners.push(s.to_string()),
                        Value::String(_) => self.fail(&format!("context.partners[{i}]"), format!("is longer than {MAX_NAME} characters")),
                        other => self.fail(&format!("context.partners[{i}]"), format!("expected text, found {}", describe(other))),
                    }
                }
                partners
            }
            Some(other) => {
                self.fail("context.partners", format!("expected a list of names, found {}", describe(other)));
                Vec::new()
            }
        };
        Context {
            title: self.text("context", &map, "title", MAX_NAME),
            description: self.text("context", &map, "description", MAX_TEXT),
            partners,
            scale,
            continuum: self.choice("context", &map, "continuum"),
            stage: self.choice("context", &map, "stage"),
            basis: self.choice("context", &map, "basis"),
            organisation: self.text("context", &map, "organisation", MAX_NAME),
        }
    }

    fn answers(&mut self, value: Option<Value<'_>>) -> BTreeMap<String, Answer> {
        let mut answers = BTreeMap::new();
        let Some(map) = self.object("answers", value) else { return answers };
        for (id, value) in map {
            let at = key_path("answers", &id);
            if self.instrument.item(&id).is_none() {
                self.fail(&at, format!("is not a question in instrument \"{}\" version \"{}\"", self.instrument.id, self.instrument.version));
                continue;
            }
            let Some(fields) = self.object(&at, Some(value)) else { continue };
            self.unknown_keys(&at, &fields, &["level", "note"]);
            let level = match fields.get("level") {
                None | Some(Value::Null) => None,
                Some(value) => match Response::from_json(value) {
                    Some(response) => Some(response),
                    None => {
                        self.fail(&key_path(&at, "level"), format!("{} {LEVEL_RULE}", describe(value)));
                        None
                    }
                },
            };
            let note = self.text(&at, &fields, "note", MAX_NOTE);
            answers.insert(id.into_owned(), Answer { level, note });
        }
        answers
    }

    fn actions(&mut self, value: Option<Value<'_>>) -> Vec<Action> {
        let list = match value {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(list)) => list,
            Some(other) => {
                self.fail("actions", format!("expected a list of actions, found {}", describe(&other)));
                return Vec::new();
            }
        };
        let mut actions = Vec::with_capacity(list.len());
        for (i, value) in list.into_iter().enumerate() {
            let at = format!("actions[{i}]");
            let Some(map) = self.object(&at, Some(value)) else { continue };
            self.unknown_keys(&at, &map, &["id", "what", "measure", "owner", "resources", "addresses", "due", "status"]);
            let action = Action {
                id: self.text(&at, &map, "id", MAX_NAME),
                what: self.text(&at, &map, "what", MAX_TEXT),
                measure: self.text(&at, &map, "measure", MAX_TEXT),
                owner: self.text(&at, &map, "owner", MAX_NAME),
                resources: self.text(&at, &map, "resources", MAX_TEXT),
                addresses: self.text(&at, &map, "addresses", MAX_NAME),
                due: self.text(&at, &map, "due", 10),
                status: self.choice(&at, &map, "status").unwrap_or_default(),
            };
            if !action.addresses.is_empty() && !self.instrument.has_id(&action.addresses) {
                self.fail(&key_path(&at, "addresses"), format!("\"{}\" is not an item or principle of the instrument", action.addresses));
            }
            if !action.due.is_empty() && !is_date(&action.due) {
                self.fail(&key_path(&at, "due"), format!("\"{}\" is not a real date written YYYY-MM-DD", action.due));
            }
            actions.push(action);
        }
        actions
    }
}

/// Brings an older document up to [`FORMAT_VERSION`]. Version 1 is the first, so there is
/// nothing to do yet; each later version adds one step here.
fn migrate(map: &mut Object<'_>, from: u32) {
    // A step for version N rewrites `map` from version N-1, e.g. `if from < 2 { ... }`. The
    // reader then checks the result as a current document and writes the current version.
    let _ = (map, from);
}

fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// A real calendar date written `YYYY-MM-DD` (2026-02-29 is not one).
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let (Some(year), Some(month), Some(day)) = (digits(y), digits(m), digits(d)) else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || year == 0 {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A UTC or offset timestamp such as `2026-11-22T10:00:00Z` or `2026-11-22T10:00:00.123+01:00`.
pub fn is_timestamp(text: &str) -> bool {
    let Some((date, time)) = text.split_once('T') else { return false };
    let time = time.trim_end_matches('Z');
    let time = match time.find(['+', '-']) {
        Some(cut) => &time[..cut],
        None => time,
    };
    let clock = time.split('.').next().unwrap_or_default();
    let parts: Vec<Option<u32>> = clock.split(':').map(digits).collect();
    let valid_clock = matches!(parts.as_slice(), [Some(h), Some(m), Some(s)] if *h < 24 && *m < 60 && *s < 61)
        || matches!(parts.as_slice(), [Some(h), Some(m)] if *h < 24 && *m < 60);
    is_date(date) && valid_clock
}

/// The assessment as a spreadsheet: one row per question in scope (principle, item,
/// statement, level, answer and note), then each principle's score and the overall score.
/// UTF-8 with a byte-order mark and CRLF line ends, every field quoted, so Excel opens it with
/// accents and line breaks intact.
pub fn to_csv(assessment: &Assessment, instrument: &Instrument) -> String {
    let results = scoring::score(instrument, assessment);
    let mut rows: Vec<Vec<String>> = vec![vec![
        "Principle".into(), "Item".into(), "Statement".into(), "Level".into(), "Answer".into(), "Note".into(),
    ]];
    for (principle, item) in instrument.items() {
        if !scoring::in_scope(item, assessment.depth, assessment.context.scale) {
            continue;
        }
        let answer = assessment.answers.get(&item.id);
        let (level, label) = match answer.and_then(|a| a.level) {
            Some(Response::Level(l)) => (l.to_string(), instrument.levels.get(usize::from(l) - 1).cloned().unwrap_or_default()),
            Some(Response::Unsure) => (String::new(), "Not sure".into()),
            Some(Response::Na) => (String::new(), "Not applicable".into()),
            None => (String::new(), String::new()),
        };
        let note = answer.map(|a| a.note.clone()).unwrap_or_default();
        rows.push(vec![principle.name.clone(), item.id.clone(), item.statement.clone(), level, label, note]);
    }
    rows.push(Vec::new());
    rows.push(vec!["Principle".into(), "Mean level".into(), "Percent".into(), "Band".into()]);
    let band = |b: Option<scoring::Band>| match b {
        Some(scoring::Band::Strength) => "Strength",
        Some(scoring::Band::Developing) => "Developing",
        Some(scoring::Band::Concern) => "Concern",
        None => "Not enough evidence",
    };
    for (principle, result) in instrument.principles.iter().zip(&results.principles) {
        rows.push(vec![
            principle.name.clone(),
            result.mean.map(two_places).unwrap_or_default(),
            result.percent.map(|p| p.to_string()).unwrap_or_default(),
            band(result.band).into(),
        ]);
    }
    let overall = results.overall.as_ref();
    rows.push(vec![
        "Overall".into(),
        overall.map(|o| two_places(o.mean)).unwrap_or_default(),
        overall.map(|o| o.percent.to_string()).unwrap_or_default(),
        band(overall.map(|o| o.band)).into(),
    ]);
    let mut csv = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// A mean to two decimal places for the spreadsheet. Integer arithmetic: float formatting
/// would add about 15 KB to the module.
fn two_places(mean: f64) -> String {
    let hundredths = (mean * 100.0).round() as u64;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// One quoted CSV field. Text starting with `=`, `+`, `-` or `@` gets a leading apostrophe
/// so a spreadsheet shows it rather than running it as a formula.
fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}
