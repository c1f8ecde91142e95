declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** A folder to keep the tables in; in memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
