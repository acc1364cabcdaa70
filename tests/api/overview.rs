//! The operator's overview (issue 19): which queues receive and why not, how much waits in each,
//! who holds its key and when it last received, on a page and as JSON, to operators only and
//! naming no report; readiness that says whether the desk receives; and a routing file a key
//! rotation left stale, shown with the lines to put into it (lines the routing file's own parser
//! reads back) and warned about at start.

use serde_json::{json, Value};

use homeward::crypto::signing::{Signature, Statement};
use homeward::crypto::KeyPair;
use homeward::triage::RoutingConfig;

use crate::accounts::{code_for, enrol};
use crate::authorization::person;
use crate::helpers::{captured_logs, on_both_engines, spawn_app, spawn_with, Options, TestApp};
use crate::workspace::{csrf_of, import, staff};
use crate::workspace_api::api;

const NARRATIVE: &str = "Overview must never show this narrative";

async fn operator_token(app: &TestApp, username: &str) -> String {
    let invite = app.invite("operator", None).await;
    let (secret, _) = enrol(app, &invite, username).await;
    let (status, body) = api(
        app,
        "POST",
        "/api/v1/session",
        None,
        Some(json!({"username": username, "password": "violet river under nine lanterns", "code": code_for(&secret, 0)})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["token"].as_str().unwrap_or_default().to_owned()
}

async fn text(app: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let response = app.get_with(path, cookie).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

fn queue<'a>(overview: &'a Value, id: &str) -> &'a Value {
    overview["queues"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["id"] == id))
        .unwrap_or_else(|| panic!("no queue {id} in {overview}"))
}

