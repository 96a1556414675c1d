//! The widget's screens, drawn from state. Markup follows the NHS design system patterns:
//! one fieldset and legend per question, hints linked by `aria-describedby`, an error summary,
//! and a heading that takes focus when the screen changes.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::assessment::{Depth, Response};
use crate::scoring::{self, format_mean, Band, Results};

use super::dom::{focus, H};
use super::widget::{State, View};

/// Replaces the widget's content with the current screen and focuses its heading.
pub fn render(root: &Element, state: &State) -> Result<(), JsValue> {
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the widget is not in a document"))?;
    let view = match state.view {
        View::Questions => questions(&doc, state),
        View::Results => results(&doc, state),
    }
    .build()?;
    root.replace_children_with_node_1(&view);
    // An error summary takes focus first, as the NHS pattern asks; otherwise the heading.
    let target = match root.query_selector(".ctk-error-summary")? {
        Some(summary) => Some(summary),
        None => root.query_selector("h1")?,
    };
    if let Some(target) = target {
        focus(&target)?;
    }
    Ok(())
}

/// Rewrites the "N of M answered" line after an answer changes, without redrawing.
pub fn update_progress(root: &Element, state: &State) -> Result<(), JsValue> {
    if let Some(line) = root.query_selector(".ctk-progress")? {
        line.set_text_content(Some(&progress_text(state)));
    }
    Ok(())
}

fn progress_text(state: &State) -> String {
    format!("{} of {} questions answered", state.answered(), state.questions().len())
}

fn id(state: &State, part: &str) -> String {
    format!("{}-{}", state.uid, part)
}

fn questions(doc: &Document, state: &State) -> H {
    let asked = state.questions();
    let depth_name = match state.assessment.depth {
        Depth::Quick => "Quick check",
        Depth::Deep => "In-depth audit",
    };
    let mut view = H::new(doc, "div").class("ctk-view");
    if let Some(error) = &state.error {
        let first = asked.first().map(|(_, item)| id(state, &format!("q-{}-1", item.id))).unwrap_or_default();
        view = view.child(error_summary(doc, error, &first));
    }
    view.child(H::new(doc, "span").class("ctk-caption").text(depth_name))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text("How well is your collaboration working?"))
        .child(H::new(doc, "p").class("ctk-lede").text(&format!(
            "{} questions, one for each principle of partnership working. For each, choose the description that best fits your collaboration today.",
            count_words(asked.len())
        )))
        .child(H::new(doc, "p").class("ctk-inset").text(
            "Your answers stay on this computer. Nothing is sent anywhere.",
        ))
        .child(context(doc, state))
        .child(H::new(doc, "h2").text("Questions"))
        .child(H::new(doc, "p").class("ctk-progress").attr("aria-live", "polite").text(&progress_text(state)))
        .children(asked.iter().enumerate().map(|(n, (principle, item))| question(doc, state, n + 1, asked.len(), principle, item)))
        .child(
            H::new(doc, "button")
                .attr("type", "button")
                .class("ctk-button")
                .attr("data-action", "results")
                .text("See your results"),
        )
}

fn count_words(n: usize) -> String {
    const WORDS: [&str; 11] = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];
    WORDS.get(n).map_or_else(|| n.to_string(), |w| w.to_string())
}

fn error_summary(doc: &Document, message: &str, target: &str) -> H {
    H::new(doc, "div")
        .class("ctk-error-summary")
        .attr("role", "alert")
        .attr("tabindex", "-1")
        .child(H::new(doc, "h2").text("There is a problem"))
        .child(H::new(doc, "ul").child(H::new(doc, "li").child(
            H::new(doc, "a").attr("href", &format!("#{target}")).attr("data-action", "goto").attr("data-target", target).text(message),
        )))
}

fn context(doc: &Document, state: &State) -> H {
    let ctx = &state.assessment.context;
    let title_id = id(state, "title");
    let scale_hint = id(state, "scale-hint");
    let scales = state.instrument.scales.iter().map(|scale| {
        let radio_id = id(state, &format!("scale-{}", scale.value));
        let hint_id = format!("{radio_id}-hint");
        radio(
            doc,
            H::new(doc, "input")
                .attr("type", "radio")
                .attr("id", &radio_id)
                .attr("name", &id(state, "scale"))
                .attr("value", &scale.value.to_string())
                .attr("data-field", "scale")
                .attr("aria-describedby", &hint_id)
                .flag("checked", ctx.scale == Some(scale.value)),
            &radio_id,
            H::new(doc, "span").text(&scale.label),
            Some((&hint_id, &scale.example)),
        )
    });
    H::new(doc, "section")
        .class("ctk-section")
        .attr("aria-labelledby", &id(state, "about"))
        .child(H::new(doc, "h2").attr("id", &id(state, "about")).text("About your collaboration"))
        .child(
            H::new(doc, "div")
                .class("ctk-form-group")
                .child(H::new(doc, "label").class("ctk-label").attr("for", &title_id).text("Name of the collaboration"))
                .child(H::new(doc, "div").class("ctk-hint").attr("id", &format!("{title_id}-hint")).text("For example, Joint frailty clinic or Southern Sector pathology network"))
                .child(
                    H::new(doc, "input")
                        .class("ctk-input")
                        .attr("type", "text")
                        .attr("id", &title_id)
                        .attr("data-field", "title")
                        .attr("maxlength", "200")
                        .attr("autocomplete", "off")
                        .attr("aria-describedby", &format!("{title_id}-hint"))
                        .attr("value", &ctx.title),
                ),
        )
        .child(
            H::new(doc, "fieldset")
                .class("ctk-fieldset")
                .attr("aria-describedby", &scale_hint)
                .child(H::new(doc, "legend").class("ctk-legend-s").text("How large is the collaboration?"))
                .child(H::new(doc, "div").class("ctk-hint").attr("id", &scale_hint).text(
                    "Some questions only apply to larger collaborations, such as those about contracts.",
                ))
                .child(H::new(doc, "div").class("ctk-radios").children(scales)),
        )
}

