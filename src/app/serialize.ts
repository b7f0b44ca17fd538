// One review at a time per pull request in this process, and each delivery once:
// redeliveries keep their X-GitHub-Delivery id, and two deliveries for one head must not
// both post. (Across replicas, the fingerprint markers re-read inside the lock keep
// comments from repeating.)
const queues = new Map<string, Promise<unknown>>();
const doneDeliveries = new Set<string>();
const runningDeliveries = new Set<string>();
const MAX_REMEMBERED = 5000;

export function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/** True when a delivery should be handled: it is neither done nor being handled now. */
export function beginDelivery(id: string | undefined): boolean {
  if (!id) return true;
  if (doneDeliveries.has(id) || runningDeliveries.has(id)) return false;
  runningDeliveries.add(id);
  return true;
}

/**
 * Records a delivery as done only when it succeeded: after a failure, GitHub's "Redeliver"
 * (same delivery id) must run the review again.
 */
export function finishDelivery(id: string | undefined, succeeded: boolean): void {
  if (!id) return;
  runningDeliveries.delete(id);
  if (!succeeded) return;
  if (doneDeliveries.size >= MAX_REMEMBERED) doneDeliveries.delete(doneDeliveries.values().next().value!);
  doneDeliveries.add(id);
}
