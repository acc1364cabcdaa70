# Homeward responder pages, English: the workspace, organisations, keys, referral and alerts.
# Every reporter language has a staff catalog with exactly these keys and variables: a key added
# here goes in all thirteen (src/locale/mod.rs tests it).

# Responder pages
staff-login-heading = Responder login
staff-username = Username
staff-username-hint = Lower-case letters, digits, dots, dashes; 3 to 40 characters.
staff-password = Password
staff-password-hint = At least 12 characters. A few unrelated words make a good one.
staff-totp = Code from your authenticator app
staff-login = Log in
staff-logout = Log out
staff-login-failed = Wrong username, password or code; or, after several wrong attempts, the account waits a few minutes before it takes another.
staff-login-too-soon = Too many failed attempts. Wait a few minutes and try again.
staff-invite-heading = Create your account
staff-invite-intro = This invitation can be used once. Choose a username and a password.
staff-invite-invalid = This invitation is unknown, used or expired. Ask for a new one.
staff-enrol = Create account
staff-enrolled-heading = Your account is ready
staff-enrolled-once = Everything below is shown only once. Save it now.
staff-totp-heading = Authenticator app
staff-totp-intro = Add this key to your authenticator app (TOTP, 6 digits, 30 seconds). You need a code from it every time you log in.
staff-recovery-heading = Recovery key
staff-recovery-intro = If you forget your password, only this key unlocks your account's keys again. Keep it offline.
staff-workspace-heading = Workspace
staff-invite-someone = Invite someone
staff-organisation = Organisation
staff-role = Role
staff-invite-create = Create invitation link
staff-invite-created = Invitation link (shown once, valid 72 hours, usable once):
staff-forbidden = You are not allowed to do that.
staff-your-queues = Your queues
staff-org-queues = Your organisation's queues
staff-key-missing = No key imported yet: this queue cannot be opened.
staff-import-key = Private key (from homeward queue keygen)
staff-import = Import key
staff-key-imported = Key imported. Held by:
staff-held-after-restore = This queue receives no reports since a backup was restored: its membership changed after that backup. Check who holds its key (below), then confirm.
staff-confirm-membership = Membership checked: receive reports again
staff-grant = Give access to
staff-grant-button = Give access
staff-key-wrong = This is not the private key of this queue.
staff-queue-heading = Queue
staff-priority = Priority
staff-status = Status
staff-received = Received
staff-no-entries = No reports in this queue.
staff-report-heading = Report
staff-item-report = The report
staff-item-triage = Triage
staff-item-projection = Projection (what consulates and police may see)
staff-item-status = Conversation
staff-assignee = Assigned to
staff-unassigned = nobody
staff-mine = me
staff-claim = Claim
staff-release = Release
staff-move = Change status
staff-outcome = Outcome (when closing)
staff-overdue = overdue
entry-status-new = new
entry-status-acknowledged = acknowledged
entry-status-in_progress = in progress
entry-status-waiting_for_reporter = waiting for reporter
entry-status-referred = referred
entry-status-closed = closed
outcome-located = located
outcome-rescued = rescued
outcome-repatriated = repatriated
outcome-referred_on = referred on
outcome-unreachable = unreachable
outcome-duplicate = duplicate
outcome-not_credible = not credible
outcome-other = other
staff-item-reply = Reply to the reporter
staff-item-note = Internal note
staff-reply = Write to the reporter (they read it with their receipt code)
staff-send-reply = Send reply
staff-note = Internal note (only your organisation sees it)
staff-add-note = Add note

