'use client';

import { useEffect, useState } from 'react';

/** Offers browser notifications for reminders while the user has not decided yet. */
export function NotificationButton() {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported' | null>(null);

  useEffect(() => {
    setPermission('Notification' in window ? Notification.permission : 'unsupported');
  }, []);

  if (permission !== 'default') return null;

  async function enable() {
    setPermission(await Notification.requestPermission());
  }

  return (
    <button type="button" className="secondary small" onClick={enable}>
      Enable notifications
    </button>
  );
}
