# Homeward responder pages, Thai. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (th.ftl): รายงาน (report), รหัสใบรับ (receipt code), ความยินยอม
# (consent), ผู้ชักชวน (recruiter), ผู้แจ้ง (reporter). A queue is คิว; the desk organisation is
# องค์กรศูนย์รับเรื่อง (the reporter pages' ทีมรับเรื่อง); the projection is ฉบับคัดย่อ.

# Responder pages
staff-login-heading = เข้าสู่ระบบสำหรับเจ้าหน้าที่
staff-username = ชื่อผู้ใช้
staff-username-hint = ตัวอักษรพิมพ์เล็ก ตัวเลข จุด หรือขีด 3 ถึง 40 ตัวอักษร
staff-password = รหัสผ่าน
staff-password-hint = อย่างน้อย 12 ตัวอักษร คำหลายคำที่ไม่เกี่ยวข้องกันเป็นรหัสผ่านที่ดี
staff-totp = รหัสจากแอปยืนยันตัวตนของคุณ
staff-login = เข้าสู่ระบบ
staff-logout = ออกจากระบบ
staff-login-failed = ชื่อผู้ใช้ รหัสผ่าน หรือรหัสไม่ถูกต้อง หรือหลังจากลองผิดหลายครั้ง บัญชีจะรอสักครู่ก่อนรับการลองครั้งต่อไป
staff-login-too-soon = ลองไม่สำเร็จหลายครั้งเกินไป โปรดรอสักครู่แล้วลองใหม่
staff-invite-heading = สร้างบัญชีของคุณ
staff-invite-intro = คำเชิญนี้ใช้ได้ครั้งเดียว โปรดเลือกชื่อผู้ใช้และรหัสผ่าน
staff-invite-invalid = ไม่รู้จักคำเชิญนี้ หรือถูกใช้แล้ว หรือหมดอายุแล้ว โปรดขอคำเชิญใหม่
staff-enrol = สร้างบัญชี
staff-enrolled-heading = บัญชีของคุณพร้อมใช้งานแล้ว
staff-enrolled-once = ทุกอย่างด้านล่างจะแสดงเพียงครั้งเดียว โปรดบันทึกไว้ตอนนี้
staff-totp-heading = แอปยืนยันตัวตน
staff-totp-intro = เพิ่มกุญแจนี้ในแอปยืนยันตัวตนของคุณ (TOTP, 6 หลัก, 30 วินาที) คุณต้องใช้รหัสจากแอปนี้ทุกครั้งที่เข้าสู่ระบบ
staff-recovery-heading = กุญแจกู้คืน
staff-recovery-intro = หากคุณลืมรหัสผ่าน มีเพียงกุญแจนี้ที่ปลดล็อกกุญแจของบัญชีคุณได้อีกครั้ง โปรดเก็บไว้นอกระบบออนไลน์
staff-workspace-heading = พื้นที่ทำงาน
staff-invite-someone = เชิญผู้อื่น
staff-organisation = องค์กร
staff-role = บทบาท
staff-invite-create = สร้างลิงก์คำเชิญ
staff-invite-created = ลิงก์คำเชิญ (แสดงครั้งเดียว ใช้ได้ 72 ชั่วโมง ใช้ได้ครั้งเดียว):
staff-forbidden = คุณไม่ได้รับอนุญาตให้ทำเช่นนั้น
staff-your-queues = คิวของคุณ
staff-org-queues = คิวขององค์กรคุณ
staff-key-missing = ยังไม่ได้นำเข้ากุญแจ: เปิดคิวนี้ไม่ได้
staff-import-key = กุญแจส่วนตัว (จาก homeward queue keygen)
staff-import = นำเข้ากุญแจ
staff-key-imported = นำเข้ากุญแจแล้ว ผู้ถือกุญแจ:
staff-held-after-restore = คิวนี้ไม่รับรายงานตั้งแต่มีการกู้คืนข้อมูลสำรอง (backup) เพราะสมาชิกของคิวเปลี่ยนไปหลังจากข้อมูลสำรองนั้น โปรดตรวจสอบว่าใครถือกุญแจของคิว (ด้านล่าง) แล้วจึงยืนยัน
staff-confirm-membership = ตรวจสอบสมาชิกแล้ว: รับรายงานอีกครั้ง
staff-grant = ให้สิทธิ์เข้าถึงแก่
staff-grant-button = ให้สิทธิ์เข้าถึง
staff-key-wrong = นี่ไม่ใช่กุญแจส่วนตัวของคิวนี้
staff-queue-heading = คิว
staff-priority = ความสำคัญ
staff-status = สถานะ
staff-received = ได้รับเมื่อ
staff-no-entries = ไม่มีรายงานในคิวนี้
staff-report-heading = รายงาน
staff-item-report = ตัวรายงาน
staff-item-triage = การคัดกรองความเร่งด่วน
staff-item-projection = ฉบับคัดย่อ (สิ่งที่สถานกงสุลและตำรวจเห็นได้)
staff-item-status = การสนทนา
staff-assignee = ผู้รับผิดชอบ
staff-unassigned = ไม่มีผู้รับผิดชอบ
staff-mine = ฉัน
staff-claim = รับเรื่อง
staff-release = คืนเรื่อง
staff-move = เปลี่ยนสถานะ
staff-outcome = ผลลัพธ์ (เมื่อปิดเรื่อง)
staff-overdue = เกินกำหนด
entry-status-new = ใหม่
entry-status-acknowledged = รับทราบแล้ว
entry-status-in_progress = กำลังดำเนินการ
entry-status-waiting_for_reporter = รอผู้แจ้ง
entry-status-referred = ส่งต่อแล้ว
entry-status-closed = ปิดแล้ว
outcome-located = พบตัวแล้ว
outcome-rescued = ช่วยเหลือออกมาแล้ว
outcome-repatriated = ส่งกลับประเทศแล้ว
outcome-referred_on = ส่งต่อไปที่อื่นแล้ว
outcome-unreachable = ติดต่อไม่ได้
outcome-duplicate = ซ้ำ
outcome-not_credible = ไม่น่าเชื่อถือ
outcome-other = อื่น ๆ
staff-item-reply = คำตอบถึงผู้แจ้ง
staff-item-note = บันทึกภายใน
staff-reply = เขียนถึงผู้แจ้ง (ผู้แจ้งอ่านด้วยรหัสใบรับของตน)
staff-send-reply = ส่งคำตอบ
staff-note = บันทึกภายใน (เห็นได้เฉพาะองค์กรของคุณ)
staff-add-note = เพิ่มบันทึก

