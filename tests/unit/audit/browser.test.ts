import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { removeProfile, stopProcess, whenClosed } from '../../../scripts/audit/browser';

/** A Node child that keeps running; with `ignoreTerm` it ignores SIGTERM, as a busy browser may. */
function sleeper(ignoreTerm = false) {
  const code = `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''} console.log('up'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  const up = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, closed: whenClosed(child), up };
}

describe('audit browser cleanup', () => {
  it('stops a process with SIGTERM and resolves once it has closed', async () => {
    const { child, closed, up } = sleeper();
    await up;
    await stopProcess(child, closed, 5_000);
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('falls back to SIGKILL when the process ignores SIGTERM past the grace time', async () => {
    const { child, closed, up } = sleeper(true);
    await up;
    await stopProcess(child, closed, 300);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('returns at once for a process that has already closed', async () => {
    const { child, closed, up } = sleeper();
    await up;
    child.kill('SIGKILL');
    await closed;
    const kill = vi.spyOn(child, 'kill');
    await stopProcess(child, closed, 5_000);
    expect(kill).not.toHaveBeenCalled();
  });

  it('removes a profile folder with its contents', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qml-audit-test-'));
    mkdirSync(path.join(dir, 'Default', 'Cache'), { recursive: true });
    writeFileSync(path.join(dir, 'Default', 'Cache', 'data_0'), 'x');
    expect(await removeProfile(dir)).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('asks rm to retry, and reports a folder it could not remove instead of throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const remove = vi.fn(() =>
      Promise.reject(Object.assign(new Error('ENOTEMPTY: directory not empty'), { code: 'ENOTEMPTY' })),
    );
    expect(await removeProfile('/tmp/qml-audit-gone', remove)).toBe(false);
    expect(remove).toHaveBeenCalledWith('/tmp/qml-audit-gone', expect.objectContaining({ maxRetries: 8 }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('ENOTEMPTY');
    warn.mockRestore();
  });
});
