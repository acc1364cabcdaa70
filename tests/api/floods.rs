//! Floods: limits per source and in all on the public listener, per circuit and in all on the
//! onion listener (`onion.rs` floods it with circuits),
//! answered fast with 429 or 503 and Retry-After, while reports sent at a sane rate get through;
//! believed proxies; slow bodies; reports too thin to act on; and the metrics that count it all.

use std::net::IpAddr;

use serde_json::json;

use crate::helpers::{client_from, on_both_engines, spawn_with, Engine, Options};
use crate::process::{prepare, write_config, Served};

async fn send(client: &reqwest::Client, base: &str, narrative: &str) -> reqwest::Response {
    client
        .post(format!("{base}/api/v1/reports"))
        .json(&json!({"narrative": narrative}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn retry_after(response: &reqwest::Response) -> Option<u64> {
    response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

const LIMIT: u32 = 4;

on_both_engines!(
    fifty_times_the_limit_from_one_source_leaves_another_source_untouched_within_the_memory_bound,
    |engine: Engine| async move {
        let app = prepare(engine, Options::default()).await;
        // Within 256 MiB with what two files being cleaned at once may hold counted too: files
        // of at most 1 MiB, 16 MiB of them in flight.
        let bound_mib = 256;
        let config = write_config(
            &app,
            &format!("memory_bound_mib = {bound_mib}\nmax_connections = 64"),
            &format!(
                "[limits]\nsubmissions_per_minute = {LIMIT}\nglobal_submissions_per_minute = 100000\n\
                 onion_submissions_per_minute = 100000\n\n[metrics]\nenabled = true\nport = 0\n\n\
                 [attachments]\nmax_bytes = 1048576\nglobal_bytes = 16777216\n"
            ),
        );
        let served = Served::start(&config).unwrap_or_else(|| panic!("the server did not start"));
        let base = served.address.clone();

        let flooder = client_from([127, 0, 0, 61]);
        let flood = (0..50 * LIMIT).map(|i| {
            let (client, base) = (flooder.clone(), base.clone());
            async move {
                let response = send(&client, &base, &format!("flood {i}")).await;
                (response.status().as_u16(), retry_after(&response))
            }
        });
        let steady = async {
            let client = client_from([127, 0, 0, 62]);
            let mut statuses = Vec::new();
            for i in 0..LIMIT {
                statuses.push(
                    send(&client, &base, &format!("steady {i}"))
                        .await
                        .status()
                        .as_u16(),
                );
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            statuses
        };
        let (flooded, steady) = tokio::join!(futures_util::future::join_all(flood), steady);

        assert_eq!(
            steady,
            vec![201; LIMIT as usize],
            "the second source's reports all got through"
        );
        let accepted = flooded.iter().filter(|(status, _)| *status == 201).count();
        assert_eq!(
            accepted, LIMIT as usize,
            "the flooding source got its share and no more"
        );
        assert!(
            flooded
                .iter()
                .filter(|(status, _)| *status != 201)
                .all(|(status, retry)| *status == 429 && retry.is_some_and(|s| s > 0)),
            "every refusal is a 429 with Retry-After: {flooded:?}"
        );
        let peak = served.peak_memory();
        assert!(peak > 0, "the child's memory could be read");
        assert!(
            peak <= bound_mib * 1024 * 1024,
            "peak resident memory {peak} bytes is past the configured {bound_mib} MiB"
        );

        let metrics = crate::helpers::http()
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .get(format!(
                "{}/metrics",
                served.metrics.clone().unwrap_or_default()
            ))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .text()
            .await
            .unwrap_or_default();
        let refused = format!(
            "homeward_reports_refused_total{{listener=\"public\",reason=\"source_limit\"}} {}",
            50 * LIMIT - LIMIT
        );
        assert!(metrics.contains(&refused), "{refused} in {metrics}");
        let accepted_line = format!(
            "homeward_reports_accepted_total{{listener=\"public\",channel=\"api\"}} {}",
            2 * LIMIT
        );
        assert!(
            metrics.contains(&accepted_line),
            "{accepted_line} in {metrics}"
        );
        assert!(!metrics.contains("flood") && !metrics.contains("steady"));
        assert!(
            !served.logged().contains("flood 1"),
            "no report text in the logs"
        );
    }
);

on_both_engines!(
    everyone_together_past_the_public_ceiling_get_503_and_the_onion_listener_has_its_own,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.limits.submissions_per_minute = 100;
                    s.limits.global_submissions_per_minute = 3;
                    s.limits.onion_submissions_per_minute = 2;
                    s.server.onion = Some(homeward::config::ListenAddress {
                        host: IpAddr::from([127, 0, 0, 1]),
                        port: 0,
                    });
                },
                ..Default::default()
            },
        )
        .await;
        let onion = app
            .onion
            .clone()
            .unwrap_or_else(|| panic!("no onion listener"));
        for i in 0..3u8 {
            let client = client_from([127, 0, 0, 70 + i]);
            assert_eq!(send(&client, &app.address, "public").await.status(), 201);
        }
        let late = send(&client_from([127, 0, 0, 80]), &app.address, "public").await;
        assert_eq!(late.status(), 503);
        assert!(retry_after(&late).is_some());
        let body: serde_json::Value = late.json().await.unwrap_or_default();
        assert_eq!(body["error"], "unavailable");

        // The onion service's visitors all come from the local address, each on a circuit Tor
        // names; they have their own share.
        let onion = onion.trim_start_matches("http://").to_owned();
        let tor = |circuit: u32| {
            let onion = onion.clone();
            async move {
                crate::onion::raw(
                    &onion,
                    crate::onion::proxy_line(circuit).as_bytes(),
                    "POST",
                    "/api/v1/reports",
                    Some(&json!({"narrative": "onion"})),
                )
                .await
                .map(|(status, _)| status)
            }
        };
        assert_eq!(tor(1).await, Some(201));
        assert_eq!(tor(2).await, Some(201));
        assert_eq!(tor(3).await, Some(503));
    }
);

on_both_engines!(
    a_believed_proxy_passes_on_the_source_and_an_unbelieved_one_cannot_spoof_it,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.limits.submissions_per_minute = 1;
                    s.server.trusted_proxies = vec![IpAddr::from([127, 0, 0, 90])];
                },
                ..Default::default()
            },
        )
        .await;
        let post = |client: reqwest::Client, forwarded: &'static str| {
            let url = app.url("/api/v1/reports");
            async move {
                client
                    .post(url)
                    .header("X-Forwarded-For", forwarded)
                    .json(&json!({"narrative": "via a proxy"}))
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e}"))
                    .status()
                    .as_u16()
            }
        };
        let proxy = client_from([127, 0, 0, 90]);
        assert_eq!(post(proxy.clone(), "203.0.113.1").await, 201);
        assert_eq!(
            post(proxy.clone(), "203.0.113.2").await,
            201,
            "another source behind the proxy"
        );
        assert_eq!(
            post(proxy.clone(), "198.51.100.7, 203.0.113.1").await,
            429,
            "the proxy's own hop counts"
        );

        let stranger = client_from([127, 0, 0, 91]);
        assert_eq!(post(stranger.clone(), "203.0.113.3").await, 201);
        assert_eq!(
            post(stranger, "203.0.113.4").await,
            429,
            "a header from a stranger is ignored"
        );
    }
);

