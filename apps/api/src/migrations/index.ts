import { Migration20261124134602 } from './Migration20261124134602.js';
import { Migration20261127110902 } from './Migration20261127110902.js';
import { Migration20261127111216 } from './Migration20261127111216.js';
import { Migration20261127135927 } from './Migration20261127135927.js';
import { Migration20261127160000 } from './Migration20261127160000.js';
import { Migration20261127170000 } from './Migration20261127170000.js';

/** Listed explicitly so compiled and test runs find the same migrations; add each new one here. */
export const MIGRATIONS = [
  { name: 'Migration20261124134602', class: Migration20261124134602 },
  { name: 'Migration20261127110902', class: Migration20261127110902 },
  { name: 'Migration20261127111216', class: Migration20261127111216 },
  { name: 'Migration20261127135927', class: Migration20261127135927 },
  { name: 'Migration20261127160000', class: Migration20261127160000 },
  { name: 'Migration20261127170000', class: Migration20261127170000 },
];