## The operator's organisations
org-heading = Organisations
org-intro = Vetting takes two: record it here, then have the desk organisation countersign the organisation's signing key offline. A queue receives reports only when its organisation is vetted, countersigned and active, its key carries the organisation's signature and a coordinator has imported its private key.
org-register = Register an organisation
org-register-button = Register
org-id = Id
org-id-hint = Lower-case letters, digits and dashes, as the queues in config name it.
org-name = Name
org-kind = Kind
org-kind-ngo = NGO
org-kind-consulate = Consulate
org-kind-police = Police
org-country = Country
org-country-hint = Two-letter ISO code: where an NGO or police force works, the nation a consulate serves.
org-contact = Contact
org-contact-hint = How to reach the organisation's coordinator (optional).
org-signing-key = Verifying key
org-signing-key-hint = The hwov1. key from the organisation's own `homeward org keygen`.
org-queues = Queues
org-details = Details
org-save = Save
org-demo = The demo organisation of a fresh install: nothing to vet.
org-vetting = Vetting
org-vetted-by = Vetted:
org-evidence = Evidence
org-evidence-hint = Who vouched, what was checked, where the records are.
org-record-vetting = Record vetting
org-countersignature = Countersignature
org-countersigned = The desk organisation's countersignature matches.
org-countersign-intro = The desk organisation runs this on its offline machine, after checking these details with the organisation itself, and sends back the result:
org-countersignature-field = Countersignature (hwsg1.)
org-add-countersignature = Add countersignature
org-suspension = Suspension
org-suspended = Suspended: its queues receive nothing.
org-suspend = Suspend
org-reinstate = Reinstate
org-first-coordinator = Coordinator
org-invite-coordinator = Create an invitation for a coordinator
staff-organisations-link = Organisations
hold-none = receives reports
hold-unregistered = not registered by the operator
hold-not-vetted = vetting not recorded
hold-not-countersigned = no valid countersignature from the desk organisation
hold-suspended = suspended
hold-wrong-organisation = the queue's kind does not fit its organisation
hold-key-unsigned = the queue's key lacks the organisation's signature
hold-key-not-imported = no coordinator has imported the queue's private key
hold-held-after-restore = its membership changed since the restored backup: a coordinator must confirm it

## Members and key rotation
staff-members = Members
staff-remove-member = Remove
staff-member-removed = Member removed: their sessions and key copies are gone.
staff-member-removed-rotate = Member removed: their sessions and key copies are gone. Import a new key pair for:
staff-rotation-due = Rotation due: a member who held this key has left. Make a new signed pair offline (homeward queue keygen) and import it.
staff-rotate = Rotate the key
staff-rotate-key = New private key (from homeward queue keygen)
staff-rotate-signature = Its signature (hwsg1., printed beside the public key)
staff-rotate-button = Switch to the new key
staff-rotate-key-wrong = That is not a new private key for this queue.
staff-rotate-signature-wrong = That signature is not your organisation's over this new key.
staff-resealing = Some reports are still sealed to a previous key of this queue.
staff-reseal = Finish re-sealing
staff-queue-changes = Changes to your queues in the server's config
staff-queue_declared = declared
staff-queue_changed = changed (organisation, kind, key or conditions)
staff-queue_withdrawn = withdrawn

## Passwords and getting back in
staff-settings-heading = Your language and time zone
staff-settings-language = Language of your pages
staff-settings-language-browser = The browser's language
staff-settings-zone = Time zone
staff-settings-zone-hint = Dates and times on your pages are shown in it, with their offset from UTC.
staff-settings-save = Save
staff-settings-saved = Saved. Your pages now use this language and time zone.
error-language_unknown = Choose a language from the list.
error-zone_unknown = Choose a time zone from the list.
date-time-zoned = { $day }/{ $month }/{ $year } { $hour }:{ $minute } ({ $offset })
staff-password-heading = Change your password
staff-password-current = Current password
staff-password-new = New password
staff-password-change = Change password
staff-password-changed = Your password is changed. Your other sessions have ended.
staff-recover-link = Forgot your password? Use your recovery key.
staff-recover-heading = Get back in with your recovery key
staff-recover-intro = Your recovery key unlocks your account's keys again. You choose a new password and set up your authenticator app again; you get a new recovery key.
staff-recover-button = Reset my password
staff-reset-heading = Start over
staff-reset-intro = Your coordinator made this link because your password and recovery key are lost. Your account gets new keys; your coordinator then gives you access to your queues again.
staff-reset-button = Set my new password
staff-reset-member = Reset link

