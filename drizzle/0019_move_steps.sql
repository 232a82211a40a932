ALTER TABLE `workspace_moves` ADD `step` text;--> statement-breakpoint
ALTER TABLE `workspace_moves` ADD `cursor` text;