//! Config files: every mistake names its file and line.

use homeward::crypto::signing::{SigningKey, Statement};
use homeward::crypto::KeyPair;
use homeward::triage::{RoutingConfig, TriageRules};

fn routing(text: &str) -> Result<RoutingConfig, String> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("queues.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    RoutingConfig::load(&path).map_err(|e| format!("{} {}", e.line, e.message))
}

/// A queue entry with a fresh key and a well-formed signature, after `head`.
fn with_key(text: &str) -> String {
    let signer = SigningKey::generate();
    let key = KeyPair::generate().public;
    let signature = signer.sign(&Statement::QueueKey {
        queue: "d",
        kind: "ngo",
        key: &key,
    });
    text.replace("KEY", &key.to_text())
        .replace("SIG", &signature.to_text())
        .replace("DESK", &signer.verifying_key().to_text())
}

#[test]
fn the_shipped_config_files_are_valid() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(RoutingConfig::load(&root.join("config/queues.toml")).is_ok());
    assert!(TriageRules::load(&root.join("config/triage.toml")).is_ok());
}

#[test]
fn mistakes_name_their_line() {
    let head = "desk_signing_key = \"DESK\"\n\n";
    let valid = with_key(&format!("{head}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"desk\"\npublic_key = \"KEY\"\nsignature = \"SIG\"\n"));
    assert!(routing(&valid).is_ok(), "{:?}", routing(&valid).err());

    let no_desk_key = with_key("[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"desk\"\npublic_key = \"KEY\"\nsignature = \"SIG\"\n");
    let error = routing(&no_desk_key).err().unwrap_or_default();
    assert!(error.contains("desk_signing_key"), "{error}");

    let bad_desk_key = "desk_signing_key = \"hwov1.short\"\n";
    let error = routing(bad_desk_key).err().unwrap_or_default();
    assert!(
        error.starts_with("1 ") && error.contains("hwov1"),
        "{error}"
    );

    let bad_key = with_key(&format!("{head}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"desk\"\npublic_key = \"hwpk1.nope\"\nsignature = \"SIG\"\n"));
    let error = routing(&bad_key).err().unwrap_or_default();
    assert!(
        error.starts_with("7 ") && error.contains("public_key"),
        "{error}"
    );

    let unsigned = with_key(&format!("{head}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"desk\"\npublic_key = \"KEY\"\n"));
    let error = routing(&unsigned).err().unwrap_or_default();
    assert!(error.contains("signature"), "{error}");

    let bad_signature = with_key(&format!("{head}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"desk\"\npublic_key = \"KEY\"\nsignature = \"hwsg1.AAAA\"\n"));
    let error = routing(&bad_signature).err().unwrap_or_default();
    assert!(
        error.starts_with("8 ") && error.contains("signature"),
        "{error}"
    );

    let bad_country = with_key(&format!("{head}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"ngo\"\npublic_key = \"KEY\"\nsignature = \"SIG\"\ncountries = [\"KH\", \"XY\"]\n"));
    let error = routing(&bad_country).err().unwrap_or_default();
    assert!(error.starts_with("9 ") && error.contains("XY"), "{error}");

    let bad_org = with_key(&format!("{head}[[queue]]\nid = \"d\"\norganisation = \"Ghost Org\"\nkind = \"ngo\"\npublic_key = \"KEY\"\nsignature = \"SIG\"\n"));
    let error = routing(&bad_org).err().unwrap_or_default();
    assert!(
        error.starts_with("5 ") && error.contains("organisation"),
        "{error}"
    );

    let syntax = "[[queue]]\nid = \"x\"\norganisation = \n";
    let error = routing(syntax).err().unwrap_or_default();
    assert!(error.starts_with("3 "), "{error}");

    let consular_without_nationality = with_key(&format!("{head}[[queue]]\nid = \"c\"\norganisation = \"embassy\"\nkind = \"consular\"\npublic_key = \"KEY\"\nsignature = \"SIG\"\n"));
    assert!(routing(&consular_without_nationality).is_err());
}

#[test]
fn triage_mistakes_name_their_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("triage.toml");
    std::fs::write(
        &path,
        "[classes]\ncritical = 8\nhigh = 4\n\n[indicators]\nviolence = 5\nvolence = 3\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let error = TriageRules::load(&path)
        .err()
        .map(|e| (e.line, e.message))
        .unwrap_or_default();
    assert_eq!(error.0, 7, "{}", error.1);
    assert!(error.1.contains("volence"));
}

#[test]
fn check_config_refuses_the_demo_desk_in_production() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |production: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_homeward"));
        command
            .current_dir(root)
            .arg("check-config")
            .env("HOMEWARD_DATA_DIR", dir.path());
        if production {
            command.arg("--production");
        }
        command.output().unwrap_or_else(|e| panic!("{e}"))
    };
    let relaxed = run(false);
    assert!(
        relaxed.status.success(),
        "{}",
        String::from_utf8_lossy(&relaxed.stderr)
    );
    let strict = run(true);
    assert!(!strict.status.success());
    assert!(String::from_utf8_lossy(&strict.stderr).contains("no desk declared"));
}

#[test]
fn check_config_says_the_onion_listener_expects_tor_s_proxy_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_homeward"))
        .current_dir(root)
        .arg("check-config")
        .env("HOMEWARD_DATA_DIR", dir.path())
        .env("HOMEWARD_SERVER__ONION__HOST", "127.0.0.1")
        .env("HOMEWARD_SERVER__ONION__PORT", "8081")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("onion listener on 127.0.0.1:8081: expects a PROXY protocol v1 line")
            && said.contains("HiddenServiceExportCircuitID haproxy"),
        "{said}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
