package org.proxyfund.probe.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit of check results: the first check to finish writes, in one transaction, every result that arrived
 * while the previous batch was being written; the others wait for their own answer. At low load each result is
 * written alone at once; under load a few hundred share one commit instead of queueing for pool connections.
 */
final class ResultWriter {

    private record Pending(ScheduleRepository.Outcome outcome, CompletableFuture<Boolean> done) {
    }

    private final ScheduleRepository repository;
    private final String monitor;
    private final int maxBatch;
    private final List<Pending> queue = new ArrayList<>();
    private boolean writing;

    ResultWriter(ScheduleRepository repository, String monitor, int maxBatch) {
        this.repository = repository;
        this.monitor = monitor;
        this.maxBatch = Math.max(1, maxBatch);
    }

    /** Records one outcome (in some batch); false when its lease was lost and nothing was written for it. */
    boolean record(ScheduleRepository.Outcome outcome) {
        Pending mine = new Pending(outcome, new CompletableFuture<>());
        boolean leader;
        synchronized (queue) {
            queue.add(mine);
            leader = !writing;
            writing = true;
        }
        if (leader) writeUntilEmpty();
        return mine.done().join();
    }

    private void writeUntilEmpty() {
        while (true) {
            List<Pending> batch;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    writing = false;
                    return;
                }
                batch = new ArrayList<>(queue.subList(0, Math.min(maxBatch, queue.size())));
                queue.subList(0, batch.size()).clear();
            }
            try {
                boolean[] written = repository.recordAll(monitor, batch.stream().map(Pending::outcome).toList());
                for (int i = 0; i < batch.size(); i++) batch.get(i).done().complete(written[i]);
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }
}
