//! The `homeward` command line's entry: it parses the command line (`cli::args`), answers the
//! container's health probe and serves (with the service manager's readiness notice, the
//! entry's business alone); every other command is `cli::commands`'.
#![forbid(unsafe_code)]

use std::net::IpAddr;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use homeward::cli::args::{Cli, Command};
use homeward::config::Settings;
use homeward::startup::Application;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Healthcheck { port, timeout } = cli.command {
        return healthcheck(&cli.config, port, timeout);
    }
    let outcome = match cli.command {
        Command::Serve => serve(&cli.config),
        command => homeward::cli::commands::run(cli.config, command),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("homeward: {e:#}");
            if homeward::config::is_misconfiguration(&e) {
                ExitCode::from(homeward::config::EX_CONFIG)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// 0 when the server on this machine answers /healthz with 200, 1 for anything else (unreadable
/// settings included): a container runtime reads nothing but those two.
fn healthcheck(config: &Path, port: Option<u16>, timeout: u64) -> ExitCode {
    use homeward::cli::healthcheck::{check_any, local_addresses};
    let at = match (Settings::load(config), port) {
        (Ok(settings), port) => {
            local_addresses(settings.server.host, port.unwrap_or(settings.server.port))
        }
        (Err(_), Some(port)) => local_addresses(IpAddr::from([127, 0, 0, 1]), port),
        (Err(e), None) => {
            eprintln!("homeward healthcheck: {e}");
            return ExitCode::FAILURE;
        }
    };
    match check_any(&at, std::time::Duration::from_secs(timeout.max(1))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("homeward healthcheck: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: &Path) -> anyhow::Result<()> {
    let settings = Settings::load(config)?;
    homeward::telemetry::init_stdout(&settings.log.filter, settings.log.format == "json");
    actix_web::rt::System::new().block_on(async {
        let app = Application::build(settings).await?;
        tracing::info!(
            port = app.port(),
            onion_port = app.onion_port(),
            metrics_port = app.metrics_port(),
            "listening"
        );
        // Migrated and bound: tell systemd (Type=notify); nothing without NOTIFY_SOCKET.
        if let Err(e) = sd_notify::notify(&[sd_notify::NotifyState::Ready]) {
            tracing::warn!(error = %e, "could not tell the service manager we are ready");
        }
        app.run_until_stopped().await?;
        anyhow::Ok(())
    })
}
