package io.billflow.partner.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.billflow.partner.api.PartnerType;
import io.billflow.partner.domain.Partner;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Partner search: name or number fragment, type, NTS link, business state; newest first, paged. */
@Component
public class PartnerSearch {

    /** Search criteria; null means "any". */
    public record Criteria(String query, PartnerType type, Boolean linked, String businessState) {
    }

    /** One page of results. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PartnerRepository partners;

    public PartnerSearch(NamedParameterJdbcTemplate jdbc, PartnerRepository partners) {
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public Page<Partner> search(Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (criteria.query() != null && !criteria.query().isBlank()) {
            where.append(" and (lower(corp_name) like :q or corp_num like :digits)");
            String q = criteria.query().trim().toLowerCase().replace("%", "\\%").replace("_", "\\_");
            params.addValue("q", "%" + q + "%").addValue("digits", "%" + q.replace("-", "") + "%");
        }
        if (criteria.type() != null) {
            where.append(" and partner_type = :type");
            params.addValue("type", criteria.type().name());
        }
        if (criteria.linked() != null) {
            where.append(criteria.linked() ? " and nts_linked_at is not null" : " and nts_linked_at is null");
        }
        if (criteria.businessState() != null) {
            where.append(" and business_state = :state");
            params.addValue("state", criteria.businessState());
        }
        Long total = jdbc.queryForObject("select count(*) from partner" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Long> ids = jdbc.queryForList("select id from partner" + where
                + " order by created_at desc, id desc limit :limit offset :offset", params, Long.class);
        Map<Long, Partner> byId = partners.findAllById(ids).stream()
                .collect(Collectors.toMap(Partner::id, Function.identity()));
        List<Partner> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(byId.get(id)));
        return new Page<>(ordered, page, size, total == null ? 0 : total);
    }
}
