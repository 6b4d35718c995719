package io.billflow.notification.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.platform.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per recipient and event: e-mail, KakaoTalk (AlimTalk) and SMS on or off, as in Kakao Harmony's
 * notification settings. Without a stored choice: e-mail on, AlimTalk on (where the event has a
 * template and the recipient a mobile), SMS only as AlimTalk's fallback. Mandatory notices keep e-mail.
 */
@Service
public class NotificationPreferences {

    /** The channels a preference can switch. */
    public enum Channel { EMAIL, ALIMTALK, SMS }

    /** One event's setting for one recipient. */
    public record Preference(NotificationEvent eventType, boolean email, boolean alimtalk, boolean sms,
                             boolean mandatory, boolean stored) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationPreferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Preference> of(String recipientKey) {
        Map<String, Preference> stored = jdbc.query("select event_type, email_enabled, alimtalk_enabled, sms_enabled "
                        + "from notification_preference where recipient_key = ?",
                (rs, i) -> new Preference(NotificationEvent.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), NotificationEvent.valueOf(rs.getString(1)).mandatory(), true), recipientKey)
                .stream().collect(Collectors.toMap(p -> p.eventType().name(), Function.identity()));
        List<Preference> all = new ArrayList<>();
        for (NotificationEvent event : NotificationEvent.values()) {
            all.add(event.secret() ? unstored(event) : stored.getOrDefault(event.name(), unstored(event)));
        }
        return all;
    }

    @Transactional
    public Preference set(String recipientKey, NotificationEvent event, boolean email, boolean alimtalk, boolean sms,
                          String actor) {
        if (event.secret()) {
            throw new InvalidInputException("event", event.name() + " carries a one-time code: it always goes by SMS "
                    + "to the mobile it verifies and cannot be switched");
        }
        if (event.mandatory() && !email) {
            throw new InvalidInputException("email", event.name() + " is a mandatory legal notice; its e-mail cannot "
                    + "be switched off (법정 안내)");
        }
        jdbc.update("""
                insert into notification_preference (recipient_key, event_type, email_enabled, alimtalk_enabled,
                    sms_enabled, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (recipient_key, event_type) do update set email_enabled = excluded.email_enabled,
                    alimtalk_enabled = excluded.alimtalk_enabled, sms_enabled = excluded.sms_enabled,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                recipientKey, event.name(), email, alimtalk, sms, Timestamp.from(clock.instant()), actor);
        return new Preference(event, email, alimtalk, sms, event.mandatory(), true);
    }

    /** The channels to use now for this recipient and event. */
    public Set<Channel> channels(String recipientKey, NotificationEvent event) {
        return channels(List.of(recipientKey), event).get(recipientKey);
    }

    /**
     * The channels to use now for each of these recipients and one event, from one query (a batch tells
     * thousands of recipients about the same kind of event).
     */
    public Map<String, Set<Channel>> channels(Collection<String> recipientKeys, NotificationEvent event) {
        Map<String, Preference> stored = new HashMap<>();
        if (!event.secret() && !recipientKeys.isEmpty()) {
            jdbc.query(con -> {
                var statement = con.prepareStatement("select recipient_key, email_enabled, alimtalk_enabled, sms_enabled "
                        + "from notification_preference where event_type = ? and recipient_key = any(?)");
                statement.setString(1, event.name());
                statement.setArray(2, con.createArrayOf("varchar", recipientKeys.toArray()));
                return statement;
            }, rs -> {
                stored.put(rs.getString(1), new Preference(event, rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        event.mandatory(), true));
            });
        }
        Map<String, Set<Channel>> channels = new HashMap<>();
        for (String recipientKey : recipientKeys) {
            channels.put(recipientKey, channelsOf(stored.getOrDefault(recipientKey, unstored(event)), event));
        }
        return channels;
    }

    /** What applies without a stored choice (a one-time code: SMS only). */
    private static Preference unstored(NotificationEvent event) {
        return event.secret() ? new Preference(event, false, false, true, true, false)
                : new Preference(event, true, true, false, event.mandatory(), false);
    }

    private static Set<Channel> channelsOf(Preference preference, NotificationEvent event) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (preference.email() || event.mandatory()) {
            channels.add(Channel.EMAIL);
        }
        if (preference.alimtalk()) {
            channels.add(Channel.ALIMTALK);
        }
        if (preference.sms()) {
            channels.add(Channel.SMS);
        }
        return channels;
    }
}
