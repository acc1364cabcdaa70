//! Config files: every mistake names its file and line; a desk must be an NGO's.

use homeward::crypto::KeyPair;
use homeward::triage::{RoutingConfig, TriageRules};

fn routing(text: &str) -> Result<RoutingConfig, String> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("queues.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    RoutingConfig::load(&path).map_err(|e| format!("{} {}", e.line, e.message))
}

fn with_key(text: &str) -> String {
    text.replace("KEY", &KeyPair::generate().public.to_text())
}

const ORGS: &str = "[[organisation]]\nid = \"ngo\"\nname = \"N\"\nkind = \"ngo\"\n\n[[organisation]]\nid = \"embassy\"\nname = \"E\"\nkind = \"consulate\"\n\n";

#[test]
fn the_shipped_config_files_are_valid() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(RoutingConfig::load(&root.join("config/queues.toml")).is_ok());
    assert!(TriageRules::load(&root.join("config/triage.toml")).is_ok());
}

#[test]
fn mistakes_name_their_line() {
    let desk_of_a_consulate = with_key(&format!("{ORGS}[[queue]]\nid = \"d\"\norganisation = \"embassy\"\nkind = \"desk\"\npublic_key = \"KEY\"\n"));
    let error = routing(&desk_of_a_consulate).err().unwrap_or_default();
    assert!(
        error.starts_with("14 ") && error.contains("desk queue must belong to a ngo"),
        "{error}"
    );

    let bad_key = format!("{ORGS}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"desk\"\npublic_key = \"hwpk1.nope\"\n");
    let error = routing(&bad_key).err().unwrap_or_default();
    assert!(
        error.starts_with("15 ") && error.contains("public_key"),
        "{error}"
    );

    let bad_country = with_key(&format!("{ORGS}[[queue]]\nid = \"d\"\norganisation = \"ngo\"\nkind = \"ngo\"\npublic_key = \"KEY\"\ncountries = [\"KH\", \"XY\"]\n"));
    let error = routing(&bad_country).err().unwrap_or_default();
    assert!(error.starts_with("16 ") && error.contains("XY"), "{error}");

    let unknown_org = with_key(&format!("{ORGS}[[queue]]\nid = \"d\"\norganisation = \"ghost\"\nkind = \"ngo\"\npublic_key = \"KEY\"\n"));
    let error = routing(&unknown_org).err().unwrap_or_default();
    assert!(
        error.starts_with("13 ") && error.contains("ghost"),
        "{error}"
    );

    let syntax = "[[organisation]]\nid = \"x\"\nname = \n";
    let error = routing(syntax).err().unwrap_or_default();
    assert!(error.starts_with("3 "), "{error}");

    let consular_without_nationality = with_key(&format!("{ORGS}[[queue]]\nid = \"c\"\norganisation = \"embassy\"\nkind = \"consular\"\npublic_key = \"KEY\"\n"));
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
