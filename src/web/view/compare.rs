//! The "Compare" screen: many partners' exported files → where they agree and diverge, by
//! principle and by organisation, and the change since an earlier round.

use web_sys::Document;

use crate::compare::{compare, Comparison};
use crate::scoring::format_mean;

use super::super::dom::H;
use super::super::widget::State;
use super::chart::{radar, short_label};

/// A box that scrolls sideways on narrow screens: focusable and named, so keyboard users can
/// scroll it too (WCAG 2.1.1).
fn scroll_box(doc: &Document, label: &str) -> H {
    H::new(doc, "div").class("ctk-table-wrap").attr("tabindex", "0").attr("role", "region").attr("aria-label", &format!("{label} (scrolls sideways)"))
}

/// "1 file", "3 files": a count with its noun in the right number.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn file_input(doc: &Document, state: &State, purpose: &str, label: &str, hint: &str, loaded: usize) -> H {
    let count = match loaded {
        0 => "No files loaded.".to_string(),
        n => format!("{} loaded.", count(n, "file", "files")),
    };
    super::file_drop(doc, &state.uid, purpose, label, hint).child(H::new(doc, "p").class("ctk-hint ctk-loaded").text(&count))
}

/// A level, spread or change for people: tenths rounded down on the exact value, as
/// everywhere in the toolkit, so a spread shown as "1.5" is always contested.
fn figure(value: Option<f64>) -> String {
    value.map_or("–".to_string(), format_mean)
}

