# Homeward responder pages, Lao. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (lo.ftl): ລາຍງານ (report), ລະຫັດໃບຮັບ (receipt code), ຄວາມຍິນຍອມ
# (consent), ຜູ້ຊັກຊວນ (recruiter), ຜູ້ລາຍງານ (reporter). A queue is ຄິວ; the desk organisation is
# ອົງການສູນຮັບເລື່ອງ (the reporter pages' ທີມຮັບເລື່ອງ); the projection is ສະບັບຫຍໍ້.

# Responder pages
staff-login-heading = ເຂົ້າສູ່ລະບົບສຳລັບພະນັກງານ
staff-username = ຊື່ຜູ້ໃຊ້
staff-username-hint = ຕົວອັກສອນພິມນ້ອຍ, ຕົວເລກ, ຈ້ຳ, ຂີດ; 3 ຫາ 40 ຕົວອັກສອນ.
staff-password = ລະຫັດຜ່ານ
staff-password-hint = ຢ່າງໜ້ອຍ 12 ຕົວອັກສອນ. ຄຳສັບຫຼາຍຄຳທີ່ບໍ່ກ່ຽວຂ້ອງກັນເປັນລະຫັດຜ່ານທີ່ດີ.
staff-totp = ລະຫັດຈາກແອັບຢືນຢັນຕົວຕົນຂອງທ່ານ
staff-login = ເຂົ້າສູ່ລະບົບ
staff-logout = ອອກຈາກລະບົບ
staff-login-failed = ຊື່ຜູ້ໃຊ້, ລະຫັດຜ່ານ ຫຼື ລະຫັດບໍ່ຖືກຕ້ອງ; ຫຼື ຫຼັງຈາກລອງຜິດຫຼາຍຄັ້ງ ບັນຊີຈະລໍຖ້າບໍ່ເທົ່າໃດນາທີກ່ອນຮັບການລອງຄັ້ງຕໍ່ໄປ.
staff-login-too-soon = ລອງບໍ່ສຳເລັດຫຼາຍຄັ້ງເກີນໄປ. ລໍຖ້າບໍ່ເທົ່າໃດນາທີ ແລ້ວລອງໃໝ່.
staff-invite-heading = ສ້າງບັນຊີຂອງທ່ານ
staff-invite-intro = ຄຳເຊີນນີ້ໃຊ້ໄດ້ຄັ້ງດຽວ. ກະລຸນາເລືອກຊື່ຜູ້ໃຊ້ ແລະ ລະຫັດຜ່ານ.
staff-invite-invalid = ບໍ່ຮູ້ຈັກຄຳເຊີນນີ້, ຖືກໃຊ້ແລ້ວ ຫຼື ໝົດອາຍຸແລ້ວ. ກະລຸນາຂໍຄຳເຊີນໃໝ່.
staff-enrol = ສ້າງບັນຊີ
staff-enrolled-heading = ບັນຊີຂອງທ່ານພ້ອມແລ້ວ
staff-enrolled-once = ທຸກຢ່າງຂ້າງລຸ່ມນີ້ສະແດງພຽງຄັ້ງດຽວ. ກະລຸນາບັນທຶກໄວ້ດຽວນີ້.
staff-totp-heading = ແອັບຢືນຢັນຕົວຕົນ
staff-totp-intro = ເພີ່ມກະແຈນີ້ໃສ່ແອັບຢືນຢັນຕົວຕົນຂອງທ່ານ (TOTP, 6 ຕົວເລກ, 30 ວິນາທີ). ທ່ານຕ້ອງໃຊ້ລະຫັດຈາກແອັບນີ້ທຸກຄັ້ງທີ່ເຂົ້າສູ່ລະບົບ.
staff-recovery-heading = ກະແຈກູ້ຄືນ
staff-recovery-intro = ຖ້າທ່ານລືມລະຫັດຜ່ານ ມີພຽງກະແຈນີ້ທີ່ປົດລັອກກະແຈຂອງບັນຊີທ່ານໄດ້ອີກ. ກະລຸນາເກັບໄວ້ແບບອອບລາຍ.
staff-workspace-heading = ພື້ນທີ່ເຮັດວຽກ
staff-invite-someone = ເຊີນຄົນອື່ນ
staff-organisation = ອົງການ
staff-role = ບົດບາດ
staff-invite-create = ສ້າງລິ້ງຄຳເຊີນ
staff-invite-created = ລິ້ງຄຳເຊີນ (ສະແດງຄັ້ງດຽວ, ໃຊ້ໄດ້ 72 ຊົ່ວໂມງ, ໃຊ້ໄດ້ຄັ້ງດຽວ):
staff-forbidden = ທ່ານບໍ່ໄດ້ຮັບອະນຸຍາດໃຫ້ເຮັດແບບນັ້ນ.
staff-your-queues = ຄິວຂອງທ່ານ
staff-org-queues = ຄິວຂອງອົງການທ່ານ
staff-key-missing = ຍັງບໍ່ໄດ້ນຳເຂົ້າກະແຈ: ເປີດຄິວນີ້ບໍ່ໄດ້.
staff-import-key = ກະແຈສ່ວນຕົວ (ຈາກ homeward queue keygen)
staff-import = ນຳເຂົ້າກະແຈ
staff-key-imported = ນຳເຂົ້າກະແຈແລ້ວ. ຜູ້ຖືກະແຈ:
staff-held-after-restore = ຄິວນີ້ບໍ່ຮັບລາຍງານນັບແຕ່ມີການກູ້ຄືນຂໍ້ມູນສຳຮອງ (backup): ສະມາຊິກຂອງຄິວໄດ້ປ່ຽນໄປຫຼັງຈາກຂໍ້ມູນສຳຮອງນັ້ນ. ກະລຸນາກວດເບິ່ງວ່າໃຜຖືກະແຈຂອງຄິວ (ຂ້າງລຸ່ມ) ແລ້ວຢືນຢັນ.
staff-confirm-membership = ກວດສະມາຊິກແລ້ວ: ຮັບລາຍງານອີກຄັ້ງ
staff-grant = ໃຫ້ສິດເຂົ້າເຖິງແກ່
staff-grant-button = ໃຫ້ສິດເຂົ້າເຖິງ
staff-key-wrong = ນີ້ບໍ່ແມ່ນກະແຈສ່ວນຕົວຂອງຄິວນີ້.
staff-queue-heading = ຄິວ
staff-priority = ຄວາມສຳຄັນ
staff-status = ສະຖານະ
staff-received = ໄດ້ຮັບເມື່ອ
staff-no-entries = ບໍ່ມີລາຍງານໃນຄິວນີ້.
staff-report-heading = ລາຍງານ
staff-item-report = ເນື້ອໃນລາຍງານ
staff-item-triage = ການຄັດແຍກຄວາມຮີບດ່ວນ
staff-item-projection = ສະບັບຫຍໍ້ (ສິ່ງທີ່ສະຖານກົງສຸນ ແລະ ຕຳຫຼວດເຫັນໄດ້)
staff-item-status = ການສົນທະນາ
staff-assignee = ຜູ້ຮັບຜິດຊອບ
staff-unassigned = ບໍ່ມີໃຜ
staff-mine = ຂ້ອຍ
staff-claim = ຮັບເລື່ອງ
staff-release = ສົ່ງເລື່ອງຄືນ
staff-move = ປ່ຽນສະຖານະ
staff-outcome = ຜົນ (ເມື່ອປິດເລື່ອງ)
staff-overdue = ເກີນກຳນົດ
entry-status-new = ໃໝ່
entry-status-acknowledged = ຮັບຊາບແລ້ວ
entry-status-in_progress = ກຳລັງດຳເນີນການ
entry-status-waiting_for_reporter = ລໍຖ້າຜູ້ລາຍງານ
entry-status-referred = ສົ່ງຕໍ່ແລ້ວ
entry-status-closed = ປິດແລ້ວ
outcome-located = ພົບຕົວແລ້ວ
outcome-rescued = ຊ່ວຍເຫຼືອອອກມາແລ້ວ
outcome-repatriated = ສົ່ງກັບປະເທດແລ້ວ
outcome-referred_on = ສົ່ງຕໍ່ໄປບ່ອນອື່ນແລ້ວ
outcome-unreachable = ຕິດຕໍ່ບໍ່ໄດ້
outcome-duplicate = ຊ້ຳກັນ
outcome-not_credible = ບໍ່ໜ້າເຊື່ອຖື
outcome-other = ອື່ນໆ
staff-item-reply = ຄຳຕອບເຖິງຜູ້ລາຍງານ
staff-item-note = ບັນທຶກພາຍໃນ
staff-reply = ຂຽນເຖິງຜູ້ລາຍງານ (ເຂົາເຈົ້າອ່ານດ້ວຍລະຫັດໃບຮັບຂອງເຂົາເຈົ້າ)
staff-send-reply = ສົ່ງຄຳຕອບ
staff-note = ບັນທຶກພາຍໃນ (ເຫັນໄດ້ສະເພາະອົງການຂອງທ່ານ)
staff-add-note = ເພີ່ມບັນທຶກ