on_both_engines!(
    a_body_that_stops_arriving_gets_408_and_trickling_connections_do_not_block_a_report,
    |engine: Engine| async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.server.body_idle_timeout_secs = 1,
                ..Default::default()
            },
        )
        .await;
        let host = app.address.trim_start_matches("http://").to_owned();
        let mut slow = Vec::new();
        for _ in 0..50 {
            let mut stream = tokio::net::TcpStream::connect(&host)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            stream
                .write_all(
                    b"POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                      Content-Length: 400\r\n\r\n{\"narrative\": \"",
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            slow.push(stream);
        }
        app.submit(&json!({"narrative": "sent while others trickle"}))
            .await;
        let mut answer = String::new();
        let read = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            slow[0].read_to_string(&mut answer),
        )
        .await;
        assert!(read.is_ok(), "the server ended the stalled request");
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    }
);

on_both_engines!(
    a_report_too_thin_to_act_on_comes_back_with_the_field_named,
    |engine: Engine| async move {
        let app = spawn_with(engine, Options::default()).await;
        let response = app
            .post_json(&json!({"person": {"name": "Dara Canaryname"}}))
            .await;
        assert_eq!(response.status(), 422);
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        assert_eq!(body["errors"][0]["field"], "narrative");
        assert_eq!(body["errors"][0]["code"], "too_thin");

        let page = app.post_form("person.name=Dara+Canaryname").await;
        assert_eq!(page.status(), 422);
        let html = page.text().await.unwrap_or_default();
        assert!(
            html.contains("value=\"Dara Canaryname\""),
            "what was typed is kept"
        );
        assert!(
            html.contains("how to reach you or them"),
            "the problem is named"
        );
        assert_eq!(
            app.store.count_reports().await.ok(),
            Some(0),
            "nothing stored"
        );
    }
);

