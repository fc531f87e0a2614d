import { migrateAuthTables } from './lib/auth-migrations';
import { ConfigError } from '@todo-chatbot/api/config-error';

// Migrate better-auth's tables before serving; missing configuration is one sentence and exit 1,
// so the pod fails visibly.
try {
  await migrateAuthTables();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
