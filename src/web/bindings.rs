//! The JavaScript API. Every export is deserialise → call the core → serialise, and every
//! failure leaves as a real JavaScript `Error` through [`js_error`].

use std::fmt::Display;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::assessment::{Assessment, Depth, Options};
use crate::exchange;
use crate::instrument::Instrument;
use crate::json::{self, Value};
use crate::scoring;

use super::controller::{fresh_id, now};
use super::session::Session;
use super::storage::Store;
use super::widget::{self, Hidden, State, View, Widget};

/// The one place an engine error becomes a JavaScript `Error`.
fn js_error(e: impl Display) -> JsError {
    JsError::new(&e.to_string())
}

fn builtin() -> Result<&'static Instrument, JsError> {
    Instrument::builtin().map_err(js_error)
}

/// Serialises to plain JS objects, `null` for missing values: through JSON text, which the
/// browser's JSON.parse turns into objects faster than building them field by field.
pub(super) fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    parse_js(&serde_json::to_string(value).map_err(js_error)?)
}

/// JSON text the engine wrote, as JS objects.
pub(super) fn parse_js(text: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(text).map_err(|_| JsError::new("the result could not be passed to JavaScript"))
}

/// A plain JS value (objects, arrays, strings, numbers) as JSON text, through
/// JSON.stringify; `what` names it in the message when it cannot be (a function, a cycle, a
/// BigInt).
fn plain(value: &JsValue, what: &str) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| JsError::new(&format!("{what} could not be read as plain data")))
}

/// Reads an assessment from a plain JS object, with the same checks and messages as import.
pub(super) fn assessment_from_js(value: JsValue) -> Result<Assessment, JsError> {
    if value.is_undefined() || value.is_null() {
        return Err(JsError::new("expected an assessment object, found nothing"));
    }
    exchange::import(&plain(&value, "the assessment")?, builtin()?).map_err(js_error)
}

/// The instrument: principles, items, descriptors and leadership dimensions.
#[wasm_bindgen]
pub fn instrument() -> Result<JsValue, JsError> {
    to_js(builtin()?)
}

/// Scores an assessment object and returns the results object.
#[wasm_bindgen]
pub fn score(assessment: JsValue) -> Result<JsValue, JsError> {
    let assessment = assessment_from_js(assessment)?;
    to_js(&scoring::score(builtin()?, &assessment))
}

/// Parses and checks the text of an exported file; returns the assessment object.
#[wasm_bindgen(js_name = importAssessment)]
pub fn import_assessment(text: JsValue) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| JsError::new("importAssessment expects the text of a file (a string)"))?;
    to_js(&exchange::import(&text, builtin()?).map_err(js_error)?)
}

/// Checks an assessment object and returns the JSON text of its export file.
#[wasm_bindgen(js_name = exportAssessment)]
pub fn export_assessment(assessment: JsValue) -> Result<String, JsError> {
    let assessment = assessment_from_js(assessment)?;
    Ok(exchange::export(&assessment, builtin()?))
}

/// Reads an array of assessment objects; a bad one is named by its position.
fn assessments_from_js(value: JsValue, name: &str) -> Result<Vec<Assessment>, JsError> {
    if !value.is_instance_of::<js_sys::Array>() {
        return Err(JsError::new(&format!("compare expects {name} to be an array of assessments")));
    }
    // One JSON.stringify and one parse of the whole list: measured faster than converting
    // each object field by field across the boundary.
    exchange::import_many(&plain(&value, name)?, builtin()?, name).map_err(js_error)
}

/// Compares assessments: per principle mean, minimum, maximum and spread, overall and per
/// organisation, contested principles, and the change against `earlier` when given.
#[wasm_bindgen]
pub fn compare(assessments: JsValue, earlier: JsValue) -> Result<JsValue, JsError> {
    let current = assessments_from_js(assessments, "assessments")?;
    let earlier = match earlier.is_undefined() || earlier.is_null() {
        true => None,
        false => Some(assessments_from_js(earlier, "earlier")?),
    };
    to_js(&crate::compare::compare(builtin()?, &current, earlier.as_deref()))
}

