//! Cleaning a file before it is sealed: what its bytes are is decided from the bytes, never from
//! a name or a declared type; images are rewritten container by container keeping only what a
//! viewer needs to draw the pixels (every EXIF, XMP, IPTC, ICC and comment block goes, GPS
//! included), without decoding the pixels; PDFs lose their document information dictionary,
//! every XMP metadata stream and their file identifier. A file that is not what its bytes
//! claim, carries a second file inside it, or declares more pixels than allowed is refused.

use img_parts::jpeg::{markers, Jpeg};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

use crate::domain::report::Coordinates;

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
}

impl Refusal {
    /// The field error code the forms and the API name it by.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::UnknownKind => "file_kind",
            Refusal::Mislabelled => "file_mislabelled",
            Refusal::Malformed => "file_malformed",
            Refusal::TooManyPixels => "file_too_many_pixels",
        }
    }
}

/// A cleaned file, and the position its metadata held (read before it was removed).
pub struct Cleaned {
    pub kind: FileKind,
    pub bytes: Vec<u8>,
    pub gps: Option<Coordinates>,
}

/// Cleans `bytes`. `declared` is the media type the client sent, if any: a file whose bytes say
/// otherwise is refused rather than trusted either way.
pub fn clean(bytes: &[u8], declared: Option<&str>, max_pixels: u64) -> Result<Cleaned, Refusal> {
    let kind = FileKind::sniff(bytes).ok_or(Refusal::UnknownKind)?;
    if let Some(declared) = declared.map(str::trim).filter(|d| !d.is_empty()) {
        let generic = matches!(declared, "application/octet-stream");
        if !generic && !declared.eq_ignore_ascii_case(kind.media_type()) {
            return Err(Refusal::Mislabelled);
        }
    }
    // A PDF reader looks for its header anywhere in the first kilobyte: an image carrying one
    // there is also a PDF.
    if kind != FileKind::Pdf && find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return Err(Refusal::Malformed);
    }
    match kind {
        FileKind::Jpeg => jpeg(bytes, max_pixels),
        FileKind::Png => png(bytes, max_pixels),
        FileKind::WebP => webp(bytes, max_pixels),
        FileKind::Pdf => pdf(bytes),
    }
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

/// JPEG segments a decoder needs: frame headers, tables, restart interval, scans, and Adobe's
/// colour transform; everything else (APP0 to APP15 but Adobe's, comments) goes.
fn jpeg(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
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
        bytes: out,
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

/// PNG chunks a viewer needs to draw the image, animation included; text, EXIF, time stamps,
/// ICC profiles and every private chunk go.
const PNG_KEPT: &[&[u8; 4]] = &[
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD",
    b"acTL", b"fcTL", b"fdAT",
];

fn png(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
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
        bytes: image.encoder().bytes().to_vec(),
        gps,
    })
}

