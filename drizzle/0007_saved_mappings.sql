CREATE TABLE `saved_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`file_name` text NOT NULL,
	`header_key` text NOT NULL,
	`headers` text NOT NULL,
	`targets` text NOT NULL,
	`saved_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_mappings_campaign_headers` ON `saved_mappings` (`workspace_id`,`campaign_id`,`header_key`);--> statement-breakpoint
CREATE INDEX `saved_mappings_workspace_saved` ON `saved_mappings` (`workspace_id`,`saved_at`);