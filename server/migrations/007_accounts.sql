-- The console's accounts, how they sign in (mailed links, passkeys), their sessions, and the audit
-- log. Tokens and session ids are kept as their SHA-256 only. Times that expiry depends on are
-- written by the server's clock (not now()), so that tests can move it.
CREATE TABLE accounts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email           text NOT NULL,
  email_norm      text NOT NULL UNIQUE,
  name            text NOT NULL DEFAULT '',
  role            text NOT NULL CHECK (role IN ('owner', 'editor', 'moderator')),
  created_at      timestamptz NOT NULL,
  last_sign_in_at timestamptz
);

-- A signed-in browser: idle expiry from last_seen_at, absolute from created_at (server/auth.ts).
CREATE TABLE account_sessions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE,
  method       text NOT NULL CHECK (method IN ('link', 'passkey', 'demo')),
  user_agent   text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX account_sessions_account ON account_sessions (account_id, last_seen_at DESC);

-- A mailed (or printed) sign-in link: used once, before expires_at.
CREATE TABLE sign_in_links (
  token_hash text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX sign_in_links_expiry ON sign_in_links (expires_at);

-- A WebAuthn credential: its id and public key (COSE), base64url, and its signature counter.
CREATE TABLE passkeys (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  credential_id text NOT NULL UNIQUE,
  public_key    text NOT NULL,
  counter       bigint NOT NULL DEFAULT 0,
  transports    text NOT NULL DEFAULT '',
  name          text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz
);
CREATE INDEX passkeys_account ON passkeys (account_id);

-- A WebAuthn challenge handed out, answered once before expires_at (any process may check it).
CREATE TABLE passkey_challenges (
  challenge  text PRIMARY KEY,
  purpose    text NOT NULL CHECK (purpose IN ('register', 'sign-in')),
  account_id bigint REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);

-- Who did what, when, to which item, with the change (personal data left out). actor_id has no
-- foreign key: the log outlives the accounts it names.
CREATE TABLE audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('account', 'token', 'cli', 'system')),
  actor_id   bigint,
  actor_role text,
  action     text NOT NULL,
  item_type  text NOT NULL,
  item_id    text,
  change     jsonb
);
CREATE INDEX audit_log_recent ON audit_log (id DESC);
CREATE INDEX audit_log_item ON audit_log (item_type, item_id);
CREATE INDEX audit_log_actor ON audit_log (actor_kind, actor_id);
