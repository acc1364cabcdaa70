//! Files the reporter attaches on coming back: cleaned, sealed in chunks to the NGO queues,
//! downloaded decrypted by responders; refused with a clear message when they are not what they
//! claim, too large or too many pixels, with the rest of the page kept; never on disk in the
//! clear.

use serde_json::json;

use crate::files::{self, contains, AUTHOR, SERIAL};
use crate::helpers::{hidden, on_both_engines, spawn_app, spawn_with, Options, TestApp};
use crate::workspace::{import, staff};

pub(crate) async fn visit(app: &TestApp, code: &str) -> String {
    let response = app
        .client
        .post(app.url("/followup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("code={}", code.replace(' ', "")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    hidden(&response.text().await.unwrap_or_default(), "visit")
}

/// Posts one file to the follow-up page; returns the status and the page.
pub(crate) async fn attach(
    app: &TestApp,
    token: &str,
    (bytes, media_type): (Vec<u8>, &str),
    use_location: bool,
) -> (u16, String) {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name("IMG_20261130_camera.jpg")
        .mime_str(media_type)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut form = reqwest::multipart::Form::new()
        .text("visit", token.to_owned())
        .text("lang", "en")
        .part("file", part);
    if use_location {
        form = form.text("use_location", "on");
    }
    let response = app
        .client
        .post(app.url("/followup/attach"))
        .multipart(form)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// The report's attachment items as the desk's key opens them: (item id, manifest).
pub(crate) async fn attachments_of(
    app: &TestApp,
    report: uuid::Uuid,
) -> Vec<(uuid::Uuid, serde_json::Value)> {
    let opened =
        homeward::casework::opening::open_for_queue(&app.store, report, "desk", app.key("desk"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    opened
        .into_iter()
        .filter(|i| i.kind == "attachment")
        .map(|i| {
            (
                i.id,
                serde_json::from_slice(&i.plaintext).unwrap_or_default(),
            )
        })
        .collect()
}

/// A JPEG larger than one sealed chunk, its scan data carrying `marker` (which survives
/// cleaning: it stands for the pixels).
fn large_jpeg(marker: &[u8], len: usize) -> Vec<u8> {
    let mut scan: Vec<u8> = (0..len).map(|i| (i % 200) as u8 + 1).collect();
    scan[1000..1000 + marker.len()].copy_from_slice(marker);
    files::jpeg(1200, 900, &scan)
}

on_both_engines!(
    an_attached_photo_is_cleaned_sealed_and_downloaded_without_its_metadata,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "TH"}, "narrative": "photo of the passport"}))
            .await;
        let token = visit(&app, &code).await;
        let photo = large_jpeg(b"PIXELS-OF-THE-PASSPORT", 150_000);

        let (status, page) = attach(&app, &token, (photo.clone(), "image/jpeg"), false).await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("Received"), "{page}");
        let (status, _) = attach(
            &app,
            &token,
            (files::jpeg(40, 30, files::SCAN), "image/jpeg"),
            true,
        )
        .await;
        assert_eq!(status, 200);

        let attached = attachments_of(&app, report).await;
        assert_eq!(attached.len(), 2);
        assert_eq!(attached[0].1["location_used"], false);
        assert_eq!(attached[1].1["location_used"], true);
        let desk = app.open_as(report, "desk").await;
        let hints: Vec<_> = desk
            .iter()
            .filter(|(k, v)| k == "addition" && v["from_file"] == true)
            .collect();
        assert_eq!(hints.len(), 1, "the position is a hint only when asked for");
        let latitude = hints[0].1["location"]["coordinates"]["latitude"].as_f64();
        assert!(latitude.is_some_and(|l| (l - 16.7).abs() < 1e-9));

        // A responder downloads the first file decrypted: the pixels, none of the metadata.
        let cookie = staff(&app, "coordinator", "operator", "coord.files").await;
        import(&app, &cookie, "desk").await;
        let item = attached[0].0;
        let download = app
            .get_with(
                &format!("/queues/desk/reports/{report}/files/{item}"),
                &cookie,
            )
            .await;
        assert_eq!(download.status().as_u16(), 200);
        let disposition = download
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(disposition.starts_with("attachment") && !disposition.contains("IMG_2026"));
        let bytes = download.bytes().await.unwrap_or_default();
        assert!(bytes.starts_with(&[0xFF, 0xD8]) && contains(&bytes, b"PIXELS-OF-THE-PASSPORT"));
        for gone in [SERIAL, b"Exif".as_slice(), b"xmpmeta", b"owner"] {
            assert!(!contains(&bytes, gone));
        }
        let page = app
            .get_with(&format!("/queues/desk/reports/{report}"), &cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(page.contains(&format!("/files/{item}")), "{page}");

        // The stored chunks: several, none opens out of order or cut short.
        let stored = app
            .store
            .items_for(report, "queue:desk")
            .await
            .unwrap_or_default()
            .into_iter()
            .find(|i| i.id == item)
            .unwrap_or_else(|| panic!("the item"));
        let key = stored
            .key
            .sealed
            .open(app.key("desk"), report, item)
            .unwrap_or_else(|e| panic!("{e}"));
        let manifest: homeward::reporting::attachments::Manifest =
            serde_json::from_value(attached[0].1.clone()).unwrap_or_else(|e| panic!("{e}"));
        let chunks = app.store.item_chunks(item).await.unwrap_or_default();
        assert!(chunks.len() >= 3, "{}", chunks.len());
        let whole =
            homeward::reporting::attachments::open(&key, report, item, &manifest, chunks.clone());
        assert_eq!(whole.map(|b| b.to_vec()).ok(), Some(bytes.to_vec()));
        let mut reordered = chunks.clone();
        reordered.swap(0, 1);
        assert!(
            homeward::reporting::attachments::open(&key, report, item, &manifest, reordered)
                .is_err()
        );
        let mut truncated = chunks.clone();
        truncated.pop();
        assert!(
            homeward::reporting::attachments::open(&key, report, item, &manifest, truncated)
                .is_err()
        );
    }
);