## Referral
staff-refer-to = Refer to queue
staff-refer-reason = Why
staff-refer-hint = Seen by the NGO queues that hold the report (the receiving one too, if it is an NGO), never by a consulate or the police.
staff-refer = Refer
staff-item-referral = Referral
referral-not-receiving = That queue does not receive reports now.
referral-already-held = That queue holds this report already.
referral-no-consent = The reporter did not consent to that. There is no override.
referral-needs-more = This entry holds the projection only: it can be referred only to a consulate or the police.
referral-wrong-country = A consulate receives only its own nationals' reports, and the police only reports from their country.
referral-old-projection = Every projection of this report was made before what a consulate or the police may see was narrowed, and may hold contact details: issue a new version of the projection first.
referral-not-possible = This report cannot be referred to that queue.
referral-no-reason = Say why.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count } critical { $count ->
    [one] report waits
   *[other] reports wait
} unclaimed past the acknowledgement target in queue { $queue }.
staff-projection-issue = Issue a new projection version
staff-projection-json = The projection (what consulates and the police may see), as JSON
staff-projection-hint = Same fields as a report's person, documents, location and wants. It is sealed as the next version to every queue that holds this report and may see it.
staff-projection-button = Issue this version
staff-item-addition = From the reporter
staff-item-contact = How the reporter wants to be reached now
staff-item-consent = The reporter changed their consents
staff-item-withdrawal = The reporter withdrew the report
staff-item-attachment = A file from the reporter
staff-new = new
staff-unread = sent by the reporter since this queue last opened the report
staff-withdrawn = Withdrawn by the reporter on { $at } · its keys are destroyed after { $destroyed }
staff-consent-closed = The reporter withdrew the consent that let this queue receive the report, on { $at }. This queue sees only what it opened before and can do nothing more with the report.
staff-closure-pending = { $queue }: the reporter withdrew the consent for this queue on { $at } · what it never opened is destroyed after { $destroyed }
staff-closure-destroyed = { $queue }: the reporter withdrew the consent for this queue on { $at } · what it never opened was destroyed on { $destroyed }
staff-entry-consent-closed = closed: consent withdrawn
staff-download = Download the file (cleaned of its metadata)
staff-zawgyi-shown = Typed in Zawgyi, shown in Unicode
staff-zawgyi-as-sent = As the reporter sent it
field-media_type = Type
field-size = Size in bytes
field-location_used = Its location was used as a hint
field-malformed = Sealed on the device and malformed: these fields break the report rules
field-sealed_on_device = Sealed on the reporter’s device

