//! The onion listener, spoken to as Tor does: a raw TCP connection that opens with a PROXY
//! protocol v1 line naming a circuit (`HiddenServiceExportCircuitID haproxy`), then HTTP. Each
//! circuit is a source of its own; the listener's ceiling keeps room for circuits that come in
//! once while many flood; circuits cannot spend the public listener's login and code ceilings; a
//! connection without Tor's line is closed unanswered; and the public listener believes no such
//! line.

use std::net::IpAddr;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{captured_logs, on_both_engines, spawn_with, Engine, Options, TestApp};

/// Tor's line for a circuit: its id in the low 32 bits of an address in fc00:dead:beef:4dad::/96.
pub fn proxy_line(circuit: u32) -> String {
    format!(
        "PROXY TCP6 fc00:dead:beef:4dad::{:x}:{:x} ::1 {} 80\r\n",
        circuit >> 16,
        circuit & 0xffff,
        40000 + circuit % 20000
    )
}

/// How long a test waits for an answer or a close: far past any deadline the server keeps, so
/// that only a server that never answers or never closes fails.
const PATIENCE: Duration = Duration::from_secs(60);

/// Sends `preface` then the request, and reads until the server closes. `None` when the server
/// closed without a byte of answer.
pub async fn raw(
    host: &str,
    preface: &[u8],
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Option<(u16, Value)> {
    let mut stream = TcpStream::connect(host)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request = preface.to_vec();
    request.extend(
        format!(
            "{method} {path} HTTP/1.1\r\nHost: homeward.onion\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
    );
    // A server that closed first may make the write fail; what it answered is what counts.
    let _ = stream.write_all(&request).await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(PATIENCE, stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the server neither answered nor closed");
    parse(&answer)
}

fn parse(answer: &[u8]) -> Option<(u16, Value)> {
    if answer.is_empty() {
        return None;
    }
    let text = String::from_utf8_lossy(answer);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Some((status, serde_json::from_str(&body).unwrap_or(Value::Null)))
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

fn onion_settings(s: &mut homeward::config::Settings) {
    s.server.onion = Some(homeward::config::ListenAddress {
        host: IpAddr::from([127, 0, 0, 1]),
        port: 0,
    });
}

fn onion_host(app: &TestApp) -> String {
    app.onion
        .clone()
        .unwrap_or_else(|| panic!("no onion listener"))
        .trim_start_matches("http://")
        .to_owned()
}

/// Opens a visit with `code` over `circuit`.
async fn visit(host: &str, circuit: u32, code: &str) -> u16 {
    raw(
        host,
        proxy_line(circuit).as_bytes(),
        "POST",
        "/api/v1/followup/visits",
        Some(&json!({"code": code})),
    )
    .await
    .map(|(status, _)| status)
    .unwrap_or_else(|| panic!("circuit {circuit}: closed unanswered"))
}

async fn report(host: &str, circuit: u32, narrative: &str) -> u16 {
    raw(
        host,
        proxy_line(circuit).as_bytes(),
        "POST",
        "/api/v1/reports",
        Some(&json!({"narrative": narrative})),
    )
    .await
    .map(|(status, _)| status)
    .unwrap_or_else(|| panic!("circuit {circuit}: closed unanswered"))
}

on_both_engines!(
    eleven_wrong_codes_on_one_circuit_leave_a_right_code_on_another_working,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    onion_settings(s);
                    s.followup.attempts_per_minute = 10;
                    s.followup.global_attempts_per_minute = 300;
                },
                ..Default::default()
            },
        )
        .await;
        let host = onion_host(&app);
        let (_, code) = app
            .submit(
                &json!({"narrative": "sent before the guessing", "location": {"country": "KH"}}),
            )
            .await;
        let wrong = format!("{}0000", &code.replace(' ', "")[..16]);
        let guesser = 0xAABB_CCDD;
        let mut answers = Vec::new();
        for _ in 0..11 {
            answers.push(visit(&host, guesser, &wrong).await);
        }
        assert_eq!(&answers[..10], &[422; 10], "{answers:?}");
        assert_eq!(answers[10], 429, "the guessing circuit is held back");
        assert_eq!(
            visit(&host, guesser, &code).await,
            429,
            "even with the right code, that circuit waits"
        );

        assert_eq!(
            visit(&host, 0x0000_0042, &code).await,
            201,
            "another onion visitor is not held back by the guesser"
        );
        let logs = captured_logs();
        // The whole circuit id, in each form it could take (a bare "aabb" also turns up inside
        // the report ids other tests log into the same buffer).
        let lower = logs.to_ascii_lowercase();
        assert!(
            ["aabbccdd", "aabb:ccdd", "2864434397", "fc00:dead"]
                .iter()
                .all(|form| !lower.contains(form)),
            "no circuit in the logs"
        );
    }
);

