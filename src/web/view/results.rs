//! The results screen: overall score, each principle's bar and band, gaps and leadership focus.

use web_sys::Document;

use crate::assessment::Response;
use crate::scoring::{self, format_mean, Band, Results};

use super::super::dom::H;
use super::super::widget::State;

fn band_tag(doc: &Document, band: Option<Band>) -> H {
    let (class, text) = match band {
        Some(Band::Strength) => ("ctk-tag ctk-tag--strength", "Strength"),
        Some(Band::Developing) => ("ctk-tag ctk-tag--developing", "Developing"),
        Some(Band::Concern) => ("ctk-tag ctk-tag--concern", "Concern"),
        None => ("ctk-tag ctk-tag--none", "Not enough evidence"),
    };
    H::new(doc, "strong").class(class).text(text)
}

pub fn results(doc: &Document, state: &State) -> H {
    let instrument = state.instrument;
    let r: Results = scoring::score(instrument, &state.session.assessment);
    let name_of = |id: &str| instrument.principles.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.name.clone());
    let title = &state.session.assessment.context.title;
    let heading = if title.trim().is_empty() { "Your results".to_string() } else { format!("Results: {title}") };

    let overall = match &r.overall {
        Some(o) => H::new(doc, "div")
            .class("ctk-panel")
            .child(H::new(doc, "h2").text("Overall"))
            .child(H::new(doc, "p").class("ctk-overall").child(band_tag(doc, Some(o.band))).child(
                H::new(doc, "span").class("ctk-overall__figure").text(&format!("{} %", o.percent)),
            ))
            .child(H::new(doc, "p").text(&format!("Average level {} out of 5, across the principles with answers.", format_mean(o.mean))))
            .children(r.weakest.as_deref().map(|w| {
                H::new(doc, "p").text("Weakest principle: ").child(H::new(doc, "strong").text(&name_of(w)))
            })),
        None => H::new(doc, "div").class("ctk-panel").child(H::new(doc, "h2").text("Overall")).child(
            H::new(doc, "p").text("There is not enough evidence for an overall score: no question was answered with a level."),
        ),
    };

    let asked = state.questions().len();
    let responded = state.answered();
    let mut completeness = H::new(doc, "p").text(&format!(
        "You answered {responded} of {asked} questions ({} %).",
        (r.completeness * 100.0).round() as u32
    ));
    if responded < asked {
        completeness = H::new(doc, "div").class("ctk-warning").child(completeness).child(H::new(doc, "p").text(
            "Scores are based only on the questions answered. Answer the rest for a fuller picture.",
        ));
    }

    let rows = instrument.principles.iter().zip(&r.principles).map(|(p, pr)| {
        let score_cell = match (pr.mean, pr.percent) {
            (Some(mean), Some(percent)) => H::new(doc, "td")
                .child(H::new(doc, "span").class("ctk-bar").attr("aria-hidden", "true").child(
                    H::new(doc, "span").class(&format!("ctk-bar__fill ctk-bar__fill--{}", band_name(pr.band))).css("width", &format!("{percent}%")),
                ))
                .child(H::new(doc, "span").text(&format!("{percent} % (level {})", format_mean(mean)))),
            _ => H::new(doc, "td").text("–"),
        };
        H::new(doc, "tr")
            .child(H::new(doc, "th").attr("scope", "row").text(&p.name))
            .child(score_cell)
            .child(H::new(doc, "td").child(band_tag(doc, pr.band)))
    });
    let table = H::new(doc, "table")
        .class("ctk-table")
        .child(H::new(doc, "caption").class("ctk-table__caption").text("Score for each principle"))
        .child(H::new(doc, "thead").child(
            H::new(doc, "tr")
                .child(H::new(doc, "th").attr("scope", "col").text("Principle"))
                .child(H::new(doc, "th").attr("scope", "col").text("Score"))
                .child(H::new(doc, "th").attr("scope", "col").text("Rating")),
        ))
        .child(H::new(doc, "tbody").children(rows));

    let statement = |id: &str| instrument.item(id).map_or(id.to_string(), |i| state.statement(i).to_string());
    let level_name = |id: &str| match state.session.assessment.response(id) {
        Some(Response::Level(l)) => instrument.levels.get(usize::from(l) - 1).map_or(String::new(), |n| format!("{l} {n}")),
        _ => String::new(),
    };
    let gaps = section_list(
        doc,
        "Priority gaps",
        "Questions answered at level 1 or 2, most urgent first.",
        "ol",
        r.priority_gaps.iter().map(|id| (statement(id), format!("Your answer: {}", level_name(id)))),
    );
    let evidence = section_list(
        doc,
        "Evidence to find",
        "You were not sure about these. Finding out is a first action in itself.",
        "ul",
        r.evidence_gaps.iter().map(|id| (statement(id), String::new())),
    );
    let leadership = section_list(
        doc,
        "Leadership focus",
        "Healthcare Leadership Model dimensions where development would help most.",
        "ol",
        r.leadership.iter().take(3).filter_map(|need| {
            let dimension = instrument.dimensions.iter().find(|d| d.id == need.dimension)?;
            Some((dimension.name.clone(), format!("Need {} %. {}", (need.need * 100.0).round() as u32, dimension.description)))
        }),
    );

    H::new(doc, "div")
        .class("ctk-view")
        .child(H::new(doc, "span").class("ctk-caption").text("Results"))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text(&heading))
        .child(overall)
        .child(completeness)
        .child(H::new(doc, "h2").text("By principle"))
        .child(table)
        .children([gaps, evidence, leadership].into_iter().flatten())
        .child(
            H::new(doc, "button")
                .attr("type", "button")
                .class("ctk-button ctk-button--secondary")
                .attr("data-action", "questions")
                .text("Change your answers"),
        )
}

fn band_name(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Strength) => "strength",
        Some(Band::Developing) => "developing",
        Some(Band::Concern) => "concern",
        None => "none",
    }
}

/// A titled list, or nothing when the list is empty.
fn section_list(doc: &Document, title: &str, intro: &str, tag: &str, entries: impl Iterator<Item = (String, String)>) -> Option<H> {
    let items: Vec<H> = entries
        .map(|(main, detail)| {
            let li = H::new(doc, "li").child(H::new(doc, "span").class("ctk-list__main").text(&main));
            if detail.is_empty() {
                li
            } else {
                li.child(H::new(doc, "span").class("ctk-hint ctk-list__detail").text(&detail))
            }
        })
        .collect();
    (!items.is_empty()).then(|| {
        H::new(doc, "section")
            .class("ctk-section")
            .child(H::new(doc, "h2").text(title))
            .child(H::new(doc, "p").class("ctk-hint").text(intro))
            .child(H::new(doc, tag).class("ctk-list").children(items))
    })
}
