package io.billflow.partner.demo;

import java.time.Clock;
import java.util.List;

import io.billflow.partner.api.PartnerType;
import io.billflow.partner.application.BuyerCompanyRepository;
import io.billflow.partner.application.PartnerService;
import io.billflow.partner.domain.BuyerCompany;
import io.billflow.partner.domain.CompanyProfile;
import io.billflow.partner.domain.Contact;
import io.billflow.partner.domain.PartnerData;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local profile only: the demo's buyer company and partners, registered through the same use cases the API calls
 * (a business partner is linked to NTS, so a reverse invoice can be requested from it). Idempotent: the buyer is
 * found by its business number, a partner by its contact e-mail.
 */
@Component
@Profile("local")
public class PartnerDemoData {

    /** A demo partner: what the partner form asks for, and the contact who gets its mails. */
    public record DemoPartner(PartnerType type, String corpNum, String name, String ceo, String address,
                              String bizType, String bizClass, String contactName, String contactEmail,
                              String contactMobile) {
    }

    private final PartnerService partners;
    private final BuyerCompanyRepository buyers;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PartnerDemoData(PartnerService partners, BuyerCompanyRepository buyers, JdbcTemplate jdbc, Clock clock) {
        this.partners = partners;
        this.buyers = buyers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The platform operator as buyer company under this business number, made the first time; its id. */
    @Transactional
    public long buyerCompany(String corpNum) {
        return buyers.findByCorpNum(corpNum).map(BuyerCompany::id).orElseGet(() -> buyers.save(BuyerCompany.create(
                corpNum, new BuyerCompany.CompanyData(new CompanyProfile(null, "(주)빌플로우미디어", "정운영", "서울특별시 중구 세종대로 110",
                        "서비스", "온라인광고플랫폼"), new Contact("박정산", "billing@billflow-media.kr", "02-1234-5678", null)),
                clock.instant())).id());
    }

    /** The partner, registered (and for a business linked to NTS) the first time; its id. */
    @Transactional
    public long partner(DemoPartner demo, String actor) {
        List<Long> found = jdbc.queryForList("select id from partner where contact_email = ? order by id limit 1",
                Long.class, demo.contactEmail());
        if (!found.isEmpty()) {
            return found.get(0);
        }
        long id = partners.register(new PartnerData(demo.type(), demo.corpNum(), null, demo.name(), demo.ceo(),
                demo.address(), demo.bizType(), demo.bizClass(),
                new Contact(demo.contactName(), demo.contactEmail(), demo.contactMobile(), null), List.of())).id();
        if (demo.type() == PartnerType.BUSINESS) {
            partners.link(id, actor); // 국세청 연동: a reverse invoice can be requested from it
        }
        return id;
    }
}
