//! One mounted toolkit: its state, and the listeners that feed events to the controller.
//! Listeners are attached once to the widget's root and dispatch on `data-*` attributes (event
//! delegation), so redrawing never leaks or re-attaches closures, and several widgets on one
//! page never see each other's events.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event};

use crate::assessment::{Assessment, Stage};
use crate::instrument::{Instrument, Item, Principle};
use crate::scoring::in_scope;

use super::controller;
use super::session::Session;
use super::view::{self, Focus};

/// Which screen the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Context and questions.
    Questions,
    /// Scores and gaps.
    Results,
    /// Saved assessments, export and import.
    Library,
    /// Many partners' files compared.
    Compare,
}

/// Everything one widget knows. Views are pure functions of it.
pub struct State {
    /// Prefix that keeps element ids unique when several widgets share a page.
    pub uid: String,
    /// The instrument being answered.
    pub instrument: &'static Instrument,
    /// The open assessment and its storage.
    pub session: Session,
    /// The current screen.
    pub view: View,
    /// Set when the user asks for results with nothing answered.
    pub error: Option<String>,
    /// Problems found in files the user tried to import, one line each.
    pub import_problems: Vec<String>,
    /// The saved assessment whose name is being edited.
    pub renaming: Option<String>,
    /// Files loaded for comparing (file name, assessment).
    pub compare_current: Vec<(String, Assessment)>,
    /// Files of an earlier round to compare against.
    pub compare_earlier: Vec<(String, Assessment)>,
    /// Files left out of the comparison, with why.
    pub compare_problems: Vec<String>,
    /// The last action deleted from the plan, and where it was, for "Undo".
    pub plan_undo: Option<(usize, crate::assessment::Action)>,
}

impl State {
    /// Items the user is asked now, in instrument order, with their principles.
    pub fn questions(&self) -> Vec<(&'static Principle, &'static Item)> {
        let assessment = &self.session.assessment;
        let (depth, scale) = (assessment.depth, assessment.context.scale);
        self.instrument.items().filter(|(_, item)| in_scope(item, depth, scale)).collect()
    }

    /// How many of the questions asked now have a response.
    pub fn answered(&self) -> usize {
        self.questions().iter().filter(|(_, item)| self.session.assessment.response(&item.id).is_some()).count()
    }

    /// How many questions of the chosen depth the chosen scale hides.
    pub fn hidden_by_scale(&self) -> usize {
        let depth = self.session.assessment.depth;
        let all = self.instrument.items().filter(|(_, item)| in_scope(item, depth, None)).count();
        all - self.questions().len()
    }

    /// The wording to show: readiness for a collaboration that is still planned.
    pub fn statement<'a>(&self, item: &'a Item) -> &'a str {
        match self.session.assessment.context.stage {
            Some(Stage::Planned) => &item.readiness,
            _ => &item.statement,
        }
    }
}

/// The root element and the state, shared by the widget's listeners and async callbacks.
#[derive(Clone)]
pub struct Ctx {
    /// The widget's root element.
    pub root: Element,
    /// Its state.
    pub state: Rc<RefCell<State>>,
}

impl Ctx {
    /// Runs `f` on the state, unless a handler is already running: an event raised by a DOM
    /// change inside a handler is ignored rather than allowed to borrow the state twice.
    pub fn with(&self, f: impl FnOnce(&Element, &mut State) -> Result<(), JsValue>) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        if let Err(e) = f(&self.root, &mut state) {
            web_sys::console::error_2(&JsValue::from_str("Collaboration Toolkit:"), &e);
        }
    }
}

type Listener = Closure<dyn Fn(Event)>;

/// What keeps a mounted widget alive: its root and the listeners attached to it.
struct Mounted {
    host: Element,
    ctx: Ctx,
    listeners: Vec<(web_sys::EventTarget, &'static str, Listener)>,
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
        for (target, kind, listener) in &mounted.listeners {
            // Removing an attached listener cannot fail; if it somehow did, the root is
            // removed next anyway, taking its own listeners with it.
            let _ = target.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        let _ = mounted.host.remove_child(&mounted.ctx.root);
    }

    /// The assessment as it stands, in the public format (with its results).
    #[wasm_bindgen(js_name = getAssessment)]
    pub fn get_assessment(&self) -> Result<JsValue, JsError> {
        let value = MOUNTED.with(|m| {
            let mounted = m.borrow();
            let state = mounted.get(&self.uid)?.ctx.state.try_borrow().ok()?;
            Some(crate::exchange::to_value(&state.session.assessment, state.instrument))
        });
        match value {
            Some(value) => super::bindings::to_js(&value),
            None => Err(JsError::new("this widget has been unmounted")),
        }
    }
}

/// Renders a widget into `host` and starts listening to it and to other tabs' storage writes.
pub fn mount(host: Element, state: State) -> Result<Widget, JsValue> {
    let doc = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let root = doc.create_element("div")?;
    root.set_class_name("ctk");
    host.append_child(&root)?;
    let uid = state.uid.clone();
    let ctx = Ctx { root: root.clone(), state: Rc::new(RefCell::new(state)) };
    view::render(&root, &ctx.state.borrow(), Focus::None)?;

    let mut listeners = Vec::new();
    let mut listen = |target: web_sys::EventTarget, kind: &'static str| -> Result<(), JsValue> {
        let for_handler = ctx.clone();
        let listener: Listener = Closure::new(move |event: Event| controller::handle(&for_handler, &event));
        target.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
        listeners.push((target, kind, listener));
        Ok(())
    };
    for kind in ["input", "change", "click", "dragover", "dragleave", "drop"] {
        listen(root.clone().into(), kind)?;
    }
    if let Some(window) = web_sys::window() {
        listen(window.into(), "storage")?;
    }
    MOUNTED.with(|m| m.borrow_mut().insert(uid.clone(), Mounted { host, ctx, listeners }));
    Ok(Widget { uid })
}
