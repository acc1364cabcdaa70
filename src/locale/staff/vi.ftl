# Homeward responder pages, Vietnamese. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (vi.ftl): báo cáo (report), mã biên nhận (receipt code), sự đồng ý
# (consent), người tuyển dụng (recruiter), người báo cáo (reporter). A queue is hàng đợi; the desk
# organisation is tổ chức tiếp nhận (the reporter pages' nhóm tiếp nhận); the projection is bản trích.

# Responder pages
staff-login-heading = Đăng nhập cho người xử lý
staff-username = Tên người dùng
staff-username-hint = Chữ thường, chữ số, dấu chấm, dấu gạch ngang; từ 3 đến 40 ký tự.
staff-password = Mật khẩu
staff-password-hint = Ít nhất 12 ký tự. Vài từ không liên quan với nhau là một mật khẩu tốt.
staff-totp = Mã từ ứng dụng xác thực của bạn
staff-login = Đăng nhập
staff-logout = Đăng xuất
staff-login-failed = Sai tên người dùng, mật khẩu hoặc mã; hoặc, sau nhiều lần thử sai, tài khoản phải đợi vài phút mới nhận lần thử tiếp theo.
staff-login-too-soon = Thử sai quá nhiều lần. Hãy đợi vài phút rồi thử lại.
staff-invite-heading = Tạo tài khoản của bạn
staff-invite-intro = Lời mời này chỉ dùng được một lần. Hãy chọn tên người dùng và mật khẩu.
staff-invite-invalid = Lời mời này không xác định, đã được dùng hoặc đã hết hạn. Hãy xin một lời mời mới.
staff-enrol = Tạo tài khoản
staff-enrolled-heading = Tài khoản của bạn đã sẵn sàng
staff-enrolled-once = Mọi thứ bên dưới chỉ hiện một lần. Hãy lưu lại ngay.
staff-totp-heading = Ứng dụng xác thực
staff-totp-intro = Thêm khóa này vào ứng dụng xác thực của bạn (TOTP, 6 chữ số, 30 giây). Mỗi lần đăng nhập bạn cần một mã từ ứng dụng này.
staff-recovery-heading = Khóa khôi phục
staff-recovery-intro = Nếu bạn quên mật khẩu, chỉ khóa này mới mở lại được các khóa của tài khoản bạn. Hãy cất giữ nó ngoại tuyến.
staff-workspace-heading = Không gian làm việc
staff-invite-someone = Mời người khác
staff-organisation = Tổ chức
staff-role = Vai trò
staff-invite-create = Tạo liên kết mời
staff-invite-created = Liên kết mời (chỉ hiện một lần, có hiệu lực 72 giờ, dùng được một lần):
staff-forbidden = Bạn không được phép làm việc đó.
staff-your-queues = Hàng đợi của bạn
staff-org-queues = Hàng đợi của tổ chức bạn
staff-key-missing = Chưa nhập khóa: không thể mở hàng đợi này.
staff-import-key = Khóa riêng (từ homeward queue keygen)
staff-import = Nhập khóa
staff-key-imported = Đã nhập khóa. Người giữ khóa:
staff-held-after-restore = Hàng đợi này không nhận báo cáo kể từ khi một bản sao lưu được khôi phục: thành viên của nó đã thay đổi sau bản sao lưu đó. Hãy kiểm tra ai đang giữ khóa của nó (bên dưới), rồi xác nhận.
staff-confirm-membership = Đã kiểm tra thành viên: nhận báo cáo trở lại
staff-grant = Cấp quyền truy cập cho
staff-grant-button = Cấp quyền truy cập
staff-key-wrong = Đây không phải khóa riêng của hàng đợi này.
staff-queue-heading = Hàng đợi
staff-priority = Mức ưu tiên
staff-status = Trạng thái
staff-received = Nhận lúc
staff-no-entries = Không có báo cáo nào trong hàng đợi này.
staff-report-heading = Báo cáo
staff-item-report = Nội dung báo cáo
staff-item-triage = Phân loại mức độ khẩn cấp
staff-item-projection = Bản trích (những gì lãnh sự quán và cảnh sát được xem)
staff-item-status = Trao đổi
staff-assignee = Người phụ trách
staff-unassigned = chưa có ai
staff-mine = tôi
staff-claim = Nhận xử lý
staff-release = Trả lại
staff-move = Đổi trạng thái
staff-outcome = Kết quả (khi đóng)
staff-overdue = quá hạn
entry-status-new = mới
entry-status-acknowledged = đã xác nhận tiếp nhận
entry-status-in_progress = đang xử lý
entry-status-waiting_for_reporter = đang chờ người báo cáo
entry-status-referred = đã chuyển giao
entry-status-closed = đã đóng
outcome-located = đã xác định được nơi ở
outcome-rescued = đã được giải cứu
outcome-repatriated = đã hồi hương
outcome-referred_on = đã chuyển tiếp nơi khác
outcome-unreachable = không liên lạc được
outcome-duplicate = trùng lặp
outcome-not_credible = không đáng tin
outcome-other = khác
staff-item-reply = Trả lời người báo cáo
staff-item-note = Ghi chú nội bộ
staff-reply = Viết cho người báo cáo (họ đọc bằng mã biên nhận của họ)
staff-send-reply = Gửi trả lời
staff-note = Ghi chú nội bộ (chỉ tổ chức của bạn thấy)
staff-add-note = Thêm ghi chú