/// The text of HTML the page escaped, with its line breaks as newlines.
fn unescaped(html: &str) -> String {
    html.replace("<br>", "\n")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The lines the page shows in its first `<p class="cmd">` after `after`.
fn shown_lines(html: &str, after: &str) -> String {
    let from = html
        .find(after)
        .unwrap_or_else(|| panic!("no {after:?} in {html}"));
    let rest = &html[from..];
    let start = rest
        .find("<p class=\"cmd\">")
        .map(|at| at + "<p class=\"cmd\">".len())
        .unwrap_or_else(|| panic!("no lines after {after:?} in {rest}"));
    let end = rest[start..].find("</p>").unwrap_or(0);
    unescaped(&rest[start..start + end])
}

/// Puts `lines` where the routing file's entry for ngo-kh declares its key, and reads the file
/// back with the server's own parser.
fn parsed_with(app: &TestApp, lines: &str) -> RoutingConfig {
    let path = app.dir.path().join("queues.toml");
    let original = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut edited = String::new();
    let mut in_entry = false;
    for line in original.lines() {
        if line.starts_with("id = ") {
            in_entry = line == "id = \"ngo-kh\"";
        }
        if in_entry && line.starts_with("public_key = ") {
            edited.push_str(lines);
            edited.push('\n');
            continue;
        }
        if in_entry && line.starts_with("signature = ") {
            continue;
        }
        edited.push_str(line);
        edited.push('\n');
    }
    let updated = app.dir.path().join("queues-updated.toml");
    std::fs::write(&updated, edited).unwrap_or_else(|e| panic!("{e}"));
    RoutingConfig::load(&updated).unwrap_or_else(|e| panic!("the lines do not parse: {e}"))
}

on_both_engines!(
    the_operator_sees_every_queue_and_no_report,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({
                "location": {"country": "KH"}, "narrative": NARRATIVE,
                "consent": {"partner_ngos": true},
            }))
            .await;
        app.submit(&json!({
            "location": {"country": "KH"}, "narrative": "a second report",
            "consent": {"partner_ngos": true},
        }))
        .await;
        // Both wait well past every class's target.
        app.tamper(
            "UPDATE report_queues SET added_at = added_at - 3 * 86400",
            None,
            None,
        )
        .await;
        let partner = staff(&app, "coordinator", "partner", "coord.ov").await;
        import(&app, &partner, "ngo-kh").await;

        let (operator, csrf) = person(&app, "operator", None, "op.overview").await;
        let saved = app
            .post_form_with(
                "/settings",
                &format!("csrf={csrf}&language=en&time_zone=Asia%2FBangkok"),
                Some(&operator),
            )
            .await;
        assert_eq!(saved.status().as_u16(), 200);
        let (_, workspace) = text(&app, "/workspace", &operator).await;
        assert!(workspace.contains("href=\"/overview\""), "{workspace}");

        let (status, page) = text(&app, "/overview", &operator).await;
        assert_eq!(status, 200, "{page}");
        for id in ["desk", "ngo-kh", "ngo-zh", "consular-in", "police-kh"] {
            assert!(page.contains(&format!("id=\"queue-{id}\"")), "{id}: {page}");
        }
        assert!(page.contains("receives reports"), "{page}");
        assert!(
            !page.contains("The desk queue receives nothing"),
            "the desk receives: {page}"
        );
        assert!(
            page.contains("<meta name=\"viewport\" content=\"width=device-width"),
            "{page}"
        );
        assert!(!page.contains("<script"), "{page}");
        // Nothing about any report but counts and hours.
        for secret in [
            NARRATIVE,
            "a second report",
            &report.to_string(),
            &code,
            &code.replace(' ', ""),
        ] {
            assert!(!page.contains(secret), "{secret:?} on {page}");
        }

        let token = operator_token(&app, "op.overview.api").await;
        let (status, overview) = api(&app, "GET", "/api/v1/overview", Some(&token), None).await;
        assert_eq!(status, 200, "{overview}");
        assert_eq!(overview["desk_receives"], true);
        let desk = queue(&overview, "desk");
        assert_eq!(desk["standing"], "receives");
        assert_eq!(desk["kind"], "desk");
        assert_eq!(desk["config_stale"], false);
        assert_eq!(
            (&desk["open"], &desk["unclaimed"], &desk["overdue"]),
            (&json!(2), &json!(2), &json!(2))
        );
        let kh = queue(&overview, "ngo-kh");
        assert_eq!(kh["open"], 2);
        assert_eq!(kh["key_holders"], 1, "the coordinator who imported it");
        let zh = queue(&overview, "ngo-zh");
        assert_eq!(
            (&zh["open"], &zh["last_received"]),
            (&json!(0), &Value::Null)
        );
        let last = kh["last_received"].as_i64().unwrap_or_default();
        assert!(last > 0, "{overview}");
        let overview_text = overview.to_string();
        assert!(!overview_text.contains(NARRATIVE));
        assert!(!overview_text.contains(&report.to_string()));

        // In the operator's language and time zone, as other staff pages show dates.
        let bangkok = time::OffsetDateTime::from_unix_timestamp(last + 7 * 3600)
            .unwrap_or_else(|e| panic!("{e}"));
        let shown = format!(
            "{:02}/{:02}/{} {:02}:{:02} (",
            bangkok.day(),
            u8::from(bangkok.month()),
            bangkok.year(),
            bangkok.hour(),
            bangkok.minute()
        );
        assert!(page.contains(&shown), "{shown} on {page}");
        assert!(page.contains("never"), "ngo-zh never received: {page}");

        // Nobody else sees it: not a coordinator, not a responder, not the logged out.
        let responder = staff(&app, "responder", "partner", "resp.ov").await;
        for cookie in [&partner, &responder] {
            let (status, refused) = text(&app, "/overview", cookie).await;
            assert_eq!(status, 403, "{refused}");
            assert!(!refused.contains("ngo-zh"), "{refused}");
        }
        assert_eq!(app.get("/overview").await.status().as_u16(), 303);
        let coordinator_token =
            crate::workspace_api::token(&app, "coordinator", "partner", "coord.ov.api").await;
        let (status, _) = api(
            &app,
            "GET",
            "/api/v1/overview",
            Some(&coordinator_token),
            None,
        )
        .await;
        assert_eq!(status, 403);
        let (status, _) = api(&app, "GET", "/api/v1/overview", None, None).await;
        assert_eq!(status, 401);
        let (_, document) = api(&app, "GET", "/api/v1/openapi.json", None, None).await;
        assert!(
            document["paths"]["/api/v1/overview"]["get"].is_object(),
            "{document}"
        );
    }
);

on_both_engines!(
    readiness_waits_for_a_desk_that_receives,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                import_keys: false,
                ..Options::default()
            },
        )
        .await;
        let ready = app.get("/readyz").await;
        assert_eq!(ready.status().as_u16(), 503);
        let body: Value = ready.json().await.unwrap_or_default();
        assert_eq!(
            body,
            json!({"database": "ok", "migrations": "current", "secrets": "present", "desk": "key-not-imported"})
        );
        assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
        let (operator, _) = person(&app, "operator", None, "op.ready").await;
        let (_, page) = text(&app, "/overview", &operator).await;
        assert!(page.contains("The desk queue receives nothing"), "{page}");
        assert!(
            page.contains("no coordinator has imported the queue&#39;s private key")
                || page.contains("no coordinator has imported the queue's private key"),
            "{page}"
        );

        let desk = staff(&app, "coordinator", "operator", "coord.ready").await;
        import(&app, &desk, "desk").await;
        let ready = app.get("/readyz").await;
        assert_eq!(ready.status().as_u16(), 200);
        let body: Value = ready.json().await.unwrap_or_default();
        assert_eq!(body["desk"], "receives");
        let (_, page) = text(&app, "/overview", &operator).await;
        assert!(!page.contains("The desk queue receives nothing"), "{page}");
    }
);

