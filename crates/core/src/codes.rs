//! The closed vocabularies of the register (kinds, types, statuses) and the
//! stable codes they are stored and exchanged as.

use serde::{Deserialize, Serialize};

/// A closed vocabulary stored as a short lowercase code.
pub trait Code: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
}

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl Code for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary!(
    /// What kind of organisation a catalogue entry is.
    OrgKind {
        CityNetwork = "city_network",
        NationalAssociation = "national_association",
        Initiative = "initiative",
        Other = "other",
    }
);

vocabulary!(
    /// How two organisations relate; drives indirect representation.
    RelationKind {
        SectionOf = "section_of",
        MemberOf = "member_of",
    }
);

vocabulary!(
    /// The tenant's own bodies: who can hold a membership.
    BodyKind {
        Council = "council",
        ExecutiveBoard = "executive_board",
        Committee = "committee",
        Department = "department",
        Company = "company",
    }
);

vocabulary!(
    MembershipType {
        Full = "full",
        Associate = "associate",
        Observer = "observer",
        Partner = "partner",
    }
);

vocabulary!(
    MembershipStatus {
        Active = "active",
        NoticeGiven = "notice_given",
        Ended = "ended",
    }
);

vocabulary!(
    /// Whether a person takes part as an official or as an elected politician.
    PersonKind {
        Official = "official",
        Politician = "politician",
    }
);

vocabulary!(
    /// A politician's side in the tenant's governing arrangement.
    Side {
        Majority = "majority",
        Opposition = "opposition",
    }
);

vocabulary!(
    /// A board seat or post, or participation in a forum or working group.
    SeatKind {
        BoardSeat = "board_seat",
        Post = "post",
        Forum = "forum",
        WorkingGroup = "working_group",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<C: Code + PartialEq + std::fmt::Debug>() {
        for c in C::ALL {
            assert_eq!(C::parse(c.code()), Some(*c));
        }
        assert_eq!(C::parse("no such code"), None);
    }

    #[test]
    fn every_code_round_trips() {
        round_trips::<OrgKind>();
        round_trips::<RelationKind>();
        round_trips::<BodyKind>();
        round_trips::<MembershipType>();
        round_trips::<MembershipStatus>();
        round_trips::<PersonKind>();
        round_trips::<Side>();
        round_trips::<SeatKind>();
    }
}
