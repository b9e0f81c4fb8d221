/**
 * "Copy BibTeX" (CiteThis.tsx) without hydrating the block: the button is in the HTML with `hidden`
 * (a button that cannot work stays out of the way without JavaScript); `revealCopyButtons` shows it and
 * one delegated click handler copies the text of the element its `data-copy-from` names, reporting the
 * outcome in the block's `[role=status]`.
 */

async function copy(button: HTMLElement): Promise<void> {
  const source = document.getElementById(button.dataset.copyFrom ?? '');
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  if (!source) return;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  try {
    await navigator.clipboard.writeText(source.textContent ?? '');
    say(button.dataset.copiedText ?? 'Copied to the clipboard.');
  } catch {
    const selection = window.getSelection();
    if (!selection) return;
    const range = document.createRange();
    range.selectNodeContents(source);
    selection.removeAllRanges();
    selection.addRange(range);
    say('Copying is blocked here; the text is selected, press Ctrl+C or ⌘C.');
  }
}

function onClick(event: MouseEvent): void {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-copy-from]') : null;
  if (button) void copy(button);
}

let installed = false;

/** Installs the delegated copy handler (idempotent). */
export function installCopyButtons(doc: Document = document): void {
  if (installed) return;
  installed = true;
  doc.addEventListener('click', onClick);
}

/** Shows the copy buttons under `root`, now that their handler is installed. */
export function revealCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLElement>('button[data-copy-from][hidden]')) button.hidden = false;
}
