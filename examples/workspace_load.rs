//! Workspace load: seeds a fresh database with many reports through the storage layer (cheap
//! stored Argon2 parameters, so seeding takes minutes), then has concurrent responders list a
//! queue (pages of 50 entries with their summaries, filtered in turn) and open its reports over
//! HTTP, and prints p50/p99 latencies.
//!
//!     cargo run --release --example workspace_load -- sqlite 100000 20 30
//!     cargo run --release --example workspace_load -- postgres 100000 20 30
//!
//! A fifth argument lists the pauses between a responder's pages to run with, in milliseconds,
//! one run each on the same database (default `1000,0`: people reading, then as fast as
//! answers come).
//!
//! PostgreSQL: HOMEWARD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
//! a fresh database is created for the run and dropped after it.

use std::collections::HashSet;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use homeward::config::{
    AckTargets, DatabaseSettings, LogSettings, ServerSettings, SessionSettings, Settings,
    SiteSettings,
};
use homeward::crypto::kdf::{Argon2Params, KdfPool};
use homeward::crypto::signing::{SigningKey, Statement};
use homeward::crypto::KeyPair;
use homeward::domain::receipt::LOCATOR_SPACE;
use homeward::domain::{ReceiptCode, Report, ReportInput};
use homeward::reporting::intake::{Intake, Locators};
use homeward::startup::{accounts_for, Application};
use homeward::triage::{RoutingConfig, TriageRules};
use secrecy::{ExposeSecret, SecretString};
use sqlx::Connection;

