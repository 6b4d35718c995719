package io.billflow.settlement.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import io.billflow.settlement.adapter.simulator.BankSimulatorProperties.Account;
import io.billflow.settlement.adapter.simulator.BankSimulatorProperties.Maintenance;
import io.billflow.settlement.bank.AccountHolderResult;
import io.billflow.settlement.bank.BankResponseCode;
import io.billflow.settlement.bank.BankUnavailableException;
import io.billflow.settlement.bank.InvalidBankRequestException;
import io.billflow.settlement.bank.TransferRequest;
import io.billflow.settlement.bank.TransferResult;
import io.billflow.settlement.bank.UnknownBankCodeException;
import org.junit.jupiter.api.Test;

class BankSimulatorTest {

    /** 10:00 KST on a Monday; the clock itself runs in UTC like the test JVM. */
    static final Instant MORNING = Instant.parse("2026-03-02T01:00:00Z");
    static final String KAKAO = "090";
    static final String HANBIT = "3333-01-1234567";

    final MovableClock clock = new MovableClock(MORNING, ZoneOffset.UTC);
    final BankSimulator bank = new BankSimulator(properties(0, 0, new Maintenance(true,
            LocalTime.of(23, 30), LocalTime.of(0, 30)),
            List.of(new Account(KAKAO, HANBIT, "주식회사 한빛콘텐츠", SimulatedAccountState.ACTIVE),
                    new Account("020", "1002-345-678901", "김해지", SimulatedAccountState.CLOSED),
                    new Account("081", "356-910123-45607", "이사고", SimulatedAccountState.ACCIDENT_REPORTED),
                    new Account("011", "302-1234-5678-91", "박중지", SimulatedAccountState.TRANSACTIONS_SUSPENDED),
                    new Account("004", "123401-04-567890", "최잡좌", SimulatedAccountState.MISCELLANEOUS))),
            clock, new Random(7));

    static BankSimulatorProperties properties(double transientRate, double lostRate, Maintenance maintenance,
                                              List<Account> accounts) {
        return new BankSimulatorProperties(Duration.ZERO, Duration.ZERO, transientRate, lostRate, maintenance, accounts);
    }

    static TransferRequest pay(String key, long amount) {
        return new TransferRequest(key, KAKAO, HANBIT, "(주)한빛콘텐츠", amount, "빌플로정산");
    }

    // ---- 수취조회 ----

    @Test
    void lookupReturnsTheBanksHolderNameWhichMatchesTheWayPartnersWriteIt() {
        AccountHolderResult result = bank.lookupHolder(KAKAO, "333301 1234567");

        assertThat(result.found()).isTrue();
        assertThat(result.code().code()).isEqualTo("000");
        assertThat(result.accountNumber()).isEqualTo("3333011234567");
        assertThat(result.holderName()).isEqualTo("주식회사 한빛콘텐츠");
        assertThat(result.holderMatches("㈜ 한빛콘텐츠")).isTrue();
        assertThat(result.holderMatches("한빛콘텐츠")).as("주식회사 is part of the name").isFalse();
        assertThat(result.holderMatches("주식회사 한빛미디어")).isFalse();
    }

    @Test
    void lookupOfAnUnknownAccountIs412() {
        AccountHolderResult result = bank.lookupHolder(KAKAO, "3333-01-7654321");
        assertThat(result.found()).isFalse();
        assertThat(result.code().code()).isEqualTo("412");
        assertThat(result.holderName()).isNull();
        assertThat(result.holderMatches("주식회사 한빛콘텐츠")).isFalse();
        // the same number at another bank is another account
        assertThat(bank.lookupHolder("088", HANBIT).code()).isEqualTo(BankResponseCode.NO_SUCH_ACCOUNT);
    }

    @Test
    void lookupOfAccountsThatCannotReceiveGivesTheBanksReasonAndNoName() {
        assertLookup("020", "1002-345-678901", "415", "해지");
        assertLookup("081", "356-910123-45607", "419", "사고신고");
        assertLookup("011", "302-1234-5678-91", "420", "거래중지");
        assertLookup("004", "123401-04-567890", "416", "잡좌");
    }