## The operator's organisations
org-heading = องค์กร
org-intro = การตรวจสอบคุณสมบัติมีสองขั้น: บันทึกไว้ที่นี่ แล้วให้องค์กรศูนย์รับเรื่องลงนามกำกับกุญแจลงนามขององค์กรนั้นแบบออฟไลน์ คิวจะได้รับรายงานก็ต่อเมื่อองค์กรของคิวผ่านการตรวจสอบ ได้รับการลงนามกำกับ และยังใช้งานอยู่ กุญแจของคิวมีลายมือชื่อขององค์กร และผู้ประสานงานได้นำเข้ากุญแจส่วนตัวของคิวแล้ว
org-register = ลงทะเบียนองค์กร
org-register-button = ลงทะเบียน
org-id = รหัสองค์กร
org-id-hint = ตัวอักษรพิมพ์เล็ก ตัวเลข และขีด ตามที่คิวใน config เรียก
org-name = ชื่อ
org-kind = ประเภท
org-kind-ngo = องค์กรพัฒนาเอกชน (NGO)
org-kind-consulate = สถานกงสุล
org-kind-police = ตำรวจ
org-country = ประเทศ
org-country-hint = รหัส ISO สองตัวอักษร: ประเทศที่ NGO หรือตำรวจทำงาน หรือประเทศที่สถานกงสุลดูแลพลเมือง
org-contact = การติดต่อ
org-contact-hint = วิธีติดต่อผู้ประสานงานขององค์กร (ไม่บังคับ)
org-signing-key = กุญแจตรวจสอบ
org-signing-key-hint = กุญแจ hwov1. จาก `homeward org keygen` ที่องค์กรนั้นรันเอง
org-queues = คิว
org-details = รายละเอียด
org-save = บันทึก
org-demo = องค์กรสาธิตของการติดตั้งใหม่: ไม่ต้องตรวจสอบคุณสมบัติ
org-vetting = การตรวจสอบคุณสมบัติ
org-vetted-by = ตรวจสอบแล้ว:
org-evidence = หลักฐาน
org-evidence-hint = ใครเป็นผู้รับรอง ตรวจสอบอะไรบ้าง และเอกสารเก็บไว้ที่ไหน
org-record-vetting = บันทึกการตรวจสอบคุณสมบัติ
org-countersignature = ลายมือชื่อกำกับ
org-countersigned = ลายมือชื่อกำกับขององค์กรศูนย์รับเรื่องถูกต้อง
org-countersign-intro = องค์กรศูนย์รับเรื่องจะรันคำสั่งนี้บนเครื่องออฟไลน์ของตน หลังจากตรวจรายละเอียดเหล่านี้กับองค์กรนั้นโดยตรง แล้วส่งผลลัพธ์กลับมา:
org-countersignature-field = ลายมือชื่อกำกับ (hwsg1.)
org-add-countersignature = เพิ่มลายมือชื่อกำกับ
org-suspension = การระงับ
org-suspended = ระงับแล้ว: คิวขององค์กรนี้ไม่ได้รับอะไรเลย
org-suspend = ระงับ
org-reinstate = คืนสถานะ
org-first-coordinator = ผู้ประสานงาน
org-invite-coordinator = สร้างคำเชิญสำหรับผู้ประสานงาน
staff-organisations-link = องค์กร
hold-none = รับรายงาน
hold-unregistered = ผู้ดูแลเซิร์ฟเวอร์ยังไม่ได้ลงทะเบียน
hold-not-vetted = ยังไม่ได้บันทึกการตรวจสอบคุณสมบัติ
hold-not-countersigned = ไม่มีลายมือชื่อกำกับที่ถูกต้องจากองค์กรศูนย์รับเรื่อง
hold-suspended = ระงับแล้ว
hold-wrong-organisation = ประเภทของคิวไม่ตรงกับองค์กร
hold-key-unsigned = กุญแจของคิวไม่มีลายมือชื่อขององค์กร
hold-key-not-imported = ยังไม่มีผู้ประสานงานนำเข้ากุญแจส่วนตัวของคิว
hold-held-after-restore = สมาชิกของคิวเปลี่ยนไปตั้งแต่ข้อมูลสำรองที่กู้คืน: ผู้ประสานงานต้องยืนยัน

