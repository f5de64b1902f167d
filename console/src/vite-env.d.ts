/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the `admin` function answers; defaults to the local runtime's `/api/functions/admin`. */
  readonly VITE_ADMIN_ENDPOINT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
