//! Privacy notices (GDPR art. 13 and 14) for each kind of person Översyn
//! holds data about, and the purposes with their legal basis and retention.
//! The product ships a template in Swedish and English; the tenant's own
//! wording replaces it in its settings.

use super::RespondentRetention;
use crate::Lang;

/// Whom a notice speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Respondent,
    Official,
    Politician,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 3] = [
        NoticeKind::Respondent,
        NoticeKind::Official,
        NoticeKind::Politician,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::Respondent => "respondent",
            NoticeKind::Official => "official",
            NoticeKind::Politician => "politician",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// The tenant setting that holds its wording in `lang`.
    pub fn setting(self, lang: Lang) -> String {
        format!("privacy_notice.{}.{}", self.code(), lang.code())
    }
}

/// What a purpose's notice needs to know about the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller<'a> {
    /// The municipality or region, e.g. "Stockholms stad".
    pub name: &'a str,
    /// Its office's address for questions, if it has given one.
    pub email: Option<&'a str>,
    pub retention: RespondentRetention,
}

/// A purpose data is kept for, with its legal basis and how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Reviews: who was asked, and their answers.
    Review,
    /// The register of who represents the city where.
    Register,
    /// Decision cases: positions, votes and reservations.
    Cases,
}

impl Purpose {
    pub const ALL: [Purpose; 3] = [Purpose::Review, Purpose::Register, Purpose::Cases];

    pub fn code(self) -> &'static str {
        match self {
            Purpose::Review => "review",
            Purpose::Register => "register",
            Purpose::Cases => "cases",
        }
    }

    /// The settings that hold the tenant's legal basis and retention.
    pub fn basis_setting(self, lang: Lang) -> String {
        format!("privacy_purpose.{}.basis.{}", self.code(), lang.code())
    }

    pub fn retention_setting(self, lang: Lang) -> String {
        format!("privacy_purpose.{}.retention.{}", self.code(), lang.code())
    }

    /// The shipped legal basis, until the tenant writes its own.
    pub fn default_basis(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Purpose::Review | Purpose::Register, Lang::Sv) => {
                "Uppgift av allmänt intresse (GDPR art. 6.1 e): kommunens arbete med internationella samarbeten enligt kommunallagen."
            }
            (Purpose::Review | Purpose::Register, Lang::En) => {
                "A task in the public interest (GDPR art. 6.1 e): the municipality's work with international cooperation under the Local Government Act."
            }
            (Purpose::Cases, Lang::Sv) => {
                "Rättslig förpliktelse (GDPR art. 6.1 c): beslut och reservationer ska protokollföras och arkiveras (kommunallagen, arkivlagen). Partitillhörighet för förtroendevalda är offentliggjord av den registrerade (art. 9.2 e)."
            }
            (Purpose::Cases, Lang::En) => {
                "A legal obligation (GDPR art. 6.1 c): decisions and reservations must be minuted and archived (Local Government Act, Archives Act). Elected members' party is made public by themselves (art. 9.2 e)."
            }
        }
    }

    /// The shipped retention, until the tenant writes its own.
    pub fn default_retention(self, lang: Lang, rule: RespondentRetention) -> String {
        match (self, lang) {
            (Purpose::Review, _) => respondent_retention_text(rule, lang),
            (Purpose::Register, Lang::Sv) => {
                "Så länge uppdraget pågår; därefter enligt kommunens dokumenthanteringsplan.".to_owned()
            }
            (Purpose::Register, Lang::En) => {
                "While the appointment lasts; after that as the municipality's records management plan says.".to_owned()
            }
            (Purpose::Cases, Lang::Sv) => "Bevaras (arkivlagen).".to_owned(),
            (Purpose::Cases, Lang::En) => "Kept permanently (Archives Act).".to_owned(),
        }
    }
}

/// How long respondents' names and addresses are kept, in words.
pub fn respondent_retention_text(rule: RespondentRetention, lang: Lang) -> String {
    match (rule, lang) {
        (RespondentRetention::UntilDecided, Lang::Sv) => "Namn och e-postadress tas bort när ärendet som bygger på översynen är beslutat; i anonyma översyner när översynen stänger. Svaren sparas utan namn.".to_owned(),
        (RespondentRetention::UntilDecided, Lang::En) => "Names and e-mail addresses are removed when the case based on the review is decided; in anonymous reviews when the review closes. The answers are kept without names.".to_owned(),
        (RespondentRetention::DaysAfterClose(d), Lang::Sv) => format!("Namn och e-postadress tas bort {d} dagar efter att översynen stängt; i anonyma översyner när den stänger. Svaren sparas utan namn."),
        (RespondentRetention::DaysAfterClose(d), Lang::En) => format!("Names and e-mail addresses are removed {d} days after the review closed; in anonymous reviews when it closes. The answers are kept without names."),
    }
}

