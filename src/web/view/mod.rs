//! The widget's screens, drawn from state. Markup follows the NHS design system patterns:
//! one fieldset and legend per question, hints linked by `aria-describedby`, an error summary,
//! and a heading that takes focus when the screen changes.

mod chart;
mod check;
mod compare;
mod library;
mod questions;
mod results;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::{focus, H};
use super::session::SaveState;
use super::widget::{State, View};

/// Where focus goes after a redraw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A new screen: the error summary if there is one, else the heading, so screen readers
    /// announce it.
    Heading,
    /// The same screen redrawn (a context answer changed which questions show): focus stays
    /// on the control that was used, so the page does not jump.
    Keep,
    /// Leave focus alone (the first drawing: an embedded widget must not steal focus).
    None,
}

/// Replaces the widget's content: the navigation, the save status and the current screen.
pub fn render(root: &Element, state: &State, focus_to: Focus) -> Result<(), JsValue> {
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the widget is not in a document"))?;
    let kept = match focus_to {
        Focus::Keep => super::dom::active_id(root),
        Focus::Heading | Focus::None => None,
    };
    let screen = match state.view {
        View::Questions => questions::questions(&doc, state),
        View::Check => check::check(&doc, state),
        View::Results => results::results(&doc, state),
        View::Library => library::library(&doc, state),
        View::Compare => compare::comparison(&doc, state),
    };
    let nav = navigation(&doc, state).build()?;
    let status = status(&doc, state).build()?;
    let screen = screen.build()?;
    root.replace_children_with_node_3(&nav, &status, &screen);
    let target = match (focus_to, kept) {
        (Focus::None, _) => None,
        (_, Some(id)) => root.query_selector(&format!("[id=\"{id}\"]"))?,
        _ => match root.query_selector(".ctk-error-summary")? {
            Some(summary) => Some(summary),
            None => root.query_selector("h1")?,
        },
    };
    if let Some(target) = target {
        focus(&target)?;
    }
    Ok(())
}

/// Rewrites the "N of M answered" line after an answer changes, without redrawing.
pub fn update_progress(root: &Element, state: &State) -> Result<(), JsValue> {
    if let Some(line) = root.query_selector(".ctk-progress")? {
        line.set_text_content(Some(&questions::progress_text(state)));
    }
    Ok(())
}

/// Redraws one action's SMART checklist after one of its fields changed.
pub fn update_checklist(root: &Element, state: &State, action_id: &str) -> Result<(), JsValue> {
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the widget is not in a document"))?;
    let Some(action) = state.session.assessment.actions.iter().find(|a| a.id == action_id) else { return Ok(()) };
    if let Some(old) = root.query_selector(&format!("[id=\"{}-plan-{action_id}-smart\"]", state.uid))? {
        let today = super::controller::today();
        old.replace_with_with_node_1(&results::checklist(&doc, state, action, &today).build()?.into())?;
    }
    if let Some(old) = root.query_selector(".ctk-print-only")? {
        let today = super::controller::today();
        old.replace_with_with_node_1(&results::printed_plan(&doc, state, &today).build()?.into())?;
    }
    Ok(())
}

/// Redraws the save status alone (after a change, or another tab's write).
pub fn update_status(root: &Element, state: &State) -> Result<(), JsValue> {
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the widget is not in a document"))?;
    if let Some(old) = root.query_selector(".ctk-status")? {
        old.replace_with_with_node_1(&status(&doc, state).build()?.into())?;
    }
    Ok(())
}

fn navigation(doc: &Document, state: &State) -> H {
    let links = [
        ("questions", "Questions", View::Questions),
        ("results", "Results", View::Results),
        ("library", "Saved, export and import", View::Library),
        ("compare", "Compare", View::Compare),
    ]
    .into_iter()
    .filter(|(_, _, view)| match view {
        View::Library => !state.hidden.import_export,
        View::Compare => !state.hidden.compare,
        _ => true,
    })
    .map(|(action, label, view)| {
        let button = H::new(doc, "button").attr("type", "button").class("ctk-nav__link").attr("data-action", action).text(label);
        H::new(doc, "li").child(if state.view == view { button.attr("aria-current", "page") } else { button })
    });
    H::new(doc, "nav").class("ctk-nav").attr("aria-label", "Collaboration Toolkit").child(H::new(doc, "ul").children(links))
}