/// The demo desk of a first run receives at once, so its server is ready. SQLite only: PostgreSQL
/// refuses the demo desk (tests/api/startup.rs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_desk_is_ready() {
    let app = spawn_with(
        crate::helpers::Engine::Sqlite,
        Options {
            declare_queues: false,
            ..Options::default()
        },
    )
    .await;
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status().as_u16(), 200);
    let body: Value = ready.json().await.unwrap_or_default();
    assert_eq!(body["desk"], "receives");
}

/// The partner's coordinator rotates ngo-kh's key in the workspace to a new pair the partner
/// signed: the new pair and its signature.
async fn rotate_ngo_kh(app: &TestApp, coordinator: &str) -> (KeyPair, Signature) {
    let new = KeyPair::generate();
    let signature = app.signers.of("partner").sign(&Statement::QueueKey {
        queue: "ngo-kh",
        kind: "ngo",
        key: &new.public,
    });
    let csrf = csrf_of(app, coordinator).await;
    let private = new
        .private
        .to_text()
        .as_str()
        .replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D");
    let rotated = app
        .post_form_with(
            "/queues/ngo-kh/rotate",
            &format!(
                "csrf={csrf}&private_key={private}&signature={}",
                signature.to_text()
            ),
            Some(coordinator),
        )
        .await;
    assert_eq!(rotated.status().as_u16(), 303);
    (new, signature)
}

