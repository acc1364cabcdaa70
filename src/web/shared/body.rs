//! Reading a request body within the configured limit, and checking its content type, so that an
//! oversized or mislabelled request gets its own clear 4xx before anything is parsed.

use std::collections::HashMap;

use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use zeroize::{Zeroize, Zeroizing};

use crate::reporting::attachments::budget::Source;
use crate::reporting::attachments::{Budget, Held, Reservation};
use crate::web::shared::error::Failure;
use crate::web::shared::middleware::{timed_out, Pacing};

pub fn require_content_type(req: &HttpRequest, expected: &str) -> Result<(), Failure> {
    let given = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = given.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(Failure::UnsupportedMediaType)
    }
}

/// The body's length as the request declares it, if it does.
pub fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<web::Bytes, Failure> {
    let declared = declared_length(req);
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(0).min(limit));
    read_into(req, payload, limit, |chunk| {
        body.extend_from_slice(chunk);
        Ok(())
    })
    .await?;
    Ok(body.freeze())
}

/// Reads the body as `read` does, into memory that is wiped when it is dropped, and wiped
/// behind it whenever it grows: for bodies that carry a secret (a password, a queue's private
/// key, a file's bytes). What the HTTP server buffered before handing the chunks over is not
/// ours to wipe.
pub async fn read_wiped(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let declared = declared_length(req);
    let mut body = Zeroizing::new(Vec::with_capacity(declared.unwrap_or(0).min(limit)));
    read_into(req, payload, limit, |chunk| {
        extend_wiped(&mut body, chunk);
        Ok(())
    })
    .await?;
    Ok(body)
}

/// Reads the body as `read_wiped` does, reserving the upload budget as the bytes arrive (never
/// for the length the request declares), for a piece of a file: a client that trickles holds
/// what it has sent, and the reservation goes with the bytes. What it holds counts against
/// `source`'s share of the budget, and from its first byte the body must keep the minimum rate.
/// Past the budget or the share, 503 at once.
pub async fn read_budgeted(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
    budget: &Budget,
    source: Source,
) -> Result<(Zeroizing<Vec<u8>>, Reservation), Failure> {
    Pacing::of(req).holds_budget();
    let mut held = Held::for_source(limit, source);
    read_into(req, payload, limit, |chunk| {
        held.push(budget, chunk).map_err(|_| Failure::Unavailable)
    })
    .await?;
    Ok(held.into_parts())
}

/// Appends `chunk`, moving to a larger buffer (and wiping the old one) rather than letting
/// the allocator copy the bytes and free the old buffer unwiped.
pub(crate) fn extend_wiped(body: &mut Zeroizing<Vec<u8>>, chunk: &[u8]) {
    if body.capacity() - body.len() < chunk.len() {
        let wanted = (body.len() + chunk.len()).max(body.capacity() * 2);
        let mut grown = Zeroizing::new(Vec::with_capacity(wanted));
        grown.extend_from_slice(body);
        *body = grown;
    }
    body.extend_from_slice(chunk);
}

/// Hands each chunk of the body to `keep`, within `limit` in all.
async fn read_into(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
    mut keep: impl FnMut(&[u8]) -> Result<(), Failure>,
) -> Result<(), Failure> {
    if declared_length(req).is_some_and(|n| n > limit) {
        return Err(Failure::TooLarge);
    }
    let mut length = 0usize;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            if timed_out(&e) {
                Failure::TimedOut
            } else {
                Failure::BadRequest
            }
        })?;
        if length + chunk.len() > limit {
            return Err(Failure::TooLarge);
        }
        length += chunk.len();
        keep(&chunk)?;
    }
    Ok(())
}

/// A posted form's fields (the first value of each), wiped from memory when dropped: staff
/// forms carry passwords, recovery keys and queues' private keys. It reads like the map it
/// holds; `all` gives every value of a name a form repeats (a list's checkboxes).
pub struct Fields(HashMap<String, String>, Vec<(String, String)>);

impl Fields {
    /// Every value given for `name`, in the order posted: the first, then the later ones.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.get(name).map(String::as_str).into_iter().chain(
            self.1
                .iter()
                .filter(move |(n, _)| n == name)
                .map(|(_, v)| v.as_str()),
        )
    }
}

impl std::ops::Deref for Fields {
    type Target = HashMap<String, String>;

    fn deref(&self) -> &HashMap<String, String> {
        &self.0
    }
}

impl Drop for Fields {
    fn drop(&mut self) {
        self.0.values_mut().for_each(Zeroize::zeroize);
        self.1.iter_mut().for_each(|(_, v)| v.zeroize());
    }
}

/// A posted form's fields, decoded as `application/x-www-form-urlencoded` (`+` is a space,
/// `%XX` a byte, invalid UTF-8 replaced), the first value of each name in the map and the later
/// ones beside it. Values are decoded into wiped buffers, so no copy of one is left behind
/// unwiped.
pub fn fields(body: &[u8]) -> Fields {
    let mut out = Fields(HashMap::new(), Vec::new());
    for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.iter().position(|b| *b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &pair[pair.len()..]),
        };
        let name = decoded(name);
        if out.0.contains_key(name.as_str()) {
            out.1
                .push((name.as_str().to_owned(), decoded(value).as_str().to_owned()));
        } else {
            out.0
                .insert(name.as_str().to_owned(), decoded(value).as_str().to_owned());
        }
    }
    out
}

/// One name or value, decoded into memory that is wiped when dropped.
fn decoded(raw: &[u8]) -> Zeroizing<String> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(raw.len()));
    let mut i = 0;
    while i < raw.len() {
        let byte = match raw[i] {
            b'+' => b' ',
            b'%' => match raw.get(i + 1..i + 3).and_then(hex_pair) {
                Some(byte) => {
                    i += 2;
                    byte
                }
                None => b'%',
            },
            other => other,
        };
        bytes.push(byte);
        i += 1;
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Zeroizing::new(text.to_owned()),
        Err(_) => Zeroizing::new(String::from_utf8_lossy(&bytes).into_owned()),
    }
}

fn hex_pair(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()
}

#[cfg(test)]
mod tests {
    use super::fields;

    #[test]
    fn fields_decode_as_form_urlencoded_does() {
        let bodies: &[&[u8]] = &[
            b"a=1&b=two+words&c=%2B%2F%3D&d=%e2%82%ac&e=%zz&f=%4&g&=h&a=second",
            b"private_key=hwsk1.AbC-_123&csrf=x%20y",
            b"&&x=%ff%fe&y=caf%C3%A9&z=",
            b"",
        ];
        for body in bodies {
            let ours = fields(body);
            let mut theirs = std::collections::HashMap::new();
            for (k, v) in form_urlencoded::parse(body) {
                theirs
                    .entry(k.into_owned())
                    .or_insert_with(|| v.into_owned());
            }
            assert_eq!(*ours, theirs, "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn a_repeated_name_gives_every_value_in_order() {
        let form = fields(b"report=a&csrf=t&report=b&report=c%2Bd&other=x");
        assert_eq!(form.all("report").collect::<Vec<_>>(), ["a", "b", "c+d"]);
        assert_eq!(form.all("csrf").collect::<Vec<_>>(), ["t"]);
        assert_eq!(form.all("none").count(), 0);
        assert_eq!(form.get("report").map(String::as_str), Some("a"));
    }
}
