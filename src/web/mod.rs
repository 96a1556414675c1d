//! The browser layer, built only for `wasm32`: the `CollabToolkit` JavaScript API and the
//! widget that renders the questionnaire and results. It holds no scoring logic: every figure
//! it shows comes from the core.

pub mod bindings;
pub(crate) mod controller;
mod dom;
mod session;
mod storage;
mod view;
pub mod widget;
