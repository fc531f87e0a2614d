import { jestConfig } from '../../jest.base.js';

/** Delivery checks: the Helm chart, Argo CD objects, workflows and scripts, with the real binaries. */
export default jestConfig({ testTimeout: 120000 });
