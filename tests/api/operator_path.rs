//! docs/deploy.md's path from a fresh server to a report opened by a partner NGO's responder,
//! run as written: every numbered command of its table, in its order, with the real binary and
//! the settings `init` writes (production Argon2id costs, no test switch), and the browser's part
//! through the JSON API the pages share. What it shows:
//!
//! - the table's commands are the ones this path needs, and their count is the one the page
//!   states (at most 10 for a desk and one partner);
//! - no command prints a secret (a signing key, a queue's private key, a server secret, an
//!   invite link, a session token): none is copied out of a terminal; what passes between people
//!   by hand is the invite links, which the page counts;
//! - the server's log holds nothing the reporter sent, nor their receipt code.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::accounts::{code_for, PASSWORD};
use crate::helpers::{fresh_postgres_database, on_both_engines, Engine};
use crate::process::binary;

/// Where a command of the path runs, as the table's "where" column says it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Machine {
    Server,
    Desk,
    Partner,
}

impl Machine {
    fn from_doc(column: &str) -> Option<Self> {
        let column = column.to_lowercase();
        if column.starts_with("server") {
            Some(Self::Server)
        } else if column.starts_with("desk") {
            Some(Self::Desk)
        } else if column.starts_with("partner") {
            Some(Self::Partner)
        } else {
            None
        }
    }
}

/// One command of the path: where it runs, its first words (`homeward org init`, `systemctl
/// enable`) and the flags it is given.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    machine: Machine,
    command: String,
    flags: BTreeSet<String>,
}

/// The command's words and flags, from its arguments (`--config DIR` left out).
fn step(machine: Machine, program: &str, args: &[&str]) -> Step {
    let mut words = Vec::new();
    let mut flags = BTreeSet::new();
    let mut args = args.iter().peekable();
    while let Some(arg) = args.next() {
        if *arg == "--config" {
            args.next();
        } else if let Some(flag) = arg.strip_prefix("--") {
            flags.insert(format!("--{flag}"));
        } else if flags.is_empty() && words.len() < 2 && !arg.starts_with(['/', '.']) {
            words.push(*arg);
        }
    }
    Step {
        machine,
        command: format!("{program} {}", words.join(" ")),
        flags,
    }
}

/// Flags the test gives that the table's row leaves out, and why: what `init` asks on a
/// terminal (the test has none), and the values of the line an enrolment answered, which the
/// table writes as "…".
fn not_in_the_table(command: &str) -> &'static [&'static str] {
    match command {
        "homeward init" => &["--yes", "--database-url", "--listen"],
        "homeward org certify" => &[
            "--organisation",
            "--account",
            "--username",
            "--role",
            "--identity",
        ],
        _ => &[],
    }
}

/// The numbered rows of docs/deploy.md's "From a fresh server to receiving reports" table.
fn documented_path() -> Vec<Step> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/deploy.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let section = doc
        .split("## From a fresh server to receiving reports")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("docs/deploy.md has no path section"));
    section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // | # | where | `command` (a note) | what it leaves |
            let numbered = cells.get(1)?.parse::<u32>().ok()?;
            let machine = Machine::from_doc(cells.get(2)?)
                .unwrap_or_else(|| panic!("row {numbered}: where is `{}`?", cells[2]));
            let command = cells.get(3)?.split('`').nth(1)?;
            let words: Vec<&str> = command.split_whitespace().collect();
            let (program, args) = words.split_first()?;
            Some(step(machine, program, args))
        })
        .collect()
}

/// The path run and the table agree: the same commands in the same order on the same
/// machines, every flag the table gives was given, and no other but those `not_in_the_table`.
fn assert_the_table_is_the_path(ran: &[Step]) {
    let table = documented_path();
    let commands = |steps: &[Step]| -> Vec<(Machine, String)> {
        steps
            .iter()
            .map(|s| (s.machine, s.command.clone()))
            .collect()
    };
    assert_eq!(
        commands(ran),
        commands(&table),
        "docs/deploy.md's table and the path run differ"
    );
    for (run, row) in ran.iter().zip(&table) {
        let missing: Vec<_> = row.flags.difference(&run.flags).collect();
        assert!(
            missing.is_empty(),
            "{}: the table gives {missing:?}, the run did not",
            row.command
        );
        let extra: Vec<_> = run
            .flags
            .difference(&row.flags)
            .filter(|f| !not_in_the_table(&row.command).contains(&f.as_str()))
            .collect();
        assert!(
            extra.is_empty(),
            "{}: the run gives {extra:?}, the table does not",
            row.command
        );
    }
}

