//! PDF: loaded with lopdf and written anew without its metadata.

use zeroize::Zeroizing;

use super::{Cleaned, FileKind, Refusal};

/// PDFs: the document information dictionary, every metadata stream, piece information and the
/// file identifier go; unreferenced objects are pruned and the file is written anew.
pub(super) fn clean(bytes: &[u8]) -> Result<Cleaned, Refusal> {
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
