//! The widget's work and where it is kept: the open assessment, autosave after every change,
//! the list of saved assessments, import, and what happens when storage fails or another tab
//! writes the same entry. Nothing here touches the DOM.

use crate::assessment::{Assessment, Depth, InstrumentRef};
use crate::exchange;
use crate::instrument::Instrument;

use super::storage::Store;

/// Whether the open assessment is safely stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing has changed since it was opened or created.
    Unchanged,
    /// The last change is stored in this browser.
    Stored,
    /// The last change is only in memory, for this reason (which says what to do).
    InMemory(String),
    /// Another tab or window changed the stored copy; saving waits for the user to choose.
    Conflict,
}

/// The open assessment and the store behind it.
pub struct Session {
    /// The instrument being answered.
    pub instrument: &'static Instrument,
    /// The open assessment.
    pub assessment: Assessment,
    /// Its storage id.
    pub id: String,
    /// Where it is kept.
    pub store: Store,
    /// Whether its last change is stored.
    pub saved: SaveState,
    /// What this session last wrote or read for `id`: anything else found there came from
    /// another tab.
    last_text: Option<String>,
    /// The last deleted assessment (id, text), for "Undo".
    pub deleted: Option<(String, String)>,
    /// Something to tell the user once (an entry that could not be read, an import, …).
    pub notice: Option<String>,
    /// The saved assessments, refreshed when the list is shown.
    pub library: Vec<(String, Assessment)>,
}

/// A fresh storage id: the time and a random part, so two tabs never pick the same one.
pub fn new_id(now_ms: f64, random: f64) -> String {
    format!("{:x}-{:06x}", now_ms as u64, (random * 16_777_216.0) as u32)
}

impl Session {
    /// Opens the last assessment this store had open, or starts a new one.
    pub fn open(instrument: &'static Instrument, store: Store, depth: Depth, now: &str, fresh_id: String) -> Session {
        let blank = Assessment::new(reference(instrument), depth, now);
        let mut session = Session {
            instrument,
            assessment: blank,
            id: fresh_id,
            store,
            saved: SaveState::Unchanged,
            last_text: None,
            deleted: None,
            notice: None,
            library: Vec::new(),
        };
        if let Some(id) = session.store.current() {
            session.load(&id, now);
        }
        session
    }

    /// Makes a stored assessment the open one. An entry that cannot be read is backed up and
    /// the user told; the open assessment is then left as it was.
    pub fn load(&mut self, id: &str, now: &str) -> bool {
        let text = match self.store.read(id) {
            Ok(Some(text)) => text,
            Ok(None) | Err(_) => return false,
        };
        match exchange::import(&text, self.instrument) {
            Ok(assessment) => {
                self.assessment = assessment;
                self.id = id.to_string();
                self.last_text = Some(text);
                self.saved = SaveState::Unchanged;
                let _ = self.store.set_current(id);
                true
            }
            Err(problem) => {
                self.back_up(id, &text, &problem.to_string(), now);
                false
            }
        }
    }

    fn back_up(&mut self, id: &str, text: &str, why: &str, now: &str) {
        let stamp = now.chars().filter(char::is_ascii_digit).collect::<String>();
        let stamp = stamp.get(..14).unwrap_or(&stamp).parse().unwrap_or(0);
        self.notice = Some(match self.store.back_up(id, text, stamp) {
            Ok(key) => format!("A saved assessment could not be read ({why}). Its text has been kept in this browser under the key \"{key}\", and nothing was overwritten."),
            Err(e) => format!("A saved assessment could not be read ({why}), and could not be backed up: {}", e.explain()),
        });
    }

