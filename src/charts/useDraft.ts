/**
 * The editable copy a control shows of a committed value (a slider while it is dragged, a field while it
 * is typed in), started over from the committed value whenever that value changes. The reset happens while
 * rendering (React's "adjusting some state when a prop changes"), not in an effect, so no frame shows a
 * draft left over from the previous value.
 *
 * A control that commits after a delay holds its draft while one of its commits is pending
 * (`useDebouncedDraft`): the committed value may then change to a value the control sent earlier (its
 * previous commit, rendered after the reader has moved on), and starting over from it would drop the moves
 * made since. The pending commit carries the draft, so the draft is what the committed value becomes.
 */
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { useDebounced } from './useDebounced';

/** The committed value a draft was started from, and the draft. */
export interface DraftState<T, D> {
  of: T;
  draft: D;
}

/**
 * The draft state for a render: started over from `committed` when it differs from the value the draft
 * was started from, unless the draft is held; `state` itself (the same object) when nothing changes.
 */
export function settleDraft<T, D>(
  state: DraftState<T, D>,
  committed: T,
  toDraft: (committed: T) => D,
  held: boolean,
): DraftState<T, D> {
  if (held || Object.is(state.of, committed)) return state;
  return { of: committed, draft: toDraft(committed) };
}

const same = <T>(c: T) => c;

export function useDraft<T>(committed: T): [T, Dispatch<SetStateAction<T>>];
export function useDraft<T, D>(
  committed: T,
  toDraft: (committed: T) => D,
  held?: boolean,
): [D, Dispatch<SetStateAction<D>>];
export function useDraft<T, D>(
  committed: T,
  toDraft: (committed: T) => D | T = same,
  held = false,
): [D | T, Dispatch<SetStateAction<D | T>>] {
  const [state, setState] = useState<DraftState<T, D | T>>(() => ({ of: committed, draft: toDraft(committed) }));
  const settled = settleDraft(state, committed, toDraft, held);
  if (settled !== state) setState(settled);
  const setDraft = useCallback<Dispatch<SetStateAction<D | T>>>(
    (next) =>
      setState((s) => ({
        of: s.of,
        draft: typeof next === 'function' ? (next as (d: D | T) => D | T)(s.draft) : next,
      })),
    [],
  );
  return [settled.draft, setDraft];
}

/**
 * A draft for a control that moves continuously (a slider): `change(d)` shows `d` at once and commits it
 * `delay` ms after the last change (`useDebounced`); the draft is held while that commit is pending.
 */
export function useDebouncedDraft<T, D>(
  committed: T,
  toDraft: (committed: T) => D,
  commit: (draft: D) => void,
  delay?: number,
): [D, (draft: D) => void] {
  const [pending, setPending] = useState(false);
  const [draft, setDraft] = useDraft(committed, toDraft, pending);
  const debounced = useDebounced<D>((d) => {
    commit(d);
    setPending(false);
  }, delay);
  const change = useCallback(
    (d: D) => {
      setDraft(d);
      setPending(true);
      debounced(d);
    },
    [debounced, setDraft],
  );
  return [draft, change];
}
