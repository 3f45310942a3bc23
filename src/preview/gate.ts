/**
 * A door the preview host's calls pass through. Open, it costs nothing; held (by a test or a curious developer,
 * through window.mopsPreview.hold()), every host call waits until release(), so that the pane's "working" state
 * can be looked at without depending on timing.
 */
export class Gate {
  private closed: Promise<void> | null = null;
  private open: (() => void) | null = null;

  hold(): void {
    if (this.closed) return;
    this.closed = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.open?.();
    this.closed = null;
    this.open = null;
  }

  pass(): Promise<void> {
    return this.closed ?? Promise.resolve();
  }
}
