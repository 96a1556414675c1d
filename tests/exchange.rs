//! Import and export of the assessment format: round trips, and bad input refused with a
//! message that says what is wrong and where.
mod common;

use collab_toolkit::assessment::{Action, Answer, Basis, Continuum, Depth, InstrumentRef, Stage, Status};
use collab_toolkit::exchange::{export, import, is_date};
use collab_toolkit::{Assessment, ErrorKind, Instrument, Response};
use serde_json::{json, Value};

fn builtin() -> &'static Instrument {
    Instrument::builtin().expect("the built-in instrument is valid")
}

fn full() -> Assessment {
    let i = builtin();
    let mut a = Assessment::new(InstrumentRef { id: i.id.clone(), version: i.version.clone() }, Depth::Quick, common::NOW);
    a.context.title = "Joint frailty clinic <b>not bold</b>".into();
    a.context.partners = vec!["North Trust".into(), "Riverside GP Federation".into()];
    a.context.scale = Some(3);
    a.context.continuum = Some(Continuum::Cooperating);
    a.context.stage = Some(Stage::Established);
    a.context.basis = Some(Basis::Encouraged);
    a.context.organisation = "North Trust".into();
    a.answers.insert("trust.openness".into(), Answer { level: Some(Response::Level(2)), note: "Escalations in March, \"late\"".into() });
    a.answers.insert("purpose.shared".into(), Answer { level: Some(Response::Unsure), note: String::new() });
    a.answers.insert("outcomes.measures".into(), Answer { level: Some(Response::Na), note: String::new() });
    a.actions.push(Action {
        id: "a1".into(),
        what: "Agree an escalation route".into(),
        measure: "No partner surprised by a board report".into(),
        owner: "Clinical lead".into(),
        resources: "Two hours a month".into(),
        addresses: "trust.openness".into(),
        due: "2027-02-28".into(),
        status: Status::InProgress,
    });
    a
}

/// A valid document as JSON, for tests to break one field at a time.
fn valid() -> Value {
    serde_json::from_str(&export(&full(), builtin())).expect("export is JSON")
}

fn refused(doc: &Value) -> String {
    let err = import(&doc.to_string(), builtin()).expect_err("must be refused");
    err.to_string()
}

#[test]
fn export_then_import_gives_back_the_same_assessment() {
    let a = full();
    let text = export(&a, builtin());
    assert_eq!(import(&text, builtin()), Ok(a));
}

#[test]
fn export_carries_the_format_tag_and_freshly_computed_results() {
    let doc = valid();
    assert_eq!(doc["format"], "collab-toolkit/assessment");
    assert_eq!(doc["format_version"], 1);
    assert_eq!(doc["answers"]["trust.openness"], json!({ "level": 2, "note": "Escalations in March, \"late\"" }));
    assert_eq!(doc["results"]["overall"], json!({ "mean": 2.0, "percent": 25, "band": "concern" }));
}

#[test]
fn results_inside_a_file_are_never_trusted() {
    let mut doc = valid();
    doc["results"] = json!({ "overall": { "mean": 5.0, "percent": 100, "band": "strength" } });
    let a = import(&doc.to_string(), builtin()).expect("results are ignored, not refused");
    let text = export(&a, builtin());
    assert!(text.contains("\"percent\": 25"), "{text}");
}

#[test]
fn not_json_is_refused_with_line_and_column() {
    let msg = import("{\n  \"format\": \"collab-toolkit/assessment\",\n  oops\n}", builtin()).unwrap_err().to_string();
    assert!(msg.starts_with("line 3, column 3: this is not valid JSON"), "{msg}");
}

