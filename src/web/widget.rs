//! One mounted toolkit: its state, and the event listeners that change it. Listeners are
//! attached once to the widget's root and dispatch on `data-*` attributes (event delegation),
//! so re-rendering a view never leaks or re-attaches closures, and several widgets on one page
//! never see each other's events.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement, HtmlTextAreaElement};

use crate::assessment::{Assessment, Basis, Continuum, Depth, Options, Response, Stage};
use crate::instrument::{Instrument, Item, Principle};
use crate::scoring::in_scope;

use super::view::{self, Focus};

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
    /// Items the user is asked now, in instrument order, with their principles.
    pub fn questions(&self) -> Vec<(&'static Principle, &'static Item)> {
        let (depth, scale) = (self.assessment.depth, self.assessment.context.scale);
        self.instrument.items().filter(|(_, item)| in_scope(item, depth, scale)).collect()
    }

    /// How many of the questions asked now have a response.
    pub fn answered(&self) -> usize {
        self.questions().iter().filter(|(_, item)| self.assessment.response(&item.id).is_some()).count()
    }

    /// How many questions of the chosen depth the chosen scale hides.
    pub fn hidden_by_scale(&self) -> usize {
        let depth = self.assessment.depth;
        let all = self.instrument.items().filter(|(_, item)| in_scope(item, depth, None)).count();
        all - self.questions().len()
    }

    /// The wording to show: readiness for a collaboration that is still planned.
    pub fn statement<'a>(&self, item: &'a Item) -> &'a str {
        match self.assessment.context.stage {
            Some(Stage::Planned) => &item.readiness,
            _ => &item.statement,
        }
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
    view::render(&root, &state.borrow(), Focus::Heading)?;

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
    match event.type_().as_str() {
        "input" | "change" => edit(root, state, &target, event.type_() == "change"),
        "click" => click(root, state, &target, event),
        _ => Ok(()),
    }
}

/// An input changed: record it, then redraw only what depends on it.
fn edit(root: &Element, state: &mut State, target: &Element, committed: bool) -> Result<(), JsValue> {
    let value = input_value(target);
    let mut redraw = false;
    if let Some(item) = target.get_attribute("data-item") {
        state.assessment.answers.entry(item).or_default().level = parse_response(&value);
    } else if let Some(item) = target.get_attribute("data-note") {
        let answer = state.assessment.answers.entry(item.clone()).or_default();
        answer.note = value;
        if answer.level.is_none() && answer.note.is_empty() {
            state.assessment.answers.remove(&item);
        }
    } else {
        let context = &mut state.assessment.context;
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
                state.assessment.depth = Depth::from_name(&value).unwrap_or(state.assessment.depth);
                redraw = true;
            }
            _ => return Ok(()),
        }
    }
    state.assessment.updated = now();
    if state.error.is_some() && state.answered() > 0 {
        state.error = None;
        redraw = true;
    }
    if redraw {
        view::render(root, state, Focus::Keep)
    } else {
        view::update_progress(root, state)
    }
}

fn click(root: &Element, state: &mut State, target: &Element, event: &Event) -> Result<(), JsValue> {
    let Some(button) = target.closest("[data-action]")? else { return Ok(()) };
    match button.get_attribute("data-action").as_deref() {
        Some("results") if state.answered() == 0 => {
            state.error = Some("Answer at least one question to see your results".into());
            view::render(root, state, Focus::Heading)
        }
        Some("results") => {
            state.error = None;
            state.view = View::Results;
            view::render(root, state, Focus::Heading)
        }
        Some("back") => {
            state.view = View::Questions;
            view::render(root, state, Focus::Heading)
        }
        Some("goto") => {
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

fn now() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
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
