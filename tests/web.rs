//! The JavaScript boundary, run in headless Chromium by wasm-bindgen-test: the public formats
//! survive the trip as plain objects, and every failure arrives as a real `Error`.
#![cfg(target_arch = "wasm32")]

mod common;

use collab_toolkit::web::bindings::{export_assessment, import_assessment, instrument, mount, score};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn parse(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON parses")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

const DOC: &str = r#"{ "format": "collab-toolkit/assessment", "format_version": 1,
  "instrument": { "id": "collab-audit", "version": "1.0.0" },
  "created": "2026-11-22T10:00:00Z", "updated": "2026-11-22T10:05:00Z", "depth": "quick",
  "context": { "title": "Frailty pathway", "partners": ["North Trust", "Riverside PCN"], "scale": 3, "organisation": "North Trust" },
  "answers": { "purpose.shared": { "level": 3, "note": "Agreed at July board" },
               "trust.openness": { "level": 4 }, "outcomes.measures": { "level": "unsure" } },
  "actions": [] }"#;

/// The message of a failure, asserting that it is a real JavaScript `Error`.
fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let value: JsValue = result.expect_err("must fail").into();
    let error = value.dyn_ref::<js_sys::Error>().expect("failures arrive as Error objects");
    error.message().into()
}

#[wasm_bindgen_test]
fn instrument_is_a_plain_object_in_the_public_shape() {
    let i = instrument().expect("instrument");
    assert_eq!(get(&i, "id").as_string().as_deref(), Some("collab-audit"));
    let principles: Array = get(&i, "principles").dyn_into().expect("an array");
    assert_eq!(principles.length(), 8);
    let item = get(&get(&principles.get(2), "items"), "0");
    assert_eq!(get(&item, "id").as_string().as_deref(), Some("trust.openness"));
    assert_eq!(Array::from(&get(&item, "descriptors")).length(), 5);
    assert_eq!(get(&item, "min_scale").as_f64(), Some(1.0));
    assert_eq!(Array::from(&get(&i, "dimensions")).length(), 9);
}

#[wasm_bindgen_test]
fn score_takes_a_plain_object_and_returns_results_with_nulls_for_missing_scores() {
    let results = score(parse(DOC)).expect("scores");
    let overall = get(&results, "overall");
    assert_eq!(get(&overall, "mean").as_f64(), Some(3.5));
    assert_eq!(get(&overall, "percent").as_f64(), Some(63.0));
    assert_eq!(get(&overall, "band").as_string().as_deref(), Some("developing"));
    assert_eq!(get(&results, "weakest").as_string().as_deref(), Some("purpose"));
    let outcomes = Array::from(&get(&results, "principles")).get(7);
    assert!(get(&outcomes, "mean").is_null(), "a principle without a level has mean null");
    assert_eq!(stringify(&get(&results, "evidence_gaps")), r#"["outcomes.measures"]"#);
}

#[wasm_bindgen_test]
fn export_then_import_round_trips_through_javascript() {
    let text = export_assessment(parse(DOC)).expect("exports");
    assert!(text.contains("\"results\""), "export carries results for convenience");
    let back = import_assessment(JsValue::from_str(&text)).expect("imports");
    let again = export_assessment(back).expect("exports again");
    assert_eq!(text, again);
}

#[wasm_bindgen_test]
fn a_bad_level_arrives_as_an_error_naming_its_path() {
    let doc = parse(&DOC.replace(r#""level": 4"#, r#""level": 7"#));
    let message = error_message(score(doc));
    assert_eq!(message, r#"answers."trust.openness".level: 7 is not a level (1-5, "unsure", "na")"#);
}

#[wasm_bindgen_test]
fn import_errors_are_errors_with_clear_messages() {
    let message = error_message(import_assessment(JsValue::from_str("{ \"format\": ")));
    assert!(message.starts_with("line 1, column 13: this is not valid JSON"), "{message}");
    let message = error_message(import_assessment(JsValue::from_f64(42.0)));
    assert!(message.contains("expects the text of a file"), "{message}");
    let message = error_message(score(JsValue::UNDEFINED));
    assert!(message.contains("found nothing"), "{message}");
    let message = error_message(export_assessment(parse("[]")).map(JsValue::from));
    assert!(message.contains("expected an assessment object"), "{message}");
}

#[wasm_bindgen_test]
fn mount_renders_the_quick_check_and_records_answers() {
    let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
    let host = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&host).expect("append");
    let widget = mount(host.clone().into(), JsValue::UNDEFINED).expect("mounts");
    let shadow = host.shadow_root().expect("the widget renders in an open shadow root");
    assert_eq!(shadow.query_selector_all("fieldset.ctk-question").expect("query").length(), 8);
    let radio: web_sys::HtmlElement = shadow
        .query_selector("input[data-item='trust.openness'][value='2']")
        .expect("query")
        .expect("the level 2 radio")
        .dyn_into()
        .expect("an input");
    radio.click();
    let assessment = widget.get_assessment().expect("assessment");
    assert_eq!(stringify(&get(&get(&assessment, "answers"), "trust.openness")), r#"{"level":2}"#);
    widget.unmount();
    assert_eq!(shadow.child_element_count(), 0);
    assert!(mount(host.clone().into(), JsValue::UNDEFINED).is_ok(), "the element can be mounted again");
    assert!(widget.get_assessment().is_err(), "an unmounted widget says so");
}

#[wasm_bindgen_test]
fn mount_refuses_what_is_not_an_element_and_unknown_options() {
    let message = error_message(mount(JsValue::from_str("#toolkit"), JsValue::UNDEFINED).map(JsValue::from));
    assert!(message.contains("mount expects a DOM element"), "{message}");
    let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
    let host = doc.create_element("div").expect("div");
    let message = error_message(mount(host.into(), parse(r#"{"depht": "deep"}"#)).map(JsValue::from));
    assert!(message.contains("mount options: unknown option \"depht\""), "{message}");
}

/// The hand-worked fixtures of `tests/worked.rs`, scored through the JavaScript API.
const WORKED: [&str; 12] = [
    include_str!("fixtures/results/01-quick-all-fours.json"),
    include_str!("fixtures/results/02-band-exactly-three.json"),
    include_str!("fixtures/results/03-overall-exactly-four.json"),
    include_str!("fixtures/results/04-principle-only-unsure.json"),
    include_str!("fixtures/results/05-scale-hides-items.json"),
    include_str!("fixtures/results/06-gap-ties-by-level-and-mean.json"),
    include_str!("fixtures/results/07-gaps-ordered-by-principle-mean.json"),
    include_str!("fixtures/results/08-overall-three-and-a-half-from-thirds.json"),
    include_str!("fixtures/results/09-not-applicable-unsure-and-absent.json"),
    include_str!("fixtures/results/10-nothing-answered.json"),
    include_str!("fixtures/results/11-percent-halves-round-up.json"),
    include_str!("fixtures/results/12-exact-overall-where-floats-round-down.json"),
];

#[wasm_bindgen_test]
fn every_hand_worked_assessment_scores_as_worked_through_the_js_api() {
    for text in WORKED {
        let fixture: serde_json::Value = serde_json::from_str(text).expect("fixture JSON");
        let results = score(parse(&fixture["assessment"].to_string())).expect("scores");
        let actual: serde_json::Value = serde_json::from_str(&stringify(&results)).expect("results JSON");
        if let Err(e) = common::same(&fixture["expected"], &actual, "results") {
            panic!("{}: {e}", fixture["description"]);
        }
    }
}
