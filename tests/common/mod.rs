//! Helpers shared by the native test suites.
#![allow(dead_code)]

use collab_toolkit::assessment::{Answer, Assessment, Depth, InstrumentRef, Response};
use collab_toolkit::Instrument;

/// A small hand-made instrument whose numbers are easy to work by hand:
/// principle a: a.core (core; d1), a.two (d1, d2), a.contract (from scale 4; d2);
/// principle b: b.core (core; d2), b.two (d3);
/// principle c: c.core (core; d3), c.system (from scale 5; d1). Dimension d4 has no item.
pub fn small() -> Instrument {
    Instrument::from_json(include_str!("../fixtures/small-instrument.json")).expect("fixture instrument is valid")
}

pub const NOW: &str = "2026-11-22T10:00:00Z";

/// An assessment of the small instrument with these responses.
pub fn assessment(depth: Depth, scale: Option<u8>, responses: &[(&str, Response)]) -> Assessment {
    let mut assessment = Assessment::new(InstrumentRef { id: "test-audit".into(), version: "1".into() }, depth, NOW);
    assessment.context.scale = scale;
    for (id, response) in responses {
        assessment.answers.insert(id.to_string(), Answer { level: Some(*response), note: String::new() });
    }
    assessment
}

#[allow(unused_imports)]
pub use Response::{Level as L, Na, Unsure};

/// Equal, with floats equal to within 1e-12 (expected means are written as decimals).
pub fn same(expected: &serde_json::Value, actual: &serde_json::Value, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (serde_json::Value::Number(e), serde_json::Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap_or(f64::NAN), a.as_f64().unwrap_or(f64::NAN));
            if (e - a).abs() < 1e-12 { Ok(()) } else { Err(format!("{at}: expected {e}, got {a}")) }
        }
        (serde_json::Value::Array(e), serde_json::Value::Array(a)) if e.len() == a.len() => {
            e.iter().zip(a).enumerate().try_for_each(|(i, (e, a))| same(e, a, &format!("{at}[{i}]")))
        }
        (serde_json::Value::Object(e), serde_json::Value::Object(a)) if e.len() == a.len() => {
            e.iter().try_for_each(|(k, e)| same(e, a.get(k).unwrap_or(&serde_json::Value::Null), &format!("{at}.{k}")))
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{at}: expected {expected}, got {actual}")),
    }
}

