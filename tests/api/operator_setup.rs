//! The operator's path from a fresh server, as a new operator runs it, with the real binary:
//! `init` (no terminal, flags only) on each engine, `migrate`'s report, what a command needing
//! the schema says before `migrate`, an organisation's `org init` folder and its one file for the
//! operator, the desk's countersignature from that file, `queue declare` writing the routing file,
//! every key-taking command reading the files the key-making ones write, and `consulate` as the
//! one kind name (with `consular` read as it).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use homeward::crypto::signing::{Signature, Statement, VerifyingKey};
use homeward::domain::QueueKind;
use homeward::triage::RoutingConfig;

use crate::helpers::{fresh_postgres_database, on_both_engines, Engine};
use crate::process::binary;

struct Ran {
    ok: bool,
    out: String,
    err: String,
}

/// The binary with no terminal on standard input, from the checkout (for config/ paths), with
/// no HOMEWARD_ setting of the caller's.
fn homeward(args: &[&str], env: &[(&str, &str)]) -> Ran {
    let mut command = Command::new(binary());
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::null());
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("HOMEWARD_")) {
        command.env_remove(name);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap_or_else(|e| panic!("{e}"));
    Ran {
        ok: output.status.success(),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn json(ran: &Ran) -> serde_json::Value {
    assert!(ran.ok, "{}{}", ran.out, ran.err);
    serde_json::from_str(&ran.out).unwrap_or_else(|e| panic!("{e}: {}", ran.out))
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

async fn fresh_database(engine: Engine, dir: &Path) -> String {
    match engine {
        Engine::Sqlite => format!("sqlite://{}/fresh.db", dir.display()),
        Engine::Postgres => fresh_postgres_database().await,
    }
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn path_str(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("{}", path.display()))
}

/// How many migrations this build carries for the engine.
fn migrations(engine: Engine) -> usize {
    let folder = match engine {
        Engine::Sqlite => "sqlite",
        Engine::Postgres => "postgres",
    };
    std::fs::read_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(folder),
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .count()
}

on_both_engines!(
    init_sets_up_a_fresh_server_from_flags_and_keeps_it_on_a_second_run,
    |engine| async move {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = fresh_database(engine, dir.path()).await;
        let config = dir.path().join("etc");
        let data = dir.path().join("var");
        let args = |public: &str| {
            vec![
                "--config".to_owned(),
                path_str(&config).to_owned(),
                "init".into(),
                "--database-url".into(),
                url.clone(),
                "--public-url".into(),
                public.to_owned(),
                "--listen".into(),
                "127.0.0.1:8080".into(),
                "--data-dir".into(),
                path_str(&data).to_owned(),
                "--json".into(),
            ]
        };
        let run = |public: &str| {
            let args = args(public);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            homeward(&args, &[])
        };
        let first = json(&run("https://report.example.org"));
        assert_eq!(first["local_settings"]["written"], true, "{first}");
        assert_eq!(first["secrets_file"]["written"], true, "{first}");
        let applied = first["migrations_applied"].as_array().map_or(0, Vec::len);
        assert_eq!(applied, migrations(engine), "{first}");
        assert_eq!(first["first_operator"], "invited");
        let invite = first["invite_url"].as_str().unwrap_or_default();
        assert!(
            invite.starts_with("https://report.example.org/invite/"),
            "{first}"
        );
        let local = config.join("local.toml");
        let secrets = data.join("secrets.toml");
        // No password in the URL: the server's own user may read it.
        assert_eq!(mode(&local), 0o644);
        assert_eq!(mode(&secrets), 0o600);
        for shipped in ["default.toml", "triage.toml", "queues.toml"] {
            assert!(config.join(shipped).exists(), "{shipped}");
        }
        let settings = homeward::config::Settings::load(&config).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.public_url, "https://report.example.org");
        // Behind a proxy on this machine: its forwarded addresses are believed.
        assert!(!settings.server.trusted_proxies.is_empty());
        assert_eq!(settings.routing_file, Some(config.join("queues.toml")));

        let kept_secrets = text(&secrets);
        let again = json(&run("https://report.example.org"));
        assert_eq!(again["local_settings"]["written"], false, "{again}");
        assert_eq!(again["secrets_file"]["written"], false, "{again}");
        assert_eq!(
            again["migrations_applied"].as_array().map(Vec::len),
            Some(0)
        );
        assert_eq!(text(&secrets), kept_secrets, "the secrets were rewritten");
        assert_eq!(again["first_operator"], "invite-pending", "{again}");
        assert!(again["invite_url"].is_null(), "{again}");

        let other = run("https://elsewhere.example.org");
        assert!(!other.ok);
        assert!(
            other.err.contains("sets another public_url"),
            "{}",
            other.err
        );

        // The server's own migrate agrees that nothing is left to apply.
        let migrate = homeward(&["--config", path_str(&config), "migrate"], &[]);
        assert!(migrate.ok, "{}", migrate.err);
        assert!(
            migrate.out.contains("already up to date"),
            "{}",
            migrate.out
        );
        // No desk yet: check-config says what to do.
        let check = homeward(&["--config", path_str(&config), "check-config"], &[]);
        assert!(!check.ok);
        assert!(check.err.contains("queue declare --from"), "{}", check.err);
    }
);

#[test]
fn init_without_a_terminal_asks_for_the_public_address_instead_of_waiting() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("etc");
    let ran = homeward(&["--config", path_str(&config), "init"], &[]);
    assert!(!ran.ok);
    assert!(ran.err.contains("--public-url"), "{}", ran.err);
    assert!(!config.join("local.toml").exists());
}

on_both_engines!(
    commands_before_migrate_say_to_run_it_and_migrate_names_what_it_applied,
    |engine| async move {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = fresh_database(engine, dir.path()).await;
        let data = dir.path().join("data");
        let env = [
            ("HOMEWARD_DATA_DIR", path_str(&data)),
            ("HOMEWARD_DATABASE__URL", url.as_str()),
        ];
        // The demo desk of the checkout's settings stands in for the routing file here.
        let check = homeward(
            &["check-config", "--database", &url],
            &[("HOMEWARD_DATA_DIR", path_str(&data))],
        );
        assert!(!check.ok);
        assert_eq!(
            check.err.matches("run homeward migrate first").count(),
            1,
            "{}",
            check.err
        );
        for raw in ["no such table", "does not exist", "relation"] {
            assert!(!check.err.contains(raw), "{}", check.err);
        }
        let audit = homeward(&["audit", "verify"], &env);
        assert!(!audit.ok);
        assert!(
            audit.err.contains("run homeward migrate first"),
            "{}",
            audit.err
        );

        let migrate = homeward(&["migrate"], &env);
        assert!(migrate.ok, "{}", migrate.err);
        let applied: Vec<&str> = migrate
            .out
            .lines()
            .filter(|l| l.starts_with("applied 2"))
            .collect();
        assert_eq!(applied.len(), migrations(engine), "{}", migrate.out);
        assert!(
            applied[0].starts_with("applied 20261125000001 intake"),
            "{}",
            migrate.out
        );
        assert!(
            migrate.out.contains("the database schema is up to date"),
            "{}",
            migrate.out
        );
        let again = homeward(&["migrate", "--json"], &env);
        let again = json(&again);
        assert_eq!(
            again["applied"].as_array().map(Vec::len),
            Some(0),
            "{again}"
        );

        let check = homeward(
            &["check-config", "--database", &url],
            &[("HOMEWARD_DATA_DIR", path_str(&data))],
        );
        assert!(!check.err.contains("migrate first"), "{}", check.err);
    }
);

/// `org init` for an organisation; returns its folder and its file for the operator.
fn org_init(
    dir: &Path,
    id: &str,
    kind: &str,
    country: &str,
    queues: &[&str],
) -> (PathBuf, PathBuf) {
    let folder = dir.join(id);
    let mut args = vec![
        "org",
        "init",
        "--out",
        path_str(&folder),
        "--id",
        id,
        "--name",
        id,
        "--kind",
        kind,
        "--country",
        country,
    ];
    for q in queues {
        args.extend(["--queue", q]);
    }
    args.push("--json");
    let made = json(&homeward(&args, &[]));
    let send = PathBuf::from(made["send_file"].as_str().unwrap_or_default());
    (folder, send)
}

#[test]
fn org_init_writes_a_private_folder_with_a_readme_and_one_public_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("safe");
    let ran = homeward(
        &[
            "org",
            "init",
            "--out",
            path_str(&folder),
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
            "--queue",
            "kh:ngo:countries=KH:languages=km,en",
        ],
        &[],
    );
    assert!(ran.ok, "{}", ran.err);
    for secret in ["hwok1.", "hwsk1."] {
        assert!(
            !ran.out.contains(secret) && !ran.err.contains(secret),
            "{}",
            ran.out
        );
    }
    assert_eq!(mode(&folder), 0o700);
    let names = [
        "signing.key",
        "queue-desk.key",
        "queue-kh.key",
        "README.txt",
        "send-to-operator.json",
    ];
    for name in names {
        assert_eq!(mode(&folder.join(name)), 0o600, "{name}");
    }
    let readme = text(&folder.join("README.txt"));
    assert!(readme.contains("OFFLINE SAFE"), "{readme}");
    for name in names {
        assert!(readme.contains(name), "{name} missing from {readme}");
    }
    assert!(text(&folder.join("signing.key")).contains("\nhwok1."));
    assert!(text(&folder.join("queue-kh.key")).contains("\nhwsk1."));

    let sent = text(&folder.join("send-to-operator.json"));
    assert!(
        !sent.contains("hwok1.") && !sent.contains("hwsk1."),
        "{sent}"
    );
    let sent: serde_json::Value = serde_json::from_str(&sent).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent["format"], "homeward-organisation/1");
    assert_eq!(sent["organisation"]["kind"], "ngo");
    assert_eq!(sent["queues"][1]["countries"][0], "KH");

    // Never over a folder that holds keys.
    let before = text(&folder.join("signing.key"));
    let again = homeward(
        &[
            "org",
            "init",
            "--out",
            path_str(&folder),
            "--id",
            "desk-org",
            "--name",
            "x",
            "--kind",
            "ngo",
            "--country",
            "TH",
        ],
        &[],
    );
    assert!(!again.ok);
    assert!(again.err.contains("not empty"), "{}", again.err);
    assert_eq!(text(&folder.join("signing.key")), before);
}

