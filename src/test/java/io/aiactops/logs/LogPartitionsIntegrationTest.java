package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.aiactops.support.IntegrationTest;
import io.aiactops.registry.Registry;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partitioned register on PostgreSQL: appends across a month boundary and into a month without a
 * partition yet, the idempotency window, retention by partition with and without an evidence hold,
 * window reads and their plans, and two nodes creating partitions at once. Where time matters the
 * test appends through a register of its own on the shared beans with a clock it moves (one context
 * serves all integration tests: a second one could not start its own process engine), each call in a
 * transaction as the app's proxy would open it; its systems are its own, in months no other test uses.
 */
@IntegrationTest
class LogPartitionsIntegrationTest {

    /** The test register's clock; it keeps running from where it is set. */
    static final class MovableClock extends Clock {

        private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        private volatile Duration offset = Duration.ZERO;

        void set(Instant at) {
            offset = Duration.between(base.instant(), at);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LogEventStore store;
    @Autowired
    Registry registry;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    LogMetrics metrics;
    @Autowired
    LogsProperties properties;
    @Autowired
    EvidenceHolds holds;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    Api api;
    final MovableClock clock = new MovableClock();
    LogPartitions partitions;
    LogRegister register;
    RetentionPurge retention;
    TransactionTemplate transactions;

    @BeforeEach
    void registerWithAMovableClock() {
        api = Api.anonymous(port);
        transactions = new TransactionTemplate(transactionManager);
        partitions = new LogPartitions(store, properties, clock, transactionManager);
        register = new LogRegister(store, registry, objectMapper, clock, metrics, partitions, properties, transactionManager);
        retention = new RetentionPurge(store, register, holds, registry, transactions, properties, clock);
    }

    @Test
    void appendsAcrossAMonthBoundaryMakeOneChainAndAMonthWithoutAPartitionGetsOne() throws Exception {
        String systemId = TestSystems.register(api.as("process-owner"), "part-boundary");
        Instant boundary = monthStart(Instant.now(), 2);
        clock.set(boundary.minusMillis(700));
        // Four writers for about 1.5 s across the boundary: one chain, two partitions.
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> stored = new ArrayList<>();
        long until = System.nanoTime() + 1_500_000_000L;
        for (int w = 0; w < 4; w++) {
            int writer = w;
            stored.add(writers.submit(() -> {
                int appended = 0;
                for (int batch = 0; System.nanoTime() < until; batch++) {
                    appended += append(systemId, "w" + writer + "-" + batch + "-", 50).appended();
                }
                return appended;
            }));
        }
        int total = 0;
        for (Future<Integer> writer : stored) {
            total += writer.get();
        }
        writers.shutdown();

        Map<String, Long> byPartition = new java.util.TreeMap<>();
        jdbc.sql("SELECT tableoid::regclass::text, count(*) FROM log_event WHERE system_id = ? GROUP BY 1").param(systemId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> byPartition.put(rs.getString(1), rs.getLong(2)));
        String before = "log_event_" + monthName(boundary.minusSeconds(1));
        String after = "log_event_" + monthName(boundary);
        assertThat(byPartition.keySet()).as("%s", byPartition).contains(before, after);
        assertVerifiesGapFree(systemId, total + 1);

        // A month no partition was made for ahead (the daily job has not run): the append makes it.
        Instant later = monthStart(Instant.now(), 8).plus(Duration.ofDays(3));
        assertThat(store.partitions()).noneMatch(p -> !p.from().isAfter(later) && p.to().isAfter(later));
        clock.set(later);
        assertThat(append(systemId, "later-", 3).appended()).isEqualTo(3);
        assertThat(store.partitions()).anyMatch(p -> p.name().equals("log_event_" + monthName(later)));
        assertVerifiesGapFree(systemId, total + 4);
    }

    @Test
    void aRepeatedClientEventIdIsRecognizedWithinTheWindowAndStoredAgainAfterIt() {
        String systemId = TestSystems.register(api.as("process-owner"), "part-idempotent");
        Instant first = Instant.now().plus(Duration.ofDays(1));
        clock.set(first);
        AppendResult stored = append(systemId, "req-", 1);
        assertThat(stored.appended()).isEqualTo(1);
        long firstSeq = stored.firstSeq();

        clock.set(first.plus(Duration.ofDays(7)).minusSeconds(5));
        AppendResult repeated = append(systemId, "req-", 1);
        assertThat(repeated.appended()).isZero();
        assertThat(repeated.duplicates()).extracting(AppendResult.Duplicate::seq).containsExactly(firstSeq);

        // Outside the 7-day window the id is stored again, as a new event of the chain.
        clock.set(first.plus(Duration.ofDays(7)).plusSeconds(5));
        AppendResult again = append(systemId, "req-", 1);
        assertThat(again.appended()).isEqualTo(1);
        long secondSeq = again.firstSeq();
        assertThat(secondSeq).isGreaterThan(firstSeq);
        AppendResult thenRepeated = append(systemId, "req-", 1);
        assertThat(thenRepeated.appended()).isZero();
        assertThat(thenRepeated.duplicates()).extracting(AppendResult.Duplicate::seq).containsExactly(secondSeq);
        assertVerifiesGapFree(systemId, secondSeq);

        // The lookup only visits the partitions the window overlaps.
        Instant since = clock.instant().minus(Duration.ofDays(7));
        List<String> plan = jdbc.sql("EXPLAIN SELECT client_event_id, seq FROM log_event WHERE system_id = '" + systemId
                + "' AND client_event_id = ANY('{req-1}') AND recorded_at >= '" + since + "'").query(String.class).list();
        List<String> visited = store.partitions().stream().map(LogEventStore.Partition::name)
                .filter(name -> plan.stream().anyMatch(line -> line.contains(" on " + name + " "))).toList();
        assertThat(visited).as(String.join("\n", plan)).isNotEmpty().allSatisfy(name -> assertThat(store.partitions())
                .filteredOn(p -> p.name().equals(name)).allMatch(p -> p.to().isAfter(since)));
    }

    @Test
    void theIdempotencyLookupProbesOnlyItsIdsWhateverTheStatisticsSaidWhenItsPlanWasCached() throws Exception {
        String systemId = TestSystems.register(api.as("process-owner"), "part-unseen");
        Instant at = monthStart(Instant.now(), 5).plus(Duration.ofDays(1));
        clock.set(at);
        store.ensurePartitions(at, 0);
        String partition = "log_event_" + monthName(at);
        Instant since = at.minus(Duration.ofHours(1));
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                PreparedStatement lookup = c.prepareStatement(LogEventStore.STORED_IDS_POSTGRES)) {
            // Statistics that say the month is empty, and the look-up's plan cached while they did (the
            // driver prepares a statement on the server from its fifth use): a plan made from them alone
            // would scan the partition, and keep doing so as it fills.
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE " + partition);
            }
            for (int i = 0; i < 6; i++) {
                assertThat(stored(lookup, systemId, since, "unseen-1")).isEmpty();
            }
            assertThat(append(systemId, "unseen-", 2_000).appended()).isEqualTo(2_000);

            c.setAutoCommit(false);
            assertThat(stored(lookup, systemId, since, "unseen-7", "unseen-1999", "absent"))
                    .containsOnlyKeys("unseen-7", "unseen-1999");
            // This transaction's own reads: three index probes, two rows fetched, no partition scanned.
            try (Statement reads = c.createStatement(); ResultSet counted = reads.executeQuery("SELECT sum(seq_scan), "
                    + "sum(idx_scan), sum(idx_tup_fetch) FROM pg_stat_xact_user_tables WHERE relname LIKE 'log_event_%'")) {
                counted.next();
                assertThat(counted.getLong(1)).as("partition scans").isZero();
                assertThat(counted.getLong(2)).as("index scans").isPositive();
                assertThat(counted.getLong(3)).as("rows fetched").isLessThanOrEqualTo(3);
            }
            c.rollback();
        }
        assertThat(store.storedClientEventIds(systemId, List.of("unseen-7", "absent"), since)).containsOnlyKeys("unseen-7");
    }

