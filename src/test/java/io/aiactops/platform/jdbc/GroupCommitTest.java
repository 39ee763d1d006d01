package io.aiactops.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.aiactops.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {

    /** A transaction manager that only counts, with real Spring transaction synchronisation around it. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();
        /** While set, no transaction begins, as when the pool gets no connection. */
        volatile boolean unavailable;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            if (unavailable) {
                throw new CannotCreateTransactionException("no connection");
            }
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }

    final CountingTransactions transactions = new CountingTransactions();
    /** The requests of each transaction's work, in the order the work ran. */
    final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService clients = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** Set when the held request's transaction is running; counted down to let it finish. */
    final CountDownLatch heldRunning = new CountDownLatch(1);
    final CountDownLatch releaseHeld = new CountDownLatch(1);

    /** A group commit whose request {@code held} keeps its transaction open until released. */
    GroupCommit<String, String> groupCommit(String held, Function<String, String> each, int maxWeight) {
        return new GroupCommit<>(new TransactionTemplate(transactions), requests -> {
            groups.add(List.copyOf(requests));
            return requests.stream().map(request -> {
                if (request.equals(held)) {
                    heldRunning.countDown();
                    Await.countedDown("the held group released", releaseHeld, Duration.ofSeconds(5));
                }
                return each.apply(request);
            }).toList();
        }, String::length, maxWeight);
    }

    /** Submits the held request and returns once its transaction is under way. */
    Future<String> submitHeld(GroupCommit<String, String> commits, String key, String request) throws Exception {
        Future<String> answer = clients.submit(() -> commits.submit(key, request));
        assertThat(heldRunning.await(5, TimeUnit.SECONDS)).isTrue();
        return answer;
    }

    /** Submits the requests for key "system" and returns once all of them wait behind the one under way. */
    List<Future<String>> submitQueued(GroupCommit<String, String> commits, String... requests) {
        List<Future<String>> waiting = new ArrayList<>();
        for (String request : requests) {
            waiting.add(clients.submit(() -> commits.submit("system", request)));
        }
        awaitQueued(commits, requests.length);
        return waiting;
    }

    @Test
    void requestsThatArriveWhileATransactionIsUnderWayShareTheNextOne() throws Exception {
        GroupCommit<String, String> commits = groupCommit("a", String::toUpperCase, 100);

        Future<String> first = submitHeld(commits, "system", "a");
        List<Future<String>> waiting = submitQueued(commits, "b", "c", "d");
        releaseHeld.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("A");
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : waiting) {
            answers.add(answer.get(5, TimeUnit.SECONDS));
        }
        assertThat(answers).containsExactly("B", "C", "D");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(transactions.commits).hasValue(2);
    }

    @Test
    void aGroupStopsGrowingAtItsWeightButAlwaysTakesOneRequest() throws Exception {
        GroupCommit<String, String> commits = groupCommit("first", Function.identity(), 4);

        Future<String> first = submitHeld(commits, "system", "first");
        List<Future<String>> waiting = new ArrayList<>();
        for (String request : List.of("aa", "bb", "cc")) {
            waiting.add(clients.submit(() -> commits.submit("system", request)));
            awaitQueued(commits, waiting.size());
        }
        releaseHeld.countDown();
        for (Future<String> answer : waiting) {
            answer.get(5, TimeUnit.SECONDS);
        }

        assertThat(first.get()).isEqualTo("first");
        assertThat(groups).containsExactly(List.of("first"), List.of("aa", "bb"), List.of("cc"));
    }

    @Test
    void aFailingRequestFailsAloneAndTheOthersOfItsGroupCommitWithoutIt() throws Exception {
        GroupCommit<String, String> commits = groupCommit("a", request -> {
            if (request.equals("bad")) {
                throw new IllegalArgumentException("bad request");
            }
            return request.toUpperCase();
        }, 100);

        Future<String> first = submitHeld(commits, "system", "a");
        Future<String> before = clients.submit(() -> commits.submit("system", "b"));
        awaitQueued(commits, 1);
        Future<String> bad = clients.submit(() -> commits.submit("system", "bad"));
        awaitQueued(commits, 2);
        Future<String> after = clients.submit(() -> commits.submit("system", "c"));
        awaitQueued(commits, 3);
        releaseHeld.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(before.get(5, TimeUnit.SECONDS)).isEqualTo("B");
        assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo("C");
        assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad request");
        // The shared transaction rolled back; then each alone: b and c committed, bad rolled back.
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "bad", "c"), List.of("b"), List.of("bad"), List.of("c"));
        assertThat(transactions.commits).hasValue(3);
        assertThat(transactions.rollbacks).hasValue(2);
    }

    @Test
    void whenNoTransactionBeginsTheGroupAndThoseWaitingFailAtOnceWithoutTryingAlone() throws Exception {
        GroupCommit<String, String> commits = groupCommit("a", String::toUpperCase, 1);

        Future<String> first = submitHeld(commits, "system", "a");
        List<Future<String>> waiting = submitQueued(commits, "b", "c", "d");
        transactions.unavailable = true; // the database goes while a's transaction is under way
        releaseHeld.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("A");
        // b led the next group (of one: the weight limit) and could not begin; c and d were not tried.
        for (Future<String> answer : waiting) {
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CannotCreateTransactionException.class);
        }
        assertThat(groups).containsExactly(List.of("a"));

        transactions.unavailable = false;
        assertThat(commits.submit("system", "e")).isEqualTo("E");
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        GroupCommit<String, String> commits = groupCommit("slow", Function.identity(), 100);

        Future<String> slow = submitHeld(commits, "one", "slow");
        assertThat(clients.submit(() -> commits.submit("two", "fast")).get(5, TimeUnit.SECONDS)).isEqualTo("fast");
        assertThat(slow.isDone()).isFalse();
        releaseHeld.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
    }

    @Test
    void aKeyWithNothingUnderWayIsForgottenAndServedAgainLater() throws Exception {
        GroupCommit<String, String> commits = groupCommit("held", String::toUpperCase, 100);

        // Many keys, as requests naming systems that do not exist would bring: none stays behind.
        for (int i = 0; i < 1_000; i++) {
            assertThat(commits.submit("system-" + i, "x")).isEqualTo("X");
        }
        awaitNoKeys(commits);
        Future<String> held = submitHeld(commits, "system", "held");
        Future<String> next = clients.submit(() -> commits.submit("system", "next"));
        awaitQueued(commits, 1);
        assertThat(commits.keys()).isOne();
        releaseHeld.countDown();

        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("HELD");
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("NEXT");
        awaitNoKeys(commits);
        assertThat(commits.submit("system", "again")).isEqualTo("AGAIN");
    }

    @Test
    void aCallerAlreadyInATransactionIsRunInItAtOnce() {
        GroupCommit<String, String> commits = groupCommit(null, String::toUpperCase, 100);

        String answer = new TransactionTemplate(transactions).execute(status -> commits.submit("system", "a"));

        assertThat(answer).isEqualTo("A");
        assertThat(transactions.commits).hasValue(1);
    }

    /** A key's writer forgets it just after answering its last request. */
    private static void awaitNoKeys(GroupCommit<?, ?> commits) {
        Await.until("no key left", Duration.ofSeconds(5), () -> commits.keys() == 0);
    }

    private static void awaitQueued(GroupCommit<?, ?> commits, int waiting) {
        Await.until(waiting + " requests queued", Duration.ofSeconds(5), () -> commits.waiting("system") >= waiting);
    }

}
