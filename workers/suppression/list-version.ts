/**
 * The version of a workspace's list on its shard (suppression_list_versions): a random token set
 * anew in the same transaction as every write that changes what is in force, so the packed form
 * cached from an older version is rebuilt (packed-list.ts) and never serves a change it lacks.
 */

/**
 * Sets a fresh random version when the statement just before it in the batch changed a row. Part
 * of the write's own transaction, so no change is ever seen under an old version.
 */
export const BUMP_LIST_VERSION = `INSERT INTO suppression_list_versions (workspace_id, version)
  SELECT ?1, lower(hex(randomblob(8))) WHERE changes() > 0
  ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version`;

/** The version of a list that never changed on its shard. */
export const NO_LIST_VERSION = 'none';
