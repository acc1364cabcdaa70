//! Real files made in the test, carrying what phones and office programs write into them: EXIF
//! with a GPS position and a camera serial, XMP, IPTC, comments, a PDF's author.

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};

pub const SERIAL: &[u8] = b"CAMSERIAL-0042";
pub const AUTHOR: &[u8] = b"Jane Recruiter";

/// An EXIF block (TIFF) with a camera serial and a GPS position (16.7 N or S, 98.5 E).
pub fn exif_with_gps(south: bool) -> Vec<u8> {
    let r = |n: u32, d: u32| Rational { num: n, denom: d };
    let ascii = |tag: Tag, text: &[u8]| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![text.to_vec()]),
    };
    let rational = |tag: Tag, parts: Vec<Rational>| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Rational(parts),
    };
    let fields = [
        ascii(Tag::Make, b"PhoneMaker"),
        ascii(Tag::BodySerialNumber, SERIAL),
        ascii(Tag::GPSLatitudeRef, if south { b"S" } else { b"N" }),
        rational(Tag::GPSLatitude, vec![r(16, 1), r(42, 1), r(0, 1)]),
        ascii(Tag::GPSLongitudeRef, b"E"),
        rational(Tag::GPSLongitude, vec![r(98, 1), r(30, 1), r(0, 1)]),
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

pub fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap_or(0).to_be_bytes());
    s.extend_from_slice(contents);
    s
}

/// The entropy-coded data a small scan might hold: stuffed bytes and a restart marker.
pub const SCAN: &[u8] = &[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56];

/// A baseline JPEG's structure: JFIF, EXIF (GPS and serial), XMP, IPTC and a comment around the
/// tables, frame and scan a decoder needs; `scan` is the entropy-coded data (no 0xFF in it
/// unless stuffed).
pub fn jpeg(width: u16, height: u16, scan: &[u8]) -> Vec<u8> {
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_with_gps(false));
    jpeg_with(
        width,
        height,
        scan,
        &[
            segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"),
            segment(0xE1, &exif),
            segment(
                0xE1,
                b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>author</x:xmpmeta>",
            ),
            segment(0xED, b"Photoshop 3.0\0IPTC-byline"),
            segment(0xFE, b"a comment naming the owner"),
        ],
    )
}

/// A baseline JPEG: `before` (whole segments) after its start, then the tables, frame, scan
/// header, `scan` and its end.
pub fn jpeg_with(width: u16, height: u16, scan: &[u8], before: &[Vec<u8>]) -> Vec<u8> {
    let mut frame = vec![8];
    frame.extend_from_slice(&height.to_be_bytes());
    frame.extend_from_slice(&width.to_be_bytes());
    frame.extend_from_slice(&[1, 1, 0x11, 0]);
    let mut out = vec![0xFF, 0xD8];
    for s in before {
        out.extend_from_slice(s);
    }
    out.extend(segment(0xDB, &[0u8; 65]));
    out.extend(segment(0xC0, &frame));
    out.extend(segment(0xC4, &[0u8; 29]));
    out.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
    out.extend_from_slice(scan);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// The primary image's pixels in the phone photos below: what a cleaned copy must end with,
/// followed by the end of image.
pub const PRIMARY_SCAN: &[u8] = b"PRIMARY-PIXELS\xFF\x00\x01\xFF\xD3\x02";

/// An XMP APP1 segment.
fn xmp(packet: &str) -> Vec<u8> {
    let mut contents = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    contents.extend_from_slice(packet.as_bytes());
    segment(0xE1, &contents)
}

/// A GPS EXIF APP1 segment, as the phones below write it.
fn exif_segment() -> Vec<u8> {
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_with_gps(false));
    segment(0xE1, &exif)
}

/// The MPF APP2 segment (CIPA DC-007) of a primary image of `primary` bytes followed by a gain
/// map of `gain_map` bytes at `offset` from the segment's TIFF header.
fn mpf(primary: u32, gain_map: u32, offset: u32) -> Vec<u8> {
    let mut c = b"MPF\0MM\0\x2A\0\0\0\x08".to_vec();
    c.extend_from_slice(&3u16.to_be_bytes());
    // MPFVersion "0100", NumberOfImages 2, MPEntry: 32 bytes at 50.
    c.extend_from_slice(&[0xB0, 0x00, 0, 7, 0, 0, 0, 4]);
    c.extend_from_slice(b"0100");
    c.extend_from_slice(&[0xB0, 0x01, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2]);
    c.extend_from_slice(&[0xB0, 0x02, 0, 7, 0, 0, 0, 32, 0, 0, 0, 50]);
    c.extend_from_slice(&[0; 4]);
    // The primary image (baseline, representative), then the gain map.
    c.extend_from_slice(&0x0003_0000u32.to_be_bytes());
    c.extend_from_slice(&primary.to_be_bytes());
    c.extend_from_slice(&[0; 8]);
    c.extend_from_slice(&0u32.to_be_bytes());
    c.extend_from_slice(&gain_map.to_be_bytes());
    c.extend_from_slice(&offset.to_be_bytes());
    c.extend_from_slice(&[0; 4]);
    segment(0xE2, &c)
}

