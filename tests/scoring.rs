//! The scoring rules of PRODUCT.md, each pinned by a case worked by hand on the small
//! instrument in `tests/fixtures/small-instrument.json` (see `common::small`).
mod common;

use collab_toolkit::assessment::Depth::{Deep, Quick};
use collab_toolkit::assessment::{Answer, Depth};
use collab_toolkit::scoring::{format_mean, Band, PrincipleResult};
use collab_toolkit::{score, Response, Results};
use common::*;

fn results(depth: Depth, scale: Option<u8>, responses: &[(&str, Response)]) -> Results {
    score(&small(), &assessment(depth, scale, responses))
}

fn principle(results: &Results, id: &str) -> PrincipleResult {
    results.principles.iter().find(|p| p.id == id).cloned().expect("principle exists")
}

fn leadership(results: &Results) -> Vec<(&str, f64)> {
    results.leadership.iter().map(|l| (l.dimension.as_str(), l.need)).collect()
}

#[test]
fn quick_check_scores_core_items_only() {
    let r = results(Quick, Some(3), &[("a.core", L(2)), ("a.two", L(5)), ("b.core", L(4)), ("c.core", L(3))]);
    let a = principle(&r, "a");
    assert_eq!((a.in_scope, a.answered, a.mean), (1, 1, Some(2.0)));
    assert_eq!(r.completeness, 1.0);
}

#[test]
fn in_depth_audit_scores_every_item_that_applies() {
    let r = results(Deep, Some(5), &[("a.core", L(2)), ("a.two", L(5)), ("a.contract", L(5))]);
    let a = principle(&r, "a");
    assert_eq!((a.in_scope, a.answered, a.mean), (3, 3, Some(4.0)));
    let in_scope: Vec<u32> = r.principles.iter().map(|p| p.in_scope).collect();
    assert_eq!(in_scope, vec![3, 5, 2]);
}

#[test]
fn items_above_the_chosen_scale_are_out_of_scope_and_their_answers_ignored() {
    let answers = [("a.core", L(2)), ("a.contract", L(5)), ("c.core", L(3)), ("c.system", L(1))];
    let r = results(Deep, Some(3), &answers);
    assert_eq!((principle(&r, "a").in_scope, principle(&r, "a").mean), (2, Some(2.0)));
    assert_eq!((principle(&r, "c").in_scope, principle(&r, "c").mean), (1, Some(3.0)));
    // Scale 4 brings the contract item in (from scale 4), not the system one (from 5).
    let r = results(Deep, Some(4), &answers);
    assert_eq!(principle(&r, "a").mean, Some(3.5));
    assert_eq!((principle(&r, "c").in_scope, principle(&r, "c").mean), (1, Some(3.0)));
    let r = results(Deep, Some(5), &answers);
    assert_eq!(principle(&r, "c").mean, Some(2.0));
}

#[test]
fn no_scale_chosen_hides_nothing() {
    let r = results(Deep, None, &[]);
    let in_scope: Vec<u32> = r.principles.iter().map(|p| p.in_scope).collect();
    assert_eq!(in_scope, vec![3, 5, 2]);
}

#[test]
fn unsure_not_applicable_and_absent_are_left_out_of_the_mean() {
    let r = results(Deep, Some(5), &[("a.core", L(4)), ("a.two", Unsure), ("a.contract", Na)]);
    let a = principle(&r, "a");
    assert_eq!(a.mean, Some(4.0));
    assert_eq!((a.in_scope, a.answered, a.unsure, a.na), (3, 1, 1, 1));
    let b = principle(&results(Deep, Some(5), &[("b.core", L(1)), ("b.two", Unsure)]), "b");
    assert_eq!((b.mean, b.answered, b.unsure), (Some(1.0), 1, 1));
}

#[test]
fn a_principle_with_only_unsure_has_no_score_and_does_not_count_overall() {
    let r = results(Quick, Some(1), &[("a.core", Unsure), ("b.core", L(2)), ("c.core", L(4))]);
    let a = principle(&r, "a");
    assert_eq!((a.mean, a.percent, a.band, a.unsure), (None, None, None, 1));
    let overall = r.overall.expect("two principles have scores");
    assert_eq!((overall.mean, overall.percent, overall.band), (3.0, 50, Band::Developing));
    assert_eq!(r.weakest.as_deref(), Some("b"));
}

#[test]
fn percent_rounds_the_exact_mean_with_halves_going_up() {
    // (mean − 1) × 25: 1.5 → 12.5 → 13; 3.5 → 62.5 → 63; 7/3 → 33.3 → 33; 8/3 → 41.7 → 42.
    let cases: [(&[u8], u8); 6] = [(&[1, 2], 13), (&[3, 4], 63), (&[1, 1], 0), (&[5, 5], 100), (&[2, 2, 3], 33), (&[2, 3, 3], 42)];
    for (levels, percent) in cases {
        let answers: Vec<_> = ["a.core", "a.two", "a.contract"].iter().zip(levels).map(|(id, l)| (*id, L(*l))).collect();
        let r = results(Deep, Some(5), &answers);
        assert_eq!(principle(&r, "a").percent, Some(percent), "levels {levels:?}");
    }
}

