/** Runs the CLI as a user does: a child process on the TypeScript entry point (`node --import tsx bin/cli.ts ...`). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  /** What it wrote on standard output so far. */
  stdout(): string;
  ended: Promise<CliResult>;
}

function start(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ended = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, stdout: () => stdout, ended };
}

/** Runs the CLI with `args`, feeding `input` on standard input (closed at once when absent). */
export function cli(args: string[], input = '', env: Record<string, string> = {}): Promise<CliResult> {
  const { child, ended } = start(args, env);
  child.stdin.end(input);
  return ended;
}

export interface RunningCli {
  /** The first line the command writes on standard output; rejects if it ends without writing one. */
  firstLine: Promise<string>;
  /** Sends `signal` and resolves once the command has ended. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
}

/** Starts the CLI with `args`, for a command that runs until it is stopped. */
export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const { child, stdout, ended } = start(args, env);
  child.stdin.end();
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const end = stdout().indexOf('\n');
      if (end >= 0) resolve(stdout().slice(0, end));
    });
    void ended.then(({ code, stderr }) => reject(new Error(`ended with ${code} before writing a line: ${stderr}`)));
  });
  return {
    firstLine,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return ended;
    },
  };
}
