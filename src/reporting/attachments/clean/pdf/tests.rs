//! Each kind of metadata a PDF can carry, put there by lopdf the way office programs, phones,
//! signing tools and trackers put it, and gone from what the cleaner writes; the page's text
//! stays and the result still loads.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::super::Refusal;
use super::load::{Bound, Budget};
use super::{clean, clean_counted};

const MAX: u64 = 40_000_000;
const AUTHOR: &[u8] = b"Jane Recruiter";
const TEXT: &[u8] = b"They took my passport";
const TRACKER: &[u8] = b"tracker.example";
const SERIAL: &[u8] = b"CAMSERIAL-0042";

/// A one-page document whose page draws `TEXT` in Helvetica.
struct Pdf {
    doc: Document,
    catalog: ObjectId,
    page: ObjectId,
}

impl Pdf {
    fn new() -> Pdf {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let content = format!(
            "BT /F1 12 Tf 20 100 Td ({}) Tj ET",
            String::from_utf8_lossy(TEXT)
        );
        let content = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 300.into(), 200.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        Pdf { doc, catalog, page }
    }

    fn catalog(&mut self) -> &mut Dictionary {
        dict(&mut self.doc, self.catalog)
    }

    fn page(&mut self) -> &mut Dictionary {
        dict(&mut self.doc, self.page)
    }

    /// Adds an annotation to the page.
    fn annotate(&mut self, annotation: Dictionary) -> ObjectId {
        let id = self.doc.add_object(annotation);
        let page = self.page();
        match page.get_mut(b"Annots") {
            Ok(Object::Array(annots)) => annots.push(id.into()),
            _ => page.set("Annots", vec![Object::from(id)]),
        }
        id
    }

    /// Adds an image XObject `/Im1` holding `jpeg` and draws it.
    fn draw_jpeg(&mut self, jpeg: Vec<u8>) -> ObjectId {
        let image = self.doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 48,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
            },
            jpeg,
        ));
        let content = self.doc.add_object(Stream::new(
            dictionary! {},
            b"q 64 0 0 48 10 10 cm /Im1 Do Q".to_vec(),
        ));
        let page = self.page();
        if let Ok(Object::Dictionary(resources)) = page.get_mut(b"Resources") {
            resources.set("XObject", dictionary! { "Im1" => image });
        }
        let first = page.get(b"Contents").cloned().unwrap_or(Object::Null);
        page.set("Contents", vec![first, content.into()]);
        image
    }

    fn save(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        self.doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
        out
    }
}

fn dict(doc: &mut Document, id: ObjectId) -> &mut Dictionary {
    match doc.get_object_mut(id) {
        Ok(Object::Dictionary(d)) => d,
        _ => panic!("{id:?} is a dictionary"),
    }
}

fn text(s: &[u8]) -> Object {
    Object::String(s.to_vec(), StringFormat::Literal)
}

fn uri_action(uri: &str) -> Object {
    Object::Dictionary(dictionary! { "S" => "URI", "URI" => text(uri.as_bytes()) })
}

fn cleaned(original: &[u8]) -> Vec<u8> {
    let out = clean(original, MAX).unwrap_or_else(|e| panic!("{e}"));
    out.bytes.to_vec()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `needle` was in the original and is in no form in the cleaned file.
fn gone(original: &[u8], out: &[u8], needle: &[u8]) {
    assert!(contains(original, needle), "the original holds it");
    assert!(
        !contains(out, needle),
        "{} is still there",
        String::from_utf8_lossy(needle)
    );
}

/// The cleaned file loads, has `pages` pages, and each draws the text.
fn still_draws(out: &[u8], pages: usize) -> Document {
    let reopened = Document::load_mem(out).unwrap_or_else(|e| panic!("{e}"));
    let ids = reopened.get_pages();
    assert_eq!(ids.len(), pages);
    for id in ids.values() {
        let content = reopened.get_page_content(*id);
        assert!(
            contains(&content, TEXT),
            "{}",
            String::from_utf8_lossy(&content)
        );
    }
    reopened
}

/// What a phone writes into a photo: an EXIF block with a camera serial and a GPS position.
fn exif_with_gps() -> Vec<u8> {
    use exif::experimental::Writer;
    use exif::{Field, In, Rational, Tag, Value};
    let r = |num: u32| Rational { num, denom: 1 };
    let field = |tag: Tag, value: Value| Field {
        tag,
        ifd_num: In::PRIMARY,
        value,
    };
    let fields = [
        field(Tag::BodySerialNumber, Value::Ascii(vec![SERIAL.to_vec()])),
        field(Tag::GPSLatitudeRef, Value::Ascii(vec![b"N".to_vec()])),
        field(Tag::GPSLatitude, Value::Rational(vec![r(16), r(42), r(0)])),
        field(Tag::GPSLongitudeRef, Value::Ascii(vec![b"E".to_vec()])),
        field(Tag::GPSLongitude, Value::Rational(vec![r(98), r(30), r(0)])),
    ];
    let mut writer = Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer
        .write(&mut out, false)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut block = b"Exif\0\0".to_vec();
    block.extend(out.into_inner());
    block
}

fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap_or(0).to_be_bytes());
    s.extend_from_slice(contents);
    s
}

