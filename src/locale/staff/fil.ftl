# Homeward responder pages, Filipino. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (fil.ftl): ulat (report), receipt code, pahintulot (consent),
# recruiter, ang nag-ulat (reporter). A queue is pila; the desk organisation is ang sentral na
# organisasyon; the projection is ang hinango. Technical words stay in English where Philippine
# NGO staff use them so (password, username, session, recovery key, referral).

# Responder pages
staff-login-heading = Pag-log in ng responder
staff-username = Username
staff-username-hint = Maliliit na titik, numero, tuldok, gitling; 3 hanggang 40 karakter.
staff-password = Password
staff-password-hint = Hindi bababa sa 12 karakter. Magandang password ang ilang salitang walang kaugnayan sa isa't isa.
staff-totp = Code mula sa iyong authenticator app
staff-login = Mag-log in
staff-logout = Mag-log out
staff-login-failed = Mali ang username, password o code; o, pagkatapos ng ilang maling pagsubok, naghihintay ang account ng ilang minuto bago tumanggap ng susunod.
staff-login-too-soon = Masyadong maraming maling pagsubok. Maghintay ng ilang minuto at subukang muli.
staff-invite-heading = Gumawa ng iyong account
staff-invite-intro = Isang beses lang magagamit ang imbitasyong ito. Pumili ng username at password.
staff-invite-invalid = Hindi kilala, nagamit na o expired na ang imbitasyong ito. Humingi ng bago.
staff-enrol = Gumawa ng account
staff-enrolled-heading = Handa na ang iyong account
staff-enrolled-once = Isang beses lang ipapakita ang lahat ng nasa ibaba. I-save ito ngayon.
staff-totp-heading = Authenticator app
staff-totp-intro = Idagdag ang susing ito sa iyong authenticator app (TOTP, 6 na numero, 30 segundo). Kailangan mo ng code mula rito tuwing magla-log in ka.
staff-recovery-heading = Recovery key
staff-recovery-intro = Kapag nakalimutan mo ang password, ang susing ito lang ang makapagbubukas muli sa mga susi ng iyong account. Itago ito nang offline.
staff-workspace-heading = Workspace
staff-invite-someone = Mag-imbita ng tao
staff-organisation = Organisasyon
staff-role = Tungkulin
staff-invite-create = Gumawa ng link ng imbitasyon
staff-invite-created = Link ng imbitasyon (isang beses ipapakita, valid nang 72 oras, magagamit nang isang beses):
staff-forbidden = Hindi ka pinapayagang gawin iyan.
staff-your-queues = Ang iyong mga pila
staff-org-queues = Mga pila ng iyong organisasyon
staff-key-missing = Wala pang na-import na susi: hindi mabubuksan ang pilang ito.
staff-import-key = Pribadong susi (mula sa homeward queue keygen)
staff-import = I-import ang susi
staff-key-imported = Na-import ang susi. Hawak ng:
staff-held-after-restore = Hindi tumatanggap ng mga ulat ang pilang ito mula nang i-restore ang isang backup: nagbago ang mga miyembro nito pagkatapos ng backup na iyon. Suriin kung sino ang may hawak ng susi nito (sa ibaba), saka kumpirmahin.
staff-confirm-membership = Nasuri ang mga miyembro: tumanggap muli ng mga ulat
staff-grant = Bigyan ng access si
staff-grant-button = Bigyan ng access
staff-key-wrong = Hindi ito ang pribadong susi ng pilang ito.
staff-queue-heading = Pila
staff-priority = Priyoridad
staff-status = Katayuan
staff-received = Natanggap
staff-no-entries = Walang ulat sa pilang ito.
staff-report-heading = Ulat
staff-item-report = Ang ulat
staff-item-triage = Triage
staff-item-projection = Hinango (ang makikita ng konsulado at pulis)
staff-item-status = Usapan
staff-assignee = Nakatalaga kay
staff-unassigned = walang nakatalaga
staff-mine = ako
staff-claim = Akuin
staff-release = Bitawan
staff-move = Palitan ang katayuan
staff-outcome = Kinalabasan (kapag isinasara)
staff-overdue = lampas na sa oras
entry-status-new = bago
entry-status-acknowledged = kinilala na
entry-status-in_progress = inaasikaso
entry-status-waiting_for_reporter = naghihintay sa nag-ulat
entry-status-referred = nai-refer
entry-status-closed = sarado na
outcome-located = natagpuan
outcome-rescued = nasagip
outcome-repatriated = napauwi
outcome-referred_on = nai-refer sa iba
outcome-unreachable = hindi makontak
outcome-duplicate = doble
outcome-not_credible = hindi kapani-paniwala
outcome-other = iba pa
staff-item-reply = Sagot sa nag-ulat
staff-item-note = Panloob na tala
staff-reply = Sumulat sa nag-ulat (binabasa nila ito gamit ang kanilang receipt code)
staff-send-reply = Ipadala ang sagot
staff-note = Panloob na tala (ang iyong organisasyon lang ang makakakita)
staff-add-note = Magdagdag ng tala

