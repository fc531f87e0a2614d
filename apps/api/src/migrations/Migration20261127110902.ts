import { Migration } from '@mikro-orm/migrations';

export class Migration20261127110902 extends Migration {
  override name = 'Migration20261127110902';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "idempotency_keys" ("user_id" varchar(255) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null, primary key ("user_id", "key"));`,
    );
    this.addSql(
      `create index "idempotency_keys_user_id_created_at_index" on "idempotency_keys" ("user_id", "created_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
  }
}
