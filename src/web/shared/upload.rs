//! Reading a `multipart/form-data` form with files in memory only: text fields within the usual
//! body limit, each file within `attachments.max_bytes`, at most `attachments.max_count` files,
//! and every byte held counted against the replica's upload budget as it arrives.
//!
//! Whatever happens to the files, the text parts are read to the end, so that a form refused for
//! any reason comes back with every answer kept: a file over its limit or past the count is read
//! to its end and dropped, and named; when the budget is spent, every file is dropped (and its
//! reservation given back) and the rest of the body is read for its text alone; a form turned
//! away before it is read (a limit) is read for its text with its files discarded unheld.
//!
//! Credentials in a form come before its files (the follow-up page's visit is its first field):
//! `Reader::text_first` reads the text parts up to the first file part, so the handler checks
//! them before a byte of any file is read, and answers at once if they open nothing.

use actix_multipart::{Field, Multipart};
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use zeroize::Zeroizing;

use crate::config::AttachmentSettings;
use crate::reporting::attachments::{Budget, Cleaned, Held, Refusal, Reservation};
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
    /// The upload budget was spent while the files arrived: none of them was kept.
    pub busy: bool,
    /// Whether the form carried any file at all (kept or not): if it comes back, the reporter
    /// is told to attach them again, since a page cannot hand a file back.
    pub files_sent: bool,
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

    /// The first value of a text field.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What becomes of the files a form carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// Held in memory, within the limits and the budget.
    Keep,
    /// Read and let go as they arrive, holding nothing: the form is refused already, and only
    /// its text is wanted.
    Discard,
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

/// Reads a whole form, its files kept within the limits and the budget.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    text_limit: usize,
    limits: &AttachmentSettings,
    budget: &Budget,
) -> Result<Posted, Failure> {
    Reader::new(req, payload, text_limit, limits, budget)?
        .rest(Files::Keep)
        .await
}

/// A multipart form being read, part by part.
pub struct Reader<'a> {
    form: Multipart,
    posted: Posted,
    text: usize,
    text_limit: usize,
    /// What the files may amount to in all, read or let go: past it the body is not a form's.
    files_limit: usize,
    files: usize,
    limits: &'a AttachmentSettings,
    budget: &'a Budget,
    /// The first file part, met by `text_first` and not read yet.
    waiting: Option<Field>,
}

impl<'a> Reader<'a> {
    /// Starts reading; a body declared larger than any form could be is refused unread.
    pub fn new(
        req: &HttpRequest,
        payload: web::Payload,
        text_limit: usize,
        limits: &'a AttachmentSettings,
        budget: &'a Budget,
    ) -> Result<Reader<'a>, Failure> {
        // The whole body may hold every file at its limit, the text fields, and the framing.
        let ceiling = limits.max_bytes.saturating_mul(limits.max_count + 1) + text_limit * 2;
        let declared = crate::web::shared::body::declared_length(req);
        if declared.is_some_and(|n| n > ceiling) {
            return Err(Failure::TooLarge);
        }
        Ok(Reader {
            form: Multipart::new(req.headers(), payload),
            posted: Posted::default(),
            text: 0,
            text_limit,
            files_limit: ceiling,
            files: 0,
            limits,
            budget,
            waiting: None,
        })
    }

    /// Reads the text parts that come before the first file (all of them if there is none),
    /// and nothing of any file.
    pub async fn text_first(&mut self) -> Result<&Posted, Failure> {
        while self.waiting.is_none() {
            let Some(field) = self.form.next().await else {
                break;
            };
            let field = field.map_err(unreadable)?;
            if is_file(&field) {
                self.waiting = Some(field);
            } else {
                self.text_part(field).await?;
            }
        }
        Ok(&self.posted)
    }

    /// Reads the rest of the form: every text part, and the files as `files` says.
    pub async fn rest(mut self, files: Files) -> Result<Posted, Failure> {
        if let Some(field) = self.waiting.take() {
            self.file_part(field, files).await?;
        }
        while let Some(field) = self.form.next().await {
            let field = field.map_err(unreadable)?;
            if is_file(&field) {
                self.file_part(field, files).await?;
            } else {
                self.text_part(field).await?;
            }
        }
        Ok(self.posted)
    }

    async fn text_part(&mut self, mut field: Field) -> Result<(), Failure> {
        let name = field.name().unwrap_or_default().to_owned();
        let mut value = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            self.text += chunk.len();
            if self.text > self.text_limit {
                return Err(Failure::TooLarge);
            }
            value.extend_from_slice(&chunk);
        }
        let value = String::from_utf8(value).map_err(|_| Failure::BadRequest)?;
        self.posted.fields.push((name, value));
        Ok(())
    }

    async fn file_part(&mut self, mut field: Field, files: Files) -> Result<(), Failure> {
        let name = field.name().unwrap_or_default().to_owned();
        let declared = field.content_type().map(|m| m.essence_str().to_owned());
        let keep = files == Files::Keep && !self.posted.busy;
        let over_count = self.posted.files.len() >= self.limits.max_count;
        let mut held = Held::up_to(self.limits.max_bytes);
        let (mut arrived, mut busy) = (0usize, false);
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            arrived += chunk.len();
            // A body sent without its length is held to the same ceiling as one declared.
            self.files += chunk.len();
            if self.files > self.files_limit {
                return Err(Failure::TooLarge);
            }
            if arrived > self.limits.max_bytes {
                // Dropping the buffer wipes it and gives its reservation back.
                held = Held::default();
            }
            if !keep || over_count || busy || arrived > self.limits.max_bytes {
                continue;
            }
            if held.push(self.budget, &chunk).is_err() {
                busy = true;
                held = Held::default();
            }
        }
        if arrived == 0 {
            // An empty file part is a file input left empty.
            return Ok(());
        }
        self.posted.files_sent = true;
        if !keep {
        } else if over_count {
            self.posted.too_many.push(name);
        } else if arrived > self.limits.max_bytes {
            // Named as too large even when the budget ran out first: sent again, it would be.
            self.posted.too_large.push(name);
        } else if busy {
            // The form cannot be taken whole: every file goes, and the memory with it.
            self.posted.busy = true;
            self.posted.files.clear();
            self.posted.reservation = Reservation::default();
        } else {
            let (bytes, reservation) = held.into_parts();
            self.posted.reservation.absorb(reservation);
            self.posted.files.push(UploadedFile {
                field: name,
                declared,
                bytes,
            });
        }
        Ok(())
    }
}

fn is_file(field: &Field) -> bool {
    field
        .content_disposition()
        .is_some_and(|d| d.get_filename().is_some())
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
