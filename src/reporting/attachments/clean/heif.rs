//! Recognising a HEIF photo (an iPhone's HEIC, or AVIF) so that it is refused with a message
//! that says what to send instead, rather than "not a kind we take".
//!
//! An ISO-BMFF file opens with an `ftyp` box: its size, `ftyp`, a major brand, a minor version,
//! then compatible brands, four bytes each. A HEIF image names an image brand among them; an
//! MP4 or QuickTime video names none, and stays an unknown kind.

/// The brands of HEIF still images and image sequences (ISO/IEC 23008-12, and AV1's AVIF).
const IMAGE_BRANDS: &[&[u8; 4]] = &[
    b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"mif2",
    b"msf1", b"avif", b"avis", b"avci", b"avcs",
];

/// Whether `bytes` open with an `ftyp` box naming a HEIF image brand, as major or compatible
/// brand. Only the box's own bytes are read, however long it claims to be.
pub(super) fn is_heif(bytes: &[u8]) -> bool {
    let Some(size) = bytes.get(..4) else {
        return false;
    };
    if bytes.get(4..8) != Some(b"ftyp".as_slice()) {
        return false;
    }
    let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]);
    // 0 means "to the end of the file", 1 a 64-bit size: read what is there either way.
    let end = match usize::try_from(size) {
        Ok(size) if size >= 16 => size.min(bytes.len()),
        _ => bytes.len().min(64),
    };
    let major = bytes.get(8..12);
    let compatible = bytes.get(16..end).unwrap_or_default().chunks_exact(4);
    major
        .into_iter()
        .chain(compatible)
        .any(|brand| IMAGE_BRANDS.iter().any(|b| b.as_slice() == brand))
}

#[cfg(test)]
mod tests {
    use super::is_heif;

    fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = u32::try_from(16 + 4 * compatible.len()).unwrap_or(0);
        let mut out = size.to_be_bytes().to_vec();
        out.extend_from_slice(b"ftyp");
        out.extend_from_slice(major);
        out.extend_from_slice(&[0; 4]);
        for brand in compatible {
            out.extend_from_slice(*brand);
        }
        out.extend_from_slice(b"\0\0\0\x08meta");
        out
    }

    #[test]
    fn an_iphone_photo_and_an_avif_are_heif() {
        assert!(is_heif(&ftyp(b"heic", &[b"mif1", b"heic"])));
        assert!(is_heif(&ftyp(b"mif1", &[b"heic"])));
        assert!(is_heif(&ftyp(b"avif", &[b"avif", b"mif1", b"miaf"])));
        // A brand the list does not know, with a compatible one it does.
        assert!(is_heif(&ftyp(b"MiHE", &[b"miaf", b"MiHB", b"heic"])));
    }

    #[test]
    fn a_video_and_other_files_are_not() {
        assert!(!is_heif(&ftyp(
            b"isom",
            &[b"isom", b"iso2", b"avc1", b"mp41"]
        )));
        assert!(!is_heif(&ftyp(b"qt  ", &[b"qt  "])));
        assert!(!is_heif(b"\0\0\0\x18ftyp"));
        assert!(!is_heif(b"\xFF\xD8\xFF\xE0"));
        assert!(!is_heif(b""));
        // A brand past the box's own end does not count.
        let mut short = ftyp(b"isom", &[b"isom"]);
        short.extend_from_slice(b"heic");
        assert!(!is_heif(&short));
    }
}