## Members and key rotation
staff-members = สมาชิก
staff-remove-member = นำออก
staff-member-removed = นำสมาชิกออกแล้ว: เซสชันและสำเนากุญแจของเขาถูกลบแล้ว
staff-member-removed-rotate = นำสมาชิกออกแล้ว: เซสชันและสำเนากุญแจของเขาถูกลบแล้ว โปรดนำเข้าคู่กุญแจใหม่สำหรับ:
staff-rotation-due = ถึงเวลาเปลี่ยนกุญแจ: สมาชิกที่เคยถือกุญแจนี้ออกไปแล้ว โปรดสร้างคู่กุญแจใหม่ที่ลงนามแล้วแบบออฟไลน์ (homeward queue keygen) แล้วนำเข้า
staff-rotate = เปลี่ยนกุญแจ
staff-rotate-key = กุญแจส่วนตัวใหม่ (จาก homeward queue keygen)
staff-rotate-signature = ลายมือชื่อของกุญแจนั้น (hwsg1. พิมพ์อยู่ข้างกุญแจสาธารณะ)
staff-rotate-button = เปลี่ยนไปใช้กุญแจใหม่
staff-rotate-key-wrong = นั่นไม่ใช่กุญแจส่วนตัวใหม่ของคิวนี้
staff-rotate-signature-wrong = ลายมือชื่อนั้นไม่ใช่ลายมือชื่อขององค์กรคุณบนกุญแจใหม่นี้
staff-resealing = รายงานบางฉบับยังเข้ารหัสด้วยกุญแจเดิมของคิวนี้
staff-reseal = เข้ารหัสใหม่ให้เสร็จ
staff-queue-changes = การเปลี่ยนแปลงคิวของคุณใน config ของเซิร์ฟเวอร์
staff-queue_declared = ประกาศแล้ว
staff-queue_changed = เปลี่ยนแล้ว (องค์กร ประเภท กุญแจ หรือเงื่อนไข)
staff-queue_withdrawn = ถอนออกแล้ว