on_both_engines!(
    a_pdf_loses_its_author_and_bad_files_are_refused_with_the_page_kept,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.attachments.max_bytes = 100_000,
                ..Default::default()
            },
        )
        .await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "TH"}, "narrative": "the job offer"}))
            .await;
        let token = visit(&app, &code).await;
        let (status, _) = attach(
            &app,
            &token,
            (files::pdf_with_author(), "application/pdf"),
            false,
        )
        .await;
        assert_eq!(status, 200);

        // A PDF reader finds this header: the photo is also a PDF.
        let polyglot = files::jpeg_with(
            10,
            10,
            files::SCAN,
            &[files::segment(0xFE, b"%PDF-1.7 1 0 obj")],
        );
        let bomb = files::png(100_000, 100_000, &[]);
        for (bytes, media_type, says) in [
            (
                files::jpeg(10, 10, files::SCAN),
                "image/png",
                "not what its name or type says",
            ),
            (polyglot, "image/jpeg", "holds another file"),
            (bomb, "image/png", "too large to take"),
            (
                b"MZ\x90\0 not a picture".to_vec(),
                "image/jpeg",
                "We take only",
            ),
        ] {
            let (status, page) = attach(&app, &token, (bytes, media_type), false).await;
            assert_eq!(status, 422, "{says}: {page}");
            assert!(page.contains(says), "{says}: {page}");
            assert!(page.contains(&token), "the visit goes on");
        }
        let (status, page) = attach(
            &app,
            &token,
            (large_jpeg(b"BIG", 150_000), "image/jpeg"),
            false,
        )
        .await;
        assert_eq!(status, 413, "{page}");
        assert!(
            page.contains("too large") && page.contains(&token),
            "{page}"
        );

        let attached = attachments_of(&app, report).await;
        assert_eq!(attached.len(), 1, "only the PDF was taken");
        let cookie = staff(&app, "coordinator", "operator", "coord.pdf").await;
        import(&app, &cookie, "desk").await;
        let pdf = app
            .get_with(
                &format!("/queues/desk/reports/{report}/files/{}", attached[0].0),
                &cookie,
            )
            .await
            .bytes()
            .await
            .unwrap_or_default();
        assert!(pdf.starts_with(b"%PDF-") && !contains(&pdf, AUTHOR));
    }
);