/// WebP chunks a viewer needs; EXIF, XMP and ICC profiles go and the extended header's flags
/// stop announcing them.
fn webp(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
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
        bytes: out,
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

/// PDFs: the document information dictionary, every metadata stream, piece information and the
/// file identifier go; unreferenced objects are pruned and the file is written anew.
fn pdf(bytes: &[u8]) -> Result<Cleaned, Refusal> {
    let mut document = lopdf::Document::load_mem(bytes).map_err(|_| Refusal::Malformed)?;
    if document.is_encrypted() {
        return Err(Refusal::Malformed);
    }
    document.trailer.remove(b"Info");
    document.trailer.remove(b"ID");
    let metadata: Vec<lopdf::ObjectId> = document
        .objects
        .iter()
        .filter(|(_, object)| {
            object
                .as_stream()
                .ok()
                .and_then(|s| s.dict.get(b"Type").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"Metadata".as_slice())
        })
        .map(|(id, _)| *id)
        .collect();
    for id in metadata {
        document.objects.remove(&id);
    }
    for object in document.objects.values_mut() {
        let dict = match object {
            lopdf::Object::Dictionary(dict) => Some(dict),
            lopdf::Object::Stream(stream) => Some(&mut stream.dict),
            _ => None,
        };
        if let Some(dict) = dict {
            dict.remove(b"Metadata");
            dict.remove(b"PieceInfo");
        }
    }
    document.prune_objects();
    let mut out = Vec::with_capacity(bytes.len());
    document.save_to(&mut out).map_err(|_| Refusal::Malformed)?;
    Ok(Cleaned {
        kind: FileKind::Pdf,
        bytes: out,
        gps: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use exif::experimental::Writer;
    use exif::{Field, In, Rational, Tag, Value};

    const SERIAL: &[u8] = b"CAMSERIAL-0042";
    const MAX: u64 = 40_000_000;

    /// An EXIF block (TIFF) with a camera serial and a GPS position, as phones write them.
    pub(crate) fn exif_with_gps(south: bool) -> Vec<u8> {
        let r = |n: u32, d: u32| Rational { num: n, denom: d };
        let fields = [
            Field {
                tag: Tag::Make,
                ifd_num: In::PRIMARY,
                value: Value::Ascii(vec![b"PhoneMaker".to_vec()]),
            },
            Field {
                tag: Tag::BodySerialNumber,
                ifd_num: In::PRIMARY,
                value: Value::Ascii(vec![SERIAL.to_vec()]),
            },
            Field {
                tag: Tag::GPSLatitudeRef,
                ifd_num: In::PRIMARY,
                value: Value::Ascii(vec![if south { b"S".to_vec() } else { b"N".to_vec() }]),
            },
            Field {
                tag: Tag::GPSLatitude,
                ifd_num: In::PRIMARY,
                value: Value::Rational(vec![r(16, 1), r(42, 1), r(0, 1)]),
            },
            Field {
                tag: Tag::GPSLongitudeRef,
                ifd_num: In::PRIMARY,
                value: Value::Ascii(vec![b"E".to_vec()]),
            },
            Field {
                tag: Tag::GPSLongitude,
                ifd_num: In::PRIMARY,
                value: Value::Rational(vec![r(98, 1), r(30, 1), r(0, 1)]),
            },
        ];
        let mut writer = Writer::new();
        for field in &fields {
            writer.push_field(field);
        }
        let mut out = std::io::Cursor::new(Vec::new());
        writer
            .write(&mut out, false)
            .unwrap_or_else(|e| panic!("{e}"));
        out.into_inner()
    }

    fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap_or(0).to_be_bytes());
        s.extend_from_slice(contents);
        s
    }

    /// A baseline JPEG's structure: JFIF, EXIF (GPS and serial), XMP, IPTC and a comment around
    /// the tables, frame and scan a decoder needs.
    pub(crate) fn jpeg_with_metadata(width: u16, height: u16) -> Vec<u8> {
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend(exif_with_gps(false));
        let mut frame = vec![8];
        frame.extend_from_slice(&height.to_be_bytes());
        frame.extend_from_slice(&width.to_be_bytes());
        frame.extend_from_slice(&[1, 1, 0x11, 0]);
        let mut out = vec![0xFF, 0xD8];
        out.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        out.extend(segment(0xE1, &exif));
        out.extend(segment(
            0xE1,
            b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>author</x:xmpmeta>",
        ));
        out.extend(segment(0xED, b"Photoshop 3.0\0IPTC-byline"));
        out.extend(segment(0xFE, b"a comment naming the owner"));
        out.extend(segment(0xDB, &[0u8; 65]));
        out.extend(segment(0xC0, &frame));
        out.extend(segment(0xC4, &[0u8; 29]));
        out.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
        out.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        find(haystack, needle).is_some()
    }

    #[test]
    fn a_jpeg_loses_every_metadata_block_and_keeps_what_draws_it() {
        let original = jpeg_with_metadata(640, 480);
        let cleaned = clean(&original, Some("image/jpeg"), MAX).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cleaned.kind, FileKind::Jpeg);
        for gone in [
            SERIAL,
            b"PhoneMaker",
            b"Exif",
            b"xmpmeta",
            b"IPTC",
            b"owner",
            b"JFIF",
        ] {
            assert!(
                !contains(&cleaned.bytes, gone),
                "{}",
                String::from_utf8_lossy(gone)
            );
        }
        let scan = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9];
        assert!(
            cleaned.bytes.ends_with(&scan),
            "the scan is copied as it was"
        );
        assert!(contains(&cleaned.bytes, &[0xFF, 0xC0]) && contains(&cleaned.bytes, &[0xFF, 0xC4]));
        let gps = cleaned
            .gps
            .unwrap_or_else(|| panic!("the position is read first"));
        assert!((gps.latitude - 16.7).abs() < 1e-9 && (gps.longitude - 98.5).abs() < 1e-9);
        let again = clean(&cleaned.bytes, None, MAX).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.bytes, cleaned.bytes, "cleaning is stable");
        assert!(again.gps.is_none());
    }

    #[test]
    fn what_is_not_what_it_claims_is_refused() {
        let jpeg = jpeg_with_metadata(10, 10);
        assert_eq!(
            clean(&jpeg, Some("image/png"), MAX).err(),
            Some(Refusal::Mislabelled)
        );
        assert_eq!(
            clean(b"MZ\x90\0 a program", None, MAX).err(),
            Some(Refusal::UnknownKind)
        );
        let mut appended = jpeg.clone();
        appended.extend_from_slice(b"PK\x03\x04 a zip archive follows");
        assert_eq!(clean(&appended, None, MAX).err(), Some(Refusal::Malformed));
        let mut polyglot = jpeg[..2].to_vec();
        polyglot.extend(segment(0xFE, b"%PDF-1.7 1 0 obj"));
        polyglot.extend_from_slice(&jpeg[2..]);
        assert_eq!(clean(&polyglot, None, MAX).err(), Some(Refusal::Malformed));
        let truncated = &jpeg[..jpeg.len() - 4];
        assert_eq!(clean(truncated, None, MAX).err(), Some(Refusal::Malformed));
        for cut in 0..jpeg.len() {
            let _ = clean(&jpeg[..cut], None, MAX);
        }
    }

    fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = u32::try_from(data.len())
            .unwrap_or(0)
            .to_be_bytes()
            .to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        c.extend_from_slice(&crc.sum().to_be_bytes());
        c
    }

    fn png_of(width: u32, height: u32, extra: &[Vec<u8>]) -> Vec<u8> {
        let mut header = width.to_be_bytes().to_vec();
        header.extend_from_slice(&height.to_be_bytes());
        header.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        out.extend(png_chunk(b"IHDR", &header));
        for chunk in extra {
            out.extend_from_slice(chunk);
        }
        out.extend(png_chunk(b"IDAT", &[0x78, 0x9C, 1, 2, 3]));
        out.extend(png_chunk(b"IEND", &[]));
        out
    }

    #[test]
    fn a_png_keeps_only_its_drawing_chunks_and_a_bomb_is_refused() {
        let extra = [
            png_chunk(b"tEXt", b"Author\0the owner"),
            png_chunk(b"eXIf", &exif_with_gps(true)),
            png_chunk(b"tIME", &[7, 0xE9, 1, 1, 0, 0, 0]),
        ];
        let cleaned = clean(&png_of(32, 32, &extra), Some("image/png"), MAX)
            .unwrap_or_else(|e| panic!("{e}"));
        for gone in [b"tEXt".as_slice(), b"eXIf", b"tIME", b"owner", SERIAL] {
            assert!(!contains(&cleaned.bytes, gone));
        }
        assert!(contains(&cleaned.bytes, b"IDAT") && contains(&cleaned.bytes, b"IEND"));
        let gps = cleaned
            .gps
            .unwrap_or_else(|| panic!("the position is read first"));
        assert!(gps.latitude < 0.0, "south is negative");

        // A decompression bomb: a few bytes that declare 100,000 × 100,000 pixels.
        let bomb = png_of(100_000, 100_000, &[]);
        assert_eq!(clean(&bomb, None, MAX).err(), Some(Refusal::TooManyPixels));
        let mut trailing = png_of(8, 8, &[]);
        trailing.extend_from_slice(b"%PDF-1.4 hidden after the end");
        assert_eq!(clean(&trailing, None, MAX).err(), Some(Refusal::Malformed));
    }

    fn webp_of(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut body = b"WEBP".to_vec();
        for (id, data) in chunks {
            body.extend_from_slice(*id);
            body.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_le_bytes());
            body.extend_from_slice(data);
            if data.len() % 2 == 1 {
                body.push(0);
            }
        }
        let mut out = b"RIFF".to_vec();
        out.extend_from_slice(&u32::try_from(body.len()).unwrap_or(0).to_le_bytes());
        out.extend(body);
        out
    }

    #[test]
    fn a_webp_loses_exif_and_xmp_and_its_flags_say_so() {
        let mut vp8x = vec![0x20 | 0x08 | 0x04, 0, 0, 0];
        vp8x.extend_from_slice(&[99, 0, 0, 74, 0, 0]);
        let vp8l = vec![0x2F, 99, 0x80, 0x12, 0, 1, 2, 3];
        let original = webp_of(&[
            (b"VP8X", vp8x),
            (b"ICCP", b"icc profile of the owner".to_vec()),
            (b"VP8L", vp8l),
            (b"EXIF", exif_with_gps(false)),
            (b"XMP ", b"<x:xmpmeta>author</x:xmpmeta>".to_vec()),
        ]);
        let cleaned = clean(&original, Some("image/webp"), MAX).unwrap_or_else(|e| panic!("{e}"));
        for gone in [b"EXIF".as_slice(), b"XMP ", b"ICCP", SERIAL, b"owner"] {
            assert!(!contains(&cleaned.bytes, gone));
        }
        assert_eq!(cleaned.bytes.get(20).map(|f| f & 0x2C), Some(0));
        assert!(cleaned.gps.is_some());
        let size = cleaned
            .bytes
            .get(4..8)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        assert_eq!(size.map(|s| s as usize + 8), Some(cleaned.bytes.len()));
    }

    /// A PDF with an author in its information dictionary and an XMP stream in its catalog.
    pub(crate) fn pdf_with_author() -> Vec<u8> {
        use lopdf::{dictionary, Document, Object, Stream};
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let xmp = doc.add_object(Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            b"<x:xmpmeta><dc:creator>Jane Recruiter</dc:creator></x:xmpmeta>".to_vec(),
        ));
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => pages_id, "Metadata" => xmp,
        });
        let info = doc.add_object(dictionary! {
            "Author" => Object::string_literal("Jane Recruiter"),
            "Producer" => Object::string_literal("OfficeSuite on LAPTOP-OWNER"),
        });
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn a_pdf_loses_its_author_and_xmp_and_stays_a_pdf() {
        let original = pdf_with_author();
        assert!(contains(&original, b"Jane Recruiter"));
        let cleaned =
            clean(&original, Some("application/pdf"), MAX).unwrap_or_else(|e| panic!("{e}"));
        assert!(!contains(&cleaned.bytes, b"Jane Recruiter"));
        assert!(!contains(&cleaned.bytes, b"LAPTOP-OWNER"));
        let reopened = lopdf::Document::load_mem(&cleaned.bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reopened.get_pages().len(), 1);
        assert!(reopened.trailer.get(b"Info").is_err());
        let mut damaged = original.clone();
        damaged.truncate(original.len() / 2);
        damaged.extend_from_slice(b"garbage");
        // Hostile input comes back as an answer, never a panic: every truncation is tried.
        for cut in (0..damaged.len()).step_by(7) {
            let _ = clean(&damaged[..cut], None, MAX);
        }
    }
}