## Passwords and getting back in
staff-password-heading = เปลี่ยนรหัสผ่านของคุณ
staff-password-current = รหัสผ่านปัจจุบัน
staff-password-new = รหัสผ่านใหม่
staff-password-change = เปลี่ยนรหัสผ่าน
staff-password-changed = เปลี่ยนรหัสผ่านแล้ว เซสชันอื่นของคุณสิ้นสุดแล้ว
staff-recover-link = ลืมรหัสผ่านใช่ไหม ใช้กุญแจกู้คืนของคุณ
staff-recover-heading = กลับเข้าระบบด้วยกุญแจกู้คืน
staff-recover-intro = กุญแจกู้คืนของคุณปลดล็อกกุญแจของบัญชีคุณได้อีกครั้ง คุณจะตั้งรหัสผ่านใหม่และตั้งค่าแอปยืนยันตัวตนใหม่ แล้วจะได้รับกุญแจกู้คืนใหม่
staff-recover-button = ตั้งรหัสผ่านของฉันใหม่
staff-reset-heading = เริ่มต้นใหม่
staff-reset-intro = ผู้ประสานงานของคุณสร้างลิงก์นี้เพราะรหัสผ่านและกุญแจกู้คืนของคุณหายไป บัญชีของคุณจะได้รับกุญแจใหม่ จากนั้นผู้ประสานงานจะให้สิทธิ์เข้าถึงคิวของคุณอีกครั้ง
staff-reset-button = ตั้งรหัสผ่านใหม่ของฉัน
staff-reset-member = ลิงก์ตั้งค่าใหม่

