// The busy indicator (#busy, a polite live region) and the error banner (#error-message, an alert).
import { el } from '../dom';

/** Both status elements; update() shows or hides them (they always exist, hidden when idle). */
export function createStatus(): { busy: HTMLElement; error: HTMLElement; update(busy: string | null, error: string | null): void } {
  const busyText = el('span', { className: 'busy-text' });
  const busy = el('div', { className: 'busy', attrs: { id: 'busy', role: 'status', 'aria-live': 'polite' } },
    el('div', { className: 'progress', attrs: { 'aria-hidden': 'true' } }, el('div', { className: 'progress-bit' })), busyText);
  // The icon is a CSS ::before, so the alert's text is exactly the host's message.
  const error = el('div', { className: 'error', attrs: { id: 'error-message', role: 'alert' } });
  return {
    busy,
    error,
    update(busyMessage, errorMessage) {
      busy.hidden = busyMessage === null;
      busyText.textContent = busyMessage ?? '';
      error.hidden = errorMessage === null;
      error.textContent = errorMessage ?? '';
    },
  };
}
