import { jestConfig } from '../../jest.base.js';

/** The container suite: real images, a real Docker engine; one file at a time (they share the engine). */
export default jestConfig({ maxWorkers: 1, testTimeout: 600000 });