## Referral
staff-refer-to = ส่งต่อไปยังคิว
staff-refer-reason = เหตุผล
staff-refer-hint = คิวของ NGO ที่ถือรายงานนี้จะเห็น (รวมถึงคิวที่รับ หากเป็น NGO) สถานกงสุลหรือตำรวจจะไม่เห็นเลย
staff-refer = ส่งต่อ
staff-item-referral = การส่งต่อ
referral-not-receiving = คิวนั้นไม่รับรายงานในขณะนี้
referral-already-held = คิวนั้นถือรายงานนี้อยู่แล้ว
referral-no-consent = ผู้แจ้งไม่ได้ให้ความยินยอมในเรื่องนั้น และไม่มีการข้ามความยินยอม
referral-needs-more = รายการนี้มีเพียงฉบับคัดย่อ: ส่งต่อได้เฉพาะไปยังสถานกงสุลหรือตำรวจ
referral-wrong-country = สถานกงสุลรับเฉพาะรายงานเกี่ยวกับพลเมืองของตน และตำรวจรับเฉพาะรายงานจากประเทศของตน
referral-old-projection = ฉบับคัดย่อทุกฉบับของรายงานนี้ทำขึ้นก่อนที่สิ่งที่สถานกงสุลหรือตำรวจเห็นได้จะถูกจำกัดให้แคบลง และอาจมีข้อมูลติดต่อ: โปรดออกฉบับคัดย่อใหม่ก่อน
referral-not-possible = ส่งต่อรายงานนี้ไปยังคิวนั้นไม่ได้
referral-no-reason = โปรดระบุเหตุผล

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] รายงานวิกฤต { $count } ฉบับ
   *[other] รายงานวิกฤต { $count } ฉบับ
} ในคิว { $queue } ยังไม่มีผู้รับเรื่องและเกินเวลาเป้าหมายของการรับทราบแล้ว
staff-projection-issue = ออกฉบับคัดย่อใหม่
staff-projection-json = ฉบับคัดย่อ (สิ่งที่สถานกงสุลและตำรวจเห็นได้) ในรูปแบบ JSON
staff-projection-hint = ช่องข้อมูลเหมือนส่วนบุคคล เอกสาร สถานที่ และความต้องการของรายงาน ฉบับนี้จะถูกเข้ารหัสเป็นฉบับถัดไปให้ทุกคิวที่ถือรายงานนี้และมีสิทธิ์เห็น
staff-projection-button = ออกฉบับนี้
staff-item-addition = จากผู้แจ้ง
staff-item-contact = วิธีที่ผู้แจ้งต้องการให้ติดต่อในตอนนี้
staff-item-consent = ผู้แจ้งเปลี่ยนความยินยอม
staff-item-withdrawal = ผู้แจ้งถอนรายงาน
staff-item-attachment = ไฟล์จากผู้แจ้ง
staff-new = ใหม่
staff-unread = ผู้แจ้งส่งมาตั้งแต่คิวนี้เปิดรายงานครั้งล่าสุด
staff-withdrawn = ผู้แจ้งถอนเมื่อ { $at } · กุญแจของรายงานจะถูกทำลายหลัง { $destroyed }
staff-consent-closed = เมื่อ { $at } ผู้แจ้งถอนความยินยอมที่ให้คิวนี้รับรายงาน คิวนี้เห็นเฉพาะสิ่งที่เปิดอ่านไปก่อนหน้า และทำอะไรกับรายงานนี้ต่อไม่ได้อีก
staff-closure-pending = { $queue }: ผู้แจ้งถอนความยินยอมสำหรับคิวนี้เมื่อ { $at } · สิ่งที่คิวนี้ไม่เคยเปิดจะถูกทำลายหลัง { $destroyed }
staff-closure-destroyed = { $queue }: ผู้แจ้งถอนความยินยอมสำหรับคิวนี้เมื่อ { $at } · สิ่งที่คิวนี้ไม่เคยเปิดถูกทำลายเมื่อ { $destroyed }
staff-entry-consent-closed = ปิดแล้ว: ถอนความยินยอม
staff-download = ดาวน์โหลดไฟล์ (ลบข้อมูลเมตาแล้ว)
staff-zawgyi-shown = พิมพ์ด้วย Zawgyi แสดงเป็น Unicode
staff-zawgyi-as-sent = ตามที่ผู้แจ้งส่งมา
field-media_type = ชนิด
field-size = ขนาด (ไบต์)
field-location_used = ใช้ตำแหน่งในไฟล์เป็นเบาะแส
field-malformed = เข้ารหัสบนอุปกรณ์และรูปแบบผิด: ช่องเหล่านี้ผิดกฎของรายงาน
field-sealed_on_device = เข้ารหัสบนอุปกรณ์ของผู้แจ้ง

