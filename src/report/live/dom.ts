/**
 * The few browser interfaces the report's page script uses, declared here rather than pulling the DOM
 * library into the whole (Node) compilation. Only what `page.ts` and `worker.ts` touch.
 */

/** An element of the report page (inputs, outputs, containers). */
export interface El {
  id: string;
  value: string;
  textContent: string | null;
  innerHTML: string;
  disabled: boolean;
  href: string;
  hidden: boolean;
  dataset: Record<string, string | undefined>;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  addEventListener(type: string, f: (e: { target: unknown }) => void): void;
  querySelectorAll(selector: string): ArrayLike<El>;
}

/** The page's document. */
export interface Doc {
  readyState: string;
  body: El;
  getElementById(id: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  addEventListener(type: string, f: () => void): void;
}

/** A Web Worker as the page sees it. */
export interface WorkerLike {
  postMessage(msg: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

/** A vega changeset (the parts used). */
export interface Changeset {
  remove(f: (d: unknown) => boolean): Changeset;
  insert(rows: unknown[]): Changeset;
}

/** What vega-embed returns (the parts used: the view's `year` param, its named data, and finalize). */
export interface EmbedResult {
  view: {
    signal(name: string): unknown;
    change(name: string, c: Changeset): { runAsync(): Promise<unknown> };
    finalize(): void;
  };
  finalize(): void;
}

/** The globals of the page (the inlined vega-embed, Worker, Blob, URL). */
export interface PageGlobals {
  document: Doc;
  vegaEmbed: (el: El, spec: unknown, opts: Record<string, unknown>) => Promise<EmbedResult>;
  vega: { changeset(): Changeset };
  Worker: new (url: string) => WorkerLike;
  Blob: new (parts: string[], opts: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
  setTimeout(f: () => void, ms: number): unknown;
  performance: { now(): number };
  visoLive?: unknown;
}

/** The globals of a Web Worker. */
export interface WorkerGlobals {
  postMessage(msg: unknown): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  performance: { now(): number };
}
