//! Slow and refused uploads (issue 17, item 3): a piece without its upload's token, or a file
//! posted without a live follow-up visit, is answered from its headers before its body is read
//! and holds nothing of the upload budget; a piece that trickles holds what it has sent, not what
//! it announced; and a report form refused for any reason (the budget spent, a file too large, too
//! many or refused by the cleaner, a field error, a limit) comes back with every answer kept and
//! a word to attach the files again. Nothing here measures time: connections are held open
//! while the tests read the budget and the answers.
//!
//! Stalled and slow bodies (review M1, M2, L6): one source holds at most half the budget, and a
//! body holding any of it must keep a minimum rate, judged over windows of the server's clock,
//! which these tests set and move by hand; a slow link's photos are taken past the deadline; a
//! body cut short comes back with what was typed; a refused form is read no further than one
//! file past its text.

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::files;
use crate::helpers::{
    client_from, code_in_page, hidden, on_both_engines, spawn_with, Options, TestApp,
};
use homeward::store::Clock;

/// A JPEG of about `len` bytes whose scan carries `marker`.
fn photo(marker: &[u8], len: usize) -> Vec<u8> {
    let mut scan: Vec<u8> = (0..len).map(|i| (i % 200) as u8 + 1).collect();
    scan[100..100 + marker.len()].copy_from_slice(marker);
    files::jpeg(1200, 900, &scan)
}

/// A connection that has sent `head` and part of a body, and is kept open.
async fn open_with(app: &TestApp, head: &str, body_start: &[u8]) -> TcpStream {
    let host = app.address.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&host)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    stream
        .write_all(head.as_bytes())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    stream
        .write_all(body_start)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    stream
}

/// The answer on `stream`: its status line, headers and body (by its Content-Length). A guard
/// against a hang, not a measure: the server answers these at once or not at all.
async fn answer(stream: &mut (impl AsyncReadExt + Unpin)) -> String {
    let mut read = Vec::new();
    let mut buffer = [0u8; 4096];
    let guard = std::time::Duration::from_secs(120);
    loop {
        let text = String::from_utf8_lossy(&read).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if read.len() >= end + 4 + length {
                return text;
            }
        }
        match tokio::time::timeout(guard, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return text,
            Ok(Ok(n)) => read.extend_from_slice(&buffer[..n]),
            Err(_) => panic!("no answer: {text}"),
        }
    }
}

