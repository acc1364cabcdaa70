//! Black-box tests: the app on a random port with a fresh database per test, on SQLite and (as
//! ignored tests CI runs with `--ignored`) on PostgreSQL. One binary, so it compiles once.

mod helpers;
mod process;

mod about;
mod accounts;
mod alerts;
mod api_answers;
mod architecture;
mod attachments;
mod attacks;
mod audit;
mod authorization;
mod backups;
mod browser;
mod cleaning;
mod config_files;
mod crash;
mod credentials;
mod deploy_files;
mod disk_full;
mod errors;
mod files;
mod floods;
mod followup;
mod followup_api;
mod health;
mod intake;
mod malformed;
mod onion;
mod organisations;
mod pages;
mod postgres_tls;
mod privacy;
mod queue_grant;
mod referral;
mod reporter_changes;
mod retention;
mod rotation;
mod routing;
mod sealed;
mod startup;
mod stolen;
mod triage;
mod workspace;
mod workspace_api;
