# Homeward responder pages, Malay. Machine-assisted draft: see PROVENANCE.toml.
# Terms as on the reporter pages (ms.ftl): laporan (report), kod resit (receipt code), persetujuan
# (consent), perekrut (recruiter), pelapor (reporter). A queue is baris gilir; the desk organisation
# is organisasi pusat; the projection is petikan.

# Responder pages
staff-login-heading = Log masuk petugas
staff-username = Nama pengguna
staff-username-hint = Huruf kecil, angka, titik, sengkang; 3 hingga 40 aksara.
staff-password = Kata laluan
staff-password-hint = Sekurang-kurangnya 12 aksara. Beberapa perkataan yang tidak berkaitan menjadi kata laluan yang baik.
staff-totp = Kod daripada aplikasi pengesah anda
staff-login = Log masuk
staff-logout = Log keluar
staff-login-failed = Nama pengguna, kata laluan atau kod salah; atau, selepas beberapa percubaan salah, akaun menunggu beberapa minit sebelum menerima percubaan seterusnya.
staff-login-too-soon = Terlalu banyak percubaan gagal. Tunggu beberapa minit dan cuba lagi.
staff-invite-heading = Cipta akaun anda
staff-invite-intro = Jemputan ini boleh digunakan sekali sahaja. Pilih nama pengguna dan kata laluan.
staff-invite-invalid = Jemputan ini tidak dikenali, sudah digunakan atau sudah tamat tempoh. Minta jemputan baharu.
staff-enrol = Cipta akaun
staff-enrolled-heading = Akaun anda sudah sedia
staff-enrolled-once = Semua di bawah ini ditunjukkan sekali sahaja. Simpan sekarang.
staff-totp-heading = Aplikasi pengesah
staff-totp-intro = Tambahkan kunci ini ke aplikasi pengesah anda (TOTP, 6 digit, 30 saat). Anda memerlukan kod daripadanya setiap kali log masuk.
staff-recovery-heading = Kunci pemulihan
staff-recovery-intro = Jika anda terlupa kata laluan, hanya kunci ini boleh membuka semula kunci-kunci akaun anda. Simpan di luar talian.
staff-workspace-heading = Ruang kerja
staff-invite-someone = Jemput seseorang
staff-organisation = Organisasi
staff-role = Peranan
staff-invite-create = Cipta pautan jemputan
staff-invite-created = Pautan jemputan (ditunjukkan sekali, sah 72 jam, boleh digunakan sekali):
staff-forbidden = Anda tidak dibenarkan berbuat begitu.
staff-your-queues = Baris gilir anda
staff-org-queues = Baris gilir organisasi anda
staff-key-missing = Belum ada kunci diimport: baris gilir ini tidak boleh dibuka.
staff-import-key = Kunci persendirian (daripada homeward queue keygen)
staff-import = Import kunci
staff-key-imported = Kunci diimport. Dipegang oleh:
staff-held-after-restore = Baris gilir ini tidak menerima laporan sejak sandaran (backup) dipulihkan: keahliannya berubah selepas sandaran itu. Semak siapa yang memegang kuncinya (di bawah), kemudian sahkan.
staff-confirm-membership = Keahlian sudah disemak: terima laporan semula
staff-grant = Beri akses kepada
staff-grant-button = Beri akses
staff-key-wrong = Ini bukan kunci persendirian baris gilir ini.
staff-queue-heading = Baris gilir
staff-priority = Keutamaan
staff-status = Status
staff-received = Diterima
staff-no-entries = Tiada laporan dalam baris gilir ini.
staff-report-heading = Laporan
staff-item-report = Isi laporan
staff-item-triage = Triaj
staff-item-projection = Petikan (apa yang boleh dilihat oleh konsulat dan polis)
staff-item-status = Perbualan
staff-assignee = Dikendalikan oleh
staff-unassigned = tiada siapa
staff-mine = saya
staff-claim = Ambil kes
staff-release = Lepaskan
staff-move = Tukar status
staff-outcome = Hasil (semasa menutup)
staff-overdue = lewat tempoh
entry-status-new = baharu
entry-status-acknowledged = telah diakui
entry-status-in_progress = sedang diuruskan
entry-status-waiting_for_reporter = menunggu pelapor
entry-status-referred = dirujuk
entry-status-closed = ditutup
outcome-located = ditemui
outcome-rescued = diselamatkan
outcome-repatriated = dihantar pulang
outcome-referred_on = dirujuk ke pihak lain
outcome-unreachable = tidak dapat dihubungi
outcome-duplicate = pendua
outcome-not_credible = tidak boleh dipercayai
outcome-other = lain-lain
staff-item-reply = Balasan kepada pelapor
staff-item-note = Nota dalaman
staff-reply = Tulis kepada pelapor (mereka membacanya dengan kod resit mereka)
staff-send-reply = Hantar balasan
staff-note = Nota dalaman (hanya organisasi anda yang melihatnya)
staff-add-note = Tambah nota

