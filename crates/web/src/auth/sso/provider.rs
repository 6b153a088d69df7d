//! Talking to a tenant's OpenID Connect provider with the `openidconnect`
//! crate: discovery from the issuer's `/.well-known/openid-configuration`,
//! the authorization URL (code flow with PKCE and a nonce), the code
//! exchange, and the ID token's checks (signature against the provider's
//! published keys, issuer, audience, expiry, nonce). Discovery runs at each
//! sign-in, so rotated keys are picked up without a restart.

use super::client::Http;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, ProviderMetadataWithLogout, RedirectUrl, Scope,
};
use oversyn_store::oidc::OidcSettings;

/// Why a sign-in failed at the provider's end, for the refusal page.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// Unreachable, or an answer that is not what the standard says.
    #[error("{0}")]
    Unreachable(String),
    /// The ID token failed a check: not to be trusted.
    #[error("{0}")]
    Token(String),
    /// The tenant's settings cannot work (a bad URL, a missing secret).
    #[error("{0}")]
    Settings(String),
}

/// A sign-in to send the person's browser to.
pub struct Authorization {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// What the provider vouched for in a checked ID token.
pub struct Identity {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    /// The whole verified payload, for the tenant's role claim.
    pub claims: serde_json::Value,
    /// The ID token as received, for the provider's logout.
    pub id_token: String,
}

async fn discover(s: &OidcSettings) -> Result<ProviderMetadataWithLogout, ProviderError> {
    let issuer = IssuerUrl::new(s.issuer.clone())
        .map_err(|e| ProviderError::Settings(format!("issuer {}: {e}", s.issuer)))?;
    ProviderMetadataWithLogout::discover_async(issuer, &Http::shared())
        .await
        .map_err(|e| ProviderError::Unreachable(format!("discovery at {}: {e}", s.issuer)))
}

fn secret(s: &OidcSettings) -> Result<ClientSecret, ProviderError> {
    use oversyn_store::oidc::ClientSecret as Source;
    let v = match &s.secret {
        Source::Stored(v) => v.clone(),
        Source::Env(name) => std::env::var(name).map_err(|_| {
            ProviderError::Settings(format!("the client secret's variable {name} is not set"))
        })?,
    };
    if v.is_empty() {
        return Err(ProviderError::Settings("the client secret is empty".into()));
    }
    Ok(ClientSecret::new(v))
}

fn client(
    s: &OidcSettings,
    meta: ProviderMetadataWithLogout,
    redirect: &str,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    ProviderError,
> {
    let redirect = RedirectUrl::new(redirect.to_owned())
        .map_err(|e| ProviderError::Settings(format!("redirect address: {e}")))?;
    Ok(CoreClient::from_provider_metadata(
        meta,
        ClientId::new(s.client_id.clone()),
        Some(secret(s)?),
    )
    .set_redirect_uri(redirect))
}

/// Where to send the browser to sign in, with the state, nonce and PKCE
/// verifier to keep until the provider answers.
pub async fn authorize(s: &OidcSettings, redirect: &str) -> Result<Authorization, ProviderError> {
    let meta = discover(s).await?;
    let client = client(s, meta, redirect)?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        // Providers that send groups only when asked (Keycloak's and
        // oidc-provider's `groups` scope) need the scope named; others
        // ignore a scope they do not know.
        .add_scope(Scope::new(s.role_claim.clone()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Authorization {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    })
}

/// Exchanges the code and checks the ID token.
pub async fn redeem(
    s: &OidcSettings,
    redirect: &str,
    code: &str,
    pkce_verifier: &str,
    nonce: &str,
) -> Result<Identity, ProviderError> {
    use openidconnect::TokenResponse;
    let meta = discover(s).await?;
    let client = client(s, meta, redirect)?;
    let token = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| ProviderError::Unreachable(format!("no token endpoint: {e}")))?
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
        .request_async(&Http::shared())
        .await
        .map_err(|e| ProviderError::Unreachable(format!("code exchange: {e}")))?;
    let id_token = token
        .id_token()
        .ok_or_else(|| ProviderError::Token("the provider sent no ID token".into()))?;
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &Nonce::new(nonce.to_owned()))
        .map_err(|e| ProviderError::Token(e.to_string()))?;
    let raw = id_token.to_string();
    Ok(Identity {
        subject: claims.subject().to_string(),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified(),
        claims: payload(&raw).unwrap_or(serde_json::Value::Null),
        id_token: raw,
    })
}

/// The JSON payload of a JWT whose signature was checked already.
fn payload(jwt: &str) -> Option<serde_json::Value> {
    use base64::Engine;
    let part = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The provider's logout address for a session that began with `id_token`,
/// if the provider offers one (RP-initiated logout).
pub async fn logout_url(s: &OidcSettings, id_token: &str, back_to: &str) -> Option<String> {
    let meta = discover(s).await.ok()?;
    let end = meta.additional_metadata().end_session_endpoint.clone()?;
    let mut url = end.url().clone();
    url.query_pairs_mut()
        .append_pair("id_token_hint", id_token)
        .append_pair("client_id", &s.client_id)
        .append_pair("post_logout_redirect_uri", back_to);
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn payload_reads_the_middle_part() {
        // {"sub":"anna","groups":["a"]}
        let jwt = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm5hIiwiZ3JvdXBzIjpbImEiXX0.";
        let p = super::payload(jwt).unwrap();
        assert_eq!(p["sub"], "anna");
        assert_eq!(p["groups"][0], "a");
        assert!(super::payload("not a token").is_none());
    }
}
