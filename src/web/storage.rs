//! Saving work in the browser's localStorage, with every failure returned as a value.
//!
//! Keys are namespaced by the widget's storage key and the instrument id
//! (`collab-toolkit:<storageKey>:<instrument>:…`), so several widgets on one intranet site never
//! collide. Each assessment is stored as its export document under `…:a:<id>`; the last one
//! opened is named under `…:current`; an entry that cannot be read is copied to
//! `…:backup:<id>:<time>` before anything replaces it.
//!
//! This talks to `web_sys::Storage` directly rather than through gloo-storage: gloo's calls
//! `expect_throw` when storage is blocked or `getItem` throws, and a throw unwinding through
//! the widget's event handler would leave its state borrowed and the page frozen.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// Why something could not be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// localStorage is missing, turned off or blocked (private modes, policies, sandboxes).
    Unavailable,
    /// The browser's quota for this site is used up.
    Full,
    /// Anything else the browser reported.
    Failed(String),
}

impl StoreError {
    /// What the user is told, ending with what to do.
    pub fn explain(&self) -> String {
        let why = match self {
            StoreError::Unavailable => "storage is turned off or blocked in this browser".to_string(),
            StoreError::Full => "this browser's storage for the page is full".to_string(),
            StoreError::Failed(detail) => format!("the browser refused to save ({detail})"),
        };
        format!("Not saved in this browser: {why}. Export your assessment to keep your work.")
    }
}

/// One widget's corner of localStorage.
pub struct Store {
    storage: Option<Storage>,
    namespace: String,
}

fn failure(error: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "SecurityError" => StoreError::Unavailable,
        _ => {
            let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or(name);
            StoreError::Failed(message)
        }
    }
}

impl Store {
    /// Opens the store for a storage key and instrument. Reaching `window.localStorage` can
    /// itself throw (blocked cookies) or give nothing; then the store works in memory only.
    pub fn open(storage_key: &str, instrument_id: &str) -> Store {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Store { storage, namespace: format!("collab-toolkit:{storage_key}:{instrument_id}") }
    }

    /// Whether there is a storage to save in at all.
    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    fn storage(&self) -> Result<&Storage, StoreError> {
        self.storage.as_ref().ok_or(StoreError::Unavailable)
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(failure)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(failure)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(failure)
    }

    /// The key an assessment is stored under; `storage` events name it.
    pub fn doc_key(&self, id: &str) -> String {
        format!("{}:a:{id}", self.namespace)
    }

    /// Ids of every stored assessment, in no particular order.
    pub fn ids(&self) -> Vec<String> {
        let Ok(storage) = self.storage() else { return Vec::new() };
        let prefix = self.doc_key("");
        let length = storage.length().unwrap_or(0);
        (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|key| key.strip_prefix(&prefix).map(String::from))
            .collect()
    }

    /// The stored text of an assessment.
    pub fn read(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.get(&self.doc_key(id))
    }

    /// Stores an assessment's text.
    pub fn write(&self, id: &str, text: &str) -> Result<(), StoreError> {
        self.set(&self.doc_key(id), text)
    }

    /// Removes an assessment.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.remove(&self.doc_key(id))
    }

    /// The id of the assessment opened last.
    pub fn current(&self) -> Option<String> {
        self.get(&format!("{}:current", self.namespace)).ok().flatten()
    }

    /// Remembers which assessment is open.
    pub fn set_current(&self, id: &str) -> Result<(), StoreError> {
        self.set(&format!("{}:current", self.namespace), id)
    }

    /// Moves an unreadable entry to a backup key, so it is never silently overwritten, and
    /// returns that key.
    pub fn back_up(&self, id: &str, text: &str, now_ms: u64) -> Result<String, StoreError> {
        let key = format!("{}:backup:{id}:{now_ms}", self.namespace);
        self.set(&key, text)?;
        self.delete(id)?;
        Ok(key)
    }
}
