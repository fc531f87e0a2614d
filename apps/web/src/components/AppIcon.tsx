/** The app's icon (public/icon.svg), inline: no extra request for the header. Decorative beside the name. */
export function AppIcon({ size }: { size: number }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#2f5bd3" />
      <path d="M15 14h34a5 5 0 0 1 5 5v21a5 5 0 0 1-5 5H29l-10 8v-8h-4a5 5 0 0 1-5-5V19a5 5 0 0 1 5-5z" fill="#fff" />
      <path
        d="m22 29.5 7 7 13.5-13.5"
        fill="none"
        stroke="#2f5bd3"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