## The operator's organisations
org-heading = Organisasi
org-intro = Tapisan memerlukan dua langkah: rekodkannya di sini, kemudian minta organisasi pusat menandatangani balas kunci tandatangan organisasi itu di luar talian. Sesuatu baris gilir menerima laporan hanya apabila organisasinya sudah ditapis, ditandatangani balas dan aktif, kuncinya membawa tandatangan organisasi, dan seorang penyelaras sudah mengimport kunci persendiriannya.
org-register = Daftar organisasi
org-register-button = Daftar
org-id = Id
org-id-hint = Huruf kecil, angka dan sengkang, seperti yang dinamakan oleh baris gilir dalam config.
org-name = Nama
org-kind = Jenis
org-kind-ngo = NGO
org-kind-consulate = Konsulat
org-kind-police = Polis
org-country = Negara
org-country-hint = Kod ISO dua huruf: tempat NGO atau pasukan polis bekerja, atau negara yang rakyatnya dilayani konsulat.
org-contact = Hubungan
org-contact-hint = Cara menghubungi penyelaras organisasi (tidak wajib).
org-signing-key = Kunci pengesahan
org-signing-key-hint = Kunci hwov1. daripada `homeward org keygen` yang dijalankan sendiri oleh organisasi itu.
org-queues = Baris gilir
org-details = Butiran
org-save = Simpan
org-demo = Organisasi contoh bagi pemasangan baharu: tiada apa untuk ditapis.
org-vetting = Tapisan
org-vetted-by = Ditapis:
org-evidence = Bukti
org-evidence-hint = Siapa yang menjamin, apa yang disemak, di mana rekodnya disimpan.
org-record-vetting = Rekod tapisan
org-countersignature = Tandatangan balas
org-countersigned = Tandatangan balas organisasi pusat sepadan.
org-countersign-intro = Organisasi pusat menjalankan ini pada komputer luar taliannya, selepas menyemak butiran ini dengan organisasi itu sendiri, dan menghantar semula hasilnya:
org-countersignature-field = Tandatangan balas (hwsg1.)
org-add-countersignature = Tambah tandatangan balas
org-suspension = Penggantungan
org-suspended = Digantung: baris gilirnya tidak menerima apa-apa.
org-suspend = Gantung
org-reinstate = Aktifkan semula
org-first-coordinator = Penyelaras
org-invite-coordinator = Cipta jemputan untuk penyelaras
staff-organisations-link = Organisasi
hold-none = menerima laporan
hold-unregistered = belum didaftarkan oleh pengendali
hold-not-vetted = tapisan belum direkodkan
hold-not-countersigned = tiada tandatangan balas yang sah daripada organisasi pusat
hold-suspended = digantung
hold-wrong-organisation = jenis baris gilir tidak sesuai dengan organisasinya
hold-key-unsigned = kunci baris gilir tiada tandatangan organisasi
hold-key-not-imported = belum ada penyelaras yang mengimport kunci persendirian baris gilir
hold-held-after-restore = keahliannya berubah sejak sandaran yang dipulihkan: seorang penyelaras mesti mengesahkannya