## The operator's organisations
org-heading = ອົງການ
org-intro = ການກວດສອບຄຸນສົມບັດມີສອງຂັ້ນ: ບັນທຶກໄວ້ບ່ອນນີ້ ແລ້ວໃຫ້ອົງການສູນຮັບເລື່ອງລົງລາຍເຊັນກຳກັບກະແຈລົງລາຍເຊັນຂອງອົງການນັ້ນແບບອອບລາຍ. ຄິວຈະໄດ້ຮັບລາຍງານກໍຕໍ່ເມື່ອອົງການຂອງຄິວຜ່ານການກວດສອບ, ມີລາຍເຊັນກຳກັບ ແລະ ຍັງເຄື່ອນໄຫວຢູ່, ກະແຈຂອງຄິວມີລາຍເຊັນຂອງອົງການ ແລະ ຜູ້ປະສານງານໄດ້ນຳເຂົ້າກະແຈສ່ວນຕົວຂອງຄິວແລ້ວ.
org-register = ລົງທະບຽນອົງການ
org-register-button = ລົງທະບຽນ
org-id = ລະຫັດອົງການ
org-id-hint = ຕົວອັກສອນພິມນ້ອຍ, ຕົວເລກ ແລະ ຂີດ ຕາມທີ່ຄິວໃນ config ເອີ້ນ.
org-name = ຊື່
org-kind = ປະເພດ
org-kind-ngo = ອົງການຈັດຕັ້ງທີ່ບໍ່ແມ່ນລັດ (NGO)
org-kind-consulate = ສະຖານກົງສຸນ
org-kind-police = ຕຳຫຼວດ
org-country = ປະເທດ
org-country-hint = ລະຫັດ ISO ສອງຕົວອັກສອນ: ປະເທດທີ່ NGO ຫຼື ຕຳຫຼວດເຮັດວຽກ, ຫຼື ປະເທດທີ່ສະຖານກົງສຸນດູແລພົນລະເມືອງ.
org-contact = ການຕິດຕໍ່
org-contact-hint = ວິທີຕິດຕໍ່ຜູ້ປະສານງານຂອງອົງການ (ບໍ່ບັງຄັບ).
org-signing-key = ກະແຈກວດສອບ
org-signing-key-hint = ກະແຈ hwov1. ຈາກ `homeward org keygen` ທີ່ອົງການນັ້ນແລ່ນເອງ.
org-queues = ຄິວ
org-details = ລາຍລະອຽດ
org-save = ບັນທຶກ
org-demo = ອົງການສາທິດຂອງການຕິດຕັ້ງໃໝ່: ບໍ່ມີຫຍັງຕ້ອງກວດສອບ.
org-vetting = ການກວດສອບຄຸນສົມບັດ
org-vetted-by = ກວດສອບແລ້ວ:
org-evidence = ຫຼັກຖານ
org-evidence-hint = ໃຜເປັນຜູ້ຮັບຮອງ, ກວດຫຍັງແດ່, ເອກະສານເກັບໄວ້ໃສ.
org-record-vetting = ບັນທຶກການກວດສອບ
org-countersignature = ລາຍເຊັນກຳກັບ
org-countersigned = ລາຍເຊັນກຳກັບຂອງອົງການສູນຮັບເລື່ອງຖືກຕ້ອງ.
org-countersign-intro = ອົງການສູນຮັບເລື່ອງແລ່ນຄຳສັ່ງນີ້ຢູ່ເຄື່ອງອອບລາຍຂອງຕົນ ຫຼັງຈາກກວດລາຍລະອຽດເຫຼົ່ານີ້ກັບອົງການນັ້ນໂດຍກົງ ແລ້ວສົ່ງຜົນກັບມາ:
org-countersignature-field = ລາຍເຊັນກຳກັບ (hwsg1.)
org-add-countersignature = ເພີ່ມລາຍເຊັນກຳກັບ
org-suspension = ການໂຈະ
org-suspended = ໂຈະແລ້ວ: ຄິວຂອງອົງການນີ້ບໍ່ໄດ້ຮັບຫຍັງເລີຍ.
org-suspend = ໂຈະ
org-reinstate = ຄືນສະຖານະ
org-first-coordinator = ຜູ້ປະສານງານ
org-invite-coordinator = ສ້າງຄຳເຊີນສຳລັບຜູ້ປະສານງານ
staff-organisations-link = ອົງການ
hold-none = ຮັບລາຍງານ
hold-unregistered = ຜູ້ດູແລເຊີບເວີຍັງບໍ່ໄດ້ລົງທະບຽນ
hold-not-vetted = ຍັງບໍ່ໄດ້ບັນທຶກການກວດສອບຄຸນສົມບັດ
hold-not-countersigned = ບໍ່ມີລາຍເຊັນກຳກັບທີ່ຖືກຕ້ອງຈາກອົງການສູນຮັບເລື່ອງ
hold-suspended = ໂຈະແລ້ວ
hold-wrong-organisation = ປະເພດຂອງຄິວບໍ່ກົງກັບອົງການຂອງມັນ
hold-key-unsigned = ກະແຈຂອງຄິວບໍ່ມີລາຍເຊັນຂອງອົງການ
hold-key-not-imported = ຍັງບໍ່ມີຜູ້ປະສານງານນຳເຂົ້າກະແຈສ່ວນຕົວຂອງຄິວ
hold-held-after-restore = ສະມາຊິກຂອງຄິວປ່ຽນໄປນັບແຕ່ຂໍ້ມູນສຳຮອງທີ່ກູ້ຄືນ: ຜູ້ປະສານງານຕ້ອງຢືນຢັນ