## The operator's organisations
org-heading = Tổ chức
org-intro = Thẩm tra cần hai bước: ghi lại ở đây, rồi để tổ chức tiếp nhận ký xác nhận khóa ký của tổ chức đó, ngoại tuyến. Một hàng đợi chỉ nhận báo cáo khi tổ chức của nó đã được thẩm tra, đã được ký xác nhận và đang hoạt động, khóa của nó mang chữ ký của tổ chức, và một điều phối viên đã nhập khóa riêng của nó.
org-register = Đăng ký một tổ chức
org-register-button = Đăng ký
org-id = Mã định danh
org-id-hint = Chữ thường, chữ số và dấu gạch ngang, như các hàng đợi trong config gọi nó.
org-name = Tên
org-kind = Loại
org-kind-ngo = Tổ chức phi chính phủ
org-kind-consulate = Lãnh sự quán
org-kind-police = Cảnh sát
org-country = Quốc gia
org-country-hint = Mã ISO hai chữ cái: nơi tổ chức phi chính phủ hoặc lực lượng cảnh sát hoạt động, quốc gia có công dân mà lãnh sự quán phục vụ.
org-contact = Liên hệ
org-contact-hint = Cách liên lạc với điều phối viên của tổ chức (không bắt buộc).
org-signing-key = Khóa xác minh
org-signing-key-hint = Khóa hwov1. từ lệnh `homeward org keygen` do chính tổ chức đó chạy.
org-queues = Hàng đợi
org-details = Chi tiết
org-save = Lưu
org-demo = Tổ chức mẫu của một bản cài mới: không cần thẩm tra.
org-vetting = Thẩm tra
org-vetted-by = Đã thẩm tra:
org-evidence = Căn cứ
org-evidence-hint = Ai đã bảo lãnh, đã kiểm tra những gì, hồ sơ nằm ở đâu.
org-record-vetting = Ghi nhận thẩm tra
org-countersignature = Chữ ký xác nhận
org-countersigned = Chữ ký xác nhận của tổ chức tiếp nhận hợp lệ.
org-countersign-intro = Tổ chức tiếp nhận chạy lệnh này trên máy ngoại tuyến của mình, sau khi đối chiếu các thông tin này với chính tổ chức đó, rồi gửi lại kết quả:
org-countersignature-field = Chữ ký xác nhận (hwsg1.)
org-add-countersignature = Thêm chữ ký xác nhận
org-suspension = Đình chỉ
org-suspended = Đã đình chỉ: các hàng đợi của tổ chức không nhận được gì.
org-suspend = Đình chỉ
org-reinstate = Khôi phục hoạt động
org-first-coordinator = Điều phối viên
org-invite-coordinator = Tạo lời mời cho một điều phối viên
staff-organisations-link = Tổ chức
hold-none = đang nhận báo cáo
hold-unregistered = đơn vị vận hành chưa đăng ký
hold-not-vetted = chưa ghi nhận thẩm tra
hold-not-countersigned = chưa có chữ ký xác nhận hợp lệ của tổ chức tiếp nhận
hold-suspended = đã đình chỉ
hold-wrong-organisation = loại của hàng đợi không phù hợp với tổ chức của nó
hold-key-unsigned = khóa của hàng đợi thiếu chữ ký của tổ chức
hold-key-not-imported = chưa điều phối viên nào nhập khóa riêng của hàng đợi
hold-held-after-restore = thành viên đã thay đổi kể từ bản sao lưu được khôi phục: một điều phối viên phải xác nhận

