/**
 * Light/dark theme. The resolved theme lives in `<html data-theme>`; a user's explicit choice is kept in
 * localStorage. `themeBootScript` runs inline in <head> before first paint (no flash); without a stored
 * choice it follows prefers-color-scheme. Nothing here touches the DOM at import time.
 */
export type Theme = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'qml-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

/** Inline <head> script: marks JS as available and sets data-theme before the first paint. */
export const themeBootScript = `(function(){var d=document.documentElement,t=null;d.classList.add('js');try{t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)})}catch(e){}if(t!=='light'&&t!=='dark'){t=window.matchMedia&&window.matchMedia(${JSON.stringify(DARK_QUERY)}).matches?'dark':'light'}d.setAttribute('data-theme',t)})();`;

export function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

export function systemTheme(): Theme {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  const value = document.documentElement.getAttribute('data-theme');
  return isTheme(value) ? value : systemTheme();
}

/** Applies and remembers an explicit choice. */
export function chooseTheme(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', theme);
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    /* storage disabled: the choice lasts for this page view */
  }
}

/** Calls `onChange` when data-theme changes; follows the system setting while no choice is stored. */
export function subscribeTheme(onChange: () => void): () => void {
  const root = document.documentElement;
  const observer = new MutationObserver(onChange);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia?.(DARK_QUERY);
  const onSystem = () => {
    if (storedTheme() === null) root.setAttribute('data-theme', systemTheme());
  };
  media?.addEventListener('change', onSystem);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', onSystem);
  };
}