on_both_engines!(
    an_honest_circuit_s_report_is_accepted_while_fifty_circuits_flood,
    |engine: Engine| async move {
        // At the default limits: the onion ceiling (240) keeps half (120) for circuits that have
        // sent at most two this minute, and fifty flooding circuits can spend at most 100 of it,
        // whatever the order they come in.
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    onion_settings(s);
                    s.limits = homeward::config::LimitSettings::default();
                },
                ..Default::default()
            },
        )
        .await;
        let host = onion_host(&app);
        let flood = (0..50u32).map(|circuit| {
            let host = host.clone();
            async move {
                let mut statuses = Vec::new();
                for i in 0..7 {
                    statuses
                        .push(report(&host, 1000 + circuit, &format!("flood {circuit} {i}")).await);
                }
                statuses
            }
        });
        let honest = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            report(&host, 7, "They moved us to the building by the river").await
        };
        let (flooded, during) = tokio::join!(futures_util::future::join_all(flood), honest);
        let flooded: Vec<u16> = flooded.into_iter().flatten().collect();
        assert_eq!(during, 201, "the honest report sent during the flood");
        assert!(
            flooded.contains(&503),
            "the flood reached the listener's ceiling: {flooded:?}"
        );
        assert!(
            flooded.iter().all(|s| [201, 429, 503].contains(s)),
            "{flooded:?}"
        );
        let accepted = flooded.iter().filter(|s| **s == 201).count();
        assert!(
            accepted <= 120 + 2 * 50,
            "the flood took the open half and its light tries at most: {accepted}"
        );
        // With the limits frozen nothing the flood spent comes back: this is its height.
        assert_eq!(
            report(&host, 8, "A second reporter, after the flood").await,
            201
        );
    }
);

on_both_engines!(
    a_connection_without_tor_s_line_is_closed_unanswered,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: onion_settings,
                ..Default::default()
            },
        )
        .await;
        let host = onion_host(&app);
        assert_eq!(
            raw(&host, proxy_line(1).as_bytes(), "GET", "/healthz", None)
                .await
                .map(|(status, _)| status),
            Some(200),
            "with Tor's line the listener answers"
        );
        let long = format!("PROXY TCP6 {}\r\n", "0".repeat(300));
        for preface in [
            &b""[..],
            b"PROXY TCP4 203.0.113.7 127.0.0.1 40000 8081\r\n",
            b"PROXY TCP6 2001:db8::1 ::1 40000 8081\r\n",
            b"PROXY TCP6 fc00:dead:beef:4dad::1 ::1 40000 80\n",
            b"PROXY TCP6 fc00:dead:beef:4dad::zz ::1 40000 80\r\n",
            b"PROXY UNKNOWN\r\n",
            b"\r\n\r\n\0\r\nQUIT\n",
            long.as_bytes(),
        ] {
            assert_eq!(
                raw(&host, preface, "GET", "/healthz", None).await,
                None,
                "{:?}",
                String::from_utf8_lossy(preface)
            );
        }
        // A connection that never sends its line is closed too, at the header deadline.
        let mut silent = TcpStream::connect(&host)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut answer = Vec::new();
        let read = tokio::time::timeout(PATIENCE, silent.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "a silent connection is not kept for ever");
        assert!(answer.is_empty());
    }
);

