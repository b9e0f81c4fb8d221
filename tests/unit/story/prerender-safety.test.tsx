/**
 * Pre-rendering in Node never touches `window` or `document` — not at import time, not while
 * rendering. This file runs in Vitest's plain Node environment (no jsdom), where any use of `window`,
 * `document` or `location` throws a ReferenceError; the modules are imported and rendered there.
 */
import { describe, expect, it } from 'vitest';

/** Node semantics: `typeof window` checks are fine, any use of window/document throws ReferenceError. */
function assertNoBrowserGlobals() {
  expect(typeof (globalThis as Record<string, unknown>).window).toBe('undefined');
  expect(typeof (globalThis as Record<string, unknown>).document).toBe('undefined');
  expect(typeof (globalThis as Record<string, unknown>).location).toBe('undefined');
}

async function renderStatic(node: React.ReactNode): Promise<string> {
  const { prerenderToNodeStream } = await import('react-dom/static');
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(node, { onError: (e) => void errors.push(e) });
  let html = '';
  for await (const chunk of prelude)
    html += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  if (errors.length) throw errors[0];
  return html;
}

describe('pre-render safety', () => {
  it('imports the story, chart, registry and shot-noise modules without window/document', async () => {
    assertNoBrowserGlobals();
    await import('../../../src/story');
    await import('../../../src/story/FigureShell');
    await import('../../../src/charts');
    const registry = await import('../../../src/figures/registry');
    await import('../../../src/figures/shot-noise/view');
    await registry.preloadFigureViews();
    assertNoBrowserGlobals();
  });

  it('renders the shot-noise section at step 0 with its data, hooks and text alternative', async () => {
    const { Scrolly, Step, Notes } = await import('../../../src/story');
    const { FigureIsland } = await import('../../../src/islands/FigureIsland');
    const html = await renderStatic(
      <Scrolly figure="shot-noise" graphic={<FigureIsland figure="shot-noise" />}>
        {['a', 'b', 'c', 'd', 'e'].map((k) => (
          <Step key={k}>
            <p>prose {k}</p>
            <Notes>note {k}</Notes>
          </Step>
        ))}
      </Scrolly>,
    );
    assertNoBrowserGlobals();
    expect(html).toContain('data-scrolly="shot-noise"');
    expect(html).toContain('data-active-step="0"');
    expect(html).toMatch(/<figure[^>]*data-figure="shot-noise"[^>]*data-step="0"[^>]*data-ready="true"/);
    const alt = /<div data-figure-alt="">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(alt).toContain('cos θ = 0.454');
    expect(alt).toMatch(/N = 1 shot per run, 400 simulated runs averaged/);
    expect(alt).toContain('<table');
    // Single-shot estimates: exactly two bars.
    expect(html.match(/class="sn-bar"/g)).toHaveLength(2);
    expect(html).toContain('Download CSV');
    expect(html).toContain('How this was computed');
  });
});
