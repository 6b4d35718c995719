package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.nurigo.sdk.message.model.Message;
import net.nurigo.sdk.message.model.MessageType;
import org.junit.jupiter.api.Test;

/** Only the mapping and the key lookup: the adapter itself needs SOLAPI on the network. */
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

    @Test
    void aMessageAlreadyCarryingOurKeyIsAnsweredInsteadOfSentAgain() {
        Message other = sdkMessage("M1", "4000", "other-key");
        Message ours = sdkMessage("M2", "2000", "inv-7:partner:SMS");
        Message noFields = sdkMessage("M3", "4000", null);
        TextSendResult earlier = NurigoTextMessagingAdapter.sentWithKey(List.of(other, noFields, ours),
                "inv-7:partner:SMS").orElseThrow();
        assertThat(earlier.providerMessageId()).isEqualTo("M2");
        assertThat(earlier.status()).isEqualTo(TextSendStatus.ACCEPTED);
        assertThat(NurigoTextMessagingAdapter.sentWithKey(List.of(other, noFields), "inv-7:partner:SMS")).isEmpty();
        assertThat(NurigoTextMessagingAdapter.toSdkMessage(new TextMessage(TextChannel.SMS, "02-1234-5678",
                "010-1234-5678", null, "안내", null, "inv-7:partner:SMS", false), null).getCustomFields())
                .as("the key goes out with the message, so it can be found").containsEntry("idempotencyKey",
                        "inv-7:partner:SMS");
    }

    private static Message sdkMessage(String id, String statusCode, String key) {
        Message message = new Message();
        message.setMessageId(id);
        message.setStatusCode(statusCode);
        if (key != null) {
            message.setCustomFields(java.util.Map.of("idempotencyKey", key));
        }
        return message;
    }
}
