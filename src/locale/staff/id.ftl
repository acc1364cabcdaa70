# Homeward responder pages, Indonesian. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (id.ftl): laporan (report), kode tanda terima (receipt code),
# persetujuan (consent), perekrut (recruiter), pelapor (reporter). A queue is antrean; the desk
# organisation is organisasi pusat; the projection is cuplikan.

# Responder pages
staff-login-heading = Masuk untuk petugas
staff-username = Nama pengguna
staff-username-hint = Huruf kecil, angka, titik, tanda hubung; 3 sampai 40 karakter.
staff-password = Kata sandi
staff-password-hint = Minimal 12 karakter. Beberapa kata yang tidak saling berhubungan menjadi kata sandi yang baik.
staff-totp = Kode dari aplikasi autentikator Anda
staff-login = Masuk
staff-logout = Keluar
staff-login-failed = Nama pengguna, kata sandi, atau kode salah; atau, setelah beberapa kali salah, akun menunggu beberapa menit sebelum menerima percobaan berikutnya.
staff-login-too-soon = Terlalu banyak percobaan yang gagal. Tunggu beberapa menit lalu coba lagi.
staff-invite-heading = Buat akun Anda
staff-invite-intro = Undangan ini hanya bisa dipakai sekali. Pilih nama pengguna dan kata sandi.
staff-invite-invalid = Undangan ini tidak dikenal, sudah dipakai, atau sudah kedaluwarsa. Mintalah undangan baru.
staff-enrol = Buat akun
staff-enrolled-heading = Akun Anda sudah siap
staff-enrolled-once = Semua yang di bawah ini hanya ditampilkan sekali. Simpan sekarang.
staff-totp-heading = Aplikasi autentikator
staff-totp-intro = Tambahkan kunci ini ke aplikasi autentikator Anda (TOTP, 6 digit, 30 detik). Anda memerlukan kode darinya setiap kali masuk.
staff-recovery-heading = Kunci pemulihan
staff-recovery-intro = Jika Anda lupa kata sandi, hanya kunci ini yang bisa membuka kembali kunci-kunci akun Anda. Simpan secara offline.
staff-workspace-heading = Ruang kerja
staff-invite-someone = Undang seseorang
staff-organisation = Organisasi
staff-role = Peran
staff-invite-create = Buat tautan undangan
staff-invite-created = Tautan undangan (ditampilkan sekali, berlaku 72 jam, bisa dipakai sekali):
staff-forbidden = Anda tidak diizinkan melakukan itu.
staff-your-queues = Antrean Anda
staff-org-queues = Antrean organisasi Anda
staff-key-missing = Belum ada kunci yang diimpor: antrean ini tidak bisa dibuka.
staff-import-key = Kunci privat (dari homeward queue keygen)
staff-import = Impor kunci
staff-key-imported = Kunci diimpor. Dipegang oleh:
staff-held-after-restore = Antrean ini tidak menerima laporan sejak cadangan (backup) dipulihkan: keanggotaannya berubah setelah cadangan itu dibuat. Periksa siapa yang memegang kuncinya (di bawah), lalu konfirmasi.
staff-confirm-membership = Keanggotaan sudah diperiksa: terima laporan lagi
staff-grant = Beri akses kepada
staff-grant-button = Beri akses
staff-key-wrong = Ini bukan kunci privat antrean ini.
staff-queue-heading = Antrean
staff-priority = Prioritas
staff-status = Status
staff-received = Diterima
staff-no-entries = Tidak ada laporan di antrean ini.
staff-report-heading = Laporan
staff-item-report = Isi laporan
staff-item-triage = Triase
staff-item-projection = Cuplikan (yang boleh dilihat konsulat dan polisi)
staff-item-status = Percakapan
staff-assignee = Ditangani oleh
staff-unassigned = belum ada
staff-mine = saya
staff-claim = Tangani
staff-release = Lepaskan
staff-move = Ubah status
staff-outcome = Hasil (saat menutup)
staff-overdue = lewat tenggat
entry-status-new = baru
entry-status-acknowledged = sudah dikonfirmasi
entry-status-in_progress = sedang ditangani
entry-status-waiting_for_reporter = menunggu pelapor
entry-status-referred = dirujuk
entry-status-closed = ditutup
outcome-located = ditemukan
outcome-rescued = diselamatkan
outcome-repatriated = dipulangkan
outcome-referred_on = dirujuk ke pihak lain
outcome-unreachable = tidak bisa dihubungi
outcome-duplicate = duplikat
outcome-not_credible = tidak kredibel
outcome-other = lainnya
staff-item-reply = Balasan kepada pelapor
staff-item-note = Catatan internal
staff-reply = Tulis kepada pelapor (mereka membacanya dengan kode tanda terima mereka)
staff-send-reply = Kirim balasan
staff-note = Catatan internal (hanya organisasi Anda yang melihatnya)
staff-add-note = Tambah catatan

