//! The queue list shows each entry's sealed summary: the whole one to NGO queues, one made from
//! the projection alone to consulates and the police; summaries the report never got are made
//! the first time an NGO responder opens it; every listing that opens summaries is audited; the
//! list pages by 50 and filters on what the server may read.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{give, import, staff};

/// A coordinator of `organisation` holding `queue`'s key, and a responder given it.
async fn members(app: &TestApp, organisation: &str, queue: &str, who: &str) -> String {
    let coordinator = staff(app, "coordinator", organisation, &format!("coord.{who}")).await;
    import(app, &coordinator, queue).await;
    let responder = staff(app, "responder", organisation, &format!("resp.{who}")).await;
    give(app, &coordinator, queue, &format!("resp.{who}")).await;
    responder
}

async fn page(app: &TestApp, path: &str, cookie: &str) -> String {
    let answer = app.get_with(path, cookie).await;
    assert_eq!(answer.status().as_u16(), 200, "{path}");
    answer.text().await.unwrap_or_default()
}

fn brother() -> serde_json::Value {
    json!({
        "reporter": {"relation": "family", "contact": "+66 81 234 5678"},
        "person": {"name": "Arjun Mehta", "age": "27", "nationality": "IN",
                   "mobile_phone": "+91 98 7654 3210", "others_count": "40"},
        "location": {"country": "KH", "city": "Sihanoukville", "compound": "Golden Fortune Park",
                     "street": "Road 7"},
        "documents": [{"type": "passport", "number": "Z1234567"}],
        "indicators": ["threats", "cannot_leave", "forced_scam", "documents_taken"],
        "narrative": "My brother's passport was taken.",
        "consent": {"partner_ngos": true, "consulate": true},
    })
}

on_both_engines!(
    each_audience_reads_its_own_summary_in_the_list,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app.submit(&brother()).await;
        let ngo = members(&app, "partner", "ngo-kh", "ngo").await;
        let consul = members(&app, "consulate-in", "consular-in", "in").await;

        let list = page(&app, "/queues/ngo-kh", &ngo).await;
        for shown in [
            "Golden Fortune Park",
            "Sihanoukville",
            "Cambodia",
            "India",
            "27 years old",
            "40 others held with them",
            "reported by family",
            "Threats",
            "Cannot leave",
            "Forced to run scams",
            "received within the last hour",
        ] {
            assert!(
                list.contains(shown),
                "{shown} missing from the NGO list: {list}"
            );
        }
        // The fourth reason is the lightest: a list names three.
        assert!(!list.contains("Phone or documents taken"));

        let list = page(&app, "/queues/consular-in", &consul).await;
        for shown in ["Golden Fortune Park", "India", "27 years old"] {
            assert!(
                list.contains(shown),
                "{shown} missing from the consular list"
            );
        }
        for hidden in [
            "others held",
            "reported by",
            "Threats",
            "+91",
            "Arjun",
            "Road 7",
            "Z1234567",
        ] {
            assert!(
                !list.contains(hidden),
                "{hidden} reached the consulate's list"
            );
        }

        // As sealed: the projection's summary holds the projection's fields and nothing else,
        // whoever holds the key.
        let sealed = app.open_as(report, "consular-in").await;
        let summaries: Vec<&serde_json::Value> = sealed
            .iter()
            .filter(|(kind, _)| kind == "summary")
            .map(|(_, v)| v)
            .collect();
        assert_eq!(summaries.len(), 1, "{sealed:?}");
        assert_eq!(
            summaries[0],
            &json!({
                "place": {"country": "KH", "city": "Sihanoukville", "compound": "Golden Fortune Park"},
                "person": {"nationality": "IN", "age": 27},
            })
        );
        let ngo_summaries = app
            .open_as(report, "ngo-kh")
            .await
            .into_iter()
            .filter(|(kind, _)| kind == "summary")
            .count();
        assert_eq!(
            ngo_summaries, 2,
            "the NGO queue holds both audiences' summaries"
        );

        // Each listing that opened summaries is one audit entry naming the reports.
        let listings: Vec<_> = app
            .store
            .audit_entries(0, 1000)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|row| row.action == "queue_listed")
            .collect();
        assert_eq!(listings.len(), 2, "{listings:?}");
        assert!(listings
            .iter()
            .all(|row| row.subject.contains(&report.to_string())));
        assert!(listings[0].subject.starts_with("queue:ngo-kh "));
    }
);

