package io.billflow.notification.text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAlimTalkTemplateRepository implements AlimTalkTemplateRepository {

    private static final TypeReference<List<AlimTalkTemplate.Button>> BUTTONS = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "code, event, title, content, buttons, state, reject_reason, updated_at, updated_by";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    JdbcAlimTalkTemplateRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<AlimTalkTemplate> findAll() {
        return jdbc.query("select " + COLUMNS + " from alimtalk_template order by code", this::map);
    }

    @Override
    public Optional<AlimTalkTemplate> find(String code) {
        return jdbc.query("select " + COLUMNS + " from alimtalk_template where code = :code",
                new MapSqlParameterSource("code", code), this::map).stream().findFirst();
    }

    @Override
    public boolean insert(AlimTalkTemplate t) {
        return jdbc.update("""
                insert into alimtalk_template (code, event, title, content, buttons, state, reject_reason,
                                               created_at, created_by, updated_at, updated_by)
                values (:code, :event, :title, :content, :buttons, :state, :reason, :at, :by, :at, :by)
                on conflict (code) do nothing""", parameters(t)
                .addValue("event", t.event()).addValue("title", t.title()).addValue("content", t.content())
                .addValue("buttons", toJson(t.buttons()))) == 1;
    }

    @Override
    public boolean updateState(AlimTalkTemplate t, AlimTalkTemplateState expected) {
        return jdbc.update("""
                update alimtalk_template set state = :state, reject_reason = :reason, updated_at = :at, updated_by = :by
                where code = :code and state = :expected""",
                parameters(t).addValue("expected", expected.name())) == 1;
    }

    private static MapSqlParameterSource parameters(AlimTalkTemplate t) {
        return new MapSqlParameterSource().addValue("code", t.code()).addValue("state", t.state().name())
                .addValue("reason", t.rejectReason()).addValue("at", Timestamp.from(t.updatedAt()))
                .addValue("by", t.updatedBy());
    }

    private AlimTalkTemplate map(ResultSet rs, int row) throws SQLException {
        return new AlimTalkTemplate(rs.getString("code"), rs.getString("event"), rs.getString("title"),
                rs.getString("content"), fromJson(rs.getString("buttons")),
                AlimTalkTemplateState.valueOf(rs.getString("state")), rs.getString("reject_reason"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private String toJson(List<AlimTalkTemplate.Button> buttons) {
        try {
            return json.writeValueAsString(buttons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("buttons cannot be written as JSON", e);
        }
    }

    private List<AlimTalkTemplate.Button> fromJson(String buttons) {
        try {
            return json.readValue(buttons, BUTTONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored AlimTalk buttons are not valid JSON", e);
        }
    }
}
