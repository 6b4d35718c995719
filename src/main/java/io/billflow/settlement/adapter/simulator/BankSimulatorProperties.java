package io.billflow.settlement.adapter.simulator;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billflow.simulator.bank.*}: how the bank SIMULATOR behaves.
 *
 * @param minLatency           shortest simulated bank round trip
 * @param maxLatency           longest simulated bank round trip
 * @param transientFailureRate share of calls answered with a 5xx before anything is received (0.0–1.0)
 * @param lostAnswerRate       share of executed transfers whose answer is lost (a timeout; 0.0–1.0)
 * @param maintenance          the nightly window in which the bank answers nothing
 * @param accounts             accounts that exist at start; tests add more at runtime
 */
@ConfigurationProperties(prefix = "billflow.simulator.bank")
public record BankSimulatorProperties(@DefaultValue("PT0.08S") Duration minLatency,
                                      @DefaultValue("PT0.3S") Duration maxLatency,
                                      @DefaultValue("0") double transientFailureRate,
                                      @DefaultValue("0") double lostAnswerRate,
                                      @DefaultValue Maintenance maintenance,
                                      List<Account> accounts) {

    public BankSimulatorProperties {
        requireRate("transient-failure-rate", transientFailureRate);
        requireRate("lost-answer-rate", lostAnswerRate);
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("billflow.simulator.bank: 0 <= min-latency <= max-latency expected");
        }
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /**
     * Korean banks stop transfers around midnight for their daily close: PortOne blocks payouts 22:50–01:00
     * (docs/reference/settlement.md §1); the simulator's default 23:30–00:30 is a typical bank's close, an assumption. Times are Asia/Seoul; {@code end} before {@code start} spans midnight.
     */
    public record Maintenance(@DefaultValue("true") boolean enabled, @DefaultValue("23:30") LocalTime start,
                              @DefaultValue("00:30") LocalTime end) {
    }

    /**
     * One simulated account.
     *
     * @param bankCode KFTC code, e.g. {@code 090}
     * @param number   account number (hyphens allowed)
     * @param holder   예금주명 as the bank has it
     * @param state    {@code ACTIVE} unless it should fail (CLOSED 415, MISCELLANEOUS 416, ACCIDENT_REPORTED 419,
     *                 TRANSACTIONS_SUSPENDED 420)
     */
    public record Account(String bankCode, String number, String holder,
                          @DefaultValue("ACTIVE") SimulatedAccountState state) {
    }

    private static void requireRate(String name, double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("billflow.simulator.bank." + name + " must be between 0 and 1");
        }
    }
}
