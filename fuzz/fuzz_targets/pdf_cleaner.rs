//! Any bytes as a PDF: the cleaner answers with a cleaned file or a refusal, never a panic or a
//! stack overflow, and what it writes is a PDF that lopdf reads back with at least one page.
#![no_main]

use homeward::reporting::attachments::{clean, FileKind};
use libfuzzer_sys::fuzz_target;

const MAX_PIXELS: u64 = 40_000_000;

fuzz_target!(|bytes: &[u8]| {
    // Every input is taken as a PDF, whatever its first bytes.
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend_from_slice(bytes.strip_prefix(b"%PDF-1.7\n".as_slice()).unwrap_or(bytes));
    if let Ok(cleaned) = clean(&pdf, Some("application/pdf"), MAX_PIXELS) {
        assert_eq!(cleaned.kind, FileKind::Pdf);
        let reopened = lopdf::Document::load_mem(&cleaned.bytes);
        assert!(reopened.is_ok_and(|d| !d.get_pages().is_empty()));
    }
});