/// Waits until the budget has `bytes` free; the event, not a time, is what the test waits for.
async fn until_free(app: &TestApp, bytes: usize, what: &str) {
    for _ in 0..12_000 {
        if app.uploads.available() == bytes {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!(
        "{what}: the budget never had {bytes} free: {}",
        app.uploads.available()
    );
}

async fn new_upload(app: &TestApp, size: usize) -> (String, String) {
    let created: serde_json::Value = app
        .client
        .post(app.url("/api/v1/uploads"))
        .json(&json!({"size": size, "media_type": "image/jpeg"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_default();
    let field = |name: &str| created[name].as_str().unwrap_or_default().to_owned();
    (field("id"), field("token"))
}

fn patch_head(id: &str, token: &str, length: usize) -> String {
    format!(
        "PATCH /api/v1/uploads/{id} HTTP/1.1\r\nHost: x\r\nUpload-Token: {token}\r\n\
         Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n\
         Content-Length: {length}\r\n\r\n"
    )
}

/// Posts the report form with `parts` in order (text, or a file's name and bytes).
async fn post_report(app: &TestApp, parts: &[(&str, Part)]) -> (u16, Option<String>, String) {
    let mut form = reqwest::multipart::Form::new();
    for (name, part) in parts {
        form = match part {
            Part::Text(value) => form.text(name.to_string(), value.to_string()),
            Part::File(bytes) => form.part(
                name.to_string(),
                reqwest::multipart::Part::bytes(bytes.clone())
                    .file_name("IMG_0001.jpg")
                    .mime_str("image/jpeg")
                    .unwrap_or_else(|e| panic!("{e}")),
            ),
        };
    }
    let response = app
        .client
        .post(app.url("/report"))
        .multipart(form)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let retry = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, retry, response.text().await.unwrap_or_default())
}

enum Part {
    Text(&'static str),
    File(Vec<u8>),
}

/// A report form's parts, in the order they are sent.
type Form = Vec<(&'static str, Part)>;

/// What a reporter typed, before and after the file input, in several scripts.
const TYPED: &[(&str, &str)] = &[
    ("lang", "en"),
    ("location.country", "KH"),
    ("location.city", "Sihanoukville"),
    ("location.compound", "Golden Lotus block C"),
    ("narrative", "They keep forty of us on the fourth floor ស្រី"),
    ("reporter.contact", "Telegram kept-handle-77"),
];
const TYPED_AFTER: &[(&str, &str)] = &[
    ("person.name", "Nguyễn Thị Lan"),
    ("recruitment.recruiter", "Mr Chen from the agency"),
    ("location.landmarks", "a blue water tower, 在河边"),
];

fn form_with(file: Part, extra: &[(&'static str, &'static str)]) -> Form {
    let mut parts: Vec<(&str, Part)> = TYPED.iter().map(|(n, v)| (*n, Part::Text(v))).collect();
    parts.extend(extra.iter().map(|(n, v)| (*n, Part::Text(v))));
    parts.push(("attachments", file));
    parts.extend(TYPED_AFTER.iter().map(|(n, v)| (*n, Part::Text(v))));
    parts
}

/// Every typed answer is in the page, as the form shows it again.
fn kept(page: &str) {
    for (name, value) in TYPED.iter().chain(TYPED_AFTER).skip(1) {
        assert!(page.contains(value), "{name} = {value} lost:\n{page}");
    }
}

const ATTACH_AGAIN: &str = "The files you chose were not taken: please attach them again";

on_both_engines!(
    pieces_without_their_token_hold_no_budget_and_trickles_hold_only_what_they_sent,
    |engine| async move {
        const BUDGET: usize = 2 * 1024 * 1024;
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.attachments.global_bytes = 2 * 1024 * 1024;
                    s.attachments.max_bytes = 1024 * 1024;
                    // The trickles stay open however slowly this machine runs the test.
                    s.server.body_idle_timeout_secs = 3600;
                    s.server.body_deadline_secs = 3600;
                },
                // A clock that stands still: no window of the minimum rate ever ends.
                clock: Some(Clock::set_to(START)),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(app.uploads.available(), BUDGET);
        let (id, token) = new_upload(&app, 1024 * 1024).await;

        // Sixteen pieces announcing a MiB each (eight times the budget) with a wrong token, or
        // none: each is answered from its headers, its body never waited for.
        let mut wrong = Vec::new();
        for i in 0..16 {
            let head = if i % 2 == 0 {
                patch_head(&id, "not-the-token", 1024 * 1024)
            } else {
                patch_head(&uuid::Uuid::new_v4().to_string(), &token, 1024 * 1024)
            };
            wrong.push(open_with(&app, &head, b"\xFF\xD8\xFF").await);
        }
        for stream in &mut wrong {
            let answered = answer(stream).await;
            assert!(answered.starts_with("HTTP/1.1 404"), "{answered}");
        }
        assert_eq!(app.uploads.available(), BUDGET, "nothing was reserved");

        // Eight real uploads trickling: each has announced a MiB and sent ten bytes; each holds
        // a KiB (the budget's unit), not the MiB it announced.
        let mut trickling = Vec::new();
        for _ in 0..8 {
            let (id, token) = new_upload(&app, 1024 * 1024).await;
            trickling
                .push(open_with(&app, &patch_head(&id, &token, 1024 * 1024), &[7u8; 10]).await);
        }
        until_free(&app, BUDGET - 8 * 1024, "wait 1").await;

        // Meanwhile a report with a photo, and a piece of a real upload, get through.
        let marker = b"PHOTO-THROUGH-THE-TRICKLE";
        let (status, _, page) =
            post_report(&app, &form_with(Part::File(photo(marker, 300_000)), &[])).await;
        assert_eq!(status, 200, "{page}");
        let code = crate::helpers::code_in_page(&page);
        assert_eq!(
            code.chars().filter(char::is_ascii_digit).count(),
            20,
            "{page}"
        );
        let piece = photo(b"PIECE", 200_000);
        let (id, token) = new_upload(&app, piece.len()).await;
        let patched = app
            .client
            .patch(app.url(&format!("/api/v1/uploads/{id}")))
            .header("Upload-Token", &token)
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/offset+octet-stream")
            .body(piece)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(patched.status().as_u16(), 200);
        until_free(&app, BUDGET - 8 * 1024, "wait 2").await;

        // Gone, the trickles give their budget back.
        drop(trickling);
        drop(wrong);
        until_free(&app, BUDGET, "wait 3").await;
    }
);

/// A visit opened with a fresh report's code; returns its token.
async fn visit(app: &TestApp) -> String {
    let (_, code) = app
        .submit(&json!({"location": {"country": "TH"}, "narrative": "coming back with a photo"}))
        .await;
    let page = app
        .client
        .post(app.url("/followup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("code={}", code.replace(' ', "")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default();
    hidden(&page, "visit")
}

fn attach_head(length: usize) -> String {
    format!(
        "POST /followup/attach HTTP/1.1\r\nHost: x\r\n\
         Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: {length}\r\n\r\n"
    )
}

fn text_part(name: &str, value: &str) -> String {
    format!("--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
}

const FILE_PART: &str = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; \
     filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nthe first bytes of a photo";

on_both_engines!(
    a_followup_file_without_a_live_visit_is_refused_before_its_body_is_read,
    |engine| async move {
        const BUDGET: usize = 100 * 1024;
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.attachments.global_bytes = 100 * 1024;
                    s.attachments.max_bytes = 100 * 1024;
                },
                ..Default::default()
            },
        )
        .await;
        let token = visit(&app).await;

        // A forged visit, a missing one, and a file sent before the visit: each is told to
        // enter the code again while most of its announced body has not been sent.
        let forged = format!("{}{}", text_part("visit", "forged-token"), FILE_PART);
        let missing = format!("{}{}", text_part("lang", "en"), FILE_PART);
        let file_first = format!("{FILE_PART}\r\n{}", text_part("visit", &token));
        for body in [forged, missing, file_first] {
            let mut stream = open_with(&app, &attach_head(500_000), body.as_bytes()).await;
            let answered = answer(&mut stream).await;
            assert!(answered.starts_with("HTTP/1.1 422"), "{answered}");
            assert!(
                answered.contains("Enter your receipt code again"),
                "{answered}"
            );
            assert_eq!(app.uploads.available(), BUDGET);
        }

        // With the visit, two photos the budget cannot hold together are refused for the
        // budget, and the visit goes on with a word to attach them again.
        let part = |marker: &[u8]| {
            reqwest::multipart::Part::bytes(photo(marker, 80_000))
                .file_name("IMG_0002.jpg")
                .mime_str("image/jpeg")
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let form = reqwest::multipart::Form::new()
            .text("visit", token.clone())
            .text("lang", "en")
            .part("file", part(b"FIRST"))
            .part("file", part(b"SECOND"))
            .text("use_location", "on");
        let response = app
            .client
            .post(app.url("/followup/attach"))
            .multipart(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 503);
        assert!(response.headers().contains_key("retry-after"));
        let page = response.text().await.unwrap_or_default();
        assert!(page.contains(&token), "the visit goes on: {page}");
        assert!(page.contains(ATTACH_AGAIN), "{page}");
        assert!(
            page.contains("Files cannot be received right now"),
            "{page}"
        );
        until_free(&app, BUDGET, "wait 4").await;

        // A small photo fits, and is taken.
        let part = reqwest::multipart::Part::bytes(files::jpeg(40, 30, files::SCAN))
            .file_name("IMG_0003.jpg")
            .mime_str("image/jpeg")
            .unwrap_or_else(|e| panic!("{e}"));
        let form = reqwest::multipart::Form::new()
            .text("visit", token.clone())
            .text("lang", "en")
            .part("file", part);
        let response = app
            .client
            .post(app.url("/followup/attach"))
            .multipart(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 200);
    }
);

on_both_engines!(
    a_report_form_refused_for_any_reason_comes_back_with_every_answer_and_asks_for_the_files,
    |engine| async move {
        const BUDGET: usize = 200 * 1024;
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.attachments.global_bytes = 200 * 1024;
                    s.attachments.max_bytes = 200 * 1024;
                    s.attachments.max_count = 2;
                },
                ..Default::default()
            },
        )
        .await;

        // The budget cannot hold both photos: 503, never a 500, every answer kept.
        let mut both = form_with(Part::File(photo(b"FIRST-PHOTO", 150_000)), &[]);
        both.push(("attachments", Part::File(photo(b"SECOND-PHOTO", 150_000))));
        let (status, retry, page) = post_report(&app, &both).await;
        assert_eq!(status, 503, "{page}");
        assert!(retry.is_some());
        kept(&page);
        assert!(page.contains(ATTACH_AGAIN), "{page}");
        assert!(
            page.contains("Files cannot be received right now"),
            "{page}"
        );
        until_free(&app, BUDGET, "wait 5").await;

        // A file too large, a file the cleaner refuses, too many files, a field wrong beside a
        // file: each its own answer, each with every answer kept and the files asked for again.
        // A PDF reader finds this header: the photo is also a PDF, refused by the cleaner.
        let polyglot = files::jpeg_with(
            10,
            10,
            files::SCAN,
            &[files::segment(0xFE, b"%PDF-1.7 1 0 obj")],
        );
        let small = files::jpeg(40, 30, files::SCAN);
        let mut three = form_with(Part::File(small.clone()), &[]);
        three.push(("attachments", Part::File(small.clone())));
        three.push(("attachments", Part::File(small.clone())));
        let cases: Vec<(Form, u16, &str)> = vec![
            (
                form_with(Part::File(photo(b"TOO-LARGE", 250_000)), &[]),
                413,
                "This file is too large",
            ),
            (
                form_with(Part::File(polyglot), &[]),
                422,
                "holds another file inside it",
            ),
            (three, 422, "Too many files at once"),
            (
                form_with(Part::File(small.clone()), &[("person.age", "not a number")]),
                422,
                "Write a number",
            ),
        ];
        for (parts, expected, says) in cases {
            let (status, _, page) = post_report(&app, &parts).await;
            assert_eq!(status, expected, "{says}: {page}");
            kept(&page);
            assert!(page.contains(says), "{says}: {page}");
            assert!(page.contains(ATTACH_AGAIN), "{says}: {page}");
        }
        // Without a file, nothing is asked for again.
        let parts: Vec<(&str, Part)> = TYPED
            .iter()
            .chain(TYPED_AFTER)
            .map(|(n, v)| (*n, Part::Text(v)))
            .chain([("person.age", Part::Text("not a number"))])
            .collect();
        let (status, _, page) = post_report(&app, &parts).await;
        assert_eq!(status, 422);
        kept(&page);
        assert!(!page.contains(ATTACH_AGAIN), "{page}");
        assert_eq!(app.uploads.available(), BUDGET);

        // And the same form with a small photo is taken.
        let (status, _, page) = post_report(&app, &form_with(Part::File(small), &[])).await;
        assert_eq!(status, 200, "{page}");
    }
);

on_both_engines!(
    a_report_form_past_the_limit_with_a_file_comes_back_as_typed,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.limits.submissions_per_minute = 1,
                ..Default::default()
            },
        )
        .await;
        let (status, _, _) = post_report(&app, &[("narrative", Part::Text("first one"))]).await;
        assert_eq!(status, 200);
        let (status, retry, page) = post_report(
            &app,
            &form_with(Part::File(photo(b"PAST-THE-LIMIT", 300_000)), &[]),
        )
        .await;
        assert_eq!(status, 429, "{page}");
        assert!(retry.is_some());
        kept(&page);
        assert!(page.contains("Too many attempts"), "{page}");
        assert!(page.contains(ATTACH_AGAIN), "{page}");
        assert_eq!(
            app.uploads.available(),
            homeward::config::AttachmentSettings::default().global_bytes,
            "the refused file was let go as it arrived"
        );
    }
);

