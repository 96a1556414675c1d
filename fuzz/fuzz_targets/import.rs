//! Import must refuse any input with an error, never panic. Run (see README, "Fuzzing"):
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run import -- -max_total_time=300`
#![no_main]

use collab_toolkit::{exchange, Instrument};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let instrument = Instrument::builtin().expect("the built-in instrument is valid");
    let text = String::from_utf8_lossy(data);
    if let Ok(assessment) = exchange::import(&text, instrument) {
        // Whatever is accepted must export and import back to itself, and score without panic.
        let again = exchange::import(&exchange::export(&assessment, instrument), instrument);
        assert_eq!(again.as_ref(), Ok(&assessment));
        let _ = collab_toolkit::score(instrument, &assessment);
        let _ = exchange::to_csv(&assessment, instrument);
    }
});