## Members and key rotation
staff-members = ສະມາຊິກ
staff-remove-member = ເອົາອອກ
staff-member-removed = ເອົາສະມາຊິກອອກແລ້ວ: ເຊສຊັນ ແລະ ສຳເນົາກະແຈຂອງເຂົາເຈົ້າຖືກລຶບແລ້ວ.
staff-member-removed-rotate = ເອົາສະມາຊິກອອກແລ້ວ: ເຊສຊັນ ແລະ ສຳເນົາກະແຈຂອງເຂົາເຈົ້າຖືກລຶບແລ້ວ. ກະລຸນານຳເຂົ້າຄູ່ກະແຈໃໝ່ສຳລັບ:
staff-rotation-due = ຮອດເວລາປ່ຽນກະແຈ: ສະມາຊິກທີ່ເຄີຍຖືກະແຈນີ້ໄດ້ອອກໄປແລ້ວ. ກະລຸນາສ້າງຄູ່ກະແຈໃໝ່ທີ່ມີລາຍເຊັນແບບອອບລາຍ (homeward queue keygen) ແລ້ວນຳເຂົ້າ.
staff-rotate = ປ່ຽນກະແຈ
staff-rotate-key = ກະແຈສ່ວນຕົວໃໝ່ (ຈາກ homeward queue keygen)
staff-rotate-signature = ລາຍເຊັນຂອງມັນ (hwsg1. ພິມຢູ່ຂ້າງກະແຈສາທາລະນະ)
staff-rotate-button = ປ່ຽນໄປໃຊ້ກະແຈໃໝ່
staff-rotate-key-wrong = ນັ້ນບໍ່ແມ່ນກະແຈສ່ວນຕົວໃໝ່ຂອງຄິວນີ້.
staff-rotate-signature-wrong = ລາຍເຊັນນັ້ນບໍ່ແມ່ນລາຍເຊັນຂອງອົງການທ່ານເທິງກະແຈໃໝ່ນີ້.
staff-resealing = ລາຍງານບາງສະບັບຍັງເຂົ້າລະຫັດດ້ວຍກະແຈເກົ່າຂອງຄິວນີ້.
staff-reseal = ເຂົ້າລະຫັດຄືນໃໝ່ໃຫ້ສຳເລັດ
staff-queue-changes = ການປ່ຽນແປງຄິວຂອງທ່ານໃນ config ຂອງເຊີບເວີ
staff-queue_declared = ປະກາດແລ້ວ
staff-queue_changed = ປ່ຽນແລ້ວ (ອົງການ, ປະເພດ, ກະແຈ ຫຼື ເງື່ອນໄຂ)
staff-queue_withdrawn = ຖອນອອກແລ້ວ