## Members and key rotation
staff-members = Ahli
staff-remove-member = Keluarkan
staff-member-removed = Ahli dikeluarkan: sesi dan salinan kuncinya sudah dipadam.
staff-member-removed-rotate = Ahli dikeluarkan: sesi dan salinan kuncinya sudah dipadam. Import pasangan kunci baharu untuk:
staff-rotation-due = Kunci perlu ditukar: seorang ahli yang memegang kunci ini sudah keluar. Buat pasangan kunci baharu yang ditandatangani di luar talian (homeward queue keygen) dan importnya.
staff-rotate = Tukar kunci
staff-rotate-key = Kunci persendirian baharu (daripada homeward queue keygen)
staff-rotate-signature = Tandatangannya (hwsg1., dicetak di sebelah kunci awam)
staff-rotate-button = Beralih ke kunci baharu
staff-rotate-key-wrong = Itu bukan kunci persendirian baharu untuk baris gilir ini.
staff-rotate-signature-wrong = Tandatangan itu bukan tandatangan organisasi anda ke atas kunci baharu ini.
staff-resealing = Sebahagian laporan masih disulitkan dengan kunci lama baris gilir ini.
staff-reseal = Selesaikan penyulitan semula
staff-queue-changes = Perubahan pada baris gilir anda dalam config pelayan
staff-queue_declared = diisytiharkan
staff-queue_changed = diubah (organisasi, jenis, kunci atau syarat)
staff-queue_withdrawn = ditarik balik

## Passwords and getting back in
staff-password-heading = Tukar kata laluan anda
staff-password-current = Kata laluan semasa
staff-password-new = Kata laluan baharu
staff-password-change = Tukar kata laluan
staff-password-changed = Kata laluan anda sudah ditukar. Sesi anda yang lain sudah ditamatkan.
staff-recover-link = Terlupa kata laluan? Gunakan kunci pemulihan anda.
staff-recover-heading = Masuk semula dengan kunci pemulihan
staff-recover-intro = Kunci pemulihan membuka semula kunci-kunci akaun anda. Anda memilih kata laluan baharu dan menyediakan semula aplikasi pengesah; anda mendapat kunci pemulihan baharu.
staff-recover-button = Set semula kata laluan saya
staff-reset-heading = Mula semula
staff-reset-intro = Penyelaras anda membuat pautan ini kerana kata laluan dan kunci pemulihan anda hilang. Akaun anda mendapat kunci baharu; kemudian penyelaras anda memberi akses kepada baris gilir anda semula.
staff-reset-button = Tetapkan kata laluan baharu saya
staff-reset-member = Pautan set semula

## Referral
staff-refer-to = Rujuk ke baris gilir
staff-refer-reason = Sebab
staff-refer-hint = Dilihat oleh baris gilir NGO yang memegang laporan ini (termasuk baris gilir penerima, jika ia NGO), tidak sekali-kali oleh konsulat atau polis.
staff-refer = Rujuk
staff-item-referral = Rujukan
referral-not-receiving = Baris gilir itu tidak menerima laporan sekarang.
referral-already-held = Baris gilir itu sudah memegang laporan ini.
referral-no-consent = Pelapor tidak bersetuju dengan itu. Tiada pengecualian.
referral-needs-more = Entri ini hanya mengandungi petikan: ia boleh dirujuk hanya kepada konsulat atau polis.
referral-wrong-country = Konsulat hanya menerima laporan tentang warganegaranya sendiri, dan polis hanya laporan dari negara mereka.
referral-old-projection = Setiap petikan laporan ini dibuat sebelum apa yang boleh dilihat oleh konsulat atau polis dihadkan, dan mungkin mengandungi butiran hubungan: keluarkan versi petikan yang baharu dahulu.
referral-not-possible = Laporan ini tidak boleh dirujuk ke baris gilir itu.
referral-no-reason = Nyatakan sebabnya.