/// The figure before `phrase` in the page, as the page states it ("**10 commands in all**").
fn documented_figure(phrase: &str) -> usize {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/deploy.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let one_line = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line
        .split(phrase)
        .next()
        .and_then(|before| before.rsplit(' ').next())
        .and_then(|n| n.trim_start_matches('*').parse().ok())
        .unwrap_or_else(|| panic!("docs/deploy.md states no \"N{phrase}\""))
}

/// The commands run so far, and everything they printed.
#[derive(Default)]
struct Steps {
    ran: Vec<Step>,
    printed: String,
}

impl Steps {
    /// Runs one command of the path to its end, on `machine`, with `stdin` fed if given.
    fn run(&mut self, machine: Machine, args: &[&str], stdin: Option<&str>) -> String {
        self.ran.push(step(machine, "homeward", args));
        let mut command = Command::new(binary());
        command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("HOMEWARD_")) {
            command.env_remove(name);
        }
        let mut child = command.spawn().unwrap_or_else(|e| panic!("{e}"));
        if let Some(mut input) = child.stdin.take() {
            input
                .write_all(stdin.unwrap_or_default().as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        let out = String::from_utf8_lossy(&output.stdout).into_owned();
        let err = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "homeward {args:?}:\n{out}{err}");
        self.printed.push_str(&out);
        self.printed.push_str(&err);
        out
    }
}

fn s(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("{}", path.display()))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The key itself from each key file under `dir`: its lines that are not comments.
fn keys_under(dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            keys_under(&path, found);
        } else if path.extension().is_some_and(|e| e == "key") {
            found.extend(
                read(&path)
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_owned),
            );
        }
    }
}

/// A free port on this machine, for the server `init` sets up.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The server started for the path, killed when dropped: a failing test leaves no server
/// holding its database.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Browser {
    client: reqwest::Client,
    base: String,
    /// Invite links used: each one passed by hand from whoever made it to whoever it is for.
    enrolments: std::sync::atomic::AtomicUsize,
}

impl Browser {
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let url = format!("{}{path}", self.base);
        let mut request = match method {
            "GET" => self.client.get(url),
            "DELETE" => self.client.delete(url),
            _ => self.client.post(url),
        };
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn ok(&self, method: &str, path: &str, token: Option<&str>, body: Value) -> Value {
        let (status, answer) = self.call(method, path, token, Some(body)).await;
        assert!(
            (200..300).contains(&status),
            "{method} {path}: {status} {answer}"
        );
        answer
    }

    /// Enrols with an invite link; the answer (TOTP secret, recovery key, certify command).
    async fn enrol(&self, link: &str, username: &str) -> Value {
        self.enrolments
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.ok(
            "POST",
            "/api/v1/enrolment",
            None,
            json!({"invite": link.trim(), "username": username, "password": PASSWORD}),
        )
        .await
    }

    async fn log_in(&self, enrolled: &Value, step: i64) -> String {
        let secret = enrolled["totp_secret"].as_str().unwrap_or_default();
        let session = self
            .ok(
                "POST",
                "/api/v1/session",
                None,
                json!({"username": enrolled["username"], "password": PASSWORD, "code": code_for(secret, step)}),
            )
            .await;
        session["token"].as_str().unwrap_or_default().to_owned()
    }

    async fn ready(&self) -> u16 {
        self.client
            .get(format!("{}/readyz", self.base))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    }
}

/// The `org certify` line the enrolment answered, with the organisation's signing key file in
/// place of its placeholder, as the coordinator runs it on the organisation's machine.
fn certify_args(enrolled: &Value, signing_key: &Path) -> Vec<String> {
    let line = enrolled["certify_command"].as_str().unwrap_or_default();
    assert!(line.starts_with("homeward org certify "), "{enrolled}");
    line.split_whitespace()
        .skip(1)
        .map(|word| {
            if word == "ORGANISATION.key" {
                s(signing_key).to_owned()
            } else {
                word.to_owned()
            }
        })
        .collect()
}

async fn database(engine: Engine, dir: &Path) -> String {
    match engine {
        Engine::Sqlite => format!("sqlite://{}/homeward.db", dir.display()),
        Engine::Postgres => fresh_postgres_database().await,
    }
}

