CREATE TABLE `shard_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `suppressions` (
	`workspace_id` text NOT NULL,
	`phone` text NOT NULL,
	`reason` text,
	`expires_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `phone`)
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `phone_extension` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `phone_zone_set` integer;--> statement-breakpoint
CREATE INDEX `leads_campaign_zone_set` ON `leads` (`campaign_id`,`phone_zone_set`);