//! One mounted toolkit: its state, and the listeners that feed events to the controller.
//! Listeners are attached once to the widget's root and dispatch on `data-*` attributes (event
//! delegation), so redrawing never leaks or re-attaches closures, and several widgets on one
//! page never see each other's events.

use std::cell::RefCell;
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
    /// "Check your answers", between the questions and the results.
    Check,
    /// Scores and gaps.
    Results,
    /// Saved assessments, export and import.
    Library,
    /// Many partners' files compared.
    Compare,
}

/// Screens the embedding page has hidden.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hidden {
    /// The "Saved, export and import" screen.
    pub import_export: bool,
    /// The "Compare" screen.
    pub compare: bool,
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
    /// Screens the host page hid.
    pub hidden: Hidden,
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
    /// A list, not a map: a page has a handful of widgets.
    static MOUNTED: RefCell<Vec<(String, Mounted)>> = const { RefCell::new(Vec::new()) };
}

fn mounted<'a>(all: &'a [(String, Mounted)], uid: &str) -> Option<&'a Mounted> {
    all.iter().find(|(id, _)| id == uid).map(|(_, mounted)| mounted)
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
        let Some((_, mounted)) = MOUNTED.with(|m| {
            let mut all = m.borrow_mut();
            let at = all.iter().position(|(uid, _)| *uid == self.uid)?;
            Some(all.remove(at))
        }) else {
            return;
        };
        for (target, kind, listener) in &mounted.listeners {
            // Removing an attached listener cannot fail; if it somehow did, the root is
            // removed next anyway, taking its own listeners with it.
            let _ = target.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        // A shadow root cannot be detached; emptying it lets the element be mounted again.
        mounted.ctx.root.remove();
        let _ = &mounted.host;
    }

    /// Replaces the open assessment with `assessment` (checked like an import; an invalid one
    /// changes nothing and throws an Error saying what is wrong), saves it, and shows it.
    #[wasm_bindgen(js_name = setAssessment)]
    pub fn set_assessment(&self, assessment: JsValue) -> Result<(), JsError> {
        let assessment = super::bindings::assessment_from_js(assessment)?;
        let ctx = MOUNTED.with(|m| mounted(&m.borrow(), &self.uid).map(|mounted| mounted.ctx.clone()));
        let ctx = ctx.ok_or_else(|| JsError::new("this widget has been unmounted"))?;
        let mut state = ctx.state.try_borrow_mut().map_err(|_| JsError::new("the widget is busy: try again"))?;
        state.session.adopt(assessment, controller::fresh_id());
        view::render(&ctx.root, &state, Focus::None).map_err(|e| JsError::new(&format!("could not draw the toolkit: {e:?}")))
    }

    /// The assessment as it stands, in the public format (with its results).
    #[wasm_bindgen(js_name = getAssessment)]
    pub fn get_assessment(&self) -> Result<JsValue, JsError> {
        let value = MOUNTED.with(|m| {
            let mounted = m.borrow();
            let state = self::mounted(&mounted, &self.uid)?.ctx.state.try_borrow().ok()?;
            Some(crate::exchange::export(&state.session.assessment, state.instrument))
        });
        match value {
            Some(text) => super::bindings::parse_js(&text),
            None => Err(JsError::new("this widget has been unmounted")),
        }
    }
}

/// The widget's stylesheet, compiled in and shared by every widget on the page.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

fn stylesheet() -> Result<web_sys::CssStyleSheet, JsValue> {
    if let Some(sheet) = SHEET.with(|s| s.borrow().clone()) {
        return Ok(sheet);
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(CSS)?;
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}

/// Opens (or reuses, after `unmount`) the host's shadow root and gives it the stylesheet.
fn shadow(host: &Element) -> Result<web_sys::ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(root) if root.child_element_count() == 0 => root,
        Some(_) => return Err(JsValue::from_str("a widget is already mounted on this element: unmount it first")),
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| JsValue::from_str("this element cannot hold the widget: mount it on a <div> or <section>"))?,
    };
    js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&stylesheet()?.into()))?;
    Ok(root)
}

/// Raises `collabtoolkit:<name>` on the host element, where the host page can listen for it.
/// It bubbles and crosses out of the shadow root.
pub fn announce(root: &Element, name: &str, detail: &JsValue) {
    let Some(host) = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|s| s.host()) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("collabtoolkit:{name}"), &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Renders a widget into an open shadow root on `host`, and starts listening to it and to
/// other tabs' storage writes.
pub fn mount(host: Element, state: State) -> Result<Widget, JsValue> {
    let doc = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let shadow = shadow(&host)?;
    let root = doc.create_element("div")?;
    root.set_attribute("class", "ctk")?;
    shadow.append_child(&root)?;
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
    MOUNTED.with(|m| m.borrow_mut().push((uid.clone(), Mounted { host, ctx, listeners })));
    Ok(Widget { uid })
}