/// A baseline JPEG's structure with EXIF (GPS, serial) and a comment around what draws it.
fn jpeg_with_gps(width: u16, height: u16) -> Vec<u8> {
    let mut frame = vec![8];
    frame.extend_from_slice(&height.to_be_bytes());
    frame.extend_from_slice(&width.to_be_bytes());
    frame.extend_from_slice(&[1, 1, 0x11, 0]);
    let mut out = vec![0xFF, 0xD8];
    out.extend(segment(0xE1, &exif_with_gps()));
    out.extend(segment(0xFE, b"a comment naming the owner"));
    out.extend(segment(0xDB, &[0u8; 65]));
    out.extend(segment(0xC0, &frame));
    out.extend(segment(0xC4, &[0u8; 29]));
    out.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
    out.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0x56]);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

#[test]
fn info_dictionary_author_is_gone() {
    let mut pdf = Pdf::new();
    let info = pdf.doc.add_object(dictionary! {
        "Author" => text(AUTHOR),
        "Creator" => text(b"OfficeSuite"),
        "Producer" => text(b"PDF printer on LAPTOP-OWNER"),
        "CreationDate" => text(b"D:20260301120000+07'00'"),
    });
    pdf.doc.trailer.set("Info", info);
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    gone(&original, &out, b"LAPTOP-OWNER");
    gone(&original, &out, b"D:2026");
    let reopened = still_draws(&out, 1);
    assert!(reopened.trailer.get(b"Info").is_err());
}

#[test]
fn xmp_metadata_stream_is_gone() {
    let mut pdf = Pdf::new();
    let xmp = b"<x:xmpmeta><dc:creator>Jane Recruiter</dc:creator></x:xmpmeta>".to_vec();
    let xmp = pdf.doc.add_object(Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp,
    ));
    pdf.catalog().set("Metadata", xmp);
    pdf.page().set("Metadata", xmp);
    let image = pdf.draw_jpeg(jpeg_with_gps(64, 48));
    if let Ok(Object::Stream(image)) = pdf.doc.get_object_mut(image) {
        image.dict.set("Metadata", xmp);
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, b"xmpmeta");
    gone(&original, &out, AUTHOR);
    gone(&original, &out, b"/Metadata");
    still_draws(&out, 1);
}

#[test]
fn document_id_is_gone() {
    let mut pdf = Pdf::new();
    let id = Object::String(b"ID-OF-THE-OWNERS-COPY".to_vec(), StringFormat::Literal);
    pdf.doc.trailer.set("ID", vec![id.clone(), id]);
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, b"ID-OF-THE-OWNERS-COPY");
    let reopened = still_draws(&out, 1);
    assert!(reopened.trailer.get(b"ID").is_err());
}

#[test]
fn embedded_files_are_gone() {
    let mut pdf = Pdf::new();
    let file = pdf.doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile", "Subtype" => "text#2Fplain" },
        b"the reporter's contact list".to_vec(),
    ));
    let spec = pdf.doc.add_object(dictionary! {
        "Type" => "Filespec", "F" => text(b"contacts.txt"), "UF" => text(b"contacts.txt"),
        "EF" => dictionary! { "F" => file },
    });
    pdf.catalog().set(
        "Names",
        dictionary! { "EmbeddedFiles" => dictionary! {
            "Names" => vec![text(b"contacts.txt"), spec.into()],
        }},
    );
    // The same file attached to the page, and reached from a resource's odd key.
    pdf.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "FileAttachment", "FS" => spec,
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    });
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set("XObject", dictionary! { "Hidden" => spec });
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, b"contact list");
    gone(&original, &out, b"contacts.txt");
    gone(&original, &out, b"EmbeddedFile");
    gone(&original, &out, b"/Names");
    still_draws(&out, 1);
}

#[test]
fn annotation_author_is_gone() {
    let mut pdf = Pdf::new();
    let popup = pdf.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Popup", "Open" => true,
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    });
    pdf.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "Text", "T" => text(AUTHOR),
        "Contents" => text(b"reviewed by the recruiter"), "Popup" => popup,
        "M" => text(b"D:20260301120000"), "NM" => text(b"note-7f3a"),
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    });
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    gone(&original, &out, b"reviewed by");
    gone(&original, &out, b"/Annots");
    gone(&original, &out, b"Popup");
    still_draws(&out, 1);
}

#[test]
fn link_annotation_uri_action_is_gone() {
    let mut pdf = Pdf::new();
    pdf.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "A" => uri_action("https://tracker.example/r?id=42"),
        "Rect" => vec![0.into(), 0.into(), 300.into(), 200.into()],
    });
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, TRACKER);
    gone(&original, &out, b"/URI");
    gone(&original, &out, b"Link");
    still_draws(&out, 1);
}

#[test]
fn open_action_javascript_is_gone() {
    let mut pdf = Pdf::new();
    let script = dictionary! {
        "S" => "JavaScript", "JS" => text(b"app.launchURL('https://tracker.example/open')"),
    };
    pdf.catalog().set("OpenAction", script.clone());
    let named = pdf.doc.add_object(script);
    pdf.catalog().set(
        "Names",
        dictionary! { "JavaScript" => dictionary! {
            "Names" => vec![text(b"init"), named.into()],
        }},
    );
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, b"launchURL");
    gone(&original, &out, b"JavaScript");
    gone(&original, &out, b"OpenAction");
    still_draws(&out, 1);
}

