/**
 * A moto server (a local AWS API) for tests that must see what SNS really delivers. moto is a
 * Python package: it lives in a venv under node_modules/.cache, made on first use, so a fresh
 * clone needs only python3 with venv and pip (.ci/run installs them on Debian).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Pinned: moto's behaviour (filter policies above all) is what the tests assert on. */
const MOTO_REQUIREMENT = 'moto[server]==5.1.22';

const CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
const VENV = join(CACHE, 'moto-venv');
const LOCK = join(CACHE, 'moto-venv.lock');
/** Written last into a finished venv, so a venv from another pin is rebuilt, not used. */
const READY_MARKER = 'transfer-watch-requirement.txt';

/** Longer than a cold pip install of moto and its dependencies on a slow mirror. */
const SETUP_TIMEOUT_MS = 280_000;
const START_TIMEOUT_MS = 60_000;

/** Give beforeAll this much: a cold venv is a pip install, which no test timeout allows for. */
export const MOTO_SETUP_TIMEOUT_MS = 300_000;

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

export class MotoServerError extends Error {
  override name = 'MotoServerError';
}

export async function startMotoServer(): Promise<MotoServer> {
  const python = await ensureMotoVenv();
  const port = await freePort();
  // `python -m moto.server` is the moto_server script without its shebang, which names the
  // folder the venv was built in, not the one it was renamed to.
  const child = spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr = tail(child);
  // A test process that ends without stop() (a crash, a timeout) must not leave moto running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, child, stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/** Returns the venv's python, building the venv first when no finished one is there. */
async function ensureMotoVenv(): Promise<string> {
  const python = join(VENV, 'bin', 'python');
  if (await isReady(VENV)) return python;
  await mkdir(CACHE, { recursive: true });
  const release = await lock();
  try {
    // Another test file may have built it while this one waited for the lock.
    if (await isReady(VENV)) return python;
    // Built aside and renamed into place, so that a run killed halfway leaves no venv that looks
    // finished; what such runs left is swept here, by the one process allowed to build.
    const building = `${VENV}.building-${process.pid}`;
    await sweepUnfinished();
    try {
      await run('python3', ['-m', 'venv', building]);
      await run(join(building, 'bin', 'python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', MOTO_REQUIREMENT]);
      await writeFile(join(building, READY_MARKER), MOTO_REQUIREMENT);
    } catch (error) {
      await rm(building, { recursive: true, force: true });
      throw error;
    }
    await rm(VENV, { recursive: true, force: true });
    await rename(building, VENV);
    return python;
  } finally {
    await release();
  }
}

async function sweepUnfinished(): Promise<void> {
  const prefix = `${basename(VENV)}.building-`;
  for (const entry of await readdir(CACHE)) {
    if (entry.startsWith(prefix)) await rm(join(CACHE, entry), { recursive: true, force: true });
  }
}

async function isReady(venv: string): Promise<boolean> {
  try {
    return (await readFile(join(venv, READY_MARKER), 'utf8')) === MOTO_REQUIREMENT;
  } catch {
    return false;
  }
}

/**
 * Lets one process at a time build the venv: several test files start at once under vitest, and
 * two installs of moto and its dependencies (some 340 MB) at once are slow on a small machine.
 * The lock file holds its owner's pid, so a lock left by a process that died is taken over rather
 * than waited on; it is linked into place whole, so nobody ever reads it without its pid.
 */
async function lock(): Promise<() => Promise<void>> {
  const deadline = Date.now() + SETUP_TIMEOUT_MS;
  // Unique per call, not per pid: vitest's threads pool runs several test files in one process.
  const mine = `${LOCK}.${process.pid}-${randomUUID()}`;
  await writeFile(mine, String(process.pid));
  try {
    for (;;) {
      try {
        await link(mine, LOCK);
        return () => unlink(LOCK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (!(await ownerAlive(LOCK))) {
        await rm(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new MotoServerError(`timed out waiting for ${LOCK}, held by another process building the moto venv`);
      await sleep(500);
    }
  } finally {
    await unlink(mine);
  }
}

async function ownerAlive(lockFile: string): Promise<boolean> {
  let owner: number;
  try {
    owner = Number(await readFile(lockFile, 'utf8'));
  } catch {
    // Gone already: whoever held it is done.
    return false;
  }
  try {
    process.kill(owner, 0);
    return true;
  } catch (error) {
    // EPERM: alive, only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs a setup command; a failure names the command and shows the end of what it printed. */
function run(command: string, args: string[]): Promise<void> {
  const shown = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = tail(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), SETUP_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new MotoServerError(
          `\`${shown}\` could not start (${error.message}); python3 with venv and pip is needed (Debian: apt-get install python3-venv python3-pip)`,
        ),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new MotoServerError(`\`${shown}\` failed (${signal ?? `exit code ${code}`}):\n${output()}`));
    });
  });
}

/** Keeps the last few KiB a child printed, for an error message. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilServing(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const shown = `moto server on ${endpoint}`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new MotoServerError(`${shown} exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before serving:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new MotoServerError(`${shown} did not answer within ${START_TIMEOUT_MS / 1000} s:\n${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}
