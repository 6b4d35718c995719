package io.billflow.notification.text;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billflow.text.*}: which provider sends texts and which sender numbers are registered.
 *
 * @param provider      {@code simulator} (default) or {@code nurigo} (SOLAPI/CoolSMS)
 * @param senderNumbers the 발신번호 registered with the provider in advance (전기통신사업법); others are refused
 * @param apiKey        provider API key (env {@code BILLFLOW_TEXT_API_KEY})
 * @param apiSecret     provider API secret (env {@code BILLFLOW_TEXT_API_SECRET})
 * @param kakaoChannelId the Kakao business channel (발신 프로필, SOLAPI "pfId") AlimTalk is sent from
 * @param simulator     the simulator's behaviour
 * @param deliveryReports how accepted texts are followed until their delivery report
 */
@ConfigurationProperties(prefix = "billflow.text")
public record TextMessagingProperties(@DefaultValue("simulator") String provider,
                                      @DefaultValue("02-1234-5678") List<String> senderNumbers,
                                      String apiKey, String apiSecret, String kakaoChannelId,
                                      @DefaultValue Simulator simulator,
                                      @DefaultValue DeliveryReports deliveryReports) {

    /**
     * How the outbox follows a text the provider accepted until its delivery report.
     *
     * @param pollInterval how often the provider is asked about accepted texts
     * @param smsWindow    how long an SMS may stay without a report before it counts as failed (SOLAPI: 24 h)
     * @param lmsWindow    the same for an LMS (SOLAPI: 72 h)
     * @param alimTalkWindow the same for an AlimTalk; after it, its 대체문자 goes out
     */
    public record DeliveryReports(@DefaultValue("PT1M") Duration pollInterval, @DefaultValue("PT24H") Duration smsWindow,
                                  @DefaultValue("PT72H") Duration lmsWindow,
                                  @DefaultValue("PT24H") Duration alimTalkWindow) {

        /** The window of the channel a message went by. */
        public Duration window(TextChannel channel) {
            return switch (channel) {
                case SMS -> smsWindow;
                case LMS -> lmsWindow;
                case ALIMTALK -> alimTalkWindow;
            };
        }
    }

    /**
     * @param minLatency  shortest simulated provider round trip
     * @param maxLatency  longest simulated provider round trip
     * @param failureRate share of otherwise good messages that fail with a carrier error (0.0–1.0)
     * @param reportDelay how long after accepting a message its delivery report is ready (0: answered at once)
     */
    public record Simulator(@DefaultValue("PT0.02S") Duration minLatency, @DefaultValue("PT0.08S") Duration maxLatency,
                            @DefaultValue("0") double failureRate, @DefaultValue("PT2S") Duration reportDelay) {
    }
}
