ALTER TABLE `campaigns` ADD `consent_policy` text DEFAULT '{"require":"none","maxAgeDays":null}' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `require_fresh_lists` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `suppression_imports` ADD `source` text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppression_imports` ADD `mode` text DEFAULT 'add' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppression_imports` ADD `as_of` text;--> statement-breakpoint
ALTER TABLE `suppression_imports` ADD `generation` integer;--> statement-breakpoint
ALTER TABLE `suppression_imports` ADD `layout` text DEFAULT 'table' NOT NULL;