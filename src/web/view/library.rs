//! The "Saved, export and import" screen: assessments saved in this browser (open, duplicate,
//! rename, delete with undo, start new), export of the open one, and import from files.

use web_sys::Document;

use crate::assessment::Depth;
use crate::scoring::in_scope;

use super::super::dom::H;
use super::super::session::display_title;
use super::super::widget::State;

fn button(doc: &Document, action: &str, id: &str, label: &str, context: &str) -> H {
    H::new(doc, "button")
        .attr("type", "button")
        .class("ctk-link-button")
        .attr("data-action", action)
        .attr("data-id", id)
        .child(H::new(doc, "span").text(label))
        .child(H::new(doc, "span").class("ctk-visually-hidden").text(&format!(" {context}")))
}

pub fn library(doc: &Document, state: &State) -> H {
    let session = &state.session;
    let mut view = H::new(doc, "div").class("ctk-view");
    if !state.import_problems.is_empty() {
        view = view.child(super::problems_summary(doc, "The file could not be imported", "Nothing was changed. The file has these problems:", &state.import_problems));
    }
    view = view
        .child(H::new(doc, "span").class("ctk-caption").text("Your work"))
        .child(H::new(doc, "h1").attr("tabindex", "-1").text("Saved assessments, export and import"));
    let rows = session.library.iter().map(|(id, assessment)| {
        let title = display_title(&assessment.context.title);
        let open = *id == session.id;
        let asked = state.instrument.items().filter(|(_, item)| in_scope(item, assessment.depth, assessment.context.scale)).count();
        let answered = state
            .instrument
            .items()
            .filter(|(_, item)| in_scope(item, assessment.depth, assessment.context.scale) && assessment.response(&item.id).is_some())
            .count();
        let depth = match assessment.depth {
            Depth::Quick => "Quick check",
            Depth::Deep => "In-depth audit",
        };
        let name = if state.renaming.as_deref() == Some(id.as_str()) {
            let input_id = format!("{}-rename", state.uid);
            H::new(doc, "div")
                .class("ctk-rename")
                .child(H::new(doc, "label").class("ctk-label").attr("for", &input_id).text("New name"))
                .child(H::new(doc, "input").class("ctk-input").attr("type", "text").attr("id", &input_id).attr("maxlength", "200").attr("value", &assessment.context.title))
                .child(
                    H::new(doc, "div")
                        .class("ctk-button-group")
                        .child(H::new(doc, "button").attr("type", "button").class("ctk-button").attr("data-action", "rename-save").attr("data-id", id).text("Save name"))
                        .child(button(doc, "rename-cancel", id, "Cancel", "renaming")),
                )
        } else {
            let heading = H::new(doc, "h3").class("ctk-saved__title").text(title);
            if open {
                heading.child(H::new(doc, "strong").class("ctk-tag ctk-tag--open").text("Open now"))
            } else {
                heading
            }
        };
        H::new(doc, "li")
            .class("ctk-saved")
            .child(name)
            .child(H::new(doc, "p").class("ctk-hint").text(&format!("{depth}. {answered} of {asked} questions answered. Last changed {}.", when(&assessment.updated))))
            .child(
                H::new(doc, "div")
                    .class("ctk-saved__actions")
                    .children((!open).then(|| button(doc, "open", id, "Open", title)))
                    .child(button(doc, "duplicate", id, "Duplicate", title))
                    .child(button(doc, "rename", id, "Rename", title))
                    .child(button(doc, "delete", id, "Delete", title)),
            )
    });
    let saved = if !session.store.is_available() {
        H::new(doc, "p").class("ctk-warning").text("This browser is not saving assessments: storage is turned off or blocked. Export your work to keep it.")
    } else if session.library.is_empty() {
        H::new(doc, "p").text("Nothing is saved in this browser yet. Your answers are saved as soon as you give one.")
    } else {
        H::new(doc, "ul").class("ctk-saved-list").children(rows)
    };
    view.child(
        H::new(doc, "section")
            .class("ctk-section")
            .child(H::new(doc, "h2").text("Saved in this browser"))
            .child(saved)
            .child(H::new(doc, "button").attr("type", "button").class("ctk-button ctk-button--secondary").attr("data-action", "new").text("Start a new assessment")),
    )
    .child(
        H::new(doc, "section")
            .class("ctk-section")
            .child(H::new(doc, "h2").text("Export the open assessment"))
            .child(H::new(doc, "p").text(&format!(
                "\"{}\". Save it as a file to keep a copy, send it to partners, or open it on another computer.",
                display_title(&session.assessment.context.title)
            )))
            .child(
                H::new(doc, "div")
                    .class("ctk-button-group")
                    .child(H::new(doc, "button").attr("type", "button").class("ctk-button").attr("data-action", "export-json").text("Export (JSON file)"))
                    .child(H::new(doc, "button").attr("type", "button").class("ctk-button ctk-button--secondary").attr("data-action", "export-csv").text("Download for a spreadsheet (CSV)")),
            ),
    )
    .child(import_section(doc, state))
}

fn import_section(doc: &Document, state: &State) -> H {
    H::new(doc, "section").class("ctk-section").child(H::new(doc, "h2").text("Import")).child(super::file_drop(
        doc,
        &state.uid,
        "import",
        "Choose exported assessment files",
        "JSON files exported from the Collaboration Toolkit, up to 5 MB each. You can also drag files here.",
    ))
}

/// A stored timestamp as people read it, in their own time zone ("23 Nov 2026, 10:42").
fn when(timestamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    if date.get_time().is_nan() {
        return timestamp.to_string();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string("en-GB", &options).into()
}