on_both_engines!(
    the_documented_path_runs_from_nothing_to_a_report_a_partner_responder_opens,
    |engine| async move {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let at = |p: &str| -> PathBuf { dir.path().join(p) };
        let (etc, var) = (at("etc"), at("var"));
        let (desk_safe, partner_safe) = (at("safe/desk-org"), at("safe/ngo-kh"));
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let listen = format!("127.0.0.1:{port}");
        let url = database(engine, dir.path()).await;
        let mut path = Steps::default();

        // 1. The server's half.
        path.run(
            Machine::Server,
            &[
                "--config",
                s(&etc),
                "init",
                "--yes",
                "--database-url",
                &url,
                "--public-url",
                &base,
                "--listen",
                &listen,
                "--data-dir",
                s(&var),
                "--invite-file",
                s(&at("first-operator.txt")),
            ],
            None,
        );
        // 2, 3. Each organisation's keys, on its own machine.
        path.run(
            Machine::Desk,
            &[
                "org",
                "init",
                "--out",
                s(&desk_safe),
                "--id",
                "desk-org",
                "--name",
                "Desk Org",
                "--kind",
                "ngo",
                "--country",
                "TH",
                "--queue",
                "desk:desk",
            ],
            None,
        );
        let partner_init = path.run(
            Machine::Partner,
            &[
                "org",
                "init",
                "--out",
                s(&partner_safe),
                "--id",
                "ngo-kh",
                "--name",
                "NGO KH",
                "--kind",
                "ngo",
                "--country",
                "KH",
                "--queue",
                "ngo-kh:ngo:countries=KH:languages=km,en",
            ],
            None,
        );
        // The public files travel (mail, a stick) to the desk and the operator.
        let desk_file = at("desk-org.json");
        let partner_file = at("ngo-kh.json");
        std::fs::copy(desk_safe.join("send-to-operator.json"), &desk_file)
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(partner_safe.join("send-to-operator.json"), &partner_file)
            .unwrap_or_else(|e| panic!("{e}"));
        // The partner reads its fingerprint to the desk's signer, by phone.
        let read_out = partner_init
            .lines()
            .find_map(|l| {
                l.strip_prefix("fingerprint")
                    .and_then(|l| l.rsplit(": ").next())
            })
            .unwrap_or_else(|| panic!("org init printed no fingerprint: {partner_init}"))
            .to_owned();
        // 4. The desk countersigns the partner, offline, once the key is the one read out.
        let countersigned = at("ngo-kh.countersigned.json");
        path.run(
            Machine::Desk,
            &[
                "org",
                "countersign",
                "--desk-key",
                s(&desk_safe.join("signing.key")),
                "--from",
                s(&partner_file),
                "--fingerprint",
                &read_out,
                "--out",
                s(&countersigned),
            ],
            None,
        );
        // 5. The operator declares both organisations' queues.
        path.run(
            Machine::Server,
            &[
                "--config",
                s(&etc),
                "queue",
                "declare",
                "--from",
                s(&desk_file),
                "--from",
                s(&countersigned),
            ],
            None,
        );
        // 6. The server starts (the page's `systemctl enable --now homeward`).
        // Simulated: the test starts the binary as the unit would.
        path.ran.push(step(
            Machine::Server,
            "systemctl",
            &["enable", "--now", "homeward"],
        ));
        // Its log goes to a file (a pipe nobody reads could fill and stall it); the guard stops
        // it however the test ends.
        let log_file = at("server.log");
        let log_out = std::fs::File::create(&log_file).unwrap_or_else(|e| panic!("{e}"));
        let log_err = log_out.try_clone().unwrap_or_else(|e| panic!("{e}"));
        let server = Server(
            Command::new(binary())
                .args(["--config", s(&etc), "serve"])
                .stdin(Stdio::null())
                .stdout(log_out)
                .stderr(log_err)
                .spawn()
                .unwrap_or_else(|e| panic!("{e}")),
        );
        let browser = Browser {
            client: crate::helpers::http()
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
            base: base.clone(),
            enrolments: std::sync::atomic::AtomicUsize::new(0),
        };
        let mut up = false;
        for _ in 0..300 {
            if browser
                .client
                .get(format!("{base}/healthz"))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                up = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if !up {
            drop(server);
            panic!("the server did not come up: {}", read(&log_file));
        }
        // Not ready while no desk receives.
        assert_eq!(browser.ready().await, 503);

        // The operator, in a browser: enrols with the link init left in its file, registers
        // both organisations from their files, records their vetting, adds the partner's
        // countersignature and invites each organisation's first coordinator.
        let first_link = read(&at("first-operator.txt"));
        let operator = browser.enrol(&first_link, "op.first").await;
        let operator = browser.log_in(&operator, 0).await;
        let sent = |file: &Path| -> Value {
            serde_json::from_str(&read(file)).unwrap_or_else(|e| panic!("{e}"))
        };
        for (id, file) in [("desk-org", &desk_file), ("ngo-kh", &countersigned)] {
            browser
                .ok(
                    "POST",
                    "/api/v1/organisations",
                    Some(&operator),
                    sent(file)["organisation"].clone(),
                )
                .await;
            browser
                .ok(
                    "POST",
                    &format!("/api/v1/organisations/{id}/vetting"),
                    Some(&operator),
                    json!({"evidence": "met the director, checked the registration"}),
                )
                .await;
        }
        browser
            .ok(
                "POST",
                "/api/v1/organisations/ngo-kh/countersignature",
                Some(&operator),
                json!({"countersignature": sent(&countersigned)["countersignature"]}),
            )
            .await;
        let mut links = Vec::new();
        for organisation in ["desk-org", "ngo-kh"] {
            let invite = browser
                .ok(
                    "POST",
                    "/api/v1/invites",
                    Some(&operator),
                    json!({"role": "coordinator", "organisation": organisation}),
                )
                .await;
            links.push(invite["link"].as_str().unwrap_or_default().to_owned());
        }
        let desk_coordinator = browser.enrol(&links[0], "coord.desk").await;
        let partner_coordinator = browser.enrol(&links[1], "coord.kh").await;

        // 7, 8. Each organisation certifies its coordinator, offline, with the line the
        // enrolment answered; the signature (public) goes into the workspace.
        let mut sessions = Vec::new();
        for (machine, enrolled, safe) in [
            (Machine::Desk, &desk_coordinator, &desk_safe),
            (Machine::Partner, &partner_coordinator, &partner_safe),
        ] {
            // The coordinator reads the fingerprint their workspace shows to the signer.
            let mut args = certify_args(enrolled, &safe.join("signing.key"));
            args.push("--fingerprint".to_owned());
            args.push(
                enrolled["identity_fingerprint"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            );
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let printed = path.run(machine, &args, None);
            let signature = printed
                .split_whitespace()
                .find(|w| w.starts_with("hwsg1."))
                .unwrap_or_else(|| panic!("no signature in {printed}"));
            let session = browser.log_in(enrolled, 0).await;
            let (status, answer) = browser
                .call(
                    "POST",
                    "/api/v1/account/certificate",
                    Some(&session),
                    Some(json!({"signature": signature})),
                )
                .await;
            assert_eq!(status, 204, "{answer}");
            sessions.push(session);
        }
        assert_eq!(browser.ready().await, 503);

        // 9, 10. Each coordinator imports the queue keys from the safe's folder: the command
        // asks for the password and the current code, and logs out when done.
        for (machine, enrolled, safe, queue) in [
            (Machine::Desk, &desk_coordinator, &desk_safe, "desk"),
            (
                Machine::Partner,
                &partner_coordinator,
                &partner_safe,
                "ngo-kh",
            ),
        ] {
            let typed = format!(
                "{PASSWORD}\n{}\n",
                code_for(enrolled["totp_secret"].as_str().unwrap_or_default(), 1)
            );
            // Only the queue's key leaves the safe, to the coordinator's machine.
            let machine_dir = dir.path().join(format!("machine-{queue}"));
            std::fs::create_dir_all(&machine_dir).unwrap_or_else(|e| panic!("{e}"));
            let key = machine_dir.join(format!("queue-{queue}.key"));
            std::fs::copy(safe.join(format!("queue-{queue}.key")), &key)
                .unwrap_or_else(|e| panic!("{e}"));
            let printed = path.run(
                machine,
                &[
                    "queue",
                    "import",
                    "--server",
                    &base,
                    "--username",
                    enrolled["username"].as_str().unwrap_or_default(),
                    "--queue-key",
                    s(&key),
                ],
                Some(&typed),
            );
            assert!(
                printed.contains(&format!("{queue}: its key is imported")),
                "{printed}"
            );
        }
        assert_eq!(browser.ready().await, 200);
        let (_, overview) = browser
            .call("GET", "/api/v1/overview", Some(&operator), None)
            .await;
        for queue in ["desk", "ngo-kh"] {
            let row = overview["queues"]
                .as_array()
                .and_then(|q| q.iter().find(|q| q["id"] == queue))
                .cloned()
                .unwrap_or(Value::Null);
            assert_eq!(row["standing"], "receives", "{overview}");
        }

        // The partner's coordinator invites a responder, certifies them by the fingerprint
        // they read out, and gives them the queue by username.
        let partner = &sessions[1];
        let invite = browser
            .ok(
                "POST",
                "/api/v1/invites",
                Some(partner),
                json!({"role": "responder", "organisation": "ngo-kh"}),
            )
            .await;
        let link = invite["link"].as_str().unwrap_or_default().to_owned();
        let responder = browser.enrol(&link, "resp.kh").await;
        let responder_id = responder["account_id"].as_str().unwrap_or_default();
        let (status, answer) = browser
            .call(
                "POST",
                &format!("/api/v1/members/{responder_id}/certificate"),
                Some(partner),
                Some(json!({"fingerprint": responder["identity_fingerprint"]})),
            )
            .await;
        assert_eq!(status, 204, "{answer}");
        browser
            .ok(
                "POST",
                "/api/v1/organisations/ngo-kh/members/resp.kh/queues",
                Some(partner),
                json!({"queue": "ngo-kh"}),
            )
            .await;
        let responder_session = browser.log_in(&responder, 0).await;

        // A relative reports; the partner's responder opens it.
        let narrative =
            "My brother Sokha was taken to a compound near the river after a job offer in Thailand";
        let created = browser
            .ok("POST", "/api/v1/reports", None, json!({"location": {"country": "KH", "compound": "River Tower"}, "narrative": narrative, "language": "km", "consent": {"partner_ngos": true}}))
            .await;
        let report = created["report_id"].as_str().unwrap_or_default().to_owned();
        let receipt = created["receipt_code"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(!report.is_empty() && !receipt.is_empty(), "{created}");
        let (_, queues) = browser
            .call("GET", "/api/v1/queues", Some(&responder_session), None)
            .await;
        assert_eq!(queues, json!({"queues": ["ngo-kh"]}));
        let (status, opened) = browser
            .call(
                "GET",
                &format!("/api/v1/queues/ngo-kh/reports/{report}"),
                Some(&responder_session),
                None,
            )
            .await;
        let (_, entries) = browser
            .call(
                "GET",
                "/api/v1/queues/ngo-kh/entries",
                Some(&responder_session),
                None,
            )
            .await;
        assert_eq!(status, 200, "{opened} {entries} {created}");
        assert!(opened.to_string().contains(narrative), "{opened}");
        assert!(opened.to_string().contains("River Tower"), "{opened}");

        drop(server);
        let log = read(&log_file);
        assert!(log.contains("listening"), "{log}");

        // The path is the page's, and as short as it says.
        assert_the_table_is_the_path(&path.ran);
        assert_eq!(path.ran.len(), documented_figure(" commands in all"));
        assert!(path.ran.len() <= 10, "{:?}", path.ran);
        assert_eq!(
            browser.enrolments.load(std::sync::atomic::Ordering::SeqCst),
            documented_figure(" one-time invite links")
        );

        // No secret was printed by a command, so none was copied out of a terminal.
        let mut secrets = Vec::new();
        keys_under(dir.path(), &mut secrets);
        assert!(secrets.len() >= 4, "{secrets:?}");
        let server_secrets: toml::Value =
            toml::from_str(&read(&var.join("secrets.toml"))).unwrap_or_else(|e| panic!("{e}"));
        secrets.extend(
            server_secrets
                .as_table()
                .into_iter()
                .flatten()
                .filter_map(|(_, v)| v.as_str().map(str::to_owned)),
        );
        let first_token = first_link
            .trim()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        secrets.push(first_token);
        secrets.extend(sessions.iter().cloned());
        secrets.push(PASSWORD.to_owned());
        for secret in &secrets {
            assert!(secret.len() >= 16, "{secret}");
            assert!(
                !path.printed.contains(secret.as_str()),
                "a command printed a secret"
            );
        }
        // The server's log holds nothing the reporter sent, nor the receipt code.
        let receipt_digits: String = receipt.chars().filter(char::is_ascii_digit).collect();
        for sent in [
            narrative,
            "River Tower",
            receipt.as_str(),
            &receipt_digits,
            PASSWORD,
        ] {
            assert!(!log.contains(sent), "the server logged `{sent}`");
        }
    }
);

/// `queue import` refuses, before asking for anything, a server a password or key must not go
/// to, and a key file whose name does not say its queue.
#[test]
fn queue_import_refuses_plain_http_and_a_nameless_key_file_before_asking() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let key = dir.path().join("desk-key-copy.txt");
    std::fs::write(&key, "# not read\n").unwrap_or_else(|e| panic!("{e}"));
    let run = |server: &str| {
        Command::new(binary())
            .args([
                "queue",
                "import",
                "--server",
                server,
                "--username",
                "coord.desk",
                "--queue-key",
                s(&key),
            ])
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let plain = run("http://report.example.org");
    let said = String::from_utf8_lossy(&plain.stderr);
    assert!(!plain.status.success());
    assert!(said.contains("use https"), "{said}");
    assert!(!said.contains("password of"), "{said}");
    let nameless = run("https://report.example.org");
    let said = String::from_utf8_lossy(&nameless.stderr);
    assert!(!nameless.status.success());
    assert!(said.contains("not named queue-ID.key"), "{said}");
}

/// The operator passes the partner's file on to the desk: one who swaps the partner's key for
/// their own (to certify a puppet and read the partner's reports) gets no countersignature,
/// since the desk's signer types the fingerprint the partner read out, and it is another.
#[test]
fn the_desk_countersigns_only_the_key_whose_fingerprint_the_organisation_read_out() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let made = |id: &str, queue: &str| -> Value {
        let out = Command::new(binary())
            .args([
                "org",
                "init",
                "--out",
                s(&dir.path().join(id)),
                "--id",
                id,
                "--name",
                id,
                "--kind",
                "ngo",
                "--country",
                "KH",
                "--queue",
                queue,
                "--json",
            ])
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"))
    };
    let desk = made("desk-org", "desk:desk");
    let partner = made("ngo-kh", "ngo-kh:ngo");
    let puppet = made("ngo-kh-puppet", "ngo-kh:ngo");
    let read_out = partner["fingerprint"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(read_out.len(), 24, "{partner}");

    // The operator's swap: the puppet's key and queues under the partner's name.
    let mut swapped: Value = serde_json::from_str(&read(Path::new(
        puppet["send_file"].as_str().unwrap_or_default(),
    )))
    .unwrap_or_else(|e| panic!("{e}"));
    swapped["organisation"]["id"] = json!("ngo-kh");
    swapped["organisation"]["name"] = json!("ngo-kh");
    let swapped_file = dir.path().join("ngo-kh.json");
    std::fs::write(&swapped_file, swapped.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let desk_key = dir.path().join("desk-org/signing.key");
    let countersign = |from: &str, name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec![
            "org",
            "countersign",
            "--desk-key",
            s(&desk_key),
            "--from",
            from,
            "--out",
            s(&out),
        ];
        args.extend(extra);
        let ran = Command::new(binary())
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            ran.status.success(),
            String::from_utf8_lossy(&ran.stderr).into_owned(),
            out.exists(),
        )
    };
    let (ok, said, written) = countersign(
        s(&swapped_file),
        "swapped.json",
        &["--fingerprint", &read_out],
    );
    assert!(!ok && !written, "{said}");
    assert!(said.contains("may have been swapped"), "{said}");
    // Without the fingerprint (and no terminal to ask on), nothing either.
    let partner_file = partner["send_file"].as_str().unwrap_or_default().to_owned();
    let (ok, said, written) = countersign(&partner_file, "unread.json", &[]);
    assert!(!ok && !written, "{said}");
    assert!(said.contains("--fingerprint"), "{said}");
    // The partner's own file, with what it read out, however it was spaced or cased.
    let spoken = read_out.to_uppercase().replace('-', " ");
    let (ok, said, written) = countersign(
        &partner_file,
        "read.json",
        &["--fingerprint", &spoken, "--json"],
    );
    assert!(ok && written, "{said}");
    // The desk's own key needs no fingerprint.
    let (ok, said, _) = countersign(
        desk["send_file"].as_str().unwrap_or_default(),
        "own.json",
        &["--json"],
    );
    assert!(ok, "{said}");
}
