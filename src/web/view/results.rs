//! The results screen, which is also the printed report: context, overall score, charts and
//! table by principle, priority and evidence gaps, leadership focus, and the SMART action plan.

use web_sys::Document;

use crate::assessment::{Action, Options, Response, Status};
use crate::plan;
use crate::scoring::{self, format_mean, Band, Results};

use super::super::dom::H;
use super::super::session::display_title;
use super::super::widget::State;
use super::chart::{bars, radar, short_label, Bar};

/// Below this share of questions answered, the results carry a warning.
const LOW_COMPLETENESS: f64 = 0.75;

fn band_tag(doc: &Document, band: Option<Band>) -> H {
    let (class, text) = match band {
        Some(Band::Strength) => ("ctk-tag ctk-tag--strength", "Strength"),
        Some(Band::Developing) => ("ctk-tag ctk-tag--developing", "Developing"),
        Some(Band::Concern) => ("ctk-tag ctk-tag--concern", "Concern"),
        None => ("ctk-tag ctk-tag--none", "Not enough evidence"),
    };
    H::new(doc, "strong").class(class).text(text)
}

fn band_words(band: Option<Band>) -> (&'static str, &'static str) {
    match band {
        Some(Band::Strength) => ("Strength", "#007f3b"),
        Some(Band::Developing) => ("Developing", "#ffb81c"),
        Some(Band::Concern) => ("Concern", "#d5281b"),
        None => ("Not enough evidence", "#aeb7bd"),
    }
}

fn button(doc: &Document, class: &str, action: &str, id: &str, label: &str) -> H {
    H::new(doc, "button").attr("type", "button").class(class).attr("data-action", action).attr("data-id", id).text(label)
}

fn section(doc: &Document, class: &str, title: &str, intro: &str) -> H {
    H::new(doc, "section").class(&format!("ctk-section {class}")).child(H::new(doc, "h2").text(title)).child(H::new(doc, "p").class("ctk-hint").text(intro))
}

