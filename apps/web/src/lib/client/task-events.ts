/**
 * "The tasks changed": announced by what changed them in this tab (the task board after its own change, the
 * chat after a turn with tool calls) and heard by every task view in this tab and in the app's other tabs.
 */

const CHANNEL_NAME = 'todo-chatbot:tasks-changed';

const listeners = new Set<() => void>();
/** One per tab, opened on first use (never while rendering on the server). */
let channel: BroadcastChannel | undefined;

function notifyListeners(): void {
  for (const listener of [...listeners]) listener();
}

function tabChannel(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = notifyListeners;
  }
  return channel;
}

export function announceTasksChanged(): void {
  tabChannel()?.postMessage('changed');
  // A BroadcastChannel does not deliver to its sender: this tab's own listeners hear it here.
  notifyListeners();
}

/** Calls `listener` on every announcement, from this tab or another; returns the unsubscribe. */
export function onTasksChanged(listener: () => void): () => void {
  tabChannel();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
