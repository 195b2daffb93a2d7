-- Petitions and their signatures. The confirmed count is kept in petitions.signature_count and
-- changed in the same transaction as the signature it counts.
CREATE TABLE petitions (
  id              text PRIMARY KEY,
  title           text NOT NULL,
  summary         text NOT NULL DEFAULT '',
  url             text,
  goal            integer NOT NULL CHECK (goal > 0),
  signature_count integer NOT NULL DEFAULT 0 CHECK (signature_count >= 0),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closes_at       timestamptz,
  double_opt_in   boolean NOT NULL DEFAULT true,
  locale          text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A withdrawn signature is deleted, not flagged (Loi 25 / GDPR): the email may sign again.
CREATE TABLE signatures (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id     text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  name            text NOT NULL,
  email           text NOT NULL,
  email_norm      text NOT NULL,
  postal_code     text,
  city            text,
  comment         text,
  show_name       boolean NOT NULL DEFAULT false,
  accept_updates  boolean NOT NULL DEFAULT false,
  status          text NOT NULL CHECK (status IN ('pending', 'confirmed')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  confirmed_at    timestamptz,
  -- The Idempotency-Key of the request that created the row, and the answer it got.
  idempotency_key text,
  result_status   text NOT NULL,
  result_count    integer NOT NULL,
  -- SHA-256 (hex) of the tokens sent by mail; the tokens themselves are never stored.
  confirm_hash    text UNIQUE,
  withdraw_hash   text NOT NULL UNIQUE,
  -- When the last mail to this signer went out (null: not yet, or it failed).
  mailed_at       timestamptz
);

CREATE UNIQUE INDEX signatures_one_per_email ON signatures (petition_id, email_norm);
CREATE UNIQUE INDEX signatures_idempotency ON signatures (petition_id, idempotency_key);
CREATE INDEX signatures_recent ON signatures (petition_id, confirmed_at DESC) WHERE status = 'confirmed' AND show_name;
CREATE INDEX signatures_export ON signatures (petition_id, id);
