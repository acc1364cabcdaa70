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
//!
//! What is kept is named, not what goes: frame headers, Huffman and arithmetic-coding tables,
//! quantisation tables, the restart interval, scans (and a DNL after the first scan), and
//! Adobe's colour transform written afresh in its twelve bytes. Everything else, known or not
//! (APPn, comments, JPGn extensions, reserved markers, hierarchical DHP and EXP segments), goes
//! with whatever it carries, before the first scan and between scans alike.

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Tag, Value};
use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::{Bytes, ImageEXIF};
use zeroize::Zeroizing;

use super::{check_pixels, gps_of, Cleaned, FileKind, Refusal};

/// JPEG segments a decoder needs: frame headers, tables, restart interval, scans, and Adobe's
/// colour transform rebuilt; everything else goes, and a fresh EXIF segment holding only the
/// orientation comes back when the photo is not upright.
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
    let kept: Vec<_> = image
        .segments()
        .iter()
        .filter_map(|segment| match segment.marker() {
            markers::APP14 => adobe(segment.contents())
                .map(|contents| JpegSegment::new_with_contents(markers::APP14, contents)),
            marker if is_kept_before_scans(marker) => Some(segment.clone()),
            _ => None,
        })
        .collect();
    *image.segments_mut() = kept;
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

/// Segments kept before the first scan: frame headers, tables, the restart interval, the scan.
fn is_kept_before_scans(marker: u8) -> bool {
    is_frame(marker) || is_table_or_scan(marker)
}

/// Segments kept between scans: tables, the restart interval, the next scan, and the number
/// of lines the first scan may give at its end (DNL).
fn is_kept_between_scans(marker: u8) -> bool {
    is_table_or_scan(marker) || marker == markers::DNL
}

fn is_table_or_scan(marker: u8) -> bool {
    matches!(
        marker,
        markers::DHT | markers::DAC | markers::DQT | markers::DRI | markers::SOS
    )
}

