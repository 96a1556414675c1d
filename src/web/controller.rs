//! Events in, state changes out: what each click, keystroke, dropped file and other tab's
//! write does to a widget's state, and which part of the view to redraw.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, Element, Event, FileList, HtmlInputElement, HtmlTextAreaElement, StorageEvent};

use crate::assessment::{Action, Basis, Continuum, Depth, Options, Response, Stage, Status};
use crate::exchange;

use super::session::new_id;
use super::view::{self, Focus};
use super::widget::{announce, Ctx, State, View};

/// Entry point for every event the widget listens to.
pub fn handle(ctx: &Ctx, event: &Event) {
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    match (event.type_().as_str(), target) {
        ("storage", _) => {
            let Some(change) = event.dyn_ref::<StorageEvent>() else { return };
            ctx.with(|root, state| {
                state.session.external_change(change.key().as_deref(), change.new_value());
                view::update_status(root, state)
            });
        }
        ("dragover", Some(target)) if target.closest(".ctk-dropzone").ok().flatten().is_some() => {
            event.prevent_default(); // allows the drop
            ctx.with(|root, _| set_dragging(root, true));
        }
        ("dragleave", _) => ctx.with(|root, _| set_dragging(root, false)),
        ("drop", Some(target)) => {
            let Some(zone) = target.closest(".ctk-dropzone").ok().flatten() else { return };
            event.prevent_default(); // or the browser opens the file in place of the page
            let files = event.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()).and_then(|t| t.files());
            ctx.with(|root, _| set_dragging(root, false));
            if let Some(files) = files {
                read_files(ctx, &files, zone.get_attribute("data-files").unwrap_or_default());
            }
        }
        ("change", Some(target)) if target.get_attribute("type").as_deref() == Some("file") => {
            let Some(input) = target.dyn_ref::<HtmlInputElement>() else { return };
            if let Some(files) = input.files() {
                read_files(ctx, &files, target.get_attribute("data-files").unwrap_or_default());
            }
            input.set_value(""); // so choosing the same file again fires change again
        }
        ("input" | "change", Some(target)) => {
            let committed = event.type_() == "change";
            ctx.with(|root, state| edit(root, state, &target, committed));
        }
        ("click", Some(target)) => ctx.with(|root, state| click(root, state, &target, event)),
        _ => {}
    }
}

fn set_dragging(root: &Element, on: bool) -> Result<(), JsValue> {
    if let Some(zone) = root.query_selector(".ctk-dropzone")? {
        zone.class_list().toggle_with_force("ctk-dropzone--active", on)?;
    }
    Ok(())
}

/// An action's field changed: record it, save, and redraw only its SMART checklist, so focus
/// and typing are never disturbed.
fn edit_action(root: &Element, state: &mut State, target: &Element, field: &str) -> Result<(), JsValue> {
    let id = target.get_attribute("data-id").unwrap_or_default();
    let value = input_value(target);
    let Some(action) = state.session.assessment.actions.iter_mut().find(|a| a.id == id) else { return Ok(()) };
    match field {
        "what" => action.what = value,
        "measure" => action.measure = value,
        "owner" => action.owner = value,
        "resources" => action.resources = value,
        "addresses" => action.addresses = value,
        "due" => action.due = value,
        "status" => action.status = Status::from_name(&value).unwrap_or(action.status),
        _ => return Ok(()),
    }
    changed(root, state);
    view::update_checklist(root, state, &id)?;
    view::update_status(root, state)
}

/// An input changed: record it, save, then redraw only what depends on it.
fn edit(root: &Element, state: &mut State, target: &Element, committed: bool) -> Result<(), JsValue> {
    if let Some(field) = target.get_attribute("data-plan-field") {
        return edit_action(root, state, target, &field);
    }
    let value = input_value(target);
    let assessment = &mut state.session.assessment;
    let mut redraw = false;
    if let Some(item) = target.get_attribute("data-item") {
        assessment.answers.entry(item).or_default().level = parse_response(&value);
    } else if let Some(item) = target.get_attribute("data-note") {
        let answer = assessment.answers.entry(item.clone()).or_default();
        answer.note = value;
        if answer.level.is_none() && answer.note.is_empty() {
            assessment.answers.remove(&item);
        }
    } else {
        let context = &mut assessment.context;
        match target.get_attribute("data-field").as_deref() {
            Some("title") => context.title = value,
            Some("description") => context.description = value,
            Some("organisation") => context.organisation = value,
            Some("partners") => {
                context.partners = value.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            }
            // Radios fire both input and change; act once, on change. Scale, stage and depth
            // change which questions show, or their wording, so they redraw.
            Some(_) if !committed => return Ok(()),
            Some("scale") => (context.scale, redraw) = (value.parse().ok(), true),
            Some("stage") => (context.stage, redraw) = (Stage::from_name(&value), true),
            Some("continuum") => context.continuum = Continuum::from_name(&value),
            Some("basis") => context.basis = Basis::from_name(&value),
            Some("depth") => {
                assessment.depth = Depth::from_name(&value).unwrap_or(assessment.depth);
                redraw = true;
            }
            _ => return Ok(()),
        }
    }
    changed(root, state);
    if state.error.is_some() && state.answered() > 0 {
        state.error = None;
        redraw = true;
    }
    if redraw {
        view::render(root, state, Focus::Keep)
    } else {
        view::update_progress(root, state)?;
        view::update_status(root, state)
    }
}