/// What an Ultra HDR photo (Android 14 and later) looks like: a primary JPEG with EXIF, an XMP
/// packet naming the gain map in a container directory (hdrgm), and an MPF APP2 segment
/// pointing at the gain map, a second JPEG with its own XMP appended after the primary's end.
pub fn ultra_hdr() -> Vec<u8> {
    let gain_map = jpeg_with(
        20,
        15,
        b"GAIN-MAP-PIXELS",
        &[xmp(
            r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0" hdrgm:GainMapMax="2.3" hdrgm:HDRCapacityMax="2.3"/></rdf:RDF></x:xmpmeta>"#,
        )],
    );
    let directory = format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:Container="http://ns.google.com/photos/1.0/container/" xmlns:Item="http://ns.google.com/photos/1.0/container/item/" xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0"><Container:Directory><rdf:Seq><rdf:li rdf:parseType="Resource"><Container:Item Item:Semantic="Primary" Item:Mime="image/jpeg"/></rdf:li><rdf:li rdf:parseType="Resource"><Container:Item Item:Semantic="GainMap" Item:Mime="image/jpeg" Item:Length="{}"/></rdf:li></rdf:Seq></Container:Directory></rdf:Description></rdf:RDF></x:xmpmeta>"#,
        gain_map.len()
    );
    let build = |mpf_segment: Vec<u8>| {
        jpeg_with(
            40,
            30,
            PRIMARY_SCAN,
            &[exif_segment(), xmp(&directory), mpf_segment],
        )
    };
    // Built twice: the MPF segment holds sizes and offsets that depend on where it lands.
    let first = build(mpf(0, 0, 0));
    let tiff_at = 2 + exif_segment().len() + xmp(&directory).len() + 4 + 4;
    let size = |n: usize| u32::try_from(n).unwrap_or(0);
    let mut out = build(mpf(
        size(first.len()),
        size(gain_map.len()),
        size(first.len() - tiff_at),
    ));
    out.extend(gain_map);
    out
}

/// The video a Motion Photo carries: an MP4 `ftyp` box, then media data holding (as real
/// video does) bytes that look like JPEG markers.
pub fn mp4_trailer() -> Vec<u8> {
    let mut out = vec![0, 0, 0, 0x18];
    out.extend_from_slice(b"ftypmp42\0\0\0\0isommp42");
    let data = b"VIDEO-OF-THE-ROOM\xFF\xD8\xFF\xD9\x00\x01";
    out.extend_from_slice(&u32::try_from(8 + data.len()).unwrap_or(0).to_be_bytes());
    out.extend_from_slice(b"mdat");
    out.extend_from_slice(data);
    out
}

/// A Google Motion Photo: XMP with Camera:MotionPhoto and a container directory naming the
/// video, and the MP4 appended after the image's end.
pub fn motion_photo() -> Vec<u8> {
    let video = mp4_trailer();
    let packet = format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:Camera="http://ns.google.com/photos/1.0/camera/" xmlns:Container="http://ns.google.com/photos/1.0/container/" xmlns:Item="http://ns.google.com/photos/1.0/container/item/" Camera:MotionPhoto="1" Camera:MotionPhotoVersion="1" Camera:MotionPhotoPresentationTimestampUs="1466000"><Container:Directory><rdf:Seq><rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0" Item:Padding="0"/></rdf:li><rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="{}" Item:Padding="0"/></rdf:li></rdf:Seq></Container:Directory></rdf:Description></rdf:RDF></x:xmpmeta>"#,
        video.len()
    );
    let mut out = jpeg_with(40, 30, PRIMARY_SCAN, &[exif_segment(), xmp(&packet)]);
    out.extend(video);
    out
}

/// A Samsung photo: the image, then Samsung's trailer (named data blocks, then the "SEFH"
/// directory and its "SEFT" end), the first naming when the photo was taken.
pub fn samsung_photo() -> Vec<u8> {
    let mut out = jpeg_with(40, 30, PRIMARY_SCAN, &[exif_segment()]);
    let start = out.len();
    let block = b"\0\0\x01\x0a\x0e\0\0\0Image_UTC_Data1764400000000";
    out.extend_from_slice(block);
    let directory_at = out.len();
    out.extend_from_slice(b"SEFH");
    out.extend_from_slice(&106u32.to_le_bytes());
    out.extend_from_slice(&1u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0x01, 0x0a]);
    out.extend_from_slice(
        &u32::try_from(directory_at - start)
            .unwrap_or(0)
            .to_le_bytes(),
    );
    out.extend_from_slice(&u32::try_from(block.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(
        &u32::try_from(out.len() - directory_at)
            .unwrap_or(0)
            .to_le_bytes(),
    );
    out.extend_from_slice(b"SEFT");
    out
}

/// A photo taken holding the phone upright (EXIF Orientation 6: turn 90° clockwise to show
/// it), with what a phone writes beside it: make, serial, GPS, the time, and a thumbnail
/// (itself a JPEG, with its own end) in IFD1. Little-endian, as Samsung writes it.
pub fn rotated_photo() -> Vec<u8> {
    let r = |n: u32, d: u32| Rational { num: n, denom: d };
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![6]),
        },
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
            tag: Tag::DateTimeOriginal,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"2026:11:30 21:14:05".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
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
        Field {
            tag: Tag::Orientation,
            ifd_num: In::THUMBNAIL,
            value: Value::Short(vec![6]),
        },
    ];
    let thumbnail = jpeg_with(8, 6, b"THUMBNAIL-PIXELS", &[]);
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    writer.set_jpeg(&thumbnail, In::THUMBNAIL);
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer
        .write(&mut tiff, true)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(tiff.into_inner());
    jpeg_with(40, 30, PRIMARY_SCAN, &[segment(0xE1, &exif)])
}