## Field errors of the responder forms
error-invalid_username = Use 3 to 40 lower-case letters, digits, dots or dashes.
error-username_taken = This username is taken.
error-password_short = Use at least 12 characters.
error-password_common = This password is too common or too easy to guess.
error-invalid_slug = Use lower-case letters, digits and dashes.
error-invalid_signing_key = This is not an hwov1. verifying key.
error-organisation_exists = An organisation with this id is registered already.
error-invalid_signature = This is not an hwsg1. signature.
error-no_desk_signing_key = No desk signing key is configured, so nothing can be countersigned.
error-countersignature_mismatch = This countersignature does not match the desk organisation's key and this organisation's id, kind, country and key.
error-password_wrong = This is not your current password.
error-recovery_wrong = This username and recovery key do not go together.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = Your organisation has not certified this account yet. You keep the queues you already hold, but no new queue key is sealed to you until a certified coordinator certifies you, or your organisation does with its signing key.
staff-certify-command = A certified coordinator of your organisation certifies you: read them your identity fingerprint (at the bottom of this page) in person or by phone. If you are its first coordinator, run this on the organisation's offline machine instead and paste the signature it prints below; check on a second device you trust that the identity key matches this page.
staff-certificate = Your organisation's signature (hwsg1.)
staff-certificate-button = Certify my account
staff-certified-self = Your account is now certified by your organisation's signing key.
staff-certificate-wrong = That is not your organisation's signature over this account, or your organisation does not stand yet.
staff-member-certified = certified
staff-certify-member = Certify
staff-member-certified-done = Member certified: you can now give them queues.
staff-uncertified-refused = Refused: that account's membership is not certified by your organisation (its chain of signatures does not reach your organisation's key).
staff-gap-no-member = not a member
staff-gap-no-identity = not certified: has not logged in since identity keys came
staff-gap-key-not-bound = not certified: its identity key does not cover its encryption key
staff-gap-not-certified = not certified
staff-gap-broken-chain = not certified: its chain of signatures does not verify (whoever certified it left or was reset, or the record was altered: tell your organisation if you did not expect this)
staff-gap-organisation = not certified: the organisation does not stand (suspended or not countersigned)
staff-operator-recovered = Operator access was recovered at the server's console (homeward admin recover-operator) on { $at }.
staff-operator-uncountersigned = The desk organisation has not countersigned this operator account yet, so it can do nothing as an operator. Operators cannot make each other: the desk organisation runs the command below on its offline machine, and you paste the signature it prints.
staff-operator-command = On the desk organisation's offline machine, with its signing key:
staff-audit-head = Audit log head (entry, MAC): note it somewhere off this server; a later rewrite of the log will not reach it.
staff-your-fingerprint = Your identity fingerprint (read it out, in person or by phone, to whoever certifies you):
staff-fingerprint-of = Their identity fingerprint, as they read it to you from their own workspace
staff-fingerprint-wrong = Refused: that fingerprint is not the one the server holds for this member. Ask them to read it again from their own workspace; if it still differs, their account may have been tampered with: tell your organisation.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = Cancel: go back without changing anything
staff-confirm-remove-heading = Remove member { $name }?
staff-confirm-remove-consequence = Their sessions and their copies of every queue key go at once and cannot be restored; each queue they held is marked "rotation due" until a coordinator imports a new key pair.
staff-confirm-remove = Yes, remove this member
staff-confirm-suspend-heading = Suspend organisation { $name }?
staff-confirm-suspend-consequence = Until it is reinstated, its queues receive no new reports, its members can neither open nor work the reports they hold, and referrals to them are refused.
staff-confirm-suspend = Yes, suspend this organisation
staff-desk-key-changed = The desk organisation's key, which every organisation's and every member's certificate is checked against, changed on { $at } (now { $fingerprint }). Unless the desk told your organisation so, ask it before you certify anyone or import a key.
staff-desk-key = Desk organisation's key (fingerprint): compare it with the one the desk gave your organisation.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = Source code (AGPL-3.0)
## The queue list: filters, pages, summaries, last activity
staff-priority-critical = critical
staff-priority-high = high
staff-priority-normal = normal
staff-filter-heading = Show
staff-filter-any = any
staff-filter-claim = Claimed
staff-filter-claim-mine = by me
staff-filter-claim-unclaimed = by nobody
staff-filter-overdue = only overdue
staff-filter-unread = only with something new from the reporter
staff-filter-apply = Show
staff-filter-clear = Show everything
staff-filter-none = No report in this queue matches what you chose.
staff-page-previous = Previous page
staff-page-next = Next page
staff-page-number = Page { $n }
staff-listed-note = Showing this list opens the summaries of the reports on it; that is recorded in the audit log.
staff-summary-none = No summary yet: it is made when someone in an NGO queue first opens the report.
staff-summary-age = { $age } years old
staff-summary-others = { $n ->
    [one] one other person held with them
   *[other] { $n } others held with them
}
staff-reported-by-self = reported by the person themselves
staff-reported-by-family = reported by family
staff-reported-by-friend = reported by a friend
staff-reported-by-colleague = reported by a colleague
staff-reported-by-other = reported by someone else
staff-ago-hour = within the last hour
staff-ago-hours = { $n ->
    [one] an hour ago
   *[other] { $n } hours ago
}
staff-ago-days = { $n ->
    [one] a day ago
   *[other] { $n } days ago
}
staff-activity-report = received { $ago }
staff-activity-addition = the reporter wrote { $ago }
staff-activity-contact = the reporter gave a new way to reach them { $ago }
staff-activity-consent = the reporter changed a consent { $ago }
staff-activity-attachment = the reporter sent a file { $ago }
staff-activity-withdrawal = the reporter withdrew the report { $ago }
staff-activity-reply = a reply was sent { $ago }
staff-activity-note = a note was written { $ago }
staff-activity-referral = referred { $ago }
staff-claimed-by = claimed by { $name }
staff-select-report = Select report { $id }
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = Skip to the content
## Clearing a flood of fake reports: a wave closed as not genuine, destroyed early by the desk
outcome-not_genuine = not genuine (a fake report)
staff-selection-heading = This selection cannot be used
staff-selection-empty = Nothing was selected: tick the reports first.
staff-selection-too-many = Too many reports were selected at once: at most 200.
staff-selection-not-an-id = The selection arrived damaged (a value is not a report id). Go back to the list and select again.
staff-selection-back = Back to the list
staff-wave-select = Select
staff-wave-button = Close the selected reports as not genuine
staff-wave-heading = Close these reports in queue { $queue } as not genuine? ({ $count })
staff-wave-consequence = Each entry listed is closed in this queue with the outcome "not genuine", in one action recorded as one audit entry. Other queues holding these reports keep their own entries. Once every queue holding a report has closed it as not genuine, the desk organisation's coordinators may destroy it early.
staff-wave-none = None of the selected reports can be closed here: they are closed already, or a withdrawn consent closed them.
staff-wave-kept = Left as they are (closed already, closed by a withdrawn consent, or claimed by a colleague): { $count }.
staff-wave-confirm = Yes, close them as not genuine
staff-wave-not-in-queue = Not in this queue (destroyed meanwhile, or never here): { $count } of the selected reports. Go back to the list and select again.
staff-wave-done = Closed as not genuine: { $count }.
staff-early-link = Reports closed as not genuine everywhere (destroy early)
staff-early-heading = Reports closed as not genuine everywhere
staff-early-intro = Every queue holding these reports has closed them as not genuine. As a coordinator of the desk organisation you may destroy them now rather than at the end of the retention period; that frees their receipt codes for real reports. A report still open in any queue, or closed there with another outcome, is not listed.
staff-early-none = No report is due for you to destroy early.
staff-early-nothing = None of the selected reports is due for you to destroy early any more: nothing would be destroyed.
staff-early-select = Report (select)
staff-early-report = Report
staff-early-received = Received
staff-early-holders = Queues holding it
staff-early-closed = Last closed
staff-early-button = Destroy the selected reports
staff-early-confirm-heading = Destroy these reports now? ({ $count })
staff-early-consequence = They are destroyed for good: every key, every file and the conversation go, and their receipt codes no longer open anything. Backups keep them until the backups expire. The destruction is recorded as one audit entry.
staff-early-kept = Kept, because they are not due for you to destroy early (reopened, closed too recently, or closed by you) or are gone already: { $count }.
staff-early-confirm = Yes, destroy them for good
staff-early-done = Destroyed: { $count }.
staff-early-rules = A report is listed only once every queue holding it has kept it closed as not genuine for at least { $hours ->
        [one] one hour
       *[other] { $hours } hours
    }, and only to a coordinator who closed none of its entries: destroying a report takes two people. Until then any member of those queues may reopen it. A report whose reporter wrote again after it was closed is marked: open it and read what they wrote before you tick it. Nothing is ticked for you: tick each report you mean to destroy.
