package org.proxyfund.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proxyfund.ledger.LedgerAccount;
import org.proxyfund.ledger.LedgerService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settles one epoch in one transaction, under the replica-wide settlement lock: reads the inputs, applies the
 * arithmetic ({@link BudgetPolicy}, {@link ShareCalculator}), stores inputs and result, posts one ledger entry.
 */
@ApplicationScoped
class EpochSettler {

    private static final Logger LOG = Logger.getLogger(EpochSettler.class);

    @Inject
    SettlementRepository repo;

    @Inject
    EpochInputs inputs;

    @Inject
    RegionalInputs regionalInputs;

    @Inject
    LedgerService ledger;

    @Inject
    SettlementConfig config;

    @Inject
    ObjectMapper json;

    @Transactional
    SettleResult settle(Epoch epoch, Instant now) {
        if (now.isBefore(epoch.end())) {
            return SettleResult.refused(SettleResult.Status.NOT_ENDED,
                    "epoch " + epoch.key() + " ends at " + epoch.end() + "; it cannot be settled before then");
        }
        repo.lock();
        Optional<Settlement> existing = repo.byKey(epoch.key());
        if (existing.isPresent() && existing.get().epochStart().toInstant().equals(epoch.start())
                && existing.get().epochEnd().toInstant().equals(epoch.end())) {
            return new SettleResult(SettleResult.Status.EXISTING, existing.get(), "epoch " + epoch.key() + " was already settled");
        }
        Optional<SettleResult> refused = repo.latest().flatMap(latest -> refusal(epoch, latest));
        if (refused.isPresent()) {
            return refused.get();
        }
        long carried = repo.latestBefore(epoch.start()).map(Settlement::carriedOutSats).orElse(0L);
        Map<String, Long> balances = ledger.balances();
        // The fund is the hot wallet and cold storage together: with a hot float most of it is swept cold, and the
        // cold wallet refills the float for what settlements give (without a float cold storage is 0).
        long balance = Math.max(0, Math.addExact(balances.getOrDefault(LedgerService.WALLET, 0L),
                balances.getOrDefault(LedgerService.COLD_STORAGE, 0L)));
        long owed = Math.max(0, -balances.entrySet().stream()
                .filter(e -> new LedgerAccount(e.getKey()).isOperatorPayable()).mapToLong(Map.Entry::getValue).sum());
        BudgetPolicy policy = BudgetPolicy.from(config);
        Budget budget = policy.budget(balance, owed, carried, epoch.start(), epoch.end());
        SettlementParameters rules = SettlementParameters.from(config);

        long t0 = System.nanoTime();
        List<EpochInputs.InputRow> rows = inputs.inputs(epoch);
        long t1 = System.nanoTime();
        Map<Long, OperatorEligibility> operators = inputs.eligibility(
                rows.stream().map(EpochInputs.InputRow::operatorId).distinct().toList());
        RegionalInputs.Regional regional = regionalInputs.decide(epoch, rows, rules.regionalQuorum());
        ShareParameters thresholdParameters = rules.shareParameters();
        Coverage coverage = new Coverage(config.minCoverageBp(), config.checkInterval());
        Map<Long, String> outcomes = new HashMap<>(rows.size() * 2);
        Map<Long, Long> expected = new HashMap<>(rows.size() * 2);
        Map<Long, Long> excluded = new HashMap<>(rows.size() * 2);
        List<EpochUptime> weighted = new ArrayList<>(rows.size());
        for (EpochInputs.InputRow r : rows) {
            OperatorEligibility op = operators.get(r.operatorId());
            Instant spanEnd = r.retiredAt() != null && r.retiredAt().isBefore(epoch.end()) ? r.retiredAt() : epoch.end();
            Instant spanStart = r.firstRecorded() == null || r.firstRecorded().isBefore(epoch.start()) ? epoch.start() : r.firstRecorded();
            long due = coverage.expected(spanStart, spanEnd);
            expected.put(r.endpointId(), due);
            // Excused maintenance leaves the downtime (threshold and weight); the coverage rule still sees those checks
            // as recorded, which they were, so excusing them can never make an endpoint fall short of coverage.
            long excused = rules.maintenanceExcluded(r.down(), r.downInWindows());
            excluded.put(r.endpointId(), excused);
            long down = r.down() - excused;
            if (op.exclusion() == null && r.up() + r.down() > 0 && !coverage.meets(r.up(), r.down(), r.unknown(), due)) {
                outcomes.put(r.endpointId(), Exclusion.LOW_COVERAGE.name());
                continue;
            }
            RegionalBasis basis = regional.bases().get(r.endpointId());
            if (basis != null && basis.regional()) {
                // Reachability from the served region: the agents' median, in parts per million. Agents check only
                // relaying protocols, whose UPs the canary proved, so no weak-evidence weighting applies.
                long upParts = basis.uptimePpm();
                if (op.exclusion() == null && !thresholdParameters.meetsThreshold(upParts, RegionalBasis.PPM - upParts)) {
                    outcomes.put(r.endpointId(), Exclusion.BELOW_THRESHOLD.name());
                    continue;
                }
                weighted.add(new EpochUptime(r.operatorId(), r.endpointId(), r.protocol(), r.region(), upParts,
                        RegionalBasis.PPM - upParts));
                continue;
            }
            if (op.exclusion() == null && r.up() + down > 0 && !thresholdParameters.meetsThreshold(r.up(), down)) {
                outcomes.put(r.endpointId(), Exclusion.BELOW_THRESHOLD.name());
                continue;
            }
            long up = rules.weightedUp(r.up(), r.weakUp());
            long total = (r.up() + down) * SettlementParameters.SCALE;
            weighted.add(new EpochUptime(r.operatorId(), r.endpointId(), r.protocol(), r.region(), up, total - up));
        }
        ShareResult result = new ShareCalculator(rules.calculatorParameters())
                .calculate(budget.amountSats(), carried, List.copyOf(operators.values()), weighted);

        long t2 = System.nanoTime();
        Map<Long, Long> amounts = new LinkedHashMap<>();
        for (OperatorShare s : result.shares()) {
            for (EndpointOutcome o : s.endpoints()) {
                outcomes.put(o.endpointId(), o.counted() ? "COUNTED" : o.exclusion().name());
            }
            if (s.amountSats() > 0) {
                amounts.put(s.operatorId(), s.amountSats());
            }
        }
        long distributed = result.paidSats();
        Long entry = distributed > 0 ? ledger.postSettlement(epoch.key(), amounts) : null;
        long t3 = System.nanoTime();
        long id = repo.insert(epoch, policy.mode().name(), budget, result.poolSats(), distributed, result.remainderSats(),
                rulesJson(rules), rows.size(), amounts.size(), entry);
        long t4 = System.nanoTime();
        repo.copy(SettlementLines.ENDPOINT_COLUMNS, SettlementLines.endpoints(id, rows, outcomes, expected, excluded,
                regional.bases()));
        repo.copy(SettlementLines.AGENT_COLUMNS, SettlementLines.agents(id, regional.agents()));
        long t5 = System.nanoTime();
        StringBuilder lines = new StringBuilder();
        List<OperatorShare> byOperator = new ArrayList<>(result.shares());
        byOperator.sort(Comparator.comparingLong(OperatorShare::operatorId));
        for (OperatorShare s : byOperator) {
            Exclusion why = operators.get(s.operatorId()).exclusion();
            lines.append(id).append('\t').append(s.operatorId()).append('\t').append(s.amountSats()).append('\t')
                    .append(s.capped()).append('\t').append(why == null ? "\\N" : why.name()).append('\n');
        }
        repo.copy("settlement_share (settlement_id, operator_id, amount_sats, capped, exclusion)", lines);
        long t6 = System.nanoTime();
        LOG.infof("settled %s: %d endpoints, %d sats to %d operators; inputs %d ms, arithmetic %d ms, ledger %d ms,"
                        + " settlement row and endpoint lines %d ms, COPY endpoints %d ms, shares %d ms",
                epoch.key(), rows.size(), distributed, amounts.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000);
        return new SettleResult(SettleResult.Status.CREATED, repo.byKey(epoch.key()).orElseThrow(),
                "epoch " + epoch.key() + " settled: " + distributed + " sats to " + amounts.size() + " operators");
    }

    /**
     * Settlements are one chain in time: an epoch that starts before the latest settled one is out of order, one that
     * starts before its end would settle a moment twice (e.g. after a change of epoch length or anchor).
     */
    private static Optional<SettleResult> refusal(Epoch epoch, Settlement latest) {
        Instant start = latest.epochStart().toInstant();
        Instant end = latest.epochEnd().toInstant();
        if (epoch.start().isBefore(start)) {
            return Optional.of(SettleResult.refused(SettleResult.Status.OUT_OF_ORDER, "epoch " + epoch.key() + " comes before "
                    + latest.epochKey() + ", which is already settled; settlements are made in epoch order"));
        }
        if (epoch.start().isBefore(end)) {
            return Optional.of(SettleResult.refused(SettleResult.Status.OVERLAPS, "epoch " + epoch.key() + " (" + epoch.start()
                    + " – " + epoch.end() + ") overlaps " + latest.epochKey() + " (" + start + " – " + end
                    + "), which is already settled; every moment is settled once, so settlement continues at " + end));
        }
        return Optional.empty();
    }

    private String rulesJson(SettlementParameters rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules not serialisable", e);
        }
    }
}
