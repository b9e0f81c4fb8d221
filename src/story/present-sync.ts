/**
 * Keeping the presentation window and the speaker view on the same slide, both ways, over a
 * BroadcastChannel (same origin, no server). A window posts only changes it made itself, so a received
 * change is never echoed back. Without BroadcastChannel each window simply works on its own.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';

export const PRESENT_CHANNEL = 'qml-present';

export type PresentOutgoing =
  | { type: 'slide'; index: number }
  | { type: 'blackout'; on: boolean }
  /** The notes a window shows about its URL (so the speaker view sees the room's problems). */
  | { type: 'issues'; issues: string[] }
  | { type: 'hello' };

/** Bounds on an 'issues' message: a few short sentences. */
const MAX_ISSUES = 8;
const MAX_ISSUE_LENGTH = 500;
export type PresentMessage = PresentOutgoing & { from: string };

export function isPresentMessage(data: unknown): data is PresentMessage {
  if (!data || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  if (typeof m.from !== 'string') return false;
  if (m.type === 'slide') return Number.isInteger(m.index);
  if (m.type === 'blackout') return typeof m.on === 'boolean';
  if (m.type === 'issues') {
    return (
      Array.isArray(m.issues) &&
      m.issues.length <= MAX_ISSUES &&
      m.issues.every((t) => typeof t === 'string' && t.length <= MAX_ISSUE_LENGTH)
    );
  }
  return m.type === 'hello';
}

export interface DeckSync {
  /** Tell the other windows about a change made here. */
  post(message: PresentOutgoing): void;
}

/**
 * Subscribes to the channel; `onMessage` gets messages from other windows only, and `post` to answer them
 * (e.g. a 'hello' with the current slide).
 */
export function useDeckSync(onMessage: (m: PresentMessage, post: DeckSync['post']) => void): DeckSync {
  const channel = useRef<BroadcastChannel | null>(null);
  const self = useRef('');
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  const post = useCallback((message: PresentOutgoing) => {
    channel.current?.postMessage({ ...message, from: self.current });
  }, []);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    self.current = `${Date.now().toString(36)}-${Math.floor(performance.now() * 1000).toString(36)}`;
    let ch: BroadcastChannel;
    try {
      ch = new BroadcastChannel(PRESENT_CHANNEL);
    } catch {
      return;
    }
    channel.current = ch;
    ch.onmessage = (e: MessageEvent) => {
      if (isPresentMessage(e.data) && e.data.from !== self.current) handler.current(e.data, post);
    };
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [post]);
  // Stable across renders: effects that depend on it (the speaker's hello) run once.
  return useMemo(() => ({ post }), [post]);
}
