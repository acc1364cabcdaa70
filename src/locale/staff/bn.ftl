# Homeward responder pages, Bengali. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (bn.ftl): রিপোর্ট (report), রসিদ কোড (receipt code), সম্মতি (consent),
# নিয়োগকারী (recruiter), রিপোর্টকারী (reporter). A queue is সারি; the desk organisation is কেন্দ্রীয়
# সংগঠন; the projection is উদ্ধৃতাংশ.

# Responder pages
staff-login-heading = কর্মীদের লগ ইন
staff-username = ইউজারনেম
staff-username-hint = ছোট হাতের অক্ষর, অঙ্ক, বিন্দু, ড্যাশ; ৩ থেকে ৪০ অক্ষর।
staff-password = পাসওয়ার্ড
staff-password-hint = অন্তত ১২ অক্ষর। পরস্পর সম্পর্কহীন কয়েকটি শব্দ মিলে ভালো পাসওয়ার্ড হয়।
staff-totp = আপনার অথেনটিকেটর অ্যাপের কোড
staff-login = লগ ইন করুন
staff-logout = লগ আউট করুন
staff-login-failed = ইউজারনেম, পাসওয়ার্ড বা কোড ভুল; অথবা কয়েকবার ভুল চেষ্টার পরে অ্যাকাউন্টটি পরের চেষ্টা নেওয়ার আগে কয়েক মিনিট অপেক্ষা করে।
staff-login-too-soon = অনেকবার ব্যর্থ চেষ্টা হয়েছে। কয়েক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।
staff-invite-heading = আপনার অ্যাকাউন্ট তৈরি করুন
staff-invite-intro = এই আমন্ত্রণ একবারই ব্যবহার করা যায়। একটি ইউজারনেম ও পাসওয়ার্ড বেছে নিন।
staff-invite-invalid = এই আমন্ত্রণ অজানা, ব্যবহৃত বা মেয়াদোত্তীর্ণ। নতুন আমন্ত্রণ চেয়ে নিন।
staff-enrol = অ্যাকাউন্ট তৈরি করুন
staff-enrolled-heading = আপনার অ্যাকাউন্ট প্রস্তুত
staff-enrolled-once = নিচের সবকিছু একবারই দেখানো হবে। এখনই সংরক্ষণ করুন।
staff-totp-heading = অথেনটিকেটর অ্যাপ
staff-totp-intro = এই চাবিটি আপনার অথেনটিকেটর অ্যাপে যোগ করুন (TOTP, ৬ অঙ্ক, ৩০ সেকেন্ড)। প্রতিবার লগ ইন করতে এর একটি কোড লাগবে।
staff-recovery-heading = পুনরুদ্ধার চাবি
staff-recovery-intro = পাসওয়ার্ড ভুলে গেলে শুধু এই চাবিই আপনার অ্যাকাউন্টের চাবিগুলো আবার খুলতে পারে। এটি অফলাইনে রাখুন।
staff-workspace-heading = কাজের জায়গা
staff-invite-someone = কাউকে আমন্ত্রণ জানান
staff-organisation = সংগঠন
staff-role = ভূমিকা
staff-invite-create = আমন্ত্রণ লিঙ্ক তৈরি করুন
staff-invite-created = আমন্ত্রণ লিঙ্ক (একবার দেখানো হবে, ৭২ ঘণ্টা বৈধ, একবার ব্যবহারযোগ্য):
staff-forbidden = আপনার এটি করার অনুমতি নেই।
staff-your-queues = আপনার সারিগুলো
staff-org-queues = আপনার সংগঠনের সারিগুলো
staff-key-missing = এখনো কোনো চাবি আমদানি করা হয়নি: এই সারি খোলা যাবে না।
staff-import-key = ব্যক্তিগত চাবি (homeward queue keygen থেকে)
staff-import = চাবি আমদানি করুন
staff-key-imported = চাবি আমদানি হয়েছে। যাঁদের কাছে আছে:
staff-held-after-restore = একটি ব্যাকআপ পুনরুদ্ধারের পর থেকে এই সারি কোনো রিপোর্ট নিচ্ছে না: সেই ব্যাকআপের পরে এর সদস্য বদলেছে। এর চাবি কার কাছে আছে (নিচে) দেখে নিন, তারপর নিশ্চিত করুন।
staff-confirm-membership = সদস্য যাচাই করা হয়েছে: আবার রিপোর্ট নিন
staff-grant = প্রবেশাধিকার দিন:
staff-grant-button = প্রবেশাধিকার দিন
staff-key-wrong = এটি এই সারির ব্যক্তিগত চাবি নয়।
staff-queue-heading = সারি
staff-priority = অগ্রাধিকার
staff-status = অবস্থা
staff-received = প্রাপ্তি
staff-no-entries = এই সারিতে কোনো রিপোর্ট নেই।
staff-report-heading = রিপোর্ট
staff-item-report = রিপোর্ট
staff-item-triage = অগ্রাধিকার নির্ধারণ
staff-item-projection = উদ্ধৃতাংশ (কনস্যুলেট ও পুলিশ যা দেখতে পারে)
staff-item-status = কথোপকথন
staff-assignee = দায়িত্বে
staff-unassigned = কেউ নেই
staff-mine = আমি
staff-claim = দায়িত্ব নিন
staff-release = দায়িত্ব ছাড়ুন
staff-move = অবস্থা বদলান
staff-outcome = ফলাফল (বন্ধ করার সময়)
staff-overdue = সময় পেরিয়ে গেছে
entry-status-new = নতুন
entry-status-acknowledged = প্রাপ্তি স্বীকার করা হয়েছে
entry-status-in_progress = কাজ চলছে
entry-status-waiting_for_reporter = রিপোর্টকারীর অপেক্ষায়
entry-status-referred = রেফার করা হয়েছে
entry-status-closed = বন্ধ
outcome-located = খোঁজ পাওয়া গেছে
outcome-rescued = উদ্ধার করা হয়েছে
outcome-repatriated = দেশে ফেরত পাঠানো হয়েছে
outcome-referred_on = অন্যত্র রেফার করা হয়েছে
outcome-unreachable = যোগাযোগ করা যায়নি
outcome-duplicate = একই রিপোর্ট আগে এসেছে
outcome-not_credible = বিশ্বাসযোগ্য নয়
outcome-other = অন্য
staff-item-reply = রিপোর্টকারীকে উত্তর
staff-item-note = অভ্যন্তরীণ নোট
staff-reply = রিপোর্টকারীকে লিখুন (তাঁরা তাঁদের রসিদ কোড দিয়ে এটি পড়েন)
staff-send-reply = উত্তর পাঠান
staff-note = অভ্যন্তরীণ নোট (শুধু আপনার সংগঠন দেখতে পায়)
staff-add-note = নোট যোগ করুন

