//! The report API's body, decoded and parsed into a report as a submission is.
#![no_main]

use homeward::domain::Report;
use homeward::web::shared::json::input_from_json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Ok(Ok(input)) = input_from_json(body) {
        let _ = Report::parse(input);
    }
});
