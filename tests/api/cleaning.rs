//! Cleaning files before they are sealed: every metadata block goes, GPS is read first, and
//! what is not what it claims, hides a second file or declares too many pixels is refused. What
//! phones append after a JPEG's end is cut off, and a photo's orientation is kept.

use crate::files::{self, contains, segment, AUTHOR, SCAN, SERIAL};
use homeward::reporting::attachments::{clean, FileKind, Refusal};

const MAX: u64 = 40_000_000;

#[test]
fn a_jpeg_loses_every_metadata_block_and_keeps_what_draws_it() {
    let original = files::jpeg(640, 480, SCAN);
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
    assert!(
        cleaned.bytes.ends_with(&[SCAN, &[0xFF, 0xD9]].concat()),
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
    let jpeg = files::jpeg(10, 10, SCAN);
    assert_eq!(
        clean(&jpeg, Some("image/png"), MAX).err(),
        Some(Refusal::Mislabelled)
    );
    assert_eq!(
        clean(b"MZ\x90\0 a program", None, MAX).err(),
        Some(Refusal::UnknownKind)
    );
    let mut polyglot = jpeg[..2].to_vec();
    polyglot.extend(segment(0xFE, b"%PDF-1.7 1 0 obj"));
    polyglot.extend_from_slice(&jpeg[2..]);
    assert_eq!(clean(&polyglot, None, MAX).err(), Some(Refusal::Malformed));
    let truncated = &jpeg[..jpeg.len() - 4];
    assert_eq!(clean(truncated, None, MAX).err(), Some(Refusal::Malformed));
    // Hostile input comes back as an answer, never a panic: every truncation is tried.
    for cut in 0..jpeg.len() {
        let _ = clean(&jpeg[..cut], None, MAX);
    }
}

#[test]
fn a_png_keeps_only_its_drawing_chunks_and_a_bomb_is_refused() {
    let extra = [
        files::png_chunk(b"tEXt", b"Author\0the owner"),
        files::png_chunk(b"eXIf", &files::exif_with_gps(true)),
        files::png_chunk(b"tIME", &[7, 0xE9, 1, 1, 0, 0, 0]),
    ];
    let cleaned = clean(&files::png(32, 32, &extra), Some("image/png"), MAX)
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
    let bomb = files::png(100_000, 100_000, &[]);
    assert_eq!(clean(&bomb, None, MAX).err(), Some(Refusal::TooManyPixels));
    let mut trailing = files::png(8, 8, &[]);
    trailing.extend_from_slice(b"%PDF-1.4 hidden after the end");
    assert_eq!(clean(&trailing, None, MAX).err(), Some(Refusal::Malformed));
}

#[test]
fn a_webp_loses_exif_and_xmp_and_its_flags_say_so() {
    let mut vp8x = vec![0x20 | 0x08 | 0x04, 0, 0, 0];
    vp8x.extend_from_slice(&[99, 0, 0, 74, 0, 0]);
    let vp8l = vec![0x2F, 99, 0x80, 0x12, 0, 1, 2, 3];
    let original = files::webp(&[
        (b"VP8X", vp8x),
        (b"ICCP", b"icc profile of the owner".to_vec()),
        (b"VP8L", vp8l),
        (b"EXIF", files::exif_with_gps(false)),
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

#[test]
fn a_pdf_loses_its_author_and_xmp_and_stays_a_pdf() {
    let original = files::pdf_with_author();
    assert!(contains(&original, AUTHOR));
    let cleaned = clean(&original, Some("application/pdf"), MAX).unwrap_or_else(|e| panic!("{e}"));
    assert!(!contains(&cleaned.bytes, AUTHOR));
    assert!(!contains(&cleaned.bytes, b"LAPTOP-OWNER"));
    let reopened = lopdf::Document::load_mem(&cleaned.bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reopened.get_pages().len(), 1);
    assert!(reopened.trailer.get(b"Info").is_err());
    // Hostile input comes back as an answer, never a panic.
    for cut in (0..original.len()).step_by(7) {
        let _ = clean(&original[..cut], None, MAX);
    }
}

/// A cleaned phone photo: the primary image only, ending at its own end, with nothing of its
/// metadata or its trailer.
pub(crate) fn assert_primary_only(cleaned: &[u8]) {
    assert!(cleaned.starts_with(&[0xFF, 0xD8]));
    assert!(
        cleaned.ends_with(&[files::PRIMARY_SCAN, &[0xFF, 0xD9]].concat()),
        "ends at the primary image's end"
    );
    assert_eq!(count(cleaned, &[0xFF, 0xD8]), 1, "one image");
    assert_eq!(count(cleaned, &[0xFF, 0xD9]), 1, "one end");
    for gone in [
        b"MPF\0".as_slice(),
        b"xmpmeta",
        b"hdrgm",
        b"GAIN-MAP",
        b"MotionPhoto",
        b"ftyp",
        b"VIDEO-OF-THE-ROOM",
        b"SEFH",
        b"SEFT",
        b"Image_UTC_Data",
        b"PhoneMaker",
        b"THUMBNAIL-PIXELS",
        b"2026:11:30",
        SERIAL,
    ] {
        assert!(
            !contains(cleaned, gone),
            "{}",
            String::from_utf8_lossy(gone)
        );
    }
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

#[test]
fn an_ultra_hdr_photo_is_taken_without_its_gain_map() {
    let original = files::ultra_hdr();
    assert!(contains(&original, b"MPF\0") && contains(&original, b"GAIN-MAP-PIXELS"));
    // The MPF index points where a reader would look: its second entry at the gain map.
    let tiff = original
        .windows(4)
        .position(|w| w == b"MPF\0")
        .map_or(0, |at| at + 4);
    let be = |at: usize| {
        original
            .get(at..at + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (size, offset) = (be(tiff + 50 + 16 + 4), be(tiff + 50 + 16 + 8));
    assert_eq!(
        original.get(tiff + offset..tiff + offset + 2),
        Some([0xFF, 0xD8].as_slice())
    );
    assert_eq!(tiff + offset + size, original.len());
    let cleaned = clean(&original, Some("image/jpeg"), MAX).unwrap_or_else(|e| panic!("{e}"));
    assert_primary_only(&cleaned.bytes);
    assert!(cleaned.gps.is_some(), "the position is read first");
    let again = clean(&cleaned.bytes, None, MAX).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.bytes, cleaned.bytes, "cleaning is stable");
}

#[test]
fn a_motion_photo_and_a_samsung_photo_are_taken_without_their_trailers() {
    for original in [files::motion_photo(), files::samsung_photo()] {
        let cleaned = clean(&original, Some("image/jpeg"), MAX).unwrap_or_else(|e| panic!("{e}"));
        assert_primary_only(&cleaned.bytes);
    }
}

#[test]
fn a_rotated_photo_keeps_its_orientation_and_nothing_else_of_its_exif() {
    let original = files::rotated_photo();
    let cleaned = clean(&original, Some("image/jpeg"), MAX).unwrap_or_else(|e| panic!("{e}"));
    assert_primary_only(&cleaned.bytes);
    let gps = cleaned
        .gps
        .unwrap_or_else(|| panic!("the position is read first"));
    assert!((gps.latitude - 16.7).abs() < 1e-9);
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(cleaned.bytes.as_slice()))
        .unwrap_or_else(|e| panic!("{e}"));
    let fields: Vec<_> = exif
        .fields()
        .map(|f| (f.tag, f.ifd_num, f.value.get_uint(0)))
        .collect();
    assert_eq!(
        fields,
        [(exif::Tag::Orientation, exif::In::PRIMARY, Some(6))],
        "Orientation in IFD0, and nothing else: no GPS, no make, no thumbnail"
    );
    let again = clean(&cleaned.bytes, None, MAX).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        again.bytes, cleaned.bytes,
        "the orientation survives cleaning again"
    );
    // An upright photo gets no EXIF at all.
    let upright = clean(&files::ultra_hdr(), None, MAX).unwrap_or_else(|e| panic!("{e}"));
    assert!(!contains(&upright.bytes, b"Exif"));
}

/// What follows a JPEG's end is dropped whatever it is: it never reaches the sealed file, so
/// there is nothing to gain by refusing what we do not recognise (and phones keep inventing
/// trailers). A zip archive appended to a photo is taken as the photo alone.
#[test]
fn data_after_the_end_that_is_no_known_trailer_is_dropped_too() {
    let mut appended = files::jpeg_with(40, 30, files::PRIMARY_SCAN, &[]);
    appended.extend_from_slice(b"PK\x03\x04 a zip archive follows \xFF\xD9 and more");
    let cleaned = clean(&appended, None, MAX).unwrap_or_else(|e| panic!("{e}"));
    assert_primary_only(&cleaned.bytes);
    assert!(!contains(&cleaned.bytes, b"PK\x03\x04"));
}

#[test]
fn what_stays_dangerous_after_the_end_is_still_refused() {
    let jpeg = files::jpeg_with(40, 30, files::PRIMARY_SCAN, &[]);
    // A PDF reader finds a header in the first kilobyte, trailer or not.
    let mut pdf_after = jpeg.clone();
    pdf_after.extend_from_slice(b"%PDF-1.7 1 0 obj");
    assert_eq!(clean(&pdf_after, None, MAX).err(), Some(Refusal::Malformed));
    // An image cut short before its end, running into what was appended, has no end to cut at.
    let mut cut_short = jpeg[..jpeg.len() - 2].to_vec();
    cut_short.extend(files::jpeg_with(8, 6, b"SECOND", &[]));
    assert_eq!(clean(&cut_short, None, MAX).err(), Some(Refusal::Malformed));
    // A PDF header in the pixel data just past the first kilobyte, which removing the metadata
    // in front of it would move into the first kilobyte of the cleaned file.
    let mut scan = vec![0x11u8; 1200];
    scan[850..858].copy_from_slice(b"%PDF-1.7");
    let padded = files::jpeg_with(40, 30, &scan, &[files::segment(0xFE, &[b'c'; 900])]);
    let at = padded.windows(5).position(|w| w == b"%PDF-");
    assert!(at.is_some_and(|at| at > 1024), "{at:?}");
    assert_eq!(clean(&padded, None, MAX).err(), Some(Refusal::Malformed));
}

#[test]
fn a_heic_photo_is_refused_with_its_own_refusal() {
    for declared in [Some("image/heic"), Some("image/jpeg"), None] {
        assert_eq!(
            clean(&files::heic(), declared, MAX).err(),
            Some(Refusal::Heic)
        );
    }
    assert_eq!(Refusal::Heic.code(), "file_heic");
    // A video is not a photo in a format we could ask for instead: still an unknown kind.
    assert_eq!(
        clean(&files::mp4_trailer(), None, MAX).err(),
        Some(Refusal::UnknownKind)
    );
}
