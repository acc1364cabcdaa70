//! The deploy files as written (no Docker engine and no systemd here): the compose file's
//! environment and the Containerfile's, and the systemd unit's over what `init` wrote, fed to the
//! settings loader; the exit code of a configuration error; the container's health probe;
//! systemd's readiness notice.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use homeward::config::Settings;

use crate::helpers::{spawn_app, Engine, Options};
use crate::process::{binary, prepare, write_config};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A YAML scalar as compose reads it: plain, 'single-quoted' or "double-quoted" (without
/// escapes). Anything else (a flow list, a block) is refused: the block must stay plain.
fn scalar(text: &str) -> String {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        assert!(!inner.contains('\\'), "escapes in {text}");
        return inner.to_owned();
    }
    assert!(
        !text.starts_with(['[', '{', '|', '>', '&', '*', '!']),
        "not a plain scalar: {text}"
    );
    // A plain scalar ends at " #", where a comment begins.
    text.split(" #")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The `environment:` mapping of the services' shared block (`x-homeward`) in compose.yaml.
fn compose_environment(yaml: &str) -> BTreeMap<String, String> {
    let mut lines = yaml
        .lines()
        .skip_while(|l| !l.starts_with("x-homeward:"))
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with(' ') || l.starts_with('#'))
        .skip_while(|l| l.trim() != "environment:")
        .skip(1);
    let mut environment = BTreeMap::new();
    for line in lines.by_ref() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with("    ") {
            break;
        }
        let Some((key, value)) = trimmed.split_once(": ") else {
            panic!("not a `KEY: value` line: {line}");
        };
        environment.insert(key.to_owned(), scalar(value));
    }
    assert!(!environment.is_empty(), "no environment block found");
    environment
}

/// The `ENV` lines of the Containerfile (`ENV A=1 \` continued on the next lines).
fn containerfile_environment(text: &str) -> BTreeMap<String, String> {
    let joined = text.replace("\\\n", " ");
    joined
        .lines()
        .filter_map(|l| l.strip_prefix("ENV "))
        .flat_map(|l| l.split_whitespace())
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), scalar(v)))
        .collect()
}

