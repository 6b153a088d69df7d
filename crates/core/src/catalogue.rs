//! The shared catalogue of real international organisations and networks,
//! seeded into every installation. Every fact carries its source and the
//! date it was true, taken from `shared/reference/organisations.md` (ECAD's
//! from the pages its facts name, found after the 2011 reservation asked
//! for its evaluation).

use crate::codes::{OrgKind, RelationKind};

/// One sourced fact about an organisation, shown with its source and date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is about: "members", "fees", "exit", "governance", "founded", …
    pub topic: &'static str,
    pub text: &'static str,
    pub source: &'static str,
    /// When the fact was true or published, as precise as the source allows ("2023", "2011-11").
    /// A report reads this as the day the fact came into force.
    pub as_of: &'static str,
    /// When a later fact on the same point replaced it, dated as precisely
    /// as the replacing fact's source allows; `None` while nothing has.
    pub valid_to: Option<&'static str>,
}

/// The topics that describe a network itself; any other topic names the
/// one member city a fact is about ("stockholm").
pub const NETWORK_TOPICS: [&str; 7] = [
    "exit",
    "fees",
    "founded",
    "governance",
    "members",
    "membership",
    "relations",
];

/// Whether a fact belongs in `tenant_slug`'s documents: facts about the
/// network always, facts about one member city only in that city's.
pub fn fact_concerns(topic: &str, tenant_slug: &str) -> bool {
    NETWORK_TOPICS.contains(&topic) || topic == tenant_slug
}

/// Whether a fact dated `as_of` ("2023", "2011-11", "2014-10-27") was
/// already true on `date`: a report shows the facts as they stood when its
/// review closed, not those found later. A fact dated by year or month
/// counts from the first day of it; an unreadable date counts as unknown.
pub fn known_on(as_of: &str, date: chrono::NaiveDate) -> bool {
    let mut parts = as_of.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(year)), month, day) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let first = chrono::NaiveDate::from_ymd_opt(
        year as i32,
        month.flatten().unwrap_or(1),
        day.flatten().unwrap_or(1),
    );
    first.is_some_and(|f| f <= date)
}

/// Whether a fact in force from `as_of` until `valid_to` held on `date`: a
/// report shows the facts in force on its review's closing day, so a
/// member count that a newer count replaced no longer shows after it.
pub fn in_force_on(as_of: &str, valid_to: Option<&str>, date: chrono::NaiveDate) -> bool {
    known_on(as_of, date) && !valid_to.is_some_and(|to| known_on(to, date))
}

/// A name an organisation had before its present one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormerName {
    pub slug: &'static str,
    /// The short name documents used, e.g. "SKL".
    pub label: &'static str,
    /// The first year the present name was used.
    pub until_year: i32,
    pub source: &'static str,
}

/// SKR was Sveriges Kommuner och Landsting (SKL) until 2019
/// (organisations.md). The source gives the year only, so dates in 2019
/// read the present name.
pub const FORMER_NAMES: &[FormerName] = &[FormerName {
    slug: "skr",
    label: "SKL",
    until_year: 2019,
    source: "shared/reference/organisations.md",
}];

/// The short name an organisation went by on `date`: "SKL" for SKR in 2011.
pub fn label_on(slug: &str, label: &str, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    FORMER_NAMES
        .iter()
        .filter(|f| f.slug == slug && date.year() < f.until_year)
        .min_by_key(|f| f.until_year)
        .map_or_else(|| label.to_owned(), |f| f.label.to_owned())
}

/// A governing body and how often it meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoverningBody {
    pub name: &'static str,
    pub cadence: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Stable key across installations, e.g. "eurocities", "uclg", "skr".
    pub slug: &'static str,
    pub name: &'static str,
    pub acronym: Option<&'static str>,
    /// Other names it is known by, including former names and common misspellings in documents.
    pub aliases: &'static [&'static str],
    pub kind: OrgKind,
    pub headquarters: Option<&'static str>,
    pub founded: Option<i32>,
    pub website: Option<&'static str>,
    pub themes: &'static [&'static str],
    /// Notice period for leaving, in months, where the statutes are known.
    pub notice_months: Option<i32>,
    pub written_notice: bool,
    pub fee_basis: Option<&'static str>,
    pub bodies: &'static [GoverningBody],
    pub facts: &'static [Fact],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub from: &'static str,
    pub to: &'static str,
    pub kind: RelationKind,
    pub source: &'static str,
}

