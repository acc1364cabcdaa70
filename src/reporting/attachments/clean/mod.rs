//! Cleaning a file before it is sealed: what its bytes are is decided from the bytes, never from
//! a name or a declared type; images are rewritten container by container keeping only what a
//! viewer needs to draw the pixels (every EXIF, XMP, IPTC, ICC and comment block goes, GPS
//! included), without decoding the pixels; PDFs are rebuilt from an allow-list, pages and what
//! draws them only, every embedded JPEG through the JPEG cleaner (`pdf.rs` says what goes and
//! why). A file that is not what its bytes claim, carries a second file inside it, or declares
//! more pixels than allowed is refused; so is an encrypted PDF. What phones append after a
//! JPEG's end (gain maps, Motion Photo videos) is cut off, never kept (see `jpeg`). HEIC and AVIF
//! photos are refused with a message of their own that says what to send instead: no well-kept
//! crate reads them without a C library.
//!
//! Memory: cleaning one file holds a bounded amount beyond the file itself (for a PDF, see
//! `pdf.rs`), and at most [`CLEANERS_AT_ONCE`] files are cleaned at once, however many requests
//! bring them (the others wait their turn in [`clean`]); the server's worst case
//! (`Settings::memory_worst_case_mib`) counts both.

use std::sync::{Condvar, Mutex, PoisonError};

use zeroize::Zeroizing;

use crate::config::Settings;
use crate::domain::report::Coordinates;

mod heif;
mod jpeg;
mod pdf;
mod png;
mod webp;

/// What a file is, by its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Jpeg,
    Png,
    WebP,
    Pdf,
}

impl FileKind {
    /// The media type a responder's download carries.
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::WebP => "image/webp",
            FileKind::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
            FileKind::WebP => "webp",
            FileKind::Pdf => "pdf",
        }
    }

    /// By the file's first bytes only.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(FileKind::WebP)
        } else if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else {
            None
        }
    }
}

/// Why a file was refused; each has its own message for the reporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("not a file of a kind we take")]
    UnknownKind,
    #[error("its bytes are not the kind of file its name or type says")]
    Mislabelled,
    #[error("damaged, or more than one file in one")]
    Malformed,
    #[error("the image declares more pixels than allowed")]
    TooManyPixels,
    #[error("a HEIC or AVIF photo, which we cannot clean")]
    Heic,
}

impl Refusal {
    /// The field error code the forms and the API name it by.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::UnknownKind => "file_kind",
            Refusal::Mislabelled => "file_mislabelled",
            Refusal::Malformed => "file_malformed",
            Refusal::TooManyPixels => "file_too_many_pixels",
            Refusal::Heic => "file_heic",
        }
    }
}

/// A cleaned file, and the position its metadata held (read before it was removed).
pub struct Cleaned {
    pub kind: FileKind,
    /// The cleaned file, wiped from memory when dropped.
    pub bytes: Zeroizing<Vec<u8>>,
    pub gps: Option<Coordinates>,
}

/// How many files may be cleaned at once on this replica (the server's worst case counts
/// them). Every caller cleans on the blocking pool, so one that waits here for a turn holds a
/// blocking thread, not the executor.
pub const CLEANERS_AT_ONCE: usize = Settings::CLEANERS_AT_ONCE;

// What the PDF cleaner's bounds add up to is what the server's worst case counts for it.
const _: () = assert!(pdf::MEMORY_MIB <= Settings::CLEANING_PDF_MIB);

/// Files being cleaned now, and the wait for a turn.
static CLEANING: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());

/// A turn to clean a file, given back when dropped (a panic in a cleaner included).
struct Turn;

impl Turn {
    fn take() -> Turn {
        let (running, freed) = &CLEANING;
        let mut running = running.lock().unwrap_or_else(PoisonError::into_inner);
        while *running >= CLEANERS_AT_ONCE {
            running = freed.wait(running).unwrap_or_else(PoisonError::into_inner);
        }
        *running += 1;
        Turn
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        let (running, freed) = &CLEANING;
        let mut running = running.lock().unwrap_or_else(PoisonError::into_inner);
        *running = running.saturating_sub(1);
        freed.notify_one();
    }
}

