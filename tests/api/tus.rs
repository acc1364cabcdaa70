//! Partner apps upload with the tools they already have (issue 19): /api/v1/uploads speaks the
//! tus 1.0.0 core protocol and its creation extension. The upload's token is a header of ours
//! (`Upload-Token`), handed out once at creation and never in a URL; `Upload-Metadata`, which
//! carries file names, is neither stored nor logged.

use std::io::Write;

use base64::Engine as _;
use reqwest::{Method, Response};
use serde_json::json;

use crate::attachments::attachments_of;
use crate::files::{self, contains};
use crate::helpers::{captured_logs, on_both_engines, spawn_app, TestApp};

const TUS: &str = "1.0.0";
const MAX_BYTES: usize = 5 * 1024 * 1024;

fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// A tus request: the version named, and the upload's token when there is one.
fn tus(app: &TestApp, method: Method, path: &str, token: Option<&str>) -> reqwest::RequestBuilder {
    let request = app
        .client
        .request(method, app.url(path))
        .header("Tus-Resumable", TUS);
    match token {
        Some(token) => request.header("Upload-Token", token),
        None => request,
    }
}

async fn sent(request: reqwest::RequestBuilder) -> Response {
    request.send().await.unwrap_or_else(|e| panic!("{e}"))
}

/// A tus creation of `length` bytes; returns the upload's path and token.
async fn create(app: &TestApp, length: usize) -> (String, String) {
    let created =
        sent(tus(app, Method::POST, "/api/v1/uploads", None).header("Upload-Length", length)).await;
    assert_eq!(created.status().as_u16(), 201);
    let location = header(&created, "location").unwrap_or_default();
    let token = header(&created, "upload-token").unwrap_or_default();
    assert!(location.starts_with("/api/v1/uploads/"), "{location}");
    assert!(!token.is_empty());
    (location, token)
}

async fn patch(app: &TestApp, path: &str, token: &str, offset: usize, piece: &[u8]) -> Response {
    sent(
        tus(app, Method::PATCH, path, Some(token))
            .header("Upload-Offset", offset)
            .header("Content-Type", "application/offset+octet-stream")
            .body(piece.to_vec()),
    )
    .await
}

/// Where the upload stands, as HEAD says: (status, Upload-Offset, Upload-Length).
async fn head(app: &TestApp, path: &str, token: &str) -> (u16, Option<String>, Option<String>) {
    let response = sent(tus(app, Method::HEAD, path, Some(token))).await;
    (
        response.status().as_u16(),
        header(&response, "upload-offset"),
        header(&response, "upload-length"),
    )
}

/// A JPEG of `len` bytes of scan data or so, with `marker` in its pixels.
fn photo(marker: &[u8], len: usize) -> Vec<u8> {
    let mut scan: Vec<u8> = (0..len).map(|i| (i % 200) as u8 + 1).collect();
    scan[1000..1000 + marker.len()].copy_from_slice(marker);
    files::jpeg(1200, 900, &scan)
}

on_both_engines!(
    tus_options_name_the_version_the_extension_and_the_largest_upload,
    |engine| async move {
        let app = spawn_app(engine).await;
        // OPTIONS is the one request that need not name a version.
        let offered = sent(
            app.client
                .request(Method::OPTIONS, app.url("/api/v1/uploads")),
        )
        .await;
        assert_eq!(offered.status().as_u16(), 204);
        assert_eq!(header(&offered, "tus-resumable").as_deref(), Some(TUS));
        assert_eq!(header(&offered, "tus-version").as_deref(), Some(TUS));
        assert_eq!(
            header(&offered, "tus-extension").as_deref(),
            Some("creation")
        );
        assert_eq!(
            header(&offered, "tus-max-size"),
            Some(MAX_BYTES.to_string())
        );
        // No cross-origin door is opened: the API answered no other origin before tus either.
        assert_eq!(header(&offered, "access-control-allow-origin"), None);

        let document: serde_json::Value = app
            .get("/api/v1/openapi.json")
            .await
            .json()
            .await
            .unwrap_or_default();
        let uploads = &document["paths"]["/api/v1/uploads"];
        assert!(uploads["options"].is_object() && uploads["post"].is_object());
        let one = &document["paths"]["/api/v1/uploads/{id}"];
        assert!(one["head"]["responses"]["412"].is_object(), "{one}");
        assert!(one["patch"]["responses"]["204"].is_object(), "{one}");
    }
);

