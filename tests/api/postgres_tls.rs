//! PostgreSQL over TLS (issue 16, item 5), against the local server: `sslmode=require` is
//! encrypted, and `verify-full` checks the server's certificate against `sslrootcert` and its name.
//! The server's own certificate serves as the CA (Debian's self-signed "snakeoil" one names
//! `localhost`); a server without TLS turned on is said so and not tested.

use homeward::store::Store;
use secrecy::SecretString;
use sqlx::Connection;

use crate::helpers::postgres_admin_url;

async fn admin_setting(name: &str) -> String {
    let mut conn = sqlx::PgConnection::connect(&postgres_admin_url())
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL must be reachable: {e}"));
    let (value,): (String,) = sqlx::query_as(&format!("SHOW {name}"))
        .fetch_one(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    value
}

/// Whether the connection made from `url` is encrypted (or why it could not be made).
async fn encrypted(url: &str) -> Result<bool, sqlx::Error> {
    let mut conn = sqlx::PgConnection::connect(url).await?;
    let (ssl,): (bool,) =
        sqlx::query_as("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_one(&mut conn)
            .await?;
    Ok(ssl)
}

fn with(url: &str, query: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{query}")
}

#[tokio::test]
#[ignore = "needs the local PostgreSQL"]
async fn postgres_is_reached_over_tls_when_the_url_asks() {
    if admin_setting("ssl").await != "on" {
        eprintln!("the local PostgreSQL has ssl off: nothing to test over TLS");
        return;
    }
    let admin = postgres_admin_url();
    let require = with(&admin, "sslmode=require");
    assert_eq!(encrypted(&require).await.ok(), Some(true));
    assert_eq!(
        encrypted(&with(&admin, "sslmode=disable")).await.ok(),
        Some(false)
    );
    // Homeward's own store connects through the same options.
    let store = Store::connect(&SecretString::from(require), 1)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store.close().await;

    // verify-full: no CA given, the Mozilla roots do not know a local server's certificate.
    assert!(encrypted(&with(&admin, "sslmode=verify-full"))
        .await
        .is_err());

    let cert = admin_setting("ssl_cert_file").await;
    if std::fs::read(&cert).is_err() {
        eprintln!("{cert} is not readable here: verify-full against it not tested");
        return;
    }
    let by_name = admin.replacen("127.0.0.1", "localhost", 1);
    let full = |url: &str| with(url, &format!("sslmode=verify-full&sslrootcert={cert}"));
    assert!(encrypted(&full(&by_name))
        .await
        .unwrap_or_else(|e| panic!("verify-full against {cert} as its own CA: {e}")));
    // The certificate names localhost, not the address: verify-full refuses the address.
    assert!(encrypted(&full(&admin)).await.is_err());
}
