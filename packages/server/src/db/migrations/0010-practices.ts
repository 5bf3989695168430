/**
 * Practices as tenants: the register of practices this deployment serves.
 *
 * Each practice keeps its data in a space of its own (a PostgreSQL schema, or a SQLite file
 * beside this one) with these same tables; this register, kept in the default practice's space,
 * names them. A single-practice database goes forward without change: everything in it belongs
 * to the default practice, the row `default` here (see src/tenancy/).
 *
 * - `id`: the path segment (`/practices/{id}/...`), lowercase letters, digits and dashes.
 * - `admin_key_digest`: SHA-256 (hex) of the practice's admin API key; the key itself is never kept.
 * - `settings`: the practice's configuration as JSON (zones, policies, reminder settings, CORS origins).
 */
export const practicesSchema = `
CREATE TABLE practices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  admin_key_digest TEXT,
  settings TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

INSERT INTO practices (id, name, admin_key_digest, settings, created_at) VALUES ('default', 'Default practice', NULL, '{}', 0);
`;
