/**
 * Who is signed in, in which workspace and with which role (GET /api/v1/me), for the whole app:
 * the header shows it, pages hide or disable what the role may not do (the API refuses it anyway).
 */
import { roleMay, type Permission, type Role } from '../auth/permission-table.ts';

export interface WorkspaceChoice {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  kind: 'user' | 'token';
  user?: { id: string; email: string; name: string | null };
  workspace: WorkspaceChoice;
  workspaces: WorkspaceChoice[];
}

class Session {
  /** undefined while loading, null when signed out. */
  me = $state<Me | null | undefined>(undefined);
  problem = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      const res = await fetch('/api/v1/me', { credentials: 'same-origin' });
      if (res.status === 401) this.me = null;
      else if (!res.ok) {
        this.problem = `The server could not say who you are (HTTP ${res.status}). Reload the page.`;
        this.me = null;
      } else this.me = (await res.json()) as Me;
    } catch {
      this.problem = 'The server could not be reached. Check your connection and reload the page.';
      this.me = null;
    }
  }

  /** Whether the signed-in role may do `permission` (the permission table the server decides with). */
  may(permission: Permission): boolean {
    return !!this.me && roleMay(this.me.workspace.role, permission);
  }

  get workspaceId(): string {
    return this.me?.workspace.id ?? '';
  }
}

export const session = new Session();
