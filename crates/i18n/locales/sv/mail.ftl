# Invitations and reminders to answer a review; the mail is plain text,
# and the code puts a blank line between the parts.

mail-reminder-subject = Påminnelse: { $title }
mail-greeting = Hej { $name },
mail-opening-invitation = Du är inbjuden att svara på några frågor.
mail-opening-reminder = Det här är en påminnelse: vi har ännu inte fått dina svar.
mail-why = { $city } ser över sitt medlemskap i { $organisations } mot sin internationella strategi. Du är eller har varit aktiv i arbetet, och dina erfarenheter är viktiga.
mail-answer-here = Svara här (personlig länk, ingen inloggning behövs):
mail-saved = Svaren sparas medan du fyller i, och du kan ändra dem till och med { $closes }.
mail-thanks = Tack!

# A reminder to an action's owner before its due day.
mail-action-subject = Påminnelse: { $title } (senast { $due })
mail-action-due = Åtgärden "{ $title }" ({ $organisations }) ska vara klar senast { $due }, om { $days } dagar.
mail-action-signature = — Översyn, { $city }

# Privacy (issue 19)
mail-privacy = Så behandlar vi dina personuppgifter: { $link }
