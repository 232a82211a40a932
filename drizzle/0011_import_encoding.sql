ALTER TABLE `imports` ADD `encoding` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `warnings` text;