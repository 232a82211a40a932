ALTER TABLE `workspace_moves` DROP COLUMN `cursor_campaign`;--> statement-breakpoint
ALTER TABLE `workspace_moves` DROP COLUMN `cursor_id`;