staff-early-irreversible = This cannot be undone.
staff-early-no-key = You hold no copy of the desk queue's key, so you cannot see what these reports say, and you may not destroy them: only a coordinator of the desk who holds its key can.
staff-early-place = Where
staff-early-person = Who
staff-early-reasons = Main reasons
## hotline: filing on a caller's behalf
field-channel = How the report came in (online: from the reporter; phoned: filed by hotline staff for a caller)
staff-hotline-link = File a report for a caller (hotline)
staff-hotline-heading = File a report for a caller
staff-hotline-intro = Ask the caller each question in their language and type their answers as they give them. Do not add or change what they say.
staff-hotline-caller-language = The caller's language
staff-hotline-caller-language-button = Show the form in this language
staff-hotline-errors = Some answers need fixing: each problem is shown next to its field. Nothing typed was lost.
staff-hotline-consents-note = Every consent stays unticked until the caller says yes to it. Read each one to them and tick only what they agree to.
staff-hotline-submit = File the report
staff-hotline-filed-heading = Report filed
staff-hotline-read-code = Read this receipt code to the caller now, slowly, group by group, and ask them to read it back. It is shown only this once and is kept nowhere.
staff-hotline-code-once = Read them the words above the code too. Do not write the code down yourself. Tell the caller that you heard the code, so you could read the replies to them as well: they can file again by themselves to get a code nobody else knows.
staff-hotline-another = File another report
staff-hotline-member = Hotline staff
staff-hotline-grant = Let them file for callers (hotline)
staff-hotline-revoke = Stop hotline filing
staff-hotline-granted = They can now file reports for callers.
staff-hotline-revoked = They can no longer file reports for callers.
staff-hotline-refused = Refused: only a certified coordinator of an NGO can let its own members file for callers, and never at a consulate or the police.
staff-hotline-not-granted = You cannot file reports for callers: a coordinator of your organisation must allow it first (only NGOs have hotline staff).

