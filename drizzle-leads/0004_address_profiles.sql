CREATE TABLE `calling_profile_counts` (
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`profile` text NOT NULL,
	`leads` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `campaign_id`, `profile`)
);
--> statement-breakpoint
DROP INDEX `leads_campaign_zone_set`;--> statement-breakpoint
ALTER TABLE `leads` ADD `calling_profile` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `region` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `postal_code` text;--> statement-breakpoint
CREATE INDEX `leads_campaign_profile` ON `leads` (`campaign_id`,`calling_profile`);--> statement-breakpoint
ALTER TABLE `lead_changes` ADD `before_fields` text;