//! Many assessments of one collaboration → where the partners agree and where they diverge.
//!
//! Each respondent's principle means are computed exactly ([`scoring::principle_means`]);
//! per principle the comparison gives the mean, minimum, maximum and spread of respondents,
//! overall and per organisation, flags principles whose spread is 1.5 levels or more as
//! contested, and, given an earlier round, the change in each principle's mean.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::instrument::Instrument;
use crate::scoring::{self, Ratio};

/// A spread of 1.5 levels or more between respondents marks a principle as contested.
pub const CONTESTED_SPREAD: (u64, u64) = (3, 2);

/// Label for respondents who did not say which organisation they answer for.
pub const NO_ORGANISATION: &str = "Organisation not stated";

/// What `CollabToolkit.compare` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Assessments compared.
    pub respondents: u32,
    /// Each respondent's overall mean, summarised.
    pub overall: Summary,
    /// Per principle, in instrument order.
    pub principles: Vec<PrincipleSummary>,
    /// Ids of principles where respondents diverge by 1.5 levels or more.
    pub contested: Vec<String>,
    /// The same figures for each organisation or perspective, in order of first appearance.
    pub organisations: Vec<OrganisationSummary>,
    /// Change in each principle's mean against an earlier round, when one was given.
    pub change: Option<Vec<Change>>,
}

/// Respondents' means for one principle (or overall).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Respondents with a score here.
    pub count: u32,
    /// Mean of their means.
    pub mean: Option<f64>,
    /// Lowest respondent mean.
    pub min: Option<f64>,
    /// Highest respondent mean.
    pub max: Option<f64>,
    /// Highest minus lowest.
    pub spread: Option<f64>,
}

/// A principle's summary, with its id and whether it is contested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrincipleSummary {
    /// Principle id.
    pub id: String,
    /// The respondents' figures.
    #[serde(flatten)]
    pub summary: Summary,
    /// Spread of 1.5 levels or more.
    pub contested: bool,
}

/// One organisation's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    /// As the respondents wrote it (trimmed), or [`NO_ORGANISATION`].
    pub organisation: String,
    /// Its respondents.
    pub respondents: u32,
    /// Its respondents' overall means.
    pub overall: Summary,
    /// Per principle, in instrument order.
    pub principles: Vec<PrincipleSummary>,
}

/// How one principle's mean moved from an earlier round to this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Principle id.
    pub id: String,
    /// Mean in the earlier round.
    pub earlier: Option<f64>,
    /// Mean now.
    pub now: Option<f64>,
    /// Now minus earlier, when both exist.
    pub change: Option<f64>,
}

/// Exact running figures for one principle over many respondents.
#[derive(Clone, Copy, Default)]
struct Tally {
    count: u32,
    sum: Option<Ratio>,
    min: Option<Ratio>,
    max: Option<Ratio>,
}

impl Tally {
    fn add(&mut self, mean: Ratio) {
        self.count += 1;
        self.sum = Some(self.sum.map_or(mean, |s| s.plus(mean)));
        self.min = Some(self.min.map_or(mean, |m| m.min(mean)));
        self.max = Some(self.max.map_or(mean, |m| m.max(mean)));
    }

    fn mean(&self) -> Option<Ratio> {
        self.sum.map(|s| s.over(u64::from(self.count)))
    }

    fn contested(&self) -> bool {
        let threshold = Ratio::new(CONTESTED_SPREAD.0, CONTESTED_SPREAD.1);
        matches!((self.min, self.max), (Some(min), Some(max)) if max >= min.plus(threshold))
    }

    fn summary(&self) -> Summary {
        let (min, max) = (self.min.map(Ratio::to_f64), self.max.map(Ratio::to_f64));
        Summary {
            count: self.count,
            mean: self.mean().map(Ratio::to_f64),
            min,
            max,
            spread: min.zip(max).map(|(min, max)| max - min),
        }
    }
}

/// Tallies for every principle and overall, for one group of respondents.
struct Group {
    respondents: u32,
    overall: Tally,
    principles: Vec<Tally>,
}

impl Group {
    fn new(principles: usize) -> Group {
        Group { respondents: 0, overall: Tally::default(), principles: vec![Tally::default(); principles] }
    }

    fn add(&mut self, means: &[Option<Ratio>]) {
        self.respondents += 1;
        for (tally, mean) in self.principles.iter_mut().zip(means) {
            if let Some(mean) = mean {
                tally.add(*mean);
            }
        }
        if let Some(overall) = scoring::overall_mean(means) {
            self.overall.add(overall);
        }
    }

    fn principles(&self, instrument: &Instrument) -> Vec<PrincipleSummary> {
        instrument
            .principles
            .iter()
            .zip(&self.principles)
            .map(|(p, tally)| PrincipleSummary { id: p.id.clone(), summary: tally.summary(), contested: tally.contested() })
            .collect()
    }
}

/// Compares respondents' assessments, and optionally this round against an earlier one.
/// Stored results are never read: every figure comes from the answers.
pub fn compare(instrument: &Instrument, assessments: &[Assessment], earlier: Option<&[Assessment]>) -> Comparison {
    let n = instrument.principles.len();
    let mut all = Group::new(n);
    let mut organisations: Vec<(String, Group)> = Vec::new();
    for assessment in assessments {
        let means = scoring::principle_means(instrument, assessment);
        all.add(&means);
        let name = assessment.context.organisation.trim();
        let name = if name.is_empty() { NO_ORGANISATION } else { name };
        match organisations.iter_mut().find(|(o, _)| o == name) {
            Some((_, group)) => group.add(&means),
            None => {
                let mut group = Group::new(n);
                group.add(&means);
                organisations.push((name.to_string(), group));
            }
        }
    }
    let principles = all.principles(instrument);
    let contested = principles.iter().filter(|p| p.contested).map(|p| p.id.clone()).collect();
    let change = earlier.map(|earlier| {
        let mut before = Group::new(n);
        for assessment in earlier {
            before.add(&scoring::principle_means(instrument, assessment));
        }
        instrument
            .principles
            .iter()
            .zip(before.principles.iter().zip(&all.principles))
            .map(|(p, (then, now))| {
                let (then, now) = (then.mean(), now.mean());
                Change {
                    id: p.id.clone(),
                    earlier: then.map(Ratio::to_f64),
                    now: now.map(Ratio::to_f64),
                    change: then.zip(now).map(|(t, n)| n.to_f64() - t.to_f64()),
                }
            })
            .collect()
    });
    Comparison {
        respondents: all.respondents,
        overall: all.overall.summary(),
        principles,
        contested,
        organisations: organisations
            .iter()
            .map(|(name, group)| OrganisationSummary {
                organisation: name.clone(),
                respondents: group.respondents,
                overall: group.overall.summary(),
                principles: group.principles(instrument),
            })
            .collect(),
        change,
    }
}