#[test]
fn the_compose_environment_is_read_as_written() {
    let compose = std::fs::read_to_string(root().join("deploy/compose.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let image = std::fs::read_to_string(root().join("deploy/Containerfile"))
        .unwrap_or_else(|e| panic!("{e}"));
    // What the container sees: the image's ENV, then compose's environment over it.
    let mut environment = containerfile_environment(&image);
    environment.extend(compose_environment(&compose));
    // The image copies config/ to HOMEWARD_CONFIG_DIR; the loader reads the folder itself.
    assert_eq!(
        environment.remove("HOMEWARD_CONFIG_DIR").as_deref(),
        Some("/etc/homeward")
    );
    let settings = Settings::load_with_environment(
        &root().join("config"),
        Some(environment.into_iter().collect()),
    )
    .unwrap_or_else(|e| panic!("compose's environment does not load: {e}"));

    assert_eq!(
        settings.server.trusted_proxies,
        vec![IpAddr::from([172, 28, 0, 10])]
    );
    assert!(settings.is_postgres());
    assert_eq!(settings.server.host, IpAddr::from([0, 0, 0, 0]));
    assert_eq!(settings.log.format, "json");
    assert_eq!(settings.secrets_path(), Path::new("/run/secrets/homeward"));
    // Everything the server writes goes to the writable volume, none beside the read-only secret
    // or into the read-only config.
    let volume = Path::new("/var/lib/homeward");
    for (what, path) in [
        ("data_dir", settings.data_dir.clone()),
        ("memberships", settings.memberships_path()),
        ("destroyed list", settings.destroyed_path()),
        ("audit checkpoint", settings.checkpoint_path()),
    ] {
        assert!(path.starts_with(volume), "{what}: {}", path.display());
    }
    // compose publishes the image's port through the proxy, and the probe asks it there.
    assert!(image.contains("HEALTHCHECK") && image.contains("\"healthcheck\"]"));
    assert!(image.contains("--chown=65532:65532") && image.contains("/var/lib/homeward"));
}

#[test]
fn the_systemd_unit_waits_for_ready_and_stops_on_a_configuration_error() {
    let unit = std::fs::read_to_string(root().join("deploy/homeward.service"))
        .unwrap_or_else(|e| panic!("{e}"));
    let settings: Vec<&str> = unit.lines().map(str::trim).collect();
    assert!(settings.contains(&"Type=notify"));
    assert!(settings.contains(&"RestartPreventExitStatus=78"));
    assert_eq!(homeward::config::EX_CONFIG, 78);
}

/// The unit's `Environment=` assignments, as systemd would set them (specifiers such as `%d` left
/// as written); commented-out lines set nothing. Quoting is refused: the lines must stay plain.
fn unit_environment(unit: &str) -> BTreeMap<String, String> {
    unit.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("Environment="))
        .flat_map(str::split_whitespace)
        .map(|pair| {
            assert!(!pair.contains(['"', '\'', '\\']), "quoted: {pair}");
            let (key, value) = pair
                .split_once('=')
                .unwrap_or_else(|| panic!("not KEY=value: {pair}"));
            (key.to_owned(), value.to_owned())
        })
        .collect()
}

/// `init` writes this server's settings into /etc/homeward/local.toml; a `HOMEWARD_*` variable
/// in the unit would override them where nobody looks (a database URL there ran the service on
/// an empty SQLite database after `init` against PostgreSQL). The unit's environment, fed to
/// the loader over what `init` wrote, changes none of them.
#[test]
fn the_systemd_unit_overrides_nothing_init_wrote() {
    let unit = std::fs::read_to_string(root().join("deploy/homeward.service"))
        .unwrap_or_else(|e| panic!("{e}"));
    let environment = unit_environment(&unit);
    for key in environment.keys() {
        assert!(
            !key.starts_with("HOMEWARD_DATABASE"),
            "the unit sets {key}: it overrides the database init wrote into local.toml"
        );
    }

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("etc");
    let data = dir.path().join("var");
    let url = format!("sqlite://{}/homeward.db", data.display());
    let init = Command::new(binary())
        .current_dir(root())
        .arg("--config")
        .arg(&config)
        .args(["init", "--database-url", &url])
        .args(["--public-url", "https://report.example.org"])
        .args(["--listen", "127.0.0.1:8080", "--data-dir"])
        .arg(&data)
        .stdin(std::process::Stdio::null())
        .env_remove("HOMEWARD_DATABASE__URL")
        .env_remove("HOMEWARD_DATA_DIR")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let load = |environment: BTreeMap<String, String>| {
        Settings::load_with_environment(&config, Some(environment.into_iter().collect()))
            .unwrap_or_else(|e| panic!("the unit's environment does not load: {e}"))
    };
    let written = load(BTreeMap::new());
    let served = load(environment);
    use secrecy::ExposeSecret;
    assert_eq!(written.database.url.expose_secret(), url);
    assert_eq!(
        served.database.url.expose_secret(),
        written.database.url.expose_secret(),
        "database.url"
    );
    assert_eq!(served.data_dir, data, "data_dir");
    assert_eq!(
        served.secrets_path(),
        written.secrets_path(),
        "secrets_file"
    );
    assert_eq!(served.routing_file, written.routing_file, "routing_file");
    assert_eq!(served.triage_file, written.triage_file, "triage_file");
    assert_eq!(served.public_url, written.public_url, "public_url");
    assert_eq!(served.server.host, written.server.host, "server.host");
    assert_eq!(served.server.port, written.server.port, "server.port");
    assert_eq!(
        served.server.trusted_proxies, written.server.trusted_proxies,
        "server.trusted_proxies"
    );
}

#[test]
fn lists_in_the_environment_are_split_at_commas() {
    let load = |value: &str| {
        Settings::load_with_environment(
            &root().join("config"),
            Some(
                [(
                    "HOMEWARD_SERVER__TRUSTED_PROXIES".to_owned(),
                    value.to_owned(),
                )]
                .into_iter()
                .collect(),
            ),
        )
        .map(|s| s.server.trusted_proxies)
    };
    assert_eq!(
        load("10.0.0.1, ::1").ok(),
        Some(vec![
            IpAddr::from([10, 0, 0, 1]),
            IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1])
        ])
    );
    assert_eq!(load("").ok(), Some(vec![]));
    let refused = load("10.0.0.1,proxy.internal").err().map(|e| e.to_string());
    assert!(
        refused
            .as_deref()
            .is_some_and(|e| e.contains("proxy.internal")),
        "{refused:?}"
    );
}