## The operator's organisations
org-heading = Organisasi
org-intro = Verifikasi kelayakan butuh dua pihak: catat di sini, lalu minta organisasi pusat memberi tanda tangan pengesahan pada kunci penandatanganan organisasi itu secara offline. Sebuah antrean hanya menerima laporan jika organisasinya sudah diverifikasi, disahkan, dan aktif, kuncinya membawa tanda tangan organisasi, dan seorang koordinator sudah mengimpor kunci privatnya.
org-register = Daftarkan organisasi
org-register-button = Daftarkan
org-id = Id
org-id-hint = Huruf kecil, angka, dan tanda hubung, seperti yang disebut antrean di config.
org-name = Nama
org-kind = Jenis
org-kind-ngo = LSM
org-kind-consulate = Konsulat
org-kind-police = Polisi
org-country = Negara
org-country-hint = Kode ISO dua huruf: tempat LSM atau polisi bekerja, atau negara yang warganya dilayani konsulat.
org-contact = Kontak
org-contact-hint = Cara menghubungi koordinator organisasi (tidak wajib).
org-signing-key = Kunci verifikasi
org-signing-key-hint = Kunci hwov1. dari `homeward org keygen` yang dijalankan organisasi itu sendiri.
org-queues = Antrean
org-details = Rincian
org-save = Simpan
org-demo = Organisasi contoh pada instalasi baru: tidak ada yang perlu diverifikasi.
org-vetting = Verifikasi kelayakan
org-vetted-by = Diverifikasi:
org-evidence = Bukti
org-evidence-hint = Siapa yang menjamin, apa yang diperiksa, di mana catatannya disimpan.
org-record-vetting = Catat verifikasi
org-countersignature = Tanda tangan pengesahan
org-countersigned = Tanda tangan pengesahan organisasi pusat cocok.
org-countersign-intro = Organisasi pusat menjalankan ini di komputer offline-nya, setelah mencocokkan rincian ini dengan organisasi itu sendiri, lalu mengirimkan hasilnya:
org-countersignature-field = Tanda tangan pengesahan (hwsg1.)
org-add-countersignature = Tambahkan tanda tangan pengesahan
org-suspension = Penangguhan
org-suspended = Ditangguhkan: antreannya tidak menerima apa pun.
org-suspend = Tangguhkan
org-reinstate = Aktifkan kembali
org-first-coordinator = Koordinator
org-invite-coordinator = Buat undangan untuk koordinator
staff-organisations-link = Organisasi
hold-none = menerima laporan
hold-unregistered = belum didaftarkan oleh operator
hold-not-vetted = verifikasi belum dicatat
hold-not-countersigned = tidak ada tanda tangan pengesahan yang sah dari organisasi pusat
hold-suspended = ditangguhkan
hold-wrong-organisation = jenis antrean tidak sesuai dengan organisasinya
hold-key-unsigned = kunci antrean tidak memiliki tanda tangan organisasi
hold-key-not-imported = belum ada koordinator yang mengimpor kunci privat antrean
hold-held-after-restore = keanggotaannya berubah sejak cadangan yang dipulihkan: seorang koordinator harus mengonfirmasinya

