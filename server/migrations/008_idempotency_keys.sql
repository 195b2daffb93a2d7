-- The Idempotency-Key of each write, under the path it was sent to, with a fingerprint of its request
-- (method and body): the same key with another request is refused (422) instead of replayed.
CREATE TABLE idempotency_keys (
  scope       text NOT NULL,
  key         text NOT NULL,
  fingerprint text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