/// Where the tests' own clocks start; only the tests move them.
const START: i64 = 1_900_000_000;

const MIB: usize = 1024 * 1024;

/// A connection from `address` (any of 127.0.0.0/8 reaches the app): a source of its own.
async fn connect_from(app: &TestApp, address: [u8; 4]) -> TcpStream {
    let server: std::net::SocketAddr = app
        .address
        .trim_start_matches("http://")
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    let socket = tokio::net::TcpSocket::new_v4().unwrap_or_else(|e| panic!("{e}"));
    socket
        .bind((std::net::Ipv4Addr::from(address), 0).into())
        .unwrap_or_else(|e| panic!("{e}"));
    socket
        .connect(server)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Writes `bytes`; a server that has answered already may have stopped listening.
async fn send(stream: &mut TcpStream, bytes: &[u8]) {
    let _ = stream.write_all(bytes).await;
}

/// Waits for `done`; the event, not a time, is what the test waits for.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..12_000 {
        if done() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("{what}: never happened");
}

enum Raw<'a> {
    Text(&'a str),
    File(&'a [u8]),
}

const END: &str = "--XyZ--\r\n";

/// A multipart body with `parts` in order, closed.
fn raw_form(parts: &[(&str, Raw)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, part) in parts {
        match part {
            Raw::Text(value) => body.extend(text_part(name, value).into_bytes()),
            Raw::File(bytes) => {
                body.extend(
                    format!(
                        "--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"; \
                         filename=\"IMG_0001.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                    )
                    .into_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(END.as_bytes());
    body
}

fn report_head(length: usize) -> String {
    format!(
        "POST /report HTTP/1.1\r\nHost: x\r\n\
         Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: {length}\r\n\r\n"
    )
}

/// What the page says when a slow link's files did not arrive in time.
const FILES_LATE: &str = "The files came too slowly and were not taken";
const ANSWERS_CUT: &str = "Not all of the form arrived";

on_both_engines!(
    one_address_sending_fast_then_stalling_holds_at_most_half_the_budget_until_its_rate_fails,
    |engine| async move {
        const BUDGET: usize = MIB;
        let clock = Clock::set_to(START);
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.attachments.global_bytes = MIB;
                    s.attachments.max_bytes = 100 * 1024;
                    s.attachments.max_count = 5;
                    // Nothing but the minimum rate, judged by the test's clock, lets go.
                    s.server.body_idle_timeout_secs = 3600;
                    s.server.body_deadline_secs = 3600;
                    s.server.body_min_bytes_per_sec = 1024;
                    s.server.body_rate_window_secs = 60;
                },
                clock: Some(clock.clone()),
                ..Default::default()
            },
        )
        .await;

        // Review M1, scaled down: from one address, three report forms, each with four files
        // near the limit at full speed and most of a fifth, then nothing more.
        let file = vec![b'x'; 99 * 1024];
        let narratives = [
            "first stalled form, typed before its files",
            "second stalled form, typed before its files",
            "third stalled form, typed before its files",
        ];
        let mut stalled = Vec::new();
        for (n, narrative) in narratives.iter().enumerate() {
            let mut parts = vec![
                ("lang", Raw::Text("en")),
                ("narrative", Raw::Text(narrative)),
            ];
            parts.extend((0..5).map(|_| ("attachments", Raw::File(&file))));
            let body = raw_form(&parts);
            let sent = body.len() - END.len() - 2 - 9 * 1024;
            let mut stream = connect_from(&app, [127, 0, 0, 31]).await;
            send(&mut stream, report_head(body.len()).as_bytes()).await;
            send(&mut stream, &body[..sent]).await;
            // Each form is seen through before the next: the first holds what it sent; each
            // later one is refused more room (it would hold it all otherwise).
            if n == 0 {
                until("the first form holds what it sent", || {
                    app.uploads.most_one_source_holds() >= 400 * 1024
                })
                .await;
            } else {
                until("a later form is held or refused", || {
                    app.uploads.refusals() >= n as u64
                        || app.uploads.most_one_source_holds() > BUDGET / 2
                })
                .await;
            }
            stalled.push((stream, *narrative));
        }
        assert!(app.uploads.most_one_source_holds() <= BUDGET / 2);

        // A reporter at another address sends a report with a photo: it is taken.
        let marker = b"PHOTO-PAST-THE-STALL";
        let form = reqwest::multipart::Form::new()
            .text("lang", "en")
            .text(
                "narrative",
                "a real report with a photo, sent during the stall",
            )
            .part(
                "attachments",
                reqwest::multipart::Part::bytes(photo(marker, 80_000))
                    .file_name("IMG_0002.jpg")
                    .mime_str("image/jpeg")
                    .unwrap_or_else(|e| panic!("{e}")),
            );
        let response = client_from([127, 0, 0, 32])
            .post(app.url("/report"))
            .multipart(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap_or_default();
        let code = code_in_page(&page);
        assert_eq!(
            code.chars().filter(char::is_ascii_digit).count(),
            20,
            "{page}"
        );
        let held = app.uploads.most_one_source_holds();
        assert!(
            (400 * 1024..=BUDGET / 2).contains(&held),
            "the stalled forms hold what they sent, and no more than half: {held}"
        );

        // A whole window without a byte: each stalled form comes back (408) with what was typed
        // before its files, and lets go of the budget.
        clock.advance(121);
        for (mut stream, narrative) in stalled {
            let answered = answer(&mut stream).await;
            assert!(answered.starts_with("HTTP/1.1 408"), "{answered}");
            assert!(answered.contains(narrative), "{answered}");
            assert!(answered.contains(FILES_LATE), "{answered}");
            assert!(answered.contains(ATTACH_AGAIN), "{answered}");
        }
        until_free(&app, BUDGET, "the stalled forms let go").await;
        assert_eq!(app.uploads.most_one_source_holds(), 0);
    }
);

on_both_engines!(
    one_address_holding_upload_pieces_open_holds_at_most_half_the_budget_until_its_rate_fails,
    |engine| async move {
        const BUDGET: usize = 4 * MIB;
        let clock = Clock::set_to(START);
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.attachments.global_bytes = 4 * MIB;
                    s.attachments.max_bytes = MIB;
                    s.server.body_idle_timeout_secs = 3600;
                    s.server.body_deadline_secs = 3600;
                },
                clock: Some(clock.clone()),
                ..Default::default()
            },
        )
        .await;

        // Review M1 over the API: from one address, six uploads, each sent a piece of a MiB
        // less a byte, all of it but its last byte.
        let attacker = client_from([127, 0, 0, 31]);
        let create = |client: reqwest::Client, size: usize| {
            let url = app.url("/api/v1/uploads");
            async move {
                let created: serde_json::Value = client
                    .post(url)
                    .json(&json!({"size": size, "media_type": "image/jpeg"}))
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e}"))
                    .json()
                    .await
                    .unwrap_or_default();
                let field = |name: &str| created[name].as_str().unwrap_or_default().to_owned();
                (field("id"), field("token"))
            }
        };
        let mut open = Vec::new();
        for n in 0..6 {
            let (id, token) = create(attacker.clone(), MIB).await;
            let mut stream = connect_from(&app, [127, 0, 0, 31]).await;
            send(&mut stream, patch_head(&id, &token, MIB - 1).as_bytes()).await;
            send(&mut stream, &vec![7u8; MIB - 2]).await;
            if n == 0 {
                until("the first piece holds what it sent", || {
                    app.uploads.most_one_source_holds() >= MIB - 64 * 1024
                })
                .await;
            }
            open.push(stream);
        }
        assert!(app.uploads.most_one_source_holds() <= BUDGET / 2);

        // A partner app elsewhere uploads a photo and sends the report that attaches it: 201.
        let honest = client_from([127, 0, 0, 32]);
        let piece = photo(b"PIECE-PAST-THE-STALL", 200_000);
        let (id, token) = create(honest.clone(), piece.len()).await;
        let patched = honest
            .patch(app.url(&format!("/api/v1/uploads/{id}")))
            .header("Upload-Token", &token)
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/offset+octet-stream")
            .body(piece)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(patched.status().as_u16(), 200);
        let report = honest
            .post(app.url("/api/v1/reports"))
            .json(&json!({
                "location": {"country": "TH"},
                "narrative": "sent while another address held its pieces open",
                "attachments": [{"upload": id, "token": token}],
            }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.status().as_u16(), 201);
        let held = app.uploads.most_one_source_holds();
        assert!(
            (MIB - 64 * 1024..=BUDGET / 2).contains(&held),
            "the open pieces hold what they sent, and no more than half: {held}"
        );

        // Past its share, a piece is refused at once (503); a whole window without a byte ends
        // the ones held (408), and the budget comes back.
        clock.advance(121);
        let mut answers = Vec::new();
        for mut stream in open {
            answers.push(answer(&mut stream).await);
        }
        for answered in &answers {
            assert!(
                answered.starts_with("HTTP/1.1 408") || answered.starts_with("HTTP/1.1 503"),
                "{answered}"
            );
        }
        assert!(answers[0].starts_with("HTTP/1.1 408"), "{}", answers[0]);
        assert!(answers.iter().any(|a| a.starts_with("HTTP/1.1 503")));
        until_free(&app, BUDGET, "the open pieces let go").await;
    }
);

on_both_engines!(
    a_slow_link_s_photos_are_taken_past_the_deadline_while_they_keep_the_rate,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    // A deadline the body is sure to pass; no pause it could take is too long.
                    s.server.body_deadline_secs = 2;
                    s.server.body_idle_timeout_secs = 3600;
                },
                // The rate's windows are the test's to end: none does.
                clock: Some(Clock::set_to(START)),
                ..Default::default()
            },
        )
        .await;
        let photo = photo(b"SLOW-LINK-PHOTO", 120_000);
        let body = raw_form(&[
            ("lang", Raw::Text("en")),
            ("narrative", Raw::Text("sent over GPRS, photo and all")),
            ("attachments", Raw::File(&photo)),
            ("person.name", Raw::Text("Nguyễn Thị Lan")),
        ]);
        let mut stream = connect_from(&app, [127, 0, 0, 41]).await;
        // The answers and the photo's first bytes come with the head; then the body takes at
        // least twice the deadline, however fast this machine is.
        let mut pieces = body.chunks(body.len().div_ceil(5));
        let mut first = report_head(body.len()).into_bytes();
        first.extend_from_slice(pieces.next().unwrap_or_default());
        send(&mut stream, &first).await;
        for piece in pieces {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            send(&mut stream, piece).await;
        }
        let answered = answer(&mut stream).await;
        assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
        let code = code_in_page(&answered);
        assert_eq!(code.chars().filter(char::is_ascii_digit).count(), 20);

        // A body without files is still held to the deadline.
        let text = b"lang=en&narrative=typed+slowly";
        let mut stream = connect_from(&app, [127, 0, 0, 41]).await;
        let head = format!(
            "POST /report HTTP/1.1\r\nHost: x\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
            text.len()
        );
        send(&mut stream, head.as_bytes()).await;
        send(&mut stream, &text[..10]).await;
        let answered = answer(&mut stream).await;
        assert!(answered.starts_with("HTTP/1.1 408"), "{answered}");
    }
);

