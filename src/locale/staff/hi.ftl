# Homeward responder pages, Hindi. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (hi.ftl): रिपोर्ट (report), रसीद कोड (receipt code), सहमति (consent),
# भर्ती करने वाला (recruiter), रिपोर्ट करने वाले (reporter). A queue is कतार; the desk organisation is
# केंद्रीय संगठन; the projection is अंश.

# Responder pages
staff-login-heading = कर्मचारी लॉग इन
staff-username = उपयोगकर्ता नाम
staff-username-hint = छोटे अक्षर, अंक, बिंदु, डैश; 3 से 40 अक्षर।
staff-password = पासवर्ड
staff-password-hint = कम से कम 12 अक्षर। कुछ असंबंधित शब्द मिलकर अच्छा पासवर्ड बनाते हैं।
staff-totp = आपके ऑथेंटिकेटर ऐप का कोड
staff-login = लॉग इन करें
staff-logout = लॉग आउट करें
staff-login-failed = उपयोगकर्ता नाम, पासवर्ड या कोड गलत है; या कई गलत कोशिशों के बाद खाता अगली कोशिश लेने से पहले कुछ मिनट रुकता है।
staff-login-too-soon = बहुत ज़्यादा असफल कोशिशें। कुछ मिनट रुककर फिर कोशिश करें।
staff-invite-heading = अपना खाता बनाएँ
staff-invite-intro = यह निमंत्रण एक ही बार इस्तेमाल हो सकता है। उपयोगकर्ता नाम और पासवर्ड चुनें।
staff-invite-invalid = यह निमंत्रण अज्ञात है, इस्तेमाल हो चुका है या इसकी अवधि खत्म हो गई है। नया निमंत्रण माँगें।
staff-enrol = खाता बनाएँ
staff-enrolled-heading = आपका खाता तैयार है
staff-enrolled-once = नीचे का सब कुछ सिर्फ़ एक बार दिखाया जाता है। इसे अभी सहेज लें।
staff-totp-heading = ऑथेंटिकेटर ऐप
staff-totp-intro = यह कुंजी अपने ऑथेंटिकेटर ऐप में जोड़ें (TOTP, 6 अंक, 30 सेकंड)। हर बार लॉग इन करते समय आपको इसका एक कोड चाहिए।
staff-recovery-heading = रिकवरी कुंजी
staff-recovery-intro = अगर आप पासवर्ड भूल जाएँ, तो सिर्फ़ यही कुंजी आपके खाते की कुंजियाँ फिर से खोल सकती है। इसे ऑफ़लाइन रखें।
staff-workspace-heading = कार्यक्षेत्र
staff-invite-someone = किसी को आमंत्रित करें
staff-organisation = संगठन
staff-role = भूमिका
staff-invite-create = निमंत्रण लिंक बनाएँ
staff-invite-created = निमंत्रण लिंक (एक बार दिखाया जाता है, 72 घंटे मान्य, एक बार इस्तेमाल हो सकता है):
staff-forbidden = आपको ऐसा करने की अनुमति नहीं है।
staff-your-queues = आपकी कतारें
staff-org-queues = आपके संगठन की कतारें
staff-key-missing = अभी कोई कुंजी आयात नहीं की गई: यह कतार खोली नहीं जा सकती।
staff-import-key = निजी कुंजी (homeward queue keygen से)
staff-import = कुंजी आयात करें
staff-key-imported = कुंजी आयात हो गई। इनके पास है:
staff-held-after-restore = बैकअप बहाल होने के बाद से यह कतार रिपोर्ट नहीं ले रही: उस बैकअप के बाद इसकी सदस्यता बदली थी। जाँचें कि इसकी कुंजी किसके पास है (नीचे), फिर पुष्टि करें।
staff-confirm-membership = सदस्यता जाँच ली: फिर से रिपोर्ट लें
staff-grant = इन्हें पहुँच दें
staff-grant-button = पहुँच दें
staff-key-wrong = यह इस कतार की निजी कुंजी नहीं है।
staff-queue-heading = कतार
staff-priority = प्राथमिकता
staff-status = स्थिति
staff-received = प्राप्त
staff-no-entries = इस कतार में कोई रिपोर्ट नहीं है।
staff-report-heading = रिपोर्ट
staff-item-report = रिपोर्ट
staff-item-triage = प्राथमिकता आकलन
staff-item-projection = अंश (जो वाणिज्य दूतावास और पुलिस देख सकते हैं)
staff-item-status = बातचीत
staff-assignee = ज़िम्मेदार
staff-unassigned = कोई नहीं
staff-mine = मैं
staff-claim = अपने ज़िम्मे लें
staff-release = ज़िम्मेदारी छोड़ें
staff-move = स्थिति बदलें
staff-outcome = नतीजा (बंद करते समय)
staff-overdue = समय-सीमा पार
entry-status-new = नई
entry-status-acknowledged = प्राप्ति स्वीकार की गई
entry-status-in_progress = कार्रवाई जारी
entry-status-waiting_for_reporter = रिपोर्ट करने वाले की प्रतीक्षा
entry-status-referred = रेफ़र की गई
entry-status-closed = बंद
outcome-located = पता चल गया
outcome-rescued = छुड़ाया गया
outcome-repatriated = स्वदेश भेजा गया
outcome-referred_on = आगे रेफ़र किया गया
outcome-unreachable = संपर्क नहीं हो सका
outcome-duplicate = दोहराई गई
outcome-not_credible = विश्वसनीय नहीं
outcome-other = अन्य
staff-item-reply = रिपोर्ट करने वाले को जवाब
staff-item-note = आंतरिक नोट
staff-reply = रिपोर्ट करने वाले को लिखें (वे इसे अपने रसीद कोड से पढ़ते हैं)
staff-send-reply = जवाब भेजें
staff-note = आंतरिक नोट (सिर्फ़ आपका संगठन इसे देखता है)
staff-add-note = नोट जोड़ें

