/** What the page keeps on the device: web storage, cookies, and IndexedDB records. */
export interface DeviceState {
  localStorage: number;
  sessionStorage: number;
  cookie: string;
  /** IndexedDB object stores with how many records each holds, and their content as text. */
  databases: Array<{ name: string; store: string; records: number; sample: string }>;
}

async function storesOf(name: string): Promise<DeviceState['databases']> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const found: DeviceState['databases'] = [];
  for (const store of db.objectStoreNames) {
    const samples: string[] = [];
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error);
    });
    for (const record of all) {
      try {
        samples.push(JSON.stringify(record, (_key, value: unknown) => (value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? `[${(value as ArrayBuffer).byteLength} bytes]` : value)));
      } catch {
        samples.push(String(record));
      }
    }
    found.push({ name, store, records: all.length, sample: samples.join('\n').slice(0, 4000) });
  }
  db.close();
  return found;
}

export async function deviceState(): Promise<DeviceState> {
  const databases = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    databases.push(...(await storesOf(info.name)));
  }
  return { localStorage: localStorage.length, sessionStorage: sessionStorage.length, cookie: document.cookie, databases };
}
