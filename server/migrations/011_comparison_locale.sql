-- The language of a comparison's texts, so that the widget marks them with it (a French statement on an
-- English page is read with a French voice). Existing comparisons were written in French.
ALTER TABLE comparisons ADD COLUMN locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en'));
