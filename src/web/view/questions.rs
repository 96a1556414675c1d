//! The questionnaire screen: the context questions, the choice of depth, and the questions in
//! scope, flat for the quick check and grouped by principle for the in-depth audit.

use web_sys::Document;

use crate::assessment::{Depth, Options, Response};
use crate::instrument::{Choice, Item, Principle};

use super::super::dom::H;
use super::super::widget::State;

pub fn progress_text(state: &State) -> String {
    format!("{} of {} questions answered", state.answered(), state.questions().len())
}

fn id(state: &State, part: &str) -> String {
    format!("{}-{}", state.uid, part)
}

pub fn questions(doc: &Document, state: &State) -> H {
    let asked = state.questions();
    let depth = state.session.assessment.depth;
    let mut view = H::new(doc, "div").class("ctk-view");
    if let Some(error) = &state.error {
        let first = asked.first().map(|(_, item)| id(state, &format!("q-{}-1", item.id))).unwrap_or_default();
        view = view.child(error_summary(doc, error, &first));
    }
    let (caption, lede) = match depth {
        Depth::Quick => ("Quick check", "One question for each of the eight principles of partnership working. For each, choose the description that best fits your collaboration today. It takes about 10 minutes."),
        Depth::Deep => ("In-depth audit", "Four to six questions for each of the eight principles of partnership working. For each, choose the description that best fits your collaboration today. It takes about 45 minutes; you can stop and come back."),
    };
    view = view
        .child(H::new(doc, "span").class("ctk-caption").text(caption))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text("How well is your collaboration working?"))
        .child(H::new(doc, "p").class("ctk-lede").text(lede))
        .child(H::new(doc, "p").class("ctk-inset").text("Your answers stay on this computer. Nothing is sent anywhere."))
        .child(context(doc, state))
        .child(depth_choice(doc, state));

    let hidden = state.hidden_by_scale();
    let hidden_note = (hidden > 0).then(|| {
        let scale = state.session.assessment.context.scale.and_then(|s| state.instrument.scales.get(usize::from(s) - 1));
        let label = scale.map_or(String::new(), |s| s.label.to_ascii_lowercase());
        let text = match hidden {
            1 => format!("1 question does not apply to a collaboration {label}, so it is not shown."),
            n => format!("{n} questions do not apply to a collaboration {label}, so they are not shown."),
        };
        H::new(doc, "p").class("ctk-hint ctk-hidden-note").text(&text)
    });
    let progress = H::new(doc, "p").class("ctk-progress").attr("aria-live", "polite").text(&progress_text(state));

    let total = asked.len();
    match depth {
        Depth::Quick => {
            view = view.child(H::new(doc, "h2").text("Questions")).child(progress).children(hidden_note);
            view = view.children(asked.iter().enumerate().map(|(n, (p, item))| question(doc, state, n + 1, total, Some(&p.name), item)));
        }
        Depth::Deep => {
            view = view.child(progress).children(hidden_note);
            let mut n = 0;
            for principle in &state.instrument.principles {
                let items: Vec<&Item> = asked.iter().filter(|(p, _)| p.id == principle.id).map(|(_, item)| *item).collect();
                if items.is_empty() {
                    continue;
                }
                let first = n + 1;
                n += items.len();
                view = view.child(principle_group(doc, state, principle, &items, first, total));
            }
        }
    }
    view.child(
        H::new(doc, "button")
            .attr("type", "button")
            .class("ctk-button")
            .attr("data-action", "check")
            .text("Continue"),
    )
}

fn principle_group(doc: &Document, state: &State, principle: &Principle, items: &[&Item], first: usize, total: usize) -> H {
    let heading_id = id(state, &format!("p-{}", principle.id));
    H::new(doc, "section")
        .class("ctk-principle")
        .attr("aria-labelledby", &heading_id)
        .child(H::new(doc, "h2").attr("id", &heading_id).text(&principle.name))
        .child(H::new(doc, "p").class("ctk-principle__summary").text(&principle.summary))
        .children(items.iter().enumerate().map(|(i, item)| question(doc, state, first + i, total, None, item)))
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

/// A free-text context question.
struct TextField<'a> {
    field: &'a str,
    label: &'a str,
    hint: &'a str,
    value: &'a str,
    multiline: bool,
    max: usize,
}

/// A labelled text input or textarea bound to a context field.
fn text_field(doc: &Document, state: &State, f: TextField) -> H {
    let TextField { field, label, hint, value, multiline, max } = f;
    let field_id = id(state, field);
    let hint_id = format!("{field_id}-hint");
    let input = if multiline {
        H::new(doc, "textarea").class("ctk-textarea").attr("rows", "3").text(value)
    } else {
        H::new(doc, "input").class("ctk-input").attr("type", "text").attr("autocomplete", "off").attr("value", value)
    };
    H::new(doc, "div")
        .class("ctk-form-group")
        .child(H::new(doc, "label").class("ctk-label").attr("for", &field_id).text(label))
        .child(H::new(doc, "div").class("ctk-hint").attr("id", &hint_id).text(hint))
        .child(
            input
                .attr("id", &field_id)
                .attr("data-field", field)
                .attr("maxlength", &max.to_string())
                .attr("aria-describedby", &hint_id),
        )
}

