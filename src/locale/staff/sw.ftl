# Homeward responder pages, Swahili. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (sw.ftl): ripoti (report), namba ya risiti (receipt code), ridhaa
# (consent), aliyewatafutia kazi (recruiter; never mwajiri, the employer), mtoa ripoti (reporter).
# A queue is foleni; the desk organisation is shirika kuu; the projection is dondoo.

# Responder pages
staff-login-heading = Kuingia kwa watoa msaada
staff-username = Jina la mtumiaji
staff-username-hint = Herufi ndogo, tarakimu, nukta, vistari; herufi 3 hadi 40.
staff-password = Nenosiri
staff-password-hint = Angalau herufi 12. Maneno machache yasiyohusiana hufanya nenosiri zuri.
staff-totp = Msimbo kutoka programu yako ya uthibitishaji
staff-login = Ingia
staff-logout = Toka
staff-login-failed = Jina la mtumiaji, nenosiri au msimbo si sahihi; au, baada ya majaribio kadhaa yasiyo sahihi, akaunti inasubiri dakika chache kabla ya kupokea jaribio lingine.
staff-login-too-soon = Majaribio mengi mno yameshindwa. Subiri dakika chache ujaribu tena.
staff-invite-heading = Fungua akaunti yako
staff-invite-intro = Mwaliko huu unaweza kutumika mara moja tu. Chagua jina la mtumiaji na nenosiri.
staff-invite-invalid = Mwaliko huu haujulikani, umeshatumika au muda wake umeisha. Omba mwaliko mpya.
staff-enrol = Fungua akaunti
staff-enrolled-heading = Akaunti yako iko tayari
staff-enrolled-once = Kila kitu kilicho hapa chini kinaonyeshwa mara moja tu. Kihifadhi sasa.
staff-totp-heading = Programu ya uthibitishaji
staff-totp-intro = Ongeza ufunguo huu kwenye programu yako ya uthibitishaji (TOTP, tarakimu 6, sekunde 30). Unahitaji msimbo kutoka kwake kila unapoingia.
staff-recovery-heading = Ufunguo wa kurejesha
staff-recovery-intro = Ukisahau nenosiri lako, ufunguo huu pekee ndio unaoweza kufungua tena funguo za akaunti yako. Uhifadhi nje ya mtandao.
staff-workspace-heading = Eneo la kazi
staff-invite-someone = Mwalike mtu
staff-organisation = Shirika
staff-role = Jukumu
staff-invite-create = Tengeneza kiungo cha mwaliko
staff-invite-created = Kiungo cha mwaliko (kinaonyeshwa mara moja, halali kwa saa 72, kinatumika mara moja):
staff-forbidden = Huruhusiwi kufanya hivyo.
staff-your-queues = Foleni zako
staff-org-queues = Foleni za shirika lako
staff-key-missing = Bado hakuna ufunguo ulioingizwa: foleni hii haiwezi kufunguliwa.
staff-import-key = Ufunguo binafsi (kutoka homeward queue keygen)
staff-import = Ingiza ufunguo
staff-key-imported = Ufunguo umeingizwa. Unashikiliwa na:
staff-held-after-restore = Foleni hii haipokei ripoti tangu nakala rudufu (backup) iliporejeshwa: wanachama wake walibadilika baada ya nakala hiyo. Hakiki nani anashikilia ufunguo wake (hapa chini), kisha uthibitishe.
staff-confirm-membership = Wanachama wamehakikiwa: pokea ripoti tena
staff-grant = Mpe ruhusa ya kuingia
staff-grant-button = Toa ruhusa
staff-key-wrong = Huu si ufunguo binafsi wa foleni hii.
staff-queue-heading = Foleni
staff-priority = Kipaumbele
staff-status = Hali
staff-received = Ilipokelewa
staff-no-entries = Hakuna ripoti katika foleni hii.
staff-report-heading = Ripoti
staff-item-report = Ripoti yenyewe
staff-item-triage = Upangaji wa kipaumbele
staff-item-projection = Dondoo (kile ambacho ubalozi mdogo na polisi wanaweza kuona)
staff-item-status = Mazungumzo
staff-assignee = Anayeshughulikia
staff-unassigned = hakuna
staff-mine = mimi
staff-claim = Chukua jukumu
staff-release = Achia
staff-move = Badilisha hali
staff-outcome = Matokeo (wakati wa kufunga)
staff-overdue = imechelewa
entry-status-new = mpya
entry-status-acknowledged = imekiriwa kupokelewa
entry-status-in_progress = inashughulikiwa
entry-status-waiting_for_reporter = inamsubiri mtoa ripoti
entry-status-referred = imepewa rufaa
entry-status-closed = imefungwa
outcome-located = amepatikana
outcome-rescued = ameokolewa
outcome-repatriated = amerudishwa nchini kwake
outcome-referred_on = imepelekwa kwingine
outcome-unreachable = hapatikani
outcome-duplicate = nakala ya ripoti nyingine
outcome-not_credible = haiaminiki
outcome-other = nyingine
staff-item-reply = Jibu kwa mtoa ripoti
staff-item-note = Dokezo la ndani
staff-reply = Mwandikie mtoa ripoti (anaisoma kwa namba yake ya risiti)
staff-send-reply = Tuma jibu
staff-note = Dokezo la ndani (shirika lako pekee ndilo linaloliona)
staff-add-note = Ongeza dokezo