## Alerts (no content: the queue and a count only)
alert-overdue = Homeward: { $count ->
    [one] { $count } laporan kritikal
   *[other] { $count } laporan kritikal
} dalam baris gilir { $queue } belum diambil sesiapa dan sudah melepasi sasaran masa pengakuan.
staff-projection-issue = Keluarkan versi petikan baharu
staff-projection-json = Petikan (apa yang boleh dilihat oleh konsulat dan polis), sebagai JSON
staff-projection-hint = Ruangan yang sama dengan bahagian orang, dokumen, lokasi dan kehendak dalam laporan. Ia disulitkan sebagai versi seterusnya untuk setiap baris gilir yang memegang laporan ini dan boleh melihatnya.
staff-projection-button = Keluarkan versi ini
staff-item-addition = Daripada pelapor
staff-item-contact = Cara pelapor mahu dihubungi sekarang
staff-item-consent = Pelapor mengubah persetujuannya
staff-item-withdrawal = Pelapor menarik balik laporan
staff-item-attachment = Fail daripada pelapor
staff-new = baharu
staff-unread = dihantar oleh pelapor sejak baris gilir ini kali terakhir membuka laporan
staff-withdrawn = Ditarik balik oleh pelapor pada { $at } · kuncinya dimusnahkan selepas { $destroyed }
staff-consent-closed = Pada { $at }, pelapor menarik balik persetujuan yang membolehkan baris gilir ini menerima laporan. Baris gilir ini hanya melihat apa yang telah dibukanya sebelum itu dan tidak boleh berbuat apa-apa lagi dengan laporan ini.
staff-closure-pending = { $queue }: pelapor menarik balik persetujuan untuk baris gilir ini pada { $at } · apa yang tidak pernah dibukanya dimusnahkan selepas { $destroyed }
staff-closure-destroyed = { $queue }: pelapor menarik balik persetujuan untuk baris gilir ini pada { $at } · apa yang tidak pernah dibukanya telah dimusnahkan pada { $destroyed }
staff-entry-consent-closed = ditutup: persetujuan ditarik balik
staff-download = Muat turun fail (metadatanya sudah dibersihkan)
staff-zawgyi-shown = Ditaip dalam Zawgyi, ditunjukkan dalam Unicode
staff-zawgyi-as-sent = Seperti yang dihantar oleh pelapor
field-media_type = Jenis
field-size = Saiz dalam bait
field-location_used = Lokasinya digunakan sebagai petunjuk
field-malformed = Disulitkan pada peranti dan rosak formatnya: ruangan ini melanggar peraturan laporan
field-sealed_on_device = Disulitkan pada peranti pelapor

## Field errors of the responder forms
error-invalid_username = Gunakan 3 hingga 40 huruf kecil, angka, titik atau sengkang.
error-username_taken = Nama pengguna ini sudah diambil.
error-password_short = Gunakan sekurang-kurangnya 12 aksara.
error-password_common = Kata laluan ini terlalu biasa atau terlalu mudah diteka.
error-invalid_slug = Gunakan huruf kecil, angka dan sengkang.
error-invalid_signing_key = Ini bukan kunci pengesahan hwov1.
error-organisation_exists = Organisasi dengan id ini sudah didaftarkan.
error-invalid_signature = Ini bukan tandatangan hwsg1.
error-no_desk_signing_key = Kunci tandatangan organisasi pusat belum ditetapkan, jadi tiada apa yang boleh ditandatangani balas.
error-countersignature_mismatch = Tandatangan balas ini tidak sepadan dengan kunci organisasi pusat dan id, jenis, negara serta kunci organisasi ini.
error-password_wrong = Ini bukan kata laluan semasa anda.
error-recovery_wrong = Nama pengguna dan kunci pemulihan ini tidak sepadan.

