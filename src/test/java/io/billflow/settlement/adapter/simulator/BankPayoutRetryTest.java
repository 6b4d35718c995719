package io.billflow.settlement.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.billflow.settlement.adapter.simulator.BankSimulatorProperties.Account;
import io.billflow.settlement.adapter.simulator.BankSimulatorProperties.Maintenance;
import io.billflow.settlement.bank.BankPort;
import io.billflow.settlement.bank.BankResponseCode;
import io.billflow.settlement.bank.BankUnavailableException;
import io.billflow.settlement.bank.TransferRequest;
import io.billflow.settlement.bank.TransferResult;
import org.junit.jupiter.api.Test;

/**
 * The caller's side of the contract against an unreliable bank: retry transient errors with the same key, ask for
 * the status after a timeout instead of re-sending, and every payout is paid exactly once. Random accounts, amounts,
 * 5xx and lost answers from seeded {@link Random}s, so a failure is reproducible.
 */
class BankPayoutRetryTest {

    static final int PAYOUTS = 3_000;

    @Test
    void everyPayoutIsPaidExactlyOnceThroughServiceErrorsAndLostAnswers() {
        Random data = new Random(20260815L);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SimulatedAccountState state = i % 10 == 9 ? SimulatedAccountState.CLOSED : SimulatedAccountState.ACTIVE;
            accounts.add(new Account("090", String.format("3333%09d", i), "파트너" + i, state));
        }
        BankSimulator bank = new BankSimulator(new BankSimulatorProperties(Duration.ZERO, Duration.ZERO, 0.2, 0.2,
                new Maintenance(false, null, null), accounts),
                new MovableClock(Instant.parse("2026-09-15T01:00:00Z"), ZoneOffset.UTC), new Random(99));

        Map<BankUnavailableException.Reason, Integer> troubles = new EnumMap<>(BankUnavailableException.Reason.class);
        long expectedPaid = 0;
        int expectedRefused = 0;
        for (int i = 0; i < PAYOUTS; i++) {
            Account account = accounts.get(data.nextInt(accounts.size()));
            long amount = data.nextLong(1, 50_000_000);
            TransferRequest request = new TransferRequest("payout-" + i + ":1", account.bankCode(), account.number(),
                    account.holder(), amount, "정산");

            TransferResult result = payOnce(bank, request, troubles);

            if (account.state() == SimulatedAccountState.ACTIVE) {
                assertThat(result.succeeded()).as(request.idempotencyKey()).isTrue();
                assertThat(result.amount()).isEqualTo(amount);
                expectedPaid += amount;
            } else {
                assertThat(result.code()).isEqualTo(BankResponseCode.CLOSED_ACCOUNT);
                expectedRefused++;
            }
            assertThat(bank.transferCount(request.idempotencyKey())).isEqualTo(result.succeeded() ? 1 : 0);
        }

        assertThat(bank.transfers()).hasSize(PAYOUTS - expectedRefused);
        assertThat(bank.transfers().stream().map(BankSimulator.LedgerEntry::idempotencyKey)).doesNotHaveDuplicates();
        assertThat(accounts.stream().mapToLong(a -> bank.balance(a.bankCode(), a.number())).sum()).isEqualTo(expectedPaid);
        // the run really went through both kinds of trouble, many times
        assertThat(troubles.getOrDefault(BankUnavailableException.Reason.SERVICE_ERROR, 0)).isGreaterThan(500);
        assertThat(troubles.getOrDefault(BankUnavailableException.Reason.TIMEOUT, 0)).isGreaterThan(300);
        assertThat(expectedRefused).isPositive();
    }

    /** What a payout worker does with one attempt's key; gives up only after far more tries than ever needed. */
    static TransferResult payOnce(BankPort bank, TransferRequest request,
                                  Map<BankUnavailableException.Reason, Integer> troubles) {
        boolean mayHaveBeenExecuted = false;
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                if (mayHaveBeenExecuted) {
                    TransferResult status = bank.status(request.idempotencyKey());
                    if (!status.notReceived()) {
                        return status;
                    }
                    mayHaveBeenExecuted = false;
                }
                return bank.transfer(request);
            } catch (BankUnavailableException e) {
                troubles.merge(e.reason(), 1, Integer::sum);
                mayHaveBeenExecuted |= e.outcomeUnknown();
            }
        }
        throw new AssertionError("no answer for " + request.idempotencyKey() + " after 100 attempts");
    }
}
