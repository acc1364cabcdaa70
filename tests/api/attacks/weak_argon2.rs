//! Argon2id costs below the floors (receipts m=19 MiB, t=2; accounts m=64 MiB, t=3) used to be
//! accepted by `check-config` and at start, so a config typo could make every receipt code and
//! password cheap to guess from a seized database. The test suite's own cheap costs go through
//! `test_only_cheap_kdf`, which production refuses.

use homeward::config::{ACCOUNT_KDF_FLOOR, RECEIPT_KDF_FLOOR};

use crate::helpers::{build, Engine, Options};

#[tokio::test]
async fn a_config_with_cheap_argon2_starts_a_server() {
    let cheap_receipts = Options {
        tweak: |s| s.test_only_cheap_kdf = false,
        ..Options::default()
    };
    let (built, _app) = build(Engine::Sqlite, cheap_receipts).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(
        error.contains("receipt_kdf") && error.contains("least accepted is m=19456 KiB, t=2"),
        "{error}"
    );

    let cheap_passwords = Options {
        tweak: |s| {
            s.test_only_cheap_kdf = false;
            s.receipt_kdf = RECEIPT_KDF_FLOOR;
            s.account_kdf = homeward::crypto::kdf::Argon2Params {
                iterations: 2,
                ..ACCOUNT_KDF_FLOOR
            };
        },
        ..Options::default()
    };
    let (built, _app) = build(Engine::Sqlite, cheap_passwords).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(
        error.contains("account_kdf") && error.contains("least accepted is m=65536 KiB, t=3"),
        "{error}"
    );
}

fn check_config(env: &[(&str, &str)], production: bool) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_homeward"));
    command
        .current_dir(root)
        .arg("check-config")
        .env("HOMEWARD_DATA_DIR", dir.path());
    if production {
        command.arg("--production");
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap_or_else(|e| panic!("{e}"));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_config_passes_cheap_argon2() {
    let (ok, stderr) = check_config(
        &[
            ("HOMEWARD_RECEIPT_KDF__MEMORY_KIB", "64"),
            ("HOMEWARD_RECEIPT_KDF__ITERATIONS", "1"),
        ],
        false,
    );
    assert!(!ok && stderr.contains("receipt_kdf"), "{stderr}");
    let (ok, stderr) = check_config(&[("HOMEWARD_ACCOUNT_KDF__MEMORY_KIB", "19456")], false);
    assert!(!ok && stderr.contains("account_kdf"), "{stderr}");

    // The switch the test suite uses is refused for production everywhere.
    let (ok, stderr) = check_config(
        &[
            ("HOMEWARD_TEST_ONLY_CHEAP_KDF", "true"),
            ("HOMEWARD_RECEIPT_KDF__MEMORY_KIB", "64"),
        ],
        true,
    );
    assert!(!ok && stderr.contains("test_only_cheap_kdf"), "{stderr}");
    // The shipped defaults sit on the floors and pass.
    let (ok, stderr) = check_config(&[], false);
    assert!(ok, "{stderr}");
}
