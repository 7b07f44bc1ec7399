/**
 * A wire adapter over an asynchronous fetch, with the platform's life cycle: it emits
 * `{ data: undefined, error: undefined }` first, fetches when its configuration is complete
 * (no `undefined` member, as Lightning Data Service waits for `$` properties), keeps only the
 * latest answer, and can be refreshed (refreshApex, notifyRecordUpdateAvailable).
 */
export type WireConfig = Record<string, unknown>;
export interface WireValue {
  data: unknown;
  error: unknown;
}
type DataCallback = (value: WireValue) => void;

export interface RefreshableAdapter {
  readonly config: WireConfig | undefined;
  refresh(): Promise<void>;
}

const adapterOfValue = new WeakMap<object, RefreshableAdapter>();
const connected = new Set<RefreshableAdapter>();

/** The adapter instance that emitted `value`, for refreshApex. */
export function adapterOf(value: unknown): RefreshableAdapter | undefined {
  return value && typeof value === 'object' ? adapterOfValue.get(value) : undefined;
}

/** Every connected adapter whose configuration matches `predicate`. */
export function connectedAdapters(
  predicate: (config: WireConfig) => boolean
): RefreshableAdapter[] {
  return [...connected].filter((adapter) => adapter.config && predicate(adapter.config));
}

function isComplete(config: WireConfig | undefined): config is WireConfig {
  return !!config && Object.values(config).every((value) => value !== undefined);
}

export function createWireAdapter(fetchData: (config: WireConfig) => Promise<unknown>) {
  return class WorkbenchWireAdapter implements RefreshableAdapter {
    config: WireConfig | undefined;
    private sequence = 0;

    constructor(private readonly dataCallback: DataCallback) {}

    connect(): void {
      connected.add(this);
      this.emit({ data: undefined, error: undefined });
      if (isComplete(this.config)) void this.refresh();
    }

    update(config: WireConfig): void {
      this.config = config;
      if (isComplete(config)) void this.refresh();
    }

    disconnect(): void {
      connected.delete(this);
    }

    async refresh(): Promise<void> {
      const config = this.config;
      if (!isComplete(config)) return;
      const sequence = ++this.sequence;
      try {
        const data = await fetchData(config);
        if (sequence === this.sequence) this.emit({ data, error: undefined });
      } catch (error) {
        console.error('[workbench] wire adapter failed', config, error);
        if (sequence === this.sequence) this.emit({ data: undefined, error });
      }
    }

    private emit(value: WireValue): void {
      adapterOfValue.set(value, this);
      this.dataCallback(value);
    }
  };
}
