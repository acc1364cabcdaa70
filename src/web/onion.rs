//! The onion listener's door. Tor's onion service, with `HiddenServiceExportCircuitID haproxy`,
//! opens every visitor's connection with one PROXY protocol v1 line naming the visitor's circuit
//! as a source address in Tor's range:
//!
//! ```text
//! PROXY TCP6 fc00:dead:beef:4dad::AABB:CCDD ::1 <port> <port>\r\n
//! ```
//!
//! (the circuit id is the address's low 32 bits). Without it every onion visitor would arrive
//! from 127.0.0.1 and share one allowance, so one visitor's wrong codes would lock out every
//! other. The line is read before HTTP, within `HEADER_DEADLINE` and at most 107 bytes (the
//! protocol's own bound), so a connection that sends it slowly or never holds its slot for
//! seconds, not for ever; `ppp` parses it. The circuit goes into the connection's data, where the
//! limits key by it (`shared::circuit`).
//!
//! A connection whose first line is not Tor's (nothing, a plain HTTP request, a malformed or
//! binary header, another proxy's addresses) is closed unanswered: the port is for Tor alone,
//! and an address or circuit a stranger names is never believed. The public listener reads no
//! such line. Nothing here logs: the circuit is treated like an address.

use std::io;
use std::net::Ipv6Addr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, BufReader, ReadBuf,
};
use tokio::net::TcpStream;

use crate::web::shared::circuit::Circuit;

/// How long Tor's line may take to arrive. Tor writes it the moment it connects, from the same
/// machine, so a real visitor never comes near this.
pub const HEADER_DEADLINE: Duration = Duration::from_secs(5);

/// The longest PROXY v1 line the protocol allows, CR LF included.
const MAX_LINE: usize = 107;

/// What is read ahead of the line; whatever of the request came with it is kept for HTTP.
const READ_AHEAD: usize = 256;

/// Tor's range for circuit addresses: fc00:dead:beef:4dad::/96, the circuit in the last 32 bits.
const TOR_RANGE: [u8; 12] = [0xfc, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x4d, 0xad, 0, 0, 0, 0];

/// Why a connection was closed before HTTP.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("no PROXY line within the deadline")]
    Late,
    #[error("the connection failed before its PROXY line")]
    Io(#[from] io::Error),
    #[error("the first line is not a PROXY protocol v1 line")]
    Malformed,
    #[error("the PROXY line names no Tor circuit")]
    NotTor,
}

/// The circuit a PROXY line names: exactly one line, CR LF included, of Tor's shape.
pub fn circuit_of(line: &[u8]) -> Result<Circuit, Refused> {
    if line.len() > MAX_LINE || !line.ends_with(b"\r\n") {
        return Err(Refused::Malformed);
    }
    let header = ppp::v1::Header::try_from(line).map_err(|_| Refused::Malformed)?;
    // The parser stops at the first CR; the line must be all header, nothing after it.
    if header.header.len() != line.len() {
        return Err(Refused::Malformed);
    }
    match header.addresses {
        ppp::v1::Addresses::Tcp6(addresses) => tor_circuit(addresses.source_address),
        ppp::v1::Addresses::Tcp4(_) | ppp::v1::Addresses::Unknown => Err(Refused::NotTor),
    }
}

fn tor_circuit(source: Ipv6Addr) -> Result<Circuit, Refused> {
    let octets = source.octets();
    let (range, id) = octets.split_at(TOR_RANGE.len());
    let id: [u8; 4] = id.try_into().map_err(|_| Refused::NotTor)?;
    if range != TOR_RANGE {
        return Err(Refused::NotTor);
    }
    Ok(Circuit::new(u32::from_be_bytes(id)))
}

/// Reads the first line, at most `MAX_LINE` bytes of it, and the circuit it names.
async fn read_circuit<R: AsyncBufRead + Unpin>(reader: &mut R) -> Result<Circuit, Refused> {
    let mut line = Vec::with_capacity(MAX_LINE);
    reader
        .take(MAX_LINE as u64)
        .read_until(b'\n', &mut line)
        .await?;
    circuit_of(&line)
}

/// A connection from Tor whose PROXY line has been read: the rest of it is HTTP.
pub struct OnionStream {
    inner: BufReader<TcpStream>,
    circuit: Circuit,
}

impl OnionStream {
    pub fn circuit(&self) -> Circuit {
        self.circuit
    }
}

/// Reads Tor's line within the deadline, or refuses the connection (the caller drops it, which
/// closes it).
pub async fn accept(stream: TcpStream, deadline: Duration) -> Result<OnionStream, Refused> {
    let mut inner = BufReader::with_capacity(READ_AHEAD, stream);
    let circuit = tokio::time::timeout(deadline, read_circuit(&mut inner))
        .await
        .map_err(|_| Refused::Late)??;
    Ok(OnionStream { inner, circuit })
}

impl AsyncRead for OnionStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for OnionStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tor_s_line_names_its_circuit() {
        let line = b"PROXY TCP6 fc00:dead:beef:4dad::aabb:ccdd ::1 65535 80\r\n";
        assert_eq!(circuit_of(line).ok(), Some(Circuit::new(0xAABB_CCDD)));
        let small = b"PROXY TCP6 fc00:dead:beef:4dad::7 ::1 1 80\r\n";
        assert_eq!(circuit_of(small).ok(), Some(Circuit::new(7)));
    }

    #[test]
    fn anything_else_is_refused() {
        for line in [
            &b""[..],
            b"GET / HTTP/1.1\r\n",
            b"PROXY TCP6 fc00:dead:beef:4dad::1 ::1 1 80\n",
            b"PROXY TCP6 fc00:dead:beef:4dad::1 ::1 1 80",
            b"PROXY TCP6 fc00:dead:beef:4dad::1 ::1 1 80\r\r\n",
            b"PROXY TCP6 fc00:dead:beef:4dad::zz ::1 1 80\r\n",
            b"PROXY TCP6 fc00:dead:beef:4dad::1 ::1 99999 80\r\n",
            b"\r\n\r\n\0\r\nQUIT\n",
        ] {
            assert!(
                matches!(circuit_of(line), Err(Refused::Malformed)),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn another_proxy_s_addresses_name_no_circuit() {
        for line in [
            &b"PROXY TCP4 203.0.113.7 127.0.0.1 40000 8081\r\n"[..],
            b"PROXY TCP6 2001:db8::1 ::1 40000 8081\r\n",
            b"PROXY TCP6 fc00:dead:beef:4dad:1::1 ::1 40000 8081\r\n",
            b"PROXY UNKNOWN\r\n",
        ] {
            assert!(
                matches!(circuit_of(line), Err(Refused::NotTor)),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[tokio::test]
    async fn a_line_longer_than_the_protocol_allows_is_not_read_on() {
        let mut long = b"PROXY TCP6 ".to_vec();
        long.extend(std::iter::repeat_n(b'0', 200));
        long.extend(b"\r\n");
        let mut reader = &long[..];
        assert!(matches!(
            read_circuit(&mut reader).await,
            Err(Refused::Malformed)
        ));
        assert_eq!(reader.len(), long.len() - MAX_LINE, "read no further");
    }

    #[tokio::test]
    async fn what_follows_the_line_is_left_for_http() {
        let sent = b"PROXY TCP6 fc00:dead:beef:4dad::1:2 ::1 9 80\r\nGET / HTTP/1.1\r\n";
        let mut reader = &sent[..];
        assert_eq!(
            read_circuit(&mut reader).await.ok(),
            Some(Circuit::new(0x0001_0002))
        );
        assert_eq!(reader, b"GET / HTTP/1.1\r\n");
    }
}
