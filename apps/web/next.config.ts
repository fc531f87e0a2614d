import type { NextConfig } from 'next';
import { fileURLToPath } from 'node:url';
import { API_CSP, STATIC_SECURITY_HEADERS } from './src/lib/security-headers';

const config: NextConfig = {
  // One self-contained server (server.js + traced node_modules) for the container image.
  output: 'standalone',
  outputFileTracingRoot: fileURLToPath(new URL('../../', import.meta.url)),
  serverExternalPackages: ['pg'],
  // The api's contract and database client, shared as TypeScript sources (apps/api/package.json exports).
  transpilePackages: ['@todo-chatbot/api'],
  // next/image is not used: keep the image optimiser's native libraries (sharp, ~11 MB compressed) out of the
  // standalone server. The globs are resolved from this folder; npm hoists both to the root's node_modules.
  images: { unoptimized: true },
  outputFileTracingExcludes: { '*': ['../../node_modules/sharp/**', '../../node_modules/@img/**'] },
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

export default config;
