-- The bank registry profile an upload named, and its layout as it was then (JSON): pending lines are parsed
-- again by the worker and must read the same even if the profile's configuration changed meanwhile.
-- Registries stored before profiles existed keep a NULL layout and are read in the default profile.
ALTER TABLE bulk_job ADD COLUMN registry_profile VARCHAR(40);
ALTER TABLE bulk_job ADD COLUMN registry_layout TEXT;
UPDATE bulk_job SET registry_profile = 'default' WHERE kind = 'PAYMENT_REGISTRY';
