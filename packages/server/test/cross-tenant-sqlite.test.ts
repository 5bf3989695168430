/** The cross-tenant suite on SQLite (a file per practice). */
import { crossTenantSuite } from './cross-tenant-suite.js';

crossTenantSuite('sqlite');
