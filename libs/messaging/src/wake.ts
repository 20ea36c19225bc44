/** A wake-up that can be awaited with a timeout; a wake with nobody waiting is kept for the next wait. */
export class Wake {
  private pending = false;
  private resolve: (() => void) | undefined;

  wake(): void {
    if (this.resolve) this.resolve();
    else this.pending = true;
  }

  async wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((done) => {
      this.resolve = done;
      timer = setTimeout(done, ms);
    });
    clearTimeout(timer);
    this.resolve = undefined;
    this.pending = false;
  }
}
