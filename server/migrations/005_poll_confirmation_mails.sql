-- When a poll last mailed a confirmation link to an address (its keyed hash), whichever participant
-- asked: one mail per address and poll in ten minutes, so fresh participant tokens cannot bomb an
-- inbox. A row is claimed by one INSERT ... ON CONFLICT, exact across processes; followed links
-- and failed mails release it, and the hourly sweep drops old ones.
CREATE TABLE poll_confirmation_mails (
  poll_id    text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  email_hash text NOT NULL,
  mailed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (poll_id, email_hash)
);
CREATE INDEX poll_confirmation_mails_age ON poll_confirmation_mails (mailed_at);

-- From this version on, poll_participants.email_hash and pending_hash are HMACs with the polls' secret
-- (civic_secrets 'polls'), not the SHA-256 that 003 describes. Rows written before keep their SHA-256:
-- they cannot be rekeyed without the addresses (the README says how to drop them).
