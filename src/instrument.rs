//! The audit itself: principles, items, maturity descriptors and the Healthcare Leadership
//! Model dimensions. The content is data (`src/instrument/audit.json`), compiled into the
//! module and checked when it is first used.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::{Basis, Continuum, Stage};
use crate::error::{Error, ErrorKind, Problem};
use crate::json::{self, Object, Value};

/// The instrument compiled into the module.
const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/audit.json"));

/// Number of maturity levels: 1 Not in place … 5 Exemplary.
pub const LEVELS: usize = 5;

/// Smallest and largest scale of collaboration (1 individuals … 5 system-wide).
pub const SCALES: std::ops::RangeInclusive<u8> = 1..=5;

/// The whole instrument, in the public shape `CollabToolkit.instrument()` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Stable id; assessments name it.
    pub id: String,
    /// Goes up whenever the content changes.
    pub version: String,
    /// The five level names, level 1 first.
    pub levels: Vec<String>,
    /// The scales of collaboration, smallest first, for the context question.
    pub scales: Vec<Scale>,
    /// Where a collaboration sits from networking to integrating (context question).
    pub continuum: Vec<Choice>,
    /// Life stages of a collaboration (context question).
    pub stages: Vec<Choice>,
    /// Why the partners work together (context question).
    pub bases: Vec<Choice>,
    /// The nine Healthcare Leadership Model dimensions, in model order.
    pub dimensions: Vec<Dimension>,
    /// The principles, in the order they are asked and reported.
    pub principles: Vec<Principle>,
}

/// One answer to "how big is this collaboration?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// 1 (individuals) to 5 (system-wide).
    pub value: u8,
    /// Short name, e.g. "Between individuals".
    pub label: String,
    /// A recognisable example.
    pub example: String,
}

/// One option of a context question whose values are fixed by the format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value stored in assessments, e.g. `planned`.
    pub value: String,
    /// Short name.
    pub label: String,
    /// One line that helps a respondent choose.
    pub hint: String,
}

/// One Healthcare Leadership Model dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable id, e.g. `engaging_the_team`.
    pub id: String,
    /// The model's own name, e.g. "Engaging the team".
    pub name: String,
    /// What developing it means for collaboration, in our words.
    pub description: String,
}

/// A principle of partnership working and its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    /// Stable id, e.g. `trust`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Why it matters, in a paragraph.
    pub summary: String,
    /// Its statements, in order; exactly one is core.
    pub items: Vec<Item>,
}

/// One statement a respondent rates against five descriptors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, e.g. `trust.openness`. A change of meaning gets a new id.
    pub id: String,
    /// The statement.
    pub statement: String,
    /// The statement reworded as readiness, shown when the collaboration is still planned.
    pub readiness: String,
    /// What evidence to think about.
    pub hint: String,
    /// Part of the quick check.
    pub core: bool,
    /// Smallest scale of collaboration it applies to (1 = every scale, when left out).
    #[serde(default = "one")]
    pub min_scale: u8,
    /// What each level looks like, level 1 first.
    pub descriptors: Vec<String>,
    /// Leadership dimension ids it draws on.
    pub dimensions: Vec<String>,
    /// A suggested action that seeds the action plan.
    pub action_prompt: String,
}

fn one() -> u8 {
    1
}

