//! The operator plants a member: he invites a coordinator into an organisation that has one and
//! enrols the invite himself. Membership is a chain of signatures from the organisation's key, so
//! the planted account holds no copy, opens nothing, removes nobody, makes no reset link; and
//! editing the database (a copied certificate, a swapped key, a swapped organisation key) does
//! not change that.

use serde_json::json;

use crate::accounts::{code_for, enrol, login};
use crate::helpers::{code_in_page, on_both_engines, spawn_app, TestApp};
use crate::workspace::{account_id, csrf_of, give, import, staff};

/// The operator, through the workspace, invites a coordinator of `organisation` and enrols the
/// invite himself; returns the planted account's session.
async fn plant(app: &TestApp, organisation: &str, username: &str) -> String {
    // (Each test plants once, so one operator account per test.)
    let invite = app.invite("operator", None).await;
    let (secret, _) = enrol(app, &invite, "op.planter").await;
    let operator = login(app, "op.planter", &code_for(&secret, 0))
        .await
        .map(|(cookie, _)| cookie)
        .unwrap_or_else(|s| panic!("login: {s}"));
    let csrf = csrf_of(app, &operator).await;
    let invited = app
        .post_form_with(
            "/invites",
            &format!("csrf={csrf}&organisation={organisation}&role=coordinator"),
            Some(&operator),
        )
        .await;
    assert_eq!(invited.status().as_u16(), 200);
    let link = code_in_page(&invited.text().await.unwrap_or_default());
    let token = link.rsplit('/').next().unwrap_or_default().to_owned();
    let (secret, _) = enrol(app, &token, username).await;
    login(app, username, &code_for(&secret, 0))
        .await
        .map(|(cookie, _)| cookie)
        .unwrap_or_else(|s| panic!("login: {s}"))
}

async fn status(app: &TestApp, cookie: &str, path: &str, form: Option<&str>) -> u16 {
    let response = match form {
        Some(form) => {
            let csrf = csrf_of(app, cookie).await;
            let separator = if form.is_empty() { "" } else { "&" };
            app.post_form_with(path, &format!("csrf={csrf}{separator}{form}"), Some(cookie))
                .await
        }
        None => app.get_with(path, cookie).await,
    };
    response.status().as_u16()
}

/// How many queue key copies the account holds, of any key.
async fn copies_of(app: &TestApp, username: &str) -> usize {
    app.strings(&format!(
        "SELECT c.queue_id FROM queue_key_copies c JOIN accounts a ON a.id = c.account_id
         WHERE a.username = '{username}'"
    ))
    .await
    .len()
}