on_both_engines!(
    a_pdf_is_rebuilt_without_any_kind_of_metadata_and_still_draws_its_page,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "TH"}, "narrative": "the contract"}))
            .await;
        let token = visit(&app, &code).await;
        let original = files::pdf_with_everything();
        let (status, page) =
            attach(&app, &token, (original.clone(), "application/pdf"), false).await;
        assert_eq!(status, 200, "{page}");

        let attached = attachments_of(&app, report).await;
        assert_eq!(attached.len(), 1);
        let cookie = staff(&app, "coordinator", "operator", "coord.pdf").await;
        import(&app, &cookie, "desk").await;
        let pdf = app
            .get_with(
                &format!("/queues/desk/reports/{report}/files/{}", attached[0].0),
                &cookie,
            )
            .await
            .bytes()
            .await
            .unwrap_or_default();
        for gone in [
            AUTHOR,                   // information dictionary, XMP, link author
            b"ID-OF-THE-OWNERS-COPY", // file identifier
            b"contact list",          // embedded file
            b"tracker.example",       // URI action, JavaScript
            b"+855 99 888 777",       // form field value
            b"JavaScript",
            SERIAL, // the photo's EXIF
            b"Exif",
        ] {
            assert!(contains(&original, gone));
            assert!(!contains(&pdf, gone), "{}", String::from_utf8_lossy(gone));
        }
        let reopened = lopdf::Document::load_mem(&pdf).unwrap_or_else(|e| panic!("{e}"));
        let pages = reopened.get_pages();
        assert_eq!(pages.len(), 1);
        let drawn = pages
            .values()
            .map(|id| reopened.get_page_content(*id))
            .next()
            .unwrap_or_default();
        assert!(contains(&drawn, files::PDF_TEXT) && contains(&drawn, b"/Im1 Do"));
        assert!(contains(&pdf, b"DCTDecode"), "the photo is still drawn");
    }
);

/// Every file under `dir` changed since `since`, skipping build trees; bounded in depth.
fn recent_files(
    dir: &std::path::Path,
    since: std::time::SystemTime,
    depth: u8,
    out: &mut Vec<std::path::PathBuf>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        let recent = meta.modified().is_ok_and(|m| m >= since);
        if meta.is_dir() && depth > 0 && path.file_name().is_some_and(|n| n != "target") {
            recent_files(&path, since, depth - 1, out);
        } else if meta.is_file() && recent && meta.len() < 64 * 1024 * 1024 {
            out.push(path);
        }
    }
}

fn found_on_disk(
    app: &TestApp,
    marker: &[u8],
    since: std::time::SystemTime,
) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    recent_files(app.dir.path(), since, 4, &mut files);
    recent_files(&std::env::temp_dir(), since, 3, &mut files);
    files
        .into_iter()
        .filter(|p| std::fs::read(p).is_ok_and(|bytes| contains(&bytes, marker)))
        .collect()
}

