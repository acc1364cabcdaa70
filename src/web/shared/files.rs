//! Responders download what a reporter attached, decrypted, from the page or the API. The file
//! is served as a download, never rendered in the workspace's origin: its type comes from its
//! cleaned bytes, sniffing is off and the response is not stored.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::HttpResponse;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::reporting::attachments::FileKind;

/// The download response for a decrypted file.
pub fn download(item: Uuid, kind: FileKind, bytes: Zeroizing<Vec<u8>>) -> HttpResponse {
    let name = format!("attachment-{}.{}", item.simple(), kind.extension());
    HttpResponse::Ok()
        .content_type(kind.media_type())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(name)],
        })
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes.to_vec())
}
