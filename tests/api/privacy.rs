//! Nothing that identifies a reporter reaches the database in plaintext or the logs at all.

use serde_json::json;

use crate::helpers::{captured_logs, code_in_page, on_both_engines, spawn_app, USER_AGENT};

const SECRETS: &[&str] = &[
    "Thandiwe Mokoena",
    "Z99887766",
    "recruiter_kkpark_88",
    "Dongfeng Trading Co",
    "16.69227",
    "98.50912",
    "blue water tower",
    "+855 12 345 678",
    "beaten behind building 12",
];

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

on_both_engines!(
    the_database_holds_none_of_the_submitted_words,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (_, code) = app
        .submit(&json!({
            "person": {"name": SECRETS[0], "nationality": "KE", "mobile_phone": SECRETS[7]},
            "documents": [{"type": "passport", "number": SECRETS[1], "issuing_country": "KE"}],
            "recruitment": {"recruiter": SECRETS[2], "agency": SECRETS[3]},
            "location": {"country": "MM", "latitude": SECRETS[4], "longitude": SECRETS[5], "landmarks": SECRETS[6]},
            "narrative": SECRETS[8],
            "consent": {"partner_ngos": true, "consulate": true, "police": true},
        }))
        .await;
        let form = app
            .post_form(&format!(
                "location.country=KH&location.compound={}&narrative={}",
                "Jinbei+Casino+West", "guards+with+electric+batons"
            ))
            .await;
        let form_code = code_in_page(&form.text().await.unwrap_or_default());
        let bytes = app.database_bytes().await;
        assert!(bytes.len() > 1000, "the database was not read");
        let mut needles: Vec<String> = SECRETS.iter().map(|s| (*s).to_owned()).collect();
        needles.extend(["Jinbei Casino West", "guards with electric batons"].map(str::to_owned));
        for code in [&code, &form_code] {
            needles.push(code.clone());
            needles.push(code.replace(' ', ""));
            // The secret half (the last 14 digits) must not be there in any form.
            needles.push(code.replace(' ', "")[6..].to_owned());
        }
        for needle in &needles {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "the database holds {needle:?}"
            );
            assert!(
                !contains(&bytes, hex(needle).as_bytes()),
                "the database holds {needle:?} as hex"
            );
        }
    }
);

on_both_engines!(
    logs_hold_no_address_agent_code_or_field,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (_, code) = app
            .submit(&json!({
                "person": {"name": "Nguyen Van Privacy"},
                "location": {"country": "KH", "compound": "Logcheck Compound"},
                "narrative": "logcheck narrative words",
            }))
            .await;
        let form = app
        .post_form("location.country=LA&location.compound=Formcheck+Tower&narrative=formcheck+words&person.age=abc")
        .await;
        assert_eq!(form.status().as_u16(), 422);
        let form = app
            .post_form(
                "location.country=LA&location.compound=Formcheck+Tower&narrative=formcheck+words",
            )
            .await;
        let form_code = code_in_page(&form.text().await.unwrap_or_default());
        let _ = app
            .get("/report?as=other&lang=zh-Hans&secretquery=querycheck")
            .await;
        let logs = captured_logs();
        assert!(
            logs.contains("/api/v1/reports"),
            "the request log is missing: nothing was checked"
        );
        for forbidden in [
            "127.0.0.77",
            USER_AGENT,
            "HomewardTestAgent",
            "Nguyen Van Privacy",
            "Logcheck Compound",
            "logcheck narrative",
            "Formcheck Tower",
            "formcheck words",
            "querycheck",
            "secretquery",
            "as=other",
            code.as_str(),
            &code.replace(' ', "")[6..],
            form_code.as_str(),
            &form_code.replace(' ', "")[6..],
        ] {
            assert!(!logs.contains(forbidden), "the logs hold {forbidden:?}");
        }
    }
);

on_both_engines!(
    a_stored_item_s_length_does_not_tell_what_it_says,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({"location": {"country": "KH"}, "narrative": "held"}))
            .await;
        let desk = crate::workspace::staff(&app, "coordinator", "operator", "coord.pad").await;
        crate::workspace::import(&app, &desk, "desk").await;
        for text in [
            "ok",
            "we+will+call+you+tomorrow+at+noon+on+the+number+you+gave",
        ] {
            crate::casefile::act(
                &app,
                &desk,
                "desk",
                report,
                "reply",
                &format!("text={text}"),
            )
            .await;
        }
        // As whoever took the database would measure them.
        let lengths = app
            .strings(&format!(
                "SELECT CAST(LENGTH(ciphertext) AS TEXT) FROM items
                 WHERE report_id = '{report}' AND kind = 'reply' ORDER BY position"
            ))
            .await;
        assert_eq!(lengths.len(), 2);
        assert_eq!(
            lengths[0], lengths[1],
            "a short and a long reply look alike"
        );
    }
);
