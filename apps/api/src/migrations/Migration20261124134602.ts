import { Migration } from '@mikro-orm/migrations';

export class Migration20261124134602 extends Migration {
  override name = 'Migration20261124134602';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "conversations" ("id" uuid not null, "user_id" varchar(255) not null, "title" varchar(200) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "conversations_user_id_updated_at_index" on "conversations" ("user_id", "updated_at");`);

    this.addSql(
      `create table "messages" ("id" bigserial primary key, "conversation_id" uuid not null, "user_id" varchar(255) not null, "role" text not null, "content" text not null, "tool_calls" jsonb not null default '[]', "client_message_id" varchar(200) null, "reply_to" bigint null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "messages_conversation_id_id_index" on "messages" ("conversation_id", "id");`);
    this.addSql(
      `alter table "messages" add constraint "messages_conversation_id_client_message_id_unique" unique ("conversation_id", "client_message_id");`,
    );
    this.addSql(`alter table "messages" add constraint "messages_reply_to_unique" unique ("reply_to");`);

    this.addSql(
      `create table "tasks" ("id" serial primary key, "user_id" varchar(255) not null, "title" varchar(500) not null, "description" text null, "completed" boolean not null default false, "completed_at" timestamptz null, "priority" text not null default 'medium', "tags" text[] not null default '{}', "due_at" timestamptz null, "remind_at" timestamptz null, "reminded_at" timestamptz null, "recurrence" jsonb null, "series_id" uuid null, "idempotency_key" varchar(600) null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "tasks_user_id_completed_index" on "tasks" ("user_id", "completed");`);
    this.addSql(`create index "tasks_user_id_due_at_index" on "tasks" ("user_id", "due_at");`);
    this.addSql(`create index "tasks_remind_at_index" on "tasks" ("remind_at");`);
    this.addSql(
      `alter table "tasks" add constraint "tasks_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`,
    );

    this.addSql(
      `alter table "messages" add constraint "messages_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "messages" add constraint "messages_role_check" check ("role" in ('user', 'assistant'));`);

    this.addSql(
      `alter table "tasks" add constraint "tasks_priority_check" check ("priority" in ('low', 'medium', 'high'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "messages" drop constraint "messages_conversation_id_foreign";`);

    this.addSql(`drop table if exists "conversations" cascade;`);
    this.addSql(`drop table if exists "messages" cascade;`);
    this.addSql(`drop table if exists "tasks" cascade;`);
  }
}