impl Instrument {
    /// The instrument compiled into the module, parsed (and, outside the browser, checked)
    /// once. The browser skips the structural check: these exact bytes are checked by the test
    /// suite on every build, and the check would add 11 KB to the module.
    pub fn builtin() -> Result<&'static Instrument, Error> {
        static CELL: OnceLock<Result<Instrument, Error>> = OnceLock::new();
        #[cfg(target_arch = "wasm32")]
        let read = Instrument::parse;
        #[cfg(not(target_arch = "wasm32"))]
        let read = Instrument::from_json;
        CELL.get_or_init(|| read(BUILTIN)).as_ref().map_err(Clone::clone)
    }

    /// Reads an instrument's JSON without the structural check.
    fn parse(text: &str) -> Result<Instrument, Error> {
        let value = json::parse(text).map_err(|e| Error::new(ErrorKind::Instrument, "", e.to_string()))?;
        Fields::of("", &value, Instrument::FIELDS).and_then(|f| Instrument::read(&f)).map_err(|problem| Error::with_problems(ErrorKind::Instrument, vec![problem]))
    }

    /// Parses and checks an instrument. Every structural rule is checked, so a content edit
    /// that breaks one fails the build's tests with a message naming the item.
    pub fn from_json(text: &str) -> Result<Instrument, Error> {
        let instrument = Instrument::parse(text)?;
        let problems = instrument.check();
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(Error::with_problems(ErrorKind::Instrument, problems))
        }
    }

    /// Every item, in instrument order, with its principle.
    pub fn items(&self) -> impl Iterator<Item = (&Principle, &Item)> {
        self.principles.iter().flat_map(|p| p.items.iter().map(move |i| (p, i)))
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, item)| item).find(|item| item.id == id)
    }

    /// Whether an item or principle with this id exists.
    pub fn has_id(&self, id: &str) -> bool {
        self.principles.iter().any(|p| p.id == id) || self.item(id).is_some()
    }

    fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut fail = |at: String, message: String| problems.push(Problem { at, message });
        if self.levels.len() != LEVELS {
            fail("levels".into(), format!("has {} names, needs {LEVELS}", self.levels.len()));
        }
        let scale_values: Vec<u8> = self.scales.iter().map(|s| s.value).collect();
        if scale_values != SCALES.collect::<Vec<_>>() {
            fail("scales".into(), format!("values are {scale_values:?}, need 1 to 5 in order"));
        }
        check_choices::<Continuum>("continuum", &self.continuum, &mut fail);
        check_choices::<Stage>("stages", &self.stages, &mut fail);
        check_choices::<Basis>("bases", &self.bases, &mut fail);
        let dimension_ids: HashSet<&str> = self.dimensions.iter().map(|d| d.id.as_str()).collect();
        if dimension_ids.len() != self.dimensions.len() {
            fail("dimensions".into(), "ids are not unique".into());
        }
        let mut ids = HashSet::new();
        for (p, principle) in self.principles.iter().enumerate() {
            let at = format!("principles[{p}] ({})", principle.id);
            if !ids.insert(principle.id.as_str()) {
                fail(at.clone(), "id is used twice".into());
            }
            let cores = principle.items.iter().filter(|item| item.core).count();
            if cores != 1 {
                fail(at.clone(), format!("has {cores} core items, needs exactly 1"));
            }
            for item in &principle.items {
                let at = format!("{at}.items ({})", item.id);
                if !ids.insert(item.id.as_str()) {
                    fail(at.clone(), "id is used twice".into());
                }
                if !item.id.starts_with(&format!("{}.", principle.id)) {
                    fail(at.clone(), format!("id must start with \"{}.\"", principle.id));
                }
                if !SCALES.contains(&item.min_scale) {
                    fail(at.clone(), format!("min_scale {} is not 1 to 5", item.min_scale));
                }
                let distinct: HashSet<&String> = item.descriptors.iter().collect();
                if item.descriptors.len() != LEVELS || distinct.len() != LEVELS {
                    fail(at.clone(), format!("needs {LEVELS} distinct descriptors"));
                }
                if item.dimensions.is_empty() || item.dimensions.len() > 3 {
                    fail(at.clone(), "needs 1 to 3 leadership dimensions".into());
                }
                for dimension in &item.dimensions {
                    if !dimension_ids.contains(dimension.as_str()) {
                        fail(at.clone(), format!("dimension \"{dimension}\" does not exist"));
                    }
                }
                let texts = [&item.statement, &item.readiness, &item.hint, &item.action_prompt];
                if texts.into_iter().chain(&item.descriptors).any(|t| t.trim().is_empty()) {
                    fail(at.clone(), "has an empty text".into());
                }
            }
        }
        problems
    }
}

/// The options of a context question must be exactly the values the format allows, so the
/// page can never offer a value that import would refuse.
fn check_choices<T: crate::assessment::Options>(
    at: &str,
    choices: &[Choice],
    fail: &mut impl FnMut(String, String),
) {
    let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
    if values != T::NAMES {
        fail(at.into(), format!("values are {values:?}, the format allows {:?}", T::NAMES));
    }
}

/// Reads the fields of one object of the instrument's JSON, naming the path of the first
/// thing wrong. The content is ours and checked by the tests, so the first problem is enough.
struct Fields<'a> {
    at: String,
    object: &'a Object<'a>,
}

fn wrong(at: &str, message: String) -> Problem {
    Problem { at: at.to_string(), message }
}

