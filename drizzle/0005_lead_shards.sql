CREATE TABLE `workspace_moves` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`from_shard` integer NOT NULL,
	`to_shard` integer NOT NULL,
	`phase` text NOT NULL,
	`cursor_campaign` text,
	`cursor_id` integer DEFAULT 0 NOT NULL,
	`copied_rows` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`flipped_at` text
);
--> statement-breakpoint
CREATE TABLE `workspace_shards` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`shard` integer NOT NULL,
	`placed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `workspace_shards_shard` ON `workspace_shards` (`shard`);--> statement-breakpoint
-- Workspaces that exist before the pool are placed on shard 0 (where a deploy copies their leads first: see the README).
INSERT INTO `workspace_shards` (`workspace_id`, `shard`, `placed_at`) SELECT `id`, 0, `created_at` FROM `workspaces`;--> statement-breakpoint
DROP TABLE `leads`;