CREATE TABLE `suppression_list_versions` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL
);
