//! Assessment + Instrument → Results, by the exact rules in `PRODUCT.md`.
//!
//! Means are kept as exact fractions ([`Ratio`]) until they are written out, so bands and
//! percents follow the true value: an overall mean of exactly 3.5 is 63 %, never 62 %.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Depth, Response};
use crate::instrument::{Instrument, Item};

/// Everything the results view shows, in the public shape `CollabToolkit.score` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Mean of the principle means that exist; `None` when no principle has a score.
    pub overall: Option<Score>,
    /// The principle with the lowest mean (first in instrument order on a tie).
    pub weakest: Option<String>,
    /// In-scope items with any response, divided by in-scope items (0 when none are in scope).
    pub completeness: f64,
    /// One entry per principle, in instrument order.
    pub principles: Vec<PrincipleResult>,
    /// In-scope items answered 1 or 2, most urgent first.
    pub priority_gaps: Vec<String>,
    /// In-scope items answered "unsure", in instrument order.
    pub evidence_gaps: Vec<String>,
    /// Leadership dimensions ranked by need, highest first; dimensions with no figure left out.
    pub leadership: Vec<LeadershipNeed>,
}

/// A mean with its percent and band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Mean level, 1 to 5.
    pub mean: f64,
    /// round((mean − 1) / 4 × 100).
    pub percent: u8,
    /// Strength, developing or concern.
    pub band: Band,
}

/// How a mean reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// Mean of 4.0 or more.
    Strength,
    /// Mean from 3.0 up to, not including, 4.0.
    Developing,
    /// Mean below 3.0.
    Concern,
}

/// One principle's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrincipleResult {
    /// Principle id.
    pub id: String,
    /// Mean of its in-scope levels; `None` when there is not enough evidence.
    pub mean: Option<f64>,
    /// Percent of the mean.
    pub percent: Option<u8>,
    /// Band of the mean.
    pub band: Option<Band>,
    /// Items in scope.
    pub in_scope: u32,
    /// In-scope items answered with a level.
    pub answered: u32,
    /// In-scope items answered "unsure".
    pub unsure: u32,
    /// In-scope items answered "not applicable".
    pub na: u32,
}

/// How much one leadership dimension needs developing: 0 (every item at 5) to 1 (every item at 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadershipNeed {
    /// Dimension id.
    pub dimension: String,
    /// Σ(5 − level) / Σ4 over its in-scope items that have a level.
    pub need: f64,
}

/// A non-negative fraction kept exact. Denominators stay small (at most a few hundred: item
/// counts and their least common multiples), so `u64` cannot overflow.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    num: u64,
    den: u64,
}

impl Ratio {
    /// `num / den`; `den` must not be 0.
    pub fn new(num: u64, den: u64) -> Ratio {
        debug_assert!(den != 0, "a ratio needs a denominator");
        let g = gcd(num, den).max(1);
        Ratio { num: num / g, den: den / g }
    }

    /// The exact sum.
    pub fn plus(self, other: Ratio) -> Ratio {
        Ratio::new(self.num * other.den + other.num * self.den, self.den * other.den)
    }

    /// The exact quotient by a whole number (not 0).
    pub fn over(self, by: u64) -> Ratio {
        Ratio::new(self.num, self.den * by)
    }

    /// The nearest `f64`, for output only.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// round((mean − 1) / 4 × 100), halves rounded up, on the exact value.
    pub fn percent(self) -> u8 {
        let above_one = self.num.saturating_sub(self.den) * 100;
        let den = 4 * self.den;
        ((2 * above_one + den) / (2 * den)) as u8
    }

    /// The band of a mean, on the exact value.
    pub fn band(self) -> Band {
        if self.num >= 4 * self.den {
            Band::Strength
        } else if self.num >= 3 * self.den {
            Band::Developing
        } else {
            Band::Concern
        }
    }