## The operator's organisations
org-heading = সংগঠন
org-intro = যাচাই-বাছাইয়ে দুটি ধাপ: এখানে তা লিপিবদ্ধ করুন, তারপর কেন্দ্রীয় সংগঠনকে দিয়ে ওই সংগঠনের স্বাক্ষর চাবিতে অফলাইনে প্রতিস্বাক্ষর করান। কোনো সারি তখনই রিপোর্ট পায় যখন তার সংগঠন যাচাইকৃত, প্রতিস্বাক্ষরিত ও সক্রিয়, তার চাবিতে সংগঠনের স্বাক্ষর আছে, এবং কোনো সমন্বয়কারী তার ব্যক্তিগত চাবি আমদানি করেছেন।
org-register = সংগঠন নিবন্ধন করুন
org-register-button = নিবন্ধন করুন
org-id = আইডি
org-id-hint = ছোট হাতের অক্ষর, অঙ্ক ও ড্যাশ, config-এ সারিগুলো যেভাবে এর নাম লেখে।
org-name = নাম
org-kind = ধরন
org-kind-ngo = এনজিও
org-kind-consulate = কনস্যুলেট
org-kind-police = পুলিশ
org-country = দেশ
org-country-hint = দুই অক্ষরের ISO কোড: এনজিও বা পুলিশ যে দেশে কাজ করে, বা কনস্যুলেট যে দেশের নাগরিকদের সেবা দেয়।
org-contact = যোগাযোগ
org-contact-hint = সংগঠনের সমন্বয়কারীর সঙ্গে কীভাবে যোগাযোগ করা যায় (ঐচ্ছিক)।
org-signing-key = যাচাই চাবি
org-signing-key-hint = সংগঠনের নিজের `homeward org keygen` থেকে পাওয়া hwov1. চাবি।
org-queues = সারিগুলো
org-details = বিস্তারিত
org-save = সংরক্ষণ করুন
org-demo = নতুন ইনস্টলেশনের ডেমো সংগঠন: যাচাই করার কিছু নেই।
org-vetting = যাচাই-বাছাই
org-vetted-by = যাচাইকৃত:
org-evidence = প্রমাণ
org-evidence-hint = কে নিশ্চয়তা দিয়েছেন, কী যাচাই করা হয়েছে, রেকর্ড কোথায় আছে।
org-record-vetting = যাচাই-বাছাই লিপিবদ্ধ করুন
org-countersignature = প্রতিস্বাক্ষর
org-countersigned = কেন্দ্রীয় সংগঠনের প্রতিস্বাক্ষর মিলে গেছে।
org-countersign-intro = কেন্দ্রীয় সংগঠন এই তথ্যগুলো সংগঠনটির সঙ্গেই মিলিয়ে দেখার পর তার অফলাইন যন্ত্রে এটি চালায় এবং ফলাফল ফেরত পাঠায়:
org-countersignature-field = প্রতিস্বাক্ষর (hwsg1.)
org-add-countersignature = প্রতিস্বাক্ষর যোগ করুন
org-suspension = স্থগিতাদেশ
org-suspended = স্থগিত: এর সারিগুলো কিছুই পায় না।
org-suspend = স্থগিত করুন
org-reinstate = পুনর্বহাল করুন
org-first-coordinator = সমন্বয়কারী
org-invite-coordinator = সমন্বয়কারীর জন্য আমন্ত্রণ তৈরি করুন
staff-organisations-link = সংগঠন
hold-none = রিপোর্ট নিচ্ছে
hold-unregistered = অপারেটর নিবন্ধন করেননি
hold-not-vetted = যাচাই-বাছাই লিপিবদ্ধ হয়নি
hold-not-countersigned = কেন্দ্রীয় সংগঠনের বৈধ প্রতিস্বাক্ষর নেই
hold-suspended = স্থগিত
hold-wrong-organisation = সারির ধরন তার সংগঠনের সঙ্গে মেলে না
hold-key-unsigned = সারির চাবিতে সংগঠনের স্বাক্ষর নেই
hold-key-not-imported = কোনো সমন্বয়কারী সারির ব্যক্তিগত চাবি আমদানি করেননি
hold-held-after-restore = পুনরুদ্ধার করা ব্যাকআপের পর থেকে এর সদস্য বদলেছে: একজন সমন্বয়কারীকে তা নিশ্চিত করতে হবে

## Members and key rotation
staff-members = সদস্য
staff-remove-member = সরান
staff-member-removed = সদস্য সরানো হয়েছে: তাঁর সেশন ও চাবির কপিগুলো মুছে গেছে।
staff-member-removed-rotate = সদস্য সরানো হয়েছে: তাঁর সেশন ও চাবির কপিগুলো মুছে গেছে। এগুলোর জন্য নতুন চাবি-জোড়া আমদানি করুন:
staff-rotation-due = চাবি বদলানোর সময় হয়েছে: এই চাবি রাখা একজন সদস্য চলে গেছেন। অফলাইনে নতুন স্বাক্ষরিত জোড়া তৈরি করুন (homeward queue keygen) এবং আমদানি করুন।
staff-rotate = চাবি বদলান
staff-rotate-key = নতুন ব্যক্তিগত চাবি (homeward queue keygen থেকে)
staff-rotate-signature = এর স্বাক্ষর (hwsg1., সর্বজনীন চাবির পাশে ছাপা)
staff-rotate-button = নতুন চাবিতে যান
staff-rotate-key-wrong = এটি এই সারির নতুন ব্যক্তিগত চাবি নয়।
staff-rotate-signature-wrong = এই স্বাক্ষরটি এই নতুন চাবিতে আপনার সংগঠনের স্বাক্ষর নয়।
staff-resealing = কিছু রিপোর্ট এখনো এই সারির আগের চাবিতে এনক্রিপ্ট করা আছে।
staff-reseal = আবার এনক্রিপ্ট করা শেষ করুন
staff-queue-changes = সার্ভারের config-এ আপনার সারিগুলোর পরিবর্তন
staff-queue_declared = ঘোষিত
staff-queue_changed = পরিবর্তিত (সংগঠন, ধরন, চাবি বা শর্ত)
staff-queue_withdrawn = প্রত্যাহৃত