    private static Map<String, Long> stored(PreparedStatement lookup, String systemId, Instant since, String... ids)
            throws SQLException {
        lookup.setString(1, systemId);
        lookup.setArray(2, lookup.getConnection().createArrayOf("varchar", ids));
        lookup.setObject(3, JdbcTime.utc(since));
        Map<String, Long> stored = new HashMap<>();
        try (ResultSet rs = lookup.executeQuery()) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getLong(2));
            }
        }
        return stored;
    }

    @Test
    void retentionDropsAWholePartitionOnlyWhenNoSystemInItIsHeldAndKeepsEveryChainVerifiable() throws Exception {
        Instant old = monthStart(Instant.now(), -14).plus(Duration.ofDays(2));
        // Registered in the tables directly: a registration through the API would record its event now.
        String kept = TestSystems.uniqueId("part-kept");
        String held = TestSystems.uniqueId("part-held");
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres")) {
            RegisterSeeder.createSystem(c, kept, 365, old);
            RegisterSeeder.createSystem(c, held, 365, old);
        }
        clock.set(old);
        for (String system : List.of(kept, held)) {
            assertThat(append(system, system + "-a-", 21).appended()).isEqualTo(21);
        }
        clock.set(old.plus(Duration.ofDays(31)));
        for (String system : List.of(kept, held)) {
            assertThat(append(system, system + "-b-", 20).appended()).isEqualTo(20);
        }
        clock.reset();
        for (String system : List.of(kept, held)) {
            assertThat(append(system, system + "-now-", 5).appended()).isEqualTo(5);
        }
        String first = "log_event_" + monthName(old);
        String second = "log_event_" + monthName(old.plus(Duration.ofDays(31)));
        assertThat(partitionNames()).contains(first, second);
        Api.Response hold = api.as("incident-manager").post("/api/systems/" + held + "/holds",
                Map.of("reason", "Serious incident under investigation", "reference", "INC-P1"));
        assertThat(hold.status()).isEqualTo(201);

        // Held: both old partitions stay whole; the other system's expired events go row by row.
        List<RetentionPurge.PartitionOutcome> outcomes = retention.dropExpiredPartitions(Instant.now());
        assertThat(outcomes).filteredOn(o -> o.partition().equals(first)).singleElement()
                .satisfies(o -> assertThat(o.reason()).contains(held).contains("INC-P1"));
        retention.purgeAll(Instant.now());
        assertThat(partitionNames()).contains(first, second);
        assertThat(count(held)).isEqualTo(1 + 40 + 5 + 1); // and the hold's own event
        assertThat(count(kept)).isEqualTo(5 + 1); // the current month's and the purge's record
        assertVerifies(kept);
        assertVerifies(held);

        // Released: the old partitions now hold only the held system's events, past its retention.
        long holdId = hold.json().get("id").asLong();
        assertThat(api.as("incident-manager").post("/api/systems/" + held + "/holds/" + holdId + "/release",
                Map.of("reason", "Case closed")).status()).isEqualTo(200);
        retention.purgeAll(Instant.now());
        assertThat(partitionNames()).doesNotContain(first, second);
        JsonNode verification = assertVerifies(held);
        assertThat(verification.get("anchorSeq").asLong()).isEqualTo(41);
        JsonNode records = api.as("auditor").get("/api/systems/" + held + "/logs?type=retention_purged").json().get("events");
        assertThat(records).extracting(e -> e.at("/payload/partition").asText()).containsExactly(first, second);
        assertThat(records.get(1).at("/payload/purgedThroughSeq").asLong()).isEqualTo(41);
        assertThat(count(held)).isEqualTo(5 + 1 + 1 + 2);
        assertVerifies(kept);
    }

    @Test
    void aVerificationOrExportUnderWayHoldsOffTheDropOfThePartitionsItReads() throws Exception {
        Instant old = monthStart(Instant.now(), -20).plus(Duration.ofDays(2));
        String system = TestSystems.uniqueId("part-read");
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres")) {
            RegisterSeeder.createSystem(c, system, 365, old);
            RegisterSeeder.append(c, system, old, Duration.ofMinutes(1), 30);
            RegisterSeeder.append(c, system, Instant.now(), Duration.ofMillis(1), 3);
        }
        String partition = "log_event_" + monthName(old);
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        CountDownLatch headRead = new CountDownLatch(1);
        CountDownLatch dropTried = new CountDownLatch(1);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            // As a verification or an export begins: the head is read, the events not yet.
            Future<ChainHead> head = reader.submit(() -> snapshot.execute(tx -> {
                ChainHead read = register.requireChainInPlace(system);
                headRead.countDown();
                Await.countedDown("the drop tried", dropTried, Duration.ofSeconds(30));
                return read;
            }));
            Await.countedDown("the head read", headRead, Duration.ofSeconds(30));
            assertThat(retention.dropExpiredPartitions(Instant.now())).filteredOn(o -> o.partition().equals(partition))
                    .singleElement().satisfies(o -> {
                        assertThat(o.dropped()).isFalse();
                        assertThat(o.retry()).as(o.reason()).isTrue();
                    });
            dropTried.countDown();
            assertThat(head.get(30, TimeUnit.SECONDS).anchorSeq()).isZero();
        } finally {
            dropTried.countDown();
            reader.shutdownNow();
        }
        assertThat(retention.dropExpiredPartitions(Instant.now())).filteredOn(o -> o.partition().equals(partition))
                .singleElement().satisfies(o -> assertThat(o.dropped()).as(o.reason()).isTrue());
        assertThat(assertVerifies(system).get("anchorSeq").asLong()).isEqualTo(30);
    }


    @Test
    void windowReadsUseTheOccurredAtIndexPageStablyAndRefuseBadWindows() throws Exception {
        String systemId = TestSystems.register(api.as("process-owner"), "part-window");
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        // 20,000 events over 20 days, one in ten a monitoring signal.
        for (int batch = 0; batch < 20; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 1000; i++) {
                int n = batch * 1000 + i;
                body.append(i == 0 ? "" : ",").append("{\"type\":\"").append(n % 10 == 0 ? "monitoring_signal" : "inference")
                        .append("\",\"occurredAt\":\"").append(start.plusSeconds(n * 86L)).append("\",\"payload\":{\"inputRef\":\"r\",\"output\":")
                        .append(n).append("}}");
            }
            assertThat(ingest(systemId, body.append(']').toString()).status()).isEqualTo(201);
        }
        jdbc.sql("ANALYZE log_event").update();

        Instant from = start.plus(Duration.ofDays(9)).plus(Duration.ofMinutes(30));
        Instant to = from.plus(Duration.ofHours(1));
        List<Long> expected = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            Instant at = start.plusSeconds(n * 86L);
            if (!at.isBefore(from) && at.isBefore(to)) {
                expected.add(n + 2L); // seq 1 is the registration
            }
        }
        JsonNode page = api.as("auditor").get(logs(systemId, "?from=" + from + "&to=" + to + "&limit=1000")).json();
        assertThat(page.get("events")).extracting(e -> e.get("seq").asLong()).containsExactlyElementsOf(expected);
        JsonNode signals = api.as("auditor").get(logs(systemId, "?type=monitoring_signal&from=" + from + "&to=" + to)).json();
        assertThat(signals.get("events")).extracting(e -> e.get("seq").asLong())
                .containsExactlyElementsOf(expected.stream().filter(seq -> (seq - 2) % 10 == 0).toList());

        // The partition that holds them is read through its index on (system_id, occurred_at). (The
        // planner may scan an empty partition rather than open its index; that costs nothing.)
        String holding = jdbc.sql("SELECT DISTINCT tableoid::regclass::text FROM log_event WHERE system_id = ?")
                .param(systemId).query(String.class).single();
        for (List<String> types : List.of(List.<String>of(), List.of("monitoring_signal"))) {
            List<String> plan = store.explainFind(systemId, new LogQuery(from, to, types, 0, 100));
            assertThat(plan).as(String.join("\n", plan))
                    .anyMatch(line -> line.contains("Index Scan on " + holding + "_system_id_occurred_at_idx")
                            || line.contains("Index Scan using " + holding + "_system_id_occurred_at_idx"))
                    .noneMatch(line -> line.contains("Seq Scan on " + holding + " "));
        }

        // A read by type without a window goes through the type index, not along the whole chain: here the
        // one configuration_changed event (the registration) among 20,000.
        List<String> byType = store.explainFind(systemId, new LogQuery(null, null, List.of("configuration_changed"), 0, 100));
        assertThat(byType).as(String.join("\n", byType))
                .anyMatch(line -> line.contains(holding + "_system_id_type_seq_idx"));
        assertThat(api.as("auditor").get(logs(systemId, "?type=configuration_changed")).json().get("events"))
                .extracting(e -> e.get("seq").asLong()).containsExactly(1L);

        // The export streams the same window, in chain order.
        List<String> exported = api.as("auditor").get(logs(systemId, "/export?from=" + from + "&to=" + to)).body().lines().toList();
        assertThat(exported).extracting(line -> JSON.readTree(line).get("seq").asLong()).containsExactlyElementsOf(expected);

        // Paging a window while appends into it continue: every page after the last, no repeats, nothing missed.
        Instant dayFrom = start.plus(Duration.ofDays(3));
        Instant dayTo = dayFrom.plus(Duration.ofDays(1));
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> appends = writer.submit(() -> {
            for (int batch = 0; appending.get(); batch++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < 20; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"type\":\"inference\",\"occurredAt\":\"")
                            .append(dayFrom.plusSeconds(batch * 20L + i)).append("\",\"payload\":{\"inputRef\":\"r\",\"output\":1}}");
                }
                assertThat(ingest(systemId, body.append(']').toString()).status()).isEqualTo(201);
            }
        });
        Set<Long> before = new HashSet<>();
        for (int n = 0; n < 20_000; n++) {
            Instant at = start.plusSeconds(n * 86L);
            if (!at.isBefore(dayFrom) && at.isBefore(dayTo)) {
                before.add(n + 2L);
            }
        }
        List<Long> seen = new ArrayList<>();
        Long after = 0L;
        while (after != null) {
            JsonNode next = api.as("auditor").get(logs(systemId, "?from=" + dayFrom + "&to=" + dayTo + "&limit=50&afterSeq=" + after)).json();
            next.get("events").forEach(e -> seen.add(e.get("seq").asLong()));
            after = next.get("nextAfterSeq").isNull() ? null : next.get("nextAfterSeq").asLong();
            if (seen.size() > 2_000) {
                appending.set(false);
            }
        }
        appending.set(false);
        appends.get();
        writer.shutdown();
        assertThat(seen).isSorted().doesNotHaveDuplicates().containsAll(before);

        // Bad windows, named.
        assertRefused(logs(systemId, "?from=" + to + "&to=" + from), "from", "after");
        assertRefused(logs(systemId, "/export?from=" + to + "&to=" + from), "from", "after");
        assertRefused(logs(systemId, "?from=yesterday&to=" + to), "from", "yesterday");
        assertRefused(logs(systemId, "?from=" + from + "&to=2026-13-01T00:00:00Z"), "to", "2026-13-01");
        assertRefused(logs(systemId, "?from=" + from + "&to=" + from.plus(Duration.ofDays(2))), "to", "/logs/export");
        assertRefused(logs(systemId, "?to=" + to), "from", "/logs/export");
        assertRefused(logs(systemId, "?from=" + from), "from", "/logs/export");
        // Reads without a window, and the export of a window of any length, are not limited.
        assertThat(api.as("auditor").get(logs(systemId, "?limit=10")).status()).isEqualTo(200);
        assertThat(api.as("auditor").get(logs(systemId, "/export?from=" + start + "&to=" + start.plus(Duration.ofDays(30))))
                .body().lines().count()).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void twoNodesCreatingPartitionsAtOnceBothSucceed() throws Exception {
        Instant far = monthStart(Instant.now(), 40);
        int nodes = 4;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService executor = Executors.newFixedThreadPool(nodes);
        List<Future<Integer>> created = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            created.add(executor.submit(() -> {
                try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                        var call = c.prepareStatement("SELECT log_event_ensure_partitions(?, 3)")) {
                    call.setObject(1, far.atOffset(ZoneOffset.UTC));
                    start.await();
                    try (var rs = call.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            }));
        }
        int total = 0;
        for (Future<Integer> f : created) {
            total += f.get();
        }
        executor.shutdown();
        assertThat(total).isEqualTo(4);
        for (int m = 0; m < 4; m++) {
            assertThat(partitionNames()).containsOnlyOnce("log_event_" + monthName(monthStart(far, m)));
        }
    }

    @Test
    void aPartitionThatCannotBeCreatedStopsTheStartNamingWhy() throws Exception {
        Instant future = monthStart(Instant.now(), 60).plus(Duration.ofDays(1));
        String name = "log_event_" + monthName(future);
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (LIKE log_event)");
        }
        try {
            clock.set(future);
            org.assertj.core.api.Assertions.assertThatThrownBy(partitions::afterSingletonsInstantiated)
                    .hasMessageContaining("The log register cannot start").hasMessageContaining(name);
        } finally {
            try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + name);
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void assertRefused(String path, String field, String detail) {
        Api.Response response = api.as("auditor").get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(response.body()).contains(detail);
    }

    private JsonNode assertVerifies(String systemId) {
        JsonNode verification = api.as("auditor").get(logs(systemId, "/verify")).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        return verification;
    }

    private void assertVerifiesGapFree(String systemId, long head) {
        JsonNode verification = assertVerifies(systemId);
        assertThat(verification.get("headSeq").asLong()).isEqualTo(head);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM log_event WHERE system_id = ?")
                .param(systemId).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(head, 1L, head);
    }

    private List<String> partitionNames() {
        return store.partitions().stream().map(LogEventStore.Partition::name).toList();
    }

    private long count(String systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM log_event WHERE system_id = ?").param(systemId).query(Long.class).single();
    }

    /** Appends {@code n} inferences with client event ids prefix0… through the test's register, as the API does. */
    private AppendResult append(String systemId, String prefix, int n) {
        List<LogRegister.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new LogRegister.Entry(LogEventType.INFERENCE, clock.instant(), null, prefix + i,
                    Map.of("inputRef", "r", "output", i)));
        }
        return transactions.execute(tx -> register.recordAll(systemId, "ingest", entries));
    }

    private Api.Response ingest(String systemId, String body) {
        return api.as("ingest").send("POST", logs(systemId, ""), "application/json", body);
    }

    private static String logs(String systemId, String suffix) {
        return "/api/systems/" + systemId + "/logs" + suffix;
    }

    /** The start (UTC) of the month {@code months} after the month of {@code at}. */
    static Instant monthStart(Instant at, int months) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                .plusMonths(months).toInstant();
    }

    static String monthName(Instant at) {
        ZonedDateTime t = ZonedDateTime.ofInstant(at, ZoneOffset.UTC);
        return "%04d_%02d".formatted(t.getYear(), t.getMonthValue());
    }
}
