import { p } from '@mikro-orm/core';

/** When a row was created and last changed, both set by the ORM: for entities their users edit. */
export const timestamps = () => ({
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});