## Members and key rotation
staff-members = Thành viên
staff-remove-member = Gỡ bỏ
staff-member-removed = Đã gỡ thành viên: các phiên đăng nhập và bản sao khóa của họ đã bị xóa.
staff-member-removed-rotate = Đã gỡ thành viên: các phiên đăng nhập và bản sao khóa của họ đã bị xóa. Hãy nhập một cặp khóa mới cho:
staff-rotation-due = Đến hạn đổi khóa: một thành viên từng giữ khóa này đã rời đi. Hãy tạo một cặp khóa mới có chữ ký, ngoại tuyến (homeward queue keygen), rồi nhập vào.
staff-rotate = Đổi khóa
staff-rotate-key = Khóa riêng mới (từ homeward queue keygen)
staff-rotate-signature = Chữ ký của nó (hwsg1., in bên cạnh khóa công khai)
staff-rotate-button = Chuyển sang khóa mới
staff-rotate-key-wrong = Đó không phải khóa riêng mới của hàng đợi này.
staff-rotate-signature-wrong = Chữ ký đó không phải của tổ chức bạn trên khóa mới này.
staff-resealing = Một số báo cáo vẫn đang được mã hóa bằng khóa cũ của hàng đợi này.
staff-reseal = Hoàn tất mã hóa lại
staff-queue-changes = Thay đổi đối với hàng đợi của bạn trong config của máy chủ
staff-queue_declared = đã khai báo
staff-queue_changed = đã thay đổi (tổ chức, loại, khóa hoặc điều kiện)
staff-queue_withdrawn = đã rút

## Passwords and getting back in
staff-password-heading = Đổi mật khẩu
staff-password-current = Mật khẩu hiện tại
staff-password-new = Mật khẩu mới
staff-password-change = Đổi mật khẩu
staff-password-changed = Mật khẩu của bạn đã được đổi. Các phiên đăng nhập khác của bạn đã kết thúc.
staff-recover-link = Quên mật khẩu? Hãy dùng khóa khôi phục.
staff-recover-heading = Vào lại bằng khóa khôi phục
staff-recover-intro = Khóa khôi phục mở lại các khóa của tài khoản bạn. Bạn chọn mật khẩu mới và cài lại ứng dụng xác thực; bạn sẽ nhận một khóa khôi phục mới.
staff-recover-button = Đặt lại mật khẩu của tôi
staff-reset-heading = Bắt đầu lại
staff-reset-intro = Điều phối viên của bạn tạo liên kết này vì mật khẩu và khóa khôi phục của bạn đã bị mất. Tài khoản của bạn sẽ có khóa mới; sau đó điều phối viên sẽ cấp lại cho bạn quyền truy cập các hàng đợi.
staff-reset-button = Đặt mật khẩu mới
staff-reset-member = Liên kết đặt lại

