//! Swedish wording of every catalogue fact, written here from the same
//! sources as the English text. A fact without one (a fact added to the
//! catalogue later) is shown in English and marked so.

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
    // The remaining facts, in catalogue order.
    (
        "More than 200 cities in 38 European countries, representing about 130 million people.",
        "Fler än 200 städer i 38 europeiska länder, som företräder cirka 130 miljoner människor.",
    ),
    (
        "Cities of 250,000 or more can join: EU cities as full members, other European cities as associate members; cities above 50,000 can be partners and companies associated business partners.",
        "Städer med 250 000 invånare eller fler kan ansluta sig: städer inom EU som fullvärdiga medlemmar och övriga europeiska städer som associerade medlemmar; städer med fler än 50 000 invånare kan bli partner och företag associerade affärspartner.",
    ),
    (
        "An Executive Committee of 12 elected cities meets at least three times a year and oversees the work programme, internal rules and budget approved by the AGM; the work runs through six thematic forums.",
        "En verkställande kommitté med 12 valda städer sammanträder minst tre gånger om året och följer upp det arbetsprogram, de interna regler och den budget som årsmötet har godkänt; arbetet bedrivs i sex tematiska forum.",
    ),
    (
        "No public fee scale; Belfast renewed its membership for about £16,300 in 2023.",
        "Ingen offentlig avgiftsskala; Belfast förnyade sitt medlemskap för cirka 16 300 brittiska pund 2023.",
    ),
    (
        "Stockholm has been a member since 1995; its mayor was vice-president from November 2016 and president from November 2018.",
        "Stockholm har varit medlem sedan 1995; stadens finansborgarråd var vice ordförande från november 2016 och ordförande från november 2018.",
    ),
    (
        "Open to cities and metropolitan regions of more than one million inhabitants; new members are ratified by the Board of Directors.",
        "Öppen för städer och storstadsregioner med fler än en miljon invånare; nya medlemmar godkänns av styrelsen.",
    ),
    (
        "139 members in 2018, up from 106 in 2008; the City of Berlin later gives 144.",
        "139 medlemmar 2018, en ökning från 106 år 2008; staden Berlin anger senare 144.",
    ),
    (
        "The General Assembly, the sovereign body, meets at least every three years, elects or ratifies the Board of Directors and approves the action plan; only members paid up for the previous year may vote.",
        "Generalförsamlingen, som är det högsta beslutande organet, sammanträder minst vart tredje år, väljer eller fastställer styrelsen och godkänner handlingsplanen; endast medlemmar som har betalat avgiften för föregående år har rösträtt.",
    ),
    (
        "Over 1,000 cities in 95 countries and 112 local government associations are members.",
        "Fler än 1 000 städer i 95 länder och 112 kommunförbund är medlemmar.",
    ),
    (
        "Art. 14: the World Council sets annual fees on the Executive Bureau's proposal; for local governments they reflect the inhabitants represented and the country's economic development.",
        "Art. 14: världsrådet fastställer årsavgifterna på förslag av exekutiva byrån; för lokala myndigheter speglar avgifterna antalet invånare som företräds och landets ekonomiska utveckling.",
    ),
    (
        "Art. 15: membership takes effect when the new member's first payment is received.",
        "Art. 15: medlemskapet börjar gälla när den nya medlemmens första inbetalning har kommit in.",
    ),
    (
        "Art. 16: a member may resign at any time with at least six months' written notice and still owes outstanding dues, including a pro rata share.",
        "Art. 16: en medlem kan när som helst utträda med minst sex månaders skriftlig uppsägning och är fortfarande skyldig att betala utestående avgifter, inklusive en proportionell andel.",
    ),
    (
        "The General Assembly meets at the World Congress; the World Council (about 340 members) meets once a year and the Executive Bureau (116 members) twice a year.",
        "Generalförsamlingen sammanträder i samband med världskongressen; världsrådet (cirka 340 ledamöter) sammanträder en gång om året och exekutiva byrån (116 ledamöter) två gånger om året.",
    ),
    ("About 96 member cities.", "Cirka 96 medlemsstäder."),
    (
        "Since October 2012 there are three categories: Megacities, Innovator Cities, and Observer Cities as a short-term status for new applicants.",
        "Sedan oktober 2012 finns tre kategorier: Megacities, Innovator Cities samt Observer Cities, som är en tidsbegränsad status för nya sökande.",
    ),
    (
        "There is no membership fee; instead every city is reviewed each year against the Leadership Standards.",
        "Det finns ingen medlemsavgift; i stället granskas varje stad årligen mot Leadership Standards.",
    ),
    (
        "Led by co-chairs, a Board with Michael Bloomberg as president, and a rotating steering committee of mayors.",
        "Leds av medordförande, en styrelse med Michael Bloomberg som ordförande och en styrkommitté av borgmästare med roterande sammansättning.",
    ),
    (
        "Stockholm has been a member since 2007 as an Innovator City and sat on the steering committee from 2019 to 2022.",
        "Stockholm har varit medlem sedan 2007 som Innovator City och satt i styrkommittén från 2019 till 2022.",
    ),
    (
        "More than 2,500 local and regional governments are members.",
        "Fler än 2 500 lokala och regionala myndigheter är medlemmar.",
    ),
    (
        "Full membership is for local governments and their national or regional associations; NGOs, universities and research institutes can be associate partners; new members need Global Executive Committee approval.",
        "Fullvärdigt medlemskap är öppet för lokala myndigheter och deras nationella eller regionala sammanslutningar; icke-statliga organisationer, universitet och forskningsinstitut kan bli associerade partner; nya medlemmar måste godkännas av den globala verkställande kommittén.",
    ),
    (
        "Fees are paid yearly for a 12-month period and computed from population and the World Bank GNI per capita.",
        "Avgifterna betalas årligen för en period om 12 månader och beräknas utifrån folkmängd och Världsbankens uppgift om BNI per capita.",
    ),
    (
        "The Council meets every three years at the World Congress and adopts the strategic plan; a Global Executive Committee and nine Regional Executive Committees serve three-year terms.",
        "Rådet sammanträder vart tredje år i samband med världskongressen och antar den strategiska planen; en global verkställande kommitté och nio regionala verkställande kommittéer har treåriga mandatperioder.",
    ),
    (
        "Katrin Stjernfeldt Jammeh (Malmö) has been president since 2021.",
        "Katrin Stjernfeldt Jammeh (Malmö) har varit ordförande sedan 2021.",
    ),
    (
        "Open to democratically constituted European local authorities of any size (small ones may join as a group); the council decision date counts as the joining date and joining is free.",
        "Öppen för demokratiskt konstituerade europeiska lokala myndigheter av alla storlekar (små kan ansluta sig som grupp); dagen för fullmäktigebeslutet räknas som anslutningsdag och anslutningen är kostnadsfri.",
    ),
    (
        "Signatories must submit a climate and energy action plan (SECAP) within two years and a monitoring report every two years.",
        "Undertecknarna ska lämna in en handlingsplan för klimat och energi (SECAP) inom två år och en uppföljningsrapport vartannat år.",
    ),
    (
        "More than 10,000 local authorities, covering about a third of the EU population.",
        "Fler än 10 000 lokala myndigheter, som omfattar ungefär en tredjedel av EU:s befolkning.",
    ),
    (
        "Run by the European Commission together with a consortium of CEMR, Climate Alliance, Energy Cities, EUROCITIES and FEDARENE.",
        "Drivs av Europeiska kommissionen tillsammans med ett konsortium bestående av CEMR, Climate Alliance, Energy Cities, EUROCITIES och FEDARENE.",
    ),
    (
        "Announced on 22 June 2016 as a merger of the EU Covenant of Mayors and the Compact of Mayors, which Ban Ki-moon and Michael Bloomberg launched in September 2014 with C40, ICLEI and UCLG.",
        "Tillkännagavs den 22 juni 2016 som en sammanslagning av EU:s Covenant of Mayors och Compact of Mayors, som Ban Ki-moon och Michael Bloomberg startade i september 2014 tillsammans med C40, ICLEI och UCLG.",
    ),
    (
        "About 7,100 cities in 119 countries at the launch.",
        "Cirka 7 100 städer i 119 länder vid starten.",
    ),
    (
        "Later more than 10,000 cities in 138 countries, served by a Global Secretariat in Brussels.",
        "Senare fler än 10 000 städer i 138 länder, med stöd av ett globalt sekretariat i Bryssel.",
    ),
    (
        "Cities take part through regional or national covenants, supported by secretariats funded by the European Commission.",
        "Städerna deltar genom regionala eller nationella covenants, med stöd av sekretariat som finansieras av Europeiska kommissionen.",
    ),
    (
        "Co-chaired at its launch by Michael Bloomberg and European Commission Vice-President Maroš Šefčovič.",
        "Leddes vid starten av Michael Bloomberg och Europeiska kommissionens vice ordförande Maroš Šefčovič som medordförande.",
    ),
    (
        "60 national associations of local and regional governments in 41 countries, together representing more than 110,000 local and regional governments.",
        "60 nationella kommun- och regionförbund i 41 länder, som tillsammans företräder fler än 110 000 kommuner och regioner.",
    ),
    (
        "Its members are national associations (such as SKR, KS and Kuntaliitto), not individual municipalities.",
        "Medlemmarna är nationella förbund (till exempel SKR, KS och Kuntaliitto), inte enskilda kommuner.",
    ),
    (
        "Fees from national associations make up most of a budget of about €2.5 million; roughly 15 % comes from an EC grant.",
        "Avgifter från de nationella förbunden utgör merparten av en budget på cirka 2,5 miljoner euro; ungefär 15 % kommer från ett bidrag från Europeiska kommissionen.",
    ),
    (
        "The Policy Committee, with more than 170 representatives nominated by national associations for three years, meets twice a year and approves the budget, work programme and new members; a Congress is held every three years (26th in Nicosia, April 2016).",
        "Policykommittén, med fler än 170 företrädare som nomineras av de nationella förbunden för tre år, sammanträder två gånger om året och godkänner budget, arbetsprogram och nya medlemmar; en kongress hålls vart tredje år (den 26:e i Nicosia i april 2016).",
    ),
    (
        "CEMR is the European section of UCLG.",
        "CEMR är UCLG:s europeiska sektion.",
    ),
    (
        "About 88 member cities in Denmark, Estonia, Finland, Germany, Latvia, Lithuania, Norway, Poland and Sweden.",
        "Cirka 88 medlemsstäder i Danmark, Estland, Finland, Tyskland, Lettland, Litauen, Norge, Polen och Sverige.",
    ),
    (
        "There are Member Cities, Associated Cities and Partners, all approved by the Executive Board.",
        "Det finns medlemsstäder, associerade städer och partner, som alla godkänns av styrelsen.",
    ),
    (
        "A General Conference meets every two years; the Presidium serves two-year terms; the Executive Board (one city per country plus the Presidium) decides between conferences; thematic Commissions do the work.",
        "En generalkonferens hålls vartannat år; presidiet har tvååriga mandatperioder; styrelsen (en stad per land samt presidiet) fattar beslut mellan konferenserna; arbetet bedrivs i tematiska kommissioner.",
    ),
    (
        "About 180 direct members, representing some 1,000 towns and cities in 30 countries.",
        "Cirka 180 direkta medlemmar, som företräder omkring 1 000 större och mindre städer i 30 länder.",
    ),
    (
        "A Board of Directors of representatives from 11 cities meets three times a year; Heidelberg held the presidency 2005–2023 and Leuven from 2023; Växjö sits on the board.",
        "En styrelse med företrädare för 11 städer sammanträder tre gånger om året; Heidelberg innehade ordförandeskapet 2005–2023 och Leuven från 2023; Växjö ingår i styrelsen.",
    ),
    (
        "1,915 members in July 2022.",
        "1 915 medlemmar i juli 2022.",
    ),
    (
        "A municipality joins by a council decision committing to the Charter, which the Board then confirms; states, provinces and NGOs can become associate members.",
        "En kommun ansluter sig genom ett fullmäktigebeslut om att ställa sig bakom stadgan (Charter), vilket styrelsen därefter bekräftar; delstater, provinser och icke-statliga organisationer kan bli associerade medlemmar.",
    ),
    (
        "Members commit to cutting greenhouse gas emissions continuously, by 95 % by 2050 compared with 1990.",
        "Medlemmarna åtar sig att kontinuerligt minska utsläppen av växthusgaser, med 95 % till 2050 jämfört med 1990.",
    ),
    (
        "Municipalities pay €0.0077 per inhabitant a year (minimum €231, maximum €15,000); indigenous organisations pay nothing and Eastern European municipalities get 50 % off.",
        "Kommuner betalar 0,0077 euro per invånare och år (lägst 231 euro, högst 15 000 euro); urfolksorganisationer betalar ingenting och östeuropeiska kommuner får 50 % rabatt.",
    ),
    (
        "7,847 cities in 163 countries and regions.",
        "7 847 städer i 163 länder och regioner.",
    ),
    (
        "A city joins with a registration form or a letter from its mayor; membership starts on the first day of the following month.",
        "En stad ansluter sig med en anmälningsblankett eller ett brev från sin borgmästare; medlemskapet börjar den första dagen i påföljande månad.",
    ),
    (
        "A fee of 2,000 yen per city a year, approved in 2013 and charged from FY2015; cities keep their membership if they do not pay, and exemptions are possible.",
        "En avgift på 2 000 yen per stad och år, beslutad 2013 och uttagen från och med räkenskapsåret 2015; städer behåller sitt medlemskap även om de inte betalar, och befrielse från avgiften kan medges.",
    ),
    (
        "The General Conference meets in principle every four years (alternately in Hiroshima and Nagasaki) and the Executive Conference about every two years; the Mayor of Hiroshima is president.",
        "Generalkonferensen hålls i princip vart fjärde år (växelvis i Hiroshima och Nagasaki) och den verkställande konferensen ungefär vartannat år; Hiroshimas borgmästare är ordförande.",
    ),
    (
        "A non-profit association with SKR as principal (huvudman), financed by Sida, with offices in Visby and Stockholm.",
        "En ideell förening med SKR som huvudman, finansierad av Sida, med kontor i Visby och Stockholm.",
    ),
    (
        "Not a city-membership network: municipalities take part through grant-funded municipal partnerships, international training programmes and research.",
        "Inte ett nätverk med städer som medlemmar: kommuner deltar genom bidragsfinansierade kommunala partnerskap, internationella utbildningsprogram och forskning.",
    ),
    (
        "Sida decided not to renew its core support, which runs until 31 December 2026.",
        "Sida beslutade att inte förnya sitt kärnstöd, som löper till den 31 december 2026.",
    ),
    (
        "Started in 2016 by the Nordic Council of Ministers; an independent non-profit association since 2020.",
        "Startades 2016 av Nordiska ministerrådet; en fristående ideell förening sedan 2020.",
    ),
    ("18–19 active member cities.", "18–19 aktiva medlemsstäder."),
    (
        "Helsinki pays 75,000 DKK (about €10,000) a year.",
        "Helsingfors betalar 75 000 DKK (cirka 10 000 euro) per år.",
    ),
    (
        "Stockholm, Copenhagen, Oslo, Helsinki and Reykjavik signed the Nordic Capital Code in Stockholm in 2019.",
        "Stockholm, Köpenhamn, Oslo, Helsingfors och Reykjavik undertecknade Nordic Capital Code i Stockholm 2019.",
    ),
    (
        "11 capitals and metropolises: Berlin, Copenhagen, Helsinki, Malmö, Oslo, Riga, St Petersburg, Stockholm, Tallinn, Vilnius and Warsaw.",
        "11 huvudstäder och storstäder: Berlin, Köpenhamn, Helsingfors, Malmö, Oslo, Riga, S:t Petersburg, Stockholm, Tallinn, Vilnius och Warszawa.",
    ),
    (
        "The presidency rotates among the member cities.",
        "Ordförandeskapet roterar mellan medlemsstäderna.",
    ),
    (
        "Launched at the UN on 29 September 2015.",
        "Startades vid FN den 29 september 2015.",
    ),
    (
        "An independent global network of more than 230 cities; its Management Unit is hosted by the Institute for Strategic Dialogue (ISD), with regional hubs.",
        "Ett fristående globalt nätverk med fler än 230 städer; dess ledningsenhet (Management Unit) finns vid Institute for Strategic Dialogue (ISD), och nätverket har regionala nav.",
    ),
    (
        "Any sub-national authority counts as a city and can join.",
        "Varje myndighet på subnationell nivå räknas som stad och kan ansluta sig.",
    ),
    (
        "An International Steering Committee of 25 member cities, a Management Unit and an Expert Pool; the 4th Global Summit met in New York in September 2023.",
        "En internationell styrkommitté med 25 medlemsstäder, en ledningsenhet (Management Unit) och en expertpool (Expert Pool); det fjärde globala toppmötet hölls i New York i september 2023.",
    ),
    (
        "Government partners are Australia, Denmark, the Netherlands, Norway and the USA.",
        "Partner på statlig nivå är Australien, Danmark, Nederländerna, Norge och USA.",
    ),
    (
        "Created in 2004 on a UNESCO initiative; about 120 members.",
        "Bildades 2004 på initiativ av UNESCO; cirka 120 medlemmar.",
    ),
    (
        "Cities with more than 500,000 inhabitants pay €1,500 a year.",
        "Städer med fler än 500 000 invånare betalar 1 500 euro per år.",
    ),
    (
        "Members report every year on their work under the ten-point plan of action.",
        "Medlemmarna rapporterar varje år om sitt arbete enligt handlingsplanen i tio punkter.",
    ),
    (
        "Stockholm was admitted in October 2015 at the meeting in Karlsruhe.",
        "Stockholm antogs som medlem i oktober 2015 vid mötet i Karlsruhe.",
    ),
    ("Helsinki is also a member.", "Även Helsingfors är medlem."),
    (
        "Helsinki, a member since 2002, decided on 27 October 2014 to leave from the beginning of 2016.",
        "Helsingfors, som varit medlem sedan 2002, beslutade den 27 oktober 2014 att utträda vid ingången av 2016.",
    ),
    (
        "Helsinki's city board decided to rejoin on 30 September 2019.",
        "Helsingfors stadsstyrelse beslutade den 30 september 2019 att åter ansluta sig.",
    ),
    (
        "Helsinki pays a fee of 6,000 USD a year.",
        "Helsingfors betalar en avgift på 6 000 USD per år.",
    ),
    (
        "Sweden's association of local authorities and regions, called SKL until 2019; every Swedish municipality is a member.",
        "Sveriges förbund för kommuner och regioner, som hette SKL fram till 2019; samtliga svenska kommuner är medlemmar.",
    ),
    (
        "SKR is a member of CEMR, where five SKR members sit on the Policy Committee.",
        "SKR är medlem i CEMR, där fem ledamöter från SKR sitter i policykommittén.",
    ),
    (
        "SKR is a member of UCLG, which it calls its global umbrella organisation; an SKR politician has been UCLG vice-president.",
        "SKR är medlem i UCLG, som SKR beskriver som sin globala paraplyorganisation; en politiker från SKR har varit vice ordförande i UCLG.",
    ),
    (
        "SKR is the principal (huvudman) of ICLD, which SKL set up in 2008 on Sida's mandate.",
        "SKR är huvudman för ICLD, som SKL inrättade 2008 på uppdrag av Sida.",
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
    fn every_catalogue_fact_has_a_swedish_wording() {
        for fact in crate::catalogue::ENTRIES
            .iter()
            .flat_map(|e| e.facts.iter())
        {
            assert!(
                SV.iter().any(|(en, _)| *en == fact.text),
                "no Swedish wording for {:?}",
                fact.text
            );
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
