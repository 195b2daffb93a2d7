-- Rate limits shared by every server process on one PostgreSQL (server/rate-buckets.ts): one token
-- bucket per limit (`name`: writes, votes, comments, admin) and client. Each take is one
-- INSERT ... ON CONFLICT, so processes behind a balancer allow a client the limit once, not once
-- each. On PGlite (one process) the limits stay in memory and the table stays empty. Unlogged: a
-- crash empties it, which forgives every client once, and writes to it cost no WAL.
CREATE UNLOGGED TABLE rate_buckets (
  name text NOT NULL,
  key text NOT NULL,
  tokens double precision NOT NULL,
  -- When `tokens` was counted: seconds since the epoch on the database's clock, which every process shares.
  at double precision NOT NULL,
  -- Whether the last take was granted.
  ok boolean NOT NULL,
  PRIMARY KEY (name, key)
);