/// A fieldset of radios bound to a context field.
fn radio_field<'a>(doc: &Document, state: &State, field: &str, legend: &str, hint: &str, options: impl Iterator<Item = (String, &'a str, &'a str)>, current: Option<&str>) -> H {
    let hint_id = id(state, &format!("{field}-hint"));
    let radios = options.map(|(value, label, option_hint)| {
        let radio_id = id(state, &format!("{field}-{value}"));
        let option_hint_id = format!("{radio_id}-hint");
        radio(
            doc,
            H::new(doc, "input")
                .attr("type", "radio")
                .attr("id", &radio_id)
                .attr("name", &id(state, field))
                .attr("value", &value)
                .attr("data-field", field)
                .attr("aria-describedby", &option_hint_id)
                .flag("checked", current == Some(value.as_str())),
            &radio_id,
            H::new(doc, "span").text(label),
            Some((&option_hint_id, option_hint)),
        )
    });
    H::new(doc, "fieldset")
        .class("ctk-fieldset ctk-form-group")
        .attr("aria-describedby", &hint_id)
        .child(H::new(doc, "legend").class("ctk-legend-s").text(legend))
        .child(H::new(doc, "div").class("ctk-hint").attr("id", &hint_id).text(hint))
        .child(H::new(doc, "div").class("ctk-radios").children(radios))
}

fn choices(choices: &[Choice]) -> impl Iterator<Item = (String, &str, &str)> {
    choices.iter().map(|c| (c.value.clone(), c.label.as_str(), c.hint.as_str()))
}

fn context(doc: &Document, state: &State) -> H {
    let ctx = &state.session.assessment.context;
    let instrument = state.instrument;
    let scale = ctx.scale.map(|s| s.to_string());
    H::new(doc, "section")
        .class("ctk-section")
        .attr("aria-labelledby", &id(state, "about"))
        .child(H::new(doc, "h2").attr("id", &id(state, "about")).text("About your collaboration"))
        .child(text_field(doc, state, TextField { field: "title", label: "Name of the collaboration", hint: "For example, Joint frailty clinic or Southern Sector pathology network", value: &ctx.title, multiline: false, max: 200 }))
        .child(text_field(doc, state, TextField { field: "description", label: "What does it do? (optional)", hint: "A sentence or two on what the partners do together and for whom.", value: &ctx.description, multiline: true, max: 10_000 }))
        .child(text_field(doc, state, TextField { field: "partners", label: "Who are the partners? (optional)", hint: "One partner on each line: organisations, teams or people.", value: &ctx.partners.join("\n"), multiline: true, max: 5_000 }))
        .child(text_field(doc, state, TextField { field: "organisation", label: "Your organisation or perspective (optional)", hint: "So that answers from different partners can be compared, for example North Trust or GP federation.", value: &ctx.organisation, multiline: false, max: 200 }))
        .child(radio_field(
            doc,
            state,
            "scale",
            "How large is the collaboration?",
            "Some questions only apply to larger collaborations, such as those about formal agreements.",
            instrument.scales.iter().map(|s| (s.value.to_string(), s.label.as_str(), s.example.as_str())),
            scale.as_deref(),
        ))
        .child(radio_field(
            doc,
            state,
            "continuum",
            "How closely do the partners work together? (optional)",
            "From simply sharing information to fully combined services.",
            choices(&instrument.continuum),
            ctx.continuum.map(Options::name),
        ))
        .child(radio_field(
            doc,
            state,
            "stage",
            "What stage is it at? (optional)",
            "For a planned collaboration, the questions ask how ready the partners are.",
            choices(&instrument.stages),
            ctx.stage.map(Options::name),
        ))
        .child(radio_field(
            doc,
            state,
            "basis",
            "Why are the partners working together? (optional)",
            "Mandated partnerships often need more work on shared purpose and trust.",
            choices(&instrument.bases),
            ctx.basis.map(Options::name),
        ))
}

fn depth_choice(doc: &Document, state: &State) -> H {
    let options = [
        ("quick".to_string(), "Quick check", "8 questions, one for each principle. About 10 minutes."),
        ("deep".to_string(), "In-depth audit", "Up to 40 questions, grouped by principle. About 45 minutes."),
    ];
    H::new(doc, "section").class("ctk-section").child(radio_field(
        doc,
        state,
        "depth",
        "How thorough do you want to be?",
        "You can switch at any time; answers you have given are kept.",
        options.iter().map(|(v, l, h)| (v.clone(), *l, *h)),
        Some(state.session.assessment.depth.name()),
    ))
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

fn question(doc: &Document, state: &State, n: usize, of: usize, principle: Option<&str>, item: &Item) -> H {
    let group = id(state, &format!("q-{}", item.id));
    let hint_id = format!("{group}-hint");
    let current = state.session.assessment.response(&item.id);
    let note = state.session.assessment.answers.get(&item.id).map(|a| a.note.as_str()).unwrap_or_default();
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
    let caption = match principle {
        Some(principle) => format!("Question {n} of {of} · {principle}"),
        None => format!("Question {n} of {of}"),
    };
    let note_id = format!("{group}-note");
    H::new(doc, "fieldset")
        .class("ctk-fieldset ctk-question")
        .attr("id", &group)
        .attr("aria-describedby", &hint_id)
        .child(
            H::new(doc, "legend")
                .class("ctk-legend-m")
                .child(H::new(doc, "span").class("ctk-caption").text(&caption))
                .child(H::new(doc, "span").class("ctk-statement").text(state.statement(item))),
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