on_both_engines!(
    a_report_whose_photos_stall_comes_back_with_what_was_typed_before_them,
    |engine| async move {
        let clock = Clock::set_to(START);
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.server.body_idle_timeout_secs = 3600;
                    s.server.body_deadline_secs = 3600;
                },
                clock: Some(clock.clone()),
                ..Default::default()
            },
        )
        .await;
        let budget = app.uploads.available();
        // Review M2: the answers, then a photo that stops coming (a link gone quiet).
        let photo = photo(b"STALLED-PHOTO", 200_000);
        let mut parts: Vec<(&str, Raw)> = TYPED.iter().map(|(n, v)| (*n, Raw::Text(v))).collect();
        parts.push(("attachments", Raw::File(&photo)));
        parts.extend(TYPED_AFTER.iter().map(|(n, v)| (*n, Raw::Text(v))));
        let body = raw_form(&parts);
        let at = body
            .windows(13)
            .position(|w| w == b"STALLED-PHOTO")
            .unwrap_or_else(|| panic!("no photo"));
        let mut stream = connect_from(&app, [127, 0, 0, 42]).await;
        send(&mut stream, report_head(body.len()).as_bytes()).await;
        send(&mut stream, &body[..at + 10_000]).await;
        until("the photo is held", || app.uploads.available() < budget).await;
        clock.advance(61);
        let answered = answer(&mut stream).await;
        assert!(answered.starts_with("HTTP/1.1 408"), "{answered}");
        for (name, value) in TYPED.iter().skip(1) {
            assert!(
                answered.contains(value),
                "{name} = {value} lost:\n{answered}"
            );
        }
        assert!(answered.contains(FILES_LATE), "{answered}");
        assert!(answered.contains(ANSWERS_CUT), "{answered}");
        assert!(answered.contains(ATTACH_AGAIN), "{answered}");
        until_free(&app, budget, "the stalled photo lets go").await;

        // The same on the follow-up page: the visit goes on.
        let token = visit(&app).await;
        let body = raw_form(&[
            ("visit", Raw::Text(&token)),
            ("lang", Raw::Text("en")),
            ("file", Raw::File(&photo)),
        ]);
        let at = body
            .windows(13)
            .position(|w| w == b"STALLED-PHOTO")
            .unwrap_or_else(|| panic!("no photo"));
        let mut stream = connect_from(&app, [127, 0, 0, 42]).await;
        let head = attach_head(body.len());
        send(&mut stream, head.as_bytes()).await;
        send(&mut stream, &body[..at + 10_000]).await;
        until("the photo is held", || app.uploads.available() < budget).await;
        clock.advance(61);
        let answered = answer(&mut stream).await;
        assert!(answered.starts_with("HTTP/1.1 408"), "{answered}");
        assert!(answered.contains(&token), "the visit goes on: {answered}");
        assert!(answered.contains(FILES_LATE), "{answered}");
        assert!(answered.contains(ATTACH_AGAIN), "{answered}");
        until_free(&app, budget, "the stalled photo lets go").await;
    }
);

