//! `homeward healthcheck`: asks the server on this machine whether it answers, for a container's
//! `HEALTHCHECK` (the distroless image has no curl, no shell). One plain HTTP/1.1 `GET /healthz`
//! over TCP, with a deadline; healthy only on a `200` status line.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("{0}: {1}")]
    Io(SocketAddr, std::io::Error),
    #[error("{0} answered {1:?}, not 200")]
    Status(SocketAddr, String),
}

/// Where to reach a server listening on `host`: itself, or this machine's loopback in the same
/// family when it listens on every address (`0.0.0.0`, `::`).
pub fn local_address(host: IpAddr, port: u16) -> SocketAddr {
    let host = match host {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        other => other,
    };
    SocketAddr::new(host, port)
}

/// GETs `/healthz` at `at`; Ok when the status line says 200, within `deadline` for each step.
pub fn check(at: SocketAddr, deadline: Duration) -> Result<(), HealthError> {
    let io = |e| HealthError::Io(at, e);
    let mut stream = TcpStream::connect_timeout(&at, deadline).map_err(io)?;
    stream.set_read_timeout(Some(deadline)).map_err(io)?;
    stream.set_write_timeout(Some(deadline)).map_err(io)?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .map_err(io)?;
    // The status line is all that is read: the first bytes, at most a few hundred.
    let mut head = Vec::with_capacity(256);
    stream.take(256).read_to_end(&mut head).map_err(io)?;
    let text = String::from_utf8_lossy(&head);
    let status_line = text.lines().next().unwrap_or_default();
    let mut parts = status_line.split(' ');
    match (parts.next(), parts.next()) {
        (Some(version), Some("200")) if version.starts_with("HTTP/1.") => Ok(()),
        _ => Err(HealthError::Status(at, status_line.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_is_reached_on_the_loopback() {
        assert_eq!(
            local_address(IpAddr::from([0, 0, 0, 0]), 8080),
            SocketAddr::from(([127, 0, 0, 1], 8080))
        );
        assert_eq!(
            local_address(IpAddr::V6(Ipv6Addr::UNSPECIFIED), 1),
            SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), 1)
        );
        assert_eq!(
            local_address(IpAddr::from([10, 0, 0, 5]), 2),
            SocketAddr::from(([10, 0, 0, 5], 2))
        );
    }
}
