//! The report form's body, decoded and parsed into a report as a submission is.
#![no_main]

use homeward::domain::Report;
use homeward::web::reporter::form;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let posted = form::decode(body);
    let _ = posted.input.and_then(Report::parse);
});