on_both_engines!(
    a_report_whose_files_pass_any_form_s_comes_back_with_what_was_typed,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.attachments.max_bytes = 10 * 1024;
                    s.attachments.max_count = 1;
                },
                ..Default::default()
            },
        )
        .await;
        // Sent without a length (chunked), so only what arrives can show it is too large.
        let big = vec![b'x'; 200 * 1024];
        let body = raw_form(&[
            ("lang", Raw::Text("en")),
            ("narrative", Raw::Text("typed before a file far too large")),
            ("attachments", Raw::File(&big)),
        ]);
        let mut stream = connect_from(&app, [127, 0, 0, 43]).await;
        let head = "POST /report HTTP/1.1\r\nHost: x\r\n\
                    Content-Type: multipart/form-data; boundary=XyZ\r\n\
                    Transfer-Encoding: chunked\r\n\r\n";
        send(&mut stream, head.as_bytes()).await;
        for piece in body.chunks(16 * 1024) {
            let mut chunk = format!("{:x}\r\n", piece.len()).into_bytes();
            chunk.extend_from_slice(piece);
            chunk.extend_from_slice(b"\r\n");
            send(&mut stream, &chunk).await;
        }
        send(&mut stream, b"0\r\n\r\n").await;
        let answered = answer(&mut stream).await;
        assert!(answered.starts_with("HTTP/1.1 413"), "{answered}");
        assert!(
            answered.contains("typed before a file far too large"),
            "{answered}"
        );
        assert!(answered.contains("This file is too large"), "{answered}");
        assert!(answered.contains(ATTACH_AGAIN), "{answered}");
    }
);