## Members and key rotation
staff-members = Anggota
staff-remove-member = Keluarkan
staff-member-removed = Anggota dikeluarkan: sesi dan salinan kuncinya sudah dihapus.
staff-member-removed-rotate = Anggota dikeluarkan: sesi dan salinan kuncinya sudah dihapus. Impor pasangan kunci baru untuk:
staff-rotation-due = Kunci perlu diganti: seorang anggota yang memegang kunci ini sudah keluar. Buat pasangan kunci baru yang ditandatangani secara offline (homeward queue keygen) lalu impor.
staff-rotate = Ganti kunci
staff-rotate-key = Kunci privat baru (dari homeward queue keygen)
staff-rotate-signature = Tanda tangannya (hwsg1., dicetak di samping kunci publik)
staff-rotate-button = Beralih ke kunci baru
staff-rotate-key-wrong = Itu bukan kunci privat baru untuk antrean ini.
staff-rotate-signature-wrong = Tanda tangan itu bukan tanda tangan organisasi Anda atas kunci baru ini.
staff-resealing = Beberapa laporan masih terenkripsi dengan kunci lama antrean ini.
staff-reseal = Selesaikan enkripsi ulang
staff-queue-changes = Perubahan pada antrean Anda di config server
staff-queue_declared = dinyatakan
staff-queue_changed = diubah (organisasi, jenis, kunci, atau syarat)
staff-queue_withdrawn = ditarik

## Passwords and getting back in
staff-password-heading = Ubah kata sandi Anda
staff-password-current = Kata sandi saat ini
staff-password-new = Kata sandi baru
staff-password-change = Ubah kata sandi
staff-password-changed = Kata sandi Anda sudah diubah. Sesi Anda yang lain sudah diakhiri.
staff-recover-link = Lupa kata sandi? Gunakan kunci pemulihan Anda.
staff-recover-heading = Masuk kembali dengan kunci pemulihan
staff-recover-intro = Kunci pemulihan membuka kembali kunci-kunci akun Anda. Anda memilih kata sandi baru dan mengatur ulang aplikasi autentikator; Anda mendapat kunci pemulihan baru.
staff-recover-button = Atur ulang kata sandi saya
staff-reset-heading = Mulai dari awal
staff-reset-intro = Koordinator Anda membuat tautan ini karena kata sandi dan kunci pemulihan Anda hilang. Akun Anda mendapat kunci baru; setelah itu koordinator Anda memberi akses ke antrean Anda lagi.
staff-reset-button = Tetapkan kata sandi baru saya
staff-reset-member = Tautan atur ulang

## Referral
staff-refer-to = Rujuk ke antrean
staff-refer-reason = Alasan
staff-refer-hint = Dilihat oleh antrean LSM yang memegang laporan ini (juga antrean penerima, jika itu LSM), tidak pernah oleh konsulat atau polisi.
staff-refer = Rujuk
staff-item-referral = Rujukan
referral-not-receiving = Antrean itu sedang tidak menerima laporan.
referral-already-held = Antrean itu sudah memegang laporan ini.
referral-no-consent = Pelapor tidak menyetujui hal itu. Tidak ada pengecualian.
referral-needs-more = Entri ini hanya berisi cuplikan: hanya bisa dirujuk ke konsulat atau polisi.
referral-wrong-country = Konsulat hanya menerima laporan tentang warga negaranya sendiri, dan polisi hanya laporan dari negaranya.
referral-old-projection = Setiap cuplikan laporan ini dibuat sebelum apa yang boleh dilihat konsulat atau polisi dipersempit, dan mungkin berisi detail kontak: terbitkan versi cuplikan yang baru dulu.
referral-not-possible = Laporan ini tidak bisa dirujuk ke antrean itu.
referral-no-reason = Sebutkan alasannya.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] { $count } laporan kritis
   *[other] { $count } laporan kritis
} di antrean { $queue } belum ditangani siapa pun dan sudah lewat batas waktu konfirmasi.
staff-projection-issue = Terbitkan versi cuplikan baru
staff-projection-json = Cuplikan (yang boleh dilihat konsulat dan polisi), sebagai JSON
staff-projection-hint = Kolomnya sama dengan bagian orang, dokumen, lokasi, dan keinginan pada laporan. Cuplikan ini dienkripsi sebagai versi berikutnya untuk setiap antrean yang memegang laporan ini dan boleh melihatnya.
staff-projection-button = Terbitkan versi ini
staff-item-addition = Dari pelapor
staff-item-contact = Cara pelapor ingin dihubungi sekarang
staff-item-consent = Pelapor mengubah persetujuannya
staff-item-withdrawal = Pelapor menarik kembali laporan
staff-item-attachment = File dari pelapor
staff-new = baru
staff-unread = dikirim pelapor sejak antrean ini terakhir membuka laporan
staff-withdrawn = Ditarik kembali oleh pelapor pada { $at } · kuncinya dimusnahkan setelah { $destroyed }
staff-consent-closed = Pada { $at }, pelapor menarik persetujuan yang membuat antrean ini menerima laporan. Antrean ini hanya melihat apa yang sudah dibukanya sebelumnya dan tidak bisa melakukan apa pun lagi pada laporan ini.
staff-closure-pending = { $queue }: pelapor menarik persetujuan untuk antrean ini pada { $at } · yang tidak pernah dibukanya dimusnahkan setelah { $destroyed }
staff-closure-destroyed = { $queue }: pelapor menarik persetujuan untuk antrean ini pada { $at } · yang tidak pernah dibukanya sudah dimusnahkan pada { $destroyed }
staff-entry-consent-closed = ditutup: persetujuan ditarik
staff-download = Unduh file (metadatanya sudah dibersihkan)
staff-zawgyi-shown = Diketik dalam Zawgyi, ditampilkan dalam Unicode
staff-zawgyi-as-sent = Seperti yang dikirim pelapor
field-media_type = Jenis
field-size = Ukuran dalam byte
field-location_used = Lokasinya dipakai sebagai petunjuk
field-malformed = Dienkripsi di perangkat dan formatnya rusak: kolom-kolom ini melanggar aturan laporan
field-sealed_on_device = Dienkripsi di perangkat pelapor