on_both_engines!(
    metrics_count_refusals_by_reason_and_queue_depths_and_name_nothing,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.metrics.enabled = true,
                ..Default::default()
            },
        )
        .await;
        let metrics_url = format!("{}/metrics", app.metrics.clone().unwrap_or_default());
        app.submit(&json!({"narrative": "Canary Compound, tower 7", "indicators": ["violence"]}))
            .await;
        let honeypot = app
            .post_form("narrative=Canary+Compound&website=http%3A%2F%2Fspam")
            .await;
        assert_eq!(honeypot.status(), 422);
        let thin = app
            .post_json(&json!({"person": {"name": "Canary Person"}}))
            .await;
        assert_eq!(thin.status(), 422);

        let text = crate::helpers::http()
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .get(&metrics_url)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .text()
            .await
            .unwrap_or_default();
        for line in [
            "homeward_reports_accepted_total{listener=\"public\",channel=\"api\"} 1",
            "homeward_reports_refused_total{listener=\"public\",reason=\"honeypot\"} 1",
            "homeward_reports_refused_total{listener=\"public\",reason=\"too_thin\"} 1",
            "homeward_argon2_threads 2",
        ] {
            assert!(text.contains(line), "{line} missing from:\n{text}");
        }
        let open: i64 = text
            .lines()
            .filter(|l| l.starts_with("homeward_queue_open_entries{"))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<i64>().ok())
            .sum();
        assert_eq!(open, 1, "the one report waits at the desk:\n{text}");
        assert!(text.contains("homeward_http_request_duration_seconds_bucket{"));
        // The build: its version, and the commit it was built from (hex) or "unknown".
        let build = text
            .lines()
            .find(|l| l.starts_with("homeward_build_info{"))
            .unwrap_or_else(|| panic!("no homeward_build_info in:\n{text}"));
        assert!(
            build.starts_with(&format!(
                "homeward_build_info{{version=\"{}\",commit=\"",
                env!("CARGO_PKG_VERSION")
            )) && build.ends_with("\"} 1"),
            "{build}"
        );
        let commit = build
            .split("commit=\"")
            .nth(1)
            .and_then(|c| c.split('"').next());
        assert!(
            commit.is_some_and(|c| c == "unknown" || c.bytes().all(|b| b.is_ascii_hexdigit())),
            "{build}"
        );
        assert!(text.contains("route=\"/api/v1/reports\""));
        assert!(
            !text.contains("Canary") && !text.contains("127.0.0.77"),
            "{text}"
        );

        // The public listener does not serve them.
        let public = app.get("/metrics").await;
        assert_eq!(public.status(), 404);
    }
);

on_both_engines!(
    a_person_past_the_limit_gets_the_form_back_as_typed,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.limits.submissions_per_minute = 1,
                ..Default::default()
            },
        )
        .await;
        assert_eq!(app.post_form("narrative=first+one").await.status(), 200);
        let again = app
            .post_form("narrative=They+moved+us+to+the+second+building&location.city=Myawaddy")
            .await;
        assert_eq!(again.status(), 429);
        assert!(retry_after(&again).is_some());
        let html = again.text().await.unwrap_or_default();
        assert!(
            html.contains("They moved us to the second building"),
            "{html}"
        );
        assert!(html.contains("value=\"Myawaddy\""), "{html}");
        assert!(
            html.contains("Too many attempts"),
            "the refusal is said: {html}"
        );
    }
);

on_both_engines!(
    reports_are_taken_during_a_login_flood_from_many_sources,
    |engine: Engine| async move {
        // Issue 17, item 1: logins used to have no ceiling across sources, and each costs an
        // Argon2id derivation on the threads reports need. Now all sources together get a few a
        // minute (here 5, on a clock that stands still) and the rest are refused before any
        // derivation; the few run in the staff lane, behind reports.
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.sessions.login_attempts_per_minute = 1;
                    s.sessions.global_login_attempts_per_minute = 5;
                    s.server.trusted_proxies = vec![IpAddr::from([127, 0, 0, 90])];
                },
                ..Default::default()
            },
        )
        .await;
        let before = app.kdf.derivations();
        app.submit(&json!({"narrative": "before the flood"})).await;
        let per_report = app.kdf.derivations() - before;

        let proxy = client_from([127, 0, 0, 90]);
        let url = app.url("/api/v1/session");
        let flood = (0..40u8).map(|i| {
            let (proxy, url) = (proxy.clone(), url.clone());
            async move {
                proxy
                    .post(url)
                    .header("X-Forwarded-For", format!("198.51.100.{i}"))
                    .json(&json!({"username": format!("guess{i}"), "password": "a guess at it", "code": "000000"}))
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or_else(|e| panic!("{e}"))
            }
        });
        let before = app.kdf.derivations();
        let during = json!({"narrative": "during the flood"});
        let (statuses, report) = tokio::join!(
            futures_util::future::join_all(flood),
            app.post_json(&during)
        );
        assert_eq!(report.status().as_u16(), 201, "a report during the flood");
        let refused = statuses.iter().filter(|s| **s == 429).count();
        let tried = statuses.iter().filter(|s| **s == 401).count();
        assert_eq!((tried, refused), (5, 35), "{statuses:?}");
        assert_eq!(
            app.kdf.derivations() - before,
            5 + per_report,
            "only the logins within the ceiling cost a derivation"
        );
    }
);
