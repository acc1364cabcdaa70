//! JPEG: rewritten segment by segment, the entropy-coded data copied as it is.

use img_parts::jpeg::{markers, Jpeg};
use img_parts::{Bytes, ImageEXIF};
use zeroize::Zeroizing;

use super::{check_pixels, gps_of, Cleaned, FileKind, Refusal};

/// JPEG segments a decoder needs: frame headers, tables, restart interval, scans, and Adobe's
/// colour transform; everything else (APP0 to APP15 but Adobe's, comments) goes.
pub(super) fn clean(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
    let mut image =
        Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| Refusal::Malformed)?;
    let gps = image.exif().and_then(|exif| gps_of(exif.to_vec()));
    let mut frame = None;
    for segment in image.segments() {
        if is_frame(segment.marker()) {
            let c = segment.contents();
            let height = c.get(1..3).map(|b| u16::from_be_bytes([b[0], b[1]]));
            let width = c.get(3..5).map(|b| u16::from_be_bytes([b[0], b[1]]));
            frame = height.zip(width);
        }
    }
    let (height, width) = frame.ok_or(Refusal::Malformed)?;
    check_pixels(u64::from(width), u64::from(height), max_pixels)?;
    image.segments_mut().retain(|segment| {
        let marker = segment.marker();
        let adobe = marker == markers::APP14 && segment.contents().starts_with(b"Adobe");
        !(is_app(marker) || marker == markers::COM) || adobe
    });
    let scan_at = image
        .segments()
        .iter()
        .position(|s| s.marker() == markers::SOS)
        .ok_or(Refusal::Malformed)?;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, markers::SOI]);
    for segment in &image.segments()[..scan_at] {
        out.extend_from_slice(&segment.clone().encoder().bytes());
    }
    // The first scan's header, then everything after it up to the end of the image, with any
    // metadata segment between later scans dropped and nothing allowed past the end.
    let scan = image.segments()[scan_at].clone();
    let header = scan.len();
    let encoded = scan.encoder().bytes();
    let (head, entropy) = encoded.split_at(header.min(encoded.len()));
    out.extend_from_slice(head);
    copy_scans(entropy, &mut out)?;
    Ok(Cleaned {
        kind: FileKind::Jpeg,
        bytes: Zeroizing::new(out),
        gps,
    })
}

fn is_frame(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

fn is_app(marker: u8) -> bool {
    (0xE0..=0xEF).contains(&marker)
}

/// Copies entropy-coded data and the segments between progressive scans up to and including
/// the end-of-image marker, dropping application and comment segments; refuses anything after
/// the end (another file appended) and a missing end.
fn copy_scans(data: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
    let mut i = 0;
    while i < data.len() {
        let byte = data[i];
        if byte != 0xFF {
            out.push(byte);
            i += 1;
            continue;
        }
        let Some(&marker) = data.get(i + 1) else {
            return Err(Refusal::Malformed);
        };
        match marker {
            // Stuffed byte, restart markers, fill bytes: part of the entropy-coded data.
            0x00 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i += 2;
            }
            0xFF => {
                i += 1;
            }
            markers::EOI => {
                out.extend_from_slice(&[0xFF, markers::EOI]);
                let rest = &data[i + 2..];
                return if rest.iter().all(|b| *b == 0) {
                    Ok(())
                } else {
                    Err(Refusal::Malformed)
                };
            }
            _ => {
                let length = data
                    .get(i + 2..i + 4)
                    .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                    .ok_or(Refusal::Malformed)?;
                let end = i + 2 + length;
                let segment = data.get(i..end).ok_or(Refusal::Malformed)?;
                if !(is_app(marker) || marker == markers::COM) {
                    out.extend_from_slice(segment);
                }
                i = end;
            }
        }
    }
    Err(Refusal::Malformed)
}