    private void assertLookup(String bankCode, String account, String code, String messagePart) {
        AccountHolderResult result = bank.lookupHolder(bankCode, account);
        assertThat(result.code().code()).isEqualTo(code);
        assertThat(result.message()).contains(messagePart);
        assertThat(result.holderName()).isNull();
    }

    @Test
    void badBankCodeOrAccountNumberIsAValidationErrorNotABankAnswer() {
        assertThatThrownBy(() -> bank.lookupHolder("999", HANBIT)).isInstanceOf(UnknownBankCodeException.class);
        assertThatThrownBy(() -> bank.lookupHolder(KAKAO, "12-34")).isInstanceOf(InvalidBankRequestException.class);
    }

    // ---- 입금이체 ----

    @Test
    void aTransferMovesTheMoneyOnceAndIsInTheLedger() {
        TransferResult result = bank.transfer(pay("payout-1", 967_000));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.code().code()).isEqualTo("000");
        assertThat(result.bankTransactionId()).isNotBlank();
        assertThat(result.processedAt()).isEqualTo(MORNING);
        assertThat(bank.balance(KAKAO, HANBIT)).isEqualTo(967_000);
        assertThat(bank.transferCount("payout-1")).isEqualTo(1);
        assertThat(bank.transfers()).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualTo(967_000);
            assertThat(entry.accountNumber()).isEqualTo("3333011234567");
            assertThat(entry.bankTransactionId()).isEqualTo(result.bankTransactionId());
        });
    }

    @Test
    void theSameKeyTwiceReturnsTheFirstResultAndMovesMoneyOnce() {
        TransferResult first = bank.transfer(pay("payout-2", 500_000));
        clock.advance(Duration.ofMinutes(5));
        TransferResult again = bank.transfer(new TransferRequest("payout-2", KAKAO, "3333011234567",
                "주식회사 한빛콘텐츠", 500_000, "빌플로정산"));

        assertThat(again).isEqualTo(first);
        assertThat(bank.transferCount("payout-2")).isEqualTo(1);
        assertThat(bank.transfers()).hasSize(1);
        assertThat(bank.balance(KAKAO, HANBIT)).isEqualTo(500_000);
    }

    @Test
    void aFailedKeyKeepsFailingEvenAfterTheAccountIsFixedANewKeyIsANewAttempt() {
        String account = "3333-02-0000001";
        TransferRequest request = new TransferRequest("payout-3:1", KAKAO, account, "홍길동", 100_000, "정산");
        TransferResult first = bank.transfer(request);
        assertThat(first.code()).isEqualTo(BankResponseCode.NO_SUCH_ACCOUNT);
        assertThat(first.failedPermanently()).isTrue();

        bank.addAccount(KAKAO, account, "홍길동");

        assertThat(bank.transfer(request)).isEqualTo(first);
        assertThat(bank.transferCount("payout-3:1")).isZero();
        TransferResult retry = bank.transfer(new TransferRequest("payout-3:2", KAKAO, account, "홍길동", 100_000, "정산"));
        assertThat(retry.succeeded()).isTrue();
        assertThat(bank.balance(KAKAO, account)).isEqualTo(100_000);
    }

    @Test
    void aUsedKeyWithAnotherAmountOrAccountIsAnIdempotencyMismatchAndChangesNothing() {
        TransferResult first = bank.transfer(pay("payout-4", 300_000));
        bank.addAccount("088", "110-432-987654", "(주)한빛콘텐츠");

        TransferResult otherAmount = bank.transfer(pay("payout-4", 300_001));
        TransferResult otherAccount = bank.transfer(new TransferRequest("payout-4", "088", "110-432-987654",
                "(주)한빛콘텐츠", 300_000, "빌플로정산"));
        TransferResult otherMemo = bank.transfer(new TransferRequest("payout-4", KAKAO, HANBIT, "(주)한빛콘텐츠",
                300_000, "3월정산"));

        for (TransferResult mismatch : List.of(otherAmount, otherAccount, otherMemo)) {
            assertThat(mismatch.code().code()).isEqualTo("IDEMPOTENCY_MISMATCH");
            assertThat(mismatch.succeeded()).isFalse();
            assertThat(mismatch.failedPermanently()).as("the first transfer stands; not a bank refusal").isFalse();
        }
        assertThat(bank.transfers()).hasSize(1);
        assertThat(bank.balance(KAKAO, HANBIT)).isEqualTo(300_000);
        assertThat(bank.balance("088", "110-432-987654")).isZero();
        assertThat(bank.status("payout-4")).isEqualTo(first);
    }

    @Test
    void theReceivingBanksNameCheckRefusesAnotherHolderWith815() {
        TransferResult result = bank.transfer(new TransferRequest("payout-5", KAKAO, HANBIT, "주식회사 한빛미디어",
                200_000, "정산"));

        assertThat(result.code().code()).isEqualTo("815");
        assertThat(result.message()).isEqualTo("예금주명 불일치");
        assertThat(result.bankTransactionId()).isNull();
        assertThat(bank.balance(KAKAO, HANBIT)).isZero();
        assertThat(bank.transfers()).isEmpty();
    }

    @Test
    void accountsThatCannotReceiveRefuseTransfersWithTheirCode() {
        assertThat(bank.transfer(new TransferRequest("k415", "020", "1002345678901", "김해지", 1_000, "정산"))
                .code().code()).isEqualTo("415");
        assertThat(bank.transfer(new TransferRequest("k419", "081", "35691012345607", "이사고", 1_000, "정산"))
                .code().code()).isEqualTo("419");
        assertThat(bank.transfer(new TransferRequest("k420", "011", "30212345678 91", "박중지", 1_000, "정산"))
                .code().code()).isEqualTo("420");
        assertThat(bank.transfers()).isEmpty();
    }

    @Test
    void anAccountClosedAfterVerificationRefusesTheTransfer() {
        assertThat(bank.lookupHolder(KAKAO, HANBIT).found()).isTrue();
        bank.setAccountState(KAKAO, HANBIT, SimulatedAccountState.CLOSED);

        assertThat(bank.transfer(pay("payout-6", 1_000)).code()).isEqualTo(BankResponseCode.CLOSED_ACCOUNT);
        assertThat(bank.balance(KAKAO, HANBIT)).isZero();
    }

    // ---- maintenance, lost answers, 5xx ----

    @Test
    void nothingIsAnsweredInTheNightlyMaintenanceWindowKoreanTime() {
        clock.set(Instant.parse("2026-03-02T14:29:59Z")); // 23:29:59 KST
        assertThat(bank.transfer(pay("before", 1_000)).succeeded()).isTrue();

        clock.set(Instant.parse("2026-03-02T14:30:00Z")); // 23:30 KST
        assertThatThrownBy(() -> bank.transfer(pay("at-start", 1_000)))
                .isInstanceOfSatisfying(BankUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BankUnavailableException.Reason.MAINTENANCE);
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.retryNotBefore()).isEqualTo(Instant.parse("2026-03-02T15:30:00Z")); // 00:30 KST
                });
        clock.set(Instant.parse("2026-03-02T15:29:59Z")); // 00:29:59 KST, the next day
        assertThatThrownBy(() -> bank.lookupHolder(KAKAO, HANBIT))
                .isInstanceOfSatisfying(BankUnavailableException.class,
                        e -> assertThat(e.retryNotBefore()).isEqualTo(Instant.parse("2026-03-02T15:30:00Z")));
        assertThatThrownBy(() -> bank.status("before")).isInstanceOf(BankUnavailableException.class);
        assertThat(bank.transferCount("at-start")).isZero();

        clock.set(Instant.parse("2026-03-02T15:30:00Z")); // 00:30 KST
        assertThat(bank.transfer(pay("at-start", 1_000)).succeeded()).isTrue();
        assertThat(bank.balance(KAKAO, HANBIT)).isEqualTo(2_000);
    }

    @Test
    void aWindowThatDoesNotSpanMidnightAlsoWorks() {
        assertThat(BankSimulator.inWindow(LocalTime.of(22, 50), LocalTime.of(22, 50),
                LocalTime.of(23, 0))).isTrue();
        assertThat(BankSimulator.inWindow(LocalTime.of(23, 0), LocalTime.of(22, 50),
                LocalTime.of(23, 0))).isFalse();
        assertThat(BankSimulator.inWindow(LocalTime.of(0, 10), LocalTime.of(22, 50),
                LocalTime.of(23, 0))).isFalse();
    }

    @Test
    void aLostAnswerLooksLikeATimeoutButTheMoneyMovedAndStatusFindsIt() {
        bank.loseNextAnswers(1);

        assertThatThrownBy(() -> bank.transfer(pay("payout-7", 700_000)))
                .isInstanceOfSatisfying(BankUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BankUnavailableException.Reason.TIMEOUT);
                    assertThat(e.outcomeUnknown()).isTrue();
                });
        assertThat(bank.balance(KAKAO, HANBIT)).isEqualTo(700_000);

        TransferResult status = bank.status("payout-7");
        assertThat(status.succeeded()).isTrue();
        assertThat(status.amount()).isEqualTo(700_000);
        assertThat(bank.transfer(pay("payout-7", 700_000))).as("a re-send answers, does not pay again").isEqualTo(status);
        assertThat(bank.transferCount("payout-7")).isEqualTo(1);
        assertThat(bank.balance(KAKAO, HANBIT)).isEqualTo(700_000);
    }

    @Test
    void statusOfAKeyTheBankNeverReceivedSaysSo() {
        TransferResult status = bank.status("never-sent");
        assertThat(status.notReceived()).isTrue();
        assertThat(status.code().code()).isEqualTo("NO_SUCH_TRANSFER");
        assertThat(status.succeeded()).isFalse();
        assertThat(status.failedPermanently()).isFalse();
    }

    @Test
    void aServiceErrorMeansNothingWasReceived() {
        bank.setTransientFailureRate(1.0);
        assertThatThrownBy(() -> bank.transfer(pay("payout-8", 1_000)))
                .isInstanceOfSatisfying(BankUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BankUnavailableException.Reason.SERVICE_ERROR);
                    assertThat(e.outcomeUnknown()).isFalse();
                });
        assertThatThrownBy(() -> bank.lookupHolder(KAKAO, HANBIT)).isInstanceOf(BankUnavailableException.class);

        bank.setTransientFailureRate(0);
        assertThat(bank.status("payout-8").notReceived()).isTrue();
        assertThat(bank.transfers()).isEmpty();
    }

    @Test
    void theTransientFailureRateIsRoughlyTheConfiguredShare() {
        BankSimulator flaky = new BankSimulator(properties(0.25, 0, new Maintenance(false, null, null),
                List.of(new Account(KAKAO, HANBIT, "주식회사 한빛콘텐츠", SimulatedAccountState.ACTIVE))),
                clock, new Random(42));
        int failures = 0;
        int calls = 4_000;
        for (int i = 0; i < calls; i++) {
            try {
                flaky.lookupHolder(KAKAO, HANBIT);
            } catch (BankUnavailableException e) {
                failures++;
            }
        }
        // binomial(4000, 0.25): mean 1000, standard deviation ≈ 27; ±150 is over five deviations
        assertThat(failures).isBetween(850, 1150);
    }

    @Test
    void ratesOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> properties(1.5, 0, new Maintenance(false, null, null), List.of()))
                .hasMessageContaining("transient-failure-rate");
        assertThatThrownBy(() -> properties(0, -0.1, new Maintenance(false, null, null), List.of()))
                .hasMessageContaining("lost-answer-rate");
        assertThatThrownBy(() -> bank.setLostAnswerRate(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