## case file
staff-casefile-narrative = What happened, in the reporter's words
staff-casefile-more = Also in this item
staff-field-coordinates = Coordinates
staff-field-language = Language the reporter wrote in
staff-osm-link = Open these coordinates in OpenStreetMap (another site: following the link tells it this place)
staff-yes = yes
staff-no = no
staff-triage-explained = { $priority }: { $reasons }
staff-triage-none = { $priority }: no indicator ticked
staff-actions = What you can do
staff-files = Files from the reporter
staff-file-photo = Photo { $n }
staff-file-pdf = PDF document { $n }
staff-file-size = { $kb } KB
staff-file-preview = Reduced preview made by the server
staff-done-claimed = You claimed this report. It is assigned to you.
staff-done-released = You released this report. Nobody is assigned to it now.
staff-done-moved = The status is changed.
staff-done-replied = Your reply is sent. The reporter reads it with their receipt code.
staff-done-noted = Your note is added. Only your organisation sees it.
staff-done-referred = The report is referred. The receiving queue holds it now.
staff-done-projection = The new projection version is issued.
staff-timeline = Timeline
staff-tl-text = Message
staff-tl-hour = in the hour from { $at } (the server keeps only the hour)
staff-tl-someone = a former member
staff-tl-received = Report received
staff-tl-triage = Triage: { $triage }
staff-tl-projection = Projection made at intake
staff-tl-projection-by = Projection version { $version } issued by { $name }
staff-tl-reply = Reply to the reporter, written by { $organisation }
staff-tl-reply-unknown = Reply to the reporter
staff-tl-note = Internal note by { $name }
staff-tl-internal = Seen only by your organisation.
staff-tl-referral = Referred from { $from } to { $to } by { $name }
staff-tl-addition = The reporter added information
staff-tl-contact = The reporter changed how to reach them
staff-tl-consent-given = The reporter allowed: { $consent }
staff-tl-consent-withdrawn = The reporter withdrew: { $consent }
staff-tl-file = The reporter sent a file: { $name }
staff-tl-withdrawal = The reporter withdrew the report
staff-tl-claimed = { $name } claimed the report
staff-tl-released = { $name } released the report
staff-tl-moved = { $name } changed the status to { $status }
## the case file: a report hotline staff filed
staff-filed-by-hotline = Filed for a caller by hotline staff
staff-hotline-already-filed = This caller's report was filed already, and its receipt code was shown once; it is not shown again. If the caller did not hear the code, file the report again with them: they get a new code.
staff-hotline-resend = The form was not sent from this page as it stands. Check the answers and send it again.
staff-role-operator = operator
staff-role-coordinator = coordinator
staff-role-responder = responder
staff-early-wrote-after = The reporter wrote after it was closed: read it first.

## The operator's overview: which queues receive reports, and a routing file a key rotation left out of date (issue 19)
staff-overview-link = Which queues receive reports
staff-overview-heading = Queues: which receive reports
staff-overview-intro = Every queue the routing file declares: whether it receives reports and, if not, why; how many reports wait in it; how many members hold its key; when it last received one. No report is named here, and nothing a report says is shown.
staff-overview-no-desk = The desk queue receives nothing: until it does, every report is refused and nobody can report.
staff-overview-empty = The routing file declares no queue.
staff-overview-queue = Queue
staff-overview-standing = Receives reports?
staff-overview-open = Open
staff-overview-unclaimed = Not claimed
staff-overview-overdue = Overdue
staff-overview-holders = Members holding its key
staff-overview-last = Last report received
staff-overview-never = never
staff-overview-stale = the routing file declares an old key
staff-overview-stale-heading = Routing file out of date
staff-overview-stale-lines = A coordinator has rotated this queue's key. In the routing file (config/queues.toml), in the [[queue]] entry with id = "{ $queue }", replace the public_key and signature lines with these two, then restart the server:
staff-config-stale = The server's routing file (config/queues.toml) still declares this queue's previous key. Give the operator these two lines: they replace the public_key and signature lines of this queue's entry.

## invitations: what each is for, the open ones, revoking (issue 19, invites and members API)
staff-invite-for = For: { $role } of { $organisation }, valid until { $expires }
staff-invite-for-operator = For: { $role } (no organisation), valid until { $expires }
staff-open-invites = Open invitations
staff-invite-by = made by { $name }
staff-invite-by-console = made at the server's console
staff-invite-by-former = made by a former member
staff-invite-revoke = Revoke
staff-invite-revoked = The invitation was revoked: its link no longer works.
staff-invite-gone = This invitation was used or revoked already, or it expired.

## registering an organisation from the file it sent (issue 19)
staff-org-from-file-heading = Register from the file it sent
staff-org-from-file-intro = Paste the whole file the organisation sent you (send-to-operator.json, made by homeward org init). Its details and verifying key are taken from it, its queues' signatures are checked, and the desk's countersignature is recorded if the file carries one. Then record its vetting on its page.
staff-org-from-file-label = The file's text
staff-org-from-file-button = Register from the file
error-organisation_file = This is not the file homeward org init writes (send-to-operator.json), or it was changed on the way and its signatures do not check.
