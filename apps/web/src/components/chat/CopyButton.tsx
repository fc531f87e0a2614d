'use client';

import { useEffect, useState } from 'react';

const CONFIRMATION_MS = 2_000;

/** Copies a reply's text (its Markdown source) and says so for a moment, on screen and to screen readers. */
export function CopyButton({ text }: { text: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (!outcome) return;
    const timer = window.setTimeout(() => setOutcome(null), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  function copy() {
    navigator.clipboard.writeText(text).then(
      () => setOutcome('copied'),
      () => setOutcome('failed'),
    );
  }

  return (
    <>
      <button type="button" className="secondary small" onClick={copy}>
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className="visually-hidden">
        {outcome === 'copied' ? 'Reply copied' : outcome === 'failed' ? 'Could not copy the reply' : ''}
      </span>
    </>
  );
}