## The operator's organisations
org-heading = संगठन
org-intro = जाँच-परख में दो कदम हैं: इसे यहाँ दर्ज करें, फिर केंद्रीय संगठन से उस संगठन की हस्ताक्षर कुंजी पर ऑफ़लाइन प्रति-हस्ताक्षर करवाएँ। कोई कतार रिपोर्ट तभी पाती है जब उसका संगठन जाँचा-परखा, प्रति-हस्ताक्षरित और सक्रिय हो, उसकी कुंजी पर संगठन का हस्ताक्षर हो और किसी समन्वयक ने उसकी निजी कुंजी आयात की हो।
org-register = संगठन पंजीकृत करें
org-register-button = पंजीकृत करें
org-id = पहचानकर्ता (Id)
org-id-hint = छोटे अक्षर, अंक और डैश, जैसा config में कतारें इसे लिखती हैं।
org-name = नाम
org-kind = प्रकार
org-kind-ngo = एनजीओ
org-kind-consulate = वाणिज्य दूतावास
org-kind-police = पुलिस
org-country = देश
org-country-hint = दो अक्षरों का ISO कोड: जहाँ एनजीओ या पुलिस काम करती है, या जिस देश के नागरिकों की सेवा वाणिज्य दूतावास करता है।
org-contact = संपर्क
org-contact-hint = संगठन के समन्वयक से कैसे संपर्क करें (वैकल्पिक)।
org-signing-key = सत्यापन कुंजी
org-signing-key-hint = संगठन के अपने `homeward org keygen` से मिली hwov1. कुंजी।
org-queues = कतारें
org-details = विवरण
org-save = सहेजें
org-demo = नई स्थापना का डेमो संगठन: जाँचने को कुछ नहीं।
org-vetting = जाँच-परख
org-vetted-by = जाँचा-परखा:
org-evidence = प्रमाण
org-evidence-hint = किसने ज़मानत दी, क्या जाँचा गया, रिकॉर्ड कहाँ हैं।
org-record-vetting = जाँच-परख दर्ज करें
org-countersignature = प्रति-हस्ताक्षर
org-countersigned = केंद्रीय संगठन का प्रति-हस्ताक्षर मेल खाता है।
org-countersign-intro = केंद्रीय संगठन इन विवरणों को उस संगठन से ही जाँचने के बाद यह आदेश अपनी ऑफ़लाइन मशीन पर चलाता है और नतीजा वापस भेजता है:
org-countersignature-field = प्रति-हस्ताक्षर (hwsg1.)
org-add-countersignature = प्रति-हस्ताक्षर जोड़ें
org-suspension = निलंबन
org-suspended = निलंबित: इसकी कतारों को कुछ नहीं मिलता।
org-suspend = निलंबित करें
org-reinstate = बहाल करें
org-first-coordinator = समन्वयक
org-invite-coordinator = समन्वयक के लिए निमंत्रण बनाएँ
staff-organisations-link = संगठन
hold-none = रिपोर्ट ले रही है
hold-unregistered = ऑपरेटर ने पंजीकृत नहीं किया
hold-not-vetted = जाँच-परख दर्ज नहीं
hold-not-countersigned = केंद्रीय संगठन का कोई मान्य प्रति-हस्ताक्षर नहीं
hold-suspended = निलंबित
hold-wrong-organisation = कतार का प्रकार उसके संगठन से मेल नहीं खाता
hold-key-unsigned = कतार की कुंजी पर संगठन का हस्ताक्षर नहीं है
hold-key-not-imported = किसी समन्वयक ने कतार की निजी कुंजी आयात नहीं की
hold-held-after-restore = बहाल किए गए बैकअप के बाद इसकी सदस्यता बदली: किसी समन्वयक को इसकी पुष्टि करनी होगी

## Members and key rotation
staff-members = सदस्य
staff-remove-member = हटाएँ
staff-member-removed = सदस्य हटा दिया गया: उनके सत्र और कुंजियों की प्रतियाँ मिटा दी गईं।
staff-member-removed-rotate = सदस्य हटा दिया गया: उनके सत्र और कुंजियों की प्रतियाँ मिटा दी गईं। इनके लिए नई कुंजी-जोड़ी आयात करें:
staff-rotation-due = कुंजी बदलनी है: इस कुंजी को रखने वाला एक सदस्य चला गया है। ऑफ़लाइन एक नई हस्ताक्षरित जोड़ी बनाएँ (homeward queue keygen) और उसे आयात करें।
staff-rotate = कुंजी बदलें
staff-rotate-key = नई निजी कुंजी (homeward queue keygen से)
staff-rotate-signature = उसका हस्ताक्षर (hwsg1., सार्वजनिक कुंजी के साथ छपा)
staff-rotate-button = नई कुंजी पर जाएँ
staff-rotate-key-wrong = यह इस कतार के लिए नई निजी कुंजी नहीं है।
staff-rotate-signature-wrong = यह हस्ताक्षर इस नई कुंजी पर आपके संगठन का नहीं है।
staff-resealing = कुछ रिपोर्टें अब भी इस कतार की पिछली कुंजी से एन्क्रिप्ट हैं।
staff-reseal = फिर से एन्क्रिप्ट करना पूरा करें
staff-queue-changes = सर्वर के config में आपकी कतारों में बदलाव
staff-queue_declared = घोषित
staff-queue_changed = बदली गई (संगठन, प्रकार, कुंजी या शर्तें)
staff-queue_withdrawn = वापस ली गई

## Passwords and getting back in
staff-password-heading = अपना पासवर्ड बदलें
staff-password-current = मौजूदा पासवर्ड
staff-password-new = नया पासवर्ड
staff-password-change = पासवर्ड बदलें
staff-password-changed = आपका पासवर्ड बदल गया है। आपके बाकी सत्र खत्म हो गए हैं।
staff-recover-link = पासवर्ड भूल गए? अपनी रिकवरी कुंजी का इस्तेमाल करें।
staff-recover-heading = अपनी रिकवरी कुंजी से फिर से प्रवेश करें
staff-recover-intro = आपकी रिकवरी कुंजी आपके खाते की कुंजियाँ फिर से खोलती है। आप नया पासवर्ड चुनते हैं और ऑथेंटिकेटर ऐप फिर से सेट करते हैं; आपको नई रिकवरी कुंजी मिलती है।
staff-recover-button = मेरा पासवर्ड रीसेट करें
staff-reset-heading = फिर से शुरू करें
staff-reset-intro = आपके समन्वयक ने यह लिंक इसलिए बनाया क्योंकि आपका पासवर्ड और रिकवरी कुंजी खो गए हैं। आपके खाते को नई कुंजियाँ मिलेंगी; फिर आपका समन्वयक आपको आपकी कतारों की पहुँच दोबारा देगा।
staff-reset-button = मेरा नया पासवर्ड सेट करें
staff-reset-member = रीसेट लिंक

