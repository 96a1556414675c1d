//! Comparing respondents: each figure worked by hand on the small instrument.
mod common;

use collab_toolkit::assessment::Depth::Quick;
use collab_toolkit::compare::{compare, NO_ORGANISATION};
use collab_toolkit::{Assessment, Response};
use common::*;

fn respondent(organisation: &str, a: Response, b: Response, c: Response) -> Assessment {
    let mut x = assessment(Quick, None, &[("a.core", a), ("b.core", b), ("c.core", c)]);
    x.context.organisation = organisation.into();
    x
}

#[test]
fn per_principle_mean_min_max_spread_and_count_over_respondents() {
    let all = [
        respondent("North Trust", L(2), L(3), L(4)),
        respondent("North Trust", L(4), L(5), Unsure),
        respondent("Riverside PCN", L(3), L(4), L(5)),
    ];
    let c = compare(&small(), &all, None);
    assert_eq!(c.respondents, 3);
    let a = &c.principles[0].summary;
    assert_eq!((a.count, a.mean, a.min, a.max, a.spread), (3, Some(3.0), Some(2.0), Some(4.0), Some(2.0)));
    let cc = &c.principles[2].summary;
    assert_eq!((cc.count, cc.mean, cc.spread), (2, Some(4.5), Some(1.0)), "an unsure answer leaves that respondent out");
    // Overall means: 3, 4.5, 4 → mean 23/6.
    assert_eq!(c.overall.mean, Some(23.0 / 6.0));
    assert_eq!((c.overall.min, c.overall.max), (Some(3.0), Some(4.5)));
}

#[test]
fn a_spread_of_one_and_a_half_levels_or_more_is_contested() {
    let all = [
        respondent("A", L(1), L(2), L(3)),
        respondent("B", L(3), L(3), L(4)),
        respondent("C", L(2), L(2), L(3)),
    ];
    // a: 1..3 spread 2, contested. b: 2..3 spread 1, not. c: 3..4 spread 1, not.
    let c = compare(&small(), &all, None);
    assert_eq!(c.contested, ["a"]);
    assert!(c.principles[0].contested && !c.principles[1].contested);
}

#[test]
fn exactly_one_and_a_half_is_contested_and_just_under_is_not() {
    use collab_toolkit::assessment::Depth::Deep;
    let b = |answers: &[(&str, u8)]| {
        let answers: Vec<_> = answers.iter().map(|(id, l)| (*id, L(*l))).collect();
        assessment(Deep, Some(3), &answers)
    };
    let low = b(&[("b.core", 2), ("b.two", 2), ("b.three", 2), ("b.four", 2), ("b.five", 2)]); // 2.0
    let half = b(&[("b.core", 2), ("b.two", 5)]); // 3.5: exactly 1.5 above
    let fifths = b(&[("b.core", 3), ("b.two", 3), ("b.three", 4), ("b.four", 4), ("b.five", 3)]); // 3.4
    let c = compare(&small(), &[low.clone(), half], None);
    assert_eq!(c.principles[1].summary.spread, Some(1.5));
    assert_eq!(c.contested, ["b"]);
    let c = compare(&small(), &[low, fifths], None);
    assert!(c.contested.is_empty(), "2.0 to 3.4 is 1.4 levels");
}

#[test]
fn organisations_are_grouped_in_order_of_first_appearance() {
    let all = [
        respondent("Riverside PCN", L(3), L(3), L(3)),
        respondent(" North Trust ", L(5), L(5), L(5)),
        respondent("", L(1), L(1), L(1)),
        respondent("Riverside PCN", L(4), L(4), L(4)),
    ];
    let c = compare(&small(), &all, None);
    let names: Vec<(&str, u32)> = c.organisations.iter().map(|o| (o.organisation.as_str(), o.respondents)).collect();
    assert_eq!(names, [("Riverside PCN", 2), ("North Trust", 1), (NO_ORGANISATION, 1)]);
    assert_eq!(c.organisations[0].principles[0].summary.mean, Some(3.5));
    assert_eq!(c.organisations[0].overall.mean, Some(3.5));
}

#[test]
fn change_against_an_earlier_round_per_principle() {
    let earlier = [respondent("A", L(2), L(3), Unsure), respondent("B", L(2), L(4), Unsure)];
    let now = [respondent("A", L(3), L(3), L(4)), respondent("B", L(4), L(3), L(4))];
    let c = compare(&small(), &now, Some(&earlier));
    let change = c.change.expect("an earlier round was given");
    assert_eq!((change[0].earlier, change[0].now, change[0].change), (Some(2.0), Some(3.5), Some(1.5)));
    assert_eq!(change[1].change, Some(-0.5));
    assert_eq!((change[2].earlier, change[2].change), (None, None), "no earlier score, no change");
    assert!(compare(&small(), &now, None).change.is_none());
}

#[test]
fn nothing_to_compare_gives_empty_figures() {
    let c = compare(&small(), &[], None);
    assert_eq!(c.respondents, 0);
    assert!(c.principles.iter().all(|p| p.summary.count == 0 && p.summary.mean.is_none()));
    assert!(c.organisations.is_empty() && c.contested.is_empty());
}

#[test]
fn comparison_serialises_flat_in_snake_case() {
    let c = compare(&small(), &[respondent("A", L(2), L(3), L(4))], None);
    let json = serde_json::to_value(&c).expect("serialises");
    assert_eq!(json["principles"][0], serde_json::json!({
        "id": "a", "count": 1, "mean": 2.0, "min": 2.0, "max": 2.0, "spread": 0.0, "contested": false
    }));
    assert_eq!(json["change"], serde_json::Value::Null);
}
