# Invitations and reminders to answer a review; the mail is plain text,
# and the code puts a blank line between the parts.

mail-reminder-subject = Reminder: { $title }
mail-greeting = Dear { $name },
mail-opening-invitation = You are invited to answer a few questions.
mail-opening-reminder = This is a reminder: we have not yet received your answers.
mail-why = { $city } is reviewing its membership in { $organisations } against its international strategy. You are, or have been, active in the work, and your experience matters.
mail-answer-here = Answer here (personal link, no login needed):
mail-saved = Your answers are saved as you go, and you can change them until { $closes }.
mail-thanks = Thank you!

# A reminder to an action's owner before its due day.
mail-action-subject = Reminder: { $title } (due { $due })
mail-action-due = The action "{ $title }" ({ $organisations }) is due on { $due }, in { $days } days.
mail-action-signature = — Översyn, { $city }

# Privacy (issue 19)
mail-privacy = How we handle your personal data: { $link }
