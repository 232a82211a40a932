CREATE TABLE `suppression_import_chunks` (
	`import_id` text NOT NULL,
	`chunk` integer NOT NULL,
	`rows` integer NOT NULL,
	`added` integer NOT NULL,
	`already_present` integer NOT NULL,
	`invalid_count` integer NOT NULL,
	`invalid_sample` text NOT NULL,
	`finished_at` text NOT NULL,
	PRIMARY KEY(`import_id`, `chunk`)
);
--> statement-breakpoint
CREATE TABLE `suppression_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`status` text NOT NULL,
	`file_name` text NOT NULL,
	`default_country` text NOT NULL,
	`headers` text NOT NULL,
	`total_rows` integer,
	`chunk_count` integer,
	`error_code` text,
	`error_message` text,
	`created_at` text NOT NULL,
	`finished_at` text,
	`purged_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suppression_imports_workspace_created` ON `suppression_imports` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `suppression_imports_finished` ON `suppression_imports` (`finished_at`);