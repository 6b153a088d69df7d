//! A calendar with no dates — a person who owns no action and travels to
//! no event, a tenant with nothing entered — still holds a component, as
//! RFC 5545 §3.6 requires (`icalbody = calprops component`, `component =
//! 1*(…)`): one VJOURNAL note, which calendar apps do not show. A third-party
//! parser (the `icalendar` crate) reads it; a calendar with dates has no
//! such note. SQLite, and PostgreSQL when `OVERSYN_TEST_POSTGRES_URL` is set.
//! The `oversyn calendar` command and the feed route write this same text.

use icalendar::{Calendar, CalendarComponent, Component};
use oversyn_core::codes::PersonKind;
use oversyn_core::register::input::PersonCmd;
use oversyn_store::audit::Actor;
use oversyn_store::testing::backends;

/// Every content line at most 75 octets, CRLF line ends, the calendar's
/// frame and its required properties.
fn well_formed(ics: &str) {
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("\r\nVERSION:2.0\r\n") && ics.contains("\r\nPRODID:"));
    for line in ics.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
}

fn components(ics: &str) -> Vec<CalendarComponent> {
    let cal: Calendar = ics
        .parse()
        .unwrap_or_else(|e| panic!("not iCalendar: {e}\n{ics}"));
    cal.components
}

/// The one component of a calendar without dates: a VJOURNAL with the
/// properties RFC 5545 §3.6.3 requires (UID, DTSTAMP).
fn the_note(ics: &str) {
    well_formed(ics);
    let parts = components(ics);
    assert_eq!(parts.len(), 1, "one component, not none:\n{ics}");
    let CalendarComponent::Other(note) = &parts[0] else {
        panic!("a VJOURNAL, not {:?}", parts[0]);
    };
    assert_eq!(note.component_kind(), "VJOURNAL");
    assert!(note.property_value("UID").is_some_and(|u| !u.is_empty()));
    assert!(note.property_value("DTSTAMP").is_some());
    assert!(note.property_value("SUMMARY").is_some());
    assert_eq!(ics.matches("BEGIN:").count(), 2, "{ics}");
}

#[tokio::test]
async fn a_calendar_without_dates_holds_one_component_a_parser_reads() {
    for (_db, store) in backends().await {
        let demo = oversyn_app::demo::load(&store).await.unwrap();
        let t = demo.tenant_id;
        let actor = Actor {
            tenant_id: t,
            user_id: None,
            label: "test".into(),
        };
        let quiet = store
            .create_person(
                &actor,
                &PersonCmd {
                    name: "Nadia Utan Datum".into(),
                    kind: PersonKind::Politician,
                    party: None,
                    side: None,
                    department: None,
                    email: None,
                    version: None,
                },
            )
            .await
            .unwrap();
        let ics = oversyn_app::followup::calendar::ics(&store, t, Some(quiet.id), "")
            .await
            .unwrap();
        the_note(&ics);
        // Stable across fetches, so a client that keeps it keeps one.
        let again = oversyn_app::followup::calendar::ics(&store, t, Some(quiet.id), "")
            .await
            .unwrap();
        let uid = |s: &str| s.lines().find(|l| l.starts_with("UID:")).map(str::to_owned);
        assert_eq!(uid(&ics), uid(&again));

        // A tenant with nothing entered.
        let empty = store.create_tenant("tom", "Tom kommun").await.unwrap();
        let ics = oversyn_app::followup::calendar::ics(&store, empty.id, None, "")
            .await
            .unwrap();
        the_note(&ics);
        assert_ne!(uid(&ics), uid(&again), "each feed its own note");

        // With dates there is no note, and every event parses.
        let ics = oversyn_app::followup::calendar::ics(&store, t, None, "")
            .await
            .unwrap();
        well_formed(&ics);
        assert!(!ics.contains("VJOURNAL"));
        let parts = components(&ics);
        assert!(parts.len() >= 4, "{}", parts.len());
        assert!(
            parts
                .iter()
                .all(|c| matches!(c, CalendarComponent::Event(_)))
        );
    }
}
