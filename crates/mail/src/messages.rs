//! The texts of invitations and reminders, in Swedish and English.

use crate::Outgoing;

pub struct Invitation<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub lang: &'a str,
    pub city: &'a str,
    pub review_title: &'a str,
    pub organisations: &'a [String],
    pub closes_on: &'a str,
    pub link: &'a str,
}

/// An invitation (`reminder` false) or a reminder to answer a review.
pub fn invitation(i: &Invitation<'_>, reminder: bool) -> Outgoing {
    let orgs = i.organisations.join(", ");
    let (subject, body) = if i.lang == "en" {
        let subject = if reminder {
            format!("Reminder: {}", i.review_title)
        } else {
            i.review_title.to_owned()
        };
        let opening = if reminder {
            "This is a reminder: we have not yet received your answers."
        } else {
            "You are invited to answer a few questions."
        };
        let body = format!(
            "Dear {name},\n\n{opening}\n\n{city} is reviewing its membership in {orgs} against its international strategy. \
             You are, or have been, active in the work, and your experience matters.\n\n\
             Answer here (personal link, no login needed):\n{link}\n\n\
             Your answers are saved as you go, and you can change them until {closes}.\n\n\
             Thank you!\n",
            name = i.name,
            city = i.city,
            link = i.link,
            closes = i.closes_on,
        );
        (subject, body)
    } else {
        let subject = if reminder {
            format!("Påminnelse: {}", i.review_title)
        } else {
            i.review_title.to_owned()
        };
        let opening = if reminder {
            "Det här är en påminnelse: vi har ännu inte fått dina svar."
        } else {
            "Du är inbjuden att svara på några frågor."
        };
        let body = format!(
            "Hej {name},\n\n{opening}\n\n{city} ser över sitt medlemskap i {orgs} mot stadens internationella strategi. \
             Du är eller har varit aktiv i arbetet, och dina erfarenheter är viktiga.\n\n\
             Svara här (personlig länk, ingen inloggning behövs):\n{link}\n\n\
             Svaren sparas medan du fyller i, och du kan ändra dem till och med {closes}.\n\n\
             Tack!\n",
            name = i.name,
            city = i.city,
            link = i.link,
            closes = i.closes_on,
        );
        (subject, body)
    };
    Outgoing {
        to: i.to.to_owned(),
        subject,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_carry_the_link_in_the_chosen_language() {
        let orgs = vec!["EUROCITIES".to_string(), "UCLG".to_string()];
        let i = Invitation {
            to: "a@b.se",
            name: "Anna",
            lang: "sv",
            city: "Stockholms stad",
            review_title: "Översyn 2011",
            organisations: &orgs,
            closes_on: "2011-02-28",
            link: "https://x/respond/abc",
        };
        let m = invitation(&i, false);
        assert!(m.body.contains("https://x/respond/abc"));
        assert!(m.body.contains("EUROCITIES, UCLG"));
        assert_eq!(m.subject, "Översyn 2011");
        let r = invitation(&Invitation { lang: "en", ..i }, true);
        assert!(r.subject.starts_with("Reminder"));
        assert!(r.body.contains("Dear Anna"));
    }
}