#[test]
fn additional_actions_are_gone() {
    let mut pdf = Pdf::new();
    pdf.catalog().set(
        "AA",
        dictionary! { "WC" => uri_action("https://tracker.example/closed") },
    );
    pdf.page().set(
        "AA",
        dictionary! { "O" => uri_action("https://tracker.example/opened") },
    );
    // A form XObject carrying actions too: forms are walked, and their actions do not come.
    let form = pdf.doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "AA" => dictionary! { "PO" => uri_action("https://tracker.example/form") },
        },
        b"0 0 10 10 re f".to_vec(),
    ));
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set("XObject", dictionary! { "Fm1" => form });
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, TRACKER);
    gone(&original, &out, b"/AA");
    let reopened = still_draws(&out, 1);
    assert!(
        reopened
            .objects
            .values()
            .any(|o| o.as_stream().is_ok_and(|s| s
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .ok()
                == Some(b"Form".as_slice()))),
        "the form itself stays"
    );
}

#[test]
fn signature_field_name_and_certificate_are_gone() {
    let mut pdf = Pdf::new();
    let signature = pdf.doc.add_object(dictionary! {
        "Type" => "Sig", "Filter" => "Adobe.PPKLite", "SubFilter" => "adbe.pkcs7.detached",
        "Name" => text(AUTHOR), "Location" => text(b"Phnom Penh"),
        "ContactInfo" => text(b"+855 12 345 678"), "M" => text(b"D:20260301120000"),
        "Contents" => Object::String(b"CERTIFICATE-SERIAL-77".to_vec(), StringFormat::Hexadecimal),
        "ByteRange" => vec![0.into(), 10.into(), 20.into(), 30.into()],
    });
    let field = pdf.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Sig",
        "T" => text(b"Signature of the recruiter"), "V" => signature,
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    });
    pdf.catalog().set(
        "AcroForm",
        dictionary! { "Fields" => vec![field.into()], "SigFlags" => 3 },
    );
    pdf.catalog()
        .set("Perms", dictionary! { "DocMDP" => signature });
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    gone(&original, &out, b"Phnom Penh");
    gone(&original, &out, b"+855");
    gone(&original, &out, b"Signature of");
    gone(&original, &out, b"PPKLite");
    // The certificate was written in hexadecimal.
    let hex: Vec<u8> = b"CERTIFICATE"
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    gone(&original, &out, &hex);
    gone(&original, &out, b"/Perms");
    still_draws(&out, 1);
}

#[test]
fn embedded_jpeg_loses_its_exif_and_gps() {
    let mut pdf = Pdf::new();
    pdf.draw_jpeg(jpeg_with_gps(64, 48));
    let original = pdf.save();
    let result = clean(&original, MAX).unwrap_or_else(|e| panic!("{e}"));
    let out = result.bytes.to_vec();
    gone(&original, &out, b"Exif");
    gone(&original, &out, SERIAL);
    gone(&original, &out, b"naming the owner");
    assert!(
        result.gps.is_none(),
        "a photo in a document is not the reporter's position"
    );
    let reopened = still_draws(&out, 1);
    let images: Vec<&Stream> = reopened
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .collect();
    assert_eq!(images.len(), 1, "the image is still drawn");
    let image = &images[0].content;
    assert!(image.starts_with(&[0xFF, 0xD8]) && image.ends_with(&[0xFF, 0xD9]));
    assert!(!contains(image, b"GPS") && !contains(image, &[0xFF, 0xE1]));
}

#[test]
fn inline_jpeg_in_a_content_stream_loses_its_exif() {
    let mut pdf = Pdf::new();
    let mut content = b"q 64 0 0 48 10 10 cm BI /W 64 /H 48 /CS /G /BPC 8 /F /DCT ID ".to_vec();
    content.extend(jpeg_with_gps(64, 48));
    content.extend_from_slice(b"\nEI Q");
    let content = pdf.doc.add_object(Stream::new(dictionary! {}, content));
    let page = pdf.page();
    let first = page.get(b"Contents").cloned().unwrap_or(Object::Null);
    page.set("Contents", vec![first, content.into()]);
    let original = pdf.save();
    let out = cleaned(&original);
    let reopened = still_draws(&out, 1);
    let drawn = reopened
        .get_pages()
        .values()
        .map(|id| reopened.get_page_content(*id))
        .next()
        .unwrap_or_default();
    assert!(contains(&drawn, b"BI") && contains(&drawn, &[0xFF, 0xD8]));
    assert!(!contains(&drawn, SERIAL) && !contains(&drawn, b"Exif"));
    assert!(!contains(&out, SERIAL));
}

