package io.billflow;

import java.util.concurrent.atomic.AtomicInteger;

import io.billflow.partner.api.BusinessNumber;

/** Fresh, valid test data so that tests sharing one database never collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private TestData() {
    }

    /** A business number with a correct check digit that no other test uses. */
    public static String newBusinessNumber() {
        // office 581–587 · type 80–99 · serial 0001–9999: no part all zeros (BusinessNumber refuses those)
        int n = SEQUENCE.incrementAndGet();
        String prefix = String.format("5%02d%02d%04d", 81 + n % 7, 80 + (n / 9999) % 20, 1 + n % 9999);
        return prefix + BusinessNumber.checkDigit(prefix);
    }

    public static String partnerJson(String corpNum, String corpName) {
        return """
                {"partnerType":"BUSINESS","corpNum":"%s","corpName":"%s","ceoName":"홍길동",
                 "addr":"서울특별시 강남구 테헤란로 123","bizType":"서비스","bizClass":"광고대행",
                 "contact":{"name":"김담당","email":"tax+%s@partner.co.kr","mobile":"010-1234-5678"},
                 "extraEmails":["acct+%s@partner.co.kr"]}""".formatted(corpNum, corpName, corpNum, corpNum);
    }
}