    fn score(self) -> Score {
        Score { mean: self.to_f64(), percent: self.percent(), band: self.band() }
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ratio {}
impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Whether an item counts for this depth and scale. With no scale chosen, nothing is hidden.
pub fn in_scope(item: &Item, depth: Depth, scale: Option<u8>) -> bool {
    (depth == Depth::Deep || item.core) && scale.is_none_or(|scale| scale >= item.min_scale)
}

/// Writes a mean for people: one decimal, rounded down on the exact value, so the figure shown
/// never crosses a band edge the mean has not reached (3.96 shows "3.9", still "developing").
pub fn format_mean(mean: f64) -> String {
    // True means are fractions with small denominators, so a value just under a tenth is a
    // float artefact of one exactly on it; 1e-9 is far below the smallest real gap (1/4800).
    let tenths = (mean * 10.0 + 1e-9).floor() as i64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Each principle's exact mean in instrument order: the mean of its in-scope items answered
/// with a level, or `None` when there are none. `unsure`, `na` and absent are left out.
pub fn principle_means(instrument: &Instrument, assessment: &Assessment) -> Vec<Option<Ratio>> {
    let (depth, scale) = (assessment.depth, assessment.context.scale);
    instrument
        .principles
        .iter()
        .map(|principle| {
            let (sum, count) = principle
                .items
                .iter()
                .filter(|item| in_scope(item, depth, scale))
                .filter_map(|item| match assessment.response(&item.id) {
                    Some(Response::Level(level)) => Some(u64::from(level)),
                    _ => None,
                })
                .fold((0, 0), |(sum, count), level| (sum + level, count + 1));
            (count > 0).then(|| Ratio::new(sum, count))
        })
        .collect()
}

/// The mean of the principle means that exist (principles weigh equally), exactly.
pub fn overall_mean(means: &[Option<Ratio>]) -> Option<Ratio> {
    let scored: Vec<Ratio> = means.iter().flatten().copied().collect();
    (!scored.is_empty()).then(|| scored.iter().fold(Ratio::new(0, 1), |acc, mean| acc.plus(*mean)).over(scored.len() as u64))
}

/// Scores an assessment. Pure: the same answers always give the same results, and any results
/// stored in a document are ignored.
pub fn score(instrument: &Instrument, assessment: &Assessment) -> Results {
    let depth = assessment.depth;
    let scale = assessment.context.scale;
    let means = principle_means(instrument, assessment);

    let mut principles = Vec::with_capacity(instrument.principles.len());
    let (mut in_scope_total, mut responded_total) = (0u32, 0u32);
    for (principle, mean) in instrument.principles.iter().zip(&means) {
        let score = mean.map(Ratio::score);
        let mut result = PrincipleResult {
            id: principle.id.clone(),
            mean: score.as_ref().map(|s| s.mean),
            percent: score.as_ref().map(|s| s.percent),
            band: score.as_ref().map(|s| s.band),
            in_scope: 0,
            answered: 0,
            unsure: 0,
            na: 0,
        };
        for item in principle.items.iter().filter(|item| in_scope(item, depth, scale)) {
            result.in_scope += 1;
            match assessment.response(&item.id) {
                Some(Response::Level(_)) => result.answered += 1,
                Some(Response::Unsure) => result.unsure += 1,
                Some(Response::Na) => result.na += 1,
                None => {}
            }
        }
        in_scope_total += result.in_scope;
        responded_total += result.answered + result.unsure + result.na;
        principles.push(result);
    }

    let overall = overall_mean(&means).map(Ratio::score);
    let scored: Vec<(usize, Ratio)> =
        means.iter().enumerate().filter_map(|(i, mean)| mean.map(|m| (i, m))).collect();
    // min_by_key keeps the first of equal keys: ties go to instrument order.
    let weakest = scored
        .iter()
        .min_by_key(|(_, mean)| *mean)
        .map(|(i, _)| instrument.principles[*i].id.clone());

    let completeness = if in_scope_total == 0 {
        0.0
    } else {
        f64::from(responded_total) / f64::from(in_scope_total)
    };

    let scoped: Vec<(usize, &Item)> = instrument
        .principles
        .iter()
        .enumerate()
        .flat_map(|(p, principle)| principle.items.iter().map(move |item| (p, item)))
        .filter(|(_, item)| in_scope(item, depth, scale))
        .collect();

    // Sorting is stable, so items equal on level and principle mean keep instrument order.
    let mut gaps: Vec<(u8, Ratio, &Item)> = scoped
        .iter()
        .filter_map(|(p, item)| match assessment.response(&item.id) {
            Some(Response::Level(level)) if level <= 2 => means[*p].map(|mean| (level, mean, *item)),
            _ => None,
        })
        .collect();
    crate::sort_by(&mut gaps, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let priority_gaps = gaps.into_iter().map(|(_, _, item)| item.id.clone()).collect();

    let evidence_gaps = scoped
        .iter()
        .filter(|(_, item)| assessment.response(&item.id) == Some(Response::Unsure))
        .map(|(_, item)| item.id.clone())
        .collect();

    let mut needs: Vec<(Ratio, &str)> = instrument
        .dimensions
        .iter()
        .filter_map(|dimension| {
            let (mut shortfall, mut count) = (0u64, 0u64);
            for (_, item) in &scoped {
                if let (true, Some(Response::Level(level))) =
                    (item.dimensions.contains(&dimension.id), assessment.response(&item.id))
                {
                    shortfall += u64::from(5 - level);
                    count += 1;
                }
            }
            (count > 0).then(|| (Ratio::new(shortfall, 4 * count), dimension.id.as_str()))
        })
        .collect();
    crate::sort_by(&mut needs, |a, b| b.0.cmp(&a.0));
    let leadership = needs
        .into_iter()
        .map(|(need, id)| LeadershipNeed { dimension: id.to_string(), need: need.to_f64() })
        .collect();

    Results { overall, weakest, completeness, principles, priority_gaps, evidence_gaps, leadership }
}