## The operator's organisations
org-heading = Mashirika
org-intro = Uhakiki unahitaji hatua mbili: uandike hapa, kisha shirika kuu litie saini ya uthibitisho kwenye ufunguo wa kusaini wa shirika hilo, nje ya mtandao. Foleni hupokea ripoti tu wakati shirika lake limehakikiwa, lina saini ya uthibitisho na liko hai, ufunguo wake una saini ya shirika, na mratibu ameingiza ufunguo wake binafsi.
org-register = Sajili shirika
org-register-button = Sajili
org-id = Kitambulisho (Id)
org-id-hint = Herufi ndogo, tarakimu na vistari, kama foleni katika config zinavyoliita.
org-name = Jina
org-kind = Aina
org-kind-ngo = Shirika lisilo la kiserikali
org-kind-consulate = Ubalozi mdogo
org-kind-police = Polisi
org-country = Nchi
org-country-hint = Msimbo wa ISO wa herufi mbili: mahali shirika lisilo la kiserikali au polisi wanapofanya kazi, au nchi ambayo raia wake wanahudumiwa na ubalozi mdogo.
org-contact = Mawasiliano
org-contact-hint = Jinsi ya kumfikia mratibu wa shirika (hiari).
org-signing-key = Ufunguo wa kuthibitisha
org-signing-key-hint = Ufunguo wa hwov1. kutoka `homeward org keygen` iliyoendeshwa na shirika lenyewe.
org-queues = Foleni
org-details = Maelezo
org-save = Hifadhi
org-demo = Shirika la mfano la usakinishaji mpya: hakuna cha kuhakiki.
org-vetting = Uhakiki
org-vetted-by = Limehakikiwa:
org-evidence = Ushahidi
org-evidence-hint = Nani alidhamini, nini kilikaguliwa, kumbukumbu ziko wapi.
org-record-vetting = Andika uhakiki
org-countersignature = Saini ya uthibitisho
org-countersigned = Saini ya uthibitisho ya shirika kuu inalingana.
org-countersign-intro = Shirika kuu huendesha hili kwenye kompyuta yake iliyo nje ya mtandao, baada ya kuhakiki maelezo haya na shirika lenyewe, na kurudisha matokeo:
org-countersignature-field = Saini ya uthibitisho (hwsg1.)
org-add-countersignature = Ongeza saini ya uthibitisho
org-suspension = Usimamishaji
org-suspended = Limesimamishwa: foleni zake hazipokei chochote.
org-suspend = Simamisha
org-reinstate = Rejesha
org-first-coordinator = Mratibu
org-invite-coordinator = Tengeneza mwaliko kwa mratibu
staff-organisations-link = Mashirika
hold-none = inapokea ripoti
hold-unregistered = halijasajiliwa na mwendeshaji
hold-not-vetted = uhakiki haujaandikwa
hold-not-countersigned = hakuna saini halali ya uthibitisho kutoka shirika kuu
hold-suspended = limesimamishwa
hold-wrong-organisation = aina ya foleni hailingani na shirika lake
hold-key-unsigned = ufunguo wa foleni hauna saini ya shirika
hold-key-not-imported = hakuna mratibu aliyeingiza ufunguo binafsi wa foleni
hold-held-after-restore = wanachama wake wamebadilika tangu nakala rudufu iliyorejeshwa: mratibu lazima athibitishe

## Members and key rotation
staff-members = Wanachama
staff-remove-member = Ondoa
staff-member-removed = Mwanachama ameondolewa: vipindi vyake vya kuingia na nakala za funguo zake zimefutwa.
staff-member-removed-rotate = Mwanachama ameondolewa: vipindi vyake vya kuingia na nakala za funguo zake zimefutwa. Ingiza jozi mpya ya funguo kwa ajili ya:
staff-rotation-due = Ufunguo unahitaji kubadilishwa: mwanachama aliyeshikilia ufunguo huu ameondoka. Tengeneza jozi mpya iliyosainiwa nje ya mtandao (homeward queue keygen) na uiingize.
staff-rotate = Badilisha ufunguo
staff-rotate-key = Ufunguo binafsi mpya (kutoka homeward queue keygen)
staff-rotate-signature = Saini yake (hwsg1., imechapishwa kando ya ufunguo wa umma)
staff-rotate-button = Hamia ufunguo mpya
staff-rotate-key-wrong = Huo si ufunguo binafsi mpya wa foleni hii.
staff-rotate-signature-wrong = Saini hiyo si ya shirika lako juu ya ufunguo huu mpya.
staff-resealing = Baadhi ya ripoti bado zimesimbwa kwa ufunguo wa awali wa foleni hii.
staff-reseal = Maliza kusimba upya
staff-queue-changes = Mabadiliko ya foleni zako katika config ya seva
staff-queue_declared = imetangazwa
staff-queue_changed = imebadilishwa (shirika, aina, ufunguo au masharti)
staff-queue_withdrawn = imeondolewa

