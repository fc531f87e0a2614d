import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A real database failure on demand: a trigger that raises (SQLSTATE P0001, with a driver text no user
 * should see) when a row of `table` is inserted whose `column` contains the returned marker. Other rows,
 * and the other test files sharing the database, are untouched.
 */
export async function failInsertsContaining(
  table: 'tasks' | 'messages',
  column: 'title' | 'content',
  /** Only a message of this role fails (a reply, stored after its stream opened). */
  role?: 'assistant',
): Promise<{ marker: string; driverText: string }> {
  const marker = `fail${randomBytes(6).toString('hex')}`;
  const driverText = `trigger refused ${marker} at the driver level`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`
      create function ${marker}() returns trigger language plpgsql as $$
      begin
        if position('${marker}' in new.${column}) > 0 ${role ? `and new.role = '${role}'` : ''} then
          raise exception '${driverText}';
        end if;
        return new;
      end $$;
      create trigger ${marker} before insert on ${table} for each row execute function ${marker}();`);
  } finally {
    await client.end();
  }
  return { marker, driverText };
}
