//! # Collaboration Toolkit
//!
//! A self-assessment and SMART action-planning tool for partnership working in health and
//! care. Respondents rate their collaboration against the principles of an [`Instrument`];
//! [`score`] turns an [`Assessment`] into [`Results`]: principle scores and bands, priority and
//! evidence gaps, and where Healthcare Leadership Model development is most needed.
//!
//! The core is pure Rust with no JavaScript types, tested natively. `src/web/` (built only for
//! `wasm32`) is the thin layer that exposes it to the browser as `CollabToolkit`.
//!
//! ```
//! use collab_toolkit::{exchange, score, Instrument};
//!
//! let instrument = Instrument::builtin().unwrap();
//! let text = r#"{ "format": "collab-toolkit/assessment", "format_version": 1,
//!   "instrument": { "id": "collab-audit", "version": "1.0.0" },
//!   "created": "2026-11-22T10:00:00Z", "updated": "2026-11-22T10:00:00Z", "depth": "quick",
//!   "context": { "title": "Joint frailty clinic", "scale": 1 },
//!   "answers": { "trust.openness": { "level": 4 }, "purpose.shared": { "level": 3 } },
//!   "actions": [] }"#;
//! let assessment = exchange::import(text, instrument).unwrap();
//! let results = score(instrument, &assessment);
//! assert_eq!(results.overall.unwrap().percent, 63); // mean 3.5
//! assert_eq!(results.weakest.as_deref(), Some("purpose"));
//! ```
#![deny(missing_docs)]

/// Answers, context and actions: the documents users save and exchange.
pub mod assessment;
/// Many assessments compared: agreement, divergence, change.
pub mod compare;
/// One error type whose messages say what is wrong and where.
pub mod error;
/// Export, import, migration and validation of the assessment file format.
pub mod exchange;
/// The JSON reader for everything that comes in from outside.
pub mod json;
/// The audit's model; its content is data compiled into the module.
pub mod instrument;
/// SMART checks on actions.
pub mod plan;
/// Assessment + Instrument → Results, by the exact rules.
pub mod scoring;

/// The browser layer (wasm32 only): the `CollabToolkit` JS API and the widget.
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Sorts `items` stably by `cmp`. Every sort in the crate goes through [`order_by`], one
/// non-generic sort of positions: each distinct `sort_by` would add about 4 KB to the module.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    let order = order_by(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..len` in the stable order `cmp` gives them.
pub(crate) fn order_by(len: usize, cmp: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

pub use assessment::{Answer, Assessment, Depth, Response};
pub use error::{Error, ErrorKind};
pub use instrument::Instrument;
pub use scoring::{score, Results};