#[test]
fn the_desk_countersigns_from_the_file_and_the_operator_declares_both_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (desk, desk_file) = org_init(dir.path(), "desk-org", "ngo", "TH", &["desk:desk"]);
    // `consular`, the queue kinds' old word, is read as `consulate` for either kind.
    let (_, consulate_file) = org_init(
        dir.path(),
        "consulate-in",
        "consular",
        "IN",
        &["consulate-in-bkk:consular:nationalities=IN"],
    );
    let sent: serde_json::Value =
        serde_json::from_str(&text(&consulate_file)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent["organisation"]["kind"], "consulate");
    assert_eq!(sent["queues"][0]["kind"], "consulate");

    // What the consulate reads to the desk's signer.
    let fingerprint = homeward::crypto::identity::fingerprint(
        &VerifyingKey::parse(
            sent["organisation"]["signing_key"]
                .as_str()
                .unwrap_or_default(),
        )
        .unwrap_or_else(|e| panic!("{e:?}")),
    );
    let countersigned = dir.path().join("consulate-in.countersigned.json");
    let signed = json(&homeward(
        &[
            "org",
            "countersign",
            "--desk-key",
            path_str(&desk.join("signing.key")),
            "--from",
            path_str(&consulate_file),
            "--fingerprint",
            &fingerprint,
            "--out",
            path_str(&countersigned),
            "--json",
        ],
        &[],
    ));
    let desk_sent: serde_json::Value =
        serde_json::from_str(&text(&desk_file)).unwrap_or_else(|e| panic!("{e}"));
    let desk_key = VerifyingKey::parse(
        desk_sent["organisation"]["signing_key"]
            .as_str()
            .unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let signature = Signature::parse(signed["countersignature"].as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let org_key = VerifyingKey::parse(
        sent["organisation"]["signing_key"]
            .as_str()
            .unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(desk_key.verifies(
        &Statement::Organisation {
            id: "consulate-in",
            kind: "consulate",
            country: "IN",
            key: &org_key
        },
        &signature
    ));
    let copy: serde_json::Value =
        serde_json::from_str(&text(&countersigned)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(copy["countersignature"], signed["countersignature"]);

    // The desk's own file needs no countersignature, and the desk is told so.
    let own = homeward(
        &[
            "org",
            "countersign",
            "--desk-key",
            path_str(&desk.join("signing.key")),
            "--from",
            path_str(&desk_file),
        ],
        &[],
    );
    assert!(own.ok, "{}", own.err);
    assert!(own.err.contains("needs no countersignature"), "{}", own.err);

    let routing = dir.path().join("queues.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("config/queues.toml"),
        &routing,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Both files in one run, the partner's first: the desk organisation's key is written first.
    let declared = homeward(
        &[
            "queue",
            "declare",
            "--from",
            path_str(&countersigned),
            "--from",
            path_str(&desk_file),
            "--routing-file",
            path_str(&routing),
        ],
        &[],
    );
    assert!(declared.ok, "{}{}", declared.out, declared.err);
    let config = RoutingConfig::load(&routing).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.desk().map(|d| d.id.as_str()), Some("desk"));
    assert_eq!(config.desk_signing_key, Some(desk_key));
    let consulate = config.queues.iter().find(|q| q.id == "consulate-in-bkk");
    assert_eq!(consulate.map(|q| q.kind), Some(QueueKind::Consular));
    let written = text(&routing);
    assert!(written.contains("kind = \"consulate\""), "{written}");
    assert!(!written.contains("kind = \"consular\""), "{written}");
    // Declaring again changes nothing; printing gives the same lines.
    let again = homeward(
        &[
            "queue",
            "declare",
            "--from",
            path_str(&desk_file),
            "--routing-file",
            path_str(&routing),
        ],
        &[],
    );
    assert!(
        again.ok && again.out.contains("declared already"),
        "{}{}",
        again.out,
        again.err
    );
    assert_eq!(text(&routing), written);
    let printed = homeward(
        &[
            "queue",
            "declare",
            "--from",
            path_str(&desk_file),
            "--print",
        ],
        &[],
    );
    assert!(
        printed.ok && printed.out.contains("desk_signing_key = "),
        "{}",
        printed.out
    );
}

/// An organisation's name and contact are signed by nobody, so whoever carries its file can
/// change them: a line break in the name would have written a `[[queue]]` block of its own into
/// the routing file's comment. `queue declare` refuses such a file, and `org init` such a name.
#[test]
fn a_name_or_contact_that_is_not_one_line_is_refused_and_the_routing_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (_, desk_file) = org_init(dir.path(), "desk-org", "ngo", "TH", &["desk:desk"]);
    let (_, partner_file) = org_init(
        dir.path(),
        "ngo-kh",
        "ngo",
        "KH",
        &["ngo-kh:ngo:countries=KH"],
    );
    let routing = dir.path().join("queues.toml");
    let declare = |from: &Path| {
        homeward(
            &[
                "queue",
                "declare",
                "--from",
                path_str(from),
                "--routing-file",
                path_str(&routing),
            ],
            &[],
        )
    };
    let desk = declare(&desk_file);
    assert!(desk.ok, "{}{}", desk.out, desk.err);
    let before = text(&routing);

    let rogue = homeward::crypto::KeyPair::generate().public.to_text();
    let injected = format!(
        "NGO KH\n[[queue]]\nid = \"rogue\"\norganisation = \"ngo-kh\"\nkind = \"ngo\"\n\
         public_key = \"{rogue}\"\ncountries = []\nnationalities = []\nlanguages = []\n#"
    );
    let sent: serde_json::Value =
        serde_json::from_str(&text(&partner_file)).unwrap_or_else(|e| panic!("{e}"));
    let crafted = dir.path().join("ngo-kh.crafted.json");
    for (field, value, said) in [
        ("name", injected, "organisation.name holds a line break"),
        (
            "name",
            "NGO KH\r# x".to_owned(),
            "organisation.name holds a line break",
        ),
        (
            "name",
            "NGO KH\u{2028}x".to_owned(),
            "organisation.name holds a line break",
        ),
        ("name", " ".to_owned(), "organisation.name is empty"),
        (
            "name",
            "N".repeat(201),
            "organisation.name is 201 characters long",
        ),
        (
            "contact",
            "ops@ngo-kh.example\n[[queue]]".to_owned(),
            "organisation.contact holds a line break",
        ),
    ] {
        let mut edited = sent.clone();
        edited["organisation"][field] = serde_json::Value::String(value.clone());
        std::fs::write(&crafted, edited.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let refused = declare(&crafted);
        assert!(!refused.ok, "{value:?}: {}", refused.out);
        assert!(refused.err.contains(said), "{value:?}: {}", refused.err);
        assert_eq!(text(&routing), before, "{value:?} changed the routing file");
    }
    // The file as `org init` wrote it is declared.
    let partner = declare(&partner_file);
    assert!(partner.ok, "{}{}", partner.out, partner.err);
    assert!(text(&routing).contains("\n# ngo-kh (ngo-kh): queue ngo-kh"));

    // `org init` refuses such a name or contact before it makes a single key.
    for (flag, value, said) in [
        ("--name", "NGO\n[[queue]]", "--name holds a line break"),
        ("--name", "", "--name is empty"),
        ("--contact", "a\tb", "--contact holds a line break"),
    ] {
        let folder = dir.path().join("refused");
        let mut args = vec![
            "org",
            "init",
            "--out",
            path_str(&folder),
            "--id",
            "ngo-x",
            "--kind",
            "ngo",
            "--country",
            "KH",
        ];
        if flag != "--name" {
            args.extend(["--name", "NGO X"]);
        }
        args.extend([flag, value]);
        let refused = homeward(&args, &[]);
        assert!(!refused.ok, "{value:?}: {}", refused.out);
        assert!(refused.err.contains(said), "{value:?}: {}", refused.err);
        assert!(!folder.exists(), "{value:?}: a folder was made");
    }
}

#[test]
fn every_key_taking_command_reads_the_files_the_key_making_ones_write() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (org, sent) = org_init(dir.path(), "ngo-kh", "ngo", "KH", &["kh:ngo"]);
    let signing = org.join("signing.key");
    let queue_key = org.join("queue-kh.key");

    // A lone signing key from `org keygen`, then a queue key from `queue keygen`, each a file.
    let lone = dir.path().join("lone.key");
    let made = json(&homeward(
        &["org", "keygen", "--out", path_str(&lone), "--json"],
        &[],
    ));
    assert!(made["verifying_key"]
        .as_str()
        .unwrap_or_default()
        .starts_with("hwov1."));
    assert!(!made.to_string().contains("hwok1."));
    assert_eq!(mode(&lone), 0o600);
    let second = dir.path().join("second.key");
    let queue = json(&homeward(
        &[
            "queue",
            "keygen",
            "--id",
            "kh-2",
            "--kind",
            "ngo",
            "--signing-key",
            path_str(&lone),
            "--out",
            path_str(&second),
            "--json",
        ],
        &[],
    ));
    assert!(!queue.to_string().contains("hwsk1."));
    assert!(text(&second).contains("hwsk1."));

    // The "identity" here is the organisation's own key, read from its file; its fingerprint
    // is what the person would read out.
    let read_out = {
        let file: serde_json::Value =
            serde_json::from_str(&text(&sent)).unwrap_or_else(|e| panic!("{e}"));
        homeward::crypto::identity::fingerprint(
            &VerifyingKey::parse(
                file["organisation"]["signing_key"]
                    .as_str()
                    .unwrap_or_default(),
            )
            .unwrap_or_else(|e| panic!("{e:?}")),
        )
    };
    let certify = homeward(
        &[
            "org",
            "certify",
            "--fingerprint",
            &read_out,
            "--signing-key",
            path_str(&signing),
            "--organisation",
            "ngo-kh",
            "--account",
            "a",
            "--username",
            "u",
            "--role",
            "coordinator",
            "--identity",
            path_str(&sent),
        ],
        &[],
    );
    assert!(
        certify.ok && certify.out.starts_with("hwsg1."),
        "{}",
        certify.err
    );

    // A key where another kind belongs is refused, naming the prefix wanted and what was found.
    let wrong = homeward(
        &[
            "queue",
            "keygen",
            "--id",
            "kh-3",
            "--kind",
            "ngo",
            "--signing-key",
            path_str(&queue_key),
            "--out",
            path_str(&dir.path().join("x.key")),
        ],
        &[],
    );
    assert!(!wrong.ok);
    assert!(wrong.err.contains("beginning hwok1."), "{}", wrong.err);
    assert!(
        wrong
            .err
            .contains("found a queue's private key (hwsk1.) instead"),
        "{}",
        wrong.err
    );

    // grant and sealed-submit take the files too: they get as far as the (absent) server.
    let token = dir.path().join("token");
    std::fs::write(&token, "t\n").unwrap_or_else(|e| panic!("{e}"));
    let grant = |key: &Path| {
        homeward(
            &[
                "queue",
                "grant",
                "--server",
                "http://127.0.0.1:9",
                "--token-file",
                path_str(&token),
                "--organisation",
                "ngo-kh",
                "--organisation-key",
                path_str(&sent),
                "--queue",
                "kh",
                "--queue-key",
                path_str(key),
                "--account",
                "a",
            ],
            &[],
        )
    };
    let given = grant(&queue_key);
    assert!(!given.ok);
    assert!(given.err.contains("reaching the server"), "{}", given.err);
    let refused = grant(&signing);
    assert!(refused.err.contains("beginning hwsk1."), "{}", refused.err);
    let report = dir.path().join("report.json");
    std::fs::write(&report, "{}").unwrap_or_else(|e| panic!("{e}"));
    let submit = homeward(
        &[
            "sealed-submit",
            "--server",
            "http://127.0.0.1:9",
            "--pin",
            path_str(&sent),
            "--file",
            path_str(&report),
        ],
        &[],
    );
    assert!(!submit.err.contains("--pin"), "{}", submit.err);
}

#[test]
fn the_server_side_path_ends_in_a_config_that_checks() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("etc");
    let data = dir.path().join("var");
    let init = homeward(
        &[
            "--config",
            path_str(&config),
            "init",
            "--yes",
            "--data-dir",
            path_str(&data),
            "--invite-file",
            path_str(&dir.path().join("invite.txt")),
        ],
        &[],
    );
    assert!(init.ok, "{}{}", init.out, init.err);
    assert!(!init.out.contains("/invite/"), "{}", init.out);
    assert_eq!(mode(&dir.path().join("invite.txt")), 0o600);
    let (_, desk_file) = org_init(dir.path(), "desk-org", "ngo", "TH", &["desk:desk"]);
    let declared = homeward(
        &[
            "--config",
            path_str(&config),
            "queue",
            "declare",
            "--from",
            path_str(&desk_file),
        ],
        &[],
    );
    assert!(declared.ok, "{}", declared.err);
    let check = homeward(
        &[
            "--config",
            path_str(&config),
            "check-config",
            "--production",
        ],
        &[],
    );
    assert!(check.ok, "{}{}", check.out, check.err);
    assert!(check.out.contains("desk: desk (desk-org)"), "{}", check.out);
}

on_both_engines!(
    a_coordinator_imports_a_key_from_its_file_and_consular_is_read_as_consulate,
    |engine| async move {
        use serde_json::json;

        use crate::accounts::{code_for, enrol};
        use crate::workspace_api::{api, certify_by_api, token};

        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                import_keys: false,
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let coordinator = token(&app, "coordinator", "partner", "coord.import").await;
        certify_by_api(&app, &coordinator, "partner", "coord.import").await;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let key_file = dir.path().join("queue-ngo-kh.key");
        std::fs::write(
            &key_file,
            format!(
                "# queue ngo-kh: its private key\n{}\n",
                app.key("ngo-kh").to_text().as_str()
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let token_file = dir.path().join("token");
        std::fs::write(&token_file, format!("{coordinator}\n")).unwrap_or_else(|e| panic!("{e}"));
        let server = app.url("");
        let (key, tokens) = (key_file.clone(), token_file.clone());
        let imported = tokio::task::spawn_blocking(move || {
            homeward(
                &[
                    "queue",
                    "import",
                    "--server",
                    &server,
                    "--token-file",
                    path_str(&tokens),
                    "--queue",
                    "ngo-kh",
                    "--queue-key",
                    path_str(&key),
                ],
                &[],
            )
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(imported.ok, "{}{}", imported.out, imported.err);
        assert!(
            imported.out.contains("sealed to 1 account"),
            "{}",
            imported.out
        );

        // The operator registers a consulate under the old word; it is kept and shown as consulate.
        let operator = {
            let invite = app.invite("operator", None).await;
            let (secret, _) = enrol(&app, &invite, "op.kinds").await;
            let (_, body) = api(&app, "POST", "/api/v1/session", None, Some(json!({"username": "op.kinds", "password": "violet river under nine lanterns", "code": code_for(&secret, 0)}))).await;
            body["token"].as_str().unwrap_or_default().to_owned()
        };
        let signing_key = homeward::crypto::signing::SigningKey::generate()
            .verifying_key()
            .to_text();
        let (status, body) = api(
        &app,
        "POST",
        "/api/v1/organisations",
        Some(&operator),
        Some(json!({"id": "consulate-vn", "name": "Consulate VN", "kind": "consular", "country": "VN", "signing_key": signing_key})),
    )
    .await;
        assert_eq!(status, 201, "{body}");
        let (_, listed) = api(&app, "GET", "/api/v1/organisations", Some(&operator), None).await;
        let kinds: Vec<(String, String)> = listed
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| {
                (
                    o["id"].as_str().unwrap_or_default().to_owned(),
                    o["kind"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        assert!(
            kinds.contains(&("consulate-vn".into(), "consulate".into())),
            "{kinds:?}"
        );
        assert!(
            !kinds.iter().any(|(_, kind)| kind == "consular"),
            "{kinds:?}"
        );
    }
);

/// The `homeward` commands docs/deploy.md names (in code spans and indented lines), as
/// (command words, flags).
fn documented_commands(doc: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut found = Vec::new();
    for piece in doc.split(['`', '\n']) {
        let Some(at) = piece.find("homeward ") else {
            continue;
        };
        let words: Vec<&str> = piece[at + "homeward ".len()..].split_whitespace().collect();
        let mut words = words.into_iter().peekable();
        if words.peek() == Some(&"--config") {
            words.next();
            words.next();
        }
        let mut command = Vec::new();
        let mut flags = Vec::new();
        for word in words {
            if let Some(flag) = word.strip_prefix("--") {
                let flag = flag.split('=').next().unwrap_or_default();
                flags.push(format!("--{flag}"));
            } else if flags.is_empty()
                && command.len() < 2
                && !word.is_empty()
                && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                command.push(word.to_owned());
            }
        }
        if !command.is_empty() {
            found.push((command, flags));
        }
    }
    found
}

#[test]
fn every_command_file_and_section_docs_deploy_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = text(&root.join("docs/deploy.md"));
    let commands = documented_commands(&doc);
    assert!(commands.len() > 20, "{commands:?}");
    for (words, flags) in commands {
        // A first word that is not a command is prose ("homeward sees the client's address").
        let top = homeward(&[words[0].as_str(), "--help"], &[]);
        if !top.ok {
            assert!(
                !["init", "migrate", "queue", "org", "serve"].contains(&words[0].as_str()),
                "{words:?}: {}",
                top.err
            );
            continue;
        }
        let mut path: Vec<&str> = vec![words[0].as_str()];
        if top.out.contains("Commands:") {
            let sub = words
                .get(1)
                .unwrap_or_else(|| panic!("{words:?} needs a subcommand"));
            path.push(sub.as_str());
        }
        let mut args = path.clone();
        args.push("--help");
        let help = homeward(&args, &[]);
        assert!(
            help.ok,
            "`homeward {}` does not exist: {}",
            path.join(" "),
            help.err
        );
        for flag in flags {
            assert!(
                help.out.contains(&flag) || flag == "--config",
                "`homeward {}` has no {flag}",
                path.join(" ")
            );
        }
    }
    // Files and folders it names, and the sections of other documents it points to.
    for word in doc.split(|c: char| c.is_whitespace() || "`(),;:".contains(c)) {
        let word = word.trim_end_matches('.');
        for folder in ["deploy/", "docs/", "config/", "tests/api/"] {
            if word.starts_with(folder) && word.len() > folder.len() && !word.contains('…') {
                assert!(
                    root.join(word).exists(),
                    "docs/deploy.md names {word}, which is not there"
                );
            }
        }
    }
    for (file, marker) in [
        ("docs/security.md", "(docs/security.md, \""),
        ("README.md", "(see README, \""),
        ("README.md", "(README, \""),
    ] {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let target = one_line(&text(&root.join(file)));
        for piece in doc.split(marker).skip(1) {
            let section = one_line(piece.split('"').next().unwrap_or_default());
            assert!(
                target.contains(&section),
                "docs/deploy.md points to {file}, \"{section}\", which is not there"
            );
        }
    }
}

/// On a terminal, `init` asks for what no flag gave, offering the defaults. The terminal is
/// util-linux's `script`, fed the answers; the test says so and passes where it is missing.
#[test]
fn init_on_a_terminal_asks_for_what_no_flag_gave() {
    let Ok(found) = Command::new("script").arg("--version").output() else {
        eprintln!("util-linux `script` is not installed: the terminal run is not tried");
        return;
    };
    assert!(found.status.success());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = format!(
        "{} --config {} init",
        binary(),
        path_str(&dir.path().join("etc"))
    );
    let data = dir.path().join("var");
    let answers = format!(
        "{}\n\nhttps://asked.example.org\n127.0.0.1:8091\n",
        path_str(&data)
    );
    let mut child = Command::new("script")
        .args(["-qec", &run, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin
            .write_all(answers.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{out}");
    assert!(out.contains("Where people reach this server"), "{out}");
    let settings =
        homeward::config::Settings::load(&dir.path().join("etc")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settings.public_url, "https://asked.example.org");
    assert_eq!(settings.server.port, 8091);
    assert_eq!(settings.data_dir, data);
}
