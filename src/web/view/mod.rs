//! The widget's screens, drawn from state. Markup follows the NHS design system patterns:
//! one fieldset and legend per question, hints linked by `aria-describedby`, an error summary,
//! and a heading that takes focus when the screen changes.

mod questions;
mod results;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::focus;
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
}

/// Replaces the widget's content with the current screen.
pub fn render(root: &Element, state: &State, focus_to: Focus) -> Result<(), JsValue> {
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the widget is not in a document"))?;
    let kept = match focus_to {
        Focus::Keep => doc.active_element().map(|el| el.id()).filter(|id| !id.is_empty()),
        Focus::Heading => None,
    };
    let view = match state.view {
        View::Questions => questions::questions(&doc, state),
        View::Results => results::results(&doc, state),
    }
    .build()?;
    root.replace_children_with_node_1(&view);
    let target = match kept {
        Some(id) => root.query_selector(&format!("[id=\"{id}\"]"))?,
        None => match root.query_selector(".ctk-error-summary")? {
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
