//! The real binary as a child process, for what only a process shows: its memory, being killed
//! with SIGKILL, and the command line (backup, restore, purge). The database, queues, secrets and
//! vetting are prepared as for any test; the child gets a config folder that points at them.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::{build, Engine, Options, TestApp};

/// A test's database and files, ready for a child server, with no server of its own running.
pub async fn prepare(engine: Engine, options: Options) -> TestApp {
    let (built, app) = build(engine, options).await;
    if let Err(e) = built {
        panic!("the app did not start: {e:#}");
    }
    app
}

/// Writes `<dir>/config/default.toml` for the child: the test's database, queues and secrets, the
/// cheap test KDF (which only the test suite's build of the binary accepts), and `extra` (TOML sections of the test's own) at the end.
pub fn write_config(app: &TestApp, server_extra: &str, extra: &str) -> PathBuf {
    write_config_at(
        &Instance {
            dir: app.dir.path().to_owned(),
            database_url: app.database_url.clone(),
            secrets_file: app.secrets_file.clone(),
            routing_file: app.dir.path().join("queues.toml"),
        },
        server_extra,
        extra,
    )
}

/// Where a server's files are: its folder (data and config go under it), database and secrets.
pub struct Instance {
    pub dir: PathBuf,
    pub database_url: String,
    pub secrets_file: PathBuf,
    pub routing_file: PathBuf,
}

pub fn write_config_at(at: &Instance, server_extra: &str, extra: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = at.dir.join("config");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        r#"data_dir = "{data}"
routing_file = "{routing}"
triage_file = "{triage}"
secrets_file = "{secrets}"
kdf_max_concurrent = 2
public_url = "http://127.0.0.1"
# The cheap Argon2id below is under the floors; only the test suite's build honours this.
test_only_cheap_kdf = true
# Rate limits count by a clock that stands still: no allowance refills during a test, however
# slowly the machine runs it (the test suite's build only, like the line above).
test_only_frozen_limits = true

[server]
host = "127.0.0.1"
port = 0
max_body_bytes = 65536
client_request_timeout_secs = 5
workers = 2
{server_extra}

[database]
url = "{url}"
max_connections = 8

[receipt_kdf]
memory_kib = 64
iterations = 1
parallelism = 1

[account_kdf]
memory_kib = 64
iterations = 1
parallelism = 1

[ack_targets]
critical_minutes = 30
high_minutes = 240
normal_minutes = 1440

[sessions]
login_attempts_per_minute = 20
idle_minutes = 30
absolute_hours = 12

[site]
page_title = "Notes"
default_language = "en"
leave_url = "https://www.wikipedia.org/"

[log]
filter = "info"
format = "json"

{extra}
"#,
        data = at.dir.join("data").display(),
        routing = at.routing_file.display(),
        triage = root.join("config/triage.toml").display(),
        secrets = at.secrets_file.display(),
        url = at.database_url,
    );
    std::fs::write(dir.join("default.toml"), text).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// A running child server.
pub struct Served {
    pub child: Child,
    pub address: String,
    pub metrics: Option<String>,
    /// What it logged, line by line, as it logged it.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_homeward")
}

/// Runs a `homeward` subcommand to completion: (success, stdout, stderr).
pub fn run(config: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(binary())
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running homeward {args:?}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// POSTs `body` as JSON to the server at `base`: the status and the JSON answer.
pub async fn post_json(
    base: &str,
    path: &str,
    body: &serde_json::Value,
    bearer: Option<&str>,
) -> (u16, serde_json::Value) {
    let mut request = crate::helpers::http()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .post(format!("{base}{path}"))
        .json(body);
    if let Some(token) = bearer {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

/// Opens a follow-up visit with a receipt code: the status and the thread.
pub async fn open_visit(base: &str, code: &str) -> (u16, serde_json::Value) {
    post_json(
        base,
        "/api/v1/followup/visits",
        &serde_json::json!({ "code": code }),
        None,
    )
    .await
}

impl Served {
    /// Starts `homeward serve` and waits until it says where it listens. None if it exited first.
    pub fn start(config: &Path) -> Option<Served> {
        let mut child = Command::new(binary())
            .arg("--config")
            .arg(config)
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting homeward: {e}"));
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.contains("\"listening\"") {
                    let _ = tx.send(line.clone());
                }
                if let Ok(mut log) = kept.lock() {
                    log.push(line);
                }
            }
        });
        let listening = rx
            .recv_timeout(Duration::from_secs(60))
            .ok()
            .and_then(|line| serde_json::from_str::<serde_json::Value>(&line).ok());
        let port = |name: &str| {
            listening.as_ref()?["fields"][name]
                .as_u64()
                .map(|port| format!("http://127.0.0.1:{port}"))
        };
        let (address, metrics) = (port("port"), port("metrics_port"));
        let served = Served {
            child,
            address: address.clone().unwrap_or_default(),
            metrics,
            log,
        };
        // A server that exited or never said where it listens is killed and reaped on drop.
        address.map(|_| served)
    }

    /// The peak resident memory so far, in bytes (VmHWM).
    pub fn peak_memory(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kib| kib * 1024)
    }

    /// SIGKILL, and wait for it to be gone.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn logged(&self) -> String {
        self.log.lock().map(|l| l.join("\n")).unwrap_or_default()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