## Passwords and getting back in
staff-password-heading = Badilisha nenosiri lako
staff-password-current = Nenosiri la sasa
staff-password-new = Nenosiri jipya
staff-password-change = Badilisha nenosiri
staff-password-changed = Nenosiri lako limebadilishwa. Vipindi vyako vingine vya kuingia vimekomeshwa.
staff-recover-link = Umesahau nenosiri? Tumia ufunguo wako wa kurejesha.
staff-recover-heading = Ingia tena kwa ufunguo wako wa kurejesha
staff-recover-intro = Ufunguo wako wa kurejesha unafungua tena funguo za akaunti yako. Unachagua nenosiri jipya na kuweka upya programu yako ya uthibitishaji; unapata ufunguo mpya wa kurejesha.
staff-recover-button = Weka upya nenosiri langu
staff-reset-heading = Anza upya
staff-reset-intro = Mratibu wako ametengeneza kiungo hiki kwa sababu nenosiri lako na ufunguo wako wa kurejesha vimepotea. Akaunti yako inapata funguo mpya; kisha mratibu wako atakupa tena ruhusa ya kuingia kwenye foleni zako.
staff-reset-button = Weka nenosiri langu jipya
staff-reset-member = Kiungo cha kuweka upya

## Referral
staff-refer-to = Peleka kwa foleni
staff-refer-reason = Kwa nini
staff-refer-hint = Inaonwa na foleni za mashirika yasiyo ya kiserikali zinazoshikilia ripoti hii (pamoja na inayopokea, ikiwa ni shirika lisilo la kiserikali), kamwe si na ubalozi mdogo wala polisi.
staff-refer = Peleka
staff-item-referral = Rufaa
referral-not-receiving = Foleni hiyo haipokei ripoti kwa sasa.
referral-already-held = Foleni hiyo tayari inashikilia ripoti hii.
referral-no-consent = Mtoa ripoti hakuridhia hilo. Hakuna njia ya kulipita.
referral-needs-more = Kipengele hiki kina dondoo tu: kinaweza kupelekwa kwa ubalozi mdogo au polisi pekee.
referral-wrong-country = Ubalozi mdogo hupokea ripoti za raia wa nchi yake tu, na polisi ripoti za kutoka nchi yao tu.
referral-old-projection = Kila dondoo ya ripoti hii ilitengenezwa kabla ya kupunguzwa kwa kile ambacho ubalozi mdogo au polisi wanaweza kuona, na huenda ina maelezo ya mawasiliano: toa toleo jipya la dondoo kwanza.
referral-not-possible = Ripoti hii haiwezi kupelekwa kwa foleni hiyo.
referral-no-reason = Eleza sababu.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] ripoti { $count } ya dharura inasubiri
   *[other] ripoti { $count } za dharura zinasubiri
} bila mtu kuchukua jukumu, baada ya muda uliolengwa wa kukiri kupokea, katika foleni { $queue }.
staff-projection-issue = Toa toleo jipya la dondoo
staff-projection-json = Dondoo (kile ambacho ubalozi mdogo na polisi wanaweza kuona), kama JSON
staff-projection-hint = Sehemu zilezile kama za mtu, hati, mahali na matakwa katika ripoti. Inasimbwa kama toleo linalofuata kwa kila foleni inayoshikilia ripoti hii na inayoruhusiwa kuiona.
staff-projection-button = Toa toleo hili
staff-item-addition = Kutoka kwa mtoa ripoti
staff-item-contact = Jinsi mtoa ripoti anavyotaka kufikiwa sasa
staff-item-consent = Mtoa ripoti amebadilisha ridhaa zake
staff-item-withdrawal = Mtoa ripoti ameiondoa ripoti
staff-item-attachment = Faili kutoka kwa mtoa ripoti
staff-new = mpya
staff-unread = imetumwa na mtoa ripoti tangu foleni hii ilipofungua ripoti mara ya mwisho
staff-withdrawn = Imeondolewa na mtoa ripoti tarehe { $at } · funguo zake zinaharibiwa baada ya { $destroyed }
staff-consent-closed = Tarehe { $at }, mtoa ripoti aliondoa ridhaa iliyoruhusu foleni hii kupokea ripoti. Foleni hii inaona tu kile ilichofungua awali na haiwezi kufanya lolote zaidi na ripoti hii.
staff-closure-pending = { $queue }: mtoa ripoti aliondoa ridhaa kwa foleni hii tarehe { $at } · kile ambacho haikuwahi kufungua kinaharibiwa baada ya { $destroyed }
staff-closure-destroyed = { $queue }: mtoa ripoti aliondoa ridhaa kwa foleni hii tarehe { $at } · kile ambacho haikuwahi kufungua kiliharibiwa tarehe { $destroyed }
staff-entry-consent-closed = imefungwa: ridhaa imeondolewa
staff-download = Pakua faili (metadata yake imeondolewa)
staff-zawgyi-shown = Imeandikwa kwa Zawgyi, inaonyeshwa kwa Unicode
staff-zawgyi-as-sent = Kama mtoa ripoti alivyotuma
field-media_type = Aina
field-size = Ukubwa kwa baiti
field-location_used = Mahali pake palitumika kama kidokezo
field-malformed = Imesimbwa kwenye kifaa na ina hitilafu: sehemu hizi zinavunja kanuni za ripoti
field-sealed_on_device = Imesimbwa kwenye kifaa cha mtoa ripoti