#[test]
fn text_that_says_bi_and_other_inline_images_stay_as_they_are() {
    let mut pdf = Pdf::new();
    let mut content = b"BT /F1 12 Tf 20 50 Td (the BI ID report \\) BI) Tj ET % BI\n".to_vec();
    // Two 2 x 2 grey images whose data happens to read "EI" and "BI".
    content.extend_from_slice(b"q 20 0 0 20 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \nEI  EI Q\n");
    content.extend_from_slice(b"q 20 0 0 20 90 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID BI \x01 EI Q");
    let content = pdf
        .doc
        .add_object(Stream::new(dictionary! {}, content.clone()));
    let page = pdf.page();
    let first = page.get(b"Contents").cloned().unwrap_or(Object::Null);
    page.set("Contents", vec![first, content.into()]);
    let original = pdf.save();
    let out = cleaned(&original);
    assert!(contains(&out, b"(the BI ID report \\) BI) Tj"));
    assert!(contains(&out, b"/BPC 8 ID \nEI  EI Q"));
    assert!(contains(&out, b"/BPC 8 ID BI \x01 EI Q"));
    still_draws(&out, 1);
}

#[test]
fn launch_goto_remote_and_submit_actions_are_gone() {
    let mut pdf = Pdf::new();
    pdf.catalog().set(
        "OpenAction",
        dictionary! {
            "S" => "Launch", "F" => text(b"cmd.exe"),
            "Win" => dictionary! { "F" => text(b"cmd.exe"), "P" => text(b"/c curl tracker.example") },
            "Next" => dictionary! { "S" => "GoToR", "F" => text(b"\\\\tracker.example\\share\\a.pdf") },
        },
    );
    pdf.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "A" => dictionary! { "S" => "SubmitForm", "F" => text(b"https://tracker.example/submit") },
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    });
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, b"cmd.exe");
    gone(&original, &out, b"Launch");
    gone(&original, &out, b"GoToR");
    gone(&original, &out, b"SubmitForm");
    gone(&original, &out, TRACKER);
    still_draws(&out, 1);
}

#[test]
fn acroform_field_values_are_gone() {
    let mut pdf = Pdf::new();
    let appearance = pdf.doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 100.into(), 20.into()],
        },
        b"BT /F1 10 Tf 2 5 Td (+855 99 888 777) Tj ET".to_vec(),
    ));
    let field = pdf.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
        "T" => text(b"reporter_phone"), "V" => text(b"+855 99 888 777"),
        "AP" => dictionary! { "N" => appearance },
        "Rect" => vec![0.into(), 0.into(), 100.into(), 20.into()],
    });
    pdf.catalog().set(
        "AcroForm",
        dictionary! { "Fields" => vec![field.into()], "NeedAppearances" => true },
    );
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, b"+855 99 888 777");
    gone(&original, &out, b"reporter_phone");
    gone(&original, &out, b"AcroForm");
    still_draws(&out, 1);
}

#[test]
fn outlines_thumbnails_structure_and_layers_are_gone() {
    let mut pdf = Pdf::new();
    let outline = pdf.doc.add_object(dictionary! {
        "Title" => text(b"Chapter by Jane Recruiter"), "A" => uri_action("https://tracker.example/o"),
    });
    pdf.catalog().set(
        "Outlines",
        dictionary! { "Type" => "Outlines", "First" => outline, "Last" => outline, "Count" => 1 },
    );
    pdf.catalog().set(
        "StructTreeRoot",
        dictionary! { "Type" => "StructTreeRoot", "K" => dictionary! { "Alt" => text(b"alt text by Jane Recruiter") } },
    );
    let layer = pdf
        .doc
        .add_object(dictionary! { "Type" => "OCG", "Name" => text(b"Jane Recruiter's notes") });
    pdf.catalog().set(
        "OCProperties",
        dictionary! { "OCGs" => vec![layer.into()], "D" => dictionary! { "ON" => vec![layer.into()] } },
    );
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set("Properties", dictionary! { "MC0" => layer });
    }
    let thumb = pdf.doc.add_object(Stream::new(
        dictionary! { "Width" => 64, "Height" => 48, "ColorSpace" => "DeviceGray",
        "BitsPerComponent" => 8, "Filter" => "DCTDecode" },
        jpeg_with_gps(64, 48),
    ));
    pdf.page().set("Thumb", thumb);
    pdf.page().set(
        "PieceInfo",
        dictionary! { "Word" => dictionary! {
        "LastModified" => text(b"D:2026"), "Private" => text(AUTHOR) } },
    );
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    gone(&original, &out, TRACKER);
    gone(&original, &out, SERIAL);
    gone(&original, &out, b"Outlines");
    gone(&original, &out, b"StructTreeRoot");
    gone(&original, &out, b"OCProperties");
    gone(&original, &out, b"Thumb");
    gone(&original, &out, b"PieceInfo");
    let reopened = still_draws(&out, 1);
    // The layer's name is kept in the content, so the property list stays, empty.
    let page = reopened.get_pages().values().next().copied();
    let resources = page
        .and_then(|p| reopened.get_page_resources(p).ok())
        .and_then(|(r, _)| r.cloned())
        .unwrap_or_default();
    let properties = resources.get(b"Properties").and_then(Object::as_dict);
    assert!(properties.is_ok_and(|p| p
        .get(b"MC0")
        .and_then(Object::as_dict)
        .is_ok_and(Dictionary::is_empty)));
}

