package io.billflow.platform.onetimecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.platform.onetimecode.CodeCheck.Verdict;
import io.billflow.platform.onetimecode.CodePolicy.TryCounting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time-code component under the rules its three uses rely on, through its own api and table. The uses'
 * own tests (SettlementPayoutAccountApiTest, SettlementPortalTest, SettlementPortalIndividualTest, SendLimitsTest,
 * VerificationMobileHoldTest) check the same rules end to end in their words.
 */
@BillflowSpringTest
class OneTimeCodesTest {

    private static final CodePolicy PER_CODE = new CodePolicy("TEST_PER_CODE", Duration.ofMinutes(5), 3,
            TryCounting.PER_CODE, 0, "TEST_PER_CODE", "TEST_PER_CODE_LOCKED");
    private static final CodePolicy PER_CHALLENGE = new CodePolicy("TEST_PER_CHALLENGE", Duration.ofMinutes(5), 3,
            TryCounting.PER_CHALLENGE, 4, "TEST_PER_CHALLENGE", "TEST_PER_CHALLENGE_LOCKED");
    private static final byte[] KEK_A = "kek-a-for-one-time-code-tests-32".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEK_B = "kek-b-for-one-time-code-tests-32".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    OneTimeCodes codes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void perCodeTriesComeBackWithANewCodeAndTheLastWrongOneLocksTheCode() {
        CodeTarget target = target("report:" + UUID.randomUUID());
        IssuedCode first = issue(PER_CODE, target);
        assertThat(first.code()).matches("\\d{6}");
        assertThat(first.toString()).doesNotContain(first.code());

        assertThat(check(PER_CODE, target, wrong(first)).verdict()).isEqualTo(Verdict.WRONG);
        CodeCheck second = check(PER_CODE, target, wrong(first));
        assertThat(second.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(second.remainingTries()).isEqualTo(1);
        assertThat(check(PER_CODE, target, wrong(first))).isEqualTo(new CodeCheck(Verdict.LOCKED, first.id(), 0));
        assertThat(check(PER_CODE, target, first.code()).verdict()).as("the right code of a locked code")
                .isEqualTo(Verdict.LOCKED);
        assertThat(status(first.id())).isEqualTo("VOID/3");

        IssuedCode next = issue(PER_CODE, target);
        assertThat(next.remainingTries()).isEqualTo(3);
        assertThat(check(PER_CODE, target, next.code()).verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(check(PER_CODE, target, next.code()).verdict()).as("used up").isEqualTo(Verdict.NO_CODE);
        assertThat(actions(target)).containsExactly("TEST_PER_CODE_CODE_SENT", "TEST_PER_CODE_CODE_REJECTED",
                "TEST_PER_CODE_CODE_REJECTED", "TEST_PER_CODE_LOCKED", "TEST_PER_CODE_CODE_SENT",
                "TEST_PER_CODE_CODE_ACCEPTED");
    }

    @Test
    void perChallengeTriesAreCountedOverEveryCodeAndALockedChallengeGetsNoNewCode() {
        String group = "group:" + UUID.randomUUID();
        CodeTarget link = target(group + ":link:a", group);
        CodeTarget otherLink = target(group + ":link:b", group);

        IssuedCode first = issue(PER_CHALLENGE, link);
        assertThat(check(PER_CHALLENGE, link, wrong(first)).remainingTries()).isEqualTo(2);
        IssuedCode second = issue(PER_CHALLENGE, link);
        assertThat(second.remainingTries()).as("a new code buys no new guesses").isEqualTo(2);
        assertThat(status(first.id())).isEqualTo("SUPERSEDED/1");
        assertThat(check(PER_CHALLENGE, link, wrong(second))).isEqualTo(new CodeCheck(Verdict.WRONG, second.id(), 1));

        IssuedCode other = issue(PER_CHALLENGE, otherLink);
        assertThat(other.remainingTries()).as("another challenge of the same scope").isEqualTo(3);

        assertThat(check(PER_CHALLENGE, link, wrong(second))).isEqualTo(new CodeCheck(Verdict.LOCKED, second.id(), 0));
        assertThatThrownBy(() -> issue(PER_CHALLENGE, link)).isInstanceOf(CodeIssueRefusedException.class)
                .extracting(e -> ((CodeIssueRefusedException) e).reason())
                .isEqualTo(CodeIssueRefusedException.Reason.LOCKED);
        assertThat(check(PER_CHALLENGE, link, second.code()).verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(check(PER_CHALLENGE, otherLink, other.code()).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void theDailyLimitCountsOverTheScopeWhateverTheChallenge() {
        String group = "group:" + UUID.randomUUID();
        for (int i = 0; i < PER_CHALLENGE.maxCodesPerDay(); i++) {
            issue(PER_CHALLENGE, target(group + ":link:" + i, group));
        }
        assertThatThrownBy(() -> issue(PER_CHALLENGE, target(group + ":link:new", group)))
                .isInstanceOf(CodeIssueRefusedException.class).extracting(e -> ((CodeIssueRefusedException) e).reason())
                .isEqualTo(CodeIssueRefusedException.Reason.DAILY_LIMIT);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(issue(PER_CHALLENGE, target(group + ":link:tomorrow", group)).code()).matches("\\d{6}");
    }

    @Test
    void aCodePastItsTimeIsExpiredOnceAndCostsNoTry() {
        CodeTarget target = target("report:" + UUID.randomUUID());
        IssuedCode issued = issue(PER_CODE, target);
        clock.advance(PER_CODE.validity());

        assertThat(codes.pending(PER_CODE, target.challenge())).isEmpty();
        assertThat(codes.state(PER_CODE, issued.id()).orElseThrow().status()).isEqualTo(CodeStatus.EXPIRED);
        assertThat(check(PER_CODE, target, issued.code()).verdict()).as("even the right code").isEqualTo(Verdict.EXPIRED);
        assertThat(check(PER_CODE, target, wrong(issued)).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(status(issued.id())).isEqualTo("EXPIRED/0");
        assertThat(actions(target)).containsExactly("TEST_PER_CODE_CODE_SENT", "TEST_PER_CODE_CODE_EXPIRED");
    }

    @Test
    void aTypoIsNotCountedAndCodesOfAnotherPurposeDoNotAnswer() {
        CodeTarget target = target("report:" + UUID.randomUUID());
        IssuedCode issued = issue(PER_CODE, target);
        for (String typo : new String[] {"12345", "1234567", "12a456", "", null}) {
            assertThat(check(PER_CODE, target, typo).verdict()).as(String.valueOf(typo)).isEqualTo(Verdict.MALFORMED);
        }
        assertThat(check(PER_CHALLENGE, target, issued.code()).verdict()).isEqualTo(Verdict.NO_CODE);
        assertThat(codes.state(PER_CHALLENGE, issued.id())).isEmpty();
        assertThat(check(PER_CODE, target, " " + issued.code() + " ").verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(status(issued.id())).isEqualTo("USED/0");
    }

    @Test
    void aNewMobileSupersedesEveryOpenCodeOfItsHolderAndNoOneElses() {
        String holder = "group:" + UUID.randomUUID();
        CodeTarget change = new CodeTarget(holder + ":payout", holder, holder, mobile(), "010-****-0000", "test", holder);
        CodeTarget confirm = new CodeTarget("report:" + UUID.randomUUID(), "r", holder, mobile(), "010-****-0000",
                "test", holder);
        CodeTarget stranger = target("report:" + UUID.randomUUID());
        IssuedCode a = issue(PER_CODE, change);
        IssuedCode b = issue(PER_CHALLENGE, confirm);
        IssuedCode c = issue(PER_CODE, stranger);

        Integer superseded = transaction.execute(tx -> codes.supersedeHeldBy(holder, "test"));
        assertThat(superseded).isEqualTo(2);
        assertThat(check(PER_CODE, change, a.code()).verdict()).isEqualTo(Verdict.NO_CODE);
        assertThat(check(PER_CHALLENGE, confirm, b.code()).verdict()).isEqualTo(Verdict.NO_CODE);
        assertThat(check(PER_CODE, stranger, c.code()).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void parallelGuessesNeverSpendMoreThanTheAllowedTries() throws Exception {
        CodeTarget target = target("report:" + UUID.randomUUID());
        IssuedCode issued = issue(PER_CODE, target);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Verdict>> guesses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                guesses.add(() -> check(PER_CODE, target, wrong(issued)).verdict());
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Future<Verdict> f : pool.invokeAll(guesses)) {
                verdicts.add(f.get());
            }
            assertThat(verdicts).filteredOn(v -> v == Verdict.WRONG).hasSize(PER_CODE.maxWrongTries() - 1);
            assertThat(verdicts).filteredOn(v -> v == Verdict.LOCKED).hasSize(16 - PER_CODE.maxWrongTries() + 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(status(issued.id())).isEqualTo("VOID/3");
    }

    @Test
    void codesAreSixDigitsAndTheirHashIsBoundToKeyAndCode() {
        CodeHasher hasher = new CodeHasher(new KeyEncryptionKeys(KEK_A, List.of()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = hasher.newCode();
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen).as("no visible repetition in 2,000 draws from a million").hasSizeGreaterThan(1_990);

        UUID id = UUID.randomUUID();
        byte[] hash = hasher.hash(id, "012345");
        assertThat(hasher.matches(id, "012345", hash, hasher.currentKeyId())).isTrue();
        assertThat(hasher.matches(id, "012346", hash, hasher.currentKeyId())).isFalse();
        assertThat(hasher.matches(UUID.randomUUID(), "012345", hash, hasher.currentKeyId())).as("another code").isFalse();
        assertThat(hasher.matches(id, "12345", hash, hasher.currentKeyId())).isFalse();
        assertThat(hasher.matches(id, null, hash, hasher.currentKeyId())).isFalse();
        assertThat(hasher.matches(id, "012345", hash, "unknown-kek")).isFalse();

        CodeHasher otherKey = new CodeHasher(new KeyEncryptionKeys(KEK_B, List.of()));
        assertThat(otherKey.hash(id, "012345")).as("keyed: without the KEK the hash cannot be recomputed")
                .isNotEqualTo(hash);
        CodeHasher rotated = new CodeHasher(new KeyEncryptionKeys(KEK_B, List.of(KEK_A)));
        assertThat(rotated.matches(id, "012345", hash, hasher.currentKeyId())).as("a code sent before a rotation")
                .isTrue();
    }

    private IssuedCode issue(CodePolicy policy, CodeTarget target) {
        return transaction.execute(tx -> codes.issue(policy, target, "tester-" + UUID.randomUUID()));
    }

    private CodeCheck check(CodePolicy policy, CodeTarget target, String typed) {
        return transaction.execute(tx -> codes.check(policy, target.challenge(), typed, "tester"));
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status || '/' || failed_attempts from one_time_code where id = ?",
                String.class, id);
    }

    private List<String> actions(CodeTarget target) {
        return jdbc.queryForList("select action from audit_log where subject_type = ? and subject_id = ? order by id",
                String.class, target.subjectType(), target.subjectId());
    }

    private static CodeTarget target(String challenge) {
        return target(challenge, challenge);
    }

    private static CodeTarget target(String challenge, String scope) {
        return new CodeTarget(challenge, scope, "holder:" + UUID.randomUUID(), mobile(), "010-****-0000", "test",
                challenge);
    }

    /** A mobile of its own per target: the send limits per mobile are not what these tests are about. */
    private static String mobile() {
        return "010-" + (1000 + (int) (Math.random() * 9000)) + "-" + (1000 + (int) (Math.random() * 9000));
    }

    private static String wrong(IssuedCode issued) {
        return String.format("%06d", (Integer.parseInt(issued.code()) + 1) % 1_000_000);
    }
}