# Membership as a chain of signatures from the organisation's key
staff-uncertified-banner = Organisasi anda belum memperakui akaun ini. Anda kekal memegang baris gilir yang sudah anda pegang, tetapi tiada kunci baris gilir baharu akan disulitkan untuk anda sehingga seorang penyelaras yang diperakui memperakui anda, atau organisasi anda berbuat demikian dengan kunci tandatangannya.
staff-certify-command = Seorang penyelaras yang diperakui dalam organisasi anda akan memperakui anda: bacakan cap jari identiti anda (di bahagian bawah halaman ini) kepadanya secara bersemuka atau melalui telefon. Jika anda penyelaras pertama organisasi, jalankan arahan ini pada komputer luar talian organisasi dan tampal tandatangan yang dicetaknya di bawah; semak pada peranti kedua yang anda percayai bahawa kunci identiti sepadan dengan halaman ini.
staff-certificate = Tandatangan organisasi anda (hwsg1.)
staff-certificate-button = Perakui akaun saya
staff-certified-self = Akaun anda kini diperakui oleh kunci tandatangan organisasi anda.
staff-certificate-wrong = Itu bukan tandatangan organisasi anda ke atas akaun ini, atau organisasi anda belum sah.
staff-member-certified = diperakui
staff-certify-member = Perakui
staff-member-certified-done = Ahli diperakui: kini anda boleh memberinya baris gilir.
staff-uncertified-refused = Ditolak: keahlian akaun itu tidak diperakui oleh organisasi anda (rantaian tandatangannya tidak sampai ke kunci organisasi anda).
staff-gap-no-member = bukan ahli
staff-gap-no-identity = belum diperakui: belum log masuk sejak kunci identiti diperkenalkan
staff-gap-key-not-bound = belum diperakui: kunci identitinya tidak meliputi kunci penyulitannya
staff-gap-not-certified = belum diperakui
staff-gap-broken-chain = belum diperakui: rantaian tandatangannya tidak dapat disahkan (yang memperakuinya sudah keluar atau diset semula, atau rekodnya telah diubah: beritahu organisasi anda jika anda tidak menjangkakan ini)
staff-gap-organisation = belum diperakui: organisasi tidak sah (digantung atau tiada tandatangan balas)
staff-operator-recovered = Akses pengendali dipulihkan pada konsol pelayan (homeward admin recover-operator) pada { $at }.
staff-operator-uncountersigned = Organisasi pusat belum menandatangani balas akaun pengendali ini, jadi ia belum boleh berbuat apa-apa sebagai pengendali. Pengendali tidak boleh melantik satu sama lain: organisasi pusat menjalankan arahan di bawah pada komputer luar taliannya, dan anda menampal tandatangan yang dicetaknya.
staff-operator-command = Pada komputer luar talian organisasi pusat, dengan kunci tandatangannya:
staff-audit-head = Kepala log audit (entri, MAC): catatkannya di suatu tempat di luar pelayan ini; penulisan semula log kemudian tidak akan sampai kepadanya.
staff-your-fingerprint = Cap jari identiti anda (bacakan secara bersemuka atau melalui telefon kepada orang yang memperakui anda):
staff-fingerprint-of = Cap jari identitinya, seperti yang dibacakannya kepada anda dari ruang kerjanya sendiri
staff-fingerprint-wrong = Ditolak: cap jari itu bukan yang disimpan oleh pelayan untuk ahli ini. Minta mereka membacanya semula dari ruang kerja mereka sendiri; jika masih berbeza, akaun mereka mungkin telah diusik: beritahu organisasi anda.
## Confirming a destructive action, on a page of its own
staff-confirm-cancel = Batal: kembali tanpa mengubah apa-apa
staff-confirm-remove-heading = Keluarkan ahli { $name }?
staff-confirm-remove-consequence = Sesi mereka dan salinan setiap kunci baris gilir mereka hilang serta-merta dan tidak boleh dipulihkan; setiap baris gilir yang mereka pegang ditanda "kunci perlu ditukar" sehingga seorang penyelaras mengimport pasangan kunci baharu.
staff-confirm-remove = Ya, keluarkan ahli ini
staff-confirm-suspend-heading = Gantung organisasi { $name }?
staff-confirm-suspend-consequence = Sehingga diaktifkan semula, baris gilirnya tidak menerima laporan baharu, ahlinya tidak boleh membuka atau mengendalikan laporan yang mereka pegang, dan rujukan kepada mereka ditolak.
staff-confirm-suspend = Ya, gantung organisasi ini
staff-desk-key-changed = Kunci organisasi pusat, yang menjadi rujukan semakan sijil setiap organisasi dan setiap ahli, berubah pada { $at } (kini { $fingerprint }). Melainkan organisasi pusat sudah memberitahu organisasi anda, tanya kepadanya sebelum anda memperakui sesiapa atau mengimport kunci.
staff-desk-key = Kunci organisasi pusat (cap jari): bandingkan dengan yang diberikan oleh organisasi pusat kepada organisasi anda.
## Every staff page's footer: where this server's source is (AGPL section 13)
staff-source = Kod sumber (AGPL-3.0)

# Your language and time zone (/settings)
staff-settings-heading = Bahasa dan zon waktu anda
staff-settings-language = Bahasa halaman anda
staff-settings-language-browser = Bahasa pelayar
staff-settings-zone = Zon waktu
staff-settings-zone-hint = Tarikh dan masa di halaman anda dipaparkan dalam zon ini, bersama bezanya daripada UTC.
staff-settings-save = Simpan
staff-settings-saved = Disimpan. Halaman anda kini menggunakan bahasa dan zon waktu ini.
error-language_unknown = Pilih bahasa daripada senarai.
error-zone_unknown = Pilih zon waktu daripada senarai.
date-time-zoned = { $day }/{ $month }/{ $year } pukul { $hour }:{ $minute } ({ $offset })
## accessibility: the skip link, the first thing the keyboard reaches on every page
staff-skip = Langkau ke kandungan utama
