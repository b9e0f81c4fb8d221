/**
 * A reader that closes the pipe early (`npm run experiment … | head -1`) ends the output quietly:
 * exit 0, nothing on stderr, instead of an unhandled EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runClosingAfterFirstChunk(args: string[]): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let got = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      got = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('CLI output into a pipe that closes early', () => {
  it('stops with exit 0 and no error once the reader has gone', async () => {
    // 64×64 grid = 4,097 lines (~170 KB): far more than one pipe buffer, so writes continue after the close.
    const r = await runClosingAfterFirstChunk(['landscape', '--qubits', '4', '--layers', '4', '--grid', '64']);
    expect(r.got.startsWith('qubits,theta1,theta2,cost\n')).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);
});
