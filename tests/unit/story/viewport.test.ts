/**
 * The page's one visibility watcher (src/story/viewport.ts), in Node with a hand-written
 * IntersectionObserver, window and animation frame: islands, figure compute and the pool's priority all
 * watch through it, sharing one observer per boundary and one pair of window listeners.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewportBox, ViewportReport } from '../../../src/story/viewport';

type Rect = { top: number; bottom: number };

class FakeElement {
  isConnected = true;
  /** False while the element lies in content the browser skips (content-visibility: auto). */
  rendered = true;
  parentElement: FakeElement | null = null;
  constructor(public rect: Rect) {}
  checkVisibility() {
    return this.rendered;
  }
  getBoundingClientRect() {
    return { ...this.rect, left: 0, right: 100, width: 100, height: this.rect.bottom - this.rect.top };
  }
}

class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<object>();
  disconnected = false;
  constructor(
    readonly callback: (entries: unknown[]) => void,
    readonly options: { rootMargin: string },
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: object) {
    this.targets.add(el);
  }
  unobserve(el: object) {
    this.targets.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.targets.clear();
  }
  /** What the browser reports for `el`: intersecting the (top-level) root or not; no root bounds in a frame. */
  fire(el: FakeElement, isIntersecting: boolean, rootBounds: { bottom: number } | null = null) {
    this.callback([{ target: el, isIntersecting, boundingClientRect: el.getBoundingClientRect(), rootBounds }]);
  }
}

/** The fake as the DOM type the module takes (it reads only isConnected and getBoundingClientRect). */
const dom = (el: FakeElement) => el as unknown as Element;

const VIEWPORT = 800;
let frames = new Map<number, () => void>();
let nextFrame = 1;
const windowListeners = new Map<string, Set<() => void>>();

function runFrame() {
  const run = [...frames.values()];
  frames.clear();
  for (const cb of run) cb();
}

function dispatch(type: string) {
  for (const l of windowListeners.get(type) ?? []) l();
}

/** The fake window; `framed`: the document is in an iframe (its `top` is another window). */
function stubWindow(framed: boolean) {
  const win: Record<string, unknown> = {
    innerHeight: VIEWPORT,
    addEventListener: (type: string, l: () => void) => {
      if (!windowListeners.has(type)) windowListeners.set(type, new Set());
      windowListeners.get(type)!.add(l);
    },
    removeEventListener: (type: string, l: () => void) => windowListeners.get(type)?.delete(l),
  };
  win.self = win;
  win.top = framed ? {} : win;
  vi.stubGlobal('window', win);
}

async function load() {
  vi.resetModules();
  return import('../../../src/story/viewport');
}

/** What a listener heard, as `within` of the boundaries it named. */
const heardAt = (boundaries: number[]) => (r: ViewportReport) => boundaries.map((m) => r.within(m));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'queueMicrotask'] });
  FakeObserver.all = [];
  frames = new Map();
  windowListeners.clear();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
    frames.set(nextFrame, cb);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  stubWindow(false);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('isNearViewport', () => {
  it('is within the margin above or below a viewport of 800 px', async () => {
    const { isNearViewport } = await load();
    const box = (top: number, bottom: number): ViewportBox => ({ top, bottom, height: 800 });
    // Half a viewport (400 px) above and below.
    expect(isNearViewport(box(1200, 1500), 0.5)).toBe(true);
    expect(isNearViewport(box(1201, 1500), 0.5)).toBe(false);
    expect(isNearViewport(box(-900, -400), 0.5)).toBe(true);
    expect(isNearViewport(box(-900, -401), 0.5)).toBe(false);
    // On screen only.
    expect(isNearViewport(box(100, 200), 0)).toBe(true);
    expect(isNearViewport(box(801, 900), 0)).toBe(false);
    // One viewport.
    expect(isNearViewport(box(1600, 2000), 1)).toBe(true);
    expect(isNearViewport(box(1601, 2000), 1)).toBe(false);
  });
});

