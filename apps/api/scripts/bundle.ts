/**
 * The api for its container image: dist/main.js and dist/migrate.js (tsc's output, which carries the
 * decorator metadata Nest's injection reads; esbuild cannot emit it) bundled with their dependencies into
 * dist/bundle/, so the image ships two files and no node_modules. `npm start` and the tests keep running dist/.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const API = fileURLToPath(new URL('../', import.meta.url));

/** Imported only on paths the image never takes, or optional peers that are not installed (their imports are caught). */
const NOT_BUNDLED = [
  // The embedded database's PGlite import: the image always has DATABASE_URL.
  '@electric-sql/pglite',
  // pg's native binding, loaded only through `pg.native`.
  'pg-native',
  // Nest's optional integrations, loaded only when an app uses them.
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/websockets/*',
  'class-transformer',
  'class-validator',
];

await build({
  absWorkingDir: API,
  entryPoints: ['dist/main.js', 'dist/migrate.js'],
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  // One self-contained file per entry: with code splitting, esbuild may run a shared chunk's decorators
  // before main.js's `import 'reflect-metadata'`.
  splitting: false,
  // Nest logs and MikroORM finds its extensions (`ext.name === 'Migrator'`) by class name.
  keepNames: true,
  // Readable stack traces without source maps; the bundle is well within the image's budget unminified.
  minify: false,
  sourcemap: false,
  external: NOT_BUNDLED,
  // CommonJS dependencies call require() for Node's built-ins, which an ES module does not have. The import's
  // local name must not clash with the bundle's own top-level names (esbuild does not rename around a banner).
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  logLevel: 'warning',
});
