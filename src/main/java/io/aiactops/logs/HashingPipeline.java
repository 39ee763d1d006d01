package io.aiactops.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Hands the rows the reading thread takes from the cursor to a second thread that hashes them, in
 * order, a batch at a time: while the driver waits for the next fetch, the previous one is hashed,
 * which brings a verification close to the speed of reading the rows (docs/benchmarks.md). The
 * reading thread keeps the transaction; the hashing thread never touches the database.
 */
final class HashingPipeline implements Consumer<StoredRow>, AutoCloseable {

    private static final int BATCH = 1_000;
    private static final List<StoredRow> END = List.of();

    private final BlockingQueue<List<StoredRow>> queue = new ArrayBlockingQueue<>(8);
    private final Thread hasher;
    private volatile RuntimeException failure;
    private List<StoredRow> batch = new ArrayList<>(BATCH);

    HashingPipeline(String name, Consumer<StoredRow> consumer) {
        hasher = new Thread(() -> {
            try {
                for (List<StoredRow> rows = queue.take(); rows != END; rows = queue.take()) {
                    rows.forEach(consumer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the reader gave up
            } catch (RuntimeException e) {
                failure = e;
                queue.clear(); // unblocks a reader waiting to put
            }
        }, name);
        hasher.setDaemon(true);
        hasher.start();
    }

    @Override
    public void accept(StoredRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every row handed over was hashed; rethrows what the hashing thread threw. */
    void finish() {
        hand(batch);
        hand(END);
        join();
        if (failure != null) {
            throw failure;
        }
    }

    /** After {@link #finish}, or to abandon the hashing when reading failed. */
    @Override
    public void close() {
        if (hasher.isAlive()) {
            hasher.interrupt();
            join();
        }
    }

    private void hand(List<StoredRow> rows) {
        if (failure != null) {
            throw failure;
        }
        try {
            while (!queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failure != null || !hasher.isAlive()) {
                    throw failure != null ? failure : new IllegalStateException("the hashing thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
    }

    private void join() {
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
    }
}
