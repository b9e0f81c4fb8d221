/**
 * "Update available": shown when a new service worker has installed while this page is controlled by
 * an older one. Nothing changes under a presenter until they choose to reload.
 */
import { useEffect, useState } from 'react';
import { onUpdateAvailable, applyUpdate } from './sw';
import './update-prompt.css';

export function UpdatePrompt() {
  const [available, setAvailable] = useState(false);
  useEffect(() => onUpdateAvailable(() => setAvailable(true)), []);
  if (!available) return null;
  return (
    <div className="update-prompt" role="status" data-update-available="">
      <span>A new version of this article is available.</span>
      <button type="button" onClick={applyUpdate}>
        Reload
      </button>
      <button type="button" onClick={() => setAvailable(false)}>
        Later
      </button>
    </div>
  );
}
