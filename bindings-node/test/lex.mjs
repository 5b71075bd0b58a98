// The package under test, loaded the way users load it (CommonJS entry through ESM interop).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export default require('../index.js');
