-- A poll's counters without hot rows: each voting connection adds its changes (decreases included)
-- to its own slot of each counter, in the same statement as the vote rows, so concurrent voters no
-- longer queue on the poll's participant count and on the counters of the proposal voted on until each
-- commit. A counter is its poll_tallies row plus its slots' sum (a slot alone may be negative: a vote
-- counted in one slot can be withdrawn through another); a fold moves the slots back into the rows.
CREATE TABLE poll_tally_slots (
  poll_id text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  subject text NOT NULL,
  value   text NOT NULL,
  slot    smallint NOT NULL,
  n       integer NOT NULL,
  PRIMARY KEY (poll_id, subject, value, slot)
);
