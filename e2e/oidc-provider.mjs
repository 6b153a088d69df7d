// A real OpenID Connect provider for the sign-in tests: `oidc-provider` from
// npm (a certified implementation) on a free local port, with its own
// development login pages (any login, any password). The tests start it,
// read one JSON line from stdout ({"issuer": …}) and steer it through a
// small control API under /test/:
//
//   POST /test/groups   {"login": "anna", "groups": ["oversyn-editors"]}
//   POST /test/tamper   {"mode": "aud" | "exp" | "nonce" | "key" | ""}
//
// Tampering re-signs the ID token the token endpoint returns, so the party
// that signs in sees a token with a wrong audience, an expired one, one
// with another nonce, or one signed by a key the provider never published
// — what a broken or hostile provider could send, which the provider itself
// will not produce.
//
//   node oidc-provider.mjs CLIENT_ID CLIENT_SECRET REDIRECT_URI [POST_LOGOUT_URI]
import Provider from 'oidc-provider';
import * as jose from 'jose';
import { createServer } from 'node:http';

const [clientId, clientSecret, redirectUri, postLogoutUri] = process.argv.slice(2);
if (!clientId || !clientSecret || !redirectUri) {
  console.error('usage: node oidc-provider.mjs CLIENT_ID CLIENT_SECRET REDIRECT_URI [POST_LOGOUT_URI]');
  process.exit(2);
}

const alg = 'RS256';
const { privateKey } = await jose.generateKeyPair(alg, { extractable: true });
const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg, use: 'sig' };
const { privateKey: strangerKey } = await jose.generateKeyPair(alg);

const groups = new Map();
let tamper = '';

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { try { resolve(JSON.parse(body || '{}')); } catch (e) { reject(e); } });
  });
}

async function retampered(idToken) {
  const claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (tamper === 'aud') claims.aud = 'someone-else';
  if (tamper === 'exp') { claims.iat = now - 3600; claims.exp = now - 1800; }
  if (tamper === 'nonce') claims.nonce = 'a-nonce-nobody-asked-for';
  const key = tamper === 'key' ? strangerKey : await jose.importJWK(signingJwk, alg);
  return new jose.SignJWT(claims).setProtectedHeader({ alg, kid: 'test-key' }).sign(key);
}

// The port must be known before the provider is made (it is the issuer).
const server = createServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: postLogoutUri ? [postLogoutUri] : [],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [signingJwk] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // The claims asked for by scope go into the ID token too, as Entra ID and
  // Keycloak put `groups` there.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: `${id}@idp.example`, email_verified: true, name: id, groups: groups.get(id) ?? [] };
      },
    };
  },
});
provider.proxy = false;

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && tamper && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await retampered(ctx.body.id_token) };
  }
});

const callback = provider.callback();
server.on('request', async (req, res) => {
  if (req.method === 'POST' && req.url === '/test/groups') {
    const { login, groups: g } = await readJson(req);
    groups.set(login, g);
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'POST' && req.url === '/test/tamper') {
    tamper = (await readJson(req)).mode || '';
    res.writeHead(204).end();
    return;
  }
  callback(req, res);
});

console.log(JSON.stringify({ issuer }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