## Field errors of the responder forms
error-invalid_username = Tumia herufi ndogo, tarakimu, nukta au vistari 3 hadi 40.
error-username_taken = Jina hili la mtumiaji limeshachukuliwa.
error-password_short = Tumia angalau herufi 12.
error-password_common = Nenosiri hili ni la kawaida mno au rahisi mno kukisia.
error-invalid_slug = Tumia herufi ndogo, tarakimu na vistari.
error-invalid_signing_key = Huu si ufunguo wa kuthibitisha wa hwov1.
error-organisation_exists = Shirika lenye kitambulisho hiki limeshasajiliwa.
error-invalid_signature = Hii si saini ya hwsg1.
error-no_desk_signing_key = Hakuna ufunguo wa kusaini wa shirika kuu uliowekwa, kwa hiyo hakuna kinachoweza kutiwa saini ya uthibitisho.
error-countersignature_mismatch = Saini hii ya uthibitisho hailingani na ufunguo wa shirika kuu na kitambulisho, aina, nchi na ufunguo wa shirika hili.
error-password_wrong = Hili si nenosiri lako la sasa.
error-recovery_wrong = Jina hili la mtumiaji na ufunguo huu wa kurejesha haviendani.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = Shirika lako bado halijaidhinisha akaunti hii. Unabaki na foleni ulizonazo tayari, lakini hakuna ufunguo mpya wa foleni utakaosimbwa kwa ajili yako mpaka mratibu aliyeidhinishwa akuidhinishe, au shirika lako likuidhinishe kwa ufunguo wake wa kusaini.
staff-certify-command = Mratibu aliyeidhinishwa wa shirika lako anakuidhinisha: msomee alama ya kidole ya utambulisho wako (chini ya ukurasa huu) ana kwa ana au kwa simu. Ikiwa wewe ni mratibu wa kwanza wa shirika, endesha hili kwenye kompyuta ya shirika iliyo nje ya mtandao badala yake, na ubandike hapa chini saini inayochapishwa; hakiki kwenye kifaa cha pili unachokiamini kwamba ufunguo wa utambulisho unalingana na ukurasa huu.
staff-certificate = Saini ya shirika lako (hwsg1.)
staff-certificate-button = Idhinisha akaunti yangu
staff-certified-self = Akaunti yako sasa imeidhinishwa na ufunguo wa kusaini wa shirika lako.
staff-certificate-wrong = Hiyo si saini ya shirika lako juu ya akaunti hii, au shirika lako bado halitambuliwi hapa.
staff-member-certified = ameidhinishwa
staff-certify-member = Idhinisha
staff-member-certified-done = Mwanachama ameidhinishwa: sasa unaweza kumpa foleni.
staff-uncertified-refused = Imekataliwa: uanachama wa akaunti hiyo haujaidhinishwa na shirika lako (mnyororo wake wa saini haufiki kwenye ufunguo wa shirika lako).
staff-gap-no-member = si mwanachama
staff-gap-no-identity = hajaidhinishwa: hajaingia tangu funguo za utambulisho zianze
staff-gap-key-not-bound = hajaidhinishwa: ufunguo wake wa utambulisho haujumuishi ufunguo wake wa kusimba
staff-gap-not-certified = hajaidhinishwa
staff-gap-broken-chain = hajaidhinishwa: mnyororo wake wa saini hauthibitiki (aliyemwidhinisha ameondoka au amewekwa upya, au kumbukumbu imebadilishwa: liambie shirika lako ikiwa hukutarajia hili)
staff-gap-organisation = hajaidhinishwa: shirika halitambuliwi (limesimamishwa au halina saini ya uthibitisho)
staff-operator-recovered = Ruhusa ya mwendeshaji ilirejeshwa kwenye kiweko cha seva (homeward admin recover-operator) tarehe { $at }.
staff-operator-uncountersigned = Shirika kuu bado halijatia saini ya uthibitisho kwenye akaunti hii ya mwendeshaji, kwa hiyo haiwezi kufanya lolote kama mwendeshaji. Waendeshaji hawawezi kuundana wenyewe: shirika kuu huendesha amri iliyo hapa chini kwenye kompyuta yake iliyo nje ya mtandao, nawe unabandika saini inayochapishwa.
staff-operator-command = Kwenye kompyuta ya shirika kuu iliyo nje ya mtandao, kwa ufunguo wake wa kusaini:
staff-audit-head = Kichwa cha kumbukumbu za ukaguzi (kipengele, MAC): kiandike mahali fulani nje ya seva hii; kuandikwa upya kwa kumbukumbu baadaye hakutakifikia.
staff-your-fingerprint = Alama ya kidole ya utambulisho wako (msomee anayekuidhinisha, ana kwa ana au kwa simu):
staff-fingerprint-of = Alama ya kidole ya utambulisho wake, kama alivyokusomea kutoka eneo lake la kazi
staff-fingerprint-wrong = Imekataliwa: alama hiyo ya kidole si ile ambayo seva inashikilia kwa mwanachama huyu. Mwombe aisome tena kutoka eneo lake la kazi; ikiendelea kutofautiana, huenda akaunti yake imeingiliwa: liambie shirika lako.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = Ghairi: rudi bila kubadilisha chochote
staff-confirm-remove-heading = Umwondoe mwanachama { $name }?
staff-confirm-remove-consequence = Vipindi vyake vya kuingia na nakala zake za kila ufunguo wa foleni vinaondoka mara moja na haviwezi kurejeshwa; kila foleni aliyoshikilia inawekwa alama "ufunguo unahitaji kubadilishwa" mpaka mratibu aingize jozi mpya ya funguo.
staff-confirm-remove = Ndiyo, mwondoe mwanachama huyu
staff-confirm-suspend-heading = Lisimamishe shirika { $name }?
staff-confirm-suspend-consequence = Mpaka litakaporejeshwa, foleni zake hazipokei ripoti mpya, wanachama wake hawawezi kufungua wala kushughulikia ripoti wanazoshikilia, na rufaa kwao zinakataliwa.
staff-confirm-suspend = Ndiyo, simamisha shirika hili
staff-desk-key-changed = Ufunguo wa shirika kuu, ambao cheti cha kila shirika na cha kila mwanachama hukaguliwa nao, ulibadilika tarehe { $at } (sasa ni { $fingerprint }). Isipokuwa shirika kuu liliambia shirika lako hivyo, liulize kabla ya kumwidhinisha mtu yeyote au kuingiza ufunguo.
staff-desk-key = Ufunguo wa shirika kuu (alama ya kidole): linganisha na ile ambayo shirika kuu lilipa shirika lako.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = Msimbo chanzo (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = Lugha yako na saa za eneo
staff-settings-language = Lugha ya kurasa zako
staff-settings-language-browser = Lugha ya kivinjari
staff-settings-zone = Saa za eneo
staff-settings-zone-hint = Tarehe na saa kwenye kurasa zako zinaonyeshwa kwa saa za eneo hili, pamoja na tofauti yake na UTC.
staff-settings-save = Hifadhi
staff-settings-saved = Imehifadhiwa. Kurasa zako sasa zinatumia lugha na saa za eneo hili.
error-language_unknown = Chagua lugha kutoka kwenye orodha.
error-zone_unknown = Chagua saa za eneo kutoka kwenye orodha.
date-time-zoned = { $day }/{ $month }/{ $year } saa { $hour }:{ $minute } ({ $offset })
## The queue list: filters, pages, summaries, last activity
staff-priority-critical = dharura
staff-priority-high = juu
staff-priority-normal = kawaida
staff-filter-heading = Onyesha
staff-filter-any = zote
staff-filter-claim = Anayeshughulikia
staff-filter-claim-mine = mimi
staff-filter-claim-unclaimed = hakuna
staff-filter-overdue = zilizochelewa tu
staff-filter-unread = zenye kitu kipya kutoka kwa mtoa ripoti tu
staff-filter-apply = Onyesha
staff-filter-clear = Onyesha zote
staff-filter-none = Hakuna ripoti katika foleni hii inayolingana na ulichochagua.
staff-page-previous = Ukurasa uliotangulia
staff-page-next = Ukurasa unaofuata
staff-page-number = Ukurasa { $n }
staff-listed-note = Kuonyesha orodha hii kunafungua muhtasari wa ripoti zilizomo; hilo huandikwa katika kumbukumbu za ukaguzi.
staff-summary-none = Bado hakuna muhtasari: unatengenezwa pale mtu katika foleni ya shirika lisilo la kiserikali anapofungua ripoti kwa mara ya kwanza.
staff-summary-age = umri wa miaka { $age }
staff-summary-others = { $n ->
    [one] mtu mwingine mmoja anashikiliwa pamoja naye
   *[other] watu wengine { $n } wanashikiliwa pamoja naye
}
staff-reported-by-self = imeripotiwa na mhusika mwenyewe
staff-reported-by-family = imeripotiwa na familia
staff-reported-by-friend = imeripotiwa na rafiki
staff-reported-by-colleague = imeripotiwa na mfanyakazi mwenzake
staff-reported-by-other = imeripotiwa na mtu mwingine
staff-ago-hour = ndani ya saa moja iliyopita
staff-ago-hours = { $n ->
    [one] saa moja iliyopita
   *[other] saa { $n } zilizopita
}
staff-ago-days = { $n ->
    [one] siku moja iliyopita
   *[other] siku { $n } zilizopita
}
staff-activity-report = ilipokelewa { $ago }
staff-activity-addition = mtoa ripoti aliandika { $ago }
staff-activity-contact = mtoa ripoti alitoa njia mpya ya kumfikia { $ago }
staff-activity-consent = mtoa ripoti alibadilisha ridhaa { $ago }
staff-activity-attachment = mtoa ripoti alituma faili { $ago }
staff-activity-withdrawal = mtoa ripoti aliiondoa ripoti { $ago }
staff-activity-reply = jibu lilitumwa { $ago }
staff-activity-note = dokezo liliandikwa { $ago }
staff-activity-referral = ilipewa rufaa { $ago }
staff-claimed-by = inashughulikiwa na { $name }
staff-select-report = Chagua ripoti { $id }
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = Ruka hadi maudhui makuu
## Clearing a flood of fake reports: a wave closed as not genuine, destroyed early by the desk
outcome-not_genuine = si ya kweli (ripoti bandia)
staff-selection-heading = Uteuzi huu hauwezi kutumika
staff-selection-empty = Hakuna kilichoteuliwa: weka alama kwenye ripoti kwanza.
staff-selection-too-many = Ripoti nyingi mno zimeteuliwa kwa pamoja: zisizozidi 200.
staff-selection-not-an-id = Uteuzi uliharibika ulipotumwa (thamani moja si kitambulisho cha ripoti). Rudi kwenye orodha na uteue tena.
staff-selection-back = Rudi kwenye orodha
staff-wave-select = Teua
staff-wave-button = Funga ripoti zilizoteuliwa kuwa si za kweli
staff-wave-heading = Funga ripoti hizi katika foleni { $queue } kuwa si za kweli? ({ $count })
staff-wave-consequence = Kila kipengele kilicho hapa chini kinafungwa katika foleni hii kwa matokeo "si ya kweli", kwa kitendo kimoja kinachoandikwa kama kipengele kimoja cha kumbukumbu za ukaguzi. Foleni nyingine zinazoshikilia ripoti hizi zinabaki na vipengele vyao. Kila foleni inayoshikilia ripoti ikishaifunga kuwa si ya kweli, waratibu wa shirika kuu wanaweza kuiharibu mapema.
staff-wave-none = Hakuna ripoti iliyoteuliwa inayoweza kufungwa hapa: zimeshafungwa, au zilifungwa kwa sababu ridhaa iliondolewa.
staff-wave-kept = Zimeachwa kama zilivyo (zimeshafungwa, zilifungwa kwa sababu ridhaa iliondolewa, au zimechukuliwa na mwenzako): { $count }.
staff-wave-confirm = Ndiyo, zifunge kuwa si za kweli
staff-wave-not-in-queue = Hazimo katika foleni hii (ziliharibiwa wakati huo, au hazijawahi kuwa hapa): { $count } kati ya ripoti zilizoteuliwa. Rudi kwenye orodha na uteue tena.
staff-wave-done = Zimefungwa kuwa si za kweli: { $count }.
staff-early-link = Ripoti ambazo kila foleni imezifunga kuwa si za kweli (ziharibu mapema)
staff-early-heading = Ripoti ambazo kila foleni imezifunga kuwa si za kweli
staff-early-intro = Kila foleni inayoshikilia ripoti hizi imezifunga kuwa si za kweli. Kama mratibu wa shirika kuu, unaweza kuziharibu sasa badala ya kusubiri mwisho wa kipindi cha kuhifadhi; hivyo namba zao za risiti zinakuwa huru kwa ripoti za kweli. Ripoti ambayo bado iko wazi katika foleni yoyote, au imefungwa huko kwa matokeo mengine, haiorodheshwi.
staff-early-none = Hakuna ripoti unayoweza kuiharibu mapema.
staff-early-nothing = Hakuna tena ripoti iliyoteuliwa unayoweza kuiharibu mapema: hakuna kitakachoharibiwa.
staff-early-select = Ripoti (teua)
staff-early-report = Ripoti
staff-early-received = Ilipokelewa
staff-early-holders = Foleni zinazoishikilia
staff-early-closed = Ilifungwa mara ya mwisho
staff-early-button = Haribu ripoti zilizoteuliwa
staff-early-confirm-heading = Haribu ripoti hizi sasa? ({ $count })
staff-early-consequence = Zitaharibiwa kabisa: kila ufunguo, kila faili na mazungumzo vinaondoka, na namba zao za risiti hazitafungua chochote tena. Nakala za akiba zinazihifadhi hadi nakala hizo ziishe muda. Uharibifu huu unaandikwa kama kipengele kimoja cha kumbukumbu za ukaguzi.
staff-early-kept = Zimehifadhiwa, kwa sababu huwezi kuziharibu mapema (zimefunguliwa upya, zimefungwa hivi karibuni mno, au wewe ndiye uliyezifunga), au hazipo tena: { $count }.
staff-early-confirm = Ndiyo, ziharibu kabisa
staff-early-done = Zimeharibiwa: { $count }.
staff-early-rules = Ripoti inaorodheshwa tu baada ya kila foleni inayoishikilia kuwa imeifunga kuwa si ya kweli kwa angalau saa { $hours }, na tu kwa mratibu ambaye hakufunga kipengele chake chochote mwenyewe: kuharibu ripoti kunahitaji watu wawili. Hadi hapo, mwanachama yeyote wa foleni hizo anaweza kuifungua upya. Ripoti ambayo mtoa ripoti wake aliandika tena baada ya kufungwa ina alama: ifungue na usome alichoandika kabla ya kuiwekea alama. Hakuna kilichoteuliwa kwa niaba yako: weka alama kwenye kila ripoti unayokusudia kuiharibu.
staff-early-irreversible = Hili haliwezi kutenduliwa.
staff-early-no-key = Huna nakala ya ufunguo wa foleni ya dawati, kwa hiyo huwezi kuona ripoti hizi zinasema nini, na huruhusiwi kuziharibu: ni mratibu wa dawati aliye na ufunguo wake pekee anayeweza.
staff-early-place = Wapi
staff-early-person = Nani
staff-early-reasons = Sababu kuu
## hotline: filing on a caller's behalf
field-channel = Jinsi ripoti ilivyofika (online: kutoka kwa mtoa ripoti; phoned: imewasilishwa na mfanyakazi wa simu ya msaada kwa ajili ya mpigaji)
staff-hotline-link = Wasilisha ripoti kwa ajili ya mpigaji (simu ya msaada)
staff-hotline-heading = Wasilisha ripoti kwa ajili ya mpigaji
staff-hotline-intro = Muulize mpigaji kila swali kwa lugha yake na uandike majibu yake kama anavyoyatoa. Usiongeze wala kubadilisha anachosema.
staff-hotline-caller-language = Lugha ya mpigaji
staff-hotline-caller-language-button = Onyesha fomu kwa lugha hii
staff-hotline-errors = Baadhi ya majibu yanahitaji kurekebishwa: kila tatizo limeonyeshwa kando ya sehemu yake. Hakuna kilichoandikwa kilichopotea.
staff-hotline-consents-note = Kila idhini inabaki bila alama hadi mpigaji aseme ndiyo. Msomee moja moja na uweke alama tu kwa anachokubali.
staff-hotline-submit = Wasilisha ripoti
staff-hotline-filed-heading = Ripoti imewasilishwa
staff-hotline-read-code = Msomee mpigaji namba hii ya risiti sasa, polepole, kundi kwa kundi, na umwombe aisome tena kwako. Inaonyeshwa mara hii moja tu na haihifadhiwi popote.
staff-hotline-code-once = Msomee pia maneno yaliyo juu ya namba. Usiiandike namba hiyo wewe mwenyewe. Mwambie mpigaji kwamba umeisikia namba, kwa hiyo unaweza pia kusoma majibu anayotumiwa: anaweza kuwasilisha tena mwenyewe ili apate namba ambayo hakuna mtu mwingine anayeijua.
staff-hotline-another = Wasilisha ripoti nyingine
staff-hotline-member = Mfanyakazi wa simu ya msaada
staff-hotline-grant = Mruhusu kuwasilisha kwa ajili ya wapigaji (simu ya msaada)
staff-hotline-revoke = Sitisha uwasilishaji wa simu ya msaada
staff-hotline-granted = Sasa anaweza kuwasilisha ripoti kwa ajili ya wapigaji.
staff-hotline-revoked = Hawezi tena kuwasilisha ripoti kwa ajili ya wapigaji.
staff-hotline-refused = Imekataliwa: ni mratibu aliyeidhinishwa wa shirika lisilo la kiserikali pekee anayeweza kuwaruhusu wanachama wa shirika lake kuwasilisha kwa ajili ya wapigaji, na kamwe si katika ubalozi au polisi.
staff-hotline-not-granted = Huwezi kuwasilisha ripoti kwa ajili ya wapigaji: mratibu wa shirika lako lazima akuruhusu kwanza (ni mashirika yasiyo ya kiserikali pekee yenye wafanyakazi wa simu ya msaada).

## case file
staff-casefile-narrative = Kilichotokea, kwa maneno ya mtoa ripoti
staff-casefile-more = Pia katika kipengee hiki
staff-field-coordinates = Viwianishi
staff-field-language = Lugha aliyoandika mtoa ripoti
staff-osm-link = Fungua viwianishi hivi kwenye OpenStreetMap (tovuti nyingine: kufungua kiungo kunaiambia mahali hapa)
staff-yes = ndiyo
staff-no = hapana
staff-triage-explained = { $priority }: { $reasons }
staff-triage-none = { $priority }: hakuna dalili iliyochaguliwa
staff-actions = Unachoweza kufanya
staff-files = Faili kutoka kwa mtoa ripoti
staff-file-photo = Picha { $n }
staff-file-pdf = Hati ya PDF { $n }
staff-file-size = { $kb } KB
staff-file-preview = Onyesho dogo lililotengenezwa na seva
staff-done-claimed = Umechukua jukumu la ripoti hii. Sasa imekabidhiwa kwako.
staff-done-released = Umeachia ripoti hii. Sasa haijakabidhiwa mtu yeyote.
staff-done-moved = Hali imebadilishwa.
staff-done-replied = Jibu lako limetumwa. Mtoa ripoti analisoma kwa msimbo wake wa risiti.
staff-done-noted = Dokezo lako limeongezwa. Shirika lako pekee ndilo linaloliona.
staff-done-referred = Ripoti imepelekwa. Foleni iliyoipokea sasa inayo.
staff-done-projection = Toleo jipya la dondoo limetolewa.
staff-timeline = Mfuatano wa matukio
staff-tl-text = Ujumbe
staff-tl-hour = ndani ya saa inayoanza { $at } (seva huhifadhi saa tu)
staff-tl-someone = mwanachama wa zamani
staff-tl-received = Ripoti imepokelewa
staff-tl-triage = Upangaji wa kipaumbele: { $triage }
staff-tl-projection = Dondoo lililotengenezwa ripoti ilipopokelewa
staff-tl-projection-by = Toleo la { $version } la dondoo, lililotolewa na { $name }
staff-tl-reply = Jibu kwa mtoa ripoti, limeandikwa na { $organisation }
staff-tl-reply-unknown = Jibu kwa mtoa ripoti
staff-tl-note = Dokezo la ndani la { $name }
staff-tl-internal = Shirika lako pekee ndilo linaloliona.
staff-tl-referral = Imepelekwa kutoka { $from } kwenda { $to } na { $name }
staff-tl-addition = Mtoa ripoti aliongeza taarifa
staff-tl-contact = Mtoa ripoti alibadilisha jinsi ya kumfikia
staff-tl-consent-given = Mtoa ripoti aliruhusu: { $consent }
staff-tl-consent-withdrawn = Mtoa ripoti aliondoa ruhusa: { $consent }
staff-tl-file = Mtoa ripoti alituma faili: { $name }
staff-tl-withdrawal = Mtoa ripoti aliondoa ripoti
staff-tl-claimed = { $name } alichukua jukumu la ripoti
staff-tl-released = { $name } aliachia ripoti
staff-tl-moved = { $name } alibadilisha hali kuwa { $status }
## the case file: a report hotline staff filed
staff-filed-by-hotline = Imewasilishwa na mfanyakazi wa simu ya msaada kwa ajili ya mpigaji
staff-hotline-already-filed = Ripoti ya mpigaji simu huyu imeshatumwa, na msimbo wake wa risiti ulionyeshwa mara moja tu; hautaonyeshwa tena. Ikiwa mpigaji hakusikia msimbo, tuma ripoti tena pamoja naye: atapata msimbo mpya.
staff-hotline-resend = Fomu hii haikutumwa kutoka ukurasa huu kama ulivyo. Kagua majibu kisha utume tena.
staff-role-operator = mwendeshaji
staff-role-coordinator = mratibu
staff-role-responder = mhudumu wa kesi
staff-early-wrote-after = Mtoa ripoti aliandika tena baada ya kufungwa: isome kwanza.

## The operator's overview: which queues receive reports, and a routing file a key rotation left out of date (issue 19)
staff-overview-link = Foleni zipi zinapokea ripoti
staff-overview-heading = Foleni: zipi zinapokea ripoti
staff-overview-intro = Kila foleni ambayo faili ya routing inatangaza: kama inapokea ripoti na, kama haipokei, kwa nini; ripoti ngapi zinasubiri ndani yake; wanachama wangapi wanashikilia ufunguo wake; ilipokea ripoti mara ya mwisho lini. Hakuna ripoti inayotajwa hapa, na kile ripoti inachosema hakionyeshwi.
staff-overview-no-desk = Foleni ya dawati haipokei chochote: mpaka itakapopokea, kila ripoti inakataliwa na hakuna anayeweza kuripoti.
staff-overview-empty = Faili ya routing haitangazi foleni yoyote.
staff-overview-queue = Foleni
staff-overview-standing = Inapokea ripoti?
staff-overview-open = Wazi
staff-overview-unclaimed = Hakuna aliyechukua jukumu
staff-overview-overdue = Zimechelewa
staff-overview-holders = Wanachama wanaoshikilia ufunguo wake
staff-overview-last = Ripoti ya mwisho ilipokelewa
staff-overview-never = haijawahi
staff-overview-stale = faili ya routing inatangaza ufunguo wa zamani
staff-overview-stale-heading = Faili ya routing imepitwa na wakati
staff-overview-stale-lines = Mratibu amebadilisha ufunguo wa foleni hii. Katika faili ya routing (config/queues.toml), kwenye kipengele cha [[queue]] chenye id = "{ $queue }", badilisha mistari ya public_key na signature kwa mistari hii miwili, kisha uwashe upya seva:
staff-config-stale = Faili ya routing ya seva (config/queues.toml) bado inatangaza ufunguo wa awali wa foleni hii. Mpe mwendeshaji mistari hii miwili: inachukua nafasi ya mistari ya public_key na signature ya kipengele cha foleni hii.

## invitations: what each is for, the open ones, revoking (issue 19, invites and members API)
staff-invite-for = Kwa: { $role } wa { $organisation }, halali hadi { $expires }
staff-invite-for-operator = Kwa: { $role } (bila shirika), halali hadi { $expires }
staff-open-invites = Mialiko iliyo wazi
staff-invite-by = umetengenezwa na { $name }
staff-invite-by-console = umetengenezwa kwenye kiweko cha seva
staff-invite-by-former = umetengenezwa na mwanachama wa zamani
staff-invite-revoke = Futa
staff-invite-revoked = Mwaliko umefutwa: kiungo chake hakifanyi kazi tena.
staff-invite-gone = Mwaliko huu umeshatumika au kufutwa, au muda wake umeisha.

## registering an organisation from the file it sent (issue 19)
staff-org-from-file-heading = Sajili kutoka kwa faili lililotumwa
staff-org-from-file-intro = Bandika faili lote ambalo shirika lilikutumia (send-to-operator.json, lililotengenezwa na homeward org init). Maelezo yake na ufunguo wa kuthibitisha huchukuliwa kutoka humo, saini za foleni zake hukaguliwa, na saini ya uthibitisho ya dawati hurekodiwa kama faili linayo. Kisha rekodi uhakiki wake kwenye ukurasa wake.
staff-org-from-file-label = Maandishi ya faili
staff-org-from-file-button = Sajili kutoka kwa faili
error-organisation_file = Hili si faili ambalo homeward org init huandika (send-to-operator.json), au lilibadilishwa njiani na saini zake hazilingani.
