-- When and how a restriction notice reached the holder (RestrictionNoticeDelivered); null until recorded. Only a
-- delivered notice counts for the restriction candidates.
ALTER TABLE overdue_notice ADD COLUMN delivered_on DATE;
ALTER TABLE overdue_notice ADD COLUMN channel VARCHAR(32);
