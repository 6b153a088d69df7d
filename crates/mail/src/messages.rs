//! The texts of invitations and reminders, in Swedish and English; the
//! wording is in `mail.ftl` of oversyn-i18n.

use crate::Outgoing;
use oversyn_i18n::{Lang, Text};

pub struct Invitation<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub lang: Lang,
    pub city: &'a str,
    pub review_title: &'a str,
    pub organisations: &'a [String],
    pub closes_on: &'a str,
    pub link: &'a str,
    /// The tenant's privacy notice (GDPR art. 13).
    pub privacy: &'a str,
}

/// An invitation (`reminder` false) or a reminder to answer a review.
pub fn invitation(i: &Invitation<'_>, reminder: bool) -> Outgoing {
    let l = i.lang;
    let subject = if reminder {
        l.t1("mail-reminder-subject", "title", i.review_title)
    } else {
        i.review_title.to_owned()
    };
    let opening = l.t(if reminder {
        "mail-opening-reminder"
    } else {
        "mail-opening-invitation"
    });
    let why = l.t_args(
        "mail-why",
        &[
            ("city", i.city.to_owned()),
            ("organisations", i.organisations.join(", ")),
        ],
    );
    let body = format!(
        "{greeting}\n\n{opening}\n\n{why}\n\n{answer}\n{link}\n\n{saved}\n\n{thanks}\n\n{privacy}\n",
        greeting = l.t1("mail-greeting", "name", i.name),
        answer = l.t("mail-answer-here"),
        link = i.link,
        saved = l.t1("mail-saved", "closes", i.closes_on),
        thanks = l.t("mail-thanks"),
        privacy = l.t1("mail-privacy", "link", i.privacy),
    );
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
            lang: Lang::Sv,
            city: "Stockholms stad",
            review_title: "Översyn 2011",
            organisations: &orgs,
            closes_on: "2011-02-28",
            link: "https://x/respond/abc",
            privacy: "https://x/privacy/stockholm#respondent",
        };
        let m = invitation(&i, false);
        assert!(m.body.contains("https://x/respond/abc"));
        assert!(
            m.body
                .contains("personuppgifter: https://x/privacy/stockholm#respondent"),
            "{}",
            m.body
        );
        assert!(m.body.contains("EUROCITIES, UCLG"));
        assert_eq!(m.subject, "Översyn 2011");
        let r = invitation(
            &Invitation {
                lang: Lang::En,
                ..i
            },
            true,
        );
        assert!(r.subject.starts_with("Reminder"));
        assert!(r.body.contains("Dear Anna"));
    }
}