on_both_engines!(
    a_report_without_summaries_gets_them_when_an_ngo_responder_first_opens_it,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app.submit(&brother()).await;
        // As a report from before summaries, or sealed on a device, has none.
        app.tamper("DELETE FROM items WHERE kind = 'summary'", None, None)
            .await;
        let ngo = members(&app, "partner", "ngo-kh", "ngo").await;
        let consul = members(&app, "consulate-in", "consular-in", "in").await;

        let list = page(&app, "/queues/ngo-kh", &ngo).await;
        assert!(list.contains("No summary yet"), "{list}");
        assert!(!list.contains("Golden Fortune Park"));
        let consular = page(&app, "/queues/consular-in", &consul).await;
        assert!(consular.contains("No summary yet"));
        // Nothing was opened, so nothing was audited as listed.
        let listed = |rows: Vec<homeward::store::AuditRow>| {
            rows.into_iter()
                .filter(|row| row.action == "queue_listed")
                .count()
        };
        assert_eq!(
            listed(app.store.audit_entries(0, 1000).await.unwrap_or_default()),
            0
        );

        page(&app, &format!("/queues/ngo-kh/reports/{report}"), &ngo).await;
        let list = page(&app, "/queues/ngo-kh", &ngo).await;
        assert!(
            list.contains("Golden Fortune Park") && list.contains("reported by family"),
            "{list}"
        );
        let consular = page(&app, "/queues/consular-in", &consul).await;
        assert!(consular.contains("Golden Fortune Park"), "{consular}");
        assert!(!consular.contains("reported by family"));
        // Made once: opening again adds none.
        page(&app, &format!("/queues/ngo-kh/reports/{report}"), &ngo).await;
        let kinds = app.open_as(report, "ngo-kh").await;
        assert_eq!(kinds.iter().filter(|(k, _)| k == "summary").count(), 2);
    }
);

on_both_engines!(
    the_list_pages_by_fifty_and_filters_on_what_the_server_reads,
    |engine| async move {
        let app = spawn_app(engine).await;
        let mut reports = Vec::new();
        for n in 0..51 {
            let indicators = if n == 0 {
                json!(["violence", "threats", "cannot_leave"])
            } else {
                json!([])
            };
            let (report, _) = app
                .submit(&json!({
                    "location": {"country": "KH", "compound": format!("Compound {n:02}")},
                    "indicators": indicators,
                    "narrative": "held",
                    "consent": {"partner_ngos": true},
                }))
                .await;
            reports.push(report);
        }
        let ngo = members(&app, "partner", "ngo-kh", "ngo").await;

        let first = page(&app, "/queues/ngo-kh", &ngo).await;
        assert_eq!(first.matches("<li class=\"p-").count(), 50);
        assert!(first.contains("Page 1") && first.contains("page=2"));
        let second = page(&app, "/queues/ngo-kh?page=2", &ngo).await;
        assert_eq!(second.matches("<li class=\"p-").count(), 1);
        assert!(!second.contains("page=3") && second.contains("page=1"));

        // The "next" link starts after the page's last entry, read off the index however deep
        // the page; "previous" ends before the page's first, and the first page is the list's
        // start.
        let compounds = |html: &str| -> Vec<String> {
            html.match_indices("Compound ")
                .map(|(at, _)| html[at..at + 11].to_owned())
                .collect()
        };
        let link = |html: &str, rel: &str| -> String {
            let marker = format!("\" rel=\"{rel}\"");
            let end = html
                .find(&marker)
                .unwrap_or_else(|| panic!("no {rel} link"));
            let start = html[..end].rfind("href=\"").map_or(0, |s| s + 6);
            html[start..end].replace("&#38;", "&").replace("&amp;", "&")
        };
        let next = link(&first, "next");
        assert!(next.contains("page=2&after="), "{next}");
        let followed = page(&app, &next, &ngo).await;
        let shown = compounds(&first);
        assert_eq!(compounds(&followed).len(), 1);
        assert!(!shown.contains(&compounds(&followed)[0]));
        assert_eq!(link(&followed, "prev"), "/queues/ngo-kh?page=1");
        let before = next.replace("page=2&after=", "page=2&before=");
        let back = page(&app, &before, &ngo).await;
        assert_eq!(
            compounds(&back),
            shown[..49].to_vec(),
            "the entries before, in order"
        );
        assert!(link(&back, "next").contains("after="));

        // The critical one is listed first, and alone under its class.
        let critical = page(&app, "/queues/ngo-kh?priority=critical", &ngo).await;
        assert_eq!(critical.matches("<li class=\"p-").count(), 1, "{critical}");
        assert!(critical.contains("Compound 00"));

        // Claimed by me, or by nobody.
        let csrf = crate::workspace::csrf_of(&app, &ngo).await;
        let claimed = app
            .post_form_with(
                &format!("/queues/ngo-kh/reports/{}/claim", reports[7]),
                &format!("csrf={csrf}"),
                Some(&ngo),
            )
            .await;
        assert!(claimed.status().is_redirection() || claimed.status().is_success());
        let mine = page(&app, "/queues/ngo-kh?claim=mine", &ngo).await;
        assert_eq!(mine.matches("<li class=\"p-").count(), 1);
        assert!(mine.contains("Compound 07") && mine.contains("claimed by me"));
        let unclaimed = page(&app, "/queues/ngo-kh?claim=unclaimed&page=2", &ngo).await;
        assert_eq!(unclaimed.matches("<li class=\"p-").count(), 0);
        assert!(unclaimed.contains("No report in this queue matches"));

        // Status: the claimed one acknowledged, the other fifty still new.
        let moved = app
            .post_form_with(
                &format!("/queues/ngo-kh/reports/{}/status", reports[7]),
                &format!("csrf={csrf}&status=acknowledged&outcome="),
                Some(&ngo),
            )
            .await;
        assert!(moved.status().is_redirection() || moved.status().is_success());
        let acknowledged = page(&app, "/queues/ngo-kh?status=acknowledged", &ngo).await;
        assert_eq!(acknowledged.matches("<li class=\"p-").count(), 1);
        assert!(acknowledged.contains("Compound 07"));
        let new = page(&app, "/queues/ngo-kh?status=new", &ngo).await;
        assert_eq!(new.matches("<li class=\"p-").count(), 50);
        assert!(!new.contains("page=2"), "fifty fit on one page");

        // Overdue: an entry still new after its class's target (kept to the hour, as stored).
        app.tamper(
            &format!(
                "UPDATE report_queues SET added_at = added_at - 7 * 24 * 3600 WHERE report_id = '{}'",
                reports[3]
            ),
            None,
            None,
        )
        .await;
        // (Normal reports only: a critical one's half-hour target can pass within the hour its
        // time is kept to, whenever the test runs.)
        let overdue = page(&app, "/queues/ngo-kh?overdue=1&priority=normal", &ngo).await;
        assert_eq!(overdue.matches("<li class=\"p-").count(), 1, "{overdue}");
        assert!(overdue.contains("Compound 03") && overdue.contains("overdue"));

        // Nothing new from any reporter yet.
        let unread = page(&app, "/queues/ngo-kh?unread=1", &ngo).await;
        assert_eq!(unread.matches("<li class=\"p-").count(), 0);

        // Nonsense is dropped, never an error.
        let odd = page(
            &app,
            "/queues/ngo-kh?status=%00&priority=%FF&page=-3&claim=",
            &ngo,
        )
        .await;
        assert_eq!(odd.matches("<li class=\"p-").count(), 50);
    }
);