on_both_engines!(
    the_report_form_takes_files_in_memory_only_and_keeps_the_form_when_one_is_too_large,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.attachments.max_bytes = 400_000,
                ..Default::default()
            },
        )
        .await;
        let since = std::time::SystemTime::now() - std::time::Duration::from_secs(2);
        let marker = format!("UPLOAD-MARKER-{}", uuid::Uuid::new_v4().simple());
        let photo = large_jpeg(marker.as_bytes(), 300_000);

        // The body is sent in two halves; between them, while the server holds half the file,
        // nothing of it may be on disk.
        let boundary = "homewardboundary7";
        let mut body = Vec::new();
        for (name, value) in [
            ("lang", "en"),
            ("location.country", "KH"),
            ("narrative", "they took my passport"),
            ("use_location", "on"),
        ] {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").into_bytes());
        }
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"passport.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").into_bytes());
        body.extend_from_slice(&photo);
        body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
        let half = body.len() / 2;
        let (first, second) = (body[..half].to_vec(), body[half..].to_vec());
        let (send, receive) = tokio::sync::mpsc::channel::<Vec<u8>>(1);
        let stream = futures_util::stream::unfold(receive, |mut receive| async move {
            receive
                .recv()
                .await
                .map(|chunk| (Ok::<_, std::io::Error>(chunk), receive))
        });
        let request = app
            .client
            .post(app.url("/report"))
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(reqwest::Body::wrap_stream(stream))
            .send();
        let sent = tokio::spawn(request);
        send.send(first).await.unwrap_or_else(|e| panic!("{e}"));
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(
            found_on_disk(&app, marker.as_bytes(), since).is_empty(),
            "during the upload"
        );
        send.send(second).await.unwrap_or_else(|e| panic!("{e}"));
        drop(send);
        let response = sent
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap_or_default();
        let code = crate::helpers::code_in_page(&page);
        assert!(
            found_on_disk(&app, marker.as_bytes(), since).is_empty(),
            "after the upload"
        );

        // The file is the report's, and its position became the report's location hint.
        let locator: String = code.chars().filter(char::is_ascii_digit).take(6).collect();
        let report = app
            .store
            .reporter_record(&locator)
            .await
            .ok()
            .flatten()
            .map(|r| r.report_id)
            .unwrap_or_else(|| panic!("the report"));
        assert_eq!(attachments_of(&app, report).await.len(), 1);
        let desk = app.open_as(report, "desk").await;
        let sent_report = desk
            .iter()
            .find(|(k, _)| k == "report")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let latitude = sent_report["location"]["coordinates"]["latitude"].as_f64();
        assert!(
            latitude.is_some_and(|l| (l - 16.7).abs() < 1e-9),
            "{sent_report}"
        );

        // Over the limit: 413, the form back with every answer kept and the problem named.
        let big = reqwest::multipart::Part::bytes(large_jpeg(b"X", 500_000))
            .file_name("big.jpg")
            .mime_str("image/jpeg")
            .unwrap_or_else(|e| panic!("{e}"));
        let form = reqwest::multipart::Form::new()
            .text("location.country", "KH")
            .text("location.compound", "Kept Compound Name")
            .text("narrative", "kept words")
            .part("attachments", big);
        let response = app
            .client
            .post(app.url("/report"))
            .multipart(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 413);
        let page = response.text().await.unwrap_or_default();
        assert!(
            page.contains("Kept Compound Name") && page.contains("kept words"),
            "{page}"
        );
        assert!(page.contains("This file is too large"), "{page}");
    }
);

/// One PATCH of a resumable upload; returns the status, the Upload-Offset header and the body.
pub(crate) async fn patch(
    app: &TestApp,
    id: &str,
    token: &str,
    offset: usize,
    piece: &[u8],
) -> (u16, Option<String>, serde_json::Value) {
    let response = app
        .client
        .patch(app.url(&format!("/api/v1/uploads/{id}")))
        .header("Upload-Token", token)
        .header("Upload-Offset", offset.to_string())
        .header("Content-Type", "application/offset+octet-stream")
        .body(piece.to_vec())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let at = response
        .headers()
        .get("upload-offset")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, at, response.json().await.unwrap_or_default())
}

