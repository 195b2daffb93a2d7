-- The confirmed count of a petition without one hot row: each signing connection adds to its own slot
-- (16 per petition), in the same statement as the signature, so concurrent signers no longer queue on
-- the petition's row until each commit. The count is petitions.signature_count plus the slots' sum;
-- a recount folds the slots back into the row.
CREATE TABLE petition_count_slots (
  petition_id text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  slot        smallint NOT NULL,
  n           integer NOT NULL,
  PRIMARY KEY (petition_id, slot)
);