on_both_engines!(
    a_proxy_line_on_the_public_listener_is_just_a_bad_request,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    onion_settings(s);
                    s.limits.submissions_per_minute = 1;
                },
                ..Default::default()
            },
        )
        .await;
        let public = app.address.trim_start_matches("http://").to_owned();
        let answer = raw(
            &public,
            proxy_line(9).as_bytes(),
            "POST",
            "/api/v1/reports",
            Some(&json!({"narrative": "a line pretending to be Tor"})),
        )
        .await
        .map(|(status, _)| status);
        assert_eq!(answer, Some(400));
        assert_eq!(app.store.count_reports().await.ok(), Some(0));
        // The public listener still counts its peer's address, whatever line came before.
        assert_eq!(
            app.post_json(&json!({"narrative": "one"})).await.status(),
            201
        );
        assert_eq!(
            app.post_json(&json!({"narrative": "two"})).await.status(),
            429
        );
    }
);

/// Logs in over `circuit` with a wrong code; the status.
async fn onion_login(host: &str, circuit: u32, username: &str) -> u16 {
    raw(
        host,
        proxy_line(circuit).as_bytes(),
        "POST",
        "/api/v1/session",
        Some(&json!({"username": username, "password": "a guess at it", "code": "000000"})),
    )
    .await
    .map(|(status, _)| status)
    .unwrap_or_else(|| panic!("circuit {circuit}: closed unanswered"))
}

on_both_engines!(
    onion_circuits_spending_their_login_and_code_ceilings_leave_the_public_listener_its_own,
    |engine: Engine| async move {
        // Four logins and four codes a minute in all: two on each listener. Shared, ten circuits
        // would spend all four and a responder or reporter on the public listener would wait.
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    onion_settings(s);
                    s.sessions.global_login_attempts_per_minute = 4;
                    s.followup.global_attempts_per_minute = 4;
                },
                ..Default::default()
            },
        )
        .await;
        let host = onion_host(&app);
        let invite = app.invite("responder", Some("partner")).await;
        let (secret, _) = crate::accounts::enrol(&app, &invite, "shift.op").await;
        let (_, code) = app
            .submit(
                &json!({"narrative": "sent before the circuits", "location": {"country": "KH"}}),
            )
            .await;
        let wrong = format!("{}0000", &code.replace(' ', "")[..16]);

        let mut logins = Vec::new();
        let mut codes = Vec::new();
        for circuit in 0..10 {
            logins.push(onion_login(&host, 100 + circuit, &format!("guess{circuit}")).await);
            codes.push(visit(&host, 200 + circuit, &wrong).await);
        }
        assert_eq!(&logins[..2], &[401, 401], "{logins:?}");
        assert_eq!(
            &logins[2..],
            &[429; 8],
            "the onion share is spent: {logins:?}"
        );
        assert_eq!(&codes[..2], &[422, 422], "{codes:?}");
        assert_eq!(
            &codes[2..],
            &[429; 8],
            "the onion share is spent: {codes:?}"
        );
        assert_eq!(
            visit(&host, 300, &code).await,
            429,
            "even a right code waits on the onion listener"
        );

        // The public listener's halves are untouched.
        let (status, body) = crate::workspace_api::api(
            &app,
            "POST",
            "/api/v1/session",
            None,
            Some(json!({"username": "shift.op", "password": crate::accounts::PASSWORD, "code": crate::accounts::code_for(&secret, 0)})),
        )
        .await;
        assert_eq!(status, 201, "a responder on the public listener: {body}");
        let (status, body) = crate::workspace_api::api(
            &app,
            "POST",
            "/api/v1/followup/visits",
            None,
            Some(json!({"code": code})),
        )
        .await;
        assert_eq!(status, 201, "a reporter on the public listener: {body}");
    }
);