/// The start of an iPhone photo (HEIC): an `ftyp` box with the HEIF brands, then the `meta` box.
pub fn heic() -> Vec<u8> {
    let mut out = vec![0, 0, 0, 0x18];
    out.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    out.extend_from_slice(b"\0\0\x01\x00meta\0\0\0\0\0\0\0\x22hdlr\0\0\0\0\0\0\0\0pict");
    out.resize(600, 0);
    out
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
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

pub fn png(width: u32, height: u32, extra: &[Vec<u8>]) -> Vec<u8> {
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

pub fn webp(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
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

/// A one-page PDF with an author in its information dictionary and an XMP stream in its
/// catalog.
pub fn pdf_with_author() -> Vec<u8> {
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

/// What a PDF's page draws in `pdf_with_everything`.
pub const PDF_TEXT: &[u8] = b"They took my passport";

/// A one-page PDF carrying what office programs, phones and trackers put into one: an author
/// in its information dictionary, a file identifier, an XMP stream, an embedded file, a link
/// with a URI action, JavaScript run on opening, a form field's value, and a photo with EXIF
/// and GPS drawn on the page beside a line of text.
pub fn pdf_with_everything() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream, StringFormat};
    let text = |s: &[u8]| Object::String(s.to_vec(), StringFormat::Literal);
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let photo = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 48,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        },
        jpeg(64, 48, SCAN),
    ));
    let mut drawn = b"BT /F1 12 Tf 20 100 Td (".to_vec();
    drawn.extend_from_slice(PDF_TEXT);
    drawn.extend_from_slice(b") Tj ET q 64 0 0 48 10 10 cm /Im1 Do Q");
    let content = doc.add_object(Stream::new(dictionary! {}, drawn));
    let link = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link", "T" => text(AUTHOR),
        "A" => dictionary! { "S" => "URI", "URI" => text(b"https://tracker.example/r?id=42") },
        "Rect" => vec![0.into(), 0.into(), 200.into(), 200.into()],
    });
    let field = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
        "T" => text(b"reporter_phone"), "V" => text(b"+855 99 888 777"),
        "Rect" => vec![0.into(), 0.into(), 100.into(), 20.into()],
    });
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => dictionary! { "Im1" => photo },
        },
        "Annots" => vec![link.into(), field.into()],
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
    let attached = doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile" },
        b"the reporter's contact list".to_vec(),
    ));
    let spec = doc.add_object(dictionary! {
        "Type" => "Filespec", "F" => text(b"contacts.txt"), "EF" => dictionary! { "F" => attached },
    });
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages_id, "Metadata" => xmp,
        "Names" => dictionary! { "EmbeddedFiles" => dictionary! {
            "Names" => vec![text(b"contacts.txt"), spec.into()],
        }},
        "OpenAction" => dictionary! {
            "S" => "JavaScript", "JS" => text(b"app.launchURL('https://tracker.example/open')"),
        },
        "AcroForm" => dictionary! { "Fields" => vec![field.into()] },
    });
    let info = doc.add_object(dictionary! { "Author" => text(AUTHOR) });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let id = text(b"ID-OF-THE-OWNERS-COPY");
    doc.trailer.set("ID", vec![id.clone(), id]);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A PDF of 1.2 MiB whose forty object streams each inflate to a 30 MiB string of zeros: 1.2
/// GiB once loaded, which lopdf's reader held whatever its limit on one stream. Its one page
/// draws `PDF_TEXT`.
pub fn pdf_object_stream_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut member = b"(".to_vec();
    member.resize(30 * 1024 * 1024, b'0');
    member.push(b')');
    let mut content = b"100 0 ".to_vec();
    let first = content.len();
    content.extend(member);
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&content)
        .unwrap_or_else(|e| panic!("{e}"));
    let data = encoder.finish().unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "BT /F1 12 Tf 20 100 Td ({}) Tj ET",
        String::from_utf8_lossy(PDF_TEXT)
    );
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /MediaBox [0 0 300 200] >>".to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", text.len()).as_bytes(),
            text.as_bytes(),
            b"\nendstream",
        ]
        .concat(),
    ];
    for _ in 0..40 {
        let dict = format!(
            "<< /Type /ObjStm /N 1 /First {first} /Filter /FlateDecode /Length {} >>\nstream\n",
            data.len()
        );
        objects.push([dict.as_bytes(), &data, b"\nendstream"].concat());
    }
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}