## The operator's organisations
org-heading = Mga organisasyon
org-intro = Dalawa ang kailangan sa pagsusuri: itala ito rito, saka palagdaan sa sentral na organisasyon ang susi sa paglagda ng organisasyon, nang offline. Tumatanggap lang ng mga ulat ang isang pila kapag nasuri, may lagdang pagpapatibay at aktibo ang organisasyon nito, may lagda ng organisasyon ang susi nito, at may coordinator na nag-import ng pribadong susi nito.
org-register = Magrehistro ng organisasyon
org-register-button = Irehistro
org-id = Id
org-id-hint = Maliliit na titik, numero at gitling, gaya ng tawag dito ng mga pila sa config.
org-name = Pangalan
org-kind = Uri
org-kind-ngo = NGO
org-kind-consulate = Konsulado
org-kind-police = Pulis
org-country = Bansa
org-country-hint = Dalawang-titik na ISO code: kung saan nagtatrabaho ang NGO o pulis, o ang bansang pinaglilingkuran ng konsulado.
org-contact = Kontak
org-contact-hint = Paano makokontak ang coordinator ng organisasyon (opsyonal).
org-signing-key = Susi sa pag-verify
org-signing-key-hint = Ang hwov1. na susi mula sa sariling `homeward org keygen` ng organisasyon.
org-queues = Mga pila
org-details = Mga detalye
org-save = I-save
org-demo = Ang demo na organisasyon ng bagong install: walang kailangang suriin.
org-vetting = Pagsusuri
org-vetted-by = Nasuri:
org-evidence = Ebidensya
org-evidence-hint = Sino ang nag-vouch, ano ang sinuri, nasaan ang mga rekord.
org-record-vetting = Itala ang pagsusuri
org-countersignature = Lagdang pagpapatibay
org-countersigned = Tugma ang lagdang pagpapatibay ng sentral na organisasyon.
org-countersign-intro = Pinapatakbo ito ng sentral na organisasyon sa offline na makina nito, pagkatapos suriin ang mga detalyeng ito kasama ang organisasyon mismo, at ibinabalik ang resulta:
org-countersignature-field = Lagdang pagpapatibay (hwsg1.)
org-add-countersignature = Idagdag ang lagdang pagpapatibay
org-suspension = Suspensyon
org-suspended = Suspendido: walang natatanggap ang mga pila nito.
org-suspend = Suspendihin
org-reinstate = Ibalik
org-first-coordinator = Coordinator
org-invite-coordinator = Gumawa ng imbitasyon para sa coordinator
staff-organisations-link = Mga organisasyon
hold-none = tumatanggap ng mga ulat
hold-unregistered = hindi pa nirehistro ng operator
hold-not-vetted = hindi pa naitatala ang pagsusuri
hold-not-countersigned = walang wastong lagdang pagpapatibay mula sa sentral na organisasyon
hold-suspended = suspendido
hold-wrong-organisation = hindi tugma ang uri ng pila sa organisasyon nito
hold-key-unsigned = walang lagda ng organisasyon ang susi ng pila
hold-key-not-imported = wala pang coordinator na nag-import ng pribadong susi ng pila
hold-held-after-restore = nagbago ang mga miyembro nito mula sa na-restore na backup: kailangan itong kumpirmahin ng coordinator

## Members and key rotation
staff-members = Mga miyembro
staff-remove-member = Alisin
staff-member-removed = Naalis ang miyembro: wala na ang kanilang mga session at kopya ng susi.
staff-member-removed-rotate = Naalis ang miyembro: wala na ang kanilang mga session at kopya ng susi. Mag-import ng bagong pares ng susi para sa:
staff-rotation-due = Kailangan nang palitan ang susi: umalis na ang isang miyembrong may hawak ng susing ito. Gumawa ng bagong pares na may lagda nang offline (homeward queue keygen) at i-import ito.
staff-rotate = Palitan ang susi
staff-rotate-key = Bagong pribadong susi (mula sa homeward queue keygen)
staff-rotate-signature = Ang lagda nito (hwsg1., naka-print sa tabi ng pampublikong susi)
staff-rotate-button = Lumipat sa bagong susi
staff-rotate-key-wrong = Hindi iyan bagong pribadong susi para sa pilang ito.
staff-rotate-signature-wrong = Hindi iyan lagda ng iyong organisasyon sa bagong susing ito.
staff-resealing = May ilang ulat na naka-encrypt pa sa dating susi ng pilang ito.
staff-reseal = Tapusin ang muling pag-encrypt
staff-queue-changes = Mga pagbabago sa iyong mga pila sa config ng server
staff-queue_declared = idineklara
staff-queue_changed = binago (organisasyon, uri, susi o mga kondisyon)
staff-queue_withdrawn = binawi

