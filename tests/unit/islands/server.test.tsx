/**
 * The islands pre-render (src/islands/server.tsx): each island is rendered as its own root with its id as
 * `identifierPrefix` and spliced into the page in place of its placeholder, so the HTML inside an island's
 * element is exactly what hydrating that root (same tree, same prefix) expects, `useId` values included.
 */
import { useId } from 'react';
import { describe, expect, it } from 'vitest';
import { Island } from '../../../src/islands/Island';
import { IslandRoot } from '../../../src/islands/IslandRoot';
import { renderIslandsPage, renderStatic } from '../../../src/islands/server';
import { islandIdentifierPrefix } from '../../../src/islands/types';

function Labelled({ figure }: { figure: string }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {figure} <input id={id} />
    </label>
  );
}

const Page = ({ figures }: { figures: string[] }) => (
  <main>
    <p>Static prose {useId()}</p>
    {figures.map((f) => (
      <Island
        key={f}
        name="figure"
        id={`figure-${f}`}
        props={{ figure: f }}
        component={Labelled}
        className="scrolly__graphic"
      />
    ))}
  </main>
);

/** The inner HTML of the element carrying `data-island-id="<id>"`. */
function islandInner(html: string, id: string): string {
  const open = new RegExp(`<div[^>]*data-island-id="${id}"[^>]*>`).exec(html);
  if (!open) throw new Error(`no island ${id}`);
  const start = open.index + open[0].length;
  return html.slice(start, html.indexOf('</div>', start));
}

describe('renderIslandsPage', () => {
  it('splices each island rendered alone, with its id as identifierPrefix', async () => {
    const { html, islands } = await renderIslandsPage(<Page figures={['a', 'b']} />, 'test page');
    expect(islands).toEqual(['figure-a', 'figure-b']);
    expect(html).not.toContain('<!--island:');
    for (const f of ['a', 'b']) {
      const alone = await renderStatic(
        <IslandRoot>
          <Labelled figure={f} />
        </IslandRoot>,
        f,
        islandIdentifierPrefix(`figure-${f}`),
      );
      expect(islandInner(html, `figure-${f}`)).toBe(alone);
      // The island's ids carry its own prefix: unique on the page and reproducible by its hydration.
      expect(alone).toContain(`figure-${f}-`);
    }
    const props = /data-island-props="([^"]*)"/.exec(html)?.[1].replace(/&quot;/g, '"');
    expect(JSON.parse(props ?? '')).toEqual({ figure: 'a' });
  });

  it('renders islands in place when no collector is present (a page rendered whole)', async () => {
    const html = await renderStatic(<Page figures={['a']} />, 'whole page');
    expect(html).not.toContain('<!--island:');
    expect(islandInner(html, 'figure-a')).toContain('<input');
  });

  it('refuses two islands with the same id', async () => {
    await expect(renderIslandsPage(<Page figures={['a', 'a']} />, 'duplicate')).rejects.toThrow(
      /two islands with the id "figure-a"/,
    );
  });
});
