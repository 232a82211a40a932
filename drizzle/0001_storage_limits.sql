CREATE TABLE `storage_usage` (
	`workspace_id` text NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`bytes` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `scope`)
);
--> statement-breakpoint
CREATE INDEX `storage_usage_kind_updated` ON `storage_usage` (`kind`,`updated_at`);--> statement-breakpoint
ALTER TABLE `imports` ADD `report_deleted_at` text;--> statement-breakpoint
CREATE INDEX `imports_chunks_to_purge` ON `imports` (`finished_at`) WHERE purged_at IS NULL;--> statement-breakpoint
CREATE INDEX `imports_reports_to_delete` ON `imports` (`finished_at`) WHERE report_deleted_at IS NULL;