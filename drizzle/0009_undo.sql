ALTER TABLE `imports` ADD `on_existing` text DEFAULT 'skip' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `created_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `updated_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `undone_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `undo_skipped_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `undo_started_at` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `undo_finished_at` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `changes_deleted_at` text;--> statement-breakpoint
CREATE INDEX `imports_changes_to_delete` ON `imports` (`finished_at`) WHERE changes_deleted_at IS NULL;