#[test]
fn the_catalog_and_pages_hold_only_what_draws() {
    let mut pdf = Pdf::new();
    pdf.catalog().set("Lang", text(b"km-KH"));
    pdf.catalog().set(
        "URI",
        dictionary! { "Base" => text(b"https://tracker.example/") },
    );
    pdf.page().set("LastModified", text(b"D:20260301"));
    pdf.page().set("Rotate", 90);
    let original = pdf.save();
    let out = cleaned(&original);
    let reopened = still_draws(&out, 1);
    let catalog = reopened.catalog().unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<&[u8]> = catalog.iter().map(|(k, _)| k.as_slice()).collect();
    assert_eq!(keys, [b"Type".as_slice(), b"Pages"]);
    let page = reopened.get_pages().values().next().copied();
    let page = page
        .and_then(|p| reopened.get_dictionary(p).ok())
        .unwrap_or_else(|| panic!("a page"));
    for (key, _) in page.iter() {
        assert!(
            [
                b"Type".as_slice(),
                b"Parent",
                b"MediaBox",
                b"Rotate",
                b"Resources",
                b"Contents"
            ]
            .contains(&key.as_slice()),
            "{}",
            String::from_utf8_lossy(key)
        );
    }
    assert_eq!(page.get(b"Rotate").and_then(Object::as_i64).ok(), Some(90));
    // The media box was inherited from the page tree and is on the page now.
    let media_box = page
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .map(Vec::len);
    assert_eq!(media_box.ok(), Some(4));
    gone(&original, &out, TRACKER);
    gone(&original, &out, b"km-KH");
}

#[test]
fn a_nested_page_tree_keeps_its_pages_in_order() {
    let mut pdf = Pdf::new();
    let root = pdf
        .catalog()
        .get(b"Pages")
        .and_then(Object::as_reference)
        .unwrap_or_else(|e| panic!("{e}"));
    let first = pdf.page;
    let mut kids = Vec::new();
    for n in 2..=3 {
        let content = format!(
            "BT /F1 12 Tf 20 100 Td ({} {n}) Tj ET",
            String::from_utf8_lossy(TEXT)
        );
        let content = pdf
            .doc
            .add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let resources = dict(&mut pdf.doc, first).get(b"Resources").cloned();
        let page = pdf.doc.add_object(dictionary! {
            "Type" => "Page", "Contents" => content,
            "Resources" => resources.unwrap_or(Object::Null),
        });
        kids.push(Object::from(page));
    }
    let middle = pdf.doc.add_object(dictionary! {
        "Type" => "Pages", "Parent" => root, "Kids" => kids, "Count" => 2,
    });
    // The middle node also lists the root among its kids: a cycle, walked once.
    if let Ok(Object::Array(kids)) = dict(&mut pdf.doc, middle).get_mut(b"Kids") {
        kids.push(root.into());
    }
    if let Ok(Object::Array(kids)) = dict(&mut pdf.doc, root).get_mut(b"Kids") {
        kids.push(middle.into());
    }
    let original = pdf.save();
    let out = cleaned(&original);
    let reopened = still_draws(&out, 3);
    let last = reopened.get_pages().get(&3).copied();
    let last = last
        .map(|id| reopened.get_page_content(id))
        .unwrap_or_default();
    assert!(contains(&last, b"passport 3)"));
}

#[test]
fn a_jpeg_the_jpeg_cleaner_refuses_gets_the_pdf_refused() {
    let mut pdf = Pdf::new();
    pdf.draw_jpeg(jpeg_with_gps(60_000, 60_000));
    let bomb = pdf.save();
    assert_eq!(clean(&bomb, MAX).err(), Some(Refusal::TooManyPixels));
    let mut pdf = Pdf::new();
    pdf.draw_jpeg(b"\xFF\xD8\xFF not a JPEG at all".to_vec());
    assert_eq!(clean(&pdf.save(), MAX).err(), Some(Refusal::Malformed));
}

#[test]
fn a_postscript_xobject_and_an_untyped_xml_stream_are_dropped() {
    let mut pdf = Pdf::new();
    let postscript = pdf.doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "PS" },
        b"(https://tracker.example/ps) print".to_vec(),
    ));
    let xml = pdf.doc.add_object(Stream::new(
        dictionary! { "Subtype" => "XML" },
        b"<x:xmpmeta>Jane Recruiter</x:xmpmeta>".to_vec(),
    ));
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set("XObject", dictionary! { "PS1" => postscript, "X1" => xml });
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, TRACKER);
    gone(&original, &out, AUTHOR);
    still_draws(&out, 1);
}

