package io.billflow.notification.text;

import java.util.List;
import java.util.Optional;

/** Where templates are kept: {@link JdbcAlimTalkTemplateRepository} in the application, a map in unit tests. */
public interface AlimTalkTemplateRepository {

    List<AlimTalkTemplate> findAll();

    Optional<AlimTalkTemplate> find(String code);

    /** @return false when the code is taken */
    boolean insert(AlimTalkTemplate template);

    /** Moves the state only if it is still {@code expected}; @return false when someone else moved it first. */
    boolean updateState(AlimTalkTemplate changed, AlimTalkTemplateState expected);
}
