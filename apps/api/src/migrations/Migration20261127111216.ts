import { Migration } from '@mikro-orm/migrations';

export class Migration20261127111216 extends Migration {
  override name = 'Migration20261127111216';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "chat_turn_stamps" ("id" bigserial primary key, "user_id" varchar(255) not null, "at" timestamptz not null);`,
    );
    this.addSql(`create index "chat_turn_stamps_user_id_at_index" on "chat_turn_stamps" ("user_id", "at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "chat_turn_stamps" cascade;`);
  }
}
