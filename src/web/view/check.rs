//! "Check your answers" (the NHS pattern): every context answer and question with what was
//! chosen and a way to change it, before the results.

use web_sys::Document;

use crate::assessment::{Options, Response};

use super::super::dom::H;
use super::super::session::display_title;
use super::super::widget::State;

fn row(doc: &Document, key: &str, value: &str, target: &str, what: &str) -> H {
    H::new(doc, "div")
        .class("ctk-summary-list__row")
        .child(H::new(doc, "dt").text(key))
        .child(H::new(doc, "dd").text(value))
        .child(
            H::new(doc, "dd").class("ctk-summary-list__actions").child(
                H::new(doc, "button")
                    .attr("type", "button")
                    .class("ctk-link-button")
                    .attr("data-action", "change")
                    .attr("data-target", target)
                    .child(H::new(doc, "span").text("Change"))
                    .child(H::new(doc, "span").class("ctk-visually-hidden").text(&format!(" {what}"))),
            ),
        )
}

pub fn check(doc: &Document, state: &State) -> H {
    let a = &state.session.assessment;
    let instrument = state.instrument;
    let uid = &state.uid;
    let scale = a.context.scale.and_then(|s| instrument.scales.get(usize::from(s) - 1)).map_or("Not given".to_string(), |s| s.label.clone());
    let stage = a.context.stage.and_then(|s| instrument.stages.iter().find(|c| c.value == s.name())).map_or("Not given".to_string(), |c| c.label.clone());
    let about = H::new(doc, "dl")
        .class("ctk-summary-list ctk-check")
        .child(row(doc, "Name of the collaboration", display_title(&a.context.title), &format!("{uid}-title"), "the name"))
        .child(row(doc, "Size", &scale, &format!("{uid}-scale-{}", a.context.scale.unwrap_or(1)), "the size"))
        .child(row(doc, "Stage", &stage, &format!("{uid}-stage-{}", a.context.stage.map_or("planned", |s| s.name())), "the stage"));
    let mut view = H::new(doc, "div")
        .class("ctk-view")
        .child(H::new(doc, "span").class("ctk-caption").text(display_title(&a.context.title)))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text("Check your answers"))
        .child(H::new(doc, "h2").text("About your collaboration"))
        .child(about);
    let asked = state.questions();
    for principle in &instrument.principles {
        let rows: Vec<H> = asked
            .iter()
            .filter(|(p, _)| p.id == principle.id)
            .map(|(_, item)| {
                let answer = match a.response(&item.id) {
                    Some(Response::Level(l)) => format!("{l} {}", instrument.levels[usize::from(l) - 1]),
                    Some(Response::Unsure) => "Not sure".into(),
                    Some(Response::Na) => "Not applicable".into(),
                    None => "Not answered".into(),
                };
                let target = match a.response(&item.id) {
                    Some(Response::Level(l)) => format!("{uid}-q-{}-{l}", item.id),
                    Some(Response::Unsure) => format!("{uid}-q-{}-unsure", item.id),
                    Some(Response::Na) => format!("{uid}-q-{}-na", item.id),
                    None => format!("{uid}-q-{}-1", item.id),
                };
                row(doc, state.statement(item), &answer, &target, &format!("your answer to: {}", state.statement(item)))
            })
            .collect();
        if !rows.is_empty() {
            view = view.child(H::new(doc, "h2").text(&principle.name)).child(H::new(doc, "dl").class("ctk-summary-list ctk-check").children(rows));
        }
    }
    view.child(H::new(doc, "p").text("Your results are worked out from these answers. You can come back and change them at any time."))
        .child(H::new(doc, "button").attr("type", "button").class("ctk-button").attr("data-action", "results").text("See your results"))
}
