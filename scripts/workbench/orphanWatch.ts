/**
 * `npm start` runs the workbench through a shell (`sh -c`), and a kill of npm ends the shell
 * without passing the signal on, which left the server listening. The workbench watches its
 * parent instead: once the process that started it is gone (it is re-parented), it stops.
 */
export function stopWhenOrphaned(parent: number, stop: () => void, everyMs = 1000): void {
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, everyMs).unref();
}