on_both_engines!(
    an_operator_planted_coordinator_gets_no_key_and_manages_nobody,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({"location": {"country": "KH", "compound": "Planted Park"}, "narrative": "planted", "consent": {"partner_ngos": true}}))
            .await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.real").await;
        let _responder = staff(&app, "responder", "partner", "resp.real").await;
        let planted = plant(&app, "partner", "coord.planted").await;
        let planted_id = account_id(&app, "coord.planted").await;
        let real_id = account_id(&app, "coord.real").await;
        let responder_id = account_id(&app, "resp.real").await;

        // The real coordinator imports and gives the queue to a member, then tries the planted one.
        import(&app, &coordinator, "ngo-kh").await;
        give(&app, &coordinator, "ngo-kh", "resp.real").await;
        let grant = format!("account={planted_id}");
        assert_eq!(
            status(&app, &coordinator, "/queues/ngo-kh/members", Some(&grant)).await,
            403
        );
        // Certifying needs the fingerprint the member reads out in person: no one-click
        // certification of whatever account the server lists.
        let certify = format!("/members/{planted_id}/certify");
        for typed in ["", "fingerprint=0000-0000-0000-0000-0000"] {
            assert_eq!(status(&app, &coordinator, &certify, Some(typed)).await, 422);
        }
        assert_eq!(copies_of(&app, "coord.planted").await, 0);

        // The planted account opens nothing and manages nobody.
        assert_eq!(status(&app, &planted, "/queues/ngo-kh", None).await, 403);
        let page = format!("/queues/ngo-kh/reports/{report}");
        assert_eq!(status(&app, &planted, &page, None).await, 403);
        let remove = format!("/members/{real_id}/remove");
        assert_eq!(status(&app, &planted, &remove, Some("")).await, 403);
        let reset = format!("/members/{responder_id}/reset");
        assert_eq!(status(&app, &planted, &reset, Some("")).await, 403);
        let certify_responder = format!("/members/{responder_id}/certify");
        let responder_print = format!(
            "fingerprint={}",
            crate::workspace::fingerprint_of(&app, "resp.real").await
        );
        assert_eq!(
            status(&app, &planted, &certify_responder, Some(&responder_print)).await,
            403
        );
        // A certificate it signs itself is not its organisation's.
        let own = homeward::crypto::signing::SigningKey::generate()
            .sign(&homeward::crypto::signing::Statement::Member {
                organisation: "partner",
                account: &planted_id,
                username: "coord.planted",
                role: "coordinator",
                identity: &homeward::crypto::signing::SigningKey::generate().verifying_key(),
            })
            .to_text();
        let forged = format!("signature={own}");
        assert_eq!(
            status(&app, &planted, "/workspace/certificate", Some(&forged)).await,
            422
        );
        let certificates = app
            .strings(&format!(
                "SELECT signer FROM certificates WHERE account_id = '{planted_id}'"
            ))
            .await;
        assert!(certificates.is_empty(), "{certificates:?}");
        let confirm = "/queues/ngo-kh/confirm";
        assert_eq!(status(&app, &planted, confirm, Some("")).await, 403);
        let rotate = "/queues/ngo-kh/rotate";
        assert_eq!(
            status(&app, &planted, rotate, Some("private_key=x&signature=y")).await,
            403
        );
        // Everyone the real coordinator manages is still there, and the planted holds nothing.
        assert_eq!(status(&app, &coordinator, &page, None).await, 200);
        assert_eq!(copies_of(&app, "coord.planted").await, 0);
        let workspace = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            workspace.contains("coord.planted (coordinator) · not certified"),
            "the organisation's coordinators see it as uncertified: {workspace}"
        );
        let banner = app
            .get_with("/workspace", &planted)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(banner.contains("homeward org certify"), "{banner}");
        assert!(
            banner.contains("action=\"/workspace/certificate\""),
            "{banner}"
        );
        // It learns nobody's name: not the members', not who holds which queue; and it invites
        // nobody.
        for name in ["resp.real", "coord.real"] {
            assert!(
                !banner.contains(name),
                "{name} shown to the planted account"
            );
        }
        let invite = "/invites";
        assert_eq!(
            status(
                &app,
                &planted,
                invite,
                Some("organisation=partner&role=responder")
            )
            .await,
            403
        );
    }
);