on_both_engines!(
    a_refused_form_is_read_no_further_than_one_file_past_its_text,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.limits.submissions_per_minute = 1;
                    s.attachments.max_bytes = 100 * 1024;
                    s.server.body_idle_timeout_secs = 3600;
                    s.server.body_deadline_secs = 3600;
                },
                ..Default::default()
            },
        )
        .await;
        let budget = app.uploads.available();
        let first = raw_form(&[("lang", Raw::Text("en")), ("narrative", Raw::Text("first"))]);
        let mut stream = connect_from(&app, [127, 0, 0, 44]).await;
        send(&mut stream, report_head(first.len()).as_bytes()).await;
        send(&mut stream, &first).await;
        assert!(answer(&mut stream).await.starts_with("HTTP/1.1 200"));

        // Review L6: past the limit, a form announcing six files' worth sends its answers and
        // a file and a half, and then nothing: the answer comes without the rest.
        let file = vec![b'x'; 99 * 1024];
        let mut parts: Vec<(&str, Raw)> = TYPED.iter().map(|(n, v)| (*n, Raw::Text(v))).collect();
        parts.extend((0..6).map(|_| ("attachments", Raw::File(&file))));
        let body = raw_form(&parts);
        let at = body
            .windows(4)
            .position(|w| w == b"xxxx")
            .unwrap_or_else(|| panic!("no file"));
        let mut stream = connect_from(&app, [127, 0, 0, 44]).await;
        send(&mut stream, report_head(body.len()).as_bytes()).await;
        send(&mut stream, &body[..at + 150 * 1024]).await;
        let answered = answer(&mut stream).await;
        assert!(answered.starts_with("HTTP/1.1 429"), "{answered}");
        for (name, value) in TYPED.iter().skip(1) {
            assert!(
                answered.contains(value),
                "{name} = {value} lost:\n{answered}"
            );
        }
        assert!(answered.contains("Too many attempts"), "{answered}");
        assert!(answered.contains(ANSWERS_CUT), "{answered}");
        assert!(answered.contains(ATTACH_AGAIN), "{answered}");
        assert_eq!(app.uploads.available(), budget, "nothing was held");
    }
);