#[test]
fn a_jpeg_2000_image_is_dropped_and_the_page_kept() {
    let mut pdf = Pdf::new();
    let image = pdf.draw_jpeg(b"\0\0\0\x0cjP  \r\n\x87\n<geojp2 by Jane Recruiter>".to_vec());
    if let Ok(Object::Stream(image)) = pdf.doc.get_object_mut(image) {
        image.dict.set("Filter", "JPXDecode");
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    gone(&original, &out, b"JPXDecode");
    still_draws(&out, 1);
}

#[test]
fn an_icc_profile_becomes_the_device_colour_space() {
    let mut pdf = Pdf::new();
    let profile = pdf.doc.add_object(Stream::new(
        dictionary! { "N" => 3 },
        b"ICC profile desc: iPhone 15 Pro of Jane Recruiter".to_vec(),
    ));
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set(
            "ColorSpace",
            dictionary! { "CS0" => vec![Object::Name(b"ICCBased".to_vec()), profile.into()] },
        );
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    gone(&original, &out, b"ICCBased");
    assert!(contains(&out, b"DeviceRGB"));
    still_draws(&out, 1);
}

#[test]
fn encrypted_and_unreadable_files_are_refused_as_malformed() {
    let mut pdf = Pdf::new();
    let encrypt = pdf.doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -4,
        "O" => Object::String(vec![1; 32], StringFormat::Hexadecimal),
        "U" => Object::String(vec![2; 32], StringFormat::Hexadecimal),
    });
    pdf.doc.trailer.set("Encrypt", encrypt);
    assert_eq!(clean(&pdf.save(), MAX).err(), Some(Refusal::Malformed));
    for junk in [
        b"%PDF-1.7".as_slice(),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-1.7\n\xff\xfe garbage",
    ] {
        assert_eq!(clean(junk, MAX).err(), Some(Refusal::Malformed));
    }
    // Hostile input comes back as an answer, never a panic.
    let original = Pdf::new().save();
    for cut in 0..original.len() {
        let _ = clean(&original[..cut], MAX);
    }
}

#[test]
fn deep_and_cyclic_resources_are_bounded() {
    // A chain of forms, each drawing the next from its own resources, far deeper than any
    // document needs: refused, without running out of stack.
    let mut pdf = Pdf::new();
    let mut next: Option<ObjectId> = None;
    for _ in 0..20_000 {
        let mut dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 1.into(), 1.into()],
        };
        if let Some(next) = next {
            dict.set(
                "Resources",
                dictionary! { "XObject" => dictionary! { "X" => next } },
            );
        }
        next = Some(pdf.doc.add_object(Stream::new(dict, b"/X Do".to_vec())));
    }
    if let (Some(top), Ok(Object::Dictionary(resources))) = (next, pdf.page().get_mut(b"Resources"))
    {
        resources.set("XObject", dictionary! { "X" => top });
    }
    assert_eq!(clean(&pdf.save(), MAX).err(), Some(Refusal::Malformed));

    // A form that draws itself: copied once, and the cycle kept as a reference.
    let mut pdf = Pdf::new();
    let form = pdf.doc.new_object_id();
    pdf.doc.objects.insert(
        form,
        Object::Stream(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 1.into(), 1.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { "X" => form } },
            },
            b"/X Do".to_vec(),
        )),
    );
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set("XObject", dictionary! { "X" => form });
    }
    still_draws(&cleaned(&pdf.save()), 1);
}