const CHEAP: Argon2Params = Argon2Params {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

fn settings(dir: &std::path::Path, url: &str) -> Settings {
    Settings {
        server: ServerSettings {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 0,
            max_body_bytes: 65536,
            ..ServerSettings::default()
        },
        database: DatabaseSettings {
            url: SecretString::from(url.to_owned()),
            max_connections: 16,
        },
        data_dir: dir.join("data"),
        routing_file: Some(dir.join("queues.toml")),
        triage_file: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/triage.toml"),
        secrets_file: Some(dir.join("secrets.toml")),
        receipt_kdf: CHEAP,
        account_kdf: CHEAP,
        sessions: SessionSettings {
            idle_minutes: 30,
            absolute_hours: 12,
            login_attempts_per_minute: 1000,
            global_login_attempts_per_minute: 1000,
        },
        ack_targets: AckTargets {
            critical_minutes: 30,
            high_minutes: 240,
            normal_minutes: 1440,
        },
        public_url: "http://127.0.0.1".into(),
        kdf_max_concurrent: 2,
        site: SiteSettings {
            page_title: "Notes".into(),
            default_language: "en".into(),
            leave_url: "https://www.wikipedia.org/".into(),
            source_url: homeward::config::SourceUrl::default(),
        },
        log: LogSettings {
            filter: "warn".into(),
            format: "text".into(),
        },
        alerts: homeward::config::AlertSettings::default(),
        followup: homeward::config::FollowupSettings::default(),
        attachments: homeward::config::AttachmentSettings::default(),
        retention: homeward::config::RetentionSettings::default(),
        waves: homeward::config::WaveSettings::default(),
        destroyed_file: None,
        limits: homeward::config::LimitSettings {
            submissions_per_minute: 1_000_000,
            global_submissions_per_minute: 1_000_000,
            onion_submissions_per_minute: 1_000_000,
            live_reports: 100_000,
        },
        metrics: homeward::config::MetricsSettings::default(),
        audit: homeward::config::AuditSettings::default(),
        expiry: homeward::config::ExpirySettings::default(),
        // CHEAP is below the floors: only a build with the test-support feature (the examples
        // are built with the dev-dependencies) accepts it.
        test_only_cheap_kdf: true,
        test_only_frozen_limits: false,
        test_only_locator_space: None,
    }
}

/// The listings each responder asks for in turn: the first page, three filters, and (the last)
/// a page deep in the list, as its "next" link names it, 50 entries each with their summaries.
const LISTINGS: [&str; 5] = [
    "",
    "?unread=1",
    "?priority=critical",
    "?claim=unclaimed&overdue=1",
    "?page=N&after=",
];

/// Addresses of pages spread through the whole list, each as the page before it links to it.
async fn deep_pages(store: &homeward::store::Store, count: usize) -> anyhow::Result<Vec<String>> {
    use homeward::web::shared::list_query::{Filters, PAGE};
    let pages = (count / PAGE as usize).max(1);
    let mut links = Vec::new();
    for step in 1..=20 {
        let page = (pages * step / 21).max(1);
        let query = homeward::store::ListQuery {
            offset: i64::try_from(page).unwrap_or(0) * PAGE - 1,
            limit: 1,
            ..Default::default()
        };
        if let Some(last) = store.list_entries("ngo", &query).await?.pop() {
            let before = Filters {
                page: u32::try_from(page).unwrap_or(1),
                ..Filters::default()
            };
            links.push(before.next_href("ngo", &last));
        }
    }
    Ok(links)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let engine = args.get(1).map_or("sqlite", String::as_str).to_owned();
    let count: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let responders: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(20);
    let seconds: u64 = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(30);
    // A responder's pause between two pages, in milliseconds: a person reads a list before
    // opening a case, and a case before going back. 0 asks as fast as answers come, which
    // measures what the server can serve at most, not what a responder waits.
    let pauses: Vec<u64> = match args.get(5) {
        Some(p) => p.split(',').filter_map(|p| p.parse().ok()).collect(),
        None => vec![1000, 0],
    };

    let dir = tempfile::tempdir()?;
    let desk = KeyPair::generate();
    let ngo = KeyPair::generate();
    // The organisations' offline signing keys: "op" is the desk organisation.
    let op_signing = SigningKey::generate();
    let partner_signing = SigningKey::generate();
    let sign = |signer: &SigningKey, queue, kind, key| {
        signer
            .sign(&Statement::QueueKey { queue, kind, key })
            .to_text()
    };
    std::fs::write(
        dir.path().join("queues.toml"),
        format!(
            "desk_signing_key = \"{}\"\n\n\
             [[queue]]\nid = \"desk\"\norganisation = \"op\"\nkind = \"desk\"\npublic_key = \"{}\"\nsignature = \"{}\"\n\n\
             [[queue]]\nid = \"ngo\"\norganisation = \"partner\"\nkind = \"ngo\"\npublic_key = \"{}\"\nsignature = \"{}\"\n",
            op_signing.verifying_key().to_text(),
            desk.public.to_text(),
            sign(&op_signing, "desk", "desk", &desk.public),
            ngo.public.to_text(),
            sign(&partner_signing, "ngo", "ngo", &ngo.public),
        ),
    )?;
    homeward::operations::secrets::write_new(
        &dir.path().join("secrets.toml"),
        &homeward::operations::secrets::generate(),
    )?;
    let admin = std::env::var("HOMEWARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let pg_name = format!("homeward_bench_{}", std::process::id());
    let url = if engine == "postgres" {
        let mut conn = sqlx::PgConnection::connect(&admin).await?;
        sqlx::query(&format!("CREATE DATABASE {pg_name}"))
            .execute(&mut conn)
            .await?;
        format!(
            "{}/{pg_name}",
            admin
                .rsplit_once('/')
                .map_or(admin.as_str(), |(base, _)| base)
        )
    } else {
        format!("sqlite://{}", dir.path().join("data/homeward.db").display())
    };

    let app = Application::build(settings(dir.path(), &url)).await?;
    let store = app.store();
    let audit = app.audit();
    let port = app.port();
    tokio::spawn(app.run_until_stopped());
    // Stand in for the operator and the desk organisation: register, vet, countersign.
    for (id, signer) in [("op", &op_signing), ("partner", &partner_signing)] {
        let at = homeward::store::now();
        let details = homeward::store::OrganisationDetails {
            id: id.into(),
            name: id.into(),
            kind: "ngo",
            country: "TH".into(),
            contact: None,
            signing_key: signer.verifying_key().to_bytes(),
        };
        let entry = |action| audit.entry("bench", action, format!("organisation:{id}"));
        store
            .register_organisation(&details, at, &entry("organisation_registered"))
            .await?;
        store
            .record_vetting(id, "bench", "bench", at, &entry("organisation_vetted"))
            .await?;
        let countersignature = op_signing.sign(&Statement::Organisation {
            id,
            kind: "ngo",
            country: "TH",
            key: &signer.verifying_key(),
        });
        store
            .set_countersignature(
                id,
                &countersignature.to_bytes(),
                at,
                &entry("organisation_countersigned"),
            )
            .await?;
    }
    for (queue, pair) in [("desk", &desk), ("ngo", &ngo)] {
        store
            .add_key_copies(
                queue,
                &pair.public.to_bytes(),
                &[],
                "bench",
                homeward::store::now(),
                &audit.entry("bench", "queue_key_imported", format!("queue:{queue}")),
            )
            .await?;
    }

    // Seed through the storage layer, in batches of one transaction each.
    let config = settings(dir.path(), &url);
    let intake = Intake {
        store: store.clone(),
        routing: Arc::new(RoutingConfig::load(&dir.path().join("queues.toml"))?),
        triage: Arc::new(TriageRules::load(&config.triage_file)?),
        kdf: KdfPool::new(2),
        receipt_kdf: CHEAP,
        locators: Locators {
            space: LOCATOR_SPACE,
            live: u32::MAX,
        },
    };
    let indicators = [
        vec![],
        vec!["forced_scam"],
        vec!["violence"],
        vec!["medical_emergency"],
    ];
    let started = Instant::now();
    let mut locators = HashSet::new();
    let mut ids = Vec::new();
    let mut seeded = 0;
    while seeded < count {
        let mut batch = Vec::new();
        while batch.len() < 1000 && seeded + batch.len() < count {
            let code = ReceiptCode::generate();
            if !locators.insert(code.locator.as_str().to_owned()) {
                continue;
            }
            let n = seeded + batch.len();
            let input: ReportInput = serde_json::from_value(serde_json::json!({
                "location": {"country": "KH", "compound": format!("Compound {n}")},
                "narrative": format!("Seeded report {n}: held, passport taken, forced to scam."),
                "indicators": indicators[n % indicators.len()],
                "consent": {"partner_ngos": true},
            }))?;
            let report = Report::parse(input).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            let (new, _) = intake.seal(&report, &[], code).await?;
            if ids.len() < 5000 {
                ids.push(new.id);
            }
            batch.push(new);
        }
        seeded += batch.len();
        store.insert_reports(&batch).await?;
        if locators.len() > 900_000 {
            anyhow::bail!("more reports than locators");
        }
    }
    let seeding = started.elapsed();

    // As after any bulk load or restore: give PostgreSQL's planner statistics, and its
    // visibility map (which lets a list be counted off the index alone), now rather than
    // whenever autovacuum gets to it.
    if engine == "postgres" {
        let mut conn = sqlx::PgConnection::connect(&url).await?;
        sqlx::query("VACUUM ANALYZE").execute(&mut conn).await?;
    }

    // A coordinator of the partner organisation enrols, logs in and imports the queue's key.
    let secrets = homeward::operations::secrets::load_or_create(&config.secrets_path(), false)?;
    let accounts = accounts_for(&config, store.clone(), KdfPool::new(1), secrets);
    let invite = homeward::store::Invite {
        role: "coordinator".into(),
        organisation_id: Some("partner".into()),
    };
    let token = accounts.create_invite(&invite, None).await?;
    let password = SecretString::from("violet river under nine lanterns".to_owned());
    let enrolment = accounts
        .enrol(
            token.expose_secret(),
            "bench.coord",
            &password,
            homeward::trust::accounts::Origin::Unnamed,
        )
        .await?;
    let secret = totp_rs::Secret::try_from_base32(enrolment.totp_secret.expose_secret())
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let totp = totp_rs::Builder::new()
        .with_secret(secret)
        .build()
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs();
    let cookie = accounts
        .login(
            "bench.coord",
            &password,
            &totp.generate(now).to_string(),
            homeward::trust::accounts::Origin::Unnamed,
        )
        .await?
        .session;
    let who = accounts
        .resolve(cookie.expose_secret())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no session"))?;
    // The partner organisation certifies its first coordinator offline; then the import.
    let desk_key = op_signing.verifying_key();
    let chain = homeward::trust::certification::Chain {
        store: &store,
        desk_key: Some(&desk_key),
        demo_organisation: None,
    };
    let identity = homeward::crypto::identity::identity_of(&who.private_key).verifying_key();
    let certificate = partner_signing.sign(&Statement::Member {
        organisation: "partner",
        account: &who.account_id,
        username: &who.username,
        role: "coordinator",
        identity: &identity,
    });
    homeward::trust::certification::accept_organisation_certificate(
        chain,
        &accounts.audit,
        &who,
        &certificate.to_text(),
    )
    .await?;
    homeward::trust::queue_keys::import_key(
        chain,
        &accounts.audit,
        &who,
        "ngo",
        ngo.private.to_text().as_str(),
    )
    .await?;

    // Responders list the queue and open reports for the given time.
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(homeward::crypto::tls::client_config()?)
        .build()?;
    let base = format!("http://127.0.0.1:{port}");
    let ids = Arc::new(ids);
    let deep = Arc::new(deep_pages(&store, seeded).await?);
    println!(
        "engine {engine}: {seeded} reports seeded in {:.1} s",
        seeding.as_secs_f64()
    );
    let responders_u32 = u32::try_from(responders.max(1)).unwrap_or(u32::MAX);
    for pause in pauses {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let tasks = (0..responders).map(|r| {
            let pause = Duration::from_millis(pause);
            let (client, base, ids, deep) =
                (client.clone(), base.clone(), ids.clone(), deep.clone());
            let cookie = format!("hw_session={}", cookie.expose_secret());
            tokio::spawn(async move {
                let (mut lists, mut opens, mut failures) = (Vec::new(), Vec::new(), 0u32);
                let mut i = r;
                let mut turn = r;
                // People do not click in step: each starts a share of a pause after the last.
                tokio::time::sleep(pause * u32::try_from(r).unwrap_or(0) / responders_u32).await;
                while Instant::now() < deadline {
                    // Each responder goes through the filters in turn, and now and then to a page
                    // deep in the list.
                    turn += 1;
                    let path = match turn % LISTINGS.len() {
                        4 => deep.get(i % deep.len().max(1)).cloned().unwrap_or_default(),
                        v => format!("/queues/ngo{}", LISTINGS[v]),
                    };
                    let variant = turn % LISTINGS.len();
                    let t = Instant::now();
                    let ok = client
                        .get(format!("{base}{path}"))
                        .header("Cookie", &cookie)
                        .send()
                        .await
                        .map(|r| r.status().is_success());
                    if ok.unwrap_or(false) {
                        lists.push((variant, t.elapsed()))
                    } else {
                        failures += 1
                    }
                    tokio::time::sleep(pause).await;
                    i = (i * 7919 + 13) % ids.len().max(1);
                    let t = Instant::now();
                    let url = format!(
                        "{base}/queues/ngo/reports/{}",
                        ids.get(i).map(ToString::to_string).unwrap_or_default()
                    );
                    let ok = client
                        .get(url)
                        .header("Cookie", &cookie)
                        .send()
                        .await
                        .map(|r| r.status().is_success());
                    if ok.unwrap_or(false) {
                        opens.push(t.elapsed())
                    } else {
                        failures += 1
                    }
                    tokio::time::sleep(pause).await;
                }
                (lists, opens, failures)
            })
        });
        let mut listed = Vec::new();
        let mut opens = Vec::new();
        let mut failures = 0;
        for task in futures_util::future::join_all(tasks).await {
            let (l, o, f) = task?;
            listed.extend(l);
            opens.extend(o);
            failures += f;
        }
        let mut lists: Vec<Duration> = listed.iter().map(|(_, d)| *d).collect();
        lists.sort();
        opens.sort();
        println!(
        "{responders} responders for {seconds} s, pausing {pause} ms between pages, {failures} failures"
    );
        println!(
            "queue listing: {} requests, p50 {:.1} ms, p99 {:.1} ms",
            lists.len(),
            percentile(&lists, 0.5),
            percentile(&lists, 0.99)
        );
        for (variant, name) in LISTINGS.iter().enumerate() {
            let mut these: Vec<Duration> = listed
                .iter()
                .filter(|(v, _)| *v == variant)
                .map(|(_, d)| *d)
                .collect();
            these.sort();
            println!(
                "  listing {}: {} requests, p50 {:.1} ms, p99 {:.1} ms",
                if name.is_empty() {
                    "(first page)"
                } else {
                    name
                },
                these.len(),
                percentile(&these, 0.5),
                percentile(&these, 0.99)
            );
        }
        println!(
            "report opening: {} requests, p50 {:.1} ms, p99 {:.1} ms",
            opens.len(),
            percentile(&opens, 0.5),
            percentile(&opens, 0.99)
        );
    }

    store.close().await;
    if engine == "postgres" {
        let mut conn = sqlx::PgConnection::connect(&admin).await?;
        sqlx::query(&format!("DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)"))
            .execute(&mut conn)
            .await?;
    }
    Ok(())
}
