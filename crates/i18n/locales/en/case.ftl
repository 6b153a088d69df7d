# The decision document and protocol excerpts in the municipal layout.
# Body names come as written ({ $body }) and, mid-sentence in Swedish,
# with a small first letter ({ $body_lower }).

case-doc-both = both
case-doc-all = all
case-doc-reservation-referring = { $who } entered a reservation with reference to the reservation of { $parties } in the { $body }.
case-doc-reservation = { $who } entered a reservation as follows.
case-doc-statement = { $who } made a special statement as follows.
case-doc-adopted-proposal = The { $body } adopted the proposal.
case-doc-adopted-counter = The { $body } adopted the counter-proposal of { $who }.
case-doc-vote = { $adopted } Vote: { $yes } for, { $no } against, { $abstaining } abstaining.
case-doc-proposes = The { $first } proposes that the { $last } decides as follows.
case-doc-asked = The { $last } is asked to decide as follows.
case-doc-rapporteur = The rapporteur, { $rapporteur }, states the following.
case-doc-matter = The matter
case-doc-preparation = Preparation
case-doc-statement-reads = The official statement reads in the main as follows.
case-doc-views = My views
case-doc-place-date = { $place }, { $date }
case-doc-excerpt = Extract from the minutes
case-doc-decision = Decision
case-doc-decides = The { $body } decides as follows.
case-doc-reservations = Reservations
case-doc-statements = Special statements
case-doc-certified = Certified correct
case-doc-date-illustrative = illustrative date
case-doc-date-illustrative-note = The meeting day { $date } is illustrative: the source gives no date.
case-doc-paragraph = § { $paragraph }
case-doc-minutes = Minutes approved { $adjusted }.
case-doc-posted = Posted on the notice board { $published }; the decision gains legal force on { $force } unless appealed.
case-doc-kind-adopted_with_amendments = The { $body } adopted the proposal with amendments.
case-doc-kind-rejected = The { $body } rejected the proposal.
case-doc-kind-referred_back = The { $body } referred the case back.
case-doc-kind-tabled = The { $body } tabled the case.
case-doc-kind-recommended = The { $body } recommends the proposal.
case-doc-kind-advised_against = The { $body } advises against the proposal.
case-doc-recommended-counter = The { $body } recommends the counter-proposal of { $who }.
case-doc-absent = { $count } members were absent.
case-doc-roll-call = The roll call: { $votes }.
case-doc-vote-for = For
case-doc-vote-against = Against
case-doc-vote-abstain = Abstaining
case-doc-vote-absent = Absent