/// The fuzz target's seeds: `cargo test --lib write_pdf_fuzz_seeds -- --ignored` rewrites
/// them in fuzz/corpus/pdf_cleaner.
#[test]
#[ignore]
fn write_pdf_fuzz_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/pdf_cleaner");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut plain = Pdf::new();
    let info = plain
        .doc
        .add_object(dictionary! { "Author" => text(AUTHOR) });
    plain.doc.trailer.set("Info", info);
    let mut image = Pdf::new();
    image.draw_jpeg(jpeg_with_gps(8, 8));
    image.annotate(dictionary! {
        "Type" => "Annot", "Subtype" => "Link", "A" => uri_action("https://tracker.example/"),
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    });
    let mut inline = Pdf::new();
    let mut content = b"BI /W 8 /H 8 /CS /G /BPC 8 /F /DCT ID ".to_vec();
    content.extend(jpeg_with_gps(8, 8));
    content.extend_from_slice(b"\nEI");
    let content = inline.doc.add_object(Stream::new(dictionary! {}, content));
    inline.page().set("Contents", content);
    let mut compressed = Pdf::new();
    compressed.doc.compress();
    for (name, pdf) in [
        ("seed-info.pdf", plain),
        ("seed-image-link.pdf", image),
        ("seed-inline-image.pdf", inline),
        ("seed-compressed.pdf", compressed),
    ] {
        std::fs::write(dir.join(name), pdf.save()).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// A PDF written by hand: `objects` as numbered, a classic cross-reference table, and a trailer
/// naming the catalog `1 0 R`.
fn raw_pdf(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (number, body) in objects {
        offsets.push((*number, out.len()));
        out.extend(format!("{number} 0 obj\n").into_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let size = objects.iter().map(|(n, _)| n + 1).max().unwrap_or(1);
    out.extend(format!("xref\n0 {size}\n0000000000 65535 f \n").into_bytes());
    for number in 1..size {
        let offset = offsets
            .iter()
            .find(|(n, _)| *n == number)
            .map_or(0, |o| o.1);
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").into_bytes(),
    );
    out
}

/// A catalog, a page tree and a page that draws `TEXT`, as objects 1 to 4.
fn one_page() -> Vec<(u32, Vec<u8>)> {
    let content = format!(
        "BT /F1 12 Tf 20 100 Td ({}) Tj ET",
        String::from_utf8_lossy(TEXT)
    );
    vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (
            3,
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>".to_vec(),
        ),
        (4, stream_body(b"", content.as_bytes())),
    ]
}

fn stream_body(dict: &[u8], data: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "<< {} /Length {} >>\nstream\n",
        String::from_utf8_lossy(dict),
        data.len()
    )
    .into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

fn deflated(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap_or_else(|e| panic!("{e}"));
    encoder.finish().unwrap_or_else(|e| panic!("{e}"))
}

/// An object stream holding `members` (number, text), compressed.
fn object_stream(members: &[(u32, &[u8])]) -> Vec<u8> {
    let mut header = String::new();
    let mut body = Vec::new();
    for (number, text) in members {
        header.push_str(&format!("{number} {} ", body.len()));
        body.extend_from_slice(text);
        body.push(b'\n');
    }
    let first = header.len();
    let mut content = header.into_bytes();
    content.extend(body);
    let dict = format!(
        "/Type /ObjStm /N {} /First {first} /Filter /FlateDecode",
        members.len()
    );
    stream_body(dict.as_bytes(), &deflated(&content))
}

#[test]
fn the_bounds_add_up_to_what_the_server_counts_for_a_pdf() {
    // Each phase's peak, from the bounds: loading, rebuilding, writing.
    let mib = 1024 * 1024;
    let loading = 2 * super::LOADED + 4 * super::INFLATED_PER_STREAM;
    let rebuilding = super::LOADED + super::COPIED + 4 * super::MAX_CONTENT;
    let writing = 3 * super::COPIED;
    let most = loading.max(rebuilding).max(writing);
    assert_eq!(super::MEMORY_MIB, (most as u64).div_ceil(mib));
    // (That this fits what the server counts is checked where it compiles, in `clean`.)
    // Each object stream gets its own bound, or what is left of all streams' if that is less.
    let mut budget = Budget {
        loaded: super::LOADED,
        inflated: super::INFLATED,
        per_stream: super::INFLATED_PER_STREAM,
        over: None,
    };
    assert_eq!(budget.inflate_limit(), super::INFLATED_PER_STREAM);
    budget.inflated = super::INFLATED_PER_STREAM / 2;
    assert_eq!(budget.inflate_limit(), super::INFLATED_PER_STREAM / 2);
    budget.inflated = 0;
    assert_eq!(budget.inflate_limit(), 0);
}

#[test]
fn forty_object_streams_of_thirty_mib_each_are_refused_having_inflated_within_the_bound() {
    // Each stream names one object, a string of 30 MiB of zeros, deflated to about 30 KiB: the
    // file is 1.2 MiB and would inflate to 1.2 GiB (lopdf held each, limit or not).
    let mut member = b"(".to_vec();
    member.resize(30 * 1024 * 1024, b'0');
    member.push(b')');
    let stream = object_stream(&[(100, &member)]);
    drop(member);
    let mut objects = one_page();
    for n in 0..40 {
        objects.push((10 + n, stream.clone()));
    }
    let bomb = raw_pdf(&objects);
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let (result, spent) = clean_counted(&bomb, MAX);
    assert_eq!(result.err(), Some(Refusal::Malformed));
    assert_eq!(spent.over, Some(Bound::Inflated));
    // The first stream passed its own bound: nothing of it was kept, nothing more inflated.
    assert_eq!(spent.inflated, 0);
    assert!(spent.loaded < 64 * 1024, "{spent:?}");
    assert_eq!(spent.copied, 0, "nothing was rebuilt");

    // Streams each within their own bound, many of them: refused when all together pass theirs.
    let mut member = b"(".to_vec();
    member.resize(3 * 1024 * 1024, b'0');
    member.push(b')');
    let stream = object_stream(&[(100, &member)]);
    let mut objects = one_page();
    for n in 0..40 {
        objects.push((10 + n, stream.clone()));
    }
    let (result, spent) = clean_counted(&raw_pdf(&objects), MAX);
    assert_eq!(result.err(), Some(Refusal::Malformed));
    assert!(
        matches!(spent.over, Some(Bound::Inflated | Bound::Loaded)),
        "{spent:?}"
    );
    assert!(spent.inflated <= super::INFLATED, "{spent:?}");
    assert!(spent.loaded <= super::LOADED, "{spent:?}");
}

#[test]
fn five_mib_of_empty_arrays_are_refused_by_what_they_would_take() {
    // lopdf's reader peaked at 1.5 GiB on this, uncompressed: each `[]` costs 600 bytes.
    let mut arrays = b"[".to_vec();
    while arrays.len() < 5 * 1024 * 1024 {
        arrays.extend_from_slice(b"[]");
    }
    arrays.push(b']');
    let mut objects = one_page();
    objects.push((5, arrays));
    let (result, spent) = clean_counted(&raw_pdf(&objects), MAX);
    assert_eq!(result.err(), Some(Refusal::Malformed));
    assert_eq!(spent.over, Some(Bound::Loaded));
    assert!(spent.loaded <= super::LOADED);
}

#[test]
fn an_object_named_many_times_is_read_once() {
    // An object stream whose header names one 1 MiB string under a thousand numbers at one
    // offset (lopdf parsed it a thousand times: 1 GiB), and a cross-reference table listing
    // one object's offset under many numbers (which is not read at all).
    let mut member = b"(".to_vec();
    member.resize(1024 * 1024, b'x');
    member.push(b')');
    let mut header = String::new();
    for n in 0..1000 {
        header.push_str(&format!("{} 0 ", 100 + n));
    }
    let first = header.len();
    let mut content = header.into_bytes();
    content.extend_from_slice(&member);
    let dict = format!("/Type /ObjStm /N 1000 /First {first} /Filter /FlateDecode");
    let mut objects = one_page();
    objects.push((5, stream_body(dict.as_bytes(), &deflated(&content))));
    let pdf = raw_pdf(&objects);
    let (result, spent) = clean_counted(&pdf, MAX);
    let out = result.unwrap_or_else(|e| panic!("{e}")).bytes.to_vec();
    still_draws(&out, 1);
    assert!(spent.loaded < 2 * 1024 * 1024, "{spent:?}");
    assert!(spent.inflated < 2 * 1024 * 1024, "{spent:?}");
}

#[test]
fn a_large_value_inherited_by_many_pages_is_counted_each_time_it_is_copied() {
    // Resources written once in the page tree, holding a 1 MiB string, are copied onto each
    // of 100 pages: 100 MiB, from a file of one.
    let mut pdf = Pdf::new();
    let big = Object::String(vec![b'x'; 1024 * 1024], StringFormat::Literal);
    let font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => big };
    let root = pdf
        .catalog()
        .get(b"Pages")
        .and_then(Object::as_reference)
        .unwrap_or_else(|e| panic!("{e}"));
    let content = dict(&mut pdf.doc, pdf.page)
        .get(b"Contents")
        .cloned()
        .unwrap_or(Object::Null);
    let mut kids = Vec::new();
    for _ in 0..100 {
        let page = pdf.doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => root, "Contents" => content.clone(),
        });
        kids.push(Object::from(page));
    }
    let tree = dict(&mut pdf.doc, root);
    tree.set("Kids", kids);
    tree.set("Count", 100);
    tree.set(
        "Resources",
        dictionary! { "Font" => dictionary! { "F1" => font } },
    );
    let original = pdf.save();
    assert!(original.len() < 2 * 1024 * 1024);
    let (result, spent) = clean_counted(&original, MAX);
    assert_eq!(result.err(), Some(Refusal::Malformed));
    assert_eq!(spent.over, Some(Bound::Copied));
    assert!(spent.copied <= super::COPIED);
}

