CREATE TABLE `suppressions` (
	`workspace_id` text NOT NULL,
	`phone` text NOT NULL,
	`reason` text,
	`expires_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `phone`)
);
