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

fn builtin() -> &'static Instrument {
    Instrument::builtin().expect("valid")
}

#[test]
fn every_principle_has_four_to_six_items_and_there_are_at_least_thirty_six() {
    let i = builtin();
    for p in &i.principles {
        assert!((4..=6).contains(&p.items.len()), "{} has {} items", p.id, p.items.len());
        assert!(!p.summary.trim().is_empty(), "{} has no summary", p.id);
    }
    assert!(i.items().count() >= 36);
}

#[test]
fn every_leadership_dimension_is_mapped_by_at_least_two_items() {
    let i = builtin();
    for d in &i.dimensions {
        let n = i.items().filter(|(_, item)| item.dimensions.contains(&d.id)).count();
        assert!(n >= 2, "{} is mapped by {n} items", d.id);
        assert!(!d.description.trim().is_empty());
    }
}

#[test]
fn items_about_contracts_and_formal_structures_apply_only_from_a_larger_scale() {
    let i = builtin();
    let scaled: Vec<&str> = i.items().filter(|(_, item)| item.min_scale > 1).map(|(_, item)| item.id.as_str()).collect();
    assert!(scaled.len() >= 4, "{scaled:?}");
    for id in ["governance.agreement", "commitment.boards", "resources.pooled"] {
        assert!(scaled.contains(&id), "{id} must not apply to two clinicians");
    }
    assert!(i.items().filter(|(_, item)| item.core).all(|(_, item)| item.min_scale == 1), "the quick check applies at every scale");
}

#[test]
fn every_item_has_a_readiness_wording_of_its_own() {
    for (_, item) in builtin().items() {
        assert_ne!(item.readiness, item.statement, "{}", item.id);
    }
}

#[test]
fn descriptors_describe_what_is_seen_rather_than_how_much() {
    for (_, item) in builtin().items() {
        for (n, text) in item.descriptors.iter().enumerate() {
            for vague in ["Some ", "More ", "Most ", "Many "] {
                assert!(!text.starts_with(vague), "{} level {}: {text}", item.id, n + 1);
            }
        }
    }
}

#[test]
fn context_choices_are_exactly_the_values_the_format_allows() {
    use collab_toolkit::assessment::{Basis, Continuum, Options, Stage, Status, Depth};
    fn same<T: Options + serde::Serialize + PartialEq>() {
        for (value, name) in T::ALL.iter().zip(T::NAMES) {
            assert_eq!(serde_json::to_value(value).expect("serialises"), serde_json::json!(name));
            assert_eq!(value.name(), *name);
        }
    }
    same::<Continuum>();
    same::<Stage>();
    same::<Basis>();
    same::<Status>();
    same::<Depth>();
    let i = builtin();
    assert_eq!(i.continuum.len(), 5);
    assert_eq!(i.stages.len(), 4);
    assert_eq!(i.bases.len(), 3);
}

#[test]
fn scope_by_depth_and_scale_for_the_builtin_instrument() {
    use collab_toolkit::assessment::Depth;
    use collab_toolkit::scoring::in_scope;
    let i = builtin();
    let count = |depth, scale| i.items().filter(|(_, item)| in_scope(item, depth, scale)).count();
    for scale in 1..=5 {
        assert_eq!(count(Depth::Quick, Some(scale)), 8, "quick at scale {scale}");
    }
    assert_eq!([1, 2, 3, 4, 5].map(|s| count(Depth::Deep, Some(s))), [32, 32, 37, 40, 40]);
    assert_eq!(count(Depth::Deep, None), 40);
}

#[test]
fn the_instrument_document_lists_every_item_and_names_only_real_ones() {
    let doc = include_str!("../docs/instrument.md");
    let i = builtin();
    for (_, item) in i.items() {
        assert!(doc.contains(&format!("| `{}` |", item.id)), "docs/instrument.md does not list {}", item.id);
    }
    // Every `principle.item` in backticks names a real item.
    for quoted in doc.split('`').skip(1).step_by(2) {
        if let Some((principle, _)) = quoted.split_once('.') {
            if i.principles.iter().any(|p| p.id == principle) {
                assert!(i.item(quoted).is_some(), "docs/instrument.md names {quoted}, which does not exist");
            }
        }
    }
    assert!(doc.contains(&format!("version `{}`", i.version)), "docs/instrument.md names another version");
}

#[test]
fn the_types_deserialise_with_serde_as_our_reader_reads_them() {
    // Rust callers may use serde on data they wrote themselves; the page uses our own reader.
    let text = include_str!("../src/instrument/audit.json");
    let by_serde: Instrument = serde_json::from_str(text).expect("serde reads the content");
    assert_eq!(&by_serde, builtin());
    let exported = collab_toolkit::exchange::export(&collab_toolkit::exchange::import(include_str!("fixtures/good-quick.json"), builtin()).expect("valid"), builtin());
    let mut doc: serde_json::Value = serde_json::from_str(&exported).expect("json");
    doc.as_object_mut().map(|d| d.remove("results"));
    let by_serde: collab_toolkit::Assessment = serde_json::from_value(doc).expect("serde reads an export");
    assert_eq!(Ok(by_serde), collab_toolkit::exchange::import(&exported, builtin()));
}
