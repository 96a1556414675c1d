//! The built-in instrument: every structural rule holds, and broken content is caught.
use collab_toolkit::{ErrorKind, Instrument};

#[test]
fn the_builtin_instrument_is_valid_with_eight_principles_each_with_one_core_item() {
    let i = Instrument::builtin().expect("valid");
    assert_eq!(i.principles.len(), 8);
    assert_eq!(i.dimensions.len(), 9);
    assert_eq!(i.levels, ["Not in place", "Emerging", "Developing", "Established", "Exemplary"]);
    for p in &i.principles {
        assert_eq!(p.items.iter().filter(|item| item.core).count(), 1, "{}", p.id);
    }
}

#[test]
fn the_nine_leadership_dimensions_carry_the_models_own_names() {
    let names: Vec<&str> = Instrument::builtin().expect("valid").dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, [
        "Inspiring shared purpose", "Leading with care", "Evaluating information", "Connecting our service",
        "Sharing the vision", "Engaging the team", "Holding to account", "Developing capability", "Influencing for results",
    ]);
}

fn broken(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(include_str!("fixtures/small-instrument.json")).expect("json");
    edit(&mut doc);
    let err = Instrument::from_json(&doc.to_string()).expect_err("must be refused");
    assert_eq!(err.kind(), ErrorKind::Instrument);
    err.to_string()
}

#[test]
fn content_mistakes_are_named_by_item() {
    let msg = broken(|d| d["principles"][0]["items"][1]["core"] = true.into());
    assert!(msg.contains("principles[0] (a): has 2 core items, needs exactly 1"), "{msg}");
    let msg = broken(|d| d["principles"][1]["items"][0]["id"] = "a.core".into());
    assert!(msg.contains("(a.core): id is used twice"), "{msg}");
    let msg = broken(|d| d["principles"][0]["items"][0]["descriptors"][4] = "a.core level 1".into());
    assert!(msg.contains("(a.core): needs 5 distinct descriptors"), "{msg}");
    let msg = broken(|d| d["principles"][0]["items"][0]["dimensions"] = serde_json::json!(["d9"]));
    assert!(msg.contains("dimension \"d9\" does not exist"), "{msg}");
    let msg = broken(|d| d["principles"][0]["items"][0]["min_scale"] = 6.into());
    assert!(msg.contains("min_scale 6 is not 1 to 5"), "{msg}");
}
