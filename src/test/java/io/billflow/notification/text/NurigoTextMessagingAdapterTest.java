package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.nurigo.sdk.message.model.Message;
import net.nurigo.sdk.message.model.MessageType;
import org.junit.jupiter.api.Test;

/** Only the mapping: the adapter itself needs SOLAPI on the network. */
class NurigoTextMessagingAdapterTest {

    @Test
    void lmsKeepsSubjectAndNumbersBecomeDigits() {
        Message sdk = NurigoTextMessagingAdapter.toSdkMessage(new TextMessage(TextChannel.LMS, "02-1234-5678",
                "010-1234-5678", "발행 안내", "가".repeat(50), null, "k1", false), "KA01PF");
        assertThat(sdk.getType()).isEqualTo(MessageType.LMS);
        assertThat(sdk.getFrom()).isEqualTo("0212345678");
        assertThat(sdk.getTo()).isEqualTo("01012345678");
        assertThat(sdk.getSubject()).isEqualTo("발행 안내");
        assertThat(sdk.getAutoTypeDetect()).isFalse();
        assertThat(sdk.getKakaoOptions()).isNull();
    }

    @Test
    void alimTalkCarriesChannelTemplateAndNoProviderFallback() {
        Message sdk = NurigoTextMessagingAdapter.toSdkMessage(new TextMessage(TextChannel.ALIMTALK, "02-1234-5678",
                "010-1234-5678", null, "발행 완료", "BF_INVOICE_ISSUED", "k1", false), "KA01PF");
        assertThat(sdk.getType()).isEqualTo(MessageType.ATA);
        assertThat(sdk.getText()).isEqualTo("발행 완료");
        assertThat(sdk.getKakaoOptions().getPfId()).isEqualTo("KA01PF");
        assertThat(sdk.getKakaoOptions().getTemplateId()).isEqualTo("BF_INVOICE_ISSUED");
        assertThat(sdk.getKakaoOptions().getDisableSms()).isTrue();
    }

    @Test
    void solapiStatusCodesBecomeDeliveryReports() {
        assertThat(NurigoTextMessagingAdapter.reportOf("M1", "2000", "PENDING").status())
                .as("accepted, not yet at the carrier").isEqualTo(TextSendStatus.ACCEPTED);
        assertThat(NurigoTextMessagingAdapter.reportOf("M1", "3000", "SENDING").status())
                .as("at the carrier, no report yet").isEqualTo(TextSendStatus.ACCEPTED);
        assertThat(NurigoTextMessagingAdapter.reportOf("M1", null, null).status()).isEqualTo(TextSendStatus.ACCEPTED);
        TextSendResult received = NurigoTextMessagingAdapter.reportOf("M1", "4000", "COMPLETE");
        assertThat(received.status()).isEqualTo(TextSendStatus.DELIVERED);
        assertThat(received.providerMessageId()).isEqualTo("M1");
        TextSendResult failed = NurigoTextMessagingAdapter.reportOf("M1", "3059", "FAILED");
        assertThat(failed.failed()).isTrue();
        assertThat(failed.failureCode()).isEqualTo("SOLAPI_3059");
        assertThat(failed.failureReason()).contains("3059", "FAILED");
        assertThat(failed.charged()).isFalse();
    }
}
