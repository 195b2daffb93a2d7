-- Poll integrity: how a poll guards against ballot stuffing (a script voting with fresh participant
-- tokens). 'address-limit', the default, also for the polls made before: at most address_limit new
-- participants vote from one network address in address_period_minutes; 'proof-of-work' adds a
-- solved challenge to a new participant's first vote; 'open' leaves the server's rate limit alone.
ALTER TABLE polls
  ADD COLUMN integrity text NOT NULL DEFAULT 'address-limit' CHECK (integrity IN ('open', 'address-limit', 'proof-of-work')),
  ADD COLUMN address_limit integer NOT NULL DEFAULT 30 CHECK (address_limit BETWEEN 1 AND 100000),
  ADD COLUMN address_period_minutes integer NOT NULL DEFAULT 60 CHECK (address_period_minutes BETWEEN 1 AND 10080);

-- New participants counted per poll, address and period. The address is an HMAC with the polls'
-- secret and the poll's id (the same address hashes differently in two polls), never the address;
-- rows of periods past are swept every hour.
CREATE TABLE poll_address_voters (
  poll_id      text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  address_hash text NOT NULL,
  period_start timestamptz NOT NULL,
  voters       integer NOT NULL CHECK (voters > 0),
  PRIMARY KEY (poll_id, address_hash, period_start)
);
CREATE INDEX poll_address_voters_age ON poll_address_voters (period_start);

-- Solved proof-of-work challenges, of comment threads and of polls, kept until they expire so that
-- each is accepted once (the comments' table, renamed: both resources use it through server/challenge.ts).
ALTER TABLE comment_challenges RENAME TO spent_challenges;
