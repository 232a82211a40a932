CREATE TABLE `campaign_counters` (
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`leads` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `campaign_id`)
);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`phone` text NOT NULL,
	`phone_country` text,
	`phone_type` text,
	`variables` text NOT NULL,
	`secondary_contacts` text DEFAULT '[]' NOT NULL,
	`import_id` text,
	`source_row` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_campaign_phone` ON `leads` (`campaign_id`,`phone`);--> statement-breakpoint
CREATE INDEX `leads_campaign` ON `leads` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `workspace_fences` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`since` text NOT NULL
);
