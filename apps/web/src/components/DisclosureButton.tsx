import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The id of the element this button shows and hides. */
  controls: string;
  className?: string;
  children: ReactNode;
}

/** A button that shows and hides another element, announcing its state to screen readers. */
export function DisclosureButton({ open, onToggle, controls, className = 'secondary', children }: Props) {
  return (
    <button
      type="button"
      className={className}
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
    >
      {children}
    </button>
  );
}
