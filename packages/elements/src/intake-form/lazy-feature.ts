/**
 * A part of the element loaded on demand (a dynamic `import()`), so the first page does not
 * wait for code it may never need. `get()` starts loading and returns the module once it is
 * there; `onLoad` lets the element adopt its styles and re-render.
 */
export class LazyFeature<T> {
  value: T | undefined;
  private pending: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly onLoad: (value: T) => void,
  ) {}

  get(): T | undefined {
    void this.ready().catch(() => undefined);
    return this.value;
  }

  ready(): Promise<T> {
    this.pending ??= this.load().then(
      (value) => {
        this.value = value;
        this.onLoad(value);
        return value;
      },
      (error: unknown) => {
        // A failed chunk download may succeed later (flaky network): allow another try.
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }
}
