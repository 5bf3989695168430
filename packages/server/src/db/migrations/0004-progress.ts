/**
 * Episodes of care behind a progress link: the goals set with the patient, every rating of them
 * (the patient's keyed by their client-made id, so a retry stores one), outcome-measure results,
 * attended visits ("every N visits" counts them) and the measure schedule. An intake link made
 * for a due measure names its episode and instrument, so its submission records the result.
 */
export const progressSchema = `
CREATE TABLE progress_episodes (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  episode TEXT NOT NULL,
  assignments TEXT NOT NULL,
  hep_program_id TEXT REFERENCES hep_programs (id),
  expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE progress_goals (
  episode_row_id TEXT NOT NULL REFERENCES progress_episodes (id),
  goal_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  goal TEXT NOT NULL,
  PRIMARY KEY (episode_row_id, goal_id)
);

CREATE TABLE progress_goal_ratings (
  episode_row_id TEXT NOT NULL REFERENCES progress_episodes (id),
  id TEXT NOT NULL,
  goal_id TEXT NOT NULL,
  client_id TEXT,
  rating TEXT NOT NULL,
  rated_at BIGINT NOT NULL,
  PRIMARY KEY (episode_row_id, id),
  UNIQUE (episode_row_id, client_id)
);

CREATE TABLE progress_results (
  episode_row_id TEXT NOT NULL REFERENCES progress_episodes (id),
  id TEXT NOT NULL,
  instrument_id TEXT NOT NULL,
  taken_at BIGINT NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (episode_row_id, id)
);
CREATE INDEX progress_results_by_time ON progress_results (episode_row_id, taken_at);

CREATE TABLE progress_visits (
  episode_row_id TEXT NOT NULL REFERENCES progress_episodes (id),
  id TEXT NOT NULL,
  attended_at BIGINT NOT NULL,
  PRIMARY KEY (episode_row_id, id)
);

ALTER TABLE intake_links ADD COLUMN progress_episode_id TEXT;
ALTER TABLE intake_links ADD COLUMN progress_instrument_id TEXT
`;
