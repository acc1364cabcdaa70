//! Attacks, one test per break, each named for what it tries: it failed before the break was
//! mended and passes since.

mod demo_desk;
mod expired_secrets;
mod one_click;
mod unknown_locator;
mod weak_argon2;
