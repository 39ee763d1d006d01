package io.aiactops.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.logs.AppendResult;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.oversight.Breach;
import io.aiactops.oversight.OversightReviewStarter;
import io.aiactops.platform.jdbc.GroupCommit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes monitoring signals: records each in the log register and in its metric's series (for charts),
 * checks it against the thresholds and puts every breach before a human, all in one transaction
 * (nothing is acknowledged half-done).
 */
@Service
public class SignalIntake {

    /** Signal ids share the system's client-event-id space with log events; the prefix keeps them apart. */
    static final String CLIENT_EVENT_PREFIX = "signal:";

    private final LogRegister register;
    private final Thresholds thresholds;
    private final OversightReviewStarter reviews;
    private final MonitoringMetrics metrics;
    private final MetricSeries series;
    private final GroupCommit<Submitted, SignalReceipt> requests;

    SignalIntake(LogRegister register, Thresholds thresholds, OversightReviewStarter reviews,
            MonitoringMetrics metrics, MetricSeries series, PlatformTransactionManager transactions) {
        this.register = register;
        this.thresholds = thresholds;
        this.reviews = reviews;
        this.metrics = metrics;
        this.series = series;
        this.requests = new GroupCommit<>(new TransactionTemplate(transactions),
                this::takeAll, r -> r.signals().size(), GroupCommit.EVENTS_PER_GROUP);
    }

    private record Submitted(String aiSystemId, String actor, List<NewSignal> signals, Thresholds.Table checkedWith,
            List<ThresholdCheck> checks) {
    }

    /**
     * Takes one request's signals, all or nothing. Concurrent requests for one system share a transaction
     * (group commit, as log events do); each is answered after the commit that holds it. A caller already
     * in a transaction is run in it.
     */
    public SignalReceipt accept(String aiSystemId, String actor, List<NewSignal> signals) {
        // Checked in the caller's thread, before the group: the decision table is a large part of a signal's
        // CPU, and the group's transaction holds the chain's head.
        Thresholds.Table table = thresholds.lastFoundTable();
        return requests.submit(aiSystemId,
                new Submitted(aiSystemId, actor, signals, table, check(table, aiSystemId, signals)));
    }

    private List<ThresholdCheck> check(Thresholds.Table table, String aiSystemId, List<NewSignal> signals) {
        return signals.stream().map(s -> thresholds.check(table, aiSystemId, s.metric(), s.category(), s.value()))
                .toList();
    }

    /**
     * A group's signals (all of one system): appended at once, one append per sender, and their points
     * written in one batch, instead of an append and a batch per request; then each request's breaches.
     */
    private List<SignalReceipt> takeAll(List<Submitted> group) {
        String aiSystemId = group.get(0).aiSystemId();
        // Once per transaction: the table a redeployment made latest before these requests came.
        Thresholds.Table latest = thresholds.latestTable();
        List<AppendResult> appended = register.recordEach(aiSystemId, group.stream()
                .map(request -> new LogRegister.Batch(request.actor(),
                        request.signals().stream().map(SignalIntake::entry).toList()))
                .toList());
        List<MetricSeries.Recorded> recorded = new ArrayList<>();
        List<SignalReceipt> receipts = new ArrayList<>(group.size());
        for (int r = 0; r < group.size(); r++) {
            Set<Integer> duplicates = appended.get(r).duplicates().stream().map(AppendResult.Duplicate::index)
                    .collect(Collectors.toSet());
            receipts.add(take(group.get(r), latest, duplicates, recorded));
        }
        series.add(aiSystemId, recorded);
        return receipts;
    }

    /** One request's breaches and receipt, its signals appended; its points are added to {@code recorded}. */
    private SignalReceipt take(Submitted request, Thresholds.Table latest, Set<Integer> duplicateIndexes,
            List<MetricSeries.Recorded> recorded) {
        String aiSystemId = request.aiSystemId();
        List<NewSignal> signals = request.signals();
        List<ThresholdCheck> checks = request.checkedWith().id().equals(latest.id()) ? request.checks()
                : check(latest, aiSystemId, signals);
        List<String> duplicates = new ArrayList<>();
        List<SignalReceipt.BreachResult> breaches = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            NewSignal signal = signals.get(i);
            if (duplicateIndexes.contains(i)) {
                duplicates.add(signal.signalId());
                continue;
            }
            ThresholdCheck check = checks.get(i);
            recorded.add(new MetricSeries.Recorded(signal, check.severity()));
            if (check.severity().isBreach()) {
                Breach breach = new Breach(aiSystemId, signal.metric(), signal.category().wireName(), check.severity(),
                        check.rationale(), signal.value().doubleValue(), signal.observedAt(), signal.modelVersion(),
                        signal.source());
                recordBreach(breach, request.actor(), signal.signalId());
                breaches.add(new SignalReceipt.BreachResult(i, signal.signalId(), signal.metric(), check.severity(),
                        check.rationale(), reviews.onBreach(breach)));
                metrics.breach(aiSystemId, check.severity(), MonitoringMetrics.SOURCE_SIGNAL);
            }
        }
        metrics.signalsIngested(aiSystemId, signals.size() - duplicates.size());
        return new SignalReceipt(signals.size() - duplicates.size(), duplicates, breaches);
    }

    private void recordBreach(Breach breach, String actor, String signalId) {
        register.recordAll(breach.aiSystemId(), actor, List.of(new LogRegister.Entry(LogEventType.THRESHOLD_BREACH,
                breach.observedAt(), breach.modelVersion(), null,
                ThresholdBreachRecorded.fromSignal(breach, signalId))));
    }

    private static LogRegister.Entry entry(NewSignal signal) {
        return new LogRegister.Entry(LogEventType.MONITORING_SIGNAL, signal.observedAt(), signal.modelVersion(),
                signal.signalId() == null ? null : CLIENT_EVENT_PREFIX + signal.signalId(),
                MonitoringSignalRecorded.of(signal));
    }
}
