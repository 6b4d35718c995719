package io.billflow.partner.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** One of the operator's own business entities: the buyer (공급받는자) on reverse invoices. */
@Table("buyer_company")
public class BuyerCompany {

    @Id
    private Long id;
    @Version
    private Integer version;
    private String corpNum;
    @Embedded.Empty
    private CompanyProfile profile;
    @Embedded.Empty(prefix = "contact_")
    private Contact contact;
    private Instant createdAt;
    private Instant updatedAt;

    protected BuyerCompany() {
    }

    public static BuyerCompany create(String corpNum, CompanyData data, Instant now) {
        BuyerCompany company = new BuyerCompany();
        company.corpNum = corpNum;
        company.update(data, now);
        company.createdAt = now;
        return company;
    }

    public void update(CompanyData data, Instant now) {
        profile = data.profile();
        contact = data.contact();
        updatedAt = now;
    }

    /** The editable data of a buyer company. */
    public record CompanyData(CompanyProfile profile, Contact contact) {
    }

    public Long id() { return id; }
    public Integer version() { return version; }
    public String corpNum() { return corpNum; }
    public CompanyProfile profile() { return profile; }
    public String taxRegId() { return profile.taxRegId(); }
    public String corpName() { return profile.corpName(); }
    public String ceoName() { return profile.ceoName(); }
    public String addr() { return profile.addr(); }
    public String bizType() { return profile.bizType(); }
    public String bizClass() { return profile.bizClass(); }
    public Contact contact() { return contact; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
