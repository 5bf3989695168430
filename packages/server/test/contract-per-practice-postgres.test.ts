/** The adapter contract against a second practice's prefix, on PostgreSQL; skipped, saying why, without it. */
import { contractPerPractice } from './contract-per-practice.js';
import { postgresUnavailable } from './harness.js';

contractPerPractice('postgres', await postgresUnavailable());
