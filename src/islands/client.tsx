/**
 * The article in the browser: static HTML with islands. Nothing here hydrates the page as a whole.
 *
 * - Step tracking starts at once on every `[data-scrolly]` section (stepTracker.ts writes the DOM hooks
 *   on the static prose; no React); its first measurement runs in the first frame.
 * - Each `[data-island]` element is its own React root. The header (and the update prompt, which shows
 *   nothing until a new version is installed) hydrate at once; every other island when it comes within
 *   `NEAR_VIEWPORT` of the viewport (the page's visibility watcher, src/story/viewport.ts): its chunk is
 *   requested then, not before.
 * - Hydrations run one island at a time: the next starts only after the previous has committed and the
 *   browser has had a turn; each hydrates in a transition, which React renders in ~5 ms slices, so
 *   input and frames are held up by at most a slice and a commit.
 * - `<html data-hydrated="true">` (the tests' hook) is set once the step trackers have measured and the
 *   header and every island near the viewport at load have hydrated.
 */
import { startTransition, type ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { revealCopyButtons } from '../cite/copy';
import { yieldToEventLoop } from '../experiments/abort';
import { reloadAfterFailedRetry } from '../load/chunk-failure';
import { SiteHeaderControls } from '../pages/SiteHeader';
import { UpdatePrompt } from '../pages/UpdatePrompt';
import { trackScrolly, updateStepTrackingNow } from '../story/stepTracker';
import { watchViewport } from '../story/viewport';
import { IslandRoot } from './IslandRoot';
import { prepareExperiments } from './experiments';
import { ISLAND_ATTR, ISLAND_EAGER, islandIdentifierPrefix, type IslandName, type IslandProps } from './types';

/** How close to the viewport an island must come to load and hydrate: viewport heights, above and below. */
export const NEAR_VIEWPORT = 0.5;

type Loader<N extends IslandName> = (props: IslandProps[N]) => Promise<ComponentType<IslandProps[N]>>;

/**
 * Island name → its component. The header and the update prompt are small and needed at once, so they
 * are in this chunk; a figure's code (the shared figure shell and registry, then the figure's own view)
 * is fetched only for an island near the viewport.
 */
const LOADERS: { [N in IslandName]: Loader<N> } = {
  header: () => Promise.resolve(SiteHeaderControls),
  'update-prompt': () => Promise.resolve(UpdatePrompt),
  figure: ({ figure }) => {
    prepareExperiments(figure);
    return import('./FigureIsland').then(async (m) => {
      await m.loadFigureView(figure);
      return m.FigureIsland;
    });
  },
  'embed-frame': () => import('../pages/EmbedIslands').then((m) => m.EmbedFrameIsland),
  'embed-stepper': ({ figure }) =>
    import('../pages/EmbedIslands').then(async (m) => {
      await m.loadEmbedStepper(figure);
      return m.EmbedStepperIsland;
    }),
};

interface IslandElement {
  element: HTMLElement;
  name: IslandName;
  id: string;
  props: object;
}

function readIsland(element: HTMLElement): IslandElement | null {
  const name = element.getAttribute(ISLAND_ATTR.name) as IslandName | null;
  const id = element.getAttribute(ISLAND_ATTR.id);
  if (!name || !id || !(name in LOADERS)) return null;
  return { element, name, id, props: JSON.parse(element.getAttribute(ISLAND_ATTR.props) ?? '{}') as object };
}

/** Resolves in a fresh task, after the browser has had a chance to handle input and paint. */
function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { postTask?(cb: () => void, o?: { priority: string }): Promise<void> } })
    .scheduler;
  if (s?.postTask) return s.postTask(() => undefined, { priority: 'user-visible' });
  return yieldToEventLoop();
}

/**
 * Resolves in the next animation frame, before the browser's own style and layout of that frame, or after
 * `limitMs` if no frame comes first: Chromium runs no frames in a cross-origin iframe that is off screen (an
 * embed below the fold), and the page must still start its islands there.
 */