    /// Saves the open assessment after a change, unless another tab changed it first.
    pub fn persist(&mut self) {
        if self.saved == SaveState::Conflict {
            return;
        }
        let text = exchange::export(&self.assessment, self.instrument);
        match self.store.read(&self.id) {
            Ok(stored) if stored != self.last_text => {
                self.saved = SaveState::Conflict;
                return;
            }
            Ok(_) => {}
            Err(e) => {
                self.saved = SaveState::InMemory(e.explain());
                return;
            }
        }
        match self.store.write(&self.id, &text) {
            Ok(()) => {
                self.last_text = Some(text);
                self.saved = SaveState::Stored;
                let _ = self.store.set_current(&self.id);
            }
            Err(e) => self.saved = SaveState::InMemory(e.explain()),
        }
    }

    /// Another tab wrote `key` (a `storage` event): if it is ours, saving waits for the user.
    pub fn external_change(&mut self, key: Option<&str>, value: Option<String>) {
        let ours = key.is_none() || key == Some(self.store.doc_key(&self.id).as_str());
        if ours && value != self.last_text && self.last_text.is_some() {
            self.saved = SaveState::Conflict;
        }
    }

    /// Settles a conflict: keep this tab's version (and overwrite the stored one), or load
    /// the stored one (and drop this tab's changes).
    pub fn resolve(&mut self, keep_mine: bool, now: &str) {
        let stored = self.store.read(&self.id).ok().flatten();
        let id = self.id.clone();
        if !keep_mine && stored.is_some() && self.load(&id, now) {
            return;
        }
        self.last_text = stored;
        self.saved = SaveState::Stored;
        self.persist();
    }

    /// Re-reads the list of saved assessments, newest first. Unreadable entries are backed up.
    pub fn refresh_library(&mut self, now: &str) {
        let mut library = Vec::new();
        for id in self.store.ids() {
            let Ok(Some(text)) = self.store.read(&id) else { continue };
            match exchange::import(&text, self.instrument) {
                Ok(assessment) => library.push((id, assessment)),
                Err(problem) => self.back_up(&id, &text, &problem.to_string(), now),
            }
        }
        crate::sort_by(&mut library, |a, b| b.1.updated.cmp(&a.1.updated));
        self.library = library;
    }

    /// Starts a new, blank assessment (stored from its first change).
    pub fn create(&mut self, depth: Depth, now: &str, fresh_id: String) {
        self.assessment = Assessment::new(reference(self.instrument), depth, now);
        self.id = fresh_id;
        self.last_text = None;
        self.saved = SaveState::Unchanged;
    }

    /// Adds an assessment as a new stored entry and opens it.
    pub fn adopt(&mut self, assessment: Assessment, fresh_id: String) {
        self.assessment = assessment;
        self.id = fresh_id;
        self.last_text = None;
        self.saved = SaveState::Unchanged;
        self.persist();
    }

    /// Deletes a stored assessment, keeping its text for "Undo".
    pub fn delete(&mut self, id: &str, now: &str, fresh_id: String) {
        let Ok(Some(text)) = self.store.read(id) else { return };
        if self.store.delete(id).is_err() {
            return;
        }
        let title = exchange::import(&text, self.instrument).map(|a| a.context.title).unwrap_or_default();
        self.notice = Some(format!("Deleted \"{}\".", display_title(&title)));
        self.deleted = Some((id.to_string(), text));
        if id == self.id {
            let depth = self.assessment.depth;
            self.create(depth, now, fresh_id);
        }
        self.refresh_library(now);
    }

    /// Puts back the last deleted assessment.
    pub fn undo_delete(&mut self, now: &str) {
        if let Some((id, text)) = self.deleted.take() {
            match self.store.write(&id, &text) {
                Ok(()) => self.notice = Some("Restored the deleted assessment.".into()),
                Err(e) => self.notice = Some(e.explain()),
            }
        }
        self.refresh_library(now);
    }
}

fn reference(instrument: &Instrument) -> InstrumentRef {
    InstrumentRef { id: instrument.id.clone(), version: instrument.version.clone() }
}

/// A title for lists and messages, never empty.
pub fn display_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "Untitled collaboration"
    } else {
        title
    }
}
