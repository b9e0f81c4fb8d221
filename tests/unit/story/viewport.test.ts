/**
 * The page's one visibility watcher (src/story/viewport.ts), in Node with a hand-written
 * IntersectionObserver, window and animation frame: islands, figure compute and the pool's priority all
 * watch through it, sharing one observer per boundary and one pair of window listeners.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewportBox } from '../../../src/story/viewport';

type Rect = { top: number; bottom: number };

class FakeElement {
  isConnected = true;
  constructor(public rect: Rect) {}
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
  /** What the browser does when `el` crosses this observer's boundary. */
  fire(el: FakeElement) {
    this.callback([{ target: el, boundingClientRect: el.getBoundingClientRect() }]);
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

async function load() {
  vi.resetModules();
  return import('../../../src/story/viewport');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  FakeObserver.all = [];
  frames = new Map();
  windowListeners.clear();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
    frames.set(nextFrame, cb);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('window', {
    innerHeight: VIEWPORT,
    addEventListener: (type: string, l: () => void) => {
      if (!windowListeners.has(type)) windowListeners.set(type, new Set());
      windowListeners.get(type)!.add(l);
    },
    removeEventListener: (type: string, l: () => void) => windowListeners.get(type)?.delete(l),
  });
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

  it('reports each element once in the next frame, then the box of each observed crossing', async () => {
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 900, bottom: 1300 });
    const heard: ViewportBox[] = [];
    const stop = watchViewport(dom(el), (box) => heard.push(box), [0]);
    expect(heard).toEqual([]);
    runFrame();
    expect(heard).toEqual([{ top: 900, bottom: 1300, height: 800 }]);
    el.rect = { top: 700, bottom: 1100 };
    FakeObserver.all[0].fire(el);
    expect(heard.at(-1)).toEqual({ top: 700, bottom: 1100, height: 800 });
    stop();
  });

  it('catches by measuring after scrolls what the observer never reported, at most every 100 ms', async () => {
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 3000, bottom: 3400 });
    const heard: number[] = [];
    const stop = watchViewport(dom(el), (box) => heard.push(box.top), [1]);
    runFrame();
    // The element moves on screen (a jump), and the observer stays silent.
    el.rect = { top: 100, bottom: 500 };
    dispatch('scroll');
    runFrame();
    expect(heard).toEqual([3000, 100]);
    // A second scroll within 100 ms waits for the trailing check.
    el.rect = { top: 50, bottom: 450 };
    vi.advanceTimersByTime(30);
    dispatch('scroll');
    dispatch('scroll');
    runFrame();
    expect(heard).toEqual([3000, 100]);
    vi.advanceTimersByTime(70);
    runFrame();
    expect(heard).toEqual([3000, 100, 50]);
    stop();
  });

  it('a stopped listener hears nothing more; the element stays watched for its other listener', async () => {
    const { watchViewport } = await load();
    const el = new FakeElement({ top: 0, bottom: 100 });
    const a: number[] = [];
    const b: number[] = [];
    const stopA = watchViewport(dom(el), (box) => a.push(box.top), [0]);
    const stopB = watchViewport(dom(el), (box) => b.push(box.top), [0]);
    runFrame();
    stopA();
    el.rect = { top: 900, bottom: 1000 };
    FakeObserver.all[0].fire(el);
    expect(a).toEqual([0]);
    expect(b).toEqual([0, 900]);
    expect(FakeObserver.all[0].targets.has(el)).toBe(true);
    stopB();
    expect(FakeObserver.all[0].targets.has(el)).toBe(false);
  });
});