pub(crate) async fn new_upload(
    app: &TestApp,
    size: usize,
    media_type: &str,
) -> (u16, serde_json::Value) {
    let response = app
        .client
        .post(app.url("/api/v1/uploads"))
        .json(&json!({"size": size, "media_type": media_type}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

on_both_engines!(
    an_api_upload_resumes_after_a_dropped_connection_and_is_sealed_with_the_report,
    |engine| async move {
        let app = spawn_app(engine).await;
        let marker = format!("STAGED-MARKER-{}", uuid::Uuid::new_v4().simple());
        let photo = large_jpeg(marker.as_bytes(), 200_000);
        let (status, created) = new_upload(&app, photo.len(), "image/jpeg").await;
        assert_eq!(status, 201, "{created}");
        let id = created["id"].as_str().unwrap_or_default().to_owned();
        let token = created["token"].as_str().unwrap_or_default().to_owned();

        let piece = 64 * 1024;
        let (status, at, _) = patch(&app, &id, &token, 0, &photo[..piece]).await;
        assert_eq!(
            (status, at.as_deref()),
            (200, Some(piece.to_string().as_str()))
        );
        // The connection drops mid-piece; the client does not know what arrived, so it asks.
        let (status, at, _) = patch(&app, &id, &token, 0, &photo[..piece]).await;
        assert_eq!(status, 409, "a piece at the wrong offset is refused");
        assert_eq!(at.as_deref(), Some(piece.to_string().as_str()));
        let asked = app
            .client
            .get(app.url(&format!("/api/v1/uploads/{id}")))
            .header("Upload-Token", &token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let asked: serde_json::Value = asked.json().await.unwrap_or_default();
        assert_eq!(asked["offset"], piece);
        let wrong_token = patch(&app, &id, "not-the-token", piece, &photo[piece..2 * piece]).await;
        assert_eq!(wrong_token.0, 404);

        // What is staged is sealed: nothing of the file is in the database.
        let (status, _, _) = patch(&app, &id, &token, piece, &photo[piece..2 * piece]).await;
        assert_eq!(status, 200);
        assert!(!contains(&app.database_bytes().await, marker.as_bytes()));
        let (status, _, done) = patch(&app, &id, &token, 2 * piece, &photo[2 * piece..]).await;
        assert_eq!(status, 200, "{done}");
        assert_eq!(done["ready"], true);
        assert!(!contains(&app.database_bytes().await, marker.as_bytes()));

        let (report, _) = app
            .submit(&json!({
                "location": {"country": "TH"},
                "narrative": "sent over a slow link",
                "attachments": [{"upload": id, "token": token, "use_location": true}],
            }))
            .await;
        let attached = attachments_of(&app, report).await;
        assert_eq!(attached.len(), 1);
        assert_eq!(attached[0].1["location_used"], true);
        let desk = app.open_as(report, "desk").await;
        let sent = desk
            .iter()
            .find(|(k, _)| k == "report")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        assert!(
            sent["location"]["coordinates"]["latitude"].is_number(),
            "{sent}"
        );
        let gone = app
            .client
            .get(app.url(&format!("/api/v1/uploads/{id}")))
            .header("Upload-Token", &token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(gone.status().as_u16(), 404, "a used upload is discarded");

        // Too large to start; a refused file is refused on its last piece and discarded.
        let (status, _) = new_upload(&app, 6 * 1024 * 1024, "image/jpeg").await;
        assert_eq!(status, 413);
        let polyglot = files::jpeg_with(
            10,
            10,
            files::SCAN,
            &[files::segment(0xFE, b"%PDF-1.7 1 0 obj")],
        );
        let (_, created) = new_upload(&app, polyglot.len(), "image/jpeg").await;
        let id = created["id"].as_str().unwrap_or_default().to_owned();
        let token = created["token"].as_str().unwrap_or_default().to_owned();
        let (status, _, refused) = patch(&app, &id, &token, 0, &polyglot).await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(refused["errors"][0]["code"], "file_malformed");
        let response = app
            .post_json(&json!({
                "narrative": "names a refused upload",
                "attachments": [{"upload": id, "token": token}],
            }))
            .await;
        assert_eq!(response.status().as_u16(), 422);
    }
);

on_both_engines!(
    a_pdf_that_would_inflate_to_gigabytes_is_refused_with_the_report_form_kept,
    |engine| async move {
        let app = spawn_app(engine).await;
        let bomb = files::pdf_object_stream_bomb();
        assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
        let typed = [
            ("location.country", "KH"),
            ("location.compound", "Golden Lotus block C"),
            ("narrative", "They keep forty of us on the fourth floor"),
            ("person.name", "Nguyễn Thị Lan"),
        ];
        let form = |file: Vec<u8>| {
            let mut form = reqwest::multipart::Form::new().text("lang", "en");
            for (name, value) in typed {
                form = form.text(name, value);
            }
            let part = reqwest::multipart::Part::bytes(file)
                .file_name("contract.pdf")
                .mime_str("application/pdf")
                .unwrap_or_else(|e| panic!("{e}"));
            form.part("attachments", part)
        };
        // Several at once, more than may be cleaned at once: each waits its turn and is
        // refused, and the server is still there to answer.
        let posts = (0..3).map(|_| {
            app.client
                .post(app.url("/report"))
                .multipart(form(bomb.clone()))
                .send()
        });
        for response in futures_util::future::join_all(posts).await {
            let response = response.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(response.status().as_u16(), 422);
            let page = response.text().await.unwrap_or_default();
            assert!(page.contains("holds another file inside it"), "{page}");
            for (name, value) in typed {
                assert!(page.contains(value), "{name} = {value} lost:\n{page}");
            }
        }
        assert_eq!(app.store.count_reports().await.ok(), Some(0));

        // A PDF that is what it says is still taken.
        let response = app
            .client
            .post(app.url("/report"))
            .multipart(form(files::pdf_with_author()))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let status = response.status().as_u16();
        let page = response.text().await.unwrap_or_default();
        assert_eq!(status, 200, "{page}");
        assert_eq!(app.store.count_reports().await.ok(), Some(1));
    }
);