## Passwords and getting back in
staff-password-heading = Palitan ang iyong password
staff-password-current = Kasalukuyang password
staff-password-new = Bagong password
staff-password-change = Palitan ang password
staff-password-changed = Napalitan ang iyong password. Natapos na ang iba mo pang session.
staff-recover-link = Nakalimutan ang password? Gamitin ang iyong recovery key.
staff-recover-heading = Bumalik gamit ang iyong recovery key
staff-recover-intro = Binubuksan muli ng iyong recovery key ang mga susi ng iyong account. Pipili ka ng bagong password at ise-set up muli ang iyong authenticator app; bibigyan ka ng bagong recovery key.
staff-recover-button = I-reset ang aking password
staff-reset-heading = Magsimula muli
staff-reset-intro = Ginawa ng iyong coordinator ang link na ito dahil nawala ang iyong password at recovery key. Magkakaroon ng bagong mga susi ang iyong account; pagkatapos ay bibigyan ka muli ng iyong coordinator ng access sa iyong mga pila.
staff-reset-button = Itakda ang aking bagong password
staff-reset-member = Link para sa reset

## Referral
staff-refer-to = I-refer sa pila
staff-refer-reason = Bakit
staff-refer-hint = Makikita ng mga pila ng NGO na may hawak ng ulat (pati ng tatanggap, kung NGO ito), hindi kailanman ng konsulado o ng pulis.
staff-refer = I-refer
staff-item-referral = Referral
referral-not-receiving = Hindi tumatanggap ng mga ulat ang pilang iyon ngayon.
referral-already-held = Hawak na ng pilang iyon ang ulat na ito.
referral-no-consent = Hindi pumayag dito ang nag-ulat. Walang paraan para lampasan ito.
referral-needs-more = Ang hinango lang ang laman ng entry na ito: maaari lang itong i-refer sa konsulado o sa pulis.
referral-wrong-country = Ang konsulado ay tumatanggap lang ng mga ulat tungkol sa sarili nitong mamamayan, at ang pulis ay mga ulat lang mula sa kanilang bansa.
referral-old-projection = Lahat ng hinango ng ulat na ito ay ginawa bago pinakitid ang maaaring makita ng konsulado o pulis, at maaaring may contact details: maglabas muna ng bagong bersyon ng hinango.
referral-not-possible = Hindi maaaring i-refer ang ulat na ito sa pilang iyon.
referral-no-reason = Sabihin kung bakit.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] { $count } kritikal na ulat
   *[other] { $count } kritikal na ulat
} sa pilang { $queue } ang wala pang umaako at lampas na sa target na oras ng pagkilala.
staff-projection-issue = Maglabas ng bagong bersyon ng hinango
staff-projection-json = Ang hinango (ang makikita ng konsulado at pulis), bilang JSON
staff-projection-hint = Kapareho ng mga field ng tao, dokumento, lokasyon at kagustuhan sa isang ulat. Ie-encrypt ito bilang susunod na bersyon para sa bawat pilang may hawak ng ulat na ito at may pahintulot na makita ito.
staff-projection-button = Ilabas ang bersyong ito
staff-item-addition = Mula sa nag-ulat
staff-item-contact = Paano gustong makontak ngayon ng nag-ulat
staff-item-consent = Binago ng nag-ulat ang kanilang mga pahintulot
staff-item-withdrawal = Binawi ng nag-ulat ang ulat
staff-item-attachment = File mula sa nag-ulat
staff-new = bago
staff-unread = ipinadala ng nag-ulat mula nang huling buksan ng pilang ito ang ulat
staff-withdrawn = Binawi ng nag-ulat noong { $at } · sisirain ang mga susi nito pagkalipas ng { $destroyed }
staff-consent-closed = Noong { $at }, binawi ng nag-ulat ang pahintulot na nagbigay-daan sa pilang ito na matanggap ang ulat. Ang nabuksan na lang nito dati ang nakikita ng pilang ito, at wala na itong magagawa sa ulat.
staff-closure-pending = { $queue }: binawi ng nag-ulat ang pahintulot para sa pilang ito noong { $at } · sisirain pagkalipas ng { $destroyed } ang hindi nito kailanman nabuksan
staff-closure-destroyed = { $queue }: binawi ng nag-ulat ang pahintulot para sa pilang ito noong { $at } · sinira noong { $destroyed } ang hindi nito kailanman nabuksan
staff-entry-consent-closed = sarado: binawi ang pahintulot
staff-download = I-download ang file (nilinis ang metadata)
staff-zawgyi-shown = Tinype sa Zawgyi, ipinapakita sa Unicode
staff-zawgyi-as-sent = Gaya ng ipinadala ng nag-ulat
field-media_type = Uri
field-size = Laki sa bytes
field-location_used = Ginamit ang lokasyon nito bilang palatandaan
field-malformed = Na-encrypt sa device at sira ang anyo: lumalabag ang mga field na ito sa mga patakaran ng ulat
field-sealed_on_device = Na-encrypt sa device ng nag-ulat