// CATALOGUE-DATA-BEGIN
pub const ENTRIES: &[Entry] = &[
    Entry {
        slug: "eurocities",
        name: "EUROCITIES",
        acronym: None,
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Brussels"),
        founded: Some(1986),
        website: Some("https://eurocities.eu"),
        themes: &[
            "culture",
            "economic development",
            "environment",
            "knowledge society",
            "mobility",
            "social affairs",
        ],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "No public fee scale was found; Belfast paid about £16,300 for its 2023 renewal.",
        ),
        bodies: &[
            GoverningBody {
                name: "Annual General Meeting",
                cadence: "every year",
            },
            GoverningBody {
                name: "Executive Committee",
                cadence: "at least 3 times a year; 12 cities on 3-year terms",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Started in 1986 by the mayors of Barcelona, Birmingham, Frankfurt, Lyon, Milan and Rotterdam; the secretariat is in Brussels.",
                source: "https://en.wikipedia.org/wiki/Eurocities",
                as_of: "1986",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "More than 200 cities in 38 European countries, representing about 130 million people.",
                source: "https://portico.urban-initiative.eu/urban-panorama/eurocities",
                as_of: "2023",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Cities of 250,000 or more can join: EU cities as full members, other European cities as associate members; cities above 50,000 can be partners and companies associated business partners.",
                source: "https://portico.urban-initiative.eu/urban-panorama/eurocities",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "An Executive Committee of 12 elected cities meets at least three times a year and oversees the work programme, internal rules and budget approved by the AGM; the work runs through six thematic forums.",
                source: "https://en.wikipedia.org/wiki/Eurocities",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "No public fee scale; Belfast renewed its membership for about £16,300 in 2023.",
                source: "https://www.belfasttelegraph.co.uk/news/northern-ireland/dup-split-emerges-on-belfast-council-over-membership-of-european-city-network/a2084469220.html",
                as_of: "2023",
                valid_to: None,
            },
            Fact {
                topic: "stockholm",
                text: "Stockholm has been a member since 1995; its mayor was vice-president from November 2016 and president from November 2018.",
                source: "https://international.stockholm.se/international-affairs/membership-in-organisations/ ; https://edokmeetings.stockholm.se/committees/kommunstyrelsen/mote-2018-06-13",
                as_of: "2018-11",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "metropolis",
        name: "Metropolis",
        acronym: None,
        aliases: &[
            "World Association of the Major Metropolises",
            "Association mondiale des grandes métropoles",
        ],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Barcelona"),
        founded: Some(1985),
        website: Some("https://www.metropolis.org"),
        themes: &["development cooperation"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "Members pay an annual fee and may vote only if paid up for the previous year; the scale was not found.",
        ),
        bodies: &[
            GoverningBody {
                name: "General Assembly",
                cadence: "at least every 3 years",
            },
            GoverningBody {
                name: "Board of Directors",
                cadence: "not stated",
            },
            GoverningBody {
                name: "World Congress",
                cadence: "about every 3 years",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Created in 1985 as an association under the French law of 1901; the Secretariat General is in Barcelona.",
                source: "https://www.old.uclg.org/en/node/26398 ; http://metropolis.org/fr/statuts ; https://www.metropolis.org/taxonomy/term/254",
                as_of: "1985",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Open to cities and metropolitan regions of more than one million inhabitants; new members are ratified by the Board of Directors.",
                source: "https://www.old.uclg.org/en/node/26398 ; https://www.metropolis.org/news/new-metropolises-asia-and-europe-join-our-association",
                as_of: "2018",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "139 members in 2018, up from 106 in 2008; the City of Berlin later gives 144.",
                source: "https://www.metropolis.org/news/new-metropolises-asia-and-europe-join-our-association ; https://www.berlin.de/rbmskzl/en/international-relations/city-networks/metropolis/artikel.1178000.en.php",
                as_of: "2023",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The General Assembly, the sovereign body, meets at least every three years, elects or ratifies the Board of Directors and approves the action plan; only members paid up for the previous year may vote.",
                source: "https://agora.metropolis.org/assemblies/general-assembly?assembly_slug=general-assembly",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The 10th World Congress was held in Porto Alegre on 23–26 November 2011.",
                source: "revistaoe.info, \"Brasil sediará o 10º Congresso Mundial Metropolis\" ; http://www.metropolis.org/timeline",
                as_of: "2011-11",
                valid_to: None,
            },
            Fact {
                topic: "relations",
                text: "Metropolis is the metropolitan section of UCLG and was one of its founding members in 2004.",
                source: "https://www.old.uclg.org/en/node/26398",
                as_of: "2004",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "uclg",
        name: "United Cities and Local Governments",
        acronym: Some("UCLG"),
        aliases: &["United Cities and Local Governments", "ECLG"],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Barcelona"),
        founded: Some(2004),
        website: Some("https://www.uclg.org"),
        themes: &[
            "local democracy",
            "decentralisation",
            "sustainable development goals",
            "development cooperation",
        ],
        notice_months: Some(6),
        written_notice: true,
        fee_basis: Some(
            "Annual fee set by the World Council on the Executive Bureau's proposal, weighing the inhabitants represented and the country's economic development.",
        ),
        bodies: &[
            GoverningBody {
                name: "General Assembly",
                cadence: "at the World Congress, every 3 years",
            },
            GoverningBody {
                name: "World Council",
                cadence: "once a year",
            },
            GoverningBody {
                name: "Executive Bureau",
                cadence: "twice a year",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Founded in Paris on 5 May 2004 by merging IULA, UTO/FMCU and Metropolis; the World Secretariat is in Barcelona.",
                source: "https://kiwix.lema.org/wikipedia_en_all_mini_2024-02/A/United_Cities_and_Local_Governments ; https://www.citiesalliance.org/uclg",
                as_of: "2004-05-05",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "Over 1,000 cities in 95 countries and 112 local government associations are members.",
                source: "https://www.citiesalliance.org/uclg",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Art. 14: the World Council sets annual fees on the Executive Bureau's proposal; for local governments they reflect the inhabitants represented and the country's economic development.",
                source: "http://arsiv.uclg-mewa.org/membership-fees.html",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Art. 15: membership takes effect when the new member's first payment is received.",
                source: "http://arsiv.uclg-mewa.org/membership-fees.html",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "exit",
                text: "Art. 16: a member may resign at any time with at least six months' written notice and still owes outstanding dues, including a pro rata share.",
                source: "http://arsiv.uclg-mewa.org/membership-fees.html",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The General Assembly meets at the World Congress; the World Council (about 340 members) meets once a year and the Executive Bureau (116 members) twice a year.",
                source: "https://uclgmeets.org/assemblies/GeneralAssembly/f/1333 ; https://oidp.net/en/content.php?id=818 ; http://www.cib-uclg.org/calendar-of-events/uclg-executive-bureau-metropolis-congress-brussels-urban-summit",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "c40",
        name: "C40 Cities Climate Leadership Group",
        acronym: Some("C40"),
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: Some("London"),
        founded: Some(2005),
        website: Some("https://www.c40.org"),
        themes: &["climate"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "No fee: membership depends on meeting performance-based standards, reviewed every year.",
        ),
        bodies: &[
            GoverningBody {
                name: "Co-chairs",
                cadence: "not stated",
            },
            GoverningBody {
                name: "Steering Committee",
                cadence: "rotating membership of mayors",
            },
            GoverningBody {
                name: "Board",
                cadence: "not stated",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Began in October 2005 when London mayor Ken Livingstone gathered 18 megacities (the \"C20\"); it counted 40 cities by 2006.",
                source: "https://wikisum.wiki/wiki/C40_Cities_Climate_Leadership_Group ; https://housingcoop.eu/resources/networks/c40",
                as_of: "2005-10",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "About 96 member cities.",
                source: "https://en.wikipedia.org/wiki/C40_Cities_Climate_Leadership_Group",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Since October 2012 there are three categories: Megacities, Innovator Cities, and Observer Cities as a short-term status for new applicants.",
                source: "https://informedinfrastructure.com/2015/cities-climate-leadership-group-announces-new-guidelines/ ; https://www.c40.org/blog_posts/c40-announces-new-membership-guidelines",
                as_of: "2012-10",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "There is no membership fee; instead every city is reviewed each year against the Leadership Standards.",
                source: "https://www.c40.org/about-c40/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "Led by co-chairs, a Board with Michael Bloomberg as president, and a rotating steering committee of mayors.",
                source: "https://en.wikipedia.org/wiki/C40_Cities_Climate_Leadership_Group",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "stockholm",
                text: "Stockholm has been a member since 2007 as an Innovator City and sat on the steering committee from 2019 to 2022.",
                source: "https://start.stockholm/om-stockholms-stad/internationellt-arbete-och-eu-relationer/organisationer-och-natverk/ ; http://www.mynewsdesk.com/se/moderaterna-stockholms-stad/pressreleases/stockholm-tar-plats-i-c40s-styrelse-2897175",
                as_of: "2022",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "iclei",
        name: "ICLEI – Local Governments for Sustainability",
        acronym: Some("ICLEI"),
        // Minutes name it by its full name without the acronym too.
        aliases: &["Local Governments for Sustainability"],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Bonn"),
        founded: Some(1990),
        website: Some("https://iclei.org"),
        themes: &["sustainability", "climate", "biodiversity", "resilience"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "Annual fee calculated from the local authority's population and the country's GNI per capita.",
        ),
        bodies: &[
            GoverningBody {
                name: "Council",
                cadence: "every 3 years at the World Congress",
            },
            GoverningBody {
                name: "Global Executive Committee",
                cadence: "3-year terms",
            },
            GoverningBody {
                name: "Regional Executive Committees (9)",
                cadence: "3-year terms",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Founded in September 1990 at the UN in New York, at a congress of more than 200 local governments from 43 countries; the World Secretariat is in Bonn (earlier Toronto).",
                source: "https://en.wikipedia.org/wiki/ICLEI ; http://twiki.owiki.org/wiki/ICLEI",
                as_of: "1990-09",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "More than 2,500 local and regional governments are members.",
                source: "https://en.wikipedia.org/wiki/ICLEI",
                as_of: "2023",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Full membership is for local governments and their national or regional associations; NGOs, universities and research institutes can be associate partners; new members need Global Executive Committee approval.",
                source: "http://southasia.iclei.org/kr/our-members.html ; http://archive.iclei.org/index.php?id=766",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Fees are paid yearly for a 12-month period and computed from population and the World Bank GNI per capita.",
                source: "http://southasia.iclei.org/kr/our-members.html ; http://archive.iclei.org/index.php?id=766",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The Council meets every three years at the World Congress and adopts the strategic plan; a Global Executive Committee and nine Regional Executive Committees serve three-year terms.",
                source: "http://archive.iclei.org/index.php?id=989 ; http://old.iclei.org/index.php?id=3739",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "Katrin Stjernfeldt Jammeh (Malmö) has been president since 2021.",
                source: "https://en.wikipedia.org/wiki/ICLEI",
                as_of: "2021",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "covenant-of-mayors",
        name: "Covenant of Mayors – Europe",
        acronym: Some("CoM"),
        // "Borgmesterpagten" and "Borgmästaravtalet" are its Danish and
        // Swedish names, as councils write them in their minutes.
        aliases: &[
            "EU Covenant of Mayors",
            "Covenant of Mayors",
            "Borgmesterpagten",
            "Borgmästaravtalet",
        ],
        kind: OrgKind::Initiative,
        headquarters: Some("Brussels"),
        founded: Some(2008),
        website: Some("https://eu-mayors.ec.europa.eu"),
        themes: &["climate", "energy"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some("Joining is free of charge."),
        bodies: &[],
        facts: &[
            Fact {
                topic: "founded",
                text: "Launched by the European Commission on 29 January 2008.",
                source: "http://europa.eu/rapid/press-release_IP-08-103_en.htm?locale=en",
                as_of: "2008-01-29",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Open to democratically constituted European local authorities of any size (small ones may join as a group); the council decision date counts as the joining date and joining is free.",
                source: "https://com-east.eu/en/faq-3/itemlist/category/43-adhesion-procedure-how-to-sign-up-to-the-covenant-of-mayors ; https://com-east.eu/join",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Signatories must submit a climate and energy action plan (SECAP) within two years and a monitoring report every two years.",
                source: "http://www.eumayors.eu/support/faq_en.html?id_faq=110",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "More than 10,000 local authorities, covering about a third of the EU population.",
                source: "https://eu-mayors.ec.europa.eu/el/FAQs",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "exit",
                text: "Signatories that fail to submit their plan or reports can be suspended after written notice and are reactivated once they submit; 33 were suspended in November 2011.",
                source: "http://www.eumayors.eu/support/faq_en.html?id_faq=77 ; http://www.eumayors.eu/Covenant-of-Mayors-inspires-even.html",
                as_of: "2011-11",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "Run by the European Commission together with a consortium of CEMR, Climate Alliance, Energy Cities, EUROCITIES and FEDARENE.",
                source: "http://www.globalcovenantofmayors.org/about/history-compact-of-mayors/",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "global-covenant-of-mayors",
        name: "Global Covenant of Mayors for Climate & Energy",
        acronym: Some("GCoM"),
        aliases: &[
            "Global Covenant of Mayors",
            "Global Covenant of Mayors for Climate and Energy",
        ],
        kind: OrgKind::Initiative,
        headquarters: Some("Brussels"),
        founded: Some(2016),
        website: Some("https://www.globalcovenantofmayors.org"),
        themes: &["climate", "energy"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some("Participation is free."),
        bodies: &[
            GoverningBody {
                name: "Co-chairs",
                cadence: "not stated",
            },
            GoverningBody {
                name: "Board",
                cadence: "not stated",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Announced on 22 June 2016 as a merger of the EU Covenant of Mayors and the Compact of Mayors, which Ban Ki-moon and Michael Bloomberg launched in September 2014 with C40, ICLEI and UCLG.",
                source: "https://www.compactofmayors.org/globalcovenantofmayors/ ; https://globalcovenant-usa.org/about-us/",
                as_of: "2016-06-22",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "About 7,100 cities in 119 countries at the launch.",
                source: "https://www.compactofmayors.org/globalcovenantofmayors/",
                as_of: "2016-06",
                valid_to: Some("2026"),
            },
            Fact {
                topic: "members",
                text: "Later more than 10,000 cities in 138 countries, served by a Global Secretariat in Brussels.",
                source: "github: BryanSchuetz/dai, file `_projects/worldwide-support-to-the-secretariat-of-the-global-covenant-of-mayors-for-climate-and-energy.markdown` (DAI project page)",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Cities take part through regional or national covenants, supported by secretariats funded by the European Commission.",
                source: "https://docslib.org/doc/11658068/mycovenant-data-policy",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "Co-chaired at its launch by Michael Bloomberg and European Commission Vice-President Maroš Šefčovič.",
                source: "https://www.compactofmayors.org/globalcovenantofmayors/",
                as_of: "2016",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "cemr",
        name: "Council of European Municipalities and Regions",
        acronym: Some("CEMR"),
        aliases: &["CCRE", "Council of European Municipalities", "CEM"],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Brussels"),
        founded: Some(1951),
        website: Some("https://ccre-cemr.org"),
        themes: &[],
        notice_months: None,
        written_notice: false,
        fee_basis: Some("Funded mainly by fees from its member national associations."),
        bodies: &[
            GoverningBody {
                name: "Policy Committee",
                cadence: "twice a year; 3-year terms",
            },
            GoverningBody {
                name: "Executive Bureau",
                cadence: "not stated",
            },
            GoverningBody {
                name: "Congress",
                cadence: "every 3 years",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Founded in Geneva on 28 January 1951 by 56 mayors as the Council of European Municipalities; renamed CEMR in 1984.",
                source: "https://ccre-cemr.org/history ; http://www.iwestyorkshire.co.uk/cemr/histo_an/",
                as_of: "1951-01-28",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "60 national associations of local and regional governments in 41 countries, together representing more than 110,000 local and regional governments.",
                source: "https://ccre-cemr.org/who-we-are",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Its members are national associations (such as SKR, KS and Kuntaliitto), not individual municipalities.",
                source: "https://www.kommunforbundet.fi/delaktighet-och-vaxelverkan/eu-och-internationell-verksamhet/internationella-organisationer-i-kommunsektorn",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Fees from national associations make up most of a budget of about €2.5 million; roughly 15 % comes from an EC grant.",
                source: "https://en.wikipedia.org/wiki/Council_of_European_Municipalities_and_Regions",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The Policy Committee, with more than 170 representatives nominated by national associations for three years, meets twice a year and approves the budget, work programme and new members; a Congress is held every three years (26th in Nicosia, April 2016).",
                source: "https://www.ccre.eu/activites/view/26 ; https://www.kommunforbundet.fi/delaktighet-och-vaxelverkan/eu-och-internationell-verksamhet/internationella-organisationer-i-kommunsektorn",
                as_of: "2016",
                valid_to: None,
            },
            Fact {
                topic: "relations",
                text: "CEMR is the European section of UCLG.",
                source: "https://ccre-cemr.org/who-we-are",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "ubc",
        name: "Union of the Baltic Cities",
        acronym: Some("UBC"),
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Gdańsk"),
        founded: Some(1991),
        website: Some("https://ubc.net"),
        themes: &["baltic sea cooperation", "sustainable development"],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[
            GoverningBody {
                name: "General Conference",
                cadence: "every 2 years",
            },
            GoverningBody {
                name: "Presidium",
                cadence: "2-year term",
            },
            GoverningBody {
                name: "Executive Board",
                cadence: "between General Conferences",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Founded in Gdańsk on 21 September 1991 by 32 cities, on the initiative of Gdańsk and Kalmar; the secretariat is in Gdańsk.",
                source: "https://ubc.wersjaprojektowa.pl/?p=10707 ; http://movatter.jp/mt/?dark=on&url=http%3A%2F%2Fen.m.wikipedia.org%2Fwiki%2FUnion_of_the_Baltic_Cities",
                as_of: "1991-09-21",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "About 88 member cities in Denmark, Estonia, Finland, Germany, Latvia, Lithuania, Norway, Poland and Sweden.",
                source: "https://de.zxc.wiki/wiki/Union_of_the_Baltic_Cities ; https://ubc.net/organisation/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "There are Member Cities, Associated Cities and Partners, all approved by the Executive Board.",
                source: "https://ubc.net/organisation",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Karlstad, Mariehamn, Tartu and Vaasa were admitted by the Executive Board on 21 September 1996.",
                source: "https://ubc.wersjaprojektowa.pl/?p=10707",
                as_of: "1996-09-21",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "A General Conference meets every two years; the Presidium serves two-year terms; the Executive Board (one city per country plus the Presidium) decides between conferences; thematic Commissions do the work.",
                source: "https://ubc.net/organisation ; https://de.zxc.wiki/wiki/Union_of_the_Baltic_Cities",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "energy-cities",
        name: "Energy Cities",
        acronym: None,
        aliases: &["Énergie-Cités", "Energie-Cités"],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Besançon"),
        founded: Some(1990),
        website: None,
        themes: &["energy", "energy transition"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "Annual fee in population bands (€1,250–5,000 in 2011), halved for some Eastern European and non-EU cities.",
        ),
        bodies: &[GoverningBody {
            name: "Board of Directors",
            cadence: "3 times a year",
        }],
        facts: &[
            Fact {
                topic: "founded",
                text: "Founded in Besançon in 1990 by Gérard Magnin; head office in Besançon, with an office in Brussels.",
                source: "https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Energie-Cit%C3%A9s ; https://olbios.org/a-city-network-propelling-a-locally-driven-energy-transition/",
                as_of: "1990",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "About 180 direct members, representing some 1,000 towns and cities in 30 countries.",
                source: "https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Energie-Cit%C3%A9s ; https://olbios.org/a-city-network-propelling-a-locally-driven-energy-transition/",
                as_of: "2020",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "2011 fees by population: under 100,000 €1,250; 100,000–300,000 €2,500; 300,000–500,000 €3,750; over 500,000 €5,000; associations €2,500; a 50 % special fee for new member states, Eastern European and non-EU cities.",
                source: "https://docslib.org/doc/4294285/energy-cities-network",
                as_of: "2011",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "A Board of Directors of representatives from 11 cities meets three times a year; Heidelberg held the presidency 2005–2023 and Leuven from 2023; Växjö sits on the board.",
                source: "https://olbios.org/a-city-network-propelling-a-locally-driven-energy-transition/ ; https://kampuspedia.com/fr/Energy_Cities",
                as_of: "2023",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "climate-alliance",
        name: "Climate Alliance",
        acronym: None,
        aliases: &["Klima-Bündnis", "Klimabündnis"],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Frankfurt am Main"),
        founded: Some(1990),
        website: Some("https://www.klimabuendnis.org"),
        themes: &["climate", "indigenous peoples"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "€0.0077 per inhabitant a year, between €231 and €15,000, with 50 % off for Eastern European municipalities.",
        ),
        bodies: &[
            GoverningBody {
                name: "Board (Vorstand)",
                cadence: "not stated",
            },
            GoverningBody {
                name: "General Assembly",
                cadence: "not stated",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Founded in Frankfurt am Main in 1990 as a registered association (e.V.), with offices in Frankfurt and Brussels; it partners with COICA, the Amazon indigenous organisations.",
                source: "https://defzone.net/wiki/de/Klima-Bündnis ; https://digital.zlb.de/viewer/fulltext/15803996_2014-15/1/",
                as_of: "1990",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "1,915 members in July 2022.",
                source: "https://defzone.net/wiki/de/Klima-Bündnis",
                as_of: "2022-07",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "A municipality joins by a council decision committing to the Charter, which the Board then confirms; states, provinces and NGOs can become associate members.",
                source: "https://www.klimabuendnis.org/kommunen/mitglied-werden.html",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Members commit to cutting greenhouse gas emissions continuously, by 95 % by 2050 compared with 1990.",
                source: "https://defzone.net/wiki/de/Klima-Bündnis",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Municipalities pay €0.0077 per inhabitant a year (minimum €231, maximum €15,000); indigenous organisations pay nothing and Eastern European municipalities get 50 % off.",
                source: "https://www.klimabuendnis.org/kommunen/mitglied-werden.html",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "mayors-for-peace",
        name: "Mayors for Peace",
        acronym: None,
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Hiroshima"),
        founded: Some(1982),
        website: Some("https://www.mayorsforpeace.org"),
        themes: &["peace", "nuclear disarmament"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "Flat fee of 2,000 yen per city a year since FY2015; not paying does not end membership.",
        ),
        bodies: &[
            GoverningBody {
                name: "General Conference",
                cadence: "every 4 years",
            },
            GoverningBody {
                name: "Executive Conference",
                cadence: "about every 2 years",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Established on 24 June 1982 after Hiroshima mayor Takeshi Araki's proposal at the UN's second special session on disarmament; named Mayors for Peace since 2001, with its secretariat at the Hiroshima Peace Culture Foundation.",
                source: "https://www.daisakuikeda.org/sub/resources/works/props/2018-peace-proposal-full/mayors-for-peace.html ; https://www.hiroshimapeacemedia.jp/?p=58557",
                as_of: "1982-06-24",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "7,847 cities in 163 countries and regions.",
                source: "https://docslib.org/doc/9054902/english-edition-of-mayors-for-peace-news-flash",
                as_of: "2019-11-01",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "A city joins with a registration form or a letter from its mayor; membership starts on the first day of the following month.",
                source: "http://www.mayorsforpeace.org/english/aboutus/join.html",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "A fee of 2,000 yen per city a year, approved in 2013 and charged from FY2015; cities keep their membership if they do not pay, and exemptions are possible.",
                source: "http://www.mayorsforpeace.org/english/aboutus/join.html ; http://www.mayorsforpeace.org/english/outlines/membership_fee.html",
                as_of: "2015",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The General Conference meets in principle every four years (alternately in Hiroshima and Nagasaki) and the Executive Conference about every two years; the Mayor of Hiroshima is president.",
                source: "http://www.mayorsforpeace.org/english/conferences/index.html ; https://www.mayorsforpeace.org/en/news/2020/former-11th-ec-en/",
                as_of: "2020",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "icld",
        name: "Swedish International Centre for Local Democracy",
        acronym: Some("ICLD"),
        aliases: &[],
        kind: OrgKind::Other,
        headquarters: Some("Visby"),
        founded: Some(2008),
        website: Some("https://icld.se"),
        themes: &["democracy", "development cooperation"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some(
            "No membership fee; funded by Sida, with municipalities taking part through partnership grants.",
        ),
        bodies: &[],
        facts: &[
            Fact {
                topic: "founded",
                text: "Formed in 2008 by SKL on Sida's mandate as an association seated on Gotland; the first members were SKL, Gotland municipality and Lund University's political science department.",
                source: "https://motbild.se/2008/11/08/dagens-bild-burgsvik-utanfor-stranden/",
                as_of: "2008-04-24",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "A non-profit association with SKR as principal (huvudman), financed by Sida, with offices in Visby and Stockholm.",
                source: "https://icld.se/om-oss/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Not a city-membership network: municipalities take part through grant-funded municipal partnerships, international training programmes and research.",
                source: "https://icld.se/en/about-us/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Sida decided not to renew its core support, which runs until 31 December 2026.",
                source: "https://icld.se/sv/artikel/darfor-maste-icld-finnas-kvar",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "nordic-safe-cities",
        name: "Nordic Safe Cities",
        acronym: None,
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Copenhagen"),
        founded: Some(2016),
        website: None,
        themes: &["safety", "countering extremism"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some("Fixed annual fee in Danish kroner; Helsinki pays 75,000 DKK a year."),
        bodies: &[GoverningBody {
            name: "Summit",
            cadence: "every year",
        }],
        facts: &[
            Fact {
                topic: "founded",
                text: "Started in 2016 by the Nordic Council of Ministers; an independent non-profit association since 2020.",
                source: "http://www.norden.org/en/theme/nordic-safe-cities ; https://www.norden.org/en/information/blog-united-against-radicalisation-and-extremism",
                as_of: "2020",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "18–19 active member cities.",
                source: "https://nextstep.one/en/cases/nordic-safe-cities/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Helsinki pays 75,000 DKK (about €10,000) a year.",
                source: "doc 01",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "Stockholm, Copenhagen, Oslo, Helsinki and Reykjavik signed the Nordic Capital Code in Stockholm in 2019.",
                source: "https://nordenbladet.com/articles/91992-nordic-alliance-against-terror",
                as_of: "2019",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "baltmet",
        name: "Baltic Metropoles Network",
        acronym: Some("BaltMet"),
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: Some(2002),
        website: Some("http://baltmet.org"),
        themes: &["baltic sea cooperation"],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[
            GoverningBody {
                name: "Presidency",
                cadence: "rotating",
            },
            GoverningBody {
                name: "Mayors' meeting",
                cadence: "not stated",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Set up by the Copenhagen Resolution of 12–13 October 2002.",
                source: "http://baltmet.org/?id=79 ; http://archive.ubc.net/subpages/publications/bulletin/bulletin1_09/23.html",
                as_of: "2002-10",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "11 capitals and metropolises: Berlin, Copenhagen, Helsinki, Malmö, Oslo, Riga, St Petersburg, Stockholm, Tallinn, Vilnius and Warsaw.",
                source: "http://baltmet.org/?id=79 ; http://archive.ubc.net/subpages/publications/bulletin/bulletin1_09/23.html ; https://malmo.se/Sa-arbetar-vi-med.../Omvarld/Strategiskt-omvarldsarbete/Internationella-natverk-och-organisationer/Baltic-Metropoles.html",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "The presidency rotates among the member cities.",
                source: "http://baltmet.org/?id=79",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "strong-cities-network",
        name: "Strong Cities Network",
        acronym: None,
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: Some(2015),
        website: Some("https://strongcitiesnetwork.org"),
        themes: &["safety", "countering extremism", "polarisation"],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[
            GoverningBody {
                name: "International Steering Committee",
                cadence: "not stated",
            },
            GoverningBody {
                name: "Global Summit",
                cadence: "periodic (4th in 2023)",
            },
        ],
        facts: &[
            Fact {
                topic: "founded",
                text: "Launched at the UN on 29 September 2015.",
                source: "http://terrorism-online.blogspot.com/2015/09/launch-of-strong-cities-network-to.html",
                as_of: "2015-09-29",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "An independent global network of more than 230 cities; its Management Unit is hosted by the Institute for Strategic Dialogue (ISD), with regional hubs.",
                source: "http://www.isdglobal.org/programmes/policy-government-advisory/strong-cities-network/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Any sub-national authority counts as a city and can join.",
                source: "https://strongcitiesnetwork.org/about-us/",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "governance",
                text: "An International Steering Committee of 25 member cities, a Management Unit and an Expert Pool; the 4th Global Summit met in New York in September 2023.",
                source: "https://strongcitiesnetwork.org/impact/ ; https://strongcitiesnetwork.org/resource/implementation-update-the-new-york-city-mayoral-declaration-against-hate-extremism-and-polarisation/",
                as_of: "2023-09",
                valid_to: None,
            },
            Fact {
                topic: "relations",
                text: "Government partners are Australia, Denmark, the Netherlands, Norway and the USA.",
                source: "https://strongcitiesnetwork.org/en/about/",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "eccar",
        name: "European Coalition of Cities against Racism",
        acronym: Some("ECCAR"),
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: Some(2004),
        website: None,
        themes: &["racism"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some("€1,500 a year for cities of more than 500,000 inhabitants."),
        bodies: &[],
        facts: &[
            Fact {
                topic: "founded",
                text: "Created in 2004 on a UNESCO initiative; about 120 members.",
                source: "https://studylibsv.com/doc/1050772/reserapport-eccar-general-conference--den-8",
                as_of: "2015",
                valid_to: None,
            },
            Fact {
                topic: "fees",
                text: "Cities with more than 500,000 inhabitants pay €1,500 a year.",
                source: "https://fistockholm.se/stockholm-blir-stad-mot-rasism/",
                as_of: "2015",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Members report every year on their work under the ten-point plan of action.",
                source: "http://www.stockholmsvanstern.se/blog/2015/stockholm-gar-med-i-eccar-ett-europeiskt-natverk-mot-rasism/",
                as_of: "2015",
                valid_to: None,
            },
            Fact {
                topic: "stockholm",
                text: "Stockholm was admitted in October 2015 at the meeting in Karlsruhe.",
                source: "https://studylibsv.com/doc/1050772/reserapport-eccar-general-conference--den-8",
                as_of: "2015-10",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "uceu",
        name: "Union of Capitals of the European Union",
        acronym: Some("UCEU"),
        aliases: &["Union of Capitals of the EU"],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: None,
        website: None,
        themes: &[],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[],
        facts: &[
            Fact {
                topic: "stockholm",
                text: "Stockholm has been a member since 1995.",
                source: "https://international.stockholm.se/international-affairs/membership-in-organisations/",
                as_of: "1995",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "Helsinki is also a member.",
                source: "https://www.hel.fi/helsinki/sv/stad-och-forvaltning/naringar/konkurrenskraft/internationell-verksamhet/",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "ecad",
        name: "European Cities Against Drugs",
        acronym: Some("ECAD"),
        aliases: &[
            "European Cities Action network for Drug-free societies",
            "Europeiska städer mot narkotika",
        ],
        kind: OrgKind::CityNetwork,
        headquarters: Some("Stockholm"),
        founded: Some(1994),
        website: Some("https://ecad.net"),
        themes: &["social affairs", "health"],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[],
        facts: &[
            Fact {
                topic: "founded",
                text: "Launched in Stockholm in April 1994 at a mayors' conference called by the City of Stockholm, where the founding cities drafted the Stockholm Resolution.",
                source: "http://www.ecad.net/conf/Mconf10/Mconf_02.html",
                as_of: "2003-05-15",
                valid_to: None,
            },
            Fact {
                topic: "members",
                text: "Some 20 member cities at the launch in 1994, and 260 by May 2003.",
                source: "http://www.ecad.net/conf/Mconf10/Mconf_02.html",
                as_of: "2003-05-15",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "metrex",
        name: "METREX",
        acronym: None,
        aliases: &[],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: None,
        website: None,
        themes: &["urban planning", "metropolitan regions"],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[],
        facts: &[
            Fact {
                topic: "exit",
                text: "Helsinki, a member since 2002, decided on 27 October 2014 to leave from the beginning of 2016.",
                source: "https://www.hel.fi/static/public/hela/Kaupunginhallitus/Suomi/Paatos/2019/Keha_2019-09-30_Khs_35_Pk/589CA59B-14AA-CDD3-87A3-6DA5FBF00000/Helsingin_kaupungin_liittyminen_METREX-verkoston_j.html",
                as_of: "2014-10-27",
                valid_to: None,
            },
            Fact {
                topic: "membership",
                text: "Helsinki's city board decided to rejoin on 30 September 2019.",
                source: "https://www.hel.fi/static/public/hela/Kaupunginhallitus/Suomi/Paatos/2019/Keha_2019-09-30_Khs_35_Pk/589CA59B-14AA-CDD3-87A3-6DA5FBF00000/Helsingin_kaupungin_liittyminen_METREX-verkoston_j.html",
                as_of: "2019-09-30",
                valid_to: None,
            },
        ],
    },
    Entry {
        slug: "who-healthy-cities",
        name: "WHO European Healthy Cities Network",
        acronym: None,
        aliases: &["WHO European Healthy Cities", "WHO Healthy Cities"],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: None,
        website: None,
        themes: &["health"],
        notice_months: None,
        written_notice: false,
        fee_basis: Some("Fixed annual fee in US dollars; Helsinki pays 6,000 USD a year."),
        bodies: &[],
        facts: &[Fact {
            topic: "fees",
            text: "Helsinki pays a fee of 6,000 USD a year.",
            source: "https://paatokset.hel.fi/fi/asia/hel-2019-012572/21fcbcf2-5d9f-4f7c-90cc-8a768a2aa49e",
            as_of: "2019",
            valid_to: None,
        }],
    },
    Entry {
        slug: "skr",
        name: "Sveriges Kommuner och Regioner",
        acronym: Some("SKR"),
        aliases: &[
            "SKL",
            "Sveriges Kommuner och Landsting",
            "Swedish Association of Local Authorities and Regions",
        ],
        kind: OrgKind::NationalAssociation,
        headquarters: Some("Stockholm"),
        founded: None,
        website: Some("https://skr.se"),
        themes: &[],
        notice_months: None,
        written_notice: false,
        fee_basis: None,
        bodies: &[],
        facts: &[
            Fact {
                topic: "members",
                text: "Sweden's association of local authorities and regions, called SKL until 2019; every Swedish municipality is a member.",
                source: "skr.se press archive, \"SKR på världskongressen för kommuner och regioner\" ; webbutik.skl.se, \"Kommun- och regionförbund i Europa\"",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "relations",
                text: "SKR is a member of CEMR, where five SKR members sit on the Policy Committee.",
                source: "webbutik.skl.se, \"Kommun- och regionförbund i Europa\"",
                as_of: "2026",
                valid_to: None,
            },
            Fact {
                topic: "relations",
                text: "SKR is a member of UCLG, which it calls its global umbrella organisation; an SKR politician has been UCLG vice-president.",
                source: "skr.se press archive, \"SKR på världskongressen för kommuner och regioner\"",
                as_of: "2022-10",
                valid_to: None,
            },
            Fact {
                topic: "relations",
                text: "SKR is the principal (huvudman) of ICLD, which SKL set up in 2008 on Sida's mandate.",
                source: "https://icld.se/om-oss/ ; https://motbild.se/2008/11/08/dagens-bild-burgsvik-utanfor-stranden/",
                as_of: "2026",
                valid_to: None,
            },
        ],
    },
];
pub const LINKS: &[Link] = &[
    Link {
        from: "metropolis",
        to: "uclg",
        kind: RelationKind::SectionOf,
        source: "https://www.old.uclg.org/en/node/26398",
    },
    Link {
        from: "cemr",
        to: "uclg",
        kind: RelationKind::SectionOf,
        source: "https://ccre-cemr.org/who-we-are",
    },
    Link {
        from: "skr",
        to: "cemr",
        kind: RelationKind::MemberOf,
        source: "skr.se press archive, \"SKR på världskongressen för kommuner och regioner\" ; webbutik.skl.se, \"Kommun- och regionförbund i Europa\"",
    },
    Link {
        from: "skr",
        to: "uclg",
        kind: RelationKind::MemberOf,
        source: "skr.se press archive, \"SKR på världskongressen för kommuner och regioner\" ; webbutik.skl.se, \"Kommun- och regionförbund i Europa\"",
    },
];
// CATALOGUE-DATA-END

/// Finds a catalogue entry by slug.
pub fn entry(slug: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn slugs_are_unique_and_links_resolve() {
        let mut seen = HashSet::new();
        for e in ENTRIES {
            assert!(seen.insert(e.slug), "duplicate slug {}", e.slug);
            assert!(crate::validate::slug(e.slug).is_ok(), "bad slug {}", e.slug);
        }
        for l in LINKS {
            assert!(entry(l.from).is_some() && entry(l.to).is_some(), "{l:?}");
        }
    }

    #[test]
    fn every_fact_has_a_source_and_date() {
        for e in ENTRIES {
            for f in e.facts {
                assert!(
                    !f.source.is_empty() && !f.as_of.is_empty(),
                    "{}: {f:?}",
                    e.slug
                );
            }
        }
    }

    #[test]
    fn the_reference_networks_are_there() {
        for slug in ["eurocities", "metropolis", "uclg", "c40", "cemr", "skr"] {
            assert!(entry(slug).is_some(), "{slug} missing");
        }
        let uclg = entry("uclg").unwrap();
        assert_eq!(uclg.notice_months, Some(6));
        assert!(uclg.written_notice);
        let skr = entry("skr").unwrap();
        assert!(skr.aliases.contains(&"SKL"));
        assert!(
            LINKS
                .iter()
                .any(|l| l.from == "skr" && l.to == "uclg" && l.kind == RelationKind::MemberOf)
        );
        assert!(
            LINKS
                .iter()
                .any(|l| l.from == "skr" && l.to == "cemr" && l.kind == RelationKind::MemberOf)
        );
        assert!(LINKS.iter().any(|l| l.from == "metropolis"
            && l.to == "uclg"
            && l.kind == RelationKind::SectionOf));
    }

    #[test]
    fn a_fact_is_known_from_its_date_on() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(known_on("2011", d(2011, 3, 24)));
        assert!(known_on("2011-03", d(2011, 3, 24)));
        assert!(!known_on("2011-04", d(2011, 3, 24)));
        assert!(known_on("2011-03-24", d(2011, 3, 24)));
        assert!(!known_on("2018", d(2011, 3, 24)));
        assert!(!known_on("n.d.", d(2026, 1, 1)));
        assert!(!known_on("", d(2026, 1, 1)));
        // Every catalogue date is readable.
        for e in ENTRIES {
            for f in e.facts {
                assert!(known_on(f.as_of, d(2100, 1, 1)), "{}: {}", e.slug, f.as_of);
            }
        }
    }

    #[test]
    fn a_replaced_fact_is_in_force_until_its_replacement() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(!in_force_on("2016-06", Some("2026"), d(2016, 5, 31)));
        assert!(in_force_on("2016-06", Some("2026"), d(2016, 6, 1)));
        assert!(in_force_on("2016-06", Some("2026"), d(2025, 12, 31)));
        assert!(!in_force_on("2016-06", Some("2026"), d(2026, 1, 1)));
        assert!(in_force_on("2016-06", None, d(2100, 1, 1)));
        // Every catalogue end is readable and after its start, and the
        // replaced fact has a newer one on the same topic.
        for e in ENTRIES {
            for f in e.facts {
                if let Some(to) = f.valid_to {
                    assert!(known_on(to, d(2100, 1, 1)), "{}: {to}", e.slug);
                    assert!(f.as_of < to, "{}: ends {to} before it starts", e.slug);
                    assert!(
                        e.facts
                            .iter()
                            .any(|n| n.topic == f.topic && n.as_of == to && n.valid_to.is_none()),
                        "{}: nothing replaces {:?}",
                        e.slug,
                        f.text
                    );
                }
            }
        }
    }

    #[test]
    fn skr_was_skl_before_2019() {
        let d = |y| chrono::NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
        assert_eq!(label_on("skr", "SKR", d(2011)), "SKL");
        assert_eq!(label_on("skr", "SKR", d(2018)), "SKL");
        assert_eq!(label_on("skr", "SKR", d(2019)), "SKR");
        assert_eq!(label_on("uclg", "UCLG", d(2011)), "UCLG");
    }

    #[test]
    fn a_fact_about_one_city_stays_in_that_citys_documents() {
        assert!(fact_concerns("fees", "uppsala"));
        assert!(fact_concerns("stockholm", "stockholm"));
        assert!(!fact_concerns("stockholm", "uppsala"));
        // Every other topic in the catalogue is a city that the fact's text names.
        for e in ENTRIES {
            for f in e
                .facts
                .iter()
                .filter(|f| !NETWORK_TOPICS.contains(&f.topic))
            {
                assert!(
                    f.text.to_lowercase().contains(f.topic),
                    "{}: topic {} is not a member city named in the fact",
                    e.slug,
                    f.topic
                );
            }
        }
    }
}
