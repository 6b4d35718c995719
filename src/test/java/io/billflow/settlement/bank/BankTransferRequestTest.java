package io.billflow.settlement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankTransferRequestTest {

    static TransferRequest request(String key, String account, String holder, long amount, String memo) {
        return new TransferRequest(key, "090", account, holder, amount, memo);
    }

    @Test
    void aValidRequestIsNormalised() {
        TransferRequest request = new TransferRequest("payout-42:1", " 090", "3333-01 1234567", " 주식회사 한빛 ",
                1_000_000, " 빌플로정산 ");
        assertThat(request.bank()).isEqualTo(BankCode.KAKAOBANK);
        assertThat(request.accountNumber()).isEqualTo("3333011234567");
        assertThat(request.expectedHolderName()).isEqualTo("주식회사 한빛");
        assertThat(request.memo()).isEqualTo("빌플로정산");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        TransferRequest request = request("k".repeat(64), "1".repeat(16), "가".repeat(50),
                TransferRequest.MAX_AMOUNT, "가나다라마바사");
        assertThat(request.memo().length()).isEqualTo(7);
        assertThat(request("k", "12345678", "홍길동", 1, "A").amount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: key={1} account={2} holder={3} amount={4} memo={5}")
    @CsvSource(nullValues = "NULL", value = {
            "idempotencyKey,     NULL,  3333011234567, 홍길동, 1000, 정산",
            "idempotencyKey,     '',    3333011234567, 홍길동, 1000, 정산",
            "idempotencyKey,     a b,   3333011234567, 홍길동, 1000, 정산",
            "idempotencyKey,     키,    3333011234567, 홍길동, 1000, 정산",
            "accountNumber,      k1,    1234567,       홍길동, 1000, 정산",
            "accountNumber,      k1,    12345678901234567, 홍길동, 1000, 정산",
            "accountNumber,      k1,    3333-01-12345O7, 홍길동, 1000, 정산",
            "accountNumber,      k1,    NULL,          홍길동, 1000, 정산",
            "expectedHolderName, k1,    3333011234567, NULL,   1000, 정산",
            "expectedHolderName, k1,    3333011234567, '  ',   1000, 정산",
            "amount,             k1,    3333011234567, 홍길동, 0,    정산",
            "amount,             k1,    3333011234567, 홍길동, -1,   정산",
            "amount,             k1,    3333011234567, 홍길동, 1000000000000, 정산",
            "memo,               k1,    3333011234567, 홍길동, 1000, 가나다라마바사아",
            "memo,               k1,    3333011234567, 홍길동, 1000, NULL",
            "memo,               k1,    3333011234567, 홍길동, 1000, '   '"})
    void badInputIsRefusedNamingTheField(String field, String key, String account, String holder, long amount,
                                         String memo) {
        assertThatThrownBy(() -> request(key, account, holder, amount, memo))
                .isInstanceOf(InvalidBankRequestException.class)
                .satisfies(e -> assertThat(((InvalidBankRequestException) e).field()).isEqualTo(field));
    }

    @Test
    void aKeyOfSixtyFiveCharactersIsRefused() {
        assertThatThrownBy(() -> request("k".repeat(65), "3333011234567", "홍길동", 1000, "정산"))
                .isInstanceOf(InvalidBankRequestException.class).hasMessageStartingWith("idempotencyKey");
    }

    @Test
    void aHolderNameOverFiftyCharactersIsRefused() {
        assertThatThrownBy(() -> request("k1", "3333011234567", "가".repeat(51), 1000, "정산"))
                .isInstanceOf(InvalidBankRequestException.class).hasMessageStartingWith("expectedHolderName");
    }

    @Test
    void aMemoWithAControlCharacterIsRefused() {
        assertThatThrownBy(() -> request("k1", "3333011234567", "홍길동", 1000, "정\n산"))
                .isInstanceOf(InvalidBankRequestException.class).hasMessageStartingWith("memo");
    }

    @Test
    void anUnknownBankCodeIsRefused() {
        assertThatThrownBy(() -> new TransferRequest("k1", "999", "3333011234567", "홍길동", 1000, "정산"))
                .isInstanceOf(UnknownBankCodeException.class);
    }
}
