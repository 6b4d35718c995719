package io.billflow.settlement.adapter.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.billflow.settlement.bank.AccountHolderResult;
import io.billflow.settlement.bank.AccountNumber;
import io.billflow.settlement.bank.BankCode;
import io.billflow.settlement.bank.BankPort;
import io.billflow.settlement.bank.BankResponseCode;
import io.billflow.settlement.bank.BankUnavailableException;
import io.billflow.settlement.bank.BankUnavailableException.Reason;
import io.billflow.settlement.bank.HolderName;
import io.billflow.settlement.bank.TransferRequest;
import io.billflow.settlement.bank.TransferResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of a bank's transfer service (수취조회, 입금이체, 이체결과조회), in process; moves no real money.
 * Knows the accounts from {@code billflow.simulator.bank.accounts} plus those added at runtime, answers any
 * other account with 412, and behaves like a bank where it matters for payouts:
 * <ul>
 *   <li>a realistic round trip ({@code min-latency}..{@code max-latency});</li>
 *   <li>nothing answered in the nightly maintenance window (Asia/Seoul, the bank's clock, whatever ours says);</li>
 *   <li>a share of calls failing with a 5xx ({@code transient-failure-rate});</li>
 *   <li>the receiving bank's name check (815), tolerant of spaces and (주)/주식회사;</li>
 *   <li>one execution per idempotency key: a repeat gets the FIRST result, a different transfer under a used
 *   key gets {@code IDEMPOTENCY_MISMATCH};</li>
 *   <li>optionally losing the answer after executing a transfer, so callers must resolve it with
 *   {@link #status(String)}.</li>
 * </ul>
 * A ledger of executed transfers and a balance per account let tests prove "paid exactly once".
 * Wired only with {@code billflow.bank.provider=simulator} (local, tests, compose) — production must name its
 * bank adapter explicitly ({@code RequiredSettingsCheck}).
 */
@Component
@ConditionalOnProperty(prefix = "billflow.bank", name = "provider", havingValue = "simulator")
public class BankSimulator implements BankPort {

    /** Banks close by Korean time, whatever time zone our nodes run in. */
    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Seoul");

    /** A transfer the simulated bank executed: money moved. */
    public record LedgerEntry(long sequence, String idempotencyKey, BankCode bank, String accountNumber, long amount,
                              String bankTransactionId, Instant at) {
    }

    private record SimulatedAccount(String holder, SimulatedAccountState state) {
    }

    private record Executed(TransferRequest request, TransferResult result) {
    }

    private final BankSimulatorProperties properties;
    private final Clock clock;
    private final Random random;
    private final Map<String, SimulatedAccount> accounts = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Executed> byKey = new HashMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private volatile double transientFailureRate;
    private volatile double lostAnswerRate;
    private int answersToLose;

    @Autowired
    public BankSimulator(BankSimulatorProperties properties, Clock clock) {
        this(properties, clock, new Random());
    }

    /** For unit tests: a seeded {@link Random} makes failure rates and latency reproducible. */
    public BankSimulator(BankSimulatorProperties properties, Clock clock, Random random) {
        this.properties = properties;
        this.clock = clock;
        this.random = random;
        this.transientFailureRate = properties.transientFailureRate();
        this.lostAnswerRate = properties.lostAnswerRate();
        for (BankSimulatorProperties.Account account : properties.accounts()) {
            addAccount(account.bankCode(), account.number(), account.holder(), account.state());
        }
    }

    @Override
    public AccountHolderResult lookupHolder(String bankCode, String accountNumber) {
        BankCode bank = BankCode.of(bankCode);
        String number = AccountNumber.normalise(accountNumber);
        arrive();
        synchronized (this) {
            SimulatedAccount account = accounts.get(key(bank, number));
            if (account == null) {
                return new AccountHolderResult(bank, number, BankResponseCode.NO_SUCH_ACCOUNT, null);
            }
            BankResponseCode code = account.state().code();
            return new AccountHolderResult(bank, number, code, code == BankResponseCode.OK ? account.holder() : null);
        }
    }

    @Override
    public TransferResult transfer(TransferRequest request) {
        arrive();
        TransferResult result;
        synchronized (this) {
            Executed earlier = byKey.get(request.idempotencyKey());
            if (earlier != null) {
                return sameTransfer(earlier.request(), request) ? earlier.result()
                        : new TransferResult(request.idempotencyKey(), BankResponseCode.IDEMPOTENCY_MISMATCH,
                                request.amount(), null, clock.instant());
            }
            result = execute(request);
            byKey.put(request.idempotencyKey(), new Executed(request, result));
            if (answersToLose > 0 || chance(lostAnswerRate)) {
                answersToLose = Math.max(0, answersToLose - 1);
                result = null;
            }
        }
        if (result == null) {
            throw new BankUnavailableException(Reason.TIMEOUT,
                    "simulated read timeout: the bank executed " + request.idempotencyKey() + ", the answer was lost", null);
        }
        return result;
    }

    @Override
    public TransferResult status(String idempotencyKey) {
        arrive();
        synchronized (this) {
            Executed executed = byKey.get(idempotencyKey);
            return executed == null ? TransferResult.noSuchTransfer(idempotencyKey) : executed.result();
        }
    }

    /**
     * A repeat must be the same transfer (Stripe's rule): anything that changes where money goes, how much, or
     * what the passbook says makes it a different one. Holder names compare as the name check does.
     */
    private static boolean sameTransfer(TransferRequest first, TransferRequest again) {
        return first.bank() == again.bank() && first.accountNumber().equals(again.accountNumber())
                && first.amount() == again.amount() && first.memo().equals(again.memo())
                && HolderName.sameHolder(first.expectedHolderName(), again.expectedHolderName());
    }

    /** Decides a transfer seen for the first time; the caller holds the lock. */
    private TransferResult execute(TransferRequest request) {
        Instant now = clock.instant();
        String accountKey = key(request.bank(), request.accountNumber());
        SimulatedAccount account = accounts.get(accountKey);
        BankResponseCode code = account == null ? BankResponseCode.NO_SUCH_ACCOUNT : account.state().code();
        if (code == BankResponseCode.OK && !HolderName.sameHolder(account.holder(), request.expectedHolderName())) {
            code = BankResponseCode.HOLDER_NAME_MISMATCH;
        }
        if (code != BankResponseCode.OK) {
            return new TransferResult(request.idempotencyKey(), code, request.amount(), null, now);
        }
        long sequence = ledger.size() + 1L;
        String transactionId = "SIMBANK-" + request.bank().code() + "-" + String.format("%09d", sequence);
        ledger.add(new LedgerEntry(sequence, request.idempotencyKey(), request.bank(), request.accountNumber(),
                request.amount(), transactionId, now));
        balances.merge(accountKey, request.amount(), Math::addExact);
        return new TransferResult(request.idempotencyKey(), BankResponseCode.OK, request.amount(), transactionId, now);
    }

    /** What every call meets before the bank looks at it: the round trip, maintenance, a 5xx. */
    private void arrive() {
        pause();
        BankSimulatorProperties.Maintenance maintenance = properties.maintenance();
        ZonedDateTime now = clock.instant().atZone(BANK_ZONE);
        if (maintenance.enabled() && inWindow(now.toLocalTime(), maintenance.start(), maintenance.end())) {
            throw new BankUnavailableException(Reason.MAINTENANCE, "simulated bank maintenance (점검시간 "
                    + maintenance.start() + "–" + maintenance.end() + " KST)", windowEnd(now, maintenance.end()));
        }
        if (chance(transientFailureRate)) {
            throw new BankUnavailableException(Reason.SERVICE_ERROR, "simulated bank 503: service unavailable", null);
        }
    }

    static boolean inWindow(LocalTime time, LocalTime start, LocalTime end) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        // spans midnight, e.g. 23:30–00:30
        return !time.isBefore(start) || time.isBefore(end);
    }

    private static Instant windowEnd(ZonedDateTime now, LocalTime end) {
        ZonedDateTime candidate = now.with(end);
        return (candidate.isAfter(now) ? candidate : candidate.plusDays(1)).toInstant();
    }

    private boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private void pause() {
        long min = properties.minLatency().toMillis();
        long max = properties.maxLatency().toMillis();
        long millis = min >= max ? min : min + random.nextLong(max - min + 1);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(BankCode bank, String accountNumber) {
        return bank.code() + ":" + accountNumber;
    }

    // ---- for tests and demos ----

    /** Opens (or replaces) an active account; balance starts at 0 for a new one. */
    public void addAccount(String bankCode, String accountNumber, String holder) {
        addAccount(bankCode, accountNumber, holder, SimulatedAccountState.ACTIVE);
    }

    public synchronized void addAccount(String bankCode, String accountNumber, String holder,
                                        SimulatedAccountState state) {
        if (HolderName.normalise(holder).isEmpty()) {
            throw new IllegalArgumentException("a simulated account needs a holder name");
        }
        String accountKey = key(BankCode.of(bankCode), AccountNumber.normalise(accountNumber));
        accounts.put(accountKey, new SimulatedAccount(holder.strip(), state == null ? SimulatedAccountState.ACTIVE : state));
        balances.putIfAbsent(accountKey, 0L);
    }

    /** The account is closed, reported, suspended… from now on (e.g. after its holder was verified). */
    public synchronized void setAccountState(String bankCode, String accountNumber, SimulatedAccountState state) {
        String accountKey = key(BankCode.of(bankCode), AccountNumber.normalise(accountNumber));
        SimulatedAccount account = accounts.get(accountKey);
        if (account == null) {
            throw new IllegalArgumentException("no simulated account " + accountKey);
        }
        accounts.put(accountKey, new SimulatedAccount(account.holder(), state));
    }

    /** Won received through this simulator; 0 for an unknown account. */
    public synchronized long balance(String bankCode, String accountNumber) {
        return balances.getOrDefault(key(BankCode.of(bankCode), AccountNumber.normalise(accountNumber)), 0L);
    }

    /** Every executed transfer, oldest first. */
    public synchronized List<LedgerEntry> transfers() {
        return List.copyOf(ledger);
    }

    /** How many times money moved under this key: 0 or 1, or the simulator is broken. */
    public synchronized long transferCount(String idempotencyKey) {
        return ledger.stream().filter(e -> e.idempotencyKey().equals(idempotencyKey)).count();
    }

    public void setTransientFailureRate(double rate) {
        this.transientFailureRate = checkedRate(rate);
    }

    /** Share of executed transfers whose answer never reaches the caller (a read timeout after execution). */
    public void setLostAnswerRate(double rate) {
        this.lostAnswerRate = checkedRate(rate);
    }

    private static double checkedRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a rate between 0 and 1 expected, was " + rate);
        }
        return rate;
    }

    /** The next {@code count} executed transfers are carried out, and their callers get a timeout. */
    public synchronized void loseNextAnswers(int count) {
        this.answersToLose = count;
    }
}
