/** Kubernetes resource quantities ↔ numbers: CPU in millicores, memory in bytes. */

const CPU_SCALE: Record<string, number> = { n: 1e-6, u: 1e-3, m: 1, '': 1000 };
const MEMORY_SCALE: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};
export const MI = 2 ** 20;

function parse(quantity: string, scales: Record<string, number>): number | null {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  const scale = match ? scales[match[2]!] : undefined;
  return match && scale !== undefined ? Number(match[1]) * scale : null;
}

export const parseCpu = (q: string | undefined): number | null => (q === undefined ? null : parse(q, CPU_SCALE));
export const parseMemory = (q: string | undefined): number | null => (q === undefined ? null : parse(q, MEMORY_SCALE));

export const formatCpu = (millicores: number): string => `${Math.round(millicores)}m`;
export const formatMemory = (bytes: number): string =>
  bytes >= 2 ** 30 && bytes % 2 ** 30 === 0 ? `${bytes / 2 ** 30}Gi` : `${Math.round(bytes / MI)}Mi`;
