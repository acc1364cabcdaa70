//! JPEG: rewritten segment by segment, the entropy-coded data copied as it is, up to the end of
//! the primary image.
//!
//! Phones append data after the end-of-image marker: an Ultra HDR gain map (a second JPEG that
//! an MPF APP2 segment points at), a Motion Photo's MP4 video, Samsung's "SEFH"/"SEFT" trailer,
//! Apple's depth maps. The end of the primary image is found by walking its scan data marker by
//! marker (a search for FF D9 would stop inside a thumbnail or land in the trailer's own image),
//! and everything after it is dropped unread, whatever it is: a trailer is never kept, so it
//! cannot smuggle a second file past the cleaner, and refusing trailers we do not know would
//! turn away photos from phones we have not seen. What stays refused is what the output would
//! still carry: a damaged or missing end, and (in the module above) a PDF header in the first
//! kilobyte.
//!
//! Orientation is the one piece of EXIF kept: a photo taken holding the phone upright is stored
//! sideways with Orientation 6, so it is read before the EXIF block goes and written back in a
//! fresh APP1 segment holding IFD0 with that one entry, nothing else.

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Tag, Value};
use img_parts::jpeg::{markers, Jpeg};
use img_parts::{Bytes, ImageEXIF};
use zeroize::Zeroizing;

use super::{check_pixels, gps_of, Cleaned, FileKind, Refusal};

/// JPEG segments a decoder needs: frame headers, tables, restart interval, scans, and Adobe's
/// colour transform; everything else (APP0 to APP15 but Adobe's, comments) goes, and a fresh
/// EXIF segment holding only the orientation comes back when the photo is not upright.
pub(super) fn clean(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
    let mut image =
        Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| Refusal::Malformed)?;
    let exif = image.exif();
    let gps = exif.as_ref().and_then(|exif| gps_of(exif.to_vec()));
    let orientation = exif
        .and_then(|exif| orientation_of(exif.to_vec()))
        .and_then(orientation_segment);
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
    // EXIF's place is right after the start of the image (there is no JFIF segment left).
    if let Some(orientation) = orientation {
        out.extend_from_slice(&orientation);
    }
    for segment in &image.segments()[..scan_at] {
        out.extend_from_slice(&segment.clone().encoder().bytes());
    }
    // The first scan's header, then everything after it up to the end of the primary image,
    // with any metadata segment between later scans dropped; the trailer is not looked at.
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

/// The EXIF Orientation of IFD0, when it turns or mirrors the photo (2 to 8). A block with
/// errors elsewhere (maker notes often have some) still gives its orientation.
fn orientation_of(exif: Vec<u8>) -> Option<u16> {
    let exif = match exif::Reader::new().continue_on_error(true).read_raw(exif) {
        Ok(exif) => exif,
        Err(exif::Error::PartialResult(partial)) => partial.into_inner().0,
        Err(_) => return None,
    };
    let value = exif
        .get_field(Tag::Orientation, In::PRIMARY)?
        .value
        .get_uint(0)?;
    u16::try_from(value).ok().filter(|o| (2..=8).contains(o))
}

/// An APP1 segment whose EXIF holds IFD0 with the Orientation entry only: no pointer to an
/// EXIF, GPS or interoperability IFD, no thumbnail IFD1.
fn orientation_segment(orientation: u16) -> Option<Vec<u8>> {
    let field = Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![orientation]),
    };
    let mut writer = Writer::new();
    writer.push_field(&field);
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).ok()?;
    let tiff = tiff.into_inner();
    let length = u16::try_from(2 + EXIF_PREFIX.len() + tiff.len()).ok()?;
    let mut segment = vec![0xFF, markers::APP1];
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(EXIF_PREFIX);
    segment.extend_from_slice(&tiff);
    Some(segment)
}

const EXIF_PREFIX: &[u8] = b"Exif\0\0";