## Passwords and getting back in
staff-password-heading = ປ່ຽນລະຫັດຜ່ານຂອງທ່ານ
staff-password-current = ລະຫັດຜ່ານປັດຈຸບັນ
staff-password-new = ລະຫັດຜ່ານໃໝ່
staff-password-change = ປ່ຽນລະຫັດຜ່ານ
staff-password-changed = ປ່ຽນລະຫັດຜ່ານແລ້ວ. ເຊສຊັນອື່ນຂອງທ່ານໄດ້ສິ້ນສຸດແລ້ວ.
staff-recover-link = ລືມລະຫັດຜ່ານບໍ? ໃຊ້ກະແຈກູ້ຄືນຂອງທ່ານ.
staff-recover-heading = ກັບເຂົ້າລະບົບດ້ວຍກະແຈກູ້ຄືນ
staff-recover-intro = ກະແຈກູ້ຄືນຂອງທ່ານປົດລັອກກະແຈຂອງບັນຊີທ່ານໄດ້ອີກ. ທ່ານຈະຕັ້ງລະຫັດຜ່ານໃໝ່ ແລະ ຕັ້ງຄ່າແອັບຢືນຢັນຕົວຕົນໃໝ່; ທ່ານຈະໄດ້ຮັບກະແຈກູ້ຄືນໃໝ່.
staff-recover-button = ຕັ້ງລະຫັດຜ່ານຂອງຂ້ອຍໃໝ່
staff-reset-heading = ເລີ່ມຕົ້ນໃໝ່
staff-reset-intro = ຜູ້ປະສານງານຂອງທ່ານສ້າງລິ້ງນີ້ ເພາະລະຫັດຜ່ານ ແລະ ກະແຈກູ້ຄືນຂອງທ່ານເສຍໄປ. ບັນຊີຂອງທ່ານຈະໄດ້ຮັບກະແຈໃໝ່; ຈາກນັ້ນຜູ້ປະສານງານຈະໃຫ້ສິດເຂົ້າເຖິງຄິວຂອງທ່ານອີກຄັ້ງ.
staff-reset-button = ຕັ້ງລະຫັດຜ່ານໃໝ່ຂອງຂ້ອຍ
staff-reset-member = ລິ້ງຕັ້ງຄ່າໃໝ່

