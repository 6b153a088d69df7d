//! The Stockholm 2011 demo: the register as it stood in spring 2011, before
//! the executive board decided on the review (PM 2011:125 RI, Dnr
//! 006-1348/2010). Everything here comes from that decision document or from
//! `shared/reference/organisations.md`; where neither gives a value the field
//! is empty, or an illustrative value says so in its note.

use crate::codes::*;

pub const TENANT_SLUG: &str = "stockholm";
pub const TENANT_NAME: &str = "Stockholms stad";
pub const DEMO_EMAIL: &str = "demo@stockholm.example";

/// The decision document the demo is drawn from.
pub const SOURCE: &str = "PM 2011:125 RI (Dnr 006-1348/2010), Stockholms stad, 2011";

/// How Stockholm names itself in its documents. The office, the place
/// ("Stockholm den 8 september 2011") and the strategy ("mål, inriktning och
/// riktlinjer för det internationella arbetet", kommunfullmäktige December
/// 2008, dnr 006-1137/2007) are as the 2011 decision document gives them;
/// the English names are Stockholm's usual ones.
pub fn profile() -> crate::profile::Profile {
    crate::profile::Profile {
        kind: crate::profile::Kind::City,
        office_sv: "Stadsledningskontoret".into(),
        office_en: "City Executive Office".into(),
        office_email: String::new(),
        place: "Stockholm".into(),
        body_sv: "Kommunstyrelsen".into(),
        body_en: "City Executive Board".into(),
        council_sv: "Kommunfullmäktige".into(),
        council_en: "City Council".into(),
        strategy_reference: "Stadens mål, inriktning och riktlinjer för det internationella arbetet, kommunfullmäktige december 2008 (dnr 006-1137/2007)".into(),
    }
}

/// Stockholm's strategy: the default criteria with the city's two goals.
/// Which catalogue themes serve each goal is our reading of the 2011
/// decision (C40 fits "the city's profile as environmental capital";
/// development cooperation fits neither goal).
pub fn strategy() -> crate::review::strategy::Strategy {
    crate::review::strategy::Strategy {
        goals: vec![
            "Vision 2030: economic development, knowledge society, innovation, mobility, culture, social affairs".into(),
            "Miljöhuvudstad / environmental capital: environment, climate, energy, sustainability".into(),
        ],
        ..crate::review::strategy::default_strategy()
    }
}

pub struct DemoBody {
    pub key: &'static str,
    pub name: &'static str,
    pub kind: BodyKind,
    pub abbreviation: Option<&'static str>,
}

pub struct DemoPerson {
    pub key: &'static str,
    pub name: &'static str,
    pub kind: PersonKind,
    pub party: Option<&'static str>,
    pub side: Option<Side>,
    pub department: Option<&'static str>,
}

pub struct DemoFee {
    pub minor: i64,
    pub currency: &'static str,
    pub year: i32,
}

pub enum DemoFeeKind {
    Unknown,
    NoFee,
    /// An illustrative value; the register marks it as such.
    Illustrative(DemoFee),
}

pub struct DemoMembership {
    pub body: &'static str,
    pub organisation: &'static str,
    pub mtype: MembershipType,
    pub status: MembershipStatus,
    pub fee: DemoFeeKind,
    pub notes: &'static str,
}

pub struct DemoSeat {
    pub organisation: &'static str,
    pub person: Option<&'static str>,
    pub kind: SeatKind,
    pub org_body: &'static str,
    pub title: Option<&'static str>,
    pub notes: &'static str,
}

pub const BODIES: &[DemoBody] = &[
    DemoBody {
        key: "kf",
        name: "Kommunfullmäktige",
        kind: BodyKind::Council,
        abbreviation: Some("KF"),
    },
    DemoBody {
        key: "ks",
        name: "Kommunstyrelsen",
        kind: BodyKind::ExecutiveBoard,
        abbreviation: Some("KS"),
    },
    DemoBody {
        key: "brb",
        name: "Borgarrådsberedningen",
        kind: BodyKind::Committee,
        abbreviation: None,
    },
    DemoBody {
        key: "slk",
        name: "Stadsledningskontoret",
        kind: BodyKind::Department,
        abbreviation: Some("SLK"),
    },
];

