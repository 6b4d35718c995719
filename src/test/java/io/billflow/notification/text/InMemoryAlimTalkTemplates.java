package io.billflow.notification.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The template repository as a map, for unit tests without a database. */
class InMemoryAlimTalkTemplates implements AlimTalkTemplateRepository {

    private final Map<String, AlimTalkTemplate> byCode = new TreeMap<>();

    InMemoryAlimTalkTemplates with(String code, String title, String content, AlimTalkTemplateState state) {
        byCode.put(code, new AlimTalkTemplate(code, "INVOICE_ISSUED", title, content, List.of(), state, null,
                Instant.EPOCH, "test"));
        return this;
    }

    @Override
    public List<AlimTalkTemplate> findAll() {
        return new ArrayList<>(byCode.values());
    }

    @Override
    public Optional<AlimTalkTemplate> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    @Override
    public boolean insert(AlimTalkTemplate template) {
        return byCode.putIfAbsent(template.code(), template) == null;
    }

    @Override
    public boolean updateState(AlimTalkTemplate changed, AlimTalkTemplateState expected) {
        AlimTalkTemplate current = byCode.get(changed.code());
        if (current == null || current.state() != expected) {
            return false;
        }
        byCode.put(changed.code(), changed);
        return true;
    }
}
