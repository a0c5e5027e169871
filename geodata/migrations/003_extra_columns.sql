-- Source columns that no field takes (an office's "Ghi chú", "Địa chỉ", "STT") are kept with the
-- row as a JSON object {column: value}, so an import loses nothing and the values can be seen
-- and exported again.
ALTER TABLE communes ADD COLUMN extra TEXT;
ALTER TABLE border_line ADD COLUMN extra TEXT;
ALTER TABLE crossings ADD COLUMN extra TEXT;
ALTER TABLE facilities ADD COLUMN extra TEXT;
ALTER TABLE incidents ADD COLUMN extra TEXT;
ALTER TABLE commune_status ADD COLUMN extra TEXT;
ALTER TABLE designations ADD COLUMN extra TEXT;
ALTER TABLE cooperation_events ADD COLUMN extra TEXT;
ALTER TABLE patrols ADD COLUMN extra TEXT;
ALTER TABLE campaigns ADD COLUMN extra TEXT;
