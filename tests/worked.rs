//! Hand-worked assessments of the built-in instrument (`tests/fixtures/results/`), each with
//! the results worked out by hand, checked against the engine. `tests/web.rs` checks the same
//! files through the JavaScript API.
mod common;

use collab_toolkit::{exchange, score, Instrument};
use common::same;
use serde_json::Value;

#[test]
fn every_hand_worked_assessment_scores_as_worked() {
    let instrument = Instrument::builtin().expect("valid");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/results");
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("dir").filter_map(Result::ok).map(|e| e.path()).collect();
    names.sort();
    let mut failures = Vec::new();
    for path in &names {
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        let assessment = exchange::import(&fixture["assessment"].to_string(), instrument).expect("fixture assessment is valid");
        let actual = serde_json::to_value(score(instrument, &assessment)).expect("serialises");
        if let Err(e) = same(&fixture["expected"], &actual, "results") {
            failures.push(format!("{}: {e}", path.file_name().unwrap_or_default().to_string_lossy()));
        }
    }
    assert!(names.len() >= 12, "{} fixtures", names.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
