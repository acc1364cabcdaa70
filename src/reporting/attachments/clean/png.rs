//! PNG: rewritten chunk by chunk.

use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};
use zeroize::Zeroizing;

use super::{check_pixels, gps_of, Cleaned, FileKind, Refusal};

/// PNG chunks a viewer needs to draw the image, animation included; text, EXIF, time stamps,
/// ICC profiles and every private chunk go.
const PNG_KEPT: &[&[u8; 4]] = &[
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD",
    b"acTL", b"fcTL", b"fdAT",
];

pub(super) fn clean(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
    let mut image =
        Png::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| Refusal::Malformed)?;
    let gps = image.exif().and_then(|exif| gps_of(exif.to_vec()));
    let header = image
        .chunk_by_type(*b"IHDR")
        .map(|c| c.contents().clone())
        .ok_or(Refusal::Malformed)?;
    let width = header
        .get(0..4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let height = header
        .get(4..8)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let (width, height) = width.zip(height).ok_or(Refusal::Malformed)?;
    check_pixels(u64::from(width), u64::from(height), max_pixels)?;
    if image.chunks().last().map(|c| c.kind()) != Some(*b"IEND") {
        return Err(Refusal::Malformed);
    }
    let kept_len: usize = image.chunks().iter().map(|c| c.len()).sum::<usize>() + 8;
    if kept_len != bytes.len() {
        // Something follows the end of the image: another file, or damage.
        return Err(Refusal::Malformed);
    }
    image
        .chunks_mut()
        .retain(|chunk| PNG_KEPT.contains(&&chunk.kind()));
    Ok(Cleaned {
        kind: FileKind::Png,
        bytes: Zeroizing::new(image.encoder().bytes().to_vec()),
        gps,
    })
}