/// The politicians named in the decision document, with the parties it gives.
/// In 2011 M governed Stockholm in a coalition; MP, S and V were in opposition,
/// as their reservations and statements in the document show.
pub const PERSONS: &[DemoPerson] = &[
    politician("nordin", "Sten Nordin", "M", Side::Majority),
    politician("bolund", "Per Bolund", "MP", Side::Opposition),
    politician("wanngard", "Karin Wanngård", "S", Side::Opposition),
    politician("rudin", "Tomas Rudin", "S", Side::Opposition),
    politician("mogert", "Roger Mogert", "S", Side::Opposition),
    politician("hagberg", "Emilia Hagberg", "MP", Side::Opposition),
    politician("nilsson", "Stefan Nilsson", "MP", Side::Opposition),
    politician("livh", "Ann-Margarethe Livh", "V", Side::Opposition),
    // The source does not name who held the Metropolis board seat; this
    // stand-in lets the demo show a seat with a holder and says so.
    politician("ledamot", "Ledamot (illustrativ)", "M", Side::Majority),
];

const fn politician(
    key: &'static str,
    name: &'static str,
    party: &'static str,
    side: Side,
) -> DemoPerson {
    DemoPerson {
        key,
        name,
        kind: PersonKind::Politician,
        party: Some(party),
        side: Some(side),
        department: None,
    }
}

pub const MEMBERSHIPS: &[DemoMembership] = &[
    DemoMembership {
        body: "ks",
        organisation: "eurocities",
        mtype: MembershipType::Full,
        status: MembershipStatus::Active,
        fee: DemoFeeKind::Illustrative(DemoFee {
            minor: 1_600_000,
            currency: "EUR",
            year: 2011,
        }),
        notes: "Medlem sedan 1995 (international.stockholm.se). Avgiften är ett illustrativt värde: \
                beslutsunderlaget anger ingen avgift; jämför Belfasts cirka 16 300 GBP år 2023 \
                (belfasttelegraph.co.uk).",
    },
    DemoMembership {
        body: "ks",
        organisation: "metropolis",
        mtype: MembershipType::Full,
        status: MembershipStatus::Active,
        fee: DemoFeeKind::Unknown,
        notes: "Medlemskapet innehas av kommunstyrelsen (PM 2011:125 RI).",
    },
    DemoMembership {
        body: "ks",
        organisation: "uclg",
        mtype: MembershipType::Full,
        status: MembershipStatus::Active,
        fee: DemoFeeKind::Unknown,
        notes: "Staden är också företrädd i UCLG genom medlemskapet i SKL (PM 2011:125 RI).",
    },
    DemoMembership {
        body: "ks",
        organisation: "c40",
        mtype: MembershipType::Full,
        status: MembershipStatus::Active,
        fee: DemoFeeKind::NoFee,
        // The categories (megacity, innovator, observer) date from October
        // 2012 (organisations.md), so a note as of spring 2011 cannot use them.
        notes: "Medlem sedan 2007 (start.stockholm). C40 tar ingen avgift. \
                Anknytning genom Clinton Climate Initiative och Norra Djurgårdsstaden (PM 2011:125 RI).",
    },
    DemoMembership {
        body: "kf",
        organisation: "skr",
        mtype: MembershipType::Full,
        status: MembershipStatus::Active,
        fee: DemoFeeKind::Unknown,
        notes: "Alla svenska kommuner är medlemmar i SKL/SKR; genom det är staden företrädd i UCLG och CEMR.",
    },
];

