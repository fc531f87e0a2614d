import { Migration } from '@mikro-orm/migrations';

/** Issue 15: a reply the user stopped, and turns replaced by an edited message (kept, not shown). */
export class Migration20261127170000 extends Migration {
  override name = 'Migration20261127170000';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "messages" add "stopped" boolean not null default false, add "superseded_by" bigint null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "messages" drop column "stopped", drop column "superseded_by";`);
  }
}