on_both_engines!(
    a_tus_upload_goes_in_pieces_resumes_and_is_attached_to_a_report,
    |engine| async move {
        let app = spawn_app(engine).await;
        let marker = format!("TUS-MARKER-{}", uuid::Uuid::new_v4().simple());
        let file = photo(marker.as_bytes(), 200_000);
        let length = file.len();

        let created =
            sent(tus(&app, Method::POST, "/api/v1/uploads", None).header("Upload-Length", length))
                .await;
        assert_eq!(created.status().as_u16(), 201);
        assert_eq!(header(&created, "tus-resumable").as_deref(), Some(TUS));
        assert_eq!(
            header(&created, "cache-control").as_deref(),
            Some("no-store")
        );
        let path = header(&created, "location").unwrap_or_default();
        let token = header(&created, "upload-token").unwrap_or_default();
        assert!(!path.contains(&token), "the token is never in a URL");
        let body = created.bytes().await.unwrap_or_default();
        assert!(
            !contains(&body, token.as_bytes()),
            "the token is in a header only"
        );

        let asked = sent(tus(&app, Method::HEAD, &path, Some(&token))).await;
        assert_eq!(asked.status().as_u16(), 200);
        assert_eq!(header(&asked, "upload-offset").as_deref(), Some("0"));
        assert_eq!(header(&asked, "upload-length"), Some(length.to_string()));
        assert_eq!(header(&asked, "cache-control").as_deref(), Some("no-store"));
        assert_eq!(header(&asked, "tus-resumable").as_deref(), Some(TUS));

        let piece = 64 * 1024;
        for at in [0, piece] {
            let appended = patch(&app, &path, &token, at, &file[at..at + piece]).await;
            assert_eq!(appended.status().as_u16(), 204);
            assert_eq!(
                header(&appended, "upload-offset"),
                Some((at + piece).to_string())
            );
            assert_eq!(header(&appended, "tus-resumable").as_deref(), Some(TUS));
        }

        // The link drops in the middle of the third piece: what arrived of it is not kept,
        // the client asks where the upload stands, and goes on from there.
        let mut link = std::net::TcpStream::connect(app.address.trim_start_matches("http://"))
            .unwrap_or_else(|e| panic!("{e}"));
        let third = &file[2 * piece..3 * piece];
        write!(
            link,
            "PATCH {path} HTTP/1.1\r\nHost: x\r\nTus-Resumable: {TUS}\r\nUpload-Token: {token}\r\n\
             Upload-Offset: {}\r\nContent-Type: application/offset+octet-stream\r\n\
             Content-Length: {}\r\n\r\n",
            2 * piece,
            third.len()
        )
        .unwrap_or_else(|e| panic!("{e}"));
        link.write_all(&third[..piece / 2])
            .unwrap_or_else(|e| panic!("{e}"));
        drop(link);
        let (status, offset, _) = head(&app, &path, &token).await;
        assert_eq!((status, offset), (200, Some((2 * piece).to_string())));

        // A piece sent again at an offset already passed is refused, and changes nothing.
        let again = patch(&app, &path, &token, piece, &file[piece..2 * piece]).await;
        assert_eq!(again.status().as_u16(), 409);
        assert_eq!(
            header(&again, "upload-offset"),
            Some((2 * piece).to_string())
        );
        assert_eq!(header(&again, "tus-resumable").as_deref(), Some(TUS));
        assert_eq!(
            head(&app, &path, &token).await.1,
            Some((2 * piece).to_string())
        );

        let rest = patch(&app, &path, &token, 2 * piece, &file[2 * piece..]).await;
        assert_eq!(rest.status().as_u16(), 204);
        assert_eq!(header(&rest, "upload-offset"), Some(length.to_string()));
        assert_eq!(
            head(&app, &path, &token).await,
            (200, Some(length.to_string()), Some(length.to_string()))
        );
        assert!(!contains(&app.database_bytes().await, marker.as_bytes()));

        // The report names the upload by its id (the last segment of its Location) and token.
        let id = path.rsplit('/').next().unwrap_or_default();
        let (report, _) = app
            .submit(&json!({
                "location": {"country": "TH"},
                "narrative": "sent with a tus client",
                "attachments": [{"upload": id, "token": token}],
            }))
            .await;
        assert_eq!(attachments_of(&app, report).await.len(), 1);
        assert_eq!(
            head(&app, &path, &token).await.0,
            404,
            "a used upload is gone"
        );
    }
);

