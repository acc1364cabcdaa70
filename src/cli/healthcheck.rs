//! `homeward healthcheck`: asks the server on this machine whether it answers, for a container's
//! `HEALTHCHECK` (the distroless image has no curl, no shell). One plain HTTP/1.1 `GET /healthz`
//! over TCP, with a deadline; healthy only on a `200` status line.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("{0}: {1}")]
    Io(SocketAddr, std::io::Error),
    #[error("{0} answered {1:?}, not 200")]
    Status(SocketAddr, String),
}

/// Where to reach a server listening on `host`: itself, or this machine's loopback when it
/// listens on every address. For `::`, IPv4's loopback first (a dual-stack listener takes it,
/// and a container may have no IPv6 at all), then IPv6's.
pub fn local_addresses(host: IpAddr, port: u16) -> Vec<SocketAddr> {
    let hosts = match host {
        IpAddr::V4(v4) if v4.is_unspecified() => vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
        IpAddr::V6(v6) if v6.is_unspecified() => vec![
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(Ipv6Addr::LOCALHOST),
        ],
        other => vec![other],
    };
    hosts
        .into_iter()
        .map(|h| SocketAddr::new(h, port))
        .collect()
}

/// Ok when one of `addresses` answers `/healthz` with 200 within `deadline` in all, the first
/// refusal otherwise.
pub fn check_any(addresses: &[SocketAddr], deadline: Duration) -> Result<(), HealthError> {
    let started = Instant::now();
    let mut refused = None;
    for at in addresses {
        let left = deadline.saturating_sub(started.elapsed());
        match check(*at, left.max(Duration::from_millis(1))) {
            Ok(()) => return Ok(()),
            Err(e) => refused = refused.or(Some(e)),
        }
    }
    Err(refused.unwrap_or(HealthError::Status(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        String::new(),
    )))
}

/// GETs `/healthz` at `at`; Ok when the status line says 200, all within `deadline`: a server
/// that answers a byte at a time does not keep the check alive.
pub fn check(at: SocketAddr, deadline: Duration) -> Result<(), HealthError> {
    let io = |e| HealthError::Io(at, e);
    let started = Instant::now();
    let left = || {
        deadline
            .saturating_sub(started.elapsed())
            .max(Duration::from_millis(1))
    };
    let mut stream = TcpStream::connect_timeout(&at, deadline).map_err(io)?;
    stream.set_write_timeout(Some(left())).map_err(io)?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .map_err(io)?;
    // The status line is all that is read: the first bytes, at most a few hundred.
    let mut head = Vec::with_capacity(256);
    let mut buffer = [0u8; 256];
    while head.len() < 256 && !head.contains(&b'\n') {
        if started.elapsed() >= deadline {
            return Err(io(std::io::ErrorKind::TimedOut.into()));
        }
        stream.set_read_timeout(Some(left())).map_err(io)?;
        let read = stream.read(&mut buffer[..256 - head.len()]).map_err(io)?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(&buffer[..read]);
    }
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
            local_addresses(IpAddr::from([0, 0, 0, 0]), 8080),
            [SocketAddr::from(([127, 0, 0, 1], 8080))]
        );
        assert_eq!(
            local_addresses(IpAddr::V6(Ipv6Addr::UNSPECIFIED), 1),
            [
                SocketAddr::from(([127, 0, 0, 1], 1)),
                SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), 1)
            ]
        );
        assert_eq!(
            local_addresses(IpAddr::from([10, 0, 0, 5]), 2),
            [SocketAddr::from(([10, 0, 0, 5], 2))]
        );
    }

    #[test]
    fn a_server_answering_a_byte_at_a_time_fails_within_the_deadline() {
        let Ok(listener) = std::net::TcpListener::bind("127.0.0.1:0") else {
            return;
        };
        let Ok(at) = listener.local_addr() else {
            return;
        };
        std::thread::spawn(move || {
            if let Ok((mut peer, _)) = listener.accept() {
                for byte in b"HTTP/1.1 200 OK" {
                    let _ = peer.write_all(&[*byte]);
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
        });
        // 15 bytes at 200 ms each would pass a per-read timeout of 300 ms; the whole check may
        // take 300 ms, so it fails.
        assert!(check(at, Duration::from_millis(300)).is_err());
    }
}