## Passwords and getting back in
staff-password-heading = আপনার পাসওয়ার্ড বদলান
staff-password-current = বর্তমান পাসওয়ার্ড
staff-password-new = নতুন পাসওয়ার্ড
staff-password-change = পাসওয়ার্ড বদলান
staff-password-changed = আপনার পাসওয়ার্ড বদলানো হয়েছে। আপনার অন্য সেশনগুলো শেষ হয়ে গেছে।
staff-recover-link = পাসওয়ার্ড ভুলে গেছেন? আপনার পুনরুদ্ধার চাবি ব্যবহার করুন।
staff-recover-heading = পুনরুদ্ধার চাবি দিয়ে আবার ঢুকুন
staff-recover-intro = আপনার পুনরুদ্ধার চাবি আপনার অ্যাকাউন্টের চাবিগুলো আবার খোলে। আপনি নতুন পাসওয়ার্ড বেছে নেবেন এবং অথেনটিকেটর অ্যাপ আবার সেট করবেন; আপনি নতুন পুনরুদ্ধার চাবি পাবেন।
staff-recover-button = আমার পাসওয়ার্ড রিসেট করুন
staff-reset-heading = নতুন করে শুরু
staff-reset-intro = আপনার পাসওয়ার্ড ও পুনরুদ্ধার চাবি হারিয়ে যাওয়ায় আপনার সমন্বয়কারী এই লিঙ্ক তৈরি করেছেন। আপনার অ্যাকাউন্ট নতুন চাবি পাবে; তারপর আপনার সমন্বয়কারী আপনাকে আবার আপনার সারিগুলোতে প্রবেশাধিকার দেবেন।
staff-reset-button = আমার নতুন পাসওয়ার্ড সেট করুন
staff-reset-member = রিসেট লিঙ্ক

## Referral
staff-refer-to = সারিতে রেফার করুন
staff-refer-reason = কেন
staff-refer-hint = রিপোর্টটি যে এনজিও সারিগুলোর কাছে আছে তারা এটি দেখে (গ্রহণকারী সারিও, যদি সেটি এনজিও হয়), কনস্যুলেট বা পুলিশ কখনো দেখে না।
staff-refer = রেফার করুন
staff-item-referral = রেফারেল
referral-not-receiving = ওই সারি এখন রিপোর্ট নিচ্ছে না।
referral-already-held = এই রিপোর্ট ওই সারির কাছে আগে থেকেই আছে।
referral-no-consent = রিপোর্টকারী এতে সম্মতি দেননি। এটি এড়িয়ে যাওয়ার কোনো উপায় নেই।
referral-needs-more = এই এন্ট্রিতে শুধু উদ্ধৃতাংশ আছে: এটি শুধু কনস্যুলেট বা পুলিশের কাছে রেফার করা যায়।
referral-wrong-country = কনস্যুলেট শুধু নিজ দেশের নাগরিকদের রিপোর্ট নেয়, আর পুলিশ শুধু নিজ দেশ থেকে আসা রিপোর্ট।
referral-old-projection = এই রিপোর্টের প্রতিটি উদ্ধৃতাংশ তৈরি হয়েছিল কনস্যুলেট বা পুলিশ কী দেখতে পারে তা সীমিত করার আগে, এবং তাতে যোগাযোগের তথ্য থাকতে পারে: আগে উদ্ধৃতাংশের নতুন সংস্করণ প্রকাশ করুন।
referral-not-possible = এই রিপোর্ট ওই সারিতে রেফার করা যাবে না।
referral-no-reason = কারণ লিখুন।

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: সারি { $queue }-এ { $count ->
    [one] { $count }টি জরুরি রিপোর্ট
   *[other] { $count }টি জরুরি রিপোর্ট
} কেউ দায়িত্ব না নেওয়ায় প্রাপ্তি স্বীকারের লক্ষ্য-সময় পেরিয়ে অপেক্ষায় আছে।
staff-projection-issue = উদ্ধৃতাংশের নতুন সংস্করণ প্রকাশ করুন
staff-projection-json = উদ্ধৃতাংশ (কনস্যুলেট ও পুলিশ যা দেখতে পারে), JSON হিসেবে
staff-projection-hint = রিপোর্টের ব্যক্তি, কাগজপত্র, অবস্থান ও চাওয়ার ঘরগুলোই। এটি পরের সংস্করণ হিসেবে সেই প্রতিটি সারির জন্য এনক্রিপ্ট করা হয় যাদের কাছে এই রিপোর্ট আছে এবং যারা এটি দেখতে পারে।
staff-projection-button = এই সংস্করণ প্রকাশ করুন
staff-item-addition = রিপোর্টকারীর কাছ থেকে
staff-item-contact = রিপোর্টকারী এখন কীভাবে যোগাযোগ চান
staff-item-consent = রিপোর্টকারী তাঁর সম্মতি বদলেছেন
staff-item-withdrawal = রিপোর্টকারী রিপোর্ট প্রত্যাহার করেছেন
staff-item-attachment = রিপোর্টকারীর পাঠানো ফাইল
staff-new = নতুন
staff-unread = এই সারি শেষবার রিপোর্ট খোলার পর রিপোর্টকারী পাঠিয়েছেন
staff-withdrawn = রিপোর্টকারী { $at }-এ প্রত্যাহার করেছেন · এর চাবি { $destroyed }-এর পরে নষ্ট করা হবে
staff-consent-closed = { $at }-এ রিপোর্টকারী সেই সম্মতি প্রত্যাহার করেছেন যার বলে এই সারি রিপোর্টটি পেত। এই সারি শুধু আগে যা খুলেছিল তা-ই দেখে, এবং রিপোর্টটি নিয়ে আর কিছু করতে পারে না।
staff-closure-pending = { $queue }: রিপোর্টকারী { $at }-এ এই সারির সম্মতি প্রত্যাহার করেছেন · এটি যা কখনো খোলেনি তা { $destroyed }-এর পরে নষ্ট করা হবে
staff-closure-destroyed = { $queue }: রিপোর্টকারী { $at }-এ এই সারির সম্মতি প্রত্যাহার করেছেন · এটি যা কখনো খোলেনি তা { $destroyed }-এ নষ্ট করা হয়েছে
staff-entry-consent-closed = বন্ধ: সম্মতি প্রত্যাহার করা হয়েছে
staff-download = ফাইল ডাউনলোড করুন (মেটাডেটা মুছে ফেলা)
staff-zawgyi-shown = Zawgyi-তে টাইপ করা, Unicode-এ দেখানো
staff-zawgyi-as-sent = রিপোর্টকারী যেভাবে পাঠিয়েছেন
field-media_type = ধরন
field-size = আকার (বাইট)
field-location_used = এর অবস্থান সূত্র হিসেবে ব্যবহার করা হয়েছে
field-malformed = ডিভাইসে এনক্রিপ্ট করা এবং ত্রুটিপূর্ণ: এই ঘরগুলো রিপোর্টের নিয়ম ভাঙে
field-sealed_on_device = রিপোর্টকারীর ডিভাইসে এনক্রিপ্ট করা

