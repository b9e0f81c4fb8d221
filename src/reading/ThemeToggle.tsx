/** A toggle button for the dark theme; its state comes from `<html data-theme>` after hydration. */
import { useSyncExternalStore } from 'react';
import { chooseTheme, currentTheme, subscribeTheme, type Theme } from './theme';

const serverSnapshot = (): Theme | null => null;

export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribeTheme, currentTheme, serverSnapshot);
  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      aria-pressed={theme === null ? undefined : theme === 'dark'}
      onClick={() => chooseTheme(currentTheme() === 'dark' ? 'light' : 'dark')}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path
          className="theme-icon-moon"
          d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11z"
          fill="currentColor"
        />
        <g className="theme-icon-sun" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="12" cy="12" r="4.2" fill="currentColor" stroke="none" />
          <path d="M12 2.5v2.2M12 19.3v2.2M2.5 12h2.2M19.3 12h2.2M5.3 5.3l1.6 1.6M17.1 17.1l1.6 1.6M5.3 18.7l1.6-1.6M17.1 6.9l1.6-1.6" />
        </g>
      </svg>
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}