#[test]
fn another_kind_of_file_is_refused_by_its_format_tag() {
    let msg = import(r#"{"name": "my-app", "version": "1.0.0"}"#, builtin()).unwrap_err().to_string();
    assert!(msg.contains("format: is missing: this is not a Collaboration Toolkit assessment"), "{msg}");
    let msg = import(r#"{"format": "surveyjs"}"#, builtin()).unwrap_err().to_string();
    assert!(msg.contains("format: is \"surveyjs\""), "{msg}");
    let msg = import("[1, 2]", builtin()).unwrap_err().to_string();
    assert!(msg.contains("expected an assessment object"), "{msg}");
}

#[test]
fn a_newer_format_version_says_the_file_is_from_a_newer_toolkit() {
    let mut doc = valid();
    doc["format_version"] = json!(2);
    assert!(refused(&doc).contains("made by a newer version of the toolkit"));
    doc["format_version"] = json!("1");
    assert!(refused(&doc).contains("format_version: is \"1\""));
}

#[test]
fn an_unknown_instrument_or_version_is_refused() {
    let mut doc = valid();
    doc["instrument"]["id"] = json!("other-audit");
    assert!(refused(&doc).contains("instrument.id: is \"other-audit\""));
    let mut doc = valid();
    doc["instrument"]["version"] = json!("9.9");
    assert!(refused(&doc).contains("instrument.version: is \"9.9\""));
}

#[test]
fn levels_outside_one_to_five_unsure_and_na_are_refused_with_their_path() {
    for (bad, shown) in [(json!(7), "7"), (json!(0), "0"), (json!(2.5), "2.5"), (json!("3"), "\"3\""), (json!("maybe"), "\"maybe\""), (json!(true), "true")] {
        let mut doc = valid();
        doc["answers"]["trust.openness"]["level"] = bad;
        let msg = refused(&doc);
        assert_eq!(msg, format!("answers.\"trust.openness\".level: {shown} is not a level (1-5, \"unsure\", \"na\")"));
    }
}

#[test]
fn a_level_written_as_a_whole_float_is_accepted_as_javascript_sends_it() {
    let mut doc = valid();
    doc["answers"]["trust.openness"]["level"] = json!(4.0);
    let a = import(&doc.to_string(), builtin()).expect("4.0 is level 4");
    assert_eq!(a.response("trust.openness"), Some(Response::Level(4)));
}

#[test]
fn unknown_items_and_fields_are_named() {
    let mut doc = valid();
    doc["answers"]["trust.vibes"] = json!({ "level": 3 });
    doc["context"]["colour"] = json!("blue");
    let msg = refused(&doc);
    assert!(msg.contains("answers.\"trust.vibes\": is not a question in instrument"), "{msg}");
    assert!(msg.contains("context.colour: is not a field of this format"), "{msg}");
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let mut doc = valid();
    doc["depth"] = json!("medium");
    doc["context"]["scale"] = json!(6);
    doc["context"]["stage"] = json!("finished");
    doc["context"]["title"] = json!("x".repeat(201));
    doc["answers"]["purpose.shared"]["note"] = json!("n".repeat(10_001));
    doc["actions"][0]["due"] = json!("2027-02-30");
    doc["actions"][0]["status"] = json!("paused");
    let err = import(&doc.to_string(), builtin()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let msg = err.to_string();
    assert!(msg.starts_with("7 problems:"), "{msg}");
    for fragment in [
        "depth: is \"medium\"; expected one of \"quick\", \"deep\"",
        "context.scale: is 6; expected a whole number from 1",
        "context.stage: is \"finished\"; expected one of \"planned\"",
        "context.title: is 201 characters long; the limit is 200",
        "answers.\"purpose.shared\".note: is 10001 characters long; the limit is 10000",
        "actions[0].due: \"2027-02-30\" is not a real date",
        "actions[0].status: is \"paused\"",
    ] {
        assert!(msg.contains(fragment), "missing {fragment:?} in {msg}");
    }
}

#[test]
fn files_over_five_megabytes_are_refused_before_parsing() {
    let text = format!("{{\"format\": \"{}\"}}", " ".repeat(5 * 1024 * 1024));
    let err = import(&text, builtin()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge);
    assert!(err.to_string().contains("at most 5 MB"));
}

#[test]
fn dates_must_be_real_calendar_dates() {
    for good in ["2026-11-23", "2028-02-29", "2000-02-29", "2026-12-31"] {
        assert!(is_date(good), "{good}");
    }
    for bad in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "23/11/2026", "", "2026-11-31", "+026-11-01"] {
        assert!(!is_date(bad), "{bad}");
    }
}

#[test]
fn csv_has_a_row_per_question_then_the_scores_quoted_for_excel() {
    let mut a = full();
    a.answers.get_mut("trust.openness").expect("answered").note = "Line one\nsaid \"late\", then =SUM(A1)".into();
    let csv = collab_toolkit::exchange::to_csv(&a, builtin());
    assert!(csv.starts_with("\u{feff}\"Principle\",\"Item\",\"Statement\",\"Level\",\"Answer\",\"Note\"\r\n"));
    assert!(csv.contains("\"Trust and relationships\",\"trust.openness\",\"Partners raise problems with each other early and openly.\",\"2\",\"Emerging\",\"Line one\nsaid \"\"late\"\", then =SUM(A1)\"\r\n"), "{csv}");
    assert!(csv.contains("\"Shared purpose and need\",\"purpose.shared\",\"Partners agree what the collaboration is for and why it is needed.\",\"\",\"Not sure\",\"\"\r\n"));
    assert!(csv.contains("\"Trust and relationships\",\"2.00\",\"25\",\"Concern\"\r\n"), "{csv}");
    assert!(csv.contains("\"Overall\",\"2.00\",\"25\",\"Concern\"\r\n"));
    // Quick check: 8 questions, a blank line, a header, 8 principles and the overall row.
    assert_eq!(csv.matches("\r\n").count(), 1 + 8 + 1 + 1 + 8 + 1);
}

#[test]
fn csv_cells_that_look_like_formulas_are_shown_as_text() {
    let mut a = full();
    a.answers.get_mut("trust.openness").expect("answered").note = "=HYPERLINK(\"x\")".into();
    let csv = collab_toolkit::exchange::to_csv(&a, builtin());
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
}

#[test]
fn the_good_fixture_imports() {
    let text = include_str!("fixtures/good-quick.json");
    let a = import(text, builtin()).expect("the good fixture is valid");
    assert_eq!(a.context.title, "Joint frailty clinic");
}

#[test]
fn every_bad_file_in_the_corpus_is_refused_with_its_message() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let manifest = std::fs::read_to_string(dir.join("expected.tsv")).expect("manifest");
    let mut checked = 0;
    for line in manifest.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (file, fragment) = line.split_once('\t').expect("file<TAB>fragment");
        let text = std::fs::read_to_string(dir.join(file)).expect("fixture");
        let message = import(&text, builtin()).expect_err(file).to_string();
        assert!(message.contains(fragment), "{file}: expected {fragment:?} in {message:?}");
        checked += 1;
    }
    assert!(checked >= 25, "the corpus has {checked} files");
    // Every file in the folder is in the manifest.
    let files = std::fs::read_dir(&dir).expect("dir").filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))).count();
    assert_eq!(files, checked);
}
