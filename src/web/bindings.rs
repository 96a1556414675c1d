//! The JavaScript API. Every export is deserialise → call the core → serialise, and every
//! failure leaves as a real JavaScript `Error` through [`js_error`].

use std::fmt::Display;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::assessment::{Assessment, Depth};
use crate::exchange;
use crate::instrument::Instrument;
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

/// Serialises to plain JS objects (not `Map`s), `null` for missing values, as JSON would.
pub(super) fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// Reads an assessment from a plain JS object, with the same checks and messages as import.
pub(super) fn assessment_from_js(value: JsValue) -> Result<Assessment, JsError> {
    if value.is_undefined() || value.is_null() {
        return Err(JsError::new("expected an assessment object, found nothing"));
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error(format_args!("the assessment could not be read as plain data ({e})")))?;
    exchange::from_value(json, builtin()?).map_err(js_error)
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
    let Some(list) = value.dyn_ref::<js_sys::Array>() else {
        return Err(JsError::new(&format!("compare expects {name} to be an array of assessments")));
    };
    // One JSON.stringify and one typed parse: measured faster than converting each object
    // field by field across the boundary.
    let text = js_sys::JSON::stringify(list)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| JsError::new(&format!("{name} could not be read as plain data")))?;
    exchange::import_many(&text, builtin()?, name).map_err(js_error)
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

/// What `mount` accepts. Unknown options are refused so a typo is noticed, not ignored.
#[derive(serde::Deserialize, Default)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
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
        // Through serde_json::Value: serde-wasm-bindgen reads only the fields a struct
        // declares, so a misspelt option would otherwise be ignored without a word.
        let json: serde_json::Value = serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_error(format_args!("mount options could not be read ({e})")))?;
        serde_json::from_value(json).map_err(|e| js_error(format_args!("mount options: {e}")))?
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
