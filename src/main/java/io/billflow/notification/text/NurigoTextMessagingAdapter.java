package io.billflow.notification.text;

import java.util.Map;
import java.util.Optional;

import net.nurigo.sdk.NurigoApp;
import net.nurigo.sdk.message.exception.NurigoException;
import net.nurigo.sdk.message.model.KakaoOption;
import net.nurigo.sdk.message.model.Message;
import net.nurigo.sdk.message.model.MessageType;
import net.nurigo.sdk.message.request.MessageListRequest;
import net.nurigo.sdk.message.request.SingleMessageSendingRequest;
import net.nurigo.sdk.message.response.MessageListResponse;
import net.nurigo.sdk.message.response.SingleMessageSentResponse;
import net.nurigo.sdk.message.service.DefaultMessageService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The real provider: SOLAPI/CoolSMS through {@code net.nurigo:sdk} (4.3.2). Active only with
 * {@code billflow.text.provider=nurigo} plus {@code billflow.text.api-key}/{@code api-secret}; never exercised
 * in tests (no network), only its mapping is ({@link #toSdkMessage}).
 *
 * <p>A successful call means "accepted" (SOLAPI status 2000): the carrier's delivery report comes later and
 * is read with {@link #deliveryReport} (message list by id): 2000/3000 still on the way, 4000 received, any other
 * code a final failure. That reading of SOLAPI's status codes is from its documentation, not from a real account:
 * check it on the first live run. Kakao's own 대체문자 is switched off ({@code disableSms}) because the outbox sends
 * the fallback itself, under its own key, when the AlimTalk's report says it failed.
 */
@Component
@ConditionalOnProperty(prefix = "billflow.text", name = "provider", havingValue = "nurigo")
class NurigoTextMessagingAdapter implements TextMessagingPort {

    static final String API_DOMAIN = "https://api.solapi.com";
    /** SOLAPI's code for "accepted, waiting for the carrier". */
    static final String ACCEPTED = "2000";
    /** SOLAPI's code for "handed to the carrier, no report yet". */
    static final String AT_CARRIER = "3000";
    /** SOLAPI's code for "received by the handset (or KakaoTalk)". */
    static final String RECEIVED = "4000";
    /** Our key, sent as a SOLAPI custom field with every message. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** How many of a recipient's newest messages are searched for our key before sending. */
    static final int RECENT_MESSAGES = 100;

    private final DefaultMessageService solapi;
    private final String kakaoChannelId;

    public NurigoTextMessagingAdapter(TextMessagingProperties properties) {
        if (isBlank(properties.apiKey()) || isBlank(properties.apiSecret())) {
            throw new IllegalStateException("billflow.text.provider=nurigo needs BILLFLOW_TEXT_API_KEY and "
                    + "BILLFLOW_TEXT_API_SECRET");
        }
        this.solapi = NurigoApp.INSTANCE.initialize(properties.apiKey(), properties.apiSecret(), API_DOMAIN);
        this.kakaoChannelId = properties.kakaoChannelId();
    }

    /**
     * Sends once per idempotency key, as the port promises. SOLAPI itself does not deduplicate, so a retry after a
     * lost answer (or a node dying between SOLAPI's "accepted" and our outbox update) would send the text again: the
     * recipient's recent messages are looked up first (one GET), and a message carrying our key is answered instead.
     */
    @Override
    public TextSendResult send(TextMessage message) {
        Optional<TextSendResult> earlier = alreadySent(message);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SingleMessageSentResponse response;
        try {
            response = solapi.sendOne(new SingleMessageSendingRequest(toSdkMessage(message, kakaoChannelId)));
        } catch (Exception e) {
            if (e instanceof NurigoException) {
                // the provider refused this message (bad number, unregistered sender, template): final
                return TextSendResult.failed(null, e.getClass().getSimpleName().replace("Nurigo", "")
                        .replace("Exception", ""), e.getMessage());
            }
            throw new TextProviderUnavailableException("SOLAPI could not be reached: " + e.getMessage(), e);
        }
        if (response == null) {
            throw new TextProviderUnavailableException("SOLAPI sent an empty answer", null);
        }
        if (ACCEPTED.equals(response.getStatusCode())) {
            return TextSendResult.accepted(response.getMessageId());
        }
        return TextSendResult.failed(response.getMessageId(), response.getStatusCode(), response.getStatusMessage());
    }

    @Override
    public Optional<TextSendResult> deliveryReport(String providerMessageId) {
        MessageListRequest request = new MessageListRequest();
        request.setMessageId(providerMessageId);
        request.setLimit(1);
        MessageListResponse response;
        try {
            response = solapi.getMessageList(request);
        } catch (Exception e) {
            throw new TextProviderUnavailableException("SOLAPI could not be asked for message " + providerMessageId
                    + ": " + e.getMessage(), e);
        }
        Message found = response == null || response.getMessageList() == null ? null
                : response.getMessageList().get(providerMessageId);
        return found == null ? Optional.empty()
                : Optional.of(reportOf(providerMessageId, found.getStatusCode(), found.getStatus()));
    }

    private Optional<TextSendResult> alreadySent(TextMessage message) {
        MessageListRequest request = new MessageListRequest();
        request.setTo(message.toDigits());
        request.setLimit(RECENT_MESSAGES);
        MessageListResponse response;
        try {
            response = solapi.getMessageList(request);
        } catch (Exception e) {
            // not knowing whether it went out, sending could send twice: try again later
            throw new TextProviderUnavailableException("SOLAPI could not be asked for the recipient's recent messages: "
                    + e.getMessage(), e);
        }
        return response == null || response.getMessageList() == null ? Optional.empty()
                : sentWithKey(response.getMessageList().values(), message.idempotencyKey());
    }

    /** The result of the message among {@code recent} that carries {@code idempotencyKey}, if one does. */
    static Optional<TextSendResult> sentWithKey(java.util.Collection<Message> recent, String idempotencyKey) {
        return recent.stream()
                .filter(m -> m.getCustomFields() != null && idempotencyKey.equals(m.getCustomFields().get(IDEMPOTENCY_KEY)))
                .findFirst().map(m -> reportOf(m.getMessageId(), m.getStatusCode(), m.getStatus()));
    }

    /** A SOLAPI status code as our result: on the way, received, or failed with the code as the reason. */
    static TextSendResult reportOf(String providerMessageId, String statusCode, String status) {
        if (statusCode == null || ACCEPTED.equals(statusCode) || AT_CARRIER.equals(statusCode)) {
            return TextSendResult.accepted(providerMessageId);
        }
        if (RECEIVED.equals(statusCode)) {
            return TextSendResult.delivered(providerMessageId);
        }
        return TextSendResult.failed(providerMessageId, "SOLAPI_" + statusCode,
                "SOLAPI status " + statusCode + (status == null ? "" : " (" + status + ")"));
    }

    /** Our message as the SDK's: numbers as digits, the type fixed (no auto-detect: we counted the bytes). */
    static Message toSdkMessage(TextMessage message, String kakaoChannelId) {
        Message sdk = new Message();
        sdk.setFrom(TextMessage.digits(message.from()));
        sdk.setTo(message.toDigits());
        sdk.setText(message.text());
        sdk.setAutoTypeDetect(false);
        // shown in SOLAPI's console next to the message, to find it from our outbox row
        sdk.setCustomFields(Map.of(IDEMPOTENCY_KEY, message.idempotencyKey()));
        switch (message.channel()) {
            case SMS -> sdk.setType(MessageType.SMS);
            case LMS -> {
                sdk.setType(MessageType.LMS);
                sdk.setSubject(message.subject());
            }
            case ALIMTALK -> {
                sdk.setType(MessageType.ATA);
                KakaoOption kakao = new KakaoOption();
                kakao.setPfId(kakaoChannelId);
                kakao.setTemplateId(message.alimtalkTemplateCode());
                kakao.setDisableSms(true);
                sdk.setKakaoOptions(kakao);
            }
        }
        return sdk;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