## Referral
staff-refer-to = कतार को रेफ़र करें
staff-refer-reason = क्यों
staff-refer-hint = इसे वे एनजीओ कतारें देखती हैं जिनके पास यह रिपोर्ट है (पाने वाली कतार भी, अगर वह एनजीओ है), वाणिज्य दूतावास या पुलिस कभी नहीं।
staff-refer = रेफ़र करें
staff-item-referral = रेफ़रल
referral-not-receiving = वह कतार अभी रिपोर्ट नहीं ले रही।
referral-already-held = यह रिपोर्ट उस कतार के पास पहले से है।
referral-no-consent = रिपोर्ट करने वाले ने इसकी सहमति नहीं दी। इसे टाला नहीं जा सकता।
referral-needs-more = इस प्रविष्टि में सिर्फ़ अंश है: इसे सिर्फ़ वाणिज्य दूतावास या पुलिस को रेफ़र किया जा सकता है।
referral-wrong-country = वाणिज्य दूतावास सिर्फ़ अपने नागरिकों की रिपोर्टें लेता है, और पुलिस सिर्फ़ अपने देश की रिपोर्टें।
referral-old-projection = इस रिपोर्ट का हर अंश तब बना था जब वाणिज्य दूतावास या पुलिस को दिखने वाली चीज़ें सीमित नहीं की गई थीं, और उसमें संपर्क विवरण हो सकते हैं: पहले अंश का नया संस्करण जारी करें।
referral-not-possible = यह रिपोर्ट उस कतार को रेफ़र नहीं की जा सकती।
referral-no-reason = कारण बताएँ।

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: कतार { $queue } में { $count } गंभीर { $count ->
    [one] रिपोर्ट स्वीकृति का लक्ष्य-समय बीतने पर भी बिना किसी ज़िम्मेदार के प्रतीक्षा में है।
   *[other] रिपोर्टें स्वीकृति का लक्ष्य-समय बीतने पर भी बिना किसी ज़िम्मेदार के प्रतीक्षा में हैं।
}
staff-projection-issue = अंश का नया संस्करण जारी करें
staff-projection-json = अंश (जो वाणिज्य दूतावास और पुलिस देख सकते हैं), JSON के रूप में
staff-projection-hint = रिपोर्ट के व्यक्ति, दस्तावेज़, जगह और इच्छाओं वाले खाने ही। इसे अगले संस्करण के रूप में हर उस कतार के लिए एन्क्रिप्ट किया जाता है जिसके पास यह रिपोर्ट है और जो इसे देख सकती है।
staff-projection-button = यह संस्करण जारी करें
staff-item-addition = रिपोर्ट करने वाले की ओर से
staff-item-contact = रिपोर्ट करने वाले अब कैसे संपर्क चाहते हैं
staff-item-consent = रिपोर्ट करने वाले ने अपनी सहमतियाँ बदलीं
staff-item-withdrawal = रिपोर्ट करने वाले ने रिपोर्ट वापस ली
staff-item-attachment = रिपोर्ट करने वाले की भेजी फ़ाइल
staff-new = नया
staff-unread = इस कतार के पिछली बार रिपोर्ट खोलने के बाद रिपोर्ट करने वाले ने भेजा
staff-withdrawn = रिपोर्ट करने वाले ने { $at } को वापस ली · इसकी कुंजियाँ { $destroyed } के बाद नष्ट की जाएँगी
staff-consent-closed = { $at } को रिपोर्ट करने वाले ने वह सहमति वापस ले ली जिससे यह कतार रिपोर्ट पाती थी। यह कतार सिर्फ़ वही देखती है जो उसने पहले खोला था, और रिपोर्ट के साथ आगे कुछ नहीं कर सकती।
staff-closure-pending = { $queue }: रिपोर्ट करने वाले ने { $at } को इस कतार के लिए सहमति वापस ली · जो इसने कभी नहीं खोला वह { $destroyed } के बाद नष्ट किया जाएगा
staff-closure-destroyed = { $queue }: रिपोर्ट करने वाले ने { $at } को इस कतार के लिए सहमति वापस ली · जो इसने कभी नहीं खोला वह { $destroyed } को नष्ट किया गया
staff-entry-consent-closed = बंद: सहमति वापस ली गई
staff-download = फ़ाइल डाउनलोड करें (मेटाडेटा हटाया गया)
staff-zawgyi-shown = Zawgyi में टाइप किया गया, Unicode में दिखाया गया
staff-zawgyi-as-sent = जैसा रिपोर्ट करने वाले ने भेजा
field-media_type = प्रकार
field-size = आकार (बाइट में)
field-location_used = इसकी जगह को संकेत के रूप में इस्तेमाल किया गया
field-malformed = डिवाइस पर एन्क्रिप्ट और गलत ढाँचे में: ये खाने रिपोर्ट के नियम तोड़ते हैं
field-sealed_on_device = रिपोर्ट करने वाले के डिवाइस पर एन्क्रिप्ट किया गया