#[test]
fn bands_change_exactly_at_three_and_four() {
    let band = |a: u8, b: u8| principle(&results(Deep, Some(3), &[("a.core", L(a)), ("a.two", L(b))]), "a").band;
    assert_eq!(band(5, 5), Some(Band::Strength));
    assert_eq!(band(4, 4), Some(Band::Strength)); // exactly 4.0
    assert_eq!(band(3, 4), Some(Band::Developing)); // 3.5
    assert_eq!(band(3, 3), Some(Band::Developing)); // exactly 3.0
    assert_eq!(band(2, 3), Some(Band::Concern)); // 2.5
    assert_eq!(band(1, 1), Some(Band::Concern));
    let b = |levels: [u8; 5]| {
        let ids = ["b.core", "b.two", "b.three", "b.four", "b.five"];
        let answers: Vec<_> = ids.iter().zip(levels).map(|(id, l)| (*id, L(l))).collect();
        principle(&results(Deep, Some(5), &answers), "b").band
    };
    assert_eq!(b([4, 4, 4, 4, 3]), Some(Band::Developing)); // 3.8
    assert_eq!(b([3, 3, 3, 3, 2]), Some(Band::Concern)); // 2.8
}

#[test]
fn overall_is_the_mean_of_principle_means_which_weigh_equally() {
    // a = 2 (one item), b = 4 (five items): 3.0 overall, not the item mean 11/3.
    let r = results(Deep, Some(3), &[
        ("a.core", L(2)),
        ("b.core", L(4)), ("b.two", L(4)), ("b.three", L(4)), ("b.four", L(4)), ("b.five", L(4)),
    ]);
    let overall = r.overall.expect("scored");
    assert_eq!((overall.mean, overall.percent, overall.band), (3.0, 50, Band::Developing));
    assert_eq!(r.weakest.as_deref(), Some("a"));
}

#[test]
fn overall_percent_follows_the_exact_mean_where_floating_point_would_not() {
    // b = 18/5 and c = 3: the exact mean is 33/10 = 3.3 and (3.3 − 1) × 25 = 57.5 → 58 %.
    // Averaging the float means gives 3.3 as 3.29999…, which would round to 57 %.
    let float_mean = (18.0f64 / 5.0 + 3.0) / 2.0;
    assert_eq!(((float_mean - 1.0) * 25.0).round(), 57.0, "the case must trip floats");
    let r = results(Deep, Some(3), &[
        ("b.core", L(4)), ("b.two", L(4)), ("b.three", L(4)), ("b.four", L(3)), ("b.five", L(3)),
        ("c.core", L(3)),
    ]);
    let overall = r.overall.expect("scored");
    assert_eq!((overall.percent, overall.band), (58, Band::Developing));
    assert_eq!(format_mean(overall.mean), "3.3");
}

#[test]
fn an_overall_mean_of_exactly_three_and_a_half_is_sixty_three_percent_and_four_is_a_strength() {
    let r = results(Quick, None, &[("a.core", L(3)), ("b.core", L(4))]);
    let overall = r.overall.expect("scored");
    assert_eq!((overall.mean, overall.percent, overall.band), (3.5, 63, Band::Developing));
    // Just under 4 is developing and shows 3.9; over 4 is a strength.
    let r = results(Deep, Some(3), &[
        ("a.core", L(4)), ("a.two", L(3)),
        ("b.core", L(5)), ("b.two", L(5)), ("b.three", L(4)), ("b.four", L(4)), ("b.five", L(4)),
        ("c.core", L(4)),
    ]);
    // a = 7/2, b = 22/5, c = 4 → (35 + 44 + 40) / 30 = 119/30 = 3.966…: developing, 74 %.
    let overall = r.overall.expect("scored");
    assert_eq!((overall.percent, overall.band), (74, Band::Developing));
    assert_eq!(format_mean(overall.mean), "3.9");
    let r = results(Deep, Some(3), &[
        ("a.core", L(4)), ("a.two", L(3)),
        ("b.core", L(5)), ("b.two", L(5)), ("b.three", L(4)), ("b.four", L(4)), ("b.five", L(4)),
        ("c.core", L(5)),
    ]);
    // a = 7/2, b = 22/5, c = 5 → (35 + 44 + 50) / 30 = 129/30 = 4.3: a strength.
    assert_eq!(r.overall.map(|o| o.band), Some(Band::Strength));
}

#[test]
fn the_weakest_principle_is_the_lowest_and_the_first_on_a_tie() {
    let r = results(Quick, None, &[("a.core", L(4)), ("b.core", L(2)), ("c.core", L(2))]);
    assert_eq!(r.weakest.as_deref(), Some("b"));
    let r = results(Quick, None, &[("a.core", L(5)), ("b.core", L(3)), ("c.core", L(1))]);
    assert_eq!(r.weakest.as_deref(), Some("c"));
}

