//! Travel to congresses and meetings: CO₂ per journey from distance and
//! mode, and the working days travelling takes.
//!
//! Emission factors are grams of CO₂ per passenger-kilometre for the UK in
//! 2010, as published in Transport Scotland, *Scottish Transport Statistics
//! No 30: 2011 edition*, table 5.15 ("UK Carbon Dioxide emissions: grams per
//! passenger-kilometre, 2010"), taken there from the 2009 Guidelines to
//! Defra/DECC's GHG Conversion Factors for Company Reporting. They are CO₂
//! only (no radiative-forcing uplift for flights) and fit the 2011 demo's
//! period; a city reporting today should replace them with current factors.

use crate::codes::{Code, vocabulary};
use serde::{Deserialize, Serialize};

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    Mode {
        Flight = "flight",
        Rail = "rail",
        Car = "car",
        Bus = "bus",
        Coach = "coach",
        Ferry = "ferry",
        Tram = "tram",
    }
);

pub const FACTOR_SOURCE: &str = "Transport Scotland, Scottish Transport Statistics No 30 (2011 edition), table 5.15: UK CO2 emissions in grams per passenger-km, 2010, from the 2009 Defra/DECC GHG conversion factor guidelines. https://www.transport.gov.scot/publication/scottish-transport-statistics-no-30-2011-edition/j205779-81/";

/// Flights shorter than this count as domestic (the source's domestic average is 463 km).
pub const DOMESTIC_FLIGHT_KM: u32 = 700;
/// Flights up to this count as short haul (the source's averages: short haul 1,108 km, long haul 6,482 km).
pub const SHORT_HAUL_KM: u32 = 3_700;

/// Grams of CO₂ per passenger-km for a journey of `km` by `mode` (table 5.15).
pub fn grams_per_km(mode: Mode, km: u32) -> u32 {
    match mode {
        Mode::Flight if km < DOMESTIC_FLIGHT_KM => 172,
        Mode::Flight if km <= SHORT_HAUL_KM => 97,
        Mode::Flight => 113,
        Mode::Rail => 57,
        Mode::Car => 129,
        Mode::Bus => 135,
        Mode::Coach => 31,
        Mode::Ferry => 116,
        Mode::Tram => 77,
    }
}

/// Kilograms of CO₂ for one passenger's journey.
pub fn co2_kg(mode: Mode, km: u32) -> f64 {
    f64::from(km) * f64::from(grams_per_km(mode, km)) / 1000.0
}

/// Hours door to door: distance at a typical speed, plus the time around a
/// flight (to the airport, check-in, from the airport). Our own planning
/// assumption, not a measured figure.
pub fn hours(mode: Mode, km: u32) -> f64 {
    let (speed, overhead) = match mode {
        Mode::Flight => (750.0, 3.0),
        Mode::Rail => (110.0, 0.5),
        Mode::Car => (80.0, 0.0),
        Mode::Bus | Mode::Coach => (65.0, 0.5),
        Mode::Ferry => (30.0, 1.0),
        Mode::Tram => (20.0, 0.0),
    };
    f64::from(km) / speed + overhead
}

/// Working days a journey takes, in half days: up to four hours is half a
/// day, up to eight a whole day, and so on.
pub fn travel_days(mode: Mode, km: u32) -> f64 {
    if km == 0 {
        return 0.0;
    }
    (hours(mode, km) / 4.0).ceil() / 2.0
}

/// Totals for a set of journeys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub journeys: usize,
    pub km: u64,
    pub co2_kg: f64,
    pub travel_days: f64,
}

pub fn totals<'a>(journeys: impl IntoIterator<Item = &'a (Mode, u32)>) -> Totals {
    let mut t = Totals::default();
    for (mode, km) in journeys {
        t.journeys += 1;
        t.km += u64::from(*km);
        t.co2_kg += co2_kg(*mode, *km);
        t.travel_days += travel_days(*mode, *km);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn co2_is_distance_times_the_factor_of_its_band() {
        // Stockholm–Porto Alegre is about 11,600 km: long haul, 113 g/pkm.
        assert!((co2_kg(Mode::Flight, 11_600) - 1_310.8).abs() < 1e-9);
        // Stockholm–Brussels about 1,300 km: short haul, 97 g/pkm.
        assert!((co2_kg(Mode::Flight, 1_300) - 126.1).abs() < 1e-9);
        assert!((co2_kg(Mode::Flight, 400) - 68.8).abs() < 1e-9);
        assert!((co2_kg(Mode::Rail, 1_300) - 74.1).abs() < 1e-9);
    }

    #[test]
    fn travel_takes_whole_and_half_days() {
        assert_eq!(travel_days(Mode::Flight, 11_600), 2.5); // 18.5 h: five half days
        assert_eq!(travel_days(Mode::Flight, 1_300), 1.0); // 4.7 h: just over half a day
        assert_eq!(travel_days(Mode::Rail, 1_300), 2.0); // 12.3 h: four half days
        assert_eq!(travel_days(Mode::Car, 0), 0.0);
        let t = totals(&[(Mode::Flight, 1_300), (Mode::Flight, 1_300)]);
        assert_eq!((t.journeys, t.km), (2, 2_600));
        assert!((t.co2_kg - 252.2).abs() < 1e-9);
    }

    proptest! {
        #[test]
        fn more_distance_never_means_less_co2_within_a_band(km in 1u32..3000, extra in 0u32..500) {
            prop_assume!(km >= DOMESTIC_FLIGHT_KM && km + extra <= SHORT_HAUL_KM);
            prop_assert!(co2_kg(Mode::Flight, km + extra) >= co2_kg(Mode::Flight, km));
            prop_assert!(travel_days(Mode::Rail, km + extra) >= travel_days(Mode::Rail, km));
        }
    }
}
