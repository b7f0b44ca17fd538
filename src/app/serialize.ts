// One review at a time per pull request in this process, and each delivery once:
// redeliveries keep their X-GitHub-Delivery id, and two deliveries for one head must not
// both post. (Across replicas, the fingerprint markers re-read inside the lock keep
// comments from repeating.)
const queues = new Map<string, Promise<unknown>>();
const seenDeliveries = new Set<string>();
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

/** True the first time a delivery id is seen. */
export function firstDelivery(id: string | undefined): boolean {
  if (!id) return true;
  if (seenDeliveries.has(id)) return false;
  if (seenDeliveries.size >= MAX_REMEMBERED) seenDeliveries.delete(seenDeliveries.values().next().value!);
  seenDeliveries.add(id);
  return true;
}
