-- Proposal polls: a quick poll's options or a consultation's themes and proposals, arguments for and
-- against with likes, and the votes of anonymous participants. Results are counters (poll_tallies)
-- changed in the same transaction as the votes they count, so reading them costs one small query.
CREATE TABLE polls (
  id                 text PRIMARY KEY,
  kind               text NOT NULL CHECK (kind IN ('quick', 'consultation')),
  title              text NOT NULL,
  description        text NOT NULL DEFAULT '',
  vote_kind          text NOT NULL CHECK (vote_kind IN ('support', 'agreement', 'single', 'approval')),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opens_at           timestamptz,
  closes_at          timestamptz,
  results_visibility text NOT NULL DEFAULT 'always' CHECK (results_visibility IN ('always', 'after-vote', 'after-close')),
  allow_proposals    boolean NOT NULL DEFAULT false,
  moderate_proposals boolean NOT NULL DEFAULT true,
  confirm_email      boolean NOT NULL DEFAULT false,
  max_choices        integer CHECK (max_choices > 0),
  locale             text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE poll_themes (
  poll_id     text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  title       text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (poll_id, id)
);

CREATE TABLE poll_options (
  poll_id  text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  id       text NOT NULL,
  position integer NOT NULL,
  label    text NOT NULL,
  PRIMARY KEY (poll_id, id)
);

CREATE TABLE poll_proposals (
  poll_id         text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  id              text NOT NULL,
  theme_id        text,
  title           text NOT NULL,
  body            text NOT NULL,
  author_name     text NOT NULL,
  status          text NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
  -- The Idempotency-Key of the request that created it (null: the organiser's).
  idempotency_key text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (poll_id, id)
);
CREATE UNIQUE INDEX poll_proposals_idempotency ON poll_proposals (poll_id, idempotency_key);
CREATE INDEX poll_proposals_list ON poll_proposals (poll_id, status, created_at DESC, id DESC);

CREATE TABLE poll_arguments (
  poll_id         text NOT NULL,
  id              text NOT NULL,
  proposal_id     text NOT NULL,
  side            text NOT NULL CHECK (side IN ('for', 'against')),
  body            text NOT NULL,
  author_name     text NOT NULL,
  status          text NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
  like_count      integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
  idempotency_key text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (poll_id, id),
  FOREIGN KEY (poll_id, proposal_id) REFERENCES poll_proposals (poll_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX poll_arguments_idempotency ON poll_arguments (poll_id, idempotency_key);
CREATE INDEX poll_arguments_list ON poll_arguments (poll_id, proposal_id, status);

-- A participant is the SHA-256 of the token their browser keeps; the token itself is never stored.
-- With a poll's confirm_email, their votes count once an email is confirmed: only its SHA-256
-- (normalised) is kept, to hold one participant per address; the address itself is only mailed to.
CREATE TABLE poll_participants (
  id            text PRIMARY KEY,
  email_hash    text UNIQUE,
  confirmed_at  timestamptz,
  pending_hash  text,
  pending_poll  text,
  confirm_hash  text UNIQUE,
  mailed_at     timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  seen_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE poll_argument_likes (
  poll_id     text NOT NULL,
  argument_id text NOT NULL,
  participant text NOT NULL,
  PRIMARY KEY (poll_id, argument_id, participant),
  FOREIGN KEY (poll_id, argument_id) REFERENCES poll_arguments (poll_id, id) ON DELETE CASCADE
);
CREATE INDEX poll_argument_likes_participant ON poll_argument_likes (poll_id, participant);

-- One row per chosen value: one for support and agreement votes and single choices, up to
-- max_choices for approval. `subject` is '' for the poll itself, else a proposal id. `counted` is
-- false while a confirm_email poll waits for the participant's email.
CREATE TABLE poll_votes (
  poll_id     text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  participant text NOT NULL,
  subject     text NOT NULL,
  value       text NOT NULL,
  counted     boolean NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (poll_id, participant, subject, value)
);
CREATE INDEX poll_votes_participant ON poll_votes (participant);

-- Counted votes per (subject, value). value '#' counts the participants who voted on the subject;
-- subject '#', value '#' counts the participants whose votes count in the poll.
CREATE TABLE poll_tallies (
  poll_id text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  subject text NOT NULL,
  value   text NOT NULL,
  count   integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (poll_id, subject, value)
);

-- The Idempotency-Keys of recent votes and likes: a replayed request changes nothing.
CREATE TABLE poll_vote_keys (
  participant text NOT NULL,
  key         text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (participant, key)
);
CREATE INDEX poll_vote_keys_age ON poll_vote_keys (created_at);
