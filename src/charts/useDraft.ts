/**
 * The editable copy a control shows of a committed value (a slider while it is dragged, a field while it
 * is typed in), started over from the committed value whenever that value changes. The reset happens while
 * rendering (React's "adjusting some state when a prop changes"), not in an effect, so no frame shows a
 * draft left over from the previous value.
 */
import { useState, type Dispatch, type SetStateAction } from 'react';

export function useDraft<T>(committed: T): [T, Dispatch<SetStateAction<T>>];
export function useDraft<T, D>(committed: T, toDraft: (committed: T) => D): [D, Dispatch<SetStateAction<D>>];
export function useDraft<T, D>(committed: T, toDraft?: (committed: T) => D): [D | T, Dispatch<SetStateAction<D | T>>] {
  const convert = (c: T): D | T => (toDraft ? toDraft(c) : c);
  const [draftOf, setDraftOf] = useState(committed);
  const [draft, setDraft] = useState(() => convert(committed));
  if (!Object.is(draftOf, committed)) {
    const next = convert(committed);
    setDraftOf(committed);
    setDraft(next);
    return [next, setDraft];
  }
  return [draft, setDraft];
}