/// One radio with its label and optional hint, in the NHS radios pattern.
fn radio(doc: &Document, input: H, input_id: &str, label: H, hint: Option<(&str, &str)>) -> H {
    let mut item = H::new(doc, "div")
        .class("ctk-radio")
        .child(input.class("ctk-radio__input"))
        .child(H::new(doc, "label").class("ctk-radio__label").attr("for", input_id).child(label));
    if let Some((hint_id, text)) = hint {
        item = item.child(H::new(doc, "div").class("ctk-hint ctk-radio__hint").attr("id", hint_id).text(text));
    }
    item
}

fn question(doc: &Document, state: &State, n: usize, of: usize, principle: &str, item: &crate::instrument::Item) -> H {
    let group = id(state, &format!("q-{}", item.id));
    let hint_id = format!("{group}-hint");
    let current = state.assessment.response(&item.id);
    let note = state.assessment.answers.get(&item.id).map(|a| a.note.as_str()).unwrap_or_default();
    let levels = item.descriptors.iter().zip(&state.instrument.levels).enumerate().map(|(i, (descriptor, level))| {
        let level_no = i as u8 + 1;
        let radio_id = format!("{group}-{level_no}");
        let descriptor_id = format!("{radio_id}-hint");
        radio(
            doc,
            response_input(doc, &radio_id, &group, &item.id, &level_no.to_string(), current == Some(Response::Level(level_no)))
                .attr("aria-describedby", &descriptor_id),
            &radio_id,
            H::new(doc, "span").class("ctk-level").text(&format!("{level_no} {level}")),
            Some((&descriptor_id, descriptor)),
        )
    });
    let others = [("unsure", "Not sure", Response::Unsure), ("na", "Not applicable", Response::Na)].map(|(value, label, response)| {
        let radio_id = format!("{group}-{value}");
        radio(doc, response_input(doc, &radio_id, &group, &item.id, value, current == Some(response)), &radio_id, H::new(doc, "span").text(label), None)
    });
    let note_id = format!("{group}-note");
    H::new(doc, "fieldset")
        .class("ctk-fieldset ctk-question")
        .attr("id", &group)
        .attr("aria-describedby", &hint_id)
        .child(
            H::new(doc, "legend")
                .class("ctk-legend-m")
                .child(H::new(doc, "span").class("ctk-caption").text(&format!("Question {n} of {of} · {principle}")))
                .child(H::new(doc, "span").class("ctk-statement").text(&item.statement)),
        )
        .child(H::new(doc, "div").class("ctk-hint").attr("id", &hint_id).text(&item.hint))
        .child(
            H::new(doc, "div")
                .class("ctk-radios")
                .children(levels)
                .child(H::new(doc, "div").class("ctk-radios__divider").text("or"))
                .children(others),
        )
        .child(
            H::new(doc, "div")
                .class("ctk-form-group ctk-note")
                .child(H::new(doc, "label").class("ctk-label").attr("for", &note_id).text("Evidence or notes (optional)"))
                .child(
                    H::new(doc, "textarea")
                        .class("ctk-textarea")
                        .attr("id", &note_id)
                        .attr("rows", "2")
                        .attr("maxlength", "10000")
                        .attr("data-note", &item.id)
                        .text(note),
                ),
        )
}

fn response_input(doc: &Document, radio_id: &str, group: &str, item_id: &str, value: &str, checked: bool) -> H {
    H::new(doc, "input")
        .attr("type", "radio")
        .attr("id", radio_id)
        .attr("name", group)
        .attr("value", value)
        .attr("data-item", item_id)
        .flag("checked", checked)
}

fn band_tag(doc: &Document, band: Option<Band>) -> H {
    let (class, text) = match band {
        Some(Band::Strength) => ("ctk-tag ctk-tag--strength", "Strength"),
        Some(Band::Developing) => ("ctk-tag ctk-tag--developing", "Developing"),
        Some(Band::Concern) => ("ctk-tag ctk-tag--concern", "Concern"),
        None => ("ctk-tag ctk-tag--none", "Not enough evidence"),
    };
    H::new(doc, "strong").class(class).text(text)
}

fn results(doc: &Document, state: &State) -> H {
    let instrument = state.instrument;
    let r: Results = scoring::score(instrument, &state.assessment);
    let name_of = |id: &str| instrument.principles.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.name.clone());
    let title = &state.assessment.context.title;
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

    let statement = |id: &str| instrument.item(id).map_or(id.to_string(), |i| i.statement.clone());
    let level_name = |id: &str| match state.assessment.response(id) {
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
                .attr("data-action", "back")
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
