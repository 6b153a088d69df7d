# The decision document and protocol excerpts in the municipal layout.
# Body names come as written ({ $body }) and, mid-sentence in Swedish,
# with a small first letter ({ $body_lower }).

case-doc-both = båda
case-doc-all = alla
case-doc-reservation-referring = Reservation anfördes av { $who } med hänvisning till reservationen av { $parties } i { $body_lower }.
case-doc-reservation = Reservation anfördes av { $who } enligt följande.
case-doc-statement = Särskilt uttalande gjordes av { $who } enligt följande.
case-doc-adopted-proposal = { $body } beslutade enligt förslaget.
case-doc-adopted-counter = { $body } beslutade enligt motförslaget från { $who }.
case-doc-vote = { $adopted } Omröstning: { $yes } ja, { $no } nej, { $abstaining } avstod.
case-doc-proposes = { $first } föreslår att { $last_lower } beslutar följande.
case-doc-asked = { $last } föreslås besluta följande.
case-doc-rapporteur = Föredragande { $rapporteur } anför följande.
case-doc-matter = Ärendet
case-doc-preparation = Beredning
case-doc-statement-reads = Tjänsteutlåtandet har i huvudsak följande lydelse.
case-doc-views = Mina synpunkter
case-doc-place-date = { $place } den { $date }
case-doc-excerpt = Protokollsutdrag
case-doc-decision = Beslut
case-doc-decides = { $body } beslutar följande.
case-doc-reservations = Reservationer
case-doc-statements = Särskilda uttalanden
case-doc-certified = Rätt utdraget intygar
case-doc-date-illustrative = illustrativt datum
case-doc-date-illustrative-note = Sammanträdesdagen { $date } är illustrativ: källan anger inget datum.
case-doc-paragraph = § { $paragraph }
case-doc-minutes = Justerat { $adjusted }.
case-doc-posted = Anslaget { $published }; beslutet vinner laga kraft { $force } om det inte överklagas.
case-doc-kind-adopted_with_amendments = { $body } beslutade enligt förslaget med ändringar.
case-doc-kind-rejected = { $body } avslog förslaget.
case-doc-kind-referred_back = { $body } beslutade att återremittera ärendet.
case-doc-kind-tabled = { $body } beslutade att bordlägga ärendet.
case-doc-kind-recommended = { $body } tillstyrker förslaget.
case-doc-kind-advised_against = { $body } avstyrker förslaget.
case-doc-recommended-counter = { $body } tillstyrker motförslaget från { $who }.
case-doc-absent = { $count } ledamöter var frånvarande.
case-doc-roll-call = Omröstningen (namnupprop): { $votes }.
case-doc-vote-for = Ja
case-doc-vote-against = Nej
case-doc-vote-abstain = Avstod
case-doc-vote-absent = Frånvarande
