//! Photos from today's phones, over HTTP (issue 17, item 9): an Ultra HDR photo, a Motion
//! Photo and a rotated photo sent from the follow-up page, and a Samsung photo through the
//! API's resumable uploads, are each taken; what a responder downloads is the primary image
//! alone, ending at its own end, and the rotated one still says how to turn it. A HEIC photo
//! is refused on the report form, the follow-up page and the API with a message that says
//! what to send instead.

use serde_json::json;

use crate::attachments::{attach, attachments_of, new_upload, patch, visit};
use crate::cleaning::assert_primary_only;
use crate::files;
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};

async fn download(app: &TestApp, cookie: &str, report: uuid::Uuid, item: uuid::Uuid) -> Vec<u8> {
    let response = app
        .get_with(
            &format!("/queues/desk/reports/{report}/files/{item}"),
            cookie,
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    response.bytes().await.unwrap_or_default().to_vec()
}

/// Uploads `bytes` through /api/v1/uploads in one piece; returns the upload's id and token and
/// the last answer.
async fn upload(
    app: &TestApp,
    bytes: &[u8],
    media_type: &str,
) -> (String, String, u16, serde_json::Value) {
    let (status, created) = new_upload(app, bytes.len(), media_type).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let token = created["token"].as_str().unwrap_or_default().to_owned();
    let (status, _, answer) = patch(app, &id, &token, 0, bytes).await;
    (id, token, status, answer)
}

on_both_engines!(
    photos_from_todays_phones_are_taken_without_their_trailers_and_stay_upright,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "MM"}, "narrative": "photos of the gate"}))
            .await;
        let token = visit(&app, &code).await;
        for photo in [
            files::ultra_hdr(),
            files::motion_photo(),
            files::rotated_photo(),
        ] {
            let (status, page) = attach(&app, &token, (photo, "image/jpeg"), false).await;
            assert_eq!(status, 200, "{page}");
            assert!(page.contains("Received"), "{page}");
        }

        let (id, upload_token, status, done) =
            upload(&app, &files::samsung_photo(), "image/jpeg").await;
        assert_eq!(status, 200, "{done}");
        assert_eq!(done["ready"], true);
        let (uploaded, _) = app
            .submit(&json!({
                "location": {"country": "MM"},
                "narrative": "sent from a Samsung phone",
                "attachments": [{"upload": id, "token": upload_token}],
            }))
            .await;

        let cookie = staff(&app, "coordinator", "operator", "coord.phones").await;
        import(&app, &cookie, "desk").await;
        let attached = attachments_of(&app, report).await;
        assert_eq!(attached.len(), 3);
        let mut downloads = Vec::new();
        for (item, _) in &attached {
            downloads.push(download(&app, &cookie, report, *item).await);
        }
        let samsung = attachments_of(&app, uploaded).await;
        assert_eq!(samsung.len(), 1);
        downloads.push(download(&app, &cookie, uploaded, samsung[0].0).await);
        for bytes in &downloads {
            assert_primary_only(bytes);
        }

        // The rotated photo: its EXIF, read back, is IFD0's Orientation 6 and nothing else.
        let exif = exif::Reader::new()
            .read_from_container(&mut std::io::Cursor::new(downloads[2].as_slice()))
            .unwrap_or_else(|e| panic!("{e}"));
        let fields: Vec<_> = exif
            .fields()
            .map(|f| (f.tag, f.ifd_num, f.value.get_uint(0)))
            .collect();
        assert_eq!(
            fields,
            [(exif::Tag::Orientation, exif::In::PRIMARY, Some(6))]
        );
        for upright in [&downloads[0], &downloads[1], &downloads[3]] {
            assert!(!files::contains(upright, b"Exif"));
        }
    }
);

on_both_engines!(
    a_heic_photo_is_refused_with_a_message_saying_what_to_send_instead,
    |engine| async move {
        let app = spawn_app(engine).await;
        let heic = || {
            reqwest::multipart::Part::bytes(files::heic())
                .file_name("IMG_0412.HEIC")
                .mime_str("image/heic")
                .unwrap_or_else(|e| panic!("{e}"))
        };

        // The report form, in English and in Chinese: refused, every answer kept.
        for (lang, says) in [
            ("en", "screenshot of the photo"),
            ("en", "Formats &#62; Most Compatible"),
            ("zh-Hans", "兼容性最佳"),
        ] {
            let form = reqwest::multipart::Form::new()
                .text("lang", lang)
                .text("location.country", "KH")
                .text("narrative", "kept words about the compound")
                .part("attachments", heic());
            let response = app
                .client
                .post(app.url("/report"))
                .multipart(form)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(response.status().as_u16(), 422);
            let page = response.text().await.unwrap_or_default();
            assert!(page.contains(says), "{lang}: {page}");
            assert!(page.contains("kept words about the compound"), "{page}");
        }

        // The follow-up page: refused, the visit goes on, nothing attached.
        let (report, code) = app
            .submit(&json!({"location": {"country": "KH"}, "narrative": "an iPhone photo"}))
            .await;
        let token = visit(&app, &code).await;
        let (status, page) = attach(&app, &token, (files::heic(), "image/heic"), false).await;
        assert_eq!(status, 422, "{page}");
        assert!(page.contains("screenshot"), "{page}");
        assert!(page.contains(&token), "the visit goes on");
        assert!(attachments_of(&app, report).await.is_empty());

        // The API: the field error names it, with its message.
        let (_, _, status, refused) = upload(&app, &files::heic(), "image/heic").await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(refused["errors"][0]["code"], "file_heic");
        let message = refused["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("screenshot"), "{refused}");
    }
);
