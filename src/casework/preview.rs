//! A photo's preview for the report page: decoded, reduced to fit a small box and encoded anew
//! as a JPEG, so that the page carries no byte of the file the reporter sent (whatever it may
//! still hold that cleaning missed) and a phone on a slow link loads a few kilobytes, not
//! megabytes. Made in the responder's session, on the blocking pool, never stored.

use image::{ImageFormat, ImageReader, Limits};

use crate::reporting::attachments::FileKind;

/// The longest side of a preview, in pixels: enough to tell a passport from a chat screenshot on
/// a phone; the download has the file itself.
pub const LONGEST_SIDE: u32 = 480;

/// What decoding may take: the attachment rules keep a file's pixels within these already; the
/// limits hold even for a file sealed on a device, which the server never cleaned.
const MAX_SIDE: u32 = 12_000;
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    /// A PDF, or any file that is not a photo: it is downloaded, not previewed.
    #[error("not a photo")]
    NotAPhoto,
    #[error("the photo does not decode")]
    Undecodable,
}

/// Previews made at once on a replica: decoding may hold up to `MAX_ALLOC`, so they take turns
/// rather than add up.
static AT_ONCE: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// `preview` on the blocking pool, one at a time. The turn goes into the blocking task and ends
/// with the decoding: a request given up half-way (the responder reloads) must not let another
/// decoding start beside the one still running.
pub async fn preview_in_turn(
    kind: FileKind,
    bytes: zeroize::Zeroizing<Vec<u8>>,
) -> Result<Vec<u8>, PreviewError> {
    let turn = AT_ONCE
        .acquire()
        .await
        .map_err(|_| PreviewError::Undecodable)?;
    tokio::task::spawn_blocking(move || {
        let result = preview(kind, &bytes);
        drop(turn);
        result
    })
    .await
    .map_err(|_| PreviewError::Undecodable)?
}

/// A small JPEG of the photo `bytes` (of `kind`).
pub fn preview(kind: FileKind, bytes: &[u8]) -> Result<Vec<u8>, PreviewError> {
    let format = match kind {
        FileKind::Jpeg => ImageFormat::Jpeg,
        FileKind::Png => ImageFormat::Png,
        FileKind::WebP => ImageFormat::WebP,
        FileKind::Pdf => return Err(PreviewError::NotAPhoto),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    reader.limits(limits);
    let image = reader.decode().map_err(|_| PreviewError::Undecodable)?;
    // A photo's pixels as they are stored; the orientation tag went with the metadata at
    // cleaning, which turned the pixels upright where it could.
    let small = image.thumbnail(LONGEST_SIDE, LONGEST_SIDE).into_rgb8();
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 75);
    small
        .write_with_encoder(encoder)
        .map_err(|_| PreviewError::Undecodable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        let written = img.write_to(&mut out, ImageFormat::Png);
        assert!(written.is_ok());
        out.into_inner()
    }

    #[test]
    fn a_photo_becomes_a_small_jpeg() {
        let made = preview(FileKind::Png, &png(1200, 600));
        let Ok(made) = made else {
            panic!("no preview: {made:?}");
        };
        assert_eq!(&made[..2], &[0xFF, 0xD8]);
        let back = image::load_from_memory(&made).map(|i| (i.width(), i.height()));
        assert_eq!(back.ok(), Some((480, 240)));
    }

    #[test]
    fn a_pdf_or_garbage_is_no_preview() {
        assert!(matches!(
            preview(FileKind::Pdf, b"%PDF-1.7"),
            Err(PreviewError::NotAPhoto)
        ));
        assert!(matches!(
            preview(FileKind::Jpeg, b"not a jpeg"),
            Err(PreviewError::Undecodable)
        ));
    }
}
