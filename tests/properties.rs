//! Properties over many generated inputs: export then import is the identity for any valid
//! assessment; import never panics; and our JSON reader accepts exactly what serde_json
//! accepts (but for a repeated field name, which it refuses), reading the same values.
#![cfg(not(target_arch = "wasm32"))]

use collab_toolkit::assessment::{Action, Answer, Assessment, Basis, Context, Continuum, Depth, InstrumentRef, Stage, Status};
use collab_toolkit::exchange::{export, import};
use collab_toolkit::{json, Instrument, Response};
use proptest::prelude::*;
use serde_json::Value;

fn builtin() -> &'static Instrument {
    Instrument::builtin().expect("valid")
}

fn item_ids() -> Vec<String> {
    builtin().items().map(|(_, i)| i.id.clone()).collect()
}

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        Just(None),
        (1u8..=5).prop_map(|l| Some(Response::Level(l))),
        Just(Some(Response::Unsure)),
        Just(Some(Response::Na)),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..max.min(40)).prop_map(|c| c.into_iter().collect())
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), (2000u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))]
}

fn assessment() -> impl Strategy<Value = Assessment> {
    let ids = item_ids();
    let answers = proptest::collection::btree_map(proptest::sample::select(ids.clone()), (response(), text(60)), 0..20)
        .prop_map(|m| {
            m.into_iter()
                .map(|(id, (level, note))| (id, Answer { level, note }))
                .filter(|(_, a)| a.level.is_some() || !a.note.is_empty())
                .collect()
        });
    let context = (text(200), text(300), proptest::collection::vec(text(50), 0..4), proptest::option::of(1u8..=5),
        proptest::option::of(proptest::sample::select(vec![Continuum::Networking, Continuum::Integrating])),
        proptest::option::of(proptest::sample::select(vec![Stage::Planned, Stage::Review])),
        proptest::option::of(proptest::sample::select(vec![Basis::Voluntary, Basis::Mandated])), text(100))
        .prop_map(|(title, description, partners, scale, continuum, stage, basis, organisation)| Context {
            title, description, partners, scale, continuum, stage, basis, organisation,
        });
    let action = (text(20), text(100), text(100), text(50), text(50), proptest::option::of(proptest::sample::select(ids)), date(),
        proptest::sample::select(vec![Status::NotStarted, Status::InProgress, Status::Done]))
        .prop_map(|(id, what, measure, owner, resources, addresses, due, status)| Action {
            id, what, measure, owner, resources, addresses: addresses.unwrap_or_default(), due, status,
        });
    (any::<bool>(), context, answers, proptest::collection::vec(action, 0..3)).prop_map(|(deep, context, answers, actions)| {
        let i = builtin();
        let mut a = Assessment::new(InstrumentRef { id: i.id.clone(), version: i.version.clone() }, if deep { Depth::Deep } else { Depth::Quick }, "2026-11-22T10:00:00Z");
        (a.context, a.answers, a.actions) = (context, answers, actions);
        a
    })
}

/// Replaces the value at a random place in a JSON document with another JSON value.
fn mutate(value: &mut Value, path: &[usize], replacement: Value) {
    match (value, path.split_first()) {
        (Value::Object(map), Some((i, rest))) if !map.is_empty() => {
            let key = map.keys().nth(i % map.len()).cloned().unwrap_or_default();
            if rest.is_empty() || !matches!(map[&key], Value::Object(_) | Value::Array(_)) {
                map.insert(key, replacement);
            } else if let Some(child) = map.get_mut(&key) {
                mutate(child, rest, replacement);
            }
        }
        (Value::Array(list), Some((i, rest))) if !list.is_empty() => {
            let n = i % list.len();
            if rest.is_empty() {
                list[n] = replacement;
            } else {
                mutate(&mut list[n], rest, replacement);
            }
        }
        (slot, _) => *slot = replacement,
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-10.0f64..10.0).prop_map(Value::from),
        (0u8..=6).prop_map(Value::from),
        text(30).prop_map(Value::from),
        Just(Value::from("unsure")),
        Just(Value::from("2027-02-29")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_then_import_is_the_identity(a in assessment()) {
        let text = export(&a, builtin());
        prop_assert_eq!(import(&text, builtin()), Ok(a));
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(text in ".{0,400}") {
        let _ = import(&text, builtin());
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes_as_text(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import(&String::from_utf8_lossy(&bytes), builtin());
    }

    #[test]
    fn our_reader_agrees_with_serde_json_on_damaged_documents(
        a in assessment(), path in proptest::collection::vec(any::<usize>(), 1..4), replacement in json_value()
    ) {
        let mut doc: Value = serde_json::from_str(&export(&a, builtin())).expect("export is JSON");
        mutate(&mut doc, &path, replacement);
        agree(&doc.to_string())?;
        agree(&serde_json::to_string_pretty(&doc).expect("serialises"))?;
    }

    #[test]
    fn our_reader_agrees_with_serde_json_on_mistyped_text(
        a in assessment(), at in any::<usize>(), edit in 0..3u8, c in prop::sample::select(r#"{}[]",:\/ .-+eE0123456789truefalsn"#.chars().collect::<Vec<_>>())
    ) {
        let mut text: Vec<char> = export(&a, builtin()).chars().collect();
        let at = at % text.len();
        match edit {
            0 => { text.remove(at); }
            1 => text.insert(at, c),
            _ => text[at] = c,
        }
        agree(&text.into_iter().collect::<String>())?;
    }
}

/// Our reader and serde_json accept the same text and read the same value from it.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let theirs = serde_json::from_str::<Value>(text);
    match json::parse(text) {
        Ok(ours) => {
            let ours: Value = serde_json::from_str(&ours.to_string()).expect("our value writes as JSON");
            prop_assert_eq!(Some(ours), theirs.ok(), "{}", text);
        }
        Err(e) if e.reason.contains("appears twice") => {}
        Err(e) => prop_assert!(theirs.is_err(), "we refused ({}) what serde_json reads: {}", e, text),
    }
    let _ = import(text, builtin());
    Ok(())
}