/// Cleans `bytes`, waiting for a turn when [`CLEANERS_AT_ONCE`] files are being cleaned
/// already. `declared` is the media type the client sent, if any: a file whose bytes say
/// otherwise is refused rather than trusted either way.
pub fn clean(bytes: &[u8], declared: Option<&str>, max_pixels: u64) -> Result<Cleaned, Refusal> {
    let _turn = Turn::take();
    clean_now(bytes, declared, max_pixels)
}

fn clean_now(bytes: &[u8], declared: Option<&str>, max_pixels: u64) -> Result<Cleaned, Refusal> {
    let kind = match FileKind::sniff(bytes) {
        Some(kind) => kind,
        None if heif::is_heif(bytes) => return Err(Refusal::Heic),
        None => return Err(Refusal::UnknownKind),
    };
    if let Some(declared) = declared.map(str::trim).filter(|d| !d.is_empty()) {
        let generic = matches!(declared, "application/octet-stream");
        if !generic && !declared.eq_ignore_ascii_case(kind.media_type()) {
            return Err(Refusal::Mislabelled);
        }
    }
    // A PDF reader looks for its header anywhere in the first kilobyte: an image carrying one
    // there is also a PDF.
    if kind != FileKind::Pdf && has_pdf_header(bytes) {
        return Err(Refusal::Malformed);
    }
    let cleaned = match kind {
        FileKind::Jpeg => jpeg::clean(bytes, max_pixels),
        FileKind::Png => png::clean(bytes, max_pixels),
        FileKind::WebP => webp::clean(bytes, max_pixels),
        FileKind::Pdf => pdf::clean(bytes, max_pixels),
    }?;
    // Removing metadata moves pixel data forward (and an orientation segment moves it back):
    // a header hidden in pixel data just past the first kilobyte can land inside it.
    if kind != FileKind::Pdf && has_pdf_header(&cleaned.bytes) {
        return Err(Refusal::Malformed);
    }
    Ok(cleaned)
}

fn has_pdf_header(bytes: &[u8]) -> bool {
    find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn check_pixels(width: u64, height: u64, max_pixels: u64) -> Result<(), Refusal> {
    if width == 0 || height == 0 {
        return Err(Refusal::Malformed);
    }
    if width.saturating_mul(height) > max_pixels {
        return Err(Refusal::TooManyPixels);
    }
    Ok(())
}

/// The GPS position an EXIF block holds, if it holds a valid one.
fn gps_of(exif: Vec<u8>) -> Option<Coordinates> {
    use exif::{In, Tag, Value};
    let exif = exif::Reader::new().read_raw(exif).ok()?;
    let degrees = |tag: Tag| -> Option<f64> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Rational(parts) if parts.len() == 3 => {
                let [d, m, s] = [parts[0], parts[1], parts[2]].map(|r| r.to_f64());
                Some(d + m / 60.0 + s / 3600.0)
            }
            _ => None,
        }
    };
    let sign = |tag: Tag, negative: &[u8]| -> Option<f64> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Ascii(parts) => {
                let r = parts.first()?;
                Some(if r.as_slice() == negative { -1.0 } else { 1.0 })
            }
            _ => None,
        }
    };
    let latitude = degrees(Tag::GPSLatitude)? * sign(Tag::GPSLatitudeRef, b"S")?;
    let longitude = degrees(Tag::GPSLongitude)? * sign(Tag::GPSLongitudeRef, b"W")?;
    let valid = latitude.is_finite()
        && longitude.is_finite()
        && latitude.abs() <= 90.0
        && longitude.abs() <= 180.0;
    valid.then_some(Coordinates {
        latitude,
        longitude,
    })
}
