import { Migration20261124134602 } from './Migration20261124134602.js';

/** Listed explicitly so compiled and test runs find the same migrations; add each new one here. */
export const MIGRATIONS = [{ name: 'Migration20261124134602', class: Migration20261124134602 }];
