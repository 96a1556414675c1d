//! One mounted toolkit: its state, and the event listeners that change it. Listeners are
//! attached once to the widget's root and dispatch on `data-*` attributes (event delegation),
//! so re-rendering a view never leaks or re-attaches closures, and several widgets on one page
//! never see each other's events.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement, HtmlTextAreaElement};

use crate::assessment::{Answer, Assessment, Response};
use crate::instrument::Instrument;
use crate::scoring::in_scope;

use super::view;

/// Which screen the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Context and questions.
    Questions,
    /// Scores and gaps.
    Results,
}

/// Everything one widget knows. Views are pure functions of it.
pub struct State {
    /// Prefix that keeps element ids unique when several widgets share a page.
    pub uid: String,
    /// The instrument being answered.
    pub instrument: &'static Instrument,
    /// The user's work.
    pub assessment: Assessment,
    /// The current screen.
    pub view: View,
    /// Set when the user asks for results with nothing answered.
    pub error: Option<String>,
}

impl State {
    /// Items the user is asked now, in instrument order, with their principle names.
    pub fn questions(&self) -> Vec<(&'static str, &'static crate::instrument::Item)> {
        let depth = self.assessment.depth;
        let scale = self.assessment.context.scale;
        self.instrument
            .items()
            .filter(|(_, item)| in_scope(item, depth, scale))
            .map(|(p, item)| (p.name.as_str(), item))
            .collect()
    }

    /// How many of the questions asked now have a response.
    pub fn answered(&self) -> usize {
        self.questions().iter().filter(|(_, item)| self.assessment.response(&item.id).is_some()).count()
    }
}

type Listener = Closure<dyn Fn(Event)>;

/// What keeps a mounted widget alive: its root and the listeners attached to it.
struct Mounted {
    host: Element,
    root: Element,
    state: Rc<RefCell<State>>,
    listeners: Vec<(&'static str, Listener)>,
}

thread_local! {
    /// Mounted widgets by uid. The page owns a widget until `unmount()`: if the handle that
    /// `mount` returned is dropped or garbage-collected, the widget must keep working.
    static MOUNTED: RefCell<BTreeMap<String, Mounted>> = const { RefCell::new(BTreeMap::new()) };
}

/// The handle `CollabToolkit.mount` returns.
#[wasm_bindgen]
pub struct Widget {
    uid: String,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget and its listeners from the page. Calling it twice does nothing.
    pub fn unmount(&self) {
        let Some(mounted) = MOUNTED.with(|m| m.borrow_mut().remove(&self.uid)) else { return };
        for (kind, listener) in &mounted.listeners {
            // Removing an attached listener cannot fail; if it somehow did, the root is
            // removed next anyway, taking its listeners with it.
            let _ = mounted.root.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        let _ = mounted.host.remove_child(&mounted.root);
    }

    /// The assessment as it stands, in the public format (with its results).
    #[wasm_bindgen(js_name = getAssessment)]
    pub fn get_assessment(&self) -> Result<JsValue, JsError> {
        let value = MOUNTED.with(|m| {
            let mounted = m.borrow();
            let state = mounted.get(&self.uid)?.state.try_borrow().ok()?;
            Some(crate::exchange::to_value(&state.assessment, state.instrument))
        });
        match value {
            Some(value) => super::bindings::to_js(&value),
            None => Err(JsError::new("this widget has been unmounted")),
        }
    }
}

/// Renders a widget into `host` and starts listening to it.
pub fn mount(host: Element, state: State) -> Result<Widget, JsValue> {
    let doc = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let root = doc.create_element("div")?;
    root.set_class_name("ctk");
    host.append_child(&root)?;
    let uid = state.uid.clone();
    let state = Rc::new(RefCell::new(state));
    view::render(&root, &state.borrow())?;

    let mut listeners = Vec::new();
    for kind in ["input", "change", "click"] {
        let (root_for_handler, state_for_handler) = (root.clone(), state.clone());
        let listener: Listener = Closure::new(move |event: Event| {
            // An event raised while a handler runs (a DOM change can fire one) is ignored
            // rather than allowed to borrow the state twice.
            let Ok(mut state) = state_for_handler.try_borrow_mut() else { return };
            if let Err(e) = handle(&root_for_handler, &mut state, &event) {
                web_sys::console::error_2(&JsValue::from_str("Collaboration Toolkit:"), &e);
            }
        });
        root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
        listeners.push((kind, listener));
    }
    MOUNTED.with(|m| m.borrow_mut().insert(uid.clone(), Mounted { host, root, state, listeners }));
    Ok(Widget { uid })
}

fn handle(root: &Element, state: &mut State, event: &Event) -> Result<(), JsValue> {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return Ok(()) };
    let now = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    match event.type_().as_str() {
        "input" | "change" => {
            let value = input_value(&target);
            if let Some(item) = target.get_attribute("data-item") {
                let answer = state.assessment.answers.entry(item).or_insert_with(Answer::default);
                answer.level = parse_response(&value);
            } else if let Some(item) = target.get_attribute("data-note") {
                let answer = state.assessment.answers.entry(item.clone()).or_insert_with(Answer::default);
                answer.note = value;
                if answer.level.is_none() && answer.note.is_empty() {
                    state.assessment.answers.remove(&item);
                }
            } else {
                match target.get_attribute("data-field").as_deref() {
                    Some("title") => state.assessment.context.title = value,
                    Some("scale") if event.type_() == "change" => {
                        state.assessment.context.scale = value.parse().ok();
                        // Which questions apply has changed: show the new set.
                        state.assessment.updated = now;
                        return view::render(root, state);
                    }
                    _ => return Ok(()),
                }
            }
            state.assessment.updated = now;
            if state.error.is_some() && state.answered() > 0 {
                state.error = None;
                return view::render(root, state);
            }
            view::update_progress(root, state)
        }
        "click" => {
            let Some(button) = target.closest("[data-action]")? else { return Ok(()) };
            let action = button.get_attribute("data-action").unwrap_or_default();
            match action.as_str() {
                "results" if state.answered() == 0 => {
                    state.error = Some("Answer at least one question to see your results".into());
                    view::render(root, state)
                }
                "results" => {
                    state.error = None;
                    state.view = View::Results;
                    view::render(root, state)
                }
                "back" => {
                    state.view = View::Questions;
                    view::render(root, state)
                }
                "goto" => {
                    event.prevent_default();
                    let id = button.get_attribute("data-target").unwrap_or_default();
                    match root.query_selector(&format!("[id=\"{id}\"]"))? {
                        Some(el) => super::dom::focus(&el),
                        None => Ok(()),
                    }
                }
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

fn input_value(target: &Element) -> String {
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
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
