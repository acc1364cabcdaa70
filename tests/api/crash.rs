//! Crash safety: concurrent submissions while the real server is killed with SIGKILL at random
//! moments and restarted, more than twenty times. Afterwards every receipt code a client received
//! opens its conversation, every stored report opens whole, no stored report is one no client
//! sent, and the database passes its integrity checks.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use rand::RngExt;
use serde_json::json;

use crate::helpers::{on_both_engines, Engine, Options, TestApp};
use crate::process::{open_visit, prepare, write_config, Served};

const KILLS: usize = 22;
const CLIENTS: usize = 4;

#[derive(Default)]
struct Outcomes {
    /// Narrative -> (report id, receipt code), for every 201 a client received.
    acknowledged: HashMap<String, (String, String)>,
    /// Every narrative a client sent, answered or not.
    sent: HashSet<String>,
}

async fn submit_until_stopped(
    client: usize,
    address: Arc<RwLock<String>>,
    outcomes: Arc<Mutex<Outcomes>>,
    stop: Arc<AtomicBool>,
) {
    let http = crate::helpers::http()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let narrative = format!("crash canary {client}-{n}");
        let base = address.read().map(|a| a.clone()).unwrap_or_default();
        if let Ok(mut o) = outcomes.lock() {
            o.sent.insert(narrative.clone());
        }
        let sent = http
            .post(format!("{base}/api/v1/reports"))
            .json(&json!({"narrative": narrative, "location": {"country": "KH"}, "consent": {"partner_ngos": true}}))
            .send()
            .await;
        let created = match sent {
            Ok(response) if response.status() == 201 => {
                response.json::<serde_json::Value>().await.ok()
            }
            _ => None,
        };
        match created {
            Some(body) => {
                let id = body["report_id"].as_str().unwrap_or_default().to_owned();
                let code = body["receipt_code"].as_str().unwrap_or_default().to_owned();
                if let Ok(mut o) = outcomes.lock() {
                    o.acknowledged.insert(narrative, (id, code));
                }
            }
            None => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

async fn integrity(app: &TestApp) {
    match app.engine {
        Engine::Sqlite => {
            assert_eq!(app.strings("PRAGMA integrity_check").await, ["ok"]);
            let orphans = app
                .strings("SELECT \"table\" FROM pragma_foreign_key_check")
                .await;
            assert!(orphans.is_empty(), "foreign keys broken in {orphans:?}");
        }
        Engine::Postgres => {
            app.tamper("CREATE EXTENSION IF NOT EXISTS amcheck", None, None)
                .await;
            let checked = app
                .strings(
                    "WITH btrees AS MATERIALIZED (
                        SELECT c.oid, c.relname::text AS name FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE a.amname = 'btree' AND n.nspname = 'public')
                     -- A damaged index raises an error; each checked one is named.
                     SELECT name FROM (SELECT name, bt_index_check(oid, true) FROM btrees) AS done",
                )
                .await;
            assert!(!checked.is_empty(), "the indexes were checked");
        }
    }
    for (what, sql) in [
        ("items without a report", "SELECT i.id FROM items i LEFT JOIN reports r ON r.id = i.report_id WHERE r.id IS NULL"),
        ("keys without an item", "SELECT k.item_id FROM item_keys k LEFT JOIN items i ON i.id = k.item_id WHERE i.id IS NULL"),
        ("reports without an entry", "SELECT r.id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_queues e WHERE e.report_id = r.id)"),
    ] {
        let found = app.strings(sql).await;
        assert!(found.is_empty(), "{what}: {found:?}");
    }
}

on_both_engines!(
    sigkill_during_concurrent_submissions_loses_nothing_acknowledged,
    |engine: Engine| async move {
        let app = prepare(engine, Options::default()).await;
        let config = write_config(
            &app,
            "",
            "[limits]\nsubmissions_per_minute = 1000000\nglobal_submissions_per_minute = 1000000\n\n\
             [followup]\nattempts_per_minute = 1000000\nglobal_attempts_per_minute = 1000000\n",
        );
        let address = Arc::new(RwLock::new(String::from("http://127.0.0.1:9")));
        let outcomes = Arc::new(Mutex::new(Outcomes::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..CLIENTS)
            .map(|c| {
                tokio::spawn(submit_until_stopped(
                    c,
                    address.clone(),
                    outcomes.clone(),
                    stop.clone(),
                ))
            })
            .collect();

        let mut kills = 0;
        while kills < KILLS {
            let Some(served) = Served::start(&config) else {
                continue;
            };
            if let Ok(mut a) = address.write() {
                *a = served.address.clone();
            }
            let wait = rand::rng().random_range(80..500);
            tokio::time::sleep(Duration::from_millis(wait)).await;
            served.kill();
            kills += 1;
        }
        stop.store(true, Ordering::Relaxed);
        for client in clients {
            let _ = client.await;
        }

        let served =
            Served::start(&config).unwrap_or_else(|| panic!("the server did not come back"));
        let (acknowledged, sent) = {
            let o = outcomes.lock().unwrap_or_else(|e| e.into_inner());
            (o.acknowledged.clone(), o.sent.clone())
        };
        assert!(
            acknowledged.len() >= KILLS,
            "too few reports went through to prove much: {}",
            acknowledged.len()
        );

        for (narrative, (_, code)) in &acknowledged {
            let (status, thread) = open_visit(&served.address, code).await;
            assert_eq!(status, 201, "the code for {narrative:?} opens nothing");
            assert_eq!(thread["status"], "received");
        }

        let stored = app.strings("SELECT id FROM reports").await;
        let acknowledged_ids: HashSet<&str> =
            acknowledged.values().map(|(id, _)| id.as_str()).collect();
        for id in &acknowledged_ids {
            assert!(
                stored.iter().any(|s| s == id),
                "acknowledged report {id} is gone"
            );
        }
        for id in &stored {
            let report = uuid::Uuid::parse_str(id).unwrap_or_else(|e| panic!("{e}"));
            for queue in ["desk", "ngo-kh"] {
                let items = app.open_as(report, queue).await;
                let mut kinds: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
                kinds.sort_unstable();
                assert_eq!(
                    kinds,
                    [
                        "projection",
                        "report",
                        "status",
                        "summary",
                        "summary",
                        "triage"
                    ],
                    "{id} at {queue} is partial"
                );
                let narrative = items
                    .iter()
                    .find(|(k, _)| k == "report")
                    .and_then(|(_, v)| v["narrative"].as_str())
                    .unwrap_or_default();
                assert!(
                    sent.contains(narrative),
                    "{id} holds {narrative:?}, which no client sent"
                );
            }
        }
        integrity(&app).await;
        drop(served);
    }
);
