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
use zeroize::Zeroizing;

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
    /// The cleaned file, wiped from memory when dropped.
    pub bytes: Zeroizing<Vec<u8>>,
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
        bytes: Zeroizing::new(image.encoder().bytes().to_vec()),
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
        bytes: Zeroizing::new(out),
        gps: None,
    })
}
