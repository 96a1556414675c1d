//! Small helpers for building DOM trees from Rust. Text always goes in as text nodes or
//! attribute values, never parsed as HTML, so user and imported text cannot inject markup.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// An element under construction. DOM calls can fail only on names we write ourselves (an
/// invalid tag or attribute name), so the first failure is carried to `build()` rather than
/// checked at every step.
pub struct H {
    doc: Document,
    el: Result<Element, JsValue>,
}

impl H {
    /// A new element of `tag`.
    pub fn new(doc: &Document, tag: &str) -> H {
        H { doc: doc.clone(), el: doc.create_element(tag) }
    }

    /// A new SVG element of `tag` (charts are drawn by our code as SVG).
    pub fn svg(doc: &Document, tag: &str) -> H {
        H { doc: doc.clone(), el: doc.create_element_ns(Some("http://www.w3.org/2000/svg"), tag) }
    }

    fn and(mut self, step: impl FnOnce(&Document, &Element) -> Result<(), JsValue>) -> H {
        if let Ok(el) = &self.el {
            if let Err(e) = step(&self.doc, el) {
                self.el = Err(e);
            }
        }
        self
    }

    /// Sets the class attribute. Through `setAttribute`, which reports failure as a value:
    /// `className` is read-only on SVG elements, and its uncaught throw unwound through the
    /// event handler with the widget's state still borrowed, freezing the widget.
    pub fn class(self, class: &str) -> H {
        self.attr("class", class)
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> H {
        self.and(|_, el| el.set_attribute(name, value))
    }

    /// Sets an attribute only when `on` is true (for boolean attributes such as `checked`).
    pub fn flag(self, name: &str, on: bool) -> H {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// Appends text, as a text node.
    pub fn text(self, text: &str) -> H {
        self.and(|doc, el| el.append_child(&doc.create_text_node(text)).map(drop))
    }

    /// Appends a child element.
    pub fn child(self, child: H) -> H {
        match child.el {
            Ok(child) => self.and(|_, el| el.append_child(&child).map(drop)),
            Err(e) => H { doc: self.doc, el: Err(e) },
        }
    }

    /// Appends every child.
    pub fn children(self, children: impl IntoIterator<Item = H>) -> H {
        children.into_iter().fold(self, H::child)
    }

    /// The finished element.
    pub fn build(self) -> Result<Element, JsValue> {
        self.el
    }
}

/// Moves focus to an element (a view's heading, so screen readers announce the new view).
pub fn focus(el: &Element) -> Result<(), JsValue> {
    match el.dyn_ref::<HtmlElement>() {
        Some(el) => el.focus(),
        None => Ok(()),
    }
}

/// The id of the focused element inside the widget's shadow root (the document's own
/// `activeElement` is only the host element), if it has one.
pub fn active_id(root: &Element) -> Option<String> {
    let shadow: web_sys::ShadowRoot = root.get_root_node().dyn_into().ok()?;
    shadow.active_element().map(|el| el.id()).filter(|id| !id.is_empty())
}

/// Focuses the element with this id inside the widget, if there is one. Ids may hold dots
/// (item ids), so the selector quotes them.
pub fn focus_by_id(root: &Element, id: &str) -> Result<(), JsValue> {
    match root.query_selector(&format!("[id=\"{id}\"]"))? {
        Some(el) => focus(&el),
        None => Ok(()),
    }
}