/// Copies the entropy-coded data, and the segments between progressive scans, up to and
/// including the primary image's end-of-image marker, dropping application and comment
/// segments. Returns what follows that marker (the trailer, which the caller drops); refuses
/// a missing end, a segment cut short, and a marker that cannot stand inside an image.
fn copy_scans<'a>(data: &'a [u8], out: &mut Vec<u8>) -> Result<&'a [u8], Refusal> {
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
            // Stuffed byte, restart markers: part of the entropy-coded data.
            0x00 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i += 2;
            }
            // Fill bytes before a marker.
            0xFF => {
                i += 1;
            }
            markers::EOI => {
                out.extend_from_slice(&[0xFF, markers::EOI]);
                return Ok(&data[i + 2..]);
            }
            // A second start of image before this one ended (a truncated image running into
            // an appended one), or TEM, which has no place in a scan: no length to skip by.
            markers::SOI | 0x01 => return Err(Refusal::Malformed),
            _ => {
                let length = data
                    .get(i + 2..i + 4)
                    .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                    .filter(|length| *length >= 2)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap_or(0).to_be_bytes());
        s.extend_from_slice(contents);
        s
    }

    fn walk(data: &[u8]) -> Result<(Vec<u8>, Vec<u8>), Refusal> {
        let mut out = Vec::new();
        let trailer = copy_scans(data, &mut out)?;
        Ok((out, trailer.to_vec()))
    }

    #[test]
    fn the_walk_keeps_stuffed_bytes_and_restarts_and_stops_at_the_end() {
        let scan = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD9];
        let (out, trailer) = walk(&scan).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out, [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]);
        assert!(trailer.is_empty());
    }

    #[test]
    fn segments_between_progressive_scans_are_skipped_by_length_not_searched() {
        // An FF D9 inside a comment and inside a table must not end the image.
        let mut data = vec![0x01, 0x02];
        data.extend(segment(markers::COM, &[0xFF, 0xD9, b'x']));
        data.extend(segment(markers::APP1, b"Exif\0\0\xFF\xD9"));
        let table = segment(markers::DHT, &[0x10, 0xFF, 0xD9, 0]);
        data.extend(&table);
        let scan_header = segment(markers::SOS, &[1, 1, 0, 1, 63, 0]);
        data.extend(&scan_header);
        data.extend_from_slice(&[0x03, 0xFF, 0xD9]);
        let (out, trailer) = walk(&data).unwrap_or_else(|e| panic!("{e}"));
        let mut expected = vec![0x01, 0x02];
        expected.extend(table);
        expected.extend(scan_header);
        expected.extend_from_slice(&[0x03, 0xFF, 0xD9]);
        assert_eq!(out, expected);
        assert!(trailer.is_empty());
    }

    #[test]
    fn what_follows_the_primary_end_is_returned_not_copied() {
        // A second JPEG (an MPF gain map) with its own end, then a Samsung trailer.
        let mut data = vec![0x42, 0xFF, 0xD9];
        let second = [0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 0x77, 0xFF, 0xD9];
        data.extend_from_slice(&second);
        data.extend_from_slice(b"\0\0SEFHxxxxSEFT");
        let (out, trailer) = walk(&data).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out, [0x42, 0xFF, 0xD9]);
        assert_eq!(trailer[..second.len()], second);
        assert!(trailer.ends_with(b"SEFT"));
    }

    #[test]
    fn a_missing_or_damaged_end_is_refused() {
        let damaged: [&[u8]; 7] = [
            &[0x12, 0x34],
            &[0x12, 0xFF],
            // A truncated image running into an appended one.
            &[0x12, 0xFF, 0xD8, 0xFF, 0xD9],
            &[0x12, 0xFF, 0x01, 0xFF, 0xD9],
            // A segment longer than what is left, and one whose length is impossible.
            &[0xFF, 0xDB, 0x00, 0x40, 0x00],
            &[0xFF, 0xDB, 0x00, 0x01, 0xFF, 0xD9],
            &[],
        ];
        for data in damaged {
            assert_eq!(walk(data).err(), Some(Refusal::Malformed), "{data:02X?}");
        }
    }

    #[test]
    fn the_orientation_segment_holds_one_entry_and_nothing_else() {
        let segment = orientation_segment(6).unwrap_or_else(|| panic!("written"));
        let tiff: &[u8] = &[
            b'M', b'M', 0, 42, 0, 0, 0, 8, // big-endian, IFD0 at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation, SHORT, 1, 6
            0, 0, 0, 0, // no IFD1
        ];
        let mut expected = vec![0xFF, 0xE1, 0, 34];
        expected.extend_from_slice(b"Exif\0\0");
        expected.extend_from_slice(tiff);
        assert_eq!(segment, expected);
        assert_eq!(orientation_of(tiff.to_vec()), Some(6));
    }

    #[test]
    fn an_upright_or_impossible_orientation_writes_nothing() {
        for value in [1u16, 0, 9, 0xFFFF] {
            let mut tiff = orientation_segment(6).unwrap_or_default()[10..].to_vec();
            tiff[18..20].copy_from_slice(&value.to_be_bytes());
            assert_eq!(orientation_of(tiff), None, "{value}");
        }
        assert_eq!(orientation_of(b"not a tiff".to_vec()), None);
    }
}
