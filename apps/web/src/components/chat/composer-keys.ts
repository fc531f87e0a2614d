import type { KeyboardEvent } from 'react';

/**
 * The keys of a message box: Enter sends; Shift+Enter (or Enter while composing with an IME) inserts a
 * newline; Escape calls `onEscape`, when there is one.
 */
export function onMessageKey(
  event: KeyboardEvent<HTMLTextAreaElement>,
  onEnter: () => void,
  onEscape?: () => void,
): void {
  if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
    event.preventDefault();
    onEnter();
  } else if (event.key === 'Escape' && onEscape) {
    event.preventDefault();
    onEscape();
  }
}
