//! Reading a `multipart/form-data` form with files in memory only: text fields within the usual
//! body limit, each file within `attachments.max_bytes`, at most `attachments.max_count` files,
//! and every byte held counted against the replica's upload budget, and the sending source's
//! share of it, as it arrives.
//!
//! Whatever happens to the files, the text parts are read to the end, so that a form refused for
//! any reason comes back with every answer kept: a file over its limit or past the count is read
//! to its end and dropped, and named; when the budget or the source's share is spent, every file
//! is dropped (and its reservation given back) and the rest of the body is read for its text
//! alone; a form turned away before it is read (a limit) is read for its text with its files
//! discarded unheld, up to one file's worth of them. A body that stops coming (too slow for the
//! pace, see `middleware::bounded_body`) keeps the text read until then.
//!
//! Credentials in a form come before its files (the follow-up page's visit is its first field):
//! `Reader::text_first` reads the text parts up to the first file part, so the handler checks
//! them before a byte of any file is read, and answers at once if they open nothing.

use actix_multipart::{Field, Multipart};
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use zeroize::Zeroizing;

use crate::config::AttachmentSettings;
use crate::reporting::attachments::budget::Source;
use crate::reporting::attachments::{Budget, Cleaned, Held, Refusal, Reservation};
use crate::trust::accounts::Origin;
use crate::web::shared::error::Failure;
use crate::web::shared::middleware::{timed_out, Pacing};
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;

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
    /// Reading stopped before the body's end because it came too slowly (`TimedOut`) or its
    /// files passed what any form carries (`TooLarge`): the text parts read until then are
    /// kept, and no file is.
    pub cut: Option<Failure>,
    /// The body was not read to its end (cut, or a refused form's files past what is read of
    /// them): whatever it held after that point is missing.
    pub partial: bool,
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
    /// Held in memory, within the limits, the budget and the source's share of it.
    Keep,
    /// Read and let go as they arrive, holding nothing: the form is refused already, and only
    /// its text is wanted. At most one file's worth (`attachments.max_bytes`) is read past; the
    /// rest of the body is not read at all.
    Discard,
}

/// Why reading a form stopped before its end.
enum Stop {
    /// The body is not a form that can be read: answered as the failure.
    Failed(Failure),
    /// It came too slowly, or its files were past any form's: what was read so far is kept.
    Cut(Failure),
    /// A refused form's files have been let go as far as they are read.
    Enough,
}

/// A body that arrived too slowly cuts the form short; anything else unreadable is a 400.
fn unreadable(error: actix_multipart::MultipartError) -> Stop {
    match error {
        actix_multipart::MultipartError::Payload(e) if timed_out(&e) => {
            Stop::Cut(Failure::TimedOut)
        }
        _ => Stop::Failed(Failure::BadRequest),
    }
}

pub fn is_multipart(req: &HttpRequest) -> bool {
    crate::web::shared::body::require_content_type(req, "multipart/form-data").is_ok()
}

/// Whose share of the upload budget a request's files count against: its source's tag, asked
/// of the receipt-code throttle, which keys every source under its own in-memory HMAC key, so
/// that the budget holds no address or circuit.
pub fn source(state: &AppState, req: &HttpRequest) -> Source {
    // The source address goes only to the throttle's keyed hash.
    match state
        .code_throttle
        .origin(limit_source(req, &state.trusted_proxies))
    {
        Origin::Source(tag) => Some(tag),
        Origin::Unnamed | Origin::Anywhere => None,
    }
}

/// Reads a whole form, its files kept within the limits and the budget.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    text_limit: usize,
    limits: &AttachmentSettings,
    budget: &Budget,
    source: Source,
) -> Result<Posted, Failure> {
    Reader::new(req, payload, text_limit, limits, budget, source)?
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
    /// Whose share of the budget the files count against.
    source: Source,
    pacing: Pacing,
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
        source: Source,
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
            source,
            pacing: Pacing::of(req),
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
            let field = field.map_err(|e| failure(unreadable(e)))?;
            if is_file(&field) {
                self.waiting = Some(field);
            } else {
                self.text_part(field).await.map_err(failure)?;
            }
        }
        Ok(&self.posted)
    }

    /// Reads the rest of the form: every text part, and the files as `files` says. A body cut
    /// short (too slow, or its files past any form's) comes back with the text read so far and
    /// no file; only a body that is not a form at all, or whose text is too long, is an error.
    pub async fn rest(mut self, files: Files) -> Result<Posted, Failure> {
        match self.read_rest(files).await {
            Ok(()) => {}
            Err(Stop::Failed(failure)) => return Err(failure),
            Err(Stop::Cut(failure)) => {
                self.posted.cut = Some(failure);
                self.posted.partial = true;
                // What arrived of the files is no use without the rest: the memory goes back.
                self.posted.files.clear();
                self.posted.reservation = Reservation::default();
            }
            Err(Stop::Enough) => self.posted.partial = true,
        }
        Ok(self.posted)
    }

    async fn read_rest(&mut self, files: Files) -> Result<(), Stop> {
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
        Ok(())
    }

    async fn text_part(&mut self, mut field: Field) -> Result<(), Stop> {
        let name = field.name().unwrap_or_default().to_owned();
        let mut value = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            self.text += chunk.len();
            if self.text > self.text_limit {
                return Err(Stop::Failed(Failure::TooLarge));
            }
            value.extend_from_slice(&chunk);
        }
        let value = String::from_utf8(value).map_err(|_| Stop::Failed(Failure::BadRequest))?;
        self.posted.fields.push((name, value));
        Ok(())
    }

    async fn file_part(&mut self, mut field: Field, files: Files) -> Result<(), Stop> {
        let name = field.name().unwrap_or_default().to_owned();
        let declared = field.content_type().map(|m| m.essence_str().to_owned());
        let keep = files == Files::Keep && !self.posted.busy;
        let over_count = self.posted.files.len() >= self.limits.max_count;
        let mut held = Held::for_source(self.limits.max_bytes, self.source);
        let (mut arrived, mut busy) = (0usize, false);
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if chunk.is_empty() {
                continue;
            }
            if arrived == 0 {
                // An empty file part is a file input left empty; this one carries a file.
                self.posted.files_sent = true;
                if files == Files::Keep {
                    self.pacing.carries_files();
                }
            }
            arrived += chunk.len();
            // A body sent without its length is held to the same ceiling as one declared.
            self.files += chunk.len();
            if self.files > self.files_limit {
                return Err(Stop::Cut(Failure::TooLarge));
            }
            if files == Files::Discard && self.files > self.limits.max_bytes {
                return Err(Stop::Enough);
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
        if arrived == 0 || !keep {
            return Ok(());
        }
        if over_count {
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

/// What `text_first` answers when it stops: it reads no file, so it never has enough.
fn failure(stop: Stop) -> Failure {
    match stop {
        Stop::Failed(failure) | Stop::Cut(failure) => failure,
        Stop::Enough => Failure::BadRequest,
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
