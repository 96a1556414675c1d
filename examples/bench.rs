//! Native timings for BENCHMARKS.md: `score()` of one in-depth assessment, and reading and
//! comparing 10,000 of them, the same documents `scripts/bench.mjs` times in the page.
//! Prints one JSON object; `node scripts/bench.mjs` runs it with `cargo run --release`.
use std::time::Instant;

use collab_toolkit::{compare::compare, exchange, score, Instrument};

/// The document bench.mjs builds for assessment `n`: every item answered, levels cycling.
fn document(instrument: &Instrument, n: usize) -> String {
    let orgs = ["North Trust", "Riverside PCN", "County Council", "Hospice"];
    let answers: Vec<String> = instrument
        .items()
        .enumerate()
        .map(|(k, (_, item))| format!("\"{}\":{{\"level\":{}}}", item.id, (n * 7 + k * 3) % 5 + 1))
        .collect();
    format!(
        r#"{{"format":"collab-toolkit/assessment","format_version":1,"instrument":{{"id":"{}","version":"{}"}},"created":"2026-11-22T10:00:00Z","updated":"2026-11-22T10:00:00Z","depth":"deep","context":{{"title":"Frailty","organisation":"{}","scale":5}},"answers":{{{}}},"actions":[]}}"#,
        instrument.id,
        instrument.version,
        orgs[n % 4],
        answers.join(",")
    )
}

/// Runs `f` `runs` times and returns each time in milliseconds.
fn time(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let instrument = match Instrument::builtin() {
        Ok(instrument) => instrument,
        Err(e) => {
            eprintln!("bench: the built-in instrument is invalid: {e}");
            std::process::exit(1);
        }
    };
    let one = match exchange::import(&document(instrument, 1), instrument) {
        Ok(one) => one,
        Err(e) => {
            eprintln!("bench: the benchmark document is refused: {e}");
            std::process::exit(1);
        }
    };
    let score_ms = median(time(2000, || {
        std::hint::black_box(score(instrument, std::hint::black_box(&one)));
    }));
    let many = format!("[{}]", (0..10_000).map(|n| document(instrument, n)).collect::<Vec<_>>().join(","));
    let mut read = Vec::new();
    let read_ms = median(time(7, || read = exchange::import_many(&many, instrument, "assessments").unwrap_or_default()));
    let compare_ms = median(time(7, || {
        std::hint::black_box(compare(instrument, &read, None));
    }));
    println!(
        r#"{{"score_ms": {score_ms:.4}, "read_10000_ms": {read_ms:.1}, "compare_10000_ms": {compare_ms:.1}, "documents": {}, "bytes": {}}}"#,
        read.len(),
        many.len()
    );
}
