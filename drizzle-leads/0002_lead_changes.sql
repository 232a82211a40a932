CREATE TABLE `lead_changes` (
	`import_id` text NOT NULL,
	`lead_id` integer NOT NULL,
	`kind` text NOT NULL,
	`phone` text NOT NULL,
	`before_variables` text,
	`before_contacts` text,
	`before_version` integer,
	`before_updated_import_id` text,
	`after_version` integer NOT NULL,
	`batch` text,
	`created_at` text NOT NULL,
	`undone_at` text,
	`skip_reason` text,
	`skipped_by` text,
	PRIMARY KEY(`import_id`, `lead_id`)
);
--> statement-breakpoint
CREATE TABLE `undo_runs` (
	`import_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`created_cursor` integer DEFAULT 0 NOT NULL,
	`created_done` integer DEFAULT 0 NOT NULL,
	`updated_cursor` integer DEFAULT 0 NOT NULL,
	`updated_done` integer DEFAULT 0 NOT NULL,
	`undone` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `updated_import_id` text;