impl<'a> Fields<'a> {
    /// `value` must be an object with no fields but `known`.
    fn of(at: &str, value: &'a Value<'a>, known: &[&str]) -> Result<Fields<'a>, Problem> {
        let object = value.as_object().ok_or_else(|| wrong(at, format!("expected an object, found {value}")))?;
        if let Some(key) = object.keys().find(|key| !known.contains(key)) {
            return Err(wrong(at, format!("unknown field \"{key}\"")));
        }
        Ok(Fields { at: at.to_string(), object })
    }

    fn path(&self, key: &str) -> String {
        crate::exchange::key_path(&self.at, key)
    }

    fn get(&self, key: &str) -> Result<&'a Value<'a>, Problem> {
        self.object.get(key).ok_or_else(|| wrong(&self.path(key), "is missing".into()))
    }

    fn text(&self, key: &str) -> Result<String, Problem> {
        let value = self.get(key)?;
        value.as_str().map(str::to_string).ok_or_else(|| wrong(&self.path(key), format!("expected text, found {value}")))
    }

    fn small(&self, key: &str) -> Result<u8, Problem> {
        let value = self.get(key)?;
        value.as_whole().and_then(|n| u8::try_from(n).ok()).ok_or_else(|| wrong(&self.path(key), format!("expected a small whole number, found {value}")))
    }

    fn flag(&self, key: &str) -> Result<bool, Problem> {
        let value = self.get(key)?;
        value.as_bool().ok_or_else(|| wrong(&self.path(key), format!("expected true or false, found {value}")))
    }

    /// A list, each entry read by `read` with its own path.
    fn list<T>(&self, key: &str, read: impl Fn(&str, &Value<'a>) -> Result<T, Problem>) -> Result<Vec<T>, Problem> {
        let value = self.get(key)?;
        let items = value.as_array().ok_or_else(|| wrong(&self.path(key), format!("expected a list, found {value}")))?;
        items.iter().enumerate().map(|(i, item)| read(&format!("{}[{i}]", self.path(key)), item)).collect()
    }

    fn texts(&self, key: &str) -> Result<Vec<String>, Problem> {
        self.list(key, |at, value| value.as_str().map(str::to_string).ok_or_else(|| wrong(at, format!("expected text, found {value}"))))
    }

    /// A list of objects, each with exactly the fields `known`.
    fn objects<T>(&self, key: &str, known: &[&str], read: impl Fn(&Fields) -> Result<T, Problem>) -> Result<Vec<T>, Problem> {
        self.list(key, |at, value| read(&Fields::of(at, value, known)?))
    }
}

impl Instrument {
    const FIELDS: &[&str] = &["id", "version", "levels", "scales", "continuum", "stages", "bases", "dimensions", "principles"];

    fn read(f: &Fields) -> Result<Instrument, Problem> {
        let choice = |f: &Fields| Ok(Choice { value: f.text("value")?, label: f.text("label")?, hint: f.text("hint")? });
        let choices = ["value", "label", "hint"];
        Ok(Instrument {
            id: f.text("id")?,
            version: f.text("version")?,
            levels: f.texts("levels")?,
            scales: f.objects("scales", &["value", "label", "example"], |f| {
                Ok(Scale { value: f.small("value")?, label: f.text("label")?, example: f.text("example")? })
            })?,
            continuum: f.objects("continuum", &choices, choice)?,
            stages: f.objects("stages", &choices, choice)?,
            bases: f.objects("bases", &choices, choice)?,
            dimensions: f.objects("dimensions", &["id", "name", "description"], |f| {
                Ok(Dimension { id: f.text("id")?, name: f.text("name")?, description: f.text("description")? })
            })?,
            principles: f.objects("principles", &["id", "name", "summary", "items"], |f| {
                Ok(Principle { id: f.text("id")?, name: f.text("name")?, summary: f.text("summary")?, items: f.objects("items", Item::FIELDS, Item::read)? })
            })?,
        })
    }
}

impl Item {
    const FIELDS: &[&str] = &["id", "statement", "readiness", "hint", "core", "min_scale", "descriptors", "dimensions", "action_prompt"];

    fn read(f: &Fields) -> Result<Item, Problem> {
        Ok(Item {
            id: f.text("id")?,
            statement: f.text("statement")?,
            readiness: f.text("readiness")?,
            hint: f.text("hint")?,
            core: f.flag("core")?,
            min_scale: if f.object.get("min_scale").is_some() { f.small("min_scale")? } else { 1 },
            descriptors: f.texts("descriptors")?,
            dimensions: f.texts("dimensions")?,
            action_prompt: f.text("action_prompt")?,
        })
    }
}
