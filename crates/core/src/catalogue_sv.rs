//! Swedish wording of the catalogue facts a report can show for reviews up
//! to 2011, written here from the same sources as the English text. A fact
//! without one is shown in English and marked so.

/// (English text as in the catalogue, Swedish text).
const SV: &[(&str, &str)] = &[
    (
        "Started in 1986 by the mayors of Barcelona, Birmingham, Frankfurt, Lyon, Milan and Rotterdam; the secretariat is in Brussels.",
        "Bildades 1986 av borgmästarna i Barcelona, Birmingham, Frankfurt, Lyon, Milano och Rotterdam; sekretariatet finns i Bryssel.",
    ),
    (
        "Created in 1985 as an association under the French law of 1901; the Secretariat General is in Barcelona.",
        "Bildades 1985 som en förening enligt den franska lagen från 1901; generalsekretariatet finns i Barcelona.",
    ),
    (
        "The 10th World Congress was held in Porto Alegre on 23–26 November 2011.",
        "Den tionde världskongressen hölls i Porto Alegre den 23–26 november 2011.",
    ),
    (
        "Metropolis is the metropolitan section of UCLG and was one of its founding members in 2004.",
        "Metropolis är UCLG:s storstadssektion och var en av dess grundande medlemmar 2004.",
    ),
    (
        "Founded in Paris on 5 May 2004 by merging IULA, UTO/FMCU and Metropolis; the World Secretariat is in Barcelona.",
        "Bildades i Paris den 5 maj 2004 genom en sammanslagning av IULA, UTO/FMCU och Metropolis; världssekretariatet finns i Barcelona.",
    ),
    (
        "Began in October 2005 when London mayor Ken Livingstone gathered 18 megacities (the \"C20\"); it counted 40 cities by 2006.",
        "Började i oktober 2005 när Londons borgmästare Ken Livingstone samlade 18 megastäder (\"C20\"); 2006 var städerna 40.",
    ),
    (
        "Founded in September 1990 at the UN in New York, at a congress of more than 200 local governments from 43 countries; the World Secretariat is in Bonn (earlier Toronto).",
        "Bildades i september 1990 vid FN i New York, vid en kongress med fler än 200 lokala myndigheter från 43 länder; världssekretariatet finns i Bonn (tidigare Toronto).",
    ),
    (
        "Launched by the European Commission on 29 January 2008.",
        "Startades av Europeiska kommissionen den 29 januari 2008.",
    ),
    (
        "Signatories that fail to submit their plan or reports can be suspended after written notice and are reactivated once they submit; 33 were suspended in November 2011.",
        "Undertecknare som inte lämnar in sin plan eller sina rapporter kan stängas av efter skriftlig påminnelse och återinträder när de lämnat in; 33 stängdes av i november 2011.",
    ),
    (
        "Founded in Geneva on 28 January 1951 by 56 mayors as the Council of European Municipalities; renamed CEMR in 1984.",
        "Bildades i Genève den 28 januari 1951 av 56 borgmästare som Council of European Municipalities; namnet CEMR sedan 1984.",
    ),
    (
        "Founded in Gdańsk on 21 September 1991 by 32 cities, on the initiative of Gdańsk and Kalmar; the secretariat is in Gdańsk.",
        "Bildades i Gdańsk den 21 september 1991 av 32 städer på initiativ av Gdańsk och Kalmar; sekretariatet finns i Gdańsk.",
    ),
    (
        "Karlstad, Mariehamn, Tartu and Vaasa were admitted by the Executive Board on 21 September 1996.",
        "Karlstad, Mariehamn, Tartu och Vasa antogs av styrelsen den 21 september 1996.",
    ),
    (
        "Founded in Besançon in 1990 by Gérard Magnin; head office in Besançon, with an office in Brussels.",
        "Grundades i Besançon 1990 av Gérard Magnin; huvudkontor i Besançon och ett kontor i Bryssel.",
    ),
    (
        "2011 fees by population: under 100,000 €1,250; 100,000–300,000 €2,500; 300,000–500,000 €3,750; over 500,000 €5,000; associations €2,500; a 50 % special fee for new member states, Eastern European and non-EU cities.",
        "Avgifter 2011 efter folkmängd: under 100 000 invånare 1 250 euro; 100 000–300 000 2 500 euro; 300 000–500 000 3 750 euro; över 500 000 5 000 euro; sammanslutningar 2 500 euro; en särskild avgift på 50 % för nya medlemsstater, östeuropeiska städer och städer utanför EU.",
    ),
    (
        "Founded in Frankfurt am Main in 1990 as a registered association (e.V.), with offices in Frankfurt and Brussels; it partners with COICA, the Amazon indigenous organisations.",
        "Bildades i Frankfurt am Main 1990 som registrerad förening (e.V.), med kontor i Frankfurt och Bryssel; samarbetar med COICA, Amazonområdets urfolksorganisationer.",
    ),
    (
        "Established on 24 June 1982 after Hiroshima mayor Takeshi Araki's proposal at the UN's second special session on disarmament; named Mayors for Peace since 2001, with its secretariat at the Hiroshima Peace Culture Foundation.",
        "Inrättades den 24 juni 1982 efter ett förslag av Hiroshimas borgmästare Takeshi Araki vid FN:s andra särskilda session om nedrustning; heter Mayors for Peace sedan 2001 och har sitt sekretariat vid Hiroshima Peace Culture Foundation.",
    ),
    (
        "Formed in 2008 by SKL on Sida's mandate as an association seated on Gotland; the first members were SKL, Gotland municipality and Lund University's political science department.",
        "Bildades 2008 av SKL på uppdrag av Sida som en förening med säte på Gotland; de första medlemmarna var SKL, Gotlands kommun och statsvetenskapliga institutionen vid Lunds universitet.",
    ),
    (
        "Set up by the Copenhagen Resolution of 12–13 October 2002.",
        "Inrättades genom Köpenhamnsresolutionen den 12–13 oktober 2002.",
    ),
    (
        "Stockholm has been a member since 1995.",
        "Stockholm har varit medlem sedan 1995.",
    ),
    (
        "Launched in Stockholm in April 1994 at a mayors' conference called by the City of Stockholm, where the founding cities drafted the Stockholm Resolution.",
        "Startades i Stockholm i april 1994 vid en borgmästarkonferens som Stockholms stad sammankallat, där de grundande städerna utarbetade Stockholmsresolutionen.",
    ),
    (
        "Some 20 member cities at the launch in 1994, and 260 by May 2003.",
        "Ett tjugotal medlemsstäder vid starten 1994 och 260 i maj 2003.",
    ),
];

/// A fact's text in `lang`: the Swedish wording where there is one, and
/// whether the text is in the language asked for.
pub fn fact_text(english: &str, lang: crate::Lang) -> (&str, bool) {
    if lang.is_en() {
        return (english, true);
    }
    match SV.iter().find(|(en, _)| *en == english) {
        Some((_, sv)) => (sv, true),
        None => (english, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn every_swedish_wording_belongs_to_a_catalogue_fact() {
        let facts: Vec<&str> = crate::catalogue::ENTRIES
            .iter()
            .flat_map(|e| e.facts.iter().map(|f| f.text))
            .collect();
        for (en, _) in SV {
            assert!(facts.contains(en), "no catalogue fact reads {en:?}");
        }
    }

    #[test]
    fn a_fact_is_given_in_swedish_or_marked_english() {
        let (sv, ok) = fact_text("Stockholm has been a member since 1995.", Lang::Sv);
        assert_eq!((sv, ok), ("Stockholm har varit medlem sedan 1995.", true));
        assert_eq!(
            fact_text("Anything else.", Lang::Sv),
            ("Anything else.", false)
        );
        assert_eq!(
            fact_text("Anything else.", Lang::En),
            ("Anything else.", true)
        );
    }
}
