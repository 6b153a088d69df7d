// The server under test: the real `oversyn` binary, freshly built by cargo,
// serving the Stockholm demo from a scratch database that nothing else uses
// (a SQLite file in a temporary folder, or a PostgreSQL database created for
// this run and dropped after it).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/// Builds the binary (a no-op when it is up to date) and returns its path,
/// as cargo reports it, so CARGO_TARGET_DIR and profiles need no guessing.
/// OVERSYN_BIN names a binary to use as it is.
export function binary(root) {
  if (process.env.OVERSYN_BIN) return process.env.OVERSYN_BIN;
  const r = spawnSync('cargo', ['build', '-p', 'oversyn', '--bin', 'oversyn', '--message-format=json-render-diagnostics'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`cargo build failed (exit ${r.status})`);
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line);
    if (m.reason === 'compiler-artifact' && m.target.name === 'oversyn' && m.executable) return m.executable;
  }
  throw new Error('cargo did not report the oversyn executable');
}

/// The databases to run on: always SQLite; PostgreSQL too when
/// OVERSYN_TEST_POSTGRES_URL names a server (as for the Rust tests).
export function backends() {
  const list = [{ name: 'sqlite' }];
  if (process.env.OVERSYN_TEST_POSTGRES_URL) list.push({ name: 'postgres', admin: process.env.OVERSYN_TEST_POSTGRES_URL });
  return list;
}

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
  if (r.error) throw new Error(`psql could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`psql: ${r.stderr.trim()}`);
}

/// The environment without mail settings, so invitations wait in the outbox
/// as they do for an official without a mail server.
function serverEnv() {
  const env = { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' };
  for (const k of Object.keys(env)) if (/^OVERSYN_(SMTP_|MAIL_|PUBLIC_URL|ADDR)/.test(k)) delete env[k];
  return env;
}

/// Starts the server on a free port; resolves once it prints its address
/// and the demo login. `stop()` ends it and removes its database.
export async function startServer(bin, backend) {
  const dir = mkdtempSync(join(tmpdir(), 'oversyn-e2e-'));
  let url = `sqlite://${join(dir, 'e2e.db')}`;
  let dropDb = () => {};
  if (backend.admin) {
    const name = `oversyn_e2e_${randomBytes(6).toString('hex')}`;
    psql(backend.admin, `CREATE DATABASE ${name}`);
    const u = new URL(backend.admin);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDb = () => psql(backend.admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const child = spawn(bin, ['--data-dir', dir, '--database-url', url, 'serve', '--demo', '--addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: serverEnv(),
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    try {
      dropDb();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const started = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s: ${out}`)), 120000);
      child.stdout.on('data', (d) => {
        out += d;
        const at = out.match(/running at (http:\/\/\S+?)\/?\s/);
        const login = out.match(/e-mail (\S+), password (\S+)/);
        if (at && login) {
          clearTimeout(timer);
          resolve({ base: at[1], email: login[1], password: login[2] });
        }
      });
      exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before it was ready: ${out}`));
      });
    });
    return { ...started, stop, databaseUrl: url, dataDir: dir };
  } catch (e) {
    await stop();
    throw e;
  }
}
