//! Reading a `multipart/form-data` form with files in memory only: text fields within the usual
//! body limit, each file within `attachments.max_bytes`, at most `attachments.max_count` files,
//! and every byte held counted against the replica's upload budget. A file over its limit is
//! read to its end and dropped, and named, so that the form comes back with everything else
//! kept and the problem beside the file field.

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use zeroize::{Zeroize, Zeroizing};

use crate::config::AttachmentSettings;
use crate::reporting::attachments::{Budget, Cleaned, Refusal, Reservation};
use crate::web::shared::error::Failure;
use crate::web::shared::middleware::timed_out;

/// A file as it arrived: what the client called its type, and its bytes.
pub struct UploadedFile {
    pub field: String,
    pub declared: Option<String>,
    pub bytes: Zeroizing<Vec<u8>>,
}

/// A posted form: its text fields in order, its files, and what was refused on the way in.
#[derive(Default)]
pub struct Posted {
    pub fields: Vec<(String, String)>,
    pub files: Vec<UploadedFile>,
    /// File fields whose file was over the size limit, or past the count limit.
    pub too_large: Vec<String>,
    pub too_many: Vec<String>,
    /// Held until the request is done with the files.
    pub reservation: Reservation,
}

impl Posted {
    /// The text fields as `application/x-www-form-urlencoded`, for the forms' own decoders.
    pub fn urlencoded(&self) -> Vec<u8> {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.fields {
            out.append_pair(name, value);
        }
        out.finish().into_bytes()
    }
}

/// A body that arrived too slowly is a 408; anything else unreadable a 400.
fn unreadable(error: actix_multipart::MultipartError) -> Failure {
    match error {
        actix_multipart::MultipartError::Payload(e) if timed_out(&e) => Failure::TimedOut,
        _ => Failure::BadRequest,
    }
}

pub fn is_multipart(req: &HttpRequest) -> bool {
    crate::web::shared::body::require_content_type(req, "multipart/form-data").is_ok()
}

pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    text_limit: usize,
    limits: &AttachmentSettings,
    budget: &Budget,
) -> Result<Posted, Failure> {
    // The whole body may hold every file at its limit, the text fields, and the framing.
    let ceiling = limits.max_bytes.saturating_mul(limits.max_count + 1) + text_limit * 2;
    let declared = crate::web::shared::body::declared_length(req);
    if declared.is_some_and(|n| n > ceiling) {
        return Err(Failure::TooLarge);
    }
    let mut form = Multipart::new(req.headers(), payload);
    let mut posted = Posted::default();
    let mut text = 0usize;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = field
            .content_disposition()
            .is_some_and(|d| d.get_filename().is_some());
        if !is_file {
            let mut value = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(unreadable)?;
                text += chunk.len();
                if text > text_limit {
                    return Err(Failure::TooLarge);
                }
                value.extend_from_slice(&chunk);
            }
            let value = String::from_utf8(value).map_err(|_| Failure::BadRequest)?;
            posted.fields.push((name, value));
            continue;
        }
        let declared = field.content_type().map(|m| m.essence_str().to_owned());
        let over_count = posted.files.len() >= limits.max_count;
        let mut bytes = Zeroizing::new(Vec::new());
        let mut over_size = false;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if over_count || over_size {
                continue;
            }
            if bytes.len() + chunk.len() > limits.max_bytes {
                over_size = true;
                // Wiped before the memory goes back: replacing it alone would free it unwiped.
                bytes.zeroize();
                *bytes = Vec::new();
                continue;
            }
            if !budget.grow(&mut posted.reservation, chunk.len()) {
                return Err(Failure::Unavailable);
            }
            crate::web::shared::body::extend_wiped(&mut bytes, &chunk);
        }
        if over_count {
            posted.too_many.push(name);
        } else if over_size {
            posted.too_large.push(name);
        } else if !bytes.is_empty() {
            // An empty file part is a file input left empty.
            posted.files.push(UploadedFile {
                field: name,
                declared,
                bytes,
            });
        }
    }
    Ok(posted)
}

/// Cleans every uploaded file off the async executor; the first refusal names its field.
pub async fn clean(
    files: Vec<UploadedFile>,
    max_pixels: u64,
) -> Result<Vec<Cleaned>, (String, Refusal)> {
    let cleaned = tokio::task::spawn_blocking(move || {
        files
            .iter()
            .map(|f| {
                crate::reporting::attachments::clean(&f.bytes, f.declared.as_deref(), max_pixels)
                    .map_err(|refusal| (f.field.clone(), refusal))
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .await;
    // A cleaner that panicked on hostile input refuses the file; it never takes the server down.
    cleaned.unwrap_or_else(|_| Err(("file".to_owned(), Refusal::Malformed)))
}
