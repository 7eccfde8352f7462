//! `[[milestones]]`: the members' planning cycle as the plan states it,
//! and its checks. The budget calendar made from it is
//! [`crate::cycle::Calendar`].

use super::day::MonthDay;
use crate::document::plan::Plan;
use crate::document::validate::limits;
use crate::error::Error;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A milestone of the members' planning cycle, relative to the budget year:
/// "preliminary contribution notice by 30 April of Y−1" is
/// `date = "04-30"`, `offset = -1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Stable id, unique among the milestones.
    pub id: String,
    /// What happens, e.g. "Preliminary contribution notice".
    pub name: String,
    /// The day, `MM-DD`.
    pub date: MonthDay,
    /// The year of the date relative to the budget year Y: −1 for Y−1,
    /// 0 for Y (the default), 1 for Y+1. From −10 to 10.
    #[serde(default)]
    pub offset: i32,
    /// What is due, in words, e.g. "the preliminary contribution for Y".
    pub due: String,
    /// For whom, in words, e.g. "each member's finance department".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Which figures go with the milestone, default `none`.
    #[serde(default)]
    pub figures: Figures,
}

/// The figures that go with a milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Figures {
    /// Words only.
    #[default]
    None,
    /// Each paying member's contribution for the budget year.
    Contributions,
    /// Each member's settlement of the budget year, when the plan has its
    /// outcome (`[[outcome]]`); otherwise none yet.
    Settlement,
}

/// The checks of `[[milestones]]`, each with its path.
pub(crate) fn problems(plan: &Plan) -> Vec<Error> {
    let mut v = Vec::new();
    if let Some(e) = too_large(plan) {
        v.push(e);
    }
    // A set, not a scan of the earlier milestones: that was quadratic in
    // a document of many milestones.
    let mut ids = std::collections::HashSet::new();
    for (i, m) in plan.milestones.iter().enumerate() {
        if !(-10..=10).contains(&m.offset) {
            v.push(
                Error::InvalidPlan {
                    reason: "a milestone's offset must be from -10 to 10 years".into(),
                }
                .at(format!("milestones[{i}].offset")),
            );
        }
        for (field, text) in [("due", Some(&m.due)), ("who", m.who.as_ref())] {
            if let Some(text) = text.filter(|t| t.len() > limits::LONG_TEXT) {
                v.push(
                    Error::InvalidPlan {
                        reason: format!(
                            "is {} bytes long, more than the {} bytes a milestone's {field} may have",
                            text.len(),
                            limits::LONG_TEXT
                        ),
                    }
                    .at(format!("milestones[{i}].{field}")),
                );
            }
        }
        // Compared in NFC, as every id (crate::identity).
        if !ids.insert(crate::identity::nfc(&m.id)) {
            v.push(
                Error::DuplicateId {
                    id: m.id.clone(),
                    kind: "milestone".into(),
                }
                .at(format!("milestones[{i}].id")),
            );
        }
    }
    v
}

/// The figures a calendar lists at most: every milestone with figures
/// (contributions or settlement), in every year, for every member.
fn calendar_figures(plan: &Plan) -> u64 {
    let with_figures = plan
        .milestones
        .iter()
        .filter(|m| m.figures != Figures::None)
        .count();
    (with_figures as u64)
        .saturating_mul(u64::from(plan.years))
        .saturating_mul(plan.members.len() as u64)
}

/// The calendar's bounds, at `milestones`: at most
/// [`limits::MILESTONES`] milestones (so at most that many entries a year),
/// and at most [`limits::FIGURES`] figures, the bound of the plan itself.
pub(crate) fn too_large(plan: &Plan) -> Option<Error> {
    let reason = if plan.milestones.len() > limits::MILESTONES {
        format!(
            "a plan has at most {} milestones; this one has {}",
            limits::MILESTONES,
            plan.milestones.len()
        )
    } else {
        let figures = calendar_figures(plan);
        if figures <= limits::FIGURES {
            return None;
        }
        format!(
            "the calendar would list {figures} figures (milestones with figures × years × members), more than the {} a plan may compute",
            limits::FIGURES
        )
    };
    Some(Error::InvalidPlan { reason }.at("milestones"))
}