/// What `mount` accepts.
#[derive(Default)]
struct MountOptions {
    /// `quick` or `deep`, for a new assessment.
    depth: Option<Depth>,
    /// Separates this widget's saved work from other widgets' on the same site.
    storage_key: Option<String>,
    /// The screen to open on: questions, results, library or compare.
    view: Option<String>,
    /// A title for a new assessment, e.g. the collaboration the intranet page is about.
    title: Option<String>,
    /// Hide the "Saved, export and import" screen (saving in the browser still happens).
    hide_import_export: bool,
    /// Hide the "Compare" screen.
    hide_compare: bool,
}

impl MountOptions {
    /// Reads the options object. Unknown options are refused so a typo is noticed, not
    /// ignored; `null` or a missing option means the default.
    fn read(value: &Value<'_>) -> Result<MountOptions, String> {
        let Value::Object(fields) = value else { return Err(format!("expected an object, found {value}")) };
        let mut options = MountOptions::default();
        for (key, value) in fields.iter().filter(|(_, value)| !value.is_null()) {
            let text = || value.as_str().map(str::to_string).ok_or_else(|| format!("{key} must be text, found {value}"));
            let flag = || value.as_bool().ok_or_else(|| format!("{key} must be true or false, found {value}"));
            match key {
                "depth" => options.depth = Some(value.as_str().and_then(Depth::from_name).ok_or_else(|| format!("depth must be \"quick\" or \"deep\", found {value}"))?),
                "storageKey" => options.storage_key = Some(text()?),
                "view" => options.view = Some(text()?),
                "title" => options.title = Some(text()?),
                "hideImportExport" => options.hide_import_export = flag()?,
                "hideCompare" => options.hide_compare = flag()?,
                _ => return Err(format!("unknown option \"{key}\" (the options are depth, storageKey, view, title, hideImportExport, hideCompare)")),
            }
        }
        Ok(options)
    }
}

thread_local! {
    static NEXT_UID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Renders the toolkit into `element` and returns a handle with `getAssessment()` and
/// `unmount()`. Work is saved in this browser under `options.storageKey` (default "default").
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Widget, JsError> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("mount expects a DOM element, such as document.getElementById('toolkit')"))?;
    let options: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        let text = plain(&options, "mount options")?;
        json::parse(&text)
            .map_err(|e| e.to_string())
            .and_then(|value| MountOptions::read(&value))
            .map_err(|e| JsError::new(&format!("mount options: {e}")))?
    };
    // Widgets are kept apart unless asked: the default key is the element's id, if it has one.
    let storage_key = options.storage_key.clone().unwrap_or_else(|| Some(element.id()).filter(|id| !id.is_empty()).unwrap_or_else(|| "default".into()));
    let view = match options.view.as_deref() {
        None | Some("questions") => View::Questions,
        Some("results") => View::Results,
        Some("library") if !options.hide_import_export => View::Library,
        Some("compare") if !options.hide_compare => View::Compare,
        Some(other) => return Err(JsError::new(&format!("mount options: view \"{other}\" is not one of \"questions\", \"results\", \"library\", \"compare\" (or that screen is hidden)"))),
    };
    if storage_key.is_empty() || storage_key.len() > 100 || storage_key.contains(':') {
        return Err(JsError::new("mount options: storageKey must be 1 to 100 characters, without \":\""));
    }
    let instrument = builtin()?;
    let n = NEXT_UID.with(|count| {
        count.set(count.get() + 1);
        count.get()
    });
    let store = Store::open(&storage_key, &instrument.id);
    let depth = options.depth.unwrap_or(Depth::Quick);
    let mut session = Session::open(instrument, store, depth, &now(), fresh_id());
    if let Some(title) = options.title.as_deref().filter(|_| session.assessment.context.title.is_empty()) {
        session.assessment.context.title = title.chars().take(exchange::MAX_NAME).collect();
    }
    let state = State {
        uid: format!("ctk{n}"),
        instrument,
        session,
        view,
        hidden: Hidden { import_export: options.hide_import_export, compare: options.hide_compare },
        error: None,
        import_problems: Vec::new(),
        renaming: None,
        compare_current: Vec::new(),
        compare_earlier: Vec::new(),
        compare_problems: Vec::new(),
        plan_undo: None,
    };
    widget::mount(element, state).map_err(|e| JsError::new(&format!("could not draw the toolkit: {e:?}")))
}