## Field errors of the responder forms
error-invalid_username = Gunakan 3 sampai 40 huruf kecil, angka, titik, atau tanda hubung.
error-username_taken = Nama pengguna ini sudah dipakai.
error-password_short = Gunakan minimal 12 karakter.
error-password_common = Kata sandi ini terlalu umum atau terlalu mudah ditebak.
error-invalid_slug = Gunakan huruf kecil, angka, dan tanda hubung.
error-invalid_signing_key = Ini bukan kunci verifikasi hwov1.
error-organisation_exists = Organisasi dengan id ini sudah terdaftar.
error-invalid_signature = Ini bukan tanda tangan hwsg1.
error-no_desk_signing_key = Kunci penandatanganan organisasi pusat belum diatur, jadi tidak ada yang bisa disahkan.
error-countersignature_mismatch = Tanda tangan pengesahan ini tidak cocok dengan kunci organisasi pusat dan id, jenis, negara, serta kunci organisasi ini.
error-password_wrong = Ini bukan kata sandi Anda saat ini.
error-recovery_wrong = Nama pengguna dan kunci pemulihan ini tidak cocok.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = Organisasi Anda belum menyertifikasi akun ini. Anda tetap memegang antrean yang sudah Anda pegang, tetapi tidak ada kunci antrean baru yang dienkripsi untuk Anda sampai seorang koordinator tersertifikasi menyertifikasi Anda, atau organisasi Anda melakukannya dengan kunci penandatanganannya.
staff-certify-command = Seorang koordinator tersertifikasi di organisasi Anda menyertifikasi Anda: bacakan sidik jari identitas Anda (di bagian bawah halaman ini) kepadanya secara langsung atau lewat telepon. Jika Anda koordinator pertama organisasi, jalankan perintah ini di komputer offline organisasi dan tempelkan tanda tangan yang dicetaknya di bawah; periksa di perangkat kedua yang Anda percayai bahwa kunci identitasnya cocok dengan halaman ini.
staff-certificate = Tanda tangan organisasi Anda (hwsg1.)
staff-certificate-button = Sertifikasi akun saya
staff-certified-self = Akun Anda sekarang tersertifikasi oleh kunci penandatanganan organisasi Anda.
staff-certificate-wrong = Itu bukan tanda tangan organisasi Anda atas akun ini, atau organisasi Anda belum sah.
staff-member-certified = tersertifikasi
staff-certify-member = Sertifikasi
staff-member-certified-done = Anggota tersertifikasi: sekarang Anda bisa memberinya antrean.
staff-uncertified-refused = Ditolak: keanggotaan akun itu tidak disertifikasi oleh organisasi Anda (rantai tanda tangannya tidak sampai ke kunci organisasi Anda).
staff-gap-no-member = bukan anggota
staff-gap-no-identity = belum tersertifikasi: belum masuk sejak kunci identitas diberlakukan
staff-gap-key-not-bound = belum tersertifikasi: kunci identitasnya tidak mencakup kunci enkripsinya
staff-gap-not-certified = belum tersertifikasi
staff-gap-broken-chain = belum tersertifikasi: rantai tanda tangannya tidak bisa diverifikasi (yang menyertifikasinya sudah keluar atau diatur ulang, atau catatannya diubah: beri tahu organisasi Anda jika Anda tidak mengira ini)
staff-gap-organisation = belum tersertifikasi: organisasinya tidak sah (ditangguhkan atau belum disahkan)
staff-operator-recovered = Akses operator dipulihkan di konsol server (homeward admin recover-operator) pada { $at }.
staff-operator-uncountersigned = Organisasi pusat belum mengesahkan akun operator ini, jadi akun ini belum bisa melakukan apa pun sebagai operator. Operator tidak bisa saling mengangkat: organisasi pusat menjalankan perintah di bawah di komputer offline-nya, dan Anda menempelkan tanda tangan yang dicetaknya.
staff-operator-command = Di komputer offline organisasi pusat, dengan kunci penandatanganannya:
staff-audit-head = Kepala log audit (entri, MAC): catat di suatu tempat di luar server ini; penulisan ulang log di kemudian hari tidak akan menjangkaunya.
staff-your-fingerprint = Sidik jari identitas Anda (bacakan secara langsung atau lewat telepon kepada orang yang menyertifikasi Anda):
staff-fingerprint-of = Sidik jari identitasnya, seperti yang dibacakannya kepada Anda dari ruang kerjanya sendiri
staff-fingerprint-wrong = Ditolak: sidik jari itu bukan yang disimpan server untuk anggota ini. Minta mereka membacanya lagi dari ruang kerja mereka sendiri; jika masih berbeda, akun mereka mungkin telah diutak-atik: beri tahu organisasi Anda.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = Batal: kembali tanpa mengubah apa pun
staff-confirm-remove-heading = Keluarkan anggota { $name }?
staff-confirm-remove-consequence = Sesi mereka dan salinan setiap kunci antrean mereka langsung hilang dan tidak bisa dipulihkan; setiap antrean yang mereka pegang ditandai "kunci perlu diganti" sampai seorang koordinator mengimpor pasangan kunci baru.
staff-confirm-remove = Ya, keluarkan anggota ini
staff-confirm-suspend-heading = Tangguhkan organisasi { $name }?
staff-confirm-suspend-consequence = Sampai diaktifkan kembali, antreannya tidak menerima laporan baru, anggotanya tidak bisa membuka atau menangani laporan yang mereka pegang, dan rujukan kepada mereka ditolak.
staff-confirm-suspend = Ya, tangguhkan organisasi ini
staff-desk-key-changed = Kunci organisasi pusat, yang menjadi acuan pemeriksaan sertifikat setiap organisasi dan setiap anggota, berubah pada { $at } (sekarang { $fingerprint }). Kecuali organisasi pusat sudah memberi tahu organisasi Anda, tanyakan kepadanya sebelum Anda menyertifikasi siapa pun atau mengimpor kunci.
staff-desk-key = Kunci organisasi pusat (sidik jari): bandingkan dengan yang diberikan organisasi pusat kepada organisasi Anda.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = Kode sumber (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = Bahasa dan zona waktu Anda
staff-settings-language = Bahasa halaman Anda
staff-settings-language-browser = Bahasa peramban
staff-settings-zone = Zona waktu
staff-settings-zone-hint = Tanggal dan waktu di halaman Anda ditampilkan dalam zona ini, beserta selisihnya dari UTC.
staff-settings-save = Simpan
staff-settings-saved = Tersimpan. Halaman Anda sekarang memakai bahasa dan zona waktu ini.
error-language_unknown = Pilih bahasa dari daftar.
error-zone_unknown = Pilih zona waktu dari daftar.
date-time-zoned = { $day }/{ $month }/{ $year } pukul { $hour }.{ $minute } ({ $offset })
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = Langsung ke isi utama