## Referral
staff-refer-to = Chuyển giao đến hàng đợi
staff-refer-reason = Lý do
staff-refer-hint = Các hàng đợi của tổ chức phi chính phủ đang giữ báo cáo sẽ thấy (cả hàng đợi nhận, nếu đó là tổ chức phi chính phủ); lãnh sự quán hay cảnh sát không bao giờ thấy.
staff-refer = Chuyển giao
staff-item-referral = Chuyển giao
referral-not-receiving = Hàng đợi đó hiện không nhận báo cáo.
referral-already-held = Hàng đợi đó đã giữ báo cáo này.
referral-no-consent = Người báo cáo không đồng ý việc đó. Không có ngoại lệ.
referral-needs-more = Mục này chỉ chứa bản trích: chỉ có thể chuyển giao cho lãnh sự quán hoặc cảnh sát.
referral-wrong-country = Lãnh sự quán chỉ nhận báo cáo về công dân nước mình, và cảnh sát chỉ nhận báo cáo từ nước mình.
referral-old-projection = Mọi bản trích của báo cáo này đều được làm trước khi phạm vi lãnh sự quán hoặc cảnh sát được xem bị thu hẹp, và có thể chứa thông tin liên lạc: hãy phát hành một phiên bản bản trích mới trước.
referral-not-possible = Không thể chuyển giao báo cáo này đến hàng đợi đó.
referral-no-reason = Hãy nêu lý do.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] { $count } báo cáo khẩn cấp
   *[other] { $count } báo cáo khẩn cấp
} trong hàng đợi { $queue } chưa có ai nhận xử lý và đã quá thời hạn xác nhận tiếp nhận.
staff-projection-issue = Phát hành phiên bản bản trích mới
staff-projection-json = Bản trích (những gì lãnh sự quán và cảnh sát được xem), dạng JSON
staff-projection-hint = Cùng các trường như phần người, giấy tờ, vị trí và mong muốn của một báo cáo. Bản này được mã hóa thành phiên bản tiếp theo cho mọi hàng đợi đang giữ báo cáo này và được phép xem nó.
staff-projection-button = Phát hành phiên bản này
staff-item-addition = Từ người báo cáo
staff-item-contact = Cách người báo cáo muốn được liên lạc bây giờ
staff-item-consent = Người báo cáo đã thay đổi sự đồng ý
staff-item-withdrawal = Người báo cáo đã rút lại báo cáo
staff-item-attachment = Một tệp từ người báo cáo
staff-new = mới
staff-unread = người báo cáo đã gửi kể từ lần cuối hàng đợi này mở báo cáo
staff-withdrawn = Người báo cáo đã rút lại vào { $at } · các khóa của báo cáo bị hủy sau { $destroyed }
staff-consent-closed = Vào { $at }, người báo cáo đã rút lại sự đồng ý cho phép hàng đợi này nhận báo cáo. Hàng đợi này chỉ thấy những gì đã mở trước đó và không thể làm gì thêm với báo cáo.
staff-closure-pending = { $queue }: người báo cáo đã rút lại sự đồng ý cho hàng đợi này vào { $at } · những gì hàng đợi chưa từng mở sẽ bị hủy sau { $destroyed }
staff-closure-destroyed = { $queue }: người báo cáo đã rút lại sự đồng ý cho hàng đợi này vào { $at } · những gì hàng đợi chưa từng mở đã bị hủy vào { $destroyed }
staff-entry-consent-closed = đã đóng: sự đồng ý đã bị rút lại
staff-download = Tải tệp xuống (đã xóa siêu dữ liệu)
staff-zawgyi-shown = Gõ bằng Zawgyi, hiển thị bằng Unicode
staff-zawgyi-as-sent = Như người báo cáo đã gửi
field-media_type = Loại
field-size = Kích thước (byte)
field-location_used = Vị trí trong tệp đã được dùng làm gợi ý
field-malformed = Được mã hóa trên thiết bị và sai định dạng: các trường này vi phạm quy tắc của báo cáo
field-sealed_on_device = Được mã hóa trên thiết bị của người báo cáo

