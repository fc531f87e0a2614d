import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14: per-user task numbers (existing tasks numbered 1, 2, 3… per user in id order, each user's
 * counter set to their highest), the change log undo reads, and the conversation's engine state.
 */
export class Migration20261127135927 extends Migration {
  override name = 'Migration20261127135927';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "task_changes" ("id" bigserial primary key, "user_id" varchar(255) not null, "change_scope" varchar(100) not null, "kind" text not null, "before" jsonb not null, "created_numbers" int[] not null default '{}', "undone_at" timestamptz null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "task_changes_user_id_change_scope_id_index" on "task_changes" ("user_id", "change_scope", "id");`,
    );
    this.addSql(`create index "task_changes_user_id_created_at_index" on "task_changes" ("user_id", "created_at");`);
    this.addSql(
      `alter table "task_changes" add constraint "task_changes_kind_check" check ("kind" in ('add', 'update', 'complete', 'delete', 'bulk'));`,
    );

    this.addSql(
      `create table "task_number_counters" ("user_id" varchar(255) not null, "last_number" int not null, primary key ("user_id"));`,
    );

    this.addSql(`alter table "conversations" add "pending" jsonb null, add "context" jsonb null;`);

    this.addSql(`alter table "tasks" add "number" int null;`);
    this.addSql(
      `update "tasks" set "number" = numbered."number" from (select "id", row_number() over (partition by "user_id" order by "id") as "number" from "tasks") as numbered where "tasks"."id" = numbered."id";`,
    );
    this.addSql(`alter table "tasks" alter column "number" set not null;`);
    this.addSql(`alter table "tasks" add constraint "tasks_user_id_number_unique" unique ("user_id", "number");`);
    this.addSql(
      `insert into "task_number_counters" ("user_id", "last_number") select "user_id", max("number") from "tasks" group by "user_id";`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "task_changes" cascade;`);
    this.addSql(`drop table if exists "task_number_counters" cascade;`);

    this.addSql(`alter table "conversations" drop column "pending", drop column "context";`);

    this.addSql(`alter table "tasks" drop constraint "tasks_user_id_number_unique";`);
    this.addSql(`alter table "tasks" drop column "number";`);
  }
}
