/** R2 keys of an import's data, always under its workspace: `ws/<workspace>/imports/<import>/…`. */
export function importPrefix(workspaceId: string, importId: string): string {
  return `ws/${workspaceId}/imports/${importId}/`;
}

export const keys = {
  chunk: (ws: string, imp: string, n: number) => `${importPrefix(ws, imp)}chunks/${String(n).padStart(6, '0')}.json`,
  validated: (ws: string, imp: string, n: number) => `${importPrefix(ws, imp)}validated/${String(n).padStart(6, '0')}.json`,
  errors: (ws: string, imp: string, n: number) => `${importPrefix(ws, imp)}errors/${String(n).padStart(6, '0')}.json`,
  report: (ws: string, imp: string) => `${importPrefix(ws, imp)}report.csv`,
};
