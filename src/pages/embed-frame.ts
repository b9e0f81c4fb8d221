/**
 * Embed pages talking to their host: the auto-height messages and the theme from the query string.
 *
 * Height message (documented in public/embed.js): `{ type: "qml-embed:resize", height, path }` posted to
 * the parent, plus the `{"context":"iframe.resize","src":…,"height":…}` JSON string that blogging
 * platforms (Embedly-style hosts) understand. The height is the content box of `#root`, which holds no
 * viewport-relative sizes, so a taller frame never makes taller content (no feedback loop).
 */
import { useEffect } from 'react';
import type { EmbedTheme } from '../story/deck';
import { systemTheme } from '../reading/theme';

export const RESIZE_MESSAGE = 'qml-embed:resize';

export function measureHeight(el: HTMLElement): number {
  return Math.ceil(el.getBoundingClientRect().height);
}

/** Posts the height of `#root` to the parent whenever it changes (ResizeObserver, rAF-coalesced). */
export function useAutoHeight(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || window.parent === window) return;
    const root = document.getElementById('root');
    if (!root) return;
    let last = -1;
    let frame = 0;
    const post = () => {
      frame = 0;
      const height = measureHeight(root);
      if (height === last) return;
      last = height;
      const path = window.location.pathname;
      window.parent.postMessage({ type: RESIZE_MESSAGE, height, path }, '*');
      window.parent.postMessage(JSON.stringify({ context: 'iframe.resize', src: window.location.href, height }), '*');
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(post);
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(root);
    schedule();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [enabled]);
}

/** Applies `?theme=light|dark|auto` without storing it (storage may be blocked in a frame). */
export function applyEmbedTheme(theme: EmbedTheme): void {
  document.documentElement.setAttribute('data-theme', theme === 'auto' ? systemTheme() : theme);
}
