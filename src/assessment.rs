//! The documents users save and exchange: context, answers with notes, and actions.
//!
//! These types follow the public assessment format in `PRODUCT.md` field for field. They are
//! built from untrusted input only by [`crate::exchange`], which checks every value.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The format tag every assessment document carries.
pub const FORMAT: &str = "collab-toolkit/assessment";

/// The format version this build writes; it reads this one and every older one.
pub const FORMAT_VERSION: u32 = 1;

/// One person's or one partner's assessment of one collaboration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] once read.
    pub format_version: u32,
    /// The instrument the answers refer to.
    pub instrument: InstrumentRef,
    /// When it was started (RFC 3339, UTC).
    pub created: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated: String,
    /// Quick check or in-depth audit.
    pub depth: Depth,
    /// What the collaboration is.
    pub context: Context,
    /// Answers by item id; items with no answer are absent.
    pub answers: BTreeMap<String, Answer>,
    /// The action plan.
    pub actions: Vec<Action>,
}

/// Which instrument, and which version of it, an assessment answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentRef {
    /// Instrument id.
    pub id: String,
    /// Instrument version.
    pub version: String,
}

/// How much of the instrument is in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    /// Core items only: one per principle.
    Quick,
    /// Every item.
    Deep,
}

/// Where the collaboration is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Not started yet: items read as readiness.
    Planned,
    /// Getting going.
    Starting,
    /// Running.
    Established,
    /// Being reviewed, changed or ended.
    Review,
}

/// Where a collaboration sits on the continuum from networking to integration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Continuum {
    /// Exchanging information.
    Networking,
    /// Also adjusting activities to fit.
    Coordinating,
    /// Also sharing resources.
    Cooperating,
    /// Also building each other's capacity and sharing risk.
    Collaborating,
    /// Combined services, budgets or organisations.
    Integrating,
}

/// The names a fixed-choice field may take in the format, in order.
pub trait Options: Sized + Copy + 'static {
    /// Every name, in the order they are offered.
    const NAMES: &'static [&'static str];
    /// Every value, in the same order as [`Options::NAMES`].
    const ALL: &'static [Self];
    /// The value with this name.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
    }
    /// The name of this value.
    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::ALL.iter().position(|v| *v == self).map_or("", |i| Self::NAMES[i])
    }
}

impl Options for Continuum {
    const NAMES: &'static [&'static str] = &["networking", "coordinating", "cooperating", "collaborating", "integrating"];
    const ALL: &'static [Self] = &[Continuum::Networking, Continuum::Coordinating, Continuum::Cooperating, Continuum::Collaborating, Continuum::Integrating];
}

impl Options for Stage {
    const NAMES: &'static [&'static str] = &["planned", "starting", "established", "review"];
    const ALL: &'static [Self] = &[Stage::Planned, Stage::Starting, Stage::Established, Stage::Review];
}

impl Options for Basis {
    const NAMES: &'static [&'static str] = &["voluntary", "encouraged", "mandated"];
    const ALL: &'static [Self] = &[Basis::Voluntary, Basis::Encouraged, Basis::Mandated];
}

impl Options for Status {
    const NAMES: &'static [&'static str] = &["not_started", "in_progress", "done"];
    const ALL: &'static [Self] = &[Status::NotStarted, Status::InProgress, Status::Done];
}

impl Options for Depth {
    const NAMES: &'static [&'static str] = &["quick", "deep"];
    const ALL: &'static [Self] = &[Depth::Quick, Depth::Deep];
}

/// Why the partners are working together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The partners chose to.
    Voluntary,
    /// Policy or funding nudged them.
    Encouraged,
    /// A regulator or commissioner required it.
    Mandated,
}

/// The context questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Context {
    /// Short name of the collaboration.
    pub title: String,
    /// What it does.
    pub description: String,
    /// The partner organisations or people.
    pub partners: Vec<String>,
    /// 1 individuals … 5 system-wide; `None` until chosen (then no item is hidden).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<u8>,
    /// Where it sits from networking to integrating, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuum: Option<Continuum>,
    /// Life stage, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Why the partners work together, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// The respondent's organisation or perspective.
    pub organisation: String,
}

/// A response to one item: a maturity level, "don't know", or "does not apply".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// A maturity level, 1 to 5.
    Level(u8),
    /// The respondent does not know: evidence to find.
    Unsure,
    /// The item does not apply to this collaboration.
    Na,
}

/// A response and its free-text evidence. A note may be kept without a response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The response, if one was chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Response>,
    /// Evidence or comment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Progress of an action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not begun.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
}

/// One SMART action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Action {
    /// Stable id within the assessment.
    pub id: String,
    /// What will be done (Specific).
    pub what: String,
    /// How success is measured (Measurable).
    pub measure: String,
    /// Who owns it (Achievable).
    pub owner: String,
    /// What it needs (Achievable).
    pub resources: String,
    /// Item or principle id it addresses (Relevant).
    pub addresses: String,
    /// Due date, `YYYY-MM-DD`, or empty (Time-bound).
    pub due: String,
    /// Progress.
    pub status: Status,
}

impl Assessment {
    /// A blank assessment of `instrument`, stamped with `now`.
    pub fn new(instrument: InstrumentRef, depth: Depth, now: &str) -> Self {
        Assessment {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            instrument,
            created: now.to_string(),
            updated: now.to_string(),
            depth,
            context: Context::default(),
            answers: BTreeMap::new(),
            actions: Vec::new(),
        }
    }

    /// The response given to an item, if any.
    pub fn response(&self, item_id: &str) -> Option<Response> {
        self.answers.get(item_id).and_then(|answer| answer.level)
    }
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Response::Level(level) => serializer.serialize_u8(*level),
            Response::Unsure => serializer.serialize_str("unsure"),
            Response::Na => serializer.serialize_str("na"),
        }
    }
}

impl<'de> Deserialize<'de> for Response {
    /// Accepts exactly what [`Serialize`] writes (and a whole float, as JavaScript sends 3 as
    /// 3.0 at times). For untrusted input use [`crate::exchange::import`], whose messages say
    /// where each problem is; this is for Rust callers holding data they wrote themselves.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Level;
        impl serde::de::Visitor<'_> for Level {
            type Value = Response;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(crate::exchange::LEVEL_RULE)
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Response, E> {
                match n {
                    1..=5 => Ok(Response::Level(n as u8)),
                    _ => Err(E::custom(crate::exchange::LEVEL_RULE)),
                }
            }
            fn visit_f64<E: serde::de::Error>(self, f: f64) -> Result<Response, E> {
                match f.fract() == 0.0 && (1.0..=5.0).contains(&f) {
                    true => Ok(Response::Level(f as u8)),
                    false => Err(E::custom(crate::exchange::LEVEL_RULE)),
                }
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Response, E> {
                match s {
                    "unsure" => Ok(Response::Unsure),
                    "na" => Ok(Response::Na),
                    _ => Err(E::custom(crate::exchange::LEVEL_RULE)),
                }
            }
        }
        deserializer.deserialize_any(Level)
    }
}

impl Response {
    /// Reads a response from JSON: an integer 1-5, `"unsure"` or `"na"`.
    pub fn from_json(value: &crate::json::Value) -> Option<Response> {
        match value.as_str() {
            Some("unsure") => Some(Response::Unsure),
            Some("na") => Some(Response::Na),
            // A level may be written 3.0 by other tools; 2.5 and 0 are not levels.
            _ => value.as_whole().filter(|n| (1..=5).contains(n)).map(|n| Response::Level(n as u8)),
        }
    }
}
