//! Who represents the city: seats per organisation by party and by
//! majority or opposition, overall and per organisation, and the policy
//! check the opposition asked for in 2011 — a share of the seats.

use crate::codes::Side;
use serde::Serialize;
use std::collections::BTreeMap;

/// One current seat as the count needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatHolder {
    pub organisation: String,
    /// None for a vacant seat or an official without a party.
    pub party: Option<String>,
    pub side: Option<Side>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub seats: usize,
    pub majority: usize,
    pub opposition: usize,
    /// Seats held by officials or left vacant.
    pub other: usize,
    pub by_party: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, s: &SeatHolder) {
        self.seats += 1;
        match s.side {
            Some(Side::Majority) => self.majority += 1,
            Some(Side::Opposition) => self.opposition += 1,
            None => self.other += 1,
        }
        if let Some(p) = &s.party {
            *self.by_party.entry(p.clone()).or_default() += 1;
        }
    }

    /// Politicians hold seats, and none of them is from the opposition.
    pub fn opposition_left_out(&self) -> bool {
        self.majority > 0 && self.opposition == 0
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Representation {
    pub overall: Tally,
    /// Per organisation, by label.
    pub organisations: BTreeMap<String, Tally>,
}

pub fn count(seats: &[SeatHolder]) -> Representation {
    let mut r = Representation::default();
    for s in seats {
        r.overall.add(s);
        r.organisations
            .entry(s.organisation.clone())
            .or_default()
            .add(s);
    }
    r
}

/// The organisations where politicians hold seats but the opposition none (the policy warning).
pub fn opposition_left_out(r: &Representation) -> Vec<&str> {
    r.organisations
        .iter()
        .filter(|(_, t)| t.opposition_left_out())
        .map(|(o, _)| o.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(org: &str, party: Option<&str>, side: Option<Side>) -> SeatHolder {
        SeatHolder {
            organisation: org.into(),
            party: party.map(Into::into),
            side,
        }
    }

    #[test]
    fn seats_are_counted_by_party_and_side() {
        let r = count(&[
            seat("Metropolis", Some("M"), Some(Side::Majority)),
            seat("UCLG", Some("M"), Some(Side::Majority)),
            seat("EUROCITIES", Some("S"), Some(Side::Opposition)),
            seat("EUROCITIES", None, None),
        ]);
        assert_eq!(r.overall.seats, 4);
        assert_eq!(
            (r.overall.majority, r.overall.opposition, r.overall.other),
            (2, 1, 1)
        );
        assert_eq!(r.overall.by_party["M"], 2);
        assert_eq!(opposition_left_out(&r), ["Metropolis", "UCLG"]);
        assert!(!r.overall.opposition_left_out());
    }

    #[test]
    fn seats_held_by_officials_only_raise_no_warning() {
        let r = count(&[seat("C40", None, None)]);
        assert!(opposition_left_out(&r).is_empty());
    }
}