## Field errors of the responder forms
error-invalid_username = Hãy dùng từ 3 đến 40 chữ thường, chữ số, dấu chấm hoặc dấu gạch ngang.
error-username_taken = Tên người dùng này đã có người dùng.
error-password_short = Hãy dùng ít nhất 12 ký tự.
error-password_common = Mật khẩu này quá phổ biến hoặc quá dễ đoán.
error-invalid_slug = Hãy dùng chữ thường, chữ số và dấu gạch ngang.
error-invalid_signing_key = Đây không phải khóa xác minh hwov1.
error-organisation_exists = Đã có một tổ chức đăng ký với mã định danh này.
error-invalid_signature = Đây không phải chữ ký hwsg1.
error-no_desk_signing_key = Chưa cấu hình khóa ký của tổ chức tiếp nhận, nên không thể ký xác nhận gì.
error-countersignature_mismatch = Chữ ký xác nhận này không khớp với khóa của tổ chức tiếp nhận và mã định danh, loại, quốc gia và khóa của tổ chức này.
error-password_wrong = Đây không phải mật khẩu hiện tại của bạn.
error-recovery_wrong = Tên người dùng và khóa khôi phục này không khớp với nhau.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = Tổ chức của bạn chưa chứng nhận tài khoản này. Bạn vẫn giữ các hàng đợi đã có, nhưng không có khóa hàng đợi mới nào được mã hóa cho bạn cho đến khi một điều phối viên đã được chứng nhận chứng nhận bạn, hoặc tổ chức của bạn chứng nhận bằng khóa ký của mình.
staff-certify-command = Một điều phối viên đã được chứng nhận của tổ chức bạn sẽ chứng nhận bạn: hãy đọc dấu vân tay định danh của bạn (ở cuối trang này) cho họ nghe, trực tiếp hoặc qua điện thoại. Nếu bạn là điều phối viên đầu tiên của tổ chức, hãy chạy lệnh này trên máy ngoại tuyến của tổ chức và dán chữ ký nó in ra vào bên dưới; hãy kiểm tra trên một thiết bị thứ hai mà bạn tin cậy rằng khóa định danh khớp với trang này.
staff-certificate = Chữ ký của tổ chức bạn (hwsg1.)
staff-certificate-button = Chứng nhận tài khoản của tôi
staff-certified-self = Tài khoản của bạn đã được chứng nhận bằng khóa ký của tổ chức bạn.
staff-certificate-wrong = Đó không phải chữ ký của tổ chức bạn trên tài khoản này, hoặc tổ chức của bạn chưa đủ điều kiện hoạt động.
staff-member-certified = đã chứng nhận
staff-certify-member = Chứng nhận
staff-member-certified-done = Đã chứng nhận thành viên: giờ bạn có thể giao hàng đợi cho họ.
staff-uncertified-refused = Bị từ chối: tư cách thành viên của tài khoản đó chưa được tổ chức bạn chứng nhận (chuỗi chữ ký của nó không dẫn tới khóa của tổ chức bạn).
staff-gap-no-member = không phải thành viên
staff-gap-no-identity = chưa chứng nhận: chưa đăng nhập từ khi có khóa định danh
staff-gap-key-not-bound = chưa chứng nhận: khóa định danh không bao gồm khóa mã hóa của tài khoản
staff-gap-not-certified = chưa chứng nhận
staff-gap-broken-chain = chưa chứng nhận: chuỗi chữ ký không xác minh được (người đã chứng nhận đã rời đi hoặc bị đặt lại, hoặc hồ sơ đã bị sửa: hãy báo tổ chức của bạn nếu bạn không ngờ tới điều này)
staff-gap-organisation = chưa chứng nhận: tổ chức không đủ điều kiện hoạt động (bị đình chỉ hoặc chưa được ký xác nhận)
staff-operator-recovered = Quyền của đơn vị vận hành đã được khôi phục tại bảng điều khiển của máy chủ (homeward admin recover-operator) vào { $at }.
staff-operator-uncountersigned = Tổ chức tiếp nhận chưa ký xác nhận tài khoản vận hành này, nên tài khoản chưa thể làm gì với tư cách vận hành. Các tài khoản vận hành không thể tự tạo cho nhau: tổ chức tiếp nhận chạy lệnh dưới đây trên máy ngoại tuyến của mình, và bạn dán chữ ký nó in ra.
staff-operator-command = Trên máy ngoại tuyến của tổ chức tiếp nhận, với khóa ký của tổ chức:
staff-audit-head = Đầu nhật ký kiểm tra (mục, MAC): hãy ghi lại ở đâu đó ngoài máy chủ này; việc viết lại nhật ký sau này sẽ không chạm tới nó.
staff-your-fingerprint = Dấu vân tay định danh của bạn (đọc cho người chứng nhận bạn nghe, trực tiếp hoặc qua điện thoại):
staff-fingerprint-of = Dấu vân tay định danh của họ, như họ đọc cho bạn từ không gian làm việc của chính họ
staff-fingerprint-wrong = Bị từ chối: dấu vân tay đó không phải dấu vân tay máy chủ lưu cho thành viên này. Hãy nhờ họ đọc lại từ không gian làm việc của chính họ; nếu vẫn khác, tài khoản của họ có thể đã bị can thiệp: hãy báo tổ chức của bạn.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = Hủy: quay lại mà không thay đổi gì
staff-confirm-remove-heading = Gỡ thành viên { $name }?
staff-confirm-remove-consequence = Các phiên đăng nhập và bản sao mọi khóa hàng đợi của họ bị xóa ngay và không thể khôi phục; mỗi hàng đợi họ từng giữ được đánh dấu "đến hạn đổi khóa" cho đến khi một điều phối viên nhập cặp khóa mới.
staff-confirm-remove = Có, gỡ thành viên này
staff-confirm-suspend-heading = Đình chỉ tổ chức { $name }?
staff-confirm-suspend-consequence = Cho đến khi được khôi phục hoạt động, các hàng đợi của tổ chức không nhận báo cáo mới, thành viên không thể mở hay xử lý các báo cáo họ đang giữ, và mọi chuyển giao đến họ đều bị từ chối.
staff-confirm-suspend = Có, đình chỉ tổ chức này
staff-desk-key-changed = Khóa của tổ chức tiếp nhận, dùng để kiểm tra chứng nhận của mọi tổ chức và mọi thành viên, đã thay đổi vào { $at } (hiện là { $fingerprint }). Nếu tổ chức tiếp nhận chưa báo điều này cho tổ chức của bạn, hãy hỏi họ trước khi chứng nhận ai hoặc nhập khóa.
staff-desk-key = Khóa của tổ chức tiếp nhận (dấu vân tay): hãy so với dấu vân tay mà tổ chức tiếp nhận đã đưa cho tổ chức của bạn.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = Mã nguồn (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = Ngôn ngữ và múi giờ của bạn
staff-settings-language = Ngôn ngữ của các trang
staff-settings-language-browser = Ngôn ngữ của trình duyệt
staff-settings-zone = Múi giờ
staff-settings-zone-hint = Ngày giờ trên các trang của bạn được hiển thị theo múi giờ này, kèm độ lệch so với UTC.
staff-settings-save = Lưu
staff-settings-saved = Đã lưu. Các trang của bạn giờ dùng ngôn ngữ và múi giờ này.
error-language_unknown = Hãy chọn một ngôn ngữ trong danh sách.
error-zone_unknown = Hãy chọn một múi giờ trong danh sách.
date-time-zoned = { $hour }:{ $minute } ({ $offset }) ngày { $day }/{ $month }/{ $year }
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = Chuyển đến nội dung chính
