//! The TLS every HTTP client of Homeward's speaks (alert and audit webhooks, the reference
//! client, `queue grant`): rustls on *ring*, trusting the Mozilla roots that `webpki-roots`
//! carries, the stack lettre's SMTP client uses too. reqwest 0.13 offers rustls only on aws-lc-rs
//! (a second provider and a C build) or with no provider at all, so a client is built with this
//! configuration handed over (`reqwest::ClientBuilder::tls_backend_preconfigured`).

use std::sync::Arc;

/// A client configuration: *ring*'s provider and its safe default protocol versions (TLS 1.2 and
/// 1.3), the webpki roots, no client certificate. (It cannot fail with *ring*, which has both
/// versions; the error is rustls's.)
pub fn client_config() -> Result<rustls::ClientConfig, rustls::Error> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    Ok(rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(roots)
    .with_no_client_auth())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_is_rings_provider() {
        let config = client_config().unwrap_or_else(|e| panic!("{e}"));
        let suites = |p: &rustls::crypto::CryptoProvider| -> Vec<rustls::CipherSuite> {
            p.cipher_suites.iter().map(|s| s.suite()).collect()
        };
        assert_eq!(
            suites(config.crypto_provider()),
            suites(&rustls::crypto::ring::default_provider())
        );
        assert!(!webpki_roots::TLS_SERVER_ROOTS.is_empty());
    }
}
