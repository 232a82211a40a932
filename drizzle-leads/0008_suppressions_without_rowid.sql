-- Hand-written (drizzle cannot declare WITHOUT ROWID): the suppression list as one B-tree keyed by
-- its primary key instead of a rowid table plus that key's index. Registry lists hold tens of
-- millions of numbers; this halves the bytes they take and the pages every insert writes.
-- Same columns and key as workers/leads/schema.ts says.
CREATE TABLE `__suppressions_without_rowid` (
	`workspace_id` text NOT NULL,
	`source` text DEFAULT 'internal' NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`phone` text NOT NULL,
	`reason` text,
	`expires_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`, `generation`, `phone`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__suppressions_without_rowid` SELECT `workspace_id`, `source`, `generation`, `phone`, `reason`, `expires_at`, `created_at` FROM `suppressions`;
--> statement-breakpoint
DROP TABLE `suppressions`;
--> statement-breakpoint
ALTER TABLE `__suppressions_without_rowid` RENAME TO `suppressions`;
--> statement-breakpoint
-- Every list so far is the internal source, generation 0, with its count kept from now on (an
-- entry whose source has no row is never in force).
INSERT INTO `suppression_sources` (`workspace_id`, `source`, `generation`, `count`, `has_expiring`, `updated_at`)
  SELECT `workspace_id`, 'internal', 0, count(*), max(`expires_at` IS NOT NULL), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `suppressions` GROUP BY `workspace_id`;
