/** The cross-tenant suite on PostgreSQL (a schema per practice); skipped, saying why, without PostgreSQL. */
import { crossTenantSuite } from './cross-tenant-suite.js';
import { postgresUnavailable } from './harness.js';

const unavailable = await postgresUnavailable();
crossTenantSuite('postgres', unavailable);
