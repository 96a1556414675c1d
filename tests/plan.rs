//! SMART checks: each letter met or not, with the reason a person can act on.
use collab_toolkit::assessment::{Action, Status};
use collab_toolkit::plan::check;
use collab_toolkit::Instrument;

fn builtin() -> &'static Instrument {
    Instrument::builtin().expect("valid")
}

fn good() -> Action {
    Action {
        id: "a1".into(),
        what: "Agree an escalation route with the hospice at the May meeting".into(),
        measure: "No partner learns of a problem from a board report".into(),
        owner: "Clinical lead, North Trust".into(),
        resources: "Two hours a month".into(),
        addresses: "trust.openness".into(),
        due: "2027-05-31".into(),
        status: Status::NotStarted,
    }
}

fn unmet(action: &Action, today: &str) -> Vec<(char, String)> {
    check(action, builtin(), today).into_iter().filter(|c| !c.met).map(|c| (c.letter, c.why.unwrap_or_default())).collect()
}

#[test]
fn a_complete_action_meets_all_five_letters() {
    let checks = check(&good(), builtin(), "2026-11-23");
    assert_eq!(checks.iter().map(|c| c.letter).collect::<String>(), "SMART");
    assert!(checks.iter().all(|c| c.met && c.why.is_none()));
}

#[test]
fn a_blank_action_says_what_each_letter_needs() {
    let blank = Action { id: "b".into(), ..Action::default() };
    let reasons = unmet(&blank, "2026-11-23");
    assert_eq!(reasons.iter().map(|(l, _)| *l).collect::<String>(), "SMART");
    assert_eq!(reasons[0].1, "Say what will be done.");
    assert!(reasons[1].1.starts_with("No measure"));
    assert!(reasons[2].1.starts_with("No owner"));
    assert!(reasons[3].1.starts_with("Not linked to a question or principle"));
    assert!(reasons[4].1.starts_with("Due date missing"));
}

#[test]
fn vague_or_short_actions_are_not_specific() {
    for what in ["Improve trust", "Look at communication between partners", "Meetings", "Work on governance somehow"] {
        let action = Action { what: what.into(), ..good() };
        let reasons = unmet(&action, "2026-11-23");
        assert_eq!(reasons.len(), 1, "{what}: {reasons:?}");
        assert_eq!(reasons[0].0, 'S');
    }
    let action = Action { what: "Review the information sharing agreement with both data protection officers by March".into(), ..good() };
    assert!(unmet(&action, "2026-11-23").is_empty(), "a long, concrete review is specific");
}

#[test]
fn due_dates_must_be_real_and_not_past_unless_done() {
    let at = |due: &str, status| unmet(&Action { due: due.into(), status, ..good() }, "2026-11-23");
    assert_eq!(at("2027-02-30", Status::NotStarted), [('T', "\"2027-02-30\" is not a real date.".to_string())]);
    assert_eq!(at("2026-11-22", Status::InProgress)[0].1, "The due date, 2026-11-22, has passed: set a new one, or mark the action done.");
    assert!(at("2026-11-23", Status::NotStarted).is_empty(), "due today is not past");
    assert!(at("2026-01-01", Status::Done).is_empty(), "a done action may have a past date");
}

#[test]
fn relevant_means_linked_to_a_real_item_or_principle() {
    assert!(unmet(&Action { addresses: "trust".into(), ..good() }, "2026-11-23").is_empty());
    let reasons = unmet(&Action { addresses: "trust.vibes".into(), ..good() }, "2026-11-23");
    assert_eq!(reasons[0].0, 'R');
    assert!(reasons[0].1.contains("\"trust.vibes\""));
}

#[test]
fn a_two_word_measure_is_too_short_to_check() {
    let reasons = unmet(&Action { measure: "Better relationships".into(), ..good() }, "2026-11-23");
    assert_eq!(reasons[0].0, 'M');
}