/// The save status: a polite live region, the choice to make when another tab wrote, and any
/// one-off notice (an unreadable entry kept as a backup, a deletion that can be undone).
fn status(doc: &Document, state: &State) -> H {
    let session = &state.session;
    let region = H::new(doc, "div").class("ctk-status").attr("role", "status");
    let region = match &session.notice {
        Some(notice) => {
            let mut banner = H::new(doc, "div").class("ctk-notice").child(H::new(doc, "p").text(notice));
            let undo = if session.deleted.is_some() {
                Some("undo")
            } else if state.plan_undo.is_some() {
                Some("plan-undo")
            } else {
                None
            };
            if let Some(action) = undo {
                banner = banner.child(
                    H::new(doc, "button").attr("type", "button").class("ctk-button ctk-button--secondary").attr("data-action", action).text("Undo"),
                );
            }
            region.child(banner)
        }
        None => region,
    };
    match &session.saved {
        SaveState::Conflict => region.class("ctk-status ctk-status--warning").child(
            H::new(doc, "p").text("This assessment was changed in another tab or window. Saving has stopped until you choose which version to keep."),
        )
        .child(
            H::new(doc, "div")
                .class("ctk-button-group")
                .child(H::new(doc, "button").attr("type", "button").class("ctk-button ctk-button--secondary").attr("data-action", "conflict-load").text("Use the other version"))
                .child(H::new(doc, "button").attr("type", "button").class("ctk-button ctk-button--secondary").attr("data-action", "conflict-keep").text("Keep this version")),
        ),
        SaveState::InMemory(why) => region.class("ctk-status ctk-status--warning").child(H::new(doc, "p").text(why)),
        SaveState::Stored => region.child(H::new(doc, "p").text("Saved in this browser.")),
        SaveState::Unchanged if !session.store.is_available() => region.class("ctk-status ctk-status--warning").child(
            H::new(doc, "p").text("This browser is not saving your work: storage is turned off or blocked. Export your assessment to keep it."),
        ),
        SaveState::Unchanged => region.child(H::new(doc, "p").text("Your answers are saved in this browser as you go.")),
    }
}

/// The NHS error summary for problems found in files: every problem on its own line, with
/// the file name and where in it. It takes focus when the screen is drawn.
fn problems_summary(doc: &Document, title: &str, intro: &str, problems: &[String]) -> H {
    H::new(doc, "div")
        .class("ctk-error-summary")
        .attr("role", "alert")
        .attr("tabindex", "-1")
        .child(H::new(doc, "h2").text(title))
        .child(H::new(doc, "p").text(intro))
        .child(H::new(doc, "ul").class("ctk-error-summary__list").children(problems.iter().map(|p| H::new(doc, "li").text(p))))
}

/// A drop zone with a file picker for exported JSON files; `purpose` (`import`, `compare`,
/// `compare-earlier`) tells the controller what the files are for.
fn file_drop(doc: &Document, uid: &str, purpose: &str, label: &str, hint: &str) -> H {
    let input_id = format!("{uid}-{purpose}");
    let hint_id = format!("{input_id}-hint");
    H::new(doc, "div")
        .class("ctk-dropzone ctk-form-group")
        .attr("data-files", purpose)
        .child(H::new(doc, "label").class("ctk-label").attr("for", &input_id).text(label))
        .child(H::new(doc, "div").class("ctk-hint").attr("id", &hint_id).text(hint))
        .child(
            H::new(doc, "input")
                .class("ctk-file")
                .attr("type", "file")
                .attr("id", &input_id)
                .attr("accept", ".json,application/json")
                .attr("data-files", purpose)
                .attr("aria-describedby", &hint_id)
                .flag("multiple", true),
        )
}