on_both_engines!(tus_refuses_what_the_protocol_refuses, |engine| async move {
    let app = spawn_app(engine).await;
    let uploads = || async { app.strings("SELECT id FROM uploads").await.len() };

    // Another version, or none, is not processed: 412, naming the version spoken.
    for version in [Some("0.2.2"), Some("1.0.0, 0.2.2"), None] {
        let mut request = app
            .client
            .post(app.url("/api/v1/uploads"))
            .header("Upload-Length", 1000);
        if let Some(version) = version {
            request = request.header("Tus-Resumable", version);
        }
        let refused = sent(request).await;
        assert_eq!(refused.status().as_u16(), 412, "{version:?}");
        assert_eq!(header(&refused, "tus-version").as_deref(), Some(TUS));
        assert_eq!(header(&refused, "tus-resumable").as_deref(), Some(TUS));
        // Its own problem, saying what is spoken: not the unreadable request's message.
        let problem: serde_json::Value = refused.json().await.unwrap_or_default();
        assert_eq!(problem["error"], "tus_version", "{problem}");
        assert_eq!(
            problem["message"], "This server speaks tus 1.0.0.",
            "{problem}"
        );
    }
    // In the asker's language, from the catalogs.
    let thai = sent(
        app.client
            .post(app.url("/api/v1/uploads"))
            .header("Upload-Length", 1000)
            .header("Tus-Resumable", "0.2.2")
            .header("Accept-Language", "th"),
    )
    .await;
    assert_eq!(thai.status().as_u16(), 412);
    let problem: serde_json::Value = thai.json().await.unwrap_or_default();
    assert_eq!(problem["error"], "tus_version", "{problem}");
    assert_eq!(problem["message"], "เซิร์ฟเวอร์นี้ใช้ tus 1.0.0", "{problem}");
    assert_eq!(uploads().await, 0, "a refused creation creates nothing");

    // Larger than the largest upload: 413, saying what the largest is.
    let large = sent(
        tus(&app, Method::POST, "/api/v1/uploads", None).header("Upload-Length", MAX_BYTES + 1),
    )
    .await;
    assert_eq!(large.status().as_u16(), 413);
    assert_eq!(header(&large, "tus-max-size"), Some(MAX_BYTES.to_string()));
    let huge = sent(
        tus(&app, Method::POST, "/api/v1/uploads", None)
            .header("Upload-Length", "123456789012345678901234567890"),
    )
    .await;
    assert_eq!(huge.status().as_u16(), 413);
    // No length, an unreadable one, an empty file, a deferred length, or bytes in the
    // creation (creation-with-upload is not offered): 400.
    for (name, value) in [
        ("Upload-Length", "-5"),
        ("Upload-Length", "ten"),
        ("Upload-Length", "0"),
        ("Upload-Defer-Length", "1"),
    ] {
        let refused =
            sent(tus(&app, Method::POST, "/api/v1/uploads", None).header(name, value)).await;
        assert_eq!(refused.status().as_u16(), 400, "{name}: {value}");
    }
    let with_bytes = sent(
        tus(&app, Method::POST, "/api/v1/uploads", None)
            .header("Upload-Length", 3)
            .header("Content-Type", "application/offset+octet-stream")
            .body(vec![1u8, 2, 3]),
    )
    .await;
    assert_eq!(with_bytes.status().as_u16(), 400);
    assert_eq!(uploads().await, 0);

    let (path, token) = create(&app, 1000).await;
    let at = |offset: usize| Some(offset.to_string());

    // Without the token: told so; with another's: no such upload. Nothing is appended.
    let untokened = sent(tus(&app, Method::HEAD, &path, None)).await;
    assert_eq!(untokened.status().as_u16(), 400);
    assert_eq!(header(&untokened, "upload-offset"), None);
    let untokened = sent(
        tus(&app, Method::PATCH, &path, None)
            .header("Upload-Offset", 0)
            .header("Content-Type", "application/offset+octet-stream")
            .body(vec![7u8; 10]),
    )
    .await;
    assert_eq!(untokened.status().as_u16(), 400);
    let (other_path, other_token) = create(&app, 1000).await;
    assert_eq!(head(&app, &path, &other_token).await.0, 404);
    assert_eq!(
        patch(&app, &path, &other_token, 0, &[7u8; 10])
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(head(&app, &other_path, &token).await.0, 404);
    assert_eq!(head(&app, "/api/v1/uploads/not-an-id", &token).await.0, 404);
    assert_eq!(head(&app, &path, &token).await.1, at(0));

    // HEAD and PATCH in another version, or none: 412, nothing appended.
    let unversioned = sent(
        app.client
            .head(app.url(&path))
            .header("Upload-Token", &token),
    )
    .await;
    assert_eq!(unversioned.status().as_u16(), 412);
    assert_eq!(header(&unversioned, "tus-version").as_deref(), Some(TUS));
    let old = sent(
        app.client
            .patch(app.url(&path))
            .header("Tus-Resumable", "0.2.2")
            .header("Upload-Token", &token)
            .header("Upload-Offset", 0)
            .header("Content-Type", "application/offset+octet-stream")
            .body(vec![7u8; 10]),
    )
    .await;
    assert_eq!(old.status().as_u16(), 412);
    assert_eq!(header(&old, "tus-version").as_deref(), Some(TUS));
    let problem: serde_json::Value = old.json().await.unwrap_or_default();
    assert_eq!(problem["error"], "tus_version", "{problem}");

    // Not application/offset+octet-stream: 415.
    for content_type in ["application/octet-stream", "text/plain", ""] {
        let mislabelled = sent(
            tus(&app, Method::PATCH, &path, Some(&token))
                .header("Upload-Offset", 0)
                .header("Content-Type", content_type)
                .body(vec![7u8; 10]),
        )
        .await;
        assert_eq!(mislabelled.status().as_u16(), 415, "{content_type:?}");
        assert_eq!(header(&mislabelled, "tus-resumable").as_deref(), Some(TUS));
    }
    // No offset: 400.
    let no_offset = sent(
        tus(&app, Method::PATCH, &path, Some(&token))
            .header("Content-Type", "application/offset+octet-stream")
            .body(vec![7u8; 10]),
    )
    .await;
    assert_eq!(no_offset.status().as_u16(), 400);
    assert_eq!(head(&app, &path, &token).await.1, at(0));

    // At an offset that is not where the upload stands: 409, saying where it stands.
    let ahead = patch(&app, &path, &token, 10, &[7u8; 10]).await;
    assert_eq!(ahead.status().as_u16(), 409);
    assert_eq!(header(&ahead, "upload-offset"), at(0));
    assert_eq!(
        patch(&app, &path, &token, 0, &[7u8; 600])
            .await
            .status()
            .as_u16(),
        204
    );
    let behind = patch(&app, &path, &token, 0, &[7u8; 10]).await;
    assert_eq!(behind.status().as_u16(), 409);
    assert_eq!(header(&behind, "upload-offset"), at(600));

    // Past the upload's length: 413, and nothing of it appended.
    let past = patch(&app, &path, &token, 600, &[7u8; 401]).await;
    assert_eq!(past.status().as_u16(), 413);
    assert_eq!(head(&app, &path, &token).await.1, at(600));

    // What completes it is cleaned: bytes that are no file are refused (422) and the upload
    // goes with them.
    let junk = patch(&app, &path, &token, 600, &[7u8; 400]).await;
    assert_eq!(junk.status().as_u16(), 422);
    assert_eq!(header(&junk, "tus-resumable").as_deref(), Some(TUS));
    assert_eq!(head(&app, &path, &token).await.0, 404);
});

on_both_engines!(
    upload_metadata_is_neither_stored_nor_logged,
    |engine| async move {
        let app = spawn_app(engine).await;
        let name = format!("passport-of-{}.jpg", uuid::Uuid::new_v4().simple());
        let encoded = base64::engine::general_purpose::STANDARD.encode(&name);
        let file = photo(b"METADATA-TEST", 20_000);
        let created = sent(
            tus(&app, Method::POST, "/api/v1/uploads", None)
                .header("Upload-Length", file.len())
                .header(
                    "Upload-Metadata",
                    format!("filename {encoded},filetype aW1hZ2UvanBlZw==,is_confidential"),
                ),
        )
        .await;
        assert_eq!(created.status().as_u16(), 201);
        let path = header(&created, "location").unwrap_or_default();
        let token = header(&created, "upload-token").unwrap_or_default();
        let done = patch(&app, &path, &token, 0, &file).await;
        assert_eq!(done.status().as_u16(), 204);
        let asked = sent(tus(&app, Method::HEAD, &path, Some(&token))).await;
        assert_eq!(header(&asked, "upload-metadata"), None);
        let id = path.rsplit('/').next().unwrap_or_default();
        app.submit(&json!({
            "location": {"country": "KH"},
            "narrative": "a file with a name",
            "attachments": [{"upload": id, "token": token}],
        }))
        .await;

        let stored = app.database_bytes().await;
        let logs = captured_logs();
        for needle in [name.as_str(), encoded.as_str(), token.as_str()] {
            assert!(!contains(&stored, needle.as_bytes()), "stored: {needle}");
            assert!(!logs.contains(needle), "logged: {needle}");
        }
    }
);
