-- Newer versions of published events, beside the first version kept in feed_event.data (docs/events.md): a
-- consumer that asks for ChargePosted version 2 gets this row's data, everyone else feed_event.data. Written by
-- FeedProjection in the same transaction as the event's feed_event row.
CREATE TABLE feed_event_version (
    position      BIGINT  NOT NULL REFERENCES feed_event (position),
    event_version INTEGER NOT NULL,
    data          TEXT    NOT NULL,
    PRIMARY KEY (position, event_version)
);

-- ChargePosted version 2 of the charges already in the feed: version 1's JSON with postedOn appended (the last
-- field of ChargePostedV2, so the text is what the projection writes). postedOn comes from the stored payload;
-- revision 1 payloads have none and get the Moscow date of their recording instant, as ChargePostedUpcaster does.
INSERT INTO feed_event_version (position, event_version, data)
SELECT f.position, 2,
       left(f.data, length(f.data) - 1) || ',"postedOn":"'
           || coalesce(convert_from(e.payload, 'UTF8')::jsonb ->> 'postedOn',
                       to_char((e.time_stamp::timestamptz AT TIME ZONE 'Europe/Moscow')::date, 'YYYY-MM-DD'))
           || '"}'
  FROM feed_event f
  JOIN domain_event_entry e ON e.event_identifier = f.event_id
 WHERE f.event_type = 'ChargePosted' AND f.event_version = 1
ON CONFLICT (position, event_version) DO NOTHING;
