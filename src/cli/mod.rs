//! What the `homeward` command runs besides the server: the reference client that seals a report
//! on this machine and submits it (`sealed_submit`), a partner app's counterpart, and the
//! organisation's own grant of a queue key, sealed on its machine (`queue_grant`), and the
//! container's health probe (`healthcheck`). It talks to a
//! server over HTTP, as any client would, and may use every floor of the library.

pub mod healthcheck;
pub mod queue_grant;
pub mod sealed_submit;
