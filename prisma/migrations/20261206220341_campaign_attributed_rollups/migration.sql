-- AlterTable
ALTER TABLE "CampaignRecipient" ADD COLUMN     "previousDims" TEXT[],
ADD COLUMN     "sentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD';


-- The send instant a message event carries in properties.sentAt (an ISO 8601 UTC string written by
-- delivery and the demo), or null when it is missing or not a real instant: a customer can ingest
-- message_* events with any properties, and a rebuild must not fail on them. No exception block
-- (a subtransaction per row would cost the rebuild seconds per million events): the format is
-- checked by pattern and the day against the month's length.
CREATE FUNCTION tailor_sent_at(value text) RETURNS timestamp(3) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d'
      AND substr(value, 1, 4) <> '0000'
      AND substr(value, 9, 2)::int <= extract(day FROM (substr(value, 1, 7) || '-01')::date + interval '1 month' - interval '1 day')
    THEN substring(value FROM '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?')::timestamp(3)
  END
$$;

-- MessageDaily now counts every event of a message on the day the message was sent, and unique
-- profiles on the send day of their first delivered message (campaign-attributed reports). The rows
-- counted the old way are dropped; the worker rebuilds them from Event at its next start
-- (lib/delivery/backfill-campaign-recipients.ts), with each old event on its own day where it
-- carries no sentAt.
DELETE FROM "CampaignRecipient";
DELETE FROM "MessageDaily";
