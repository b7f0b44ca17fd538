// Each delivery once in this process: a redelivery keeps its X-GitHub-Delivery id. A delivery
// is remembered only once its review succeeded, so GitHub's "Redeliver" retries a failure.
// (One review per pull request head is the queue's job id; see src/queue/.)
const doneDeliveries = new Set<string>();
const runningDeliveries = new Set<string>();
const MAX_REMEMBERED = 5000;

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