/// `homeward serve` with `env` over the repository's config: its exit status and stderr.
fn serve_with(env: &[(&str, &str)]) -> (Option<i32>, String) {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Past the configuration, the start fails at once (exit 1) and never serves: the database
    // would go in a folder that is a file.
    let file = data.path().join("a-file");
    std::fs::write(&file, "").unwrap_or_else(|e| panic!("{e}"));
    let database = format!("sqlite://{}/homeward.db", file.display());
    let out = Command::new(binary())
        .current_dir(root())
        .arg("serve")
        .env("HOMEWARD_DATA_DIR", data.path())
        .env("HOMEWARD_SERVER__PORT", "0")
        .env("HOMEWARD_DATABASE__URL", &database)
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_configuration_error_exits_78() {
    // A setting out of bounds, a routing file that is not there, a list item that is no address,
    // a database address of no engine.
    for env in [
        [("HOMEWARD_SERVER__MAX_BODY_BYTES", "10")],
        [("HOMEWARD_ROUTING_FILE", "/nonexistent/queues.toml")],
        [("HOMEWARD_SERVER__TRUSTED_PROXIES", "not-an-address")],
        [("HOMEWARD_DATABASE__URL", "mysql://127.0.0.1/homeward")],
    ] {
        let (code, stderr) = serve_with(&env);
        assert_eq!(code, Some(78), "{env:?}: {stderr}");
    }
    // What a restart may mend is no configuration error.
    let (code, stderr) = serve_with(&[]);
    assert_eq!(code, Some(1), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_health_probe_says_whether_the_server_answers() {
    let app = spawn_app(Engine::Sqlite).await;
    let probe = |port: u16| {
        Command::new(binary())
            .current_dir(root())
            .args(["healthcheck", "--timeout", "2", "--port"])
            .arg(port.to_string())
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let port = app.address.rsplit(':').next().and_then(|p| p.parse().ok());
    let port: u16 = port.unwrap_or_else(|| panic!("no port in {}", app.address));
    let answered = tokio::task::spawn_blocking(move || probe(port))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        answered.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&answered.stderr)
    );
    // Nobody listens on a port just released.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"));
    let refused = tokio::task::spawn_blocking(move || probe(closed))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refused.status.code(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_tells_systemd_it_is_ready() {
    let app = prepare(Engine::Sqlite, Options::default()).await;
    let config = write_config(&app, "", "");
    let socket_path = app.dir.path().join("notify.sock");
    let socket =
        std::os::unix::net::UnixDatagram::bind(&socket_path).unwrap_or_else(|e| panic!("{e}"));
    socket
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(binary())
        .arg("--config")
        .arg(&config)
        .arg("serve")
        .env("NOTIFY_SOCKET", &socket_path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let received = tokio::task::spawn_blocking(move || {
        let mut buffer = [0u8; 256];
        socket
            .recv(&mut buffer)
            .map(|n| String::from_utf8_lossy(&buffer[..n]).into_owned())
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(received.ok().as_deref().map(str::trim), Some("READY=1"));
}