/// Adobe's APP14 written afresh: its name, version 100, no flags, and the colour transform
/// (0 to 2) the original names, which tells a decoder whether the image is YCbCr or RGB (YCCK
/// or CMYK); anything else it held goes. `None` if it is not Adobe's or names no transform.
fn adobe(contents: &[u8]) -> Option<Bytes> {
    if !contents.starts_with(b"Adobe") {
        return None;
    }
    let transform = *contents.get(11).filter(|t| **t <= 2)?;
    let mut fresh = b"Adobe\x00\x64\x00\x00\x00\x00".to_vec();
    fresh.push(transform);
    Some(Bytes::from(fresh))
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

/// Copies the entropy-coded data, and the segments between progressive scans that a decoder
/// needs, up to and including the primary image's end-of-image marker, dropping every other
/// segment. Returns what follows that marker (the trailer, which the caller drops); refuses
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
                if is_kept_between_scans(marker) {
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

    /// An 8 x 8 grey progressive JPEG as cjpeg writes it, less its JFIF segment: a frame,
    /// five scans with a Huffman table before each. djpeg decodes it.
    const PROGRESSIVE: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00, 0x10, 0x0B, 0x0C, 0x0E, 0x0C, 0x0A, 0x10, 0x0E,
        0x0D, 0x0E, 0x12, 0x11, 0x10, 0x13, 0x18, 0x28, 0x1A, 0x18, 0x16, 0x16, 0x18, 0x31, 0x23,
        0x25, 0x1D, 0x28, 0x3A, 0x33, 0x3D, 0x3C, 0x39, 0x33, 0x38, 0x37, 0x40, 0x48, 0x5C, 0x4E,
        0x40, 0x44, 0x57, 0x45, 0x37, 0x38, 0x50, 0x6D, 0x51, 0x57, 0x5F, 0x62, 0x67, 0x68, 0x67,
        0x3E, 0x4D, 0x71, 0x79, 0x70, 0x64, 0x78, 0x5C, 0x65, 0x67, 0x63, 0xFF, 0xC2, 0x00, 0x0B,
        0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01, 0x7F, 0xFF, 0xC4, 0x00,
        0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x05, 0x02, 0x7F,
        0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x06,
        0x3F, 0x02, 0x7F, 0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x08, 0x01,
        0x01, 0x00, 0x01, 0x3F, 0x21, 0x7F, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x00,
        0x10, 0x7F, 0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01,
        0x00, 0x01, 0x3F, 0x10, 0x7F, 0xFF, 0xD9,
    ];

    fn cleaned(bytes: &[u8]) -> Vec<u8> {
        clean(bytes, 1_000_000)
            .unwrap_or_else(|e| panic!("{e}"))
            .bytes
            .to_vec()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn only_named_segments_survive_before_and_between_scans_and_the_image_still_decodes() {
        // A JPEG holding only what is kept comes out as it went in.
        assert_eq!(cleaned(PROGRESSIVE), PROGRESSIVE);
        let gps = b"GPS 16.7N 98.5E";
        let mut adobe = b"Adobe\x00\x64\x80\x00\x00\x00\x00".to_vec();
        adobe.extend_from_slice(gps);
        let before = [
            segment(0xF3, gps),
            segment(0x02, gps),
            segment(markers::EXP, gps),
            segment(markers::APP14, &adobe),
            segment(markers::COM, gps),
        ]
        .concat();
        let between = [
            segment(0xF3, gps),
            segment(0x02, gps),
            segment(markers::EXP, gps),
            segment(markers::APP1, &[b"Exif\0\0".as_slice(), gps].concat()),
        ]
        .concat();
        let first_scan = PROGRESSIVE
            .windows(2)
            .position(|w| w == [0xFF, markers::SOS])
            .unwrap_or_else(|| panic!("a scan"));
        let next_table = first_scan
            + PROGRESSIVE[first_scan..]
                .windows(2)
                .position(|w| w == [0xFF, markers::DHT])
                .unwrap_or_else(|| panic!("a table between scans"));
        let mut junked = PROGRESSIVE[..2].to_vec();
        junked.extend_from_slice(&before);
        junked.extend_from_slice(&PROGRESSIVE[2..next_table]);
        junked.extend_from_slice(&between);
        junked.extend_from_slice(&PROGRESSIVE[next_table..]);
        assert!(contains(&junked, b"GPS"));

        let out = cleaned(&junked);
        assert!(!contains(&out, b"GPS"), "{out:02X?}");
        // What is left is the image that decodes, with Adobe's segment in its twelve bytes
        // (its flags, which can hold anything, written as none).
        let mut expected = PROGRESSIVE[..2].to_vec();
        expected.extend(segment(
            markers::APP14,
            b"Adobe\x00\x64\x00\x00\x00\x00\x00",
        ));
        expected.extend_from_slice(&PROGRESSIVE[2..]);
        assert_eq!(out, expected);
    }

    #[test]
    fn an_adobe_segment_naming_no_transform_goes_and_a_dnl_between_scans_stays() {
        assert_eq!(adobe(b"Adobe\x00\x64"), None);
        assert_eq!(adobe(b"Adobe\x00\x64\x00\x00\x00\x00\x07"), None);
        assert_eq!(adobe(b"Other\x00\x64\x00\x00\x00\x00\x01"), None);
        assert_eq!(
            adobe(b"Adobe\x00\x65\xFF\xFF\xFF\xFF\x02 and more").as_deref(),
            Some(b"Adobe\x00\x64\x00\x00\x00\x00\x02".as_slice())
        );
        let dnl = segment(markers::DNL, &[0, 8]);
        let mut data = vec![0x01];
        data.extend(&dnl);
        data.extend(segment(0xF3, b"GPS"));
        data.extend_from_slice(&[0xFF, 0xD9]);
        let (out, _) = walk(&data).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out, [&[0x01], dnl.as_slice(), &[0xFF, 0xD9]].concat());
    }
}
