export function OfflineBadge() {
  return (
    <span className="badge offline-badge" title="No AI model is configured: simple English commands are understood.">
      Offline mode
      <span className="visually-hidden"> (no AI model is configured; simple English commands are understood)</span>
    </span>
  );
}
