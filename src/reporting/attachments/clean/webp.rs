//! WebP: rewritten chunk by chunk, the extended header's flags corrected.

use img_parts::webp::WebP;
use img_parts::Bytes;
use zeroize::Zeroizing;

use super::{check_pixels, gps_of, Cleaned, FileKind, Refusal};

/// WebP chunks a viewer needs; EXIF, XMP and ICC profiles go and the extended header's flags
/// stop announcing them.
pub(super) fn clean(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
    let declared = bytes
        .get(4..8)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize + 8);
    if declared != Some(bytes.len()) && declared != Some(bytes.len() - (bytes.len() % 2)) {
        return Err(Refusal::Malformed);
    }
    let mut image =
        WebP::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| Refusal::Malformed)?;
    // The container allows the EXIF chunk with or without the JPEG-style "Exif\0\0" prefix.
    let gps = image
        .chunk_by_id(*b"EXIF")
        .and_then(|c| c.content().data())
        .map(|data| data.strip_prefix(b"Exif\0\0").unwrap_or(data).to_vec())
        .and_then(gps_of);
    let (width, height) = webp_dimensions(&image).ok_or(Refusal::Malformed)?;
    check_pixels(u64::from(width), u64::from(height), max_pixels)?;
    for id in [*b"EXIF", *b"XMP ", *b"ICCP"] {
        image.remove_chunks_by_id(id);
    }
    image.chunks_mut().retain(|chunk| {
        matches!(
            &chunk.id(),
            b"VP8 " | b"VP8L" | b"VP8X" | b"ALPH" | b"ANIM" | b"ANMF"
        )
    });
    let mut out = image.encoder().bytes().to_vec();
    // The extended header's flags: byte 20 of the file when VP8X comes first. Clear ICC (0x20),
    // EXIF (0x08) and XMP (0x04).
    if out.get(12..16) == Some(b"VP8X") {
        if let Some(flags) = out.get_mut(20) {
            *flags &= !(0x20 | 0x08 | 0x04);
        }
    }
    Ok(Cleaned {
        kind: FileKind::WebP,
        bytes: Zeroizing::new(out),
        gps,
    })
}

/// The canvas size, from the extended header or the bitstream's own, read with bounds checks.
fn webp_dimensions(image: &WebP) -> Option<(u32, u32)> {
    let data = |id: &[u8; 4]| image.chunk_by_id(*id).and_then(|c| c.content().data());
    let u24 = |b: &[u8]| u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16;
    if let Some(vp8x) = data(b"VP8X") {
        let b = vp8x.get(4..10)?;
        return Some((u24(&b[0..3]) + 1, u24(&b[3..6]) + 1));
    }
    if let Some(vp8l) = data(b"VP8L") {
        let b = vp8l.get(1..5)?;
        let bits = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        return Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
    }
    let vp8 = data(b"VP8 ")?;
    if vp8.get(3..6)? != [0x9D, 0x01, 0x2A] {
        return None;
    }
    let b = vp8.get(6..10)?;
    let width = u32::from(u16::from_le_bytes([b[0], b[1]]) & 0x3FFF);
    let height = u32::from(u16::from_le_bytes([b[2], b[3]]) & 0x3FFF);
    Some((width, height))
}