## Field errors of the responder forms
error-invalid_username = ৩ থেকে ৪০টি ছোট হাতের অক্ষর, অঙ্ক, বিন্দু বা ড্যাশ ব্যবহার করুন।
error-username_taken = এই ইউজারনেম আগেই নেওয়া হয়েছে।
error-password_short = অন্তত ১২ অক্ষর ব্যবহার করুন।
error-password_common = এই পাসওয়ার্ড খুব সাধারণ বা খুব সহজে অনুমান করা যায়।
error-invalid_slug = ছোট হাতের অক্ষর, অঙ্ক ও ড্যাশ ব্যবহার করুন।
error-invalid_signing_key = এটি hwov1. যাচাই চাবি নয়।
error-organisation_exists = এই আইডির একটি সংগঠন আগেই নিবন্ধিত।
error-invalid_signature = এটি hwsg1. স্বাক্ষর নয়।
error-no_desk_signing_key = কেন্দ্রীয় সংগঠনের কোনো স্বাক্ষর চাবি কনফিগার করা নেই, তাই কিছুতেই প্রতিস্বাক্ষর করা যাবে না।
error-countersignature_mismatch = এই প্রতিস্বাক্ষর কেন্দ্রীয় সংগঠনের চাবি এবং এই সংগঠনের আইডি, ধরন, দেশ ও চাবির সঙ্গে মেলে না।
error-password_wrong = এটি আপনার বর্তমান পাসওয়ার্ড নয়।
error-recovery_wrong = এই ইউজারনেম আর পুনরুদ্ধার চাবি একসঙ্গে মেলে না।

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = আপনার সংগঠন এখনো এই অ্যাকাউন্ট প্রত্যয়ন করেনি। আপনার কাছে যে সারিগুলো আছে সেগুলো থাকবে, কিন্তু কোনো প্রত্যয়িত সমন্বয়কারী আপনাকে প্রত্যয়ন না করা পর্যন্ত, বা আপনার সংগঠন তার স্বাক্ষর চাবি দিয়ে তা না করা পর্যন্ত, কোনো নতুন সারি-চাবি আপনার জন্য এনক্রিপ্ট করা হবে না।
staff-certify-command = আপনার সংগঠনের একজন প্রত্যয়িত সমন্বয়কারী আপনাকে প্রত্যয়ন করেন: আপনার পরিচয়ের ফিঙ্গারপ্রিন্ট (এই পাতার নিচে) তাঁকে সামনাসামনি বা ফোনে পড়ে শোনান। আপনি যদি সংগঠনের প্রথম সমন্বয়কারী হন, তাহলে এর বদলে সংগঠনের অফলাইন যন্ত্রে এটি চালান এবং যে স্বাক্ষর ছাপা হয় তা নিচে পেস্ট করুন; আপনার বিশ্বস্ত দ্বিতীয় কোনো ডিভাইসে যাচাই করুন যে পরিচয় চাবিটি এই পাতার সঙ্গে মেলে।
staff-certificate = আপনার সংগঠনের স্বাক্ষর (hwsg1.)
staff-certificate-button = আমার অ্যাকাউন্ট প্রত্যয়ন করুন
staff-certified-self = আপনার অ্যাকাউন্ট এখন আপনার সংগঠনের স্বাক্ষর চাবি দিয়ে প্রত্যয়িত।
staff-certificate-wrong = এটি এই অ্যাকাউন্টে আপনার সংগঠনের স্বাক্ষর নয়, অথবা আপনার সংগঠন এখনো বৈধ অবস্থায় নেই।
staff-member-certified = প্রত্যয়িত
staff-certify-member = প্রত্যয়ন করুন
staff-member-certified-done = সদস্য প্রত্যয়িত: এখন আপনি তাঁকে সারি দিতে পারেন।
staff-uncertified-refused = প্রত্যাখ্যাত: ওই অ্যাকাউন্টের সদস্যপদ আপনার সংগঠন প্রত্যয়ন করেনি (এর স্বাক্ষরের শৃঙ্খল আপনার সংগঠনের চাবি পর্যন্ত পৌঁছায় না)।
staff-gap-no-member = সদস্য নন
staff-gap-no-identity = প্রত্যয়িত নয়: পরিচয় চাবি চালু হওয়ার পর থেকে লগ ইন করেননি
staff-gap-key-not-bound = প্রত্যয়িত নয়: এর পরিচয় চাবি এর এনক্রিপশন চাবিকে অন্তর্ভুক্ত করে না
staff-gap-not-certified = প্রত্যয়িত নয়
staff-gap-broken-chain = প্রত্যয়িত নয়: এর স্বাক্ষরের শৃঙ্খল যাচাই হয় না (যিনি প্রত্যয়ন করেছিলেন তিনি চলে গেছেন বা রিসেট হয়েছেন, অথবা রেকর্ড বদলানো হয়েছে: এটি অপ্রত্যাশিত হলে আপনার সংগঠনকে জানান)
staff-gap-organisation = প্রত্যয়িত নয়: সংগঠনটি বৈধ অবস্থায় নেই (স্থগিত বা প্রতিস্বাক্ষরহীন)
staff-operator-recovered = অপারেটরের প্রবেশাধিকার { $at }-এ সার্ভারের কনসোলে (homeward admin recover-operator) পুনরুদ্ধার করা হয়েছে।
staff-operator-uncountersigned = কেন্দ্রীয় সংগঠন এখনো এই অপারেটর অ্যাকাউন্টে প্রতিস্বাক্ষর করেনি, তাই এটি অপারেটর হিসেবে কিছুই করতে পারে না। অপারেটররা একে অপরকে তৈরি করতে পারেন না: কেন্দ্রীয় সংগঠন নিচের কমান্ডটি তার অফলাইন যন্ত্রে চালায়, আর আপনি যে স্বাক্ষর ছাপা হয় তা পেস্ট করেন।
staff-operator-command = কেন্দ্রীয় সংগঠনের অফলাইন যন্ত্রে, তার স্বাক্ষর চাবি দিয়ে:
staff-audit-head = অডিট লগের শীর্ষ (এন্ট্রি, MAC): এটি এই সার্ভারের বাইরে কোথাও লিখে রাখুন; পরে লগ নতুন করে লেখা হলেও তা এটিকে ছুঁতে পারবে না।
staff-your-fingerprint = আপনার পরিচয়ের ফিঙ্গারপ্রিন্ট (যিনি আপনাকে প্রত্যয়ন করবেন তাঁকে সামনাসামনি বা ফোনে পড়ে শোনান):
staff-fingerprint-of = তাঁর পরিচয়ের ফিঙ্গারপ্রিন্ট, তাঁর নিজের কাজের জায়গা থেকে তিনি যেভাবে আপনাকে পড়ে শুনিয়েছেন
staff-fingerprint-wrong = প্রত্যাখ্যাত: এই ফিঙ্গারপ্রিন্ট এই সদস্যের জন্য সার্ভারে রাখা ফিঙ্গারপ্রিন্ট নয়। তাঁকে তাঁর নিজের কাজের জায়গা থেকে আবার পড়তে বলুন; তবুও না মিললে তাঁর অ্যাকাউন্টে কেউ হাত দিয়ে থাকতে পারে: আপনার সংগঠনকে জানান।
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = বাতিল: কিছু না বদলে ফিরে যান
staff-confirm-remove-heading = সদস্য { $name }-কে সরাবেন?
staff-confirm-remove-consequence = তাঁর সেশন এবং প্রতিটি সারি-চাবির তাঁর কপি সঙ্গে সঙ্গে মুছে যাবে এবং ফেরত আনা যাবে না; তাঁর প্রতিটি সারিতে "চাবি বদলানোর সময় হয়েছে" চিহ্ন থাকবে যতক্ষণ না কোনো সমন্বয়কারী নতুন চাবি-জোড়া আমদানি করেন।
staff-confirm-remove = হ্যাঁ, এই সদস্যকে সরান
staff-confirm-suspend-heading = সংগঠন { $name } স্থগিত করবেন?
staff-confirm-suspend-consequence = পুনর্বহাল না হওয়া পর্যন্ত এর সারিগুলো নতুন রিপোর্ট পাবে না, এর সদস্যরা তাঁদের কাছে থাকা রিপোর্ট খুলতে বা তাতে কাজ করতে পারবেন না, এবং এদের কাছে রেফারেল প্রত্যাখ্যাত হবে।
staff-confirm-suspend = হ্যাঁ, এই সংগঠন স্থগিত করুন
staff-desk-key-changed = কেন্দ্রীয় সংগঠনের চাবি, যার সঙ্গে প্রতিটি সংগঠন ও প্রতিটি সদস্যের সনদ মিলিয়ে দেখা হয়, { $at }-এ বদলেছে (এখন { $fingerprint })। কেন্দ্রীয় সংগঠন আপনার সংগঠনকে তা না জানিয়ে থাকলে, কাউকে প্রত্যয়ন করা বা চাবি আমদানি করার আগে তাদের জিজ্ঞেস করুন।
staff-desk-key = কেন্দ্রীয় সংগঠনের চাবি (ফিঙ্গারপ্রিন্ট): কেন্দ্রীয় সংগঠন আপনার সংগঠনকে যেটি দিয়েছিল তার সঙ্গে মিলিয়ে দেখুন।
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = সোর্স কোড (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = আপনার ভাষা ও সময় অঞ্চল
staff-settings-language = আপনার পাতাগুলোর ভাষা
staff-settings-language-browser = ব্রাউজারের ভাষা
staff-settings-zone = সময় অঞ্চল
staff-settings-zone-hint = আপনার পাতার তারিখ ও সময় এই অঞ্চলে, UTC থেকে পার্থক্যসহ দেখানো হয়।
staff-settings-save = সংরক্ষণ করুন
staff-settings-saved = সংরক্ষিত হয়েছে। আপনার পাতাগুলো এখন এই ভাষা ও সময় অঞ্চল ব্যবহার করে।
error-language_unknown = তালিকা থেকে একটি ভাষা বেছে নিন।
error-zone_unknown = তালিকা থেকে একটি সময় অঞ্চল বেছে নিন।
date-time-zoned = { $day }/{ $month }/{ $year }, { $hour }:{ $minute } ({ $offset })
## The queue list: filters, pages, summaries, last activity
staff-priority-critical = জরুরি
staff-priority-high = উচ্চ
staff-priority-normal = সাধারণ
staff-filter-heading = দেখান
staff-filter-any = সব
staff-filter-claim = দায়িত্বে
staff-filter-claim-mine = আমি
staff-filter-claim-unclaimed = কেউ নেই
staff-filter-overdue = শুধু যেগুলোর সময় পেরিয়ে গেছে
staff-filter-unread = শুধু যেগুলোতে রিপোর্টকারীর কাছ থেকে নতুন কিছু আছে
staff-filter-apply = দেখান
staff-filter-clear = সব দেখান
staff-filter-none = আপনি যা বেছে নিয়েছেন তার সঙ্গে এই সারির কোনো রিপোর্ট মেলে না।
staff-page-previous = আগের পাতা
staff-page-next = পরের পাতা
staff-page-number = পাতা { $n }
staff-listed-note = এই তালিকা দেখালে এতে থাকা রিপোর্টগুলোর সারসংক্ষেপ খোলা হয়; তা অডিট লগে লেখা থাকে।
staff-summary-none = এখনো কোনো সারসংক্ষেপ নেই: কোনো এনজিও সারির কেউ প্রথমবার রিপোর্টটি খুললে এটি তৈরি হয়।
staff-summary-age = { $age } বছর বয়স
staff-summary-others = { $n ->
    [one] তাঁদের সঙ্গে আরও { $n } জনকে আটকে রাখা হয়েছে
   *[other] তাঁদের সঙ্গে আরও { $n } জনকে আটকে রাখা হয়েছে
}
staff-reported-by-self = ব্যক্তি নিজেই রিপোর্ট করেছেন
staff-reported-by-family = পরিবার রিপোর্ট করেছে
staff-reported-by-friend = একজন বন্ধু রিপোর্ট করেছেন
staff-reported-by-colleague = একজন সহকর্মী রিপোর্ট করেছেন
staff-reported-by-other = অন্য কেউ রিপোর্ট করেছেন
staff-ago-hour = গত এক ঘণ্টার মধ্যে
staff-ago-hours = { $n ->
    [one] { $n } ঘণ্টা আগে
   *[other] { $n } ঘণ্টা আগে
}
staff-ago-days = { $n ->
    [one] { $n } দিন আগে
   *[other] { $n } দিন আগে
}
staff-activity-report = { $ago } পাওয়া গেছে
staff-activity-addition = রিপোর্টকারী { $ago } লিখেছেন
staff-activity-contact = রিপোর্টকারী { $ago } যোগাযোগের নতুন উপায় দিয়েছেন
staff-activity-consent = রিপোর্টকারী { $ago } একটি সম্মতি বদলেছেন
staff-activity-attachment = রিপোর্টকারী { $ago } একটি ফাইল পাঠিয়েছেন
staff-activity-withdrawal = রিপোর্টকারী { $ago } রিপোর্ট প্রত্যাহার করেছেন
staff-activity-reply = { $ago } উত্তর পাঠানো হয়েছে
staff-activity-note = { $ago } নোট লেখা হয়েছে
staff-activity-referral = { $ago } রেফার করা হয়েছে
staff-claimed-by = দায়িত্বে { $name }
staff-select-report = রিপোর্ট { $id } বেছে নিন
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = মূল বিষয়বস্তুতে যান
## Clearing a flood of fake reports: a wave closed as not genuine, destroyed early by the desk
outcome-not_genuine = আসল নয় (ভুয়া রিপোর্ট)
staff-selection-heading = এই বাছাই ব্যবহার করা যাবে না
staff-selection-empty = কিছুই বাছাই করা হয়নি: আগে রিপোর্টগুলোতে টিক দিন।
staff-selection-too-many = একসঙ্গে অনেক বেশি রিপোর্ট বাছাই করা হয়েছে: সর্বোচ্চ ২০০টি।
staff-selection-not-an-id = পাঠানোর সময় বাছাইটি নষ্ট হয়ে গেছে (একটি মান রিপোর্টের আইডি নয়)। তালিকায় ফিরে গিয়ে আবার বাছাই করুন।
staff-selection-back = তালিকায় ফিরে যান
staff-wave-select = বাছাই
staff-wave-button = বাছাই করা রিপোর্টগুলো আসল নয় হিসেবে বন্ধ করুন
staff-wave-heading = সারি { $queue }-এর এই রিপোর্টগুলো আসল নয় হিসেবে বন্ধ করবেন? ({ $count })
staff-wave-consequence = নিচের প্রতিটি এন্ট্রি এই সারিতে "আসল নয়" ফলাফলসহ বন্ধ করা হবে, একটিমাত্র কাজে, যা অডিট লগে একটি এন্ট্রি হিসেবে লেখা হবে। এই রিপোর্টগুলো রাখা অন্য সারিগুলো নিজেদের এন্ট্রি রাখে। কোনো রিপোর্ট রাখা প্রতিটি সারি সেটিকে আসল নয় হিসেবে বন্ধ করলে কেন্দ্রীয় সংগঠনের সমন্বয়কারীরা সেটি আগেভাগে নষ্ট করতে পারেন।
staff-wave-none = বাছাই করা কোনো রিপোর্ট এখানে বন্ধ করা যাবে না: সেগুলো আগেই বন্ধ, অথবা সম্মতি প্রত্যাহারের কারণে বন্ধ হয়েছে।
staff-wave-kept = যেমন ছিল তেমন রাখা হয়েছে (আগেই বন্ধ, অথবা সম্মতি প্রত্যাহারের কারণে বন্ধ, অথবা কোনো সহকর্মীর নেওয়া): { $count }টি।
staff-wave-confirm = হ্যাঁ, আসল নয় হিসেবে বন্ধ করুন
staff-wave-not-in-queue = এই সারিতে নেই (এর মধ্যে নষ্ট হয়েছে, অথবা কখনো এখানে ছিল না): বাছাই করা রিপোর্টের মধ্যে { $count }টি। তালিকায় ফিরে গিয়ে আবার বাছাই করুন।
staff-wave-done = আসল নয় হিসেবে বন্ধ করা হয়েছে: { $count }টি।
staff-early-link = সব সারি যেগুলো আসল নয় হিসেবে বন্ধ করেছে সেই রিপোর্ট (আগেভাগে নষ্ট করুন)
staff-early-heading = সব সারি যেগুলো আসল নয় হিসেবে বন্ধ করেছে সেই রিপোর্ট
staff-early-intro = এই রিপোর্টগুলো রাখা প্রতিটি সারি এগুলোকে আসল নয় হিসেবে বন্ধ করেছে। কেন্দ্রীয় সংগঠনের সমন্বয়কারী হিসেবে আপনি সংরক্ষণের মেয়াদ শেষ হওয়ার অপেক্ষা না করে এখনই এগুলো নষ্ট করতে পারেন; এতে এগুলোর রসিদ কোড আসল রিপোর্টের জন্য খালি হয়। যে রিপোর্ট কোনো সারিতে এখনো খোলা, অথবা সেখানে অন্য ফলাফলসহ বন্ধ, তা এই তালিকায় নেই।
staff-early-none = আগেভাগে নষ্ট করার জন্য আপনার সামনে কোনো রিপোর্ট নেই।
staff-early-nothing = বাছাই করা রিপোর্টের কোনোটিই আর আপনার হাতে আগেভাগে নষ্ট করার উপযুক্ত নয়: কিছুই নষ্ট হবে না।
staff-early-select = রিপোর্ট (বাছাই)
staff-early-report = রিপোর্ট
staff-early-received = প্রাপ্তি
staff-early-holders = যে সারিগুলো এটি রাখে
staff-early-closed = শেষ বন্ধ
staff-early-button = বাছাই করা রিপোর্টগুলো নষ্ট করুন
staff-early-confirm-heading = এই রিপোর্টগুলো এখনই নষ্ট করবেন? ({ $count })
staff-early-consequence = এগুলো চিরতরে নষ্ট হবে: প্রতিটি চাবি, প্রতিটি ফাইল ও কথোপকথন মুছে যাবে, এবং এগুলোর রসিদ কোড দিয়ে আর কিছুই খোলা যাবে না। ব্যাকআপের মেয়াদ শেষ না হওয়া পর্যন্ত ব্যাকআপে এগুলো থেকে যায়। এই নষ্ট করা অডিট লগে একটি এন্ট্রি হিসেবে লেখা হয়।
staff-early-kept = রাখা হয়েছে, কারণ এগুলো আপনার হাতে আগেভাগে নষ্ট করার উপযুক্ত নয় (আবার খোলা হয়েছে, খুব সম্প্রতি বন্ধ হয়েছে, অথবা আপনি নিজে বন্ধ করেছেন), অথবা এগুলো আর নেই: { $count }টি।
staff-early-confirm = হ্যাঁ, চিরতরে নষ্ট করুন
staff-early-done = নষ্ট করা হয়েছে: { $count }টি।
staff-early-rules = কোনো রিপোর্ট এই তালিকায় আসে শুধু তখনই, যখন সেটি রাখা প্রতিটি সারি অন্তত { $hours } ঘণ্টা ধরে সেটিকে আসল নয় হিসেবে বন্ধ রেখেছে, এবং শুধু এমন সমন্বয়কারীর জন্য যিনি এর কোনো এন্ট্রি নিজে বন্ধ করেননি: একটি রিপোর্ট নষ্ট করতে দুজন মানুষ লাগে। ততক্ষণ ওই সারিগুলোর যেকোনো সদস্য এটি আবার খুলতে পারেন। বন্ধ হওয়ার পর যে রিপোর্টের রিপোর্টকারী আবার লিখেছেন, তা চিহ্নিত থাকে: টিক দেওয়ার আগে সেটি খুলে তিনি কী লিখেছেন পড়ুন। আপনার হয়ে কিছুই বাছাই করা নেই: যে রিপোর্ট নষ্ট করতে চান, প্রতিটিতে নিজে টিক দিন।
staff-early-irreversible = এটি আর ফেরানো যাবে না।
staff-early-no-key = ডেস্ক সারির চাবির কোনো কপি আপনার কাছে নেই, তাই এই রিপোর্টগুলোতে কী আছে আপনি দেখতে পারবেন না, এবং এগুলো নষ্টও করতে পারবেন না: শুধু চাবি রাখা ডেস্কের কোনো সমন্বয়কারী তা পারেন।
staff-early-place = কোথায়
staff-early-person = কে
staff-early-reasons = প্রধান কারণ
## hotline: filing on a caller's behalf
field-channel = রিপোর্ট কীভাবে এসেছে (online: রিপোর্টকারীর কাছ থেকে; phoned: হেল্পলাইন কর্মী ফোনকারীর জন্য জমা দিয়েছেন)
staff-hotline-link = ফোনকারীর জন্য রিপোর্ট জমা দিন (হেল্পলাইন)
staff-hotline-heading = ফোনকারীর জন্য রিপোর্ট জমা দিন
staff-hotline-intro = ফোনকারীকে প্রতিটি প্রশ্ন তাঁর ভাষায় জিজ্ঞেস করুন এবং তিনি যেভাবে উত্তর দেন ঠিক সেভাবেই টাইপ করুন। তাঁর কথায় কিছু যোগ করবেন না বা বদলাবেন না।
staff-hotline-caller-language = ফোনকারীর ভাষা
staff-hotline-caller-language-button = ফর্মটি এই ভাষায় দেখান
staff-hotline-errors = কিছু উত্তর ঠিক করতে হবে: প্রতিটি সমস্যা তার ঘরের পাশে দেখানো হয়েছে। যা টাইপ করা হয়েছিল তা হারায়নি।
staff-hotline-consents-note = ফোনকারী হ্যাঁ না বলা পর্যন্ত প্রতিটি সম্মতি টিক ছাড়া থাকে। প্রতিটি তাঁকে পড়ে শোনান এবং শুধু যেগুলোতে তিনি রাজি সেগুলোই টিক দিন।
staff-hotline-submit = রিপোর্ট জমা দিন
staff-hotline-filed-heading = রিপোর্ট জমা হয়েছে
staff-hotline-read-code = এই রসিদ কোডটি এখনই ফোনকারীকে পড়ে শোনান, ধীরে ধীরে, এক এক দল করে, এবং তাঁকে আবার পড়ে শোনাতে বলুন। এটি শুধু এই একবারই দেখানো হয় এবং কোথাও রাখা হয় না।
staff-hotline-code-once = কোডের ওপরের কথাগুলোও তাঁকে পড়ে শোনান। কোডটি নিজে কোথাও লিখে রাখবেন না। ফোনকারীকে বলুন যে আপনি কোডটি শুনেছেন, তাই আপনিও তাঁর কাছে পাঠানো উত্তরগুলো পড়তে পারেন: তিনি নিজে আবার জমা দিয়ে এমন একটি কোড পেতে পারেন যা আর কেউ জানে না।
staff-hotline-another = আরেকটি রিপোর্ট জমা দিন
staff-hotline-member = হেল্পলাইন কর্মী
staff-hotline-grant = তাঁকে ফোনকারীদের জন্য জমা দিতে দিন (হেল্পলাইন)
staff-hotline-revoke = হেল্পলাইন থেকে জমা দেওয়া বন্ধ করুন
staff-hotline-granted = এখন তিনি ফোনকারীদের জন্য রিপোর্ট জমা দিতে পারেন।
staff-hotline-revoked = তিনি আর ফোনকারীদের জন্য রিপোর্ট জমা দিতে পারেন না।
staff-hotline-refused = প্রত্যাখ্যাত: শুধু কোনো বেসরকারি সংগঠনের প্রত্যয়িত সমন্বয়কই নিজের সংগঠনের সদস্যদের ফোনকারীদের জন্য জমা দিতে দিতে পারেন, আর কনস্যুলেট বা পুলিশে কখনোই নয়।
staff-hotline-not-granted = আপনি ফোনকারীদের জন্য রিপোর্ট জমা দিতে পারেন না: আগে আপনার সংগঠনের একজন সমন্বয়ককে অনুমতি দিতে হবে (শুধু বেসরকারি সংগঠনেরই হেল্পলাইন কর্মী থাকে)।

## case file
staff-casefile-narrative = কী ঘটেছে, রিপোর্টকারীর নিজের ভাষায়
staff-casefile-more = এই অংশে আরও যা আছে
staff-field-coordinates = স্থানাঙ্ক
staff-field-language = রিপোর্টকারী যে ভাষায় লিখেছেন
staff-osm-link = এই স্থানাঙ্কগুলো OpenStreetMap-এ খুলুন (অন্য একটি সাইট: লিংক খুললে সাইটটি এই জায়গাটি জেনে যায়)
staff-yes = হ্যাঁ
staff-no = না
staff-triage-explained = { $priority }: { $reasons }
staff-triage-none = { $priority }: কোনো লক্ষণ বাছাই করা হয়নি
staff-actions = আপনি যা করতে পারেন
staff-files = রিপোর্টকারীর পাঠানো ফাইল
staff-file-photo = ছবি { $n }
staff-file-pdf = PDF নথি { $n }
staff-file-size = { $kb } KB
staff-file-preview = সার্ভারের তৈরি ছোট প্রিভিউ
staff-done-claimed = আপনি এই রিপোর্টের দায়িত্ব নিয়েছেন। এটি এখন আপনার দায়িত্বে।
staff-done-released = আপনি এই রিপোর্টের দায়িত্ব ছেড়েছেন। এখন এটি কারও দায়িত্বে নেই।
staff-done-moved = অবস্থা বদলানো হয়েছে।
staff-done-replied = আপনার উত্তর পাঠানো হয়েছে। রিপোর্টকারী তাঁর রসিদ কোড দিয়ে এটি পড়েন।
staff-done-noted = আপনার নোট যোগ হয়েছে। শুধু আপনার সংস্থা এটি দেখে।
staff-done-referred = রিপোর্টটি রেফার করা হয়েছে। গ্রহণকারী সারি এখন এটি ধরে রেখেছে।
staff-done-projection = উদ্ধৃতাংশের নতুন সংস্করণ প্রকাশ করা হয়েছে।
staff-timeline = সময়রেখা
staff-tl-text = বার্তা
staff-tl-hour = { $at } থেকে শুরু হওয়া ঘণ্টার মধ্যে (সার্ভার শুধু ঘণ্টা পর্যন্ত রাখে)
staff-tl-someone = একজন প্রাক্তন সদস্য
staff-tl-received = রিপোর্ট পাওয়া গেছে
staff-tl-triage = অগ্রাধিকার নির্ধারণ: { $triage }
staff-tl-projection = রিপোর্ট পাওয়ার সময় তৈরি উদ্ধৃতাংশ
staff-tl-projection-by = উদ্ধৃতাংশের সংস্করণ { $version }, প্রকাশ করেছেন { $name }
staff-tl-reply = রিপোর্টকারীকে উত্তর, লিখেছে { $organisation }
staff-tl-reply-unknown = রিপোর্টকারীকে উত্তর
staff-tl-note = { $name }-এর অভ্যন্তরীণ নোট
staff-tl-internal = শুধু আপনার সংস্থা এটি দেখে।
staff-tl-referral = { $name } { $from } থেকে { $to }-তে রেফার করেছেন
staff-tl-addition = রিপোর্টকারী তথ্য যোগ করেছেন
staff-tl-contact = রিপোর্টকারী যোগাযোগের উপায় বদলেছেন
staff-tl-consent-given = রিপোর্টকারী অনুমতি দিয়েছেন: { $consent }
staff-tl-consent-withdrawn = রিপোর্টকারী অনুমতি প্রত্যাহার করেছেন: { $consent }
staff-tl-file = রিপোর্টকারী একটি ফাইল পাঠিয়েছেন: { $name }
staff-tl-withdrawal = রিপোর্টকারী রিপোর্ট প্রত্যাহার করেছেন
staff-tl-claimed = { $name } রিপোর্টের দায়িত্ব নিয়েছেন
staff-tl-released = { $name } রিপোর্টের দায়িত্ব ছেড়েছেন
staff-tl-moved = { $name } অবস্থা বদলে { $status } করেছেন
## the case file: a report hotline staff filed
staff-filed-by-hotline = হেল্পলাইন কর্মী ফোনকারীর জন্য জমা দিয়েছেন
staff-hotline-already-filed = এই কলারের রিপোর্ট আগেই পাঠানো হয়েছে, আর তার রসিদ কোড একবারই দেখানো হয়েছিল; সেটি আর দেখানো হবে না। কলার যদি কোডটি না শুনে থাকেন, তাঁর সঙ্গে রিপোর্টটি আবার পাঠান: তিনি নতুন কোড পাবেন।
staff-hotline-resend = ফর্মটি এই পাতা থেকে এই অবস্থায় পাঠানো হয়নি। উত্তরগুলো দেখে আবার পাঠান।
staff-role-operator = পরিচালক
staff-role-coordinator = সমন্বয়কারী
staff-role-responder = সাড়াদানকারী কর্মী
staff-early-wrote-after = বন্ধ হওয়ার পর রিপোর্টকারী আবার লিখেছেন: আগে পড়ুন।

## The operator's overview: which queues receive reports, and a routing file a key rotation left out of date (issue 19)
staff-overview-link = কোন সারিগুলো রিপোর্ট নিচ্ছে
staff-overview-heading = সারি: কোনগুলো রিপোর্ট নিচ্ছে
staff-overview-intro = routing ফাইলে ঘোষিত প্রতিটি সারি: এটি রিপোর্ট নিচ্ছে কি না, আর না নিলে কেন; এতে কতগুলো রিপোর্ট অপেক্ষায় আছে; কতজন সদস্যের কাছে এর চাবি আছে; শেষ কবে এটি রিপোর্ট পেয়েছে। এখানে কোনো রিপোর্টের নাম নেই, আর কোনো রিপোর্টে কী লেখা আছে তা দেখানো হয় না।
staff-overview-no-desk = ডেস্ক সারি কিছুই নিচ্ছে না: যতক্ষণ না নেয়, প্রতিটি রিপোর্ট ফিরিয়ে দেওয়া হবে এবং কেউ রিপোর্ট করতে পারবে না।
staff-overview-empty = routing ফাইলে কোনো সারি ঘোষিত নেই।
staff-overview-queue = সারি
staff-overview-standing = রিপোর্ট নিচ্ছে?
staff-overview-open = খোলা
staff-overview-unclaimed = কেউ দায়িত্ব নেয়নি
staff-overview-overdue = সময় পেরিয়ে গেছে
staff-overview-holders = যে সদস্যদের কাছে এর চাবি আছে
staff-overview-last = শেষ রিপোর্ট পাওয়ার সময়
staff-overview-never = কখনো নয়
staff-overview-stale = routing ফাইলে পুরোনো চাবি ঘোষিত
staff-overview-stale-heading = routing ফাইল হালনাগাদ নয়
staff-overview-stale-lines = একজন সমন্বয়কারী এই সারির চাবি বদলেছেন। routing ফাইলে (config/queues.toml), id = "{ $queue }" থাকা [[queue]] অংশে public_key ও signature লাইন দুটির জায়গায় এই দুটি লাইন বসান, তারপর সার্ভার আবার চালু করুন:
staff-config-stale = সার্ভারের routing ফাইল (config/queues.toml) এখনো এই সারির আগের চাবি ঘোষণা করছে। এই দুটি লাইন পরিচালককে দিন: এগুলো এই সারির অংশের public_key ও signature লাইনের জায়গায় বসবে।

## invitations: what each is for, the open ones, revoking (issue 19, invites and members API)
staff-invite-for = যার জন্য: { $organisation }-এর { $role }, { $expires } পর্যন্ত বৈধ
staff-invite-for-operator = যার জন্য: { $role } (কোনো সংগঠনের নয়), { $expires } পর্যন্ত বৈধ
staff-open-invites = খোলা আমন্ত্রণ
staff-invite-by = তৈরি করেছেন { $name }
staff-invite-by-console = সার্ভারের কনসোলে তৈরি
staff-invite-by-former = একজন প্রাক্তন সদস্য তৈরি করেছেন
staff-invite-revoke = প্রত্যাহার করুন
staff-invite-revoked = আমন্ত্রণটি প্রত্যাহার করা হয়েছে: এর লিঙ্ক আর কাজ করবে না।
staff-invite-gone = এই আমন্ত্রণ আগেই ব্যবহৃত বা প্রত্যাহার করা হয়েছে, অথবা এর মেয়াদ শেষ হয়েছে।

## registering an organisation from the file it sent (issue 19)
staff-org-from-file-heading = পাঠানো ফাইল থেকে নিবন্ধন করুন
staff-org-from-file-intro = সংগঠন আপনাকে যে ফাইলটি পাঠিয়েছে (send-to-operator.json, homeward org init দিয়ে তৈরি) তার পুরোটা এখানে পেস্ট করুন। এর বিবরণ ও যাচাই চাবি ফাইল থেকেই নেওয়া হয়, এর সারিগুলোর স্বাক্ষর যাচাই করা হয়, এবং ফাইলে ডেস্কের প্রতিস্বাক্ষর থাকলে তা নথিভুক্ত হয়। এরপর সংগঠনের পাতায় এর যাচাই-বাছাই নথিভুক্ত করুন।
staff-org-from-file-label = ফাইলের লেখা
staff-org-from-file-button = ফাইল থেকে নিবন্ধন করুন
error-organisation_file = এটি homeward org init-এর লেখা ফাইল (send-to-operator.json) নয়, অথবা পথে এটি বদলানো হয়েছে এবং এর স্বাক্ষর মেলে না।
