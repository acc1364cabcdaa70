//! Cleaning files before they are sealed: every metadata block goes, GPS is read first, and
//! what is not what it claims, hides a second file or declares too many pixels is refused.

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
    let mut appended = jpeg.clone();
    appended.extend_from_slice(b"PK\x03\x04 a zip archive follows");
    assert_eq!(clean(&appended, None, MAX).err(), Some(Refusal::Malformed));
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