on_both_engines!(
    a_queue_that_does_not_stand_lists_no_summaries,
    |engine| async move {
        let app = spawn_app(engine).await;
        app.submit(&brother()).await;
        let ngo = members(&app, "partner", "ngo-kh", "ngo").await;
        assert!(page(&app, "/queues/ngo-kh", &ngo)
            .await
            .contains("Golden Fortune Park"));
        let listed = |app: &TestApp| {
            let store = app.store.clone();
            async move {
                store
                    .audit_entries(0, 1000)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|row| row.action == "queue_listed")
                    .count()
            }
        };
        let before = listed(&app).await;

        // Suspended (as the operator's suspension records it): its members read nothing more,
        // the list's summaries included, and nothing is opened or audited as listed.
        app.tamper(
            "UPDATE organisations SET suspended_at = 1 WHERE id = 'partner'",
            None,
            None,
        )
        .await;
        let refused = app.get_with("/queues/ngo-kh", &ngo).await;
        assert_ne!(refused.status().as_u16(), 200);
        let refused = refused.text().await.unwrap_or_default();
        assert!(!refused.contains("Golden Fortune Park"), "{refused}");
        assert_eq!(listed(&app).await, before);
    }
);

on_both_engines!(
    a_page_listed_again_within_the_hour_is_audited_once,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app.submit(&brother()).await;
        let ngo = members(&app, "partner", "ngo-kh", "ngo").await;
        for _ in 0..3 {
            assert!(page(&app, "/queues/ngo-kh", &ngo)
                .await
                .contains("Golden Fortune Park"));
        }
        // Every entry is dated to the hour: a second one naming the same reports for the same
        // member in the same hour would say nothing more. (Two, should the hour turn between
        // the listings; never two in one hour.)
        let hours: Vec<i64> = app
            .store
            .audit_entries(0, 1000)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|row| row.action == "queue_listed")
            .map(|row| {
                assert!(row.subject.contains(&report.to_string()), "{row:?}");
                row.at
            })
            .collect();
        let mut distinct = hours.clone();
        distinct.dedup();
        assert!(!hours.is_empty());
        assert_eq!(hours, distinct, "one entry per hour");

        // A filtered page that shows the same reports says the same: the entry names reports,
        // not filters.
        let filtered = page(&app, "/queues/ngo-kh?priority=critical", &ngo).await;
        assert!(filtered.contains("Golden Fortune Park"), "{filtered}");
        let again: Vec<i64> = app
            .store
            .audit_entries(0, 1000)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|row| row.action == "queue_listed")
            .map(|row| row.at)
            .collect();
        let mut distinct = again.clone();
        distinct.dedup();
        assert_eq!(again, distinct, "one entry per hour");
    }
);