function nextFrame(limitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** One island at a time: each job hydrates one island and resolves when it has committed. */
function createHydrationQueue() {
  let tail: Promise<void> = Promise.resolve();
  return (job: () => Promise<void>): Promise<void> => {
    const run = tail.then(nextTask).then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}

function hydrateIsland<N extends IslandName>(
  island: IslandElement,
  Component: ComponentType<IslandProps[N]>,
): Promise<void> {
  return new Promise((resolve) => {
    const props = island.props as IslandProps[N];
    const started = performance.now();
    const onCommit = () => {
      island.element.dataset.islandHydrated = 'true';
      // For audits and benchmarks: from hydrateRoot to the island's commit.
      performance.measure(`island ${island.id}`, { start: started, end: performance.now() });
      resolve();
    };
    // In a transition, React hydrates the root at transition-hydration priority, which it renders in
    // ~5 ms slices, yielding to input and frames in between (at default priority it would render the
    // whole island in one task). Nothing can update an island before it has committed (its
    // subscriptions start in effects), so nothing forces the hydration to finish early.
    startTransition(() => {
      hydrateRoot(
        island.element,
        <IslandRoot onCommit={onCommit}>
          <Component {...props} />
        </IslandRoot>,
        { identifierPrefix: islandIdentifierPrefix(island.id) },
      );
    });
  });
}

/** What a failed island was, in the notice that replaces its interactivity. */
const FAILED_PART: Readonly<Record<IslandName, string>> = {
  header: 'The page controls',
  figure: 'This figure',
  'update-prompt': 'The update notice',
  'embed-frame': 'This page',
  'embed-stepper': 'This figure',
};

/**
 * An island whose code did not load (offline, or a deploy has replaced the chunks this page names) keeps its
 * server render, the figure's picture and text alternative included, and gains a notice with a retry. The
 * notice is the element's last child and is removed before a retry, so a later hydration finds exactly the
 * server's markup. A retry that fails again reloads the page where only a reload can fetch the chunk
 * (src/load/chunk-failure.ts).
 */
function showLoadFailure(element: HTMLElement, name: IslandName, retry: () => void): void {
  element.querySelector(':scope > .island__failure')?.remove();
  const notice = document.createElement('div');
  notice.className = 'fig__failure island__failure';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = `${FAILED_PART[name]} could not load its interactive part: the connection may have dropped, or the site has been updated since this page was opened. What is shown stays as first drawn.`;
  const retryButton = document.createElement('button');
  retryButton.type = 'button';
  retryButton.textContent = 'Retry';
  retryButton.addEventListener('click', () => {
    notice.remove();
    delete element.dataset.islandFailed;
    retry();
  });
  const reloadButton = document.createElement('button');
  reloadButton.type = 'button';
  reloadButton.textContent = 'Reload the page';
  reloadButton.addEventListener('click', () => window.location.reload());
  notice.append(text, retryButton, ' ', reloadButton);
  element.dataset.islandFailed = 'true';
  element.append(notice);
}

/** Starts the article's islands under `root`; resolves when the page counts as hydrated. */
export async function startIslands(root: HTMLElement): Promise<void> {
  // An embed's steppers carry the scrolly hooks too, but move by their buttons, not by scrolling.
  for (const section of root.querySelectorAll<HTMLElement>('[data-scrolly]:not([data-stepper])')) trackScrolly(section);
  revealCopyButtons(root);
  // The trackers' first measurement lays out the whole page. In this task, which evaluated the entry right
  // after the parser's last chunk, it would make one long task of parsing, script and layout; in the first
  // frame the browser lays the page out anyway, so the measurement costs the frame nothing extra.
  await nextFrame();
  updateStepTrackingNow();

  const enqueue = createHydrationQueue();
  const started = new WeakMap<HTMLElement, Promise<void>>();
  const start = (island: IslandElement, retry = false): Promise<void> => {
    let done = started.get(island.element);
    if (!done) {
      const loading = (LOADERS[island.name] as Loader<IslandName>)(island.props as never);
      done = loading.then(
        (Component) => enqueue(() => hydrateIsland(island, Component)),
        (error: unknown) => {
          if (retry) reloadAfterFailedRetry(error);
          showLoadFailure(island.element, island.name, () => {
            started.delete(island.element);
            void start(island, true);
          });
          throw error;
        },
      );
      done.catch((error: unknown) => console.error(`island "${island.id}" did not hydrate:`, error));
      started.set(island.element, done);
    }
    return done;
  };

  const islands = Array.from(root.querySelectorAll<HTMLElement>(`[${ISLAND_ATTR.name}]`), readIsland).filter(
    (i): i is IslandElement => i !== null,
  );
  const initial: Promise<void>[] = [];
  const lazy: IslandElement[] = [];
  for (const island of islands) {
    if (ISLAND_EAGER[island.name]) initial.push(start(island));
    else lazy.push(island);
  }

  // Every lazy island has a first report: those near the viewport then are the ones the page waits for
  // before it counts as hydrated; the others start when they come near.
  let unreported = lazy.length;
  await new Promise<void>((resolve) => {
    if (unreported === 0) resolve();
    for (const island of lazy) {
      let first = true;
      const stop = watchViewport(
        island.element,
        (r) => {
          if (r.within(NEAR_VIEWPORT)) {
            stop();
            const done = start(island);
            if (unreported > 0) initial.push(done);
          }
          if (first) {
            first = false;
            if (--unreported === 0) resolve();
          }
        },
        [NEAR_VIEWPORT],
      );
    }
  });
  await Promise.allSettled(initial);
  document.documentElement.setAttribute('data-hydrated', 'true');
}