fn click(root: &Element, state: &mut State, target: &Element, event: &Event) -> Result<(), JsValue> {
    let Some(button) = target.closest("[data-action]")? else { return Ok(()) };
    let id = button.get_attribute("data-id").unwrap_or_default();
    let go = |state: &mut State, view: View| {
        // A notice is about the moment it was given; moving on clears it.
        (state.session.notice, state.session.deleted, state.plan_undo) = (None, None, None);
        state.view = view;
        view::render(root, state, Focus::Heading)
    };
    match button.get_attribute("data-action").as_deref() {
        Some("check" | "results") if state.answered() == 0 => {
            state.error = Some("Answer at least one question to see your results".into());
            go(state, View::Questions)
        }
        Some("results") => {
            state.error = None;
            go(state, View::Results)?;
            notify(root, state);
            Ok(())
        }
        Some("questions") => go(state, View::Questions),
        Some("check") => {
            state.error = None;
            go(state, View::Check)
        }
        Some("change") => {
            // Back to the question, with focus on the answer given, as the NHS pattern does.
            let target = button.get_attribute("data-target").unwrap_or_default();
            state.view = View::Questions;
            view::render(root, state, Focus::None)?;
            super::dom::focus_by_id(root, &target)
        }
        Some("library") => {
            (state.session.notice, state.session.deleted) = (None, None);
            state.session.refresh_library(&now()); // may leave a notice of its own
            state.view = View::Library;
            view::render(root, state, Focus::Heading)
        }
        Some("goto") => {
            event.prevent_default();
            let target = button.get_attribute("data-target").unwrap_or_default();
            super::dom::focus_by_id(root, &target)
        }
        Some("conflict-keep" | "conflict-load") => {
            let keep = button.get_attribute("data-action").as_deref() == Some("conflict-keep");
            state.session.resolve(keep, &now());
            view::render(root, state, Focus::Heading)
        }
        Some("print") => web_sys::window().ok_or("no window")?.print(),
        Some("plan-add" | "plan-from-gap") => {
            let item = state.instrument.item(&id);
            let action = Action {
                id: format!("action-{}", fresh_id()),
                what: item.map(|i| i.action_prompt.clone()).unwrap_or_default(),
                addresses: item.map(|i| i.id.clone()).unwrap_or_default(),
                ..Action::default()
            };
            // From a gap the "what" is filled in, so the next thing to write is the measure.
            let first = if item.is_some() { "measure" } else { "what" };
            let focus_id = format!("{}-plan-{}-{first}", state.uid, action.id);
            state.session.assessment.actions.push(action);
            changed(root, state);
            view::render(root, state, Focus::None)?;
            super::dom::focus_by_id(root, &focus_id)
        }
        Some(step @ ("plan-up" | "plan-down")) => {
            let actions = &mut state.session.assessment.actions;
            if let Some(i) = actions.iter().position(|a| a.id == id) {
                let j = if step == "plan-up" { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < actions.len()) };
                if let Some(j) = j {
                    actions.swap(i, j);
                    changed(root, state);
                }
            }
            view::render(root, state, Focus::Keep)
        }
        Some("plan-delete") => {
            let actions = &mut state.session.assessment.actions;
            if let Some(i) = actions.iter().position(|a| a.id == id) {
                let action = actions.remove(i);
                let what = if action.what.trim().is_empty() { "an action with no description".to_string() } else { format!("\"{}\"", action.what) };
                state.session.notice = Some(format!("Deleted {what} from the action plan."));
                state.plan_undo = Some((i, action));
                changed(root, state);
            }
            view::render(root, state, Focus::Heading)
        }
        Some("plan-undo") => {
            if let Some((i, action)) = state.plan_undo.take() {
                let actions = &mut state.session.assessment.actions;
                actions.insert(i.min(actions.len()), action);
                state.session.notice = Some("Restored the deleted action.".into());
                changed(root, state);
            }
            view::render(root, state, Focus::Heading)
        }
        Some("compare") => go(state, View::Compare),
        Some("compare-clear") => {
            (state.compare_current, state.compare_earlier, state.compare_problems) = (Vec::new(), Vec::new(), Vec::new());
            view::render(root, state, Focus::Heading)
        }
        Some("new") => {
            let depth = state.session.assessment.depth;
            state.session.create(depth, &now(), fresh_id());
            go(state, View::Questions)
        }
        Some("open") => {
            if state.session.load(&id, &now()) {
                go(state, View::Questions)
            } else {
                state.session.refresh_library(&now());
                view::render(root, state, Focus::Heading)
            }
        }
        Some("duplicate") => {
            if let Some((_, original)) = state.session.library.iter().find(|(i, _)| *i == id) {
                let mut copy = original.clone();
                copy.context.title = format!("Copy of {}", super::session::display_title(&original.context.title));
                (copy.created, copy.updated) = (now(), now());
                state.session.adopt(copy, fresh_id());
            }
            state.session.refresh_library(&now());
            view::render(root, state, Focus::Heading)
        }
        Some("rename") => {
            state.renaming = Some(id.clone());
            view::render(root, state, Focus::None)?;
            super::dom::focus_by_id(root, &format!("{}-rename", state.uid))
        }
        Some("rename-save") => {
            let input = root.query_selector(&format!("[id=\"{}-rename\"]", state.uid))?;
            let title = input.map(|el| input_value(&el)).unwrap_or_default();
            rename(state, &id, title.trim());
            state.renaming = None;
            view::render(root, state, Focus::Heading)
        }
        Some("rename-cancel") => {
            state.renaming = None;
            view::render(root, state, Focus::Heading)
        }
        Some("delete") => {
            state.session.delete(&id, &now(), fresh_id());
            view::render(root, state, Focus::Heading)
        }
        Some("undo") => {
            state.session.undo_delete(&now());
            view::render(root, state, Focus::Heading)
        }
        Some("export-json") => {
            let session = &state.session;
            let text = exchange::export(&session.assessment, session.instrument);
            let name = file_name(&session.assessment, "json");
            download(&name, "application/json", &text)?;
            announce(root, "export", &export_detail("json", &name));
            Ok(())
        }
        Some("export-csv") => {
            let session = &state.session;
            let text = exchange::to_csv(&session.assessment, session.instrument);
            let name = file_name(&session.assessment, "csv");
            download(&name, "text/csv;charset=utf-8", &text)?;
            announce(root, "export", &export_detail("csv", &name));
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Renames a saved assessment: the open one in memory (and saved), another one in storage.
fn rename(state: &mut State, id: &str, title: &str) {
    let title: String = title.chars().take(exchange::MAX_NAME).collect();
    if id == state.session.id {
        state.session.assessment.context.title = title;
        state.session.assessment.updated = now();
        state.session.persist();
    } else if let Some((_, assessment)) = state.session.library.iter().find(|(i, _)| i == id) {
        let mut renamed = assessment.clone();
        renamed.context.title = title;
        renamed.updated = now();
        let text = exchange::export(&renamed, state.instrument);
        if let Err(e) = state.session.store.write(id, &text) {
            state.session.notice = Some(e.explain());
        }
    }
    state.session.refresh_library(&now());
}

/// Reads the chosen or dropped files, then imports them. Files over the size limit are
/// refused before they are read, so a huge file cannot freeze the page.
fn read_files(ctx: &Ctx, files: &FileList, purpose: String) {
    let mut names = Vec::new();
    let mut too_large = Vec::new();
    let reads = Array::new();
    for i in 0..files.length() {
        let Some(file) = files.item(i) else { continue };
        if file.size() > exchange::MAX_BYTES as f64 {
            too_large.push(format!("{}: the file is larger than {} MB, too large to be an assessment", file.name(), exchange::MAX_BYTES / 1_048_576));
        } else {
            names.push(file.name());
            reads.push(&file.text());
        }
    }
    let ctx = ctx.clone();
    let done = Closure::once(move |texts: JsValue| {
        let texts: Vec<String> = Array::from(&texts).iter().map(|t| t.as_string().unwrap_or_default()).collect();
        ctx.with(|root, state| {
            match purpose.as_str() {
                "import" => import_files(state, &names, &texts, too_large),
                "compare" | "compare-earlier" => load_for_comparison(state, purpose == "compare-earlier", &names, &texts, too_large),
                _ => {}
            }
            view::render(root, state, Focus::Heading)
        });
    });
    let failed = Closure::once(move |error: JsValue| {
        web_sys::console::error_2(&JsValue::from_str("Collaboration Toolkit: a file could not be read"), &error);
    });
    let _ = Promise::all(&reads).then2(&done, &failed);
    // The promise calls one of them later, so both must outlive this function: a few bytes
    // kept per import the user makes.
    done.forget();
    failed.forget();
}

/// Imports files as new saved assessments. Each file is all or nothing: a file with any
/// problem changes nothing, and every problem in it is listed.
fn import_files(state: &mut State, names: &[String], texts: &[String], mut problems: Vec<String>) {
    let mut imported = Vec::new();
    for (name, text) in names.iter().zip(texts) {
        match exchange::import(text, state.instrument) {
            Ok(mut assessment) => {
                assessment.updated = now();
                imported.push(super::session::display_title(&assessment.context.title).to_string());
                state.session.adopt(assessment, fresh_id());
            }
            Err(error) => problems.extend(error.problems().iter().map(|p| format!("{name}: {p}"))),
        }
    }
    state.import_problems = problems;
    state.session.notice = match imported.as_slice() {
        [] => None,
        [one] => Some(format!("Imported \"{one}\". It is now the open assessment.")),
        many => Some(format!("Imported {} assessments; the last, \"{}\", is now open.", many.len(), many[many.len() - 1])),
    };
    state.session.refresh_library(&now());
}

/// Adds files to compare. A bad file is left out and named, with every problem in it; the
/// rest are still compared.
fn load_for_comparison(state: &mut State, earlier: bool, names: &[String], texts: &[String], mut problems: Vec<String>) {
    for (name, text) in names.iter().zip(texts) {
        match exchange::import(text, state.instrument) {
            Ok(assessment) => {
                let list = if earlier { &mut state.compare_earlier } else { &mut state.compare_current };
                list.push((name.clone(), assessment));
            }
            Err(error) => problems.extend(error.problems().iter().map(|p| format!("{name}: {p}"))),
        }
    }
    state.compare_problems = problems;
}

/// `{ format, fileName }` for the `collabtoolkit:export` event.
fn export_detail(format: &str, name: &str) -> JsValue {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"format".into(), &format.into());
    let _ = js_sys::Reflect::set(&detail, &"fileName".into(), &name.into());
    detail.into()
}

/// Offers `text` as a file download. This is the only way data leaves the page.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// `joint-frailty-clinic-2026-11-23.json`: the title made safe for file names, and the date.
fn file_name(assessment: &crate::assessment::Assessment, extension: &str) -> String {
    // ASCII only: file names travel through email and intranets, and full Unicode case
    // mapping would add its tables to the module.
    let mut slug = String::new();
    for c in super::session::display_title(&assessment.context.title).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    if slug.is_empty() {
        slug.push_str("collaboration");
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let date = assessment.updated.get(..10).unwrap_or("undated");
    format!("{slug}-{date}.{extension}")
}

fn input_value(target: &Element) -> String {
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

fn parse_response(value: &str) -> Option<Response> {
    match value {
        "unsure" => Some(Response::Unsure),
        "na" => Some(Response::Na),
        level => level.parse().ok().filter(|l| (1..=5).contains(l)).map(Response::Level),
    }
}

/// Marks the open assessment changed and saves it.
fn changed(root: &Element, state: &mut State) {
    state.session.assessment.updated = now();
    state.session.persist();
    notify(root, state);
}

/// Tells the host page: `collabtoolkit:change` with the assessment (in the public format, with
/// its results) and `collabtoolkit:results` with the results.
fn notify(root: &Element, state: &State) {
    let session = &state.session;
    if let Ok(assessment) = super::bindings::parse_js(&exchange::export(&session.assessment, session.instrument)) {
        announce(root, "change", &assessment);
    }
    if let Ok(results) = super::bindings::to_js(&crate::scoring::score(session.instrument, &session.assessment)) {
        announce(root, "results", &results);
    }
}

/// Today's date where the user is, as `YYYY-MM-DD`: due dates are the user's calendar days.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// Now, as an RFC 3339 UTC timestamp.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

/// A new storage id.
pub fn fresh_id() -> String {
    new_id(js_sys::Date::now(), js_sys::Math::random())
}
