//! What a body decided and how it voted: the kind of decision (adopted,
//! referred back, a preparing body's recommendation …), the vote totals,
//! and, when the minutes give it, each member's vote (roll call). Totals and
//! a roll call must agree; a count given twice must be the same count.

use super::Decision;
use crate::codes::{Code, vocabulary};
use crate::validate::FieldErrors;
use serde::{Deserialize, Serialize};

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    /// The kind of decision. A body that referred a case back (återremiss)
    /// or tabled it (bordläggning) takes it up again later; a preparing
    /// body recommends (tillstyrker) or advises against (avstyrker).
    DecisionKind {
        Adopted = "adopted",
        AdoptedWithAmendments = "adopted_with_amendments",
        Rejected = "rejected",
        ReferredBack = "referred_back",
        Tabled = "tabled",
        Recommended = "recommended",
        AdvisedAgainst = "advised_against",
    }
);

// The vocabulary macro cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for DecisionKind {
    fn default() -> Self {
        DecisionKind::Adopted
    }
}

impl DecisionKind {
    /// The body is done with the case: it may not decide on it again.
    pub fn settles(self) -> bool {
        !matches!(self, DecisionKind::ReferredBack | DecisionKind::Tabled)
    }

    /// A preparing body's word to the next one, never the final decision.
    pub fn is_recommendation(self) -> bool {
        matches!(
            self,
            DecisionKind::Recommended | DecisionKind::AdvisedAgainst
        )
    }

    /// The decision makes points its own (the proposal's, or a reservation's).
    pub fn adopts_points(self) -> bool {
        matches!(
            self,
            DecisionKind::Adopted | DecisionKind::AdoptedWithAmendments | DecisionKind::Recommended
        )
    }
}

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    /// One member's vote in a roll call.
    Vote {
        For = "for",
        Against = "against",
        Abstain = "abstain",
        Absent = "absent",
    }
);

/// The vote totals as the API gives them; any may be unknown.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Votes {
    #[serde(rename = "for", default)]
    pub for_: Option<u32>,
    #[serde(default)]
    pub against: Option<u32>,
    #[serde(default)]
    pub abstain: Option<u32>,
    #[serde(default)]
    pub absent: Option<u32>,
}

/// One member's vote, as the minutes list it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCallVote {
    pub name: String,
    #[serde(default)]
    pub party: Option<String>,
    pub vote: Vote,
}

/// The largest count accepted: no assembly has more members.
const MAX_COUNT: u32 = 10_000;

/// The four totals as stored, with their form fields.
fn fields(d: &Decision) -> [(&'static str, Option<u32>, Vote); 4] {
    [
        ("votes_for", d.votes_for, Vote::For),
        ("votes_against", d.votes_against, Vote::Against),
        ("abstentions", d.abstentions, Vote::Abstain),
        ("absent", d.absent, Vote::Absent),
    ]
}

fn counted(roll: &[RollCallVote], v: Vote) -> u32 {
    roll.iter().filter(|r| r.vote == v).count() as u32
}

/// The totals as the API shows them, from the stored counts.
pub fn totals(d: &Decision) -> Option<Votes> {
    let v = Votes {
        for_: d.votes_for,
        against: d.votes_against,
        abstain: d.abstentions,
        absent: d.absent,
    };
    (v != Votes::default()).then_some(v)
}

/// Fills the counts from the `votes` object and the roll call where they
/// were left out, and reports a count given twice with two values.
pub fn settle(d: &mut Decision, e: &mut FieldErrors) {
    if let Some(v) = d.votes {
        let given = [v.for_, v.against, v.abstain, v.absent];
        let slots = [
            &mut d.votes_for,
            &mut d.votes_against,
            &mut d.abstentions,
            &mut d.absent,
        ];
        for (slot, g) in slots.into_iter().zip(given) {
            match (*slot, g) {
                (None, Some(n)) => *slot = Some(n),
                (Some(a), Some(b)) if a != b => e.add("votes", "error-case-votes-conflict"),
                _ => {}
            }
        }
    }
    if !d.roll_call.is_empty() {
        let counts = [Vote::For, Vote::Against, Vote::Abstain, Vote::Absent]
            .map(|v| counted(&d.roll_call, v));
        let slots = [
            &mut d.votes_for,
            &mut d.votes_against,
            &mut d.abstentions,
            &mut d.absent,
        ];
        for (slot, n) in slots.into_iter().zip(counts) {
            if slot.is_none() {
                *slot = Some(n);
            }
        }
    }
    check(d, e);
    d.votes = totals(d);
}

/// The counts agree with the roll call, which names each member once.
pub fn check(d: &Decision, e: &mut FieldErrors) {
    for (field, n, v) in fields(d) {
        if n.is_some_and(|n| n > MAX_COUNT) {
            e.add(field, "error-number");
        } else if !d.roll_call.is_empty() && n.is_some_and(|n| n != counted(&d.roll_call, v)) {
            e.add(field, "error-case-votes-roll-call");
        }
    }
    let mut names: Vec<String> = Vec::new();
    for r in &d.roll_call {
        let name = r.name.trim().to_lowercase();
        if name.is_empty()
            || name.chars().count() > 200
            || r.party.as_deref().is_some_and(|p| p.chars().count() > 40)
        {
            e.add("roll_call", "error-case-roll-call");
        } else if names.contains(&name) {
            e.add("roll_call", "error-case-roll-call-twice");
        } else {
            names.push(name);
        }
    }
    if d.roll_call.len() > MAX_COUNT as usize {
        e.add("roll_call", "error-case-roll-call");
    }
}

/// A roll call as typed, one member a line: "Anna Ek (S): ja". The vote is
/// ja/yes/for, nej/no/against, avstår/abstain or frånvarande/absent; a
/// line that cannot be read is reported by its number.
pub fn roll_call_from_text(text: &str) -> Result<Vec<RollCallVote>, Vec<usize>> {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((who, vote)) = line.rsplit_once(':') else {
            bad.push(i + 1);
            continue;
        };
        let vote = match vote.trim().to_lowercase().as_str() {
            "ja" | "yes" | "for" | "för" => Vote::For,
            "nej" | "no" | "against" | "emot" | "mot" => Vote::Against,
            "avstår" | "avstod" | "abstain" | "abstains" | "abstained" => Vote::Abstain,
            "frånvarande" | "absent" => Vote::Absent,
            _ => {
                bad.push(i + 1);
                continue;
            }
        };
        let who = who.trim();
        let (name, party) = match who.strip_suffix(')').and_then(|w| w.rsplit_once('(')) {
            Some((n, p)) => (n.trim(), Some(p.trim().to_owned())),
            None => (who, None),
        };
        if name.is_empty() {
            bad.push(i + 1);
            continue;
        }
        out.push(RollCallVote {
            name: name.to_owned(),
            party: party.filter(|p| !p.is_empty()),
            vote,
        });
    }
    if bad.is_empty() { Ok(out) } else { Err(bad) }
}

/// The roll call as the form shows it again.
pub fn roll_call_text(roll: &[RollCallVote], swedish: bool) -> String {
    roll.iter()
        .map(|r| {
            let vote = match (r.vote, swedish) {
                (Vote::For, true) => "ja",
                (Vote::Against, true) => "nej",
                (Vote::Abstain, true) => "avstår",
                (Vote::Absent, true) => "frånvarande",
                (v, false) => v.code(),
            };
            match &r.party {
                Some(p) => format!("{} ({p}): {vote}", r.name),
                None => format!("{}: {vote}", r.name),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