#[test]
fn an_image_whose_subtype_is_a_reference_or_missing_is_cleaned_as_a_jpeg() {
    for how in ["reference", "missing"] {
        let mut pdf = Pdf::new();
        let image = pdf.draw_jpeg(jpeg_with_gps(64, 48));
        let name = pdf.doc.add_object(Object::Name(b"Image".to_vec()));
        let xobject = pdf.doc.add_object(Object::Name(b"XObject".to_vec()));
        if let Ok(Object::Stream(image)) = pdf.doc.get_object_mut(image) {
            if how == "reference" {
                image.dict.set("Subtype", name);
                image.dict.set("Type", xobject);
            } else {
                image.dict.remove(b"Subtype");
            }
        }
        let original = pdf.save();
        let out = cleaned(&original);
        gone(&original, &out, b"Exif");
        gone(&original, &out, SERIAL);
        gone(&original, &out, b"naming the owner");
        still_draws(&out, 1);
    }
}

#[test]
fn a_dct_stream_reached_any_way_goes_through_the_jpeg_cleaner() {
    // Under a filter given by reference, in an array, reached from a pattern's resources: a
    // JPEG all the same.
    let mut pdf = Pdf::new();
    let image = pdf.draw_jpeg(jpeg_with_gps(64, 48));
    let filter = pdf
        .doc
        .add_object(Object::Array(vec![Object::Name(b"DCTDecode".to_vec())]));
    if let Ok(Object::Stream(image)) = pdf.doc.get_object_mut(image) {
        image.dict.set("Filter", filter);
        image.dict.remove(b"Subtype");
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, SERIAL);
    still_draws(&out, 1);
    // A JPEG the JPEG cleaner refuses still gets the PDF refused, whatever its subtype says.
    let mut pdf = Pdf::new();
    let image = pdf.draw_jpeg(jpeg_with_gps(60_000, 60_000));
    if let Ok(Object::Stream(image)) = pdf.doc.get_object_mut(image) {
        image.dict.remove(b"Subtype");
    }
    assert_eq!(clean(&pdf.save(), MAX).err(), Some(Refusal::TooManyPixels));
}

#[test]
fn a_dictionary_whose_type_is_a_reference_is_judged_by_what_it_names() {
    let mut pdf = Pdf::new();
    let annot = pdf.doc.add_object(Object::Name(b"Annot".to_vec()));
    let hidden = pdf.doc.add_object(dictionary! {
        "Type" => annot, "Subtype" => "Link", "Font" => text(AUTHOR),
    });
    if let Ok(Object::Dictionary(resources)) = pdf.page().get_mut(b"Resources") {
        resources.set("ExtGState", dictionary! { "GS1" => hidden });
    }
    let original = pdf.save();
    let out = cleaned(&original);
    gone(&original, &out, AUTHOR);
    still_draws(&out, 1);
}