pub fn results(doc: &Document, state: &State) -> H {
    let instrument = state.instrument;
    let assessment = &state.session.assessment;
    let r: Results = scoring::score(instrument, assessment);
    let name_of = |id: &str| instrument.principles.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.name.clone());
    let title = &assessment.context.title;
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
    let line = H::new(doc, "p").text(&format!("You answered {responded} of {asked} questions ({} %).", (r.completeness * 100.0).round() as u32));
    let completeness = if r.completeness < LOW_COMPLETENESS {
        H::new(doc, "div").class("ctk-warning").child(line).child(H::new(doc, "p").child(H::new(doc, "strong").text(
            "Treat these results with caution: too few questions have answers for a fair picture. Answer the rest, or mark them Not sure, before acting on the scores.",
        )))
    } else {
        line
    };

    let rows = instrument.principles.iter().zip(&r.principles).map(|(p, pr)| {
        let score_cell = match (pr.mean, pr.percent) {
            (Some(mean), Some(percent)) => H::new(doc, "td").text(&format!("{percent} % (level {})", format_mean(mean))),
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
    let chart_bars: Vec<Bar> = instrument
        .principles
        .iter()
        .zip(&r.principles)
        .map(|(p, pr)| {
            let (words, colour) = band_words(pr.band);
            let note = pr.percent.map_or(words.to_string(), |pc| format!("{pc} % {words}"));
            Bar { label: short_label(&p.name), percent: pr.percent, note, colour }
        })
        .collect();
    let series = vec![(display_title(title).to_string(), r.principles.iter().map(|p| p.mean).collect())];
    let axes: Vec<String> = instrument.principles.iter().map(|p| short_label(&p.name)).collect();
    let charts = H::new(doc, "div")
        .class("ctk-charts")
        .child(bars(doc, &format!("{}-bars", state.uid), "Score for each principle", "Bar chart of each principle's score as a percentage, with its rating in words. The same figures are in the table below.", &chart_bars))
        .child(radar(doc, &format!("{}-radar", state.uid), "Profile across the principles", "Radar chart of each principle's mean level from 1 to 5. The same figures are in the table below.", &axes, &series));

    H::new(doc, "div")
        .class("ctk-view ctk-report")
        .child(H::new(doc, "span").class("ctk-caption").text("Results"))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text(&heading))
        .child(context_summary(doc, state))
        .child(button(doc, "ctk-button ctk-button--secondary ctk-no-print", "print", "", "Print or save as PDF"))
        .child(overall)
        .child(completeness)
        .child(H::new(doc, "h2").text("By principle"))
        .child(charts)
        .child(table)
        .child(priority_gaps(doc, state, &r))
        .children(evidence_gaps(doc, state, &r))
        .children(leadership(doc, state, &r))
        .child(action_plan(doc, state))
        .child(button(doc, "ctk-button ctk-button--secondary ctk-no-print", "questions", "", "Change your answers"))
}

fn context_summary(doc: &Document, state: &State) -> H {
    let a = &state.session.assessment;
    let instrument = state.instrument;
    let label = |choices: &[crate::instrument::Choice], name: &str| choices.iter().find(|c| c.value == name).map(|c| c.label.clone());
    let rows: Vec<(&str, String)> = [
        ("What it does", Some(a.context.description.clone()).filter(|d| !d.trim().is_empty())),
        ("Partners", Some(a.context.partners.join(", ")).filter(|p| !p.is_empty())),
        ("Size", a.context.scale.and_then(|s| instrument.scales.get(usize::from(s) - 1)).map(|s| s.label.clone())),
        ("How closely they work", a.context.continuum.and_then(|c| label(&instrument.continuum, c.name()))),
        ("Stage", a.context.stage.and_then(|s| label(&instrument.stages, s.name()))),
        ("Basis", a.context.basis.and_then(|b| label(&instrument.bases, b.name()))),
        ("Answered from", Some(a.context.organisation.clone()).filter(|o| !o.trim().is_empty())),
        ("Depth", Some(match a.depth { crate::assessment::Depth::Quick => "Quick check".into(), crate::assessment::Depth::Deep => "In-depth audit".into() })),
        ("Last changed", Some(a.updated.get(..10).unwrap_or_default().to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    H::new(doc, "dl").class("ctk-summary-list").children(rows.into_iter().map(|(k, v)| {
        H::new(doc, "div").class("ctk-summary-list__row").child(H::new(doc, "dt").text(k)).child(H::new(doc, "dd").text(&v))
    }))
}

fn priority_gaps(doc: &Document, state: &State, r: &Results) -> H {
    let instrument = state.instrument;
    let a = &state.session.assessment;
    let mut s = section(doc, "ctk-gaps", "Priority gaps", "Questions answered at level 1 or 2, most urgent first, with what the next level up looks like.");
    if r.priority_gaps.is_empty() {
        return s.child(H::new(doc, "p").text("No question was answered at level 1 or 2."));
    }
    let items = r.priority_gaps.iter().filter_map(|id| {
        let (principle, item) = instrument.items().find(|(_, i)| i.id == *id)?;
        let Some(Response::Level(level)) = a.response(id) else { return None };
        let now = usize::from(level) - 1;
        let next = &instrument.levels[now + 1];
        Some(
            H::new(doc, "li")
                .class("ctk-gap")
                .child(H::new(doc, "span").class("ctk-caption").text(&principle.name))
                .child(H::new(doc, "strong").class("ctk-list__main").text(state.statement(item)))
                .child(H::new(doc, "p").class("ctk-gap__now").text(&format!("Your answer: {level} {}. {}", instrument.levels[now], item.descriptors[now])))
                .child(H::new(doc, "p").class("ctk-gap__next").child(H::new(doc, "strong").text(&format!("What good looks like next ({} {next}): ", level + 1))).text(&item.descriptors[now + 1]))
                .child(button(doc, "ctk-link-button ctk-no-print", "plan-from-gap", id, "Add an action for this")),
        )
    });
    s = s.child(H::new(doc, "ol").class("ctk-list").children(items));
    s
}

fn evidence_gaps(doc: &Document, state: &State, r: &Results) -> Option<H> {
    let instrument = state.instrument;
    (!r.evidence_gaps.is_empty()).then(|| {
        let items = r.evidence_gaps.iter().filter_map(|id| instrument.item(id)).map(|item| {
            H::new(doc, "li")
                .child(H::new(doc, "strong").class("ctk-list__main").text(state.statement(item)))
                .child(H::new(doc, "span").class("ctk-hint ctk-list__detail").text(&format!("To find out: {}", item.hint)))
        });
        section(doc, "ctk-evidence", "Evidence to find", "You were not sure about these. Finding out is a first action in itself.").child(H::new(doc, "ul").class("ctk-list").children(items))
    })
}

fn leadership(doc: &Document, state: &State, r: &Results) -> Option<H> {
    let instrument = state.instrument;
    let a = &state.session.assessment;
    let asked = state.questions();
    (!r.leadership.is_empty()).then(|| {
        // The three most needed in full, with the items behind them; the rest in one line.
        let rest: Vec<String> = r
            .leadership
            .iter()
            .skip(3)
            .filter_map(|need| instrument.dimensions.iter().find(|d| d.id == need.dimension).map(|d| format!("{} {} %", d.name, (need.need * 100.0).round() as u32)))
            .collect();
        let items = r.leadership.iter().take(3).filter_map(|need| {
            let dimension = instrument.dimensions.iter().find(|d| d.id == need.dimension)?;
            // The items that drove it: those mapped to it, lowest level first.
            let mut drivers: Vec<(u8, &str)> = asked
                .iter()
                .filter(|(_, item)| item.dimensions.contains(&dimension.id))
                .filter_map(|(_, item)| match a.response(&item.id) {
                    Some(Response::Level(l)) => Some((l, state.statement(item))),
                    _ => None,
                })
                .collect();
            crate::sort_by(&mut drivers, |a, b| a.0.cmp(&b.0));
            let drivers = drivers.into_iter().take(3).map(|(l, s)| H::new(doc, "li").text(&format!("Level {l}: {s}")));
            Some(
                H::new(doc, "li")
                    .child(H::new(doc, "strong").class("ctk-list__main").text(&format!("{}: need {} %", dimension.name, (need.need * 100.0).round() as u32)))
                    .child(H::new(doc, "p").class("ctk-hint ctk-list__detail").text(&dimension.description))
                    .child(H::new(doc, "p").class("ctk-drivers__title").text("Driven by:"))
                    .child(H::new(doc, "ul").class("ctk-drivers").children(drivers)),
            )
        });
        section(doc, "ctk-leadership", "Leadership focus", "Healthcare Leadership Model dimensions ranked by how much development would help, from the answers to the questions mapped to each.")
            .child(H::new(doc, "ol").class("ctk-list").children(items))
            .children((!rest.is_empty()).then(|| H::new(doc, "p").text(&format!("Then: {}.", rest.join("; ")))))
    })
}

fn field(doc: &Document, state: &State, action: &Action, name: &str, label: &str, value: &str, kind: &str) -> H {
    let input_id = format!("{}-plan-{}-{name}", state.uid, action.id);
    let input = match kind {
        "textarea" => H::new(doc, "textarea").class("ctk-textarea").attr("rows", "2").attr("maxlength", "10000").text(value),
        "date" => H::new(doc, "input").class("ctk-input ctk-input--date").attr("type", "date").attr("value", value),
        _ => H::new(doc, "input").class("ctk-input").attr("type", "text").attr("maxlength", "200").attr("value", value),
    };
    H::new(doc, "div")
        .class("ctk-form-group")
        .child(H::new(doc, "label").class("ctk-label").attr("for", &input_id).text(label))
        .child(input.attr("id", &input_id).attr("data-plan-field", name).attr("data-id", &action.id))
}

/// The live S-M-A-R-T checklist of one action; redrawn alone as the action is typed.
pub fn checklist(doc: &Document, state: &State, action: &Action, today: &str) -> H {
    let checks = plan::check(action, state.instrument, today);
    let met = checks.iter().filter(|c| c.met).count();
    H::new(doc, "div")
        .class("ctk-smart")
        .attr("id", &format!("{}-plan-{}-smart", state.uid, action.id))
        .child(H::new(doc, "p").class("ctk-smart__summary").text(&format!("SMART: {met} of 5")))
        .child(H::new(doc, "ul").class("ctk-smart__list").children(checks.into_iter().map(|c| {
            let mark = if c.met { "✓" } else { "✗" };
            let item = H::new(doc, "li")
                .class(if c.met { "ctk-smart__item ctk-smart__item--met" } else { "ctk-smart__item" })
                .child(H::new(doc, "span").class("ctk-smart__mark").attr("aria-hidden", "true").text(mark))
                .child(H::new(doc, "strong").text(&format!("{} {}", c.letter, c.name)))
                .child(H::new(doc, "span").class("ctk-visually-hidden").text(if c.met { ": met" } else { ": not met" }));
            match c.why {
                Some(why) => item.child(H::new(doc, "span").class("ctk-smart__why").text(&format!(" {why}"))),
                None => item,
            }
        })))
}

fn action_plan(doc: &Document, state: &State) -> H {
    let instrument = state.instrument;
    let actions = &state.session.assessment.actions;
    let today = super::super::controller::today();
    let targets: Vec<(String, String)> = instrument
        .principles
        .iter()
        .flat_map(|p| std::iter::once((p.id.clone(), format!("{} (principle)", p.name))).chain(p.items.iter().map(|i| (i.id.clone(), format!("— {}", i.statement)))))
        .collect();
    let cards = actions.iter().enumerate().map(|(n, action)| {
        let uid = &state.uid;
        let select_id = format!("{uid}-plan-{}-addresses", action.id);
        let status_id = format!("{uid}-plan-{}-status", action.id);
        let options = std::iter::once(("".to_string(), "Choose a question or principle".to_string())).chain(targets.iter().cloned()).map(|(value, label)| {
            H::new(doc, "option").attr("value", &value).flag("selected", value == action.addresses).text(&label)
        });
        let statuses = Status::ALL.iter().zip(["Not started", "In progress", "Done"]).map(|(s, label)| {
            H::new(doc, "option").attr("value", s.name()).flag("selected", *s == action.status).text(label)
        });
        let heading = format!("Action {}", n + 1);
        H::new(doc, "li")
            .class("ctk-action")
            .child(H::new(doc, "h3").text(&heading))
            .child(field(doc, state, action, "what", "What will be done (Specific)", &action.what, "textarea"))
            .child(field(doc, state, action, "measure", "How you will know it worked (Measurable)", &action.measure, "textarea"))
            .child(field(doc, state, action, "owner", "Who owns it (Achievable)", &action.owner, "text"))
            .child(field(doc, state, action, "resources", "Time, money or help it needs (Achievable)", &action.resources, "text"))
            .child(
                H::new(doc, "div")
                    .class("ctk-form-group")
                    .child(H::new(doc, "label").class("ctk-label").attr("for", &select_id).text("What it addresses (Relevant)"))
                    .child(H::new(doc, "select").class("ctk-select").attr("id", &select_id).attr("data-plan-field", "addresses").attr("data-id", &action.id).children(options)),
            )
            .child(field(doc, state, action, "due", "Due date (Time-bound)", &action.due, "date"))
            .child(
                H::new(doc, "div")
                    .class("ctk-form-group")
                    .child(H::new(doc, "label").class("ctk-label").attr("for", &status_id).text("Progress"))
                    .child(H::new(doc, "select").class("ctk-select").attr("id", &status_id).attr("data-plan-field", "status").attr("data-id", &action.id).children(statuses)),
            )
            .child(checklist(doc, state, action, &today))
            .child(
                H::new(doc, "div")
                    .class("ctk-saved__actions")
                    .child(button(doc, "ctk-link-button", "plan-up", &action.id, &format!("Move {heading} up")).attr("id", &format!("{uid}-plan-{}-up", action.id)).flag("disabled", n == 0))
                    .child(button(doc, "ctk-link-button", "plan-down", &action.id, &format!("Move {heading} down")).attr("id", &format!("{uid}-plan-{}-down", action.id)).flag("disabled", n + 1 == actions.len()))
                    .child(button(doc, "ctk-link-button", "plan-delete", &action.id, &format!("Delete {heading}"))),
            )
    });
    let mut s = section(doc, "ctk-plan", "Action plan", "Each action should be Specific, Measurable, Achievable, Relevant and Time-bound. The checklist under each says what is still missing.");
    s = if actions.is_empty() {
        s.child(H::new(doc, "p").text("No actions yet. Add one below, or from a priority gap above."))
    } else {
        s.child(H::new(doc, "ol").class("ctk-actions ctk-no-print").children(cards)).child(printed_plan(doc, state, &today))
    };
    s.child(button(doc, "ctk-button ctk-button--secondary ctk-no-print", "plan-add", "", "Add an action"))
}

/// The plan for paper only, one block per action with each field labelled (seven columns do
/// not fit A4); redrawn with each action's checklist as it is typed.
pub fn printed_plan(doc: &Document, state: &State, today: &str) -> H {
    let instrument = state.instrument;
    let actions = &state.session.assessment.actions;
    let printed = actions.iter().enumerate().map(|(n, a)| {
        let target = instrument
            .item(&a.addresses)
            .map(|i| i.statement.clone())
            .or_else(|| instrument.principles.iter().find(|p| p.id == a.addresses).map(|p| p.name.clone()))
            .unwrap_or_default();
        let status = Status::ALL.iter().zip(["Not started", "In progress", "Done"]).find(|(s, _)| **s == a.status).map_or("", |(_, l)| l);
        let met: String = plan::check(a, instrument, today).iter().filter(|c| c.met).map(|c| c.letter).collect();
        let fields = [
            ("Measure", a.measure.clone()),
            ("Owner", a.owner.clone()),
            ("Resources", a.resources.clone()),
            ("Addresses", target),
            ("Due", a.due.clone()),
            ("Progress", status.to_string()),
            ("SMART", if met.is_empty() { "none of the five yet".into() } else { met }),
        ];
        H::new(doc, "li")
            .class("ctk-printed-action")
            .child(H::new(doc, "h3").text(&format!("{}. {}", n + 1, if a.what.trim().is_empty() { "(not described yet)" } else { a.what.as_str() })))
            .child(H::new(doc, "dl").class("ctk-summary-list").children(fields.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| {
                H::new(doc, "div").class("ctk-summary-list__row").child(H::new(doc, "dt").text(k)).child(H::new(doc, "dd").text(&v))
            })))
    });
    H::new(doc, "ol").class("ctk-print-only ctk-printed-plan").children(printed)
}
