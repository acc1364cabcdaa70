//! A full disk: the database lives on a small tmpfs (SQLite's folder, or a PostgreSQL tablespace)
//! that the test fills with reports. New reports then get a clear 503 with Retry-After, the server
//! goes on serving, nothing acknowledged is lost, and reports are taken again once the filesystem
//! is given room. Needs root, for mount (CI runs as root). On PostgreSQL it must run alone: while
//! the tablespace is full, any backend evicting one of its dirty pages fails, whichever database
//! that backend works for, so `.ci/run` runs it after the rest of the suite.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::helpers::{on_both_engines, postgres_admin_url, Engine, Options};
use crate::process::{open_visit, prepare, write_config, Served};

/// A tmpfs of a given size, unmounted on drop.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(path: &Path, size: &str) -> SmallDisk {
        std::fs::create_dir_all(path).unwrap_or_else(|e| panic!("{e}"));
        let done = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0777"),
                "tmpfs",
            ])
            .arg(path)
            .status();
        assert!(
            done.is_ok_and(|s| s.success()),
            "mounting a tmpfs at {} failed: this test needs root",
            path.display()
        );
        SmallDisk {
            path: path.to_owned(),
        }
    }

    fn grow(&self, size: &str) {
        let done = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.path)
            .status();
        assert!(done.is_ok_and(|s| s.success()), "growing the tmpfs failed");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// The small disk and, on PostgreSQL, the database and tablespace on it. Dropped in that order
/// (room given back, the database and the tablespace dropped, then the tmpfs unmounted) even when
/// the test fails: a tablespace whose folder has gone leaves PostgreSQL unable to checkpoint.
struct Storage {
    tablespace: Option<String>,
    disk: SmallDisk,
}

impl Drop for Storage {
    fn drop(&mut self) {
        let Some(name) = self.tablespace.take() else {
            return;
        };
        self.disk.grow("64m");
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("DROP TABLESPACE IF EXISTS {name}"),
        ] {
            let done = Command::new("psql")
                .arg(postgres_admin_url())
                .args(["-v", "ON_ERROR_STOP=1", "-q", "-c", &sql])
                .status();
            if !done.is_ok_and(|s| s.success()) {
                eprintln!("{sql} failed: drop it by hand before unmounting");
            }
        }
    }
}

/// A PostgreSQL database whose tables live in a tablespace on `disk`: the storage (which drops
/// them) and the database's address.
async fn database_on(disk: SmallDisk) -> (Storage, String) {
    use sqlx::Connection;
    let owner = Command::new("chown")
        .arg("postgres:postgres")
        .arg(&disk.path)
        .status();
    assert!(owner.is_ok_and(|s| s.success()), "chown postgres failed");
    let name = format!("homeward_full_{}", uuid::Uuid::new_v4().simple());
    let storage = Storage {
        tablespace: Some(name.clone()),
        disk,
    };
    let mut admin = sqlx::PgConnection::connect(&postgres_admin_url())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for sql in [
        format!(
            "CREATE TABLESPACE {name} LOCATION '{}'",
            storage.disk.path.display()
        ),
        format!("CREATE DATABASE {name} TABLESPACE {name}"),
    ] {
        sqlx::query(&sql)
            .execute(&mut admin)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    let base = postgres_admin_url();
    let server = base.rsplit_once('/').map_or(base.as_str(), |(s, _)| s);
    (storage, format!("{server}/{name}"))
}

on_both_engines!(
    a_full_disk_gets_a_clear_503_loses_nothing_and_recovers,
    |engine: Engine| async move {
        let mount_point = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (storage, database_url) = match engine {
            Engine::Sqlite => {
                let disk = SmallDisk::mount(mount_point.path(), "3m");
                let url = format!("sqlite://{}", disk.path.join("homeward.db").display());
                let storage = Storage {
                    tablespace: None,
                    disk,
                };
                (storage, url)
            }
            Engine::Postgres => database_on(SmallDisk::mount(mount_point.path(), "12m")).await,
        };
        let app = prepare(
            engine,
            Options {
                database_url: Some(database_url),
                ..Default::default()
            },
        )
        .await;
        let config = write_config(
            &app,
            "",
            "[limits]\nsubmissions_per_minute = 1000000\nglobal_submissions_per_minute = 1000000\n\n\
             [followup]\nattempts_per_minute = 1000000\nglobal_attempts_per_minute = 1000000\n",
        );
        let served = Served::start(&config).unwrap_or_else(|| panic!("the server did not start"));
        let http = crate::helpers::http()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let filler: String = (0..9000)
            .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
            .collect();

        let mut acknowledged = Vec::new();
        let mut refusal = None;
        for i in 0..20_000 {
            let response = http
                .post(format!("{}/api/v1/reports", served.address))
                .json(&json!({"narrative": format!("{i} {filler}")}))
                .send()
                .await
                .unwrap_or_else(|e| panic!("the server stopped answering: {e}"));
            match response.status().as_u16() {
                201 => {
                    let body: serde_json::Value = response.json().await.unwrap_or_default();
                    acknowledged.push(body["receipt_code"].as_str().unwrap_or_default().to_owned());
                }
                status => {
                    let retry = response.headers().get("retry-after").is_some();
                    let body: serde_json::Value = response.json().await.unwrap_or_default();
                    refusal = Some((status, retry, body["error"].clone()));
                    break;
                }
            }
        }
        assert!(
            acknowledged.len() > 10,
            "the disk filled before reports could be taken"
        );
        assert_eq!(
            refusal,
            Some((503, true, json!("storage_full"))),
            "a full disk is a clear 503 with Retry-After"
        );

        // It goes on serving what needs no new room.
        let home = http.get(format!("{}/", served.address)).send().await;
        assert!(home.is_ok_and(|r| r.status() == 200));
        let live = http.get(format!("{}/healthz", served.address)).send().await;
        assert!(live.is_ok_and(|r| r.status() == 200));

        storage.disk.grow("64m");
        let again = http
            .post(format!("{}/api/v1/reports", served.address))
            .json(&json!({"narrative": "after space came back"}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            again.status(),
            201,
            "reports are taken again once there is room"
        );
        for code in &acknowledged {
            let (status, _) = open_visit(&served.address, code).await;
            assert_eq!(status, 201, "an acknowledged report was lost");
        }
        assert_eq!(
            app.store.count_reports().await.ok(),
            Some(acknowledged.len() as i64 + 1)
        );
        drop(served);
        app.store.close().await;
        drop(storage);
    }
);
