-- Position comparisons: statements, parties and positions (party × statement), each list in the
-- organiser's order; and the anonymous answers readers chose to send. Editing a list replaces it.
CREATE TABLE comparisons (
  id                  text PRIMARY KEY,
  title               text NOT NULL,
  description         text NOT NULL DEFAULT '',
  scale               smallint NOT NULL CHECK (scale IN (3, 5)),
  method              text NOT NULL DEFAULT 'wahl-o-mat' CHECK (method IN ('wahl-o-mat', 'city-block', 'hybrid')),
  allow_method_choice boolean NOT NULL DEFAULT false,
  missing_answer      text NOT NULL DEFAULT 'zero' CHECK (missing_answer IN ('zero', 'neutral')),
  collect_answers     boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE comparison_statements (
  comparison_id text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  id            text NOT NULL,
  ord           integer NOT NULL,
  text          text NOT NULL,
  theme         text NOT NULL,
  explanation   text,
  PRIMARY KEY (comparison_id, id)
);

CREATE TABLE comparison_parties (
  comparison_id text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  id            text NOT NULL,
  ord           integer NOT NULL,
  name          text NOT NULL,
  short_name    text NOT NULL,
  colour        text,
  logo_url      text,
  PRIMARY KEY (comparison_id, id)
);

CREATE TABLE comparison_positions (
  comparison_id text NOT NULL,
  party_id      text NOT NULL,
  statement_id  text NOT NULL,
  ord           integer NOT NULL,
  stance        smallint CHECK (stance BETWEEN -2 AND 2),
  quote         text,
  source_url    text,
  source_date   date,
  PRIMARY KEY (comparison_id, party_id, statement_id),
  FOREIGN KEY (comparison_id, party_id) REFERENCES comparison_parties (comparison_id, id) ON DELETE CASCADE,
  FOREIGN KEY (comparison_id, statement_id) REFERENCES comparison_statements (comparison_id, id) ON DELETE CASCADE
);

-- One row per reader who opted in: the answers only (no address, no name, no cookie), the day
-- (not the time, which could be matched with access logs), and the Idempotency-Key of the request
-- so that a retried submission counts once.
CREATE TABLE comparison_answers (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  comparison_id   text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  idempotency_key text,
  answers         jsonb NOT NULL,
  created_on      date NOT NULL DEFAULT current_date
);

CREATE UNIQUE INDEX comparison_answers_idempotency ON comparison_answers (comparison_id, idempotency_key);