## Field errors of the responder forms
error-invalid_username = Gumamit ng 3 hanggang 40 maliliit na titik, numero, tuldok o gitling.
error-username_taken = May gumagamit na ng username na ito.
error-password_short = Gumamit ng hindi bababa sa 12 karakter.
error-password_common = Masyadong karaniwan o madaling hulaan ang password na ito.
error-invalid_slug = Gumamit ng maliliit na titik, numero at gitling.
error-invalid_signing_key = Hindi ito hwov1. na susi sa pag-verify.
error-organisation_exists = May nakarehistro nang organisasyon na may ganitong id.
error-invalid_signature = Hindi ito hwsg1. na lagda.
error-no_desk_signing_key = Walang naka-configure na susi sa paglagda ng sentral na organisasyon, kaya walang malalagdaan bilang pagpapatibay.
error-countersignature_mismatch = Hindi tugma ang lagdang pagpapatibay na ito sa susi ng sentral na organisasyon at sa id, uri, bansa at susi ng organisasyong ito.
error-password_wrong = Hindi ito ang kasalukuyan mong password.
error-recovery_wrong = Hindi magkatugma ang username at recovery key na ito.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = Hindi pa sinesertipikahan ng iyong organisasyon ang account na ito. Hawak mo pa rin ang mga pilang hawak mo na, pero walang bagong susi ng pila na ie-encrypt para sa iyo hangga't hindi ka sinesertipikahan ng isang sertipikadong coordinator, o ng iyong organisasyon gamit ang susi nito sa paglagda.
staff-certify-command = Isang sertipikadong coordinator ng iyong organisasyon ang magsesertipika sa iyo: basahin sa kanila ang iyong identity fingerprint (sa ibaba ng pahinang ito) nang harapan o sa telepono. Kung ikaw ang unang coordinator nito, patakbuhin ito sa offline na makina ng organisasyon at i-paste sa ibaba ang lagdang ipi-print nito; tiyakin sa pangalawang device na pinagkakatiwalaan mo na tugma ang identity key sa pahinang ito.
staff-certificate = Lagda ng iyong organisasyon (hwsg1.)
staff-certificate-button = Sertipikahan ang aking account
staff-certified-self = Sertipikado na ang iyong account ng susi sa paglagda ng iyong organisasyon.
staff-certificate-wrong = Hindi iyan lagda ng iyong organisasyon sa account na ito, o hindi pa aktibo at wasto ang iyong organisasyon.
staff-member-certified = sertipikado
staff-certify-member = Sertipikahan
staff-member-certified-done = Sertipikado na ang miyembro: maaari mo na silang bigyan ng mga pila.
staff-uncertified-refused = Tinanggihan: hindi sertipikado ng iyong organisasyon ang pagiging miyembro ng account na iyon (hindi umaabot sa susi ng iyong organisasyon ang kadena ng mga lagda nito).
staff-gap-no-member = hindi miyembro
staff-gap-no-identity = hindi sertipikado: hindi pa nagla-log in mula nang magkaroon ng identity key
staff-gap-key-not-bound = hindi sertipikado: hindi sakop ng identity key nito ang encryption key nito
staff-gap-not-certified = hindi sertipikado
staff-gap-broken-chain = hindi sertipikado: hindi ma-verify ang kadena ng mga lagda nito (umalis o na-reset ang nagsertipika rito, o binago ang rekord: sabihin sa iyong organisasyon kung hindi mo ito inaasahan)
staff-gap-organisation = hindi sertipikado: hindi wasto ang organisasyon (suspendido o walang lagdang pagpapatibay)
staff-operator-recovered = Nabawi ang access ng operator sa console ng server (homeward admin recover-operator) noong { $at }.
staff-operator-uncountersigned = Hindi pa nilalagdaan bilang pagpapatibay ng sentral na organisasyon ang operator account na ito, kaya wala pa itong magagawa bilang operator. Hindi makakagawa ng kapwa operator ang mga operator: pinapatakbo ng sentral na organisasyon ang command sa ibaba sa offline na makina nito, at ipe-paste mo ang lagdang ipi-print nito.
staff-operator-command = Sa offline na makina ng sentral na organisasyon, gamit ang susi nito sa paglagda:
staff-audit-head = Ulo ng audit log (entry, MAC): itala ito sa labas ng server na ito; hindi ito maaabot ng muling pagsulat ng log sa ibang araw.
staff-your-fingerprint = Ang iyong identity fingerprint (basahin ito nang harapan o sa telepono sa magsesertipika sa iyo):
staff-fingerprint-of = Ang kanilang identity fingerprint, ayon sa pagbasa nila sa iyo mula sa sarili nilang workspace
staff-fingerprint-wrong = Tinanggihan: hindi iyan ang fingerprint na hawak ng server para sa miyembrong ito. Ipabasa itong muli mula sa sarili nilang workspace; kung iba pa rin, maaaring pinakialaman ang kanilang account: sabihin sa iyong organisasyon.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = Kanselahin: bumalik nang walang binabago
staff-confirm-remove-heading = Alisin ang miyembrong si { $name }?
staff-confirm-remove-consequence = Agad na mawawala at hindi na maibabalik ang kanilang mga session at kopya ng bawat susi ng pila; mamarkahang "kailangan nang palitan ang susi" ang bawat pilang hawak nila hanggang mag-import ang isang coordinator ng bagong pares ng susi.
staff-confirm-remove = Oo, alisin ang miyembrong ito
staff-confirm-suspend-heading = Suspendihin ang organisasyong { $name }?
staff-confirm-suspend-consequence = Hangga't hindi ito naibabalik, walang bagong ulat na matatanggap ang mga pila nito, hindi mabubuksan o maaasikaso ng mga miyembro nito ang mga ulat na hawak nila, at tatanggihan ang mga referral sa kanila.
staff-confirm-suspend = Oo, suspendihin ang organisasyong ito
staff-desk-key-changed = Nagbago noong { $at } ang susi ng sentral na organisasyon, na pinagbabatayan sa pagsuri ng sertipiko ng bawat organisasyon at bawat miyembro (ngayon ay { $fingerprint }). Maliban kung sinabi ito ng sentral na organisasyon sa inyo, tanungin muna ito bago ka magsertipika ng sinuman o mag-import ng susi.
staff-desk-key = Susi ng sentral na organisasyon (fingerprint): ihambing ito sa ibinigay ng sentral na organisasyon sa inyong organisasyon.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = Source code (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = Ang iyong wika at time zone
staff-settings-language = Wika ng iyong mga pahina
staff-settings-language-browser = Ang wika ng browser
staff-settings-zone = Time zone
staff-settings-zone-hint = Ipinapakita ang mga petsa at oras sa iyong mga pahina sa time zone na ito, kasama ang agwat nito sa UTC.
staff-settings-save = I-save
staff-settings-saved = Na-save. Ginagamit na ng iyong mga pahina ang wika at time zone na ito.
error-language_unknown = Pumili ng wika mula sa listahan.
error-zone_unknown = Pumili ng time zone mula sa listahan.
date-time-zoned = { $month }/{ $day }/{ $year } { $hour }:{ $minute } ({ $offset })
## The queue list: filters, pages, summaries, last activity
staff-priority-critical = kritikal
staff-priority-high = mataas
staff-priority-normal = karaniwan
staff-filter-heading = Ipakita
staff-filter-any = lahat
staff-filter-claim = Sino ang umako
staff-filter-claim-mine = ako
staff-filter-claim-unclaimed = walang umako
staff-filter-overdue = lampas na sa oras lang
staff-filter-unread = may bago lang mula sa nag-ulat
staff-filter-apply = Ipakita
staff-filter-clear = Ipakita lahat
staff-filter-none = Walang ulat sa pilang ito na tumutugma sa pinili mo.
staff-page-previous = Nakaraang pahina
staff-page-next = Susunod na pahina
staff-page-number = Pahina { $n }
staff-listed-note = Kapag ipinakita ang listahang ito, nabubuksan ang mga buod ng mga ulat dito; nakatala iyon sa audit log.
staff-summary-none = Wala pang buod: ginagawa ito kapag unang binuksan ng isang tao sa pila ng NGO ang ulat.
staff-summary-age = { $age } taong gulang
staff-summary-others = { $n ->
    [one] may { $n } pang nakakulong kasama nila
   *[other] may { $n } pang nakakulong kasama nila
}
staff-reported-by-self = iniulat ng tao mismo
staff-reported-by-family = iniulat ng kapamilya
staff-reported-by-friend = iniulat ng kaibigan
staff-reported-by-colleague = iniulat ng katrabaho
staff-reported-by-other = iniulat ng ibang tao
staff-ago-hour = sa loob ng nakaraang oras
staff-ago-hours = { $n ->
    [one] { $n } oras na ang nakalipas
   *[other] { $n } oras na ang nakalipas
}
staff-ago-days = { $n ->
    [one] { $n } araw na ang nakalipas
   *[other] { $n } araw na ang nakalipas
}
staff-activity-report = natanggap { $ago }
staff-activity-addition = sumulat ang nag-ulat { $ago }
staff-activity-contact = nagbigay ang nag-ulat ng bagong paraan para makontak sila { $ago }
staff-activity-consent = binago ng nag-ulat ang isang pahintulot { $ago }
staff-activity-attachment = nagpadala ang nag-ulat ng file { $ago }
staff-activity-withdrawal = binawi ng nag-ulat ang ulat { $ago }
staff-activity-reply = may ipinadalang sagot { $ago }
staff-activity-note = may isinulat na tala { $ago }
staff-activity-referral = nai-refer { $ago }
staff-claimed-by = inako ni { $name }
staff-select-report = Piliin ang ulat { $id }
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = Lumaktaw sa pangunahing nilalaman
## Clearing a flood of fake reports: a wave closed as not genuine, destroyed early by the desk
outcome-not_genuine = hindi totoo (pekeng ulat)
staff-selection-heading = Hindi magagamit ang napiling ito
staff-selection-empty = Walang napili: lagyan muna ng tsek ang mga ulat.
staff-selection-too-many = Napakaraming ulat ang napili nang sabay: hanggang 200 lamang.
staff-selection-not-an-id = Nasira ang napili habang ipinapadala (may value na hindi ID ng ulat). Bumalik sa listahan at pumili muli.
staff-selection-back = Bumalik sa listahan
staff-wave-select = Piliin
staff-wave-button = Isara ang mga napiling ulat bilang hindi totoo
staff-wave-heading = Isara ang mga ulat na ito sa pilang { $queue } bilang hindi totoo? ({ $count })
staff-wave-consequence = Isasara sa pilang ito ang bawat entry sa ibaba na may resultang "hindi totoo", sa iisang aksyon na itatala bilang iisang entry sa audit log. Mananatili sa ibang pila na may hawak ng mga ulat na ito ang kani-kanilang entry. Kapag isinara na bilang hindi totoo ng bawat pilang may hawak ng isang ulat, maaari na itong sirain nang maaga ng mga coordinator ng sentral na organisasyon.
staff-wave-none = Wala sa mga napiling ulat ang maisasara rito: sarado na ang mga ito, o isinara dahil binawi ang pahintulot.
staff-wave-kept = Iniwan nang gaya ng dati (sarado na, isinara dahil binawi ang pahintulot, o hawak ng isang kasamahan): { $count }.
staff-wave-confirm = Oo, isara bilang hindi totoo
staff-wave-not-in-queue = Wala sa pilang ito (nasira na habang ginagawa ito, o hindi kailanman narito): { $count } sa mga napiling ulat. Bumalik sa listahan at pumili muli.
staff-wave-done = Isinara bilang hindi totoo: { $count }.
staff-early-link = Mga ulat na isinara bilang hindi totoo ng lahat ng pila (sirain nang maaga)
staff-early-heading = Mga ulat na isinara bilang hindi totoo ng lahat ng pila
staff-early-intro = Isinara na bilang hindi totoo ng bawat pilang may hawak ng mga ulat na ito. Bilang coordinator ng sentral na organisasyon, maaari mo na silang sirain ngayon sa halip na hintayin ang katapusan ng panahon ng pagtatago; sa gayon, magagamit muli ang kanilang mga receipt code para sa mga totoong ulat. Hindi nakalista ang ulat na bukas pa sa alinmang pila, o isinara roon na may ibang resulta.
staff-early-none = Walang ulat na maaari mong sirain nang maaga.
staff-early-nothing = Wala na sa mga napiling ulat ang maaari mong sirain nang maaga: walang masisira.
staff-early-select = Ulat (piliin)
staff-early-report = Ulat
staff-early-received = Natanggap
staff-early-holders = Mga pilang may hawak nito
staff-early-closed = Huling isinara
staff-early-button = Sirain ang mga napiling ulat
staff-early-confirm-heading = Sirain na ang mga ulat na ito? ({ $count })
staff-early-consequence = Masisira sila nang tuluyan: mawawala ang bawat susi, bawat file at ang usapan, at wala nang mabubuksan ang kanilang mga receipt code. Nananatili sila sa mga backup hanggang mag-expire ang mga backup. Itatala ang pagsira bilang iisang entry sa audit log.
staff-early-kept = Itinabi, dahil hindi pa o hindi na sila maaaring sirain mo nang maaga (binuksan muli, kasasara pa lamang, o ikaw ang nagsara), o wala na sila: { $count }.
staff-early-confirm = Oo, sirain nang tuluyan
staff-early-done = Nasira: { $count }.
staff-early-rules = Nakalista lamang ang isang ulat kapag ang bawat pilang may hawak nito ay nagsara rito bilang hindi totoo nang hindi bababa sa { $hours } oras, at para lamang sa coordinator na hindi nagsara ng alinman sa mga entry nito: dalawang tao ang kailangan para sirain ang isang ulat. Hanggang doon, maaari itong buksan muli ng sinumang miyembro ng mga pilang iyon. May marka ang ulat na sinulatan muli ng nag-ulat matapos itong isara: buksan ito at basahin ang isinulat nila bago mo ito markahan. Walang nakapili para sa iyo: markahan ang bawat ulat na talagang gusto mong sirain.
staff-early-irreversible = Hindi na ito maibabalik.
staff-early-no-key = Wala kang kopya ng susi ng pila ng desk, kaya hindi mo makikita ang laman ng mga ulat na ito, at hindi mo maaaring sirain ang mga ito: ang coordinator lamang ng desk na may hawak ng susi ang makagagawa nito.
staff-early-place = Saan
staff-early-person = Sino
staff-early-reasons = Pangunahing dahilan
## hotline: filing on a caller's behalf
field-channel = Paano dumating ang ulat (online: mula sa nag-uulat; phoned: isinumite ng hotline staff para sa tumawag)
staff-hotline-link = Magsumite ng ulat para sa tumawag (hotline)
staff-hotline-heading = Magsumite ng ulat para sa tumawag
staff-hotline-intro = Itanong sa tumawag ang bawat tanong sa kanyang wika at i-type ang mga sagot ayon sa sinabi niya. Huwag dagdagan o baguhin ang sinabi niya.
staff-hotline-caller-language = Ang wika ng tumawag
staff-hotline-caller-language-button = Ipakita ang form sa wikang ito
staff-hotline-errors = May ilang sagot na kailangang ayusin: nakalagay ang bawat problema sa tabi ng field nito. Walang nawala sa na-type.
staff-hotline-consents-note = Walang check ang bawat pahintulot hangga't hindi sinasabi ng tumawag na oo. Basahin sa kanya isa-isa at i-check lamang ang sinang-ayunan niya.
staff-hotline-submit = Isumite ang ulat
staff-hotline-filed-heading = Naisumite ang ulat
staff-hotline-read-code = Basahin ngayon sa tumawag ang receipt code na ito, dahan-dahan, grupo por grupo, at ipabasa ito pabalik sa kanya. Ipinapakita ito ngayon lamang at hindi itinatago kahit saan.
staff-hotline-code-once = Basahin din sa kanya ang mga salita sa itaas ng code. Huwag mong isulat ang code. Sabihin sa tumawag na narinig mo ang code, kaya mababasa mo rin ang mga sagot sa kanya: maaari siyang magsumite muli nang mag-isa para makakuha ng code na walang ibang nakakaalam.
staff-hotline-another = Magsumite ng isa pang ulat
staff-hotline-member = Hotline staff
staff-hotline-grant = Payagan siyang magsumite para sa mga tumatawag (hotline)
staff-hotline-revoke = Itigil ang pagsumite sa hotline
staff-hotline-granted = Maaari na siyang magsumite ng mga ulat para sa mga tumatawag.
staff-hotline-revoked = Hindi na siya maaaring magsumite ng mga ulat para sa mga tumatawag.
staff-hotline-refused = Tinanggihan: tanging sertipikadong coordinator ng isang NGO ang maaaring magpahintulot sa sarili nitong mga miyembro na magsumite para sa mga tumatawag, at hindi kailanman sa konsulado o pulisya.
staff-hotline-not-granted = Hindi ka maaaring magsumite ng mga ulat para sa mga tumatawag: kailangan munang payagan ito ng isang coordinator ng iyong organisasyon (mga NGO lamang ang may hotline staff).

## case file
staff-casefile-narrative = Ang nangyari, sa sariling salita ng nag-ulat
staff-casefile-more = Iba pa sa item na ito
staff-field-coordinates = Mga coordinate
staff-field-language = Wikang ginamit ng nag-ulat
staff-osm-link = Buksan ang mga coordinate na ito sa OpenStreetMap (ibang site: kapag binuksan ang link, malalaman nito ang lugar na ito)
staff-yes = oo
staff-no = hindi
staff-triage-explained = { $priority }: { $reasons }
staff-triage-none = { $priority }: walang napiling palatandaan
staff-actions = Ang magagawa mo
staff-files = Mga file mula sa nag-ulat
staff-file-photo = Larawan { $n }
staff-file-pdf = Dokumentong PDF { $n }
staff-file-size = { $kb } KB
staff-file-preview = Pinaliit na preview na ginawa ng server
staff-done-claimed = Inako mo ang ulat na ito. Nakatalaga na ito sa iyo.
staff-done-released = Binitawan mo ang ulat na ito. Wala nang nakatalaga rito.
staff-done-moved = Nabago na ang katayuan.
staff-done-replied = Naipadala na ang sagot mo. Binabasa ito ng nag-ulat gamit ang kanilang receipt code.
staff-done-noted = Naidagdag na ang tala mo. Ang organisasyon mo lang ang nakakakita nito.
staff-done-referred = Nai-refer na ang ulat. Hawak na ito ng tumanggap na queue.
staff-done-projection = Nailabas na ang bagong bersyon ng hinango.
staff-timeline = Timeline
staff-tl-text = Mensahe
staff-tl-hour = sa loob ng oras mula { $at } (oras lang ang itinatago ng server)
staff-tl-someone = isang dating miyembro
staff-tl-received = Natanggap ang ulat
staff-tl-triage = Triage: { $triage }
staff-tl-projection = Hinangong ginawa nang matanggap ang ulat
staff-tl-projection-by = Bersyon { $version } ng hinango, inilabas ni { $name }
staff-tl-reply = Sagot sa nag-ulat, isinulat ng { $organisation }
staff-tl-reply-unknown = Sagot sa nag-ulat
staff-tl-note = Panloob na tala ni { $name }
staff-tl-internal = Ang organisasyon mo lang ang nakakakita nito.
staff-tl-referral = Ni-refer mula { $from } papunta sa { $to } ni { $name }
staff-tl-addition = Nagdagdag ng impormasyon ang nag-ulat
staff-tl-contact = Binago ng nag-ulat kung paano sila makokontak
staff-tl-consent-given = Pinahintulutan ng nag-ulat: { $consent }
staff-tl-consent-withdrawn = Binawi ng nag-ulat ang pahintulot: { $consent }
staff-tl-file = Nagpadala ng file ang nag-ulat: { $name }
staff-tl-withdrawal = Binawi ng nag-ulat ang ulat
staff-tl-claimed = Inako ni { $name } ang ulat
staff-tl-released = Binitawan ni { $name } ang ulat
staff-tl-moved = Binago ni { $name } ang katayuan sa { $status }
## the case file: a report hotline staff filed
staff-filed-by-hotline = Isinumite ng hotline staff para sa tumawag
staff-hotline-already-filed = Naipadala na ang ulat ng tumatawag na ito, at minsan lang ipinakita ang receipt code nito; hindi na ito ipapakita ulit. Kung hindi narinig ng tumatawag ang code, ipadala ulit ang ulat kasama nila: bibigyan sila ng bagong code.
staff-hotline-resend = Hindi ipinadala ang form mula sa pahinang ito sa kasalukuyang anyo nito. Suriin ang mga sagot at ipadala ulit.
staff-role-operator = operator
staff-role-coordinator = coordinator
staff-role-responder = responder
staff-early-wrote-after = Sumulat muli ang nag-ulat matapos itong isara: basahin muna.

## The operator's overview: which queues receive reports, and a routing file a key rotation left out of date (issue 19)
staff-overview-link = Aling mga pila ang tumatanggap ng ulat
staff-overview-heading = Mga pila: alin ang tumatanggap ng ulat
staff-overview-intro = Bawat pilang idinedeklara ng routing file: kung tumatanggap ito ng mga ulat at, kung hindi, bakit; ilang ulat ang naghihintay rito; ilang miyembro ang may hawak ng susi nito; kailan ito huling nakatanggap ng ulat. Walang ulat na pinangangalanan dito, at walang ipinapakita sa sinasabi ng anumang ulat.
staff-overview-no-desk = Walang natatanggap ang pila ng desk: hangga't wala, tinatanggihan ang bawat ulat at walang makapag-uulat.
staff-overview-empty = Walang pilang idinedeklara ang routing file.
staff-overview-queue = Pila
staff-overview-standing = Tumatanggap ng ulat?
staff-overview-open = Bukas
staff-overview-unclaimed = Walang umako
staff-overview-overdue = Lampas na sa oras
staff-overview-holders = Mga miyembrong may hawak ng susi nito
staff-overview-last = Huling natanggap na ulat
staff-overview-never = hindi pa kailanman
staff-overview-stale = lumang susi ang idinedeklara ng routing file
staff-overview-stale-heading = Luma na ang routing file
staff-overview-stale-lines = Pinalitan ng isang coordinator ang susi ng pilang ito. Sa routing file (config/queues.toml), sa [[queue]] na may id = "{ $queue }", palitan ang mga linyang public_key at signature ng dalawang ito, saka i-restart ang server:
staff-config-stale = Ang routing file ng server (config/queues.toml) ay nagdedeklara pa rin ng dating susi ng pilang ito. Ibigay sa operator ang dalawang linyang ito: papalitan nila ang mga linyang public_key at signature ng entry ng pilang ito.

## invitations: what each is for, the open ones, revoking (issue 19, invites and members API)
staff-invite-for = Para sa: { $role } ng { $organisation }, valid hanggang { $expires }
staff-invite-for-operator = Para sa: { $role } (walang organisasyon), valid hanggang { $expires }
staff-open-invites = Mga bukas na imbitasyon
staff-invite-by = ginawa ni { $name }
staff-invite-by-console = ginawa sa console ng server
staff-invite-by-former = ginawa ng isang dating miyembro
staff-invite-revoke = Bawiin
staff-invite-revoked = Binawi ang imbitasyon: hindi na gumagana ang link nito.
staff-invite-gone = Nagamit o nabawi na ang imbitasyong ito, o expired na ito.

## registering an organisation from the file it sent (issue 19)
staff-org-from-file-heading = Magrehistro mula sa file na ipinadala nito
staff-org-from-file-intro = I-paste ang buong file na ipinadala sa iyo ng organisasyon (send-to-operator.json, gawa ng homeward org init). Kukunin mula rito ang mga detalye at ang susi sa pag-verify, susuriin ang mga lagda ng mga pila nito, at itatala ang lagdang pagpapatibay ng desk kung mayroon ang file. Pagkatapos, itala ang pagsusuri nito sa pahina nito.
staff-org-from-file-label = Ang teksto ng file
staff-org-from-file-button = Magrehistro mula sa file
error-organisation_file = Hindi ito ang file na isinusulat ng homeward org init (send-to-operator.json), o binago ito sa daan at hindi tugma ang mga lagda nito.