## Field errors of the responder forms
error-invalid_username = 3 से 40 छोटे अक्षर, अंक, बिंदु या डैश इस्तेमाल करें।
error-username_taken = यह उपयोगकर्ता नाम पहले से लिया जा चुका है।
error-password_short = कम से कम 12 अक्षर इस्तेमाल करें।
error-password_common = यह पासवर्ड बहुत आम है या इसका अंदाज़ा लगाना बहुत आसान है।
error-invalid_slug = छोटे अक्षर, अंक और डैश इस्तेमाल करें।
error-invalid_signing_key = यह hwov1. सत्यापन कुंजी नहीं है।
error-organisation_exists = इस पहचानकर्ता वाला संगठन पहले से पंजीकृत है।
error-invalid_signature = यह hwsg1. हस्ताक्षर नहीं है।
error-no_desk_signing_key = केंद्रीय संगठन की कोई हस्ताक्षर कुंजी कॉन्फ़िगर नहीं है, इसलिए किसी पर प्रति-हस्ताक्षर नहीं हो सकता।
error-countersignature_mismatch = यह प्रति-हस्ताक्षर केंद्रीय संगठन की कुंजी और इस संगठन के पहचानकर्ता, प्रकार, देश और कुंजी से मेल नहीं खाता।
error-password_wrong = यह आपका मौजूदा पासवर्ड नहीं है।
error-recovery_wrong = यह उपयोगकर्ता नाम और रिकवरी कुंजी आपस में मेल नहीं खाते।

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = आपके संगठन ने अभी इस खाते को प्रमाणित नहीं किया है। जो कतारें आपके पास पहले से हैं वे बनी रहेंगी, लेकिन जब तक कोई प्रमाणित समन्वयक आपको प्रमाणित न करे, या आपका संगठन अपनी हस्ताक्षर कुंजी से न करे, तब तक कोई नई कतार-कुंजी आपके लिए एन्क्रिप्ट नहीं की जाएगी।
staff-certify-command = आपके संगठन का कोई प्रमाणित समन्वयक आपको प्रमाणित करता है: अपनी पहचान का फ़िंगरप्रिंट (इस पेज के नीचे) उन्हें आमने-सामने या फ़ोन पर पढ़कर सुनाएँ। अगर आप इसके पहले समन्वयक हैं, तो इसके बजाय यह आदेश संगठन की ऑफ़लाइन मशीन पर चलाएँ और उसका छापा हुआ हस्ताक्षर नीचे चिपकाएँ; किसी दूसरे भरोसेमंद डिवाइस पर जाँचें कि पहचान कुंजी इस पेज से मेल खाती है।
staff-certificate = आपके संगठन का हस्ताक्षर (hwsg1.)
staff-certificate-button = मेरा खाता प्रमाणित करें
staff-certified-self = आपका खाता अब आपके संगठन की हस्ताक्षर कुंजी से प्रमाणित है।
staff-certificate-wrong = यह इस खाते पर आपके संगठन का हस्ताक्षर नहीं है, या आपका संगठन अभी मान्य स्थिति में नहीं है।
staff-member-certified = प्रमाणित
staff-certify-member = प्रमाणित करें
staff-member-certified-done = सदस्य प्रमाणित: अब आप उन्हें कतारें दे सकते हैं।
staff-uncertified-refused = अस्वीकार: उस खाते की सदस्यता आपके संगठन ने प्रमाणित नहीं की है (उसकी हस्ताक्षर-श्रृंखला आपके संगठन की कुंजी तक नहीं पहुँचती)।
staff-gap-no-member = सदस्य नहीं
staff-gap-no-identity = प्रमाणित नहीं: पहचान कुंजियाँ आने के बाद से लॉग इन नहीं किया
staff-gap-key-not-bound = प्रमाणित नहीं: इसकी पहचान कुंजी इसकी एन्क्रिप्शन कुंजी को शामिल नहीं करती
staff-gap-not-certified = प्रमाणित नहीं
staff-gap-broken-chain = प्रमाणित नहीं: इसकी हस्ताक्षर-श्रृंखला सत्यापित नहीं होती (प्रमाणित करने वाला चला गया या रीसेट हुआ, या रिकॉर्ड बदला गया: अगर आपको इसकी उम्मीद नहीं थी तो अपने संगठन को बताएँ)
staff-gap-organisation = प्रमाणित नहीं: संगठन मान्य स्थिति में नहीं है (निलंबित या प्रति-हस्ताक्षर नहीं)
staff-operator-recovered = ऑपरेटर की पहुँच { $at } को सर्वर के कंसोल पर (homeward admin recover-operator) वापस पाई गई।
staff-operator-uncountersigned = केंद्रीय संगठन ने अभी इस ऑपरेटर खाते पर प्रति-हस्ताक्षर नहीं किया है, इसलिए यह ऑपरेटर के रूप में कुछ नहीं कर सकता। ऑपरेटर एक-दूसरे को नहीं बना सकते: केंद्रीय संगठन नीचे दिया आदेश अपनी ऑफ़लाइन मशीन पर चलाता है, और आप उसका छापा हुआ हस्ताक्षर चिपकाते हैं।
staff-operator-command = केंद्रीय संगठन की ऑफ़लाइन मशीन पर, उसकी हस्ताक्षर कुंजी के साथ:
staff-audit-head = ऑडिट लॉग का शीर्ष (प्रविष्टि, MAC): इसे इस सर्वर से बाहर कहीं लिख लें; बाद में लॉग दोबारा लिखा जाए तो भी यह उस तक नहीं पहुँचेगा।
staff-your-fingerprint = आपकी पहचान का फ़िंगरप्रिंट (जो आपको प्रमाणित करे, उसे आमने-सामने या फ़ोन पर पढ़कर सुनाएँ):
staff-fingerprint-of = उनकी पहचान का फ़िंगरप्रिंट, जैसा उन्होंने अपने कार्यक्षेत्र से आपको पढ़कर सुनाया
staff-fingerprint-wrong = अस्वीकार: यह वह फ़िंगरप्रिंट नहीं है जो सर्वर के पास इस सदस्य के लिए है। उनसे अपने कार्यक्षेत्र से दोबारा पढ़ने को कहें; अगर फिर भी अलग हो, तो उनके खाते से छेड़छाड़ हुई हो सकती है: अपने संगठन को बताएँ।
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = रद्द करें: कुछ बदले बिना वापस जाएँ
staff-confirm-remove-heading = सदस्य { $name } को हटाएँ?
staff-confirm-remove-consequence = उनके सत्र और हर कतार-कुंजी की उनकी प्रतियाँ तुरंत मिट जाएँगी और वापस नहीं आ सकेंगी; उनकी हर कतार पर "कुंजी बदलनी है" का निशान तब तक रहेगा जब तक कोई समन्वयक नई कुंजी-जोड़ी आयात न करे।
staff-confirm-remove = हाँ, इस सदस्य को हटाएँ
staff-confirm-suspend-heading = संगठन { $name } को निलंबित करें?
staff-confirm-suspend-consequence = बहाल होने तक इसकी कतारें कोई नई रिपोर्ट नहीं पाएँगी, इसके सदस्य अपने पास की रिपोर्टें न खोल सकेंगे न उन पर काम कर सकेंगे, और इसे भेजे गए रेफ़रल अस्वीकार होंगे।
staff-confirm-suspend = हाँ, इस संगठन को निलंबित करें
staff-desk-key-changed = केंद्रीय संगठन की कुंजी, जिससे हर संगठन और हर सदस्य का प्रमाणपत्र जाँचा जाता है, { $at } को बदली (अब { $fingerprint })। अगर केंद्रीय संगठन ने आपके संगठन को यह नहीं बताया है, तो किसी को प्रमाणित करने या कुंजी आयात करने से पहले उससे पूछें।
staff-desk-key = केंद्रीय संगठन की कुंजी (फ़िंगरप्रिंट): इसकी तुलना उस फ़िंगरप्रिंट से करें जो केंद्रीय संगठन ने आपके संगठन को दिया था।
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = सोर्स कोड (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = आपकी भाषा और समय क्षेत्र
staff-settings-language = आपके पन्नों की भाषा
staff-settings-language-browser = ब्राउज़र की भाषा
staff-settings-zone = समय क्षेत्र
staff-settings-zone-hint = आपके पन्नों पर तारीख़ें और समय इसी क्षेत्र में, UTC से अंतर के साथ दिखाए जाते हैं।
staff-settings-save = सहेजें
staff-settings-saved = सहेज लिया गया। आपके पन्ने अब इसी भाषा और समय क्षेत्र में हैं।
error-language_unknown = सूची में से एक भाषा चुनें।
error-zone_unknown = सूची में से एक समय क्षेत्र चुनें।
date-time-zoned = { $day }/{ $month }/{ $year }, { $hour }:{ $minute } ({ $offset })
## The queue list: filters, pages, summaries, last activity
staff-priority-critical = गंभीर
staff-priority-high = उच्च
staff-priority-normal = सामान्य
staff-filter-heading = दिखाएँ
staff-filter-any = सभी
staff-filter-claim = ज़िम्मेदार
staff-filter-claim-mine = मैं
staff-filter-claim-unclaimed = कोई नहीं
staff-filter-overdue = सिर्फ़ समय-सीमा पार वाली
staff-filter-unread = सिर्फ़ वे जिनमें रिपोर्ट करने वाले की ओर से कुछ नया है
staff-filter-apply = दिखाएँ
staff-filter-clear = सब दिखाएँ
staff-filter-none = इस कतार की कोई भी रिपोर्ट आपके चुनाव से मेल नहीं खाती।
staff-page-previous = पिछला पेज
staff-page-next = अगला पेज
staff-page-number = पेज { $n }
staff-listed-note = यह सूची दिखाने से इसमें शामिल रिपोर्टों के सारांश खुलते हैं; यह ऑडिट लॉग में दर्ज होता है।
staff-summary-none = अभी कोई सारांश नहीं: यह तब बनता है जब किसी एनजीओ कतार में कोई पहली बार यह रिपोर्ट खोलता है।
staff-summary-age = { $age } साल
staff-summary-others = { $n ->
    [one] उनके साथ { $n } और व्यक्ति को रखा गया है
   *[other] उनके साथ { $n } और लोगों को रखा गया है
}
staff-reported-by-self = स्वयं उस व्यक्ति ने रिपोर्ट की
staff-reported-by-family = परिवार ने रिपोर्ट की
staff-reported-by-friend = किसी दोस्त ने रिपोर्ट की
staff-reported-by-colleague = किसी सहकर्मी ने रिपोर्ट की
staff-reported-by-other = किसी और ने रिपोर्ट की
staff-ago-hour = पिछले एक घंटे में
staff-ago-hours = { $n ->
    [one] { $n } घंटा पहले
   *[other] { $n } घंटे पहले
}
staff-ago-days = { $n ->
    [one] { $n } दिन पहले
   *[other] { $n } दिन पहले
}
staff-activity-report = { $ago } प्राप्त हुई
staff-activity-addition = रिपोर्ट करने वाले ने { $ago } लिखा
staff-activity-contact = रिपोर्ट करने वाले ने { $ago } संपर्क का नया तरीका दिया
staff-activity-consent = रिपोर्ट करने वाले ने { $ago } एक सहमति बदली
staff-activity-attachment = रिपोर्ट करने वाले ने { $ago } एक फ़ाइल भेजी
staff-activity-withdrawal = रिपोर्ट करने वाले ने { $ago } रिपोर्ट वापस ली
staff-activity-reply = { $ago } जवाब भेजा गया
staff-activity-note = { $ago } नोट लिखा गया
staff-activity-referral = { $ago } रेफ़र की गई
staff-claimed-by = { $name } के ज़िम्मे
staff-select-report = रिपोर्ट { $id } चुनें
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = मुख्य सामग्री पर जाएँ
## Clearing a flood of fake reports: a wave closed as not genuine, destroyed early by the desk
outcome-not_genuine = असली नहीं (नकली रिपोर्ट)
staff-selection-heading = यह चयन इस्तेमाल नहीं हो सकता
staff-selection-empty = कुछ नहीं चुना गया: पहले रिपोर्टों पर निशान लगाएँ।
staff-selection-too-many = एक साथ बहुत ज़्यादा रिपोर्टें चुनी गईं: अधिकतम 200।
staff-selection-not-an-id = चयन भेजते समय खराब हो गया (एक मान रिपोर्ट की आईडी नहीं है)। सूची पर वापस जाकर फिर से चुनें।
staff-selection-back = सूची पर वापस जाएँ
staff-wave-select = चुनें
staff-wave-button = चुनी गई रिपोर्टों को असली नहीं मानकर बंद करें
staff-wave-heading = कतार { $queue } की इन रिपोर्टों को असली नहीं मानकर बंद करें? ({ $count })
staff-wave-consequence = नीचे दी गई हर प्रविष्टि इस कतार में "असली नहीं" परिणाम के साथ बंद की जाएगी, एक ही कार्रवाई में, जो ऑडिट लॉग में एक ही प्रविष्टि के रूप में दर्ज होगी। इन रिपोर्टों को रखने वाली दूसरी कतारें अपनी-अपनी प्रविष्टियाँ रखती हैं। जब किसी रिपोर्ट को रखने वाली हर कतार उसे असली नहीं मानकर बंद कर दे, तब केंद्रीय संगठन के समन्वयक उसे समय से पहले नष्ट कर सकते हैं।
staff-wave-none = चुनी गई कोई भी रिपोर्ट यहाँ बंद नहीं की जा सकती: वे पहले से बंद हैं, या सहमति वापस लिए जाने से बंद हुई हैं।
staff-wave-kept = जैसी थीं वैसी छोड़ी गईं (पहले से बंद, सहमति वापस लिए जाने से बंद, या किसी सहकर्मी ने ली हुई): { $count }।
staff-wave-confirm = हाँ, असली नहीं मानकर बंद करें
staff-wave-not-in-queue = इस कतार में नहीं (इस बीच नष्ट हो गईं, या कभी यहाँ थीं ही नहीं): चुनी गई रिपोर्टों में से { $count }। सूची पर वापस जाकर फिर से चुनें।
staff-wave-done = असली नहीं मानकर बंद की गईं: { $count }।
staff-early-link = हर कतार द्वारा असली नहीं मानकर बंद की गई रिपोर्टें (समय से पहले नष्ट करें)
staff-early-heading = हर कतार द्वारा असली नहीं मानकर बंद की गई रिपोर्टें
staff-early-intro = इन रिपोर्टों को रखने वाली हर कतार ने इन्हें असली नहीं मानकर बंद कर दिया है। केंद्रीय संगठन के समन्वयक के रूप में आप इन्हें अभी नष्ट कर सकते हैं, संग्रह अवधि खत्म होने का इंतज़ार किए बिना; इससे इनके रसीद कोड असली रिपोर्टों के लिए खाली हो जाते हैं। जो रिपोर्ट किसी भी कतार में अभी खुली है, या वहाँ किसी और परिणाम के साथ बंद हुई है, वह इस सूची में नहीं है।
staff-early-none = ऐसी कोई रिपोर्ट नहीं है जिसे आप समय से पहले नष्ट कर सकें।
staff-early-nothing = चुनी गई रिपोर्टों में से अब कोई भी ऐसी नहीं है जिसे आप समय से पहले नष्ट कर सकें: कुछ भी नष्ट नहीं होगा।
staff-early-select = रिपोर्ट (चुनें)
staff-early-report = रिपोर्ट
staff-early-received = प्राप्त
staff-early-holders = इसे रखने वाली कतारें
staff-early-closed = आखिरी बार बंद
staff-early-button = चुनी गई रिपोर्टें नष्ट करें
staff-early-confirm-heading = इन रिपोर्टों को अभी नष्ट करें? ({ $count })
staff-early-consequence = ये हमेशा के लिए नष्ट हो जाएँगी: हर कुंजी, हर फ़ाइल और बातचीत मिट जाएगी, और इनके रसीद कोड से कुछ भी नहीं खुलेगा। बैकअप इन्हें तब तक रखते हैं जब तक बैकअप की अवधि खत्म न हो। यह नष्ट करना ऑडिट लॉग में एक ही प्रविष्टि के रूप में दर्ज होता है।
staff-early-kept = रखी गईं, क्योंकि आप इन्हें समय से पहले नष्ट नहीं कर सकते (फिर से खोली गईं, हाल ही में बंद हुईं, या आपने खुद बंद कीं), या ये पहले ही नहीं रहीं: { $count }।
staff-early-confirm = हाँ, हमेशा के लिए नष्ट करें
staff-early-done = नष्ट की गईं: { $count }।
staff-early-rules = कोई रिपोर्ट इस सूची में तभी आती है जब उसे रखने वाली हर कतार ने उसे कम से कम { $hours ->
        [one] { $hours } घंटा
       *[other] { $hours } घंटे
    } से असली नहीं मानकर बंद रखा हो, और केवल ऐसे समन्वयक के लिए जिसने उसकी कोई भी प्रविष्टि खुद बंद नहीं की: किसी रिपोर्ट को नष्ट करने में दो लोग लगते हैं। तब तक उन कतारों का कोई भी सदस्य उसे फिर से खोल सकता है। बंद होने के बाद जिस रिपोर्ट पर रिपोर्ट करने वाले ने फिर लिखा, उस पर निशान लगा होता है: उसे चुनने से पहले खोलकर पढ़ें कि उन्होंने क्या लिखा। आपके लिए कुछ भी पहले से चुना नहीं गया है: जो रिपोर्ट आप नष्ट करना चाहते हैं, उनमें से हर एक को खुद चुनें।
staff-early-irreversible = यह वापस नहीं किया जा सकता।
staff-early-no-key = आपके पास डेस्क कतार की चाबी की कोई प्रति नहीं है, इसलिए आप नहीं देख सकते कि इन रिपोर्टों में क्या है, और आप इन्हें नष्ट नहीं कर सकते: यह केवल डेस्क का वह समन्वयक कर सकता है जिसके पास चाबी है।
staff-early-place = कहाँ
staff-early-person = कौन
staff-early-reasons = मुख्य कारण
## hotline: filing on a caller's behalf
field-channel = रिपोर्ट कैसे आई (online: रिपोर्ट करने वाले से; phoned: हेल्पलाइन कर्मचारी ने कॉल करने वाले के लिए दर्ज की)
staff-hotline-link = कॉल करने वाले के लिए रिपोर्ट दर्ज करें (हेल्पलाइन)
staff-hotline-heading = कॉल करने वाले के लिए रिपोर्ट दर्ज करें
staff-hotline-intro = कॉल करने वाले से हर सवाल उनकी भाषा में पूछें और उनके जवाब वैसे ही टाइप करें जैसे वे दें। उनकी बात में कुछ न जोड़ें, न बदलें।
staff-hotline-caller-language = कॉल करने वाले की भाषा
staff-hotline-caller-language-button = फ़ॉर्म इस भाषा में दिखाएँ
staff-hotline-errors = कुछ जवाब ठीक करने हैं: हर समस्या उसके खाने के पास दिखाई गई है। जो टाइप किया था, वह खोया नहीं है।
staff-hotline-consents-note = जब तक कॉल करने वाला हाँ न कहे, हर सहमति बिना टिक के रहती है। हर एक उन्हें पढ़कर सुनाएँ और सिर्फ़ वही टिक करें जिस पर वे सहमत हों।
staff-hotline-submit = रिपोर्ट दर्ज करें
staff-hotline-filed-heading = रिपोर्ट दर्ज हो गई
staff-hotline-read-code = यह रसीद कोड अभी कॉल करने वाले को पढ़कर सुनाएँ, धीरे-धीरे, एक-एक समूह करके, और उनसे इसे दोहराने को कहें। यह सिर्फ़ इसी बार दिखाया जाता है और कहीं रखा नहीं जाता।
staff-hotline-code-once = कोड के ऊपर लिखे शब्द भी उन्हें पढ़कर सुनाएँ। कोड खुद कहीं न लिखें। कॉल करने वाले को बताएँ कि आपने कोड सुना है, इसलिए आप भी उन्हें भेजे गए जवाब पढ़ सकते हैं: वे खुद दोबारा रिपोर्ट दर्ज करके ऐसा कोड पा सकते हैं जो किसी और को पता न हो।
staff-hotline-another = एक और रिपोर्ट दर्ज करें
staff-hotline-member = हेल्पलाइन कर्मचारी
staff-hotline-grant = उन्हें कॉल करने वालों के लिए दर्ज करने दें (हेल्पलाइन)
staff-hotline-revoke = हेल्पलाइन से दर्ज करना बंद करें
staff-hotline-granted = अब वे कॉल करने वालों के लिए रिपोर्ट दर्ज कर सकते हैं।
staff-hotline-revoked = अब वे कॉल करने वालों के लिए रिपोर्ट दर्ज नहीं कर सकते।
staff-hotline-refused = अस्वीकार: सिर्फ़ किसी गैर-सरकारी संगठन का प्रमाणित समन्वयक ही अपने संगठन के सदस्यों को कॉल करने वालों के लिए दर्ज करने दे सकता है, और वाणिज्य दूतावास या पुलिस में कभी नहीं।
staff-hotline-not-granted = आप कॉल करने वालों के लिए रिपोर्ट दर्ज नहीं कर सकते: पहले आपके संगठन के किसी समन्वयक को इसकी अनुमति देनी होगी (सिर्फ़ गैर-सरकारी संगठनों में हेल्पलाइन कर्मचारी होते हैं)।

## case file
staff-casefile-narrative = क्या हुआ, रिपोर्ट करने वाले के अपने शब्दों में
staff-casefile-more = इस प्रविष्टि में और भी
staff-field-coordinates = निर्देशांक
staff-field-language = रिपोर्ट करने वाले ने जिस भाषा में लिखा
staff-osm-link = इन निर्देशांकों को OpenStreetMap में खोलें (दूसरी साइट: लिंक खोलने से उसे यह जगह पता चलती है)
staff-yes = हाँ
staff-no = नहीं
staff-triage-explained = { $priority }: { $reasons }
staff-triage-none = { $priority }: कोई संकेत नहीं चुना गया
staff-actions = आप क्या कर सकते हैं
staff-files = रिपोर्ट करने वाले की भेजी फ़ाइलें
staff-file-photo = फ़ोटो { $n }
staff-file-pdf = PDF दस्तावेज़ { $n }
staff-file-size = { $kb } KB
staff-file-preview = सर्वर द्वारा बनाया गया छोटा पूर्वावलोकन
staff-done-claimed = आपने यह रिपोर्ट अपने ज़िम्मे ली। अब यह आपको सौंपी गई है।
staff-done-released = आपने इस रिपोर्ट की ज़िम्मेदारी छोड़ी। अब यह किसी को सौंपी नहीं गई है।
staff-done-moved = स्थिति बदल दी गई है।
staff-done-replied = आपका जवाब भेज दिया गया है। रिपोर्ट करने वाले इसे अपने रसीद कोड से पढ़ते हैं।
staff-done-noted = आपका नोट जोड़ दिया गया है। इसे केवल आपका संगठन देखता है।
staff-done-referred = रिपोर्ट रेफ़र कर दी गई है। अब यह पाने वाली कतार के पास है।
staff-done-projection = अंश का नया संस्करण जारी कर दिया गया है।
staff-timeline = समयरेखा
staff-tl-text = संदेश
staff-tl-hour = { $at } से शुरू होने वाले घंटे में (सर्वर केवल घंटा रखता है)
staff-tl-someone = एक पूर्व सदस्य
staff-tl-received = रिपोर्ट मिली
staff-tl-triage = प्राथमिकता आकलन: { $triage }
staff-tl-projection = रिपोर्ट मिलने पर बना अंश
staff-tl-projection-by = अंश का संस्करण { $version }, { $name } द्वारा जारी
staff-tl-reply = रिपोर्ट करने वाले को जवाब, { $organisation } द्वारा लिखा गया
staff-tl-reply-unknown = रिपोर्ट करने वाले को जवाब
staff-tl-note = { $name } का आंतरिक नोट
staff-tl-internal = इसे केवल आपका संगठन देखता है।
staff-tl-referral = { $name } द्वारा { $from } से { $to } को रेफ़र किया गया
staff-tl-addition = रिपोर्ट करने वाले ने जानकारी जोड़ी
staff-tl-contact = रिपोर्ट करने वाले ने संपर्क का तरीका बदला
staff-tl-consent-given = रिपोर्ट करने वाले ने अनुमति दी: { $consent }
staff-tl-consent-withdrawn = रिपोर्ट करने वाले ने अनुमति वापस ली: { $consent }
staff-tl-file = रिपोर्ट करने वाले ने फ़ाइल भेजी: { $name }
staff-tl-withdrawal = रिपोर्ट करने वाले ने रिपोर्ट वापस ली
staff-tl-claimed = { $name } ने रिपोर्ट अपने ज़िम्मे ली
staff-tl-released = { $name } ने रिपोर्ट की ज़िम्मेदारी छोड़ी
staff-tl-moved = { $name } ने स्थिति बदलकर { $status } की
## the case file: a report hotline staff filed
staff-filed-by-hotline = हेल्पलाइन कर्मचारी ने कॉल करने वाले के लिए दर्ज किया
staff-hotline-already-filed = इस कॉल करने वाले की रिपोर्ट पहले ही भेजी जा चुकी है, और उसका रसीद कोड केवल एक बार दिखाया गया था; वह दोबारा नहीं दिखाया जाएगा। अगर कॉल करने वाले ने कोड नहीं सुना, तो उनके साथ रिपोर्ट फिर से भेजें: उन्हें नया कोड मिलेगा।
staff-hotline-resend = यह फ़ॉर्म इस पेज से उसी रूप में नहीं भेजा गया। जवाब जाँचें और फिर से भेजें।
staff-role-operator = संचालक
staff-role-coordinator = समन्वयक
staff-role-responder = प्रतिक्रिया कर्मी
staff-early-wrote-after = बंद होने के बाद रिपोर्ट करने वाले ने फिर लिखा: पहले पढ़ें।

## The operator's overview: which queues receive reports, and a routing file a key rotation left out of date (issue 19)
staff-overview-link = कौन-सी कतारें रिपोर्ट ले रही हैं
staff-overview-heading = कतारें: कौन-सी रिपोर्ट ले रही हैं
staff-overview-intro = routing फ़ाइल में घोषित हर कतार: वह रिपोर्ट ले रही है या नहीं, और नहीं तो क्यों; उसमें कितनी रिपोर्टें इंतज़ार कर रही हैं; कितने सदस्यों के पास उसकी कुंजी है; उसे आख़िरी रिपोर्ट कब मिली। यहाँ किसी रिपोर्ट का नाम नहीं है, और किसी रिपोर्ट में क्या लिखा है, वह नहीं दिखाया जाता।
staff-overview-no-desk = डेस्क कतार कुछ भी नहीं ले रही: जब तक वह नहीं लेती, हर रिपोर्ट लौटा दी जाती है और कोई रिपोर्ट नहीं कर सकता।
staff-overview-empty = routing फ़ाइल में कोई कतार घोषित नहीं है।
staff-overview-queue = कतार
staff-overview-standing = रिपोर्ट ले रही है?
staff-overview-open = खुली
staff-overview-unclaimed = किसी के ज़िम्मे नहीं
staff-overview-overdue = समय-सीमा पार
staff-overview-holders = जिन सदस्यों के पास इसकी कुंजी है
staff-overview-last = आख़िरी रिपोर्ट मिली
staff-overview-never = कभी नहीं
staff-overview-stale = routing फ़ाइल में पुरानी कुंजी घोषित है
staff-overview-stale-heading = routing फ़ाइल पुरानी है
staff-overview-stale-lines = एक समन्वयक ने इस कतार की कुंजी बदल दी है। routing फ़ाइल (config/queues.toml) में, id = "{ $queue }" वाली [[queue]] प्रविष्टि में public_key और signature वाली पंक्तियों की जगह ये दो पंक्तियाँ लिखें, फिर सर्वर दोबारा चालू करें:
staff-config-stale = सर्वर की routing फ़ाइल (config/queues.toml) अब भी इस कतार की पिछली कुंजी घोषित करती है। ये दो पंक्तियाँ संचालक को दें: ये इस कतार की प्रविष्टि की public_key और signature वाली पंक्तियों की जगह लेंगी।

## invitations: what each is for, the open ones, revoking (issue 19, invites and members API)
staff-invite-for = किसके लिए: { $organisation } का { $role }, { $expires } तक मान्य
staff-invite-for-operator = किसके लिए: { $role } (किसी संगठन का नहीं), { $expires } तक मान्य
staff-open-invites = खुले निमंत्रण
staff-invite-by = { $name } ने बनाया
staff-invite-by-console = सर्वर के कंसोल पर बनाया गया
staff-invite-by-former = एक पूर्व सदस्य ने बनाया
staff-invite-revoke = रद्द करें
staff-invite-revoked = निमंत्रण रद्द कर दिया गया: इसका लिंक अब काम नहीं करता।
staff-invite-gone = यह निमंत्रण पहले ही इस्तेमाल या रद्द हो चुका है, या इसकी अवधि खत्म हो गई है।

## registering an organisation from the file it sent (issue 19)
staff-org-from-file-heading = भेजी गई फ़ाइल से पंजीकृत करें
staff-org-from-file-intro = संगठन ने आपको जो फ़ाइल भेजी है (send-to-operator.json, homeward org init से बनी), उसे पूरा यहाँ चिपकाएँ। उसका विवरण और सत्यापन कुंजी फ़ाइल से ली जाती है, उसकी कतारों के हस्ताक्षर जाँचे जाते हैं, और फ़ाइल में डेस्क का प्रति-हस्ताक्षर हो तो वह दर्ज होता है। फिर उसके पेज पर उसकी जाँच-परख दर्ज करें।
staff-org-from-file-label = फ़ाइल का पाठ
staff-org-from-file-button = फ़ाइल से पंजीकृत करें
error-organisation_file = यह homeward org init की लिखी फ़ाइल (send-to-operator.json) नहीं है, या रास्ते में बदली गई है और उसके हस्ताक्षर मेल नहीं खाते।