/// Seats and participation the decision document describes. It names no
/// holders, so the seats belong to the city with no person recorded.
pub const SEATS: &[DemoSeat] = &[
    DemoSeat {
        organisation: "eurocities",
        person: None,
        kind: SeatKind::BoardSeat,
        org_body: "Executive Committee",
        title: Some("Styrelseledamot"),
        notes: "Staden är styrelseledamot (PM 2011:125 RI); innehavaren anges inte.",
    },
    DemoSeat {
        organisation: "eurocities",
        person: None,
        kind: SeatKind::Forum,
        org_body: "Forum och arbetsgrupper",
        title: None,
        notes: "Brett deltagande i forum och arbetsgrupper (PM 2011:125 RI); vilka anges inte.",
    },
    DemoSeat {
        organisation: "metropolis",
        person: Some("ledamot"),
        kind: SeatKind::BoardSeat,
        org_body: "Board of Directors",
        title: Some("Styrelseledamot"),
        notes: "Styrelseposten löper till världskongressen i Porto Alegre 23–26 november 2011 (PM 2011:125 RI). Källan anger inte innehavaren; ledamoten här är illustrativ.",
    },
    DemoSeat {
        organisation: "uclg",
        person: None,
        kind: SeatKind::BoardSeat,
        org_body: "Styrelsearbete genom Metropolis",
        title: Some("Styrelseledamot"),
        notes: "Metropolis är UCLG:s storstadssektion; styrelsearbetet i UCLG följer av styrelseposten i Metropolis (PM 2011:125 RI).",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    #[test]
    fn demo_refers_only_to_what_exists() {
        for m in MEMBERSHIPS {
            assert!(BODIES.iter().any(|b| b.key == m.body), "{}", m.body);
            assert!(
                catalogue::entry(m.organisation).is_some(),
                "{}",
                m.organisation
            );
        }
        for s in SEATS {
            assert!(
                catalogue::entry(s.organisation).is_some(),
                "{}",
                s.organisation
            );
            assert!(s.person.is_none_or(|p| PERSONS.iter().any(|x| x.key == p)));
        }
    }

    #[test]
    fn illustrative_values_say_so() {
        for m in MEMBERSHIPS {
            if let DemoFeeKind::Illustrative(_) = m.fee {
                assert!(m.notes.contains("illustrativt"), "{}", m.organisation);
            }
        }
    }
}

/// The demo review: the questions of the 2011 review were sent to officials
/// and politicians active in EUROCITIES, Metropolis, UCLG and (partly) C40.
/// The decision document gives no answers, dates or respondents, so all of
/// these are illustrative, shaped to match its findings.
pub mod review {
    /// Title of the review in the demo.
    pub const TITLE: &str =
        "Översyn av stadens engagemang i internationella organisationer 2011 (illustrativ)";
    pub const OPENS_ON: &str = "2011-01-17";
    pub const CLOSES_ON: &str = "2011-02-18";
    pub const ORGANISATIONS: &[&str] = &["eurocities", "metropolis", "uclg", "c40"];
    /// Illustrative respondents per organisation.
    pub const RESPONDENTS: usize = 6;

    /// The typical answer per organisation and criterion, before each
    /// respondent's spread: high for EUROCITIES, good on positioning and
    /// monitoring for C40, low for Metropolis and UCLG (DOMAIN.md, findings).
    pub fn centre(organisation: &str, criterion: &str) -> i8 {
        match (organisation, criterion) {
            ("eurocities", "influence") | ("eurocities", "positioning") => 5,
            ("eurocities", _) => 4,
            ("c40", "positioning") | ("c40", "monitoring") => 4,
            ("c40", "operational_development") => 4,
            ("c40", _) => 3,
            (_, "positioning") | (_, "monitoring") => 2,
            _ => 2,
        }
    }

    /// A respondent's answer to the n-th question of a criterion: the centre
    /// with a fixed spread; `None` stands for "don't know". Deterministic,
    /// so loading the demo twice gives the same results.
    pub fn answer(
        organisation: &str,
        criterion: &str,
        respondent: usize,
        question: usize,
    ) -> Option<u8> {
        const SPREAD: [i8; 6] = [0, 1, -1, 0, 1, -1];
        let low = matches!(organisation, "metropolis" | "uclg");
        if low && respondent == 5 && question == 1 {
            return None;
        }
        let v = centre(organisation, criterion) + SPREAD[(respondent + question) % SPREAD.len()];
        Some(v.clamp(1, 5) as u8)
    }

    /// Whether the respondent has declined working groups for cost or time.
    pub fn declined(organisation: &str, respondent: usize) -> bool {
        matches!(organisation, "metropolis" | "uclg") && respondent.is_multiple_of(2)
    }

    /// Illustrative free-text comments, echoing the reasons the document gives.
    pub fn comment(organisation: &str, respondent: usize) -> Option<&'static str> {
        match (organisation, respondent) {
            ("eurocities", 0) => {
                Some("Styrelseplatsen ger staden en stark röst gentemot EU-institutionerna.")
            }
            ("eurocities", 3) => {
                Some("Brett deltagande i forum och arbetsgrupper ger direkt nytta i verksamheten.")
            }
            ("c40", 1) => Some("Bra kunskapsutbyte om klimatarbete med de största städerna."),
            ("metropolis", 0) => {
                Some("Långa resor till årsmöten och kongresser är svåra att prioritera.")
            }
            ("metropolis", 2) => {
                Some("Inriktningen på utvecklingssamarbete ligger långt från stadens mål.")
            }
            ("uclg", 1) => Some("Staden är redan företrädd genom SKL."),
            ("uclg", 4) => {
                Some("Vi har tackat nej till arbetsgrupper eftersom de kräver för mycket resurser.")
            }
            _ => None,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn answers_follow_the_findings() {
            let mean = |o: &str| {
                let v: Vec<f64> = (0..RESPONDENTS)
                    .flat_map(|r| (0..2).filter_map(move |q| answer(o, "influence", r, q)))
                    .map(f64::from)
                    .collect();
                v.iter().sum::<f64>() / v.len() as f64
            };
            assert!(mean("eurocities") > 4.0);
            assert!(mean("metropolis") < 2.5 && mean("uclg") < 2.5);
            assert!((0..RESPONDENTS).all(|r| (0..2).all(|q| {
                answer("c40", "positioning", r, q).is_some_and(|v| (1..=5).contains(&v))
            })));
            assert_eq!(answer("uclg", "influence", 5, 1), None, "some don't know");
        }
    }
}

/// The political case of 2011: the proposal, the route through the mayors'
/// committee to the executive board, the positions taken in each, and the
/// decisions. Points, names and parties are from [`SOURCE`]; the positions'
/// texts are short summaries written for the demo, not the originals. The
/// source gives no meeting dates, so the two decision dates are illustrative.
pub mod case {
    pub const NUMBER: &str = "006-1348/2010";
    pub const NUMBER_PATTERN: &str = "{series}-{serial}/{year}";
    pub const REFERENCE: &str = "PM 2011:125 RI";
    pub const TITLE: &str = "Översyn av stadens engagemang i internationella organisationer";
    pub const DATE: &str = "2011-09-08";
    pub const RAPPORTEUR: &str = "borgarrådet Sten Nordin";
    pub const ROUTE: &[&str] = &["Borgarrådsberedningen", "Kommunstyrelsen"];
    pub const PROPOSAL: &str = "1. Staden avsäger sig styrelseposterna i Metropolis och UCLG inför Metropolis världskongress i Porto Alegre, Brasilien, den 23-26 november 2011.
2. Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012.
3. Stadsledningskontoret får i uppdrag att se över och komma med förslag till strategiskt engagemang inom ramen för medlemskapet i EUROCITIES.";
    pub const MATTER: &str = "Stadsledningskontoret har gått igenom stadens engagemang i de internationella organisationer där kommunstyrelsen är medlem: EUROCITIES, Metropolis, UCLG och till viss del C40. Enligt stadens strategi för internationellt arbete (kommunfullmäktige, december 2008) väljs samarbeten efter sakfråga, inte geografi, och de ska ge verksamheterna nytta. (Sammanfattning för demon.)";
    pub const PREPARATION: &str = "Ärendet har initierats av stadsledningskontoret.";
    pub const STATEMENT: &str = "Stadsledningskontorets tjänsteutlåtande (24 mars 2011) rekommenderar att arbetet i EUROCITIES och C40 fortsätter och att medlemskapen i Metropolis och UCLG avslutas: de ger varken den verksamhetsnytta eller den påverkan som insatsen kräver, deras inriktning på utvecklingssamarbete stämmer inte med stadens mål, och staden är redan företrädd i UCLG genom SKL. (Sammanfattning för demon.)";
    pub const VIEWS: &str = "Föredraganden instämmer i stadsledningskontorets analys: engagemanget ska ge stockholmarna nytta och påverkan, och det behöver prövas med jämna mellanrum. (Sammanfattning för demon.)";

    pub struct DemoPosition {
        pub body: &'static str,
        pub reservation: bool,
        pub persons: &'static str,
        pub refers_to: Option<u32>,
        pub points: &'static str,
        pub text: &'static str,
    }

    pub const POSITIONS: &[DemoPosition] = &[
        DemoPosition {
            body: "Borgarrådsberedningen",
            reservation: true,
            persons: "Per Bolund (MP)",
            refers_to: None,
            points: "4. Staden behåller sitt medlemskap i Metropolis och UCLG och fortsätter också sitt styrelsearbete i dessa.
5. Stadsledningskontoret får i uppdrag att se över och komma med förslag till strategiskt engagemang inom ramen för medlemskapet i EUROCITIES.",
            text: "MP vill behålla medlemskapen: de stora organisationerna ger kunskap som staden har nytta av, och Stockholm kan dela med sig av sin. Oppositionen bör också få företräda staden. (Sammanfattning för demon.)",
        },
        DemoPosition {
            body: "Borgarrådsberedningen",
            reservation: false,
            persons: "Karin Wanngård och Tomas Rudin (båda S)",
            refers_to: None,
            points: "",
            text: "S välkomnar översynen och vill att det internationella arbetet prövas mot kostnadseffektivitet och miljöhänsyn, och att oppositionen får en mer delaktig roll i organisationerna. (Sammanfattning för demon.)",
        },
        DemoPosition {
            body: "Kommunstyrelsen",
            reservation: true,
            persons: "Emilia Hagberg och Stefan Nilsson (båda MP)",
            refers_to: Some(0),
            points: "",
            text: "",
        },
        DemoPosition {
            body: "Kommunstyrelsen",
            reservation: true,
            persons: "Ann-Margarethe Livh (V)",
            refers_to: None,
            points: "1. Stockholms stad behåller sitt medlemskap i Metropolis och UCLG.
2. Stadsledningskontoret får i uppdrag att återkomma med förslag till strategiskt engagemang inom ramen för medlemskapet i EUROCITIES.",
            text: "V menar att internationellt samarbete bygger på både givande och tagande och inte bara på direkt nytta för stockholmarna, och vill också se en utvärdering av ECAD. (Sammanfattning för demon.)",
        },
        DemoPosition {
            body: "Kommunstyrelsen",
            reservation: false,
            persons: "Karin Wanngård, Roger Mogert och Tomas Rudin (alla S)",
            refers_to: None,
            points: "",
            text: "S vill att staden använder digitala tjänster, till exempel livesändningar av konferenser, så att politiker, tjänstemän och medborgare kan följa mötena utan att resa, och att alla partier tar del i det internationella arbetet. (Sammanfattning för demon.)",
        },
    ];

    /// (body, date): the committee endorsed the proposal and the executive
    /// board adopted it. Illustrative dates: the source has none.
    pub const DECISIONS: &[(&str, &str)] = &[
        ("Borgarrådsberedningen", "2011-09-14"),
        ("Kommunstyrelsen", "2011-09-21"),
    ];
}

/// Events in the demo: the Metropolis world congress the decision names
/// (Porto Alegre, 23–26 November 2011, from [`SOURCE`]).
pub mod events {
    pub struct DemoEvent {
        pub organisation: &'static str,
        pub kind: &'static str,
        pub title: &'static str,
        pub starts_on: &'static str,
        pub ends_on: &'static str,
        pub place: &'static str,
    }

    pub const EVENTS: &[DemoEvent] = &[DemoEvent {
        organisation: "metropolis",
        kind: "congress",
        title: "Metropolis världskongress 2011",
        starts_on: "2011-11-23",
        ends_on: "2011-11-26",
        place: "Porto Alegre, Brasilien",
    }];
}
