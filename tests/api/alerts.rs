//! A critical report unclaimed past its target is announced to a local webhook receiver and a
//! local SMTP sink, naming only the queue and the count; once per queue per repeat period.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::{on_both_engines, spawn_with, Options};

type Received = Arc<Mutex<Vec<String>>>;

/// Accepts HTTP requests and keeps their bodies.
pub async fn webhook_receiver() -> (String, Received) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "http://{}/alerts",
        listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
    );
    let received: Received = Arc::default();
    let keep = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let keep = keep.clone();
            tokio::spawn(async move {
                let mut reader = BufReader::new(stream);
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0u8; length];
                let _ = reader.read_exact(&mut body).await;
                if let Ok(mut k) = keep.lock() {
                    k.push(String::from_utf8_lossy(&body).into_owned());
                }
                let _ = reader
                    .get_mut()
                    .write_all(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    .await;
            });
        }
    });
    (url, received)
}

/// Speaks just enough SMTP to take messages and keeps each DATA section.
async fn smtp_sink() -> (u16, Received) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let received: Received = Arc::default();
    let keep = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let keep = keep.clone();
            tokio::spawn(async move {
                let mut reader = BufReader::new(stream);
                let _ = reader.get_mut().write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if let Some(body) = data.as_mut() {
                        if line == ".\r\n" {
                            if let Ok(mut k) = keep.lock() {
                                k.push(std::mem::take(body));
                            }
                            data = None;
                            let _ = reader.get_mut().write_all(b"250 queued\r\n").await;
                        } else {
                            body.push_str(&line);
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = reader.get_mut().write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    let _ = reader.get_mut().write_all(reply).await;
                }
            });
        }
    });
    (port, received)
}

async fn wait_for(received: &Received, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let got = received.lock().map(|r| r.clone()).unwrap_or_default();
        if got.len() >= count {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    received.lock().map(|r| r.clone()).unwrap_or_default()
}

on_both_engines!(
    overdue_critical_reports_are_announced_without_content,
    |engine| async move {
        let (url, posted) = webhook_receiver().await;
        let (port, mailed) = smtp_sink().await;
        let alerts = homeward::config::AlertSettings {
            webhook_url: Some(url),
            smtp: Some(homeward::config::SmtpSettings {
                host: "127.0.0.1".into(),
                port,
                starttls: false,
                username: None,
                password: None,
                from: "homeward@example.org".into(),
                to: vec!["duty@example.org".into()],
            }),
            check_interval_secs: 1,
            repeat_minutes: 60,
        };
        let app = spawn_with(
            engine,
            Options {
                alerts,
                // Entries keep the hour they came in, rounded down, so a report received now may
                // look up to an hour old: a two-hour target is one it cannot have passed yet.
                tweak: |settings| settings.ack_targets.critical_minutes = 120,
                ..Options::default()
            },
        )
        .await;
        let (report, code) = app
            .submit(&json!({
                "location": {"country": "TH", "compound": "Alert Compound"},
                "person": {"name": "Alert Person"},
                "narrative": "they beat us and will move us tomorrow",
                "indicators": ["violence", "imminent_transfer", "cannot_leave", "medical_emergency"],
            }))
            .await;
        let priority = app.store.entries("desk").await.unwrap_or_default();
        assert_eq!(
            priority.first().map(|e| e.priority.as_str()),
            Some("critical")
        );
        // Not overdue yet: nothing goes out.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(posted.lock().map(|p| p.is_empty()).unwrap_or(false));
        // Three hours old: past the two-hour target.
        let long_ago = homeward::store::now() - 3 * 3600;
        app.tamper(
            &format!("UPDATE report_queues SET added_at = {long_ago}"),
            None,
            None,
        )
        .await;

        let posts = wait_for(&posted, 1).await;
        let mails = wait_for(&mailed, 1).await;
        assert_eq!(posts.len(), 1, "{posts:?}");
        assert_eq!(mails.len(), 1, "{mails:?}");
        let body: serde_json::Value = serde_json::from_str(&posts[0]).unwrap_or_default();
        assert_eq!(body["queue"], "desk");
        assert_eq!(body["overdue_critical"], 1);
        for sent in posts.iter().chain(&mails) {
            assert!(sent.contains("desk"), "{sent}");
            for secret in [
                "Alert Compound",
                "Alert Person",
                "beat",
                &report.to_string(),
                &code.replace(' ', ""),
            ] {
                assert!(!sent.contains(secret), "{secret} in {sent}");
            }
        }
        // Once per repeat period, however often the check runs.
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert_eq!(posted.lock().map(|p| p.len()).unwrap_or(0), 1);
    }
);