on_both_engines!(
    after_a_rotation_the_routing_file_is_shown_stale_with_the_lines_it_needs,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.stale").await;
        import(&app, &coordinator, "ngo-kh").await;
        let (operator, _) = person(&app, "operator", None, "op.stale").await;
        let (_, before) = text(&app, "/overview", &operator).await;
        assert!(!before.contains("Routing file out of date"), "{before}");
        let (_, workspace) = text(&app, "/workspace", &coordinator).await;
        assert!(!workspace.contains("still declares"), "{workspace}");

        let (new, signature) = rotate_ngo_kh(&app, &coordinator).await;

        // The coordinator's workspace gives the lines, in the file's own syntax.
        let (_, workspace) = text(&app, "/workspace", &coordinator).await;
        let lines = shown_lines(&workspace, "still declares this queue");
        assert_eq!(
            lines,
            format!(
                "public_key = \"{}\"\nsignature = \"{}\"",
                new.public.to_text(),
                signature.to_text()
            )
        );
        let parsed = parsed_with(&app, &lines);
        let kh = parsed
            .queues
            .iter()
            .find(|q| q.id == "ngo-kh")
            .unwrap_or_else(|| panic!("no ngo-kh"));
        assert_eq!(kh.public_key.to_bytes(), new.public.to_bytes());
        assert_eq!(
            kh.signature.as_ref().map(|s| s.to_bytes()),
            Some(signature.to_bytes())
        );
        assert!(
            !workspace.contains(new.private.to_text().as_str()),
            "no private key on the page"
        );

        // The operator's overview shows it stale, with the same lines, on the page and as JSON.
        let (_, page) = text(&app, "/overview", &operator).await;
        assert!(page.contains("href=\"#stale-ngo-kh\""), "{page}");
        assert_eq!(shown_lines(&page, "id=\"stale-ngo-kh\""), lines);
        assert!(!page.contains("href=\"#stale-desk\""), "{page}");
        let token = operator_token(&app, "op.stale.api").await;
        let (_, overview) = api(&app, "GET", "/api/v1/overview", Some(&token), None).await;
        let kh = queue(&overview, "ngo-kh");
        assert_eq!(kh["config_stale"], true);
        assert_eq!(kh["config_lines"], json!(lines));
        assert_eq!(kh["standing"], "receives", "intake routes by the new key");
        assert_eq!(queue(&overview, "desk")["config_stale"], false);

        // A start with the stale file warns, naming the queue and the file, and no key.
        let routing_file = app.dir.path().join("queues.toml");
        let settings = crate::helpers::settings(
            app.dir.path(),
            &app.database_url,
            app.secrets_file.clone(),
            std::net::IpAddr::from([127, 0, 0, 1]),
        );
        let restarted = homeward::startup::Application::build(settings)
            .await
            .unwrap_or_else(|e| panic!("{e:#}"));
        drop(restarted);
        let logs = captured_logs();
        let file = routing_file.display().to_string();
        let warning = logs
            .lines()
            .find(|l| l.contains("routing file stale") && l.contains(&file))
            .unwrap_or_else(|| panic!("no warning naming {file}"));
        assert!(warning.contains("WARN"), "{warning}");
        assert!(warning.contains("ngo-kh"), "{warning}");
        assert!(!warning.contains("desk"), "only the stale queue: {warning}");
        assert!(!warning.contains(&new.public.to_text()), "{warning}");
        assert!(!warning.contains(&signature.to_text()), "{warning}");
        assert_eq!(
            logs.lines()
                .filter(|l| l.contains("routing file stale") && l.contains(&file))
                .count(),
            1,
            "one queue is stale"
        );

        // `check-config --database` says the same, with the same lines.
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_homeward"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check-config", "--database", &app.database_url])
            .env("HOMEWARD_ROUTING_FILE", &routing_file)
            .env("HOMEWARD_DATA_DIR", app.dir.path().join("data"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{out}");
        assert!(out.contains("queue ngo-kh: receives reports"), "{out}");
        assert!(out.contains("the routing file is stale"), "{out}");
        for line in lines.lines() {
            assert!(out.contains(&format!("    {line}\n")), "{line} in {out}");
        }
        assert!(out.contains("ngo, organisation partner; 0 open, 0 unclaimed, 0 overdue; 1 member(s) hold its key; last received: never"), "{out}");

        // Once the file declares the current key, nothing is stale.
        std::fs::write(
            &routing_file,
            std::fs::read_to_string(app.dir.path().join("queues-updated.toml")).unwrap_or_default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let settings = crate::helpers::settings(
            app.dir.path(),
            &app.database_url,
            app.secrets_file.clone(),
            std::net::IpAddr::from([127, 0, 0, 1]),
        );
        let stale = homeward::operations::overview::warn_stale(
            &app.store,
            &RoutingConfig::load(&routing_file).unwrap_or_else(|e| panic!("{e}")),
            settings.routing_file.as_deref(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(stale.is_empty(), "{stale:?}");
    }
);

// `check-config --database` only reports a routing file a rotation left stale (as the start only
// warns of it); with `--production` it refuses it, naming the stale queue, the file and the
// lines to put in, until the file declares the current key.
on_both_engines!(
    check_config_for_production_refuses_a_routing_file_a_rotation_left_stale,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.production").await;
        import(&app, &coordinator, "ngo-kh").await;
        let routing_file = app.dir.path().join("queues.toml");
        let check = |production: bool| {
            let mut command = std::process::Command::new(crate::process::binary());
            command
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .arg("check-config")
                .args(["--database", &app.database_url])
                .env("HOMEWARD_ROUTING_FILE", &routing_file)
                .env("HOMEWARD_DATA_DIR", app.dir.path().join("data"));
            if production {
                command.arg("--production");
            }
            let output = command.output().unwrap_or_else(|e| panic!("{e}"));
            (
                output.status.success(),
                String::from_utf8_lossy(&output.stdout).into_owned(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            )
        };
        let (ok, out, err) = check(true);
        assert!(ok, "a current file passes: {out}{err}");

        let (new, signature) = rotate_ngo_kh(&app, &coordinator).await;
        let lines = [
            format!("public_key = \"{}\"", new.public.to_text()),
            format!("signature = \"{}\"", signature.to_text()),
        ];
        let (ok, out, err) = check(false);
        assert!(ok, "plain check-config only reports it: {out}{err}");
        assert!(out.contains("the routing file is stale"), "{out}");

        let (ok, out, err) = check(true);
        assert!(!ok, "{out}");
        assert!(
            err.contains(&format!("{} is stale", routing_file.display())),
            "{err}"
        );
        assert!(
            err.contains("In the [[queue]] entry with id = \"ngo-kh\""),
            "{err}"
        );
        assert!(
            !err.contains("id = \"desk\""),
            "only the stale queue: {err}"
        );
        for line in &lines {
            assert!(err.contains(&format!("\n    {line}")), "{line} in {err}");
        }
        assert!(!err.contains(new.private.to_text().as_str()), "{err}");

        // The lines it names, put in, make the file current again.
        parsed_with(&app, &lines.join("\n"));
        std::fs::copy(app.dir.path().join("queues-updated.toml"), &routing_file)
            .unwrap_or_else(|e| panic!("{e}"));
        let (ok, out, err) = check(true);
        assert!(ok, "{out}{err}");
        assert!(!out.contains("the routing file is stale"), "{out}");
    }
);
