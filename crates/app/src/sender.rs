//! What sending a message needs: the store that records it, the mailer that
//! carries it, the public address that links in it point at, and the
//! instance that claims the work.

use oversyn_mail::Mailer;
use oversyn_store::Store;

#[derive(Clone, Copy)]
pub struct Sender<'a> {
    pub store: &'a Store,
    pub mailer: &'a Mailer,
    /// E.g. `https://oversyn.example.se`; respondents' links start with it.
    pub public_url: &'a str,
    /// This instance, as the holder of the jobs it claims.
    pub worker: &'a crate::jobs::Worker,
}