pub fn comparison(doc: &Document, state: &State) -> H {
    let mut view = H::new(doc, "div").class("ctk-view");
    if !state.compare_problems.is_empty() {
        view = view.child(super::problems_summary(doc, "Some files were left out", "These files could not be read; the others are compared.", &state.compare_problems));
    }
    view = view
        .child(H::new(doc, "span").class("ctk-caption").text("Compare"))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text("Compare partners' answers"))
        .child(H::new(doc, "p").class("ctk-lede").text("Load the files each partner exported to see where you agree and where you see things differently. The files stay on this computer."))
        .child(
            H::new(doc, "section")
                .class("ctk-section")
                .child(file_input(doc, state, "compare", "Assessments to compare", "Exported JSON files, one per partner or person. You can choose or drag several at once.", state.compare_current.len()))
                .child(file_input(doc, state, "compare-earlier", "An earlier round (optional)", "Last year's files, to see what has changed.", state.compare_earlier.len()))
                .child(H::new(doc, "button").attr("type", "button").class("ctk-button ctk-button--secondary").attr("data-action", "compare-clear").text("Clear the files")),
        );
    if state.compare_current.is_empty() {
        return view;
    }
    let instrument = state.instrument;
    let current: Vec<_> = state.compare_current.iter().map(|(_, a)| a.clone()).collect();
    let earlier: Vec<_> = state.compare_earlier.iter().map(|(_, a)| a.clone()).collect();
    let c: Comparison = compare(instrument, &current, (!earlier.is_empty()).then_some(earlier.as_slice()));
    let name = |id: &str| instrument.principles.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.name.clone());

    view = view.child(H::new(doc, "h2").text("Summary")).child(H::new(doc, "p").text(&format!(
        "{} from {}. Overall mean level {} (lowest {}, highest {}).",
        count(c.respondents as usize, "assessment", "assessments"),
        count(c.organisations.len(), "organisation or perspective", "organisations or perspectives"),
        figure(c.overall.mean),
        figure(c.overall.min),
        figure(c.overall.max)
    )));
    view = view.child(if c.contested.is_empty() {
        H::new(doc, "p").class("ctk-inset").text("No principle is contested: respondents are within 1.5 levels of each other on every principle.")
    } else {
        let names: Vec<String> = c.contested.iter().map(|id| name(id)).collect();
        H::new(doc, "div").class("ctk-warning").child(H::new(doc, "p").child(H::new(doc, "strong").text("Partners see these principles differently: ")).text(&names.join("; "))).child(
            H::new(doc, "p").text("Respondents' scores are 1.5 levels or more apart. These are the conversations to have first."),
        )
    });

    let with_change = c.change.is_some();
    let mut head = H::new(doc, "tr");
    for label in ["Principle", "Respondents", "Mean", "Lowest", "Highest", "Spread"] {
        head = head.child(H::new(doc, "th").attr("scope", "col").text(label));
    }
    if with_change {
        head = head.child(H::new(doc, "th").attr("scope", "col").text("Change"));
    }
    head = head.child(H::new(doc, "th").attr("scope", "col").text("Agreement"));
    let rows = c.principles.iter().enumerate().map(|(i, p)| {
        let s = &p.summary;
        let mut row = H::new(doc, "tr")
            .child(H::new(doc, "th").attr("scope", "row").text(&name(&p.id)))
            .child(H::new(doc, "td").text(&s.count.to_string()))
            .child(H::new(doc, "td").text(&figure(s.mean)))
            .child(H::new(doc, "td").text(&figure(s.min)))
            .child(H::new(doc, "td").text(&figure(s.max)))
            .child(H::new(doc, "td").text(&figure(s.spread)));
        if let Some(change) = &c.change {
            // Tenths rounded down, like every figure here, so a change reads as the difference
            // of the means shown beside it.
            let text = change[i].change.map_or("–".into(), |d| match format_mean(d.abs()) {
                zero if zero == "0.0" => zero,
                tenths if d > 0.0 => format!("+{tenths}"),
                tenths => format!("−{tenths}"),
            });
            row = row.child(H::new(doc, "td").text(&text));
        }
        let tag = if p.contested {
            H::new(doc, "strong").class("ctk-tag ctk-tag--concern").text("Contested")
        } else if s.count > 1 {
            H::new(doc, "strong").class("ctk-tag ctk-tag--strength").text("Agreed")
        } else {
            H::new(doc, "span").text("–")
        };
        row.child(H::new(doc, "td").child(tag))
    });
    view = view.child(H::new(doc, "h2").text("By principle")).child(
        scroll_box(doc, "Respondents' mean level for each principle").child(
            H::new(doc, "table")
                .class("ctk-table")
                .child(H::new(doc, "caption").class("ctk-table__caption").text("Respondents' mean level for each principle (1 to 5)"))
                .child(H::new(doc, "thead").child(head))
                .child(H::new(doc, "tbody").children(rows)),
        ),
    );

    let axes: Vec<String> = instrument.principles.iter().map(|p| short_label(&p.name)).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = c
        .organisations
        .iter()
        .map(|o| (format!("{} ({})", o.organisation, o.respondents), o.principles.iter().map(|p| p.summary.mean).collect()))
        .collect();
    let description = format!(
        "Radar chart of mean level by principle for {} organisations. The same figures are in the table that follows.",
        series.len()
    );
    let mut org_head = H::new(doc, "tr").child(H::new(doc, "th").attr("scope", "col").text("Principle"));
    for o in &c.organisations {
        org_head = org_head.child(H::new(doc, "th").attr("scope", "col").text(&o.organisation));
    }
    let org_rows = instrument.principles.iter().enumerate().map(|(i, p)| {
        let mut row = H::new(doc, "tr").child(H::new(doc, "th").attr("scope", "row").text(&p.name));
        for o in &c.organisations {
            row = row.child(H::new(doc, "td").text(&figure(o.principles[i].summary.mean)));
        }
        row
    });
    view.child(H::new(doc, "h2").text("By organisation"))
        .child(radar(doc, &format!("{}-radar", state.uid), "Mean level by principle for each organisation", &description, &axes, &series))
        .child(
            scroll_box(doc, "Mean level by principle for each organisation").child(
                H::new(doc, "table")
                    .class("ctk-table")
                    .child(H::new(doc, "caption").class("ctk-table__caption").text("Mean level by principle for each organisation"))
                    .child(H::new(doc, "thead").child(org_head))
                    .child(H::new(doc, "tbody").children(org_rows)),
            ),
        )
}