## Referral
staff-refer-to = ສົ່ງຕໍ່ໄປຫາຄິວ
staff-refer-reason = ເຫດຜົນ
staff-refer-hint = ຄິວຂອງ NGO ທີ່ຖືລາຍງານນີ້ຈະເຫັນ (ລວມທັງຄິວທີ່ຮັບ ຖ້າເປັນ NGO); ສະຖານກົງສຸນ ຫຼື ຕຳຫຼວດຈະບໍ່ເຫັນເລີຍ.
staff-refer = ສົ່ງຕໍ່
staff-item-referral = ການສົ່ງຕໍ່
referral-not-receiving = ຄິວນັ້ນບໍ່ຮັບລາຍງານໃນຕອນນີ້.
referral-already-held = ຄິວນັ້ນຖືລາຍງານນີ້ຢູ່ແລ້ວ.
referral-no-consent = ຜູ້ລາຍງານບໍ່ໄດ້ຍິນຍອມໃນເລື່ອງນັ້ນ. ບໍ່ມີການຂ້າມຄວາມຍິນຍອມ.
referral-needs-more = ລາຍການນີ້ມີພຽງສະບັບຫຍໍ້: ສົ່ງຕໍ່ໄດ້ສະເພາະໄປຫາສະຖານກົງສຸນ ຫຼື ຕຳຫຼວດ.
referral-wrong-country = ສະຖານກົງສຸນຮັບສະເພາະລາຍງານກ່ຽວກັບພົນລະເມືອງຂອງຕົນ ແລະ ຕຳຫຼວດຮັບສະເພາະລາຍງານຈາກປະເທດຂອງຕົນ.
referral-old-projection = ສະບັບຫຍໍ້ທຸກສະບັບຂອງລາຍງານນີ້ເຮັດຂຶ້ນກ່ອນທີ່ສິ່ງທີ່ສະຖານກົງສຸນ ຫຼື ຕຳຫຼວດເຫັນໄດ້ຈະຖືກຈຳກັດໃຫ້ແຄບລົງ ແລະ ອາດມີຂໍ້ມູນຕິດຕໍ່: ກະລຸນາອອກສະບັບຫຍໍ້ໃໝ່ກ່ອນ.
referral-not-possible = ສົ່ງຕໍ່ລາຍງານນີ້ໄປຫາຄິວນັ້ນບໍ່ໄດ້.
referral-no-reason = ກະລຸນາບອກເຫດຜົນ.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] ລາຍງານວິກິດ { $count } ສະບັບ
   *[other] ລາຍງານວິກິດ { $count } ສະບັບ
} ໃນຄິວ { $queue } ຍັງບໍ່ມີຜູ້ຮັບເລື່ອງ ແລະ ເກີນເວລາເປົ້າໝາຍຂອງການຮັບຊາບແລ້ວ.
staff-projection-issue = ອອກສະບັບຫຍໍ້ໃໝ່
staff-projection-json = ສະບັບຫຍໍ້ (ສິ່ງທີ່ສະຖານກົງສຸນ ແລະ ຕຳຫຼວດເຫັນໄດ້) ເປັນ JSON
staff-projection-hint = ຊ່ອງຂໍ້ມູນຄືກັນກັບສ່ວນບຸກຄົນ, ເອກະສານ, ສະຖານທີ່ ແລະ ຄວາມຕ້ອງການຂອງລາຍງານ. ມັນຈະຖືກເຂົ້າລະຫັດເປັນສະບັບຕໍ່ໄປໃຫ້ທຸກຄິວທີ່ຖືລາຍງານນີ້ ແລະ ມີສິດເຫັນມັນ.
staff-projection-button = ອອກສະບັບນີ້
staff-item-addition = ຈາກຜູ້ລາຍງານ
staff-item-contact = ວິທີທີ່ຜູ້ລາຍງານຕ້ອງການໃຫ້ຕິດຕໍ່ໃນຕອນນີ້
staff-item-consent = ຜູ້ລາຍງານໄດ້ປ່ຽນຄວາມຍິນຍອມ
staff-item-withdrawal = ຜູ້ລາຍງານໄດ້ຖອນລາຍງານ
staff-item-attachment = ໄຟລ໌ຈາກຜູ້ລາຍງານ
staff-new = ໃໝ່
staff-unread = ຜູ້ລາຍງານສົ່ງມານັບແຕ່ຄິວນີ້ເປີດລາຍງານຄັ້ງລ່າສຸດ
staff-withdrawn = ຜູ້ລາຍງານຖອນເມື່ອ { $at } · ກະແຈຂອງລາຍງານຈະຖືກທຳລາຍຫຼັງ { $destroyed }
staff-consent-closed = ເມື່ອ { $at } ຜູ້ລາຍງານໄດ້ຖອນຄວາມຍິນຍອມທີ່ໃຫ້ຄິວນີ້ຮັບລາຍງານ. ຄິວນີ້ເຫັນພຽງສິ່ງທີ່ເປີດອ່ານໄປກ່ອນໜ້າ ແລະ ເຮັດຫຍັງກັບລາຍງານນີ້ຕໍ່ບໍ່ໄດ້ອີກ.
staff-closure-pending = { $queue }: ຜູ້ລາຍງານຖອນຄວາມຍິນຍອມສຳລັບຄິວນີ້ເມື່ອ { $at } · ສິ່ງທີ່ຄິວນີ້ບໍ່ເຄີຍເປີດຈະຖືກທຳລາຍຫຼັງ { $destroyed }
staff-closure-destroyed = { $queue }: ຜູ້ລາຍງານຖອນຄວາມຍິນຍອມສຳລັບຄິວນີ້ເມື່ອ { $at } · ສິ່ງທີ່ຄິວນີ້ບໍ່ເຄີຍເປີດຖືກທຳລາຍເມື່ອ { $destroyed }
staff-entry-consent-closed = ປິດແລ້ວ: ຖອນຄວາມຍິນຍອມ
staff-download = ດາວໂຫຼດໄຟລ໌ (ລຶບຂໍ້ມູນເມຕາແລ້ວ)
staff-zawgyi-shown = ພິມດ້ວຍ Zawgyi ສະແດງເປັນ Unicode
staff-zawgyi-as-sent = ຕາມທີ່ຜູ້ລາຍງານສົ່ງມາ
field-media_type = ປະເພດ
field-size = ຂະໜາດ (ໄບຕ໌)
field-location_used = ໃຊ້ທີ່ຕັ້ງໃນໄຟລ໌ເປັນຂໍ້ຊີ້ບອກ
field-malformed = ເຂົ້າລະຫັດຢູ່ອຸປະກອນ ແລະ ຮູບແບບຜິດ: ຊ່ອງເຫຼົ່ານີ້ຜິດກົດຂອງລາຍງານ
field-sealed_on_device = ເຂົ້າລະຫັດຢູ່ອຸປະກອນຂອງຜູ້ລາຍງານ

