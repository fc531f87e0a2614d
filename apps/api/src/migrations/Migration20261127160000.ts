import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15: a shown reminder stays listed as missed until the user dismisses it. Reminders shown before
 * this count as dismissed: the browsers that showed them kept no list, so nobody is owed them again.
 */
export class Migration20261127160000 extends Migration {
  override name = 'Migration20261127160000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "tasks" add "reminder_dismissed_at" timestamptz null;`);
    this.addSql(`update "tasks" set "reminder_dismissed_at" = "reminded_at" where "reminded_at" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "tasks" drop column "reminder_dismissed_at";`);
  }
}