#[test]
fn completeness_counts_levels_unsure_and_na_over_items_in_scope() {
    // Deep at scale 3: 8 items in scope (a.contract and c.system are not).
    let mut a = assessment(Deep, Some(3), &[("a.core", L(3)), ("a.two", Unsure), ("b.core", Na), ("c.system", L(5))]);
    a.answers.insert("b.two".into(), Answer { level: None, note: "Asked the team; waiting to hear".into() });
    let r = score(&small(), &a);
    assert_eq!(r.completeness, 3.0 / 8.0);
}

#[test]
fn nothing_answered_gives_no_scores_and_no_weakest() {
    let r = results(Deep, Some(5), &[]);
    assert_eq!((r.overall.clone(), r.weakest.clone(), r.completeness), (None, None, 0.0));
    assert!(r.principles.iter().all(|p| p.mean.is_none() && p.answered == 0));
    assert!(r.priority_gaps.is_empty() && r.evidence_gaps.is_empty() && r.leadership.is_empty());
}

/// Deep at scale 5: a = (2, 1, 3) mean 2; b = (1, 2, 5, 5, 5) mean 3.6; c = (2, 2) mean 2.
fn worked_gaps() -> Results {
    results(Deep, Some(5), &[
        ("a.core", L(2)), ("a.two", L(1)), ("a.contract", L(3)),
        ("b.core", L(1)), ("b.two", L(2)), ("b.three", L(5)), ("b.four", L(5)), ("b.five", L(5)),
        ("c.core", L(2)), ("c.system", L(2)),
    ])
}

#[test]
fn priority_gaps_are_ordered_by_level_then_principle_mean_then_instrument_order() {
    // Level 1: a.two (a 2.0) before b.core (b 3.6). Level 2: a.core, c.core, c.system (a and c
    // tie on 2.0, so instrument order), then b.two (b 3.6) even though b comes before c.
    assert_eq!(worked_gaps().priority_gaps, ["a.two", "b.core", "a.core", "c.core", "c.system", "b.two"]);
}

#[test]
fn levels_three_and_above_are_not_priority_gaps() {
    let r = results(Quick, None, &[("a.core", L(3)), ("b.core", L(4)), ("c.core", L(5))]);
    assert!(r.priority_gaps.is_empty());
}

#[test]
fn unsure_items_in_scope_are_evidence_gaps_in_instrument_order() {
    let r = results(Deep, Some(3), &[("c.core", Unsure), ("a.two", Unsure), ("a.contract", Unsure), ("b.core", L(1))]);
    assert_eq!(r.evidence_gaps, ["a.two", "c.core"]);
    assert_eq!(r.priority_gaps, ["b.core"]);
}

#[test]
fn leadership_need_is_shortfall_over_possible_shortfall_ranked_highest_first() {
    // d1: a.core 2, a.two 1, c.system 2 → (3 + 4 + 3) / 12.
    // d2: a.two 1, a.contract 3, b.core 1, b.four 5 → (4 + 2 + 4 + 0) / 16.
    // d3: b.two 2, b.three 5, b.four 5, b.five 5, c.core 2 → (3 + 3) / 20. d4 maps no item.
    assert_eq!(leadership(&worked_gaps()), [("d1", 10.0 / 12.0), ("d2", 10.0 / 16.0), ("d3", 6.0 / 20.0)]);
}

#[test]
fn leadership_ties_keep_model_order_and_unanswered_dimensions_are_left_out() {
    // Quick: a.core (d1) 3, b.core (d2) 3, c.core (d3) 1 → d3 1.0, then d1 and d2 tie on 0.5.
    let r = results(Quick, None, &[("c.core", L(1)), ("b.core", L(3)), ("a.core", L(3))]);
    assert_eq!(leadership(&r), [("d3", 1.0), ("d1", 0.5), ("d2", 0.5)]);
    let r = results(Quick, None, &[("b.core", L(5)), ("a.core", Unsure)]);
    assert_eq!(leadership(&r), [("d2", 0.0)]);
}

#[test]
fn means_are_shown_rounded_down_so_the_figure_never_crosses_a_band_edge() {
    assert_eq!(format_mean(3.5), "3.5");
    assert_eq!(format_mean(4.0), "4.0");
    assert_eq!(format_mean(119.0 / 30.0), "3.9");
    assert_eq!(format_mean(2.3), "2.3");
    assert_eq!(format_mean(2.0 / 3.0 + 2.0), "2.6");
    assert_eq!(format_mean(1.0), "1.0");
    assert_eq!(format_mean(5.0), "5.0");
}

#[test]
fn results_serialise_in_the_public_format() {
    let r = results(Quick, None, &[("a.core", L(3)), ("b.core", L(4)), ("c.core", Unsure)]);
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["overall"], serde_json::json!({ "mean": 3.5, "percent": 63, "band": "developing" }));
    assert_eq!(json["principles"][2], serde_json::json!({
        "id": "c", "mean": null, "percent": null, "band": null,
        "in_scope": 1, "answered": 0, "unsure": 1, "na": 0
    }));
    assert_eq!(json["evidence_gaps"], serde_json::json!(["c.core"]));
    assert_eq!(json["leadership"][0], serde_json::json!({ "dimension": "d1", "need": 0.5 }));
}