## Field errors of the responder forms
error-invalid_username = ໃຊ້ຕົວອັກສອນພິມນ້ອຍ, ຕົວເລກ, ຈ້ຳ ຫຼື ຂີດ 3 ຫາ 40 ຕົວ.
error-username_taken = ຊື່ຜູ້ໃຊ້ນີ້ມີຄົນໃຊ້ແລ້ວ.
error-password_short = ໃຊ້ຢ່າງໜ້ອຍ 12 ຕົວອັກສອນ.
error-password_common = ລະຫັດຜ່ານນີ້ພົບເລື້ອຍເກີນໄປ ຫຼື ເດົາງ່າຍເກີນໄປ.
error-invalid_slug = ໃຊ້ຕົວອັກສອນພິມນ້ອຍ, ຕົວເລກ ແລະ ຂີດ.
error-invalid_signing_key = ນີ້ບໍ່ແມ່ນກະແຈກວດສອບ hwov1.
error-organisation_exists = ມີອົງການທີ່ໃຊ້ລະຫັດນີ້ລົງທະບຽນໄວ້ແລ້ວ.
error-invalid_signature = ນີ້ບໍ່ແມ່ນລາຍເຊັນ hwsg1.
error-no_desk_signing_key = ຍັງບໍ່ໄດ້ຕັ້ງຄ່າກະແຈລົງລາຍເຊັນຂອງອົງການສູນຮັບເລື່ອງ ຈຶ່ງລົງລາຍເຊັນກຳກັບຫຍັງບໍ່ໄດ້.
error-countersignature_mismatch = ລາຍເຊັນກຳກັບນີ້ບໍ່ກົງກັບກະແຈຂອງອົງການສູນຮັບເລື່ອງ ແລະ ລະຫັດ, ປະເພດ, ປະເທດ ແລະ ກະແຈຂອງອົງການນີ້.
error-password_wrong = ນີ້ບໍ່ແມ່ນລະຫັດຜ່ານປັດຈຸບັນຂອງທ່ານ.
error-recovery_wrong = ຊື່ຜູ້ໃຊ້ ແລະ ກະແຈກູ້ຄືນນີ້ບໍ່ກົງກັນ.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = ອົງການຂອງທ່ານຍັງບໍ່ໄດ້ຢັ້ງຢືນບັນຊີນີ້. ທ່ານຍັງຖືຄິວທີ່ຖືຢູ່ແລ້ວ ແຕ່ຈະບໍ່ມີກະແຈຄິວໃໝ່ຖືກເຂົ້າລະຫັດໃຫ້ທ່ານ ຈົນກວ່າຜູ້ປະສານງານທີ່ໄດ້ຮັບການຢັ້ງຢືນຈະຢັ້ງຢືນທ່ານ ຫຼື ອົງການຂອງທ່ານຢັ້ງຢືນດ້ວຍກະແຈລົງລາຍເຊັນຂອງອົງການ.
staff-certify-command = ຜູ້ປະສານງານທີ່ໄດ້ຮັບການຢັ້ງຢືນຂອງອົງການທ່ານເປັນຜູ້ຢັ້ງຢືນທ່ານ: ອ່ານລາຍນິ້ວມືປະຈຳຕົວຂອງທ່ານ (ຢູ່ລຸ່ມສຸດຂອງໜ້ານີ້) ໃຫ້ເຂົາຟັງຕໍ່ໜ້າ ຫຼື ທາງໂທລະສັບ. ຖ້າທ່ານເປັນຜູ້ປະສານງານຄົນທຳອິດຂອງອົງການ ໃຫ້ແລ່ນຄຳສັ່ງນີ້ຢູ່ເຄື່ອງອອບລາຍຂອງອົງການແທນ ແລ້ວວາງລາຍເຊັນທີ່ໄດ້ໄວ້ຂ້າງລຸ່ມ; ກວດເບິ່ງໃນອຸປະກອນເຄື່ອງທີສອງທີ່ທ່ານໄວ້ໃຈວ່າກະແຈປະຈຳຕົວກົງກັບໜ້ານີ້.
staff-certificate = ລາຍເຊັນຂອງອົງການທ່ານ (hwsg1.)
staff-certificate-button = ຢັ້ງຢືນບັນຊີຂອງຂ້ອຍ
staff-certified-self = ບັນຊີຂອງທ່ານໄດ້ຮັບການຢັ້ງຢືນດ້ວຍກະແຈລົງລາຍເຊັນຂອງອົງການທ່ານແລ້ວ.
staff-certificate-wrong = ນັ້ນບໍ່ແມ່ນລາຍເຊັນຂອງອົງການທ່ານເທິງບັນຊີນີ້ ຫຼື ອົງການຂອງທ່ານຍັງບໍ່ຢູ່ໃນສະຖານະໃຊ້ງານໄດ້.
staff-member-certified = ຢັ້ງຢືນແລ້ວ
staff-certify-member = ຢັ້ງຢືນ
staff-member-certified-done = ຢັ້ງຢືນສະມາຊິກແລ້ວ: ຕອນນີ້ທ່ານໃຫ້ຄິວແກ່ເຂົາໄດ້.
staff-uncertified-refused = ປະຕິເສດ: ອົງການຂອງທ່ານບໍ່ໄດ້ຢັ້ງຢືນການເປັນສະມາຊິກຂອງບັນຊີນັ້ນ (ສາຍລາຍເຊັນຂອງມັນໄປບໍ່ເຖິງກະແຈຂອງອົງການທ່ານ).
staff-gap-no-member = ບໍ່ແມ່ນສະມາຊິກ
staff-gap-no-identity = ຍັງບໍ່ໄດ້ຢັ້ງຢືນ: ບໍ່ໄດ້ເຂົ້າລະບົບເລີຍນັບແຕ່ມີກະແຈປະຈຳຕົວ
staff-gap-key-not-bound = ຍັງບໍ່ໄດ້ຢັ້ງຢືນ: ກະແຈປະຈຳຕົວບໍ່ຄອບຄຸມກະແຈເຂົ້າລະຫັດຂອງບັນຊີ
staff-gap-not-certified = ຍັງບໍ່ໄດ້ຢັ້ງຢືນ
staff-gap-broken-chain = ຍັງບໍ່ໄດ້ຢັ້ງຢືນ: ກວດສາຍລາຍເຊັນບໍ່ຜ່ານ (ຜູ້ຢັ້ງຢືນອອກໄປແລ້ວ ຫຼື ຖືກຕັ້ງຄ່າໃໝ່ ຫຼື ບັນທຶກຖືກແກ້ໄຂ: ຖ້າທ່ານບໍ່ຄາດຄິດເລື່ອງນີ້ ກະລຸນາແຈ້ງອົງການຂອງທ່ານ)
staff-gap-organisation = ຍັງບໍ່ໄດ້ຢັ້ງຢືນ: ອົງການບໍ່ຢູ່ໃນສະຖານະໃຊ້ງານໄດ້ (ຖືກໂຈະ ຫຼື ບໍ່ມີລາຍເຊັນກຳກັບ)
staff-operator-recovered = ສິດຂອງຜູ້ດູແລເຊີບເວີຖືກກູ້ຄືນຢູ່ຄອນໂຊຂອງເຊີບເວີ (homeward admin recover-operator) ເມື່ອ { $at }.
staff-operator-uncountersigned = ອົງການສູນຮັບເລື່ອງຍັງບໍ່ໄດ້ລົງລາຍເຊັນກຳກັບບັນຊີຜູ້ດູແລເຊີບເວີນີ້ ຈຶ່ງຍັງເຮັດຫຍັງໃນຖານະຜູ້ດູແລເຊີບເວີບໍ່ໄດ້. ຜູ້ດູແລເຊີບເວີແຕ່ງຕັ້ງກັນເອງບໍ່ໄດ້: ອົງການສູນຮັບເລື່ອງແລ່ນຄຳສັ່ງຂ້າງລຸ່ມຢູ່ເຄື່ອງອອບລາຍຂອງຕົນ ແລ້ວທ່ານວາງລາຍເຊັນທີ່ໄດ້.
staff-operator-command = ຢູ່ເຄື່ອງອອບລາຍຂອງອົງການສູນຮັບເລື່ອງ ດ້ວຍກະແຈລົງລາຍເຊັນຂອງອົງການ:
staff-audit-head = ສ່ວນຫົວຂອງບັນທຶກການກວດສອບ (ລາຍການ, MAC): ຈົດໄວ້ບ່ອນອື່ນນອກເຊີບເວີນີ້; ການຂຽນບັນທຶກຄືນໃໝ່ພາຍຫຼັງຈະໄປບໍ່ເຖິງຄ່ານີ້.
staff-your-fingerprint = ລາຍນິ້ວມືປະຈຳຕົວຂອງທ່ານ (ອ່ານໃຫ້ຜູ້ທີ່ຢັ້ງຢືນທ່ານຟັງ ຕໍ່ໜ້າ ຫຼື ທາງໂທລະສັບ):
staff-fingerprint-of = ລາຍນິ້ວມືປະຈຳຕົວຂອງເຂົາ ຕາມທີ່ເຂົາອ່ານໃຫ້ທ່ານຟັງຈາກພື້ນທີ່ເຮັດວຽກຂອງເຂົາເອງ
staff-fingerprint-wrong = ປະຕິເສດ: ລາຍນິ້ວມືນັ້ນບໍ່ແມ່ນລາຍນິ້ວມືທີ່ເຊີບເວີເກັບໄວ້ສຳລັບສະມາຊິກຄົນນີ້. ຂໍໃຫ້ເຂົາອ່ານອີກຄັ້ງຈາກພື້ນທີ່ເຮັດວຽກຂອງເຂົາເອງ; ຖ້າຍັງບໍ່ກົງກັນ ບັນຊີຂອງເຂົາອາດຖືກແກ້ໄຂໂດຍມິຊອບ: ກະລຸນາແຈ້ງອົງການຂອງທ່ານ.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = ຍົກເລີກ: ກັບຄືນໂດຍບໍ່ປ່ຽນແປງຫຍັງ
staff-confirm-remove-heading = ເອົາສະມາຊິກ { $name } ອອກບໍ?
staff-confirm-remove-consequence = ເຊສຊັນ ແລະ ສຳເນົາກະແຈຄິວທຸກອັນຂອງເຂົາຈະຖືກລຶບທັນທີ ແລະ ກູ້ຄືນບໍ່ໄດ້; ທຸກຄິວທີ່ເຂົາຖືຢູ່ຈະຖືກໝາຍວ່າ "ຮອດເວລາປ່ຽນກະແຈ" ຈົນກວ່າຜູ້ປະສານງານຈະນຳເຂົ້າຄູ່ກະແຈໃໝ່.
staff-confirm-remove = ແມ່ນ, ເອົາສະມາຊິກນີ້ອອກ
staff-confirm-suspend-heading = ໂຈະອົງການ { $name } ບໍ?
staff-confirm-suspend-consequence = ຈົນກວ່າຈະຄືນສະຖານະ ຄິວຂອງອົງການນີ້ຈະບໍ່ໄດ້ຮັບລາຍງານໃໝ່, ສະມາຊິກຈະເປີດ ຫຼື ດຳເນີນການກັບລາຍງານທີ່ຖືຢູ່ບໍ່ໄດ້ ແລະ ການສົ່ງຕໍ່ໄປຫາອົງການນີ້ຈະຖືກປະຕິເສດ.
staff-confirm-suspend = ແມ່ນ, ໂຈະອົງການນີ້
staff-desk-key-changed = ກະແຈຂອງອົງການສູນຮັບເລື່ອງ ເຊິ່ງໃຊ້ກວດໃບຢັ້ງຢືນຂອງທຸກອົງການ ແລະ ທຸກສະມາຊິກ ໄດ້ປ່ຽນເມື່ອ { $at } (ຕອນນີ້ແມ່ນ { $fingerprint }). ຖ້າອົງການສູນຮັບເລື່ອງບໍ່ໄດ້ແຈ້ງອົງການຂອງທ່ານໄວ້ ກະລຸນາຖາມກ່ອນຢັ້ງຢືນຜູ້ໃດ ຫຼື ນຳເຂົ້າກະແຈ.
staff-desk-key = ກະແຈຂອງອົງການສູນຮັບເລື່ອງ (ລາຍນິ້ວມື): ປຽບທຽບກັບລາຍນິ້ວມືທີ່ອົງການສູນຮັບເລື່ອງໃຫ້ອົງການຂອງທ່ານໄວ້.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = ຊອດໂຄດ (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = ພາສາ ແລະ ເຂດເວລາຂອງທ່ານ
staff-settings-language = ພາສາຂອງໜ້າຂອງທ່ານ
staff-settings-language-browser = ພາສາຂອງບຣາວເຊີ
staff-settings-zone = ເຂດເວລາ
staff-settings-zone-hint = ວັນທີ ແລະ ເວລາໃນໜ້າຂອງທ່ານ ສະແດງຕາມເຂດເວລານີ້ ພ້ອມກັບຄວາມຕ່າງຈາກ UTC.
staff-settings-save = ບັນທຶກ
staff-settings-saved = ບັນທຶກແລ້ວ. ໜ້າຂອງທ່ານໃຊ້ພາສາ ແລະ ເຂດເວລານີ້ແລ້ວ.
error-language_unknown = ກະລຸນາເລືອກພາສາຈາກລາຍການ.
error-zone_unknown = ກະລຸນາເລືອກເຂດເວລາຈາກລາຍການ.
date-time-zoned = { $day }/{ $month }/{ $year } ເວລາ { $hour }:{ $minute } ({ $offset })
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = ຂ້າມໄປຫາເນື້ອຫາຫຼັກ