on_both_engines!(
    database_edits_give_a_planted_account_no_key,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.db").await;
        let _responder = staff(&app, "responder", "partner", "resp.db").await;
        let _planted = plant(&app, "partner", "coord.db.planted").await;
        import(&app, &coordinator, "ngo-kh").await;
        give(&app, &coordinator, "ngo-kh", "resp.db").await;
        let planted_id = account_id(&app, "coord.db.planted").await;
        let real_id = account_id(&app, "coord.db").await;
        let responder_id = account_id(&app, "resp.db").await;
        let grant_planted = format!("account={planted_id}");
        let refused = |what: &'static str| {
            let (app, coordinator, grant) = (&app, &coordinator, &grant_planted);
            async move {
                assert_eq!(
                    status(app, coordinator, "/queues/ngo-kh/members", Some(grant)).await,
                    403,
                    "{what}"
                );
                assert_eq!(copies_of(app, "coord.db.planted").await, 0, "{what}");
            }
        };

        // The real coordinator's certificate, copied to the planted account.
        app.tamper(
            &format!(
                "INSERT INTO certificates (account_id, signer, signature, certified_at)
                 SELECT '{planted_id}', signer, signature, certified_at FROM certificates
                 WHERE account_id = '{real_id}'"
            ),
            None,
            None,
        )
        .await;
        refused("a copied organisation certificate").await;
        // A certificate that names a certified coordinator as its signer, with their signature.
        app.tamper(
            &format!(
                "UPDATE certificates SET signer = '{real_id}', signature =
                     (SELECT signature FROM certificates WHERE account_id = '{responder_id}')
                 WHERE account_id = '{planted_id}'"
            ),
            None,
            None,
        )
        .await;
        refused("a certificate lifted from another member").await;

        // The responder's encryption key swapped for the planted account's: a grant to the
        // responder would be sealed to the planted key.
        app.tamper(
            &format!(
                "UPDATE accounts SET public_key =
                     (SELECT public_key FROM accounts WHERE id = '{planted_id}')
                 WHERE id = '{responder_id}'"
            ),
            None,
            None,
        )
        .await;
        app.tamper(
            &format!("DELETE FROM queue_key_copies WHERE account_id = '{responder_id}'"),
            None,
            None,
        )
        .await;
        let grant_responder = format!("account={responder_id}");
        assert_eq!(
            status(
                &app,
                &coordinator,
                "/queues/ngo-kh/members",
                Some(&grant_responder)
            )
            .await,
            403,
            "a swapped encryption key"
        );
        // ... and its identity key and binding too: the certificate covers the old identity.
        app.tamper(
            &format!(
                "UPDATE accounts SET identity_key =
                     (SELECT identity_key FROM accounts WHERE id = '{planted_id}'),
                     key_signature = (SELECT key_signature FROM accounts WHERE id = '{planted_id}')
                 WHERE id = '{responder_id}'"
            ),
            None,
            None,
        )
        .await;
        assert_eq!(
            status(
                &app,
                &coordinator,
                "/queues/ngo-kh/members",
                Some(&grant_responder)
            )
            .await,
            403,
            "a swapped identity"
        );
        assert_eq!(copies_of(&app, "resp.db").await, 0);

        // The organisation's verifying key swapped for the attacker's, who certifies the planted
        // account with it: the desk's countersignature, pinned outside the database, fails.
        let attacker = homeward::crypto::signing::SigningKey::generate();
        app.tamper(
            "UPDATE organisations SET signing_key = $1 WHERE id = 'partner'",
            Some(attacker.verifying_key().to_bytes()),
            None,
        )
        .await;
        let identity = app
            .store
            .identity(&planted_id)
            .await
            .ok()
            .flatten()
            .and_then(|row| row.identity_key)
            .and_then(|k| homeward::crypto::signing::VerifyingKey::from_bytes(&k).ok())
            .unwrap_or_else(|| panic!("no identity"));
        let forged = attacker.sign(&homeward::crypto::signing::Statement::Member {
            organisation: "partner",
            account: &planted_id,
            username: "coord.db.planted",
            role: "coordinator",
            identity: &identity,
        });
        app.tamper(
            &format!(
                "UPDATE certificates SET signer = 'organisation', signature = $1
                 WHERE account_id = '{planted_id}'"
            ),
            Some(forged.to_bytes()),
            None,
        )
        .await;
        refused("a swapped organisation key").await;
    }
);

on_both_engines!(
    an_identity_swapped_before_certification_is_never_certified,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.swap").await;
        let responder = staff(&app, "responder", "partner", "resp.swap").await;
        let _planted = plant(&app, "partner", "coord.swap.planted").await;
        import(&app, &coordinator, "ngo-kh").await;
        let responder_id = account_id(&app, "resp.swap").await;
        // The member reads their fingerprint from their own workspace: made from their session's
        // key, so what the database says cannot change it.
        let page = app
            .get_with("/workspace", &responder)
            .await
            .text()
            .await
            .unwrap_or_default();
        let true_print = crate::workspace::fingerprint_of(&app, "resp.swap").await;
        assert!(page.contains(&true_print), "{page}");

        // Before anyone certifies the member, the operator puts in their row a key pair of his
        // own, with an identity made from it that binds it to the member's account id.
        let own = homeward::crypto::KeyPair::generate();
        let identity = homeward::crypto::identity::identity_of(&own.private);
        let binding = identity.sign(&homeward::crypto::signing::Statement::AccountKey {
            account: &responder_id,
            key: &own.public,
        });
        for (column, bytes) in [
            ("public_key", own.public.to_bytes()),
            ("identity_key", identity.verifying_key().to_bytes()),
            ("key_signature", binding.to_bytes()),
        ] {
            app.tamper(
                &format!("UPDATE accounts SET {column} = $1 WHERE id = '{responder_id}'"),
                Some(bytes),
                None,
            )
            .await;
        }
        let page = app
            .get_with("/workspace", &responder)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            page.contains(&true_print),
            "the member still sees their own: {page}"
        );

        // The coordinator certifies with what the member read out: refused, nothing sealed.
        let certify = format!("/members/{responder_id}/certify");
        let typed = format!("fingerprint={true_print}");
        assert_eq!(
            status(&app, &coordinator, &certify, Some(&typed)).await,
            422
        );
        let grant = format!("account={responder_id}");
        assert_eq!(
            status(&app, &coordinator, "/queues/ngo-kh/members", Some(&grant)).await,
            403
        );
        assert_eq!(copies_of(&app, "resp.swap").await, 0);
        assert_eq!(copies_of(&app, "coord.swap.planted").await, 0);
    }
);
