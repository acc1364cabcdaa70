//! One click, no question: removing a member (their key copies go at once) and suspending an
//! organisation (its queues stop receiving) used to happen on the first post of a button. They
//! now answer with a second page that names what happens, and act only on its own form.

use crate::authorization::person;
use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace::{csrf_of, staff};

on_both_engines!(
    one_post_removes_a_member_without_asking,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.ask").await;
        let _member = staff(&app, "responder", "partner", "resp.ask").await;
        let member_id = || async {
            app.store
                .members("partner")
                .await
                .unwrap_or_default()
                .into_iter()
                .find(|m| m.username == "resp.ask")
                .map(|m| m.account_id)
        };
        let id = member_id().await.unwrap_or_else(|| panic!("no member"));
        let csrf = csrf_of(&app, &coordinator).await;
        let path = format!("/members/{id}/remove");

        let asked = app
            .post_form_with(&path, &format!("csrf={csrf}"), Some(&coordinator))
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        let page = asked.text().await.unwrap_or_default();
        assert!(page.contains("Remove member resp.ask?"), "{page}");
        assert!(page.contains("name=\"confirm\" value=\"yes\""), "{page}");
        assert!(!page.contains("<script"), "no script asks");
        assert_eq!(member_id().await, Some(id.clone()), "nothing happened yet");

        let done = app
            .post_form_with(
                &path,
                &format!("csrf={csrf}&confirm=yes"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(done.status().as_u16(), 200);
        assert!(done
            .text()
            .await
            .unwrap_or_default()
            .contains("Member removed"));
        assert_eq!(member_id().await, None);
    }
);

on_both_engines!(
    one_post_suspends_an_organisation_without_asking,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (operator, csrf) = person(&app, "operator", None, "op.ask").await;
        let suspended = || async {
            app.store
                .organisation("partner")
                .await
                .ok()
                .flatten()
                .and_then(|o| o.suspended_at)
                .is_some()
        };
        let path = "/organisations/partner/suspension";
        let asked = app
            .post_form_with(path, &format!("csrf={csrf}&suspend=yes"), Some(&operator))
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        let page = asked.text().await.unwrap_or_default();
        assert!(
            page.contains("Suspend organisation partner (test)?"),
            "{page}"
        );
        assert!(page.contains("name=\"suspend\" value=\"yes\""), "{page}");
        assert!(!suspended().await, "nothing happened yet");

        let done = app
            .post_form_with(
                path,
                &format!("csrf={csrf}&suspend=yes&confirm=yes"),
                Some(&operator),
            )
            .await;
        assert_eq!(done.status().as_u16(), 303);
        assert!(suspended().await);

        // Reinstating takes nothing away: it is done at once.
        let back = app
            .post_form_with(path, &format!("csrf={csrf}&suspend=no"), Some(&operator))
            .await;
        assert_eq!(back.status().as_u16(), 303);
        assert!(!suspended().await);
    }
);
