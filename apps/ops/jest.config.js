import { jestConfig } from '../../jest.base.js';

/** The CLI against a fake Kubernetes API server, in-process. */
export default jestConfig({ testTimeout: 30000 });