/// The shipped notice for `kind` in `lang`, for the tenant to adapt.
pub fn template(kind: NoticeKind, lang: Lang, c: &Controller<'_>) -> String {
    let contact = match (c.email, lang) {
        (Some(e), Lang::Sv) => format!("Frågor, begäran om utdrag (art. 15), rättelse eller radering: {e}."),
        (Some(e), Lang::En) => format!("Questions, requests for a copy (art. 15), correction or erasure: {e}."),
        (None, Lang::Sv) => "Frågor, begäran om utdrag (art. 15), rättelse eller radering: kontakta kommunens dataskyddsombud.".to_owned(),
        (None, Lang::En) => "Questions, requests for a copy (art. 15), correction or erasure: contact the municipality's data protection officer.".to_owned(),
    };
    let name = c.name;
    let body = match (kind, lang) {
        (NoticeKind::Respondent, Lang::Sv) => format!(
            "{name} är personuppgiftsansvarig. Du får frågor i en översyn av stadens medlemskap i internationella organisationer eftersom du företräder staden i någon av dem. Vi behandlar ditt namn, din e-postadress och dina svar för att genomföra och redovisa översynen (allmänt intresse, GDPR art. 6.1 e).\n\n{}\n\nDina svar blir allmänna handlingar hos {name} och kan lämnas ut på begäran, om inte sekretess gäller enligt offentlighets- och sekretesslagen (OSL). Redovisningen visar bara grupper med minst så många svarande som översynen anger.",
            respondent_retention_text(c.retention, lang)
        ),
        (NoticeKind::Respondent, Lang::En) => format!(
            "{name} is the controller. You are asked questions in a review of the city's memberships in international organisations because you represent the city in one of them. We process your name, e-mail address and answers to carry out and report the review (public interest, GDPR art. 6.1 e).\n\n{}\n\nYour answers become public records held by {name} and may be released on request unless secrecy applies under the Public Access to Information and Secrecy Act (OSL). The report shows only groups with at least as many respondents as the review sets.",
            respondent_retention_text(c.retention, lang)
        ),
        (NoticeKind::Official, Lang::Sv) => format!(
            "{name} är personuppgiftsansvarig. Som tjänsteperson som företräder staden i en internationell organisation finns ditt namn, din förvaltning, din e-postadress och dina uppdrag i stadens register över medlemskap (allmänt intresse, GDPR art. 6.1 e). Partitillhörighet registreras inte för tjänstepersoner. Uppgifterna sparas så länge uppdraget pågår och därefter enligt dokumenthanteringsplanen."
        ),
        (NoticeKind::Official, Lang::En) => format!(
            "{name} is the controller. As an official who represents the city in an international organisation, your name, department, e-mail address and appointments are in the city's register of memberships (public interest, GDPR art. 6.1 e). No party is recorded for officials. The data is kept while the appointment lasts and then as the records management plan says."
        ),
        (NoticeKind::Politician, Lang::Sv) => format!(
            "{name} är personuppgiftsansvarig. Som förtroendevald finns ditt namn, ditt parti, dina uppdrag och mandatperioder i stadens register över medlemskap (allmänt intresse, GDPR art. 6.1 e; partitillhörighet som du själv offentliggjort, art. 9.2 e). Dina yrkanden, röster och reservationer i beslutade ärenden är allmänna handlingar som bevaras enligt arkivlagen och kan inte raderas."
        ),
        (NoticeKind::Politician, Lang::En) => format!(
            "{name} is the controller. As an elected member, your name, party, appointments and terms of office are in the city's register of memberships (public interest, GDPR art. 6.1 e; a party you made public yourself, art. 9.2 e). Your motions, votes and reservations in decided cases are public records kept under the Archives Act and cannot be erased."
        ),
    };
    format!("{body}\n\n{contact}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stockholm(email: Option<&str>) -> Controller<'_> {
        Controller {
            name: "Stockholms stad",
            email,
            retention: RespondentRetention::DaysAfterClose(90),
        }
    }

    #[test]
    fn every_notice_names_the_controller_and_how_to_reach_it() {
        for kind in NoticeKind::ALL {
            for lang in [Lang::Sv, Lang::En] {
                let t = template(kind, lang, &stockholm(Some("dpo@stockholm.example")));
                assert!(t.contains("Stockholms stad"), "{t}");
                assert!(t.contains("dpo@stockholm.example"), "{t}");
                assert!(t.contains("6.1 e"), "the legal basis: {t}");
            }
        }
    }

    #[test]
    fn respondents_are_told_about_public_records_and_retention() {
        let sv = template(NoticeKind::Respondent, Lang::Sv, &stockholm(None));
        assert!(sv.contains("allmänna handlingar") && sv.contains("sekretess"));
        assert!(sv.contains("90 dagar"));
        let en = template(NoticeKind::Respondent, Lang::En, &stockholm(None));
        assert!(en.contains("public records") && en.contains("90 days"));
    }

    #[test]
    fn settings_read_back_to_their_kind() {
        for kind in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(kind.code()), Some(kind));
            assert!(kind.setting(Lang::En).ends_with(".en"));
        }
        assert_eq!(NoticeKind::parse("mayor"), None);
    }
}
