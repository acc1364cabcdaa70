//! Burmese typed in Zawgyi and the scripts that share its code points: what a reporter sends is
//! sealed exactly as it came, and a responder is shown Zawgyi in Unicode, told so, with what was
//! sent beside it, on the page and in the workspace API alike. Real Shan text (glibc's shn_MM
//! locale source) is never touched.

use homeward::cli::sealed_submit;
use homeward::domain::ReportInput;
use serde_json::{json, Value};

use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{give, import, staff};
use crate::workspace_api::{api, token};

/// Sunday, the third month, the language's own name and "yes" in Shan, from glibc's shn_MM.
const SHAN: &str = "ဝၼ်းဢႃးတိတ်ႉ လိူၼ်သၢမ် လိၵ်ႈတႆး မႅၼ်ႈ";
/// Sunday in Mon, from glibc's mnw_MM.
const MON: &str = "အဒိုတ်";
/// A line of myanmar-tools' Zawgyi news sample ("food, supplies and donations were given"),
/// and the same in Unicode, as their converter gives it.
const ZAWGYI: &str = "စားနပ္ရိကၡာ၊ ေထာက္ပံ့ပစၥည္း ႏွင့္ အလွဴေငြမ်ား ေပးအပ္သည္။";
const ZAWGYI_IN_UNICODE: &str = "စားနပ်ရိက္ခာ၊ ထောက်ပံ့ပစ္စည်း နှင့် အလှူငွေများ ပေးအပ်သည်။";
/// Naypyidaw in Zawgyi, and in Unicode.
const CITY: &str = "ေနျပည္ေတာ္";
const CITY_IN_UNICODE: &str = "နေပြည်တော်";

const NOTE: &str = "Typed in Zawgyi, shown in Unicode";

/// What the desk is shown of `report`: its page, and the report item as the workspace API
/// gives it. A coordinator imports the desk's key and gives it to a responder who uses the API.
async fn shown_to_the_desk(app: &TestApp, report: &str) -> (String, Value) {
    let coordinator = staff(app, "coordinator", "operator", "coord.zawgyi").await;
    import(app, &coordinator, "desk").await;
    let page = app
        .get_with(&format!("/queues/desk/reports/{report}"), &coordinator)
        .await;
    assert_eq!(page.status().as_u16(), 200);
    let page = page.text().await.unwrap_or_default();
    let bearer = token(app, "responder", "operator", "resp.zawgyi").await;
    give(app, &coordinator, "desk", "resp.zawgyi").await;
    let (status, opened) = api(
        app,
        "GET",
        &format!("/api/v1/queues/desk/reports/{report}"),
        Some(&bearer),
        None,
    )
    .await;
    assert_eq!(status, 200, "{opened}");
    let item = opened["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["kind"] == "report"))
        .cloned()
        .unwrap_or_else(|| panic!("no report item in {opened}"));
    (page, item)
}

/// The report item as sealed, opened with the desk's key.
async fn sealed(app: &TestApp, report: uuid::Uuid) -> Value {
    app.open_as(report, "desk")
        .await
        .into_iter()
        .find(|(kind, _)| kind == "report")
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no report item"))
}

on_both_engines!(
    shan_and_mon_are_sealed_and_shown_exactly_as_sent,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({"location": {"country": "MM", "city": MON}, "narrative": SHAN}))
            .await;
        let sealed = sealed(&app, report).await;
        assert_eq!(sealed["narrative"], SHAN);
        assert_eq!(sealed["location"]["city"], MON);

        let (page, item) = shown_to_the_desk(&app, &report.to_string()).await;
        assert!(page.contains(SHAN) && page.contains(MON), "{page}");
        assert!(!page.contains(NOTE), "{page}");
        assert_eq!(item["content"]["narrative"], SHAN);
        assert_eq!(item["content"]["location"]["city"], MON);
        assert_eq!(item["converted_from_zawgyi"], json!([]));
    }
);

on_both_engines!(
    zawgyi_is_sealed_as_typed_and_shown_in_unicode_with_a_note,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({"location": {"country": "MM", "city": CITY}, "narrative": ZAWGYI}))
            .await;
        let sealed = sealed(&app, report).await;
        assert_eq!(sealed["narrative"], ZAWGYI);
        assert_eq!(sealed["location"]["city"], CITY);

        let (page, item) = shown_to_the_desk(&app, &report.to_string()).await;
        for shown in [ZAWGYI_IN_UNICODE, CITY_IN_UNICODE, NOTE, ZAWGYI, CITY] {
            assert!(page.contains(shown), "{shown} is not on {page}");
        }
        assert_eq!(item["content"]["narrative"], ZAWGYI_IN_UNICODE);
        assert_eq!(item["content"]["location"]["city"], CITY_IN_UNICODE);
        assert_eq!(
            item["converted_from_zawgyi"],
            json!([
                {"field": "location.city", "sent": CITY},
                {"field": "narrative", "sent": ZAWGYI},
            ])
        );
    }
);

on_both_engines!(
    zawgyi_sealed_on_the_device_is_shown_in_unicode_too,
    |engine| async move {
        let app = spawn_app(engine).await;
        let input: ReportInput = serde_json::from_value(json!({
            "location": {"country": "MM", "city": CITY},
            "narrative": ZAWGYI,
            "consent": {"partner_ngos": false},
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let pins = vec![app.signers.of("operator").verifying_key()];
        let submitted = sealed_submit::submit(&app.address, &pins, input)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let report = uuid::Uuid::parse_str(&submitted.report_id).unwrap_or_default();
        let sealed = sealed(&app, report).await;
        assert_eq!(sealed["report"]["narrative"], ZAWGYI);

        let (page, item) = shown_to_the_desk(&app, &submitted.report_id).await;
        for shown in [ZAWGYI_IN_UNICODE, NOTE, ZAWGYI] {
            assert!(page.contains(shown), "{shown} is not on {page}");
        }
        assert_eq!(item["content"]["narrative"], ZAWGYI_IN_UNICODE);
        assert_eq!(item["content"]["sealed_on_device"], true);
    }
);
