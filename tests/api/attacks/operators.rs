//! Operators cannot multiply themselves: an operator they invite stands only once the desk
//! organisation countersigns it, offline. When none is left, the server's console recovers
//! operator access, audited and announced to every member.

use secrecy::ExposeSecret;

use crate::accounts::{code_for, enrol, login};
use crate::helpers::{code_in_page, on_both_engines, spawn_app, TestApp};
use crate::workspace::{account_id, csrf_of, staff};

async fn session(app: &TestApp, token: &str, username: &str) -> String {
    let (secret, _) = enrol(app, token, username).await;
    login(app, username, &code_for(&secret, 0))
        .await
        .map(|(cookie, _)| cookie)
        .unwrap_or_else(|s| panic!("login: {s}"))
}

async fn post(app: &TestApp, cookie: &str, path: &str, form: &str) -> reqwest::Response {
    let csrf = csrf_of(app, cookie).await;
    app.post_form_with(path, &format!("csrf={csrf}&{form}"), Some(cookie))
        .await
}

/// What `homeward org certify --operator` prints, with the key `signer` (the desk's, or not).
async fn countersignature(
    app: &TestApp,
    signer: &homeward::crypto::signing::SigningKey,
    username: &str,
) -> String {
    let id = account_id(app, username).await;
    let identity = app
        .store
        .identity(&id)
        .await
        .ok()
        .flatten()
        .and_then(|row| row.identity_key)
        .and_then(|k| homeward::crypto::signing::VerifyingKey::from_bytes(&k).ok())
        .unwrap_or_else(|| panic!("no identity"));
    signer
        .sign(&homeward::crypto::signing::Statement::Member {
            organisation: homeward::trust::certification::OPERATORS,
            account: &id,
            username,
            role: "operator",
            identity: &identity,
        })
        .to_text()
}

on_both_engines!(
    an_operator_cannot_make_another_operator_alone,
    |engine| async move {
        let app = spawn_app(engine).await;
        let first = session(&app, &app.invite("operator", None).await, "op.first").await;
        let invited = post(&app, &first, "/invites", "role=operator&organisation=").await;
        assert_eq!(invited.status().as_u16(), 200);
        let link = code_in_page(&invited.text().await.unwrap_or_default());
        let token = link.rsplit('/').next().unwrap_or_default().to_owned();
        let second = session(&app, &token, "op.second").await;

        // Invited by an operator alone, it can do nothing as an operator.
        assert_eq!(
            app.get_with("/organisations", &second)
                .await
                .status()
                .as_u16(),
            403
        );
        let invite = post(
            &app,
            &second,
            "/invites",
            "role=coordinator&organisation=partner",
        )
        .await;
        assert_eq!(invite.status().as_u16(), 403);
        let signing_key = homeward::crypto::signing::SigningKey::generate()
            .verifying_key()
            .to_text();
        let register = post(
            &app,
            &second,
            "/organisations",
            &format!(
                "id=puppet&name=Puppet&kind=ngo&country=TH&contact=&signing_key={signing_key}"
            ),
        )
        .await;
        assert_eq!(register.status().as_u16(), 403);
        let suspend = post(
            &app,
            &second,
            "/organisations/partner/suspension",
            "suspend=yes",
        )
        .await;
        assert_eq!(suspend.status().as_u16(), 403);
        let again = post(&app, &second, "/invites", "role=operator&organisation=").await;
        assert_eq!(again.status().as_u16(), 403);
        let workspace = app
            .get_with("/workspace", &second)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            workspace.contains("homeward org certify --operator"),
            "{workspace}"
        );

        // A countersignature the operators made themselves is refused.
        let own = homeward::crypto::signing::SigningKey::generate();
        let forged = countersignature(&app, &own, "op.second").await;
        let refused = post(
            &app,
            &second,
            "/workspace/certificate",
            &format!("signature={forged}"),
        )
        .await;
        assert_eq!(refused.status().as_u16(), 422);
        assert_eq!(
            app.get_with("/organisations", &second)
                .await
                .status()
                .as_u16(),
            403
        );

        // The desk organisation's, made offline, makes it an operator.
        let desk = countersignature(&app, app.signers.of("operator"), "op.second").await;
        let accepted = post(
            &app,
            &second,
            "/workspace/certificate",
            &format!("signature={desk}"),
        )
        .await;
        assert_eq!(accepted.status().as_u16(), 200);
        assert_eq!(
            app.get_with("/organisations", &second)
                .await
                .status()
                .as_u16(),
            200
        );
    }
);

on_both_engines!(
    operator_access_is_recovered_at_the_console_and_announced,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.recover").await;
        let before = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(!before.contains("Operator access was recovered"));

        let token = app
            .console_accounts()
            .recovery_invite()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let operator = session(&app, token.expose_secret(), "op.recovered").await;
        assert_eq!(
            app.get_with("/organisations", &operator)
                .await
                .status()
                .as_u16(),
            200
        );
        let after = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(after.contains("Operator access was recovered"), "{after}");
        let audited = app
            .store
            .audit_entries(0, 1000)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|row| row.action == "operator_recovered" && row.actor == "console")
            .count();
        assert_eq!(audited, 1);
    }
);

on_both_engines!(
    the_console_makes_no_quiet_operator_while_operators_or_members_exist,
    |engine| async move {
        let app = spawn_app(engine).await;
        let _coordinator = staff(&app, "coordinator", "partner", "coord.console").await;
        let config = crate::process::write_config(&app, "", "");
        let run = |args: &[&str]| crate::process::run(&config, args);
        let announced = || async {
            app.strings("SELECT action FROM audit_log WHERE action = 'operator_recovered'")
                .await
                .len()
        };

        // No operator (say its rows were deleted), but members: a "first" bootstrap is refused,
        // since the deployment is in use; a new operator made here is a recovery, announced.
        let (ok, _, err) = run(&["admin", "bootstrap"]);
        assert!(!ok);
        assert!(err.contains("recover-operator"), "{err}");

        let first = session(&app, &app.invite("operator", None).await, "op.console").await;
        assert!(!first.is_empty());
        let (ok, out, err) = run(&["admin", "recover-operator"]);
        assert!(!ok, "{out}");
        assert!(err.contains("--operators-lost"), "{err}");
        assert_eq!(announced().await, 0);

        let (ok, out, err) = run(&["admin", "recover-operator", "--operators-lost"]);
        assert!(ok, "{err}");
        assert!(out.contains("/invite/"), "{out}");
        assert_eq!(announced().await, 1);
    }
);