describe('watchViewport', () => {
  it('serves every watcher on the page with one observer per boundary and one pair of window listeners', async () => {
    const { watchViewport } = await load();
    const els = Array.from({ length: 6 }, (_, i) => new FakeElement({ top: 1000 * i, bottom: 1000 * i + 300 }));
    // As on the article: islands (half a viewport), figures' compute (one viewport), their priority (0 and 1).
    const stops = [
      ...els.map((el) => watchViewport(dom(el), () => {}, [0.5])),
      ...els.map((el) => watchViewport(dom(el), () => {}, [1])),
      ...els.map((el) => watchViewport(dom(el), () => {}, [0, 1])),
    ];
    expect(FakeObserver.all.map((o) => o.options.rootMargin).sort()).toEqual([
      '0% 0px 0% 0px',
      '100% 0px 100% 0px',
      '50% 0px 50% 0px',
    ]);
    for (const o of FakeObserver.all) expect(o.targets.size).toBe(6);
    expect(windowListeners.get('scroll')?.size).toBe(1);
    expect(windowListeners.get('resize')?.size).toBe(1);

    for (const stop of stops) stop();
    expect(FakeObserver.all.every((o) => o.disconnected)).toBe(true);
    expect(windowListeners.get('scroll')?.size).toBe(0);
    expect(windowListeners.get('resize')?.size).toBe(0);
  });

  it('reports each element once in the next frame, then each observed crossing', async () => {
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 900, bottom: 1300 });
    const heard: ViewportReport[] = [];
    const stop = watchViewport(dom(el), (r) => heard.push(r), [0, 0.5]);
    expect(heard).toEqual([]);
    runFrame();
    // 100 px below an 800 px viewport: not on screen, within half a viewport; below it.
    expect(heard.map(heardAt([0, 0.5]))).toEqual([[false, true]]);
    expect(heard[0].below).toBe(true);
    // Scrolled 200 px: the viewport's own edge is crossed.
    el.rect = { top: 700, bottom: 1100 };
    FakeObserver.all.find((o) => o.options.rootMargin.startsWith('0%'))!.fire(el, true, { bottom: VIEWPORT });
    expect(heard.map(heardAt([0, 0.5]))).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(heard[1].below).toBe(false);
    stop();
  });

  it('catches by measuring after scrolls what the observer never reported, at most every 100 ms', async () => {
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 3000, bottom: 3400 });
    const heard: boolean[] = [];
    const stop = watchViewport(dom(el), (r) => heard.push(r.within(1)), [1]);
    runFrame();
    // The element moves on screen (a jump), and the observer stays silent.
    el.rect = { top: 100, bottom: 500 };
    dispatch('scroll');
    runFrame();
    expect(heard).toEqual([false, true]);
    // Far again; a second scroll within 100 ms waits for the trailing check.
    el.rect = { top: 5000, bottom: 5400 };
    vi.advanceTimersByTime(30);
    dispatch('scroll');
    dispatch('scroll');
    runFrame();
    expect(heard).toEqual([false, true]);
    vi.advanceTimersByTime(70);
    runFrame();
    expect(heard).toEqual([false, true, false]);
    stop();
  });

  it("in an iframe, only the observer (the reader's viewport) decides, not the frame's own viewport", async () => {
    stubWindow(true);
    const { watchViewport } = await load();
    // An embed sized to its content: inside the frame's own 800 px viewport, yet off the host page's screen.
    const el = new FakeElement({ top: 100, bottom: 500 });
    const heard: boolean[] = [];
    const stop = watchViewport(dom(el), (r) => heard.push(r.within(0.5)), [0.5]);
    runFrame();
    expect(heard).toEqual([]);
    expect(windowListeners.get('scroll')?.size ?? 0).toBe(0);
    const observer = FakeObserver.all[0];
    observer.fire(el, false);
    expect(heard).toEqual([false]);
    // The host page scrolls the frame into view: the frame's own scroll and geometry never change.
    observer.fire(el, true);
    expect(heard).toEqual([false, true]);
    stop();
  });

  it('tells a second watcher of an element whose state is known, without waiting for a change', async () => {
    stubWindow(true);
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 0, bottom: 100 });
    const a: boolean[] = [];
    const b: boolean[] = [];
    const stopA = watchViewport(dom(el), (r) => a.push(r.within(0)), [0]);
    FakeObserver.all[0].fire(el, true);
    const stopB = watchViewport(dom(el), (r) => b.push(r.within(0)), [0]);
    expect(b).toEqual([]);
    await vi.runAllTimersAsync();
    expect(a).toEqual([true]);
    expect(b).toEqual([true]);
    stopA();
    stopB();
  });

  it('a stopped listener hears nothing more; the element stays watched for its other listener', async () => {
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 0, bottom: 100 });
    const a: boolean[] = [];
    const b: boolean[] = [];
    const stopA = watchViewport(dom(el), (r) => a.push(r.within(0)), [0]);
    const stopB = watchViewport(dom(el), (r) => b.push(r.within(0)), [0]);
    runFrame();
    stopA();
    el.rect = { top: 900, bottom: 1000 };
    FakeObserver.all[0].fire(el, false);
    expect(a).toEqual([true]);
    expect(b).toEqual([true, false]);
    expect(FakeObserver.all[0].targets.has(el)).toBe(true);
    stopB();
    expect(FakeObserver.all[0].targets.has(el)).toBe(false);
  });

  it('measures an element in skipped content far away by its nearest laid-out ancestor, near by itself', async () => {
    const { watchViewport } = await load();
    // A section 5,000 px down, skipped by the browser; the island inside it has no layout of its own.
    const section = new FakeElement({ top: 5000, bottom: 9000 });
    const island = new FakeElement({ top: 0, bottom: 0 });
    island.parentElement = section;
    island.rendered = false;
    island.getBoundingClientRect = () => {
      throw new Error('measuring skipped content lays it out');
    };
    const heard: boolean[][] = [];
    const stop = watchViewport(dom(island), (r) => heard.push(heardAt([0.5, 8])(r)), [0.5, 8]);
    runFrame();
    // Not within half a viewport (400 px), within 8 viewports (6,400 px below the viewport's bottom).
    expect(heard).toEqual([[false, true]]);
    // An observer entry for the skipped target (at 0,0 it would read "on screen") is replaced by a measurement.
    for (const o of FakeObserver.all)
      o.callback([
        {
          target: island,
          isIntersecting: true,
          boundingClientRect: { top: 0, bottom: 0 },
          rootBounds: { bottom: 800 },
        },
      ]);
    runFrame();
    expect(heard).toEqual([[false, true]]);
    // Within a viewport of the viewport, the island itself is measured (laid out if need be).
    section.rect = { top: 1200, bottom: 5200 };
    island.getBoundingClientRect = FakeElement.prototype.getBoundingClientRect;
    island.rect = { top: 4000, bottom: 4300 };
    dispatch('resize');
    runFrame();
    expect(heard.at(-1)).toEqual([false, true]);
    // Once the section renders, the island itself is measured.
    island.rendered = true;
    island.rect = { top: 300, bottom: 600 };
    FakeObserver.all[0].fire(island, true, { bottom: 800 });
    expect(heard.at(-1)).toEqual([true, true]);
    stop();
  });
});