## Field errors of the responder forms
error-invalid_username = ใช้ตัวอักษรพิมพ์เล็ก ตัวเลข จุด หรือขีด 3 ถึง 40 ตัว
error-username_taken = ชื่อผู้ใช้นี้มีผู้ใช้แล้ว
error-password_short = ใช้อย่างน้อย 12 ตัวอักษร
error-password_common = รหัสผ่านนี้พบบ่อยเกินไปหรือเดาง่ายเกินไป
error-invalid_slug = ใช้ตัวอักษรพิมพ์เล็ก ตัวเลข และขีด
error-invalid_signing_key = นี่ไม่ใช่กุญแจตรวจสอบ hwov1.
error-organisation_exists = มีองค์กรที่ใช้รหัสนี้ลงทะเบียนไว้แล้ว
error-invalid_signature = นี่ไม่ใช่ลายมือชื่อ hwsg1.
error-no_desk_signing_key = ยังไม่ได้ตั้งค่ากุญแจลงนามขององค์กรศูนย์รับเรื่อง จึงลงนามกำกับอะไรไม่ได้
error-countersignature_mismatch = ลายมือชื่อกำกับนี้ไม่ตรงกับกุญแจขององค์กรศูนย์รับเรื่อง และรหัส ประเภท ประเทศ และกุญแจขององค์กรนี้
error-password_wrong = นี่ไม่ใช่รหัสผ่านปัจจุบันของคุณ
error-recovery_wrong = ชื่อผู้ใช้และกุญแจกู้คืนนี้ไม่ตรงกัน

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = องค์กรของคุณยังไม่ได้รับรองบัญชีนี้ คุณยังคงถือคิวที่ถืออยู่แล้ว แต่จะไม่มีกุญแจคิวใหม่ถูกเข้ารหัสให้คุณ จนกว่าผู้ประสานงานที่ได้รับการรับรองจะรับรองคุณ หรือองค์กรของคุณรับรองด้วยกุญแจลงนามขององค์กร
staff-certify-command = ผู้ประสานงานที่ได้รับการรับรองขององค์กรคุณเป็นผู้รับรองคุณ: อ่านลายนิ้วมือประจำตัวของคุณ (ที่ด้านล่างของหน้านี้) ให้เขาฟังต่อหน้าหรือทางโทรศัพท์ หากคุณเป็นผู้ประสานงานคนแรกขององค์กร ให้รันคำสั่งนี้บนเครื่องออฟไลน์ขององค์กรแทน แล้ววางลายมือชื่อที่ได้ไว้ด้านล่าง และตรวจบนอุปกรณ์เครื่องที่สองที่คุณไว้ใจว่ากุญแจประจำตัวตรงกับหน้านี้
staff-certificate = ลายมือชื่อขององค์กรคุณ (hwsg1.)
staff-certificate-button = รับรองบัญชีของฉัน
staff-certified-self = บัญชีของคุณได้รับการรับรองด้วยกุญแจลงนามขององค์กรคุณแล้ว
staff-certificate-wrong = นั่นไม่ใช่ลายมือชื่อขององค์กรคุณบนบัญชีนี้ หรือองค์กรของคุณยังไม่อยู่ในสถานะใช้งานได้
staff-member-certified = รับรองแล้ว
staff-certify-member = รับรอง
staff-member-certified-done = รับรองสมาชิกแล้ว: ตอนนี้คุณให้คิวแก่เขาได้
staff-uncertified-refused = ปฏิเสธ: องค์กรของคุณไม่ได้รับรองสมาชิกภาพของบัญชีนั้น (สายลายมือชื่อไปไม่ถึงกุญแจขององค์กรคุณ)
staff-gap-no-member = ไม่ใช่สมาชิก
staff-gap-no-identity = ยังไม่ได้รับรอง: ไม่ได้เข้าสู่ระบบเลยตั้งแต่มีกุญแจประจำตัว
staff-gap-key-not-bound = ยังไม่ได้รับรอง: กุญแจประจำตัวไม่ครอบคลุมกุญแจเข้ารหัสของบัญชี
staff-gap-not-certified = ยังไม่ได้รับรอง
staff-gap-broken-chain = ยังไม่ได้รับรอง: ตรวจสอบสายลายมือชื่อไม่ผ่าน (ผู้รับรองออกไปแล้วหรือถูกตั้งค่าใหม่ หรือบันทึกถูกแก้ไข: หากคุณไม่คาดคิดเรื่องนี้ โปรดแจ้งองค์กรของคุณ)
staff-gap-organisation = ยังไม่ได้รับรอง: องค์กรไม่อยู่ในสถานะใช้งานได้ (ถูกระงับหรือไม่มีลายมือชื่อกำกับ)
staff-operator-recovered = สิทธิ์ของผู้ดูแลเซิร์ฟเวอร์ถูกกู้คืนที่คอนโซลของเซิร์ฟเวอร์ (homeward admin recover-operator) เมื่อ { $at }
staff-operator-uncountersigned = องค์กรศูนย์รับเรื่องยังไม่ได้ลงนามกำกับบัญชีผู้ดูแลเซิร์ฟเวอร์นี้ จึงยังทำอะไรในฐานะผู้ดูแลเซิร์ฟเวอร์ไม่ได้ ผู้ดูแลเซิร์ฟเวอร์แต่งตั้งกันเองไม่ได้: องค์กรศูนย์รับเรื่องจะรันคำสั่งด้านล่างบนเครื่องออฟไลน์ของตน แล้วคุณวางลายมือชื่อที่ได้
staff-operator-command = บนเครื่องออฟไลน์ขององค์กรศูนย์รับเรื่อง ด้วยกุญแจลงนามขององค์กร:
staff-audit-head = ส่วนหัวของบันทึกการตรวจสอบ (รายการ, MAC): จดไว้ที่อื่นนอกเซิร์ฟเวอร์นี้ การเขียนบันทึกใหม่ในภายหลังจะไปไม่ถึงค่านี้
staff-your-fingerprint = ลายนิ้วมือประจำตัวของคุณ (อ่านให้ผู้ที่รับรองคุณฟัง ต่อหน้าหรือทางโทรศัพท์):
staff-fingerprint-of = ลายนิ้วมือประจำตัวของเขา ตามที่เขาอ่านให้คุณฟังจากพื้นที่ทำงานของเขาเอง
staff-fingerprint-wrong = ปฏิเสธ: ลายนิ้วมือนั้นไม่ใช่ลายนิ้วมือที่เซิร์ฟเวอร์เก็บไว้สำหรับสมาชิกคนนี้ ขอให้เขาอ่านอีกครั้งจากพื้นที่ทำงานของเขาเอง หากยังไม่ตรง บัญชีของเขาอาจถูกแก้ไขโดยมิชอบ: โปรดแจ้งองค์กรของคุณ
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = ยกเลิก: กลับไปโดยไม่เปลี่ยนแปลงอะไร
staff-confirm-remove-heading = นำสมาชิก { $name } ออกใช่ไหม
staff-confirm-remove-consequence = เซสชันและสำเนากุญแจคิวทุกดอกของเขาจะถูกลบทันทีและกู้คืนไม่ได้ ทุกคิวที่เขาถืออยู่จะถูกทำเครื่องหมาย "ถึงเวลาเปลี่ยนกุญแจ" จนกว่าผู้ประสานงานจะนำเข้าคู่กุญแจใหม่
staff-confirm-remove = ใช่ นำสมาชิกนี้ออก
staff-confirm-suspend-heading = ระงับองค์กร { $name } ใช่ไหม
staff-confirm-suspend-consequence = จนกว่าจะคืนสถานะ คิวขององค์กรนี้จะไม่ได้รับรายงานใหม่ สมาชิกจะเปิดหรือดำเนินการกับรายงานที่ถืออยู่ไม่ได้ และการส่งต่อไปยังองค์กรนี้จะถูกปฏิเสธ
staff-confirm-suspend = ใช่ ระงับองค์กรนี้
staff-desk-key-changed = กุญแจขององค์กรศูนย์รับเรื่อง ซึ่งใช้ตรวจใบรับรองของทุกองค์กรและทุกสมาชิก ถูกเปลี่ยนเมื่อ { $at } (ตอนนี้คือ { $fingerprint }) หากองค์กรศูนย์รับเรื่องไม่ได้แจ้งองค์กรของคุณไว้ โปรดสอบถามก่อนรับรองผู้ใดหรือนำเข้ากุญแจ
staff-desk-key = กุญแจขององค์กรศูนย์รับเรื่อง (ลายนิ้วมือ): เทียบกับลายนิ้วมือที่องค์กรศูนย์รับเรื่องให้องค์กรของคุณไว้
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = ซอร์สโค้ด (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = ภาษาและเขตเวลาของคุณ
staff-settings-language = ภาษาของหน้าเว็บของคุณ
staff-settings-language-browser = ภาษาของเบราว์เซอร์
staff-settings-zone = เขตเวลา
staff-settings-zone-hint = วันที่และเวลาในหน้าของคุณจะแสดงตามเขตเวลานี้ พร้อมระบุส่วนต่างจาก UTC
staff-settings-save = บันทึก
staff-settings-saved = บันทึกแล้ว หน้าของคุณใช้ภาษาและเขตเวลานี้แล้ว
error-language_unknown = โปรดเลือกภาษาจากรายการ
error-zone_unknown = โปรดเลือกเขตเวลาจากรายการ
date-time-zoned = { $day }/{ $month }/{ $year } เวลา { $hour }:{ $minute } น. ({ $offset })
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = ข้ามไปยังเนื้อหาหลัก
