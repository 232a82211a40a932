CREATE TABLE `notify_email_allow_list` (
	`workspace_id` text NOT NULL,
	`entry` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `entry`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
